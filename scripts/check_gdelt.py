"""Check a sitroom GDELT 2.0 export the way a GDELT user's loader reads it.

Reads the file with DuckDB, with the codebook's column names and types (a value that
does not cast is an error), then checks: the header (when present) is the codebook's,
geography country codes are FIPS 10-4, IGO/NGO actor codes are CAMEO's, coordinates are
in range and present where the geo type promises them, dates agree with each other.

    python scripts/check_gdelt.py events.gdelt.tsv [--header]

Exits 0 when the file passes, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from sitroom.sourcing.gazetteer import fips_codes
from sitroom.store.export_formats import GDELT_COLUMNS, GDELT_TYPES, igo_codes

MAX_PROBLEMS = 50


def check(path: str | Path, header: bool = False) -> list[str]:
    """Problems found in the GDELT file at ``path`` (empty when it passes)."""
    problems: list[str] = []
    if header:
        first = Path(path).read_text(encoding="utf-8").split("\n", 1)[0].split("\t")
        if first != list(GDELT_COLUMNS):
            problems.append("header: not the GDELT 2.0 codebook's column names")
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in GDELT_TYPES.items())
    conn = duckdb.connect()
    try:
        rel = conn.sql(
            f"SELECT * FROM read_csv(?, delim='\t', header={str(header).lower()}, "
            f"quote='', escape='', columns={{{columns}}}, auto_detect=false)",
            params=[str(path)],
        )
        rows = rel.fetchall()
    except duckdb.Error as error:
        return [*problems, f"does not load with the codebook's types: {error}"]
    finally:
        conn.close()
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    fips = set(fips_codes().values())
    cameo_igos = {cameo for cameo, _region, _group in igo_codes().values()}
    seen: set[int] = set()
    for n, row in enumerate(rows, start=1):
        where = f"row {n}"
        gid = row[col["GLOBALEVENTID"]]
        if gid in seen:
            problems.append(f"{where}: GLOBALEVENTID {gid} repeated")
        seen.add(gid)
        if row[col["QuadClass"]] not in {1, 2, 3, 4}:
            problems.append(f"{where}: QuadClass {row[col['QuadClass']]!r}")
        code = row[col["EventCode"]] or ""
        if not (code.isdigit() and len(code) in (2, 3, 4)):
            problems.append(f"{where}: EventCode {code!r} is not a CAMEO code")
        day, year, fraction = row[col["SQLDATE"]], row[col["Year"]], row[col["FractionDate"]]
        if day is not None and (day // 10000 != year or int(fraction) != year):
            problems.append(f"{where}: SQLDATE {day}, Year {year}, FractionDate {fraction} differ")
        for actor in ("Actor1", "Actor2"):
            value = row[col[f"{actor}Code"]] or ""
            if value[:3] in {"IGO", "NGO"} and value not in cameo_igos | {"IGO", "NGO"}:
                problems.append(f"{where}: {actor}Code {value} is not a CAMEO IGO/NGO code")
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            kind = row[col[f"{geo}_Type"]]
            country = row[col[f"{geo}_CountryCode"]]
            lat, lon = row[col[f"{geo}_Lat"]], row[col[f"{geo}_Long"]]
            if kind not in {0, 1, 2, 3, 4, 5}:
                problems.append(f"{where}: {geo}_Type {kind!r}")
            if country and country not in fips:
                problems.append(f"{where}: {geo}_CountryCode {country} is not a FIPS 10-4 code")
            if kind in {1, 2, 3, 4, 5} and not country:
                problems.append(f"{where}: {geo}_Type {kind} without a country")
            if kind == 0 and country:
                problems.append(f"{where}: {geo}_Type 0 with country {country}")
            if (lat is None) != (lon is None):
                problems.append(f"{where}: {geo} has only one coordinate")
            if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
                problems.append(f"{where}: {geo} coordinates {lat}, {lon} out of range")
            if kind in {3, 4} and lat is None:
                problems.append(f"{where}: {geo}_Type {kind} (a city) without coordinates")
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--header", action="store_true", help="the file has a header row")
    args = parser.parse_args(argv)
    problems = check(args.path, header=args.header)
    for problem in problems:
        print(f"{args.path}: {problem}", file=sys.stderr)
    print(f"{args.path}: {'FAIL' if problems else 'ok'}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
