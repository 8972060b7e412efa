"""The command line: help for every command, clean errors, exit codes, JSON output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.errors import (
    CATALOGUE,
    EXIT_FAILURE,
    EXIT_USAGE,
    NoStoreError,
    StoreError,
    UsageError,
    exit_code,
)

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


# -- the exit-code policy: 0 success, 1 bad data or a failure, 2 a usage error ----------

def test_the_catalogue_has_one_stable_code_per_class():
    codes = [cls.code for cls in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"E\d{3}", code) for code in codes)
    assert exit_code(UsageError("x")) == exit_code(NoStoreError("x")) == EXIT_USAGE
    assert exit_code(StoreError("x")) == exit_code(ValueError("x")) == EXIT_FAILURE


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Small inputs: good and empty documents, a store, a broken store, missing ones."""
    root = tmp_path_factory.mktemp("cli")
    docs = root / "docs"
    docs.mkdir()
    (docs / "strikes.txt").write_text(
        "Russia launched missile strikes on Kyiv on Monday, Ukrainian officials said.\n",
        encoding="utf-8")
    (docs / "talks.txt").write_text(
        "France urged Iran to return to nuclear talks on Tuesday.\n", encoding="utf-8")
    empty = root / "empty.txt"
    empty.write_text("", encoding="utf-8")
    broken = root / "broken.duckdb"
    broken.write_bytes(b"not a DuckDB store\n" * 512)
    db = root / "store.duckdb"
    result = runner.invoke(app, ["ingest", str(docs), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return {"docs": str(docs), "good": str(docs / "talks.txt"), "empty": str(empty),
            "db": str(db), "broken": str(broken), "missing": str(root / "none.duckdb"),
            "fresh": str(root / "fresh.duckdb"), "demo": str(root / "demo.duckdb"),
            "nofolder": str(root / "no" / "such" / "folder.duckdb")}


#: (command line, exit status, error code printed) for every command: success, a usage
#: error and a data error (commands that read no data have none).
EXIT_CASES = [
    ("analyze {good} -f json", 0, None),
    ("analyze {good} --format xml", 2, None),
    ("analyze {good} {empty}", 1, "E101"),
    ("ingest {docs} --db {fresh} -q", 0, None),
    ("ingest {docs} --db {fresh} --workers 0", 2, None),
    ("ingest {empty} --db {fresh} -q", 1, None),
    ("ingest {docs} --db {broken} -q", 1, "E301"),
    ("schema", 0, None),
    ("schema extra", 2, None),
    ("version", 0, None),
    ("version --bogus", 2, None),
    ("demo --db {demo}", 0, None),
    ("demo --bogus", 2, None),
    ("demo --db {nofolder}", 1, "E301"),
    ("events --db {db} -f json", 0, None),
    ("events --db {db} --source USA", 2, "E001"),
    ("events --db {db} --since yesterday", 2, None),
    ("brief --db {db} --since yesterday", 2, None),
    ("events --db {db} -f xml", 2, "E001"),
    ("events --db {db} -f parquet", 2, "E001"),
    ("events --db {missing}", 2, "E002"),
    ("events --db {broken}", 1, "E301"),
    ("actors --db {db} -f csv", 0, None),
    ("actors --db {db} -f gdelt", 2, "E001"),
    ("actors --db {broken}", 1, "E301"),
    ("dyad RUS UKR --db {db} -f json", 0, None),
    ("dyad RUS --db {db}", 2, None),
    ("dyad RUS UKR --db {broken}", 1, "E301"),
    ("series --db {db} -f json", 0, None),
    ("series USA --db {db}", 2, "E001"),
    ("series --db {broken}", 1, "E301"),
    ("network --db {db} -f json", 0, None),
    ("network --db {db} --level planet", 2, "E001"),
    ("network --db {missing}", 2, "E002"),
    ("network --db {broken}", 1, "E301"),
    ("brief --db {db}", 0, None),
    ("brief --db {missing}", 2, "E002"),
    ("brief --db {broken}", 1, "E301"),
    ("serve --db {db}", 0, None),
    ("serve --db {db} --port 0", 2, None),
    ("serve --db {missing} --read-only", 2, "E002"),
    ("serve --db {broken}", 1, "E301"),
    ("watch {docs} --db {fresh} --once", 0, None),
    ("watch {docs} --db {fresh} --interval 0", 2, None),
    ("watch --bogus", 2, None),
]


def test_every_command_has_exit_cases():
    tested = {line.split()[0] for line, _, _ in EXIT_CASES}
    assert tested == {c[0] for c in _commands(app)}
    for command in tested:
        statuses = {status for line, status, _ in EXIT_CASES if line.split()[0] == command}
        assert {0, 2} <= statuses, command


@pytest.mark.parametrize(("line", "status", "code"), EXIT_CASES, ids=[c[0] for c in EXIT_CASES])
def test_exit_codes(files: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                    line: str, status: int, code: str | None) -> None:
    import uvicorn

    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda web, **kwargs: served.append(web))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, line.format(**files).split())
    assert result.exit_code == status, (line, result.output)
    assert "Traceback" not in result.output
    if code is not None:
        errors = [x for x in result.stderr.splitlines() if x.startswith("error")]
        assert errors and all(f"[{code}]" in x for x in errors), result.stderr
    if line.startswith("serve") and status == 0:
        assert len(served) == 1


def test_missing_store_is_not_created_by_a_query(files: dict[str, str]) -> None:
    result = runner.invoke(app, ["events", "--db", files["missing"]])
    assert result.exit_code == 2
    assert not Path(files["missing"]).exists()


def test_version_lists_every_lexicon_with_its_content_version():
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    lines = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    assert lines["sitroom"]
    for name in ("verbs.json", "words/negators.txt"):
        assert re.fullmatch(r"[0-9a-f]{12}", lines[name]), name
    from sitroom.lexicons import versions

    assert {k: v for k, v in lines.items() if k in versions()} == versions()
