"""Writing analysis records: one transaction per document, idempotent by content hash.

A document whose sha256 is already stored is skipped, so re-running an interrupted
ingest stores exactly what is missing: each record is written in one transaction, and a
crash (even ``kill -9``) loses at most the document being written, never half of one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

import duckdb
import pyarrow as pa

from sitroom.errors import StoreError
from sitroom.record import Actor, AnalysisRecord, to_json
from sitroom.store.identity import actor_key, normalise_name, surname
from sitroom.store.schema import column_names, fetch_one

if TYPE_CHECKING:
    from sitroom.store.db import Store

Outcome = Literal["added", "skipped", "quarantined"]
#: ``progress(outcome, doc_id_or_path)`` is called once per input item.
Progress = Callable[[str, "str | None"], None]

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class IngestFailure:
    """A document that could not be analysed, bound for the quarantine table."""

    path: str | None
    doc_id: str | None
    reason: str


@dataclass(frozen=True)
class IngestResult:
    """What an ingest run did.

    Attributes:
        added: documents stored.
        skipped: documents already stored (same sha256).
        quarantined: failures written to the quarantine table.
        failures: the quarantined items, in order.
    """

    added: int = 0
    skipped: int = 0
    quarantined: int = 0
    failures: tuple[IngestFailure, ...] = ()


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


# -- actor resolution ----------------------------------------------------------------
@dataclass(frozen=True)
class _Resolved:
    actor_id: int
    country: str | None
    sector: str | None


def _fill(
    conn: duckdb.DuckDBPyConnection, actor_id: int, actor: Actor, row: tuple[Any, ...] | None = None
) -> None:
    """Fill a stored actor's missing title and code from this mention of it."""
    if row is not None and not (
        (actor.title and row[4] is None) or (actor.code and row[5] is None)
    ):
        return
    conn.execute(
        "UPDATE actors SET title = coalesce(title, ?), code = coalesce(code, ?) "
        "WHERE actor_id = ?",
        [actor.title, actor.code, actor_id],
    )


def _row(conn: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT actor_id, country, sector, norm_name, title, code FROM actors "
        f"WHERE {where} ORDER BY actor_id",
        params,
    ).fetchall()


def _person_match(
    conn: duckdb.DuckDBPyConnection, actor: Actor, norm: str
) -> tuple[Any, ...] | None:
    """A stored person this one is, by full name or unique surname (see module doc)."""
    one_word = " " not in norm
    if actor.country is None:
        exact = _row(conn, "kind = 'person' AND norm_name = ?", [norm])
        if len(exact) == 1:
            return exact[0]
        if not exact and one_word:
            by_surname = _row(conn, "kind = 'person' AND surname = ?", [norm])
            if len(by_surname) == 1:
                return by_surname[0]
        return None
    # Known country: a surname-only mention of a stored person of that country …
    if one_word:
        same = _row(conn, "kind = 'person' AND surname = ? AND country = ?", [norm, actor.country])
        if len(same) == 1:
            return same[0]
    # … or a stored person of unknown country that this mention now resolves.
    loose = _row(
        conn,
        "kind = 'person' AND country IS NULL AND (norm_name = ? OR norm_name = ?)",
        [norm, surname(norm)],
    )
    if len(loose) == 1:
        return loose[0]
    return None


def _resolve_actor(store: Store, actor: Actor, doc_id: str) -> _Resolved:
    conn = store.conn
    key = actor_key(actor)
    norm = normalise_name(actor.name)
    found = _row(conn, "key = ?", [key])
    if found:
        actor_id = int(found[0][0])
        _fill(conn, actor_id, actor, found[0])
        return _Resolved(actor_id, found[0][1], found[0][2])
    if actor.kind == "person":
        match = _person_match(conn, actor, norm)
        if match is not None:
            actor_id = int(match[0])
            if match[1] is None and actor.country is not None:
                # The stored person learns its country (and fuller name) from this one.
                longer = len(norm) > len(match[3] or "")
                conn.execute(
                    "UPDATE actors SET country = ?, sector = coalesce(sector, ?), key = ?, "
                    "name = CASE WHEN ? THEN ? ELSE name END, "
                    "norm_name = CASE WHEN ? THEN ? ELSE norm_name END, "
                    "surname = CASE WHEN ? THEN ? ELSE surname END WHERE actor_id = ?",
                    [actor.country, actor.sector, key, longer, actor.name, longer, norm,
                     longer, surname(norm), actor_id],
                )
                conn.execute(
                    "UPDATE event_actors SET country = ? WHERE actor_id = ? AND country IS NULL",
                    [actor.country, actor_id],
                )
                _fill(conn, actor_id, actor)
                return _Resolved(actor_id, actor.country, match[2] or actor.sector)
            _fill(conn, actor_id, actor, match)
            return _Resolved(actor_id, match[1], match[2] or actor.sector)
    actor_id = store.next_id("actors", "actor_id")
    conn.execute(
        "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [actor_id, key, actor.name, norm, surname(norm), actor.kind, actor.country,
         actor.sector, actor.code, actor.title, doc_id],
    )
    return _Resolved(actor_id, actor.country, actor.sector)


# -- writing one record --------------------------------------------------------------
def _dumps(items: Iterable[Any]) -> str:
    return json.dumps([asdict(item) for item in items], ensure_ascii=False)


def _insert(conn: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    """Insert rows through an Arrow table (far faster than row-wise parameters)."""
    if not rows:
        return
    names = column_names(table)
    data = pa.table({name: [row[i] for row in rows] for i, name in enumerate(names)})
    conn.from_arrow(data).insert_into(table)


def write_record(store: Store, record: AnalysisRecord, sha256: str | None = None) -> None:
    """Write one record in one transaction (all of it or nothing).

    Raises:
        StoreError: the document id is stored with other content, or the write failed.
    """
    conn = store.conn
    doc = record.document
    sha = sha256 or record_hash(record)
    published = parse_date(doc.published)
    conn.execute("BEGIN TRANSACTION")
    try:
        clash = fetch_one(conn.execute(
            "SELECT sha256 FROM documents WHERE doc_id = ?", [doc.id]
        ))
        if clash is not None:
            raise StoreError(
                f"document id {doc.id!r} is already stored with other content "
                f"(sha256 {clash[0][:12]}…)",
                path=doc.path,
            )
        conn.execute(
            "INSERT INTO documents (doc_id, sha256, path, title, published, published_date, "
            "url, dateline, length, record_schema, errors, sha256_given, ingested_at, "
            "language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.id, sha, doc.path, doc.title, doc.published, published, doc.url,
             doc.dateline, doc.length, record.schema, list(record.errors),
             doc.sha256 is not None, dt.datetime.now(dt.UTC).replace(tzinfo=None),
             doc.language],
        )
        resolved: dict[str, _Resolved] = {}
        doc_actors: list[list[Any]] = []
        mentions: list[list[Any]] = []
        for ord_, actor in enumerate(record.actors):
            res = _resolve_actor(store, actor, doc.id)
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
        _insert(conn, "doc_actors", doc_actors)
        _insert(conn, "mentions", mentions)
        events: list[list[Any]] = []
        event_actors: list[list[Any]] = []
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
                 counted(ev.modality, ev.polarity)]
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
        conn.execute("DELETE FROM quarantine WHERE doc_id = ?", [doc.id])
        conn.execute("COMMIT")
    except StoreError:
        conn.execute("ROLLBACK")
        store._next_ids.clear()
        raise
    except (duckdb.Error, ValueError, TypeError) as error:
        conn.execute("ROLLBACK")
        store._next_ids.clear()
        raise StoreError(f"cannot store document {doc.id!r}: {error}", path=doc.path) from error


def write_failure(store: Store, failure: IngestFailure) -> None:
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


def _as_failure(item: Any) -> IngestFailure:
    if isinstance(item, IngestFailure):
        return item
    if isinstance(item, BaseException):
        return IngestFailure(getattr(item, "path", None), None, str(item))
    reason = getattr(item, "reason", None)
    if reason is None:
        raise StoreError(
            f"cannot ingest a {type(item).__name__}: expected an AnalysisRecord or a "
            "failure with path, doc_id and reason"
        )
    return IngestFailure(getattr(item, "path", None), getattr(item, "doc_id", None), str(reason))


def ingest_records(
    store: Store,
    records: Iterable[Any],
    progress: Progress | None = None,
) -> IngestResult:
    """Store records, skip those already stored, quarantine failures.

    Args:
        store: an open, writable store.
        records: ``AnalysisRecord`` objects and failures (anything with ``path``,
            ``doc_id`` and ``reason``; an exception's message is its reason).
        progress: called as ``progress(outcome, doc_id_or_path)`` after each item, with
            outcome ``added``, ``skipped`` or ``quarantined``.

    Returns:
        The counts, and the quarantined items.
    """
    if store.read_only:
        raise StoreError("the store is open read-only", path=str(store.path))
    known = store.known_hashes()
    added = skipped = 0
    failures: list[IngestFailure] = []
    for item in records:
        outcome: Outcome
        if isinstance(item, AnalysisRecord):
            label: str | None = item.document.id
            sha = record_hash(item)
            if sha in known:
                outcome = "skipped"
                skipped += 1
            else:
                try:
                    write_record(store, item, sha)
                except StoreError as error:
                    failure = IngestFailure(item.document.path, item.document.id, error.message)
                    write_failure(store, failure)
                    failures.append(failure)
                    outcome = "quarantined"
                else:
                    known.add(sha)
                    outcome = "added"
                    added += 1
        else:
            failure = _as_failure(item)
            write_failure(store, failure)
            failures.append(failure)
            label = failure.doc_id or failure.path
            outcome = "quarantined"
        if progress is not None:
            progress(outcome, label)
    return IngestResult(added, skipped, len(failures), tuple(failures))
