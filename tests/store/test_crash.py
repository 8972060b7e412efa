"""Crash safety: kill -9 an ingest mid-way, run it again, nothing is lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from store_factory import dyad_record

from sitroom.api import open_store
from sitroom.record import AnalysisRecord

N = 150
EVENTS_PER_DOC = 3

CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[2])
    from store_factory import dyad_record
    from sitroom.api import open_store
    from sitroom.store import write

    write.BATCH_DOCS = 10  # small batches: the kill lands between and inside them
    real_insert = write._insert

    def slow_insert(conn, table, rows):
        real_insert(conn, table, rows)
        if table == "events":  # widen the window in which a kill lands mid-transaction
            time.sleep(0.004)

    write._insert = slow_insert

    def records():
        for i in range(int(sys.argv[3])):
            time.sleep(0.001)  # a slow analysis
            yield dyad_record(f"d{i:04d}", f"2024-01-{i % 28 + 1:02d}", "USA", "CHN",
                              "ACCUSE", n=3)

    store = open_store(sys.argv[1], read_only=False)
    store.ingest(records(), progress=lambda outcome, doc: print(outcome, doc, flush=True))
    print("finished", flush=True)
    """
)


def _all_records() -> list[AnalysisRecord]:
    return [
        dyad_record(f"d{i:04d}", f"2024-01-{i % 28 + 1:02d}", "USA", "CHN", "ACCUSE",
                    n=EVENTS_PER_DOC)
        for i in range(N)
    ]


def test_kill_minus_nine_then_resume(tmp_path: Path) -> None:
    db = tmp_path / "crash.duckdb"
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, str(script), str(db), str(Path(__file__).parent), str(N)],
        stdout=subprocess.PIPE, text=True, env=env,
    )
    assert child.stdout is not None
    added = 0
    for line in child.stdout:
        if line.startswith("added"):
            added += 1
        if added >= 40:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert added >= 40

    with open_store(db, read_only=False) as store:
        docs = store.conn.execute("SELECT count(*) FROM documents").fetchone()
        stored = int(docs[0]) if docs else 0
        assert added <= stored < N, "the kill must land before the end"
        # No half documents: every stored document has all its events and actors.
        per_doc = store.conn.execute(
            "SELECT d.doc_id, count(e.gid) FROM documents d "
            "LEFT JOIN events e ON e.doc_id = d.doc_id GROUP BY d.doc_id"
        ).fetchall()
        assert all(n == EVENTS_PER_DOC for _, n in per_doc)
        orphans = store.conn.execute(
            "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()
        assert orphans is not None and orphans[0] == 0

        result = store.ingest(_all_records())
        assert result.added == N - stored
        assert result.skipped == stored

        counts = store.conn.execute(
            "SELECT count(*), count(DISTINCT doc_id || '/' || event_id), count(DISTINCT gid) "
            "FROM events"
        ).fetchone()
        assert counts == (N * EVENTS_PER_DOC,) * 3
        ids = {r[0] for r in store.conn.execute("SELECT doc_id FROM documents").fetchall()}
        assert ids == {f"d{i:04d}" for i in range(N)}
        assert store.conn.execute("SELECT count(*) FROM actors").fetchone() == (2,)
