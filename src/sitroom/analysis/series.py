"""Daily event series per dyad, computed in DuckDB (one query per series).

Only counted events (actual, not negated) enter a series unless ``include_all``; an
event's day is its own date, else its document's published date; events with neither
are left out.

Bounds. A series never runs outside the data's real range: requested ``since`` and
``until`` are clipped to the first and last event day of the store, and a series covers
at most :data:`MAX_DAYS` days (ten years); a longer range keeps its last ``MAX_DAYS``
days. So one stray date (a feed's ``0002-01-01``, a ``9999-12-30``) or a request from
year 1 cannot make a series of millions of zero days.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd

from sitroom.store.db import Database
from sitroom.store.query import EventFilter, _is_country, actor_ids, where_clause

#: The longest series, in days (ten years and a few leap days).
MAX_DAYS = 3660

_MEASURES = """
    count(ev.gid) AS events,
    coalesce(sum(ev.goldstein), 0) AS goldstein,
    count(ev.gid) FILTER (WHERE ev.quad_class = 1) AS events_q1,
    count(ev.gid) FILTER (WHERE ev.quad_class = 2) AS events_q2,
    count(ev.gid) FILTER (WHERE ev.quad_class = 3) AS events_q3,
    count(ev.gid) FILTER (WHERE ev.quad_class = 4) AS events_q4,
    coalesce(sum(ev.goldstein) FILTER (WHERE ev.quad_class = 1), 0) AS goldstein_q1,
    coalesce(sum(ev.goldstein) FILTER (WHERE ev.quad_class = 2), 0) AS goldstein_q2,
    coalesce(sum(ev.goldstein) FILTER (WHERE ev.quad_class = 3), 0) AS goldstein_q3,
    coalesce(sum(ev.goldstein) FILTER (WHERE ev.quad_class = 4), 0) AS goldstein_q4,
    coalesce(sum(CASE WHEN ev.quad_class IN (3, 4) AND ev.goldstein < 0
                      THEN -ev.goldstein ELSE 0 END), 0) AS conflict_score
"""

#: The daily conflict score of one event (summed per day).
CONFLICT = "CASE WHEN quad_class IN (3, 4) AND goldstein < 0 THEN -goldstein ELSE 0 END"

#: Columns of a dyad series (besides ``date``).
SERIES_COLUMNS = (
    "events", "goldstein", "events_q1", "events_q2", "events_q3", "events_q4",
    "goldstein_q1", "goldstein_q2", "goldstein_q3", "goldstein_q4", "conflict_score",
)


def _bound(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def event_source(where: str) -> str:
    """``FROM`` clause of the events a ``where_clause`` selects (``events e``, joined
    with the crediting source only when the condition reads it)."""
    if "s." in where:
        return ("events e LEFT JOIN sources s ON s.doc_id = e.doc_id "
                "AND s.source_id = e.attribution")
    return "events e"


def _side(store: Database, term: str, role: str) -> tuple[str, list[Any]]:
    """Condition over ``events e``: an actor of ``role`` (``src``/``tgt``) matches an
    actor term (country code, id, code, name); read from the event's side columns
    (:mod:`sitroom.store.sides`)."""
    if _is_country(store, term):
        return f"list_contains(e.{role}_countries, ?)", [term.strip().upper()]
    ids = actor_ids(store, term)
    if not ids:
        return "FALSE", []
    return f"list_has_any(e.{role}_ids, [{', '.join('?' * len(ids))}]::BIGINT[])", ids


def dyad_condition(store: Database, a: str, b: str, either_direction: bool
                   ) -> tuple[str, list[Any]]:
    """The condition over ``events e`` of events with a source matching ``a`` and a
    target matching ``b`` (or the reverse too), as ``EventFilter.dyad`` means it."""
    a_src, p1 = _side(store, a, "src")
    b_tgt, p2 = _side(store, b, "tgt")
    forward = f"({a_src} AND {b_tgt})"
    if not either_direction:
        return forward, [*p1, *p2]
    b_src, p3 = _side(store, b, "src")
    a_tgt, p4 = _side(store, a, "tgt")
    return f"({forward} OR ({b_src} AND {a_tgt}))", [*p1, *p2, *p3, *p4]


def dyad_series(
    store: Database,
    a: str,
    b: str,
    *,
    either_direction: bool = True,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    include_all: bool = False,
) -> pd.DataFrame:
    """Daily counts and Goldstein sums by quad class for the dyad ``a``–``b``.

    Args:
        store: an open store.
        a, b: country codes or actors (id, code or name), as in ``EventFilter.dyad``.
        either_direction: count b → a as well as a → b.
        since, until: day range (clipped to the store's data, see the module); by
            default the dyad's first to last event day.
        include_all: count non-actual and negated events too.

    Returns:
        One row per day (every day of the range, zeros included) with ``date`` and
        ``SERIES_COLUMNS``; ``conflict_score`` is the sum of −Goldstein over quad 3 and 4
        events with negative Goldstein.
    """
    f = EventFilter(dyad=(a, b), either_direction=either_direction, since=since, until=until,
                    include_all=include_all)
    return _daily(store, f)


def actor_series(
    store: Database,
    actor: str,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    include_all: bool = False,
) -> pd.DataFrame:
    """Daily counts and Goldstein sums by quad class of the events of one actor (id,
    code or name, any role, as in ``EventFilter.actor``); see :func:`dyad_series`."""
    return _daily(store, EventFilter(actor=actor, since=since, until=until,
                                     include_all=include_all))


def _daily(store: Database, f: EventFilter) -> pd.DataFrame:
    """One row per day from ``f.since`` (else the first event day) to ``f.until`` (else
    the last), zeros included, of the events matching ``f``, bounded as the module says."""
    lo, hi = _bound(f.since), _bound(f.until)
    pick: str = "TRUE"
    pick_params: list[Any] = []
    if f.dyad is not None:
        pick, pick_params = dyad_condition(store, f.dyad[0], f.dyad[1], f.either_direction)
        f = dataclasses.replace(f, dyad=None)
    where, params = where_clause(store, f)
    sql = f"""
    WITH ev AS (
        SELECT e.gid, e.event_date AS day, e.quad_class, e.goldstein
        FROM {event_source(where)}
        WHERE {pick} AND {where} AND e.event_date IS NOT NULL
    ),
    data AS (SELECT min(event_date) AS lo, max(event_date) AS hi FROM events),
    wanted AS (
        SELECT greatest(coalesce(?::DATE, min(ev.day)), any_value(data.lo)) AS lo,
               least(coalesce(?::DATE, max(ev.day)), any_value(data.hi)) AS hi
        FROM ev, data
    ),
    span AS (SELECT greatest(lo, hi - {MAX_DAYS - 1}) AS lo, hi FROM wanted),
    days AS (
        SELECT unnest(generate_series(lo, hi, INTERVAL 1 DAY))::DATE AS day
        FROM span WHERE lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi
    )
    SELECT days.day AS date, {_MEASURES}
    FROM days LEFT JOIN ev ON ev.day = days.day
    GROUP BY days.day ORDER BY days.day
    """
    frame = store.conn.execute(sql, [*pick_params, *params, lo, hi]).df()
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def pair_events(store: Database, where: str, *, undirected: bool) -> str:
    """SQL of the events of country pairs: one row per event and distinct pair of a
    source country and a different target country, with ``gid, day, quad_class,
    goldstein, a, b`` (``a <= b`` when ``undirected``: an event between A and B both ways
    gives one row). Read from the events' side columns, so no join: events with one
    country a side (nearly all) give their pair directly, the others are unnested and
    de-duplicated."""
    def pair(s: str, t: str) -> str:
        return (f"least({s}, {t}) AS a, greatest({s}, {t}) AS b" if undirected
                else f"{s} AS a, {t} AS b")

    cols = "gid, day, quad_class, goldstein"
    return f"""
        WITH pe AS NOT MATERIALIZED (
            SELECT e.gid, e.event_date AS day, e.quad_class, e.goldstein,
                   e.src_countries AS sc, e.tgt_countries AS tc
            FROM {event_source(where)}
            WHERE {where} AND e.event_date IS NOT NULL
        )
        SELECT {cols}, {pair("sc[1]", "tc[1]")}
        FROM pe WHERE len(sc) = 1 AND len(tc) = 1 AND sc[1] <> tc[1]
        UNION ALL
        SELECT DISTINCT {cols}, {pair("s", "t")} FROM (
            SELECT {cols}, s, unnest(tc) AS t FROM (
                SELECT {cols}, unnest(sc) AS s, tc FROM pe
                WHERE len(sc) > 1 OR len(tc) > 1))
        WHERE s <> t"""


def all_series(
    store: Database,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    include_all: bool = False,
    undirected: bool = False,
) -> pd.DataFrame:
    """Long-format daily series for every country dyad that has events.

    Returns:
        Rows of ``date, a, b`` and ``SERIES_COLUMNS`` for days with events (no zero
        days). An event counts once for each distinct (source country, target country)
        pair; with ``undirected`` the pair is sorted so ``a <= b`` (an event between A
        and B both ways counts once).
    """
    f = EventFilter(since=since, until=until, include_all=include_all)
    where, params = where_clause(store, f)
    sql = f"""
    WITH ev AS ({pair_events(store, where, undirected=undirected)})
    SELECT ev.day AS date, ev.a, ev.b, {_MEASURES}
    FROM ev GROUP BY ev.day, ev.a, ev.b ORDER BY ev.a, ev.b, ev.day
    """
    frame = store.conn.execute(sql, params).df()
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
