"""The escalation signal: a dyad's conflict score well above its own recent baseline.

Method. The daily *conflict score* of a dyad is the sum of −Goldstein over its counted
quad-class 3 and 4 events with negative Goldstein (a day with one THREATEN at −7 and one
ASSAULT at −10 scores 17; days without events score 0). For each day *t* the baseline is
the mean μ and population standard deviation σ of the score over the ``window``
(14) days before *t* (not including *t*). Day *t* is flagged when

    score(t) > μ + k · max(σ, min_std)       (k = 2, min_std = 1)

and at least ``min_history`` (10) days of history precede it. ``min_std`` keeps a quiet,
flat baseline from flagging tiny wiggles: after a flat run, a rise of more than
k · min_std Goldstein points is needed.

The prior (a crisis that starts today). A dyad's *first* day has no history of its
own; it is judged against the store's recent conflict instead: μ and σ are taken over
the daily scores of every other country dyad over the ``window`` days before *t* (each
dyad counted from its own first day, zero days included), and the first day is flagged
when its score exceeds μ + k · max(σ, min_std), as above, provided that pool holds at
least ``min_history`` dyad-days. A dyad that opens with a threat or an attack while the
rest of the store is quiet is flagged the day it appears; its second to
``min_history``-th days are not flagged (too little history, and no longer new).

Behaviour on constructed series (tested): a flat series never signals; a spike over a
flat or noisy-low baseline signals on the spike day; a steady linear ramp of any slope
*s* never signals, since over a window of n ≥ 8 days
μ + 2σ = x(t) + s·(2·√((n²−1)/12) − (n+1)/2) > x(t): the signal detects a sudden rise
relative to recent variability, not a slow drift (an accelerating rise does signal).

Computation. :func:`escalation_signals` runs the rule for every dyad in one DuckDB
query (window functions over the zero-filled daily grid); :func:`escalation` is the same
rule over one in-memory series (the dashboard's timeline of one actor pair). Dyad series
are bounded as :mod:`sitroom.analysis.series` says (at most ``MAX_DAYS`` days).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sitroom.analysis.cache import cached
from sitroom.analysis.series import CONFLICT, MAX_DAYS, pair_events
from sitroom.store.db import Database
from sitroom.store.query import EventFilter, where_clause

WINDOW = 14
K = 2.0
MIN_HISTORY = 10
MIN_STD = 1.0

#: The rule in one sentence, for readers of the signals (the dashboard shows it).
METHOD = (
    "Daily conflict score = sum of -Goldstein over counted conflict events (quad classes "
    "3 and 4) with negative Goldstein; days without events score 0. A day is an "
    f"escalation signal when its score exceeds the mean plus {K:g} standard deviations "
    f"(at least {MIN_STD:g}) of the {WINDOW} days before it, once {MIN_HISTORY} days of "
    "history precede it; a dyad's first day is compared in the same way with the other "
    f"dyads' scores of the {WINDOW} days before it."
)

_COLUMNS = ["a", "b", "date", "score", "baseline", "std", "threshold"]


def escalation(
    scores: pd.Series,
    *,
    window: int = WINDOW,
    k: float = K,
    min_history: int = MIN_HISTORY,
    min_std: float = MIN_STD,
    prior: tuple[float, float] | None = None,
) -> pd.DataFrame:
    """Flag days of a daily score series that exceed the trailing baseline.

    Args:
        scores: one value per consecutive day (zeros included), e.g. ``conflict_score``.
        window: trailing baseline length in days.
        k: how many standard deviations above the mean count as "well above".
        min_history: days of history needed before a day can be flagged.
        min_std: floor of the standard deviation.
        prior: (mean, std) against which the first day is judged (see the module);
            ``None`` leaves the first day unflagged.

    Returns:
        A frame on the same index with ``score``, ``baseline``, ``std``, ``threshold``
        and ``signal`` (bool).
    """
    values = scores.astype(float)
    past = values.shift(1).rolling(window, min_periods=min_history)
    baseline = past.mean()
    std = past.std(ddof=0)
    if prior is not None and len(values):
        baseline.iloc[0], std.iloc[0] = prior
    threshold = baseline + k * std.clip(lower=min_std)
    signal = (values > threshold) & threshold.notna()
    return pd.DataFrame(
        {"score": values, "baseline": baseline, "std": std, "threshold": threshold,
         "signal": signal.astype(bool)}
    )


def daily_escalation(daily: pd.DataFrame, prior: tuple[float, float] | None = None
                     ) -> pd.DataFrame:
    """:func:`escalation` of a daily series (``date`` and ``conflict_score`` columns,
    one row per consecutive day, as ``dyad_series`` returns), indexed by date."""
    if daily.empty:
        return escalation(pd.Series([], dtype=float))
    return escalation(daily.set_index("date")["conflict_score"], prior=prior)


def _grid_sql(where: str, window: int) -> str:
    """The zero-filled daily conflict score of every undirected country dyad, from its
    first day to ``end`` (parameter), with its trailing baseline and the store's pool."""
    return f"""
    WITH ev AS (SELECT a, b, day, {CONFLICT} AS score FROM ({{pairs}}) WHERE day <= ?::DATE),
    daily AS MATERIALIZED (SELECT a, b, day, sum(score) AS score FROM ev GROUP BY a, b, day),
    last AS (SELECT coalesce(?::DATE, max(day)) AS hi FROM daily),
    firsts AS (SELECT a, b, min(day) AS first, row_number() OVER (ORDER BY a, b) AS k
               FROM daily GROUP BY a, b),
    grid AS (
        SELECT a, b, k, first, unnest(generate_series(greatest(first, hi - {MAX_DAYS - 1}),
                                                   hi, INTERVAL 1 DAY))::DATE AS day
        FROM firsts, last WHERE first <= hi
    ),
    dense AS (
        SELECT g.a, g.b, g.k, g.day, g.day = g.first AS opening,
               coalesce(d.score, 0) AS score
        FROM grid g LEFT JOIN daily d ON d.a = g.a AND d.b = g.b AND d.day = g.day
    ),
    pooled AS (
        SELECT day, sum(score) AS s, sum(score * score) AS q, count(*) AS n
        FROM dense GROUP BY day
    ),
    pool AS (
        SELECT day, sum(s) OVER w AS s, sum(q) OVER w AS q, sum(n) OVER w AS n FROM pooled
        WINDOW w AS (ORDER BY day RANGE BETWEEN INTERVAL {window} DAY PRECEDING
                                          AND INTERVAL 1 DAY PRECEDING)
    ),
    win AS (
        SELECT a, b, day, opening, score,
               avg(score) OVER w AS mean, stddev_pop(score) OVER w AS std,
               count(*) OVER w AS n
        FROM dense
        WINDOW w AS (PARTITION BY k ORDER BY day  -- k: the dyad (a, b) as a number
                     ROWS BETWEEN {window} PRECEDING AND 1 PRECEDING)
    ),
    judged AS (
        SELECT win.a, win.b, win.day, win.score,
               CASE WHEN opening THEN pool.s / pool.n ELSE win.mean END AS baseline,
               CASE WHEN opening
                    THEN sqrt(greatest(pool.q / pool.n - (pool.s / pool.n) ** 2, 0))
                    ELSE win.std END AS std,
               CASE WHEN opening THEN coalesce(pool.n, 0) ELSE win.n END AS history
        FROM win LEFT JOIN pool ON pool.day = win.day
    )"""


def escalation_signals(
    store: Database,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    window: int = WINDOW,
    k: float = K,
    min_history: int = MIN_HISTORY,
    min_std: float = MIN_STD,
) -> pd.DataFrame:
    """Flagged days of every undirected country dyad in the store (one query, cached
    per store version).

    The baseline uses all stored history (``since`` only limits which flagged days are
    returned). Each dyad's series runs from its first event day to the last event day
    in the store (or ``until``), zero-filled.

    Returns:
        Rows of ``a, b, date, score, baseline, std, threshold``, strongest first.
    """
    def compute() -> pd.DataFrame:
        where, params = where_clause(store, EventFilter())
        sql = _grid_sql(where, window).replace("{pairs}", pair_events(store, where,
                                                                        undirected=True))
        sql += f"""
        SELECT a, b, day AS date, score, baseline, std,
               baseline + {float(k)} * greatest(std, {float(min_std)}) AS threshold
        FROM judged
        WHERE history >= {int(min_history)} AND day >= coalesce(?::DATE, DATE '0001-01-01')
          AND score > baseline + {float(k)} * greatest(std, {float(min_std)})
        ORDER BY score DESC, date, a, b"""
        hi = _date(until)
        frame = store.conn.execute(sql, [*params, hi or dt.date.max, hi, _date(since)]).df()
        if frame.empty:
            return pd.DataFrame(columns=_COLUMNS)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame[_COLUMNS]

    key = ("escalation", str(since), str(until), window, k, min_history, min_std)
    return cached(store, key, compute).copy()


def store_prior(store: Database, day: str | dt.date, *, window: int = WINDOW,
                min_history: int = MIN_HISTORY) -> tuple[float, float] | None:
    """The prior (mean, std) of the module for a dyad opening on ``day``: the country
    dyads' daily scores over the ``window`` days before it; ``None`` when that pool has
    fewer than ``min_history`` dyad-days. The pool of every day is one query, cached per
    store version."""
    def compute() -> dict[dt.date, tuple[float, float, float]]:
        where, params = where_clause(store, EventFilter())
        sql = _grid_sql(where, window).replace("{pairs}", pair_events(store, where,
                                                                        undirected=True))
        sql += " SELECT day, s, q, n FROM pool WHERE n IS NOT NULL"
        rows = store.conn.execute(sql, [*params, dt.date.max, None]).fetchall()
        return {r[0]: (float(r[1]), float(r[2]), float(r[3])) for r in rows}

    pool = cached(store, ("prior-pool", window), compute)
    found = pool.get(pd.Timestamp(day).date())
    if found is None or found[2] < min_history:
        return None
    s, q, n = found
    mean = s / n
    return mean, max(q / n - mean * mean, 0.0) ** 0.5


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
