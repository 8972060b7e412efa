"""A malformed actor lexicon fails loudly, naming the file and the entry's line."""

from __future__ import annotations

from pathlib import Path

import pytest

import sitroom.lexicons
from sitroom.actors.knowledge import KNOWLEDGE_FILES
from sitroom.actors.lexicon import load_lexicon
from sitroom.errors import LexiconError
from sitroom.lexicons.files import PACKAGED


def _break(override: Path, entry_marker: str, old: str, new: str) -> int:
    """Copy actors.json into the override with ``old`` replaced by ``new`` on the line
    holding ``entry_marker``; return that line's number (1-based)."""
    lines = (PACKAGED / "actors.json").read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(k for k, line in enumerate(lines, start=1) if entry_marker in line)
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    (override / "actors.json").write_text("".join(lines), encoding="utf-8")
    return number


def test_entry_missing_country_names_file_and_line(override: Path) -> None:
    line = _break(override, '"name": "U.S. Justice Department"', '"country": "USA", ', "")
    with pytest.raises(LexiconError) as caught:
        load_lexicon()
    message = str(caught.value)
    assert "actors.json" in message
    assert f"line {line}:" in message
    assert "'country'" in message


def test_field_of_wrong_type_names_file_and_line(override: Path) -> None:
    line = _break(override, '"name": "Joe Biden"', '"sector": "GOV"', '"sector": 7')
    with pytest.raises(LexiconError, match=rf"actors\.json: line {line}: field 'sector'"):
        load_lexicon()


def test_override_is_read_and_versioned(override: Path) -> None:
    line = _break(override, '"name": "Joe Biden"', '"title": "President"', '"title": "Senator"')
    assert line > 1
    lexicon = load_lexicon()
    biden = next(e for e in lexicon.lookup("Joe Biden") if e.type == "leader")
    assert biden.title == "Senator"
    versions = dict(part.split("@") for part in lexicon.version.split("+"))
    assert set(versions) == {"actors.json", "countries.json", "places.json", *KNOWLEDGE_FILES}
    assert versions["actors.json"] == sitroom.lexicons.files.version_of(
        (override / "actors.json").read_bytes()
    )


def test_packaged_lexicon_is_back_after_override() -> None:
    biden = next(e for e in load_lexicon().lookup("Joe Biden") if e.type == "leader")
    assert biden.title == "President"
