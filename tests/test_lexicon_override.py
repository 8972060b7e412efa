"""Adding an entry to a data file changes what sitroom codes, with no code change.

Each case copies one packaged lexicon file into a folder named by
``SITROOM_LEXICON_DIR``, adds one line to it, and runs ``sitroom analyze`` in a fresh
process, as a political scientist's edit would be used. The same sentence is analysed
without the edit as the negative row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitroom.lexicons.files import PACKAGED


def analyze(text: str, lexicon_dir: Path | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "SITROOM_LEXICON_DIR"}
    if lexicon_dir is not None:
        env["SITROOM_LEXICON_DIR"] = str(lexicon_dir)
    command = "from sitroom.cli import main; main()"
    run = subprocess.run(
        [sys.executable, "-c", command, "analyze", "-", "-f", "json"],
        input=text, capture_output=True, text=True, env=env, check=True, timeout=300,
    )
    record: dict[str, object] = json.loads(run.stdout)
    return record


def add_verb(folder: Path) -> str:
    """A new verb entry: "chide" as a CAMEO 111 criticism of its object."""
    lines = (PACKAGED / "verbs.json").read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if '"lemma": "criticize"' in line)
    lines.insert(at, '    {"id": "chide", "lemma": "chide", "cameo": "111", "target": ["dobj"]},\n')
    (folder / "verbs.json").write_text("".join(lines), encoding="utf-8")
    return "verbs.json"


def add_seat(folder: Path) -> str:
    """A new seat of government that stands for its state, as "the Kremlin" does."""
    data = (PACKAGED / "actors.json").read_text(encoding="utf-8")
    entry = '{"names": ["Aurora Palace"], "country": "NOR", "sector": "GOV", "kind": "state"},'
    data = data.replace('"seats": [\n', '"seats": [\n  ' + entry + "\n", 1)
    (folder / "actors.json").write_text(data, encoding="utf-8")
    return "actors.json"


def coded(record: dict[str, object]) -> set[str]:
    events = record["events"]
    assert isinstance(events, list)
    return {str(e["cameo"]) for e in events}


def countries(record: dict[str, object]) -> set[str]:
    actors = record["actors"]
    assert isinstance(actors, list)
    return {str(a["country"]) for a in actors if a.get("country")}


CASES: list[tuple[Callable[[Path], str], str, Callable[[dict[str, object]], bool]]] = [
    (add_verb, "France chided Germany on Monday over the border closures.",
     lambda r: "111" in coded(r)),
    (add_seat, "The Aurora Palace criticized Sweden on Monday.",
     lambda r: "NOR" in countries(r)),
]


@pytest.mark.parametrize(("edit", "text", "effect"), CASES, ids=["verb", "seat"])
def test_an_added_entry_changes_the_output(
    tmp_path: Path,
    edit: Callable[[Path], str],
    text: str,
    effect: Callable[[dict[str, object]], bool],
) -> None:
    before = analyze(text, None)
    assert not effect(before), "the sentence already has the effect without the edit"
    name = edit(tmp_path)
    after = analyze(text, tmp_path)
    assert effect(after)
    provenance = after["provenance"]
    assert isinstance(provenance, dict)
    assert provenance["lexicons"][name] != before["provenance"]["lexicons"][name]  # type: ignore[index]
