"""Object classes from WordNet 3.0 noun hypernyms, and the fallback to hand-written words."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.events import classes
from sitroom.lexicons import clear_cache

HAVE_WORDNET = (classes.DEFAULT_FOLDER / "data.noun").is_file()
needs_wordnet = pytest.mark.skipif(
    not HAVE_WORDNET, reason="WordNet 3.0 (wordnet-base) is not installed here; "
    "the fallback is tested below")


@pytest.fixture
def wordnet_at(monkeypatch):
    """Point the reader at a folder (the caches are cleared before and after)."""
    def use(folder: Path | str) -> None:
        monkeypatch.setenv(classes.WORDNET_ENV, str(folder))
        clear_cache()
    yield use
    monkeypatch.delenv(classes.WORDNET_ENV, raising=False)
    clear_cache()


def _line(offset: int, word: str, parents: list[int]) -> str:
    pointers = " ".join(f"@ {p:08d} n 0000" for p in parents)
    return (f"{offset:08d} 06 n 01 {word} 0 {len(parents):03d}"
            + (f" {pointers}" if pointers else "") + " | a gloss  \n")


def _tiny_wordnet(folder: Path) -> None:
    """A three-synset WordNet in the wndb format: gadget < cannon < weapon."""
    lines: list[str] = []
    offsets: dict[str, int] = {}
    position = 0
    for word, parent in (("weapon", None), ("cannon", "weapon"), ("gadget", None)):
        # a line's length depends on its own offset only through the fixed 8 digits
        line = _line(position, word, [offsets[parent]] if parent else [])
        offsets[word] = position
        lines.append(line)
        position += len(line.encode())
    (folder / "data.noun").write_text("".join(lines), encoding="utf-8")
    index = [f"{w} n 1 1 @ 1 0 {offsets[w]:08d}  \n" for w in sorted(offsets)]
    (folder / "index.noun").write_text("  1 licence header\n" + "".join(index),
                                       encoding="utf-8")


def test_reader_follows_hypernyms(tmp_path):
    _tiny_wordnet(tmp_path)
    net = classes.WordNet(tmp_path)
    cannon = net.synset("cannon.n.01")
    weapon = net.synset("weapon.n.01")
    gadget = net.synset("gadget.n.01")
    assert cannon is not None and weapon is not None and gadget is not None
    assert weapon in net.ancestors(cannon)
    assert weapon not in net.ancestors(gadget)
    assert net.senses("cannon") == (cannon,)
    assert net.senses("unknown") == ()
    assert net.synset("cannon.n.02") is None


def test_absent_wordnet_falls_back_to_hand_words(wordnet_at, tmp_path):
    wordnet_at(tmp_path / "nowhere")
    assert classes.wordnet() is None
    assert classes.wordnet_classes("corvette") == frozenset()


def test_malformed_wordnet_falls_back(wordnet_at, tmp_path):
    (tmp_path / "index.noun").write_text("cannon n 3 0 1 1 00000000\n", encoding="utf-8")
    (tmp_path / "data.noun").write_text("", encoding="utf-8")
    wordnet_at(tmp_path)
    assert classes.wordnet() is None


CLASS_ROWS = [
    # (noun, class it must have, class it must not have)
    ("corvette", "MILITARY", "PLACE"),
    ("howitzer", "WEAPON", "PRISONER"),
    ("refinery", "PLACE", "WEAPON"),
    ("detainee", "PRISONER", "MILITARY"),
    ("gendarme", "POLICE", "PLACE"),
    ("airfield", "PLACE", "MILITARY"),
    # negative rows: a rare sense does not make a class
    ("place", None, "PLACE"),        # "took place": its first sense is no territory
    ("remedy", None, "HUMAID"),      # "seek a remedy" is no appeal for medicine
    ("journalist", None, "PRISONER"),
]


@needs_wordnet
@pytest.mark.parametrize(("noun", "has", "lacks"), CLASS_ROWS)
def test_wordnet_classes(noun, has, lacks):
    found = classes.wordnet_classes(noun)
    if has:
        assert has in found
    assert lacks not in found


@needs_wordnet
def test_gate_opens_for_a_noun_only_wordnet_knows(analyze):
    record = analyze("Iran sold corvettes to Venezuela.")
    assert any(e.cameo == "072" for e in record.events)


def test_gate_stays_shut_for_an_unrelated_noun(analyze):
    record = analyze("Iran sold carrots to Venezuela.")
    assert not any(e.cameo == "072" for e in record.events)


def test_gate_without_wordnet_uses_hand_words(wordnet_at, tmp_path, analyze):
    wordnet_at(tmp_path / "nowhere")
    assert any(e.cameo == "072" for e in analyze("Iran sold howitzers to Venezuela.").events)
    assert not any(e.cameo == "072" for e in analyze("Iran sold corvettes to Venezuela.").events)


def test_lexicon_version_records_wordnet(wordnet_at, tmp_path):
    from sitroom.events.codebook import load_codebook

    with_wordnet = load_codebook()
    wordnet_at(tmp_path / "nowhere")
    without = load_codebook()
    assert without.files["wordnet"] == "absent"
    assert (with_wordnet.version == without.version) == (not HAVE_WORDNET)
