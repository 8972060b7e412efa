"""Event exports: Rich table, CSV, JSON Lines, Parquet, GDELT 2.0, POLECAT and PLOVER JSONL.

The GDELT, POLECAT and PLOVER rows are built in :mod:`sitroom.store.export_formats`
(their conventions are documented there and in docs/store.md). Text cells of the
CSV-like formats (``csv``, ``gdelt``, ``polecat``) are formula-neutralised: a cell that
starts with ``= + - @`` gets a leading apostrophe so that a spreadsheet shows it as text;
``neutralise=False`` (``--raw`` on the command line) writes them as stored, for machine
readers.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table

from sitroom.errors import StoreError
from sitroom.store.export_formats import (
    GDELT_COLUMNS,
    GDELT_TYPES,
    POLECAT_COLUMNS,
    clean,
    day_of,
    gdelt_rows,
    neutralise,
    number,
    plover_record,
    polecat_row,
)

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "GDELT_TYPES",
    "POLECAT_COLUMNS",
    "clean",
    "export_events",
    "gdelt_rows",
    "polecat_row",
    "render_table",
]

FORMATS = ("table", "csv", "json", "parquet", "gdelt", "polecat", "plover")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _flat(value: Any, safe: bool) -> Any:
    if isinstance(value, list):
        value = ";".join("" if v is None else str(v) for v in value)
    value = _plain(value)
    return neutralise(value) if safe and isinstance(value, str) else value


TABLE_COLUMNS = ("date", "source", "event", "target", "goldstein", "how", "cite")


def table_rows(table: pa.Table) -> list[list[str]]:
    """The cells of the readable event table (``TABLE_COLUMNS``)."""
    out = []
    for row in table.to_pylist():
        day = day_of(row.get("date"))
        how = row["modality"] if row["modality"] != "actual" else row["certainty"]
        if row["polarity"] == "negative":
            how = f"not {how}"
        out.append([
            day.isoformat() if day else "",
            ", ".join(n or "?" for n in row.get("source_names") or []),
            f"{row.get('plover') or ''} {row.get('cameo') or ''}".strip(),
            ", ".join(n or "?" for n in row.get("target_names") or []),
            number(row.get("goldstein")),
            how,
            f"{row['doc_id']} §{row['sentence_index']}",
        ])
    return out


def render_table(table: pa.Table, console: Console, title: str | None = None) -> None:
    """Print events as a Rich table (columns fold to the console's width)."""
    out = Table(title=title, show_lines=False)
    for name in TABLE_COLUMNS:
        out.add_column(name, overflow="fold")
    for cells in table_rows(table):
        out.add_row(*cells)
    console.print(out)


def render_plain(table: pa.Table, out: TextIO) -> None:
    """The event table as plain tab-separated lines with a header (for pipes and files:
    no box drawing, no wrapping)."""
    out.write("\t".join(TABLE_COLUMNS) + "\n")
    for cells in table_rows(table):
        out.write("\t".join(clean(c, False) for c in cells) + "\n")


def export_events(
    table: pa.Table,
    fmt: str,
    out: TextIO,
    *,
    header: bool = False,
    path: str | None = None,
    console: Console | None = None,
    neutralise: bool = True,
) -> int:
    """Write events in ``fmt``; returns the number of rows written.

    Args:
        table: events as returned by ``events_arrow``.
        fmt: one of ``FORMATS``.
        out: text stream for the text formats.
        header: for ``gdelt``, write the codebook's column names first.
        path: output file, required for ``parquet``.
        console: Rich console for ``table`` (default: one on ``out``).
        neutralise: formula-neutralise text cells of ``csv``, ``gdelt`` and ``polecat``.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not path:
            raise StoreError("--format parquet needs --output FILE")
        pq.write_table(table, path)
        return table.num_rows
    if fmt == "table":
        render_table(table, console or Console(file=out))
        return table.num_rows
    rows = table.to_pylist()
    written = 0
    if fmt == "json":
        for row in rows:
            out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
            out.write("\n")
        written = len(rows)
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.column_names)
        for row in rows:
            writer.writerow([_flat(row[name], neutralise) for name in table.column_names])
        written = len(rows)
    elif fmt == "gdelt":
        if header:
            out.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in rows:
            for fields in gdelt_rows(row, safe=neutralise):
                out.write("\t".join(fields) + "\n")
                written += 1
    elif fmt == "polecat":
        out.write("\t".join(POLECAT_COLUMNS) + "\n")
        for row in rows:
            polecat = polecat_row(row, safe=neutralise)
            if polecat is not None:
                out.write("\t".join(polecat) + "\n")
                written += 1
    else:
        for row in rows:
            record = plover_record(row)
            if record is not None:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    return written

