"""Find the events actors do to each other in a parsed document.

The extractor reads each story sentence's dependency parse. A verb (or an event
noun) whose lemma has an entry in the verb lexicon is a trigger; the entry whose
conditions (particle, preposition, object class) hold best gives the CAMEO code
(:mod:`~sitroom.events.candidates`). Source and target come from the parse: subject,
object, prepositional objects, passive agents and coordination, never from word
order (:mod:`~sitroom.events.arguments`, :mod:`~sitroom.events.targets`). How the
text says it (modality, polarity) comes from auxiliaries, negation and governing
verbs (:mod:`~sitroom.events.modality`); a verb of appeal or threat makes the
clause it governs a child event (``parent``, :mod:`~sitroom.events.framing`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitroom.actors.model import ActorIndex
from sitroom.events import arguments
from sitroom.events.candidates import choose_entry, entry_for, trigger_words
from sitroom.events.codebook import Codebook, VerbEntry, load_codebook
from sitroom.events.context import Context, Draft, EventSettings, new_context
from sitroom.events.framing import one_statement_per_speaker, reframe
from sitroom.events.modality import judge
from sitroom.events.predicates import act_key, equipment_party, inside_name, needs_doer
from sitroom.events.syntax import counted_object, object_of
from sitroom.events.targets import targets
from sitroom.parsed.cache import doc_sents, lemma_lowers, token_lowers
from sitroom.record import Event, Mention, SentenceRef
from sitroom.record import Span as Evidence

__all__ = ["EventSettings", "choose_entry", "find_events", "find_events_and_mentions",
           "sentence_drafts"]


def sentence_drafts(ctx: Context, sent: Span) -> list[Draft]:
    """The events of one story sentence, nested and framed, before they become records.

    Each token with a lexicon entry is a trigger unless it is the object of another
    (an event noun under a coded verb, the object an entry asks for), a negator of
    another ("declined to comment"), has no actor on either side, or has a thing as
    its subject; an outlet reporting is a source, not an event.
    """
    drafts: list[Draft] = []
    by_token: dict[int, int] = {}
    doc = sent.doc
    known, lemmas, lowers = trigger_words(ctx.codebook), lemma_lowers(doc), token_lowers(doc)
    entries: dict[int, VerbEntry] = {}
    for i in range(sent.start, sent.end):
        low = lowers[i]  # only a word with an entry under one of its forms is read
        if (lemmas[i] in known or low in known or low[:-1] in known or low[:-2] in known) and (
                entry := entry_for(ctx, doc[i])) is not None:
            entries[i] = entry
    # the object an entry asks for is part of that trigger ("imposed sanctions",
    # "sanctions were imposed"), whether it comes before or after it
    light_objects = {obj.i for i, e in entries.items() if e.objects
                     and (obj := object_of(doc[i])) is not None and obj.i != i}
    for i, entry in entries.items():
        token = doc[i]
        if i in light_objects or inside_name(token):
            continue
        if entry.pos == "NOUN" and token.head.i in by_token and not (
                drafts[by_token[token.head.i]].entry.statement and token.dep_ == "dobj"):
            # An event noun under a coded verb is that verb's object ("condemned
            # the attack"); only a statement's object is an event of its own
            # ("announced the withdrawal of troops").
            continue
        judgement = judge(token, ctx.codebook)
        if judgement.suppress:
            continue
        source = arguments.sources(ctx, token)
        target = targets(ctx, token, entry, source)
        rule = f"verb:{entry.id}" + ctx.marks.pop(token.i, "")
        if needs_doer(token, source,
                      token.i in ctx.attack_subjects and counted_object(token)):
            # No doer, no typed event (a casualty count with no doer is still worth
            # an analyst's notice: "the blast killed twelve"); the act is kept as a
            # mention, for evidence; so is an act whose subject is a thing.
            thing = arguments.other_doer(ctx, token, entry)
            _drop(ctx, token, entry, "thing-as-doer" if thing else "no-source", rule)
            continue
        if not source and arguments.other_doer(ctx, token, entry):
            _drop(ctx, token, entry, "thing-as-doer", rule)
            continue
        if not source:
            # kept only for its casualty count ("the blast killed twelve"): the rule
            # says why an event has no doer
            rule += "+no-doer:casualty-count"
        if token.pos_ == "NOUN" and "+doer:earlier-event" in rule:
            continue  # "The US struck … the strikes hit …": the same act, named again
        if entry.statement and source and all(
                ctx.sectors.get(a) == "MED" for a in source):
            continue  # "Reuters reported …": an outlet reporting is a source, not an event
        drafts.append(Draft(token, entry, judgement.cameo or entry.cameo, source, target,
                             judgement, rule=rule))
        by_token[token.i] = len(drafts) - 1
    drafts = one_statement_per_speaker(drafts)
    reframe(ctx, drafts)
    _remember(ctx, drafts)
    return drafts


def _drop(ctx: Context, token: Token, entry: VerbEntry, reason: str, rule: str) -> None:
    """Keep an act that is named but not coded (a plain statement is not kept)."""
    if not entry.statement:
        ctx.dropped.append((token, entry, reason, rule))


def _mentions(ctx: Context, index: int, sent: Span) -> list[Mention]:
    """The acts of a sentence named but not coded, as mentions of the record."""
    found = []
    for token, entry, reason, rule in ctx.dropped:
        code = ctx.codebook.code(entry.cameo)
        found.append(Mention(
            trigger=Evidence(token.idx, token.idx + len(token.text), token.text),
            sentence=SentenceRef(index, sent.start_char, sent.end_char),
            reason=reason, cameo=code.code, plover=entry.plover or code.plover, rule=rule))
    ctx.dropped.clear()
    return found


def _remember(ctx: Context, drafts: list[Draft]) -> None:
    """Keep a sentence's doers for later sentences: by act and stem, and of violence."""
    ctx.sentence_no += 1
    for draft in drafts:
        if draft.source and all(equipment_party(ctx, a) for a in draft.source):
            continue  # "the strikes, carried out by fighter jets": no one to point back to
        if draft.source and not draft.entry.statement:
            # keyed by the word's stem: "withdrew" → "the withdrawal"
            key = act_key(ctx, draft.entry.cameo, draft.trigger.lemma_)
            ctx.doers[key] = draft.source
            if (draft.cameo[:2] in ctx.codebook.group("violent_roots")
                    and draft.judgement.modality == "actual"
                    and draft.judgement.polarity == "positive"):
                ctx.violent.append((ctx.sentence_no, draft.cameo[:2], draft.source))


def find_events(
    doc: Doc,
    actors: ActorIndex,
    sources: Sequence[object] = (),
    settings: EventSettings | None = None,
    codebook: Codebook | None = None,
) -> list[Event]:
    """Every event in the story sentences of a parsed document.

    Args:
        doc: a Doc parsed by the sitroom pipeline (sentences, parse, entities).
        actors: the actor stage's output.
        sources: the sourcing stage's source findings (for attribution).
        settings: stage settings.
        codebook: CAMEO/PLOVER tables and verb lexicon (loaded when omitted).
    """
    return find_events_and_mentions(doc, actors, sources, settings, codebook)[0]


def find_events_and_mentions(
    doc: Doc,
    actors: ActorIndex,
    sources: Sequence[object] = (),
    settings: EventSettings | None = None,
    codebook: Codebook | None = None,
) -> tuple[list[Event], list[Mention]]:
    """The events of :func:`find_events`, and the acts named but not coded (mentions).

    An act is a mention, not an event, when nobody can be named as its doer
    (``no-source``) or its subject is a thing, not an actor (``thing-as-doer``).
    """
    settings = settings or EventSettings()
    codebook = codebook or load_codebook()
    ctx = new_context(doc, actors, codebook, settings)
    published = _published(doc)
    events: list[Event] = []
    mentions: list[Mention] = []
    known: set[tuple[frozenset[str], frozenset[str], str]] = set()
    for index, sent in enumerate(doc_sents(doc)):
        if Span.has_extension("is_story") and not sent._.is_story:
            continue
        drafts = sentence_drafts(ctx, sent)
        mentions += _mentions(ctx, index, sent)
        drafts = _without_repeats(drafts, known)
        ids: dict[int, str] = {}
        seen: set[tuple[tuple[str, ...], tuple[str, ...], str, int | None]] = set()
        for number, draft in enumerate(drafts):
            same = (tuple(draft.source), tuple(draft.target), draft.cameo[:3], draft.parent)
            if same in seen:
                continue
            seen.add(same)
            event_id = f"E{len(events) + 1}"
            ids[number] = event_id
            events.append(_finish(draft, event_id, ids, index, sent, codebook, sources,
                                  actors, published))
    return events, mentions


def _without_repeats(drafts: list[Draft],
                     known: set[tuple[frozenset[str], frozenset[str], str]]) -> list[Draft]:
    """Drop event nouns that name an act already coded, keeping parent links right.

    "the killing", "the ban": a repeat mention of an act (same doers, receivers and
    CAMEO root, or no receivers and the same doers and root) is not a new event.
    ``known`` collects the acts seen so far in the document.
    """
    kept = []
    for draft in drafts:
        key = (frozenset(draft.source), frozenset(draft.target), draft.cameo[:2])
        repeat = key in known or (not draft.target and any(
            k[0] == key[0] and k[2] == key[2] for k in known))
        if draft.trigger.pos_ == "NOUN" and repeat and draft.parent is None:
            continue
        known.add(key)
        kept.append(draft)
    if len(kept) != len(drafts):
        keep = {id(d) for d in kept}
        index_of = {id(d): n for n, d in enumerate(drafts)}
        for draft in kept:
            if draft.parent is not None and id(drafts[draft.parent]) not in keep:
                draft.parent = None
            elif draft.parent is not None:
                draft.parent = [index_of[id(d)] for d in kept].index(draft.parent)
    return kept


def _published(doc: Doc) -> object:
    """The document's publication date, if it has a valid one."""
    import datetime as dt

    document = doc._.document if Doc.has_extension("document") else None
    value = getattr(document, "published", None)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _finish(draft: Draft, event_id: str, ids: dict[int, str], sentence_index: int,
            sent: Span, codebook: Codebook, sources: Sequence[object], actors: ActorIndex,
            published: object) -> Event:
    """The event record of a draft: codes, weights, evidence, then sourcing."""
    code = codebook.code(draft.cameo)
    plover = draft.entry.plover or code.plover
    mode = draft.entry.plover_mode if draft.entry.plover else code.plover_mode
    if draft.entry.plover_mode and not draft.entry.plover:
        mode = draft.entry.plover_mode
    trigger = draft.trigger
    event = Event(
        id=event_id,
        source=tuple(draft.source),
        target=tuple(draft.target),
        plover=plover,
        plover_mode=mode,
        cameo=code.code,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        trigger=Evidence(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
        sentence=SentenceRef(sentence_index, sent.start_char, sent.end_char),
        polarity=draft.judgement.polarity,
        modality=draft.judgement.modality,
        parent=ids.get(draft.parent) if draft.parent is not None else None,
        rule=draft.rule + (f"+{draft.judgement.rule}" if draft.judgement.rule else ""),
        lexicon=codebook.version,
        cues=tuple(Evidence(t.idx, t.idx + len(t.text), t.text)
                   for t in draft.judgement.cues),
    )
    return _with_sourcing(event, trigger, sources, actors, published)


def _with_sourcing(event: Event, trigger: Token, sources: Sequence[object],
                   actors: ActorIndex, published: object) -> Event:
    """Certainty, attribution, quantities, place and date from the sourcing stage."""
    try:
        from sitroom.sourcing.certainty import certainty_of
        from sitroom.sourcing.dates import date_for
        from sitroom.sourcing.places import location_for
        from sitroom.sourcing.quantities import quantities_for
        from sitroom.sourcing.sources import attribution_for
    except ImportError:  # the sourcing stage is optional for the event stage
        return event
    certainty, cues = certainty_of(trigger)
    argument_tokens = _argument_tokens(trigger)
    return replace(
        event,
        certainty=certainty,
        cues=event.cues + tuple(cues),
        attribution=attribution_for(event.sentence.index, trigger.i, list(sources)),  # type: ignore[arg-type]
        quantities=tuple(quantities_for(argument_tokens)),
        location=location_for(trigger, actors),
        date=date_for(trigger, published),  # type: ignore[arg-type]
    )


def _argument_tokens(trigger: Token) -> list[Token]:
    """The tokens of a trigger's arguments (where quantities are looked for)."""
    tokens: list[Token] = []
    for child in trigger.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "agent", "dative"}:
            tokens += list(child.subtree)
    if trigger.pos_ == "NOUN":
        tokens += [t for t in trigger.subtree if t.i < trigger.i]
    return tokens
