"""Event exports: Rich table, CSV, JSON Lines, Parquet, GDELT 2.0 and POLECAT-style TSV.

GDELT 2.0 event table (61 columns, tab-separated, no header unless asked): one row per
event, Actor1 = its first source, Actor2 = its first target. Fields sitroom does not
produce are left empty (tone, religion, ethnicity, latitude/longitude, feature ids);
``NumMentions``/``NumSources``/``NumArticles`` are 1 (one event in one article);
``IsRootEvent`` is 1 for events of the first three sentences; ``Actor*Name`` is
upper-cased as in GDELT; ``ActionGeo`` carries the event's place text and its ISO
alpha-3 country (GDELT uses FIPS 10-4 there) with type 1 (country), or type 0 without
a place; ``DATEADDED`` is the ingest time (UTC); ``SOURCEURL`` the URL, else the path.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table

from sitroom.errors import StoreError

FORMATS = ("table", "csv", "json", "parquet", "gdelt", "polecat")

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)
_GEO_FIELDS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)

#: The GDELT 2.0 event table's columns, in order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61, len(GDELT_COLUMNS)

#: The POLECAT-style export's columns, in order.
POLECAT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "story_date", "event_type", "event_mode", "context",
    "contexts", "quad_code", "goldstein", "cameo",
    "source_actor", "source_country", "source_sector", "source_code",
    "target_actor", "target_country", "target_sector", "target_code",
    "modality", "polarity", "certainty", "attribution", "attribution_kind", "anonymous",
    "location", "location_country", "trigger", "sentence_index", "doc_id", "title", "url",
)


def _clean(value: Any) -> str:
    """A TSV-safe string: None → '', tabs and line breaks → spaces."""
    if value is None:
        return ""
    text = str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _first(values: Sequence[Any] | None) -> Any:
    return values[0] if values else None


def _num(value: float | None) -> str:
    return "" if value is None else format(value, "g")


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _actor(row: dict[str, Any], role: str) -> list[str]:
    code = _first(row.get(f"{role}_codes"))
    kind = _first(row.get(f"{role}_kinds"))
    name = _first(row.get(f"{role}_names"))
    group = code[3:6] if kind == "igo" and code and code.upper().startswith("IGO") else None
    return [
        _clean(code), _clean(name.upper() if name else None),
        _clean(_first(row.get(f"{role}_countries"))), _clean(group), "", "", "",
        _clean(_first(row.get(f"{role}_sectors"))), "", "",
    ]


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One event row (as from ``events_arrow``) as the 61 GDELT 2.0 fields."""
    day = _day(row.get("date"))
    cameo = row.get("cameo") or ""
    if day is not None:
        days_in_year = 366 if dt.date(day.year, 12, 31).timetuple().tm_yday == 366 else 365
        fraction = day.year + day.timetuple().tm_yday / days_in_year
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]
    else:
        dates = ["", "", "", ""]
    sentence = row.get("sentence_index")
    location = row.get("location_text")
    empty_geo = ["0", "", "", "", "", "", "", ""]
    action_geo = (
        ["1", _clean(location), _clean(row.get("location_country")), "", "", "", "", ""]
        if location is not None else empty_geo
    )
    added = row.get("ingested_at")
    fields = [
        str(row["gid"]), *dates, *_actor(row, "source"), *_actor(row, "target"),
        "1" if sentence is not None and sentence < 3 else "0",
        cameo, cameo[:3], cameo[:2], _clean(row.get("quad_class")),
        _num(row.get("goldstein")), "1", "1", "1", "",
        *empty_geo, *empty_geo, *action_geo,
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else "",
        _clean(row.get("url") or row.get("path")),
    ]
    return fields


def _join(values: Sequence[Any] | None) -> str:
    return ";".join(_clean(v) for v in values or () if v is not None)


def polecat_row(row: dict[str, Any]) -> list[str]:
    """One event row as the POLECAT-style fields of ``POLECAT_COLUMNS``."""
    day = _day(row.get("date"))
    story = _day(row.get("published"))
    anonymous = row.get("source_anonymous")
    return [
        f"{row['doc_id']}:{row['event_id']}", day.isoformat() if day else "",
        story.isoformat() if story else "", _clean(row.get("plover")),
        _clean(row.get("plover_mode")), "", "", _clean(row.get("quad_class")),
        _num(row.get("goldstein")), _clean(row.get("cameo")),
        _join(row.get("source_names")), _join(row.get("source_countries")),
        _join(row.get("source_sectors")), _join(row.get("source_codes")),
        _join(row.get("target_names")), _join(row.get("target_countries")),
        _join(row.get("target_sectors")), _join(row.get("target_codes")),
        _clean(row.get("modality")), _clean(row.get("polarity")), _clean(row.get("certainty")),
        _clean(row.get("source_text")), _clean(row.get("source_kind")),
        "" if anonymous is None else str(bool(anonymous)).lower(),
        _clean(row.get("location_text")), _clean(row.get("location_country")),
        _clean(row.get("trigger_text")), _clean(row.get("sentence_index")),
        _clean(row["doc_id"]), _clean(row.get("title")), _clean(row.get("url")),
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join("" if v is None else str(v) for v in value)
    return _plain(value)


def render_table(table: pa.Table, console: Console, title: str | None = None) -> None:
    """Print events as a Rich table."""
    out = Table(title=title, show_lines=False)
    for name in ("date", "source", "event", "target", "goldstein", "how", "cite"):
        out.add_column(name, overflow="fold")
    for row in table.to_pylist():
        day = _day(row.get("date"))
        how = row["modality"] if row["modality"] != "actual" else row["certainty"]
        if row["polarity"] == "negative":
            how = f"not {how}"
        out.add_row(
            day.isoformat() if day else "",
            ", ".join(n or "?" for n in row.get("source_names") or []),
            f"{row.get('plover') or ''} {row.get('cameo') or ''}".strip(),
            ", ".join(n or "?" for n in row.get("target_names") or []),
            _num(row.get("goldstein")),
            how,
            f"{row['doc_id']} §{row['sentence_index']}",
        )
    console.print(out)


def export_events(
    table: pa.Table,
    fmt: str,
    out: TextIO,
    *,
    header: bool = False,
    path: str | None = None,
    console: Console | None = None,
) -> int:
    """Write events in ``fmt``; returns the number of rows written.

    Args:
        table: events as returned by ``events_arrow``.
        fmt: one of ``FORMATS``.
        out: text stream for the text formats.
        header: for ``gdelt``, write the column names first.
        path: output file, required for ``parquet``.
        console: Rich console for ``table`` (default: one on ``out``).
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
    if fmt == "json":
        for row in rows:
            out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
            out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.column_names)
        for row in rows:
            writer.writerow([_flat(row[name]) for name in table.column_names])
    elif fmt == "gdelt":
        if header:
            out.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(gdelt_row(row)) + "\n")
    else:
        out.write("\t".join(POLECAT_COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(polecat_row(row)) + "\n")
    return len(rows)
