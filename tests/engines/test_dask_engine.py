"""The Dask engine stores exactly what the local engine stores, and re-runs reuse shards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.dask

STORIES = [
    ("kyiv", "KYIV, March 3 (Reuters) - Russia launched missile strikes on Kyiv on Monday, "
             "Ukrainian officials said. Ukraine accused Moscow of targeting power plants.\n"),
    ("talks", "France and Germany urged Iran to return to nuclear talks. President Emmanuel "
              "Macron said Paris would meet Iranian diplomats in Geneva next week.\n"),
    ("aid", "Japan pledged $50 million in humanitarian aid to Sudan on Tuesday, the foreign "
            "ministry said. The United Nations welcomed the decision.\n"),
    ("sanctions", "The United States imposed sanctions on North Korea after a missile test. "
                  "China criticised the sanctions and called for dialogue.\n"),
    ("border", "Indian and Chinese troops clashed on the border, according to an Indian army "
               "statement. Beijing denied that its soldiers had crossed the line.\n"),
]

#: Tables compared between engines; ingest timestamps are left out.
TABLES = ("documents", "actors", "doc_actors", "mentions", "events", "event_actors",
          "quotes", "sources", "relations", "quarantine")


def _corpus(root: Path) -> list[str]:
    folder = root / "texts"
    folder.mkdir()
    for name, text in STORIES[:3]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    lines = [json.dumps({"id": name, "text": text, "published": "2024-03-04"})
             for name, text in STORIES[3:]]
    lines.append("{broken json")
    (root / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder), str(root / "more.jsonl")]


def _dump(store_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    from sitroom.api import open_store

    out: dict[str, list[tuple[Any, ...]]] = {}
    with open_store(store_path, read_only=True) as store:
        for table in TABLES:
            columns = [name for name, type_ in store.conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
                if not type_.startswith("TIMESTAMP")]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = store.conn.execute(f"SELECT {select} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def _profiling() -> bool:
    import dask.config

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def test_dask_and_local_ingest_store_the_same_events(tmp_path):
    pytest.importorskip("distributed")
    from sitroom.api import open_store
    from sitroom.documents import iter_documents
    from sitroom.engines.dask_engine import (
        DaskIngestResult,
        dask_client,
        ingest_on_client,
        ingest_with_dask,
    )
    from sitroom.engines.local import analyze_stream
    from sitroom.store import IngestResult

    paths = _corpus(tmp_path)
    local_db = tmp_path / "local.duckdb"
    with open_store(local_db, read_only=False) as store:
        local = store.ingest(analyze_stream(iter_documents(paths), batch_size=2))

    dask_db = tmp_path / "dask.duckdb"
    shards = tmp_path / "shards"
    seen: list[tuple[str, str | None]] = []
    result = ingest_with_dask(paths, dask_db, scheduler=None, workers=2, shard_dir=shards,
                              shard_size=2, progress=lambda o, label: seen.append((o, label)))
    assert isinstance(result, DaskIngestResult)
    assert isinstance(result, IngestResult)
    assert (result.added, result.skipped, result.quarantined) == (
        local.added, local.skipped, local.quarantined)
    assert result.added + result.quarantined == len(STORIES) + 1
    assert len(seen) == len(STORIES) + 1
    assert result.shards == 3
    assert result.shards_reused == 0
    assert len(list(Path(result.shard_folder).glob("shard-*.parquet"))) == 3
    assert result.worker_peak_rss_mb and all(v > 0 for _, v in result.worker_peak_rss_mb)

    local_rows, dask_rows = _dump(local_db), _dump(dask_db)
    for table in TABLES:
        assert dask_rows[table] == local_rows[table], table

    # a re-run reads the shards already written and stores nothing twice
    with dask_client(None, workers=2) as client:
        # the local cluster's settings reach the worker processes (no stack sampling)
        assert set(client.run(_profiling).values()) == {False}
        again = ingest_on_client(client, paths, dask_db, shards, shard_size=2)
        # new input beside the old: the workers skip the stored documents (open store given)
        extra = Path(paths[0]) / "extra.txt"
        extra.write_text("Brazil and Argentina signed a trade agreement in Buenos Aires.\n",
                         encoding="utf-8")
        with open_store(dask_db, read_only=False) as store:
            third = ingest_on_client(client, paths, store, shards, shard_size=2)
            assert store.counts()["documents"] == result.added + third.added
    assert again.shards_reused == again.shards == 3
    assert again.added == 0
    assert again.skipped == result.added

    assert third.shards_reused == 0
    assert third.skipped == result.added
    assert third.added + third.quarantined == len(STORIES) + 2 - result.added
    with open_store(local_db, read_only=False) as store:
        store.ingest(analyze_stream(iter_documents(paths), batch_size=2))
    local_rows, dask_rows = _dump(local_db), _dump(dask_db)
    for table in TABLES:
        if table != "quarantine":  # the dask store quarantined the broken line twice
            assert dask_rows[table] == local_rows[table], table
    assert local_rows["events"], "the pipeline stored no events: the comparison is empty"
