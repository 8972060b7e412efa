"""Context guesses that refuse rather than guess: the backer's country is not the group's,
and "the rebels" joins an earlier group only when one reading is possible."""

from __future__ import annotations

import pytest
from tests.actors.actor_helpers import run


def _group(text: str, word: str):
    index = run(text)
    found = [a for a in index.actors if word in a.name.lower()
             or any(word in m.text.lower() for m in a.mentions)]
    assert found, [a.name for a in index.actors]
    return found[0]


# sentence, a word of the group, its country
AGENT_NOT_OWNER = [
    ("Rebels backed by Iran attacked a ship.", "rebels", None),
    ("Iran-backed militias attacked a convoy.", "militias", None),
    ("Militants armed by Syria crossed the border.", "militants", None),
    # negative: a sentence about one country still gives its groups that country
    ("Protesters clashed with Bolivian police.", "protesters", "BOL"),
]


@pytest.mark.parametrize(("text", "word", "country"), AGENT_NOT_OWNER)
def test_the_doer_of_a_passive_is_not_the_groups_country(text, word, country):
    assert _group(text, word).country == country


# text, word of the anaphor, the actor it joins (by name) or None
PLURAL_ANAPHORS = [
    ("Houthi rebels attacked the port. Later the rebels withdrew.", "Houthis"),
    ("Bolivian soldiers crossed the river. The soldiers were tired.", "Bolivian soldiers"),
    # negative: two earlier readings with different countries: no link
    ("Bolivian soldiers and Peruvian soldiers met. The soldiers were tired.", None),
]


@pytest.mark.parametrize(("text", "joins"), PLURAL_ANAPHORS)
def test_definite_plural_joins_one_reading_only(text, joins):
    index = run(text)
    last = max(index.mentions, key=lambda m: m.start)
    assert last.text.lower().startswith("the ")
    actor = index.actor(last.actor_id)
    if joins is None:
        assert actor is not None and actor.country is None
    else:
        assert actor is not None and actor.name == joins


# sentence, a word of the body's name, its country: a name several states use is the
# lexicon's state only when nothing in its phrase names another
SHARED_BODY_NAMES = [
    ("In Argentina's National Congress, the bill was debated.", "Congress", "ARG"),
    ("The Congress of Peru voted to remove the president.", "Congress", "PER"),
    ("The House of Representatives in Nigeria passed the bill.", "House", "NGA"),
    ("The National Security Council of Pakistan met on Monday.", "Security", "PAK"),
    # another name before it, and no country: a different body, country unknown
    ("The Federal Congress rejected the bill.", "Congress", None),
    # negative rows: nothing names another state
    ("Congress passed the bill.", "Congress", "USA"),
    ("The U.S. Congress passed the bill.", "Congress", "USA"),
]


@pytest.mark.parametrize(("text", "word", "country"), SHARED_BODY_NAMES)
def test_shared_body_names(text, word, country):
    assert _group(text, word.lower()).country == country


# text, the person, the country they must have (None: refused)
PRIVATE_STAFF = [
    ("Vessels were hit off Yemen near Chinese waters. Ocean Line chief executive Tom Berg "
     "said the crew was safe.", "Tom Berg", None),
    ("A spokesperson for the ship's owner, Dana Lee, said the vessel sailed from Yemen.",
     "Dana Lee", None),
    # a company named with a company word the NER took for a person's name
    ("Ships avoided Shanghai. Shanghai waited. Shanghai said so. \"We cannot sail,\" "
     "Baltica Line chief executive Nils Dahl said.", "Nils Dahl", None),
    # the owner's own base is the only country the owner's staff take
    ("Yemen waited. Yemen said so. Nobody was hurt in Yemen, said Dana Lee, a spokesperson "
     "for the ship's Oslo-based owner.", "Dana Lee", "NOR"),
    # negative rows: a state's body, or an official of the country the text is about
    ("Yemen's army fought on. A spokesperson for the army, Dana Lee, said the town fell.",
     "Dana Lee", "YEM"),
    ("The talks were held in Kenya. Foreign Minister Abel Mutua said the talks went well.",
     "Abel Mutua", "KEN"),
]


@pytest.mark.parametrize(("text", "name", "country"), PRIVATE_STAFF)
def test_a_companys_staff_take_no_country_from_context(text, name, country):
    person = next(a for a in run(text).actors if a.name == name)
    assert person.country == country


# text, the words that must not be an actor (code names, places), or an actor's expected form
NOT_ACTORS = [
    ("The army began the drill, code-named Steel Falcon, on Monday.", "Falcon"),
    ("The exercise, dubbed Northern Arrow, involves 5,000 troops.", "Arrow"),
    ("Russia demanded that Ukrainian troops withdraw from Kyiv.", "government"),
    ("Protesters gathered in the state of Karnataka.", "government"),
]


@pytest.mark.parametrize(("text", "word"), NOT_ACTORS)
def test_names_and_places_that_are_no_actor(text, word):
    index = run(text)
    assert not [a for a in index.actors if word.lower() in a.name.lower()]


def test_a_person_named_after_a_naming_participle_stays_a_person():
    index = run("A man named Tom Berg was arrested in Peru.")
    assert [a.kind for a in index.actors if a.name == "Tom Berg"] == ["person"]


def test_a_capital_that_speaks_is_still_its_government():
    index = run("Moscow said the talks failed.")
    assert [a.country for a in index.actors if a.kind == "state"] == ["RUS"]


# text, the body noun, its country
SHARED_POSSESSOR = [
    ("Iran's army, navy and air force were placed on alert.", "air force", "IRN"),
    ("Iran's army, navy and air force were placed on alert.", "navy", "IRN"),
    # negative: a body with its own adjective keeps its own country
    ("Iran's army and Saudi warships met.", "Saudi warships", "SAU"),
]


@pytest.mark.parametrize(("text", "body", "country"), SHARED_POSSESSOR)
def test_a_possessor_is_shared_by_coordinated_bodies(text, body, country):
    actor = next(a for a in run(text).actors if a.name == body)
    assert actor.country == country


# text, the operation's name, its country
OPERATIONS = [
    ("Operation Harbor Shield said its warships repelled the attack.", "Operation Harbor Shield",
     None),
    ("The EU naval mission Operation Aspen said a frigate shot down two drones.",
     "Operation Aspen", "IGO"),
]


@pytest.mark.parametrize(("text", "name", "country"), OPERATIONS)
def test_a_named_operation_is_an_actor(text, name, country):
    actor = next(a for a in run(text).actors if a.name == name)
    assert (actor.kind, actor.sector, actor.country, actor.rule) == (
        "organization", "MIL", country, "org.operation")


def test_a_lowercase_operation_is_no_actor():
    assert not [a for a in run("The operation ended on Monday.").actors]


def test_a_party_leader_takes_the_country_of_the_text():
    # a named party is a political body: its leader is of the country the text is about
    index = run("The vote was held in London. "
                "Labour Party leader Jon Brack called the plan a theft.")
    assert next(a for a in index.actors if a.name == "Jon Brack").country == "GBR"


# text, whether a government is an actor
BASED = [
    # "X-based" says where an organisation is based: X is a place, not its government
    ("The Oslo-based firm denied the report.", False),
    # negative: the capital as a metonym stays the government
    ("Oslo denied the report.", True),
]


@pytest.mark.parametrize(("text", "government"), BASED)
def test_a_base_is_a_place(text, government):
    index = run(text)
    assert bool([a for a in index.actors if a.kind == "state"]) is government


# text, the speaker, the country it must not take from the quotation
QUOTED_PLACES = [
    ('"We warn every ship bound for Peruvian ports," Colonel Tom Roe said. Chile waited. '
     "Chile said so. Chile watched.", "Tom Roe", "PER"),
]


@pytest.mark.parametrize(("text", "name", "country"), QUOTED_PLACES)
def test_a_quoted_place_is_no_context(text, name, country):
    person = next(a for a in run(text).actors if a.name == name)
    assert person.country != country


def test_an_unquoted_place_is_context():
    # negative row: the same place outside a quotation gives the sentence its country
    text = "Peruvian ports were closed, Colonel Tom Roe said."
    person = next(a for a in run(text).actors if a.name == "Tom Roe")
    assert person.country == "PER"


# text, (start text, name) of a lexicon match that must be found
COMMA_NAMES = [
    # a comma ends a name unless the name is written with one
    ("In Washington, State Department staff met.", "State Department", "U.S. State Department"),
    ("He flew to Washington, D.C. on Monday.", "Washington, D.C.", "Washington D.C."),
]


@pytest.mark.parametrize(("text", "surface", "name"), COMMA_NAMES)
def test_a_comma_ends_a_name(text, surface, name):
    from tests.actors.actor_helpers import nlp

    from sitroom.actors.lexicon import load_lexicon
    from sitroom.actors.mentions import lexicon_matches

    doc = nlp()(text)
    found = {(doc[m.start : m.end].text, m.entry.name)
             for m in lexicon_matches(doc, load_lexicon()).values()}
    assert (surface, name) in found
