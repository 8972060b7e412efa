"""``sitroom ingest``: documents → analysis → store, with a progress bar.

The bar is determinate: the documents to analyse are counted first (a quick read of the
inputs, skipping those already stored), so it shows done/total, the rate and the time
left; it reads "loading model" until the first document is stored, and it is silent
when stderr is not a terminal. Reading from standard input gives a bar without a total.
A failed write is never reported as success: the store is checkpointed before the
counts are returned, and a DuckDB or disk error becomes a named store error (E303).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from sitroom.documents import Document, ReadFailure, iter_documents
from sitroom.store import DocumentTexts
from sitroom.store.db import io_error


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


def count_new(paths: list[str], known: set[str]) -> int | None:
    """How many documents of ``paths`` are not stored yet (None when reading stdin)."""
    if "-" in paths:
        return None
    seen: set[str] = set()
    total = 0
    for item in iter_documents(paths):
        if isinstance(item, Document):
            if item.sha256 in known or item.sha256 in seen:
                continue
            seen.add(item.sha256)
        total += 1
    return total


def progress_bar(console: Console | None = None) -> Progress:
    """The ingest bar: done/total, rate, elapsed, time left; silent off a terminal."""
    console = console or Console(stderr=True)
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
        TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=False,
        disable=not console.is_terminal,
    )


def run_ingest(paths: list[str], *, db: Path | None, engine: str = "local", workers: int = 1,
               scheduler: str | None = None, shard_dir: Path | None = None,
               batch_size: int = 16, shard_size: int = 32, progress: bool = True) -> Any:
    """Ingest documents into the store and return the store's ingest result.

    Raises:
        StoreError: the store cannot be opened or written (``StoreIOError`` for a disk
            or file failure: the run is then not reported as a success).
    """
    from dataclasses import replace

    from sitroom.api import open_store

    store = open_store(db, read_only=False)
    try:
        if engine == "dask":
            from sitroom.engines.dask_engine import ingest_with_dask

            return ingest_with_dask(paths, store, scheduler=scheduler, workers=workers,
                                    shard_dir=shard_dir or store.path.with_suffix(".shards"),
                                    shard_size=shard_size, batch_size=batch_size)
        skipped: list[str] = []
        from sitroom.engines.local import prefetch

        known = store.known_hashes()
        stream = prefetch(with_texts(skip_known(iter_documents(paths), known, skipped),
                                     batch_size=batch_size, workers=workers))
        try:
            if not progress:
                result = store.ingest(stream)
            else:
                total = count_new(paths, known)
                with progress_bar() as bar:
                    task = bar.add_task("loading model", total=total)

                    def advance(*_: Any) -> None:
                        bar.update(task, advance=1, description="ingest")

                    result = store.ingest(stream, progress=advance)
            store.conn.execute("CHECKPOINT")  # on disk before success is reported
        except duckdb.Error as error:
            raise io_error(error, str(store.path)) from error
        return replace(result, skipped=result.skipped + len(skipped))
    finally:
        with contextlib.suppress(duckdb.Error):  # the error that matters was raised above
            store.close()
