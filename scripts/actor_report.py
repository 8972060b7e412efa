#!/usr/bin/env python3
"""Report on the actor stage: the seed article's actors and PLOVER dyad-country coverage.

Not a test: prints figures for development. Usage: ``python scripts/actor_report.py``
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from sitroom.actors.resolve import find_actors
from sitroom.pipeline.loader import load_base_nlp

SHARED = Path("/work/shared")
FIX = {"JAP": "JPN", "ITL": "ITA"}


def _norm(text: str) -> str:
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text.lower())
    text = re.sub(r"[\u2013\u2014-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def seed() -> None:
    """Print the actors of the seed article."""
    nlp = load_base_nlp()
    path = SHARED / "seed" / "000_3e3d602d4c331000.txt"
    doc = nlp(path.read_text(encoding="utf-8"))
    index = find_actors(doc)
    gold = json.loads((SHARED / "seed" / "gold.json").read_text(encoding="utf-8"))
    right = 0
    for want in gold.get("actors", []):
        key = _norm(want["text"])
        found = [a for a in index.actors
                 if any(key in _norm(n) for n in [a.name, *(m.text for m in a.mentions)])]
        ok = any(a.country in want["country"] and a.sector in want.get("sector", [a.sector])
                 for a in found)
        right += ok
        if not ok:
            print(f"WRONG actor {want['text']!r}: got {[(a.country, a.sector) for a in found]}")
    print(f"seed actor accuracy: {right}/{len(gold.get('actors', []))}")
    for actor in index.actors:
        texts = sorted({m.text for m in actor.mentions})
        print(f"{actor.id:4} {actor.kind:12} {actor.country!s:5} {actor.sector!s:5} "
              f"{actor.code!s:10} {actor.name} | title={actor.title} count={actor.count} "
              f"| {actor.rule} | {texts}")


def plover(verbose: bool) -> None:
    """Share of PLOVER records whose gold dyad countries are among resolved countries."""
    nlp = load_base_nlp()
    records = [json.loads(line) for line in
               (SHARED / "data" / "plover_gsr" / "dev.jsonl").open(encoding="utf-8")]
    ok = 0
    for record in records:
        doc = nlp(record["text"])
        index = find_actors(doc)
        got = {a.country for a in index.actors if a.country}
        want = {FIX.get(a["code"], a["code"]) for a in record["source"] + record["target"]}
        missing = want - got
        if not missing:
            ok += 1
        elif verbose:
            print(f"MISSING {sorted(missing)} got {sorted(got)}: {record['text'][:160]}")
    print(f"PLOVER dyad-country coverage: {ok}/{len(records)} = {ok / len(records):.1%}")


if __name__ == "__main__":
    seed()
    plover("-v" in sys.argv)
