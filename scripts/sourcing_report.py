#!/usr/bin/env python3
"""Print what the sourcing stage finds in the seed and Wikinews dev articles.

Usage: .venv/bin/python scripts/sourcing_report.py [FILE ...]

Uses the actor stage (``sitroom.actors.resolve.find_actors``). Compare the output
by eye with the gold files next to the articles.
"""

from __future__ import annotations

import glob
import sys
from pathlib import Path

from sitroom.pipeline.loader import load_base_nlp
from sitroom.sourcing import find_quantities, find_quotes, find_relations, find_sources
from sitroom.sourcing.sources import distinct_sources

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = [
    str(SHARED / "seed" / "000_3e3d602d4c331000.txt"),
    *sorted(glob.glob(str(SHARED / "data" / "wikinews" / "dev" / "*.txt"))),
]


def actor_stage():  # type: ignore[no-untyped-def]
    from sitroom.actors.resolve import find_actors

    return find_actors, "actors.resolve.find_actors"


def main(paths: list[str]) -> None:
    nlp = load_base_nlp()
    find_actors, label = actor_stage()
    print(f"actors from: {label}")
    for path in paths:
        doc = nlp(Path(path).read_text(encoding="utf-8"))
        actors = find_actors(doc)
        name = {a.id: f"{a.name}/{a.country}" for a in actors.actors}
        print(f"\n===== {Path(path).name}")
        print("-- quotes")
        for q in find_quotes(doc, actors):
            assert doc.text[q.start : q.end] == q.text
            short = q.text if len(q.text) < 70 else q.text[:67] + "..."
            print(
                f"  {q.id} [{q.kind}] {name.get(q.speaker or '')!s:25} "
                f"by '{q.speaker_text}' cue={q.cue} ({q.rule}): {short!r}"
            )
        print("-- sources")
        for s in distinct_sources(find_sources(doc, actors)):
            print(
                f"  {s.id} {s.kind:12} anon={s.anonymous!s:5} actor={name.get(s.actor or '')} "
                f"text={s.text!r} cue={s.cue!r}"
            )
        print("-- relations")
        for r in find_relations(doc, actors):
            print(f"  {name.get(r.a)} -{r.type}-> {name.get(r.b)}  [{r.text}] {r.rule}")
        print("-- quantities")
        for f in find_quantities(doc):
            q = f.quantity
            print(f"  {q.value!s:12} approx={q.approximate!s:5} unit={q.unit!s:14} {q.text!r}")


def records(paths: list[str]) -> list[dict[str, object]]:
    """Partial analysis records (actors, quotes, sources, relations, quantities) to score."""
    from dataclasses import asdict

    nlp = load_base_nlp()
    find_actors, _ = actor_stage()
    out: list[dict[str, object]] = []
    for path in paths:
        doc = nlp(Path(path).read_text(encoding="utf-8"))
        actors = find_actors(doc)
        out.append(
            {
                "schema": "sitroom.analysis/1",
                "document": {"id": Path(path).name, "path": path},
                "actors": [asdict(a) for a in actors.actors],
                "events": [],
                "quotes": [asdict(q) for q in find_quotes(doc, actors)],
                "sources": [asdict(s) for s in distinct_sources(find_sources(doc, actors))],
                "relations": [asdict(r) for r in find_relations(doc, actors)],
                "quantities": [asdict(f.quantity) for f in find_quantities(doc)],
            }
        )
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["--jsonl"]:
        import json

        for record in records(sys.argv[2:] or DEFAULT):
            print(json.dumps(record, ensure_ascii=False))
    else:
        main(sys.argv[1:] or DEFAULT)
