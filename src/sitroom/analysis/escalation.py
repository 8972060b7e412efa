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

Behaviour on constructed series (tested): a flat series never signals; a spike over a
flat or noisy-low baseline signals on the spike day; a steady linear ramp of any slope
*s* never signals, since over a window of n ≥ 8 days
μ + 2σ = x(t) + s·(2·√((n²−1)/12) − (n+1)/2) > x(t): the signal detects a sudden rise
relative to recent variability, not a slow drift (an accelerating rise does signal).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sitroom.analysis.series import all_series
from sitroom.store.db import Database

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
    "history precede it."
)


def escalation(
    scores: pd.Series,
    *,
    window: int = WINDOW,
    k: float = K,
    min_history: int = MIN_HISTORY,
    min_std: float = MIN_STD,
) -> pd.DataFrame:
    """Flag days of a daily score series that exceed the trailing baseline.

    Args:
        scores: one value per consecutive day (zeros included), e.g. ``conflict_score``.
        window: trailing baseline length in days.
        k: how many standard deviations above the mean count as "well above".
        min_history: days of history needed before a day can be flagged.
        min_std: floor of the standard deviation.

    Returns:
        A frame on the same index with ``score``, ``baseline``, ``std``, ``threshold``
        and ``signal`` (bool).
    """
    values = scores.astype(float)
    past = values.shift(1).rolling(window, min_periods=min_history)
    baseline = past.mean()
    std = past.std(ddof=0)
    threshold = baseline + k * std.clip(lower=min_std)
    signal = (values > threshold) & threshold.notna()
    return pd.DataFrame(
        {"score": values, "baseline": baseline, "std": std, "threshold": threshold,
         "signal": signal.astype(bool)}
    )


def daily_escalation(daily: pd.DataFrame) -> pd.DataFrame:
    """:func:`escalation` of a daily series (``date`` and ``conflict_score`` columns,
    one row per consecutive day, as ``dyad_series`` returns), indexed by date."""
    if daily.empty:
        return escalation(pd.Series([], dtype=float))
    return escalation(daily.set_index("date")["conflict_score"])


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
    """Flagged days of every undirected country dyad in the store.

    The baseline uses all stored history (``since`` only limits which flagged days are
    returned). Each dyad's series runs from its first event day to the last event day
    in the store (or ``until``), zero-filled.

    Returns:
        Rows of ``a, b, date, score, baseline, std, threshold``, strongest first.
    """
    long = all_series(store, until=until, undirected=True)
    columns = ["a", "b", "date", "score", "baseline", "std", "threshold"]
    if long.empty:
        return pd.DataFrame(columns=columns)
    end = pd.Timestamp(until) if until is not None else long["date"].max()
    found = []
    for (a, b), group in long.groupby(["a", "b"], sort=True):
        days = pd.date_range(group["date"].min(), end, freq="D")
        scores = group.set_index("date")["conflict_score"].reindex(days, fill_value=0.0)
        flagged = escalation(scores, window=window, k=k, min_history=min_history,
                             min_std=min_std)
        flagged = flagged[flagged["signal"]]
        for day, row in flagged.iterrows():
            found.append([a, b, day, row["score"], row["baseline"], row["std"],
                          row["threshold"]])
    out = pd.DataFrame(found, columns=columns)
    if since is not None and not out.empty:
        out = out[out["date"] >= pd.Timestamp(since)]
    return out.sort_values(["score", "date", "a", "b"], ascending=[False, True, True, True],
                           ignore_index=True)
