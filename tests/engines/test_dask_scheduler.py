"""``--scheduler tcp://…``: against a scheduler and workers started as separate
processes on loopback, Dask ingest stores exactly what local ingest stores."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_dask_engine import TABLES, _corpus, _dump

pytestmark = pytest.mark.dask


def _dask(*args: str) -> list[str]:
    return [sys.executable, "-m", "distributed.cli.dask_" + args[0], *args[1:]]


def test_separately_started_scheduler_stores_what_local_stores(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from sitroom.api import open_store
    from sitroom.documents import iter_documents
    from sitroom.engines.dask_engine import ingest_with_dask
    from sitroom.engines.local import analyze_stream

    paths = _corpus(tmp_path)
    local_db = tmp_path / "local.duckdb"
    with open_store(local_db, read_only=False) as store:
        local = store.ingest(analyze_stream(iter_documents(paths), batch_size=2))

    info = tmp_path / "scheduler.json"
    logs = (tmp_path / "scheduler.log").open("w")
    started = [subprocess.Popen(
        _dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
              "--scheduler-file", str(info)), stdout=logs, stderr=logs)]
    try:
        deadline = time.monotonic() + 120
        while not info.is_file() or not info.read_text().strip():
            assert started[0].poll() is None, "the scheduler exited"
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for n in range(2):
            started.append(subprocess.Popen(
                _dask("worker", address, "--nthreads", "1", "--nworkers", "1",
                      "--no-dashboard", "--name", f"w{n}", "--local-directory",
                      str(tmp_path / f"w{n}")), stdout=logs, stderr=logs))
        dask_db = tmp_path / "dask.duckdb"
        result = ingest_with_dask(paths, dask_db, scheduler=address, workers=2,
                                  shard_dir=tmp_path / "shards", shard_size=2)
    finally:
        for process in reversed(started):
            process.terminate()
        for process in reversed(started):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        logs.close()
    assert (result.added, result.skipped, result.quarantined) == (
        local.added, local.skipped, local.quarantined)
    local_rows, dask_rows = _dump(local_db), _dump(dask_db)
    for table in TABLES:
        assert dask_rows[table] == local_rows[table], table
