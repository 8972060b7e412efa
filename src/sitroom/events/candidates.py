"""Triggers: the verbs and event nouns that have a lexicon entry, and which entry fits.

An entry may ask for a particle ("shoot down"), a preposition ("call for") or an
object class ("impose sanctions"); the entry whose conditions hold best for the
token gives the CAMEO code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from sitroom.events.classes import wordnet_classes
from sitroom.events.codebook import Codebook, VerbEntry
from sitroom.events.context import Context
from sitroom.events.predicates import VERBAL_ATTACK, marked_clauses, through_speech
from sitroom.events.syntax import children, object_of, prep_objects
from sitroom.events.vocabulary import (
    DEROGATORY,
    MEASURE_NOUNS,
    NAMING_VERBS,
    OTHER_SENSE_PARTICLES,
    VERDICT_VERBS,
)


def _derogatory_label(token: Token) -> bool:
    """Whether a naming verb's label is an insult ("called X a cowardly act").

    The label is the object predicate ("oprd"), an "as" phrase ("described X as
    barbaric"), or a second object the parser mislabels; its head or a modifier must be
    a word of condemnation.
    """
    labels = children(token, "oprd", "acomp")
    # "as" phrases: "as a threat" (pobj), "as provocative" (an adjective under "as")
    labels += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
               for g in c.children if g.dep_ in {"pobj", "pcomp", "amod", "acomp"}]
    objects = children(token, "dobj", "obj")
    if len(objects) > 1:
        labels += objects[1:]
    for obj in objects:
        labels += [c for c in obj.children if c.dep_ in {"appos", "oprd"}]
        labels += prep_objects(obj, "as")
    for label in labels:
        words = {label.lemma_.lower()} | {c.lemma_.lower() for c in label.children
                                         if c.dep_ in {"amod", "compound", "advmod"}}
        if words & DEROGATORY:
            return True
    return False


def object_words(obj: Token) -> set[str]:
    """Words an object condition may match: the head, compound + head, conjuncts."""
    # conjuncts, and appositions ("signed the Free Trade Area (AfCFTA) agreement")
    heads = [obj] + [c for c in obj.children if c.dep_ in {"conj", "appos"}]
    if obj.lemma_.lower() in MEASURE_NOUNS or any(c.dep_ == "nummod" for c in obj.children):
        # "700 kg of medicine", "tons of food aid": the measured thing is the object.
        heads += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
    words: set[str] = set()
    for head in heads:
        lemma = head.lemma_.lower()
        words |= {lemma, head.lower_}
        for child in head.children:
            if child.dep_ in {"compound", "amod"} and child.i == head.i - 1:
                words.add(f"{child.lower_} {lemma}")
                words.add(f"{child.lower_} {head.lower_}")
    return words


def _entry_score(entry: VerbEntry, token: Token) -> int | None:
    """How well an entry's conditions hold for a trigger (None: they don't)."""
    score = 0
    if entry.particle:
        if not any(c.dep_ == "prt" and c.lower_ == entry.particle for c in token.children):
            return None
        score += 2
    if entry.prep:
        if not any(c.dep_ in {"prep", "agent", "dative"} and c.lower_ == entry.prep
                   for c in token.children) and not marked_clauses(token, entry.prep):
            return None
        score += 1
    if entry.objects:
        found = object_of(token)
        objects = [found] if found is not None else []
        if entry.prep:
            # "preparing for military action": or on the preposition's object.
            objects += [o for c in token.children if c.dep_ == "prep" and c.lower_ == entry.prep
                        for o in children(c, "pobj")]
        if any(object_words(obj) & entry.objects for obj in objects):
            score += 3
        elif any(obj.pos_ == "NOUN"  # a common noun: names are actors or places
                 and entry.object_classes & wordnet_classes(obj.lemma_.lower())
                 for obj in objects):
            score += 2  # WordNet backs the hand words off: a listed word is surer
        else:
            return None
    return score


def choose_entry(entries: Sequence[VerbEntry], token: Token) -> VerbEntry | None:
    """The lexicon entry whose conditions hold best for this trigger, or None."""
    best: tuple[int, int] | None = None
    chosen: VerbEntry | None = None
    for order, entry in enumerate(entries):
        score = _entry_score(entry, token)
        if score is None:
            continue
        key = (score, -order)
        if best is None or key > best:
            best, chosen = key, entry
    return chosen



# -- triggers ------------------------------------------------------------------
_TRIGGER_WORDS: list[tuple[Codebook, frozenset[str]]] = []


def trigger_words(codebook: Codebook) -> frozenset[str]:
    """Every lemma with an entry, of any part of speech (built once per codebook).

    ``entry_for`` finds entries only under the token's lemma, its lower form or that
    form less one or two letters; a token none of whose forms is here gives None.
    """
    if not _TRIGGER_WORDS or _TRIGGER_WORDS[0][0] is not codebook:
        _TRIGGER_WORDS[:] = [(codebook, codebook.lemmas())]
    return _TRIGGER_WORDS[0][1]


def entry_for(ctx: Context, token: Token) -> VerbEntry | None:
    """The lexicon entry a verb or event noun triggers here, or None.

    The lemma's entries (or, for a past form the lemmatiser missed, the form's) are
    narrowed by sense (verdicts, naming) and the one whose conditions hold best wins.
    """
    if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
        pos = "VERB"
    elif token.pos_ == "NOUN" and ctx.settings.nominal:
        pos = "NOUN"
    else:
        return None
    entries = ctx.codebook.verbs(token.lemma_.lower(), pos)
    if not entries and pos == "VERB" and token.tag_ in {"VBN", "VBD"}:
        entries = ctx.codebook.verbs(token.lower_, pos)
        if not entries and token.lower_.endswith("ed"):
            # a lemmatiser slip ("staged" → "stag"): the -e stem, then the -ed stem
            entries = (ctx.codebook.verbs(token.lower_[:-1], pos)
                       or ctx.codebook.verbs(token.lower_[:-2], pos))
    if pos == "VERB":
        # "was sworn in" takes an office: only an entry naming the particle may code it
        for particle in children(token, "prt"):
            if f"{token.lemma_.lower()} {particle.lower_}" in OTHER_SENSE_PARTICLES:
                entries = tuple(e for e in entries if e.particle == particle.lower_)
    # "the court ruled that …", "the forum concluded that …" report a finding;
    # "police found weapons", "concluded the talks" are other senses.
    if pos == "VERB" and token.lemma_.lower() in VERDICT_VERBS and not any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                      for m in c.children)
            for c in token.children):
        entries = tuple(e for e in entries if not e.statement)
    if pos == "VERB" and token.lemma_.lower() in NAMING_VERBS:
        # "called the attack a cowardly act", "described Iran as a threat": a
        # derogatory label criticises; any other label is a plain statement.
        insult = [e for e in entries if e.cameo[:2] == "11"]
        if insult and _derogatory_label(token):
            entries = tuple(insult)
        elif len(insult) < len(entries):
            entries = tuple(e for e in entries if e not in insult)
    entry = choose_entry(entries, token) if entries else None
    if entry is not None and entry.cameo == "042" and entry.prep and children(
            token, "dobj", "obj"):
        # "flew to Moscow" is a visit; "flies passengers to Paris" carries a load.
        return None
    if entry is not None and entry.statement and not ctx.settings.statements:
        return None
    if (entry is not None and entry.cameo[:2] in ctx.codebook.group("violent_roots")
            and through_speech(token)):
        # "attacked the mayor on Twitter": an attack in words
        entry = replace(entry, id=f"{entry.id}.in-words", cameo=VERBAL_ATTACK, plover=None,
                        plover_mode=None, objects=frozenset(), object_classes=frozenset())
    return entry
