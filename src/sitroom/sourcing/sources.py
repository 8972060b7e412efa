"""Sources the report relies on, and which source an event's sentence credits."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitroom.actors.model import ActorIndex
from sitroom.lexicons import words
from sitroom.parsed.cache import doc_sents, lemma_lowers, token_lowers
from sitroom.record import Source, SourceKind
from sitroom.sourcing.common import (
    actor_of,
    by_title,
    is_reporting,
    lexicon,
    mention_span,
    name_text,
    phrase_of,
    reporting_verbs,
)

PERSON_NEVER = frozenset({"document", "imagery", "intelligence", "unnamed"})


@dataclass(frozen=True)
class SourceFinding:
    """One occurrence of a source in the text.

    Attributes:
        source: the deduplicated source (same ``id`` for every occurrence).
        sentence_index: index of the sentence in ``list(doc_sents(doc))``.
        token_start: first token of the source phrase.
        token_end: token one past the phrase.
        cue_i: token index of the cue (reporting verb, ``according``, ``by``), if any.
    """

    source: Source
    sentence_index: int
    token_start: int
    token_end: int
    cue_i: int | None = None


def _kind_of(head: Token, phrase: Span, actors: ActorIndex, actor_id: str | None) -> SourceKind:
    nouns: dict[str, list[str]] = lexicon()["source_nouns"]
    media: list[str] = lexicon()["media_names"]
    text = phrase.text.lower().removeprefix("the ")
    if text in media or any(text.endswith(name) and len(name) > 3 for name in media):
        return "media"
    outlet_word = head.text in words("sourcing_media_name_words")
    if head.pos_ == "PROPN" and outlet_word and head.i > phrase.start:
        return "media"  # "the Kyiv Post", "the Jakarta Globe"
    monitoring = words("sourcing_monitoring_words")
    if any(t.lower_ in monitoring for t in phrase if t.i < head.i or t.i == head.i):
        return "monitoring"  # "human rights group X", "a press freedom watchdog"
    lemma = head.lemma_.lower()
    for child in head.children:
        # "the Observatory, a war monitor": the apposition says what kind of source it is
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            for kind in lexicon()["source_kind_order"]:
                if kind in PERSON_NEVER and head.ent_type_ == "PERSON":
                    continue  # "X, the letter …": a misparse, a person is no document
                if kind != "official" and child.lemma_.lower() in nouns[kind]:
                    return kind  # type: ignore[no-any-return]
    actor = actors.actor(actor_id) if actor_id else None
    sector = (actor.sector or "").upper() if actor is not None else ""
    sector_kinds: dict[str, SourceKind] = lexicon()["sector_kinds"]
    by_sector = sector_kinds.get(sector)
    if by_sector in {"media", "intelligence"}:
        return by_sector
    if by_sector is not None and not (lemma in nouns["expert"] or head.lower_ in nouns["expert"]):
        return by_sector
    if actor is not None and actor.kind == "igo" and not sector:
        return "official"
    order: list[SourceKind] = lexicon()["source_kind_order"]
    if head.ent_type_ == "PERSON":
        return _person_kind(head, phrase, order, nouns)
    for kind in order:
        if lemma in nouns[kind] or head.lower_ in nouns[kind]:
            if kind == "official" and lemma in {"agency"} and "news" in text:
                return "media"
            return kind
    return "official"


def _person_kind(
    head: Token, phrase: Span, order: list[SourceKind], nouns: dict[str, list[str]]
) -> SourceKind:
    """A named person's kind from the common noun right before the name ("criminology
    professor Ana Lind": expert, "the witness Ana Lind": observer); else official."""
    first = head.i
    while first > phrase.start and head.doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    title = head.doc[first - 1] if first > phrase.start else None
    if title is None or title.pos_ != "NOUN":
        return "official"
    for kind in order:
        if kind not in PERSON_NEVER and title.lemma_.lower() in nouns[kind]:
            return kind
    return "official"


def _anonymous(head: Token, phrase: Span, cue_text: str, actors: ActorIndex) -> bool:
    """True for unnamed individuals and whenever an anonymity cue is attached."""
    if any(c in cue_text for c in lexicon()["anonymity_cues"]):
        return True
    modifiers = lexicon()["anonymous_modifiers"]
    if any(c.dep_ == "amod" and c.lower_ in modifiers for c in head.children):
        return True
    if head.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in phrase):
        return False
    unnamed = lexicon()["unnamed_heads"]
    if head.lower_ in unnamed or head.lemma_.lower() in unnamed:
        return not any(t.ent_type_ == "PERSON" for t in head.subtree)
    return False


def _subject_candidates(doc: Doc, actors: ActorIndex) -> list[tuple[Token, Token, str]]:
    """(head of source phrase, cue token, rule) for reporting verbs and ``according to``."""
    exclude = set(lexicon()["source_only_exclude"])
    document_heads = set(lexicon()["document_heads"])
    obtaining = set(lexicon()["obtaining_verbs"])
    statement_nouns = set(lexicon()["statement_nouns"])
    evidence_verbs = set(lexicon()["evidence_verbs"])
    nouns: dict[str, list[str]] = lexicon()["source_nouns"]
    evidence_nouns = {w for kind in ("imagery", "document", "intelligence") for w in nouns[kind]}
    found: list[tuple[Token, Token, str]] = []
    media_verbs = words("sourcing_media_verbs")
    # every test below needs one of these lemmas or lower forms: other words are not read
    cue_lemmas = reporting_verbs() | evidence_verbs | media_verbs | statement_nouns | {"cite"}
    lowers = token_lowers(doc)
    for i, lemma in enumerate(lemma_lowers(doc)):
        if lemma not in cue_lemmas and lowers[i] not in {"according", "by"}:
            continue
        token = doc[i]
        reporting = is_reporting(token)
        # an adjectival "alleged" / "reported" is no reporting act
        verbal = token.dep_ not in {"amod", "compound"}
        if reporting and verbal and lemma not in exclude:
            for child in token.children:
                if child.dep_ in {"nsubj"} and child.pos_ in {"NOUN", "PROPN", "PRON"}:
                    found.append((child, token, "source.reporting_subject"))
            # said X (inverted), passive "was reported by X"; not "the lie told by X"
            for child in token.children:
                if token.dep_ == "acl" and token.head.lemma_.lower() not in document_heads:
                    break
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found.append((obj, token, "source.agent"))
        # satellite imagery showed / the documents reveal: evidence as the source
        if lemma in evidence_verbs and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "nsubj" and (
                    child.lemma_.lower() in evidence_nouns or child.lower_ in evidence_nouns
                ):
                    found.append((child, token, "source.evidence"))
        # the agency projected the winner / the result was called by two networks
        if lemma in media_verbs and token.pos_ == "VERB":
            for child in token.children:
                heads = [child] if child.dep_ == "nsubj" else []
                if child.dep_ == "agent":
                    heads = [g for g in child.children if g.dep_ == "pobj"]
                found += [(h, token, "source.media_act") for h in heads if _is_media(h)]
        # told Reuters / in an interview with the BBC / speaking to CNN / said on Fox News
        if reporting and verbal:
            found += [(o, token, "source.outlet") for o in _outlets_of(token, actors)]
        # "reported by X … and by Y": a second agent conjoined to the first
        if reporting and verbal:
            for sub in token.subtree:
                if sub.lower_ == "by" and sub.dep_ == "conj" and sub.head.dep_ in {"prep", "agent"}:
                    objs = [g for g in sub.children if g.dep_ == "pobj"]
                    found += [(obj, token, "source.agent") for obj in objs]
        # the network cited X as saying …: X is the source
        if lemma == "cite" and any(
            c.dep_ == "prep" and c.lower_ == "as" and any(is_reporting(g) for g in c.children)
            for c in token.children
        ):
            for child in token.children:
                if child.dep_ == "dobj":
                    found.append((child, token, "source.cited_as_saying"))
        # ..., citing anonymous sources / a report citing the mayor's office
        if lemma == "cite" and token.pos_ == "VERB":
            unnamed: list[str] = lexicon()["unnamed_heads"]
            reporting_head = token.dep_ == "acl" and (
                token.head.lemma_.lower() in document_heads or _is_media(token.head)
            )
            for child in token.children:
                if child.dep_ == "dobj" and (child.lower_ in unnamed or reporting_head):
                    found.append((child, token, "source.citing"))
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ == "according" and nxt is not None and nxt.lower_ == "to":
            for obj in doc[token.i + 1].children:
                if obj.dep_ == "pobj":
                    agent = _agent_of(obj)
                    found.append((agent or obj, token, "source.according_to"))
        # documents seen by / provided by officials
        if (
            token.lower_ == "by"
            and token.dep_ == "agent"
            and token.head.lemma_.lower() in obtaining
        ):
            for obj in token.children:
                if obj.dep_ == "pobj":
                    found.append((obj, token, "source.agent"))
        # a statement by the ministry / a statement from X
        statement = lemma in statement_nouns
        if statement and token.pos_ == "NOUN":
            agent = _agent_of(token)
            if agent is not None:
                found.append((agent, token, "source.statement_by"))
    # X and Y said / according to X and Y: every conjoined name is a source
    expanded: list[tuple[Token, Token, str]] = []
    for head, cue, rule in found:
        later = [c for c in head.conjuncts if c.i > head.i]
        name = _shared_name(head, later)
        if name is not None:
            expanded.append((name, cue, rule))  # "expert and former official, NAME": one person
            continue
        expanded.append((head, cue, rule))
        expanded += [(c, cue, rule) for c in later]
    return expanded


def _shared_name(head: Token, later: list[Token]) -> Token | None:
    """The one source behind coordinated titles of one person ("a history expert and former
    army official, NAME"): the first title when the name is apposed to it, else the name;
    a conjunct with its own determiner ("the minister and his deputy, NAME") is another
    person, and gives None."""
    if not later or head.pos_ != "NOUN" or any(c.pos_ != "NOUN" for c in later):
        return None
    if any(g.dep_ in {"det", "poss"} for c in later for g in c.children):
        return None
    last = max(later, key=lambda c: c.i)
    for tok in (head, last):
        for child in tok.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.i > last.i:
                return head if tok is head else child  # the head keeps its title
    return None


def _outlets_of(verb: Token, actors: ActorIndex) -> list[Token]:
    """Named news outlets a statement was given to or published in ("told Reuters", "in an
    interview with the BBC", "said on Fox News"); a generic "told reporters" is none."""
    found: list[Token] = []
    stack = [c for c in verb.children if c.dep_ in {"dobj", "dative", "prep"}]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "prep" and tok.lower_ in {"to", "on", "in", "with"}:
            stack += [g for g in tok.children if g.dep_ == "pobj"]
            continue
        if tok.dep_ == "pobj" and tok.lemma_.lower() in {"interview", "statement", "post"}:
            stack += [g for g in tok.children if g.dep_ == "prep"]
            continue
        if tok.dep_ not in {"dobj", "dative", "pobj"}:
            continue
        actor = actors.actor(actors.at_token(tok.i) or "")
        outlet = actor is not None and (actor.sector or "").upper() == "MED"
        if tok.pos_ == "PROPN" and (outlet or _is_media(tok)):
            found.append(tok)
    return found


def _is_media(token: Token) -> bool:
    """A news outlet named or described by the phrase headed by ``token``."""
    media: list[str] = lexicon()["media_names"]
    nouns: list[str] = lexicon()["source_nouns"]["media"]
    phrase = " ".join(t.lower_ for t in token.subtree if t.i <= token.i).removeprefix("the ")
    return (
        phrase in media
        or token.lemma_.lower() in nouns
        or token.lower_ in nouns
        or (token.ent_type_ == "ORG" and phrase in media)
    )


def _named_apposition(head: Token, actors: ActorIndex) -> str | None:
    """The named organisation apposed to a common noun ("the broadcaster TVN24"), if any."""
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == head.i + 1:
            actor_id = actors.at_token(child.i)
            actor = actors.actor(actor_id) if actor_id else None
            if actor is not None and actor.kind in {"organization", "nonstate", "igo"}:
                return actor_id
    return None


def _agent_of(token: Token) -> Token | None:
    """``a tweet by X`` / ``a statement released by X's office``: the X phrase head."""
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ in {"acl", "prep"}:
            found = _agent_of(child)
            if found is not None:
                return found
    return None


def _acceptable(head: Token, actor_id: str | None, actors: ActorIndex) -> bool:
    nouns: dict[str, list[str]] = lexicon()["source_nouns"]
    lemma = head.lemma_.lower()
    if head.pos_ == "PRON":
        return actor_id is not None
    if actor_id is not None:
        return True
    if any(lemma in words or head.lower_ in words for words in nouns.values()):
        return True
    text = head.text.lower()
    return text in lexicon()["media_names"] or head.ent_type_ in {"ORG", "PERSON", "NORP", "GPE"}


def _anonymity_cues(doc: Doc, heads: list[Token]) -> dict[int, str]:
    """Anonymity phrases, each given to the nearest candidate source head of its sentence."""
    cues: list[str] = lexicon()["anonymity_cues"]
    given: dict[int, str] = {}
    for sent in doc_sents(doc):
        in_sent = [h for h in heads if sent.start <= h.i < sent.end]
        if not in_sent:
            continue
        low = sent.text.lower()
        taken: list[tuple[int, int]] = []
        for cue in sorted(cues, key=len, reverse=True):
            pos = low.find(cue)
            while pos >= 0:
                if not any(a <= pos < b for a, b in taken):
                    taken.append((pos, pos + len(cue)))
                    char = sent.start_char + pos
                    best = min(in_sent, key=lambda h: abs(h.idx - char))
                    given.setdefault(best.i, cue)
                pos = low.find(cue, pos + 1)
        for head in in_sent:
            for child in head.children:
                if (
                    child.dep_ == "relcl"
                    and child.lemma_ in lexicon()["unnaming_verbs"]
                    and any(c.dep_ == "neg" for c in child.children)
                ):
                    given.setdefault(head.i, child.text)
    return given


def find_sources(doc: Doc, actors: ActorIndex) -> list[SourceFinding]:
    """Every source the report relies on, one ``SourceFinding`` per occurrence.

    Occurrences of one source entity (the same actor, or the same unnamed phrase)
    share one ``Source`` and id (``S1``…). Quote speakers count as sources.
    """
    from sitroom.sourcing.quotes import quotes_with_tokens

    sentences = list(doc_sents(doc))
    sent_index = {s.start: i for i, s in enumerate(sentences)}
    quoted = quotes_with_tokens(doc, actors)
    spans = [(q.start, q.end) for q, _, _ in quoted if q.kind == "direct"]
    # "as Smith argued" inside a quotation is the speaker's words, not the report's source
    candidates = [
        c for c in _subject_candidates(doc, actors)
        if not any(a <= c[1].idx < b for a, b in spans)
    ]
    for quote, speaker_i, cue_i in quoted:
        if speaker_i is not None and quote.speaker is not None:
            cue_tok = doc[cue_i] if cue_i is not None else doc[speaker_i]
            candidates.append((doc[speaker_i], cue_tok, "source.quote_speaker"))
    accepted: list[tuple[Token, Token, str, str | None]] = []
    seen_tokens: set[int] = set()
    for head, cue, rule in sorted(candidates, key=lambda c: c[0].i):
        if head.i in seen_tokens:
            continue
        actor_id = actor_of(head, actors) if head.pos_ != "NOUN" else actors.at_token(head.i)
        bare = actors.actor(actor_id) if actor_id else None
        if bare is not None and bare.kind == "person" and bare.name.islower():
            actor_id = actor_of(head, actors)  # "the archbishop": the person last so titled
        if actor_id is None and head.pos_ == "NOUN":
            actor_id = next(
                (
                    actors.at_token(c.i)
                    for c in head.children
                    if c.dep_ == "appos" and actors.at_token(c.i)
                ),
                None,
            )
            actor_id = actor_id or by_title(head, actors)
        apposed = _named_apposition(head, actors)
        if apposed is not None:
            actor_id = apposed  # "the Polish broadcaster TVN24": the outlet itself
        if not _acceptable(head, actor_id, actors):
            continue
        seen_tokens.add(head.i)
        accepted.append((head, cue, rule, actor_id))
    anonymity_by_head = _anonymity_cues(doc, [h for h, _, _, _ in accepted])
    findings: list[SourceFinding] = []
    by_key: dict[str, Source] = {}
    for head, cue, rule, actor_id in accepted:
        mention = mention_span(head, actors)
        phrase = phrase_of(head, {cue.i})  # the cue is never part of the name
        if mention is not None and len(mention) > len(phrase):
            phrase = mention
        actor = actors.actor(actor_id) if actor_id else None
        if actor is not None and head.pos_ in {"PRON", "NUM"}:
            text = actor.name
        else:
            text = name_text(head, actors, actor_id, {cue.i})
        if actor_id is not None and _named_apposition(head, actors) == actor_id:
            end = max(c.i for c in head.children if c.dep_ == "appos") + 1
            if end > phrase.end:
                text = doc[phrase.start : end].text  # "the Polish broadcaster TVN24"
        anonymity = anonymity_by_head.get(head.i)
        anonymous = _anonymous(head, phrase, anonymity or "", actors)
        kind = _kind_of(head, phrase, actors, actor_id)
        if anonymity and kind not in {"unnamed", "official"}:
            kind = "official" if head.lemma_.lower() != "source" else "unnamed"
        named = actor_id is not None and not anonymous
        plain = text.lower().removeprefix("the ").removeprefix("a ")
        key = f"actor:{actor_id}" if named else f"text:{plain}"
        if actor_id is not None and anonymous:
            key = f"anon:{actor_id}:{head.lemma_.lower()}"
        source = by_key.get(key)
        if source is None:
            cue_text = anonymity or ("according to" if rule == "source.according_to" else cue.text)
            source = Source(
                id=f"S{len(by_key) + 1}",
                text=text,
                actor=actor_id,
                anonymous=anonymous,
                kind=kind,
                cue=cue_text,
                start=phrase.start_char,
                end=phrase.end_char,
                rule=rule,
            )
            by_key[key] = source
        elif anonymous and not source.anonymous:
            source = replace(source, anonymous=True)
            by_key[key] = source
        sentence = sent_index.get(head.sent.start, 0)
        findings.append(SourceFinding(source, sentence, phrase.start, phrase.end, cue.i))
    final = {s.id: s for s in by_key.values()}
    findings.sort(key=lambda f: f.token_start)
    return [replace(f, source=final[f.source.id]) for f in findings]


def distinct_sources(findings: list[SourceFinding]) -> list[Source]:
    """One ``Source`` per id, in order of first occurrence."""
    seen: dict[str, Source] = {}
    for finding in findings:
        seen.setdefault(finding.source.id, finding.source)
    return list(seen.values())


def attribution_for(
    sentence_index: int, trigger_token_i: int, findings: list[SourceFinding]
) -> str | None:
    """The id of the source credited in the event's own sentence, or None.

    The source whose cue (reporting verb, ``according``) is nearest the trigger in that
    sentence. No source in the sentence: the outlet itself asserts it (None).
    """
    in_sentence = [f for f in findings if f.sentence_index == sentence_index]
    if not in_sentence:
        return None
    in_sentence.sort(
        key=lambda f: abs((f.cue_i if f.cue_i is not None else f.token_start) - trigger_token_i)
    )
    return in_sentence[0].source.id
