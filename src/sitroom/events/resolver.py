"""Which actors a phrase of the parse names: coordination, "it", "we" and "the leaders of X".

:class:`Resolver` maps parse tokens to the actor ids of the actor stage's index; the
event rules ask it for the doers and receivers they find in the parse.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from sitroom.actors.model import ActorIndex
from sitroom.events.vocabulary import (
    ACCOMPANYING_PREPS,
    AGENT_NOUNS,
    FIRST_PERSON,
    IT_PRONOUNS,
    MEMBER_PREPS,
    QUANTITY_NOUNS,
)
from sitroom.parsed.cache import doc_sents

#: The preposition that lists a group's members ("leaders including X and Y").
INCLUDING = "including"

#: Forms of "it" that cannot stand for several coordinated actors.
SINGULAR_IT = frozenset({"it", "itself"})


def _coordinated_member(head: Token) -> bool:
    """Whether a phrase head is one of coordinated phrases ("the US and Britain")."""
    return head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)


class Resolver:
    """Maps parse tokens to actor ids, with coordination and ``it`` resolution."""

    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc = doc
        self.actors = actors
        self.kinds = {a.id: a.kind for a in actors.actors}
        self.quotes = tuple(doc._.quotes) if Doc.has_extension("quotes") else ()

    def it_antecedent(self, token: Token) -> str | None:
        """The state or body ``it`` refers to (same or previous sentence).

        A subject ``it`` prefers the latest subject; an object ``it`` the latest actor
        that is not a subject (a pronoun object rarely means its clause's subject).
        """
        prev_sents = [s for s in doc_sents(self.doc) if s.end <= token.sent.start]
        floor = prev_sents[-1].start if prev_sents else 0
        # a member of a coordination ("the US and Britain") is "they", never "it"
        earlier = [m for m in self.actors.mentions
                   if floor <= m.start and m.end <= token.i
                   and self.kinds.get(m.actor_id) not in {"person", None}
                   and not (token.lower_ in SINGULAR_IT and _coordinated_member(
                       self.doc[m.head]))]
        if not earlier:
            return None
        subject_deps = {"nsubj", "nsubjpass"}
        is_subject = token.dep_ in subject_deps

        def role_ok(m: object) -> bool:
            head = self.doc[m.head]  # type: ignore[attr-defined]
            while head.dep_ == "conj":
                head = head.head
            return (head.dep_ in subject_deps) == is_subject

        preferred = [m for m in earlier if role_ok(m)]
        chosen = max(preferred or earlier, key=lambda m: m.end)
        return chosen.actor_id

    def at(self, token: Token) -> list[str]:
        """Actors named by the phrase headed by ``token`` (with its conjuncts).

        A group that names no actor but lists its members ("world leaders including X
        and Y") names the members.
        """
        found: list[str] = []
        for head in self._coordinated(token):
            actor = self._one(head)
            if actor and actor not in found:
                found.append(actor)
            if actor is None and head.lemma_.lower() in AGENT_NOUNS | QUANTITY_NOUNS:
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ == INCLUDING:
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                found += [a for a in self.at(pobj) if a not in found]
            # "U.S. and Russian negotiators": coordinated modifiers name several actors.
            for child in head.children:
                if child.dep_ in {"amod", "compound", "nmod"}:
                    for conj in child.children:
                        other = self.actors.at_token(conj.i) if conj.dep_ == "conj" else None
                        if other and other not in found:
                            found.append(other)
        return found

    def _one(self, token: Token) -> str | None:
        """The actor one phrase head names: itself, a pronoun, or an actor inside it."""
        actor = self.actors.at_token(token.i)
        if actor:
            return actor
        if token.lower_ in IT_PRONOUNS:
            return self.it_antecedent(token)
        if token.lower_ in FIRST_PERSON:
            return self.quote_speaker(token)
        # "the leaders of China", "officials from both countries": look inside.
        for child in token.children:
            if (child.dep_ == "prep" and child.lower_ in MEMBER_PREPS
                    and token.lemma_.lower() in AGENT_NOUNS | QUANTITY_NOUNS):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = self.actors.at_token(pobj.i)
                        if inner:
                            return inner
            if child.dep_ in {"compound", "amod", "nmod"} or (
                    child.dep_ == "poss" and token.lemma_.lower() in AGENT_NOUNS):
                # "Iranian officials", "China's government" — but "his associates"
                # are not him.
                inner = self.actors.at_token(child.i)
                if inner:
                    return inner
        return None

    def quote_speaker(self, token: Token) -> str | None:
        """Inside a quotation, "I" and "we" are its speaker."""
        for quote in self.quotes:
            if quote.start <= token.idx < quote.end:
                return quote.speaker
        return None

    def inside(self, token: Token, after: bool = False) -> list[str]:
        """Actors named anywhere in a noun phrase, outside its clauses, nearest first.

        Args:
            token: the phrase's head.
            after: only tokens after the head (for an event noun's own arguments).
        """
        blocked = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc"}
        found: list[str] = []
        stack = [c for c in token.children if c.dep_ not in blocked]
        tokens: list[Token] = []
        while stack:
            node = stack.pop()
            tokens.append(node)
            stack.extend(c for c in node.children if c.dep_ not in blocked)
        for node in sorted(tokens, key=lambda t: abs(t.i - token.i)):
            if after and node.i < token.i:
                continue
            actor = self.actors.at_token(node.i)
            if actor and actor not in found:
                found.append(actor)
        return found

    @staticmethod
    def _coordinated(token: Token) -> Iterable[Token]:
        """A phrase head and its conjuncts ("X and Y", "X along with Y", "alongside Y")."""
        yield token
        for child in token.children:
            if child.dep_ == "conj":
                yield from Resolver._coordinated(child)
            elif child.dep_ == "prep" and child.lower_ in ACCOMPANYING_PREPS:
                for inner in child.children:
                    if inner.dep_ == "prep" and inner.lower_ == "with":
                        for pobj in inner.children:
                            if pobj.dep_ == "pobj":
                                yield from Resolver._coordinated(pobj)
            elif child.dep_ == "prep" and child.lower_ == "alongside":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        yield from Resolver._coordinated(pobj)

