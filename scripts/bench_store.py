"""Benchmark the store: fill a synthetic store with 1,000,000 events, time the queries.

Not a test. Usage: ``python scripts/bench_store.py [--events N] [--db PATH]``.
The bulk fill uses SQL directly, including the events' side columns (schema v5,
``sitroom.store.sides``) that the writer fills; the write path is timed separately on a
small batch. ``--check`` verifies the side columns against ``event_actors`` after the
fill.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitroom.analysis import cache
from sitroom.api import Store, open_store

COUNTRIES = ["USA", "CHN", "RUS", "UKR", "IRN", "ISR", "FRA", "DEU", "GBR", "IND", "PAK",
             "TUR", "SYR", "EGY", "SAU", "JPN", "KOR", "PRK", "BRA", "ZAF"]
SECTORS = ["GOV", "MIL", "REB", "CVL", "BUS"]
PLOVER = [("CONSULT", "040", 1.0, 1), ("AGREE", "057", 8.0, 1), ("REQUEST", "020", 3.0, 1),
          ("AID", "070", 7.0, 2), ("ACCUSE", "112", -2.0, 3), ("THREATEN", "138", -7.0, 3),
          ("SANCTION", "163", -8.0, 4), ("ASSAULT", "190", -10.0, 4)]


def fill(store: Store, n_events: int, per_doc: int = 10) -> None:
    """Bulk-insert synthetic documents, actors, events and event actors."""
    conn = store.conn
    n_docs = n_events // per_doc
    conn.execute("BEGIN TRANSACTION")
    conn.execute(
        f"""INSERT INTO documents (doc_id, sha256, path, title, published, published_date, url,
            length, record_schema, errors, sha256_given, ingested_at, language)
        SELECT 'doc' || i, sha256('doc' || i), 'corpus/doc' || i || '.txt', 'Report ' || i,
               strftime(DATE '2020-01-01' + (i % 1500)::INTEGER, '%Y-%m-%d'),
               DATE '2020-01-01' + (i % 1500)::INTEGER, 'https://news.example/' || i, 2000,
               'sitroom.analysis/1', [], TRUE, now()::TIMESTAMP, 'en'
        FROM range({n_docs}) t(i)"""
    )
    actors = [(c, s) for c in COUNTRIES for s in SECTORS]
    conn.execute(
        "INSERT INTO actors (actor_id, key, name, kind, country, sector, code) "
        "SELECT * FROM (VALUES " + ", ".join(
            f"({i + 1}, 'state|{c}|{s}', '{c} {s}', 'state', '{c}', '{s}', '{c}{s}')"
            for i, (c, s) in enumerate(actors)) + ")"
    )
    plover = "[" + ", ".join(f"'{p[0]}'" for p in PLOVER) + "]"
    cameo = "[" + ", ".join(f"'{p[1]}'" for p in PLOVER) + "]"
    gold = "[" + ", ".join(str(p[2]) for p in PLOVER) + "]"
    quad = "[" + ", ".join(str(p[3]) for p in PLOVER) + "]"
    n_act = len(actors)
    # The source actor of event g is 1 + hash(7g) % n_act, its target 1 + hash(13g) % n_act
    # (as in event_actors below); actor i + 1 is state COUNTRIES[i // 5].
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    conn.execute(
        f"""INSERT INTO events (gid, doc_id, event_id, ord, plover, cameo, goldstein, quad_class,
            polarity, modality, certainty, source_locals, target_locals, trigger_text,
            trigger_start, trigger_end, sentence_index, sentence_start, sentence_end,
            event_date, quantities, cues, counted, src_ids, tgt_ids, src_countries,
            tgt_countries)
        SELECT g, 'doc' || (g // {per_doc}), 'E' || (g % {per_doc}), g % {per_doc},
               {plover}[k + 1], {cameo}[k + 1], {gold}[k + 1], {quad}[k + 1],
               'positive', CASE WHEN g % 20 = 0 THEN 'future' ELSE 'actual' END,
               'confirmed', ['A1'], ['A2'], 'did', 0, 3, g % {per_doc}, 0, 90,
               DATE '2020-01-01' + ((g // {per_doc}) % 1500)::INTEGER, '[]', '[]',
               g % 20 <> 0, [sa], [ta], [{countries}[(sa - 1) // 5 + 1]],
               [{countries}[(ta - 1) // 5 + 1]]
        FROM (SELECT i AS g, (hash(i) % {len(PLOVER)})::BIGINT AS k,
                     (1 + hash(i * 7) % {n_act})::BIGINT AS sa,
                     (1 + hash(i * 13) % {n_act})::BIGINT AS ta
              FROM range(1, {n_events} + 1) t(i))"""
    )
    conn.execute(
        f"""INSERT INTO event_actors
        SELECT g, 'doc' || (g // {per_doc}), 'source', 0, 'A1', a, split_part(name, ' ', 1)
        FROM (SELECT i AS g, (1 + hash(i * 7) % {n_act})::BIGINT AS a
              FROM range(1, {n_events} + 1) t(i))
        JOIN actors ON actor_id = a"""
    )
    conn.execute(
        f"""INSERT INTO event_actors
        SELECT g, 'doc' || (g // {per_doc}), 'target', 0, 'A2', a, split_part(name, ' ', 1)
        FROM (SELECT i AS g, (1 + hash(i * 13) % {n_act})::BIGINT AS a
              FROM range(1, {n_events} + 1) t(i))
        JOIN actors ON actor_id = a"""
    )
    conn.execute("COMMIT")
    conn.execute("CHECKPOINT")


def check_sides(store: Store) -> None:
    """Fail unless every event's side columns say what its event_actors rows say."""
    rows = store.conn.execute("""
        SELECT count(*) FROM events e JOIN (
            SELECT gid, list_sort(list_distinct(list(actor_id) FILTER (role = 'source'))) si,
                   list_sort(list_distinct(list(actor_id) FILTER (role = 'target'))) ti,
                   list_sort(list_distinct(list(country) FILTER (role = 'source'))) sc,
                   list_sort(list_distinct(list(country) FILTER (role = 'target'))) tc
            FROM event_actors GROUP BY gid) x ON x.gid = e.gid
        WHERE e.src_ids <> x.si OR e.tgt_ids <> x.ti OR e.src_countries <> x.sc
           OR e.tgt_countries <> x.tc""").fetchall()
    if rows[0][0]:
        raise SystemExit(f"{rows[0][0]} events have side columns unlike their actor rows")
    print("side columns agree with event_actors")


def timed(label: str, fn: Callable[[], Any], repeat: int = 3, fresh: bool = True) -> Any:
    """Run ``fn`` (best of ``repeat``) and print its time in ms; ``fresh`` empties the
    analyses' per-version cache before each run, so the figure is the computation's."""
    best, result = float("inf"), None
    for _ in range(repeat):
        if fresh:
            cache.clear()
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    size = getattr(result, "num_rows", None)
    if size is None:
        size = len(result) if hasattr(result, "__len__") else ""
    print(f"{label:<58} {best * 1000:9.1f} ms   rows={size}")
    return result


def bench_ingest(n_docs: int) -> None:
    """Time the real write path (one transaction per record)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
    from store_factory import dyad_record  # type: ignore[import-not-found]

    records = [dyad_record(f"i{i}", f"2024-01-{i % 28 + 1:02d}", COUNTRIES[i % 20],
                           COUNTRIES[(i + 3) % 20], "ACCUSE", n=10) for i in range(n_docs)]
    with (tempfile.TemporaryDirectory() as tmp,
          open_store(Path(tmp) / "i.duckdb", read_only=False) as store):
        start = time.perf_counter()
        store.ingest(records)
        first = time.perf_counter() - start
        start = time.perf_counter()
        store.ingest(records)
        second = time.perf_counter() - start
    print(f"ingest {n_docs} records x 10 events: {first:.2f} s ({n_docs / first:.0f} docs/s); "
          f"re-ingest (all skipped): {second * 1000:.1f} ms")


def main() -> None:
    """Fill, then time."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--ingest-docs", type=int, default=500)
    parser.add_argument("--check", action="store_true",
                        help="check the filled side columns against event_actors")
    parser.add_argument("--no-ingest", action="store_true", help="skip the write timing")
    parser.add_argument("--ingest-only", action="store_true",
                        help="only the write timing (no one-million-event store)")
    args = parser.parse_args()
    if args.ingest_only:
        bench_ingest(args.ingest_docs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        with open_store(path, read_only=False) as store:
            start = time.perf_counter()
            fill(store, args.events)
            print(f"filled {args.events:,} events in {time.perf_counter() - start:.1f} s; "
                  f"file {path.stat().st_size / 1e6:.0f} MB")
            if args.check:
                check_sides(store)
            timed("dyad_series USA-CHN (both directions; target < 50 ms)",
                  lambda: store.dyad_series("USA", "CHN"))
            timed("dyad_series USA->CHN since 2023-01-01, directed",
                  lambda: store.dyad_series("USA", "CHN", either_direction=False,
                                            since="2023-01-01"))
            timed("events dyad USA-CHN (all rows, Arrow)",
                  lambda: store.events_arrow(dyad=("USA", "CHN"), either_direction=True))
            timed("events country=RUS quad=4 2021 (Arrow)",
                  lambda: store.events_arrow(country="RUS", quad_class=4, since="2021-01-01",
                                             until="2021-12-31"))
            timed("events plover=THREATEN limit 100 (DataFrame)",
                  lambda: store.events(plover="THREATEN", limit=100))
            timed("events actor 'IRN MIL' cameo 19 (DataFrame)",
                  lambda: store.events(actor="IRN MIL", cameo="19"))
            timed("actors with counts", store.actors)
            timed("network, country level (target < 200 ms)",
                  lambda: store.network(level="country").edges)
            timed("network, actor level", lambda: store.network(level="actor").edges)
            timed("escalation signals, all dyads (target < 300 ms)", store.escalation)
            timed("escalation signals, all dyads, cached (same version)", store.escalation,
                  fresh=False)
            timed("network, country level, cached (same version)",
                  lambda: store.network(level="country").edges, fresh=False)
    if not args.no_ingest:
        bench_ingest(args.ingest_docs)


if __name__ == "__main__":
    main()
