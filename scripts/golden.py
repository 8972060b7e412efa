"""Golden records: prove that a restructuring keeps what sitroom outputs.

    python scripts/golden.py write OUT_DIR          # records of every set, with this checkout
    python scripts/golden.py diff BEFORE_DIR AFTER_DIR [--show N]

``write`` analyses the built-in demo corpus and, where ``../shared`` is present, the seed,
the four Wikinews dev articles, all of ``wikinews/articles.jsonl`` and the PLOVER dev
records, one JSONL file per set. ``diff`` compares two such folders record by record,
after removing what is expected to differ between versions (version strings, the
lexicon provenance block), and prints a line per set and the first differences; it exits
1 when any record differs. Run ``write`` once on the commit before a change (for example
from a ``git worktree``) and once after it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: Keys whose values name versions, not analysis: they may differ between commits.
VOLATILE = {"lexicon", "lexicons", "provenance", "versions", "sitroom_version"}


def sets() -> dict[str, list[str]]:
    """Each set's name and the inputs ``sitroom analyze`` reads for it."""
    out = {"demo": [str(ROOT / "src" / "sitroom" / "corpus" / "demo")]}
    if SHARED.is_dir():
        out["seed"] = [str(SHARED / "seed" / "000_3e3d602d4c331000.txt")]
        out["dev"] = sorted(str(p) for p in (SHARED / "data" / "wikinews" / "dev").glob("*.txt"))
        out["wikinews"] = [str(SHARED / "data" / "wikinews" / "articles.jsonl")]
        out["plover"] = [str(SHARED / "data" / "plover_gsr" / "dev.jsonl")]
    return out


def write(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, inputs in sets().items():
        target = out_dir / f"{name}.jsonl"
        with target.open("w", encoding="utf-8") as fh:
            subprocess.run(
                [sys.executable, "-c", "from sitroom.cli import main; main()",
                 "analyze", *inputs, "--format", "json"],
                stdout=fh, check=False,
            )
        print(f"{name}: {sum(1 for _ in target.open(encoding='utf-8'))} records -> {target}")


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _records(path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not path.exists():
        return out
    for line in path.open(encoding="utf-8"):
        if line.strip():
            record = _clean(json.loads(line))
            document = record.get("document") or {}
            if document.get("path"):  # checkouts live in different folders
                document["path"] = Path(document["path"]).name
            out[str(document["id"])] = record
    return out


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    if a is None or b is None:
        return f"{where}: record only {'after' if a is None else 'before'}"
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key, "<absent>") != b.get(key, "<absent>"):
                return _first_difference(a.get(key, "<absent>"), b.get(key, "<absent>"),
                                         f"{where}.{key}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
    return f"{where}: {str(a)[:160]!r} != {str(b)[:160]!r}"


def diff(before: Path, after: Path, show: int) -> int:
    changed_total = 0
    for name in sets():
        old, new = _records(before / f"{name}.jsonl"), _records(after / f"{name}.jsonl")
        changed = [k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
        changed_total += len(changed)
        print(f"{name}: {len(old)} before, {len(new)} after, {len(changed)} differ")
        for key in changed[:show]:
            print(f"  {key}{_first_difference(old.get(key), new.get(key))}")
    return 1 if changed_total else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    if args.command == "write":
        write(args.out)
    else:
        sys.exit(diff(args.before, args.after, args.show))


if __name__ == "__main__":
    main()
