"""The notebook API: open a store, frames and Arrow out, analyze a string."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

sys.path.insert(0, str(Path(__file__).parent / "store"))

from store_factory import scenario

from sitroom import api
from sitroom.errors import StoreError
from sitroom.record import AnalysisRecord


def test_open_store_and_query(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_DB", str(tmp_path / "api.duckdb"))
    with api.open_store(read_only=False) as store:
        assert store.path == tmp_path / "api.duckdb"
        result = store.ingest(scenario())
        assert result.added == 3
        assert isinstance(store.events(), pd.DataFrame)
        assert isinstance(store.events_arrow(quad_class=4), pa.Table)
        assert store.actors().iloc[0]["name"] == "Helena Varga"
        series = store.dyad_series("USA", "CHN")
        assert int(series["events"].sum()) == 2
        net = store.network(level="country")
        assert {"source", "target", "count"} <= set(net.edges.columns)
        assert "# Situation brief" in store.brief(since="2024-11-01")
        assert isinstance(store.escalation(), pd.DataFrame)
    with api.open_store(tmp_path / "api.duckdb", read_only=True) as again:
        assert len(again.events()) == 5


def test_open_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        api.open_store(tmp_path / "nope" / "x.duckdb", read_only=False)


def test_analyze_runs_the_pipeline_with_the_given_id(nlp: Any) -> None:
    text = "France condemned the attack on the embassy in Kabul."
    record = api.analyze(text, id="n1", title="Condemnation", published="2024-11-01")
    assert isinstance(record, AnalysisRecord)
    assert record.document.id == "n1"
    assert (record.document.title, record.document.published) == ("Condemnation", "2024-11-01")
    assert record.document.length == len(text)
    assert any(a.country == "FRA" for a in record.actors)
    assert "condemned" in {e.trigger.text for e in record.events}
    assert record.provenance is not None and record.provenance.lexicons


def test_analyze_without_id_uses_the_content_hash(nlp: Any) -> None:
    text = "Kenya hosted talks with Ethiopia."
    first, second = api.analyze(text), api.analyze(text)
    assert first.document.id == second.document.id != "n1"
    assert first.document.sha256 and first.document.sha256.startswith(first.document.id)


def test_analyze_refuses_unknown_metadata() -> None:
    with pytest.raises(TypeError):
        api.analyze("Kenya hosted talks.", doc_id="n1")  # type: ignore[call-arg]
