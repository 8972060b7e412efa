"""Shared helpers of the actor tests: parse once, run the actor stage, find an actor."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from sitroom.actors.model import ActorIndex
from sitroom.actors.resolve import find_actors
from sitroom.pipeline.loader import load_base_nlp
from sitroom.record import Actor


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The bare statistical pipeline, loaded once."""
    return load_base_nlp()


@lru_cache(maxsize=256)
def run(text: str) -> ActorIndex:
    """The actor stage's output for one text."""
    return find_actors(nlp()(text))


def find(index: ActorIndex, word: str) -> Actor | None:
    """The first actor whose name contains ``word`` (any case), or None."""
    for actor in index.actors:
        if word.lower() in actor.name.lower():
            return actor
    return None


def named(index: ActorIndex, word: str) -> Actor:
    """The first actor whose name contains ``word`` (exact case); fails the test if none."""
    for actor in index.actors:
        if word in actor.name:
            return actor
    raise AssertionError(f"no actor named with {word!r}: {[a.name for a in index.actors]}")
