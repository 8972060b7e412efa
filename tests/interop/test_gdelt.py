"""The GDELT 2.0 export means what GDELT users expect: codebook names, FIPS geography,
CAMEO IGO codes, one row per dyad, type codes from the actor code, FractionDate, places
from the gazetteer, and a typed DuckDB read of the file."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from sitroom.store.export import GDELT_COLUMNS, export_events
from sitroom.store.export_formats import cameo_actor, fraction_date, gdelt_rows

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from check_gdelt import check  # noqa: E402

COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}


def event(**fields: Any) -> dict[str, Any]:
    """One event row as ``events_arrow`` gives it, with defaults."""
    row: dict[str, Any] = {
        "gid": 7, "doc_id": "d1", "event_id": "E1", "date": dt.date(2024, 3, 5),
        "cameo": "0211", "quad_class": 1, "goldstein": 3.0, "sentence_index": 0,
        "source_names": ["Ministry"], "source_codes": ["USAGOV"], "source_countries": ["USA"],
        "source_sectors": ["GOV"], "source_kinds": ["organization"],
        "target_names": ["Beijing"], "target_codes": ["CHNGOV"], "target_countries": ["CHN"],
        "target_sectors": ["GOV"], "target_kinds": ["state"],
        "location_text": None, "location_country": None, "plover": "REQUEST",
        "plover_mode": None, "url": "https://news.example/a", "ingested_at": None,
    }
    row.update(fields)
    return row


def test_header_is_the_codebook() -> None:
    assert GDELT_COLUMNS[:2] == ("GLOBALEVENTID", "SQLDATE")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


@pytest.mark.parametrize(
    ("code", "country", "expected"),
    [
        ("IGOEUR", "IGO", ("IGOEUREEC", "EUR", "EEC", ["IGO"])),  # EU, not Europe
        ("IGOUNO", "IGO", ("IGOUNO", "", "UNO", ["IGO"])),
        ("IGOUNOUNICEF", "IGO", ("IGOUNOKID", "", "KID", ["IGO"])),
        ("IGOBRICS", "IGO", ("IGO", "", "", ["IGO"])),  # no CAMEO code: no invented one
        ("IGOSOMETHING", "IGO", ("IGO", "", "", ["IGO"])),
        ("YEMREB", "YEM", ("YEMREB", "YEM", "", ["REB"])),
        ("USAGOVMIL", "USA", ("USAGOVMIL", "USA", "", ["GOV", "MIL"])),
        ("USA", "USA", ("USA", "USA", "", [])),
        (None, "IGO", ("", "", "", [])),  # never 'IGO' as a country code
        (None, "FRA", ("FRA", "FRA", "", [])),
    ],
)
def test_cameo_actor_codes(code: str | None, country: str, expected: tuple[Any, ...]) -> None:
    assert cameo_actor(code, country) == expected


def test_type_code_comes_from_the_code_not_the_sector() -> None:
    row = gdelt_rows(event(source_codes=["USAGOV"], source_sectors=["MIL"]))[0]
    assert row[COL["Actor1Type1Code"]] == "GOV"


def test_one_row_per_dyad_of_compound_actors() -> None:
    rows = gdelt_rows(event(
        source_names=["A", "B"], source_codes=["USAGOV", "GBRGOV"],
        source_countries=["USA", "GBR"], source_sectors=["GOV", "GOV"],
        source_kinds=["state", "state"]))
    assert [r[COL["Actor1Code"]] for r in rows] == ["USAGOV", "GBRGOV"]
    assert [r[COL["Actor2Code"]] for r in rows] == ["CHNGOV", "CHNGOV"]
    assert [r[COL["GLOBALEVENTID"]] for r in rows] == ["700", "701"]
    single = gdelt_rows(event())
    assert len(single) == 1


def test_no_target_still_gives_one_row() -> None:
    rows = gdelt_rows(event(target_names=[], target_codes=[], target_countries=[]))
    assert len(rows) == 1 and rows[0][COL["Actor2Code"]] == ""


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 12, 31), "2024.9973"),  # leap year: never rounds to 2025
        (dt.date(2023, 12, 31), "2023.9973"),
        (dt.date(2024, 1, 1), "2024.0000"),
        (dt.date(2023, 7, 2), "2023.4986"),
    ],
)
def test_fraction_date_stays_in_its_year(day: dt.date, expected: str) -> None:
    assert fraction_date(day) == expected


@pytest.mark.parametrize(
    ("phrase", "stored", "geo"),
    [
        ("near Kharkiv", "UKR", ("4", "Kharkiv, Ukraine", "UP")),
        ("in Washington", "USA", ("3", "Washington, United States", "US")),
        ("off Yemen", "YEM", ("1", "Yemen", "YM")),
        # seas and regions lie in no one country, whatever the record said
        ("in the southern Red Sea on Sunday", "SDN", ("0", "Red Sea", "")),
        ("across the Middle East", "CMR", ("0", "Middle East", "")),
        ("in the Persian Gulf", "PNG", ("0", "Persian Gulf", "")),
        # nothing the gazetteer knows: the stored country at country level
        ("at Israeli ports", "ISR", ("1", "Israel", "IS")),
        ("somewhere", None, ("0", "", "")),
    ],
)
def test_action_geo_from_the_gazetteer(phrase: str, stored: str | None,
                                       geo: tuple[str, str, str]) -> None:
    row = gdelt_rows(event(location_text=phrase, location_country=stored))[0]
    got = (row[COL["ActionGeo_Type"]], row[COL["ActionGeo_FullName"]],
           row[COL["ActionGeo_CountryCode"]])
    assert got == geo


def test_city_has_coordinates_and_feature_id() -> None:
    row = gdelt_rows(event(location_text="in Riyadh", location_country="SAU"))[0]
    assert abs(float(row[COL["ActionGeo_Lat"]]) - 24.69) < 0.1
    assert abs(float(row[COL["ActionGeo_Long"]]) - 46.72) < 0.1
    assert row[COL["ActionGeo_FeatureID"]].isdigit()
    assert row[COL["ActionGeo_ADM1Code"]].startswith("SA")


def test_region_has_no_coordinates() -> None:
    row = gdelt_rows(event(location_text="in the Middle East"))[0]
    assert row[COL["ActionGeo_Lat"]] == "" and row[COL["ActionGeo_CountryCode"]] == ""


def test_num_fields_default_to_one_and_take_store_counts() -> None:
    row = gdelt_rows(event())[0]
    assert [row[COL[k]] for k in ("NumMentions", "NumSources", "NumArticles")] == ["1"] * 3
    assert row[COL["AvgTone"]] == ""
    counted = gdelt_rows(event(num_mentions=4, num_sources=3, num_articles=2))[0]
    assert [counted[COL[k]] for k in ("NumMentions", "NumSources", "NumArticles")] == [
        "4", "3", "2"]


def test_typed_duckdb_round_trip(tmp_path: Path) -> None:
    rows = [
        event(),
        event(gid=8, date=dt.date(2024, 12, 31), cameo="190", quad_class=4, goldstein=-10.0,
              location_text="near Kharkiv", location_country="UKR",
              source_codes=["IGOEUR"], source_countries=["IGO"]),
        event(gid=9, location_text="in the Red Sea", location_country="SDN"),
    ]
    table = pa.Table.from_pylist(rows)
    out = io.StringIO()
    assert export_events(table, "gdelt", out, header=True) == 3
    path = tmp_path / "events.tsv"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert check(path, header=True) == []
    import duckdb

    from sitroom.store.export_formats import GDELT_TYPES

    columns = ", ".join(f"'{k}': '{v}'" for k, v in GDELT_TYPES.items())
    got = duckdb.sql(
        f"SELECT EventCode, FractionDate, Actor1Code, ActionGeo_CountryCode FROM read_csv("
        f"'{path}', delim='\t', header=true, quote='', columns={{{columns}}})"
    ).fetchall()
    assert got[0][0] == "0211"  # a string: CAMEO's leading zero survives
    assert got[1] == ("190", 2024.9973, "IGOEUREEC", "UP")
    assert got[2][3] is None


def test_check_script_finds_problems(tmp_path: Path) -> None:
    row = gdelt_rows(event(location_text="near Kharkiv", location_country="UKR"))[0]
    row[COL["ActionGeo_CountryCode"]] = "UKR"  # ISO, not FIPS
    row[COL["Actor1Code"]] = "IGOBRICS"
    row[COL["ActionGeo_Lat"]] = "123"
    path = tmp_path / "bad.tsv"
    path.write_text("\t".join(row) + "\n", encoding="utf-8")
    problems = " ".join(check(path))
    assert "not a FIPS" in problems and "not a CAMEO IGO" in problems
    assert "out of range" in problems


def test_demo_store_export_passes_the_check(tmp_path: Path, nlp: Any) -> None:
    db = tmp_path / "demo.duckdb"
    subprocess.run([sys.executable, "-m", "sitroom.cli", "demo", "--db", str(db)],
                   check=True, capture_output=True, cwd=tmp_path)
    out = tmp_path / "demo.gdelt.tsv"
    subprocess.run([sys.executable, "-m", "sitroom.cli", "events", "--db", str(db), "--all",
                    "-f", "gdelt", "--header", "-o", str(out)], check=True, cwd=tmp_path)
    assert check(out, header=True) == []
    text = out.read_text(encoding="utf-8")
    assert "\tSDN\t" not in text and "IGOEUREEC" in text
