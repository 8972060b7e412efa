"""Copy the dashboard's npm-installed libraries into ``src/sitroom/web/static/vendor/``.

Run after ``npm ci`` (``make web-assets`` does both). The vendor folder is git-ignored:
no third-party front-end code is committed, and the page loads nothing from a CDN.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "src" / "sitroom" / "web" / "static" / "vendor"

#: (package, file inside the package, name under vendor/)
ASSETS: tuple[tuple[str, str, str], ...] = (
    ("cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"),
    ("cytoscape", "LICENSE", "cytoscape.LICENSE"),
)


def main() -> int:
    """Copy every asset; returns 1 (with a message) when one is missing."""
    VENDOR.mkdir(parents=True, exist_ok=True)
    versions: dict[str, str] = {}
    for package, inner, name in ASSETS:
        source = NODE_MODULES / package / inner
        if not source.is_file():
            print(f"copy_assets: {source} is missing; run `npm ci` first", file=sys.stderr)
            return 1
        shutil.copyfile(source, VENDOR / name)
        manifest = json.loads((NODE_MODULES / package / "package.json").read_text("utf-8"))
        versions[package] = str(manifest.get("version", "?"))
    (VENDOR / "versions.json").write_text(json.dumps(versions, indent=2) + "\n", "utf-8")
    print("copy_assets: " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
