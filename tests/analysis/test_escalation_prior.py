"""The prior reaches every surface: the dashboard's dyad timeline flags a dyad's opening
day exactly when the all-dyad signals (CLI, brief, /api/escalation) do."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from store_factory import dyad_record

from sitroom.api import open_store
from sitroom.web import create_app


def test_timeline_and_signals_agree_on_an_opening_day(tmp_path: Path) -> None:
    db = tmp_path / "opening.duckdb"
    quiet = [dyad_record(f"q{i}", f"2024-01-{i + 1:02d}", "USA", "CHN", "CONSULT")
             for i in range(20)]
    with open_store(db, read_only=False) as store:
        store.ingest([*quiet,
                      dyad_record("new", "2024-01-21", "FRA", "DEU", "ASSAULT", n=2),
                      dyad_record("talks", "2024-01-21", "IRN", "ISR", "CONSULT", n=2)])
        actors = store.actors()
    ids = dict(zip(actors["country"], actors["actor_id"], strict=True))
    with TestClient(create_app(db, read_only=True), base_url="http://127.0.0.1") as client:
        signals = client.get("/api/escalation").json()["signals"]
        opened = client.get("/api/timeline",
                            params={"a": ids["FRA"], "b": ids["DEU"]}).json()
        talks = client.get("/api/timeline",
                           params={"a": ids["IRN"], "b": ids["ISR"]}).json()
    assert [(s["a"], s["b"], s["date"]) for s in signals] == [("DEU", "FRA", "2024-01-21")]
    assert [s["date"] for s in opened["signals"]] == ["2024-01-21"]
    assert opened["signals"][0]["threshold"] == signals[0]["threshold"]
    assert talks["signals"] == []
