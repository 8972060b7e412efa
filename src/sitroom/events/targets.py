"""Whom it was done to: the target of an event, from the parse.

The entry's own slots are tried first ("impose sanctions *on X*"), then fallbacks in
a fixed order, the first that names an actor winning: a preposition of the phrase
(never a place or a medium), an object's "against" phrase, the doer of an act that is
the object, the owner of an object phrase, the party whose act is a threat's
condition, the subject of a requested clause, and the state where a material act
happened.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from sitroom.events.arguments import nominal_sources, posture, venue
from sitroom.events.candidates import entry_for
from sitroom.events.codebook import VerbEntry
from sitroom.events.context import Context
from sitroom.events.predicates import (
    act_key,
    condition_doers,
    equipment_party,
    marked_clauses,
    nonfinite_patient,
    place_object_state,
    purpose_target,
    shared_objects,
)
from sitroom.events.syntax import (
    children,
    conditions,
    misparsed_verb,
    object_of,
    prep_objects,
    subject_tokens,
)
from sitroom.events.vocabulary import (
    FALLBACK_PREPS,
    HELPING_VERBS,
    PLACE_PREPS,
    RECIPROCAL_VERBS,
    STATEMENT_VENUE_PREPS,
    THIRD_PARTY_NOUNS,
    WHERE_PREPS,
)

#: Prepositions whose object receives an act with no lexicon entry ("give aid to X").
RECEIVING_PREPS = frozenset({"to", "against", "on", "at"})

#: The preposition of a predicative phrase ("condemned the raid as a violation of X's
#: rights"): it describes the object and names no party to the act.
PREDICATIVE_PREP = "as"

#: One way to find a target: (context, trigger, entry, the event's sources) → actors.
Step = Callable[[Context, Token, VerbEntry, list[str]], list[str]]


def _actors(ctx: Context, heads: list[Token], sources: list[str]) -> list[str]:
    """The actors the phrases name, sources left out, each once, in order."""
    return list(dict.fromkeys(a for t in heads for a in ctx.resolve.at(t) if a not in sources))


def _slot_heads(ctx: Context, token: Token, slot: str) -> list[Token]:
    """The phrase heads an entry's target slot points at."""
    heads: list[Token] = []
    if slot == "dobj":
        heads = children(token, "dobj", "obj") or shared_objects(token)
        if not heads and misparsed_verb(token) is not None:
            heads = [token.head]
        if not heads and token.pos_ == "VERB":
            subjects, passive = subject_tokens(token)
            if passive and not posture(ctx, token):
                heads = subjects
            elif not subjects:
                heads = nonfinite_patient(token)  # "died after being shot by X"
    elif slot in {"iobj", "dative"}:
        heads = children(token, "dative", "iobj")
    elif slot == "poss":
        heads = children(token, "poss")
    elif slot == "agent":
        heads = prep_objects(token, "by")
    elif slot.startswith("prep:"):
        heads = prep_objects(token, slot[5:])
        if not heads:
            # a complex preposition ("out of X", "away from X"): the object of the
            # second preposition, hung on the first
            heads = [p for c in token.children if c.dep_ == "prep" and c.lower_ == slot[5:]
                     for inner in children(c, "prep") for p in children(inner, "pobj")]
        if not heads:
            obj = object_of(token)
            if obj is not None:
                heads = prep_objects(obj, slot[5:])
    return heads


def _by_slots(ctx: Context, token: Token, entry: VerbEntry, sources: list[str]) -> list[str]:
    """The entry's slots, in order ("dobj", "prep:on"…)."""
    for slot in entry.target:
        found = _actors(ctx, _slot_heads(ctx, token, slot), sources)
        if found:
            return found
    return []


def _by_preposition(ctx: Context, token: Token, entry: VerbEntry,
                    sources: list[str]) -> list[str]:
    """A fallback preposition of the phrase ("talks with X"), never a medium or venue."""
    phrase = token
    if token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "NOUN":
        phrase = token.head  # "a mediation effort between X and Y"
    preps = FALLBACK_PREPS + (("between",) if token.lemma_.lower() in THIRD_PARTY_NOUNS
                              else ())
    if entry.statement:
        # "said on TV", "spoke at the think tank": where it was said is no target.
        preps = tuple(p for p in preps if p not in STATEMENT_VENUE_PREPS)
    for prep in preps:
        heads = [t for t in prep_objects(phrase, prep) if not venue(ctx, t)]
        found = _actors(ctx, heads, sources)
        if found:
            return found
    return []


def _against_under_object(ctx: Context, token: Token, entry: VerbEntry,
                          sources: list[str]) -> list[str]:
    """"preparing for military action against X": the target hangs off the object."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ not in PLACE_PREPS:
            for pobj in children(child, "pobj"):
                found = _actors(ctx, prep_objects(pobj, "against"), sources)
                if found:
                    return found
    return []


def _object_act_doer(ctx: Context, token: Token, entry: VerbEntry,
                     sources: list[str]) -> list[str]:
    """The object is an act with its own doer.

    "blocked the march organized by students", "opposed Russia's withdrawal", "the
    raid was condemned by X" (a passive subject), or an act coded earlier in the story.
    """
    passive = [t for t in children(token, "nsubjpass")
               if token.pos_ == "VERB" and not posture(ctx, token)]
    for head in children(token, "dobj", "obj") + passive:
        noun_entry = entry_for(ctx, head) if head.pos_ == "NOUN" else None
        if noun_entry is None or entry.statement or entry.objects:
            continue  # "held talks", "announced a withdrawal": the doer's own act
        found = [a for a in nominal_sources(ctx, head)
                 if a not in sources and not equipment_party(ctx, a)]
        if not found:
            key = act_key(ctx, noun_entry.cameo, head.lemma_)
            found = [a for a in ctx.doers.get(key, []) if a not in sources]
        if found:
            return found
    return []


def _owner_in_phrase(ctx: Context, token: Token, entry: VerbEntry,
                     sources: list[str]) -> list[str]:
    """The object phrase names its owner or beneficiary.

    "the homes of Kurdish villagers", "a training scheme for Malian soldiers"; so does
    a passive subject ("a convoy for Sudanese refugees was attacked") and an event
    noun's own phrase.
    """
    passive_subjects = [t for t in children(token, "nsubjpass") if token.pos_ == "VERB"
                        and not posture(ctx, token)]
    objects = children(token, "dobj", "obj", "dative") + shared_objects(token)
    for head in objects + passive_subjects + [
        p for c in token.children if c.dep_ == "prep" and c.lower_ not in PLACE_PREPS
        and c.lower_ != PREDICATIVE_PREP for p in children(c, "pobj") if not venue(ctx, p)
    ]:
        found = [a for a in ctx.resolve.inside(head) if a not in sources]
        if found:
            return found[:1]
    if token.pos_ == "NOUN":
        found = [a for a in ctx.resolve.inside(token, after=True) if a not in sources]
        if found:
            return found[:1]
    return []


def _condition_subject(ctx: Context, token: Token, entry: VerbEntry,
                       sources: list[str]) -> list[str]:
    """A conditional threat or promise is aimed at the party whose act is the condition.

    "threatened to end the talks if the United States deploys missiles", "vowed to
    fight until Kenya withdraws".
    """
    if not (entry.cameo[:2] == "13" or entry.complement in {"hypothetical", "future"}):
        return []
    for condition in conditions(token):
        found = _actors(ctx, condition_doers(condition), sources)
        if found:
            return found
    return []


def _requested_subject(ctx: Context, token: Token, entry: VerbEntry,
                       sources: list[str]) -> list[str]:
    """"demanded that Israel ease the blockade", "its demand that Israel ease": its subject.

    So is it for an accusation whose content is a clause: "alleged that the airline had
    armed X" is aimed at the airline (CAMEO root 11).
    """
    if entry.complement != "requested" and entry.cameo[:2] != "11":
        return []
    clauses = children(token, "ccomp", "xcomp", "acl") + (
        marked_clauses(token, entry.prep) if entry.prep else [])
    if token.pos_ == "NOUN" and token.dep_ in {"dobj", "obj"}:
        # "repeated its demand on Friday that Chile free …": the parser hangs
        # the noun's "that" clause on the verb.
        clauses += [c for c in children(token.head, "ccomp") if c.i > token.i
                    and any(m.dep_ == "mark" and m.lower_ == "that"
                            for m in c.children)]
    for clause in clauses:
        subjects, _ = subject_tokens(clause)
        found = _actors(ctx, subjects, sources)
        if found:
            return found
    return []


def _place_state(ctx: Context, token: Token, entry: VerbEntry,
                 sources: list[str]) -> list[str]:
    """The state where a material act happened.

    "lifted the state of emergency in Ecuador"; so is the place of what was hit
    ("fired rockets at positions in Syria").
    """
    if entry.cameo[:2] not in ctx.codebook.group("material_roots"):
        return []
    holders = [token] + children(token, "dobj", "obj") + [
        p for c in token.children if c.dep_ == "prep" and c.lower_ not in PLACE_PREPS
        for p in children(c, "pobj")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in WHERE_PREPS:
                continue
            for pobj in children(child, "pobj"):
                found = [a for a in ctx.resolve.at(pobj) if a not in sources
                         and ctx.resolve.kinds.get(a) == "state"]
                if found:
                    return found[:1]
    return []


def complement_target(ctx: Context, token: Token, entry: VerbEntry,
                      sources: list[str]) -> list[str]:
    """A frame verb with no target of its own is aimed where the act it governs is.

    "refused to grant the network a licence", "threatened to target American ships",
    "vowed to fight Kurdish militants": the infinitive its own doer does (subject
    control, no subject of its own) names the receiver. An infinitive with its own
    doer ("urged Peru to leave") or done by the verb's object ("encouraged allies to
    restrict X") is another party's act: the receiver is that party.
    """
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() in HELPING_VERBS:
        return []  # help ("helped negotiate the deal") is not aimed at what is helped
    objects = children(token, "dobj", "obj")
    for clause in children(token, "xcomp"):
        if (children(clause, "nsubj", "nsubjpass") or clause.pos_ != "VERB"
                or any(o.i < clause.i for o in objects)):
            continue  # object control ("encouraged allies to restrict X"): the object acts
        inner = entry_for(ctx, clause)
        if inner is not None and inner.statement:
            continue
        if inner is not None:
            found = targets(ctx, clause, inner, sources)
        else:
            # a verb with no entry ("refused to give Uganda a licence"): its objects
            # ("deliver blows to X"), or the receiving phrase of the verb or its object
            objects = children(clause, "dative", "iobj", "dobj", "obj")
            heads = objects + [p for h in [clause, *objects] for c in h.children
                               if c.dep_ == "prep" and c.lower_ in RECEIVING_PREPS
                               for p in children(c, "pobj")]
            found = [a for t in heads for a in ctx.resolve.at(t)]
        found = list(dict.fromkeys(a for a in found if a not in sources))
        if found:
            ctx.marks[token.i] = ctx.marks.get(token.i, "") + "+target:complement"
            return found
    return []


#: The ways to find a target, in the order they are tried.
def _reciprocal(ctx: Context, token: Token, entry: VerbEntry, sources: list[str]) -> list[str]:
    """Coordinated doers of a mutual act with no receiver named are each other's.

    "Chile and Peru met", "the president and Congress could not agree": a verb of a
    mutual act (``words/events_reciprocal_verbs.txt``) whose subject is a coordination
    of two or more actors is aimed at those same actors (CAMEO codes a meeting both
    ways); a single subject, or one group, keeps no receiver.
    """
    if token.pos_ != "VERB" or token.lemma_.lower() not in RECIPROCAL_VERBS or len(sources) < 2:
        return []
    subjects = children(token, "nsubj")
    if not any(children(s, "conj") for s in subjects):
        return []
    ctx.marks[token.i] = ctx.marks.get(token.i, "") + "+target:reciprocal"
    return list(sources)


STEPS: tuple[Step, ...] = (_by_slots, _by_preposition, _against_under_object,
                           _object_act_doer, complement_target, _owner_in_phrase,
                           _condition_subject, _requested_subject, purpose_target,
                           place_object_state, _place_state, _reciprocal)


#: The CAMEO root of force posture (mobilize, deploy, exercise).
POSTURE_ROOT = "15"


def _own_side(ctx: Context, actor_id: str, sources: list[str]) -> bool:
    """Whether an actor is of the doers' own country (their forces, their people)."""
    actor = ctx.actors.actor(actor_id)
    countries = {a.country for s in sources if (a := ctx.actors.actor(s)) is not None}
    return actor is not None and actor.country is not None and countries == {actor.country}


def targets(ctx: Context, token: Token, entry: VerbEntry, sources: list[str]) -> list[str]:
    """The receiver of an event, by the entry's slots, then by fallbacks.

    A verbal act (not of the material roots) is never aimed at equipment with no owner
    named (:func:`~sitroom.events.predicates.equipment_party`); a plain statement is
    never aimed at the news outlet it was made to ("told the BBC"); a move of forces is
    never aimed at the doer's own forces.
    """
    verbal = entry.cameo[:2] not in ctx.codebook.group("material_roots")
    for step in STEPS:
        found = step(ctx, token, entry, sources)
        if verbal:
            found = [a for a in found if not equipment_party(ctx, a)]
        if entry.statement:
            # "told the BBC", "said in an interview with Reuters": the outlet is where it
            # was said, not to whom
            found = [a for a in found if ctx.sectors.get(a) != "MED"]
        if entry.cameo[:2] == POSTURE_ROOT:
            # "deployed thousands of its soldiers to aid X": the forces moved are the
            # doer's own, not the receiver
            found = [a for a in found if not _own_side(ctx, a, sources)]
        if found:
            return found
    return []
