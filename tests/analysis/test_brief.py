"""The brief: deterministic Markdown, every statement cited."""

from __future__ import annotations

import re

from store_factory import dyad_record, scenario

from sitroom.analysis.brief import brief
from sitroom.api import Store

CITE = re.compile(r"\[(d\d|q\d+|spike) (§\d+|@\d+)\]")


def test_brief_sections_and_citations(store: Store) -> None:
    store.ingest(scenario())
    text = store.brief()
    for heading in ("# Situation brief", "## Main developments", "## Who is pressing whom",
                    "## Claims: by whom and how surely", "## Quotes", "## Escalation signals",
                    "## Expected or feared", "## Documents"):
        assert heading in text
    body, docs = text.split("## Documents")
    for line in body.splitlines():
        if line.startswith("- "):
            assert CITE.search(line), line
    cited = {m.group(1) for m in CITE.finditer(body)}
    assert cited == {"d1", "d2", "d3"}
    for doc_id in cited:
        assert f"- [{doc_id}] " in docs
    assert "Russian forces shell Kharkiv (2024-11-05)" in docs
    assert "**intelligence source**" in text and "**anonymous**" in text
    assert "Antony Blinken (USA) REQUEST Beijing (CHN)" in text
    assert "Antony Blinken (USA): “We will not stand by” [d1 §1]" in text
    assert "expected: 2024-11-05: Russian forces (RUS) — THREATEN" in text
    assert "possible or feared" in text and "demanded" in text
    assert "alleged, according to U.S. intelligence officials" in text


def test_brief_is_deterministic_and_filters(store: Store) -> None:
    store.ingest(scenario())
    assert brief(store) == brief(store)
    russia = store.brief(actor="RUS")
    assert "Beijing" not in russia.split("## Documents")[0]
    assert "[d2 §1]" in russia
    later = store.brief(since="2024-11-04")
    assert "[d1 §" not in later


def test_brief_reports_escalation(store: Store) -> None:
    quiet = [dyad_record(f"q{i}", f"2024-01-{i + 1:02d}", "USA", "CHN", "CONSULT")
             for i in range(20)]
    store.ingest([*quiet, dyad_record("spike", "2024-01-21", "CHN", "USA", "THREATEN", n=3)])
    text = store.brief()
    section = text.split("## Escalation signals")[1].split("##")[0]
    assert "CHN–USA on 2024-01-21: conflict score 21" in section
    assert "[spike §0]" in section


def test_empty_store_brief(store: Store) -> None:
    text = store.brief()
    assert "0 counted events" in text and "_Nothing in the store for this scope._" in text
