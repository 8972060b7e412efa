"""Local execution: one process, or several worker processes each loading the model once."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import Pool
from types import TracebackType
from typing import Any, Literal, TypeVar

from sitroom.documents.model import Document, ReadFailure
from sitroom.record import AnalysisRecord

T = TypeVar("T")

_WORKER_NLP: Any = None

#: ``sitroom``: the full pipeline (``load_nlp``); ``base``: the bare model.
PipelineKind = Literal["sitroom", "base"]


def _init_worker(kind: PipelineKind = "sitroom") -> None:
    """Load the pipeline and, for sitroom's, everything its stages read lazily (see
    :func:`sitroom.pipeline.warm.warm_pipeline`); then freeze what is loaded out of the
    garbage collector's sight, so collections during analysis do not walk the model
    and the lexicons again and again."""
    global _WORKER_NLP
    import gc

    from sitroom.pipeline.loader import load_base_nlp, load_nlp

    if kind == "sitroom":
        from sitroom.pipeline.warm import load_knowledge, warm_pipeline

        load_knowledge()  # before the model: the model's loading reuses what parsing freed
        _WORKER_NLP = load_nlp()
        warm_pipeline(_WORKER_NLP)
    else:
        _WORKER_NLP = load_base_nlp()
        _WORKER_NLP("Warm up the pipeline.")
    gc.collect()
    gc.freeze()


def _analyze_batch(batch: list[Document | ReadFailure]) -> list[AnalysisRecord | ReadFailure]:
    from sitroom.pipeline.analyze import analyze_documents

    return list(analyze_documents(batch, nlp=_WORKER_NLP))


def _parse_batch(texts: list[str]) -> int:
    """Parse texts with the bare model (benchmark ceiling); returns the token count."""
    return sum(len(doc) for doc in _WORKER_NLP.pipe(texts, batch_size=len(texts) or 1))


def _worker_state(pause: float) -> tuple[int, float]:
    """(pid, peak RSS in MiB) of this worker, after a pause so every worker answers."""
    from sitroom.engines.shards import peak_rss_mb

    time.sleep(pause)
    return os.getpid(), peak_rss_mb()


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class WorkerPool:
    """Worker processes (spawned) that each load a pipeline once, reusable across runs.

    Use as a context manager. ``analyze_stream`` makes one per call; benchmarks keep one
    warm to time the analysis without process start-up.

    Args:
        workers: processes.
        kind: ``sitroom`` (full pipeline) or ``base`` (bare model, for ``parse_texts``).
    """

    def __init__(self, workers: int, kind: PipelineKind = "sitroom") -> None:
        self.workers = workers
        self.kind = kind
        context = mp.get_context("spawn")
        self._pool: Pool = context.Pool(workers, initializer=_init_worker, initargs=(kind,))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (unfinished tasks are dropped) and wait for them to exit."""
        self._pool.terminate()
        self._pool.join()

    def warm(self, pause: float = 0.5) -> dict[int, float]:
        """Wait until every worker has loaded its pipeline; returns pid → peak RSS (MiB)."""
        return self.peak_rss(pause)

    def peak_rss(self, pause: float = 0.5) -> dict[int, float]:
        """Peak resident memory (MiB) of each worker process, by pid (best effort)."""
        answers = self._pool.map(_worker_state, [pause] * (2 * self.workers), chunksize=1)
        out: dict[int, float] = {}
        for pid, peak in answers:
            out[pid] = max(peak, out.get(pid, 0.0))
        return out

    def analyze(self, items: Iterable[Document | ReadFailure], batch_size: int = 16
                ) -> Iterator[AnalysisRecord | ReadFailure]:
        """Analyse documents in input order, one batch per task."""
        for results in self._pool.imap(_analyze_batch, _batches(items, batch_size)):
            yield from results

    def parse_texts(self, texts: Iterable[str], batch_size: int = 16) -> int:
        """Parse texts with the pool's pipeline (``nlp.pipe``); returns the token count."""
        return sum(self._pool.imap(_parse_batch, _batches(texts, batch_size)))


def analyze_stream(
    items: Iterable[Document | ReadFailure], batch_size: int = 16, workers: int = 1
) -> Iterator[AnalysisRecord | ReadFailure]:
    """Analyse documents in input order, in this process or in ``workers`` processes.

    Args:
        items: documents and read failures.
        batch_size: documents per batch (per ``nlp.pipe`` call and per worker task).
        workers: worker processes; 1 runs in this process.
    """
    from sitroom.pipeline.analyze import analyze_documents

    if workers <= 1:
        yield from analyze_documents(items, batch_size=batch_size)
        return
    with WorkerPool(workers) as pool:
        yield from pool.analyze(items, batch_size)


def prefetch(items: Iterable[T], size: int = 16) -> Iterator[T]:
    """Run an iterator in a background thread, ``size`` items ahead of the consumer.

    Ingest uses it so the store writes one document while the parser works on the
    next: DuckDB releases the GIL while it executes, and so do the parser's matrix
    operations. Exceptions in the producer are raised in the consumer.
    """
    import queue
    import threading

    box: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=size)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                box.put(("item", item))
        except BaseException as error:
            box.put(("error", error))
        else:
            box.put(("end", None))

    worker = threading.Thread(target=produce, name="sitroom-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = box.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()
