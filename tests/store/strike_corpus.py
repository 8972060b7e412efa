"""The strike corpus (tests/data/strike_reports) as the records a correct analysis makes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from store_factory import event, record, state

from sitroom.record import AnalysisRecord, Location, Source

CORPUS = Path(__file__).resolve().parents[1] / "data" / "strike_reports" / "reports.jsonl"


def _meta() -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in map(json.loads, CORPUS.read_text().splitlines())}


def _doc(doc_id: str, actors: list[Any], events: list[Any], sources: list[Source]
         ) -> AnalysisRecord:
    meta = _meta()[doc_id]
    return record(doc_id, actors, events, published=meta["published"], url=meta["url"],
                  title=meta["title"], sources=sources, content=meta["text"])


def strike(local: str, src: list[str], tgt: list[str], place: str, **kw: Any) -> Any:
    return event(local, src, tgt, "ASSAULT", location=Location(place, None, 0, len(place)),
                 trigger="struck", **kw)


def strike_records() -> list[AnalysisRecord]:
    """The events a correct analysis finds in the five reports."""
    nor, swe = state("A1", "NOR"), state("A2", "SWE")
    return [
        _doc("harbour-1", [nor, swe],
             [strike("E1", ["A1"], ["A2"], "in Port Vell", date="2025-05-12")], []),
        _doc("coast-1", [nor, swe],
             [strike("E1", ["A1"], ["A2"], "in Port Vell", date="2025-05-12",
                      certainty="reported", attribution="S1")],
             [Source("S1", "residents", None, False, "witness", "said")]),
        _doc("ledger-1", [state("A1", "SWE", "GOV", "Sweden's defence ministry"),
                          state("A2", "NOR"), state("A3", "SWE")],
             [strike("E1", ["A2"], ["A3"], "in Port Vell", date="2025-05-12",
                      certainty="reported", attribution="S1")],
             [Source("S1", "Sweden's defence ministry", "A1", False, "official", "said")]),
        _doc("north-1", [state("A1", "NOR", "GOV", "Norway's defence ministry"),
                         state("A2", "NOR"), state("A3", "SWE"), state("A4", "NOR")],
             [replace(event("E1", ["A1"], [], "ACCUSE", cameo="016", goldstein=-2.0,
                            trigger="denied", attribution="S1"), plover="REJECT"),
              strike("E2", ["A2"], [], "in Port Vell", parent="E1", polarity="negative",
                      attribution="S1"),
              strike("E3", ["A3"], ["A4"], "in Amaro", date="2025-05-12",
                      attribution="S1", sentence=1)],
             [Source("S1", "Norway's defence ministry", "A1", False, "official", "denied")]),
        _doc("coast-2", [nor, swe],
             [strike("E1", ["A1"], ["A2"], "at Cape Morrow on Monday", date="2025-05-12")],
             []),
    ]
