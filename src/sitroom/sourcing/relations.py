"""Standing ties between actors: alliance, partnership, rivalry, conflict, influence."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitroom.actors.model import ActorIndex
from sitroom.lexicons import words
from sitroom.parsed.cache import lemma_lowers, token_lowers
from sitroom.record import Relation, RelationType
from sitroom.sourcing.certainty import certainty_of
from sitroom.sourcing.common import actor_of, is_pronoun, lexicon, subject_of
from sitroom.sourcing.ties import (
    COUNTERPART_KINDS,
    RELATIVES,
    affiliated,
    backers,
    backing_noun,
    cue_type,
    cue_words,
    dependency,
    direct_actors,
    fighting_sides,
    handed_over,
    membership,
    owner_of,
    standing_backing,
    under_rule,
    verb_objects,
)

SYMMETRIC = {"alliance", "partnership", "rivalry", "conflict"}


def _actors_in(token: Token, actors: ActorIndex, inside: bool = True) -> list[str]:
    """Actors named by a noun phrase and the phrases conjoined with it.

    With ``inside`` False an actor merely named inside the phrase ("an opponent of the
    Iraq war") does not count: the phrase must be the actor.
    """
    found: list[str] = []
    stack = [token]
    while stack:
        tok = stack.pop(0)
        actor = actors.at_token(tok.i)
        if actor is None and inside:
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
    relative = RELATIVES
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
    if token.dep_ in {"ROOT", "ccomp", "conj", "relcl", "advcl"} and not any(
        c.dep_ in {"nsubjpass", "agent"} for c in token.children
    ):
        return standing_backing(token, actors)
    if token.lower_ != token.lemma_.lower() + "ed" and not token.lower_.endswith("ed"):
        return None
    client: str | None = None
    patron: str | None = None
    if token.dep_ in {"amod", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
        named = token.head.head if token.head.dep_ == "appos" else None
        # "Y, the X-backed group": the group is Y
        client = actors.at_token(token.head.i) or (actors.at_token(named.i) if named else None)
        client = client or next(
            iter(actors.in_tokens(token.head.left_edge.i, token.head.i + 1)), None
        )
    elif token.dep_ in {"ROOT", "ccomp", "conj", "relcl"}:
        subj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.lower_ in RELATIVES and token.dep_ == "relcl":
            client = actors.at_token(token.head.i)  # "Y, which is backed by X"
        else:
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
    return backers(patron, client, actors)


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
    preps = preps_map.get(rtype) or preps_map["partner"]
    owners = [cue]
    if cue.dep_ in {"amod", "acomp"} or cue.pos_ in {"VERB", "ADJ"}:
        owners.append(cue.head) if cue.dep_ == "amod" else None
    # "X waged war against Y" / "X has been at war with Y": the verb carries the other side
    if cue.dep_ == "dobj" and cue.head.lemma_.lower() in words("sourcing_holding_verbs"):
        owners.append(cue.head)
    elif cue.dep_ == "pobj" and cue.head.lower_ == "at" and cue.head.dep_ == "prep":
        owners.append(cue.head.head)
    for owner in owners:
        for child in owner.children:
            if child.dep_ not in {"prep", "amod"} or child.lower_ not in preps:
                continue
            if owner is not cue and owner.pos_ in {"VERB", "AUX"} and child.lower_ not in {
                "against", "with", "to", "on"
            }:
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
                found = _actors_in(obj, actors, inside=rtype == "influence")
                if child.lower_ in {"between", "among"}:
                    if len(found) < 2:
                        found = _plural_reference(obj, actors, set())
                    return found, True
                if found:
                    return found, False
    named = _named_by_cue(cue, actors)
    if named:
        return named, False
    # Russia's ally Belarus: the apposed noun is the partner
    for child in cue.children:
        if child.dep_ == "appos" and child.i > cue.i:
            found = _actors_in(child, actors)
            if found:
                return found, False
    # X and Y, longtime rivals / X and Y are allies / X and Y are at war: the pair itself
    at_war = cue.dep_ == "pobj" and cue.head.lower_ == "at" and cue.head.dep_ == "prep"  # at odds
    # X and Y fought a war / have a long-running dispute
    held = cue.dep_ == "dobj" and cue.head.lemma_.lower() in words("sourcing_holding_verbs")
    if (cue.tag_ in {"NNS", "NNPS"} and cue.dep_ in {"appos", "attr"}) or at_war or held:
        if cue.dep_ == "appos":
            pair = _actors_in(cue.head, actors)
        else:
            verb = cue.head.head if at_war else cue.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            pair = _actors_in(subj, actors) if subj is not None else []
        if len(pair) >= 2:
            return pair, True
    sides = _clause_sides(cue, actors)
    if len(sides) >= 2:
        return sides, True
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


def _named_by_cue(cue: Token, actors: ActorIndex) -> list[str]:
    """The partner a cue noun is said of when the holder owns it.

    ``Y, X's ally`` (apposition), ``Y is X's closest ally`` (predicate), ``X's
    arch-rival Y`` / ``US ally Y`` (the cue modifies the name): Y. Without a possessor
    or a naming modifier nothing is said of Y.
    """
    owner = owner_of(cue)
    modifiers = [
        found
        for c in cue.children
        if c.dep_ in {"compound", "amod"} and (found := actors.at_token(c.i))
    ]
    if cue.dep_ == "compound" and cue.head.pos_ == "PROPN" and (owner is not None or modifiers):
        return direct_actors(cue.head, actors)
    if owner is None and modifiers and cue.dep_ in {"appos", "attr"} and cue.tag_ == "NN":
        return modifiers[:1]  # "Y, a Chinese ally" / "Y is a Chinese ally": China
    if owner is None:
        return []
    if cue.dep_ == "appos":
        return _actors_in(cue.head, actors)
    if cue.dep_ == "attr":
        subj = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
        return direct_actors(subj, actors) if subj is not None else []
    return []


def _clause_sides(cue: Token, actors: ActorIndex) -> list[str]:
    """``the war in which X fights Y``: the subject and object of a clause on the cue."""
    relatives = words("sourcing_clause_relatives")
    for clause in (c for c in cue.children if c.dep_ == "relcl"):
        opens = any(
            (c.dep_ == "prep" and any(g.lower_ in relatives for g in c.children))
            or (c.dep_ == "advmod" and c.lower_ in relatives)
            for c in clause.children
        )
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if not opens or subj is None:
            continue
        sides = direct_actors(subj, actors) + verb_objects(clause, actors)
        if len(set(sides)) >= 2:
            return list(dict.fromkeys(sides))
    return []


def _holders(cue: Token, actors: ActorIndex, rtype: str) -> list[str]:
    """The actors holding the tie: possessor, the apposed names, or the clause's subject."""
    owner = owner_of(cue)
    if owner is not None:
        found = actors.at_token(owner.i)
        if found:
            return [found]
        if is_pronoun(owner):
            found = _clause_subject(cue, actors) or actor_of(owner, actors)
            return [found] if found else []
    if cue.dep_ == "appos":
        # X, a close partner of Y / X and Z, both allies of Y
        found_all = _actors_in(cue.head, actors)
        if found_all:
            return found_all
    for child in cue.children:
        if child.dep_ in {"amod", "compound"} and child.pos_ in {"ADJ", "PROPN"}:
            found = actors.at_token(child.i)
            if found and cue.dep_ != "attr":
                return [found]
    if rtype in {"conflict", "rivalry"} and not _held(cue):
        return []
    subject = _clause_subject(cue, actors)
    return [subject] if subject else []


def _denied(cue: Token, rtype: str) -> bool:
    """``X is not a member of Y`` / ``X is no ally of Y``: a negated tie is no tie; nor is
    one that is only the object of talk or wish (``X discussed cooperation with Y``)."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children):
        return True
    talked_of = (
        rtype in {"alliance", "partnership"}
        and cue.lemma_.lower() not in words("sourcing_tie_roles")
        and cue.dep_ == "dobj"
        and cue.head.pos_ in {"VERB", "AUX"}
        and cue.head.lemma_.lower() not in words("sourcing_holding_verbs")
    )
    if talked_of:
        return True
    verb = _verb_above(cue)
    return _held(cue) and verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _verb_above(cue: Token) -> Token | None:
    """The first verb above the cue, at most six steps up the tree."""
    current = cue
    for _ in range(6):
        if current.head is current:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
    return None


def _held(cue: Token) -> bool:
    """Whether the first verb above the cue makes its subject a side (``X is at war``)."""
    verb = _verb_above(cue)
    return verb is not None and verb.lemma_.lower() in words("sourcing_holding_verbs")


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
            if subject is not None and subject.lower_ in RELATIVES and head.dep_ == "relcl":
                subject = head.head  # "China, which claims sovereignty over Y"
            if subject is not None and subject.lower_ not in {"what", "which", "that"}:
                found = actor_of(subject, actors)
                if found:
                    return found
        current = head
    return None


def _named_side(actor_id: str, cue: Token, actors: ActorIndex) -> str:
    """``the rebels`` without a country: the one named actor of that sector met before.

    A side named only by a common noun ("the rebels", "the militia") stands for the
    actor named earlier with the same sector, when earlier named actors of that sector
    all have one and the same country; otherwise the side stays as it is.
    """
    actor = actors.actor(actor_id)
    if actor is None or actor.country or not actor.sector or any(c.isupper() for c in actor.name):
        return actor_id
    earlier: dict[str, str] = {}
    for mention in actors.mentions:
        other = actors.actor(mention.actor_id)
        if mention.start >= cue.i or other is None or other.id == actor_id:
            continue
        if other.sector == actor.sector and other.country and any(c.isupper() for c in other.name):
            earlier[other.id] = other.country
    if earlier and len(set(earlier.values())) == 1:
        return max(earlier, key=lambda i: max(m.start for m in actors.mentions
                                              if m.actor_id == i and m.start < cue.i))
    return actor_id


def _cue_words() -> set[str]:
    """Every word that one of ``find_relations``' tests requires: each test first asks
    for its token's lemma (``cue_type`` also its lower form) in one of these lists, so a
    token with neither form here gives no relation and is not read."""
    found = set(lexicon()["backing_verbs"]) | set(lexicon()["internal_conflict"]["heads"])
    for name in ("sourcing_dependency_nouns", "sourcing_return_verbs",
                 "sourcing_membership_nouns", "sourcing_affiliation_verbs",
                 "sourcing_fighting_verbs", "sourcing_backing_nouns"):
        found |= words(name)
    return found | set(cue_words())


def find_relations(doc: Doc, actors: ActorIndex) -> list[Relation]:
    """Standing ties stated in the text, one relation per pair and type.

    ``its influence over both X and Y`` gives holder→X and holder→Y; ``a partnership
    with X and Y`` one relation per partner; ``between X and Y`` the pair itself.
    """
    relations: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()

    def add(a: str, b: str, rtype: RelationType, cue: Token, rule: str) -> None:
        if _denied(cue, rtype):
            return
        a, b = _named_side(a, cue, actors), _named_side(b, cue, actors)
        if a == b and not rule.endswith(".internal"):
            return
        key = (min(a, b), max(a, b), rtype) if rtype in SYMMETRIC else (a, b, rtype)
        if key in seen:
            return
        seen.add(key)
        certainty = certainty_of(cue)[0]
        relations.append(
            Relation(a, b, rtype, cue.text, cue.idx, cue.idx + len(cue.text), rule, certainty)
        )

    lemmas, lowers = lemma_lowers(doc), token_lowers(doc)
    cues = _cue_words()
    for i, lemma in enumerate(lemmas):
        if lemma not in cues and lowers[i] not in cues:
            continue  # no test below can fire on this word (see ``_cue_words``)
        token = doc[i]
        backing = _backing(token, actors)
        if backing is not None:
            add(backing[0], backing[1], "influence", token, "relation.influence.backed")
            continue
        tie = dependency(token, actors) or under_rule(token, actors) or handed_over(token, actors)
        if tie is not None:
            add(tie[0], tie[1], "influence", token, "relation.influence.dependency")
            continue
        members = membership(token, actors)
        for member, body in members:
            add(member, body, "partnership", token, "relation.partnership.member")
        if members:
            continue
        ally = affiliated(token, actors)
        if ally is not None:
            add(ally[0], ally[1], "alliance", token, "relation.alliance.affiliated")
            continue
        sides = fighting_sides(token, actors)
        if sides:
            for i, a in enumerate(sides):
                for b in sides[i + 1 :]:
                    add(a, b, "conflict", token, "relation.conflict.fighting")
            continue
        backing = backing_noun(token, actors)
        if backing is not None:
            add(backing[0], backing[1], "influence", token, "relation.influence.support")
            continue
        party = _internal_party(token, actors)
        if party is not None:
            add(party, party, "conflict", token, "relation.conflict.internal")
            continue
        rtype = cue_type(token)
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
        for holder in _holders(token, actors, rtype):
            for partner in partners:
                add(holder, partner, rtype, token, f"relation.{rtype}.holder")
    return relations
