"""Reading inputs: every failure names the file and the reason; good data survives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.documents import Document, ReadFailure, iter_documents
from sitroom.documents.readers import build_document


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\xe9 talks in Paris.".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_files_fail_with_file_and_reason(tmp_path, name, data, reason):
    path = _write(tmp_path / name, data)
    (item,) = list(iter_documents([path]))
    assert isinstance(item, ReadFailure)
    assert item.path == path
    assert reason in item.reason
    assert path in str(item) and item.code in str(item)


def test_missing_path_fails_but_others_are_read(tmp_path):
    good = _write(tmp_path / "good.txt", b"Officials met in Paris on Monday.")
    items = list(iter_documents([str(tmp_path / "nope.txt"), good]))
    assert isinstance(items[0], ReadFailure) and "no such file" in items[0].reason
    assert isinstance(items[1], Document) and items[1].text.startswith("Officials")


def test_jsonl_bad_lines_fail_alone(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "France recalled its ambassador.",
                    "published": "2024-02-01"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "c", "text": "Kenya hosted talks.", "title": "Talks"}),
    ]
    path = _write(tmp_path / "docs.jsonl", "\n".join(lines).encode())
    items = list(iter_documents([path]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "ReadFailure", "ReadFailure", "ReadFailure", "Document"]
    assert items[1].path.endswith("docs.jsonl:2") and "malformed JSON" in items[1].reason
    assert items[2].path.endswith(":3") and "text" in items[2].reason
    assert items[0].published == "2024-02-01" and items[0].id == "a"
    assert items[4].title == "Talks"


def test_directory_reads_text_markdown_html(tmp_path):
    _write(tmp_path / "a.txt", b"Chile and Peru signed a trade deal.")
    _write(tmp_path / "b.md", b"# Heading\n\nThe **EU** condemned the attack.")
    _write(tmp_path / "c.html", b"<html><title>T</title><p>Iran &amp; Iraq met.</p></html>")
    _write(tmp_path / "skip.bin", b"\x00\x01")
    docs = list(iter_documents([str(tmp_path)]))
    assert [Path(d.path).name for d in docs] == ["a.txt", "b.md", "c.html"]
    for doc in docs:
        assert isinstance(doc, Document)
        assert len(doc.clean) == len(doc.text)
    assert "**" not in docs[1].clean and "EU" in docs[1].clean
    assert " ".join(docs[2].clean.split()) == "T Iran & Iraq met."
    assert docs[2].title == "T"


def test_front_matter_gives_title_and_date_and_is_not_story():
    text = "---\ntitle: Ships rerouted\npublished: 2024-01-05\n---\nLONDON — Insurers raised rates."
    doc = build_document(text, fmt="markdown")
    assert doc.title == "Ships rerouted" and doc.published == "2024-01-05"
    assert doc.dateline == "LONDON"
    assert doc.clean.strip().startswith("Insurers")
    assert doc.id == doc.sha256[:16]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Washington D.C: Talks resumed.", "Washington D.C"),
        ("SEOUL, South Korea — The ministry said.", "SEOUL, South Korea"),
        ("GENEVA (Reuters) - Envoys met.", "GENEVA"),
        ("Officials said: talks resumed.", None),
        ("The minister said the talks resumed.", None),
    ],
)
def test_datelines(text, dateline):
    assert build_document(text).dateline == dateline


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Talks Collapse as Envoys Walk Out", True),
        ("Talks on Trade Resume after a Summit in Oman", True),
        ("Talks on trade resume after a summit in Oman", False),
        ("Moscow’s Reply and Rising Worry Over a Border Clash", True),
        ("The talks collapsed on Monday.", False),
        ("“We will respond,” he said.", False),
        ("the envoys walked out of the meeting without a statement and went home", False),
    ],
)
def test_heading_lines(line, heading):
    text = f"Envoys met on Monday.\n{line}\nThey left."
    doc = build_document(text)
    assert any(z.kind == "heading" for z in doc.zones) is heading


def test_stdin_text_and_jsonl(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Egypt closed the canal.")))
    (doc,) = list(iter_documents(["-"]))
    assert isinstance(doc, Document) and doc.path == "<stdin>"
    data = b'{"id": "x", "text": "Peru protested."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (doc,) = list(iter_documents(["-"]))
    assert isinstance(doc, Document) and doc.id == "x"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Wednesday, January 23, 2019", "2019-01-23"),
        ("Sat. Sept. 7, 2019", None),
        ("Saturday, Sept. 7, 2019", "2019-09-07"),
        ("7 Decem 2019", "2019-12-07"),
        ("7 Ja 2019", None),
        ("3 March 2024", "2024-03-03"),
        ("2024-02-29", "2024-02-29"),
        ("February 30, 2024", None),
        ("May the talks go well, 2024", None),
    ],
)
def test_date_line_gives_published(line, iso):
    doc = build_document(f"Talks resume\n\n{line}\n\nEnvoys met in Geneva on Monday.")
    assert doc.published == iso
    if iso:
        assert any(z.kind == "dateline" for z in doc.zones)
        assert doc.clean.strip().startswith("Talks resume")


def test_given_published_wins_over_date_line():
    doc = build_document("March 3, 2024\nEnvoys met.", published="2024-03-05")
    assert doc.published == "2024-03-05"
