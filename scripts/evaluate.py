"""`make eval`: every quality figure in one table, tune and check halves side by side.

    python scripts/evaluate.py [--misses N]

Labelled sets are split once, by a fixed rule that never looks at content: an item
(a PLOVER record id, an article gold file name) is in the *check* half when the first
eight hex digits of the SHA-256 of its id are odd, else in the *tune* half. Read tune
errors freely (``--misses N`` prints up to N per tune set); check errors are never
printed here, only check scores. A tune-check gap over 0.08 on a metric means rules fit
examples, and is flagged.

Sets: the seed article (``../shared/seed``), the Wikinews dev articles
(``../shared/data/wikinews/dev``) together with our own annotations (``eval/gold``), and
the PLOVER dev records. Scoring is ``../shared/eval/score.py``; without ``../shared`` the
script says so and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
OWN_GOLD = ROOT / "eval" / "gold"
GAP = 0.08
ARTICLE_METRICS = ("event_f1", "event_precision", "event_recall", "fact_precision", "certainty",
                   "modality", "actor_accuracy", "quote_speaker", "source_recall",
                   "relation_recall")
PLOVER_METRICS = ("type_accuracy", "full_accuracy", "source_accuracy", "has_event")


def half(item_id: str) -> str:
    """``"check"`` or ``"tune"``: the fixed split of a labelled item by its id."""
    return "check" if int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % 2 else "tune"


def analyze(inputs: list[str], out: Path) -> None:
    """Run ``sitroom analyze --format json`` over inputs into ``out``."""
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [sys.executable, "-c", "from sitroom.cli import main; main()",
             "analyze", *inputs, "--format", "json"],
            stdout=fh, check=False,
        )


def score(mode: str, gold: Path, pred: Path, misses: int) -> dict[str, float]:
    """Run the scorer; print its misses (tune only) and return its summary figures."""
    run = subprocess.run(
        [sys.executable, str(SCORER), mode, "--gold", str(gold), "--pred", str(pred),
         "--misses", str(misses)],
        capture_output=True, text=True, check=False,
    )
    figures: dict[str, float] = {}
    for line in run.stdout.splitlines():
        if misses and line.lstrip().startswith("miss"):
            print("   ", line.strip())
        if line.startswith(("ok:", "FAIL:", "fail:")):
            for pair in line.split(":", 1)[1].split():
                key, _, value = pair.partition("=")
                with contextlib.suppress(ValueError):
                    figures[key] = float(value)
    if not figures:
        print(run.stdout[-2000:], run.stderr[-2000:], sep="\n")
    return figures


def article_golds() -> list[Path]:
    """Every article gold file: the Wikinews dev set and our own annotations."""
    found = sorted((SHARED / "data" / "wikinews" / "dev").glob("*.gold.json"))
    found += sorted(OWN_GOLD.glob("*.gold.json")) if OWN_GOLD.is_dir() else []
    return found


def _articles_by_id() -> dict[str, str]:
    """The lines of ``wikinews/articles.jsonl`` by article id (our gold names articles by id)."""
    path = SHARED / "data" / "wikinews" / "articles.jsonl"
    if not path.is_file():
        return {}
    return {json.loads(line)["id"]: line for line in path.open(encoding="utf-8") if line.strip()}


def inputs_for(golds: list[Path], tmp: Path) -> list[str]:
    """What to analyse for these gold files: text files beside them, or one JSONL of articles."""
    files: set[str] = set()
    rows: list[str] = []
    by_id = _articles_by_id()
    for gold in golds:
        doc = json.loads(gold.read_text(encoding="utf-8")).get("document", "")
        candidates = (gold.parent / doc, SHARED / "data" / "wikinews" / "dev" / doc)
        found = next((c for c in candidates if c.is_file()), None)
        if found is not None:
            files.add(str(found))
        elif doc in by_id:
            rows.append(by_id[doc] if by_id[doc].endswith("\n") else by_id[doc] + "\n")
        else:
            print(f"   no text for {gold.name} (document {doc!r}): left out")
    if rows:
        (tmp / "gold-articles.jsonl").write_text("".join(rows), encoding="utf-8")
        files.add(str(tmp / "gold-articles.jsonl"))
    return sorted(files)


def row(name: str, figures: dict[str, dict[str, float]], metrics: tuple[str, ...]) -> None:
    for metric in metrics:
        tune, check = figures.get("tune", {}).get(metric), figures.get("check", {}).get(metric)
        gap = abs(tune - check) if tune is not None and check is not None else None
        flag = "  <- gap over 0.08" if gap is not None and gap > GAP else ""
        cells = [f"{v:.3f}" if v is not None else "  -  " for v in (tune, check, gap)]
        print(f"{name:<10} {metric:<17} {cells[0]:>7} {cells[1]:>7} {cells[2]:>7}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Every quality figure, tune and check halves.")
    parser.add_argument("--misses", type=int, default=0, help="tune-half misses to print per set")
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"no scorer at {SCORER}: ../shared is absent, nothing to evaluate")
        return
    with tempfile.TemporaryDirectory(prefix="sitroom-eval-") as tmp_name:
        tmp = Path(tmp_name)
        print("== seed article (development: every figure may be read)")
        analyze([str(SHARED / "seed" / "000_3e3d602d4c331000.txt")], tmp / "seed.jsonl")
        seed = score("articles", SHARED / "seed" / "gold.json", tmp / "seed.jsonl", args.misses)
        print("   " + " ".join(f"{k}={v:.3f}" for k, v in sorted(seed.items())))

        articles: dict[str, dict[str, float]] = {}
        golds = article_golds()
        analyze(inputs_for(golds, tmp), tmp / "articles.jsonl")
        for name in ("tune", "check"):
            members = [g for g in golds if half(g.name) == name]
            folder = tmp / f"articles-{name}"
            folder.mkdir()
            for gold in members:
                (folder / gold.name).write_bytes(gold.read_bytes())
            print(f"== articles, {name} half: {len(members)} articles")
            if members:
                articles[name] = score("articles", folder, tmp / "articles.jsonl",
                                       args.misses if name == "tune" else 0)

        plover: dict[str, dict[str, float]] = {}
        records = [json.loads(line) for line in
                   (SHARED / "data" / "plover_gsr" / "dev.jsonl").open(encoding="utf-8")
                   if line.strip()]
        analyze([str(SHARED / "data" / "plover_gsr" / "dev.jsonl")], tmp / "plover.jsonl")
        for name in ("tune", "check"):
            members = [r for r in records if half(str(r["id"])) == name]
            gold_file = tmp / f"plover-{name}.jsonl"
            gold_file.write_text("".join(json.dumps(r) + "\n" for r in members), encoding="utf-8")
            print(f"== PLOVER dev, {name} half: {len(members)} records")
            plover[name] = score("plover", gold_file, tmp / "plover.jsonl",
                                 args.misses if name == "tune" else 0)

    print()
    print(f"{'set':<10} {'metric':<17} {'tune':>7} {'check':>7} {'gap':>7}")
    row("articles", articles, ARTICLE_METRICS)
    row("plover", plover, PLOVER_METRICS)


if __name__ == "__main__":
    main()
