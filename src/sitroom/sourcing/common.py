"""Shared helpers of the sourcing stage: the cue lexicon and token-to-actor lookups."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from sitroom.actors.model import ActorIndex
from sitroom.lexicons.files import on_clear
from sitroom.parsed.cache import doc_text
from sitroom.record import Span as EvidenceSpan
from sitroom.sourcing.lexicon import lexicon, pronoun_kinds

__all__ = [
    "actor_of",
    "by_title",
    "char_span",
    "evidence",
    "is_pronoun",
    "is_reporting",
    "lexicon",
    "mention_span",
    "name_text",
    "phrase_of",
    "pronoun_fallback",
    "reporting_verbs",
    "subject_of",
]


#: Small words inside a capitalised name ("Committee to Protect Journalists").
TITLE_LINKS = frozenset({"to", "for", "of", "the", "and"})

#: Relative pronouns that stand for the noun their clause hangs on.
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech or knowledge."""
    return frozenset(lexicon()["reporting_verbs"])


on_clear(reporting_verbs.cache_clear)


def is_pronoun(token: Token) -> bool:
    """True when the token is a pronoun that may stand for an actor (``he``, ``its``)."""
    return token.lower_ in pronoun_kinds()


def evidence(tokens: Token | Span) -> EvidenceSpan:
    """A record ``Span`` (char offsets and text) for a token or a spaCy span."""
    if isinstance(tokens, Token):
        return EvidenceSpan(tokens.idx, tokens.idx + len(tokens.text), tokens.text)
    return EvidenceSpan(tokens.start_char, tokens.end_char, tokens.text)


def char_span(doc: Doc, start: int, end: int) -> EvidenceSpan:
    """A record ``Span`` for characters ``[start, end)`` of the document."""
    return EvidenceSpan(start, end, doc_text(doc)[start:end])


def is_reporting(token: Token) -> bool:
    """True when the token is a verb whose lemma reports speech."""
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in reporting_verbs()


def subject_of(verb: Token) -> Token | None:
    """The nominal subject of a verb, inherited through conj/xcomp/advcl heads."""
    current: Token | None = verb
    for _ in range(6):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if current.dep_ in {"conj", "xcomp", "advcl", "acl"} and current.head is not current:
            current = current.head
            continue
        return None
    return None


def pronoun_fallback(doc: Doc, before: int, actors: ActorIndex, kind: str = "person") -> str | None:
    """The most recent actor of ``kind`` mentioned before token ``before``."""
    best: tuple[int, str] | None = None
    for mention in actors.mentions:
        if mention.end > before or mention.rule.startswith("coref"):
            continue
        actor = actors.actor(mention.actor_id)
        if actor is None or actor.kind != kind:
            continue
        if is_pronoun(doc[mention.start]):
            continue
        if best is None or mention.start > best[0]:
            best = (mention.start, mention.actor_id)
    return best[1] if best else None


def _person_in_title(token: Token, actors: ActorIndex) -> str | None:
    """``Kenyan Ambassador to Japan Mary Wanjiru``: the person named inside a title phrase."""
    for child in token.children:
        targets = [child] if child.dep_ in {"appos", "compound", "flat"} else []
        if child.dep_ == "prep" and child.lower_ == "to":
            targets = [g for g in child.children if g.dep_ == "pobj"]
        for target in targets:
            found = actors.at_token(target.i)
            actor = actors.actor(found) if found else None
            if (
                actor is not None
                and actor.kind == "person"
                and found != actors.at_token(token.i)
                and _named_mention(target, actors)
            ):
                return found
    return None


def _named_mention(token: Token, actors: ActorIndex) -> bool:
    """True when the mention covering ``token`` contains a personal name."""
    mention = actors.mention_at(token.i)
    if mention is None:
        return False
    return any(t.ent_type_ == "PERSON" for t in token.doc[mention.start : mention.end])


def _by_surname(token: Token, actors: ActorIndex) -> str | None:
    """An unresolved name (``Hotak``) that is the last word of a person actor's name."""
    for actor in actors.actors:
        if actor.kind == "person" and actor.name.split()[-1].lower() == token.lower_:
            return actor.id
    return None


def by_title(token: Token, actors: ActorIndex) -> str | None:
    """``the commissioner``: the most recent person introduced with that title."""
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
        return None
    doc = token.doc
    best: tuple[int, str] | None = None
    for mention in actors.mentions:
        if mention.end > token.i:
            continue
        actor = actors.actor(mention.actor_id)
        if actor is None or actor.kind != "person":
            continue
        window = doc[max(0, mention.start - 6) : mention.end].text.lower()
        title = (actor.title or "").lower()
        titled = token.lemma_.lower() in window or token.lemma_.lower() in title
        if titled and (best is None or mention.start > best[0]):
            best = (mention.start, mention.actor_id)
    return best[1] if best else None


def actor_of(token: Token, actors: ActorIndex) -> str | None:
    """The actor named by a noun phrase whose head is ``token``.

    Tries the token itself (a person named inside a title phrase wins over a country
    or a bare title in it), its appositions and compounds, a surname or a title
    (``the commissioner``) of a known person, then actors inside its subtree (``a
    source within the Interior Ministry``) except a person who owns the noun (``his
    daughter`` is not he) and the one spoken to in a clause of saying on it (``a witness
    who told the BBC``), then, for pronouns, the most recent compatible actor.
    """
    found = actors.at_token(token.i)
    if found is None and token.lower_ in RELATIVE_WORDS and token.head.dep_ == "relcl":
        # "X, who denounced …": the relative pronoun stands for the noun it follows
        return actor_of(token.head.head, actors) if token.head.head.i != token.i else None
    direct = actors.actor(found) if found else None
    if direct is not None and direct.kind == "person" and _named_mention(token, actors):
        return found
    person = _person_in_title(token, actors)
    if person:
        return person
    if direct is not None and direct.kind == "person" and not any(c.isupper() for c in direct.name):
        # "the archbishop": an unnamed title stands for the person last named with it
        person = by_title(token, actors)
        if person and person != found:
            return person
    if found:
        return found
    for child in token.children:
        if child.dep_ in {"appos", "compound"}:
            found = actors.at_token(child.i)
            if found:
                return found
    kind = pronoun_kinds().get(token.lower_)
    if kind is not None:
        return pronoun_fallback(token.doc, token.i, actors, kind)
    if token.pos_ == "PROPN":
        found = _by_surname(token, actors)
        if found:
            return found
    found = by_title(token, actors)
    if found:
        return found
    # "his daughter", "the envoy's aide": a person in the possessor is someone else
    owned = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
    # "a witness who told the BBC", "a witness described for an agency how …": the one
    # spoken to in a clause of saying on the noun is not the noun
    told = {
        t.i
        for c in token.children
        if c.dep_ in {"acl", "relcl"} and is_reporting(c)
        for t in c.subtree
    }
    for i in range(token.left_edge.i, token.right_edge.i + 1):
        found = actors.at_token(i)
        if found and i in told:
            continue
        if found and i in owned and token.pos_ == "NOUN":
            owner = actors.actor(found)
            if owner is not None and owner.kind == "person":
                continue
        if found:
            return found
    return None


def phrase_of(token: Token, stop: set[int] | None = None) -> Span:
    """The noun phrase headed by ``token``, cut before commas, relative clauses and quotes."""
    doc = token.doc
    stop = stop or set()
    start = token.i
    for i in range(token.i - 1, token.left_edge.i - 1, -1):
        if doc[i].is_punct or doc[i].is_space or i in stop:
            break
        start = i
    end = token.i + 1
    # words of a clause on the noun that come before the clause's verb ("a source that
    # money may be …"): the phrase ends where the clause begins
    clause = {
        t.i
        for c in token.children
        if c.dep_ in {"relcl", "acl"} and c.i > token.i
        for t in c.subtree
    }
    for i in range(token.i + 1, token.right_edge.i + 1):
        tok = doc[i]
        if _in_title_name(doc, i) and i not in stop:
            end = i + 1  # "the Committee to Protect Journalists": one name
            continue
        if tok.is_punct or tok.is_space or i in stop or tok.dep_ in {"relcl", "acl", "appos"}:
            break
        if i in clause:
            break
        if tok.dep_ == "prep" and tok.lower_ not in lexicon()["phrase_preps"]:
            break
        end = i + 1
    return doc[start:end]


def _in_title_name(doc: Doc, i: int) -> bool:
    """Token ``i`` continues a capitalised name: a capitalised word after one, or a small
    linking word between two ("Committee to Protect", "Office for the Coordination")."""
    if i == 0 or not doc[i - 1].is_title or doc[i - 1].is_sent_start:
        return doc[i].is_title and i > 0 and doc[i - 1].lower_ in TITLE_LINKS and _in_title_name(
            doc, i - 1
        )
    if doc[i].is_title:
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if doc[i].lower_ in TITLE_LINKS and nxt is not None:
        return nxt.is_title or (nxt.lower_ == "the" and i + 2 < len(doc) and doc[i + 2].is_title)
    return False


def name_text(
    token: Token, actors: ActorIndex, actor_id: str | None, stop: set[int] | None = None
) -> str:
    """Words naming the phrase headed by ``token``; a person named elsewhere is appended."""
    mention = mention_span(token, actors)
    phrase = phrase_of(token, stop)
    if mention is not None and len(mention) > len(phrase):
        phrase = mention
    text = phrase.text.strip()
    actor = actors.actor(actor_id) if actor_id else None
    if actor is None or is_pronoun(token):
        return text
    parts = [p for p in actor.name.replace("-", " ").split() if len(p) > 2]
    if actor.kind == "person" and not any(p in text for p in parts):
        return f"{text} {actor.name}"
    return text


def mention_span(token: Token, actors: ActorIndex) -> Span | None:
    """The actor mention covering ``token`` as a spaCy span, or None."""
    mention = actors.mention_at(token.i)
    if mention is None:
        return None
    start, end = mention.start, mention.end
    while start < end - 1 and token.doc[start].is_space:
        start += 1
    return token.doc[start:end]
