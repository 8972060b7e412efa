"""Local execution: one process, or several worker processes each loading the model once."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from sitroom.documents.model import Document, ReadFailure
from sitroom.record import AnalysisRecord

_WORKER_NLP = None


def _init_worker() -> None:
    global _WORKER_NLP
    from sitroom.pipeline.loader import load_nlp

    _WORKER_NLP = load_nlp()


def _analyze_batch(batch: list[Document | ReadFailure]) -> list[AnalysisRecord | ReadFailure]:
    from sitroom.pipeline.analyze import analyze_documents

    return list(analyze_documents(batch, nlp=_WORKER_NLP))


def _batches(items: Iterable[Document | ReadFailure], size: int
             ) -> Iterator[list[Document | ReadFailure]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


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
    context = mp.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker) as pool:
        for results in pool.imap(_analyze_batch, _batches(items, batch_size)):
            yield from results
