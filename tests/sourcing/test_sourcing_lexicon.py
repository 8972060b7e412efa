"""The sourcing lexicon is validated on load; a broken file names itself and the line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sitroom.errors import LexiconError
from sitroom.lexicons import clear_cache, table, versions
from sitroom.lexicons.files import PACKAGED
from sitroom.sourcing.common import reporting_verbs
from sitroom.sourcing.lexicon import (
    count_words,
    lexicon,
    lexicon_version,
    number_parts,
    sourcing_lexicon,
)


def packaged() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PACKAGED / "sourcing.json").read_text(encoding="utf-8"))
    return data


def write(folder: Path, data: dict[str, Any]) -> str:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    (folder / "sourcing.json").write_text(text, encoding="utf-8")
    return text


def line_of(text: str, key: str, depth: int) -> int:
    """The 1-based line where ``key`` is written at nesting ``depth`` (one line only)."""
    start = " " * (2 * depth) + json.dumps(key) + ":"
    found = [i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    assert len(found) == 1, found
    return found[0]


def test_packaged_file_loads_with_its_version() -> None:
    assert re.fullmatch(r"[0-9a-f]{12}", lexicon_version())
    assert lexicon_version() == versions()["sourcing.json"]
    assert sourcing_lexicon().path.endswith("sourcing.json")
    assert "say" in lexicon()["reporting_verbs"]


def test_a_list_where_a_mapping_is_expected(override: Path) -> None:
    data = packaged()
    data["relations"] = ["ally", "rival"]
    text = write(override, data)
    with pytest.raises(LexiconError) as caught:
        sourcing_lexicon()
    message = str(caught.value)
    assert "sourcing.json" in message
    assert f"line {line_of(text, 'relations', 1)}:" in message
    assert "'relations'" in message


def test_a_list_where_a_mapping_is_expected_inside_a_block(override: Path) -> None:
    data = packaged()
    data["numbers"]["scales"] = ["k", "bn"]
    text = write(override, data)
    with pytest.raises(LexiconError) as caught:
        sourcing_lexicon()
    assert str(override / "sourcing.json") in str(caught.value)
    assert f"line {line_of(text, 'scales', 2)}:" in str(caught.value)
    assert "'numbers.scales' must be an object of numbers" in str(caught.value)


def test_a_word_that_is_not_a_string(override: Path) -> None:
    data = packaged()
    data["certainty"]["hedge_modals"] = ["may", 3]
    text = write(override, data)
    with pytest.raises(LexiconError, match="must be a list of strings") as caught:
        sourcing_lexicon()
    assert f"line {line_of(text, 'hedge_modals', 2)}:" in str(caught.value)


def test_invalid_json(override: Path) -> None:
    (override / "sourcing.json").write_text(
        '{\n  "reporting_verbs": [\n    "say",\n  ]\n}\n', encoding="utf-8"
    )
    with pytest.raises(LexiconError) as caught:
        sourcing_lexicon()
    assert "sourcing.json" in str(caught.value)
    assert "line 4: not valid JSON" in str(caught.value)


def test_a_missing_and_an_unknown_field(override: Path) -> None:
    data = packaged()
    del data["backing_verbs"]
    write(override, data)
    with pytest.raises(LexiconError, match=r"line 1: missing field 'backing_verbs'"):
        sourcing_lexicon()
    data = packaged()
    data["internal_conflict"]["head"] = ["war"]
    text = write(override, data)
    clear_cache()
    with pytest.raises(LexiconError) as caught:
        sourcing_lexicon()
    assert f"line {line_of(text, 'head', 2)}: unknown field" in str(caught.value)


def test_a_source_kind_the_record_does_not_know(override: Path) -> None:
    data = packaged()
    data["sector_kinds"]["GOV"] = "officialdom"
    write(override, data)
    with pytest.raises(LexiconError, match="'officialdom' is not a source kind"):
        sourcing_lexicon()


def test_a_valid_override_reaches_the_derived_lists(override: Path) -> None:
    assert "mutter" not in reporting_verbs()  # loaded before: forgotten by clear_cache
    clear_cache()
    data = packaged()
    data["reporting_verbs"].append("mutter")
    write(override, data)
    assert "mutter" in reporting_verbs()


def test_number_words_are_kept_once() -> None:
    general = table("number_words")
    numbers = lexicon()["numbers"]
    assert not set(general) & set(numbers["units"])
    assert not set(general) & set(numbers["scales"])
    units, scales = number_parts()
    assert units["seven"] == 7 and units["a"] == 1 and units["half"] == 0.5
    assert scales["hundred"] == 100 and scales["bn"] == 1e9
    assert "hundred" not in units and "dozen" not in scales
    assert count_words()["an"] == 1 and "half" not in count_words()


def test_a_number_word_that_is_no_number(override: Path) -> None:
    (override / "words").mkdir()
    (override / "words" / "number_words.tsv").write_text("# numbers\none\t1\ntwo\tdeux\n")
    with pytest.raises(LexiconError) as caught:
        number_parts()
    assert "number_words.tsv" in str(caught.value)
    assert "line 3:" in str(caught.value)
