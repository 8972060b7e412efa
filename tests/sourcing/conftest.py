"""Fixtures for the sourcing tests: the parser and actor indexes built by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sitroom.actors.model import ActorIndex, ActorMention
from sitroom.record import Actor

from .naive import naive_actors


@pytest.fixture(scope="session")
def nlp() -> Language:
    from sitroom.pipeline.loader import load_base_nlp

    return load_base_nlp()


def index_for(doc: Doc, names: dict[str, tuple[str, str | None]]) -> ActorIndex:
    """An ActorIndex from ``{surface: (kind, country)}``; every occurrence is a mention.

    Pronouns ``he``/``she`` are linked to the last person before them (``coref.pronoun``).
    """
    actors: list[Actor] = []
    ids: dict[str, str] = {}
    mentions: list[ActorMention] = []
    text = doc.text
    for surface, (kind, country) in names.items():
        actor_id = f"A{len(actors) + 1}"
        ids[surface] = actor_id
        actors.append(Actor(actor_id, surface, kind, country, None, None))  # type: ignore[arg-type]
        pos = text.find(surface)
        while pos >= 0:
            span = doc.char_span(pos, pos + len(surface), alignment_mode="expand")
            if span is not None:
                mentions.append(
                    ActorMention(
                        actor_id,
                        span.start,
                        span.end,
                        span.start_char,
                        span.end_char,
                        span.text,
                        span.root.i,
                        "test",
                    )
                )
            pos = text.find(surface, pos + 1)
    persons = [m for m in mentions if actors[int(m.actor_id[1:]) - 1].kind == "person"]
    for token in doc:
        if token.lower_ in {"he", "she"}:
            before = [m for m in persons if m.end <= token.i]
            if before:
                last = max(before, key=lambda m: m.start)
                mentions.append(
                    ActorMention(
                        last.actor_id,
                        token.i,
                        token.i + 1,
                        token.idx,
                        token.idx + len(token.text),
                        token.text,
                        token.i,
                        "coref.pronoun",
                    )
                )
    mentions.sort(key=lambda m: m.start)
    return ActorIndex.build(tuple(actors), tuple(mentions))


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    def run(text: str) -> Doc:
        return nlp(text)

    return run


@pytest.fixture(scope="session")
def naive() -> Callable[[Doc], ActorIndex]:
    return naive_actors
