"""Unnamed doers, local governments and the country of a sentence.

- "several assailants", "the attacker", "two suspects", "the accused", "kidnappers" are
  actors even without a country (an act needs its doer); their country comes only from a
  clue or a one-country sentence, their sector from our codebook (gunmen and armed men
  REB, criminals CRM, an unidentified attacker or suspect none);
- a news organisation in a sentence ("told the BBC") does not give the sentence its country;
- "the city government", "the Mombasa government", "the government of Ontario" are a local
  government (rule ``government.local``), never the national government's actor; a
  capital ("the Nairobi government") still names the nation's government.
"""

from __future__ import annotations

import pytest
from tests.actors.actor_helpers import run


def _actor(text: str, word: str):
    index = run(text)
    for actor in index.actors:
        if word in actor.name.lower() or any(word in m.text.lower() for m in actor.mentions):
            return actor
    return None


# sentence, a word of the doer, its country, its sector
DOERS = [
    ("Several assailants stabbed a shopkeeper late at night.", "assailants", None, None),
    ("The attacker fled before the guards arrived.", "attacker", None, None),
    ("Two suspects were seen leaving the building.", "suspects", None, None),
    ("Police said the accused had planned the raid for weeks.", "accused", None, None),
    ("Kidnappers seized two aid workers near the border.", "kidnappers", None, "CRM"),
    ("Armed men stopped a bus on the highway.", "armed men", None, "REB"),
    ("Multiple assailants attacked a reporter in Kenya.", "assailants", "KEN", None),
    ("A Peruvian suspect was held at the airport.", "suspect", "PER", None),
]


@pytest.mark.parametrize(("text", "word", "country", "sector"), DOERS)
def test_an_unnamed_doer_is_an_actor(text, word, country, sector):
    actor = _actor(text, word)
    assert actor is not None, [a.name for a in run(text).actors]
    assert (actor.country, actor.sector) == (country, sector)


# negative rows: the same words that are no doer
NOT_DOERS = [
    ("A suspect package was found at the station.", "suspect"),  # an adjective
    ("She accused the mayor of lying.", "accused"),  # a verb
    ("The men accused of fraud were freed.", "accused"),  # a participle after its noun
]


@pytest.mark.parametrize(("text", "word"), NOT_DOERS)
def test_the_same_word_as_no_noun_is_no_actor(text, word):
    index = run(text)
    assert not any(word in m.text.lower() for m in index.mentions), \
        [m.text for m in index.mentions]


# sentence, a word of the group, its country
MEDIA_NOT_PLACE = [
    ("Police told the BBC that the attackers had fled.", "attackers", None),
    ("Police told the BBC that the attackers had fled.", "police", None),
    # negative: a place in the sentence still gives the country
    ("Police in Kenya told the BBC that the attackers had fled.", "attackers", "KEN"),
]


@pytest.mark.parametrize(("text", "word", "country"), MEDIA_NOT_PLACE)
def test_a_news_outlet_does_not_give_the_sentence_its_country(text, word, country):
    actor = _actor(text, word)
    assert actor is not None
    assert actor.country == country


# sentence, a word of the government, its rule, its country
GOVERNMENTS = [
    ("The Mombasa city government closed the market.", "mombasa", "government.local", "KEN"),
    ("The Mombasa government closed the market.", "mombasa", "government.local", "KEN"),
    ("The municipal government of Mombasa closed the market.", "municipal",
     "government.local", "KEN"),
    ("Local authorities in Mombasa closed the market.", "local", "government.local", "KEN"),
    ("The city government closed the market.", "city", "government.local", None),
    # negative rows: a country or its capital names the national government
    ("The Kenyan government closed the market.", "government", None, "KEN"),
    ("The Nairobi government closed the market.", "government", None, "KEN"),
]


@pytest.mark.parametrize(("text", "word", "rule", "country"), GOVERNMENTS)
def test_a_city_government_is_not_the_nations(text, word, rule, country):
    actor = _actor(text, word)
    assert actor is not None, [a.name for a in run(text).actors]
    assert actor.country == country
    assert actor.sector == "GOV"
    if rule is None:
        assert actor.kind == "state"
    else:
        assert actor.rule == rule and actor.kind == "organization"


def test_a_local_government_is_a_separate_actor():
    index = run("Kenya's government said the Mombasa city government had closed the market.")
    govs = [a for a in index.actors if a.sector == "GOV"]
    assert len(govs) == 2
    assert {a.kind for a in govs} == {"state", "organization"}


# text; the name of the actor "the commission" joins, or None for no link
BODY_ANAPHORS = [
    ("The Lakeside Electoral Commission of Kenya met on Monday. The commission said turnout "
     "was low.", "Lakeside Electoral Commission of Kenya"),
    ("The Kenyan Harbour Commission met. The ministry said the commission was wrong.",
     "Kenyan Harbour Commission"),
    # negative rows: two commissions named before it, or none, or another head noun
    ("The Kenyan Harbour Commission and the Peruvian Harbour Commission met. The commission "
     "said trade fell.", None),
    ("The commission said turnout was low.", None),
    ("The Kenyan Harbour Commission met. The ministry said trade fell.", None),
]


@pytest.mark.parametrize(("text", "joins"), BODY_ANAPHORS)
def test_the_commission_joins_the_one_commission_named_before(text, joins):
    index = run(text)
    linked = [m for m in index.mentions if m.rule == "coref.body"]
    if joins is None:
        assert not linked
        return
    assert len(linked) == 1
    actor = index.actor(linked[0].actor_id)
    assert actor is not None and actor.name == joins
    assert len(actor.mentions) == 2
