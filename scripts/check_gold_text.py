"""Check that our gold files keep no article text: no six words in a row from the article.

    python scripts/check_gold_text.py [GOLD_DIR]

Fields that identify an item by the text's own words (a quote's or a source's
``contains``, at most six words; an actor's ``text``, a name; a quote's ``speaker``) are
exempt; every note, id and other string is checked. Exits 1 and lists the overlaps when
any is found; without ``../shared`` it says so and exits 0.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "wikinews" / "articles.jsonl"
EXEMPT = {"contains", "text", "speaker"}
N = 6


def grams(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + N]) for i in range(len(words) - N + 1)}


def prose(value: Any) -> str:
    """Every string of a gold file outside the exempt fields, joined by newlines."""
    if isinstance(value, dict):
        return "\n".join(prose(v) for k, v in value.items() if k not in EXEMPT)
    if isinstance(value, list):
        return "\n".join(prose(v) for v in value)
    return str(value) if isinstance(value, str) else ""


def overlaps(gold_dir: Path) -> dict[str, set[str]]:
    texts = {json.loads(line)["id"]: json.loads(line)["text"]
             for line in ARTICLES.open(encoding="utf-8") if line.strip()}
    found: dict[str, set[str]] = {}
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = texts.get(gold.get("document", ""))
        if text is None:
            continue
        common = set()
        for chunk in prose(gold).split("\n"):
            common |= grams(chunk) & grams(text)
        if common:
            found[path.name] = common
    return found


def main() -> None:
    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "eval" / "gold"
    if not ARTICLES.is_file():
        print(f"{ARTICLES} is absent: nothing to check")
        return
    found = overlaps(gold_dir)
    for name, common in found.items():
        print(f"{name}: {len(common)} six-word overlaps, e.g. {sorted(common)[:3]}")
    print(f"{len(found)} files keep article text")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
