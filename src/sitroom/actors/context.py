"""Countries guessed from context, each with its reason.

- :func:`document_context`: the free place mentions of each sentence (never inside a
  quotation: a quoted place is the speaker's word, not where the speaker is) and the
  document's dominant country;
- :func:`owner_from_verb`: troops a state deploys are its troops ("deployed by X");
- :func:`domestic_context`: a group in a one-country sentence is of that country
  (``context.domestic``);
- :func:`context_country`: a title or body with no country takes one from its sentence, a
  titled person nearby or the document (reasons starting "context:"), only where one
  reading is possible (:func:`other_reading`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitroom.actors.clues import is_destination, is_stance
from sitroom.actors.knowledge import NON_STATE_CODES
from sitroom.actors.lexicon import normalize
from sitroom.actors.scan import Cand, Context, Scan, quote_ids
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
#: A document is about one country alone when that country has at least this many free
#: place mentions ...
SOLE_MIN_MENTIONS = 3
#: ... and at least this share of all of them (other countries are barely named).
SOLE_SHARE = 0.8
#: Words of a title only a state gives: an armed group nearby is no other reading.
STATE_OFFICE_WORDS = words("actors_state_office_words")
#: Sectors of a non-state actor that is an armed group or movement.
ARMED_SECTORS = frozenset({"REB", "OPP", "MIL"})
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
            head = doc[cand.head]  # "An Australian, NAME": the apposition is the person's
            owned.update(c.i for c in head.children if c.dep_ == "appos")
            if head.dep_ == "appos":
                owned.add(head.head.i)
    sent_index = {s.start: k for k, s in enumerate(doc.sents)}
    quoted = quote_ids(doc)
    by_sent: dict[int, list[tuple[int, str, str]]] = {}
    counts: dict[str, int] = {}
    named: dict[str, int] = {}  # every mention, free or not: what the document names
    first: dict[str, tuple[int, str]] = {}
    named_in: dict[int, set[str]] = {}  # sentence -> every country it names
    for match in sorted(set(scan.matches.values()), key=lambda m: m.start):
        entry = match.entry
        if entry.type not in PLACE_TYPES or entry.country in _NO_COUNTRY:
            continue
        country = entry.country
        assert country is not None
        text = doc[match.start : match.end].text
        named[country] = named.get(country, 0) + 1
        weight = 1
        if is_destination(scan, match.start) or match.start in owned or quoted[match.start]:
            weight = 0
        if (match.end < len(doc) and doc[match.end].text == "-") or is_stance(doc, match.start):
            weight = 0  # "US-built", "pro-Moscow": a maker or a stance, not where it is
        counts[country] = counts.get(country, 0) + weight
        first.setdefault(country, (match.start, text))
        named_in.setdefault(sent_index[doc[match.start].sent.start], set()).add(country)
        if not weight:
            continue  # a place inside a quotation is the speaker's word, not where they are
        head = doc[match.start : match.end].root
        if head.dep_ == "dobj" and head.head.lemma_.lower() == "visit":
            continue
        sent = sent_index[doc[match.start].sent.start]
        by_sent.setdefault(sent, []).append((match.start, country, text))
    dominant = sole = None
    if counts:
        best = max(counts, key=lambda c: (counts[c], -first[c][0]))
        dominant = (best, first[best][1])
        # about one country alone: most free mentions are of it, and of all the places the
        # document names (destinations and owners too) the others are few
        if counts[best] >= SOLE_MIN_MENTIONS and named[best] >= SOLE_SHARE * sum(named.values()):
            sole = dominant
    armed: dict[int, set[str]] = {}
    for c in scan.cands:
        if c.kind == "nonstate" and c.sector in ARMED_SECTORS:
            armed.setdefault(sent_index[doc[c.head].sent.start], set()).add(c.country or "")
    return Context(by_sent, dominant, sole, {k: frozenset(v) for k, v in named_in.items()},
                   {k: frozenset(v) for k, v in armed.items()}, counts)


def other_reading(ctx: Context, sent: int, country: str, title: str | None = None,
                  opponents: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Why the document's dominant country may not be guessed for a person of sentence
    ``sent``, or None: another country (not a target of the sentence) is named as often
    in the document; the sentence
    names another country (even in a quotation: the speaker may be of either side), other
    than one it presents as a target ("strikes against X"); or
    it or the one before names an armed group or movement of another country or of none
    (its spokesman or commander need not be of the country the report is about; a
    state's office such as "prime minister" is no such reading)."""
    most = ctx.counts.get(country, 0)
    if any(n >= most for c, n in ctx.counts.items() if c != country and c not in opponents):
        return "another country is named as often"
    others = ctx.named.get(sent, frozenset()) - {country} - opponents
    if others:
        return f"the sentence also names {', '.join(sorted(others))}"
    groups = ctx.armed.get(sent, frozenset()) | ctx.armed.get(sent - 1, frozenset())
    if groups - {country} and not set(normalize(title or "").split()) & STATE_OFFICE_WORDS:
        return "an armed group of another country is named nearby"
    return None


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
    country takes that country ("Protesters clashed with Bolivian police"); a news
    organisation in the sentence ("told the BBC") says nothing of where it happened."""
    doc = scan.doc
    sent_of = scan.sent_ids
    quoted = quote_ids(doc)
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
                if other.country in _NO_COUNTRY or other.context or (
                    other.kind == "organization" and other.sector == "MED"
                ):
                    continue  # a news outlet's country is not where the story is
                assert other.country is not None
                seen.setdefault(other.country, doc[other.start : other.end].text)
            # in document order, so the first place named is the one the reason quotes
            for match in sorted(set(scan.matches.values()), key=lambda m: m.start):
                entry = match.entry
                if (
                    sent_of[match.start] == here
                    and match.start not in abroad
                    and quoted[match.start] == quoted[cand.head]
                    and entry.type in PLACE_TYPES
                    and entry.country not in _NO_COUNTRY
                    and not is_destination(scan, match.start)
                    and not is_stance(doc, match.start)
                ):
                    assert entry.country is not None
                    seen.setdefault(entry.country, doc[match.start : match.end].text)
            if len(seen) == 1:
                country, text = next(iter(seen.items()))
                cand = replace(
                    cand, country=country,
                    reason=cand.reason + f"; context.domestic: the sentence is about '{text}'",
                )
            elif cand.weak and not cand.sole:
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
                    before: list[Cand] | None = None,
                    people: Mapping[str, Cand] | None = None) -> Cand:
    """Country for a title or body without one (reason "context"): the first free place
    named before it in the same sentence; for a person, else the nearest titled person
    with an explicit country in this sentence, or in the previous one when every person
    named there is of that country ("X was accompanied by Trade Minister Y"); else the
    document's dominant country, for a person only when :func:`other_reading` finds no
    other reading. Where none holds, the candidate keeps no country."""
    here = sent_of(cand.start)
    own = range(cand.start, cand.end)
    if cand.kind != "person" and led_by_person(doc[cand.head]):
        return cand  # "the government of NAME": the person's, never the sentence's place
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
        # the nearest titled person's country: in this sentence ("Israeli Prime Minister
        # X and energy minister Y"), or in the previous one only when every person named
        # there is of that one country ("Macron and Novak were tested. Minister Y ...":
        # two readings, no guess)
        nearest: Cand | None = None
        earlier: set[str | None] = set()  # countries of the people of the previous sentence
        for prior in reversed(before or []):
            if sent_of(prior.start) < here - 1:
                break
            if prior.kind != "person":
                continue
            if sent_of(prior.start) < here:
                # a surname or pronoun stands for its person ("Novak" after "Karl Novak")
                whole = (people or {}).get(prior.person or "", prior)
                earlier.add(None if whole.context else whole.country)
            if (nearest is None and (prior.title or prior.rule == "coref.pronoun")
                    and prior.country and prior.country not in opponents
                    and prior.country not in NON_STATE_CODES and not prior.context):
                nearest = prior
        if nearest is not None and nearest.country is not None and (
                sent_of(nearest.start) == here or earlier == {nearest.country}):
            return replace(cand, country=nearest.country,
                           reason=cand.reason + f"; context: country of '{nearest.name}'")
    why_not = None if cand.kind != "person" or ctx.dominant is None else other_reading(
        ctx, here, ctx.dominant[0], cand.title, opponents)
    if ctx.dominant is not None and ctx.dominant[0] not in opponents and why_not is None:
        country, text = ctx.dominant
        return replace(cand, country=country,
                       reason=cand.reason + f"; context: document's dominant country '{text}'")
    return cand


def led_by_person(head: Token) -> bool:
    """Whether a body's phrase names the person it belongs to: "the government of NAME",
    "NAME's government" (its country is that person's, not the sentence's place)."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            child = next((g for g in child.children if g.dep_ == "pobj"), child)
        elif child.dep_ != "poss":
            continue
        if child.ent_type_ == "PERSON":
            return True
    return False


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
