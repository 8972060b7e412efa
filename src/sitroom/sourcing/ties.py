"""The grammar of standing ties: the phrases that name the sides of a relation.

Helpers of ``relations``: which cue a word is, which actors a phrase *is*, backing by
verb and noun, ongoing fighting, a territory of another state, membership of a body,
affiliation. Each returns actor ids, never relations.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from sitroom.actors.model import ActorIndex
from sitroom.lexicons import words
from sitroom.record import RelationType
from sitroom.sourcing.common import actor_of, lexicon

COUNTERPART_KINDS = {"state", "organization", "group", "igo", "nonstate"}
RELATIVES = {"which", "that", "who", "whom"}


CUE_ORDER = ("alliance", "partnership", "rivalry", "conflict", "influence")
_CUE_WORDS: list[tuple[object, dict[str, str]]] = []


def _first_cue(types: dict[str, list[str]]) -> dict[str, str]:
    """Each cue word → the first relation type (in ``CUE_ORDER``) that lists it (built
    once per loaded lexicon: ``cue_type`` runs on every token)."""
    if not _CUE_WORDS or _CUE_WORDS[0][0] is not types:
        first: dict[str, str] = {}
        for rtype in CUE_ORDER:
            for word in types[rtype]:
                first.setdefault(word, rtype)
        _CUE_WORDS[:] = [(types, first)]
    return _CUE_WORDS[0][1]


def cue_words() -> Collection[str]:
    """Every word that ``cue_type`` may take, as a lower form or a lemma."""
    return _first_cue(lexicon()["relations"]).keys()


def cue_type(token: Token) -> RelationType | None:
    first = _first_cue(lexicon()["relations"])
    by_low, by_lemma = first.get(token.lower_), first.get(token.lemma_.lower())
    if by_low is None and by_lemma is None:
        return None
    # the first type listing either form, as a scan of the types in order finds it
    rtype = min((t for t in (by_low, by_lemma) if t is not None), key=CUE_ORDER.index)
    if rtype == "influence" and token.pos_ == "VERB":
        return None
    if rtype == "conflict" and token.pos_ == "VERB" and not any(
        c.dep_ == "prep" and c.lower_ == "between" for c in token.children
    ):
        return None
    return rtype  # type: ignore[return-value]


def direct_actors(token: Token, actors: ActorIndex) -> list[str]:
    """Actors that a noun phrase *is* (its head and conjoined heads), not ones inside it."""
    found: list[str] = []
    for tok in [token, *(c for c in token.conjuncts if c.i > token.i)]:
        actor = actors.at_token(tok.i)
        if actor and actor not in found:
            found.append(actor)
    return found


def backers(
    patron: str | None, client: str | None, actors: ActorIndex
) -> tuple[str, str] | None:
    """(patron, client) when both are distinct collective actors (states, groups, bodies)."""
    if patron is None or client is None or patron == client:
        return None
    for actor_id in (patron, client):
        actor = actors.actor(actor_id)
        if actor is None:
            return None
        foreign_leader = (
            actor_id == client
            and actor.kind == "person"
            and countries_differ(patron, client, actors)
        )
        if actor.kind not in COUNTERPART_KINDS and not foreign_leader:
            return None
    return patron, client


def standing_backing(token: Token, actors: ActorIndex) -> tuple[str, str] | None:
    """``X backs Y`` / ``X has long backed Y``: an active verb of backing stated as a habit.

    Only the present simple or a verb with an adverb of duration ("long",
    "traditionally") states a standing tie; "X backed Y in the vote" is one act.
    """
    if any(c.dep_ in {"neg", "nsubjpass"} for c in token.children):
        return None
    adverbs = words("sourcing_standing_adverbs")
    standing = token.tag_ in {"VBZ", "VBP"} or any(
        c.dep_ == "advmod" and c.lower_ in adverbs for c in token.children
    )
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if not standing or subj is None or obj is None or subj.lower_ in RELATIVES:
        return None
    clients = direct_actors(obj, actors)
    return backers(actor_of(subj, actors), clients[0] if clients else None, actors)


def backing_noun(cue: Token, actors: ActorIndex) -> tuple[str, str] | None:
    """``X's support for Y`` / ``X's backing of Y``: the possessor backs the named client."""
    if cue.pos_ != "NOUN" or cue.lemma_.lower() not in words("sourcing_backing_nouns"):
        return None
    owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    for child in cue.children:
        if child.dep_ != "prep" or child.lower_ not in words("sourcing_backing_preps"):
            continue
        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
        clients = direct_actors(obj, actors) if obj is not None else []
        if clients:
            return backers(actor_of(owner, actors), clients[0], actors)
    return None


def owner_of(cue: Token) -> Token | None:
    """The possessor of the cue (``X's ally``), or of the name it modifies (``X's rival Y``)."""
    for word in (cue, cue.head) if cue.dep_ == "compound" else (cue,):
        owner = next((c for c in word.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    return None


def fighting_sides(token: Token, actors: ActorIndex) -> list[str]:
    """``X has been fighting Y`` / ``the coalition fighting Y``: the two sides of a war."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in words("sourcing_fighting_verbs"):
        return []
    ongoing = token.tag_ == "VBG" or (
        token.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "neg" for c in token.children)
    )
    if not ongoing or any(c.dep_ == "neg" for c in token.children):
        return []
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in RELATIVES and token.dep_ == "relcl":
        sides = direct_actors(token.head, actors)
    elif subj is not None:
        sides = direct_actors(subj, actors)
    elif token.dep_ == "acl":
        sides = direct_actors(token.head, actors)
    else:
        return []
    sides = list(dict.fromkeys(sides + verb_objects(token, actors)))
    return sides if len(sides) >= 2 else []


def verb_objects(verb: Token, actors: ActorIndex) -> list[str]:
    """The other sides a verb of conflict names: its object, or "against"/"with" X."""
    sides: list[str] = []
    for child in verb.children:
        if child.dep_ == "dobj":
            sides += direct_actors(child, actors)
        elif child.dep_ == "prep" and child.lower_ in {"against", "with"}:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                sides += direct_actors(obj, actors)
    return sides


def countries_differ(a: str | None, b: str | None, actors: ActorIndex) -> bool:
    first, second = actors.actor(a) if a else None, actors.actor(b) if b else None
    return bool(
        first and second and first.country and second.country and first.country != second.country
    )


def said_of(cue: Token, actors: ActorIndex) -> list[str]:
    """What a predicate noun is said of: the apposed name (``X, a …``) or the subject."""
    if cue.dep_ == "appos":
        return direct_actors(cue.head, actors)
    if cue.dep_ == "attr":
        subj = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
        return direct_actors(subj, actors) if subj is not None else []
    return []


def of_object(cue: Token, actors: ActorIndex, preps: set[str]) -> list[str]:
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                return direct_actors(obj, actors)
    return []


def dependency(cue: Token, actors: ActorIndex) -> tuple[str, str] | None:
    """``X, a special administrative region of Y``: Y's influence over X (other codes only)."""
    if cue.pos_ != "NOUN" or cue.lemma_.lower() not in words("sourcing_dependency_nouns"):
        return None
    owners, parts = of_object(cue, actors, {"of"}), said_of(cue, actors)
    modifiers = [
        found for c in cue.children
        if c.dep_ in {"amod", "compound"} and (found := actors.at_token(c.i))
    ]
    if not owners and modifiers:
        # "X, a semi-autonomous Chinese territory" / "the Chinese territory of X"
        owners, parts = modifiers, parts or of_object(cue, actors, {"of"})
    if owners and parts and countries_differ(owners[0], parts[0], actors):
        return owners[0], parts[0]
    return None


def under_rule(cue: Token, actors: ActorIndex) -> tuple[str, str] | None:
    """``X has been under Chinese rule``: the ruler's influence over the clause's subject."""
    if cue_type(cue) != "influence" or cue.dep_ != "pobj":
        return None
    returned = cue.head.lower_ == "to" and cue.head.head.lemma_.lower() in words(
        "sourcing_return_verbs"
    )
    if cue.head.lower_ != "under" and not returned:
        return None
    ruler = next(
        (found for c in cue.children
         if c.dep_ in {"poss", "amod", "compound"} and (found := actors.at_token(c.i))),
        None,
    )
    verb = cue.head.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None and subj.lower_ in RELATIVES and verb.dep_ == "relcl":
        subj = verb.head  # "a former colony that returned to Chinese rule"
        subj = subj.head if subj.dep_ == "appos" else subj
    ruled = direct_actors(subj, actors) if subj is not None else []
    if ruler and ruled and countries_differ(ruler, ruled[0], actors):
        return ruler, ruled[0]
    return None


def membership(cue: Token, actors: ActorIndex) -> list[tuple[str, str]]:
    """``X is a member of Y`` / ``X's membership of Y`` / ``Y member X``: member and body."""
    if cue.pos_ != "NOUN" or cue.lemma_.lower() not in words("sourcing_membership_nouns"):
        return []
    bodies = of_object(cue, actors, {"of", "in"})
    owner = owner_of(cue)
    members = direct_actors(owner, actors) if owner is not None else said_of(cue, actors)
    if not bodies and cue.dep_ == "compound":
        # "NATO member Turkey"
        bodies = [f for c in cue.children if c.dep_ == "compound" and (f := actors.at_token(c.i))]
        members = direct_actors(cue.head, actors)
    pairs = []
    for body in bodies[:1]:
        kind = actors.actor(body)
        if kind is None or kind.kind not in {"igo", "organization"}:
            continue
        for member in members:
            other = actors.actor(member)
            kinds = {"state", "igo", "organization"}
            if other is not None and other.kind in kinds and member != body:
                pairs.append((member, body))
    return pairs


def affiliated(token: Token, actors: ActorIndex) -> tuple[str, str] | None:
    """``X-linked militants`` / ``a group affiliated with X``: an alliance (ally, group)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in words("sourcing_affiliation_verbs"):
        return None
    if token.dep_ not in {"amod", "acl"} or token.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    named = token.head.head if token.head.dep_ == "appos" else None
    group = actors.at_token(token.head.i) or (actors.at_token(named.i) if named else None)
    ally = next(
        (found for c in token.children
         if c.dep_ in {"npadvmod", "compound", "nmod"} and c.i < token.i
         and (found := actors.at_token(c.i))),
        None,
    )
    if ally is None:
        objs = of_object(token, actors, {"to", "with"})
        ally = objs[0] if objs else None
    return backers(ally, group, actors)


def handed_over(token: Token, actors: ActorIndex) -> tuple[str, str] | None:
    """``X was returned to Y`` / ``X was handed over to Y``: Y's rule over the territory X.

    Both must be states (territories have their own code) of different countries; a person
    or a delegation returning somewhere is no transfer.
    """
    if token.pos_ != "VERB" or token.lemma_.lower() not in words("sourcing_return_verbs"):
        return None
    subj = next((c for c in token.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    owners = of_object(token, actors, {"to"})
    parts = direct_actors(subj, actors) if subj is not None else []
    if not owners or not parts:
        return None
    owner, part = actors.actor(owners[0]), actors.actor(parts[0])
    if owner is None or part is None or {owner.kind, part.kind} != {"state"}:
        return None
    return (owners[0], parts[0]) if countries_differ(owners[0], parts[0], actors) else None
