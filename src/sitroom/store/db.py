"""The store's connection: one DuckDB file, its schema checked or migrated on open.

:class:`Database` is the low-level handle every store function takes (``query``,
``write``, the analyses): the connection, the file, whether it is read-only, and the
id counters of the single writer. It knows nothing of reading or writing records; the
public facade with those methods is :class:`sitroom.api.Store`, a ``Database``.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TypeVar

import duckdb

from sitroom.errors import NoStoreError, StoreError, StoreIOError, StoreLockedError
from sitroom.store.schema import SCHEMA_VERSION, ensure_schema, fetch_one

#: Environment variable naming the default store file.
ENV_VAR = "SITROOM_DB"
#: Store file used when neither an argument nor ``SITROOM_DB`` names one.
DEFAULT_PATH = "sitroom.duckdb"

D = TypeVar("D", bound="Database")


def resolve_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The store file: ``path``, else ``$SITROOM_DB``, else ``./sitroom.duckdb``."""
    if path is not None and str(path):
        return Path(path)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else Path(DEFAULT_PATH)


class Database:
    """An open store file: a DuckDB connection plus the schema it holds.

    Open one with :meth:`open` (or :func:`open_database`); close it with :meth:`close`
    or a ``with`` block.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._next_ids: dict[str, int] = {}

    @classmethod
    def open(
        cls: type[D], path: str | os.PathLike[str] | None = None, *, read_only: bool = False
    ) -> D:
        """Open (creating or migrating) the store at ``path`` / ``$SITROOM_DB`` / default.

        Raises:
            StoreError: the file cannot be opened (locked, not DuckDB) or its schema is
                newer than this code or cannot be migrated.
        """
        target = resolve_path(path)
        if read_only and not target.exists():
            raise NoStoreError("no store here (open it with read_only=False to create one)",
                               path=str(target))
        if target.parent and not target.parent.exists():
            raise StoreError(f"folder {target.parent} does not exist", path=str(target))
        try:
            conn = duckdb.connect(str(target), read_only=read_only)
        except (duckdb.Error, OSError) as error:
            text = str(error)
            if "lock" in text.lower():
                raise StoreLockedError(
                    "the store is in use by another process (a running `sitroom serve` "
                    "dashboard or ingest holds its lock); stop it or query read-only",
                    path=str(target)) from error
            if "not a valid duckdb" in text.lower():
                raise StoreError(f"not a DuckDB store: {text}", path=str(target)) from error
            raise io_error(error, str(target)) from error
        try:
            ensure_schema(conn, read_only=read_only)
        except StoreError as error:
            conn.close()
            error.path = str(target)
            raise
        except duckdb.Error as error:
            conn.close()
            raise io_error(error, str(target)) from error
        return cls(conn, target, read_only)

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.conn.close()

    def __enter__(self: D) -> D:
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

    # -- id counters of the single writer ----------------------------------------------
    def next_id(self, table: str, column: str) -> int:
        """A fresh integer id for ``table.column`` (single writer: DuckDB locks the file)."""
        key = f"{table}.{column}"
        if key not in self._next_ids:
            row = fetch_one(self.conn.execute(f"SELECT coalesce(max({column}), 0) FROM {table}"))
            self._next_ids[key] = int(row[0]) + 1 if row else 1
        value = self._next_ids[key]
        self._next_ids[key] = value + 1
        return value

    def forget_ids(self) -> None:
        """Drop the id counters (after a rolled-back write): they are re-read from the
        tables when next needed."""
        self._next_ids.clear()


def io_error(error: BaseException, path: str | None = None) -> StoreError:
    """The named store error for a DuckDB or OS error: :class:`StoreIOError` for a disk
    full, an I/O failure or a corrupt file, else :class:`StoreError`."""
    text = str(error)
    low = text.lower()
    markers = ("no space", "disk full", "i/o", "corrupt", "checksum", "read past")
    if isinstance(error, OSError | duckdb.IOException | duckdb.SerializationException) or any(
            m in low for m in markers):
        return StoreIOError(f"the store file could not be read or written: {text}", path=path)
    return StoreError(f"cannot read the store: {text}", path=path)


def open_database(
    path: str | os.PathLike[str] | None = None, *, read_only: bool = False
) -> Database:
    """Open the low-level handle of a store (see :meth:`Database.open`)."""
    return Database.open(path, read_only=read_only)
