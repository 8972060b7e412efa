"""Dyad series and the actor network."""

from __future__ import annotations

import pandas as pd
from store_factory import dyad_record, scenario

from sitroom.api import Store


def test_dyad_series_fills_days_and_splits_quads(store: Store) -> None:
    store.ingest([
        dyad_record("a", "2024-03-01", "USA", "CHN", "ACCUSE", n=2),
        dyad_record("b", "2024-03-03", "CHN", "USA", "AID"),
        dyad_record("c", "2024-03-03", "USA", "CHN", "THREATEN", modality="future"),
        dyad_record("d", "2024-03-02", "RUS", "UKR", "ASSAULT"),
    ])
    series = store.dyad_series("USA", "CHN")
    assert list(series["date"]) == list(pd.date_range("2024-03-01", "2024-03-03"))
    assert list(series["events"]) == [2, 0, 1]
    assert list(series["events_q3"]) == [2, 0, 0]
    assert list(series["events_q2"]) == [0, 0, 1]
    assert list(series["goldstein"]) == [-4.0, 0.0, 7.0]
    assert list(series["conflict_score"]) == [4.0, 0.0, 0.0]
    directed = store.dyad_series("USA", "CHN", either_direction=False)
    assert list(directed["events"]) == [2]
    everything = store.dyad_series("USA", "CHN", include_all=True)
    assert list(everything["events"]) == [2, 0, 2]
    ranged = store.dyad_series("USA", "CHN", since="2024-03-02", until="2024-03-03")
    assert list(ranged["events"]) == [0, 1]
    # a range reaching before the store's first event day is clipped to the data
    early = store.dyad_series("USA", "CHN", since="2024-02-28", until="2024-03-01")
    assert list(early["events"]) == [2]
    assert store.dyad_series("FRA", "DEU").empty


def test_all_series_long_format(store: Store) -> None:
    store.ingest(scenario())
    series = store.series()
    pairs = sorted(zip(series["a"], series["b"], strict=True))
    assert pairs == [("RUS", "UKR"), ("USA", "CHN"), ("USA", "RUS")]
    usa_chn = series[(series["a"] == "USA") & (series["b"] == "CHN")].iloc[0]
    assert usa_chn["events"] == 2 and usa_chn["goldstein"] == 1.0
    undirected = store.series(undirected=True)
    assert ("CHN", "USA") in set(zip(undirected["a"], undirected["b"], strict=True))


def test_network_actor_and_country(store: Store) -> None:
    store.ingest(scenario())
    net = store.network()
    names = dict(zip(net.nodes["node"], net.nodes["name"], strict=True))
    # nodes come by event count, ties by name
    assert list(net.nodes["name"][:2]) == ["Beijing", "Helena Varga"]
    assert list(net.nodes["events"][:2]) == [2, 2]
    edges = {(names[s], names[t]): row for s, t, row in
             zip(net.edges["source"], net.edges["target"], net.edges.to_dict("records"),
                 strict=True)}
    assault = edges[("Russian forces", "Ukraine")]
    assert assault["count"] == 1 and assault["conflict_share"] == 1.0
    countries = store.network(level="country")
    usa_chn = countries.edges[(countries.edges["source"] == "USA")
                              & (countries.edges["target"] == "CHN")].iloc[0]
    assert usa_chn["count"] == 2 and usa_chn["goldstein"] == 1.0
    assert usa_chn["coop_share"] == 0.5 and usa_chn["conflict_share"] == 0.5
    assert len(store.network(level="country", min_count=2).edges) == 1
    assert len(store.network(level="country", include_all=True).edges) == 6
