"""Write a lexicon JSON file in the project's layout: one class or entry per line.

Usage: python scripts/format_lexicon.py src/sitroom/lexicons/data/verbs.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def dumps(data: dict) -> str:
    """The lexicon as text: scalars and small values inline, lists of records per line."""
    lines = ["{"]
    items = list(data.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if isinstance(value, dict) and value and all(isinstance(v, list) for v in value.values()):
            lines.append(f"  {json.dumps(key)}: {{")
            inner = list(value.items())
            for m, (k, v) in enumerate(inner):
                tail = "," if m < len(inner) - 1 else ""
                lines.append(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{tail}")
            lines.append(f"  }}{comma}")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"  {json.dumps(key)}: [")
            for m, v in enumerate(value):
                tail = "," if m < len(value) - 1 else ""
                lines.append(f"    {json.dumps(v, ensure_ascii=False)}{tail}")
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Reformat each file named on the command line in place."""
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(dumps(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")


if __name__ == "__main__":
    main()
