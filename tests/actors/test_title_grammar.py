"""People by title: "[office] for [region], NAME", body sectors in an apposition, and
lists paired by "respectively". Each table has rows where the rule must not fire."""

from __future__ import annotations

import pytest
from tests.actors.actor_helpers import named, run

# sentence, the person's name, country, sector, title
OFFICE_FOR_REGION = [
    ("The UN special coordinator for Lebanon, Joanna Pirkle, said the truce held.",
     "Joanna Pirkle", "IGO", "GOV", "Special Coordinator"),
    ("The envoy for the Sahel, Tom Birk, said the plan would fail.",
     "Tom Birk", None, "GOV", "Envoy"),
    ("The spokesperson for the Interior Ministry, Sara Pohl, said nobody was hurt.",
     "Sara Pohl", None, "GOV", "Spokesperson"),
    ("Kenya's foreign minister Abel Mutua said talks would resume.",
     "Abel Mutua", "KEN", "GOV", "Foreign Minister"),
    # the body in the apposition gives the sector
    ("The Senate minority leader, Jon Brack, said no.", "Jon Brack", None, "LEG",
     "Minority Leader"),
]


@pytest.mark.parametrize(("text", "name", "country", "sector", "title"), OFFICE_FOR_REGION)
def test_office_for_region_apposition(text, name, country, sector, title):
    person = named(run(text), name)
    assert (person.country, person.sector, person.title) == (country, sector, title)


# negative: a place list is no apposition of a person
def test_a_place_beside_a_place_is_no_person():
    index = run("The road from Kabul to Herat, Jalalabad, was closed.")
    assert not [a for a in index.actors if a.kind == "person"]


# sentence, {name: country}
RESPECTIVELY = [
    ("The foreign ministers of Chad and Niger, Ali Mahamat and Moussa Issa respectively, "
     "signed the accord.", {"Ali Mahamat": "TCD", "Moussa Issa": "NER"}),
    ("The Chadian and Nigerien defence ministers, Ali Mahamat and Moussa Issa, respectively, "
     "met in Niamey.", {"Ali Mahamat": "TCD", "Moussa Issa": "NER"}),
    # negative: three countries, two names: no pairing is safe
    ("The foreign ministers of Chad, Niger and Mali, Ali Mahamat and Moussa Issa "
     "respectively, signed the accord.", {"Ali Mahamat": None, "Moussa Issa": None}),
    # negative: without "respectively" the text does not pair them
    ("The foreign ministers of Chad and Niger, Ali Mahamat and Moussa Issa, signed the accord.",
     {"Ali Mahamat": None, "Moussa Issa": None}),
]


@pytest.mark.parametrize(("text", "want"), RESPECTIVELY)
def test_respectively_pairs_names_with_countries(text, want):
    index = run(text)
    assert {name: named(index, name).country for name in want} == want


def test_respectively_gives_the_singular_title():
    index = run("The foreign ministers of Chad and Niger, Ali Mahamat and Moussa Issa "
                "respectively, signed the accord.")
    person = named(index, "Moussa Issa")
    assert person.title == "Foreign Minister" and person.rule == "person.respectively"
