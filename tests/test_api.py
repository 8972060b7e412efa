"""The notebook API: open a store, frames and Arrow out, analyze a string."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

sys.path.insert(0, str(Path(__file__).parent / "store"))

from store_factory import scenario

from sitroom import api
from sitroom.errors import StoreError
from sitroom.record import AnalysisRecord, DocumentInfo


def test_open_store_and_query(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_DB", str(tmp_path / "api.duckdb"))
    with api.open_store() as store:
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
        api.open_store(tmp_path / "nope" / "x.duckdb")


def test_analyze_calls_the_pipeline_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    def analyze_text(text: str, **meta: Any) -> AnalysisRecord:
        calls.append((text, meta))
        return AnalysisRecord(DocumentInfo(id=meta.get("id", "x"), length=len(text)))

    fake = types.ModuleType("sitroom.pipeline.analyze")
    fake.analyze_text = analyze_text  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sitroom.pipeline.analyze", fake)
    record = api.analyze("Varga urged China.", id="n1", published="2024-11-01")
    assert record.document.id == "n1" and record.document.length == len("Varga urged China.")
    assert calls == [("Varga urged China.", {"id": "n1", "published": "2024-11-01"})]
