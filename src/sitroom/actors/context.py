"""Countries guessed from context, each with its reason.

- :func:`document_context`: the free place mentions of each sentence and the document's
  dominant country;
- :func:`owner_from_verb`: troops a state deploys are its troops ("deployed by X");
- :func:`domestic_context`: a group in a one-country sentence is of that country
  (``context.domestic``);
- :func:`context_country`: a title or body with no country takes one from its sentence, a
  titled person nearby or the document (reasons starting "context:").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitroom.actors.clues import is_destination
from sitroom.actors.knowledge import NON_STATE_CODES
from sitroom.actors.lexicon import normalize
from sitroom.actors.scan import Cand, Context, Scan
from sitroom.lexicons import words

#: Entry types whose mention places a sentence in a country (for context fallbacks).
PLACE_TYPES = frozenset(
    {"country", "adjective", "capital", "people", "city", "province", "us_state"}
)
#: Verbs whose subject owns the troops that are their object ("X deployed soldiers").
DEPLOY_VERBS = words("actors_deploy_verbs")
#: Words of a mention that sits abroad: its country says nothing about the sentence's.
ABROAD_WORDS = words("actors_abroad_words")
#: Titles of members of a national legislature.
NATIONAL_LEGISLATORS = words("actors_national_legislators")
#: Verbs whose object a sentence presents as a target or opponent.
TARGET_VERBS = words("actors_target_verbs")
#: Words after "X-" that make X a target ("Israel-bound ships").
TARGET_PARTICIPLES = words("actors_target_participles")
#: Codes of no country.
_NO_COUNTRY = (None, *NON_STATE_CODES)


def document_context(scan: Scan) -> Context:
    """Free place mentions per sentence and the document's dominant country.

    A place is free unless it is a destination ("to Germany") or says whose another
    person or group is ("Japanese Prime Minister X", "their Korean counterparts").
    """
    doc = scan.doc
    owned: set[int] = set()
    for cand in scan.cands:
        if cand.kind in ("person", "group") and cand.country and not cand.context:
            owned.update(range(cand.start, cand.end))
    sent_index = {s.start: k for k, s in enumerate(doc.sents)}
    by_sent: dict[int, list[tuple[int, str, str]]] = {}
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    for match in sorted(set(scan.matches.values()), key=lambda m: m.start):
        entry = match.entry
        if entry.type not in PLACE_TYPES or entry.country in _NO_COUNTRY:
            continue
        country = entry.country
        assert country is not None
        text = doc[match.start : match.end].text
        weight = 1
        if is_destination(scan, match.start) or match.start in owned:
            weight = 0
        if match.end < len(doc) and doc[match.end].text == "-":
            weight = 0  # "US-built", "Saudi-owned": a maker, not where the sentence is
        counts[country] = counts.get(country, 0) + weight
        first.setdefault(country, (match.start, text))
        if not weight:
            continue
        head = doc[match.start : match.end].root
        if head.dep_ == "dobj" and head.head.lemma_.lower() == "visit":
            continue
        sent = sent_index[doc[match.start].sent.start]
        by_sent.setdefault(sent, []).append((match.start, country, text))
    dominant = None
    if counts:
        best = max(counts, key=lambda c: (counts[c], -first[c][0]))
        dominant = (best, first[best][1])
    return Context(by_sent, dominant)


def owner_from_verb(scan: Scan) -> None:
    """Troops a state deploys or sends are its troops: "X deployed thousands of soldiers"."""
    by_head = {c.head: c for c in scan.cands}
    for k, cand in enumerate(scan.cands):
        if cand.country is not None or cand.sector != "MIL" or cand.kind == "state":
            continue
        tok = scan.doc[cand.head]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj":
            tok = tok.head.head
        if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in DEPLOY_VERBS:
            continue
        for subj in tok.head.children:
            owner = by_head.get(subj.i) if subj.dep_ == "nsubj" else None
            if owner is not None and owner.country and owner.country not in NON_STATE_CODES:
                scan.cands[k] = replace(
                    cand, country=owner.country, key=(),
                    reason=cand.reason + f"; {tok.head.lemma_}ed by '{subj.text}'",
                )


def domestic_context(scan: Scan) -> None:
    """A group with no country in a sentence whose actors and places all share one
    country takes that country ("Protesters clashed with Bolivian police")."""
    doc = scan.doc
    sent_of = scan.sent_ids
    keep: list[Cand] = []
    for cand in scan.cands:
        if cand.domestic and cand.country is None:
            here = sent_of[cand.head]
            seen: dict[str, str] = {}
            abroad: set[int] = agent_tokens(doc[cand.head])
            for other in scan.cands:
                if other is cand or sent_of[other.head] != here or other.head in abroad:
                    continue
                if set(normalize(doc[other.start : other.end].text).split()) & ABROAD_WORDS:
                    abroad.update(range(other.start, other.end))
                    continue
                if other.country in _NO_COUNTRY or other.context:
                    continue
                assert other.country is not None
                seen.setdefault(other.country, doc[other.start : other.end].text)
            # in document order, so the first place named is the one the reason quotes
            for match in sorted(set(scan.matches.values()), key=lambda m: m.start):
                entry = match.entry
                if (
                    sent_of[match.start] == here
                    and match.start not in abroad
                    and entry.type in PLACE_TYPES
                    and entry.country not in _NO_COUNTRY
                    and not is_destination(scan, match.start)
                ):
                    assert entry.country is not None
                    seen.setdefault(entry.country, doc[match.start : match.end].text)
            if len(seen) == 1:
                country, text = next(iter(seen.items()))
                cand = replace(
                    cand, country=country,
                    reason=cand.reason + f"; context.domestic: the sentence is about '{text}'",
                )
            elif cand.weak:
                continue
        keep.append(cand)
    scan.cands = keep


def agent_tokens(head: Token) -> set[int]:
    """Tokens of the doer of what is done to a group: never the group's own country.

    "the rebels are backed by Iran", "rebels backed by Iran", "Iran-backed rebels": the
    agent phrase (or the participle's modifier) names someone acting on the group, so the
    one country of the sentence may be the backer's, not the group's.
    """
    verbs = [c for c in head.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"]
    if head.dep_ in ("nsubjpass", "nsubj"):
        verbs.append(head.head)
    out: set[int] = set()
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "agent" or (
                child.dep_ in ("npadvmod", "compound", "nmod") and child.i < verb.i
                and verb.tag_ == "VBN"
            ):
                out.update(t.i for t in child.subtree)
    return out


def context_country(doc: Doc, cand: Cand, ctx: Context, sent_of: Callable[[int], int],
                    before: list[Cand] | None = None) -> Cand:
    """Country for a title or body without one (reason "context"): the first free place
    named before it in the same sentence; for a person, else the nearest titled person
    with an explicit country in this or the previous sentence ("X was accompanied by
    Trade Minister Y"); else the document's dominant country."""
    here = sent_of(cand.start)
    own = range(cand.start, cand.end)
    title = (cand.title or "").lower().split()
    if cand.kind == "person" and title and title[-1] in NATIONAL_LEGISLATORS:
        # "Senator X" sits in their own country's legislature: a foreign place nearby says
        # less than whose politicians the document is about, or its dominant country
        counts: dict[str, int] = {}
        for prior in before or []:
            if (prior.kind == "person" and prior.title and prior.country
                    and prior.country not in NON_STATE_CODES and not prior.context):
                counts[prior.country] = counts.get(prior.country, 0) + 1
        if counts:
            best = max(counts, key=lambda c: counts[c])
            if list(counts.values()).count(counts[best]) == 1:
                return replace(cand, country=best, reason=cand.reason
                               + f"; context: country of the document's titled people ({best})")
        if ctx.dominant is not None:
            country, text = ctx.dominant
            return replace(cand, country=country, reason=cand.reason
                           + f"; context: document's dominant country '{text}'")
    # a person is not of the state the sentence presents as a target ("against X")
    opponents = opponent_countries(doc, ctx, here) if cand.kind == "person" else set()
    for token, country, text in ctx.by_sent.get(here, []):
        if token in own or token > cand.start or country in opponents:
            continue
        return replace(cand, country=country,
                       reason=cand.reason + f"; context: country from '{text}' in the sentence")
    if cand.kind == "person":
        for prior in reversed(before or []):
            if sent_of(prior.start) < here - 1:
                break
            if (prior.kind == "person" and (prior.title or prior.rule == "coref.pronoun")
                    and prior.country and prior.country not in opponents
                    and prior.country not in NON_STATE_CODES and not prior.context):
                return replace(cand, country=prior.country,
                               reason=cand.reason + f"; context: country of '{prior.name}'")
    if ctx.dominant is not None and ctx.dominant[0] not in opponents:
        country, text = ctx.dominant
        return replace(cand, country=country,
                       reason=cand.reason + f"; context: document's dominant country '{text}'")
    return cand


def opponent_countries(doc: Doc, ctx: Context, sent: int) -> set[str]:
    """Countries a sentence presents as a target or opponent: the object of "against",
    of "bound for", or of a verb of attack ("targeting X", "invaded X")."""
    out: set[str] = set()
    for token, country, _text in ctx.by_sent.get(sent, []):
        tok = doc[token]
        while tok.dep_ == "compound" and tok.head.i != tok.i:
            tok = tok.head
        head = tok.head
        against = tok.dep_ == "pobj" and (
            head.lower_ == "against"
            or (head.lower_ == "for" and head.head.lower_ == "bound")
        )
        if against or (tok.dep_ == "dobj" and head.lemma_.lower() in TARGET_VERBS):
            out.add(country)
        elif token + 2 < len(doc) and doc[token + 1].text == "-" and (
            doc[token + 2].lower_ in TARGET_PARTICIPLES
        ):
            out.add(country)  # "Israel-bound ships"
    return out
