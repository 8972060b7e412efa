"""Merging a long document's chunk records keeps the record's provenance."""

from __future__ import annotations

from sitroom.pipeline.merge import merge_records
from sitroom.record import AnalysisRecord, DocumentInfo, Provenance


def test_merged_record_keeps_provenance() -> None:
    made = Provenance(sitroom="9.9.9", lexicons={"verbs.json": "0123456789ab"})
    chunks = [AnalysisRecord(DocumentInfo(id="long"), provenance=made) for _ in range(2)]
    merged = merge_records(chunks)
    assert merged.provenance == made
    assert merged.document.id == "long"
