"""Context guesses only where one reading is possible, and places that are no actors.

Written from a hand audit of unlabelled reports (issue 17): a titled person took the
report's main country though an armed group or another country was named beside them; a
minister took the country of a person in the previous sentence though that sentence named
people of two countries; a capital in "a suburb of X" became a government; the name of an
oil field became a person. Every sentence here is our own, with invented names.
"""

from __future__ import annotations

import pytest
from tests.actors.actor_helpers import find, run

# text, a word of the person's name, the country expected (None: refuse)
DOMINANT_COUNTRY = [
    # an armed group named in the sentence before: its spokesman need not be the report's
    ('Israel struck the port on Monday. The Houthis said two fighters died. "We will '
     'respond," Brigadier Omar Saleh said.', "Saleh", None),
    # the sentence names another country (in a quotation too): two readings
    ('Israel struck the port on Monday. Israel has warned. "America will pay," Brigadier '
     'Omar Saleh said.', "Saleh", None),
    # another country is named as often as the main one: no main country
    ("Talks on trade with Peru and Chile ended. Minister Omar Saleh said the talks went "
     "well.", "Saleh", None),
    # negative: nothing beside the person names another reading
    ("Israel struck the port on Monday. Israel has warned Iran. Brigadier Omar Saleh said "
     "the strike hit a depot.", "Saleh", "ISR"),
    # negative: the main country is named more often than the other
    ("Peru ended talks with Chile. Peru said talks would resume. Minister Omar Saleh said "
     "the talks went well.", "Saleh", "PER"),
    # negative: a state's own office is no reading of an armed group nearby
    ("Israel struck the port on Monday. Houthi fighters said two men died. Prime Minister "
     "Omar Saleh said the strike hit a depot.", "Saleh", "ISR"),
]


@pytest.mark.parametrize(("text", "word", "country"), DOMINANT_COUNTRY)
def test_main_country_only_without_another_reading(text, word, country):
    person = find(run(text), word)
    assert person is not None and person.kind == "person"
    assert person.country == country, person.reason


# text, a word of the person's name, the group's country: a group adjective wins over the
# report's main country
GROUP_ADJECTIVES = [
    ("The United States sent ships to the region on Monday. Washington warned again. A "
     "Hamas official said talks had failed.", "Hamas", "PSE"),
    ("The United States sent ships to the region on Monday. Washington warned again. A "
     "Taliban spokesman, Ahmad Karimi, denied the report.", "Karimi", "AFG"),
    ("Israel struck the port on Monday. Israel warned again. A Houthi commander said the "
     "attacks would go on.", "Houthi", "YEM"),
    # negative: a plain title in the same report keeps the main country
    ("The United States sent ships to the region on Monday. Washington warned again. "
     "Commander Ahmad Karimi denied the report.", "Karimi", "USA"),
]


@pytest.mark.parametrize(("text", "word", "country"), GROUP_ADJECTIVES)
def test_group_adjective_gives_the_groups_country(text, word, country):
    person = find(run(text), word)
    assert person is not None and person.kind == "person"
    assert person.country == country, person.reason


# text, the person without a country of their own, the country expected
NEAREST_PERSON = [
    # the previous sentence names people of two countries: no guess
    ("President Jean Dupont of France met Prime Minister Karl Novak of Slovakia. Later "
     "Dupont and Novak were both tested. Economy Minister Peter Horak said the tests were "
     "negative.", "Horak", None),
    # negative: the previous sentence names one person of one country
    ("Prime Minister Karl Novak of Slovakia arrived on Monday. Trade Minister Peter Horak "
     "came too.", "Horak", "SVK"),
    # negative: a list in one sentence, each minister after their own head of government
    ("The talks were attended by Israeli prime minister Avi Peretz and energy minister Dan "
     "Levin, and Cypriot president Andreas Petrou and energy minister Nikos Stavrou.",
     "Levin", "ISR"),
    ("The talks were attended by Israeli prime minister Avi Peretz and energy minister Dan "
     "Levin, and Cypriot president Andreas Petrou and energy minister Nikos Stavrou.",
     "Stavrou", "CYP"),
]


@pytest.mark.parametrize(("text", "word", "country"), NEAREST_PERSON)
def test_nearest_titled_person_only_with_one_reading(text, word, country):
    person = find(run(text), word)
    assert person is not None and person.kind == "person"
    assert person.country == country, person.reason


# text, the government a capital would stand for (None: the capital is a place)
CAPITAL_AS_PLACE = [
    ("The field is 100 km east of the capital, Riyadh.", None),
    ("He lived in Ballard, a suburb of Oslo.", None),
    ("His phone was last used in the northern part of Lima.", None),
    ("The pro-Beijing camp lost seats.", None),
    # negatives: a capital that acts is its government
    ("Oslo rejected the plan.", "NOR"),
    ("Talks between Oslo and Lima failed.", "PER"),
]


@pytest.mark.parametrize(("text", "country"), CAPITAL_AS_PLACE)
def test_capital_after_a_place_part_is_a_place(text, country):
    governments = [a for a in run(text).actors if a.rule == "seat.metonym"]
    if country is None:
        assert governments == []
    else:
        assert country in {a.country for a in governments}


# text, a word of the name, whether it is a person
NAMED_THINGS = [
    ("Drones struck the Khalid Hamdan oil field.", "Hamdan", False),
    ("Drones struck the Abdul Rahman gas field on Monday.", "Rahman", False),
    ("John Carter, a pipeline project, was delayed.", "Carter", False),
    # negatives: a person whose title or apposition only mentions such a noun
    ("Khalid Hamdan, a field engineer, was hurt.", "Hamdan", True),
    ("Khalid Hamdan, the oil field manager, said the site was safe.", "Hamdan", True),
]


@pytest.mark.parametrize(("text", "word", "is_person"), NAMED_THINGS)
def test_name_of_an_installation_is_no_person(text, word, is_person):
    actor = find(run(text), word)
    assert (actor is not None and actor.kind == "person") == is_person


# text, a word of the body, the country expected: a body that names the person it belongs
# to is that person's, never the country of the sentence's subject
LED_BY_PERSON = [
    ("In 2015, Norway started supporting the government of Abdul Karim Hadi against the "
     "rebels.", "government", None),
    ("Norway started supporting Abdul Karim Hadi's government on Monday.", "government", None),
    # negative: a bare government in a one-country sentence is that country's
    ("In 2015, Norway said the government would support the rebels.", "government", "NOR"),
]


@pytest.mark.parametrize(("text", "word", "country"), LED_BY_PERSON)
def test_body_of_a_named_person_takes_no_place_from_the_sentence(text, word, country):
    body = find(run(text), word)
    assert body is not None and body.kind == "state"
    assert body.country == country, body.reason


# text, a word of the group, its country: a stance ("pro-X") gives no country
STANCES = [
    ("Pro-Moscow rebels shelled the town.", "rebels", None),
    # negative: a nationality adjective does
    ("Russian rebels shelled the town.", "rebels", "RUS"),
]


@pytest.mark.parametrize(("text", "word", "country"), STANCES)
def test_a_stance_names_no_country(text, word, country):
    group = find(run(text), word)
    assert group is not None
    assert group.country == country, group.reason
