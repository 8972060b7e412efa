"""Versions of sitroom, its model and its lexicons (for provenance)."""

from __future__ import annotations

import json

from sitroom import __version__


def lexicon_versions() -> dict[str, str]:
    """Every lexicon file (path under the data folder) with its content version.

    The version is the first 12 hex digits of the file's SHA-256, the same one the
    analysis records carry in ``provenance.lexicons`` (see :func:`sitroom.lexicons.versions`).
    """
    from sitroom.lexicons import versions as content_versions

    return dict(content_versions())


def versions() -> dict[str, str]:
    """sitroom, spaCy, the model and every lexicon file."""
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
