"""The store commands through Typer."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from store_factory import scenario
from typer.testing import CliRunner

from sitroom.api import open_store
from sitroom.cli_store import register
from sitroom.store.export import GDELT_COLUMNS

runner = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    application = typer.Typer()
    register(application)
    return application


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    with open_store(path, read_only=False) as store:
        store.ingest(scenario())
    return path


def _run(app: typer.Typer, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_formats_and_filters(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    lines = _run(app, "events", "--db", str(db), "--format", "json").splitlines()
    assert len(lines) == 5
    assert json.loads(lines[0])["cameo"] == "0211"
    assert len(_run(app, "events", "--db", str(db), "--format", "json", "--all")
               .splitlines()) == 9
    gdelt = _run(app, "events", "--db", str(db), "--format", "gdelt", "--header").splitlines()
    assert gdelt[0].split("\t") == list(GDELT_COLUMNS) and len(gdelt) == 6
    csv_out = _run(app, "events", "--db", str(db), "--format", "csv", "--plover", "ACCUSE")
    assert len(csv_out.splitlines()) == 3
    one = _run(app, "events", "--db", str(db), "-f", "json", "--source", "USA", "--target",
               "CHN", "--quad", "3", "--certainty", "reported", "--anonymous",
               "--source-kind", "official", "--since", "2024-11-01", "--until", "2024-11-02",
               "--cameo", "11", "--actor", "Washington", "--country", "CHN", "--limit", "5")
    assert len(one.splitlines()) == 1
    assert len(_run(app, "events", "--db", str(db), "-f", "json", "--modality", "future",
                    "--polarity", "positive", "--doc", "d2").splitlines()) == 1
    pol = _run(app, "events", "--db", str(db), "-f", "polecat")
    assert pol.startswith("Event ID\t")
    target = tmp_path / "out.parquet"
    _run(app, "events", "--db", str(db), "-f", "parquet", "--output", str(target))
    assert pq.read_table(target).num_rows == 5
    assert "ASSAULT" in _run(app, "events", "--db", str(db))


def test_dyad_actors_series_network_brief(app: typer.Typer, db: Path) -> None:
    assert len(_run(app, "dyad", "CHN", "USA", "--db", str(db), "-f", "json")
               .splitlines()) == 2
    assert _run(app, "dyad", "CHN", "USA", "--directed", "--db", str(db), "-f", "json") == ""
    actors = _run(app, "actors", "--db", str(db), "-f", "csv").splitlines()
    assert actors[1].split(",")[1] == "Helena Varga"
    assert "Varga" in _run(app, "actors", "--db", str(db), "--kind", "person", "-f", "json")
    assert _run(app, "actors", "--db", str(db)).startswith("actor_id\tname\t")  # piped: plain
    series = _run(app, "series", "USA", "CHN", "--db", str(db), "-f", "csv").splitlines()
    assert series[0].startswith("date,events")
    assert len(_run(app, "series", "--db", str(db), "-f", "json").splitlines()) == 3
    _run(app, "series", "--escalation", "--db", str(db), "-f", "csv")
    net = json.loads(_run(app, "network", "--db", str(db), "-f", "json", "--level", "country"))
    assert {e["source"] for e in net["edges"]} == {"USA", "RUS", "ISR"}
    assert "edges" in _run(app, "network", "--db", str(db))
    text = _run(app, "brief", "--db", str(db), "--since", "2024-11-01", "--actor", "RUS")
    assert text.startswith("# Situation brief") and "[d2 §1]" in text


def test_errors_are_one_line_usage_2_store_1(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    # usage errors (bad option values or combinations, no store to query) exit 2
    for args, code in (
        (["events", "--db", str(db), "-f", "parquet"], "E001"),
        (["events", "--db", str(db), "-f", "xml"], "E001"),
        (["events", "--db", str(db), "--source", "USA"], "E001"),
        (["events", "--db", str(tmp_path / "missing" / "x.duckdb")], "E002"),
        (["network", "--db", str(db), "--level", "planet"], "E001"),
        (["series", "USA", "--db", str(db)], "E001"),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith(f"error: [{code}]"), (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
    assert runner.invoke(app, ["events", "--db", str(db), "--since", "yesterday"]).exit_code == 2
    # a store that cannot be read exits 1
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a store\n" * 512)
    result = runner.invoke(app, ["events", "--db", str(broken)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: [E301]") and len(result.stderr.splitlines()) == 1
