"""The analyses computed in DuckDB agree with a plain pandas reference on a constructed
store, and series stay bounded whatever dates the store or the request holds."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from store_factory import dyad_record

from sitroom.analysis import cache
from sitroom.analysis.escalation import escalation, escalation_signals
from sitroom.analysis.series import MAX_DAYS, all_series
from sitroom.api import Store

KINDS = ["CONSULT", "AID", "ACCUSE", "THREATEN", "ASSAULT", "SANCTION"]
DYADS = [("USA", "CHN"), ("CHN", "USA"), ("RUS", "UKR"), ("IRN", "ISR"), ("FRA", "DEU")]


@pytest.fixture
def busy(store: Store) -> Store:
    """Five dyads over two months, random event kinds and bursts (fixed seed)."""
    rng = random.Random(7)
    records = []
    for i in range(160):
        a, b = rng.choice(DYADS)
        day = pd.Timestamp("2024-01-01") + pd.Timedelta(days=rng.randrange(60))
        kind = rng.choice(KINDS)
        burst = rng.choice([1, 1, 1, 2, 4])
        records.append(dyad_record(f"r{i}", day.date().isoformat(), a, b, kind, n=burst))
    store.ingest(records)
    return store


def reference_signals(store: Store) -> set[tuple[str, str, pd.Timestamp]]:
    """The former implementation: one pandas ``escalation`` per dyad, no prior."""
    long = all_series(store, undirected=True)
    end = long["date"].max()
    found = set()
    for (a, b), group in long.groupby(["a", "b"]):
        days = pd.date_range(group["date"].min(), end, freq="D")
        scores = group.set_index("date")["conflict_score"].reindex(days, fill_value=0.0)
        flagged = escalation(scores)
        found |= {(a, b, day) for day in flagged.index[flagged["signal"]]}
    return found


def test_sql_escalation_matches_the_pandas_rule(busy: Store) -> None:
    cache.clear()
    signals = escalation_signals(busy)
    expected = reference_signals(busy)
    assert expected, "the constructed store should hold some signals"
    firsts = all_series(busy, undirected=True).groupby(["a", "b"])["date"].min()
    got = set(zip(signals["a"], signals["b"], signals["date"], strict=True))
    opening = {s for s in got if firsts[(s[0], s[1])] == s[2]}
    assert got - opening == expected
    later = escalation_signals(busy, since="2024-02-01")
    assert set(zip(later["a"], later["b"], later["date"], strict=True)) == {
        s for s in got if s[2] >= pd.Timestamp("2024-02-01")}
    assert list(signals["score"]) == sorted(signals["score"], reverse=True)


def test_network_matches_a_pandas_count(busy: Store) -> None:
    events = busy.conn.execute(
        "SELECT gid, quad_class, goldstein FROM events WHERE counted").df()
    sides = busy.conn.execute("SELECT gid, role, country FROM event_actors").df()
    src = sides[sides.role == "source"].drop_duplicates(["gid", "country"])
    tgt = sides[sides.role == "target"].drop_duplicates(["gid", "country"])
    pairs = events.merge(src, on="gid").merge(tgt, on="gid", suffixes=("_s", "_t"))
    pairs = pairs[pairs.country_s != pairs.country_t]
    expected = pairs.groupby(["country_s", "country_t"]).agg(
        count=("gid", "size"), goldstein=("goldstein", "sum"))
    edges = busy.network(level="country").edges.set_index(["source", "target"])
    assert len(edges) == len(expected)
    for (s, t), row in expected.iterrows():
        assert edges.loc[(s, t), "count"] == row["count"]
        assert edges.loc[(s, t), "goldstein"] == pytest.approx(row["goldstein"])


def test_a_dyad_opening_with_an_attack_is_flagged_against_the_prior(store: Store) -> None:
    quiet = [dyad_record(f"q{i}", f"2024-01-{i + 1:02d}", "USA", "CHN", "CONSULT")
             for i in range(20)]
    opening = dyad_record("new", "2024-01-21", "FRA", "DEU", "ASSAULT", n=2)
    # negative row: a dyad opening with talks is not flagged
    talks = dyad_record("talks", "2024-01-21", "IRN", "ISR", "CONSULT", n=2)
    store.ingest([*quiet, opening, talks])
    signals = store.escalation()
    assert set(zip(signals["a"], signals["b"], signals["date"].dt.strftime("%Y-%m-%d"),
                   strict=True)) == {("DEU", "FRA", "2024-01-21")}
    assert signals.iloc[0]["score"] == 20.0
    assert signals.iloc[0]["baseline"] == 0.0


def test_no_prior_without_enough_history_in_the_store(store: Store) -> None:
    """On a store's first days there is nothing to compare an opening with."""
    store.ingest([dyad_record("a", "2024-01-01", "FRA", "DEU", "ASSAULT", n=3),
                  dyad_record("b", "2024-01-02", "IRN", "ISR", "ASSAULT", n=3)])
    assert store.escalation().empty


def test_series_bounded_by_the_data_and_a_maximum(store: Store) -> None:
    store.ingest([
        dyad_record("old", "0002-01-01", "USA", "CHN", "ACCUSE"),
        dyad_record("a", "2024-03-01", "USA", "CHN", "ACCUSE"),
        dyad_record("b", "2024-03-03", "USA", "CHN", "ACCUSE"),
    ])
    full = store.dyad_series("USA", "CHN")
    assert len(full) == MAX_DAYS
    assert full["date"].iloc[-1] == pd.Timestamp("2024-03-03")
    asked = store.dyad_series("USA", "CHN", since="0001-01-01", until="9999-12-30")
    assert len(asked) == MAX_DAYS
    inside = store.dyad_series("USA", "CHN", since="2024-03-02", until="2024-03-03")
    assert list(inside["events"]) == [0, 1]
    signals = store.escalation()
    assert signals.empty
