"""GDELT 2.0, POLECAT and PLOVER rows of stored events (see docs/store.md, "Exports").

GDELT 2.0 event table (61 tab-separated columns, the codebook's names):

* one row per dyad: an event with two sources and one target gives two rows;
  ``GLOBALEVENTID`` is the store's event id (``gid``) times 100 plus the dyad's index,
  so ``GLOBALEVENTID // 100`` joins back to the store;
* actor codes are CAMEO's: IGO and NGO codes through ``export_cameo_igos.tsv``
  (the European Union is ``IGOEUREEC``); ``Type1Code``..``Type3Code`` are the role
  codes of the actor code (``USAGOV`` → ``GOV``), never the sector;
* ``ActionGeo_*`` comes from the gazetteer: FIPS 10-4 country codes, ``Type`` 1 country,
  3 US city, 4 world city, and 0 for a place GDELT has no type for (a sea, a gulf, a
  region; its name and centre are still written, its country never); ``FeatureID`` is
  the GeoNames id of a city and the FIPS code of a country; ``ADM1Code`` is the FIPS
  country code plus the GeoNames division code;
* ``FractionDate`` is the year plus the fraction of it elapsed before the day
  (1 January → .0000, 31 December → .9973 in a leap year), never the next year;
* ``NumMentions``/``NumSources``/``NumArticles`` are the event's ``num_mentions``,
  ``num_sources``, ``num_articles`` when the store provides them (cross-report links),
  else 1; ``AvgTone`` is empty (sitroom measures no tone); actor religion, ethnicity
  and ``Actor*Geo`` are empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from itertools import product
from typing import Any

from sitroom.lexicons import json_file, rows, words
from sitroom.sourcing import gazetteer

#: Leading characters that make a spreadsheet read a cell as a formula.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)
_GEO_FIELDS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)

#: The GDELT 2.0 event table's columns, in order, with the codebook's names.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
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

#: DuckDB types of the GDELT columns (the codebook's: codes are strings, so CAMEO
#: "0211" keeps its zero).
GDELT_TYPES: dict[str, str] = {
    name: "VARCHAR" for name in GDELT_COLUMNS
} | {
    "GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "MonthYear": "INTEGER",
    "Year": "INTEGER", "FractionDate": "DOUBLE", "IsRootEvent": "INTEGER",
    "QuadClass": "INTEGER", "GoldsteinScale": "DOUBLE", "NumMentions": "INTEGER",
    "NumSources": "INTEGER", "NumArticles": "INTEGER", "AvgTone": "DOUBLE",
    "Actor1Geo_Type": "INTEGER", "Actor2Geo_Type": "INTEGER", "ActionGeo_Type": "INTEGER",
    "Actor1Geo_Lat": "DOUBLE", "Actor1Geo_Long": "DOUBLE", "Actor2Geo_Lat": "DOUBLE",
    "Actor2Geo_Long": "DOUBLE", "ActionGeo_Lat": "DOUBLE", "ActionGeo_Long": "DOUBLE",
    "DATEADDED": "BIGINT",
}

#: The POLECAT columns, in order, with POLECAT's names.
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations",
    "Language", "Version",
)

#: POLECAT's names of the four quad classes.
QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
              4: "MATERIAL CONFLICT"}


# -- cells ---------------------------------------------------------------------------
def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def neutralise(text: str) -> str:
    """A cell a spreadsheet will not run: one starting with ``= + - @`` (or a tab or
    carriage return) gets a leading apostrophe, unless it is a number (``-2.5``)."""
    if text.startswith(FORMULA_LEADS) and not _is_number(text):
        return "'" + text
    return text


def clean(value: Any, safe: bool = True) -> str:
    """A TSV-safe string: None → '', tabs and line breaks → spaces; formula-neutralised
    unless ``safe`` is False."""
    if value is None:
        return ""
    text = str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return neutralise(text) if safe else text


def number(value: float | None) -> str:
    """A number as written in the exports (``g`` format), '' for None."""
    return "" if value is None else format(value, "g")


def day_of(value: Any) -> dt.date | None:
    """The date of a date or datetime, else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def fraction_date(day: dt.date) -> str:
    """GDELT's FractionDate: the year plus the share of it elapsed before ``day``."""
    days = 366 if (dt.date(day.year, 12, 31) - dt.date(day.year, 1, 1)).days == 365 else 365
    return f"{day.year + (day.timetuple().tm_yday - 1) / days:.4f}"


# -- CAMEO actor codes -------------------------------------------------------------------
@lru_cache(maxsize=1)
def igo_codes() -> dict[str, tuple[str, str, str]]:
    """sitroom IGO/NGO code → (CAMEO code, country or region, known group) ('' for none)."""
    return {
        ours: (cameo, "" if region == "-" else region, "" if group == "-" else group)
        for ours, cameo, region, group in rows("export_cameo_igos", 4)
    }


@lru_cache(maxsize=1)
def cameo_types() -> frozenset[str]:
    """CAMEO actor type (role) codes."""
    return words("export_cameo_types")


def cameo_actor(code: str | None, country: str | None) -> tuple[str, str, str, list[str]]:
    """(CAMEO code, country code, known group, type codes) of a sitroom actor code."""
    if not code:
        iso = country if country and country not in {"IGO", "NGO", "MNC"} else ""
        return iso, iso, "", []
    code = code.upper()
    if code in igo_codes():
        cameo, region, group = igo_codes()[code]
        return cameo, region, group, [cameo[:3]]
    if code[:3] in {"IGO", "NGO", "MNC"}:
        return code[:3], "", "", [code[:3]]  # a body CAMEO has no code for: its kind only
    iso = "" if code[:3] in cameo_types() else code[:3]
    rest = code[len(iso):]
    types = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    types = [t for t in types if t in cameo_types()][:3]
    return iso + "".join(types), iso, "", types


def _actor_fields(side: dict[str, Any] | None, safe: bool) -> list[str]:
    if side is None:
        return [""] * 10
    cameo, country, group, types = cameo_actor(side.get("code"), side.get("country"))
    name = side.get("name")
    types = [*types, "", "", ""][:3]
    return [cameo, clean(name.upper() if name else None, safe), country, group, "", "", "",
            *types]


def _sides(row: dict[str, Any], role: str) -> list[dict[str, Any] | None]:
    names = row.get(f"{role}_names") or []
    out: list[dict[str, Any] | None] = []
    for i in range(len(names)):
        def at(field: str, i: int = i) -> Any:
            values = row.get(f"{role}_{field}") or []
            return values[i] if i < len(values) else None
        out.append({"name": names[i], "code": at("codes"), "country": at("countries"),
                    "sector": at("sectors"), "kind": at("kinds")})
    return out or [None]


# -- places ------------------------------------------------------------------------------
def place_of(row: dict[str, Any]) -> gazetteer.Place | None:
    """The gazetteer's place of an event (its location phrase), or a country-level place
    from the stored country when the phrase names nothing the gazetteer knows."""
    text = row.get("location_text")
    country = row.get("location_country")
    if not text:
        return None
    found = gazetteer.resolve(str(text), country)
    if found is not None:
        return found
    if country and country in gazetteer.countries():
        facts = gazetteer.countries()[country]
        return gazetteer.Place(name=facts["name"], feature="country", country=country,
                               geonames_id=int(facts["geonameid"]))
    return None


def _geo_fields(place: gazetteer.Place | None) -> list[str]:
    if place is None:
        return ["0", "", "", "", "", "", "", ""]
    code = gazetteer.fips(place.country) or ""
    lat, lon = number(place.lat), number(place.lon)
    if place.feature == "country":
        return ["1", place.name, code, code, "", "", "", code]
    if place.feature == "city":
        kind = "3" if place.country == "USA" else "4"
        adm1 = code + place.admin1 if code and place.admin1 else code
        name = f"{place.name}, {gazetteer.countries()[place.country]['name']}" \
            if place.country in gazetteer.countries() else place.name
        return [kind, name, code, adm1, "", lat, lon, str(place.geonames_id or "")]
    return ["0", place.name, "", "", "", lat, lon, ""]


# -- GDELT ---------------------------------------------------------------------------------
def gdelt_rows(row: dict[str, Any], *, safe: bool = True) -> list[list[str]]:
    """One event row (as from ``events_arrow``) as GDELT 2.0 rows, one per dyad."""
    day = day_of(row.get("date"))
    cameo = row.get("cameo") or ""
    if day is not None:
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction_date(day)]
    else:
        dates = ["", "", "", ""]
    sentence = row.get("sentence_index")
    added = row.get("ingested_at")
    action_geo = _geo_fields(place_of(row))
    counts = [str(int(row.get(k) or 1)) for k in ("num_mentions", "num_sources", "num_articles")]
    out = []
    pairs = list(product(_sides(row, "source"), _sides(row, "target")))[:100]
    for index, (source, target) in enumerate(pairs):
        out.append([
            str(int(row["gid"]) * 100 + index), *dates,
            *_actor_fields(source, safe), *_actor_fields(target, safe),
            "1" if sentence is not None and sentence < 3 else "0",
            cameo, cameo[:3], cameo[:2], clean(row.get("quad_class"), False),
            number(row.get("goldstein")), *counts, "",
            *(["0"] + [""] * 7), *(["0"] + [""] * 7),
            *(clean(v, safe) if i == 1 else v for i, v in enumerate(action_geo)),
            added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else "",
            clean(row.get("url") or row.get("path"), safe),
        ])
    return out


# -- PLOVER / POLECAT ----------------------------------------------------------------------
@lru_cache(maxsize=1)
def plover_facts() -> dict[str, tuple[int, int]]:
    """PLOVER type → (quad class, intensity) from ``export_plover_types.tsv``."""
    return {t: (int(q), int(i)) for t, q, i in rows("export_plover_types", 3)}


@lru_cache(maxsize=1)
def plover_sectors() -> dict[str, str]:
    """sitroom (CAMEO) sector → PLOVER sector ('' where none is written)."""
    return {k: ("" if v == "-" else v) for k, v in rows("export_plover_sectors", 2)}


@lru_cache(maxsize=1)
def plover_version() -> str:
    """The PLOVER version of the crosswalk (``plover.json``'s ``version``)."""
    return str(json_file("plover.json").data.get("version", ""))


def _aligned(values: Sequence[Any] | None, count: int, fn: Any = None, safe: bool = True
             ) -> str:
    """A list field joined with ';', one slot per actor (an empty slot for a missing value),
    so that the n-th element of every list field is the n-th actor's."""
    items = list(values or [])[:count] + [None] * max(0, count - len(values or []))
    return ";".join(clean(fn(v) if fn and v is not None else v, safe).replace(";", ",")
                    for v in items)


def _side_fields(row: dict[str, Any], role: str, safe: bool) -> list[str]:
    names = row.get(f"{role}_names") or []
    count = len(names)
    sectors = [plover_sectors().get(s or "", "") or None for s in row.get(f"{role}_sectors") or []]
    return [
        _aligned(names, count, safe=safe),
        _aligned(row.get(f"{role}_countries"), count, safe=safe), "",
        clean(sectors[0] if sectors else None, safe), _aligned(sectors, count, safe=safe),
        "", _aligned(names, count, safe=safe), "",
    ]


def polecat_row(row: dict[str, Any], *, safe: bool = True) -> list[str] | None:
    """One event as a POLECAT row, or None when it has no PLOVER type (POLECAT holds
    typed events only)."""
    plover = row.get("plover")
    if not plover:
        return None
    quad, intensity = plover_facts().get(plover, (None, None))
    day = day_of(row.get("date"))
    story = day_of(row.get("published"))
    place = place_of(row)
    city = place.name if place and place.feature == "city" else ""
    return [
        clean(f"{row['doc_id']}:{row['event_id']}", safe), day.isoformat() if day else "",
        plover, clean(row.get("plover_mode"), safe), number(intensity),
        QUAD_NAMES.get(quad, "") if quad else "", "",
        *_side_fields(row, "source", safe), *_side_fields(row, "target", safe),
        clean(place.name if place else None, safe), clean(city, safe), "", "",
        clean(place.country if place else None, safe),
        number(place.lat if place else None), number(place.lon if place else None),
        str(place.geonames_id) if place and place.geonames_id else "",
        clean(row.get("location_text"), safe), place.feature if place else "",
        clean(row.get("url") or row.get("path"), safe), story.isoformat() if story else "",
        "", "", "", "en", f"sitroom PLOVER {plover_version()}",
    ]


def plover_record(row: dict[str, Any]) -> dict[str, Any] | None:
    """One typed event as a PLOVER JSON object, or None when it has no PLOVER type."""
    plover = row.get("plover")
    if not plover:
        return None
    quad, intensity = plover_facts().get(plover, (None, None))
    day = day_of(row.get("date"))
    place = place_of(row)

    def actors(role: str) -> list[dict[str, Any]]:
        return [
            {"text": s["name"], "code": s["country"],
             "sector": plover_sectors().get(s["sector"] or "", "") or None}
            for s in _sides(row, role) if s is not None
        ]

    return {
        "id": f"{row['doc_id']}:{row['event_id']}",
        "date": day.isoformat() if day else None,
        "event": plover, "mode": row.get("plover_mode"), "context": [],
        "quad": quad, "intensity": intensity,
        "source": actors("source"), "target": actors("target"),
        "location": None if place is None else {
            "text": row.get("location_text"), "name": place.name, "feature": place.feature,
            "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonames_id": place.geonames_id,
        },
        "trigger": row.get("trigger_text"), "doc_id": row["doc_id"],
        "title": row.get("title"), "url": row.get("url"),
        "plover_version": plover_version(),
    }
