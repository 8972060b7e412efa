"""The analysis record: sitroom's public output, one per document.

Inside the package every record is a frozen dataclass; pydantic is used only at the
edge, to validate, serialise and export a JSON Schema (``sitroom.analysis/1``). The
field names follow ``analysis-format.md``; extra fields (``rule``, ``lexicon``,
``reason``…) carry provenance and are allowed by the contract ("extend, never break").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import TypeAdapter

SCHEMA_ID = "sitroom.analysis/1"

ActorKind = Literal["person", "state", "organization", "group", "igo", "nonstate"]
Polarity = Literal["positive", "negative"]
Modality = Literal["actual", "future", "hypothetical", "requested"]
Certainty = Literal["confirmed", "reported", "alleged", "uncertain"]
Status = Literal["asserted", "claimed", "alleged", "denied", "unverified"]
SourceKind = Literal[
    "official", "intelligence", "expert", "media", "document", "observer", "unnamed",
    "monitoring", "imagery",
]
RelationType = Literal["alliance", "partnership", "rivalry", "conflict", "influence"]
QuoteKind = Literal["direct", "partial"]


@dataclass(frozen=True)
class Span:
    """A piece of evidence: ``text[start:end] == span.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SentenceRef:
    """The sentence an event comes from."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class DocumentInfo:
    """Metadata of the analysed document."""

    id: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    language: str = "en"
    url: str | None = None
    sha256: str | None = None
    length: int = 0


@dataclass(frozen=True)
class Actor:
    """An actor merged across its mentions and resolved to country and sector."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    code: str | None
    title: str | None = None
    count: int | None = None
    mentions: tuple[Span, ...] = ()
    rule: str | None = None
    reason: str | None = None
    lexicon: str | None = None


@dataclass(frozen=True)
class Quantity:
    """A number tied to an event or an actor."""

    value: float | int | None
    approximate: bool
    unit: str | None
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Location:
    """Where an event happened.

    ``text`` is the locative phrase as written; the other fields come from the gazetteer
    (:mod:`sitroom.sourcing.gazetteer`) and stay None when the place is unknown or
    ambiguous: ``name`` the place's own name, ``feature`` its type (country, city, sea,
    gulf, strait, canal, region), ``lat``/``lon`` its coordinates, ``geonames_id`` its
    GeoNames id. ``country`` is None for a sea or region, which lies in no one country.
    """

    text: str
    country: str | None
    start: int | None = None
    end: int | None = None
    name: str | None = None
    feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(frozen=True)
class Event:
    """Who did what to whom, coded in CAMEO and PLOVER, with how the text says it.

    ``status`` says who stands behind it: ``asserted`` (the report's own voice),
    ``claimed`` (credited to a named or anonymous source), ``alleged``, ``unverified``
    (hedged, or said to be unverifiable) or ``denied``; a denied act is the child
    (``parent``) of its denial, with negative polarity and ``denied_by`` the actors who
    deny it. A record without ``status`` reads as: negative polarity → not a fact;
    certainty reported/alleged/uncertain → not asserted.
    """

    id: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    plover: str | None
    plover_mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    trigger: Span
    sentence: SentenceRef
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    certainty: Certainty = "confirmed"
    attribution: str | None = None
    quantities: tuple[Quantity, ...] = ()
    location: Location | None = None
    date: str | None = None
    parent: str | None = None
    rule: str | None = None
    lexicon: str | None = None
    cues: tuple[Span, ...] = ()
    status: Status = "asserted"
    denied_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct or partial quotation with its resolved speaker."""

    id: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    kind: QuoteKind = "direct"
    rule: str | None = None


@dataclass(frozen=True)
class Source:
    """Someone or something the report relies on."""

    id: str
    text: str
    actor: str | None
    anonymous: bool
    kind: SourceKind
    cue: str | None
    start: int | None = None
    end: int | None = None
    rule: str | None = None


@dataclass(frozen=True)
class Relation:
    """A standing tie between two actors stated in the text."""

    a: str
    b: str
    type: RelationType
    text: str
    start: int
    end: int
    rule: str | None = None
    certainty: Certainty = "confirmed"


@dataclass(frozen=True)
class Mention:
    """An act the text names but sitroom does not code as an event, kept as evidence.

    ``reason`` says why it is not an event (for example ``no-source``: nobody can be
    named as its doer); ``cameo``/``plover`` are what it would have been coded as.
    """

    trigger: Span
    sentence: SentenceRef
    reason: str
    cameo: str | None = None
    plover: str | None = None
    rule: str | None = None


@dataclass(frozen=True)
class Provenance:
    """What produced a record: sitroom's version and the content version of each lexicon.

    Attributes:
        sitroom: the package version.
        lexicons: every lexicon file (path under the data folder, e.g. ``verbs.json``,
            ``words/negators.txt``) with its content version (12 hex digits of SHA-256).
    """

    sitroom: str
    lexicons: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AnalysisRecord:
    """Everything sitroom found in one document."""

    document: DocumentInfo
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    relations: tuple[Relation, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    schema: str = SCHEMA_ID
    errors: tuple[str, ...] = field(default=())
    provenance: Provenance | None = None


@lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[AnalysisRecord]:
    return TypeAdapter(AnalysisRecord)


def to_dict(record: AnalysisRecord) -> dict[str, Any]:
    """Serialise a record to plain JSON-compatible data (schema first)."""
    data: dict[str, Any] = _adapter().dump_python(record, mode="json")
    ordered = {"schema": data.pop("schema")}
    ordered.update(data)
    return ordered


def to_json(record: AnalysisRecord) -> str:
    """Serialise a record to one line of JSON."""
    return json.dumps(to_dict(record), ensure_ascii=False)


def from_dict(data: dict[str, Any]) -> AnalysisRecord:
    """Validate and load a record from JSON data (raises ``pydantic.ValidationError``)."""
    return _adapter().validate_python(data)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the analysis record, generated from these models."""
    schema: dict[str, Any] = _adapter().json_schema(mode="serialization")
    schema["$id"] = SCHEMA_ID
    schema["title"] = "sitroom analysis record"
    return schema
