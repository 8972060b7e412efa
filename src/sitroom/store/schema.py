"""The store's tables, its schema version and the migrations between versions.

Every table is declared once as a list of columns; each column records the schema
version that introduced it. Creating a store of version ``n`` keeps the columns with
``since <= n``; migrating from ``n`` to ``n + 1`` adds the columns introduced in ``n + 1``
and runs that step's backfill. Tests build a real version-1 file this way and open it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import duckdb

from sitroom.errors import StoreError
from sitroom.store import sides, situations

#: The schema version this code writes.
SCHEMA_VERSION = 5


def fetch_one(cursor: duckdb.DuckDBPyConnection) -> tuple[Any, ...] | None:
    """The first row of a result, reading the result to its end.

    DuckDB refuses new work on a connection while a result is only partly fetched, so
    ``fetchone`` is not used.
    """
    rows = cursor.fetchall()
    return rows[0] if rows else None


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        name: column name.
        type: DuckDB type and constraints.
        since: schema version that introduced the column.
    """

    name: str
    type: str
    since: int = 1


@dataclass(frozen=True)
class Table:
    """One table: columns plus table constraints (primary keys, uniques)."""

    name: str
    columns: tuple[Column, ...]
    constraints: tuple[str, ...] = ()
    since: int = 1


def _c(name: str, type_: str, since: int = 1) -> Column:
    return Column(name, type_, since)


TABLES: tuple[Table, ...] = (
    Table("meta", (_c("key", "VARCHAR PRIMARY KEY"), _c("value", "VARCHAR"))),
    Table(
        "documents",
        (
            _c("doc_id", "VARCHAR PRIMARY KEY"),
            _c("sha256", "VARCHAR NOT NULL UNIQUE"),
            _c("path", "VARCHAR"),
            _c("title", "VARCHAR"),
            _c("published", "VARCHAR"),
            _c("published_date", "DATE"),
            _c("url", "VARCHAR"),
            _c("dateline", "VARCHAR"),
            _c("length", "INTEGER"),
            _c("record_schema", "VARCHAR"),
            _c("errors", "VARCHAR[]"),
            _c("sha256_given", "BOOLEAN"),
            _c("ingested_at", "TIMESTAMP"),
            _c("language", "VARCHAR DEFAULT 'en'", since=2),
            _c("text", "VARCHAR", since=3),
        ),
    ),
    Table(
        "actors",
        (
            _c("actor_id", "BIGINT PRIMARY KEY"),
            _c("key", "VARCHAR NOT NULL UNIQUE"),
            _c("name", "VARCHAR"),
            _c("norm_name", "VARCHAR"),
            _c("surname", "VARCHAR"),
            _c("kind", "VARCHAR"),
            _c("country", "VARCHAR"),
            _c("sector", "VARCHAR"),
            _c("code", "VARCHAR"),
            _c("title", "VARCHAR"),
            _c("first_doc", "VARCHAR"),
        ),
    ),
    Table(
        "doc_actors",
        (
            _c("doc_id", "VARCHAR NOT NULL"),
            _c("local_id", "VARCHAR NOT NULL"),
            _c("ord", "INTEGER"),
            _c("actor_id", "BIGINT"),
            _c("name", "VARCHAR"),
            _c("kind", "VARCHAR"),
            _c("country", "VARCHAR"),
            _c("sector", "VARCHAR"),
            _c("code", "VARCHAR"),
            _c("title", "VARCHAR"),
            _c("count", "BIGINT"),
            _c("rule", "VARCHAR"),
            _c("reason", "VARCHAR"),
            _c("lexicon", "VARCHAR"),
        ),
        ("PRIMARY KEY (doc_id, local_id)",),
    ),
    Table(
        "mentions",
        (
            _c("doc_id", "VARCHAR NOT NULL"),
            _c("local_id", "VARCHAR NOT NULL"),
            _c("ord", "INTEGER"),
            _c("actor_id", "BIGINT"),
            _c("start_char", "INTEGER"),
            _c("end_char", "INTEGER"),
            _c("text", "VARCHAR"),
        ),
    ),
    Table(
        "events",
        (
            _c("gid", "BIGINT PRIMARY KEY"),
            _c("doc_id", "VARCHAR NOT NULL"),
            _c("event_id", "VARCHAR NOT NULL"),
            _c("ord", "INTEGER"),
            _c("plover", "VARCHAR"),
            _c("plover_mode", "VARCHAR"),
            _c("cameo", "VARCHAR"),
            _c("goldstein", "DOUBLE"),
            _c("quad_class", "TINYINT"),
            _c("polarity", "VARCHAR"),
            _c("modality", "VARCHAR"),
            _c("certainty", "VARCHAR"),
            _c("attribution", "VARCHAR"),
            _c("source_locals", "VARCHAR[]"),
            _c("target_locals", "VARCHAR[]"),
            _c("trigger_text", "VARCHAR"),
            _c("trigger_start", "INTEGER"),
            _c("trigger_end", "INTEGER"),
            _c("sentence_index", "INTEGER"),
            _c("sentence_start", "INTEGER"),
            _c("sentence_end", "INTEGER"),
            _c("date", "VARCHAR"),
            _c("event_date", "DATE"),
            _c("location_text", "VARCHAR"),
            _c("location_country", "VARCHAR"),
            _c("location_start", "INTEGER"),
            _c("location_end", "INTEGER"),
            _c("parent", "VARCHAR"),
            _c("rule", "VARCHAR"),
            _c("lexicon", "VARCHAR"),
            _c("quantities", "JSON"),
            _c("cues", "JSON"),
            _c("counted", "BOOLEAN", since=2),
            _c("status", "VARCHAR", since=4),
            _c("denied_by", "VARCHAR[]", since=4),
            # v5: what the analyses filter and group by, beside the event (no joins):
            # the distinct stored actor ids and countries of each side, sorted (from
            # event_actors), and the status of the event's situation (from situations).
            _c("src_ids", "BIGINT[]", since=5),
            _c("tgt_ids", "BIGINT[]", since=5),
            _c("src_countries", "VARCHAR[]", since=5),
            _c("tgt_countries", "VARCHAR[]", since=5),
            _c("situation_status", "VARCHAR", since=5),
        ),
        ("UNIQUE (doc_id, event_id)",),
    ),
    Table(
        "event_actors",
        (
            _c("gid", "BIGINT NOT NULL"),
            _c("doc_id", "VARCHAR NOT NULL"),
            _c("role", "VARCHAR NOT NULL"),
            _c("pos", "INTEGER"),
            _c("local_id", "VARCHAR"),
            _c("actor_id", "BIGINT"),
            _c("country", "VARCHAR"),
        ),
    ),
    Table(
        "quotes",
        (
            _c("doc_id", "VARCHAR NOT NULL"),
            _c("quote_id", "VARCHAR NOT NULL"),
            _c("ord", "INTEGER"),
            _c("text", "VARCHAR"),
            _c("start_char", "INTEGER"),
            _c("end_char", "INTEGER"),
            _c("speaker_local", "VARCHAR"),
            _c("speaker_id", "BIGINT"),
            _c("speaker_text", "VARCHAR"),
            _c("cue", "VARCHAR"),
            _c("kind", "VARCHAR"),
            _c("rule", "VARCHAR"),
        ),
        ("PRIMARY KEY (doc_id, quote_id)",),
    ),
    Table(
        "sources",
        (
            _c("doc_id", "VARCHAR NOT NULL"),
            _c("source_id", "VARCHAR NOT NULL"),
            _c("ord", "INTEGER"),
            _c("text", "VARCHAR"),
            _c("actor_local", "VARCHAR"),
            _c("actor_id", "BIGINT"),
            _c("anonymous", "BOOLEAN"),
            _c("kind", "VARCHAR"),
            _c("cue", "VARCHAR"),
            _c("start_char", "INTEGER"),
            _c("end_char", "INTEGER"),
            _c("rule", "VARCHAR"),
        ),
        ("PRIMARY KEY (doc_id, source_id)",),
    ),
    Table(
        "relations",
        (
            _c("doc_id", "VARCHAR NOT NULL"),
            _c("ord", "INTEGER"),
            _c("a_local", "VARCHAR"),
            _c("b_local", "VARCHAR"),
            _c("a_id", "BIGINT"),
            _c("b_id", "BIGINT"),
            _c("type", "VARCHAR"),
            _c("text", "VARCHAR"),
            _c("start_char", "INTEGER"),
            _c("end_char", "INTEGER"),
            _c("rule", "VARCHAR"),
            _c("certainty", "VARCHAR", since=5),
        ),
    ),
    # v4: one real-world event across reports (sitroom.store.situations).
    Table(
        "situations",
        (
            _c("situation_id", "BIGINT PRIMARY KEY", since=4),
            _c("family", "VARCHAR", since=4),
            _c("plover", "VARCHAR", since=4),
            _c("cameo", "VARCHAR", since=4),
            _c("goldstein", "DOUBLE", since=4),
            _c("quad_class", "TINYINT", since=4),
            _c("first_date", "DATE", since=4),
            _c("last_date", "DATE", since=4),
            _c("place", "VARCHAR", since=4),
            _c("place_country", "VARCHAR", since=4),
            _c("source_ids", "BIGINT[]", since=4),
            _c("target_ids", "BIGINT[]", since=4),
            _c("source_countries", "VARCHAR[]", since=4),
            _c("target_countries", "VARCHAR[]", since=4),
            _c("mentions", "INTEGER", since=4),
            _c("documents", "INTEGER", since=4),
            _c("sources", "INTEGER", since=4),
            _c("claimed_by", "VARCHAR[]", since=4),
            _c("denied_by", "VARCHAR[]", since=4),
            _c("outlets", "VARCHAR[]", since=4),
            _c("status", "VARCHAR", since=4),
        ),
        since=4,
    ),
    Table(
        "situation_mentions",
        (
            _c("gid", "BIGINT PRIMARY KEY", since=4),
            _c("situation_id", "BIGINT NOT NULL", since=4),
            _c("doc_id", "VARCHAR NOT NULL", since=4),
            _c("stance", "VARCHAR", since=4),
            _c("origin", "VARCHAR", since=4),
            _c("origin_label", "VARCHAR", since=4),
            _c("reason", "VARCHAR", since=4),
        ),
        since=4,
    ),
    Table(
        "quarantine",
        (
            _c("path", "VARCHAR"),
            _c("doc_id", "VARCHAR"),
            _c("reason", "VARCHAR"),
            _c("at", "TIMESTAMP"),
        ),
    ),
)


def table(name: str) -> Table:
    """The declared table called ``name``."""
    for candidate in TABLES:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def column_names(name: str, version: int = SCHEMA_VERSION) -> list[str]:
    """Columns of table ``name`` in schema ``version``, in declaration order."""
    return [c.name for c in table(name).columns if c.since <= version]


def create_schema(conn: duckdb.DuckDBPyConnection, version: int = SCHEMA_VERSION) -> None:
    """Create every table as of schema ``version`` and record the version."""
    for tbl in TABLES:
        if tbl.since > version:
            continue
        parts = [f'"{c.name}" {c.type}' for c in tbl.columns if c.since <= version]
        parts.extend(tbl.constraints)
        conn.execute(f"CREATE TABLE IF NOT EXISTS {tbl.name} ({', '.join(parts)})")
    conn.execute(
        "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
    )


def _add_columns(conn: duckdb.DuckDBPyConnection, version: int) -> None:
    for tbl in TABLES:
        if tbl.since >= version:
            continue
        for col in tbl.columns:
            if col.since == version:
                conn.execute(f'ALTER TABLE {tbl.name} ADD COLUMN "{col.name}" {col.type}')


def _migrate_1_to_2(conn: duckdb.DuckDBPyConnection) -> None:
    """v2 adds ``documents.language`` and ``events.counted`` (backfilled)."""
    _add_columns(conn, 2)
    conn.execute("UPDATE documents SET language = 'en' WHERE language IS NULL")
    conn.execute(
        "UPDATE events SET counted = (modality = 'actual' AND polarity = 'positive')"
    )


def _migrate_2_to_3(conn: duckdb.DuckDBPyConnection) -> None:
    """v3 adds ``documents.text`` (the text as analysed); older documents keep NULL, and
    readers fall back to the file when it is still there and its hash matches."""
    _add_columns(conn, 3)


def _create_tables(conn: duckdb.DuckDBPyConnection, version: int) -> None:
    for tbl in TABLES:
        if tbl.since == version:
            parts = [f'"{c.name}" {c.type}' for c in tbl.columns]
            parts.extend(tbl.constraints)
            conn.execute(f"CREATE TABLE IF NOT EXISTS {tbl.name} ({', '.join(parts)})")


def _migrate_3_to_4(conn: duckdb.DuckDBPyConnection) -> None:
    """v4 adds ``events.status`` and ``events.denied_by`` (derived from polarity,
    certainty, attribution and a denial parent, as for records without them) and the
    situation tables, then links every stored event into situations."""
    _add_columns(conn, 4)
    _create_tables(conn, 4)
    situations.backfill_status(conn)
    situations.relink(conn)


def _migrate_4_to_5(conn: duckdb.DuckDBPyConnection) -> None:
    """v5 keeps, beside each event, its sides' actor ids and countries and its
    situation's status (:mod:`sitroom.store.sides`), computed here from
    ``event_actors`` and the situation tables; and ``relations.certainty``, which
    records made before it did not have: they are ``confirmed``, the record's default."""
    _add_columns(conn, 5)
    sides.sync_sides(conn)
    sides.sync_situation_status(conn)
    conn.execute("UPDATE relations SET certainty = 'confirmed' WHERE certainty IS NULL")


#: ``MIGRATIONS[n]`` turns a version-``n`` store into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
    4: _migrate_4_to_5,
}


def stored_version(conn: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version recorded in the store, or None for an empty database."""
    tables = {row[0] for row in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if not tables:
        return None
    if "meta" not in tables:
        raise StoreError("not a sitroom store: it has tables but no meta table")
    row = fetch_one(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'"))
    if row is None:
        raise StoreError("not a sitroom store: the meta table has no schema_version")
    try:
        return int(row[0])
    except ValueError as error:
        raise StoreError(f"unreadable schema_version {row[0]!r}") from error


def ensure_schema(conn: duckdb.DuckDBPyConnection, *, read_only: bool = False) -> int:
    """Create, check or migrate the schema; returns the version found before migrating.

    Raises:
        StoreError: the store is newer than this code, has no migration path, or is
            older and was opened read-only.
    """
    found = stored_version(conn)
    if found is None:
        if read_only:
            raise StoreError("the store is empty and was opened read-only")
        conn.execute("BEGIN TRANSACTION")
        create_schema(conn)
        conn.execute("COMMIT")
        _views(conn, read_only)
        return SCHEMA_VERSION
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {found}, newer than this sitroom "
            f"(version {SCHEMA_VERSION}); upgrade sitroom to open it"
        )
    if found < SCHEMA_VERSION:
        if read_only:
            raise StoreError(
                f"the store has schema version {found} and needs migrating to "
                f"{SCHEMA_VERSION}; open it writable once"
            )
        version = found
        conn.execute("BEGIN TRANSACTION")
        try:
            while version < SCHEMA_VERSION:
                step = MIGRATIONS.get(version)
                if step is None:
                    raise StoreError(
                        f"no migration from schema version {version}; "
                        "re-ingest the documents into a new store"
                    )
                step(conn)
                version += 1
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
    _views(conn, read_only)
    return found


def _views(conn: duckdb.DuckDBPyConnection, read_only: bool) -> None:
    """The SQL views of :mod:`sitroom.store.views` (interop helper), on a writable open."""
    if not read_only:
        from sitroom.store.views import create_views

        create_views(conn)
