"""Issue 12, interop items: exports neutralise formula cells; CLI queries open the store
read-only; a locked store gives a clear message; DuckDB I/O errors are named errors and
an ingest whose write failed never reports success."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.errors import StoreError, StoreIOError, StoreLockedError
from sitroom.store.db import io_error
from sitroom.store.export import export_events
from sitroom.store.export_formats import neutralise

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_factory import scenario

pytestmark = pytest.mark.reliability
runner = CliRunner()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
        ("+cmd", "'+cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-bad()", "'-bad()"),
        ("-2.5", "-2.5"),  # a number is not a formula
        ("Plain title", "Plain title"),
        ("a=b", "a=b"),  # only a leading sign matters
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def _row(title: str) -> dict[str, object]:
    return {"gid": 1, "doc_id": "d1", "event_id": "E1", "title": title, "plover": "REQUEST",
            "cameo": "020", "quad_class": 1, "goldstein": -2.0, "sentence_index": 0,
            "source_names": ["=cmd|' /C calc'!A0"], "source_codes": ["USA"],
            "source_countries": ["USA"], "source_sectors": [None], "source_kinds": ["state"],
            "target_names": [], "url": "=HYPERLINK(\"http://evil\")"}


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "polecat"])
def test_exports_neutralise_formula_cells(fmt: str) -> None:
    table = pa.Table.from_pylist([_row("=HYPERLINK(\"http://evil\",\"click\")")])
    out = io.StringIO()
    export_events(table, fmt, out)
    cells = [c for line in out.getvalue().splitlines()
             for c in (next(csv.reader([line])) if fmt == "csv" else line.split("\t"))]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert {"-2", "-2.0"} & set(cells) or fmt == "polecat"  # numbers are left alone
    raw = io.StringIO()
    export_events(table, fmt, raw, neutralise=False)  # the opt-out for machine readers
    assert "\t=HYPERLINK" in raw.getvalue() or ",=HYPERLINK" in raw.getvalue() \
        or "\"=HYPERLINK" in raw.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from sitroom.api import open_store

    path = tmp_path / "s.duckdb"
    with open_store(path, read_only=False) as store:
        store.ingest(scenario())
    return path


def test_cli_queries_a_read_only_file(db: Path) -> None:
    os.chmod(db, 0o444)
    try:
        result = runner.invoke(app, ["events", "--db", str(db), "-f", "csv"])
    finally:
        os.chmod(db, 0o644)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 6


def test_cli_raw_option(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "-f", "polecat", "--raw"])
    assert result.exit_code == 0, result.output


@pytest.fixture
def locked(db: Path):  # type: ignore[no-untyped-def]
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
         " time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    yield db
    holder.kill()
    holder.wait()


def test_write_to_a_locked_store_says_who_holds_it(locked: Path, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("France condemned the attack.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--db", str(locked), "-q", str(doc)])
    assert result.exit_code == 1
    assert "[E302]" in result.stderr and "lock" in result.stderr
    assert "Traceback" not in result.output


def test_query_of_a_locked_store_is_a_named_error(locked: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(locked)])
    assert result.exit_code == 1
    assert "[E302]" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (duckdb.IOException("No space left on device"), StoreIOError),
        (OSError(28, "No space left on device"), StoreIOError),
        (duckdb.Error("Corrupt database file: checksum mismatch"), StoreIOError),
        (duckdb.CatalogException("Table x does not exist"), StoreError),
    ],
)
def test_io_errors_are_named(error: BaseException, kind: type[StoreError]) -> None:
    made = io_error(error, "x.duckdb")
    assert type(made) is kind


def test_a_corrupt_store_is_a_named_error(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for offset in range(8192, len(data), 4096):  # clobber every block after the headers
        data[offset : offset + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    result = runner.invoke(app, ["events", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: [E30")
    assert "Traceback" not in result.output


def test_ingest_never_reports_success_when_a_write_failed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitroom.api import Store
    from sitroom.interfaces.ingest import run_ingest

    def failing(self: Store, records: object, progress: object = None) -> object:
        raise duckdb.IOException("No space left on device")

    monkeypatch.setattr(Store, "ingest", failing)
    doc = tmp_path / "a.txt"
    doc.write_text("France condemned the attack.\n", encoding="utf-8")
    with pytest.raises(StoreIOError):
        run_ingest([str(doc)], db=tmp_path / "s.duckdb", progress=False)
    assert StoreLockedError.code == "E302" and StoreIOError.code == "E303"


def test_lock_holder_released(locked: Path) -> None:
    # the fixture's holder really holds the lock (the tests above are not vacuous)
    time.sleep(0.1)
    with pytest.raises(duckdb.Error):
        duckdb.connect(str(locked)).close()
