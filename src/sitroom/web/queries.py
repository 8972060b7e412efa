"""The dashboard's JSON views: what the store and the analyses return, shaped for the page.

Nothing here decides what the data means: events come through the store's own filter
(``Store.events_arrow``), the network from :func:`sitroom.analysis.network.network`,
daily series from :mod:`sitroom.analysis.series` and escalation signals from
:mod:`sitroom.analysis.escalation` (the same rule as ``sitroom series --escalation`` and
the brief). The remaining listings (summary counts, quotes, sources, documents) are
parameterised read-only SQL over the store's tables. Nothing here writes. The evidence
and document views are in :mod:`sitroom.web.evidence`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from sitroom.analysis.escalation import (
    METHOD,
    daily_escalation,
    escalation_signals,
    store_prior,
)
from sitroom.analysis.network import network as actor_network
from sitroom.analysis.series import actor_series, dyad_series
from sitroom.store.situations import by_gid, is_fact, situation_rows
from sitroom.web.shape import none, one, plain, rows

if TYPE_CHECKING:
    from sitroom.api import Store

#: How the page explains an escalation signal (the analysis's own words).
ESCALATION_METHOD = METHOD


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
        **situation_summary(store),
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


def situation_summary(store: Store) -> dict[str, Any]:
    """Situation events by status, and the most recent one (newest last day, then the
    strongest, the most reported) with its actors, for the page to select first."""
    by_status = {r["status"]: int(r["n"]) for r in rows(
        store, "SELECT status, count(*) AS n FROM situations GROUP BY status")}
    newest = situation_rows(store.conn, limit=50)
    latest = None
    both = [s for s in newest if s["source_ids"] and s["target_ids"]]
    if both:
        last = both[0]["last_date"]
        pick = min((s for s in both if s["last_date"] == last),
                   key=lambda s: (-abs(s["goldstein"] or 0), -s["mentions"], s["situation_id"]))
        if pick is not None:
            latest = {"id": int(pick["situation_id"]), "status": pick["status"],
                      "date": plain(pick["last_date"]), "plover": pick["plover"],
                      "source_ids": [int(i) for i in pick["source_ids"]],
                      "target_ids": [int(i) for i in pick["target_ids"]]}
    return {"situations": by_status, "latest_situation": latest}


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
            "country": none(rec["country"]),
            "sector": none(rec["sector"]),
            "code": none(rec["code"]),
            "title": none(rec["title"]),
            "events": int(rec["events"]),
            "mentions": int(rec["mentions"]),
            "documents": int(rec["documents"]),
        })
    return out


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
    """The actor network of :func:`sitroom.analysis.network.network` over counted
    events in a date range, shaped for the page.

    Nodes are actors tied to another actor by an edge, with their event count (the
    ``top`` most active, when given); directed edges (source → target) carry the number
    of events, the Goldstein sum and mean and the counts of cooperative (quad 1–2) and
    conflictual (quad 3–4) events; only edges of at least ``min_events`` events are kept.
    """
    net = actor_network(store, level="actor", since=start, until=end, min_count=min_events)
    edges: list[dict[str, Any]] = []
    for e in net.edges.to_dict(orient="records"):
        count = int(e["count"])
        edges.append({
            "source": int(e["source"]), "target": int(e["target"]), "events": count,
            "goldstein_sum": round(float(e["goldstein"]), 2),
            "goldstein_mean": round(float(e["goldstein"]) / count, 2),
            "cooperation": round(float(e["coop_share"]) * count),
            "conflict": round(float(e["conflict_share"]) * count),
        })
    edges.sort(key=lambda e: (-e["events"], e["source"], e["target"]))
    nodes = [
        {"id": int(n["node"]), "name": n["name"], "kind": n["kind"],
         "country": none(n["country"]), "events": int(n["events"])}
        for n in net.nodes.to_dict(orient="records")
    ]

    def linked() -> set[int]:
        return {int(e["source"]) for e in edges} | {int(e["target"]) for e in edges}

    nodes = [n for n in nodes if n["id"] in linked()]
    total = len(nodes)
    if top is not None and total > top:
        kept = {n["id"] for n in nodes[:top]}
        edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
        nodes = [n for n in nodes[:top] if n["id"] in linked()]
    return {"nodes": nodes, "edges": edges, "actors_in_range": total,
            "start": plain(start), "end": plain(end)}


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


def _situation(sit: dict[str, Any] | None) -> dict[str, Any] | None:
    if not sit or sit.get("situation_id") is None:
        return None
    return {
        "id": int(sit["situation_id"]), "status": sit["status"], "stance": sit["stance"],
        "mentions": sit["mentions"], "documents": sit["documents"], "sources": sit["sources"],
        "claimed_by": list(sit["claimed_by"] or []), "denied_by": list(sit["denied_by"] or []),
        "outlets": list(sit["outlets"] or []), "reason": sit["reason"],
    }


def event_item(row: dict[str, Any], sit: dict[str, Any] | None = None) -> dict[str, Any]:
    """The API's shape of one row of ``Store.events_arrow``, with the event's status and
    its situation event (``sit``, from :func:`sitroom.store.situations.by_gid`).

    ``date_fallback`` is true when the text gave no date and the event's date is its
    document's publication date; ``fact`` applies the store's fact rule
    (:func:`sitroom.store.situations.is_fact`)."""
    sit = sit or {}
    situation = _situation(sit)
    status = sit.get("event_status") or "asserted"
    return {
        "gid": row["gid"],
        "doc_id": row["doc_id"],
        "event_id": row["event_id"],
        "date": plain(row["date"]),
        "source": _side(row["source_names"], row["source_ids"], row["source_countries"]),
        "target": _side(row["target_names"], row["target_ids"], row["target_countries"]),
        "plover": row["plover"],
        "cameo": row["cameo"],
        "goldstein": plain(row["goldstein"]),
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
        "published": plain(row["published"]),
        "status": status,
        "situation": situation,
        "date_fallback": row["date"] is not None and not row.get("date_text"),
        "fact": is_fact(row["counted"], status, situation["status"] if situation else None),
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
    found = table.to_pylist()
    sits = by_gid(store.conn, [int(r["gid"]) for r in found])
    return [event_item(r, sits.get(int(r["gid"]))) for r in found]


# -- timeline and escalation ----------------------------------------------------------
def _day(value: Any) -> str:
    return pd.Timestamp(value).date().isoformat()


#: The longest timeline the dashboard builds (days).
MAX_TIMELINE_DAYS = 3660


def _data_range(store: Store, *, actor: int | None, dyad: tuple[int, int] | None
                ) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the counted events of an actor or dyad."""
    if dyad is not None:
        cond = ("e.gid IN (SELECT a.gid FROM event_actors a JOIN event_actors b "
                "ON a.gid = b.gid WHERE a.actor_id = ? AND b.actor_id = ? AND a.role <> b.role)")
        params: list[Any] = [dyad[0], dyad[1]]
    else:
        cond = "e.gid IN (SELECT gid FROM event_actors WHERE actor_id = ?)"
        params = [actor]
    row = one(store, f"SELECT min(e.event_date) AS lo, max(e.event_date) AS hi FROM events e "
                     f"WHERE e.counted AND {cond}", params) or {}

    def day(value: Any) -> dt.date | None:
        return dt.date.fromisoformat(str(value)[:10]) if value else None

    return day(row.get("lo")), day(row.get("hi"))


def timeline(
    store: Store,
    *,
    actor: int | None = None,
    dyad: tuple[int, int] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[str, Any]:
    """Daily counted events by quad class for an actor or a dyad (both directions),
    with the conflict score and escalation signal of each day.

    The series are :mod:`sitroom.analysis.series`'s; a day's signal is
    :func:`sitroom.analysis.escalation.escalation` over the whole stored history of the
    actor or dyad (so a range does not shorten the baseline).
    """
    lo, hi = _data_range(store, actor=actor, dyad=dyad)
    if lo is None or hi is None:
        return {"days": [], "signals": [], "events": 0, "method": ESCALATION_METHOD}
    # Bounded always: the range defaults to the data's first and last day; a given end
    # never reaches past the data's last day or MAX_TIMELINE_DAYS after its first, and
    # the range is at most MAX_TIMELINE_DAYS long (its newest days are kept).
    def shift(day: dt.date, days: int) -> dt.date:
        try:
            return day + dt.timedelta(days=days)
        except OverflowError:
            return dt.date.max if days > 0 else dt.date.min

    hi_bound = min(end, max(hi, shift(lo, MAX_TIMELINE_DAYS))) if end is not None else hi
    lo_bound = start if start is not None else lo
    lo_bound = max(lo_bound, shift(hi_bound, -MAX_TIMELINE_DAYS))
    history_lo = max(lo, shift(hi, -MAX_TIMELINE_DAYS - 30))
    if lo_bound > hi_bound:
        return {"days": [], "signals": [], "events": 0, "method": ESCALATION_METHOD}
    start, end = lo_bound, hi_bound

    def series(since: dt.date | None = None, until: dt.date | None = None) -> pd.DataFrame:
        since = since or history_lo
        until = until or hi
        if dyad is not None:
            return dyad_series(store, str(dyad[0]), str(dyad[1]), either_direction=True,
                               since=since, until=until)
        return actor_series(store, str(actor), since=since, until=until)

    found = store.events_arrow(
        actor=str(actor) if actor is not None and dyad is None else None,
        dyad=(str(dyad[0]), str(dyad[1])) if dyad is not None else None,
        either_direction=True, since=start, until=end,
    ).num_rows
    whole = series()
    prior = (store_prior(store, whole["date"].iloc[0])
             if dyad is not None and not whole.empty else None)
    flags = daily_escalation(whole, prior)
    days: list[dict[str, Any]] = []
    signals: list[dict[str, Any]] = []
    ranged = series(start, end)
    if int(ranged["events"].sum()) > 0:
        for d in ranged.to_dict(orient="records"):
            stamp = pd.Timestamp(d["date"])
            flag = flags.loc[stamp] if stamp in flags.index else None
            signal = bool(flag is not None and flag["signal"])
            days.append({
                "date": _day(stamp),
                "q1": int(d["events_q1"]), "q2": int(d["events_q2"]),
                "q3": int(d["events_q3"]), "q4": int(d["events_q4"]),
                "events": int(d["events"]),
                "goldstein": round(float(d["goldstein"]), 2),
                "conflict_score": round(float(d["conflict_score"]), 2),
                "signal": signal,
            })
            if signal and flag is not None:
                signals.append({
                    "date": _day(stamp), "score": round(float(flag["score"]), 2),
                    "baseline_mean": round(float(flag["baseline"]), 2),
                    "baseline_std": round(float(flag["std"]), 2),
                    "threshold": round(float(flag["threshold"]), 2),
                })
    return {"days": days, "signals": signals, "events": found, "method": ESCALATION_METHOD}


def escalation(
    store: Store, start: dt.date | None = None, end: dt.date | None = None
) -> dict[str, Any]:
    """The escalation signals of every country dyad
    (:func:`sitroom.analysis.escalation.escalation_signals`), strongest first."""
    frame = escalation_signals(store, since=start, until=end)
    items = [
        {"a": s["a"], "b": s["b"], "date": _day(s["date"]),
         "score": round(float(s["score"]), 2),
         "baseline_mean": round(float(s["baseline"]), 2),
         "baseline_std": round(float(s["std"]), 2),
         "threshold": round(float(s["threshold"]), 2)}
        for s in frame.to_dict(orient="records")
    ]
    return {"signals": items, "method": ESCALATION_METHOD}


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
