"""The API fuzzed with schemathesis on loopback: no 500, no answer without security headers.

Bounded (120 generated requests, 60 s); ``scripts/fuzz_api.py`` runs it larger and
prints the same figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.reliability

pytest.importorskip("schemathesis", reason="schemathesis is a dev extra (pip install .[dev])")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import fuzz_api  # noqa: E402


def test_fuzzing_the_api_finds_no_500_and_no_missing_headers(tmp_path: Path) -> None:
    with fuzz_api.serve(tmp_path / "fuzz.duckdb", tmp_path / "uploads") as url:
        figures = fuzz_api.fuzz(url, examples=120, seconds=60)
    print("\n".join(figures.lines()))
    assert figures.requests >= 50  # the run really sent requests
    assert len(figures.operations) >= 12  # to every operation but the one without inputs
    assert figures.server_errors == []
    assert figures.missing_headers == []
    assert any(status == 422 for status in figures.statuses)  # invalid input was tried
