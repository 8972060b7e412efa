"""Schema v5: what each event keeps beside it for the analyses (sitroom.store.sides).

The side columns (actor ids and countries of sources and targets) and the situation's
status must always say what ``event_actors`` and the situation tables say: when written,
when a stored person later learns its country, when situations change, and when an
older store is migrated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from store_factory import event, person, record, scenario, state
from strike_corpus import strike_records

from sitroom.api import Store, open_store
from sitroom.record import Relation
from sitroom.store import SCHEMA_VERSION
from sitroom.store.sides import sides

V5 = ("src_ids", "tgt_ids", "src_countries", "tgt_countries", "situation_status")

#: The v5 columns recomputed from the tables they summarise.
TRUTH = """
SELECT e.doc_id, e.event_id,
  coalesce(list_sort(list_distinct(list(ea.actor_id) FILTER (WHERE ea.role = 'source'))),
           []::BIGINT[]),
  coalesce(list_sort(list_distinct(list(ea.actor_id) FILTER (WHERE ea.role = 'target'))),
           []::BIGINT[]),
  coalesce(list_sort(list_distinct(list(ea.country) FILTER (WHERE ea.role = 'source'))),
           []::VARCHAR[]),
  coalesce(list_sort(list_distinct(list(ea.country) FILTER (WHERE ea.role = 'target'))),
           []::VARCHAR[]),
  any_value(st.status)
FROM events e
LEFT JOIN event_actors ea ON ea.gid = e.gid
LEFT JOIN situation_mentions sm ON sm.gid = e.gid
LEFT JOIN situations st ON st.situation_id = sm.situation_id
GROUP BY e.doc_id, e.event_id ORDER BY 1, 2
"""


def _stored(store: Store) -> list[tuple[Any, ...]]:
    return store.conn.execute(
        f"SELECT doc_id, event_id, {', '.join(V5)} FROM events ORDER BY 1, 2").fetchall()


def _truth(store: Store) -> list[tuple[Any, ...]]:
    return store.conn.execute(TRUTH).fetchall()


def test_sides_are_distinct_sorted_and_skip_unknowns() -> None:
    rows = [("source", 7, "USA"), ("source", 3, "USA"), ("source", None, None),
            ("target", 9, "CHN"), ("target", 9, "CHN"), ("target", 2, None)]
    assert sides(rows) == [[3, 7], [2, 9], ["USA"], ["CHN"]]
    assert sides([]) == [[], [], [], []]


def test_written_events_keep_their_sides_and_situation(store: Store) -> None:
    store.ingest([*scenario(), *strike_records()])
    stored = _stored(store)
    assert stored == _truth(store)
    by_event = {(r[0], r[1]): r for r in stored}
    # The strike four outlets tell, one of them quoting a denial: contested.
    assert by_event[("harbour-1", "E1")][4:] == (["NOR"], ["SWE"], "contested")
    # An event with no target keeps an empty list; an event not linked, no status.
    assert by_event[("d1", "E2")][3] == [] and by_event[("d1", "E2")][5] == []
    assert by_event[("d1", "E2")][6] is None


def test_a_person_learning_its_country_updates_earlier_events(store: Store) -> None:
    early = record("x1", [person("A1", "Ana Roe", None), state("A2", "CHN")],
                   [event("E1", ["A1"], ["A2"], "ACCUSE")], published="2024-03-01")
    later = record("x2", [person("A1", "Ana Roe", "USA", "GOV"), state("A2", "CHN")],
                   [event("E1", ["A1"], ["A2"], "ACCUSE")], published="2024-03-02")
    store.ingest([early])
    assert _stored(store)[0][4] == []  # no source country yet
    store.ingest([later])
    stored = _stored(store)
    assert stored == _truth(store)
    assert [r[4] for r in stored] == [["USA"], ["USA"]]
    assert store.network(level="country").edges[["source", "target", "count"]].values.tolist() \
        == [["USA", "CHN", 2]]


def test_unrelated_record_leaves_other_sides_alone(store: Store) -> None:
    store.ingest(scenario())
    before = _stored(store)
    store.ingest([record("z1", [state("A1", "FRA"), state("A2", "DEU")],
                         [event("E1", ["A1"], ["A2"], "CONSULT")])])
    after = _stored(store)
    assert [r for r in after if r[0] != "z1"] == before
    assert [r[4:6] for r in after if r[0] == "z1"] == [(["FRA"], ["DEU"])]


def _as_v4(path: Path) -> None:
    """Turn a v5 store back into the v4 layout (drop the v5 columns)."""
    conn = duckdb.connect(str(path))
    for column in V5:
        conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
    conn.execute("ALTER TABLE relations DROP COLUMN certainty")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.close()


def test_v4_store_is_migrated_to_the_columns_a_new_store_writes(tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    with open_store(path, read_only=False) as store:
        store.ingest([*scenario(), *strike_records()])
        written = _stored(store)
        facts = store.events()[["doc_id", "event_id"]].values.tolist()
        network = store.network(level="country").edges.values.tolist()
    _as_v4(path)
    with open_store(path, read_only=False) as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        assert _stored(store) == written
        assert store.events()[["doc_id", "event_id"]].values.tolist() == facts
        assert store.network(level="country").edges.values.tolist() == network
        # Relations stored before v5 had no certainty: the record's default.
        assert store.record("d2").relations[0].certainty == "confirmed"


def test_relation_certainty_round_trips(store: Store) -> None:
    rel = Relation("A1", "A2", "rivalry", "rivals", 10, 16, "test", certainty="reported")
    rec = record("r1", [state("A1", "USA"), state("A2", "CHN")], relations=[rel])
    store.ingest([rec])
    assert store.record("r1").relations == (rel,)
