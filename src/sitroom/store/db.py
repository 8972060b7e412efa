"""Opening the store: one DuckDB file, its schema checked or migrated on open."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from sitroom.errors import StoreError
from sitroom.store.schema import SCHEMA_VERSION, ensure_schema, fetch_one

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from sitroom.record import AnalysisRecord
    from sitroom.store.query import EventFilter
    from sitroom.store.write import IngestResult

#: Environment variable naming the default store file.
ENV_VAR = "SITROOM_DB"
#: Store file used when neither an argument nor ``SITROOM_DB`` names one.
DEFAULT_PATH = "sitroom.duckdb"


def resolve_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The store file: ``path``, else ``$SITROOM_DB``, else ``./sitroom.duckdb``."""
    if path is not None and str(path):
        return Path(path)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else Path(DEFAULT_PATH)


class Store:
    """An open sitroom store (a DuckDB connection plus the schema it holds).

    Use :func:`open_store`; close it with :meth:`close` or a ``with`` block.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._next_ids: dict[str, int] = {}

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open store."""
        row = fetch_one(self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'"))
        return int(row[0]) if row else SCHEMA_VERSION

    def next_id(self, table: str, column: str) -> int:
        """A fresh integer id for ``table.column`` (single writer: DuckDB locks the file)."""
        key = f"{table}.{column}"
        if key not in self._next_ids:
            row = fetch_one(self.conn.execute(f"SELECT coalesce(max({column}), 0) FROM {table}"))
            self._next_ids[key] = int(row[0]) + 1 if row else 1
        value = self._next_ids[key]
        self._next_ids[key] = value + 1
        return value

    # -- documents -------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        """Content hashes of every stored document (to skip work before analysing)."""
        return {row[0] for row in self.conn.execute("SELECT sha256 FROM documents").fetchall()}

    def has_document(self, sha256: str) -> bool:
        """Whether a document with this content hash is stored."""
        row = fetch_one(self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", [sha256]))
        return row is not None

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        out: dict[str, int] = {}
        for name in ("documents", "actors", "events", "quotes", "sources", "quarantine"):
            row = fetch_one(self.conn.execute(f"SELECT count(*) FROM {name}"))
            out[name] = int(row[0]) if row else 0
        return out

    def quarantine(self) -> pd.DataFrame:
        """The quarantine table: path, doc_id, reason, at."""
        return self.conn.execute("SELECT * FROM quarantine ORDER BY \"at\", path").df()

    def documents(self, *, text: bool = False) -> pd.DataFrame:
        """The documents table (without the ``text`` column unless ``text=True``)."""
        columns = "*" if text else "* EXCLUDE (text)"
        return self.conn.execute(f"SELECT {columns} FROM documents ORDER BY doc_id").df()

    def record(self, doc_id: str) -> AnalysisRecord:
        """Rebuild a stored document's analysis record."""
        from sitroom.store.query import read_record

        return read_record(self, doc_id)

    # -- writing ---------------------------------------------------------------------
    def ingest(
        self,
        records: Iterable[Any],
        progress: Callable[[str, str | None], None] | None = None,
    ) -> IngestResult:
        """Store records (and quarantine failures); see :func:`ingest_records`."""
        from sitroom.store.write import ingest_records

        return ingest_records(self, records, progress)

    # -- reading ---------------------------------------------------------------------
    def events(self, filters: EventFilter | None = None, **kwargs: Any) -> pd.DataFrame:
        """Events matching the filters as a DataFrame (see ``EventFilter``)."""
        from sitroom.store.query import events_frame, make_filter

        return events_frame(self, make_filter(filters, **kwargs))

    def events_arrow(self, filters: EventFilter | None = None, **kwargs: Any) -> pa.Table:
        """Events matching the filters as a pyarrow Table."""
        from sitroom.store.query import events_arrow, make_filter

        return events_arrow(self, make_filter(filters, **kwargs))

    def actors(self, **kwargs: Any) -> pd.DataFrame:
        """Global actors with their event, mention and document counts."""
        from sitroom.store.query import actors_frame

        return actors_frame(self, **kwargs)


def open_store(
    path: str | os.PathLike[str] | None = None, *, read_only: bool = False
) -> Store:
    """Open (creating or migrating) the store at ``path`` / ``$SITROOM_DB`` / default.

    Raises:
        StoreError: the file cannot be opened (locked, not DuckDB) or its schema is
            newer than this code or cannot be migrated.
    """
    target = resolve_path(path)
    if read_only and not target.exists():
        raise StoreError(f"no store at {target}")
    if target.parent and not target.parent.exists():
        raise StoreError(f"folder {target.parent} does not exist", path=str(target))
    try:
        conn = duckdb.connect(str(target), read_only=read_only)
    except (duckdb.Error, OSError) as error:
        raise StoreError(f"cannot open the store: {error}", path=str(target)) from error
    try:
        ensure_schema(conn, read_only=read_only)
    except StoreError as error:
        conn.close()
        error.path = str(target)
        raise
    except duckdb.Error as error:
        conn.close()
        raise StoreError(f"cannot read the store: {error}", path=str(target)) from error
    return Store(conn, target, read_only)
