"""CLI hygiene: -h and global --quiet/--verbose/--version, one exit-code policy tested
for every command (usage 2, data 1), query commands refuse a missing store, checked
filters, plain tables when piped, a .json input refused clearly, a determinate bar."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import typer.main
from rich.console import Console
from typer.testing import CliRunner

from sitroom.api import open_store
from sitroom.cli import app

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_factory import scenario

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
QUERY_COMMANDS = {
    "events": [], "actors": [], "dyad": ["USA", "CHN"], "series": [], "network": [],
    "brief": [],
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hygiene") / "h.duckdb"
    with open_store(path, read_only=False) as store:
        store.ingest(scenario())
    return path


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("broken") / "b.duckdb"
    path.write_bytes(b"not a store\n" * 512)
    return path


def test_every_query_command_is_covered() -> None:
    assert set(QUERY_COMMANDS) <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_short_help(command: str) -> None:
    result = runner.invoke(app, [command, "-h"])
    assert result.exit_code == 0 and "Usage" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_option_is_usage_2(command: str) -> None:
    result = runner.invoke(app, [command, "--no-such-option"])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", sorted(QUERY_COMMANDS))
def test_query_commands_refuse_a_missing_store(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "typo.duckdb"
    result = runner.invoke(app, [command, *QUERY_COMMANDS[command], "--db", str(missing)])
    assert result.exit_code == 2 and "[E002]" in result.stderr
    assert not missing.exists()


@pytest.mark.parametrize("command", sorted(QUERY_COMMANDS))
def test_query_commands_on_a_broken_store_are_data_1(command: str, broken: Path) -> None:
    result = runner.invoke(app, [command, *QUERY_COMMANDS[command], "--db", str(broken)])
    assert result.exit_code == 1 and result.stderr.startswith("error: [E30")


@pytest.mark.parametrize("command", sorted(QUERY_COMMANDS))
def test_query_commands_succeed(command: str, db: Path) -> None:
    result = runner.invoke(app, [command, *QUERY_COMMANDS[command], "--db", str(db)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--quad", "7"], "quad_class is 1-4"),
        (["events", "--plover", "ATTACK"], "unknown PLOVER type"),
        (["events", "--country", "Yemen"], "'Yemen' is YEM"),
        (["events", "--country", "XYZ"], "unknown country code 'XYZ'"),
        (["events", "--since", "yesterday"], "ISO date"),
        (["events", "-f", "xml"], "unknown format"),
        (["events", "-f", "parquet"], "--output"),
        (["events", "--source", "USA"], "go together"),
        (["series", "USA"], "two sides"),
        (["series", "USA", "--escalation"], "two sides"),
        (["network", "--level", "planet"], "actor or country"),
    ],
)
def test_usage_errors_exit_2(db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_series_escalation_keeps_the_given_dyad(db: Path) -> None:
    everything = runner.invoke(app, ["series", "--escalation", "--db", str(db), "-f", "csv"])
    one = runner.invoke(app, ["series", "USA", "ZZZ", "--escalation", "--db", str(db),
                              "-f", "csv"])
    assert everything.exit_code == one.exit_code == 0
    assert len(one.stdout.splitlines()) <= 1  # a dyad with no events: header only


def test_global_options() -> None:
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.startswith("sitroom ")
    assert runner.invoke(app, ["-h"]).exit_code == 0
    assert runner.invoke(app, ["-q", "schema"]).exit_code == 0
    assert runner.invoke(app, ["--verbose", "schema"]).exit_code == 0


def test_verbose_prints_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    quiet = runner.invoke(app, ["events", "--db", str(missing)])
    assert "Traceback" not in quiet.stderr
    result = runner.invoke(app, ["--verbose", "ingest", "-q", str(tmp_path / "x.json")])
    assert result.exit_code == 2 and "Traceback" in result.stderr


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_a_json_file_is_refused_clearly(command: str, tmp_path: Path) -> None:
    data = tmp_path / "feed.json"
    data.write_text('[{"id": "a", "text": "France condemned the attack."}]', encoding="utf-8")
    args = [command, str(data)] + (["--db", str(tmp_path / "s.duckdb")]
                                   if command == "ingest" else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "JSON Lines" in result.stderr and "feed.json" in result.stderr
    assert not (tmp_path / "s.duckdb").exists()


def test_piped_table_is_plain(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db)])
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["date", "source", "event"]
    assert not any(ch in result.stdout for ch in "┃│┏━")
    assert len(lines) == 6


def test_progress_bar_is_determinate_and_quiet_off_a_terminal(tmp_path: Path) -> None:
    from sitroom.interfaces.ingest import count_new, progress_bar

    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Report {name}: Kenya hosted talks.\n",
                                              encoding="utf-8")
    assert count_new([str(tmp_path)], set()) == 2
    assert count_new(["-"], set()) is None
    terminal = io.StringIO()
    bar = progress_bar(Console(file=terminal, force_terminal=True, width=120))
    with bar:
        task = bar.add_task("ingest", total=2)
        bar.update(task, advance=1)
    assert "1/2" in terminal.getvalue()
    piped = io.StringIO()
    with progress_bar(Console(file=piped, force_terminal=False)) as quiet_bar:
        quiet_bar.add_task("ingest", total=2)
    assert piped.getvalue() == ""
