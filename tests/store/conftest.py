"""Fixtures of the store tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_factory import scenario

from sitroom.api import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store file."""
    with open_store(tmp_path / "test.duckdb", read_only=False) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    """The three-report scenario, ingested."""
    store.ingest(scenario())
    return store
