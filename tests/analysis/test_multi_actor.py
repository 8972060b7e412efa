"""Events with several actors a side: the analyses read each event's side columns
(sitroom.store.sides) and must count exactly what the actor rows say.

An event counts once per distinct (source, target) pair of different countries (or
actors); undirected, an event between A and B both ways counts once.
"""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest
from store_factory import event, record, state

from sitroom.api import Store


@pytest.fixture
def crowd(store: Store) -> Store:
    """Events naming two countries a side, a country on both sides, and a missing target."""
    usa, gbr, chn, rus = (state("A1", "USA"), state("A2", "GBR"), state("A3", "CHN"),
                          state("A4", "RUS"))
    store.ingest([
        record("m1", [usa, gbr, chn, rus],
               [event("E1", ["A1", "A2"], ["A3", "A1"], "ACCUSE"),  # USA+GBR -> CHN+USA
                event("E2", ["A1"], ["A3"], "ASSAULT", sentence=1),
                event("E3", ["A3", "A4"], ["A1", "A2"], "THREATEN", sentence=2),
                event("E4", ["A4"], [], "ASSAULT", sentence=3),
                event("E5", ["A1"], ["A3"], "AID", modality="future", sentence=4)],
               published="2024-05-01"),
        record("m2", [state("A1", "CHN"), state("A2", "USA")],
               [event("E1", ["A1"], ["A2"], "ACCUSE")],  # CHN -> USA
               published="2024-05-02"),
    ])
    return store


def _pairs(store: Store, column: str) -> list[tuple[int, set[tuple[str, str]]]]:
    """Per fact event: its distinct (source, target) pairs of different values, from
    the actor rows (not the side columns)."""
    rows = store.conn.execute(f"""
        SELECT e.gid, ea.role, CAST(ea.{column} AS VARCHAR)
        FROM events e JOIN event_actors ea ON ea.gid = e.gid
        WHERE e.gid IN (SELECT gid FROM events WHERE counted)""").fetchall()
    sides: dict[int, dict[str, set[str]]] = {}
    for gid, role, value in rows:
        if value is not None:
            sides.setdefault(gid, {"source": set(), "target": set()})[role].add(value)
    return [(gid, {(s, t) for s, t in product(v["source"], v["target"]) if s != t})
            for gid, v in sides.items()]


@pytest.mark.parametrize(("level", "column"), [("country", "country"), ("actor", "actor_id")])
def test_network_counts_each_pair_of_an_event_once(crowd: Store, level: str,
                                                   column: str) -> None:
    expected = Counter(p for _, pairs in _pairs(crowd, column) for p in pairs)
    edges = crowd.network(level=level).edges
    got = Counter({(s, t): c for s, t, c in zip(edges["source"], edges["target"],
                                               edges["count"], strict=True)})
    assert got == expected
    if level == "country":
        assert got[("USA", "CHN")] == 2 and got[("GBR", "USA")] == 1
        assert ("USA", "USA") not in got  # the same country on both sides is no tie
        nodes = dict(zip(crowd.network(level=level).nodes["node"],
                         crowd.network(level=level).nodes["events"], strict=True))
        # events each country takes part in (RUS: E3 and the target-less E4)
        assert nodes == {"USA": 4, "CHN": 4, "GBR": 2, "RUS": 2}


def test_undirected_series_count_an_event_once_per_pair(crowd: Store) -> None:
    long = crowd.series(undirected=True)
    got = {(a, b, d.strftime("%Y-%m-%d")): n for a, b, d, n in
           zip(long["a"], long["b"], long["date"], long["events"], strict=True)}
    # 05-01: E1 gives CHN-USA, GBR-USA (USA->USA dropped) and CHN-GBR; E2 CHN-USA;
    # E3 CHN-USA, CHN-GBR, RUS-USA, GBR-RUS. 05-02: CHN->USA.
    assert got == {("CHN", "USA", "2024-05-01"): 3, ("GBR", "USA", "2024-05-01"): 1,
                   ("CHN", "GBR", "2024-05-01"): 2, ("RUS", "USA", "2024-05-01"): 1,
                   ("GBR", "RUS", "2024-05-01"): 1, ("CHN", "USA", "2024-05-02"): 1}
    directed = crowd.series()
    assert len(directed[(directed["a"] == "USA") & (directed["b"] == "CHN")]) == 1


def test_filters_by_country_and_dyad_read_the_side_columns(crowd: Store) -> None:
    def ids(**kw: object) -> list[str]:
        frame = crowd.events(**kw)
        return sorted(f"{d}/{e}" for d, e in zip(frame["doc_id"], frame["event_id"],
                                                 strict=True))

    assert ids(country="GBR") == ["m1/E1", "m1/E3"]
    assert ids(dyad=("GBR", "CHN")) == ["m1/E1"]
    assert ids(dyad=("CHN", "GBR")) == ["m1/E3"]
    assert ids(dyad=("GBR", "CHN"), either_direction=True) == ["m1/E1", "m1/E3"]
    assert ids(dyad=("RUS", "CHN")) == []  # negative: RUS never acts on CHN
    assert ids(actor="Russia") == ["m1/E3", "m1/E4"]
    series = crowd.dyad_series("USA", "CHN")
    assert list(series["events"]) == [3, 1]  # E1, E2, E3 (USA as target); then m2
