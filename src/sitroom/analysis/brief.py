"""A deterministic Markdown brief of the situation in the store (no language model).

Every statement cites its document and sentence as ``[doc-id §n]``, where ``n`` is the
sentence index of the analysis record (``event.sentence.index``); quotes outside any
event sentence cite a character offset, ``[doc-id @1234]``. The brief ends with the
list of cited documents (title, date, URL or path).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from sitroom.analysis.escalation import escalation_signals
from sitroom.store.query import EventFilter, actor_ids, events_arrow

if TYPE_CHECKING:
    from sitroom.store.db import Store

PRESSURE = ("REQUEST", "ACCUSE", "THREATEN", "COERCE", "SANCTION")
EXPECTED = {"future": "expected", "hypothetical": "possible or feared", "requested": "demanded"}


def _names(names: Any, countries: Any) -> str:
    names = list(names) if names is not None else []
    countries = list(countries) if countries is not None else []
    if not names:
        return "unnamed actor"
    parts = []
    for i, name in enumerate(names):
        country = countries[i] if i < len(countries) else None
        label = name or "?"
        parts.append(f"{label} ({country})" if country and country not in label else label)
    return ", ".join(parts)


def _cite(row: dict[str, Any]) -> str:
    return f"[{row['doc_id']} §{row['sentence_index']}]"


def _day(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return "undated"
    return pd.Timestamp(value).date().isoformat()


def _describe(row: dict[str, Any]) -> str:
    src = _names(row["source_names"], row["source_countries"])
    tgt = _names(row["target_names"], row["target_countries"])
    what = row["plover"] or "event"
    neg = "not " if row["polarity"] == "negative" else ""
    return (
        f"{_day(row['date'])}: {src} — {neg}{what} (CAMEO {row['cameo']}, "
        f"Goldstein {row['goldstein']:+g}) → {tgt}, “{row['trigger_text']}”"
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [dict(r) for r in frame.to_dict("records")]


class _Brief:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.docs: list[str] = []

    def cite(self, rows: Iterable[dict[str, Any]]) -> str:
        cites = []
        for row in rows:
            if row["doc_id"] not in self.docs:
                self.docs.append(row["doc_id"])
            cite = _cite(row)
            if cite not in cites:
                cites.append(cite)
        return " ".join(cites)

    def cite_doc(self, doc_id: str, where: str) -> str:
        if doc_id not in self.docs:
            self.docs.append(doc_id)
        return f"[{doc_id} {where}]"

    def section(self, title: str, items: list[str]) -> None:
        self.lines += ["", f"## {title}", ""]
        self.lines += items or ["_Nothing in the store for this scope._"]


def brief(
    store: Store,
    since: str | dt.date | None = None,
    actor: str | None = None,
    *,
    top: int = 10,
) -> str:
    """A Markdown brief of the store, optionally limited to events since a date or
    involving an actor (id, code or name)."""
    b = _Brief()
    f = EventFilter(since=since, actor=actor)
    events = events_arrow(store, f).to_pylist()
    everything = events_arrow(
        store, EventFilter(since=since, actor=actor, include_all=True)
    ).to_pylist()
    scope = []
    if since is not None:
        scope.append(f"since {since}")
    if actor is not None:
        scope.append(f"involving {actor}")
    b.lines.append("# Situation brief")
    b.lines.append("")
    docs_seen = len({e["doc_id"] for e in everything})
    b.lines.append(
        f"Scope: {', '.join(scope) or 'everything stored'}. {len(events)} counted events "
        f"({len(everything) - len(events)} more expected, hypothetical, requested or negated) "
        f"from {docs_seen} documents."
    )

    # Main developments
    ranked = sorted(events, key=lambda e: (-abs(e["goldstein"]), _day(e["date"]), e["gid"]))
    items = [f"- {_describe(e)} {b.cite([e])}" for e in ranked[:top]]
    dyads: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in events:
        key = (_names(e["source_names"], e["source_countries"]),
               _names(e["target_names"], e["target_countries"]))
        dyads.setdefault(key, []).append(e)
    busiest = sorted(dyads.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:5]
    if busiest:
        items += ["", "Most active pairs:", ""]
        for (src, tgt), rows in busiest:
            total = sum(r["goldstein"] for r in rows)
            items.append(
                f"- {src} → {tgt}: {_n(len(rows), 'event')}, Goldstein sum {total:+g} "
                f"{b.cite(rows[:3])}"
            )
    b.section("Main developments", items)

    # Who is pressing whom
    pressing: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for e in events:
        if (e["plover"] or "").upper() in PRESSURE:
            triple = (_names(e["source_names"], e["source_countries"]), e["plover"].upper(),
                      _names(e["target_names"], e["target_countries"]))
            pressing.setdefault(triple, []).append(e)
    b.section("Who is pressing whom", [
        f"- {src} {verb} {tgt} ({len(rows)}×) {b.cite(rows[:3])}"
        for (src, verb, tgt), rows in sorted(pressing.items(),
                                             key=lambda kv: (-len(kv[1]), kv[0]))[:top]
    ])

    # Claims and sources
    claims = [e for e in everything
              if e["attribution"] is not None or e["certainty"] != "confirmed"]
    claims.sort(key=lambda e: (_day(e["date"]), e["doc_id"], e["sentence_index"], e["gid"]))
    items = []
    for e in claims[: 2 * top]:
        if e["source_text"] is not None:
            flags = [e["source_kind"] or "unknown kind"]
            if e["source_anonymous"] is True:
                flags.append("**anonymous**")
            if e["source_kind"] == "intelligence":
                flags.append("**intelligence source**")
            who = f"according to {e['source_text']} ({', '.join(flags)})"
        else:
            who = "asserted by the outlet"
        items.append(f"- {_describe(e)} — {e['certainty']}, {who} {b.cite([e])}")
    b.section("Claims: by whom and how surely", items)

    # Quotes
    b.section("Quotes", _quotes(store, b, since, actor, top))

    # Escalation signals
    signals = escalation_signals(store, since=since)
    if actor is not None and not signals.empty:
        ids = actor_ids(store, actor)
        countries = set()
        if ids:
            marks = ", ".join("?" * len(ids))
            countries = {r[0] for r in store.conn.execute(
                f"SELECT DISTINCT country FROM actors WHERE actor_id IN ({marks})", ids
            ).fetchall() if r[0]}
        countries.add(actor.upper())
        signals = signals[signals["a"].isin(countries) | signals["b"].isin(countries)]
    items = []
    for s in _records(signals.head(top)):
        day = pd.Timestamp(s["date"]).date()
        rows = events_arrow(store, EventFilter(
            dyad=(s["a"], s["b"]), either_direction=True, since=day, until=day)).to_pylist()
        rows.sort(key=lambda e: (e["goldstein"], e["gid"]))
        items.append(
            f"- {s['a']}–{s['b']} on {day}: conflict score {s['score']:g} against a "
            f"14-day baseline of {s['baseline']:.1f} (threshold {s['threshold']:.1f}) "
            f"{b.cite(rows[:3])}"
        )
    b.section("Escalation signals", items)

    # Expected or feared
    ahead = [e for e in everything if e["modality"] in EXPECTED]
    ahead.sort(key=lambda e: (_day(e["date"]), e["doc_id"], e["sentence_index"], e["gid"]))
    b.section("Expected or feared", [
        f"- {EXPECTED[e['modality']]}: {_describe(e)} {b.cite([e])}" for e in ahead[: 2 * top]
    ])

    # Documents
    items = []
    if b.docs:
        marks = ", ".join("?" * len(b.docs))
        docs = store.conn.execute(
            f"SELECT doc_id, title, published, url, path FROM documents "
            f"WHERE doc_id IN ({marks}) ORDER BY doc_id", b.docs
        ).fetchall()
        for doc_id, title, published, url, path in docs:
            items.append(
                f"- [{doc_id}] {title or 'untitled'} ({published or 'undated'}) — "
                f"{url or path or 'no location'}"
            )
    b.section("Documents", items)
    return "\n".join(b.lines) + "\n"


def _quotes(
    store: Store, b: _Brief, since: str | dt.date | None, actor: str | None, top: int
) -> list[str]:
    conds: list[str] = ["TRUE"]
    params: list[Any] = []
    if since is not None:
        conds.append("d.published_date >= ?::DATE")
        params.append(str(since))
    if actor is not None:
        ids = actor_ids(store, actor)
        if not ids:
            return []
        conds.append(f"q.speaker_id IN ({', '.join('?' * len(ids))})")
        params += ids
    rows = store.conn.execute(
        f"""
        SELECT q.doc_id, q.text, q.start_char, q.speaker_text, a.name, a.country,
               (SELECT min(e.sentence_index) FROM events e WHERE e.doc_id = q.doc_id
                AND e.sentence_start <= q.start_char AND q.start_char < e.sentence_end) AS sent
        FROM quotes q JOIN documents d ON d.doc_id = q.doc_id
        LEFT JOIN actors a ON a.actor_id = q.speaker_id
        WHERE {" AND ".join(conds)}
        ORDER BY d.published_date NULLS LAST, q.doc_id, q.ord LIMIT {int(2 * top)}
        """,
        params,
    ).fetchall()
    items = []
    for doc_id, text, start, speaker_text, name, country, sent in rows:
        speaker = name or speaker_text or "unattributed speaker"
        if country and name:
            speaker = f"{name} ({country})"
        where = f"§{sent}" if sent is not None else f"@{start}"
        items.append(f"- {speaker}: “{text}” {b.cite_doc(doc_id, where)}")
    return items
