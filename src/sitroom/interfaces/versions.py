"""Versions of sitroom, its model and its lexicons (for provenance)."""

from __future__ import annotations

import json
from importlib import resources

from sitroom import __version__


def lexicon_versions() -> dict[str, str]:
    """The ``version`` field of every data file shipped in ``sitroom/lexicons/data``."""
    found: dict[str, str] = {}
    for entry in sorted(resources.files("sitroom.lexicons.data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            try:
                data = json.loads(entry.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                found[entry.name] = "unreadable"
                continue
            if isinstance(data, dict):
                found[entry.name] = str(data.get("version", "unversioned"))
    return found


def versions() -> dict[str, str]:
    """sitroom, spaCy, the model and every lexicon."""
    import spacy

    out = {"sitroom": __version__, "spacy": spacy.__version__}
    try:
        from sitroom.pipeline.loader import model_path

        meta = json.loads((model_path() / "meta.json").read_text(encoding="utf-8"))
        out["model"] = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    except Exception:
        out["model"] = "not installed"
    out.update(lexicon_versions())
    return out
