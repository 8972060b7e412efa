"""How surely the text states an event: certainty and hedge cues in the event's scope."""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.record import Certainty, Span
from sitroom.sourcing.common import evidence, lexicon, subject_of

CLAUSE_BOUNDARY = {"ccomp", "advcl", "relcl", "csubj", "parataxis", "ROOT", "acl", "pcomp"}
RANK: dict[Certainty, int] = {"confirmed": 0, "reported": 1, "alleged": 2, "uncertain": 3}


def clause_chain(trigger: Token) -> list[Token]:
    """The trigger and its heads up to the root of its clause (xcomp/conj/prep climb)."""
    chain = [trigger]
    current = trigger
    for _ in range(8):
        if current.dep_ in CLAUSE_BOUNDARY or current.head is current:
            break
        if current.dep_ in {
            "pobj",
            "prep",
            "dobj",
            "xcomp",
            "conj",
            "aux",
            "auxpass",
            "nsubj",
            "nsubjpass",
            "attr",
            "oprd",
            "acomp",
            "amod",
            "npadvmod",
            "advmod",
            "compound",
            "appos",
        }:
            current = current.head
            chain.append(current)
            continue
        break
    return chain


def _according_to(token: Token) -> Token | None:
    """An ``according to`` child of ``token`` (the ``according`` token)."""
    for child in token.children:
        if child.lower_ == "according" and any(g.lower_ == "to" for g in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            for grand in child.children:
                if grand.lower_ == "according":
                    return grand
    return None


def _according_span(token: Token) -> Span:
    doc = token.doc
    end = token.i + 2 if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to" else token.i + 1
    return evidence(doc[token.i : end])


def _cues(trigger: Token) -> list[tuple[Certainty, Span]]:
    cert = lexicon()["certainty"]
    found: list[tuple[Certainty, Span]] = []
    chain = clause_chain(trigger)
    chain_ids = {t.i for t in chain}
    for token in chain:
        accusing = token.lemma_.lower() in cert["accusing_verbs"]
        if token is not trigger and accusing and token.i < trigger.i:
            found.append(("alleged", evidence(token)))
        for child in token.children:
            if child.i in chain_ids:
                continue
            low = child.lower_
            if child.dep_ in {"advmod", "npadvmod", "prep", "advcl"} or child.pos_ == "ADV":
                if low in cert["reported_adverbs"]:
                    found.append(("reported", evidence(child)))
                elif low in cert["alleged_adverbs"]:
                    found.append(("alleged", evidence(child)))
                elif low in cert["uncertain_adverbs"]:
                    found.append(("uncertain", evidence(child)))
            if child.dep_ == "amod" and low in cert["alleged_adjectives"] and token is trigger:
                found.append(("alleged", evidence(child)))
        according = _according_to(token)
        if according is not None:
            found.append(("reported", _according_span(according)))
        # X is said / believed / reported to have …
        if (
            token.dep_ == "xcomp"
            and token.head.lemma_.lower() in cert["reported_passive_verbs"]
            and any(c.dep_ == "auxpass" for c in token.head.children)
        ):
            found.append(("reported", evidence(token.head)))
    top = chain[-1]
    # accused X of doing / suspected of doing
    if top.dep_ in {"pcomp", "pobj"} and top.head.dep_ == "prep" and top.head.lower_ == "of":
        governor = top.head.head
        if governor.lemma_.lower() in {*cert["alleged_verbs"], *cert["suspicion_verbs"]}:
            found.append(("alleged", evidence(governor)))
    if top.dep_ in {"ccomp", "advcl", "csubj", "pcomp"} and top.head is not top:
        head = top.head
        lemma = head.lemma_.lower()
        marks = {c.lower_ for c in top.children if c.dep_ == "mark"}
        if lemma in cert["alleged_verbs"] and top.dep_ in {"ccomp", "pcomp"}:
            found.append(("alleged", evidence(head)))
        elif lemma in cert["uncertain_adjectives"] or (
            head.lemma_ == "be"
            and any(c.lower_ in cert["uncertain_adjectives"] for c in head.children)
        ):
            if marks & set(cert["question_marks"]) or top.dep_ in {"ccomp", "csubj"}:
                cue = (
                    head
                    if lemma in cert["uncertain_adjectives"]
                    else next(c for c in head.children if c.lower_ in cert["uncertain_adjectives"])
                )
                found.append(("uncertain", evidence(cue)))
        elif (
            lemma in cert["reported_passive_verbs"]
            and any(c.dep_ == "auxpass" for c in head.children)
            and top.dep_ == "ccomp"
        ):
            found.append(("reported", evidence(head)))
        elif top.dep_ == "ccomp" and head.pos_ in {"VERB", "AUX"}:
            subject = subject_of(head)
            if subject is not None and subject.lower_ in cert["reported_source_heads"]:
                found.append(("reported", evidence(head)))
        # "officials reportedly believe that …": a hedge on the verb that reports it
        for child in head.children:
            if child.dep_ == "advmod" and top.dep_ in {"ccomp", "pcomp"}:
                if child.lower_ in cert["reported_adverbs"]:
                    found.append(("reported", evidence(child)))
                elif child.lower_ in cert["alleged_adverbs"]:
                    found.append(("alleged", evidence(child)))
        according = _according_to(head)
        if according is not None and according.i < top.i:
            found.append(("reported", _according_span(according)))
    return found


def certainty_of(trigger: Token) -> tuple[Certainty, tuple[Span, ...]]:
    """The certainty of the event whose trigger is ``trigger`` and the cues behind it.

    ``confirmed`` unless a cue in the trigger's clause says otherwise; the most
    doubtful cue wins (uncertain > alleged > reported).
    """
    found = _cues(trigger)
    if not found:
        return "confirmed", ()
    level = max((c for c, _ in found), key=lambda c: RANK[c])
    cues = tuple(sorted({span for _, span in found}, key=lambda s: s.start))
    return level, cues


def hedges_of(trigger: Token) -> tuple[Span, ...]:
    """Modal hedges (may, might, could, would, likely…) in the trigger's clause."""
    cert = lexicon()["certainty"]
    spans: list[Span] = []
    for token in clause_chain(trigger):
        for child in token.children:
            low = child.lower_
            modal = child.dep_ in {"aux", "auxpass"} and child.tag_ == "MD"
            if (modal and low in cert["hedge_modals"]) or (
                child.dep_ in {"advmod", "acomp"} and low in cert["hedge_words"]
            ):
                spans.append(evidence(child))
        hedge_word = token.lower_ in cert["hedge_words"] and token is not trigger
        if hedge_word and token.dep_ in {"acomp", "advmod"}:
            spans.append(evidence(token))
    return tuple(sorted(set(spans), key=lambda s: s.start))
