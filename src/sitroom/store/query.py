"""Reading the store: event filters, event and actor listings, records read back.

By default listings, counts, series and networks keep only events that are *facts*
(:func:`sitroom.store.situations.fact_sql`): counted (modality ``actual`` and polarity
``positive``), not denied, and not part of a situation event that is contested or
denied across reports. Hypothetical, requested, future, negated, denied and contested
events stay in the store and come back with ``include_all=True``, or when
``modality``/``polarity`` is asked for explicitly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from sitroom.documents.model import content_hash
from sitroom.errors import StoreError
from sitroom.record import (
    Actor,
    AnalysisRecord,
    DocumentInfo,
    Event,
    Location,
    Quantity,
    Quote,
    Relation,
    SentenceRef,
    Source,
    Span,
)
from sitroom.store.db import Database
from sitroom.store.schema import fetch_one
from sitroom.store.situations import fact_sql


@dataclass(frozen=True)
class EventFilter:
    """Which events to return; every field left ``None`` matches everything.

    Attributes:
        actor: global actor id, code or name (exact, else substring), any role.
        country: ISO alpha-3 country of any source or target actor.
        dyad: ``(A, B)``: a source matches A and a target matches B; A and B are each a
            country code or an actor (as ``actor``).
        either_direction: with ``dyad``, also B → A.
        plover: PLOVER event type (case-insensitive).
        cameo: CAMEO code prefix ("19" matches 190…196).
        quad_class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.
        modality, polarity, certainty: as in the record.
        since, until: event date range, inclusive (the event date, else the document's
            published date).
        source_kind: kind of the source the event is attributed to.
        anonymous: True for events credited to anonymous sources, False for the rest.
        doc_id: one document.
        include_all: keep uncounted (non-actual or negated) events.
        limit: at most this many rows.
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    either_direction: bool = False
    plover: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    polarity: str | None = None
    certainty: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    source_kind: str | None = None
    anonymous: bool | None = None
    doc_id: str | None = None
    include_all: bool = False
    limit: int | None = None


_FIELDS = {f.name for f in dataclasses.fields(EventFilter)}


def make_filter(base: EventFilter | None = None, **kwargs: Any) -> EventFilter:
    """An ``EventFilter`` from keyword arguments (``None`` values are ignored)."""
    unknown = set(kwargs) - _FIELDS
    if unknown:
        raise StoreError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    given = {k: v for k, v in kwargs.items() if v is not None}
    if "dyad" in given:
        dyad = tuple(given["dyad"])
        if len(dyad) != 2:
            raise StoreError("a dyad is two actors or countries: A B")
        given["dyad"] = (str(dyad[0]), str(dyad[1]))
    return dataclasses.replace(base or EventFilter(), **given)


def _date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as error:
        raise StoreError(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}") from error


# -- documents ---------------------------------------------------------------------
def known_hashes(store: Database) -> set[str]:
    """Content hashes of every stored document (to skip work before analysing)."""
    return {row[0] for row in store.conn.execute("SELECT sha256 FROM documents").fetchall()}


def has_document(store: Database, sha256: str) -> bool:
    """Whether a document with this content hash is stored."""
    row = fetch_one(store.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", [sha256]))
    return row is not None


def counts(store: Database) -> dict[str, int]:
    """Row counts of the main tables."""
    out: dict[str, int] = {}
    for name in ("documents", "actors", "events", "quotes", "sources", "quarantine"):
        row = fetch_one(store.conn.execute(f"SELECT count(*) FROM {name}"))
        out[name] = int(row[0]) if row else 0
    return out


def quarantine_frame(store: Database) -> pd.DataFrame:
    """The quarantine table: path, doc_id, reason, at."""
    return store.conn.execute("SELECT * FROM quarantine ORDER BY \"at\", path").df()


def documents_frame(store: Database, *, text: bool = False) -> pd.DataFrame:
    """The documents table (without the ``text`` column unless ``text=True``)."""
    columns = "*" if text else "* EXCLUDE (text)"
    return store.conn.execute(f"SELECT {columns} FROM documents ORDER BY doc_id").df()


#: File suffixes whose text :func:`document_text` reads back from ``documents.path``.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
#: Largest document file read back (bytes).
MAX_TEXT_BYTES = 5_000_000


def read_text_file(path: str | None, sha256: str | None) -> str | None:
    """The text of a document file when it is still there and its hash matches."""
    if not path or not sha256:
        return None
    file = Path(path)
    try:
        if file.suffix.lower() not in TEXT_SUFFIXES or not file.is_file():
            return None
        if file.stat().st_size > MAX_TEXT_BYTES:
            return None
        text = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if content_hash(text) == sha256 else None


def document_text(store: Database, doc_id: str) -> str | None:
    """The document's text as analysed (offsets point into it), when it can be had:
    ``documents.text`` (schema v3), else the file at the stored path if it is still
    there, is a text file and its content hash is the stored ``sha256`` (documents
    stored before v3 or ingested without text)."""
    row = fetch_one(store.conn.execute(
        "SELECT text, path, sha256 FROM documents WHERE doc_id = ?", [doc_id]))
    if row is None:
        return None
    if row[0] is not None:
        return str(row[0])
    return read_text_file(row[1], row[2])


# -- events --------------------------------------------------------------------------
def actor_ids(store: Database, term: str) -> list[int]:
    """Global actor ids for an id, a code or a name (exact first, then substring)."""
    text = term.strip()
    if text.isdigit():
        return [int(text)]
    rows = store.conn.execute(
        "SELECT actor_id FROM actors WHERE lower(name) = lower(?) OR upper(code) = upper(?) "
        "ORDER BY actor_id",
        [text, text],
    ).fetchall()
    if not rows:
        rows = store.conn.execute(
            "SELECT actor_id FROM actors WHERE name ILIKE ? ORDER BY actor_id",
            [f"%{text}%"],
        ).fetchall()
    return [int(r[0]) for r in rows]


def _is_country(store: Database, term: str) -> bool:
    text = term.strip()
    if len(text) != 3 or not text.isalpha():
        return False
    row = fetch_one(store.conn.execute(
        "SELECT 1 FROM event_actors WHERE country = ? LIMIT 1", [text.upper()]
    ))
    return row is not None or text.isupper()


def _side(store: Database, term: str, role: str | None) -> tuple[str, list[Any]]:
    """SQL condition over ``events e`` for events with an actor (in ``role``: ``source``
    or ``target``; ``None``: either) matching ``term``, read from the event's side
    columns (:mod:`sitroom.store.sides`)."""
    sides = {"source": ("src",), "target": ("tgt",), None: ("src", "tgt")}[role]
    if _is_country(store, term):
        code = term.strip().upper()
        conds = [f"list_contains(e.{side}_countries, ?)" for side in sides]
        return f"({' OR '.join(conds)})", [code] * len(sides)
    ids = actor_ids(store, term)
    if not ids:
        return "FALSE", []
    marks = ", ".join("?" * len(ids))
    conds = [f"list_has_any(e.{side}_ids, [{marks}]::BIGINT[])" for side in sides]
    return f"({' OR '.join(conds)})", [*ids] * len(sides)


def where_clause(store: Database, f: EventFilter) -> tuple[str, list[Any]]:
    """The SQL condition (over ``events e`` and ``sources s``) and its parameters."""
    conds: list[str] = []
    params: list[Any] = []

    def add(cond: str, *values: Any) -> None:
        conds.append(cond)
        params.extend(values)

    if f.actor is not None:
        cond, values = _side(store, f.actor, None)
        add(cond, *values)
    if f.country is not None:
        add("(list_contains(e.src_countries, ?) OR list_contains(e.tgt_countries, ?))",
            f.country.upper(), f.country.upper())
    if f.dyad is not None:
        a_src, p1 = _side(store, f.dyad[0], "source")
        b_tgt, p2 = _side(store, f.dyad[1], "target")
        forward = f"({a_src} AND {b_tgt})"
        if f.either_direction:
            b_src, p3 = _side(store, f.dyad[1], "source")
            a_tgt, p4 = _side(store, f.dyad[0], "target")
            add(f"({forward} OR ({b_src} AND {a_tgt}))", *p1, *p2, *p3, *p4)
        else:
            add(forward, *p1, *p2)
    if f.plover is not None:
        add("upper(e.plover) = upper(?)", f.plover)
    if f.cameo is not None:
        add("starts_with(e.cameo, ?)", f.cameo)
    if f.quad_class is not None:
        add("e.quad_class = ?", int(f.quad_class))
    if f.modality is not None:
        add("e.modality = ?", f.modality)
    if f.polarity is not None:
        add("e.polarity = ?", f.polarity)
    if f.certainty is not None:
        add("e.certainty = ?", f.certainty)
    since = _date(f.since, "since")
    until = _date(f.until, "until")
    if since is not None:
        add("e.event_date >= ?", since)
    if until is not None:
        add("e.event_date <= ?", until)
    if f.source_kind is not None:
        add("s.kind = ?", f.source_kind)
    if f.anonymous is not None:
        add("coalesce(s.anonymous, FALSE) = ?", bool(f.anonymous))
    if f.doc_id is not None:
        add("e.doc_id = ?", f.doc_id)
    if not (f.include_all or f.modality or f.polarity):
        add(fact_sql("e"))  # counted, not denied, not in a contested or denied situation
    return (" AND ".join(conds) if conds else "TRUE"), params


def _side_agg(role: str) -> str:
    return f"""
    SELECT ea.gid,
           list(a.name ORDER BY ea.pos) AS names,
           list(ea.actor_id ORDER BY ea.pos) AS ids,
           list(coalesce(ea.country, a.country) ORDER BY ea.pos) AS countries,
           list(coalesce(da.sector, a.sector) ORDER BY ea.pos) AS sectors,
           list(coalesce(da.code, a.code) ORDER BY ea.pos) AS codes,
           list(a.kind ORDER BY ea.pos) AS kinds
    FROM event_actors ea
    LEFT JOIN actors a ON a.actor_id = ea.actor_id
    LEFT JOIN doc_actors da ON da.doc_id = ea.doc_id AND da.local_id = ea.local_id
    WHERE ea.role = '{role}' AND ea.gid IN (SELECT gid FROM sel)
    GROUP BY ea.gid"""


def events_sql(store: Database, f: EventFilter) -> tuple[str, list[Any]]:
    """The full event query (one row per event) and its parameters."""
    where, params = where_clause(store, f)
    limit = f" LIMIT {int(f.limit)}" if f.limit is not None else ""
    sql = f"""
    WITH sel AS (
        SELECT e.gid, e.event_date, e.doc_id, e.ord FROM events e
        LEFT JOIN sources s ON s.doc_id = e.doc_id AND s.source_id = e.attribution
        WHERE {where}
        ORDER BY e.event_date NULLS LAST, e.doc_id, e.ord{limit}
    ),
    src AS ({_side_agg("source")}),
    tgt AS ({_side_agg("target")})
    SELECT e.gid, e.doc_id, e.event_id, e.event_date AS date, e.date AS date_text,
           src.names AS source_names, src.ids AS source_ids, src.countries AS source_countries,
           src.sectors AS source_sectors, src.codes AS source_codes, src.kinds AS source_kinds,
           tgt.names AS target_names, tgt.ids AS target_ids, tgt.countries AS target_countries,
           tgt.sectors AS target_sectors, tgt.codes AS target_codes, tgt.kinds AS target_kinds,
           e.plover, e.plover_mode, e.cameo, e.goldstein, e.quad_class,
           e.polarity, e.modality, e.certainty, e.counted,
           e.attribution, s.text AS source_text, s.kind AS source_kind,
           s.anonymous AS source_anonymous,
           e.trigger_text, e.trigger_start, e.trigger_end,
           e.sentence_index, e.sentence_start, e.sentence_end,
           e.location_text, e.location_country, e.parent, e.rule, e.quantities,
           d.title, d.published_date AS published, d.url, d.path, d.ingested_at
    FROM sel
    JOIN events e ON e.gid = sel.gid
    JOIN documents d ON d.doc_id = e.doc_id
    LEFT JOIN sources s ON s.doc_id = e.doc_id AND s.source_id = e.attribution
    LEFT JOIN src ON src.gid = e.gid
    LEFT JOIN tgt ON tgt.gid = e.gid
    ORDER BY sel.event_date NULLS LAST, sel.doc_id, sel.ord
    """
    return sql, params


def events_arrow(store: Database, f: EventFilter | None = None) -> pa.Table:
    """Events matching ``f`` as a pyarrow Table."""
    sql, params = events_sql(store, f or EventFilter())
    return store.conn.sql(sql, params=params).to_arrow_table()


def events_frame(store: Database, f: EventFilter | None = None) -> pd.DataFrame:
    """Events matching ``f`` as a pandas DataFrame."""
    sql, params = events_sql(store, f or EventFilter())
    return store.conn.execute(sql, params).df()


def actors_frame(
    store: Database,
    *,
    country: str | None = None,
    kind: str | None = None,
    name: str | None = None,
    include_all: bool = False,
    limit: int | None = None,
) -> pd.DataFrame:
    """Global actors with counts of events (counted only unless ``include_all``),
    mentions and documents, most active first."""
    conds, params = ["TRUE"], []
    if country:
        conds.append("a.country = ?")
        params.append(country.upper())
    if kind:
        conds.append("a.kind = ?")
        params.append(kind)
    if name:
        conds.append("a.name ILIKE ?")
        params.append(f"%{name}%")
    counted = "TRUE" if include_all else "e.counted"
    limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
    sql = f"""
    WITH ev AS (
        SELECT ea.actor_id, count(DISTINCT ea.gid) AS events
        FROM event_actors ea JOIN events e ON e.gid = ea.gid
        WHERE {counted} GROUP BY ea.actor_id
    ),
    dm AS (
        SELECT actor_id, count(DISTINCT doc_id) AS documents FROM doc_actors GROUP BY actor_id
    ),
    mm AS (SELECT actor_id, count(*) AS mentions FROM mentions GROUP BY actor_id)
    SELECT a.actor_id, a.name, a.kind, a.country, a.sector, a.code, a.title, a.key,
           coalesce(ev.events, 0) AS events, coalesce(mm.mentions, 0) AS mentions,
           coalesce(dm.documents, 0) AS documents, a.first_doc
    FROM actors a
    LEFT JOIN ev ON ev.actor_id = a.actor_id
    LEFT JOIN dm ON dm.actor_id = a.actor_id
    LEFT JOIN mm ON mm.actor_id = a.actor_id
    WHERE {" AND ".join(conds)}
    ORDER BY events DESC, documents DESC, a.name, a.actor_id{limit_sql}
    """
    return store.conn.execute(sql, params).df()


# -- reading a record back -----------------------------------------------------------
def _rows(store: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = store.conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _spans(raw: str | None) -> tuple[Span, ...]:
    return tuple(Span(**item) for item in json.loads(raw or "[]"))


def read_record(store: Database, doc_id: str) -> AnalysisRecord:
    """Rebuild a stored document's ``AnalysisRecord`` (document-local ids and values)."""
    docs = _rows(store, "SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    if not docs:
        raise StoreError(f"no document {doc_id!r} in the store")
    d = docs[0]
    document = DocumentInfo(
        id=d["doc_id"], path=d["path"], title=d["title"], published=d["published"],
        dateline=d["dateline"], language=d.get("language") or "en", url=d["url"],
        sha256=d["sha256"] if d["sha256_given"] else None, length=d["length"],
    )
    mentions: dict[str, list[Span]] = {}
    for m in _rows(store, "SELECT * FROM mentions WHERE doc_id = ? ORDER BY local_id, ord",
                   [doc_id]):
        mentions.setdefault(m["local_id"], []).append(
            Span(m["start_char"], m["end_char"], m["text"]))
    actors = tuple(
        Actor(id=a["local_id"], name=a["name"], kind=a["kind"], country=a["country"],
              sector=a["sector"], code=a["code"], title=a["title"], count=a["count"],
              mentions=tuple(mentions.get(a["local_id"], ())), rule=a["rule"],
              reason=a["reason"], lexicon=a["lexicon"])
        for a in _rows(store, "SELECT * FROM doc_actors WHERE doc_id = ? ORDER BY ord", [doc_id])
    )
    events = []
    for e in _rows(store, "SELECT * FROM events WHERE doc_id = ? ORDER BY ord", [doc_id]):
        location = None
        if e["location_text"] is not None:
            location = Location(e["location_text"], e["location_country"],
                                e["location_start"], e["location_end"])
        events.append(Event(
            id=e["event_id"], source=tuple(e["source_locals"]), target=tuple(e["target_locals"]),
            plover=e["plover"], plover_mode=e["plover_mode"], cameo=e["cameo"],
            goldstein=e["goldstein"], quad_class=e["quad_class"],
            trigger=Span(e["trigger_start"], e["trigger_end"], e["trigger_text"]),
            sentence=SentenceRef(e["sentence_index"], e["sentence_start"], e["sentence_end"]),
            polarity=e["polarity"], modality=e["modality"], certainty=e["certainty"],
            attribution=e["attribution"],
            quantities=tuple(Quantity(**q) for q in json.loads(e["quantities"] or "[]")),
            location=location, date=e["date"], parent=e["parent"], rule=e["rule"],
            lexicon=e["lexicon"], cues=_spans(e["cues"]),
        ))
    quotes = tuple(
        Quote(id=q["quote_id"], text=q["text"], start=q["start_char"], end=q["end_char"],
              speaker=q["speaker_local"], speaker_text=q["speaker_text"], cue=q["cue"],
              kind=q["kind"], rule=q["rule"])
        for q in _rows(store, "SELECT * FROM quotes WHERE doc_id = ? ORDER BY ord", [doc_id])
    )
    sources = tuple(
        Source(id=s["source_id"], text=s["text"], actor=s["actor_local"],
               anonymous=s["anonymous"], kind=s["kind"], cue=s["cue"], start=s["start_char"],
               end=s["end_char"], rule=s["rule"])
        for s in _rows(store, "SELECT * FROM sources WHERE doc_id = ? ORDER BY ord", [doc_id])
    )
    relations = tuple(
        Relation(a=r["a_local"], b=r["b_local"], type=r["type"], text=r["text"],
                 start=r["start_char"], end=r["end_char"], rule=r["rule"],
                 certainty=r.get("certainty") or "confirmed")
        for r in _rows(store, "SELECT * FROM relations WHERE doc_id = ? ORDER BY ord", [doc_id])
    )
    return AnalysisRecord(
        document=document, actors=actors, events=tuple(events), quotes=quotes,
        sources=sources, relations=relations, schema=d["record_schema"],
        errors=tuple(d["errors"] or ()),
    )
