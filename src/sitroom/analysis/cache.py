"""Analysis results cached per store version.

A store's *version* is a fingerprint read in one cheap query (documents, events,
actors and quarantine counts, the largest event gid, the latest ingest time): any
ingest, replacement or deletion changes it. A result computed for one version is reused
while the version holds, so a dashboard that redraws the same view does not run the
same aggregation again, and sees new events as soon as they are stored (no restart).
The cache holds the last :data:`SIZE` results per process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sitroom.store.db import Database

T = TypeVar("T")

#: Results kept (least recently used dropped first).
SIZE = 64

_LOCK = threading.Lock()
_RESULTS: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

_VERSION_SQL = """
SELECT (SELECT count(*) FROM documents), (SELECT max(ingested_at) FROM documents),
       (SELECT count(*) FROM events), (SELECT max(gid) FROM events),
       (SELECT count(*) FROM actors), (SELECT count(*) FROM quarantine)
"""


def store_version(store: Database) -> tuple[Any, ...]:
    """The store's current version fingerprint (see the module)."""
    rows = store.conn.execute(_VERSION_SQL).fetchall()
    return tuple(rows[0]) if rows else ()


def cached(store: Database, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or its result for the same store file, version and ``key``.

    Callers must not mutate the returned object (copy it first)."""
    full = (str(store.path), store_version(store), *key)
    with _LOCK:
        if full in _RESULTS:
            _RESULTS.move_to_end(full)
            return _RESULTS[full]  # type: ignore[no-any-return]
    result = compute()
    with _LOCK:
        _RESULTS[full] = result
        while len(_RESULTS) > SIZE:
            _RESULTS.popitem(last=False)
    return result


def clear() -> None:
    """Forget every cached result (benchmarks time the computation with it)."""
    with _LOCK:
        _RESULTS.clear()
