"""The demo job: analyse the built-in corpus into a fresh store and print the brief."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitroom.errors import StoreError


def _with_text(items: Iterable[Any], texts: dict[str, str]) -> Iterator[Any]:
    """Records paired with the text they were analysed from; failures pass through."""
    from sitroom.record import AnalysisRecord
    from sitroom.store import StoredDocument

    for item in items:
        if isinstance(item, AnalysisRecord):
            yield StoredDocument(item, texts.get(item.document.id))
        else:
            yield item


def run_demo(corpus: Path, db: Path) -> None:
    """Ingest the demo corpus into a fresh ``db`` and print a summary and the brief.

    The brief is Markdown written to stdout as is (no terminal wrapping or markup), so
    that it can be piped into a file or a Markdown viewer.
    """
    from sitroom.api import open_store
    from sitroom.documents import Document, iter_documents
    from sitroom.engines.local import analyze_stream

    for suffix in ("", ".wal"):
        stale = Path(str(db) + suffix)
        if stale.exists():
            try:
                stale.unlink()
            except OSError as error:
                raise StoreError(f"cannot replace the demo store: {error}", path=str(db)) from error
    started = time.perf_counter()
    store = open_store(db)
    try:
        documents = list(iter_documents([str(corpus)]))  # a small corpus: kept for its texts
        texts = {d.id: d.text for d in documents if isinstance(d, Document)}
        result = store.ingest(_with_text(analyze_stream(documents), texts))
        elapsed = time.perf_counter() - started
        sys.stdout.write(
            f"sitroom demo: {result.added} reports ingested into {db} in {elapsed:.1f}s "
            f"({result.quarantined} quarantined)\n\n"
        )
        sys.stdout.write(store.brief())
        sys.stdout.flush()
    finally:
        store.close()
