"""``sitroom watch``: continuous ingest of a folder or a growing JSONL file.

Every ``interval`` seconds the watcher looks for new work: in a folder, files it has not
seen (or whose size or modification time changed); in a JSONL file (or each JSONL file
of the folder), the complete lines appended since its last look (a line still being
written, without its newline, waits for the next look). New documents are analysed and
stored as ``sitroom ingest`` stores them; the store is opened only for that and closed
between looks, so CLI queries run in between.

Restarts. What has been consumed is kept beside the store in ``<store>.watch.json``
(byte offset and line count per JSONL file, size and modification time per text file),
written atomically *after* the store has checkpointed the documents. A watcher killed at
any moment (even ``kill -9``) resumes from the last saved state: lines read again are
documents the store already holds, and the store skips them by content hash before they
are parsed, so nothing is stored twice. A truncated or replaced JSONL file is read again
from its start (the same rule keeps that free of duplicates).

A store held by another writer (a running dashboard opened writable, another ingest)
is not an error: the look is retried at the next interval.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from sitroom.documents import Document, ReadFailure
from sitroom.documents.readers import (
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    read_jsonl_bytes,
    read_text_document,
)
from sitroom.errors import StoreLockedError
from sitroom.interfaces.ingest import skip_known, with_texts
from sitroom.store.db import io_error

Marks = dict[str, list[int]]


@dataclass
class Look:
    """What one look found and stored.

    Attributes:
        documents: new documents (and read failures) found.
        added, skipped, quarantined: the store's counts for them.
        failures: the quarantined items' messages.
    """

    documents: int = 0
    added: int = 0
    skipped: int = 0
    quarantined: int = 0
    failures: list[str] = field(default_factory=list)


def state_file(db: Path) -> Path:
    """Where the watcher keeps what it has consumed from the inputs of store ``db``."""
    return db.with_name(db.name + ".watch.json")


def _files(target: Path) -> list[Path]:
    if target.is_dir():
        return sorted(p for p in target.rglob("*") if p.is_file()
                      and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES
                      and not p.name.lower().startswith("readme"))
    return [target] if target.is_file() else []


def _jsonl_lines(path: Path, offset: int, lines: int
                 ) -> tuple[list[Document | ReadFailure], int, int]:
    """Documents of the complete lines after byte ``offset``; new offset and line count."""
    with path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read()
    end = data.rfind(b"\n") + 1
    found: list[Document | ReadFailure] = []
    for raw in data[:end].splitlines():
        lines += 1
        if not raw.strip():
            continue
        for item in read_jsonl_bytes([raw], str(path)):
            if isinstance(item, ReadFailure) and item.path.endswith(":1"):
                item = dataclasses.replace(item, path=f"{path}:{lines}")
            found.append(item)
    return found, offset + end, lines


class Watcher:
    """Looks at ``target`` and stores what is new in the store at ``db``.

    Args:
        target: a folder (new and changed files, appended JSONL lines) or one file.
        db: the store (created when missing).
        workers, batch_size: as ``sitroom ingest``.
    """

    def __init__(self, target: Path, db: Path, *, workers: int = 1,
                 batch_size: int = 16) -> None:
        self.target = target
        self.db = db
        self.workers = workers
        self.batch_size = batch_size
        self.state = state_file(db)
        self.marks: Marks = self._load()

    def _load(self) -> Marks:
        try:
            saved = json.loads(self.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        marks = saved.get("marks", {}) if isinstance(saved, dict) else {}
        return {str(k): [int(x) for x in v] for k, v in marks.items()}

    def _save(self, marks: Marks) -> None:
        temp = self.state.with_name(self.state.name + ".tmp")
        with temp.open("w", encoding="utf-8") as handle:
            json.dump({"target": str(self.target), "marks": marks}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, self.state)
        self.marks = marks

    def pending(self) -> tuple[list[Document | ReadFailure], Marks]:
        """New documents since the saved state, and the state once they are stored."""
        marks = dict(self.marks)
        found: list[Document | ReadFailure] = []
        for path in _files(self.target):
            key = str(path.resolve())
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.suffix.lower() in JSONL_SUFFIXES:
                offset, lines = (marks.get(key) or [0, 0])[:2]
                if stat.st_size < offset:  # truncated or replaced: read it again
                    offset, lines = 0, 0
                if stat.st_size == offset:
                    continue
                docs, offset, lines = _jsonl_lines(path, offset, lines)
                found += docs
                marks[key] = [offset, lines]
            else:
                mark = [stat.st_size, stat.st_mtime_ns]
                if marks.get(key) == mark:
                    continue
                found.append(read_text_document(path))
                marks[key] = mark
        return found, marks

    def look(self) -> Look | None:
        """One look: store what is new. ``None`` when the store is held by another
        writer (nothing consumed; the next look tries again)."""
        from sitroom.api import open_store

        found, marks = self.pending()
        if marks == self.marks:
            return Look()
        try:
            store = open_store(self.db, read_only=False)
        except StoreLockedError:
            return None
        try:
            skipped: list[str] = []
            stream = with_texts(skip_known(iter(found), store.known_hashes(), skipped),
                                batch_size=self.batch_size, workers=self.workers)
            result = store.ingest(stream)
            store.conn.execute("CHECKPOINT")
        except duckdb.Error as error:
            raise io_error(error, str(self.db)) from error
        finally:
            with contextlib.suppress(duckdb.Error):
                store.close()
        self._save(marks)
        return Look(len(found), result.added, result.skipped + len(skipped),
                    result.quarantined, [str(f.path) + ": " + f.reason
                                         for f in result.failures])

    def run(self, interval: float = 2.0, *, once: bool = False,
            report: Callable[[Look], Any] | None = None,
            stop: Callable[[], bool] | None = None) -> Iterator[Look]:
        """Look every ``interval`` seconds (once with ``once``) until ``stop()``."""
        while True:
            found = self.look()
            if found is not None and found.documents:
                if report is not None:
                    report(found)
                yield found
            if once or (stop is not None and stop()):
                return
            time.sleep(interval)
