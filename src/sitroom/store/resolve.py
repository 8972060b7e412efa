"""The writer's view of the store: stored actors in memory, and actor resolution.

An ingest loads the stored actor identities, document ids and quarantined ids once
(:class:`WriteCache`) and resolves each record's actors in memory
(:func:`resolve_actor`): an actor is the stored actor with its identity key, else
(persons) the stored person with its full name or unique surname, else a new actor. A
stored person of unknown country that a later report places learns that country; the
writer then gives it to the person's earlier events too (``ActorChanges.learned``).

The cache assumes, as the id counters do, that this connection is the only writer while
the ingest runs (DuckDB locks the file against other processes). A failed write drops
the actor index, which is reloaded from the store before the next record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from sitroom.record import Actor
from sitroom.store.db import Database
from sitroom.store.identity import actor_key, normalise_name, surname


# -- the writer's cache --------------------------------------------------------------
@dataclass(slots=True)
class StoredActor:
    """A row of the ``actors`` table, as the writer sees it."""

    actor_id: int
    key: str
    name: str | None
    norm_name: str
    surname: str
    kind: str | None
    country: str | None
    sector: str | None
    code: str | None
    title: str | None
    first_doc: str | None

    def row(self) -> list[Any]:
        return [self.actor_id, self.key, self.name, self.norm_name, self.surname, self.kind,
                self.country, self.sector, self.code, self.title, self.first_doc]


class ActorIndex:
    """The stored actors by identity key, and persons by full and by surname.

    Answers exactly the lookups actor resolution made with ``SELECT``s before, in
    memory; rows are changed in place and re-indexed when a name or key changes.
    """

    def __init__(self, rows: Iterable[StoredActor] = ()) -> None:
        self._by_key: dict[str, StoredActor] = {}
        self._by_norm: dict[str, dict[int, StoredActor]] = {}
        self._by_surname: dict[str, dict[int, StoredActor]] = {}
        for row in rows:
            self.add(row)

    @classmethod
    def load(cls, conn: duckdb.DuckDBPyConnection) -> ActorIndex:
        """Every stored actor."""
        rows = conn.execute(
            "SELECT actor_id, key, name, norm_name, surname, kind, country, sector, code, "
            "title, first_doc FROM actors ORDER BY actor_id"
        ).fetchall()
        return cls(
            StoredActor(int(r[0]), r[1], r[2], r[3] or "", r[4] or "", r[5], r[6], r[7],
                         r[8], r[9], r[10])
            for r in rows
        )

    def __len__(self) -> int:
        return len(self._by_key)

    def add(self, row: StoredActor) -> None:
        """Index a row (new, or changed after :meth:`remove`)."""
        self._by_key[row.key] = row
        if row.kind == "person":
            self._by_norm.setdefault(row.norm_name, {})[row.actor_id] = row
            self._by_surname.setdefault(row.surname, {})[row.actor_id] = row

    def remove(self, row: StoredActor) -> None:
        """Take a row out of the index before changing its key or name."""
        if self._by_key.get(row.key) is row:
            del self._by_key[row.key]
        if row.kind == "person":
            self._by_norm.get(row.norm_name, {}).pop(row.actor_id, None)
            self._by_surname.get(row.surname, {}).pop(row.actor_id, None)

    def by_key(self, key: str) -> StoredActor | None:
        """The actor with this identity key."""
        return self._by_key.get(key)

    def persons_named(self, norm: str) -> list[StoredActor]:
        """Persons whose normalised full name is ``norm``, by actor id."""
        return sorted(self._by_norm.get(norm, {}).values(), key=lambda r: r.actor_id)

    def persons_surnamed(self, name: str) -> list[StoredActor]:
        """Persons whose surname is ``name``, by actor id."""
        return sorted(self._by_surname.get(name, {}).values(), key=lambda r: r.actor_id)


@dataclass
class WriteCache:
    """What the writer reads once per ingest instead of once per record or actor.

    Attributes:
        doc_ids: stored document id → sha256.
        quarantined: document ids with rows in the quarantine table.
        actors: the actor index, loaded on first use (dropped after a failed write).
    """

    doc_ids: dict[str, str]
    quarantined: set[str]
    actors: ActorIndex | None = None

    @classmethod
    def load(cls, conn: duckdb.DuckDBPyConnection) -> WriteCache:
        """The cache of a store, read now."""
        docs = conn.execute("SELECT doc_id, sha256 FROM documents").fetchall()
        quarantined = conn.execute(
            "SELECT DISTINCT doc_id FROM quarantine WHERE doc_id IS NOT NULL"
        ).fetchall()
        return cls({r[0]: r[1] for r in docs}, {r[0] for r in quarantined})

    def actor_index(self, conn: duckdb.DuckDBPyConnection) -> ActorIndex:
        """The actor index, loading it when needed."""
        if self.actors is None:
            self.actors = ActorIndex.load(conn)
        return self.actors


# -- actor resolution ----------------------------------------------------------------
@dataclass(frozen=True)
class Resolved:
    """A record's actor as stored: its global id and the country and sector it has."""

    actor_id: int
    country: str | None
    sector: str | None


@dataclass
class ActorChanges:
    """Actor rows a batch of records adds or changes, written when the batch is.

    Attributes:
        new, changed: rows to insert, rows to update (by actor id).
        new_ids: ids of the new rows.
        record_new: ids of the rows the record being resolved added.
        learned: ``(actor_id, country)`` of stored persons whose country the record
            being resolved told, in order: their earlier events follow.
    """

    new: list[StoredActor] = field(default_factory=list)
    changed: dict[int, StoredActor] = field(default_factory=dict)
    new_ids: set[int] = field(default_factory=set)
    record_new: set[int] = field(default_factory=set)
    learned: list[tuple[int, str]] = field(default_factory=list)

    def touch(self, row: StoredActor) -> None:
        if row.actor_id not in self.new_ids:
            self.changed[row.actor_id] = row


def _fill(row: StoredActor, actor: Actor, changes: ActorChanges) -> None:
    """Fill a stored actor's missing title and code from this mention of it."""
    touched = False
    if actor.title and row.title is None:
        row.title = actor.title
        touched = True
    if actor.code and row.code is None:
        row.code = actor.code
        touched = True
    if touched:
        changes.touch(row)


def _person_match(index: ActorIndex, actor: Actor, norm: str) -> StoredActor | None:
    """A stored person this one is, by full name or unique surname (see module doc)."""
    one_word = " " not in norm
    if actor.country is not None and "context" in (actor.reason or ""):
        # A country guessed from the report's context yields to what an earlier
        # report stated about the same full name.
        stated = [r for r in index.persons_named(norm) if r.country is not None]
        if len(stated) == 1:
            return stated[0]
    if actor.country is None:
        exact = index.persons_named(norm)
        if len(exact) == 1:
            return exact[0]
        if not exact and one_word:
            by_surname = index.persons_surnamed(norm)
            if len(by_surname) == 1:
                return by_surname[0]
        return None
    # Known country: a surname-only mention of a stored person of that country …
    if one_word:
        same = [r for r in index.persons_surnamed(norm) if r.country == actor.country]
        if len(same) == 1:
            return same[0]
    # … or a stored person of unknown country that this mention now resolves.
    loose = {r.actor_id: r for name in (norm, surname(norm))
             for r in index.persons_named(name) if r.country is None}
    if len(loose) == 1:
        return next(iter(loose.values()))
    return None


def resolve_actor(
    store: Database, index: ActorIndex, changes: ActorChanges, actor: Actor, doc_id: str
) -> Resolved:
    """The stored actor this record's actor is (found, matched or new); changes to the
    index are noted in ``changes`` (see the module)."""
    key = actor_key(actor)
    norm = normalise_name(actor.name)
    found = index.by_key(key)
    if found is not None:
        _fill(found, actor, changes)
        return Resolved(found.actor_id, found.country, found.sector)
    if actor.kind == "person":
        match = _person_match(index, actor, norm)
        if match is not None:
            if match.country is None and actor.country is not None:
                # The stored person learns its country (and fuller name) from this one.
                sector = match.sector or actor.sector
                index.remove(match)
                match.country, match.sector, match.key = actor.country, sector, key
                if len(norm) > len(match.norm_name):
                    match.name, match.norm_name, match.surname = actor.name, norm, surname(norm)
                index.add(match)
                _fill(match, actor, changes)
                changes.touch(match)
                if match.actor_id not in changes.record_new:  # past events follow
                    changes.learned.append((match.actor_id, actor.country))
                return Resolved(match.actor_id, actor.country, sector)
            _fill(match, actor, changes)
            return Resolved(match.actor_id, match.country, match.sector or actor.sector)
    row = StoredActor(
        store.next_id("actors", "actor_id"), key, actor.name, norm, surname(norm), actor.kind,
        actor.country, actor.sector, actor.code, actor.title, doc_id,
    )
    index.add(row)
    changes.new.append(row)
    changes.new_ids.add(row.actor_id)
    changes.record_new.add(row.actor_id)
    return Resolved(row.actor_id, row.country, row.sector)
