"""Read-only queries behind the dashboard's JSON API.

Everything here reads the store's tables (``sitroom.store.schema``) with parameterised
SQL, or goes through the store's own event filter (``Store.events_arrow``), and returns
plain JSON-ready Python values. Nothing here writes.

Document text: the store keeps offsets, not text. The text of a document is read, in
order, from a ``text`` column of ``documents`` when the store has one, else from the
file the document was read from (``documents.path``) when that file is still there, is a
text file, and its content hash is the stored ``sha256`` (so offsets are known to fit).
Uploaded documents are saved to such a file next to the store (see ``app.py``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom.documents.model import content_hash

if TYPE_CHECKING:
    from sitroom.store.db import Store

#: File suffixes whose text the dashboard reads back from ``documents.path``.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
#: Largest document file read back for display (bytes).
MAX_TEXT_BYTES = 5_000_000
#: Days of history an escalation baseline looks back over.
BASELINE_DAYS = 7
#: A day's conflict score must exceed ``mean + SIGMA * std`` of its baseline …
SIGMA = 2.0
#: … and be at least this (one material-conflict event of Goldstein -5 or worse).
MIN_SCORE = 5.0

ESCALATION_METHOD = (
    f"Daily conflict score = sum of -Goldstein over conflict events (quad classes 3 and 4). "
    f"A day is an escalation signal when its score is at least {MIN_SCORE:g} and exceeds the "
    f"mean plus {SIGMA:g} standard deviations of the {BASELINE_DAYS} days before it "
    f"(days without events count as 0)."
)


def _plain(value: Any) -> Any:
    """A JSON-ready copy of a value from DuckDB/Arrow (dates as ISO strings)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Run a parameterised query and return its rows as JSON-ready dicts."""
    cur = store.conn.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [
        {name: _plain(value) for name, value in zip(names, row, strict=True)}
        for row in cur.fetchall()
    ]


def one(store: Store, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
    """The first row of a query, or None."""
    found = rows(store, sql, params)
    return found[0] if found else None


def _parse_json(raw: Any) -> list[dict[str, Any]]:
    if raw is None:
        return []
    if isinstance(raw, str):
        try:
            loaded = json.loads(raw)
        except ValueError:
            return []
        return loaded if isinstance(loaded, list) else []
    return list(raw)


# -- summary ------------------------------------------------------------------------
def summary(store: Store) -> dict[str, Any]:
    """Counts, the date range of counted events and the sourcing headline numbers."""
    counts = store.counts()
    span = one(
        store,
        "SELECT min(event_date) AS start, max(event_date) AS end, count(*) AS counted "
        "FROM events WHERE counted",
    ) or {}
    claims = claim_counts(store)
    return {
        **counts,
        "counted_events": span.get("counted", 0),
        "start": span.get("start"),
        "end": span.get("end"),
        "schema_version": store.schema_version,
        **claims,
    }


def claim_counts(store: Store) -> dict[str, int]:
    """Events (claims) credited to a source, and how many of those rest on anonymous
    or intelligence sources."""
    row = one(
        store,
        """
        SELECT count(*) AS attributed_claims,
               count(*) FILTER (WHERE s.anonymous) AS anonymous_claims,
               count(*) FILTER (WHERE s.kind = 'intelligence') AS intelligence_claims,
               count(*) FILTER (WHERE s.anonymous OR s.kind = 'intelligence')
                   AS anonymous_or_intelligence_claims
        FROM events e JOIN sources s ON s.doc_id = e.doc_id AND s.source_id = e.attribution
        """,
    ) or {}
    return {k: int(v or 0) for k, v in row.items()}


# -- actors and the network ---------------------------------------------------------
def actors(store: Store, q: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Actors (most active first), optionally those whose name, code or title matches."""
    frame = store.actors(include_all=False)
    if q:
        needle = q.strip().lower()
        mask = (
            frame["name"].fillna("").str.lower().str.contains(needle, regex=False)
            | frame["code"].fillna("").str.lower().str.contains(needle, regex=False)
            | frame["title"].fillna("").str.lower().str.contains(needle, regex=False)
        )
        frame = frame[mask]
    out = []
    for rec in frame.head(limit).to_dict(orient="records"):
        out.append({
            "id": int(rec["actor_id"]),
            "name": rec["name"],
            "kind": rec["kind"],
            "country": _none(rec["country"]),
            "sector": _none(rec["sector"]),
            "code": _none(rec["code"]),
            "title": _none(rec["title"]),
            "events": int(rec["events"]),
            "mentions": int(rec["mentions"]),
            "documents": int(rec["documents"]),
        })
    return out


def _none(value: Any) -> Any:
    """``None`` for pandas' missing values."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def actor(store: Store, actor_id: int) -> dict[str, Any] | None:
    """One actor with its counts, or None."""
    return one(
        store,
        """
        SELECT a.actor_id AS id, a.name, a.kind, a.country, a.sector, a.code, a.title,
               (SELECT count(DISTINCT ea.gid) FROM event_actors ea JOIN events e
                  ON e.gid = ea.gid WHERE ea.actor_id = a.actor_id AND e.counted) AS events,
               (SELECT count(DISTINCT doc_id) FROM doc_actors da
                  WHERE da.actor_id = a.actor_id) AS documents
        FROM actors a WHERE a.actor_id = ?
        """,
        [actor_id],
    )


def network(
    store: Store,
    start: dt.date | None = None,
    end: dt.date | None = None,
    min_events: int = 1,
    top: int | None = None,
) -> dict[str, Any]:
    """The actor network over counted events in a date range.

    Nodes are actors tied to another actor by an edge, with their event count (the
    ``top`` most active, when given); directed edges (source → target) between them
    carry the number of events, the Goldstein sum and mean and the counts of
    cooperative (quad 1–2) and conflictual (quad 3–4) events; only edges of at least
    ``min_events`` events are kept.
    """
    conds = ["e.counted"]
    params: list[Any] = []
    if start is not None:
        conds.append("e.event_date >= ?")
        params.append(start)
    if end is not None:
        conds.append("e.event_date <= ?")
        params.append(end)
    where = " AND ".join(conds)
    edges = rows(
        store,
        f"""
        WITH ev AS (SELECT e.gid, e.goldstein, e.quad_class FROM events e WHERE {where}),
        pairs AS (
            SELECT DISTINCT ev.gid, s.actor_id AS source, t.actor_id AS target,
                   ev.goldstein, ev.quad_class
            FROM ev
            JOIN event_actors s ON s.gid = ev.gid AND s.role = 'source'
            JOIN event_actors t ON t.gid = ev.gid AND t.role = 'target'
            WHERE s.actor_id IS NOT NULL AND t.actor_id IS NOT NULL
              AND s.actor_id <> t.actor_id
        )
        SELECT source, target, count(*) AS events,
               round(sum(goldstein), 2) AS goldstein_sum,
               round(avg(goldstein), 2) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
        FROM pairs GROUP BY source, target
        HAVING count(*) >= ?
        ORDER BY events DESC, source, target
        """,
        [*params, min_events],
    )
    nodes = rows(
        store,
        f"""
        WITH ev AS (SELECT e.gid FROM events e WHERE {where})
        SELECT a.actor_id AS id, a.name, a.kind, a.country, a.code,
               count(DISTINCT ea.gid) AS events
        FROM ev JOIN event_actors ea ON ea.gid = ev.gid
        JOIN actors a ON a.actor_id = ea.actor_id
        GROUP BY a.actor_id, a.name, a.kind, a.country, a.code
        ORDER BY events DESC, a.name
        """,
        params,
    )
    def linked() -> set[int]:
        return {e["source"] for e in edges} | {e["target"] for e in edges}

    nodes = [n for n in nodes if n["id"] in linked()]
    total = len(nodes)
    if top is not None and total > top:
        kept = {n["id"] for n in nodes[:top]}
        edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
        nodes = [n for n in nodes[:top] if n["id"] in linked()]
    return {"nodes": nodes, "edges": edges, "actors_in_range": total,
            "start": _plain(start), "end": _plain(end)}


# -- events ---------------------------------------------------------------------------
def _side(names: Any, ids: Any, countries: Any) -> list[dict[str, Any]]:
    out = []
    for i, name in enumerate(names or []):
        out.append({
            "id": (ids or [None] * (i + 1))[i],
            "name": name,
            "country": (countries or [None] * (i + 1))[i],
        })
    return out


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """The API's shape of one row of ``Store.events_arrow``."""
    return {
        "gid": row["gid"],
        "doc_id": row["doc_id"],
        "event_id": row["event_id"],
        "date": _plain(row["date"]),
        "source": _side(row["source_names"], row["source_ids"], row["source_countries"]),
        "target": _side(row["target_names"], row["target_ids"], row["target_countries"]),
        "plover": row["plover"],
        "cameo": row["cameo"],
        "goldstein": _plain(row["goldstein"]),
        "quad_class": row["quad_class"],
        "polarity": row["polarity"],
        "modality": row["modality"],
        "certainty": row["certainty"],
        "counted": row["counted"],
        "trigger": row["trigger_text"],
        "source_kind": row["source_kind"],
        "source_anonymous": row["source_anonymous"],
        "source_text": row["source_text"],
        "title": row["title"],
        "published": _plain(row["published"]),
    }


def events(
    store: Store,
    *,
    actor: int | None = None,
    dyad: tuple[int, int] | None = None,
    either_direction: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    quad_class: int | None = None,
    doc_id: str | None = None,
    include_all: bool = False,
    limit: int | None = 200,
) -> list[dict[str, Any]]:
    """Events through the store's own filter (same semantics as ``sitroom events``)."""
    table = store.events_arrow(
        actor=str(actor) if actor is not None else None,
        dyad=(str(dyad[0]), str(dyad[1])) if dyad is not None else None,
        either_direction=either_direction,
        since=start,
        until=end,
        quad_class=quad_class,
        doc_id=doc_id,
        include_all=include_all,
        limit=limit,
    )
    return [event_item(r) for r in table.to_pylist()]


# -- timeline and escalation ----------------------------------------------------------
@dataclass(frozen=True)
class Day:
    """One day of a series."""

    date: dt.date
    quads: tuple[int, int, int, int]
    goldstein: float
    conflict_score: float


def escalation(scores: list[float]) -> list[tuple[bool, float, float]]:
    """For each day's conflict score: (signal, baseline mean, baseline std).

    See ``ESCALATION_METHOD``.
    """
    out = []
    for i, score in enumerate(scores):
        window = scores[max(0, i - BASELINE_DAYS):i]
        window = [0.0] * (BASELINE_DAYS - len(window)) + window
        mean = sum(window) / len(window)
        std = math.sqrt(sum((x - mean) ** 2 for x in window) / len(window))
        out.append((score >= MIN_SCORE and score > mean + SIGMA * std, mean, std))
    return out


def timeline(
    store: Store,
    *,
    actor: int | None = None,
    dyad: tuple[int, int] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[str, Any]:
    """Daily counted events by quad class for an actor or a dyad (both directions),
    with the conflict score and escalation signal of each day."""
    found = events(
        store, actor=actor, dyad=dyad, either_direction=True, start=start, end=end, limit=None
    )
    per_day: dict[dt.date, list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0, 0.0])
    for ev in found:
        if not ev["date"]:
            continue
        day = dt.date.fromisoformat(ev["date"][:10])
        cell = per_day[day]
        quad = ev["quad_class"]
        goldstein = float(ev["goldstein"] or 0.0)
        if quad in (1, 2, 3, 4):
            cell[quad - 1] += 1
        cell[4] += goldstein
        if quad in (3, 4):
            cell[5] += -goldstein if goldstein < 0 else 0.0
    days: list[dict[str, Any]] = []
    if per_day:
        first = start or min(per_day)
        last = end or max(per_day)
        day = first
        while day <= last:
            cell = per_day.get(day, [0, 0, 0, 0, 0.0, 0.0])
            days.append({
                "date": day.isoformat(),
                "q1": int(cell[0]), "q2": int(cell[1]), "q3": int(cell[2]), "q4": int(cell[3]),
                "events": int(sum(cell[:4])),
                "goldstein": round(cell[4], 2),
                "conflict_score": round(cell[5], 2),
            })
            day += dt.timedelta(days=1)
    flags = escalation([d["conflict_score"] for d in days])
    signals = []
    for d, (signal, mean, std) in zip(days, flags, strict=True):
        d["signal"] = signal
        if signal:
            signals.append({
                "date": d["date"], "score": d["conflict_score"],
                "baseline_mean": round(mean, 2), "baseline_std": round(std, 2),
            })
    return {"days": days, "signals": signals, "events": len(found), "method": ESCALATION_METHOD}


# -- document text ----------------------------------------------------------------------
def _has_column(store: Store, table: str, column: str) -> bool:
    row = store.conn.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
        [table, column],
    ).fetchone()
    return row is not None


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


def document_text(store: Store, doc_id: str) -> str | None:
    """The document's text as analysed (offsets point into it), when it can be had:
    ``documents.text`` (schema v3), else the file at the stored path if it is still
    there and its hash matches (documents stored before v3 or ingested without text)."""
    meta = one(store, "SELECT text, path, sha256 FROM documents WHERE doc_id = ?", [doc_id])
    if meta is None:
        return None
    if meta["text"] is not None:
        return str(meta["text"])
    return read_text_file(meta["path"], meta["sha256"])


# -- highlighting -------------------------------------------------------------------------
@dataclass(frozen=True)
class Mark:
    """A highlighted range (absolute offsets) with its kind and a label."""

    start: int
    end: int
    kind: str
    label: str | None = None


def segments(text: str, offset: int, marks: Iterable[Mark]) -> list[dict[str, Any]]:
    """Cut ``text`` (which starts at ``offset`` in the document) into runs, each with the
    kinds and labels of the marks covering it; marks outside the text are dropped."""
    end_all = offset + len(text)
    kept = [m for m in marks if m.start < m.end and m.end > offset and m.start < end_all]
    cuts = {offset, end_all}
    for m in kept:
        cuts.add(max(offset, m.start))
        cuts.add(min(end_all, m.end))
    bounds = sorted(cuts)
    out: list[dict[str, Any]] = []
    for a, b in itertools.pairwise(bounds):
        if a >= b:
            continue
        covering = [m for m in kept if m.start <= a and m.end >= b]
        kinds = sorted({m.kind for m in covering})
        labels = sorted({m.label for m in covering if m.label})
        piece = {"text": text[a - offset:b - offset], "kinds": kinds, "labels": labels}
        if out and out[-1]["kinds"] == kinds and out[-1]["labels"] == labels:
            out[-1]["text"] += piece["text"]
        else:
            out.append(piece)
    return out


def _mark(start: Any, end: Any, kind: str, label: str | None) -> Mark | None:
    if start is None or end is None:
        return None
    return Mark(int(start), int(end), kind, label)


def evidence(store: Store, doc_id: str, event_id: str) -> dict[str, Any] | None:
    """An event with its sentence cut into highlighted runs (actors, trigger, cues,
    source, location, quantities), its source, and its document."""
    ev = one(
        store,
        """
        SELECT e.*, d.title, d.published_date AS published, d.url, d.length
        FROM events e JOIN documents d ON d.doc_id = e.doc_id
        WHERE e.doc_id = ? AND e.event_id = ?
        """,
        [doc_id, event_id],
    )
    if ev is None:
        return None
    role_of: dict[str, str] = {}
    for local in ev["source_locals"] or []:
        role_of[local] = "source-actor"
    for local in ev["target_locals"] or []:
        role_of.setdefault(local, "target-actor")
    doc_actors = {
        r["local_id"]: r
        for r in rows(
            store,
            "SELECT local_id, actor_id, name, kind, country, code FROM doc_actors "
            "WHERE doc_id = ? ORDER BY ord",
            [doc_id],
        )
    }
    s_start, s_end = ev["sentence_start"], ev["sentence_end"]
    marks: list[Mark | None] = []
    for m in rows(
        store,
        "SELECT local_id, start_char, end_char FROM mentions WHERE doc_id = ? "
        "AND start_char < ? AND end_char > ? ORDER BY start_char",
        [doc_id, s_end, s_start],
    ):
        info = doc_actors.get(m["local_id"], {})
        kind = role_of.get(m["local_id"], "actor")
        marks.append(_mark(m["start_char"], m["end_char"], kind, info.get("name")))
    marks.append(_mark(ev["trigger_start"], ev["trigger_end"], "trigger",
                       f"{ev['plover'] or ''} CAMEO {ev['cameo']}".strip()))
    cues = _parse_json(ev["cues"])
    for cue in cues:
        marks.append(_mark(cue.get("start"), cue.get("end"), "cue", ev["certainty"]))
    source = None
    if ev["attribution"]:
        source = one(
            store,
            "SELECT s.source_id AS id, s.text, s.kind, s.anonymous, s.cue, s.start_char AS start,"
            " s.end_char AS end, a.name AS actor FROM sources s "
            "LEFT JOIN actors a ON a.actor_id = s.actor_id "
            "WHERE s.doc_id = ? AND s.source_id = ?",
            [doc_id, ev["attribution"]],
        )
        if source:
            marks.append(_mark(source["start"], source["end"], "source", source["kind"]))
    marks.append(_mark(ev["location_start"], ev["location_end"], "location",
                       ev["location_country"]))
    for qty in _parse_json(ev["quantities"]):
        marks.append(_mark(qty.get("start"), qty.get("end"), "quantity", qty.get("unit")))
    text = document_text(store, doc_id)
    kept = [m for m in marks if m is not None]
    sentence_text = text[s_start:s_end] if text is not None and s_end <= len(text) else None
    if sentence_text is not None:
        runs = segments(sentence_text, s_start, kept)
    else:
        runs = [{"text": ev["trigger_text"] or "", "kinds": ["trigger"], "labels": []}]

    def names(locals_: list[str] | None) -> list[dict[str, Any]]:
        out = []
        for local in locals_ or []:
            info = doc_actors.get(local, {})
            out.append({"local_id": local, "id": info.get("actor_id"),
                        "name": info.get("name"), "country": info.get("country")})
        return out

    return {
        "doc_id": doc_id,
        "event_id": event_id,
        "date": ev["event_date"],
        "plover": ev["plover"],
        "cameo": ev["cameo"],
        "goldstein": ev["goldstein"],
        "quad_class": ev["quad_class"],
        "polarity": ev["polarity"],
        "modality": ev["modality"],
        "certainty": ev["certainty"],
        "counted": ev["counted"],
        "source": names(ev["source_locals"]),
        "target": names(ev["target_locals"]),
        "trigger": {"start": ev["trigger_start"], "end": ev["trigger_end"],
                    "text": ev["trigger_text"]},
        "cues": cues,
        "attribution": source,
        "sentence": {"index": ev["sentence_index"], "start": s_start, "end": s_end,
                     "text": sentence_text},
        "segments": runs,
        "text_available": text is not None,
        "document": {"doc_id": doc_id, "title": ev["title"], "published": ev["published"],
                     "url": ev["url"]},
    }


# -- quotes and sources -------------------------------------------------------------------
def quotes(
    store: Store, actor: int | None = None, doc_id: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Quotes with their speakers (resolved actor, else the speaker's words)."""
    conds: list[str] = ["TRUE"]
    params: list[Any] = []
    if actor is not None:
        conds.append("q.speaker_id = ?")
        params.append(actor)
    if doc_id is not None:
        conds.append("q.doc_id = ?")
        params.append(doc_id)
    return rows(
        store,
        f"""
        SELECT q.doc_id, q.quote_id AS id, q.text, q.kind, q.cue, q.speaker_id,
               coalesce(a.name, q.speaker_text) AS speaker, q.speaker_text,
               d.title, d.published_date AS published
        FROM quotes q JOIN documents d ON d.doc_id = q.doc_id
        LEFT JOIN actors a ON a.actor_id = q.speaker_id
        WHERE {" AND ".join(conds)}
        ORDER BY d.published_date DESC NULLS LAST, q.doc_id, q.ord
        LIMIT ?
        """,
        [*params, limit],
    )


def sources(store: Store, limit: int = 100) -> dict[str, Any]:
    """Sources with the number of claims (events) credited to each, totals by kind and
    anonymity, and the count of claims resting on anonymous or intelligence sources."""
    items = rows(
        store,
        """
        SELECT s.doc_id, s.source_id AS id, s.text, s.kind, s.anonymous, s.cue,
               a.name AS actor, d.title, count(e.gid) AS claims
        FROM sources s JOIN documents d ON d.doc_id = s.doc_id
        LEFT JOIN actors a ON a.actor_id = s.actor_id
        LEFT JOIN events e ON e.doc_id = s.doc_id AND e.attribution = s.source_id
        GROUP BY ALL
        ORDER BY claims DESC, s.anonymous DESC, s.doc_id, s.source_id
        LIMIT ?
        """,
        [limit],
    )
    by_kind = rows(
        store,
        """
        SELECT s.kind, s.anonymous, count(DISTINCT (s.doc_id, s.source_id)) AS sources,
               count(e.gid) AS claims
        FROM sources s
        LEFT JOIN events e ON e.doc_id = s.doc_id AND e.attribution = s.source_id
        GROUP BY s.kind, s.anonymous ORDER BY claims DESC, sources DESC, s.kind
        """,
    )
    totals = one(
        store,
        "SELECT count(*) AS sources, count(*) FILTER (WHERE anonymous) AS anonymous_sources, "
        "count(*) FILTER (WHERE kind = 'intelligence') AS intelligence_sources FROM sources",
    ) or {}
    return {**totals, **claim_counts(store), "by_kind": by_kind, "items": items}


# -- documents ----------------------------------------------------------------------------
def documents(store: Store, q: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Documents, newest first; with ``q``, those whose title, id, url or dateline
    contains it, or that quote it, or that mention an actor whose name contains it."""
    conds: list[str] = ["TRUE"]
    params: list[Any] = []
    if q:
        like = f"%{q.strip()}%"
        conds.append(
            "(d.title ILIKE ? OR d.doc_id ILIKE ? OR d.url ILIKE ? OR d.dateline ILIKE ? "
            "OR d.doc_id IN (SELECT doc_id FROM quotes WHERE text ILIKE ?) "
            "OR d.doc_id IN (SELECT doc_id FROM doc_actors WHERE name ILIKE ?))"
        )
        params.extend([like] * 6)
    return rows(
        store,
        f"""
        SELECT d.doc_id, d.title, d.published_date AS published, d.url, d.length,
               d.ingested_at,
               (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events
        FROM documents d
        WHERE {" AND ".join(conds)}
        ORDER BY d.published_date DESC NULLS LAST, d.ingested_at DESC, d.doc_id
        LIMIT ?
        """,
        [*params, limit],
    )


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document: metadata, text (when available) cut into runs with actor mentions
    and event triggers marked, and its actors, events, quotes and sources."""
    meta = one(
        store,
        "SELECT doc_id, title, published, published_date, url, dateline, length, errors, "
        "ingested_at, path FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    if meta is None:
        return None
    path = meta.pop("path")
    meta["file"] = Path(path).name if path else None
    doc_actors = rows(
        store,
        "SELECT local_id, actor_id AS id, name, kind, country, code, title FROM doc_actors "
        "WHERE doc_id = ? ORDER BY ord",
        [doc_id],
    )
    names = {a["local_id"]: a["name"] for a in doc_actors}
    marks = [
        Mark(m["start_char"], m["end_char"], "actor", names.get(m["local_id"]))
        for m in rows(store, "SELECT local_id, start_char, end_char FROM mentions "
                             "WHERE doc_id = ?", [doc_id])
        if m["start_char"] is not None and m["end_char"] is not None
    ]
    marks += [
        Mark(e["trigger_start"], e["trigger_end"], "trigger", e["event_id"])
        for e in rows(store, "SELECT event_id, trigger_start, trigger_end FROM events "
                             "WHERE doc_id = ?", [doc_id])
        if e["trigger_start"] is not None and e["trigger_end"] is not None
    ]
    text = document_text(store, doc_id)
    return {
        **meta,
        "text": text,
        "text_available": text is not None,
        "segments": segments(text, 0, marks) if text is not None else [],
        "actors": doc_actors,
        "events": events(store, doc_id=doc_id, include_all=True, limit=None),
        "quotes": quotes(store, doc_id=doc_id, limit=1000),
        "sources": rows(
            store,
            "SELECT source_id AS id, text, kind, anonymous, cue FROM sources "
            "WHERE doc_id = ? ORDER BY ord",
            [doc_id],
        ),
    }
