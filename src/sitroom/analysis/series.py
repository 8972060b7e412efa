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


def _side(store: Database, term: str) -> tuple[str, list[Any]]:
    """Condition over ``event_actors x`` for an actor term (country code, id, code, name)."""
    if _is_country(store, term):
        return "x.country = ?", [term.strip().upper()]
    ids = actor_ids(store, term)
    if not ids:
        return "FALSE", []
    return f"x.actor_id IN ({', '.join('?' * len(ids))})", ids


def dyad_gids(store: Database, a: str, b: str, either_direction: bool) -> tuple[str, list[Any]]:
    """A query of the distinct ``gid`` of events with a source matching ``a`` and a
    target matching ``b`` (or the reverse too), as ``EventFilter.dyad`` means it."""
    a_cond, a_params = _side(store, a)
    b_cond, b_params = _side(store, b)

    def role(r: str) -> tuple[str, list[Any]]:
        cond = f"({a_cond}) OR ({b_cond})" if either_direction else (
            a_cond if r == "source" else b_cond)
        params = [*a_params, *b_params] if either_direction else (
            a_params if r == "source" else b_params)
        tag = (f", ({a_cond}) AS is_a, ({b_cond}) AS is_b" if either_direction
               else ", TRUE AS is_a, TRUE AS is_b")
        tag_params = [*a_params, *b_params] if either_direction else []
        sql = (f"SELECT x.gid{tag} FROM event_actors x "
               f"WHERE x.role = '{r}' AND ({cond})")
        return sql, [*tag_params, *params]

    src, p_src = role("source")
    tgt, p_tgt = role("target")
    pair = ("(sa.is_a AND ta.is_b) OR (sa.is_b AND ta.is_a)" if either_direction
            else "TRUE")
    sql = (f"SELECT DISTINCT sa.gid FROM ({src}) sa JOIN ({tgt}) ta ON ta.gid = sa.gid "
           f"WHERE {pair}")
    return sql, [*p_src, *p_tgt]


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
    pick: str = ""
    pick_params: list[Any] = []
    if f.dyad is not None:
        gids, pick_params = dyad_gids(store, f.dyad[0], f.dyad[1], f.either_direction)
        pick = f"JOIN ({gids}) d ON d.gid = e.gid"
        f = dataclasses.replace(f, dyad=None)
    where, params = where_clause(store, f)
    sql = f"""
    WITH ev AS (
        SELECT e.gid, e.event_date AS day, e.quad_class, e.goldstein
        FROM {event_source(where)} {pick}
        WHERE {where} AND e.event_date IS NOT NULL
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
    """SQL of the counted events of country pairs: one row per event and (source
    actor, target actor) of two different countries, with ``gid, day, quad_class,
    goldstein, a, b`` (``a <= b`` when ``undirected``); callers de-duplicate (an event
    counts once per country pair) where they sum."""
    pair = ("least(sa.country, ta.country) AS a, greatest(sa.country, ta.country) AS b"
            if undirected else "sa.country AS a, ta.country AS b")
    return f"""
        SELECT e.gid, e.event_date AS day, e.quad_class, e.goldstein, {pair}
        FROM {event_source(where)}
        JOIN event_actors sa ON sa.gid = e.gid AND sa.role = 'source'
        JOIN event_actors ta ON ta.gid = e.gid AND ta.role = 'target'
        WHERE {where} AND e.event_date IS NOT NULL AND sa.country <> ta.country"""


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
    WITH ev AS (SELECT DISTINCT * FROM ({pair_events(store, where, undirected=undirected)}))
    SELECT ev.day AS date, ev.a, ev.b, {_MEASURES}
    FROM ev GROUP BY ev.day, ev.a, ev.b ORDER BY ev.a, ev.b, ev.day
    """
    frame = store.conn.execute(sql, params).df()
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
