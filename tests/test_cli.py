"""The command line: help for every command, clean errors, exit codes, JSON output."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitroom.cli import app

runner = CliRunner()


def _commands(group) -> list[list[str]]:
    import typer.main

    click_group = typer.main.get_command(group)
    return [[name] for name in click_group.commands]  # type: ignore[attr-defined]


def test_every_command_has_help():
    commands = _commands(app)
    assert {"analyze", "schema", "demo", "version"} <= {c[0] for c in commands}
    for command in commands:
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, command
        assert "Usage" in result.output
        assert len(result.output.strip().splitlines()) > 3


def test_schema_command_prints_the_versioned_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$id"] == "sitroom.analysis/1"
    assert {"document", "actors", "events", "quotes", "sources", "relations"} <= set(
        schema["properties"])


def test_analyze_json_and_errors(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("France condemned the attack on Monday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(empty), str(good), str(tmp_path / "missing.txt"),
                                 "--format", "json"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1 and lines[0]["document"]["path"] == str(good)
    assert "Traceback" not in result.output
    assert f"{empty}: empty file" in result.stderr
    assert "missing.txt: no such file" in result.stderr


def test_analyze_all_good_exits_zero(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Talks\n\nKenya hosted talks with Ethiopia.", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0
    assert "Actors" in result.stdout and "Events" in result.stdout


@pytest.mark.parametrize("bad", ["--format=xml", "--batch-size=0"])
def test_bad_options_are_usage_errors(tmp_path, bad):
    result = runner.invoke(app, ["analyze", "x.txt", bad])
    assert result.exit_code == 2
