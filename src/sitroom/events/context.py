"""What the event rules share while they read one document: settings, drafts, memory.

The steps (:mod:`~sitroom.events.candidates`, :mod:`~sitroom.events.arguments`,
:mod:`~sitroom.events.targets`, :mod:`~sitroom.events.framing`) are functions that take
a :class:`Context` first. It holds the document's fixed inputs and the little the
stage remembers from sentence to sentence (doers of earlier acts, violent acts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sitroom.actors.model import ActorIndex
from sitroom.events.codebook import Codebook, VerbEntry
from sitroom.events.modality import Judgement
from sitroom.events.resolver import Resolver


@dataclass(frozen=True)
class EventSettings:
    """Settings of the event stage (from the pipeline config).

    Attributes:
        nominal: code event nouns ("the deployment", "Russia's aggression").
        statements: keep plain statements (CAMEO 010) as events.
    """

    nominal: bool = True
    statements: bool = True


@dataclass
class Draft:
    """An event being built from one trigger, before it becomes a record.

    Attributes:
        trigger: the verb or event noun.
        entry: the lexicon entry chosen for it.
        cameo: the code so far (framing may change it).
        source: the doers' actor ids.
        target: the receivers' actor ids.
        judgement: modality and polarity.
        parent: index of the governing draft in the sentence's list, if nested.
        rule: the rule ids that made it ("verb:impose.sanctions+frame:threat").
    """

    trigger: Token
    entry: VerbEntry
    cameo: str
    source: list[str]
    target: list[str]
    judgement: Judgement
    parent: int | None = None  # index of the parent draft
    rule: str = ""


@dataclass
class Context:
    """One document's inputs and the event stage's memory across its sentences.

    Attributes:
        doc: the parsed document.
        actors: the actor stage's output.
        codebook: CAMEO codes, frames and the verb lexicon.
        settings: stage settings.
        resolve: maps parse tokens to actor ids.
        sectors: each actor's sector ("MED", "MIL"…).
        doers: the doers of acts coded in earlier sentences, by (CAMEO root, word stem);
            the latest wins.
        marks: rule marks of doers found by an inference rule, by trigger index.
        sentence_no: story sentences read so far.
        violent: the violent acts coded so far: (sentence number, CAMEO root, doers),
            latest last.
        attack_subjects: triggers whose subject is an attack noun with no doer (kept
            when they count casualties).
        dropped: the acts of the current sentence named but not coded, as
            (trigger, entry, reason, rule); they become the record's mentions.
    """

    doc: Doc
    actors: ActorIndex
    codebook: Codebook
    settings: EventSettings
    resolve: Resolver
    sectors: dict[str, str | None]
    doers: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    marks: dict[int, str] = field(default_factory=dict)
    sentence_no: int = 0
    violent: list[tuple[int, str, list[str]]] = field(default_factory=list)
    attack_subjects: set[int] = field(default_factory=set)
    dropped: list[tuple[Token, VerbEntry, str, str]] = field(default_factory=list)


def new_context(doc: Doc, actors: ActorIndex, codebook: Codebook,
                settings: EventSettings) -> Context:
    """A fresh context for reading ``doc``."""
    return Context(doc=doc, actors=actors, codebook=codebook, settings=settings,
                   resolve=Resolver(doc, actors),
                   sectors={a.id: a.sector for a in actors.actors})
