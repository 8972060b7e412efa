"""``sitroom ingest``: documents → analysis → store, with a progress bar."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from sitroom.documents import Document, ReadFailure, iter_documents
from sitroom.store import DocumentTexts


class _Rate(TextColumn):
    """Documents per second so far."""

    def __init__(self) -> None:
        super().__init__("")
        self.started = time.perf_counter()

    def render(self, task: Any) -> Any:
        from rich.text import Text

        elapsed = max(time.perf_counter() - self.started, 1e-6)
        return Text(f"{task.completed / elapsed:6.1f} docs/s")


def skip_known(items: Iterable[Document | ReadFailure], known: set[str],
               skipped: list[str]) -> Iterator[Document | ReadFailure]:
    """Drop documents whose content hash is already stored (recorded in ``skipped``)."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            if item.sha256 in known or item.sha256 in seen:
                skipped.append(item.id)
                continue
            seen.add(item.sha256)
        yield item


def with_texts(items: Iterable[Document | ReadFailure], batch_size: int, workers: int
               ) -> Iterator[Any]:
    """Analyse documents and pair each record with its text as read, for the store."""
    from sitroom.engines.local import analyze_stream

    texts = DocumentTexts()
    return texts.pair(analyze_stream(texts.keep(items), batch_size=batch_size, workers=workers))


def run_ingest(paths: list[str], *, db: Path | None, engine: str = "local", workers: int = 1,
               scheduler: str | None = None, shard_dir: Path | None = None,
               batch_size: int = 16, shard_size: int = 32, progress: bool = True) -> Any:
    """Ingest documents into the store and return the store's ingest result."""
    from dataclasses import replace

    from sitroom.api import open_store

    store = open_store(db)
    try:
        if engine == "dask":
            from sitroom.engines.dask_engine import ingest_with_dask

            return ingest_with_dask(paths, store, scheduler=scheduler, workers=workers,
                                    shard_dir=shard_dir or store.path.with_suffix(".shards"),
                                    shard_size=shard_size, batch_size=batch_size)
        skipped: list[str] = []
        from sitroom.engines.local import prefetch

        stream = prefetch(with_texts(skip_known(iter_documents(paths), store.known_hashes(),
                                                skipped),
                                     batch_size=batch_size, workers=workers))
        if not progress:
            result = store.ingest(stream)
        else:
            with Progress(TextColumn("ingest"), BarColumn(), TextColumn("{task.completed} docs"),
                          _Rate(), TimeElapsedColumn(), transient=False) as bar:
                task = bar.add_task("ingest", total=None)
                result = store.ingest(stream, progress=lambda *_: bar.advance(task))
        return replace(result, skipped=result.skipped + len(skipped))
    finally:
        store.close()
