"""The evidence views: an event's sentence or a whole document cut into highlighted runs.

The text comes from the store (:func:`sitroom.store.query.document_text`); the marks
(actor mentions, trigger, hedge cues, source, place, numbers) from the stored offsets.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom.store.query import document_text
from sitroom.web.queries import events, quotes
from sitroom.web.shape import one, parse_json, rows

if TYPE_CHECKING:
    from sitroom.api import Store


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
    cues = parse_json(ev["cues"])
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
    for qty in parse_json(ev["quantities"]):
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
