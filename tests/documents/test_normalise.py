"""Text normalisation at reading: entities, invisible marks, UTF-16/32, sane dates.

Offsets stay those of the text as read: ``text[start:end]`` is always the evidence.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import sys
from types import SimpleNamespace

import pytest

from sitroom.documents import Document, ReadFailure, iter_documents
from sitroom.documents.readers import build_document, decode, sane_published
from sitroom.documents.structure import normalise, source_offset


@pytest.mark.parametrize(("raw", "clean_words", "word"), [
    ("Talks in Fran&ccedil;ois Square", "Talks in François Square", "François"),
    ("Kenya&#8217;s envoy", "Kenya’s envoy", "Kenya’s"),
    ("Kenya&#x2019;s envoy", "Kenya’s envoy", "Kenya’s"),
    ("Iran &amp; Iraq met", "Iran & Iraq met", "&"),
    ("Rus\u200bsia massed troops", "Russia massed troops", "Russia"),
    ("Ger\u200fmany\u200e said", "Germany said", "Germany"),
    ("soft\u00adhyphen", "softhyphen", "softhyphen"),
    ("&#8203;Chad agreed", "Chad agreed", "Chad"),
    # negative rows: nothing to decode, nothing moves
    ("AT&T shares fell", "AT&T shares fell", "AT&T"),
    ("a &notanentity; here", "a &notanentity; here", "&notanentity;"),
    ("plain text", "plain text", "plain"),
])
def test_normalise_decodes_and_maps_back(raw: str, clean_words: str, word: str) -> None:
    clean, breaks = normalise(raw)
    assert len(clean) == len(raw)
    assert " ".join(clean.split()) == clean_words
    start = clean.index(word)
    begin, end = source_offset(breaks, start), source_offset(breaks, start + len(word))
    assert normalise(raw[begin:end])[0].split() == [word]
    if clean_words == raw:
        assert breaks == () and clean == raw


def test_offsets_outside_a_changed_line_do_not_move() -> None:
    raw = "First line is plain.\nSecond &amp; third.\nLast line."
    clean, breaks = normalise(raw)
    assert clean.index("Last") == raw.index("Last")
    assert source_offset(breaks, clean.index("Last")) == raw.index("Last")
    assert clean.split("\n")[0] == raw.split("\n")[0]


def test_entities_are_decoded_in_every_format() -> None:
    for fmt in ("text", "markdown", "html"):
        doc = build_document("Peace talks&#8212;the first&nbsp;in years.", fmt=fmt)
        assert "—" in doc.clean and "&#" not in doc.clean, fmt
        assert doc.text == "Peace talks&#8212;the first&nbsp;in years."


def test_hidden_marks_do_not_hide_actors_and_evidence_is_the_text_as_read(analyze) -> None:
    text = "Rus\u200bsia and Fran&ccedil;ois Roe, the foreign minister of Fra\u200dnce, met."
    record = analyze(text)
    names = {a.name: a for a in record.actors}
    assert "Russia" in names and names["Russia"].country == "RUS"
    for actor in record.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text
    (mention,) = names["Russia"].mentions
    assert mention.text == "Rus\u200bsia"


@pytest.mark.parametrize(("raw", "expected"), [
    (codecs.BOM_UTF16_LE + "Chad and Niger met.".encode("utf-16-le"), "Chad and Niger met."),
    (codecs.BOM_UTF16_BE + "Chad and Niger met.".encode("utf-16-be"), "Chad and Niger met."),
    (codecs.BOM_UTF32_LE + "Chad and Niger met.".encode("utf-32-le"), "Chad and Niger met."),
    (codecs.BOM_UTF8 + b"Chad and Niger met.", "Chad and Niger met."),
])
def test_utf16_and_utf32_with_a_bom_are_read(raw: bytes, expected: str) -> None:
    assert decode(raw, "x.txt") == expected


@pytest.mark.parametrize(("raw", "reason"), [
    ("Chad and Niger met.".encode("utf-16-le"), "binary"),  # no BOM: not guessed
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "not UTF-16"),  # a lone surrogate
    (codecs.BOM_UTF16_LE, "empty"),
])
def test_bad_utf16_fails_with_a_reason(raw: bytes, reason: str) -> None:
    failed = decode(raw, "x.txt")
    assert isinstance(failed, ReadFailure) and reason in failed.reason


TODAY = dt.date(2024, 6, 1)


@pytest.mark.parametrize(("value", "kept"), [
    ("2024-05-31", True),
    ("1900-01-01", True),
    ("2025-06-01", True),  # a year ahead: still trusted
    ("0001-01-01", False),  # the zero date of feeds
    ("0002-01-01", False),
    ("1899-12-31", False),
    ("2025-06-02", False),
    ("9999-12-30", False),
])
def test_published_dates_outside_the_window_are_unknown(value: str, kept: bool) -> None:
    published, warning = sane_published(value, today=TODAY)
    assert (published == value) is kept
    assert (warning is None) is kept
    if warning:
        assert value in warning and "unknown" in warning


def test_a_zero_published_date_is_dropped_with_a_warning() -> None:
    doc = build_document("Last week Chad closed its border.", published="0001-01-01")
    assert doc.published is None and doc.warnings and "0001-01-01" in doc.warnings[0]
    assert build_document("Chad closed its border.", published="2020-01-02").warnings == ()


def test_one_bad_byte_on_standard_input_fails_its_line_only(monkeypatch) -> None:
    lines = [json.dumps({"id": "a", "text": "Chad met Niger."}).encode(),
             b'{"id": "b", "text": "caf\xe9"}',
             json.dumps({"id": "c", "text": "Mali met Chad."}).encode()]
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"\n".join(lines))))
    items = list(iter_documents(["-"]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadFailure", "Document"]
    assert isinstance(items[1], ReadFailure) and items[1].path == "<stdin>:2"
    assert isinstance(items[2], Document) and items[2].id == "c"
