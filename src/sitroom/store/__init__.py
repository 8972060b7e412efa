"""The embedded situation database: DuckDB schema and migrations, writing, queries, exports."""

from sitroom.store.db import Store, open_store, resolve_path
from sitroom.store.query import EventFilter
from sitroom.store.schema import SCHEMA_VERSION
from sitroom.store.write import IngestFailure, IngestResult, StoredDocument, ingest_records

__all__ = [
    "SCHEMA_VERSION",
    "EventFilter",
    "IngestFailure",
    "IngestResult",
    "Store",
    "StoredDocument",
    "ingest_records",
    "open_store",
    "resolve_path",
]
