"""What the actor stage hands to later stages: actors and where they are mentioned."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.record import Actor


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in the parsed document.

    Attributes:
        actor_id: id of the merged actor (``A1``…).
        start: first token index (spaCy ``Doc`` index).
        end: token index one past the mention.
        start_char: character offset of the mention.
        end_char: character offset one past the mention.
        text: the mention's text.
        head: token index of the mention's syntactic head (the token a verb attaches to).
        rule: id of the rule that found the mention.
    """

    actor_id: str
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    head: int
    rule: str = ""


@dataclass(frozen=True)
class ActorIndex:
    """All actors of a document, with lookups from tokens to actors."""

    actors: tuple[Actor, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    _by_token: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, actors: tuple[Actor, ...], mentions: tuple[ActorMention, ...]) -> ActorIndex:
        """Index mentions by every token they cover (later mentions never overwrite)."""
        by_token: dict[int, str] = {}
        for mention in mentions:
            for i in range(mention.start, mention.end):
                by_token.setdefault(i, mention.actor_id)
        return cls(actors=actors, mentions=mentions, _by_token=by_token)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def at_token(self, i: int) -> str | None:
        """The actor whose mention covers token ``i``, or None."""
        return self._by_token.get(i)

    def mention_at(self, i: int) -> ActorMention | None:
        """The mention covering token ``i``, or None."""
        for mention in self.mentions:
            if mention.start <= i < mention.end:
                return mention
        return None

    def in_tokens(self, start: int, end: int) -> list[str]:
        """Actor ids mentioned in tokens ``[start, end)``, in order, without repeats."""
        seen: list[str] = []
        for i in range(start, end):
            actor_id = self._by_token.get(i)
            if actor_id and actor_id not in seen:
                seen.append(actor_id)
        return seen
