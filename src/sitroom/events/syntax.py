"""Reading the dependency parse: the phrases around a trigger that event rules look at.

Small pure functions over spaCy tokens (children by label, prepositional objects,
subjects and their voice, conditions); no actor, lexicon entry or CAMEO code here.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.events.vocabulary import (
    AGENTIVE_SUFFIXES,
    COUNT_WORDS,
    OWN_PRONOUNS,
    QUANTITY_NOUNS,
    THREAT_CONDITION_MARKS,
)


def children(token: Token, *deps: str) -> list[Token]:
    """The children of ``token`` with one of these dependency labels."""
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, prep: str) -> list[Token]:
    """The objects of the preposition ``prep`` under ``token`` ("talks *with X*")."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
            found += [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if prep == "out":
                # "pulled out of X": the parser hangs "of X" under "out"
                found += prep_objects(child, "of")
    return found


def counted_object(token: Token) -> bool:
    """Whether a verb's object counts people ("killed twelve", "wounded dozens").

    The subject of a passive is its object ("twelve were killed").
    """
    for obj in children(token, "dobj", "obj", "nsubjpass"):
        for t in obj.subtree:
            if t.like_num or t.lemma_.lower() in COUNT_WORDS:
                return True
    return False


def object_of(token: Token) -> Token | None:
    """The object of a verb, an event noun's "of" phrase, or a passive subject."""
    objects = children(token, "dobj", "obj")
    if objects:
        return objects[0]
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobjs = children(child, "pobj")
                if pobjs:
                    return pobjs[0]
    passive = children(token, "nsubjpass")
    return passive[0] if passive else None


def own_pronoun(token: Token) -> bool:
    """Whether an object noun is owned by a possessive pronoun ("its demand")."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in token.children)


def misparsed_verb(token: Token) -> Token | None:
    """The subject of a finite verb the parser made a modifier of its object, if any.

    "X on Monday hosted Y …" is at times parsed with "hosted" as an adjective on Y and
    X as the sentence's root: a finite past or present form cannot be attributive, so
    the root noun before it is its subject and the noun it modifies its object.
    """
    if token.dep_ != "amod" or token.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    root = token.sent.root
    if root.pos_ in {"NOUN", "PROPN"} and root.i < token.i < token.head.i:
        return root
    return None


def active(token: Token) -> bool:
    """Whether a verb without its own subject is active ("… and will resign").

    A bare past participle ("was arrested and jailed") shares its head's passive voice.
    """
    if any(c.dep_ == "auxpass" for c in token.children):
        return False
    return token.tag_ in {"VB", "VBD", "VBZ", "VBP", "VBG"} or any(
        c.dep_ == "aux" for c in token.children)


def human(token: Token) -> bool:
    """Whether a noun phrase with no actor still names people who can act.

    "About 200 supporters", "hundreds of people", "Muslim hackers", "members of X":
    counted plurals, role nouns of the actor lexicon, and nouns in ``-er``/``-ist``;
    so do nouns of people and bodies of people ("the commission", "the court"): the
    class PARTY (hand words, or WordNet's ``person`` and ``social_group``).
    """
    from sitroom.actors.lexicon import load_lexicon
    from sitroom.events.classes import wordnet_classes
    from sitroom.events.codebook import load_codebook

    lemma = token.lemma_.lower()
    if token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or lemma in QUANTITY_NOUNS:
        return True
    if any(c.dep_ == "nummod" for c in token.children) and token.tag_ == "NNS":
        return True
    if load_lexicon().noun(lemma) is not None:
        return True
    if lemma in load_codebook().classes.get("PARTY", frozenset()) or (
            "PARTY" in wordnet_classes(lemma)):
        return True
    return token.tag_ == "NNS" and lemma.endswith(AGENTIVE_SUFFIXES)


def unless(token: Token) -> bool:
    """Whether an act is promised only on a condition ("will withdraw unless X …").

    A promise held over another party's conduct is a threat, not an intent.
    """
    return any(
        child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                      for m in child.children)
        for child in token.children
    )


def is_condition(clause: Token) -> bool:
    """Whether an adverbial clause is a condition ("if X deploys", "until X withdraws")."""
    # "will fight until Ethiopia withdraws": the ending is the condition, too.
    return clause.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in THREAT_CONDITION_MARKS
        for m in clause.children)


def conditions(token: Token) -> list[Token]:
    """The "if"/"unless" clauses a threat or promise hangs on, nearest first.

    The condition may attach to any verb of the promised act ("threatened to stop the
    talks to cut arms if X deploys": on "cut"), or to a verb above the trigger ("will
    strike, the minister said, if …"); not inside another statement's content.
    """
    found: list[Token] = []
    stack = [c for c in token.children if c.dep_ in {"xcomp", "ccomp", "advcl", "dobj"}]
    while stack:
        node = stack.pop()
        if is_condition(node):
            found.append(node)
            continue
        if node.dep_ in {"xcomp", "ccomp", "dobj", "acl", "conj", "advcl"}:
            stack.extend(c for c in node.children
                         if c.dep_ in {"xcomp", "ccomp", "advcl", "dobj", "acl"})
    node = token
    for _ in range(4):
        if node.dep_ not in {"xcomp", "ccomp", "conj"} or node.head is node:
            break
        node = node.head
        found += [c for c in node.children if is_condition(c)]
    return sorted(found, key=lambda c: abs(c.i - token.i))


def subject_tokens(token: Token) -> tuple[list[Token], bool]:
    """Subject phrase heads of a verb and whether it is passive.

    The parser sometimes hangs the subject on the auxiliary ("Vietnam is committed
    to …" with "Vietnam" under "is"): a subject of the verb's own auxiliary is the
    verb's, passive when the auxiliary is a passive one.
    """
    subjects = children(token, "nsubj", "csubj")
    if subjects:
        return subjects, False
    passive = children(token, "nsubjpass")
    if passive:
        return passive, True
    for aux in children(token, "aux", "auxpass"):
        found = children(aux, "nsubj", "nsubjpass")
        if found:
            return found, aux.dep_ == "auxpass"
    return [], False

