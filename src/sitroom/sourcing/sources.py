"""Sources the report relies on, and which source an event's sentence credits."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitroom.actors.model import ActorIndex
from sitroom.parsed.cache import doc_sents
from sitroom.record import Source, SourceKind
from sitroom.sourcing.common import (
    actor_of,
    by_title,
    is_reporting,
    lexicon,
    mention_span,
    name_text,
    phrase_of,
)


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
    lemma = head.lemma_.lower()
    for child in head.children:
        # "the Observatory, a war monitor": the apposition says what kind of source it is
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            for kind in lexicon()["source_kind_order"]:
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
    if head.ent_type_ == "PERSON":
        return "official"
    order: list[SourceKind] = lexicon()["source_kind_order"]
    for kind in order:
        if lemma in nouns[kind] or head.lower_ in nouns[kind]:
            if kind == "official" and lemma in {"agency"} and "news" in text:
                return "media"
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


def _subject_candidates(doc: Doc) -> list[tuple[Token, Token, str]]:
    """(head of source phrase, cue token, rule) for reporting verbs and ``according to``."""
    exclude = set(lexicon()["source_only_exclude"])
    document_heads = set(lexicon()["document_heads"])
    obtaining = set(lexicon()["obtaining_verbs"])
    statement_nouns = set(lexicon()["statement_nouns"])
    evidence_verbs = set(lexicon()["evidence_verbs"])
    nouns: dict[str, list[str]] = lexicon()["source_nouns"]
    evidence_nouns = {w for kind in ("imagery", "document", "intelligence") for w in nouns[kind]}
    found: list[tuple[Token, Token, str]] = []
    for token in doc:
        # an adjectival "alleged" / "reported" is no reporting act
        verbal = token.dep_ not in {"amod", "compound"}
        if is_reporting(token) and verbal and token.lemma_.lower() not in exclude:
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
        if token.lemma_.lower() in evidence_verbs and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "nsubj" and (
                    child.lemma_.lower() in evidence_nouns or child.lower_ in evidence_nouns
                ):
                    found.append((child, token, "source.evidence"))
        # the network cited X as saying …: X is the source
        if token.lemma_.lower() == "cite" and any(
            c.dep_ == "prep" and c.lower_ == "as" and any(is_reporting(g) for g in c.children)
            for c in token.children
        ):
            for child in token.children:
                if child.dep_ == "dobj":
                    found.append((child, token, "source.cited_as_saying"))
        # ..., citing anonymous sources / citing unnamed officials
        if token.lemma_.lower() == "cite" and token.pos_ == "VERB":
            unnamed: list[str] = lexicon()["unnamed_heads"]
            for child in token.children:
                if child.dep_ == "dobj" and child.lower_ in unnamed:
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
        statement = token.lemma_.lower() in statement_nouns
        if statement and token.pos_ == "NOUN":
            agent = _agent_of(token)
            if agent is not None:
                found.append((agent, token, "source.statement_by"))
    return found


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
        c for c in _subject_candidates(doc)
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
        phrase = phrase_of(head)
        if mention is not None and len(mention) > len(phrase):
            phrase = mention
        actor = actors.actor(actor_id) if actor_id else None
        if actor is not None and head.pos_ in {"PRON", "NUM"}:
            text = actor.name
        else:
            text = name_text(head, actors, actor_id)
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
