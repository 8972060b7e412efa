"""Titles, affiliations, companies, groups and context fallbacks (own sentences, with
negative cases). Each row: sentence, a word of the actor's name, kind, country, sector."""

from __future__ import annotations

import pytest
from actor_helpers import named as _named
from actor_helpers import run as _run

CASES = [
    # "NAME of COUNTRY" after a name gives the country; a plural title is shared
    ("On Friday Presidents Omar Kallo of Chad and Tom Belk of Ghana signed the accord.",
     "Kallo", "person", "TCD", "GOV"),
    ("On Friday Presidents Omar Kallo of Chad and Tom Belk of Ghana signed the accord.",
     "Belk", "person", "GHA", "GOV"),
    ("Prime Minister Ana Velo of Portugal arrived in Rome.", "Velo", "person", "PRT", "GOV"),
    # the adjective before the title, never the destination after "to"
    ("Canadian Ambassador to Japan Lisa Moreau criticised the plan.", "Moreau",
     "person", "CAN", "GOV"),
    ("Former Australian Envoy to the United Nations Peter Hale wrote a letter.", "Hale",
     "person", "AUS", "GOV"),
    # a group's spokesperson takes the group's country and sector
    ("Hezbollah spokesman Ali Darwish denied the report.", "Darwish", "person", "LBN", "REB"),
    ("Taliban spokesperson Qari Rahim said the fighters withdrew.", "Rahim",
     "person", "AFG", "REB"),
    # companies named by a sector noun and a nationality
    ("Egypt barred Turkish airline Sky Anatolia from its airports.", "Sky Anatolia",
     "organization", "TUR", "BUS"),
    ("The Swedish carmaker Nordvik recalled thousands of vehicles.", "Nordvik",
     "organization", "SWE", "BUS"),
    ("Dutch firms including Vanmeer Holding, Koster and Brandwijk left the market.",
     "Koster", "organization", "NLD", "BUS"),
    ("Dutch firms including Vanmeer Holding, Koster and Brandwijk left the market.",
     "Vanmeer", "organization", "NLD", "BUS"),
    # a national title with no explicit country: a place earlier in the sentence, else the
    # document's dominant country
    ("President Daniel Osei has banned Togolese opposition parties from the vote.", "Osei",
     "person", "TGO", "GOV"),
    ("In Lusaka, Vice-President Ruth Banda declined to resign.", "Banda",
     "person", "ZMB", "GOV"),
    ("Kenya held elections. Governor Paul Otieno accepted the result.", "Otieno",
     "person", "KEN", "GOV"),
    # legislators
    ("Senator Amy Holt spoke on television.", "Holt", "person", None, "LEG"),
    ("Bolivia passed a law. Congressman Luis Pardo opposed it.", "Pardo",
     "person", "BOL", "LEG"),
    ("Maria Ruiz, a senator from Chile, visited the mine.", "Ruiz", "person", "CHL", "LEG"),
    # bodies without a country take the document's
    ("Nepal was hit by floods. The Interior Ministry said 40 people died.", "Interior Ministry",
     "organization", "NPL", "COP"),
    ("Protests spread across Peru. The central government imposed a curfew.",
     "government", "state", "PER", "GOV"),
    # armed and ethnic groups
    ("ISIS claimed the attack near the border.", "Islamic State", "nonstate", "IMG", "REB"),
    ("The Taliban seized the district.", "Taliban", "nonstate", "AFG", "REB"),
    ("The Kurds rejected the offer.", "Kurds", "nonstate", None, None),
    ("Some 5,000 Iraqi Kurds crossed into Turkey.", "Kurds", "nonstate", "IRQ", None),
    ("Bosnian Serbs demanded a ceasefire.", "Serbs", "group", "BIH", None),
]


@pytest.mark.parametrize(("text", "word", "kind", "country", "sector"), CASES)
def test_rule(text: str, word: str, kind: str, country: str | None, sector: str | None) -> None:
    actor = _named(_run(text), word)
    assert (actor.kind, actor.country, actor.sector) == (kind, country, sector), actor


def test_context_reason_is_recorded() -> None:
    actor = _named(_run("President Daniel Osei has banned Togolese opposition parties."), "Osei")
    assert actor.reason and "context" in actor.reason


# sentence, a word of the actor's name, the country it must NOT have
NEGATIVES = [
    # the destination of an ambassador is never her country
    ("Canadian Ambassador to Japan Lisa Moreau criticised the plan.", "Moreau", "JPN"),
    ("Former Australian Envoy to the United Nations Peter Hale wrote a letter.", "Hale", "IGO"),
    # another person's explicit country is not a context clue
    ("Minister Karl Weiss met Japanese Prime Minister Kenji Sato in Berlin.", "Weiss", "JPN"),
    # "X-built" names a maker, not where the story is
    ("Nepal was hit by floods. A Chinese-built bridge collapsed and the Interior Ministry "
     "said 40 people died.", "Interior Ministry", "CHN"),
    # an explicit country said later beats a guess from context
    ("Peru held talks. President Ana Soto spoke. Chilean President Ana Soto left.",
     "Soto", "PER"),
]


@pytest.mark.parametrize(("text", "word", "wrong"), NEGATIVES)
def test_not_that_country(text: str, word: str, wrong: str) -> None:
    assert _named(_run(text), word).country != wrong


def test_untitled_person_gets_no_context_country() -> None:
    actor = _named(_run("Kenya held elections. Paul Otieno accepted the result."), "Otieno")
    assert actor.country is None


def test_listed_companies_are_not_people() -> None:
    index = _run("Dutch firms including Vanmeer Holding, Koster and Brandwijk left the market.")
    assert all(a.kind != "person" for a in index.actors)


def test_lowercase_states_is_not_the_united_states() -> None:
    index = _run("The member states of the bloc met in Accra.")
    assert all(a.country != "USA" for a in index.actors)


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        ("A militia based in Tripoli claimed the attack.", "militia", "LBY"),
        ("Protesters in the northern city of Mosul blocked the road.", "Protesters", "IRQ"),
    ],
)
def test_group_takes_country_of_where_it_is(text, phrase, country):
    assert _named(_run(text), phrase).country == country
