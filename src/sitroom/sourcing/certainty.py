"""How surely the text states an event: certainty and hedge cues in the event's scope."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitroom.lexicons import table, words
from sitroom.record import Certainty, Span
from sitroom.sourcing.common import evidence, lexicon, subject_of

CLAUSE_BOUNDARY = {"ccomp", "advcl", "relcl", "csubj", "parataxis", "ROOT", "acl", "pcomp"}
RANK: dict[Certainty, int] = {"confirmed": 0, "reported": 1, "alleged": 2, "uncertain": 3}


def clause_chain(trigger: Token) -> list[Token]:
    """The trigger and its heads up to the root of its clause (xcomp/conj/prep climb)."""
    chain = [trigger]
    current = trigger
    for _ in range(8):
        if current.dep_ in CLAUSE_BOUNDARY or current.head.i == current.i:
            break
        if current.dep_ == "conj" and current.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in current.children):
            break  # "… may attack, and Belarus sent troops": a clause of its own
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


def _hedges_in_scope(trigger: Token) -> list[tuple[Certainty, Span]]:
    """Hedges that govern the trigger's clause: modals, "appear to", "consistent with", evidence.

    "Troops appear to have massed", "it seems that talks failed", "consistent with
    preparations for an attack", "satellite images show troops massing": only the
    clause or phrase the hedge governs is touched, never a neighbouring clause.
    """
    found: list[tuple[Certainty, Span]] = []
    hedging = words("sourcing_hedge_adjectives")
    for token in clause_chain(trigger):
        if token.dep_ == "prep" and token.head.lemma_.lower() in hedging:
            found.append(("uncertain", evidence(token.head)))
    negated = any(c.dep_ == "neg" for t in clause_chain(trigger) for c in t.children)
    for span in hedges_of(trigger):
        if span.text.lower() != "would" and not negated:
            found.append(("uncertain", span))  # "may", "could", "likely" (not "could not")
    for gov in governors(trigger):
        if gov.kind in {"uncertain", "reported"} and not gov.speaker:
            found.append((gov.kind, evidence(gov.verb)))
    return found


def certainty_of(trigger: Token) -> tuple[Certainty, tuple[Span, ...]]:
    """The certainty of the event whose trigger is ``trigger`` and the cues behind it.

    ``confirmed`` unless a cue in the trigger's clause (or a hedge that governs that
    clause) says otherwise; the most doubtful cue wins (uncertain > alleged > reported).
    """
    found = _cues(trigger) + _hedges_in_scope(trigger)
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


#: Labels by which a clause is the content of the verb above it.
CONTENT = {"ccomp", "xcomp", "csubj"}


@dataclass(frozen=True)
class Governor:
    """A verb whose content clause holds an event, and what it does to it.

    Attributes:
        verb: the governing verb ("said", "appear", "verified").
        kind: ``reported`` (an assertion or evidence bears it), ``uncertain`` (a hedge or
            a failed verification), ``alleged`` (an allegation).
        speaker: whether the verb credits a speaker (its subject) rather than evidence.
        subject: the governing verb's subject token, if any.
    """

    verb: Token
    kind: Certainty
    speaker: bool
    subject: Token | None


def _negated(verb: Token) -> bool:
    """Whether a verification fails: "could not verify", "unable to confirm", "no confirmation"."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ in {"xcomp", "acomp", "ccomp"} and head.i != verb.i:
        if head.lemma_.lower() in words("sourcing_inability_words"):
            return True
        if head.lemma_ == "be" and any(c.dep_ == "neg" for c in head.children):
            return True
        if any(c.lower_ in words("sourcing_inability_words") for c in head.children):
            return head.lemma_ == "be" or head.dep_ == "ROOT"
    return False


def _governor(verb: Token, via: Token) -> Governor | None:
    """What ``verb`` does to the clause ``via`` it governs, or None."""
    lemma = verb.lemma_.lower()
    subject = subject_of(verb)
    evidence_subject = subject is not None and subject.lemma_.lower() in words(
        "sourcing_evidence_nouns")
    if lemma in words("sourcing_verification_words") and _negated(verb):
        return Governor(verb, "uncertain", False, subject)
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "did not say that …": nothing is credited
    if lemma in words("sourcing_appearance_verbs") and via.dep_ in {"xcomp", "ccomp"}:
        return Governor(verb, "uncertain", False, subject)
    if evidence_subject and lemma in table("sourcing_evidence_verbs"):
        kind = table("sourcing_evidence_verbs")[lemma]
        return Governor(verb, "uncertain" if kind == "uncertain" else "reported", False, subject)
    if via.dep_ in {"ccomp", "parataxis"} and lemma in words("sourcing_assertion_verbs"):
        if lemma in lexicon()["certainty"]["alleged_verbs"]:
            return Governor(verb, "alleged", True, subject)
        return Governor(verb, "reported", True, subject)
    return None


def governors(trigger: Token) -> list[Governor]:
    """The verbs whose content holds the trigger, nearest first.

    "Activists said [fighters had killed …]": ``said`` governs the killing. The content
    is the subtree of the verb's clause complement (for evidence, also its object:
    "images show ships sailing"); "Fighters killed …, activists said"
    (a reporting verb hung as parataxis on the clause) governs that clause too. A
    relative or adverbial clause inside the content is still content; a clause beside
    it ("… and the army withdrew") is not.
    """
    found: list[Governor] = []
    node = trigger
    for _ in range(12):
        for child in node.children:
            if child.dep_ == "parataxis" and child.i > node.i and not any(
                    g.dep_ in CONTENT for g in child.children):
                gov = _governor(child, node)
                if gov is not None and gov.speaker:
                    found.append(Governor(child, gov.kind, True, gov.subject))
        if node.head.i == node.i:
            break
        via, node = node, node.head
        if via.dep_ in CONTENT or (via.dep_ in {"prep", "dobj"} and node.pos_ == "VERB"
                                  and node.lemma_.lower() in table("sourcing_evidence_verbs")):
            gov = _governor(node, via)
            if gov is not None:
                found.append(gov)
    return found


def is_verification_cue(token: Token) -> bool:
    """Whether a token denies that something could be checked ("could not be verified")."""
    lemma = token.lemma_.lower()
    if lemma in words("sourcing_verification_words") and _negated(token):
        return True
    return lemma in words("sourcing_unverified_adjectives") and token.dep_ in {"acomp", "amod"}
