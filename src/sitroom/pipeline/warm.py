"""Load everything a pipeline reads lazily, before the first document.

The stages load their knowledge on first use: the lexicons, the codebook, WordNet, the
gazetteer, pycountry's tables. A worker that starts on real documents pays for all of
that inside its first batch. :func:`warm_pipeline` pays it up front: it imports every
stage module, calls every cached loader that takes no arguments, reads every word list,
and runs the pipeline over a few sentences of its own (so spaCy's and the stages' first
calls are done too). It never reads the documents to be analysed.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from functools import _lru_cache_wrapper
from types import ModuleType

from spacy.language import Language

from sitroom import actors, documents, events, lexicons, parsed, sourcing

#: The packages whose modules hold the stages' lazily loaded knowledge (never
#: ``sitroom.pipeline``: its model loaders are cached and take no arguments).
STAGE_PACKAGES: tuple[ModuleType, ...] = (lexicons, documents, parsed, actors, sourcing, events)

#: Sentences of our own that go through every stage once (a quote with its speaker,
#: a place, a reported and a denied event, a number, a date).
WARM_TEXT = (
    "The foreign minister of Norway said on Monday that the government would send two "
    "hundred troops to the northern border. \"We will not accept any attack,\" she told "
    "reporters in Oslo. A spokesman for the rebels denied the report, according to "
    "officials. Two soldiers were reportedly killed near the Red Sea last week, and the "
    "United Nations urged both sides to resume talks."
)


def stage_modules() -> Iterator[ModuleType]:
    """Every module of the stage packages, imported."""
    for package in STAGE_PACKAGES:
        yield package
        for info in pkgutil.iter_modules(package.__path__, prefix=f"{package.__name__}."):
            yield importlib.import_module(info.name)


def _loaders(module: ModuleType) -> Iterator[_lru_cache_wrapper[object]]:
    """The cached functions a module defines that take no arguments (its loaders)."""
    for value in vars(module).values():
        if (isinstance(value, _lru_cache_wrapper)
                and getattr(value, "__module__", None) == module.__name__):
            try:
                parameters = inspect.signature(value).parameters
            except (TypeError, ValueError):
                continue
            if not parameters:
                yield value


def load_knowledge() -> int:
    """Import the stages, call their no-argument cached loaders and read every word list;
    returns how many loaders ran."""
    from sitroom.lexicons import words
    from sitroom.lexicons.files import all_names
    from sitroom.pipeline.analyze import provenance

    count = 0
    for module in stage_modules():
        for loader in _loaders(module):
            loader()
            count += 1
    for name in all_names():
        if name.startswith("words/") and name.endswith(".txt"):
            words(name.removeprefix("words/").removesuffix(".txt"))
    provenance()
    return count + 1


def warm_pipeline(nlp: Language) -> None:
    """Load every lexicon, WordNet and the gazetteer, and run ``nlp`` on a warm-up text."""
    from sitroom.documents.readers import build_document
    from sitroom.pipeline.analyze import make_doc, record_from_doc

    load_knowledge()
    record_from_doc(nlp(make_doc(nlp, build_document(WARM_TEXT, doc_id="warm-up"))))
