"""The ways English states a standing tie, one row per construction, over the real actor stage.

Each construction has a row where it must fire and, next to it, a row where it must not (a
list, a single act, a tie named of something that is no actor, a negated tie). Rows give
``(country_a, country_b, type, certainty)``; symmetric types may come in either order.
"""

from __future__ import annotations

import pytest

from sitroom.actors.resolve import find_actors
from sitroom.sourcing.relations import SYMMETRIC, find_relations


def _relations(nlp, text):
    doc = nlp(text)
    actors = find_actors(doc)
    out = set()
    for rel in find_relations(doc, actors):
        a, b = actors.actor(rel.a), actors.actor(rel.b)
        pair = (a.country, b.country)
        if rel.type in SYMMETRIC:
            pair = tuple(sorted(pair, key=str))
        out.add((*pair, rel.type, rel.certainty))
    return out


def _row(a, b, rtype, certainty="confirmed"):
    pair = tuple(sorted((a, b), key=str)) if rtype in SYMMETRIC else (a, b)
    return (*pair, rtype, certainty)


CASES = [
    # "the alliance of X and Y": the pair; a list of partners to a deal is none
    ("The alliance of Kenya and Uganda has lasted decades.", {_row("KEN", "UGA", "alliance")}),
    ("Kenya and Uganda signed a trade deal.", set()),
    # "Y, X's ally": apposition owned by X; "Y, a Chinese ally": the modifier names X
    ("Uganda, Kenya's ally, sent troops.", {_row("KEN", "UGA", "alliance")}),
    ("Pakistan, a Chinese ally, hosted the talks.", {_row("PAK", "CHN", "alliance")}),
    ("Uganda, a large country, sent troops.", set()),
    # "Y is X's closest ally" / "Y is X's proxy": a predicate owned by X
    ("The United States is Israel's closest ally.", {_row("ISR", "USA", "alliance")}),
    ("The Houthis are Iran's proxies.", {_row("IRN", "YEM", "influence")}),
    ("The Houthis are Iran's problem.", set()),
    # "X's arch-rival Y": the cue modifies the name
    ("India's arch-rival Pakistan tested a missile.", {_row("IND", "PAK", "rivalry")}),
    ("Oman's war veteran Said Harthi spoke.", set()),
    # "X and Y are at war / at odds": the subject pair
    ("Kenya and Uganda have been at war since 2014.", {_row("KEN", "UGA", "conflict")}),
    ("Kenya and Uganda are at odds over the border.", {_row("KEN", "UGA", "rivalry")}),
    ("Kenya and Uganda are at the summit.", set()),
    # "X and Y fought a war / have a dispute": a holding verb with a paired subject
    ("Armenia and Azerbaijan fought a war over the region in 2020.",
     {_row("ARM", "AZE", "conflict")}),
    ("Kenya and Somalia have a long-running maritime dispute.", {_row("KEN", "SOM", "conflict")}),
    ("Kenya and Somalia condemned the war.", set()),
    # a conflict noun's holder must hold it: "Z condemned the war against Y" says nothing of Z
    ("Kenya's war on Uganda entered its third year.", {_row("KEN", "UGA", "conflict")}),
    ("Poland condemned the war against Ukraine.", set()),
    ("Russia's invasion of Ukraine began in 2022.", {_row("RUS", "UKR", "conflict")}),
    ("Poland condemned the invasion of Ukraine.", set()),
    # "fighting between X and Y" as a noun; "tensions between X and Y"
    ("Fighting between Kenya and Uganda resumed.", {_row("KEN", "UGA", "conflict")}),
    ("Tensions between China and Taiwan rose.", {_row("CHN", "TWN", "rivalry")}),
    # "the conflict in which X fights Y": the sides named in the relative clause
    ("The conflict in which Ethiopia fights Eritrea has killed thousands.",
     {_row("ETH", "ERI", "conflict")}),
    ("The conflict in which thousands died has ended.", set()),
    # an ongoing fight is a conflict, a finished act is an event
    ("The Houthis have been fighting Saudi Arabia since 2015.", {_row("SAU", "YEM", "conflict")}),
    ("Saudi Arabia fought the Houthis on Monday.", set()),
    # backing: active present or with an adverb of duration; a single act is none
    ("Iran backs the Houthis.", {_row("IRN", "YEM", "influence")}),
    ("Iran has long backed the Houthis.", {_row("IRN", "YEM", "influence")}),
    ("Germany backed France in the vote.", set()),
    ("Kenya backs Uganda's bid for the seat.", set()),
    # "Y, which is backed by X" / "X-supported Y" / "Y, the X-backed group"
    ("Hamas, which is backed by Iran, fired rockets.", {_row("IRN", "PSE", "influence")}),
    ("The Iran-supported Houthis fired rockets.", {_row("IRN", "YEM", "influence")}),
    ("Hezbollah, the Iran-backed group, fired rockets.", {_row("IRN", "LBN", "influence")}),
    ("The plan, supported by Iran, failed.", set()),
    # "X's support for Y": a backing noun owned by the patron
    ("Kenya's military support for Uganda grew.", {_row("KEN", "UGA", "influence")}),
    ("Kenya's support for the plan grew.", set()),
    # hedged or reported ties are not confirmed
    ("Iran reportedly backs the Houthis.", {_row("IRN", "YEM", "influence", "reported")}),
    # "X, a region of Y" / "X is under Y's rule": only across country codes
    ("Hong Kong, a special administrative region of China, saw protests.",
     {_row("CHN", "HKG", "influence")}),
    ("Hong Kong has been under Chinese rule since 1997.", {_row("CHN", "HKG", "influence")}),
    ("Texas, a state of the United States, voted.", set()),
    ("Hong Kong, a semi-autonomous Chinese territory, saw protests.",
     {_row("CHN", "HKG", "influence")}),
    ("Hong Kong, a former colony that returned to Chinese rule in 1997, saw protests.",
     {_row("CHN", "HKG", "influence")}),
    ("Kenya returned to civilian rule in 1990.", set()),
    # "X was handed over to Y": a territory passes to a state; a person's return is none
    ("Hong Kong was handed over to China in 1997.", {_row("CHN", "HKG", "influence")}),
    ("Kenya's president returned to Uganda for talks.", set()),
    ("Kenya has been under pressure since 1997.", set()),
    # membership of an organisation, and its denial
    ("Kenya is a member of the African Union.", {_row("KEN", "IGO", "partnership")}),
    ("Brazil is not a member of the G7.", set()),
    ("Kenya is no ally of Uganda.", set()),
    # "X's encroachment on / interference in Y"
    ("Russian interference in the American election was investigated.",
     {_row("RUS", "USA", "influence")}),
    # a relative subject holds the tie: "X, which claims sovereignty over Y"
    ("China, which claims sovereignty over Taiwan, protested.", {_row("CHN", "TWN", "influence")}),
    # a coalition "against" a group is no partnership with it
    ("The coalition against the Islamic State bombed the town.", set()),
    # the other side carried by the verb: "waging war against Y", "at war with Y",
    # "pledged allegiance to Y", "declared war on Y"
    ("The Taliban, who have been waging war against the Afghan government, claimed the attack.",
     {_row("AFG", "AFG", "conflict")}),
    ("The United States has been at war with al-Qaeda since 2001.",
     {_row("USA", "IMG", "conflict")}),
    ("Kenya declared war on Uganda in 1990.", {_row("KEN", "UGA", "conflict")}),
    # a tie that is only talked of is none; a party named as ally is one whatever the verb
    ("Kenya discussed cooperation with Uganda.", set()),
    ("Kenya has been encouraging allies such as Uganda to restrict the flights.",
     {_row("KEN", "UGA", "alliance")}),
    # an opponent of a war is no rival of the country named in it
    ("The senator was an outspoken opponent of the Iraq War.", set()),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_relation_grammar(nlp, text, want):
    assert _relations(nlp, text) == want
