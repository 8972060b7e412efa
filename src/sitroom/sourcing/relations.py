"""Standing ties between actors: alliance, partnership, rivalry, conflict, influence."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitroom.actors.model import ActorIndex
from sitroom.record import Relation, RelationType
from sitroom.sourcing.common import actor_of, is_pronoun, lexicon, subject_of

SYMMETRIC = {"alliance", "partnership", "rivalry", "conflict"}
COUNTERPART_KINDS = {"state", "organization", "group", "igo", "nonstate"}


def _cue_type(token: Token) -> RelationType | None:
    types: dict[str, list[str]] = lexicon()["relations"]
    low, lemma = token.lower_, token.lemma_.lower()
    for rtype in ("alliance", "partnership", "rivalry", "conflict", "influence"):
        words = types[rtype]
        if low in words or lemma in words:
            if rtype == "influence" and token.pos_ == "VERB":
                return None
            if rtype == "conflict" and token.pos_ == "VERB":
                return None
            return rtype  # type: ignore[return-value]
    return None


def _actors_in(token: Token, actors: ActorIndex) -> list[str]:
    """Actors named by a noun phrase and the phrases conjoined with it."""
    found: list[str] = []
    stack = [token]
    while stack:
        tok = stack.pop(0)
        actor = actors.at_token(tok.i)
        if actor is None:
            left = tok.left_edge.i
            ids = actors.in_tokens(left, tok.i + 1)
            actor = ids[-1] if ids else None
        if actor is None and is_pronoun(tok):
            actor = actor_of(tok, actors)
        if actor is None:
            actor = _anaphoric_state(tok, actors)
        if actor and actor not in found:
            found.append(actor)
        stack.extend(c for c in tok.children if c.dep_ in {"conj", "appos"})
    return found


def _anaphoric_state(token: Token, actors: ActorIndex) -> str | None:
    """``the nation`` / ``the country``: the state named most often before it."""
    anaphors: list[str] = lexicon()["internal_conflict"]["anaphors"]
    if token.lemma_.lower() not in anaphors or token.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if any(c.dep_ in {"amod", "compound", "prep", "poss"} for c in token.children):
        return None
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for mention in actors.mentions:
        if mention.start >= token.i:
            continue
        actor = actors.actor(mention.actor_id)
        if actor is None or actor.kind != "state":
            continue
        counts[mention.actor_id] = counts.get(mention.actor_id, 0) + 1
        last[mention.actor_id] = max(last.get(mention.actor_id, -1), mention.start)
    if not counts:
        return None
    return max(counts, key=lambda a: (counts[a], last[a]))


def _internal_party(cue: Token, actors: ActorIndex) -> str | None:
    """The one party of ``the conflict within X`` / ``civil war in X``."""
    table: dict[str, list[str]] = lexicon()["internal_conflict"]
    if cue.lemma_.lower() not in table["heads"] or cue.pos_ not in {"NOUN", "PROPN"}:
        return None
    internal = any(
        c.dep_ in {"amod", "compound"} and c.lower_ in table["internal_mods"] for c in cue.children
    )
    preps = table["inside_preps"] + (table["place_preps"] if internal else [])
    for child in cue.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            found = _actors_in(obj, actors)
            if len(found) == 1:
                party = actors.actor(found[0])
                if party is not None and party.kind in {"state", "igo"}:
                    return found[0]
    return _internal_holder(cue, actors) if internal else None


def _internal_holder(cue: Token, actors: ActorIndex) -> str | None:
    """The state of ``X's civil war`` / ``X has been experiencing civil war``.

    Only a one-state conflict (a civil, internal… war) has a holder; its possessor, or
    the subject of a verb of undergoing it ("experience", "fight"), when that is exactly
    one state ("Kenya condemned the civil war" gives none).
    """
    owners = [c for c in cue.children if c.dep_ == "poss"]
    verbs: list[str] = lexicon()["internal_conflict"]["holder_verbs"]
    if not owners and cue.dep_ == "dobj" and cue.head.lemma_.lower() in verbs:
        owners = [c for c in cue.head.children if c.dep_ == "nsubj"]
    for owner in owners:
        found = _actors_in(owner, actors)
        if len(found) == 1:
            party = actors.actor(found[0])
            if party is not None and party.kind == "state":
                return found[0]
    return None


def _backing_clause(token: Token, actors: ActorIndex) -> tuple[str, str] | None:
    """``Y, which X backs`` / ``X, which backs Y``: a relative clause of backing."""
    relative = {"which", "that", "who", "whom"}
    named = token.head
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None:
        return None
    if obj.lower_ in relative:
        patron, client = actor_of(subj, actors), actors.at_token(named.i)
    elif subj.lower_ in relative:
        patron, client = actors.at_token(named.i), next(iter(_actors_in(obj, actors)), None)
    else:
        return None
    if patron is None or client is None or patron == client:
        return None
    return patron, client


def _backing(token: Token, actors: ActorIndex) -> tuple[str, str] | None:
    """``X-backed Y`` / ``Y, backed by X``: X's influence over Y (patron, client)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon()["backing_verbs"]:
        return None
    if token.dep_ == "relcl" and not token.lower_.endswith("ed"):
        return _backing_clause(token, actors)
    if token.lower_ != token.lemma_.lower() + "ed" and not token.lower_.endswith("ed"):
        return None
    client: str | None = None
    patron: str | None = None
    if token.dep_ in {"amod", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
        client = actors.at_token(token.head.i) or next(
            iter(actors.in_tokens(token.head.left_edge.i, token.head.i + 1)), None
        )
    elif token.dep_ in {"ROOT", "ccomp", "conj", "relcl"}:
        subj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        client = actor_of(subj, actors) if subj is not None else None
    if client is None:
        return None
    for child in token.children:
        if child.dep_ == "agent":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                patron = next(iter(_actors_in(obj, actors)), None)
        elif child.dep_ in {"npadvmod", "compound", "nmod"} and child.i < token.i:
            patron = actors.at_token(child.i)
    if patron is None or patron == client:
        return None
    kinds = {"state", "organization", "group", "igo", "nonstate"}
    for actor_id in (patron, client):
        actor = actors.actor(actor_id)
        if actor is None or actor.kind not in kinds:
            return None
    return patron, client


def _plural_reference(token: Token, actors: ActorIndex, exclude: set[str]) -> list[str]:
    """``the two`` / ``both countries``: the last two distinct actors named before."""
    phrase = " ".join(t.lower_ for t in token.subtree)
    if phrase not in lexicon()["plural_references"]:
        return []
    seen: list[str] = []
    for mention in sorted(actors.mentions, key=lambda m: -m.start):
        if mention.start >= token.i:
            continue
        actor = actors.actor(mention.actor_id)
        if actor is None or actor.kind not in COUNTERPART_KINDS | {"state"}:
            continue
        if mention.actor_id in exclude or mention.actor_id in seen:
            continue
        seen.append(mention.actor_id)
        if len(seen) == 2:
            return seen
    return []


def _partners(cue: Token, actors: ActorIndex, rtype: str) -> tuple[list[str], bool]:
    """Actors on the other side of the cue; True when they are a ``between`` pair."""
    preps_map: dict[str, list[str]] = lexicon()["relation_preps"]
    preps = preps_map["influence" if rtype == "influence" else "partner"]
    owners = [cue]
    if cue.dep_ in {"amod", "acomp"} or cue.pos_ in {"VERB", "ADJ"}:
        owners.append(cue.head) if cue.dep_ == "amod" else None
    for owner in owners:
        for child in owner.children:
            if child.dep_ not in {"prep", "amod"} or child.lower_ not in preps:
                continue
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if child.lower_ == "such":
                objs = [
                    p
                    for g in child.children
                    if g.lower_ == "as"
                    for p in g.children
                    if p.dep_ == "pobj"
                ]
            for obj in objs:
                found = _actors_in(obj, actors)
                if child.lower_ in {"between", "among"}:
                    if len(found) < 2:
                        found = _plural_reference(obj, actors, set())
                    return found, True
                if found:
                    return found, False
    # Russia's ally Belarus: the apposed noun is the partner
    for child in cue.children:
        if child.dep_ == "appos" and child.i > cue.i:
            found = _actors_in(child, actors)
            if found:
                return found, False
    # X and Y, longtime rivals / X and Y are allies: the conjoined pair itself
    if cue.tag_ in {"NNS", "NNPS"} and cue.dep_ in {"appos", "attr"}:
        if cue.dep_ == "appos":
            pair = _actors_in(cue.head, actors)
        else:
            subj = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
            pair = _actors_in(subj, actors) if subj is not None else []
        if len(pair) >= 2:
            return pair, True
    # North Korean-Russian alliance / Ukraine-Russia conflict
    mods = [c for c in cue.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < cue.i]
    found = []
    for mod in mods:
        for i in range(mod.left_edge.i, mod.i + 1):
            a = actors.at_token(i)
            if a and a not in found:
                found.append(a)
    if len(found) >= 2:
        return found, True
    return [], False


def _holder(cue: Token, actors: ActorIndex) -> str | None:
    """The actor holding the tie: possessor, or subject of the clause around the cue."""
    if cue.dep_ == "appos":
        # X, a close partner of Y
        found = actors.at_token(cue.head.i)
        if found:
            return found
    for child in cue.children:
        if child.dep_ == "poss":
            found = actors.at_token(child.i)
            if found:
                return found
            if is_pronoun(child):
                return _clause_subject(cue, actors) or actor_of(child, actors)
    for child in cue.children:
        if child.dep_ == "amod" and child.pos_ in {"ADJ", "PROPN"}:
            found = actors.at_token(child.i)
            if found:
                return found
    return _clause_subject(cue, actors)


def _clause_subject(cue: Token, actors: ActorIndex) -> str | None:
    """The actor the cue's clause is about; ``urge X to leverage its …`` gives X."""
    current = cue
    for _ in range(6):
        head = current.head
        if head is current:
            break
        if head.pos_ in {"VERB", "AUX"}:
            own = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if own is None and head.dep_ == "xcomp":
                # object control: the object of the governing verb does the xcomp
                for child in head.head.children:
                    if child.dep_ == "dobj" and child.i < head.i:
                        found = actor_of(child, actors)
                        if found:
                            return found
            subject = own or subject_of(head)
            if subject is not None and subject.lower_ not in {"what", "which", "that"}:
                found = actor_of(subject, actors)
                if found:
                    return found
        current = head
    return None


def find_relations(doc: Doc, actors: ActorIndex) -> list[Relation]:
    """Standing ties stated in the text, one relation per pair and type.

    ``its influence over both X and Y`` gives holder→X and holder→Y; ``a partnership
    with X and Y`` one relation per partner; ``between X and Y`` the pair itself.
    """
    relations: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()

    def add(a: str, b: str, rtype: RelationType, cue: Token, rule: str) -> None:
        if a == b and not rule.endswith(".internal"):
            return
        key = (min(a, b), max(a, b), rtype) if rtype in SYMMETRIC else (a, b, rtype)
        if key in seen:
            return
        seen.add(key)
        relations.append(Relation(a, b, rtype, cue.text, cue.idx, cue.idx + len(cue.text), rule))

    for token in doc:
        backing = _backing(token, actors)
        if backing is not None:
            add(backing[0], backing[1], "influence", token, "relation.influence.backed")
            continue
        party = _internal_party(token, actors)
        if party is not None:
            add(party, party, "conflict", token, "relation.conflict.internal")
            continue
        rtype = _cue_type(token)
        if rtype is None:
            continue
        partners, paired = _partners(token, actors, rtype)
        if paired:
            for i, a in enumerate(partners):
                for b in partners[i + 1 :]:
                    add(a, b, rtype, token, f"relation.{rtype}.between")
            continue
        if not partners:
            # X and Y are allies / allies X and Y
            continue
        holder = _holder(token, actors)
        if holder is None:
            continue
        for partner in partners:
            add(holder, partner, rtype, token, f"relation.{rtype}.holder")
    return relations
