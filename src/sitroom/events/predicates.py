"""Construction rules of the predicate–argument layer: who an act's arguments are.

Each function states one general construction of English over the dependency parse,
independent of any verb or lexicon entry; :mod:`~sitroom.events.arguments` and
:mod:`~sitroom.events.targets` read roles through them. The construction table
(``tests/events/test_constructions.py``) holds a row, and a negative row, for each.

- *relative clause*: a relative pronoun subject ("the guards who attacked …") stands
  for the noun the clause modifies;
- *raising and passive control*: the subject of a passive verb is the doer of the
  infinitive it governs ("Russia is expected to attack", "Israel was asked to halt");
- *place as argument*: a place that is the direct object of a material act ("shelled
  Kharkiv", "invaded Idlib province") stands for the state it lies in, when that state
  is an actor of the document and no other target exists; a place in a locative phrase
  ("in the capital") stays a location;
- *intent nouns*: the infinitive an intent or goal noun governs is done by the noun's
  owner, else by the doer of the clause that holds the noun ("Ghana's decision to
  expel", "voted on a motion to expel");
- *purpose clause*: an act with no target of its own is aimed at the party named in
  the object of its purpose clause ("blocked a road to show their anger at X");
- *doer required*: an act with no doer is not a coded event (see :func:`needs_doer`).
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.events.codebook import VerbEntry
from sitroom.events.context import Context
from sitroom.events.syntax import children
from sitroom.events.vocabulary import PLACE_PREPS

#: Parser tags of relative pronouns ("who", "which", "that").
RELATIVE_TAGS = frozenset({"WDT", "WP"})

#: Entity labels of named places.
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative clause's pronoun subject stands for, else None.

    "the guards who attacked the posts": ``attacked`` (relcl) has subject "who";
    the guards did it. A clause whose subject is a noun ("the posts the guards
    attacked") keeps its own subject.
    """
    if token.dep_ != "relcl":
        return None
    subjects = children(token, "nsubj", "nsubjpass")
    if subjects and all(s.tag_ in RELATIVE_TAGS for s in subjects):
        return token.head
    return None


def raised_subject(token: Token) -> list[Token]:
    """The passive subject that does an infinitive under a passive verb.

    "Russia is expected to attack", "Israel was asked (by Egypt) to halt": the
    subject of the passive governor is the infinitive's doer (raising, or object
    control seen through the passive); so is it of a gerund under the passive's
    preposition ("Cuba was accused of jailing …"). An active governor gives nothing.
    """
    if children(token, "nsubj", "nsubjpass") or token.head is token:
        return []
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "Cuba was accused of jailing", "Vietnam is committed to opening"
        head = head.head
    elif token.dep_ != "xcomp":
        return []
    return children(head, "nsubjpass")


def intent_owners(noun: Token) -> list[Token]:
    """The owner of a noun of intent or goal ("Ghana's decision", "its plan").

    The owner's act is the infinitive the noun governs ("Ghana's decision to expel
    the envoy": Ghana expels).
    """
    return children(noun, "poss")


def intent_holder(noun: Token) -> Token | None:
    """The verb whose doer holds an ownerless intent noun, else None.

    The noun must be the verb's object or the object of its preposition: "voted on a
    motion to expel" (the voters), "pursued a plan to withdraw". A noun that is a
    subject ("the plan to withdraw was dropped") has no holder here.
    """
    if noun.dep_ in {"dobj", "obj"} and noun.head.pos_ == "VERB":
        return noun.head
    if (noun.dep_ == "pobj" and noun.head.dep_ == "prep"
            and noun.head.head.pos_ == "VERB"):
        return noun.head.head
    return None


def purpose_clauses(token: Token) -> list[Token]:
    """The purpose clauses of an act: "blocked a road to show their anger at X".

    An infinitival adverbial clause ("to" + verb) with no subject of its own says
    what the act was for; the act's own doer does it.
    """
    return [c for c in token.children
            if c.dep_ == "advcl" and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and not children(c, "nsubj", "nsubjpass")]


def purpose_target(ctx: Context, token: Token, entry: VerbEntry,
                   sources: list[str]) -> list[str]:
    """The party a purpose clause is aimed at, for an act with no target of its own.

    "Demonstrators blocked a road to show their disapproval of U.S. policy" → the
    United States: the actors named in the purpose clause's object phrase (its
    owners and prepositional phrases included), the doers left out.
    """
    for clause in purpose_clauses(token):
        phrases = children(clause, "dobj", "obj") + [
            p for c in clause.children if c.dep_ == "prep" and c.lower_ not in PLACE_PREPS
            for p in children(c, "pobj")]
        for obj in phrases:
            found = [a for a in ctx.resolve.at(obj) + ctx.resolve.inside(obj, after=True)
                     if a not in sources]
            if found:
                ctx.marks[token.i] = ctx.marks.get(token.i, "") + "+target:purpose"
                return list(dict.fromkeys(found))[:1]
    return []


def place_object_state(ctx: Context, token: Token, entry: VerbEntry,
                       sources: list[str]) -> list[str]:
    """The state a place object of a material act lies in, when it is an actor here.

    "Syrian jets bombarded Aleppo" → Syria, if Syria is an actor of the document and
    not the doer's only country. The place must be the verb's direct object (what the
    act was done to): "met in Geneva" names a location, never a target.
    """
    if entry.cameo[:2] not in ctx.codebook.group("material_roots"):
        return []
    from sitroom.sourcing.places import country_of_place

    for obj in children(token, "dobj", "obj"):
        if ctx.resolve.at(obj):
            return []  # an actor object is handled by the entry's slots
        phrase = obj.doc[obj.left_edge.i: obj.i + 1]
        names = [t for t in phrase if t.ent_type_ in PLACE_ENTS or t.pos_ == "PROPN"]
        if not names or any(t.ent_type_ == "PERSON" for t in names):
            continue  # only a name the place lexicon knows ("Kharkiv"), never a person
        country = country_of_place(" ".join(t.text for t in names))
        if country is None:
            continue
        states = [a.id for a in ctx.actors.actors
                  if a.kind == "state" and a.country == country and a.id not in sources]
        if states:
            ctx.marks[token.i] = ctx.marks.get(token.i, "") + "+target:place-state"
            return states[:1]
    return []


def needs_doer(token: Token, source: list[str], attack_subject: bool) -> bool:
    """Whether an act must be dropped for want of a doer ("no doer, no typed event").

    An act whose source cannot be found (no subject, agent, controller, owner, nor a
    doer an attack noun points back to) is not coded: "three workers were killed",
    "the invasion was condemned". An attack whose subject names it ("the blast killed
    twelve") keeps its casualty count as evidence and stays.
    """
    return not source and not attack_subject
