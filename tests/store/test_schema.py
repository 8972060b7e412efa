"""Schema versions: a version-1 store is migrated; newer or foreign files are refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from store_factory import event, record, state

from sitroom.api import open_store
from sitroom.errors import StoreError
from sitroom.store import SCHEMA_VERSION, StoredDocument, schema
from sitroom.store.schema import column_names, create_schema


def _v1_store(path: Path) -> None:
    conn = duckdb.connect(str(path))
    create_schema(conn, version=1)
    conn.execute(
        "INSERT INTO documents (doc_id, sha256, path, title, published, published_date) "
        "VALUES ('old', 'abc', 'old.txt', 'Old report', '2023-05-01', DATE '2023-05-01')"
    )
    conn.execute("INSERT INTO actors (actor_id, key, name, kind, country) VALUES "
                 "(1, 'state|USA|', 'United States', 'state', 'USA'), "
                 "(2, 'state|CHN|', 'China', 'state', 'CHN')")
    for gid, modality, polarity in ((1, "actual", "positive"), (2, "future", "positive"),
                                    (3, "actual", "negative")):
        conn.execute(
            "INSERT INTO events (gid, doc_id, event_id, ord, plover, cameo, goldstein, "
            "quad_class, polarity, modality, certainty, source_locals, target_locals, "
            "sentence_index, event_date) VALUES (?, 'old', ?, ?, 'ACCUSE', '112', -2, 3, ?, ?, "
            "'confirmed', ['A1'], ['A2'], 0, DATE '2023-05-01')",
            [gid, f"E{gid}", gid, polarity, modality],
        )
        conn.execute("INSERT INTO event_actors VALUES (?, 'old', 'source', 0, 'A1', 1, 'USA'),"
                     " (?, 'old', 'target', 0, 'A2', 2, 'CHN')", [gid, gid])
    conn.close()


def _v2_store(path: Path) -> None:
    """A version-2 store with one document, its actors and an event."""
    _v1_store(path)
    conn = duckdb.connect(str(path))
    conn.execute("BEGIN TRANSACTION")
    schema.MIGRATIONS[1](conn)
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.execute("COMMIT")
    assert "text" not in {r[0] for r in conn.execute("DESCRIBE documents").fetchall()}
    conn.close()


def test_older_versions_lack_the_new_columns() -> None:
    assert "counted" not in column_names("events", 1)
    assert "language" not in column_names("documents", 1)
    assert "counted" in column_names("events", SCHEMA_VERSION)
    assert "text" not in column_names("documents", 2)
    assert column_names("documents")[-1] == "text"


def test_v1_store_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    _v1_store(path)
    with open_store(path, read_only=False) as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        columns = {r[0] for r in store.conn.execute("DESCRIBE events").fetchall()}
        assert "counted" in columns
        counted = store.conn.execute(
            "SELECT event_id, counted FROM events ORDER BY gid").fetchall()
        assert counted == [("E1", True), ("E2", False), ("E3", False)]
        assert store.conn.execute("SELECT language FROM documents").fetchone() == ("en",)
        assert list(store.events()["event_id"]) == ["E1"]
        assert len(store.events(include_all=True)) == 3
        assert store.conn.execute("SELECT text FROM documents").fetchall() == [(None,)]
    with open_store(path, read_only=False) as again:  # already migrated: opens as is
        assert again.schema_version == 5


def test_v2_store_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v2.duckdb"
    _v2_store(path)
    with open_store(path, read_only=False) as store:
        assert store.schema_version == 5
        documents = store.documents(text=True)
        assert list(documents["doc_id"]) == ["old"] and documents["text"].isna().all()
        assert list(store.events()["event_id"]) == ["E1"]
        assert len(store.events(include_all=True)) == 3
        # New documents keep their text next to the old ones.
        text = "Washington urged Beijing to act."
        rec = record("new", [state("A1", "USA"), state("A2", "CHN")],
                     [event("E1", ["A1"], ["A2"], "REQUEST")], content=text)
        rec = replace(rec, document=replace(rec.document, length=len(text)))
        assert store.ingest([StoredDocument(rec, text)]).added == 1
        rows = store.conn.execute("SELECT doc_id, text FROM documents ORDER BY doc_id")
        assert rows.fetchall() == [("new", text), ("old", None)]


def test_v2_store_opened_read_only_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "v2.duckdb"
    _v2_store(path)
    with pytest.raises(StoreError, match="version 2 and needs migrating to 5"):
        open_store(path, read_only=True)


def test_older_store_opened_read_only_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    _v1_store(path)
    with pytest.raises(StoreError, match="needs migrating"):
        open_store(path, read_only=True)


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    open_store(path, read_only=False).close()
    conn = duckdb.connect(str(path))
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    with pytest.raises(StoreError, match="newer than this sitroom") as info:
        open_store(path, read_only=False)
    assert str(path) in str(info.value)


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE stuff (x INTEGER)")
    conn.close()
    with pytest.raises(StoreError, match="not a sitroom store"):
        open_store(path, read_only=False)


def test_missing_migration_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.duckdb"
    _v1_store(path)
    monkeypatch.setattr(schema, "MIGRATIONS", {})
    with pytest.raises(StoreError, match="no migration from schema version 1"):
        open_store(path, read_only=False)
    monkeypatch.undo()
    with open_store(path, read_only=False) as store:  # the failed attempt changed nothing
        assert store.schema_version == 5
