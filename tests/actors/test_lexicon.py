"""The actor lexicons load, are versioned, use valid codes and normalise lookups."""

from __future__ import annotations

import json
from importlib import resources

import pycountry
import pytest

from sitroom.actors.knowledge import KNOWLEDGE_FILES, NON_STATE_CODES
from sitroom.actors.lexicon import casing_ok, load_lexicon, normalize

#: User-assigned code for Kosovo, widely used where ISO 3166 has none.
EXTRA_CODES = {"XKX"}


def _data(name: str) -> dict:
    return json.loads(resources.files("sitroom.lexicons.data").joinpath(name).read_text("utf-8"))


@pytest.mark.parametrize("name", ["countries.json", "actors.json", "places.json"])
def test_files_are_versioned(name: str) -> None:
    assert _data(name)["version"]


def test_lexicon_version_names_every_file() -> None:
    assert load_lexicon().version.count("+") == 2 + len(KNOWLEDGE_FILES)


def test_every_iso_country_is_present() -> None:
    codes = {row["iso3"] for row in _data("countries.json")["countries"]}
    assert {c.alpha_3 for c in pycountry.countries} <= codes


def test_codes_are_valid() -> None:
    iso = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
    lex = load_lexicon()
    for entries in lex.proper.values():
        for entry in entries:
            assert entry.country is None or entry.country in iso | NON_STATE_CODES, entry


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the U.S.", "us"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("  The  Netherlands ", "netherlands"),
        ("People's Republic of China", "people s republic of china"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "type_", "country", "sector"),
    [
        ("U.S.", "country", "USA", None),
        ("America", "country", "USA", None),
        ("Britain", "country", "GBR", None),
        ("the Netherlands", "country", "NLD", None),
        ("Republic of Korea", "country", "KOR", None),
        ("DPRK", "country", "PRK", None),
        ("Burma", "country", "MMR", None),
        ("Ivory Coast", "country", "CIV", None),
        ("Czechia", "country", "CZE", None),
        ("Vatican", "country", "VAT", None),
        ("North Korean", "adjective", "PRK", None),
        ("Afghan", "adjective", "AFG", None),
        ("Kyiv", "capital", "UKR", "GOV"),
        ("Kiev", "capital", "UKR", "GOV"),
        ("Pyongyang", "capital", "PRK", "GOV"),
        ("the Kremlin", "seat", "RUS", "GOV"),
        ("Downing Street", "seat", "GBR", "GOV"),
        ("Pentagon", "seat", "USA", "MIL"),
        ("Capitol Hill", "seat", "USA", "LEG"),
        ("State Department", "body", "USA", "GOV"),
        ("CIA", "body", "USA", "SPY"),
        ("FBI", "body", "USA", "COP"),
        ("Knesset", "body", "ISR", "LEG"),
        ("KCNA", "body", "PRK", "MED"),
        ("IRGC", "body", "IRN", "MIL"),
        ("Houthis", "body", "YEM", "REB"),
        ("U.N.", "igo", "IGO", None),
        ("NATO", "igo", "IGO", None),
        ("Red Cross", "igo", "NGO", None),
        ("Atlanta", "city", "USA", None),
    ],
)
def test_lookup(text: str, type_: str, country: str, sector: str | None) -> None:
    entries = load_lexicon().lookup(text)
    assert any(
        e.type == type_ and e.country == country and e.sector == sector for e in entries
    ), entries


def test_georgia_is_ambiguous() -> None:
    types = {e.type for e in load_lexicon().lookup("Georgia")}
    assert {"country", "us_state"} <= types


@pytest.mark.parametrize(
    ("surface", "text", "ok"),
    [
        ("US", "US", True),
        ("US", "us", False),
        ("Turkey", "turkey", False),
        ("Turkey", "Turkey", True),
    ],
)
def test_casing(surface: str, text: str, ok: bool) -> None:
    entry = next(e for e in load_lexicon().lookup(surface) if e.type == "country")
    assert casing_ok(entry.casing, text) is ok


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("foreign ministry", "GOV"),
        ("ministry of foreign affairs", "GOV"),
        ("defense ministry", "MIL"),
        ("soldiers", "MIL"),
        ("armed forces", "MIL"),
        ("police", "COP"),
        ("lawmakers", "LEG"),
        ("judge", "JUD"),
        ("militants", "REB"),
        ("opposition", "OPP"),
        ("protesters", "CVL"),
        ("state media", "MED"),
        ("refugees", "REF"),
        ("secretary of state", "GOV"),
        ("spokeswoman", "GOV"),
        ("admiral", "MIL"),
    ],
)
def test_nouns(phrase: str, sector: str) -> None:
    noun = load_lexicon().noun(phrase)
    assert noun is not None and noun.sector == sector


def test_not_a_noun() -> None:
    assert load_lexicon().noun("sandwich") is None
