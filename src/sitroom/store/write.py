"""Writing analysis records in batches, idempotent by content hash.

A document whose sha256 is already stored is skipped, so re-running an interrupted
ingest stores exactly what is missing. Records are written in *batches*: the rows of up
to :data:`BATCH_DOCS` documents (fewer when :data:`BATCH_SECONDS` have passed since the
batch began) are collected in memory, column by column, and written with one Arrow
insert per table in one transaction. A crash (even ``kill -9``) loses at most the batch
being written, never part of a document; progress is reported for a document only once
its batch is committed. When a batch cannot be written, it is rolled back and its
documents are written one at a time, so a bad document is quarantined and its
neighbours are stored.

Actors are resolved in memory (:mod:`sitroom.store.resolve`), so a batch costs a fixed
handful of statements whatever its size. When a report tells the country of a stored
person, the person's earlier events get it too: rows still in the batch are corrected
in memory, rows already stored by one ``UPDATE`` when the batch is written.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import duckdb
import pyarrow as pa

from sitroom.errors import StoreError
from sitroom.record import AnalysisRecord, to_json
from sitroom.store.db import Database
from sitroom.store.resolve import ActorChanges, Resolved, WriteCache, resolve_actor
from sitroom.store.schema import column_names
from sitroom.store.sides import sides, sync_sides
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

#: Documents written together in one transaction.
BATCH_DOCS = 100
#: A batch older than this (seconds) is written when the next item arrives.
BATCH_SECONDS = 2.0

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


def _write_actor_changes(conn: duckdb.DuckDBPyConnection, changes: ActorChanges) -> None:
    # Changed rows first: a new actor may take the key a changed one gave up.
    for row in changes.changed.values():
        conn.execute(
            "UPDATE actors SET key = ?, name = ?, norm_name = ?, surname = ?, country = ?, "
            "sector = ?, code = ?, title = ? WHERE actor_id = ?",
            [row.key, row.name, row.norm_name, row.surname, row.country, row.sector,
             row.code, row.title, row.actor_id],
        )
    _insert(conn, "actors", [row.row() for row in changes.new])


# -- a batch of records --------------------------------------------------------------
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


#: Tables a batch writes, in order (actors go first, by _write_actor_changes).
_TABLES = ("documents", "doc_actors", "mentions", "events", "event_actors", "quotes",
           "sources", "relations")
#: Errors of a record's data or of its write: the record is quarantined.
_DATA_ERRORS = (duckdb.Error, ValueError, TypeError, pa.ArrowException)
_SIDES_AT = column_names("events").index("src_ids")
_EA_COUNTRY = column_names("event_actors").index("country")


@dataclass
class _Batch:
    """Rows of the records prepared and not yet written."""

    started: float = field(default_factory=time.monotonic)
    rows: dict[str, list[list[Any]]] = field(
        default_factory=lambda: {t: [] for t in _TABLES})
    changes: ActorChanges = field(default_factory=ActorChanges)
    docs: dict[str, str] = field(default_factory=dict)  # doc id → sha256
    items: list[tuple[StoredDocument, str]] = field(default_factory=list)
    unquarantine: list[str] = field(default_factory=list)
    first_gid: int | None = None
    by_actor: dict[int, list[list[Any]]] = field(default_factory=dict)  # event_actors rows
    by_gid: dict[int, tuple[list[Any], list[list[Any]]]] = field(default_factory=dict)

    def learn(self, actor_id: int, country: str) -> None:
        """A person's country, told now: its rows in the batch take it."""
        touched = set()
        for row in self.by_actor.get(actor_id, ()):
            if row[_EA_COUNTRY] is None:
                row[_EA_COUNTRY] = country
                touched.add(row[0])
        for gid in touched:
            event, actors = self.by_gid[gid]
            event[_SIDES_AT:_SIDES_AT + 4] = sides((r[2], r[5], r[6]) for r in actors)


def _prepare(store: Database, stored: StoredDocument, sha: str, cache: WriteCache,
             batch: _Batch) -> None:
    """Add one record's rows to the batch (resolving its actors in memory).

    Raises:
        StoreError: the document id is stored (or in the batch) with other content, or
            the text does not match the record; nothing was added.
    """
    record, text = stored.record, stored.text
    doc = record.document
    if text is not None:
        _check_text(record, text, sha)
    stored_sha = cache.doc_ids.get(doc.id) or batch.docs.get(doc.id)
    if stored_sha is not None:
        raise StoreError(
            f"document id {doc.id!r} is already stored with other content "
            f"(sha256 {stored_sha[:12]}…)",
            path=doc.path,
        )
    conn, rows = store.conn, batch.rows
    published = parse_date(doc.published)
    index = cache.actor_index(conn)
    changes = batch.changes
    changes.record_new = set()
    learned = len(changes.learned)
    resolved: dict[str, Resolved] = {}
    for ord_, actor in enumerate(record.actors):
        res = resolve_actor(store, index, changes, actor, doc.id)
        resolved[actor.id] = res
        rows["doc_actors"].append(
            [doc.id, actor.id, ord_, res.actor_id, actor.name, actor.kind, actor.country,
             actor.sector, actor.code, actor.title, actor.count, actor.rule,
             actor.reason, actor.lexicon]
        )
        for m_ord, span in enumerate(actor.mentions):
            rows["mentions"].append(
                [doc.id, actor.id, m_ord, res.actor_id, span.start, span.end, span.text])
    for actor_id, country in changes.learned[learned:]:
        batch.learn(actor_id, country)  # rows of earlier records in this batch
    rows["documents"].append([
        doc.id, sha, doc.path, doc.title, doc.published, published, doc.url,
        doc.dateline, doc.length, record.schema, list(record.errors),
        doc.sha256 is not None, dt.datetime.now(dt.UTC).replace(tzinfo=None),
        doc.language, text,
    ])
    by_event_id = {ev.id: ev for ev in record.events}
    for ord_, ev in enumerate(record.events):
        gid = store.next_id("events", "gid")
        if batch.first_gid is None:
            batch.first_gid = gid
        loc = ev.location
        event = [
            gid, doc.id, ev.id, ord_, ev.plover, ev.plover_mode, ev.cameo, ev.goldstein,
            ev.quad_class, ev.polarity, ev.modality, ev.certainty, ev.attribution,
            list(ev.source), list(ev.target), ev.trigger.text, ev.trigger.start,
            ev.trigger.end, ev.sentence.index, ev.sentence.start, ev.sentence.end,
            ev.date, parse_date(ev.date) or published,
            loc.text if loc else None, loc.country if loc else None,
            loc.start if loc else None, loc.end if loc else None,
            ev.parent, ev.rule, ev.lexicon, _dumps(ev.quantities), _dumps(ev.cues),
            counted(ev.modality, ev.polarity), *event_status(ev, by_event_id),
        ]
        actors: list[list[Any]] = []
        for role, ids in (("source", ev.source), ("target", ev.target)):
            for pos, local in enumerate(ids):
                res_or_none = resolved.get(local)
                aid = res_or_none.actor_id if res_or_none else None
                row = [gid, doc.id, role, pos, local, aid,
                       res_or_none.country if res_or_none else None]
                actors.append(row)
                if aid is not None:
                    batch.by_actor.setdefault(aid, []).append(row)
        # v5 side columns (sitroom.store.sides), then situation_status (set by linking)
        event += [*sides((r[2], r[5], r[6]) for r in actors), None]
        batch.by_gid[gid] = (event, actors)
        rows["events"].append(event)
        rows["event_actors"] += actors

    def _gid(local: str | None) -> int | None:
        res = resolved.get(local) if local else None
        return res.actor_id if res else None

    rows["quotes"] += [[doc.id, q.id, i, q.text, q.start, q.end, q.speaker, _gid(q.speaker),
                        q.speaker_text, q.cue, q.kind, q.rule]
                       for i, q in enumerate(record.quotes)]
    rows["sources"] += [[doc.id, s.id, i, s.text, s.actor, _gid(s.actor), s.anonymous, s.kind,
                         s.cue, s.start, s.end, s.rule] for i, s in enumerate(record.sources)]
    rows["relations"] += [[doc.id, i, r.a, r.b, _gid(r.a), _gid(r.b), r.type, r.text, r.start,
                           r.end, r.rule, r.certainty] for i, r in enumerate(record.relations)]
    if doc.id in cache.quarantined:
        batch.unquarantine.append(doc.id)
    batch.docs[doc.id] = sha
    batch.items.append((stored, sha))


def _flush(store: Database, cache: WriteCache, batch: _Batch) -> None:
    """Write the batch in one transaction (all of it or nothing).

    Raises:
        StoreError: the write failed (rolled back; the cache's actors are dropped).
    """
    if not batch.items:
        return
    conn = store.conn
    conn.execute("BEGIN TRANSACTION")
    try:
        _write_actor_changes(conn, batch.changes)
        for table in _TABLES:
            _insert(conn, table, batch.rows[table])
        for actor_id, country in batch.changes.learned:  # stored rows before the batch
            conn.execute("UPDATE event_actors SET country = ? WHERE actor_id = ? "
                         "AND country IS NULL AND gid < ?",
                         [country, actor_id, batch.first_gid or 1 << 62])
            sync_sides(conn, actor_id)
        for doc_id in batch.unquarantine:
            conn.execute("DELETE FROM quarantine WHERE doc_id = ?", [doc_id])
        conn.execute("COMMIT")
    except BaseException as error:
        conn.execute("ROLLBACK")
        store.forget_ids()
        cache.actors = None  # changed in memory by the rolled-back write: read it again
        if isinstance(error, StoreError):
            raise
        if isinstance(error, _DATA_ERRORS):
            doc = batch.items[0][0].record.document
            what = f"document {doc.id!r}" if len(batch.items) == 1 else \
                f"a batch of {len(batch.items)} documents"
            raise StoreError(f"cannot store {what}: {error}", path=doc.path) from error
        raise
    cache.doc_ids.update(batch.docs)
    cache.quarantined.difference_update(batch.unquarantine)


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
    cache = cache or WriteCache.load(store.conn)
    batch = _Batch()
    try:
        _prepare(store, stored, sha256 or record_hash(stored.record), cache, batch)
    except BaseException as error:
        store.forget_ids()
        cache.actors = None  # resolved in part: read it again
        if isinstance(error, _DATA_ERRORS) and not isinstance(error, StoreError):
            doc = stored.record.document
            raise StoreError(f"cannot store document {doc.id!r}: {error}",
                             path=doc.path) from error
        raise
    _flush(store, cache, batch)


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


class _Ingest:
    """One ingest: the cache, the open batch, the counts and the deferred progress."""

    def __init__(self, store: Database, progress: Progress | None) -> None:
        self.store, self.progress = store, progress
        self.cache = WriteCache.load(store.conn)
        self.known = set(self.cache.doc_ids.values())
        self.batch = _Batch()
        self.added = self.skipped = 0
        self.failures: list[IngestFailure] = []
        self.told: list[tuple[str, str | None]] = []  # progress not yet reported
        self.since = 0.0  # when the first of them came

    def tell(self, outcome: str, label: str | None) -> None:
        if not self.told:
            self.since = time.monotonic()
        self.told.append((outcome, label))

    def due(self) -> bool:
        """Whether what waits has waited long enough to be written now."""
        return bool(self.told) and time.monotonic() - self.since >= BATCH_SECONDS

    def quarantine(self, failure: IngestFailure) -> None:
        write_failure(self.store, failure, self.cache)
        self.failures.append(failure)
        self.tell("quarantined", failure.doc_id or failure.path)

    def record(self, stored: StoredDocument) -> None:
        record = stored.record
        sha = record_hash(record)
        if sha in self.known:
            self.skipped += 1
            self.tell("skipped", record.document.id)
            return
        try:
            _prepare(self.store, stored, sha, self.cache, self.batch)
        except StoreError as error:  # checked before anything was resolved
            self.quarantine(IngestFailure(record.document.path, record.document.id,
                                          error.message))
            return
        except BaseException as error:  # resolved in part: the batch is redone singly
            items, self.batch = self.batch.items, _Batch()
            self.store.forget_ids()
            self.cache.actors = None
            self._singly(items)
            if not isinstance(error, _DATA_ERRORS):
                raise
            self.quarantine(IngestFailure(record.document.path, record.document.id,
                                          f"cannot store document {record.document.id!r}: "
                                          f"{error}"))
            return
        self.known.add(sha)
        self.tell("added", record.document.id)
        if len(self.batch.items) >= BATCH_DOCS:
            self.flush()

    def flush(self) -> None:
        """Write the open batch (one at a time if it cannot be written whole) and
        report the progress that waited for it, in input order."""
        batch, self.batch = self.batch, _Batch()
        try:
            _flush(self.store, self.cache, batch)
            self.added += len(batch.items)
        except StoreError:
            self._singly(batch.items)
        told, self.told = self.told, []
        if self.progress is not None:
            for outcome, label in told:
                self.progress(outcome, label)

    def _singly(self, items: list[tuple[StoredDocument, str]]) -> None:
        """Write documents one at a time (after their batch failed); the bad are
        quarantined and their progress says so."""
        for stored, sha in items:
            doc = stored.record.document
            try:
                write_record(self.store, stored, sha, cache=self.cache)
                self.added += 1
            except StoreError as error:
                self.known.discard(sha)
                failure = IngestFailure(doc.path, doc.id, error.message)
                write_failure(self.store, failure, self.cache)
                self.failures.append(failure)
                self.told = [("quarantined", doc.id) if t == ("added", doc.id) else t
                             for t in self.told]


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
        progress: called as ``progress(outcome, doc_id_or_path)`` once per item, in
            input order, when its batch is written, with outcome ``added``, ``skipped``
            or ``quarantined``.

    Returns:
        The counts, and the quarantined items.
    """
    if store.read_only:
        raise StoreError("the store is open read-only", path=str(store.path))
    run = _Ingest(store, progress)
    try:
        for item in records:
            if run.due():
                run.flush()
            stored = as_stored(item)
            if isinstance(stored, StoredDocument):
                run.record(stored)
            else:
                run.quarantine(stored)
    finally:
        run.flush()  # an interrupted input keeps what was read before
    _link_situations(store)
    return IngestResult(run.added, run.skipped, len(run.failures), tuple(run.failures))
