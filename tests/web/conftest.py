"""Fixtures of the dashboard tests: the demo database, apps over copies of it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

import factory
from webdb import DemoDb, copy_db

from sitroom.api import open_store
from sitroom.store import IngestResult
from sitroom.web import create_app


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> DemoDb:
    """The demo corpus ingested with the real pipeline, plus the synthetic crisis of
    ``factory.corpus()`` (so that the tests do not depend on extraction quality)."""
    from sitroom.cli import demo_corpus
    from sitroom.documents import iter_documents
    from sitroom.engines.local import analyze_stream

    folder = tmp_path_factory.mktemp("webdb")
    path = folder / "demo.duckdb"
    store = open_store(path, read_only=False)
    demo: IngestResult | None = None
    error: str | None = None
    try:
        try:
            demo = store.ingest(analyze_stream(iter_documents([str(demo_corpus())])))
        except Exception as exc:  # the pipeline may not load at all while it is built
            error = repr(exc)
        synthetic = store.ingest(factory.records(folder / "docs"))
        assert synthetic.added == len(factory.corpus()), synthetic
    finally:
        store.close()
    return DemoDb(path, demo, error)


@pytest.fixture(scope="module")
def client(demo_db: DemoDb, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A read-only API client over a copy of the demo database (tests do not write)."""
    path = copy_db(demo_db, tmp_path_factory.mktemp("api"))
    with TestClient(create_app(path, read_only=True), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture()
def writable(demo_db: DemoDb, tmp_path: Path) -> Iterator[TestClient]:
    """A writable client over a fresh copy, uploads analysed by the fake analyzer."""
    path = copy_db(demo_db, tmp_path)
    app = create_app(path, analyzer=factory.fake_analyzer, upload_dir=tmp_path / "uploads")
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture(scope="session")
def ids(demo_db: DemoDb) -> dict[str, int]:
    """Global actor ids of the synthetic actors, by name."""
    store = open_store(demo_db.path, read_only=True)
    try:
        rows = store.conn.execute(
            "SELECT DISTINCT da.name, da.actor_id FROM doc_actors da "
            "WHERE da.doc_id LIKE 'syn-%'"
        ).fetchall()
    finally:
        store.close()
    return {name: int(actor_id) for name, actor_id in rows}
