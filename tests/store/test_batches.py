"""Batched writes: many documents a transaction, and still one bad document never costs
its neighbours; a batch written whole stores exactly what one-at-a-time writing stores."""

from __future__ import annotations

from typing import Any

import pytest
from store_factory import dyad_record, event, person, record, scenario, state
from strike_corpus import strike_records

from sitroom.api import Store
from sitroom.store import write as write_module

TABLES = ("documents", "actors", "doc_actors", "mentions", "events", "event_actors",
          "quotes", "sources", "relations", "situations", "situation_mentions")


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in TABLES:
        columns = [c for c, t in store.conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
            if not t.startswith("TIMESTAMP")]
        rows = store.conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


def _corpus() -> list[Any]:
    people = [record("p1", [person("A1", "Ana Roe", None), state("A2", "CHN")],
                     [event("E1", ["A1"], ["A2"], "ACCUSE")], published="2024-03-01"),
              record("p2", [person("A1", "Roe", None), person("A2", "Ana Roe", "USA", "GOV"),
                            state("A3", "CHN")],
                     [event("E1", ["A1"], ["A3"], "THREATEN"),
                      event("E2", ["A2"], ["A3"], "ACCUSE", sentence=1)],
                     published="2024-03-02")]
    return [*scenario(), *people, *strike_records(),
            *(dyad_record(f"r{i}", f"2024-01-{i % 28 + 1:02d}", "USA", "CHN", "ACCUSE", n=2)
              for i in range(12))]


@pytest.mark.parametrize("size", [1, 4])
def test_batches_store_what_one_at_a_time_stores(store: Store, tmp_path: Any, size: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from sitroom.api import open_store

    store.ingest(_corpus())  # batches of BATCH_DOCS: everything in one
    monkeypatch.setattr(write_module, "BATCH_DOCS", size)
    with open_store(tmp_path / "small.duckdb", read_only=False) as small:
        small.ingest(_corpus())
        assert _dump(small) == _dump(store)
    # The person told USA in p2 gives p1's event (same batch or an earlier one) its
    # country; p2's own "Roe", resolved before the country was told, keeps none.
    rows = store.conn.execute(
        "SELECT doc_id, event_id, src_countries FROM events WHERE doc_id LIKE 'p_' "
        "ORDER BY 1, 2").fetchall()
    assert rows == [("p1", "E1", ["USA"]), ("p2", "E1", []), ("p2", "E2", ["USA"])]


def test_a_bad_document_in_a_batch_is_quarantined_alone(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = write_module._insert

    def failing(conn: Any, table: str, rows: list[list[Any]]) -> None:
        if table == "events" and any(row[1] == "r5" for row in rows):
            raise ValueError("disk on fire")
        real(conn, table, rows)

    monkeypatch.setattr(write_module, "_insert", failing)
    seen: list[tuple[str, str | None]] = []
    records = [dyad_record(f"r{i}", "2024-01-02", "USA", "CHN", n=2) for i in range(9)]
    result = store.ingest([*records, records[0]], lambda o, d: seen.append((o, d)))
    assert (result.added, result.skipped, result.quarantined) == (8, 1, 1)
    assert "disk on fire" in result.failures[0].reason
    # progress in input order, told once the batch is written
    assert seen == [*(("quarantined" if i == 5 else "added", f"r{i}") for i in range(9)),
                    ("skipped", "r0")]
    docs = [r[0] for r in store.conn.execute("SELECT doc_id FROM documents ORDER BY 1")
            .fetchall()]
    assert docs == [f"r{i}" for i in range(9) if i != 5]
    assert store.conn.execute("SELECT count(*) FROM events").fetchone() == (16,)


def test_progress_waits_for_the_batch(store: Store) -> None:
    """Nothing is reported as added before it is committed."""
    seen: list[str] = []

    def progress(outcome: str, doc: str | None) -> None:
        stored = store.conn.execute("SELECT count(*) FROM documents WHERE doc_id = ?",
                                    [doc]).fetchone()
        seen.append(f"{outcome}:{stored == (1,)}")

    store.ingest([dyad_record(f"r{i}", "2024-01-02", "USA", "CHN") for i in range(3)],
                 progress)
    assert seen == ["added:True"] * 3
