"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.lexicons import clear_cache

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


@pytest.fixture(name="override")
def lexicon_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder named by ``SITROOM_LEXICON_DIR``: a lexicon file written there
    replaces the packaged one. Every lexicon cache is cleared before and after, so the
    packaged files come back for the next test."""
    monkeypatch.setenv("SITROOM_LEXICON_DIR", str(tmp_path))
    clear_cache()
    yield tmp_path
    monkeypatch.delenv("SITROOM_LEXICON_DIR")
    clear_cache()
