"""Reliability (issue 12): the brief carries no active markup; the timeline is bounded."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from store_factory import event, record, state

from sitroom.api import open_store
from sitroom.record import Location, Quote, Source

pytestmark = pytest.mark.reliability

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_brief_of_a_hostile_document_has_no_active_markup(tmp_path: Path) -> None:
    rec = record(
        "evil<b>", [state("A1", "USA", None, f"United {HOSTILE} States"), state("A2", "CHN")],
        [event("E1", ["A1"], ["A2"], "ASSAULT", trigger=f"struck{HOSTILE}",
               location=Location(f"in [Ville](javascript:alert(3)) {HOSTILE}", None, 0, 5)),
         event("E2", ["A1"], ["A2"], "ACCUSE", attribution="S1", certainty="reported",
               trigger="accused", sentence=1)],
        title=f"Title {HOSTILE} [click](javascript:alert(4))",
        url="javascript:alert(5)",
        sources=[Source("S1", f"officials {HOSTILE}", None, True, "official", "said")],
        quotes=[Quote("Q1", f"We say {HOSTILE} <a href='javascript:alert(6)'>x</a>", 0, 10,
                      "A1", "he", "said")],
    )
    with open_store(tmp_path / "evil.duckdb", read_only=False) as store:
        store.ingest([rec])
        text = store.brief()
    html = MarkdownIt("commonmark").render(text)
    for active in ("<script", "<img", "<a ", "href=\"javascript", "<b>"):
        assert active not in html, active
    assert not re.search(r"<[^>]*onerror", html)  # the words may stay, as text only
    assert "javascript:alert(5)" not in text  # a non-http(s) URL is dropped
    assert "&lt;script&gt;" in text  # the words stay readable, escaped


def test_timeline_is_bounded_by_the_data_and_a_maximum(tmp_path: Path) -> None:
    from sitroom.web import queries

    recs = [record(f"d{i}", [state("A1", "USA"), state("A2", "CHN")],
                   [event("E1", ["A1"], ["A2"], "ACCUSE")], published=day)
            for i, day in enumerate(("2024-01-01", "2024-01-05"))]
    with open_store(tmp_path / "t.duckdb", read_only=False) as store:
        store.ingest(recs)
        actor = int(store.conn.execute(
            "SELECT actor_id FROM actors WHERE country = 'USA'").fetchall()[0][0])
        import datetime as dt

        most = queries.MAX_TIMELINE_DAYS + 1
        for start, end in ((dt.date(1, 1, 1), None), (None, dt.date(9999, 12, 31)),
                           (dt.date(1, 1, 1), dt.date(9999, 12, 31))):
            out = queries.timeline(store, actor=actor, start=start, end=end)
            days = [d["date"] for d in out["days"]]
            assert len(days) <= most and "2024-01-01" in days and "2024-01-05" in days
            assert sum(d["events"] for d in out["days"]) == 2
        out = queries.timeline(store, actor=actor)
        assert [d["date"] for d in out["days"]][::4] == ["2024-01-01", "2024-01-05"]


def test_timeline_of_data_spanning_the_calendar_is_bounded(tmp_path: Path) -> None:
    import datetime as dt

    from sitroom.web import queries

    recs = [record(f"d{i}", [state("A1", "USA"), state("A2", "CHN")],
                   [event("E1", ["A1"], ["A2"], "ACCUSE", date=day)], published=day)
            for i, day in enumerate(("0002-01-01", "9999-12-30"))]
    with open_store(tmp_path / "wide.duckdb", read_only=False) as store:
        store.ingest(recs)
        actor = int(store.conn.execute(
            "SELECT actor_id FROM actors WHERE country = 'USA'").fetchall()[0][0])
        for start, end in ((None, None), (dt.date(1, 1, 1), dt.date(9999, 12, 31))):
            out = queries.timeline(store, actor=actor, start=start, end=end)
            assert len(out["days"]) <= queries.MAX_TIMELINE_DAYS + 1
