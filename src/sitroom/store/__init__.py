"""The embedded situation database: DuckDB schema and migrations, writing, queries, exports.

Layout: :mod:`~sitroom.store.db` holds the connection (:class:`Database`);
:mod:`~sitroom.store.query` and :mod:`~sitroom.store.write` are functions over it;
:mod:`~sitroom.store.stored` is what the writer takes. The public facade with every
method (queries, ingest, analyses) is :class:`sitroom.api.Store`.
"""

from sitroom.store.db import Database, open_database, resolve_path
from sitroom.store.query import EventFilter
from sitroom.store.schema import SCHEMA_VERSION
from sitroom.store.stored import (
    DocumentTexts,
    IngestFailure,
    IngestResult,
    StoredDocument,
    as_stored,
)
from sitroom.store.write import ingest_records

__all__ = [
    "SCHEMA_VERSION",
    "Database",
    "DocumentTexts",
    "EventFilter",
    "IngestFailure",
    "IngestResult",
    "StoredDocument",
    "as_stored",
    "ingest_records",
    "open_database",
    "resolve_path",
]
