"""The knowledge files (media, armed groups, IGO bodies, offices): validated, sourced,
dated, and read into the actor lexicon."""

from __future__ import annotations

import json

import pytest
from tests.actors.actor_helpers import named, run

from sitroom.actors.knowledge import KNOWLEDGE_FILES
from sitroom.actors.lexicon import load_lexicon, normalize
from sitroom.errors import LexiconError
from sitroom.lexicons.files import PACKAGED

_LISTS = {"media.json": "media", "armed_groups.json": "groups", "igos.json": "igos",
          "offices.json": "offices", "ngos.json": "ngos"}


def _entries(name: str) -> list[dict]:
    return json.loads((PACKAGED / name).read_text(encoding="utf-8"))[_LISTS[name]]


@pytest.mark.parametrize("name", KNOWLEDGE_FILES)
def test_every_entry_has_a_source_note(name):
    assert all(entry["source"].strip() for entry in _entries(name))


@pytest.mark.parametrize("name", ["armed_groups.json", "offices.json"])
def test_groups_and_offices_are_dated(name):
    for entry in _entries(name):
        assert entry["valid_from"] and "valid_to" in entry, entry["name"]


@pytest.mark.parametrize("name", KNOWLEDGE_FILES)
def test_no_name_repeats_a_name_of_actors_json_with_another_meaning(name):
    actors = json.loads((PACKAGED / "actors.json").read_text(encoding="utf-8"))
    known = {normalize(n): body.get("country") for key in ("bodies", "igos", "seats")
             for body in actors[key] for n in [body.get("name", ""), *body["names"]] if n}
    for entry in _entries(name):
        for alias in [entry["name"], *entry["names"]]:
            key = normalize(alias)
            assert key not in known or known[key] == entry.get("country"), alias


# file, the text of an entry's line, the replacement, the reason the error must give
BROKEN = [
    ("armed_groups.json", '"valid_to": "2017-01-28"', '"valid_to": "2011-05-01"', "before"),
    ("armed_groups.json", '"valid_from": "1991"', '"valid_from": "the nineties"', "ISO date"),
    ("media.json", '"country": "POL"', '"country": "Poland"', "ISO3"),
    ("igos.json", '"code": "IGOEUREEC"', '"code": "EU"', "CAMEO IGO code"),
    ("offices.json", '"kind": "seat"', '"kind": "palace"', "kind"),
    ("ngos.json", '"country": "BLR"', '"country": "Belarus"', "ISO3"),
    ("armed_groups.json", '"Khartoum"', '"Khartoum city"', "single words"),
]


@pytest.mark.parametrize(("name", "old", "new", "reason"), BROKEN)
def test_a_bad_entry_names_the_file_line_and_reason(override, name, old, new, reason):
    lines = (PACKAGED / name).read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(k for k, line in enumerate(lines, start=1) if old in line)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    (override / name).write_text("".join(lines), encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_lexicon()
    message = str(caught.value)
    assert name in message and reason in message and "line " in message


def test_a_missing_source_note_is_refused(override):
    data = json.loads((PACKAGED / "media.json").read_text(encoding="utf-8"))
    del data["media"][0]["source"]
    (override / "media.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(LexiconError, match="'source'"):
        load_lexicon()


# sentence, the actor's name, country, sector (negative rows: a word that only looks alike)
RESOLVED = [
    ("The attack was condemned, according to Deutsche Welle.", "Deutsche Welle", "DEU", "MED"),
    ("Jemaah Islamiyah was blamed for the blast.", "Jemaah Islamiyah", "IDN", "REB"),
    ("The European Central Bank raised rates.", "European Central Bank", "IGO", "BUS"),
    ("The Storting voted on Monday.", "Storting", "NOR", "LEG"),
    ("ISIS claimed the attack.", "Islamic State", "IMG", "REB"),
]


@pytest.mark.parametrize(("text", "name", "country", "sector"), RESOLVED)
def test_knowledge_resolves_names(text, name, country, sector):
    actor = named(run(text), name)
    assert (actor.country, actor.sector) == (country, sector)


def test_an_igo_body_carries_its_cameo_code():
    assert named(run("The European Central Bank raised rates."), "European Central").code \
        == "IGOEUREEC"


def test_a_lowercase_word_is_no_outlet():
    # "guardian" and "economist" in lower case are common nouns, not outlets
    index = run("A guardian of the boy said an economist visited.")
    assert not [a for a in index.actors if a.sector == "MED"]
