"""One escalation rule: the dashboard, the brief and ``sitroom series --escalation`` agree.

Each surface is read as its user sees it (JSON from the API, Markdown from the brief,
JSON lines from the command) and reduced to its set of (dyad, day) signals.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner
from webdb import DemoDb, copy_db

from sitroom.analysis.brief import brief
from sitroom.api import open_store
from sitroom.cli import app as cli_app
from sitroom.web import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from store_factory import dyad_record

Signal = tuple[str, str, str]  # (a, b, YYYY-MM-DD), a <= b
_BRIEF_LINE = re.compile(r"^- (\d{4}-\d{2}-\d{2}) — ([^–:]+)–([^–:]+): conflict score ")


def _pair(a: str, b: str, day: str) -> Signal:
    low, high = sorted((a, b))
    return (low, high, day[:10])


def from_cli(db: Path) -> set[Signal]:
    result = CliRunner().invoke(
        cli_app, ["series", "--escalation", "--db", str(db), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {_pair(r["a"], r["b"], r["date"]) for r in rows}


def from_brief(db: Path) -> set[Signal]:
    with open_store(db, read_only=True) as store:
        text = brief(store, top=10_000)
    section = text.split("## Escalation signals", 1)[1].split("\n## ", 1)[0]
    found = set()
    for line in section.splitlines():
        match = _BRIEF_LINE.match(line)
        if match:
            found.add(_pair(match[2], match[3], match[1]))
    return found


def from_dashboard(db: Path) -> set[Signal]:
    with TestClient(create_app(db, read_only=True), base_url="http://127.0.0.1") as client:
        body = client.get("/api/escalation").json()
    assert "14 days" in body["method"]
    return {_pair(s["a"], s["b"], s["date"]) for s in body["signals"]}


def test_demo_store_reports_one_set_of_signals(demo_db: DemoDb, tmp_path: Path) -> None:
    db = copy_db(demo_db, tmp_path)
    cli = from_cli(db)
    assert from_brief(db) == cli
    assert from_dashboard(db) == cli


def test_constructed_store_reports_one_set_of_signals(tmp_path: Path) -> None:
    """A spike after twenty quiet days signals everywhere; a spike after two days of
    history (which the dashboard's former 7-day rule flagged) signals nowhere."""
    db = tmp_path / "crisis.duckdb"
    quiet = [dyad_record(f"q{i}", f"2024-01-{i + 1:02d}", "USA", "CHN", "CONSULT")
             for i in range(20)]
    spike = dyad_record("spike", "2024-01-21", "CHN", "USA", "THREATEN", n=3)
    young = [dyad_record("y1", "2024-01-19", "FRA", "DEU", "CONSULT"),
             dyad_record("y2", "2024-01-21", "FRA", "DEU", "THREATEN", n=3)]
    with open_store(db, read_only=False) as store:
        assert store.ingest([*quiet, spike, *young]).added == 23
        actors = store.actors()
        ids = dict(zip(actors["country"], actors["actor_id"], strict=True))
    expected = {("CHN", "USA", "2024-01-21")}
    assert from_cli(db) == expected
    assert from_brief(db) == expected
    assert from_dashboard(db) == expected
    with TestClient(create_app(db, read_only=True), base_url="http://127.0.0.1") as client:
        spiked = client.get("/api/timeline", params={"a": ids["USA"], "b": ids["CHN"]}).json()
        young_line = client.get("/api/timeline",
                                params={"a": ids["FRA"], "b": ids["DEU"]}).json()
    assert [s["date"] for s in spiked["signals"]] == ["2024-01-21"]
    assert spiked["signals"][0]["score"] == 21.0
    assert young_line["days"][-1]["conflict_score"] == 21.0
    assert young_line["signals"] == []
