"""Knowledge as dated facts: news organisations, armed groups, IGO bodies, NGOs, parliaments
and seats.

Five data files beside ``actors.json``, each entry with its own source note:

- ``media.json``: news organisations and the country each is based in (sector MED);
- ``armed_groups.json``: armed groups and militias with their country and sector, the date
  each was founded (``valid_from``) and, when it ceased, ``valid_to``;
- ``igos.json``: IGOs and their bodies with their CAMEO actor code and the organisation a
  body belongs to (``parent``);
- ``offices.json``: parliaments, ministries, councils (kind ``body``) and seats of
  government (kind ``seat``, a metonym for the government) by local and English names,
  with ``valid_from`` and ``valid_to``;
- ``ngos.json``: non-governmental organisations, an international one with country ``NGO``,
  a national one with its country and sector ``NGO``.

An entry may list ``cues``: words that, in a document, choose it over another entry with
the same short name ("RSF": a press-freedom group near "journalists", a Sudanese force
near "Khartoum"); see :func:`sitroom.actors.mentions.choose`. A dated entry holds only on
the days from ``valid_from`` to ``valid_to`` (:func:`valid_on`).

Every file is validated when it is loaded: a missing or mistyped field, a country code that
is no ISO3 code, a date that is no ISO date, an end before a start, or an entry without a
source note stops the run with an error naming the file and the entry's line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sitroom.lexicons import JsonFile, json_file

#: The knowledge files this module reads, in load order.
KNOWLEDGE_FILES = ("media.json", "armed_groups.json", "igos.json", "offices.json", "ngos.json")
#: Codes a country field may hold besides ISO3: no single country applies.
NON_STATE_CODES = frozenset({"IGO", "NGO", "MNC", "IMG"})
#: A date of a dated fact: a year, a month or a day (ISO 8601).
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3}$")
_CAMEO_IGO = re.compile(r"^IGO[A-Z]{0,9}$")
_OFFICE_KINDS = ("body", "seat")


@dataclass(frozen=True)
class Fact:
    """One named thing of a knowledge file, as the actor lexicon indexes it.

    Attributes:
        type: the lexicon entry type ("body", "igo", "seat").
        name: canonical name.
        country: ISO3 code or IGO/NGO/MNC/IMG.
        sector: CAMEO sector or None.
        kind: actor kind (organization, nonstate, igo, state).
        code: CAMEO actor code (IGOs) or None.
        valid_from: the ISO date (or year, or month) from which the fact holds, or None.
        valid_to: the ISO date (or year, or month) up to which it held; None while it holds.
        cues: lower-case words that choose this entry when its short name is shared.
    """

    type: str
    name: str
    country: str
    sector: str | None
    kind: str
    code: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    cues: tuple[str, ...] = ()


Add = Callable[[str, Fact], None]


def _text(file: JsonFile, obj: dict[str, Any], key: str) -> str:
    value = file.require(obj, key, str)
    if not value.strip():
        raise file.error(obj, f"field {key!r} may not be empty")
    return str(value)


def _names(file: JsonFile, obj: dict[str, Any]) -> list[str]:
    names = file.require(obj, "names", list)
    if not all(isinstance(n, str) and n.strip() for n in names):
        raise file.error(obj, "field 'names' must be a list of non-empty strings")
    return [_text(file, obj, "name"), *names]


def _country(file: JsonFile, obj: dict[str, Any]) -> str:
    code = _text(file, obj, "country")
    if not _COUNTRY.match(code):
        raise file.error(obj, f"country {code!r} is no ISO3 code (or IGO/NGO/MNC/IMG)")
    return code


def _sector(file: JsonFile, obj: dict[str, Any]) -> str | None:
    sector = file.require(obj, "sector", (str, type(None)))
    if sector is not None and not _SECTOR.match(sector):
        raise file.error(obj, f"sector {sector!r} is no CAMEO sector code")
    return sector  # type: ignore[no-any-return]


def check_dates(file: JsonFile, obj: dict[str, Any]) -> tuple[str, str | None]:
    """``valid_from`` (required) and ``valid_to`` (``null`` while valid), checked."""
    start = _text(file, obj, "valid_from")
    end = file.require(obj, "valid_to", (str, type(None)))
    for value in (start, end):
        if value is not None and not _DATE.match(value):
            raise file.error(obj, f"date {value!r} is no ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if end is not None and end[: len(start)] < start[: len(end)]:
        raise file.error(obj, f"valid_to {end!r} is before valid_from {start!r}")
    return start, end


def valid_on(valid_from: str | None, valid_to: str | None, day: str | None) -> bool:
    """Whether a fact dated ``valid_from``..``valid_to`` holds on ``day`` (an ISO date).

    Dates may be a year, a month or a day; each is compared at its own precision ("2015"
    holds all of 2015, "2024-06" all of June 2024). No day (an undated document) or no
    dates (a fact without validity) always holds.
    """
    if not day:
        return True
    if valid_from is not None and day[: len(valid_from)] < valid_from:
        return False
    return valid_to is None or day[: len(valid_to)] <= valid_to


def _entries(file: JsonFile, key: str) -> Iterator[dict[str, Any]]:
    items = file.require(file.data, key, list)
    for item in items:
        if not isinstance(item, dict):
            raise file.error(file.data, f"every item of {key!r} must be an object")
        _text(file, item, "source")
        yield item


def _cues(file: JsonFile, obj: dict[str, Any]) -> tuple[str, ...]:
    """The optional ``cues`` of an entry: non-empty words, kept in lower case."""
    cues = file.require(obj, "cues", list) if "cues" in obj else []
    if not all(isinstance(c, str) and c.strip() and " " not in c.strip() for c in cues):
        raise file.error(obj, "field 'cues' must be a list of single words")
    return tuple(c.strip().lower() for c in cues)


def _media(file: JsonFile, add: Add) -> None:
    for row in _entries(file, "media"):
        entry = Fact("body", _text(file, row, "name"), _country(file, row), "MED",
                     "organization")
        for name in _names(file, row):
            add(name, entry)


def _groups(file: JsonFile, add: Add) -> None:
    for row in _entries(file, "groups"):
        start, end = check_dates(file, row)
        entry = Fact("body", _text(file, row, "name"), _country(file, row),
                     _sector(file, row), "nonstate", valid_from=start, valid_to=end,
                     cues=_cues(file, row))
        for name in _names(file, row):
            add(name, entry)


def _igos(file: JsonFile, add: Add) -> None:
    for row in _entries(file, "igos"):
        code = _text(file, row, "code")
        if not _CAMEO_IGO.match(code):
            raise file.error(row, f"code {code!r} is no CAMEO IGO code (IGO + letters)")
        file.require(row, "parent", (str, type(None)))
        entry = Fact("igo", _text(file, row, "name"), "IGO", _sector(file, row), "igo", code)
        for name in _names(file, row):
            add(name, entry)


def _offices(file: JsonFile, add: Add) -> None:
    for row in _entries(file, "offices"):
        start, end = check_dates(file, row)
        kind = _text(file, row, "kind")
        if kind not in _OFFICE_KINDS:
            raise file.error(row, f"kind {kind!r} must be one of {', '.join(_OFFICE_KINDS)}")
        name = _text(file, row, "name")
        if kind == "seat":
            entry = Fact("seat", name, _country(file, row), _sector(file, row), "state",
                         valid_from=start, valid_to=end)
        else:
            entry = Fact("body", name, _country(file, row), _sector(file, row), "organization",
                         valid_from=start, valid_to=end)
        for alias in _names(file, row):
            add(alias, entry)


def _ngos(file: JsonFile, add: Add) -> None:
    for row in _entries(file, "ngos"):
        entry = Fact("body", _text(file, row, "name"), _country(file, row), _sector(file, row),
                     "organization", cues=_cues(file, row))
        for name in _names(file, row):
            add(name, entry)


_READERS: dict[str, Callable[[JsonFile, Add], None]] = {
    "media.json": _media,
    "armed_groups.json": _groups,
    "igos.json": _igos,
    "offices.json": _offices,
    "ngos.json": _ngos,
}


def add_knowledge(add: Add) -> list[JsonFile]:
    """Read every knowledge file, adding each name with ``add``; return the files read."""
    files = []
    for name in KNOWLEDGE_FILES:
        file = json_file(name)
        _READERS[name](file, add)
        files.append(file)
    return files
