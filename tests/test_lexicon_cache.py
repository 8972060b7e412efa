"""Word lists are cached, and an override folder still replaces them as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.lexicons import clear_cache, ordered, rows, table, words


def test_a_list_is_read_once_and_the_same_set_comes_back() -> None:
    clear_cache()
    first = words("negators")
    assert first and words("negators") is first
    assert ordered("negators") == ordered("negators")


def test_a_file_written_into_the_override_folder_replaces_the_packaged_list(
        override: Path) -> None:
    packaged = words("negators")
    (override / "words").mkdir()
    (override / "words" / "negators.txt").write_text("# ours\nnary\n", encoding="utf-8")
    assert words("negators") == frozenset({"nary"})  # no clear_cache needed
    assert ordered("negators") == ("nary",)
    assert packaged != words("negators")


def test_the_packaged_list_is_back_after_the_override(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "negators.txt").write_text("nary\n", encoding="utf-8")
    monkeypatch.setenv("SITROOM_LEXICON_DIR", str(tmp_path))
    clear_cache()
    assert words("negators") == frozenset({"nary"})
    monkeypatch.delenv("SITROOM_LEXICON_DIR")
    clear_cache()  # the documented step after changing the variable
    assert "nary" not in words("negators") and "not" in words("negators")


def test_a_table_is_a_fresh_dict_each_time() -> None:
    first = table("number_words")
    first["zzz"] = "1"
    assert "zzz" not in table("number_words")
    assert dict(rows("number_words", 2)) == table("number_words")
