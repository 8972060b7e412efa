"""Daily event series per dyad, computed in DuckDB.

Only counted events (actual, not negated) enter a series unless ``include_all``; an
event's day is its own date, else its document's published date; events with neither
are left out.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sitroom.store.db import Database
from sitroom.store.query import EventFilter, where_clause

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

#: Columns of a dyad series (besides ``date``).
SERIES_COLUMNS = (
    "events", "goldstein", "events_q1", "events_q2", "events_q3", "events_q4",
    "goldstein_q1", "goldstein_q2", "goldstein_q3", "goldstein_q4", "conflict_score",
)


def _bound(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


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
        since, until: day range; by default the dyad's first to last event day.
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
    the last), zeros included, of the events matching ``f``."""
    where, params = where_clause(store, f)
    lo, hi = _bound(f.since), _bound(f.until)
    sql = f"""
    WITH ev AS (
        SELECT e.gid, e.event_date AS day, e.quad_class, e.goldstein FROM events e
        LEFT JOIN sources s ON s.doc_id = e.doc_id AND s.source_id = e.attribution
        WHERE {where} AND e.event_date IS NOT NULL
    ),
    span AS (
        SELECT coalesce(?::DATE, min(day)) AS lo, coalesce(?::DATE, max(day)) AS hi FROM ev
    ),
    days AS (
        SELECT unnest(generate_series(lo, hi, INTERVAL 1 DAY))::DATE AS day
        FROM span WHERE lo IS NOT NULL AND hi IS NOT NULL
    )
    SELECT days.day AS date, {_MEASURES}
    FROM days LEFT JOIN ev ON ev.day = days.day
    GROUP BY days.day ORDER BY days.day
    """
    frame = store.conn.execute(sql, [*params, lo, hi]).df()
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


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
        pair; with ``undirected`` the pair is sorted so ``a <= b``.
    """
    f = EventFilter(since=since, until=until, include_all=include_all)
    where, params = where_clause(store, f)
    pair = (
        "least(sa.country, ta.country) AS a, greatest(sa.country, ta.country) AS b"
        if undirected else "sa.country AS a, ta.country AS b"
    )
    sql = f"""
    WITH sel AS (
        SELECT e.gid, e.event_date AS day, e.quad_class, e.goldstein FROM events e
        LEFT JOIN sources s ON s.doc_id = e.doc_id AND s.source_id = e.attribution
        WHERE {where} AND e.event_date IS NOT NULL
    ),
    ev AS (
        SELECT DISTINCT sel.gid, sel.day, sel.quad_class, sel.goldstein, {pair}
        FROM sel
        JOIN event_actors sa ON sa.gid = sel.gid AND sa.role = 'source'
        JOIN event_actors ta ON ta.gid = sel.gid AND ta.role = 'target'
        WHERE sa.country IS NOT NULL AND ta.country IS NOT NULL AND sa.country <> ta.country
    )
    SELECT ev.day AS date, ev.a, ev.b, {_MEASURES}
    FROM ev GROUP BY ev.day, ev.a, ev.b ORDER BY ev.a, ev.b, ev.day
    """
    frame = store.conn.execute(sql, params).df()
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
