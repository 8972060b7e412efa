"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The full sitroom pipeline (model loaded once)."""
    from sitroom.pipeline.loader import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analyze(nlp):
    """Analyse one string into an analysis record."""
    from sitroom.pipeline.analyze import analyze_text

    def run(text: str, **meta):
        return analyze_text(text, nlp=nlp, **meta)

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared development folder beside the project; skips when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project (development data absent)")
    return SHARED


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """The built-in demo corpus."""
    from sitroom.cli import demo_corpus

    return demo_corpus()
