"""The demo job: analyse the built-in corpus into a fresh store and print the brief."""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console

from sitroom.errors import StoreError

console = Console(highlight=False)


def run_demo(corpus: Path, db: Path) -> None:
    """Ingest the demo corpus into a fresh ``db`` and print a summary and the brief."""
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
    store = open_store(db)
    try:
        result = store.ingest(analyze_stream(iter_documents([str(corpus)])))
        elapsed = time.perf_counter() - started
        console.print(f"[bold]sitroom demo[/]: {result.added} reports ingested into {db} "
                      f"in {elapsed:.1f}s ({result.quarantined} quarantined)")
        console.print(store.brief())
    finally:
        store.close()
