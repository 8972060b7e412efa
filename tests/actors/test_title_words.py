"""Title words: a portfolio after "of", "Under" only before a role, office adjectives, titles
ending in "General", managers of a named body, and names the NER took for places that an
apposition calls a person. Each table has rows where the rule must not fire."""

from __future__ import annotations

import pytest
from tests.actors.actor_helpers import named, run

# sentence, the person's name, country, sector
TITLES = [
    # "[role] of [Portfolio] NAME": the portfolio is part of the title
    ("Fighting went on in Chad. A bomb went off, said Minister of Information Idris Abakar.",
     "Idris Abakar", "TCD", "GOV"),
    # "... General" titles that are no military rank
    ("Solicitor General Ana Reyes filed the petition in Manila.", "Ana Reyes", "PHL", "GOV"),
    ("General Ana Reyes said troops in Manila were ready.", "Ana Reyes", "PHL", "MIL"),
    # an office adjective is no company that employs the person
    ("Presidential Spokesperson Ana Reyes said the station in Manila would close.",
     "Ana Reyes", "PHL", "GOV"),
    # a manager of a named body, in apposition across the body's name
    ("The general manager of Gulf Star Media, Omar Said, blamed the rebels.",
     "Omar Said", None, "BUS"),
    # staff of a non-governmental organisation speak for no government
    ("Dana Roe, the director of Amnesty International Chile, said the law was welcome.",
     "Dana Roe", "CHL", "NGO"),
    ("Human Rights Watch director Dana Roe said the arrests were wrong.", "Dana Roe",
     "NGO", None),
    ("Dana Roe, a spokesperson for the Chilean government, said no.", "Dana Roe", "CHL",
     "GOV"),
    # negative: "Bank of Ghana Governor": "of Ghana" is no portfolio of a role before it
    ("The Bank of Ghana Governor Kofi Mensah spoke.", "Kofi Mensah", "GHA", "BUS"),
]


@pytest.mark.parametrize(("text", "name", "country", "sector"), TITLES)
def test_title_words(text, name, country, sector):
    person = named(run(text), name)
    assert (person.country, person.sector) == (country, sector)


# sentence, a word of an actor that must stay its own actor, its kind
UNDER = [
    # "under" names the time of an office, not a title: the IGO stays an actor
    ("Lee, who was Kenyan ambassador to the United Nations under former president Jon "
     "Kamau, left.", "United Nations", "igo"),
    # negative: "Under Secretary" is a title
    ("Under Secretary Jane Roe met the press.", "Jane Roe", "person"),
]


@pytest.mark.parametrize(("text", "word", "kind"), UNDER)
def test_under_only_opens_a_role(text, word, kind):
    actor = named(run(text), word)
    assert actor.kind == kind


def test_under_secretary_keeps_its_title():
    assert named(run("Under Secretary Jane Roe met the press."), "Jane Roe").title \
        == "Under Secretary"


# sentence, the name, whether it is a person
MISTAGGED = [
    ("On Friday, Sviana Tolkava, an opposition candidate for the Belarusian election, "
     "spoke in Minsk.", "Sviana Tolkava", True),
    # negative: an apposition that is no role keeps an organisation an organisation
    ("Acme Holdings, a firm from Ohio, said profits rose.", "Acme Holdings", False),
]


@pytest.mark.parametrize(("text", "name", "person"), MISTAGGED)
def test_an_apposition_role_makes_a_name_a_person(text, name, person):
    found = [a for a in run(text).actors if a.name == name]
    assert bool(found and found[0].kind == "person") is person


# sentence, a word of the body, its mention text must contain, country
NAMED_SHARED_BODY = [
    # the capitalised word belongs to the body's name; a one-country report gives it
    ("Argentina debated the bill. Argentina voted. Argentina waited. Crowds gathered "
     "outside the National Congress.", "National Congress", "ARG"),
    # negative: in a report about several countries it keeps none
    ("Chile and Peru debated. Peru and Chile voted. Crowds gathered outside the National "
     "Congress.", "National Congress", None),
]


@pytest.mark.parametrize(("text", "mention", "country"), NAMED_SHARED_BODY)
def test_a_named_shared_body(text, mention, country):
    found = [a for a in run(text).actors if any(mention in m.text for m in a.mentions)]
    assert found and found[0].country == country


# sentence, the person's name, the country it must get
NATIONALITY = [
    # a bare nationality in apposition says whose the person is
    ("A Peruvian, Luis Quispe, was detained in Chile.", "Luis Quispe", "PER"),
    ("Luis Quispe, a Peruvian, was detained.", "Luis Quispe", "PER"),
    # "according to" is no destination: the nationality of the title still counts
    ("According to Peruvian Foreign Minister Luis Quispe, the talks failed.", "Luis Quispe",
     "PER"),
    # negative rows: a destination says where, not whose
    ("Kenya sent an envoy to Peru, Luis Quispe.", "Luis Quispe", None),
    ("Luis Quispe, a Peruvian firm's lawyer, spoke.", "Luis Quispe", "PER"),
]


@pytest.mark.parametrize(("text", "name", "country"), NATIONALITY)
def test_nationality_in_apposition(text, name, country):
    assert named(run(text), name).country == country


def test_a_nationality_of_a_person_is_not_the_sentence_country():
    index = run("A Peruvian, Luis Quispe, appeared in Valdivia District Court, Chile.")
    court = named(index, "Court")
    assert court.country != "PER"


# text, a word of the name, its kind, country, sector
COMPANIES = [
    # a name ending in a company word is no person; its first word alone is the company
    ("Kenyan airline Simba Air cancelled flights. Simba said fuel was short.", "Simba",
     "organization", "KEN", "BUS"),
    # negative: a person's first name is no short company name
    ("Kenyan airline Simba Air cancelled flights. Simba Otieno, a pilot, said fuel was short.",
     "Otieno", "person", None, None),
]


@pytest.mark.parametrize(("text", "word", "kind", "country", "sector"), COMPANIES)
def test_company_names(text, word, kind, country, sector):
    actor = named(run(text), word)
    assert actor.kind == kind
    if kind == "organization":
        assert (actor.country, actor.sector) == (country, sector)
        assert all(m.text != "Simba" or actor.name == "Simba Air" for m in actor.mentions)


# text, a word of the body, the country it must get, or None when it is no actor
NAMED_ONLY_BODIES = [
    ("Texas waited. The Tax Collection Service audited the firm in Ohio.", "Service", "USA"),
    ("Manila waited. The Radio Licensing Commission refused the licence in Manila.",
     "Commission", "PHL"),
    # a body called by its name stays an actor as a modifier of a thing
    ("Texas waited. The Tax Collection Service website advises citizens in Ohio.",
     "Service", "USA"),
    # negative rows: a lower-case "service" or "commission" names no body
    ("Texas waited. The service website was slow in Ohio.", "service", None),
    ("Texas waited. The service was slow in Ohio.", "service", None),
    ("Manila waited. The commission was slow in Manila.", "commission", None),
]


@pytest.mark.parametrize(("text", "word", "country"), NAMED_ONLY_BODIES)
def test_bodies_named_only_by_their_name(text, word, country):
    found = [a for a in run(text).actors if any(word in m.text for m in a.mentions)]
    assert (found[0].country if found else None) == country


# text, the mention text an actor must have, its country
MENTION_EXTENT = [
    # a hyphenated prefix belongs to the noun
    ("Clashes with counter-protesters broke out in Ohio.", "counter-protesters", "USA"),
    # a state body's plain "of" portfolio belongs to its name
    ("Chad waited. The ministry of water affairs said wells were dry in Chad.",
     "ministry of water affairs", "TCD"),
    # a name the NER missed after a capitalised title
    ("Norway's King Olav V opened the session.", "King Olav V", "NOR"),
    # negative rows: an "of" phrase naming a place is no portfolio; a company is no name
    ("The ministry of Chad said no.", "ministry of Chad", "TCD"),
]


@pytest.mark.parametrize(("text", "mention", "country"), MENTION_EXTENT)
def test_mention_extent(text, mention, country):
    found = [a for a in run(text).actors if any(mention in m.text for m in a.mentions)]
    assert found and found[0].country == country


@pytest.mark.parametrize("text", [
    "General Motors said profits rose.",         # a company word ends the name
    "The film The Force Awakens was shown.",     # a weak noun is no title
])
def test_no_name_after_a_title_word(text):
    index = run(text)
    assert not [a for a in index.actors if a.kind == "person"]
