"""The demo job: analyse the built-in corpus into a fresh store and print the brief."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sitroom.errors import StoreError
from sitroom.store import DocumentTexts


def run_demo(corpus: Path, db: Path) -> None:
    """Ingest the demo corpus into a fresh ``db`` and print a summary and the brief.

    The brief is Markdown written to stdout as is (no terminal wrapping or markup), so
    that it can be piped into a file or a Markdown viewer.
    """
    from sitroom.api import open_store
    from sitroom.documents import iter_documents
    from sitroom.engines.local import analyze_stream

    for suffix in ("", ".wal"):
        stale = Path(str(db) + suffix)
        if stale.exists():
            try:
                stale.unlink()
            except OSError as error:
                raise StoreError(f"cannot replace the demo store: {error}", path=str(db)) from error
    started = time.perf_counter()
    store = open_store(db, read_only=False)
    try:
        texts = DocumentTexts()  # each record is stored with the text it was made from
        documents = texts.keep(iter_documents([str(corpus)]))
        result = store.ingest(texts.pair(analyze_stream(documents)))
        elapsed = time.perf_counter() - started
        sys.stdout.write(
            f"sitroom demo: {result.added} reports ingested into {db} in {elapsed:.1f}s "
            f"({result.quarantined} quarantined)\n\n"
        )
        sys.stdout.write(store.brief())
        sys.stdout.flush()
    finally:
        store.close()
