"""Claims and denials: who stands behind each event, and what a denial denies.

A post-pass over the events of one document (run after
:func:`~sitroom.events.extract.find_events`). It never adds an act the text does not
state; it changes how an act is stated:

- **Denials** (:mod:`~sitroom.events.denials`): "X denied attacking Y", "X denied that
  troops were massing", "X denied plans to …", "X dismissed reports that …", "X rejected
  claims that …". The denial is an event of its own (PLOVER REJECT; CAMEO 016 *deny
  responsibility* when X denies its own act or an act with no named doer, 120 *reject*
  when X denies an act it credits to another), and each denied act becomes its child
  (``parent``) with negative polarity, status ``denied`` and ``denied_by`` X.
- **Claims**: an event inside the content clause of a verb of saying or believing
  ("activists said that fighters had killed …") is the speaker's claim: certainty at
  least ``reported`` and attribution to that speaker. Not when the speaker reports its
  own words or intentions ("X said it opposed the plan", "said it would send aid"): the
  statement itself performs those.
- **Ascribed**: an act "blamed on", "attributed to" or "ascribed to" a doer is alleged.
- **Unverifiable**: "could not be independently verified", "unable to confirm",
  "unconfirmed" lower what they govern to ``uncertain``: a content clause, the rest of
  the sentence they are a side clause of ("…, a claim that could not be verified"), or,
  standing alone ("The claim could not be verified."), the claims of the sentence before.
- **Status** from all that: ``denied`` for denied acts, else by certainty: confirmed →
  ``asserted``, reported → ``claimed``, alleged → ``alleged``, uncertain → ``unverified``.
- **Dates of what has not happened** resolve forward: "will meet again on Friday" in a
  Monday report is the coming Friday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitroom.actors.model import ActorIndex
from sitroom.events.codebook import load_codebook
from sitroom.events.denials import apply_denials, countries, token_of
from sitroom.events.resolver import Resolver
from sitroom.lexicons import words
from sitroom.parsed.cache import doc_sents, lemma_lowers
from sitroom.record import Certainty, Event, Span, Status
from sitroom.sourcing.certainty import (
    RANK,
    Governor,
    clause_chain,
    governors,
    is_verification_cue,
)
from sitroom.sourcing.dates import date_for

__all__ = ["apply_claims", "status_of"]

STATUS: dict[Certainty, Status] = {"confirmed": "asserted", "reported": "claimed",
                                   "alleged": "alleged", "uncertain": "unverified"}
#: CAMEO quad classes of verbal acts (statements, appeals, intents, demands, accusations).
VERBAL_QUADS = {1, 3}
#: Modalities of acts that have not happened: their dates resolve forward.
NOT_YET = {"future", "hypothetical", "requested"}


def status_of(event: Event) -> Status:
    """The status an event's certainty and polarity give it (denied stays denied)."""
    if event.status == "denied":
        return "denied"
    return STATUS[event.certainty]


def _span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text), token.text)


def _raise(event: Event, level: Certainty, cue: Token) -> Event:
    """The event with certainty at least ``level`` and ``cue`` among its cues."""
    if RANK[level] > RANK[event.certainty]:
        event = replace(event, certainty=level)
    span = _span(cue)
    if span not in event.cues:
        event = replace(event, cues=(*event.cues, span))
    return event


def _speaker(gov: Governor, by_trigger: dict[int, Event], resolve: Resolver) -> set[str]:
    """The actors who say what a governing verb reports."""
    event = by_trigger.get(gov.verb.i)
    if event is not None and event.source:
        return set(event.source)
    return set(resolve.at(gov.subject)) if gov.subject is not None else set()


def _unverified_subject(gov: Governor) -> bool:
    """"Unconfirmed reports say …": the speaker itself is marked unverified."""
    return gov.subject is not None and any(is_verification_cue(c)
                                           for c in gov.subject.children)


def _claims(events: list[Event], doc: Doc, resolve: Resolver,
            findings: Sequence[object], actors: ActorIndex) -> list[Event]:
    """Certainty and attribution from the verbs of saying that govern each event."""
    by_trigger = {token_of(doc, e).i: e for e in events}
    cues = {getattr(f, "cue_i", None): f for f in findings}
    out: list[Event] = []
    for event in events:
        if event.status == "denied":
            out.append(event)
            continue
        trigger = token_of(doc, event)
        nearest = True
        for gov in governors(trigger):
            if not gov.speaker:
                continue
            speaker = _speaker(gov, by_trigger, resolve)
            own = bool(speaker & set(event.source)) or bool(
                countries(speaker, actors) & countries(set(event.source), actors))
            if own and (event.quad_class in VERBAL_QUADS or event.modality != "actual"):
                continue  # "said it opposed the plan": the statement performs it
            level: Certainty = "uncertain" if _unverified_subject(gov) else gov.kind
            event = _raise(event, level, gov.verb)
            finding = cues.get(gov.verb.i)
            if nearest and finding is not None:
                event = replace(event, attribution=finding.source.id)  # type: ignore[attr-defined]
            nearest = False
        if nearest and event.attribution is not None:
            event = _scoped_attribution(event, trigger, findings)
        out.append(event)
    return out


def _scoped_attribution(event: Event, trigger: Token, findings: Sequence[object]) -> Event:
    """Drop an attribution whose cue does not reach the event's clause.

    "Chile denied attacking Peru, and Bolivia condemned the shelling": Chile's denial
    credits nothing to Bolivia. A cue reaches an event when it is the event's own verb,
    governs it (the event is in its content, not beside it) or hangs on the event's clause
    ("according to officials, …").
    """
    doc = trigger.doc
    chain = {t.i for t in clause_chain(trigger)}
    ancestors: set[int] = set()
    node = trigger
    while node.head.i != node.i and node.dep_ not in {"conj", "advcl", "parataxis", "relcl"}:
        node = node.head
        ancestors.add(node.i)
    for finding in findings:
        if getattr(finding, "source", None) is None or finding.source.id != event.attribution:  # type: ignore[attr-defined]
            continue
        if finding.sentence_index != event.sentence.index:  # type: ignore[attr-defined]
            continue
        cue = finding.cue_i  # type: ignore[attr-defined]
        if cue is None or cue == trigger.i or cue in ancestors:
            return event
        hanging = doc[cue].dep_ in {"prep", "agent"} or doc[cue].pos_ not in {"VERB", "AUX"}
        if hanging and (
                doc[cue].head.i in chain or doc[cue].head.head.i in chain):
            return event  # "according to …" on the event's clause
    return replace(event, attribution=None)


def _sentence_of(doc: Doc, token: Token) -> int:
    for index, sent in enumerate(doc_sents(doc)):
        if sent.start <= token.i < sent.end:
            return index
    return -1


def _lowered(doc: Doc, events: list[Event], sentence: int, cue: Token,
             same: bool) -> set[str]:
    """The events a verification cue lowers in ``sentence`` (see :func:`_unverifiable`)."""
    inside = {t.i for t in cue.subtree} if same else set()
    members = [e for e in events if e.sentence.index == sentence
               and token_of(doc, e).i not in inside and e.status != "denied"]
    heads = {g.verb.i for e in members for g in governors(token_of(doc, e))}
    heads |= {token_of(doc, e).i for e in members
              if any(c.dep_ == "prep" and c.lower_ == "of" for c in token_of(doc, e).children)
              and any(m.certainty == "alleged" for m in members)}
    content = [e for e in members if token_of(doc, e).i not in heads]
    doubted = [e for e in content if e.certainty != "confirmed"]
    return {e.id for e in (doubted or content)}


def _clause_top(token: Token) -> Token:
    node = token
    while node.dep_ in {"aux", "auxpass", "neg", "advmod", "xcomp", "acomp", "conj"} and (
            node.head.i != node.i):
        node = node.head
    return node


def _unverifiable(events: list[Event], doc: Doc) -> list[Event]:
    """Lower to uncertain what a failed verification governs (see the module docstring)."""
    lowered: dict[str, Token] = {}
    sentences = list(doc_sents(doc))
    # a verification cue has one of these lemmas: other words are not read
    cues = words("sourcing_verification_words") | words("sourcing_unverified_adjectives")
    lemmas = lemma_lowers(doc)
    for index, sent in enumerate(sentences):
        for i in range(sent.start, sent.end):
            if lemmas[i] not in cues:
                continue
            token = doc[i]
            if not is_verification_cue(token) or token.dep_ == "amod":
                continue
            if any(c.dep_ in {"ccomp", "xcomp"} for c in token.children):
                continue  # "could not verify that …": its content clause (certainty_of)
            top = _clause_top(token)
            if top.dep_ in {"relcl", "acl", "appos", "advcl", "parataxis"}:
                targets = _lowered(doc, events, index, top, same=True)
            elif top.dep_ == "ROOT":
                earlier = [i for i in range(index - 1, -1, -1)
                           if any(e.sentence.index == i for e in events)]
                targets = _lowered(doc, events, earlier[0], token, False) if earlier else set()
            else:
                targets = set()
            for event_id in targets:
                lowered.setdefault(event_id, token)
    return [_raise(e, "uncertain", lowered[e.id]) if e.id in lowered else e for e in events]


def _ascribed_to(doc: Doc) -> dict[int, Token]:
    """Trigger positions whose act is only ascribed to its doer, with the ascribing verb.

    "The attack, blamed on rebels, killed five": the attack and the killing it is the
    subject of; "…, another attack ascribed to the rebels": the clause it is set beside;
    "The bombing was attributed to the rebels": the bombing.
    """
    found: dict[int, Token] = {}
    ascribing = words("sourcing_ascribing_verbs")
    for i, lemma in enumerate(lemma_lowers(doc)):
        if lemma not in ascribing:
            continue
        verb = doc[i]
        if verb.tag_ != "VBN" and verb.dep_ != "relcl":
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        nouns = [verb.head] if verb.dep_ in {"acl", "relcl"} else [
            c for c in verb.children if c.dep_ == "nsubjpass"]
        for noun in nouns:
            found.setdefault(noun.i, verb)
            if verb.dep_ in {"acl", "relcl"} and noun.dep_ in {"nsubj", "npadvmod", "appos"}:
                clause = noun.head
                for act in (clause, *[c for c in clause.children if c.dep_ == "conj"]):
                    found.setdefault(act.i, verb)
    return found


def _ascribed(events: list[Event], doc: Doc) -> list[Event]:
    """Acts only ascribed to their doer are alleged (see :func:`_ascribed_to`)."""
    ascribed = _ascribed_to(doc)
    if not ascribed:
        return events
    out = []
    for event in events:
        verb = ascribed.get(token_of(doc, event).i)
        out.append(_raise(event, "alleged", verb) if verb is not None
                   and event.status != "denied" else event)
    return out


def _forward_dates(events: list[Event], doc: Doc, published: dt.date | None) -> list[Event]:
    """Dates of acts that have not happened yet resolve forward ("will meet on Friday")."""
    if published is None:
        return events
    out = []
    for event in events:
        trigger = token_of(doc, event)
        perfect = any(c.lower_ == "have" and c.dep_ == "aux" for c in trigger.children)
        if event.modality in NOT_YET and not perfect:
            date = date_for(trigger, published, forward=True)
            if date is not None:
                event = replace(event, date=date)
        out.append(event)
    return out


def apply_claims(doc: Doc, events: Sequence[Event], actors: ActorIndex,
                 findings: Sequence[object] = (), published: dt.date | None = None
                 ) -> tuple[Event, ...]:
    """The document's events with denials, claims, unverifiable content and status.

    Args:
        doc: the parsed document the events come from.
        events: the event stage's events, in order.
        actors: the actor stage's output.
        findings: the sourcing stage's source findings (for attribution).
        published: the document's publication date (for forward dates).
    """
    if not events:
        return ()
    resolve = Resolver(doc, actors)
    found = _claims(list(events), doc, resolve, findings, actors)
    found = apply_denials(doc, found, resolve, load_codebook(), actors)
    found = _ascribed(found, doc)
    found = _unverifiable(found, doc)
    found = _forward_dates(found, doc, published)
    return tuple(replace(e, status=status_of(e), cues=tuple(dict.fromkeys(e.cues)))
                 for e in found)
