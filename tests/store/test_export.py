"""Exports: GDELT 2.0 (column order and types against a golden file), POLECAT, CSV,
JSON Lines, Parquet and the Rich table."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sitroom.api import Store
from sitroom.errors import StoreError
from sitroom.store.export import GDELT_COLUMNS, POLECAT_COLUMNS, export_events

GOLDEN = Path(__file__).parent / "golden" / "scenario.gdelt.tsv"


def _export(store: Store, fmt: str, **kwargs: object) -> str:
    out = io.StringIO()
    store.conn.execute("UPDATE documents SET ingested_at = TIMESTAMP '2024-11-06 12:30:00'")
    export_events(store.events_arrow(), fmt, out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def test_gdelt_has_61_columns_in_gdelt_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[5] == "Actor1Code" and GDELT_COLUMNS[15] == "Actor2Code"
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[43] == "Actor2Geo_Type"
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[57] == "ActionGeo_Long"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_matches_golden(filled: Store) -> None:
    text = _export(filled, "gdelt")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_gdelt_fields_and_types(filled: Store) -> None:
    rows = [line.split("\t") for line in _export(filled, "gdelt").splitlines()]
    assert all(len(row) == 61 for row in rows)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    first = rows[0]
    assert first[col["EventCode"]] == "0211"  # a string: leading zero kept
    assert first[col["EventBaseCode"]] == "021" and first[col["EventRootCode"]] == "02"
    assert first[col["SQLDATE"]] == "20241101" and first[col["MonthYear"]] == "202411"
    assert first[col["Actor1Name"]] == "HELENA VARGA"
    assert first[col["Actor1CountryCode"]] == "USA" and first[col["Actor1Type1Code"]] == "GOV"
    assert first[col["DATEADDED"]] == "20241106123000"
    for row in rows:
        int(row[col["GLOBALEVENTID"]])
        float(row[col["GoldsteinScale"]])
        assert row[col["QuadClass"]] in {"1", "2", "3", "4"}
        assert row[col["IsRootEvent"]] in {"0", "1"}
        if row[col["SQLDATE"]]:
            float(row[col["FractionDate"]])
    kharkiv = next(r for r in rows if r[col["EventCode"]] == "190")
    assert kharkiv[col["ActionGeo_Type"]] == "4"  # a world city, from the gazetteer
    assert kharkiv[col["ActionGeo_FullName"]] == "Kharkiv, Ukraine"
    assert kharkiv[col["ActionGeo_CountryCode"]] == "UP"  # FIPS 10-4, not ISO UKR
    assert "\t" not in kharkiv[col["SOURCEURL"]]  # a tab in the URL cannot break a row


def test_gdelt_header_only_on_request(filled: Store) -> None:
    assert not _export(filled, "gdelt").startswith("GLOBALEVENTID")
    with_header = _export(filled, "gdelt", header=True).splitlines()
    assert with_header[0].split("\t") == list(GDELT_COLUMNS)


def test_polecat_named_columns(filled: Store) -> None:
    lines = _export(filled, "polecat").splitlines()
    assert lines[0].split("\t") == list(POLECAT_COLUMNS)
    rows = [dict(zip(POLECAT_COLUMNS, line.split("\t"), strict=True)) for line in lines[1:]]
    assault = next(r for r in rows if r["Event ID"] == "d2:E2")
    assert assault["Event Type"] == "ASSAULT" and assault["Quad Code"] == "MATERIAL CONFLICT"
    assert assault["Event Date"] == "2024-11-04" and assault["Publication Date"] == "2024-11-05"
    assert assault["Actor Name"] == "Russian forces" and assault["Recipient Country"] == "UKR"
    assert assault["Raw Placename"] == "near Kharkiv" and assault["City"] == "Kharkiv"
    assert assault["Feature Type"] == "city" and assault["GeoNames ID"]


def test_csv_and_json(filled: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(filled, "csv"))))
    assert len(rows) == 5 and rows[0]["cameo"] == "0211"
    assert rows[0]["source_names"] == "Helena Varga"
    records = [json.loads(line) for line in _export(filled, "json").splitlines()]
    assert len(records) == 5
    assert records[0]["cameo"] == "0211" and records[0]["source_countries"] == ["USA"]
    assert records[0]["date"] == "2024-11-01"


def test_parquet(filled: Store, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    export_events(filled.events_arrow(), "parquet", io.StringIO(), path=str(target))
    table = pq.read_table(target)
    assert table.num_rows == 5 and table.column("cameo").to_pylist()[0] == "0211"
    with pytest.raises(StoreError, match="--output"):
        export_events(filled.events_arrow(), "parquet", io.StringIO())


def test_table_and_unknown_format(filled: Store) -> None:
    text = _export(filled, "table")
    assert "ASSAULT" in text and "d2 §1" in text
    with pytest.raises(StoreError, match="unknown format"):
        _export(filled, "xml")


POLECAT_GOLDEN = Path(__file__).parent / "golden" / "scenario.polecat.tsv"


def test_polecat_matches_golden(filled: Store) -> None:
    assert _export(filled, "polecat") == POLECAT_GOLDEN.read_text(encoding="utf-8")
