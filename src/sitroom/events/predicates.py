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
- *acts named again*: a definite event noun with no doer of its own ("the
  expulsion") names the latest act coded before with its root and stem (see
  :func:`act_key`), and takes that act's doers;
- *complement target*: a verb that frames its own act ("refused to grant X a
  licence", "threatened to strike X") is aimed at the receiver of that act (a step
  of :mod:`~sitroom.events.targets`, as it needs the whole target search);
- *prepositional complementizer*: "called for X to leave" has the preposition "for"
  as the mark of a clause with its own subject (:func:`marked_clauses`);
- *shared object*: coordinated verbs share the object the parser hangs on the last
  ("destroy and obliterate the economy of X", :func:`shared_objects`);
- *names are not acts*: a word inside a longer name ("the Committee to Protect
  Journalists") is no trigger (:func:`inside_name`);
- *passive non-finite verbs*: "died after being shot" — the clause's subject suffered
  the act; only a "by" agent does it (:func:`passive_nonfinite`);
- *attacks in words*: a verb of violence done through a medium of speech ("attacked
  the mayor on Twitter") is criticism, CAMEO 111 (:func:`through_speech`);
- *condition doers*: a threat or promise is aimed at whoever does the act its "if"
  clause names: the active subject or the passive agent, never a passive subject
  ("threatened to strike if Yemen were attacked" is not aimed at Yemen);
- *equipment is no party*: a verbal act (accusation, appeal, approval) is not aimed at
  machines with no owner named ("condemned the strikes, carried out by fighter jets");
- *doer required*: an act with no doer is not a coded event (see :func:`needs_doer`);
  it is kept in the record as a mention (reason ``no-source``).
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.events.classes import wordnet_classes
from sitroom.events.codebook import VerbEntry
from sitroom.events.context import Context
from sitroom.events.syntax import children, subject_tokens
from sitroom.events.vocabulary import PLACE_PREPS, SPEECH_MEDIA

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


#: Letters of a word's start that stand for its stem when an act is named again.
STEM_LETTERS = 3


def act_key(ctx: Context, cameo: str, lemma: str) -> tuple[str, str]:
    """What identifies an act when a later noun names it again ("expelled" … "the expulsion").

    Its CAMEO root (the violent roots 18-20 count as one: "bombed" … "the bombing") and
    the first letters of its word; the latest act with a key is the one named.
    """
    root = cameo[:2]
    if root in ctx.codebook.group("violent_roots"):
        root = "violent"
    return root, lemma.lower()[:STEM_LETTERS]


def marked_clauses(token: Token, word: str) -> list[Token]:
    """The clauses of a verb that a preposition introduces as complementizer.

    "called for Peru to raise spending": the parser makes "for" the mark of the
    infinitive, not a preposition of "called"; the clause, with its own subject, is the
    preposition's object all the same.
    """
    return [c for c in token.children
            if c.dep_ in {"advcl", "ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}
            and any(m.dep_ == "mark" and m.lower_ == word for m in c.children)
            and children(c, "nsubj", "nsubjpass")]


def shared_objects(token: Token) -> list[Token]:
    """The object a verb shares with the verb coordinated after it.

    "will destroy and obliterate the economy of X": the parser hangs the object on the
    last verb; the first, with no object of its own, shares it. A conjunct with its own
    subject ("Chile met Peru and Bolivia criticized Ecuador") shares nothing.
    """
    if token.pos_ != "VERB" or children(token, "dobj", "obj"):
        return []
    for conj in children(token, "conj"):
        if conj.pos_ == "VERB" and not children(conj, "nsubj", "nsubjpass"):
            return children(conj, "dobj", "obj")
    return []


#: Entity labels of names whose words are no acts ("the Committee to Protect Journalists").
NAME_ENTS = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})


def inside_name(token: Token) -> bool:
    """Whether a word is part of a longer name, not a predicate of the sentence.

    "The Committee to Protect Journalists reports …": "Protect" names the body; a verb
    that is itself the whole entity ("Protect") or outside any name stays a trigger.
    """
    if token.ent_type_ not in NAME_ENTS:
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is not None and len(ent) > 1


def passive_nonfinite(token: Token) -> bool:
    """A passive verb with no subject of its own ("after being shot", "a man held by X").

    The phrase it hangs on names who suffered the act, not who did it: its doer is only
    a "by" agent, never the controller of the clause.
    """
    return (token.pos_ == "VERB" and not subject_tokens(token)[0]
            and any(c.dep_ == "auxpass" for c in token.children))


def reduced_relative(token: Token) -> bool:
    """A bare past participle that modifies a noun ("fifty people injured in the blast").

    It is a passive relative clause without its "who were": the noun suffered the act.
    In a sentence whose root is no verb the participle is the main verb the parser
    missed ("Doctors from two aid groups donated and delivered …").
    """
    return (token.tag_ == "VBN" and token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}
            and token.sent.root.pos_ in {"VERB", "AUX"}
            and not subject_tokens(token)[0] and not children(token, "dobj"))


def partitive_members(token: Token) -> list[Token]:
    """The phrase a counted subject picks its doers from: "one of the Chilean ministers".

    A number as subject with an "of" phrase names members of that group; an apposition
    names the member itself ("one of the rebel groups, the Liberation Front, …"), and
    wins over the group.
    """
    if token.pos_ != "NUM":
        return []
    named = children(token, "appos")
    if named:
        return named
    return [t for prep in children(token, "prep") if prep.lower_ == "of"
            for t in children(prep, "pobj")]


#: Tags of a finite verb: one that could carry a subject of its own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def loose_conjunct(token: Token) -> bool:
    """A later finite verb of a list of acts that the parser left unlabelled.

    "Chile licensed the design, started building rifles, then agreed with Peru to …":
    acts listed with commas and "then" rather than "and" are coordinated, but the parser
    may hang the later verb on the first as ``dep``. With no subject of its own it
    shares the first verb's subject, as a ``conj`` does.
    """
    head = token.head
    return (token.dep_ == "dep" and token.pos_ == "VERB" and token.tag_ in FINITE_TAGS
            and head is not token and head.pos_ == "VERB" and head.i < token.i
            and not children(token, "nsubj", "nsubjpass", "expl", "csubj"))


def nonfinite_patient(token: Token) -> list[Token]:
    """Who suffered a passive non-finite act: the noun it modifies, or its clause's subject.

    "a man held by the rebels" → the man; "died after being shot" → who died.
    """
    if not passive_nonfinite(token) and not reduced_relative(token):
        return []
    if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
        return [token.head]
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif token.dep_ not in {"advcl", "xcomp", "conj"}:
        return []
    return children(head, "nsubj", "nsubjpass")


#: The CAMEO code of an attack made only in words: criticize or denounce.
VERBAL_ATTACK = "111"


def through_speech(token: Token) -> bool:
    """Whether an act is done through a medium of speech ("attacked X on Twitter").

    A verb of violence whose phrase names where it was said ("on Twitter", "in a
    speech", "at a news conference") is an attack in words; without such a phrase
    ("attacked X on Monday", "at the border") it stays violence.
    """
    node = token
    while node.dep_ in {"xcomp", "conj"} and node.head is not node:
        node = node.head
    if node.dep_ == "ccomp":
        return False  # "said they attempted to kill X, in a statement": the saying's medium
    # the parser may hang the phrase on the object ("attacked the mayor on Twitter")
    preps = [c for h in [token, *children(token, "dobj", "obj")] for c in h.children
             if c.dep_ == "prep"]
    for child in preps:
        for pobj in children(child, "pobj"):
            names = {pobj.lemma_.lower(), pobj.lower_} | {
                f"{c.lower_} {pobj.lemma_.lower()}" for c in pobj.children
                if c.dep_ == "compound"}
            if names & SPEECH_MEDIA:
                return True
    return False


def condition_doers(condition: Token) -> list[Token]:
    """Who does the act a condition names: its active subject, or its passive agent.

    "if Kenya withdraws" → Kenya; "if Yemen is attacked by Israel" → Israel; "if Yemen
    is attacked" → nobody (the passive subject suffers the act, it does not do it, so
    a threat hanging on it is not aimed at it).
    """
    subjects = children(condition, "nsubj", "csubj")
    if subjects:
        return subjects
    return [p for c in condition.children if c.dep_ == "agent" for p in children(c, "pobj")]


def equipment_party(ctx: Context, actor_id: str) -> bool:
    """Whether an actor is only equipment with no owner named ("fighter jets").

    Machines are no party to a verbal act: "X condemned the strikes, carried out by
    fighter jets" is not aimed at the jets. An actor whose every mention has a head noun
    of the class EQUIPMENT (hand words, or WordNet's ``instrumentality``), and which
    has no country, is equipment. With a country ("American drones") it stands for its
    owner state and stays.
    """
    actor = ctx.actors.actor(actor_id)
    if actor is None or actor.country or actor.kind in {"state", "person", "igo"}:
        return False
    heads = [ctx.doc[m.head] for m in ctx.actors.mentions if m.actor_id == actor_id]
    words = ctx.codebook.classes.get("EQUIPMENT", frozenset())
    return bool(heads) and all(
        t.lemma_.lower() in words or t.lower_ in words
        or "EQUIPMENT" in wordnet_classes(t.lemma_.lower()) for t in heads)


def needs_doer(token: Token, source: list[str], attack_subject: bool) -> bool:
    """Whether an act must be dropped for want of a doer ("no doer, no typed event").

    An act whose source cannot be found (no subject, agent, controller, owner, nor a
    doer an attack noun points back to) is not coded: "three workers were killed",
    "the invasion was condemned". An attack whose subject names it ("the blast killed
    twelve") keeps its casualty count as evidence and stays.
    """
    return not source and not attack_subject
