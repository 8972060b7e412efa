"""A stand-in actor index built from spaCy entities, for the sourcing tests.

Tests the sourcing stage on its own, without the actor stage
(``sitroom.actors.resolve.find_actors``); it is not part of the pipeline.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitroom.actors.model import ActorIndex, ActorMention
from sitroom.record import Actor, ActorKind

KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "GPE": "state",
    "NORP": "state",
    "ORG": "organization",
}


def naive_actors(doc: Doc) -> ActorIndex:
    """Actors from named entities; persons merged by surname, he/she to the last person."""
    from sitroom.sourcing.places import country_of_place

    actors: list[Actor] = []
    mentions: list[ActorMention] = []
    by_key: dict[str, str] = {}
    last_person: str | None = None
    ents = {ent.start: ent for ent in doc.ents if ent.label_ in KINDS}
    i = 0
    while i < len(doc):
        ent = ents.get(i)
        token = doc[i]
        if ent is not None:
            kind = KINDS[ent.label_]
            name = ent.text.removesuffix("\u2019s").removesuffix("'s")
            name = name.removeprefix("the ").removeprefix("The ")
            key = name.split()[-1].lower() if kind == "person" else name.lower()
            country = None if kind == "person" else country_of_place(name)
            actor_id = by_key.get(key)
            if actor_id is None:
                actor_id = f"A{len(actors) + 1}"
                by_key[key] = actor_id
                actors.append(Actor(actor_id, name, kind, country, None, None))
            mentions.append(
                ActorMention(
                    actor_id,
                    ent.start,
                    ent.end,
                    ent.start_char,
                    ent.end_char,
                    ent.text,
                    ent.root.i,
                    "naive.ner",
                )
            )
            if kind == "person":
                last_person = actor_id
            i = ent.end
            continue
        if token.lower_ in {"he", "she", "him", "her"} and last_person is not None:
            mentions.append(
                ActorMention(
                    last_person,
                    i,
                    i + 1,
                    token.idx,
                    token.idx + len(token.text),
                    token.text,
                    i,
                    "coref.pronoun",
                )
            )
        i += 1
    return ActorIndex.build(tuple(actors), tuple(mentions))
