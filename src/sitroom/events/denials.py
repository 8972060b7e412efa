"""Denials: what a denial denies, and the denial as an event with the denied acts nested.

A denial verb ("deny", "refute") governs what it denies as a clause ("denied attacking",
"denied that troops were massing"), a claim noun ("denied reports of an attack"), an
intention or part in an act ("denied plans to invade", "denied any involvement in the
strike") or an event noun ("denied the attack"). A rebuttal verb ("dismiss", "reject")
denies only through a claim noun ("dismissed reports that …", "rejected claims that …");
"rejected the plan" stays a rejection. A negated denial ("did not deny") denies nothing.

The denial event is coded PLOVER REJECT with CAMEO 016 (*deny responsibility*) when the
denier denies its own act (same actor or same country), or an act whose doer has no
known country; CAMEO 120 (*reject*) when it denies an act of another country
("Russia denied that Ukraine had retaken the town"). Each denied act becomes its
child: negative polarity, status ``denied``, ``denied_by`` the deniers, certainty at
least ``alleged`` (``reported`` when the denial names reports).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sitroom.actors.model import ActorIndex
from sitroom.events.codebook import Codebook
from sitroom.events.resolver import Resolver
from sitroom.lexicons import words
from sitroom.parsed.cache import doc_sents, lemma_lowers
from sitroom.record import Certainty, Event, SentenceRef, Span
from sitroom.sourcing.certainty import RANK
from sitroom.sourcing.common import lexicon, subject_of

#: Side clauses inside denied content that are not themselves denied.
SIDE = {"relcl", "advcl", "parataxis"}


@dataclass(frozen=True)
class Denial:
    """One denial in the text.

    Attributes:
        verb: the denial verb.
        heads: heads of what it denies (clauses, event nouns).
        kind: ``act``, ``intention``, ``report`` or ``allegation``.
        back: it denies the claims of the sentence before ("Iran denied it.").
    """

    verb: Token
    heads: tuple[Token, ...]
    kind: str
    back: bool = False


def token_of(doc: Doc, event: Event) -> Token:
    """The trigger token of an event."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else doc[0]


def _content_of_noun(noun: Token, kind: str) -> list[Token]:
    found = [c for c in noun.children if c.dep_ in {"acl", "ccomp"}]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "about", "in", "for", "on"}:
            found += [p for p in prep.children if p.dep_ in {"pobj", "pcomp"}]
    return found


def find_denials(doc: Doc, triggers: set[int]) -> list[Denial]:
    """Every denial in the document (see the module docstring)."""
    denying, rebutting = words("events_denial_verbs"), words("events_rebuttal_verbs")
    claims, intents = words("events_claim_nouns"), words("events_denied_intent_nouns")
    anaphors = words("events_anaphor_objects")
    reports = set(lexicon()["certainty"]["reported_source_heads"])
    found: list[Denial] = []
    verbs = denying | rebutting
    for i, lemma in enumerate(lemma_lowers(doc)):
        if lemma not in verbs:
            continue
        verb = doc[i]
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        heads: list[Token] = []
        kind = "act"
        back = False
        for child in verb.children:
            if child.dep_ in {"xcomp", "ccomp"} and lemma in denying:
                heads.append(child)
            elif child.dep_ in {"dobj", "nsubjpass"}:
                noun = child.lemma_.lower()
                if noun in claims:
                    kind = "report" if noun in reports else "allegation"
                    content = _content_of_noun(child, kind)
                    heads += content or [child]
                    back = back or (not content and child.dep_ == "dobj"
                                    and any(c.dep_ == "det" and c.lower_ in {"the", "these",
                                                                             "those", "such"}
                                            for c in child.children))
                elif child.dep_ == "dobj" and child.lower_ in anaphors:
                    kind, back = "allegation", True
                    heads.append(child)
                elif lemma in denying and noun in intents:
                    kind = "intention"
                    content = _content_of_noun(child, kind)
                    heads += content or [child]
                    back = back or not content  # "denied any role": in what was just told
                elif lemma in denying and (child.i in triggers or child.tag_ == "VBG"):
                    heads.append(child)
        if heads:
            found.append(Denial(verb, tuple(heads), kind, back))
    return found


def _region(heads: tuple[Token, ...]) -> set[int]:
    """Token indices of denied content: the heads' subtrees without side clauses."""
    region: set[int] = set()
    for head in heads:
        stack = [head]
        while stack:
            token = stack.pop()
            region.add(token.i)
            stack += [c for c in token.children if c.dep_ not in SIDE]
    return region


def countries(ids: set[str], actors: ActorIndex) -> set[str]:
    """The known countries of some actors."""
    found = set()
    for actor_id in ids:
        actor = actors.actor(actor_id)
        if actor is not None and actor.country:
            found.add(actor.country)
    return found


def _sentence(doc: Doc, token: Token) -> SentenceRef:
    for index, sent in enumerate(doc_sents(doc)):
        if sent.start <= token.i < sent.end:
            return SentenceRef(index, sent.start_char, sent.end_char)
    return SentenceRef(0, 0, len(doc.text))


def _denial_event(denial: Denial, existing: Event | None, deniers: list[str],
                  denied: list[Event], codebook: Codebook, actors: ActorIndex,
                  doc: Doc) -> Event | None:
    """The denial as an event: recoded when the event stage found it, else made."""
    doers = {a for e in denied for a in e.source}
    theirs = countries(doers, actors)
    own = not doers or bool(doers & set(deniers)) or not theirs or bool(
        theirs & countries(set(deniers), actors))
    code = codebook.code("016" if own else "120")
    if existing is None:
        if not deniers:
            return None
        verb = denial.verb
        existing = Event(
            id="", source=tuple(deniers), target=(), plover=None, plover_mode=None,
            cameo=code.code, goldstein=code.goldstein, quad_class=code.quad_class,
            trigger=Span(verb.idx, verb.idx + len(verb.text), verb.text),
            sentence=_sentence(doc, verb), rule=f"claims:denial:{denial.kind}",
            lexicon=codebook.version)
    target = existing.target
    if not target:
        pool = [a for e in denied for a in (e.target if own else e.source)]
        target = tuple(a for a in dict.fromkeys(pool) if a not in existing.source)
    rule = existing.rule or ""
    if "claims:denial" not in rule:
        rule += f"+claims:denial:{denial.kind}"
    return replace(existing, cameo=code.code, goldstein=code.goldstein,
                   quad_class=code.quad_class, plover="REJECT", plover_mode=None,
                   polarity="positive", target=target, rule=rule)


def _deny(event: Event, parent_id: str | None, deniers: list[str], kind: str,
          verb: Token, direct: bool) -> Event:
    level: Certainty = "reported" if kind == "report" else "alleged"  # a claim of the act
    certainty = level if RANK[level] > RANK[event.certainty] else event.certainty
    span = Span(verb.idx, verb.idx + len(verb.text), verb.text)
    polarity = "negative" if direct or event.modality == "actual" else event.polarity
    parent = parent_id if direct and parent_id is not None else event.parent
    return replace(event, polarity=polarity, status="denied", denied_by=tuple(deniers),
                   certainty=certainty, parent=parent, attribution=None,
                   cues=event.cues if span in event.cues else (*event.cues, span),
                   rule=(event.rule or "") + "+claims:denied")


def apply_denials(doc: Doc, events: list[Event], resolve: Resolver, codebook: Codebook,
                  actors: ActorIndex) -> list[Event]:
    """The events with each denial coded and its denied acts nested under it.

    New denial events are placed before their first denied act, and every id is
    renumbered in order (``parent`` links follow).
    """
    tokens = {e.id: token_of(doc, e).i for e in events}
    by_token = {i: e for e, i in ((e, tokens[e.id]) for e in events)}
    order: list[Event] = list(events)
    for number, denial in enumerate(find_denials(doc, set(by_token))):
        region = _region(denial.heads)
        denied = [e for e in order if tokens.get(e.id) in region
                  and tokens.get(e.id) != denial.verb.i and e.polarity == "positive"]
        if denial.back and not denied:
            denied = _claims_before(doc, order, tokens, denial.verb)
        existing = next((e for e in order if tokens.get(e.id) == denial.verb.i), None)
        deniers = list(existing.source) if existing is not None and existing.source else \
            resolve.at(subject) if (subject := subject_of(denial.verb)) is not None else []
        made = _denial_event(denial, existing, deniers, denied, codebook, actors, doc)
        if made is not None and existing is None:
            made = replace(made, id=f"D{number + 1}")
            tokens[made.id] = denial.verb.i
            first = min((order.index(e) for e in denied), default=len(order))
            order.insert(first, made)
        elif made is not None:
            order[order.index(existing)] = made  # type: ignore[arg-type]
        parent_id = made.id if made is not None else None
        ids = {e.id for e in denied}
        for event in denied:
            direct = event.parent is None or event.parent not in ids
            order[order.index(event)] = _deny(event, parent_id, deniers, denial.kind,
                                              denial.verb, direct)
    return _renumber(order)


def _claims_before(doc: Doc, events: list[Event], tokens: dict[str, int],
                   verb: Token) -> list[Event]:
    """The claims of the sentence before a denial that points back ("Iran denied it.").

    Only what that sentence credits to a source (claimed or alleged acts, not the
    statements that make them) is denied; a sentence that claims nothing gives nothing.
    """
    here = _sentence(doc, verb).index
    before = [e.sentence.index for e in events if e.sentence.index < here]
    if not before:
        return []
    last = max(before)
    return [e for e in events if e.sentence.index == last and e.polarity == "positive"
            and e.certainty in {"reported", "alleged"} and e.status != "denied"
            and e.quad_class not in {1, 3}]


def _renumber(events: list[Event]) -> list[Event]:
    """Ids ``E1``… in order, with parent links rewritten."""
    new = {e.id: f"E{n + 1}" for n, e in enumerate(events)}
    return [replace(e, id=new[e.id], parent=new.get(e.parent) if e.parent else None)
            for e in events]
