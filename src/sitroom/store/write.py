"""Writing analysis records: one transaction per document, idempotent by content hash.

A document whose sha256 is already stored is skipped, so re-running an interrupted
ingest stores exactly what is missing: each record is written in one transaction, and a
crash (even ``kill -9``) loses at most the document being written, never half of one.

Speed: an ingest loads the stored actor identities, document ids and quarantined ids
once (:class:`WriteCache`) and resolves actors in memory, so writing a record costs a
fixed handful of statements (one bulk insert per table) instead of several ``SELECT``s
per actor. The cache is the writer's view of the store; it assumes, as the id counters
do, that this connection is the only writer while the ingest runs (DuckDB locks the
file against other processes). A failed write rolls back and drops the actor index,
which is reloaded from the store before the next record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import duckdb
import pyarrow as pa

from sitroom.errors import StoreError
from sitroom.record import Actor, AnalysisRecord, to_json
from sitroom.store.db import Database
from sitroom.store.identity import actor_key, normalise_name, surname
from sitroom.store.schema import column_names
from sitroom.store.situations import event_status, link_pending
from sitroom.store.stored import (
    IngestFailure,
    IngestResult,
    StoredDocument,
    as_stored,
)

__all__ = [
    "IngestFailure", "IngestResult", "StoredDocument", "counted", "ingest_records",
    "parse_date", "record_hash", "write_failure", "write_record",
]

Outcome = Literal["added", "skipped", "quarantined"]
#: ``progress(outcome, doc_id_or_path)`` is called once per input item.
Progress = Callable[[str, "str | None"], None]

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> dt.date | None:
    """The ISO date at the start of ``value`` ('2024-11-01T…' → 2024-11-01), else None."""
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def record_hash(record: AnalysisRecord) -> str:
    """The document's sha256, or (when the record has none) the hash of the record."""
    if record.document.sha256:
        return record.document.sha256
    return hashlib.sha256(to_json(record).encode("utf-8")).hexdigest()


def counted(modality: str, polarity: str) -> bool:
    """Whether an event counts in counts and series: actual and not negated."""
    return modality == "actual" and polarity == "positive"


# -- the writer's cache --------------------------------------------------------------
@dataclass(slots=True)
class _StoredActor:
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

    def __init__(self, rows: Iterable[_StoredActor] = ()) -> None:
        self._by_key: dict[str, _StoredActor] = {}
        self._by_norm: dict[str, dict[int, _StoredActor]] = {}
        self._by_surname: dict[str, dict[int, _StoredActor]] = {}
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
            _StoredActor(int(r[0]), r[1], r[2], r[3] or "", r[4] or "", r[5], r[6], r[7],
                         r[8], r[9], r[10])
            for r in rows
        )

    def __len__(self) -> int:
        return len(self._by_key)

    def add(self, row: _StoredActor) -> None:
        """Index a row (new, or changed after :meth:`remove`)."""
        self._by_key[row.key] = row
        if row.kind == "person":
            self._by_norm.setdefault(row.norm_name, {})[row.actor_id] = row
            self._by_surname.setdefault(row.surname, {})[row.actor_id] = row

    def remove(self, row: _StoredActor) -> None:
        """Take a row out of the index before changing its key or name."""
        if self._by_key.get(row.key) is row:
            del self._by_key[row.key]
        if row.kind == "person":
            self._by_norm.get(row.norm_name, {}).pop(row.actor_id, None)
            self._by_surname.get(row.surname, {}).pop(row.actor_id, None)

    def by_key(self, key: str) -> _StoredActor | None:
        """The actor with this identity key."""
        return self._by_key.get(key)

    def persons_named(self, norm: str) -> list[_StoredActor]:
        """Persons whose normalised full name is ``norm``, by actor id."""
        return sorted(self._by_norm.get(norm, {}).values(), key=lambda r: r.actor_id)

    def persons_surnamed(self, name: str) -> list[_StoredActor]:
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
class _Resolved:
    actor_id: int
    country: str | None
    sector: str | None


@dataclass
class _ActorChanges:
    """Actor rows one record adds or changes, written at the end of its transaction."""

    new: list[_StoredActor] = field(default_factory=list)
    changed: dict[int, _StoredActor] = field(default_factory=dict)
    new_ids: set[int] = field(default_factory=set)

    def touch(self, row: _StoredActor) -> None:
        if row.actor_id not in self.new_ids:
            self.changed[row.actor_id] = row


def _fill(row: _StoredActor, actor: Actor, changes: _ActorChanges) -> None:
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


def _person_match(index: ActorIndex, actor: Actor, norm: str) -> _StoredActor | None:
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


def _resolve_actor(
    store: Database, index: ActorIndex, changes: _ActorChanges, actor: Actor, doc_id: str
) -> _Resolved:
    key = actor_key(actor)
    norm = normalise_name(actor.name)
    found = index.by_key(key)
    if found is not None:
        _fill(found, actor, changes)
        return _Resolved(found.actor_id, found.country, found.sector)
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
                if match.actor_id not in changes.new_ids:  # past events follow
                    store.conn.execute(
                        "UPDATE event_actors SET country = ? "
                        "WHERE actor_id = ? AND country IS NULL",
                        [actor.country, match.actor_id],
                    )
                return _Resolved(match.actor_id, actor.country, sector)
            _fill(match, actor, changes)
            return _Resolved(match.actor_id, match.country, match.sector or actor.sector)
    row = _StoredActor(
        store.next_id("actors", "actor_id"), key, actor.name, norm, surname(norm), actor.kind,
        actor.country, actor.sector, actor.code, actor.title, doc_id,
    )
    index.add(row)
    changes.new.append(row)
    changes.new_ids.add(row.actor_id)
    return _Resolved(row.actor_id, row.country, row.sector)


def _write_actor_changes(conn: duckdb.DuckDBPyConnection, changes: _ActorChanges) -> None:
    # Changed rows first: a new actor may take the key a changed one gave up.
    for row in changes.changed.values():
        conn.execute(
            "UPDATE actors SET key = ?, name = ?, norm_name = ?, surname = ?, country = ?, "
            "sector = ?, code = ?, title = ? WHERE actor_id = ?",
            [row.key, row.name, row.norm_name, row.surname, row.country, row.sector,
             row.code, row.title, row.actor_id],
        )
    _insert(conn, "actors", [row.row() for row in changes.new])


# -- writing one record --------------------------------------------------------------
def _dumps(items: Iterable[Any]) -> str:
    return json.dumps([asdict(item) for item in items], ensure_ascii=False)


def _insert(conn: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    """Insert rows (in the table's column order) with one statement."""
    if not rows:
        return
    names = column_names(table)
    data = pa.table({name: [row[i] for row in rows] for i, name in enumerate(names)})
    conn.from_arrow(data).insert_into(table)


def _check_text(record: AnalysisRecord, text: str, sha: str) -> None:
    doc = record.document
    if doc.length and len(text) != doc.length:
        raise StoreError(
            f"the text given for {doc.id!r} has {len(text)} characters, the record "
            f"{doc.length}: it is not the text that was analysed",
            path=doc.path,
        )
    if doc.sha256 and hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
        raise StoreError(
            f"the text given for {doc.id!r} does not match the record's sha256: "
            "it is not the text that was analysed",
            path=doc.path,
        )


def write_record(
    store: Database,
    stored: StoredDocument,
    sha256: str | None = None,
    *,
    cache: WriteCache | None = None,
) -> None:
    """Write one record and its text in one transaction (all of it or nothing).

    Args:
        store: an open, writable store.
        stored: the analysis record and the document's text as analysed, kept in
            ``documents.text`` (``None``: not kept); the text's length (and hash, when
            the record has one) must match the record.
        sha256: the record's content hash (default :func:`record_hash`).
        cache: the ingest's :class:`WriteCache` (read from the store when omitted).

    Raises:
        StoreError: the document id is stored with other content, the text does not
            match the record, or the write failed.
    """
    conn = store.conn
    record, text = stored.record, stored.text
    doc = record.document
    sha = sha256 or record_hash(record)
    if text is not None:
        _check_text(record, text, sha)
    if cache is None:
        cache = WriteCache.load(conn)
    stored_sha = cache.doc_ids.get(doc.id)
    if stored_sha is not None:
        raise StoreError(
            f"document id {doc.id!r} is already stored with other content "
            f"(sha256 {stored_sha[:12]}…)",
            path=doc.path,
        )
    published = parse_date(doc.published)
    conn.execute("BEGIN TRANSACTION")
    try:
        index = cache.actor_index(conn)
        changes = _ActorChanges()
        resolved: dict[str, _Resolved] = {}
        doc_actors: list[list[Any]] = []
        mentions: list[list[Any]] = []
        for ord_, actor in enumerate(record.actors):
            res = _resolve_actor(store, index, changes, actor, doc.id)
            resolved[actor.id] = res
            doc_actors.append(
                [doc.id, actor.id, ord_, res.actor_id, actor.name, actor.kind, actor.country,
                 actor.sector, actor.code, actor.title, actor.count, actor.rule,
                 actor.reason, actor.lexicon]
            )
            for m_ord, span in enumerate(actor.mentions):
                mentions.append(
                    [doc.id, actor.id, m_ord, res.actor_id, span.start, span.end, span.text]
                )
        _insert(conn, "documents", [[
            doc.id, sha, doc.path, doc.title, doc.published, published, doc.url,
            doc.dateline, doc.length, record.schema, list(record.errors),
            doc.sha256 is not None, dt.datetime.now(dt.UTC).replace(tzinfo=None),
            doc.language, text,
        ]])
        _write_actor_changes(conn, changes)
        _insert(conn, "doc_actors", doc_actors)
        _insert(conn, "mentions", mentions)
        events: list[list[Any]] = []
        event_actors: list[list[Any]] = []
        by_event_id = {ev.id: ev for ev in record.events}
        for ord_, ev in enumerate(record.events):
            gid = store.next_id("events", "gid")
            loc = ev.location
            events.append(
                [gid, doc.id, ev.id, ord_, ev.plover, ev.plover_mode, ev.cameo, ev.goldstein,
                 ev.quad_class, ev.polarity, ev.modality, ev.certainty, ev.attribution,
                 list(ev.source), list(ev.target), ev.trigger.text, ev.trigger.start,
                 ev.trigger.end, ev.sentence.index, ev.sentence.start, ev.sentence.end,
                 ev.date, parse_date(ev.date) or published,
                 loc.text if loc else None, loc.country if loc else None,
                 loc.start if loc else None, loc.end if loc else None,
                 ev.parent, ev.rule, ev.lexicon, _dumps(ev.quantities), _dumps(ev.cues),
                 counted(ev.modality, ev.polarity), *event_status(ev, by_event_id)]
            )
            for role, ids in (("source", ev.source), ("target", ev.target)):
                for pos, local in enumerate(ids):
                    res_or_none = resolved.get(local)
                    event_actors.append(
                        [gid, doc.id, role, pos, local,
                         res_or_none.actor_id if res_or_none else None,
                         res_or_none.country if res_or_none else None]
                    )
        _insert(conn, "events", events)
        _insert(conn, "event_actors", event_actors)

        def _gid(local: str | None) -> int | None:
            res = resolved.get(local) if local else None
            return res.actor_id if res else None

        _insert(
            conn,
            "quotes",
            [[doc.id, q.id, i, q.text, q.start, q.end, q.speaker, _gid(q.speaker),
              q.speaker_text, q.cue, q.kind, q.rule] for i, q in enumerate(record.quotes)],
        )
        _insert(
            conn,
            "sources",
            [[doc.id, s.id, i, s.text, s.actor, _gid(s.actor), s.anonymous, s.kind, s.cue,
              s.start, s.end, s.rule] for i, s in enumerate(record.sources)],
        )
        _insert(
            conn,
            "relations",
            [[doc.id, i, r.a, r.b, _gid(r.a), _gid(r.b), r.type, r.text, r.start, r.end,
              r.rule] for i, r in enumerate(record.relations)],
        )
        if doc.id in cache.quarantined:
            conn.execute("DELETE FROM quarantine WHERE doc_id = ?", [doc.id])
        conn.execute("COMMIT")
    except BaseException as error:
        conn.execute("ROLLBACK")
        store.forget_ids()
        cache.actors = None  # changed in memory by the rolled-back write: read it again
        if isinstance(error, StoreError):
            raise
        if isinstance(error, duckdb.Error | ValueError | TypeError | pa.ArrowException):
            raise StoreError(
                f"cannot store document {doc.id!r}: {error}", path=doc.path
            ) from error
        raise
    cache.doc_ids[doc.id] = sha
    cache.quarantined.discard(doc.id)


def write_failure(store: Database, failure: IngestFailure, cache: WriteCache | None = None) -> None:
    """Record (or refresh) one quarantined document."""
    conn = store.conn
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    conn.execute("BEGIN TRANSACTION")
    conn.execute(
        "DELETE FROM quarantine WHERE path IS NOT DISTINCT FROM ? "
        "AND doc_id IS NOT DISTINCT FROM ? AND reason = ?",
        [failure.path, failure.doc_id, failure.reason],
    )
    conn.execute(
        "INSERT INTO quarantine VALUES (?, ?, ?, ?)",
        [failure.path, failure.doc_id, failure.reason, now],
    )
    conn.execute("COMMIT")
    if cache is not None and failure.doc_id is not None:
        cache.quarantined.add(failure.doc_id)


def _link_situations(store: Database) -> None:
    """Link the new events into situation events (sitroom.store.situations), in one
    transaction; what a stopped run left unlinked is linked by the next."""
    conn = store.conn
    conn.execute("BEGIN TRANSACTION")
    try:
        link_pending(conn)
        conn.execute("COMMIT")
    except BaseException as error:
        conn.execute("ROLLBACK")
        if isinstance(error, duckdb.Error):
            raise StoreError(f"cannot link situation events: {error}",
                             path=str(store.path)) from error
        raise


def ingest_records(
    store: Database,
    records: Iterable[Any],
    progress: Progress | None = None,
) -> IngestResult:
    """Store records, skip those already stored, quarantine failures.

    Args:
        store: an open, writable store.
        records: ``StoredDocument(record, text)`` objects (the text is kept in
            ``documents.text``) and failures; each item goes through
            :func:`~sitroom.store.stored.as_stored` first, so a bare ``AnalysisRecord``
            is stored without its text and anything with ``path``, ``doc_id`` and
            ``reason`` (or an exception: its message is the reason) is quarantined.
        progress: called as ``progress(outcome, doc_id_or_path)`` after each item, with
            outcome ``added``, ``skipped`` or ``quarantined``.

    Returns:
        The counts, and the quarantined items.
    """
    if store.read_only:
        raise StoreError("the store is open read-only", path=str(store.path))
    cache = WriteCache.load(store.conn)
    known = set(cache.doc_ids.values())
    added = skipped = 0
    failures: list[IngestFailure] = []
    for item in records:
        outcome: Outcome
        stored = as_stored(item)
        if isinstance(stored, StoredDocument):
            record = stored.record
            label: str | None = record.document.id
            sha = record_hash(record)
            if sha in known:
                outcome = "skipped"
                skipped += 1
            else:
                try:
                    write_record(store, stored, sha, cache=cache)
                except StoreError as error:
                    failure = IngestFailure(record.document.path, record.document.id,
                                            error.message)
                    write_failure(store, failure, cache)
                    failures.append(failure)
                    outcome = "quarantined"
                else:
                    known.add(sha)
                    outcome = "added"
                    added += 1
        else:
            failure = stored
            write_failure(store, failure, cache)
            failures.append(failure)
            label = failure.doc_id or failure.path
            outcome = "quarantined"
        if progress is not None:
            progress(outcome, label)
    _link_situations(store)
    return IngestResult(added, skipped, len(failures), tuple(failures))
