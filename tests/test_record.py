"""The analysis record: schema file, validation of real output, offsets give evidence back."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from sitroom.documents import Document, iter_documents
from sitroom.pipeline.analyze import analyze_documents
from sitroom.record import SCHEMA_ID, from_dict, json_schema, to_dict

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "schema" / "analysis.schema.json").read_text())
    assert committed == json_schema(), "run `make schema` to regenerate schema/"


def _evidence(record: dict, text: str) -> list[tuple[str, int, int, str]]:
    """Every (what, start, end, text) in a record."""
    found = []
    for actor in record["actors"]:
        for m in actor["mentions"]:
            found.append(("mention", m["start"], m["end"], m["text"]))
    for event in record["events"]:
        t = event["trigger"]
        found.append(("trigger", t["start"], t["end"], t["text"]))
        for cue in event.get("cues", []):
            found.append(("cue", cue["start"], cue["end"], cue["text"]))
        s = event["sentence"]
        assert 0 <= s["start"] < s["end"] <= len(text)
        for q in event["quantities"]:
            if q.get("start") is not None:
                found.append(("quantity", q["start"], q["end"], q["text"]))
    for quote in record["quotes"]:
        found.append(("quote", quote["start"], quote["end"], quote["text"]))
    for q in record["quantities"]:
        if q.get("start") is not None:
            found.append(("quantity", q["start"], q["end"], q["text"]))
    for relation in record["relations"]:
        found.append(("relation", relation["start"], relation["end"], relation["text"]))
    for source in record["sources"]:
        if source.get("start") is not None:
            found.append(("source", source["start"], source["end"], source["text"]))
    return found


def _check(records, texts):
    schema = json_schema()
    checked = 0
    for record in records:
        data = to_dict(record)
        assert data["schema"] == SCHEMA_ID
        jsonschema.validate(data, schema)
        assert from_dict(json.loads(json.dumps(data))) == record
        text = texts[record.document.id]
        for what, start, end, piece in _evidence(data, text):
            assert text[start:end] == piece, (what, start, end, piece)
            checked += 1
    return checked


def test_demo_corpus_output_validates_and_offsets_hold(nlp, demo_dir):
    docs = [d for d in iter_documents([str(demo_dir)]) if isinstance(d, Document)]
    assert len(docs) >= 15
    records = list(analyze_documents(docs, nlp=nlp))
    texts = {d.id: d.text for d in docs}
    assert _check(records, texts) > 500
    assert sum(len(r.events) for r in records) > 50


def test_real_news_offsets_hold(nlp, shared):
    path = shared / "data" / "wikinews" / "articles.jsonl"
    if not path.exists():
        pytest.skip("wikinews articles absent from ../shared")
    docs = [d for d in iter_documents([str(path)]) if isinstance(d, Document)][:40]
    records = list(analyze_documents(docs, nlp=nlp))
    assert _check(records, {d.id: d.text for d in docs}) > 500


def test_markup_offsets_point_into_the_raw_file(nlp, tmp_path):
    raw = ("<html><head><title>Envoys meet</title></head><body>"
           "<p>The <b>German</b> foreign minister met with his French counterpart "
           "in Berlin &amp; praised the deal.</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(raw, encoding="utf-8")
    (doc,) = list(iter_documents([str(path)]))
    records = list(analyze_documents([doc], nlp=nlp))
    assert _check(records, {doc.id: raw}) > 0


def test_records_carry_provenance(analyze):
    import re

    from sitroom import __version__
    from sitroom.lexicons import versions
    from sitroom.pipeline.analyze import provenance

    first = analyze("France condemned the attack.")
    second = analyze("Kenya hosted talks with Ethiopia.")
    assert first.provenance is not None
    assert first.provenance is second.provenance is provenance()  # computed once
    assert first.provenance.sitroom == __version__
    assert first.provenance.lexicons == versions()
    assert {"verbs.json", "words/negators.txt"} <= set(first.provenance.lexicons)
    assert all(re.fullmatch(r"[0-9a-f]{12}", v) for v in first.provenance.lexicons.values())
    data = to_dict(first)
    assert data["provenance"]["lexicons"]["verbs.json"] == versions()["verbs.json"]
    jsonschema.validate(data, json_schema())


def test_records_without_provenance_still_load():
    data = {"schema": SCHEMA_ID, "document": {"id": "old"}}
    record = from_dict(data)
    assert record.provenance is None and record.document.id == "old"
