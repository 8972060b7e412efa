"""Who did it: the source of an event, from the parse.

The subject, a passive agent, the controller of an infinitive or gerund, the owner
of an event noun ("Russia's withdrawal"), coordination; and a few inferences, each
marked on the event's rule: the doers of a protest noun (``+doer:during``), a
misparsed verb's subject (``+parse:amod-verb``), the doer of an earlier attack an
attack noun names again (``+doer:earlier-event``) and the state whose authorities
did an agentless coercive passive (``+doer:authority``).
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.events.candidates import entry_for
from sitroom.events.codebook import VerbEntry
from sitroom.events.context import Context
from sitroom.events.predicates import (
    act_key,
    equipment_party,
    intent_holder,
    intent_owners,
    loose_conjunct,
    partitive_members,
    passive_nonfinite,
    raised_subject,
    reduced_relative,
    relative_antecedent,
)
from sitroom.events.syntax import (
    active,
    children,
    human,
    misparsed_verb,
    own_pronoun,
    prep_objects,
    subject_tokens,
)
from sitroom.events.vocabulary import (
    ADOPTING,
    ANNOUNCING,
    ATTACK_MEANS,
    CONTROL_PREPS,
    GOAL_NOUNS,
    HELPING_VERBS,
    INSTRUMENT_NOUNS,
    INTENT_NOUNS,
    JOINING_VERBS,
    MEDIA_WORDS,
    MESSAGE_NOUNS,
    NOUN_DOER_PREPS,
    PARTICIPATING,
    PARTICIPATION_PREPS,
    PROTEST_NOUNS,
    PURPOSE_NOUNS,
    SECURITY_SECTORS,
    SPEAKER_PRONOUNS,
    THIRD_PARTY_NOUNS,
)

#: How many story sentences back an attack noun may find its doer.
COREFERENCE_WINDOW = 5


# -- arguments -----------------------------------------------------------------
def sources(ctx: Context, token: Token) -> list[str]:
    """The doer of a verb: its subject, a passive agent, or its controller."""
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"ROOT"}:
        return _noun_sources(ctx, token)
    subject = misparsed_verb(token)
    if subject is not None:
        ctx.marks[token.i] = "+parse:amod-verb"
        return ctx.resolve.at(subject)
    subjects, passive = subject_tokens(token)
    if passive_nonfinite(token) or (reduced_relative(token) and not posture(ctx, token)):
        # "died after being shot", "fifty people injured": the one it was done to is no doer
        found = [a for t in prep_objects(token, "by") for a in ctx.resolve.at(t)]
        return found or _authority(ctx, token)
    if passive:
        agents = prep_objects(token, "by")
        found = [a for t in agents for a in ctx.resolve.at(t)]
        if not found and posture(ctx, token):
            # "8,000 soldiers are stationed in X": the forces' owner is the doer;
            # so is it of moved forces ("peacekeepers were pulled out of X").
            found = [a for t in subjects for a in ctx.resolve.at(t)]
        if not found:
            found = _light_passive_doers(ctx, token, subjects)
        if not found:
            found = _committed_subject(ctx, token, subjects)
        if not found:
            found = _passive_attack_doer(ctx, token)
        if not found:
            found = _authority(ctx, token)
        return found
    if subjects:
        antecedent = relative_antecedent(token)
        if antecedent is not None:
            # "the guards who attacked": the relative pronoun stands for the guards
            return ctx.resolve.at(antecedent)
        found = [a for t in subjects for a in ctx.resolve.at(t)]
        if not found:
            # "one of the Chilean ministers criticized …": the group counted from
            found = [a for t in subjects for m in partitive_members(t) for a in ctx.resolve.at(m)]
            if found:
                ctx.marks[token.i] = ctx.marks.get(token.i, "") + "+doer:partitive"
        if not found and all(t.lower_ in SPEAKER_PRONOUNS for t in subjects):
            found = _speaker(ctx, token)
        if not found:
            found = _attack_doer(ctx, token, subjects)
        if not found and all(t.pos_ != "PRON" and human(t) for t in subjects):
            # "thousands of people protested in X": an unnamed crowd is the place's people
            found = _protest_place(ctx, token)
        return found
    return _inherited_sources(ctx, token)


def _passive_attack_doer(ctx: Context, token: Token) -> list[str]:
    """The doer of a passive violent act done "in" or "by" an attack noun.

    "Three civilians were killed in a car bombing" is "a car bombing killed three
    civilians" said the other way round: the attack's own doer, or the act it names
    again, is the doer; with neither, the act keeps its casualty count with no doer,
    exactly as when the attack noun is the subject (see :func:`_attack_doer`).
    """
    entry = entry_for(ctx, token)
    if entry is None or entry.cameo[:2] not in ctx.codebook.group("violent_roots"):
        return []
    nouns = [p for prep in ("in", "by") for p in prep_objects(token, prep)
             if p.pos_ == "NOUN" and _attack_noun(ctx, p)]
    if not nouns:
        return []
    ctx.attack_subjects.add(token.i)
    found = [a for n in nouns for a in nominal_sources(ctx, n) if not equipment_party(ctx, a)]
    for noun in nouns:
        found = found or [a for a in earlier_doers(ctx, noun) if not equipment_party(ctx, a)]
        ctx.marks.pop(noun.i, None)
    if found:
        ctx.marks[token.i] = "+doer:attack-noun"
    return list(dict.fromkeys(found))


def _committed_subject(ctx: Context, token: Token, subjects: list[Token]) -> list[str]:
    """The subject of a stative passive of commitment: "Vietnam is committed to opening".

    A verb of intent or promise (an entry whose complement is a future act) used as an
    adjectival passive with no agent states its subject's own commitment; the subject
    does the governed act too (see the raising rule).
    """
    entry = entry_for(ctx, token)
    if entry is None or entry.complement != "future" or prep_objects(token, "by"):
        return []
    if not any(c.dep_ in {"xcomp", "prep"} for c in token.children):
        return []
    return [a for t in subjects for a in ctx.resolve.at(t)]


def _light_passive_doers(ctx: Context, token: Token, subjects: list[Token]) -> list[str]:
    """The doers of a passive light verb, named by its event noun subject.

    "Talks were held between Chile and Peru", "sanctions were imposed by …" (the agent
    comes first): the noun the entry asks for as its object names its own doers.
    """
    entry = entry_for(ctx, token)
    if entry is None or not entry.objects:
        return []
    found = [a for s in subjects if s.pos_ == "NOUN" for a in nominal_sources(ctx, s)]
    if not found:
        # the parser often hangs the noun's "between" phrase on the verb
        found = [a for prep in NOUN_DOER_PREPS - {"by"} for t in prep_objects(token, prep)
                 for a in ctx.resolve.at(t)]
    return list(dict.fromkeys(found))


def _noun_sources(ctx: Context, token: Token) -> list[str]:
    """The doer of an event noun: its owner, its announcer, or the doer of its clause.

    Equipment is no doer ("the strikes, carried out by fighter jets"); a definite
    event noun left without one names again the latest act of its root and stem
    coded before ("The US struck … The strikes hit …"), rule mark ``+doer:earlier-event``.
    """
    found = [a for a in nominal_sources(ctx, token) if not equipment_party(ctx, a)]
    if not found and token.dep_ == "compound" and token.head.pos_ == "NOUN":
        # "launched a mediation effort": the event noun modifies the object.
        token = token.head
        found = nominal_sources(ctx, token)
    if not found and token.dep_ == "dobj" and (
            _announces(ctx, token.head) or own_pronoun(token)):
        # "Trump announced a withdrawal": the announcer does it; so is the
        # owner of "reiterated its demand", "renewed their call".
        found = sources(ctx, token.head)
    if not found and token.dep_ == "pobj" and token.head.dep_ == "prep":
        found = _clause_doers(ctx, token)
    if not found:
        found = earlier_doers(ctx, token)
    if not found:
        found = _protest_place(ctx, token)
    return found


def _protest_place(ctx: Context, token: Token) -> list[str]:
    """The people of the place where protests with no named protesters were held.

    "weeks of protests in Hong Kong", "strikes across France", "thousands of people
    marched in Lima": protesters unnamed (no protester named, or a crowd with no actor)
    are the place's people, coded by its state (the CAMEO convention for domestic
    crowds), when that state is an actor of the document; rule mark
    ``+doer:protest-place``. The place may hang on the phrase the protest noun
    completes ("weeks of protests in X", "was met with protests in X"). Any other act
    keeps needing a named doer.
    """
    entry = entry_for(ctx, token)
    if entry is None or entry.cameo[:2] != "14":
        return []
    from sitroom.sourcing.places import location_for

    holders = [token]
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and (
            (token.head.lower_ == "of" and token.head.head.pos_ == "NOUN")
            or token.head.head.pos_ == "VERB"):
        # "weeks of protests in X", "in X the visit was met with protests": the phrase
        # the protest noun completes is placed
        holders.append(token.head.head)
    found = [a for h in holders for t in prep_objects(h, "in") for a in ctx.resolve.at(t)
             if ctx.resolve.kinds.get(a) == "state"]
    for holder in holders:
        if found:
            break
        where = location_for(holder, ctx.actors)
        country = where.country if where is not None else None
        found = [a.id for a in ctx.actors.actors if country and a.kind == "state"
                 and a.country == country and a.sector is None]
    if found:
        ctx.marks[token.i] = ctx.marks.get(token.i, "") + "+doer:protest-place"
    return found[:1]


def earlier_doers(ctx: Context, token: Token) -> list[str]:
    """The doers of the act a definite event noun names again ("the strikes"), if coded."""
    entry = entry_for(ctx, token)
    if entry is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return []
    found = ctx.doers.get(act_key(ctx, entry.cameo, token.lemma_), [])
    if found:
        ctx.marks[token.i] = ctx.marks.get(token.i, "") + "+doer:earlier-event"
    return list(found)


def _clause_doers(ctx: Context, token: Token) -> list[str]:
    """The doers of the clause an event noun's prepositional phrase hangs on.

    Participants ("returned to Geneva for talks"), protesters ("threw stones during
    demonstrations", rule mark ``+doer:during``) and those who act in protest ("staged
    a hunger strike in protest").
    """
    verb = token.head.head
    if verb.lemma_.lower() in PARTICIPATING and token.head.lower_ in PARTICIPATION_PREPS:
        # "negotiators returned to Geneva for talks": they hold the talks.
        return sources(ctx, verb)
    if (token.head.lower_ == "during" and token.lemma_.lower() in PROTEST_NOUNS
            and not nominal_sources(ctx, token)):
        # "youths threw stones during demonstrations against X": the
        # clause's doers are the demonstrators.
        while verb.dep_ in {"pcomp", "xcomp", "conj"} and verb.pos_ == "VERB":
            verb = verb.head.head if verb.head.dep_ == "prep" else verb.head
        if verb.pos_ in {"VERB", "AUX"} and children(verb, "nsubj"):
            found = sources(ctx, verb)
            if any(ctx.sectors.get(a) in SECURITY_SECTORS for a in found):
                return []  # "police fired tear gas during protests"
            ctx.marks[token.i] = "+doer:during"
            return found
        return []
    if (token.head.lower_ == "in" and token.lemma_.lower() in PURPOSE_NOUNS
            and not children(token, "poss")):
        # "staged a hunger strike in protest against X", "organized a strike
        # in protest of …": the protest is the doer's, through an object noun.
        for _ in range(3):
            if verb.pos_ == "NOUN" and verb.dep_ in {"dobj", "obj", "oprd"}:
                verb = verb.head  # "organized a strike in protest"
            elif verb.dep_ == "relcl" and any(
                    s.tag_ in {"WDT", "WP"} for s in children(verb, "nsubj")):
                verb = verb.head  # "a strike that shut the city in protest"
            else:
                break
        if verb.pos_ in {"VERB", "AUX"} and children(verb, "nsubj"):
            return sources(ctx, verb)
    return []


def _attack_noun(ctx: Context, token: Token) -> bool:
    """Whether a noun names an attack or its means ("the raid", "a car bomb")."""
    lemma = token.lemma_.lower()
    if lemma in ATTACK_MEANS or token.lower_ in ATTACK_MEANS:
        return True
    entry = entry_for(ctx, token) if token.pos_ == "NOUN" else None
    return entry is not None and entry.cameo[:2] in ctx.codebook.group("violent_roots")


def _attack_doer(ctx: Context, token: Token, subjects: list[Token]) -> list[str]:
    """The doer of a violent act whose subject is an attack noun ("the attack killed").

    The attack's own doer ("the bombing by X", "the rebels' raid", "the attack,
    carried out by X") comes first; else the doer of the latest violent act (CAMEO
    18-20, the same root preferred) coded within a few story sentences before:
    the noun names that act again. With neither, the act has no doer.
    """
    if token.pos_ != "VERB" or not subjects:
        return []
    entry = entry_for(ctx, token)
    if entry is None or entry.cameo[:2] not in ctx.codebook.group("violent_roots"):
        return []
    nouns = [s for s in subjects if s.pos_ == "NOUN" and _attack_noun(ctx, s)]
    if not nouns:
        return []
    ctx.attack_subjects.add(token.i)
    found = [a for s in nouns for a in nominal_sources(ctx, s)
             if not equipment_party(ctx, a)
             and not any(c.dep_ in {"compound", "amod", "nmod"} and a in ctx.resolve.at(c)
                         for c in s.children)]
    if found:
        return list(dict.fromkeys(found))
    for noun in nouns:
        # "The US struck … The strikes hit …": the act the noun names again, by stem
        found = [a for a in earlier_doers(ctx, noun) if not equipment_party(ctx, a)]
        ctx.marks.pop(noun.i, None)  # the mark belongs to this verb, not to the noun
        if found:
            ctx.marks[token.i] = "+doer:earlier-event"
            return found
    recent = [(root, doers) for number, root, doers in ctx.violent
              if ctx.sentence_no - number <= COREFERENCE_WINDOW]
    if not recent:
        return []
    same = [doers for root, doers in recent if root == entry.cameo[:2]]
    ctx.marks[token.i] = "+doer:earlier-event"
    return list(same[-1] if same else recent[-1][1])


def _speaker(ctx: Context, token: Token) -> list[str]:
    """Who a pronoun subject of reported speech is: the speaker ("X said they would").

    Only a clause a statement verb reports, directly or as a conjunct of one.
    """
    node = token
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ != "ccomp":
        return []
    head = node.head
    entries = ctx.codebook.verbs(head.lemma_.lower(), "VERB")
    if not any(e.statement or e.complement for e in entries):
        return []
    return sources(ctx, head)


def venue(ctx: Context, token: Token) -> bool:
    """Whether a prepositional object is a medium or venue ("on Twitter", "on TV")."""
    if token.lemma_.lower() in MEDIA_WORDS or token.lower_ in MEDIA_WORDS:
        return True
    actor = ctx.actors.at_token(token.i)
    return actor is not None and ctx.sectors.get(actor) == "MED"


def other_doer(ctx: Context, token: Token, entry: VerbEntry) -> bool:
    """The verb's subject is a thing, not an actor ("the evidence supported …").

    Only attacks keep an instrument as subject ("a car bomb killed twelve").
    """
    if token.pos_ != "VERB" or entry.cameo[:2] in ctx.codebook.group("violent_roots"):
        return False
    subjects = children(token, "nsubj")
    return any(s.pos_ in {"NOUN", "PROPN"} and not human(s) for s in subjects)


def _announces(ctx: Context, verb: Token) -> bool:
    """Whether a verb announces or plans its subject's own act ("announced a withdrawal")."""
    entries = ctx.codebook.verbs(verb.lemma_.lower(), "VERB")
    return verb.lemma_.lower() in ANNOUNCING or any(
        e.complement == "future" for e in entries)


def posture(ctx: Context, token: Token) -> bool:
    """Whether a passive verb's subject is the moved or posted forces, not a target."""
    entry = entry_for(ctx, token)
    if entry is None:
        return False
    if entry.cameo[:2] == "15":
        return True
    if entry.cameo not in ctx.codebook.group("movement_codes"):
        return False
    forces = ctx.codebook.classes.get("MILITARY", frozenset()) | ctx.codebook.classes.get(
        "PEACEKEEPER", frozenset())
    return any(s.lemma_.lower() in forces or s.lower_ in forces
               or any(ctx.sectors.get(a) == "MIL" for a in ctx.resolve.at(s))
               for s in children(token, "nsubjpass"))


def _authority(ctx: Context, token: Token) -> list[str]:
    """The state whose authorities did an agentless coercive passive there.

    "A journalist was arrested in Iran": arrests, expulsions and bans are acts of
    the authorities of the state where they happen (a state in an "in" phrase, or a
    place in that state, when the state is an actor of the document).
    """
    entry = entry_for(ctx, token)
    if entry is None or entry.cameo not in ctx.codebook.group("authority_codes"):
        return []
    for pobj in prep_objects(token, "in"):
        found = [a for a in ctx.resolve.at(pobj) if ctx.resolve.kinds.get(a) == "state"]
        if found:
            ctx.marks[token.i] = "+doer:authority"
            return found[:1]
    # "was arrested in Tehran": a place the gazetteer knows, whose state is an actor here
    from sitroom.sourcing.places import location_for

    where = location_for(token, ctx.actors)
    country = where.country if where is not None else None
    states = [a.id for a in ctx.actors.actors if country and a.kind == "state"
              and a.country == country and a.sector is None]
    if states:
        ctx.marks[token.i] = "+doer:authority-place"
        return states[:1]
    reporter = _reporting_authority(ctx, token)
    if reporter:
        ctx.marks[token.i] = "+doer:reporting-authority"
    return reporter


def _reporting_authority(ctx: Context, token: Token) -> list[str]:
    """The security body that reports an agentless arrest or ban it made.

    "A police spokesman confirmed that two suspects were arrested", "the security
    chief said suspects had been detained": the police or security service that reports
    the act did it. Only an official speaker with a country counts (government or a
    security sector: police, army, intelligence); a witness, a group or a newspaper
    does not. An act placed in another state is that state's (:func:`_authority` tries
    the place first).
    """
    node = token
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ != "ccomp":
        return []
    speakers = sources(ctx, node.head)
    return [a for a in speakers if ctx.sectors.get(a) in SECURITY_SECTORS | {"GOV"}
            and (actor := ctx.actors.actor(a)) is not None and actor.country][:1]


def _inherited_sources(ctx: Context, token: Token) -> list[str]:
    """The doer of a verb with no subject: its controller, its head's subject, its noun."""
    head = token.head
    if head is token:
        return []
    raised = raised_subject(token)
    if raised:
        # "Russia is expected to attack", "Israel was asked to halt", "Cuba was
        # accused of jailing": the passive governor's subject does it.
        found = [a for t in raised for a in ctx.resolve.at(t)]
        if found:
            return found
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in CONTROL_PREPS:
        # Object control through a preposition: "accused Azerbaijan of violating",
        # "warned Washington against arming", "stopped Iran from enriching".
        objects = children(head.head, "dobj")
        found = [a for t in objects for a in ctx.resolve.at(t)]
        if found:
            return found
    if token.dep_ == "xcomp":
        # Object control: "urged China to curb" → China curbs.
        objects = children(head, "dobj")
        if objects and head.lemma_.lower() not in HELPING_VERBS:
            found = [a for t in objects for a in ctx.resolve.at(t)]
            if found:
                return found
        found = sources(ctx, head)
        if not found and head.lemma_ == "be":
            # "the goal of the Turkish mission is to repatriate": whose goal it is
            for subject in children(head, "nsubj"):
                if subject.lemma_.lower() in GOAL_NOUNS:
                    found = ctx.resolve.inside(subject)[:1]
        return found
    if token.dep_ in {"acomp", "attr"}:
        # "he is prepared to lift the ban": the copula's subject.
        return sources(ctx, head)
    if loose_conjunct(token):
        # "licensed the design, then agreed with Peru": the first verb's subject
        ctx.marks[token.i] = "+doer:loose-conjunct"
        return sources(ctx, head)
    if token.dep_ in {"conj", "advcl", "relcl", "acl", "pcomp"} or token.dep_ == "prep":
        if token.dep_ == "relcl":
            return ctx.resolve.at(head)
        if token.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
            found = ctx.resolve.at(head)
            if not found and head.lemma_.lower() in GOAL_NOUNS | INTENT_NOUNS:
                # "Ghana's decision to expel", "criticized Ghana's plan to expel":
                # the intent's owner does it.
                found = [a for t in intent_owners(head) for a in ctx.resolve.at(t)]
            if not found and head.dep_ == "dobj" and (
                    head.lemma_.lower() in MESSAGE_NOUNS | GOAL_NOUNS | INTENT_NOUNS
                    or (head.lemma_.lower() in INSTRUMENT_NOUNS
                        and head.head.lemma_.lower() in ADOPTING)):
                # "issued a statement demanding …": the issuer demands; "approved a
                # law recognizing X": the adopter recognizes.
                found = sources(ctx, head.head)
            holder = intent_holder(head)
            if (not found and not intent_owners(head) and holder is not None
                    and head.lemma_.lower() in GOAL_NOUNS | INTENT_NOUNS):
                # "voted on a motion to expel": an ownerless intent is held by the
                # doer of the clause it is in.
                found = sources(ctx, holder)
            return found
        subjects, passive = subject_tokens(head)
        if passive and token.dep_ == "conj" and active(token):
            # "X has been indicted and will resign": the shared subject is the
            # passive one, not the first verb's agent.
            return [a for t in subjects for a in ctx.resolve.at(t)]
        found = sources(ctx, head)
        if passive and head.lemma_.lower() in JOINING_VERBS:
            found += [a for t in subjects for a in ctx.resolve.at(t)]
            found += [a for t in prep_objects(head, "by") for a in ctx.resolve.at(t)]
        return list(dict.fromkeys(found))
    if token.dep_ == "pcomp" or (head.dep_ == "prep" and head.head is not head):
        return sources(ctx, head.head)
    return []


#: Actor kinds that can be the "of" agent of a frame noun (not places, not things).
AGENT_KINDS = frozenset({"person", "state", "organization", "igo", "nonstate", "group"})


def frame_noun(ctx: Context, token: Token) -> bool:
    """Whether an event noun frames a further act (a request, offer, threat, proposal).

    Such a noun's "of" phrase is its maker ("the request of X to suspend Y"); the "of"
    phrase of a noun of a material act is what was done to ("the expulsion of X").
    """
    entry = entry_for(ctx, token) if token.pos_ == "NOUN" else None
    return entry is not None and entry.complement is not None


def nominal_sources(ctx: Context, token: Token) -> list[str]:
    """The doers an event noun names itself: its owner, "by"/"between" phrases, an agent."""
    found: list[str] = []
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ in {"compound", "amod", "nmod"}
                                    and ctx.actors.at_token(child.i)
                                    and ctx.actors.at_token(child.i)
                                    != ctx.actors.at_token(token.i)):
            found += ctx.resolve.at(child)
        elif (child.dep_ == "prep" and child.lower_ == "of"
              and frame_noun(ctx, token)):
            # "the request of the prime minister to suspend Parliament": the "of"
            # phrase of a noun of request, offer or threat names who made it
            found += [a for p in children(child, "pobj") for a in ctx.resolve.at(p)
                      if ctx.resolve.kinds.get(a) in AGENT_KINDS]
        elif child.dep_ == "prep" and child.lower_ in NOUN_DOER_PREPS:
            if child.lower_ != "by" and token.lemma_.lower() in THIRD_PARTY_NOUNS:
                continue  # "mediation between X and Y": X and Y are mediated, not mediators
            for pobj in children(child, "pobj"):
                found += ctx.resolve.at(pobj)
        elif child.dep_ == "acl":
            # "the attack, reportedly carried out by the rebels"
            for agent in prep_objects(child, "by"):
                found += ctx.resolve.at(agent)
    return list(dict.fromkeys(found))
