"""The codebook's files are read through the lexicon loader: errors name file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom import lexicons
from sitroom.errors import LexiconError
from sitroom.events.codebook import load_codebook
from sitroom.lexicons.files import PACKAGED

VERBS = (PACKAGED / "verbs.json").read_text(encoding="utf-8")
CAMEO = (PACKAGED / "cameo.json").read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    """The 1-based number of the only line holding ``needle``."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(found) == 1, needle
    return found[0]


def _broken(text: str, needle: str, old: str, new: str) -> tuple[str, int]:
    """``text`` with ``old`` replaced by ``new`` on the line holding ``needle``."""
    number = _line_of(text, needle)
    lines = text.splitlines(keepends=True)
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "".join(lines), number


def _error(folder: Path, name: str, text: str) -> LexiconError:
    (folder / name).write_text(text, encoding="utf-8")
    lexicons.clear_cache()
    with pytest.raises(LexiconError) as caught:
        load_codebook()
    return caught.value


def test_an_unknown_cameo_code_names_the_file_and_line(override):
    text, line = _broken(VERBS, '"id": "reiterate"', '"cameo": "010"', '"cameo": "999"')
    error = _error(override, "verbs.json", text)
    assert error.path == str(override / "verbs.json")
    assert "verbs.json" in str(error)
    assert f"line {line}: entry 'reiterate': unknown CAMEO code '999'" in str(error)


def test_a_missing_field_names_the_file_and_line(override):
    text, line = _broken(VERBS, '"id": "disclose"', '"lemma": "disclose", ', "")
    error = _error(override, "verbs.json", text)
    assert "verbs.json" in str(error)
    assert f"line {line}: entry 'disclose': missing field 'lemma'" in str(error)


def test_the_packaged_files_load_again_after_the_override(override):
    text, _ = _broken(VERBS, '"id": "reiterate"', '"cameo": "010"', '"cameo": "999"')
    _error(override, "verbs.json", text)
    (override / "verbs.json").unlink()
    lexicons.clear_cache()
    assert load_codebook().verbs("reiterate")[0].cameo == "010"


def test_a_framed_code_that_is_not_a_code_names_cameo_json(override):
    data = json.loads(CAMEO)
    data["frames"]["threat"]["163"] = "1399"
    error = _error(override, "cameo.json", json.dumps(data, indent=1))
    assert "cameo.json" in str(error)
    assert "codes of the 'threat' frame are missing: ['1399']" in str(error)


def test_a_group_with_an_unknown_code_names_cameo_json_and_line(override):
    data = json.loads(CAMEO)
    data["groups"]["violent_roots"].append("21")
    text = json.dumps(data, indent=2)
    error = _error(override, "cameo.json", text)
    line = _line_of(text, '"groups": {')
    assert f"line {line}: group 'violent_roots' must be a non-empty list of CAMEO codes" in str(
        error)


def test_a_missing_group_is_named(override):
    data = json.loads(CAMEO)
    del data["groups"]["movement_codes"]
    error = _error(override, "cameo.json", json.dumps(data))
    assert "movement_codes" in str(error) and "cameo.json" in str(error)


def test_verbs_json_holds_no_second_negator_table():
    # The negating verbs live in words/events_negating_verbs.tsv only.
    assert "negators" not in json.loads(VERBS)
