"""sitroom's registered spaCy components and the Doc extensions they declare.

Order in the pipeline::

    sitroom_structure (before parser)  sentence starts at line breaks and zone edges
    tok2vec tagger parser ... ner      the statistical English model
    sitroom_actors                     doc._.actors       (ActorIndex)
    sitroom_sourcing                   doc._.quotes, doc._.sources, doc._.relations
    sitroom_events                     doc._.events       (tuple[Event, ...]): find_events,
                                       then the claims post-pass (denials, status);
                                       doc._.mentions     (tuple[Mention, ...]): acts named
                                       but not coded (no doer)

Each component is a thin wrapper over pure functions in its stage's package; its
settings come from the pipeline config (``nlp.add_pipe(name, config=...)``, or
``load_nlp(events={"nominal": False})``), so they are serialised with ``nlp.config``.
Settings (``default_config``)::

    sitroom_sourcing  quotes = true      find quotations with their speakers
                      relations = true   find standing relations between actors
    sitroom_events    nominal = true     code event nouns ("the deployment")
                      statements = true  keep plain statements (CAMEO 010) as events
                      claims = true      denials, claims and status (events/claims.py)

Each factory declares what it ``requires`` (parser, NER and earlier sitroom output) and
what it ``assigns``, so ``nlp.analyze_pipes()`` can check the order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitroom.documents.model import Document

#: What the statistical model annotates that sitroom's components read (spaCy attribute
#: paths, for the factories' ``requires``): sentences and entities, the parse, the tags.
MODEL_SPANS = ["doc.ents", "doc.sents"]
MODEL_PARSE = ["token.dep", "token.head"]
MODEL_TAGS = ["token.pos", "token.tag", "token.lemma"]

_DOC_EXTENSIONS: dict[str, Any] = {
    "document": None,
    "actors": None,
    "quotes": (),
    "sources": (),
    "relations": (),
    "events": (),
    "mentions": (),
    "quantities": (),
}


def register_extensions() -> None:
    """Declare the Doc and Span extensions sitroom's components write."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("is_story"):
        Span.set_extension("is_story", getter=is_story)


def is_story(span: Span) -> bool:
    """Whether a sentence is part of the story (not a heading, dateline or caption)."""
    document: Document | None = span.doc._.document
    if document is None:
        return True
    if not any(t.is_alpha for t in span):
        return False
    start, end = span.start_char, span.end_char
    return all(not (zone.start < end and start < zone.end) for zone in document.zones)


register_extensions()


@Language.component(
    "sitroom_structure",
    requires=["doc._.document"],
    assigns=["token.is_sent_start"],
)
def structure_component(doc: Doc) -> Doc:
    """Start a sentence after each line break and at each edge of a non-story zone."""
    document: Document | None = doc._.document
    edges = sorted({e for z in document.zones for e in (z.start, z.end)}) if document else []
    pending = 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        starts = previous.is_space and "\n" in previous.text
        while pending < len(edges) and edges[pending] <= token.idx:
            if edges[pending] > previous.idx:
                starts = True
            pending += 1
        if starts:
            token.is_sent_start = True
    return doc


@Language.factory(
    "sitroom_actors",
    requires=["doc._.document", *MODEL_SPANS, *MODEL_PARSE, *MODEL_TAGS],
    assigns=["doc._.actors"],
    default_config={},
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    """Find, merge and resolve actors (see :mod:`sitroom.actors`)."""
    return ActorsComponent()


class ActorsComponent:
    """Runs :func:`sitroom.actors.resolve.find_actors` on each document."""

    def __call__(self, doc: Doc) -> Doc:
        from sitroom.actors.resolve import PUBLISHED_KEY, find_actors

        published = _published(doc)
        if published is not None:
            doc.user_data[PUBLISHED_KEY] = published.isoformat()
        doc._.actors = find_actors(doc)
        return doc


@Language.factory(
    "sitroom_sourcing",
    requires=["doc._.actors", "doc._.document", *MODEL_SPANS, *MODEL_PARSE, *MODEL_TAGS,
              "token.ent_type"],
    assigns=["doc._.quotes", "doc._.sources", "doc._.relations", "doc._.quantities"],
    default_config={"quotes": True, "relations": True},
)
def make_sourcing(nlp: Language, name: str, quotes: bool, relations: bool) -> SourcingComponent:
    """Quotes with speakers, sources, standing relations (see :mod:`sitroom.sourcing`)."""
    return SourcingComponent(quotes=quotes, relations=relations)


class SourcingComponent:
    """Runs the sourcing stage's document-level extractors."""

    def __init__(self, quotes: bool = True, relations: bool = True) -> None:
        self.quotes = quotes
        self.relations = relations

    def __call__(self, doc: Doc) -> Doc:
        from sitroom.actors.model import ActorIndex
        from sitroom.sourcing.quantities import find_quantities
        from sitroom.sourcing.quotes import find_quotes
        from sitroom.sourcing.relations import find_relations
        from sitroom.sourcing.sources import find_sources

        actors = doc._.actors or ActorIndex()
        doc._.quotes = tuple(find_quotes(doc, actors)) if self.quotes else ()
        doc._.sources = tuple(find_sources(doc, actors))
        doc._.relations = tuple(find_relations(doc, actors)) if self.relations else ()
        doc._.quantities = tuple(
            finding.quantity for finding in find_quantities(doc)
            if is_story(doc[finding.token_start].sent)
        )
        return doc


@Language.factory(
    "sitroom_events",
    requires=["doc._.actors", "doc._.sources", "doc._.quotes", "doc._.document", "doc.sents",
              *MODEL_PARSE, *MODEL_TAGS, "token.ent_type"],
    assigns=["doc._.events", "doc._.mentions"],
    default_config={"nominal": True, "statements": True, "claims": True},
)
def make_events(nlp: Language, name: str, nominal: bool, statements: bool,
                claims: bool) -> EventsComponent:
    """Code events in CAMEO and PLOVER with modality, polarity, nesting and status."""
    return EventsComponent(nominal=nominal, statements=statements, claims=claims)


class EventsComponent:
    """Runs :func:`sitroom.events.extract.find_events`, then the claims post-pass."""

    def __init__(self, nominal: bool = True, statements: bool = True,
                 claims: bool = True) -> None:
        self.nominal = nominal
        self.statements = statements
        self.claims = claims

    def __call__(self, doc: Doc) -> Doc:
        from sitroom.actors.model import ActorIndex
        from sitroom.events.claims import apply_claims
        from sitroom.events.extract import EventSettings, find_events_and_mentions

        settings = EventSettings(nominal=self.nominal, statements=self.statements)
        actors = doc._.actors or ActorIndex()
        events, mentions = find_events_and_mentions(doc, actors, doc._.sources, settings)
        doc._.mentions = tuple(mentions)
        doc._.events = (apply_claims(doc, events, actors, doc._.sources, _published(doc))
                        if self.claims else tuple(events))
        return doc


def _published(doc: Doc) -> dt.date | None:
    """The document's publication date, if it has a valid one."""
    value = getattr(doc._.document, "published", None)
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def add_sitroom_components(nlp: Language, overrides: dict[str, Any]) -> None:
    """Add sitroom's components to a loaded English model.

    Args:
        nlp: the statistical pipeline.
        overrides: per-component config, keyed ``actors``, ``sourcing``, ``events``.
    """
    nlp.add_pipe("sitroom_structure", before="parser")
    nlp.add_pipe("sitroom_actors", config=overrides.get("actors", {}))
    nlp.add_pipe("sitroom_sourcing", config=overrides.get("sourcing", {}))
    nlp.add_pipe("sitroom_events", config=overrides.get("events", {}))
