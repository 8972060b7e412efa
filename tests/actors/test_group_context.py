"""Groups without a country, state acts, name particles, currencies and regional
demonyms (own sentences, with negative cases)."""

from __future__ import annotations

import pytest
from actor_helpers import find as _find
from actor_helpers import run as _run

from sitroom.actors.lexicon import normalize
from sitroom.actors.model import ActorIndex

# sentence, a word of the group's name, the country it must get
GROUPS = [
    # (a) followers take the country of whom they follow
    ("Thousands of supporters of Bolivian President Marco Ruiz rallied.", "supporters", "BOL"),
    ("Members of the Taliban attacked a checkpoint.", "Members", "AFG"),
    # (b) where they are
    ("Students marched in Lima on Monday.", "Students", "PER"),
    ("Tens of thousands of people marched through the streets of Nairobi.", "people", "KEN"),
    # (c) a sentence whose actors and places share one country
    ("Protesters clashed with Bolivian police.", "Protesters", "BOL"),
    ("The Chilean government said hackers attacked its servers.", "hackers", "CHL"),
    ("Villagers said gunmen burned their homes near Kandahar.", "gunmen", "AFG"),
]


@pytest.mark.parametrize(("text", "word", "country"), GROUPS)
def test_group_country(text: str, word: str, country: str) -> None:
    actor = _find(_run(text), word)
    assert actor is not None and actor.country == country, actor


def test_domestic_reason_is_recorded() -> None:
    actor = _find(_run("Protesters clashed with Bolivian police."), "Protesters")
    assert actor is not None and actor.reason and "context.domestic" in actor.reason


# sentence, a word of the group's name, the country it must NOT have (None: no actor at all
# is fine too)
GROUP_NEGATIVES = [
    # an embassy sits abroad: it does not say where protesters are from
    ("Protesters stormed the Chilean embassy in the capital.", "Protesters", "CHL"),
    # two countries in the sentence: no guess
    ("Protesters in Lima denounced Chinese investment.", "Protesters", "CHN"),
    # "both sides" names the parties, not a people
    ("Peruvian officials said both sides held talks.", "sides", "PER"),
]


@pytest.mark.parametrize(("text", "word", "wrong"), GROUP_NEGATIVES)
def test_group_not_country(text: str, word: str, wrong: str) -> None:
    actor = _find(_run(text), word)
    assert actor is None or actor.country != wrong


def test_weak_group_without_any_country_is_dropped() -> None:
    assert _find(_run("Hackers stole the data last week."), "Hackers") is None


def test_follower_noun_is_not_a_title() -> None:
    actor = _find(_run("Supporters of Bolivian President Marco Ruiz rallied."), "Ruiz")
    assert actor is not None
    assert "Supporters" not in actor.mentions[0].text


ACTS = [
    ("Lawmakers rejected the proposed Peruvian changes to the deal.", "PER", True),
    ("The Turkish offensive continued for a week.", "TUR", True),
    ("Officials dismissed a Russian proposal on Monday.", "RUS", True),
    ("They ate Chinese food at the summit.", "CHN", False),
]


@pytest.mark.parametrize(("text", "country", "act"), ACTS)
def test_state_adjective_act(text: str, country: str, act: bool) -> None:
    rules = {m.rule for m in _run(text).mentions
             if any(a.id == m.actor_id and a.country == country for a in _run(text).actors)}
    assert ("state.adjective.act" in rules) is act, rules


def test_name_with_particle_is_one_person() -> None:
    index = _run("Abdel Fattah el-Sisi met the envoy. Sisi said the talks went well.")
    people = [a for a in index.actors if a.kind == "person" and "Sisi" in a.name]
    assert len(people) == 1 and people[0].country == "EGY"
    assert len(people[0].mentions) == 2


@pytest.mark.parametrize(
    "text",
    ["The bridge cost US$ 40 million.", "Tickets cost HK$ 90 each."],
)
def test_currency_is_not_a_state(text: str) -> None:
    assert all(a.kind != "state" for a in _run(text).actors)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("South American leaders met in Quito.", "USA"),
        ("North American trade fell.", "USA"),
    ],
)
def test_regional_demonym_is_not_a_country(text: str, wrong: str) -> None:
    assert all(a.country != wrong for a in _run(text).actors)


def test_american_alone_is_still_the_united_states() -> None:
    assert any(a.country == "USA" for a in _run("American officials met in Quito.").actors)


def test_senator_takes_the_documents_country_over_a_foreign_place() -> None:
    text = ("The United States debated the bill. The White House opposed it. "
            "In Moscow, Senator Amy Holt met Russian officials.")
    actor = _find(_run(text), "Holt")
    assert actor is not None and actor.country == "USA"


def test_newspaper_based_somewhere_takes_that_country() -> None:
    actor = _find(_run("A newspaper based in Nairobi printed the letter."), "newspaper")
    assert actor is not None and actor.country == "KEN"


def test_normalize_is_memoized() -> None:
    assert normalize("The  Hague") == "hague"
    hits = normalize.cache_info().hits
    assert normalize("The  Hague") == "hague"
    assert normalize.cache_info().hits == hits + 1


# sentence, a word of the person's name, country, sector
TITLES = [
    # a portfolio inside a title keeps the organisation before it
    ("AU peace and security commissioner Albert Kimo announced the plan.", "Kimo", "IGO", "GOV"),
    # "NAME, who was TITLE": the predicate of the relative clause is a title
    ("Maria Lenz, who was the German envoy to the talks, criticized the decision.", "Lenz",
     "DEU", "GOV"),
    # "NAME, of the provincial council": a member of a body takes its sector
    ("Omar Said, of the Kabul provincial council, described the damage.", "Said", "AFG", "LEG"),
    # a special representative is a government title
    ("Peruvian special representative Ana Cruz arrived.", "Cruz", "PER", "GOV"),
]


@pytest.mark.parametrize(("text", "word", "country", "sector"), TITLES)
def test_title_rules(text: str, word: str, country: str, sector: str) -> None:
    actor = _find(_run(text), word)
    assert actor is not None and (actor.country, actor.sector) == (country, sector), actor


@pytest.mark.parametrize(
    ("text", "word", "not_in_mention"),
    [
        # a coordinated group before a titled name is not part of the title
        ("The deal angered farmers and Kenyan trade minister Ruth Oto.", "Oto", "farmers"),
        ("Protesters and police officer Tom Lee clashed.", "Lee", "Protesters"),
    ],
)
def test_title_does_not_cross_a_coordination(text: str, word: str, not_in_mention: str) -> None:
    actor = _find(_run(text), word)
    assert actor is not None and not_in_mention not in actor.mentions[0].text


def test_titled_people_decide_a_senators_country() -> None:
    text = ("Turkey attacked. Turkish troops moved. Turkey said so. US President Joe Bell "
            "spoke. US Ambassador Ann Lee agreed. Senator Tom Reed criticised Turkey.")
    actor = _find(_run(text), "Reed")
    assert actor is not None and actor.country == "USA"


def test_group_named_by_a_countryless_body_gets_no_domestic_country() -> None:
    actor = _find(_run("Turkish officials said captured ISIS fighters escaped."), "fighters")
    # the group's own code (IMG: an international militarized group), never the speaker's state
    assert actor is not None and actor.country == "IMG"


# sentence, a word of the organisation's name, country ("NGO" when none applies), sector
INSTITUTIONS = [
    ("The Harwell Institution published a report.", "Harwell", "NGO", "NGO"),
    ("The Lindqvist Foundation funded the clinic.", "Lindqvist", "NGO", "NGO"),
    ("The Carnegie Endowment said the plan was flawed.", "Carnegie", "NGO", "NGO"),
    ("The Danish Refugee Council was right.", "Refugee", "DNK", "NGO"),
    # a government's councils stay governmental
    ("The Kabul Provincial Council met on Monday.", "Provincial", "AFG", "LEG"),
]


@pytest.mark.parametrize(("text", "word", "country", "sector"), INSTITUTIONS)
def test_institutions(text: str, word: str, country: str | None, sector: str) -> None:
    actor = _find(_run(text), word)
    assert actor is not None and (actor.country, actor.sector) == (country, sector), actor


def test_lowercase_foundation_is_not_an_actor() -> None:
    assert not _run("The foundation of the state was laid in 1960.").actors


def _pronoun_owner(index: ActorIndex, pronoun: str) -> str | None:
    for mention in index.mentions:
        if mention.text == pronoun:
            return next(a.name for a in index.actors if a.id == mention.actor_id)
    return None


@pytest.mark.parametrize(
    ("text", "pronoun", "owner"),
    [
        # a pronoun is never its own clause's subject ("Smith praised him")
        ("John Smith met Tom Brown and praised him.", "him", "Tom Brown"),
        ("Tom Brown spoke. John Smith praised him.", "him", "Tom Brown"),
        # reflexive and possessive pronouns may be the subject
        ("John Smith praised his team.", "his", "John Smith"),
        # a pronoun inside a quotation does not reach a person outside it
        ('John Smith told reporters "he is wrong" and left.', "he", None),
    ],
)
def test_pronoun_links(text: str, pronoun: str, owner: str | None) -> None:
    assert _pronoun_owner(_run(text), pronoun) == owner


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Abdel Fattah el-Sisi met the envoy. Later el-Sisi spoke and Sisi left.", 3),
        ("Recep Tayyip Erdogan spoke. Tayyip Erdogan said so. Erdogan left.", 3),
    ],
)
def test_short_forms_merge_into_the_full_name(text: str, count: int) -> None:
    people = [a for a in _run(text).actors if a.kind == "person" and a.name != "envoy"]
    assert len(people) == 1 and len(people[0].mentions) == count, people


def test_different_surnames_stay_apart() -> None:
    index = _run("John Smith met Tom Brown. Smith praised Brown.")
    assert len([a for a in index.actors if a.kind == "person"]) == 2
