"""The sourcing stage's knowledge: its cue lexicon and word files, validated and versioned.

``lexicons/data/sourcing.json`` holds the cues of the stage (reporting verbs, source
nouns, certainty cues, number words of quantities, relation cues…). It is read through
``sitroom.lexicons.json_file`` and checked against ``SCHEMA``: every key the code reads
must be there with the right shape, and a wrong one is a ``LexiconError`` naming the
file and the line. Word files (``words/sourcing_*``) are read with ``words``/``rows``.

Every loader here is cached and forgotten by ``sitroom.lexicons.clear_cache()``.
"""

from __future__ import annotations

import json.decoder
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_args

from sitroom.errors import LexiconError
from sitroom.lexicons import JsonFile, json_file, line_file, ordered, table
from sitroom.lexicons.files import on_clear
from sitroom.record import ActorKind, SourceKind

FILE = "sourcing.json"

# Shapes of values in sourcing.json.
WORDS = "a list of strings"
GROUPS = "an object of lists of strings"
NAMES = "an object of strings"
NUMBERS = "an object of numbers"
COUNT = "a whole number"

#: The keys the sourcing stage reads and the shape of each (nested dicts are blocks).
SCHEMA: dict[str, Any] = {
    "reporting_verbs": WORDS,
    "quote_only_verbs": WORDS,
    "source_only_exclude": WORDS,
    "source_nouns": GROUPS,
    "source_kind_order": WORDS,
    "evidence_verbs": WORDS,
    "sector_kinds": NAMES,
    "anonymous_modifiers": WORDS,
    "obtaining_verbs": WORDS,
    "statement_nouns": WORDS,
    "document_heads": WORDS,
    "unnaming_verbs": WORDS,
    "media_names": WORDS,
    "anonymity_cues": WORDS,
    "unnamed_heads": WORDS,
    "phrase_preps": WORDS,
    "certainty": {
        "reported_adverbs": WORDS,
        "reported_passive_verbs": WORDS,
        "alleged_verbs": WORDS,
        "accusing_verbs": WORDS,
        "suspicion_verbs": WORDS,
        "alleged_adverbs": WORDS,
        "alleged_adjectives": WORDS,
        "uncertain_adverbs": WORDS,
        "uncertain_adjectives": WORDS,
        "question_marks": WORDS,
        "reported_source_heads": WORDS,
        "hedge_modals": WORDS,
        "hedge_words": WORDS,
    },
    "numbers": {
        "units": NUMBERS,
        "scales": NUMBERS,
        "vague_plurals": WORDS,
        "approximators": WORDS,
        "approximator_words": WORDS,
        "currencies": NAMES,
        "percent": WORDS,
        "age_cues": GROUPS,
    },
    "places": {"prepositions": WORDS},
    "relations": GROUPS,
    "relation_preps": GROUPS,
    "plural_references": WORDS,
    "scare_quote_max_words": COUNT,
    "internal_conflict": {
        "heads": WORDS,
        "internal_mods": WORDS,
        "inside_preps": WORDS,
        "place_preps": WORDS,
        "anaphors": WORDS,
        "holder_verbs": WORDS,
    },
    "backing_verbs": WORDS,
}


@dataclass(frozen=True)
class SourcingLexicon:
    """The validated cue lexicon: its data as read, its version and its file."""

    data: Mapping[str, Any]
    version: str
    path: str


def key_line(jf: JsonFile, obj: object, key: str) -> int:
    """The 1-based line on which ``key`` of the JSON object ``obj`` is written.

    Falls back to the object's own line when the key is not found.
    """
    offset = getattr(obj, "offset", None)
    if offset is None:
        return jf.line_of(obj)
    text = jf.text
    depth, i = 0, offset + 1
    while i < len(text):
        char = text[i]
        if char == '"':
            value, end = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
            if depth == 0 and value == key and text[end:].lstrip().startswith(":"):
                return text.count("\n", 0, i) + 1
            i = end
            continue
        if char in "{[":
            depth += 1
        elif char in "}]":
            if depth == 0:
                break
            depth -= 1
        i += 1
    return jf.line_of(obj)


def _shape_ok(value: Any, shape: str) -> bool:
    """True when ``value`` has the shape named by one of the constants above."""
    if shape == WORDS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if shape == COUNT:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if not isinstance(value, dict):
        return False
    items = list(value.values())
    if shape == GROUPS:
        return all(_shape_ok(v, WORDS) for v in items)
    if shape == NAMES:
        return all(isinstance(v, str) for v in items)
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in items)


def _key_error(jf: JsonFile, obj: object, key: str, reason: str) -> LexiconError:
    """A ``LexiconError`` naming the file and the line where ``key`` of ``obj`` is written."""
    return LexiconError(f"line {key_line(jf, obj, key)}: {reason}", path=str(jf.path))


def _check(jf: JsonFile, obj: Any, schema: Mapping[str, Any], where: str) -> None:
    """Check a JSON object against a block of ``SCHEMA`` (raises a located error)."""
    if not isinstance(obj, dict):
        raise jf.error(obj, f"{where or 'the file'} must be an object")
    for key, shape in schema.items():
        name = f"{where}.{key}" if where else key
        if key not in obj:
            raise jf.error(obj, f"missing field {name!r}")
        value = obj[key]
        if isinstance(shape, dict):
            if not isinstance(value, dict):
                raise _key_error(jf, obj, key, f"field {name!r} must be an object")
            _check(jf, value, shape, name)
        elif not _shape_ok(value, shape):
            raise _key_error(jf, obj, key, f"field {name!r} must be {shape}")
    for key in obj:
        if not key.startswith("_") and key not in schema:
            name = f"{where}.{key}" if where else key
            raise _key_error(jf, obj, key, f"unknown field {name!r}")


def _check_kinds(jf: JsonFile, data: Mapping[str, Any]) -> None:
    """Source kinds named in the file must be kinds of the record."""
    kinds = set(get_args(SourceKind))
    named = [*data["source_kind_order"], *data["sector_kinds"].values()]
    for kind in [*named, *data["source_nouns"]]:
        if kind not in kinds:
            raise jf.error(data, f"{kind!r} is not a source kind ({', '.join(sorted(kinds))})")
    for kind in data["source_kind_order"]:
        if kind not in data["source_nouns"]:
            raise jf.error(data, f"source kind {kind!r} has no list in 'source_nouns'")


@lru_cache(maxsize=1)
def sourcing_lexicon() -> SourcingLexicon:
    """The sourcing cue lexicon, validated (cached; ``clear_cache`` forgets it).

    Raises:
        LexiconError: the file is not JSON, or a key the stage reads is missing or of
            the wrong shape; the message names the file and the line.
    """
    jf = json_file(FILE)
    _check(jf, jf.data, SCHEMA, "")
    _check_kinds(jf, jf.data)
    return SourcingLexicon(data=jf.data, version=jf.version, path=str(jf.path))


def lexicon() -> Mapping[str, Any]:
    """The data of ``sourcing.json`` (validated)."""
    return sourcing_lexicon().data


def lexicon_version() -> str:
    """The version of ``sourcing.json`` (12 hex digits of its SHA-256)."""
    return sourcing_lexicon().version


@lru_cache(maxsize=1)
def number_values() -> dict[str, float]:
    """English number words (``words/number_words.tsv``) with their values as numbers.

    Raises:
        LexiconError: a value is not a number (names the file and the line).
    """
    lines = line_file("words/number_words.tsv", 2)
    values: dict[str, float] = {}
    for line in lines.lines:
        word, value = line.cells
        try:
            values[word] = float(value)
        except ValueError:
            raise lines.error(line, f"value {value!r} of {word!r} is not a number") from None
    return values


@lru_cache(maxsize=1)
def number_parts() -> tuple[dict[str, float], dict[str, float]]:
    """Number words of quantities as (units that add, scales that multiply).

    A general English number word of 100 or more (``hundred``, ``million``) is a scale,
    a smaller one (``seven``, ``dozen``) a unit; ``numbers.units`` and ``numbers.scales``
    of ``sourcing.json`` add the stage's own (``a``, ``half``, ``bn``, ``k``).
    """
    units: dict[str, float] = {}
    scales: dict[str, float] = {}
    for word, value in number_values().items():
        (scales if value >= 100 else units)[word] = value
    numbers = lexicon()["numbers"]
    units.update(numbers["units"])
    scales.update(numbers["scales"])
    return units, scales


@lru_cache(maxsize=1)
def count_words() -> dict[str, int]:
    """Words that count whole things: general number words and ``numbers.units`` (``a``)."""
    units = {**number_values(), **lexicon()["numbers"]["units"]}
    return {w: int(v) for w, v in units.items() if float(v).is_integer()}


@lru_cache(maxsize=1)
def pronoun_kinds() -> dict[str, str]:
    """Pronouns a source or party may be, with the actor kind each falls back to.

    Raises:
        LexiconError: a kind is not an actor kind of the record (names file and line).
    """
    lines = line_file("words/sourcing_pronouns.tsv", 2)
    kinds = set(get_args(ActorKind))
    for line in lines.lines:
        if line.cells[1] not in kinds:
            raise lines.error(line, f"{line.cells[1]!r} is not an actor kind")
    return dict(table("sourcing_pronouns"))


@lru_cache(maxsize=1)
def relative_dates() -> dict[str, tuple[str, int]]:
    """Relative date phrases: phrase → (``day``/``month``/``year``, how many back)."""
    lines = line_file("words/sourcing_relative_dates.tsv", 3)
    found: dict[str, tuple[str, int]] = {}
    for line in lines.lines:
        phrase, unit, back = line.cells
        if unit not in {"day", "month", "year"} or not back.isdigit():
            raise lines.error(line, "expected phrase<TAB>day|month|year<TAB>a whole number")
        if unit == "month" and int(back) > 1:
            raise lines.error(line, "a month phrase goes back 0 or 1 month")
        found[phrase] = (unit, int(back))
    return found


def place_suffixes() -> tuple[str, ...]:
    """Generic words ending a subdivision's name (``city``, ``province``), with a space."""
    return tuple(f" {suffix}" for suffix in ordered("sourcing_place_suffixes"))


for _cached in (
    sourcing_lexicon,
    number_values,
    number_parts,
    count_words,
    pronoun_kinds,
    relative_dates,
):
    on_clear(_cached.cache_clear)
