"""How the text says an event: modality (actual, future, hypothetical, requested) and polarity.

Every judgement keeps its cue tokens and a rule id, so the reason can be shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitroom.events.codebook import Codebook, VerbEntry
from sitroom.events.syntax import conditions
from sitroom.events.vocabulary import (
    CONDITION_MARKS,
    FUTURE_ADJECTIVES,
    FUTURE_GOVERNORS,
    FUTURE_MODALS,
    GOAL_NOUNS,
    HYPOTHETICAL_ADJECTIVES,
    HYPOTHETICAL_GOVERNORS,
    HYPOTHETICAL_MODALS,
    NEGATIONS,
    NEGATORS,
    SILENT_NEGATORS,
    UNTIL_GOVERNORS,
    UNTIL_MARKS,
)
from sitroom.lexicons import words
from sitroom.record import Modality, Polarity

__all__ = ["GOAL_NOUNS", "NEGATIONS", "Judgement", "complement_modality", "judge"]


#: The modal that, negated with no condition, says an act was not done: "could not agree".
INABILITY_MODAL = "could"


@dataclass(frozen=True)
class Judgement:
    """Modality and polarity of one trigger, with the evidence for them.

    Attributes:
        modality: actual, future, hypothetical or requested.
        polarity: positive or negative.
        cues: tokens that decided it ("will", "not", "has yet to").
        cameo: a CAMEO code that replaces the entry's (a negated statement is 011).
        suppress: the trigger is only a negator of another event ("declined to").
        rule: id of the rule that decided it.
    """

    modality: Modality = "actual"
    polarity: Polarity = "positive"
    cues: tuple[Token, ...] = ()
    cameo: str | None = None
    suppress: bool = False
    rule: str = ""


def complement_modality(entry: VerbEntry) -> Modality | None:
    """The modality a governing entry gives to the clause it governs."""
    value = entry.complement
    if value in {"requested", "hypothetical", "future"}:
        return value  # type: ignore[return-value]
    return None


def _negator_of(token: Token) -> tuple[str, Token] | None:
    """The negating verb that governs ``token``, if any ("refrained from commenting")."""
    head = token.head
    if token.dep_ == "xcomp":
        lemma = head.lemma_.lower()
        if lemma in NEGATORS and NEGATORS[lemma] in {"to", None}:
            return lemma, head
        if any(c.lower_ == "yet" and c.dep_ == "advmod" for c in head.children):
            return "yet", head
    if token.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        lemma = governor.lemma_.lower()
        if NEGATORS.get(lemma) == head.lower_:
            return lemma, governor
    if token.dep_ == "dobj" and token.pos_ == "NOUN":
        # "has still not made a statement": the noun is governed by a light verb.
        verb = token.head
        found = _negator_of(verb) if verb is not token else None
        if found:
            return found
    return None


def _is_silent_negator(token: Token) -> bool:
    """Whether a token only negates a clause it governs ("declined to comment")."""
    lemma = token.lemma_.lower()
    has_clause = any(c.dep_ in {"xcomp", "ccomp"} for c in token.children) or any(
        c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children) for c in token.children
    )
    if lemma in SILENT_NEGATORS and has_clause:
        return True
    return any(c.lower_ == "yet" and c.dep_ == "advmod" for c in token.children) and any(
        c.dep_ == "xcomp" for c in token.children
    )


def _reported(verb: Token, codebook: Codebook | None) -> bool:
    """Whether a clause is reported speech in the past ("said they would meet")."""
    if verb.dep_ != "ccomp" or codebook is None:
        return False
    head = verb.head
    if head.tag_ not in {"VBD", "VBN"} and not any(
        c.dep_ == "aux" and c.tag_ in {"VBD", "VBZ"} for c in head.children
    ):
        return False
    return any(e.statement for e in codebook.verbs(head.lemma_.lower(), "VERB"))


def _chain(token: Token) -> list[Token]:
    """The trigger and the verbs it is the complement or conjunct of (nearest first).

    An event noun that is the subject of a verb of aspect ("the exercises would
    continue through Friday") takes that verb's modality too.
    """
    chain = [token]
    node = token
    if token.pos_ == "NOUN" and token.dep_ in {"nsubj", "nsubjpass"} and (
            token.head.lemma_.lower() in words("events_aspect_verbs")):
        node = token.head
        chain.append(node)
    for _ in range(4):
        purpose = node.dep_ == "advcl" and _infinitive(node)
        if ((node.dep_ not in {"xcomp", "conj", "pcomp", "pobj", "dobj", "acl"} and not purpose)
                or node.head is node):
            break
        if node.dep_ == "acl" and node.head.pos_ != "NOUN":
            break
        if node.dep_ == "conj" and _own_subject(node):
            break  # "may attack Ukraine, and Belarus sent troops": a clause of its own
        node = node.head
        if node.dep_ == "prep":
            node = node.head
        chain.append(node)
    return chain


def _infinitive(verb: Token) -> bool:
    """Whether a verb heads a to-infinitive ("to meet", "for X to act")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _ranked(noun: Token) -> bool:
    """Whether a noun is ranked ("the first state to …", "the only leader to …")."""
    return any(c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" or c.lower_ in {"only", "last"}
               for c in noun.children if c.dep_ in {"amod", "advmod", "det"})


def _irrealis(chain: list[Token], codebook: Codebook | None) -> tuple[Modality, Token, str] | None:
    """A to-infinitive on the way up that says the act is not done (its modality, cue, rule).

    An infinitive that completes a noun ("his offer to resign", "the willingness to
    accept", "efforts to complete the withdrawal") names a possible act, not a done one,
    unless the noun is ranked ("the first state to recognize"); a noun whose entry gives
    its complement a modality (a demand, a request) is left to the framing. "Was to meet"
    is planned; "for X to act" is only entertained ("it is common for states to …").
    """
    for node in chain:
        if not _infinitive(node):
            continue
        head = node.head
        mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        if mark is not None:
            return "hypothetical", mark, "infinitive:for"
        if node.dep_ in {"acl", "relcl"} and head.pos_ == "NOUN" and not _ranked(head):
            entries = codebook.verbs(head.lemma_.lower(), "NOUN") if codebook else ()
            if any(e.complement for e in entries):
                return None
            return "hypothetical", head, f"infinitive:noun:{head.lemma_.lower()}"
        if node.dep_ == "xcomp" and head.lemma_ == "be" and head.pos_ == "AUX":
            return "future", head, "infinitive:be"
    return None


def _own_subject(verb: Token) -> bool:
    """Whether a conjoined verb has a subject of its own (and so its own auxiliaries)."""
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


#: Labels climbed from an event to the noun phrase and copula it sits in.
NOMINAL_PATH = {"dobj", "acl", "pobj", "prep", "attr", "nsubj"}


def _outer_negation(token: Token) -> Token | None:
    """A negation on the path from an event up through the noun phrases it sits in.

    "is not part of any plan to increase sanctions": the negation of the copula reaches
    the act, because the act is only the content of a noun that is denied. Side clauses
    (relative, adverbial, reported) are never climbed, nor clause complements.
    """
    node = token
    for _ in range(6):
        if node.dep_ not in NOMINAL_PATH or node.head is node:
            return None
        if node.dep_ == "nsubj" and node.pos_ != "NOUN":
            return None
        node = node.head
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return child
        if node.pos_ == "VERB" and node.dep_ != "acl":
            return None  # a full verb between: its own negation is its own
    return None


def _open_ended(clause: Token) -> bool:
    """Whether an "until" clause is a condition still to be met, not a past limit.

    "attacks will continue until Israel ends the war", "vowed to fight until the
    army withdraws": the clause it modifies is promised or threatened, so the ending
    has not happened. "fought until the army withdrew" is a past limit (actual).
    """
    if clause.dep_ != "advcl" or clause.head is clause:
        return False
    head = clause.head
    for node in (head, head.head if head.dep_ in {"xcomp", "ccomp"} else head):
        if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in FUTURE_MODALS | {"would"}
               for c in node.children):
            return True
    if head.lemma_.lower() in UNTIL_GOVERNORS and any(c.dep_ == "xcomp"
                                                      for c in head.children):
        return True  # "vowed to fight until …", the clause hung on the vow
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in UNTIL_GOVERNORS


def _deontic_noun(token: Token) -> Token | None:
    """"It is time for X to act": the noun that makes the infinitive an appeal, or None."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    nouns = words("events_deontic_nouns")
    head = token.head
    if token.dep_ in {"relcl", "acl"} and head.lemma_.lower() in nouns:
        return head
    if token.dep_ in {"advcl", "xcomp"} and head.lemma_ == "be":
        return next((c for c in head.children
                     if c.dep_ == "attr" and c.lemma_.lower() in nouns), None)
    return None


def _topic_of(token: Token) -> Token | None:
    """The talks whose gerund topic the trigger is ("talks on ending the war"), or None.

    Only a gerund: "talks on the attack" speak of an attack that happened.
    """
    if token.tag_ != "VBG":
        return None
    head = token.head
    topics = words("events_topic_heads")
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in {"on", "about", "over"}:
        head = head.head
        if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() not in topics:
            # "holding talks with rebels on ending the war": the prep hangs on the verb
            head = next((c for c in head.children
                         if c.dep_ == "dobj" and c.lemma_.lower() in topics), head)
    elif token.dep_ not in {"dobj", "xcomp"}:
        return None
    return head if head.lemma_.lower() in topics else None


def _goal_copula(node: Token) -> bool:
    """Whether a copula states an aim ("the goal is to repatriate")."""
    return node.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in GOAL_NOUNS for c in node.children)


def judge(token: Token, codebook: Codebook | None = None) -> Judgement:
    """Decide modality and polarity of the event triggered by ``token``."""
    if _is_silent_negator(token):
        return Judgement(suppress=True, rule="negator")
    cues: list[Token] = []
    polarity: Polarity = "positive"
    cameo: str | None = None
    rule = ""
    negations = [c for c in token.children if c.dep_ == "neg" or
                 (c.dep_ == "det" and c.lower_ == "no")]
    if negations:
        polarity, rule = "negative", "neg"
        cues += negations
    if not negations:
        outer = _outer_negation(token)
        if outer is not None:
            polarity, rule = "negative", "neg:outer"
            cues.append(outer)
    negator = _negator_of(token)
    if negator:
        lemma, governor = negator
        cues.append(governor)
        entry = None
        if codebook is not None:
            entries = codebook.verbs(token.lemma_.lower(), "NOUN" if token.pos_ == "NOUN"
                                     else "VERB")
            entry = entries[0] if entries else None
        if entry is not None and entry.statement:
            cameo, rule = "011", f"negated-statement:{lemma}"
        else:
            polarity, rule = "negative", f"negator:{lemma}"
    modality: Modality = "actual"
    for node in _chain(token):
        for child in node.children:
            word = child.lower_
            if child.dep_ == "aux" and child.tag_ == "MD":
                if word in FUTURE_MODALS or (word == "would" and _reported(node, codebook)):
                    modality = "future"
                elif (word == INABILITY_MODAL and node is token and negations
                      and not conditions(token)):
                    # "X and Y could not agree": inability, like "unable to", is the act
                    # not done (actual, negative), not a hypothetical one
                    cues.append(child)
                    rule = (rule + "+" if rule else "") + "modal:inability"
                    continue
                elif word in HYPOTHETICAL_MODALS:
                    modality = "hypothetical"
                if modality != "actual":
                    cues.append(child)
                    rule = (rule + "+" if rule else "") + f"modal:{word}"
                    break
            if child.dep_ == "mark" and (word in CONDITION_MARKS or (
                    word in UNTIL_MARKS and _open_ended(node))):
                modality = "hypothetical"
                cues.append(child)
                rule = (rule + "+" if rule else "") + f"condition:{word}"
                break
        if modality != "actual":
            break
        if node is not token:
            lemma = node.lemma_.lower()
            if (lemma in FUTURE_GOVERNORS and node.i < token.i) or _goal_copula(node):
                modality = "future"
            elif lemma in HYPOTHETICAL_GOVERNORS and node.i < token.i:
                modality = "hypothetical"
            if modality != "actual":
                cues.append(node)
                rule = (rule + "+" if rule else "") + f"governor:{lemma}"
                break
    deontic = _deontic_noun(token)
    if modality == "actual" and deontic is not None:
        modality = "requested"
        cues.append(deontic)
        rule = (rule + "+" if rule else "") + f"deontic:{deontic.lemma_.lower()}"
    irrealis = _irrealis(_chain(token), codebook) if modality == "actual" else None
    if irrealis is not None:
        modality = irrealis[0]
        cues.append(irrealis[1])
        rule = (rule + "+" if rule else "") + irrealis[2]
    topic = _topic_of(token)
    if modality == "actual" and topic is not None:
        modality = "hypothetical"
        cues.append(topic)
        rule = (rule + "+" if rule else "") + f"topic:{topic.lemma_.lower()}"
    if modality == "actual" and token.pos_ == "NOUN":
        for child in token.children:
            word = child.lower_
            if child.dep_ == "amod" and word in HYPOTHETICAL_ADJECTIVES:
                modality = "hypothetical"
            elif child.dep_ == "amod" and word in FUTURE_ADJECTIVES:
                modality = "future"
            if modality != "actual":
                cues.append(child)
                rule = (rule + "+" if rule else "") + f"adjective:{word}"
                break
    return Judgement(modality=modality, polarity=polarity, cues=tuple(cues), cameo=cameo,
                     rule=rule)
