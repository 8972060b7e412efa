"""Fixtures of the analysis tests (the record builders live in tests/store)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from sitroom.api import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store file."""
    with open_store(tmp_path / "test.duckdb", read_only=False) as opened:
        yield opened
