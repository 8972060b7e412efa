"""Find every actor mention in a parsed document and resolve it to country and sector.

``find_actors`` is a pure function of a spaCy ``Doc`` (tokens, tags, dependencies,
sentences and named entities; no custom extensions). The text is read first, the
dictionary second: a title or apposition in the text says who a person is; a known
leader's entry is only a fallback. Rules are general (syntax + lexicon), never tuned
to particular sentences.

Which module decides what, in the order the finders run:

1. :mod:`~sitroom.actors.mentions` matches lexicon names, generic nouns and person names;
2. :mod:`~sitroom.actors.vessels` finds ships (``org.vessel``);
3. :mod:`~sitroom.actors.people` finds named people (``person.*``) and
   :mod:`~sitroom.actors.lists` pairs "respectively" lists with their countries;
4. :mod:`~sitroom.actors.coref` finds bare surnames (``coref.surname``);
5. token by token: unknown NER organisations (:mod:`~sitroom.actors.bodies`, ``org.ner``),
   generic nouns (:mod:`~sitroom.actors.nouns`) and lexicon names
   (:mod:`~sitroom.actors.bodies`: states, seats, bodies, IGOs, peoples);
6. :mod:`~sitroom.actors.coref` adds pronouns; :mod:`~sitroom.actors.context` gives troops
   the country that deploys them and groups the country of a one-country sentence;
   :mod:`~sitroom.actors.coref` resolves "the group" and "the rebels", and
   :mod:`~sitroom.actors.anaphors` joins "the commission" to the one commission named
   before it (``coref.body``);
7. :func:`~sitroom.actors.coref.resolve_people` links people, surnames and pronouns, and
   :mod:`~sitroom.actors.context` fills countries from context;
8. :func:`merge` turns the candidates into actors and mentions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc

from sitroom.actors import anaphors, bodies, context, coref, lists, nouns, people, vessels
from sitroom.actors.lexicon import Lexicon, load_lexicon
from sitroom.actors.mentions import scan_document, within_one_edit
from sitroom.actors.model import ActorIndex, ActorMention
from sitroom.actors.scan import Cand, Scan
from sitroom.record import Actor
from sitroom.record import Span as TextSpan

__all__ = ["PUBLISHED_KEY", "find_actors", "find_candidates", "merge", "within_one_edit"]

#: Older private name, kept for callers and tests.
_within_one_edit = within_one_edit
#: Key of ``Doc.user_data`` under which the pipeline leaves the document's ISO date.
PUBLISHED_KEY = "sitroom.published"
#: NER labels whose spans may be organisations the lexicon does not know.
_ORG_LABELS = ("ORG", "FAC")
#: Actor kinds of the record (any other candidate kind is a group).
_ACTOR_KINDS = ("person", "state", "organization", "group", "igo", "nonstate")


def find_candidates(scan: Scan) -> list[Cand]:
    """Run every finder over a scan, in order; the candidates sorted by position."""
    doc = scan.doc
    vessels.find_vessels(scan)
    people.find_people(scan)
    lists.pair_respectively(scan)
    coref.find_surnames(scan)
    org_starts = {ent.start: ent for ent in doc.ents if ent.label_ in _ORG_LABELS}
    for token in doc:
        if token.i in scan.claimed:
            continue
        named_operation = bodies.operation_name(scan, token)
        if named_operation is not None:
            bodies.operation(scan, *named_operation)
            continue
        ent = org_starts.get(token.i)
        if ent is not None and bodies.unknown_org(scan, ent):
            bodies.org_entity(scan, token)
        elif token.i in scan.nouns:
            nouns.generic(scan, token)
        elif token.i in scan.matches:
            match = scan.matches[token.i]
            if token.i == match.start:
                bodies.named(scan, match)
    coref.org_short_names(scan)
    coref.find_pronouns(scan)
    context.owner_from_verb(scan)
    context.domestic_context(scan)
    coref.group_coref(scan)
    coref.plural_anaphors(scan)
    anaphors.body_anaphors(scan)
    return sorted(scan.cands, key=lambda c: c.start)


def find_actors(doc: Doc, lexicon: Lexicon | None = None,
                published: dt.date | str | None = None) -> ActorIndex:
    """Find, resolve and merge every actor mentioned in a parsed document.

    Args:
        doc: a spaCy ``Doc`` with tagger, parser and NER annotations.
        lexicon: the lexicon to use (default: the packaged one).
        published: the document's date; a dated knowledge entry (an armed group, an
            office) that did not hold on that day matches nothing. None: the ISO date in
            ``doc.user_data[PUBLISHED_KEY]`` (set by the pipeline), else every entry holds.

    Returns:
        The document's actors (ids ``A1``… in order of first mention) and mentions.
    """
    lex = lexicon or load_lexicon()
    if published is None:
        published = doc.user_data.get(PUBLISHED_KEY)
    day = published.isoformat() if isinstance(published, dt.date) else published
    scan = scan_document(doc, lex, day)
    found = find_candidates(scan)
    cands = coref.resolve_people(doc, found, context.document_context(scan))
    return merge(scan, cands)


def actor_code(country: str | None, sector: str | None, code: str | None) -> str | None:
    """An actor's CAMEO-style code: its own code, else country + sector."""
    if code:
        return code
    if not country:
        return sector and None
    return country + (sector or "")


def merge(scan: Scan, cands: list[Cand]) -> ActorIndex:
    """Merge candidates with the same key into one actor each (ids in order of first
    mention); every candidate becomes a mention of its actor."""
    doc = scan.doc
    actors: dict[tuple[object, ...], dict[str, object]] = {}
    order: list[tuple[object, ...]] = []
    mentions: list[tuple[tuple[object, ...], Cand]] = []
    for cand in sorted(cands, key=lambda c: c.start):
        if not cand.key and cand.kind == "state" and cand.country:
            cand = replace(cand, key=("state", cand.country, cand.sector),
                           name=scan.state_name(cand.country, cand.sector))
        key = cand.key or ("generic", cand.kind, cand.country, cand.sector,
                           cand.phrase or cand.name)
        if key not in actors:
            actors[key] = {"first": cand, "title": cand.title, "count": cand.count}
            order.append(key)
        else:
            data = actors[key]
            data["title"] = data["title"] or cand.title
            data["count"] = data["count"] or cand.count
        mentions.append((key, cand))
    ids = {key: f"A{k + 1}" for k, key in enumerate(order)}
    spans: dict[tuple[object, ...], list[TextSpan]] = {key: [] for key in order}
    out_mentions: list[ActorMention] = []
    for key, cand in mentions:
        span = doc[cand.start : cand.end]
        spans[key].append(TextSpan(span.start_char, span.end_char, span.text))
        out_mentions.append(ActorMention(ids[key], cand.start, cand.end, span.start_char,
                                         span.end_char, span.text, cand.head, cand.rule))
    result: list[Actor] = []
    for key in order:
        data = actors[key]
        first = data["first"]
        assert isinstance(first, Cand)
        kind = first.kind if first.kind in _ACTOR_KINDS else "group"
        count = data["count"]
        title = data["title"]
        result.append(Actor(
            id=ids[key], name=first.name or doc[first.start : first.end].text,
            kind=kind,  # type: ignore[arg-type]
            country=first.country, sector=first.sector,
            code=actor_code(first.country, first.sector, first.code),
            title=title if isinstance(title, str) else None,
            count=count if isinstance(count, int) else None,
            mentions=tuple(spans[key]), rule=first.rule, reason=first.reason,
            lexicon=scan.lex.version,
        ))
    by_token: dict[int, tuple[int, str]] = {}
    for mention in out_mentions:
        size = mention.end - mention.start
        for i in range(mention.start, mention.end):
            if i not in by_token or size < by_token[i][0]:
                by_token[i] = (size, mention.actor_id)
    return ActorIndex(
        actors=tuple(result),
        mentions=tuple(out_mentions),
        _by_token={i: actor_id for i, (_, actor_id) in by_token.items()},
    )
