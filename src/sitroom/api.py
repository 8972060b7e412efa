"""The Python API: the one public store facade, used by notebooks, the CLI and the dashboard.

Example:
    >>> from sitroom.api import open_store
    >>> store = open_store("crisis.duckdb")                  # read-only; must exist
    >>> store.events(dyad=("USA", "CHN"), quad_class=4)      # pandas DataFrame
    >>> store.dyads(country="YEM")                           # one row per event-dyad
    >>> store.to_gdelt()                                     # GDELT 2.0 columns
    >>> store.dyad_series("USA", "CHN")                      # daily series
    >>> print(store.brief(since="2024-11-01"))

``open_store`` is read-only by default, so a notebook never locks the CLI or the
dashboard out; ``open_store(path, read_only=False)`` opens for writing (and creates a
missing store). Filters are checked: a value the store cannot hold (``quad_class=7``,
``plover="ATTACK"``, ``country="Yemen"``) raises a ``UsageError`` saying what is
expected, rather than returning nothing.

:class:`Store` is a :class:`~sitroom.store.db.Database` (the connection) whose methods
call the store's functions (:mod:`sitroom.store.query`, :mod:`sitroom.store.write`) and
the analyses (:mod:`sitroom.analysis`); it adds no logic of its own.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd
import pyarrow as pa

from sitroom.analysis import brief as _brief
from sitroom.analysis import escalation as _escalation
from sitroom.analysis import network as _network
from sitroom.analysis import series as _series
from sitroom.record import AnalysisRecord
from sitroom.store import frames, query, write
from sitroom.store.db import Database, resolve_path
from sitroom.store.query import EventFilter
from sitroom.store.stored import IngestResult

__all__ = ["Store", "analyze", "open_store", "resolve_path"]


class Store(Database):
    """An open sitroom store: queries, ingest and the analyses as methods.

    Use :func:`open_store`; close it with :meth:`close` or a ``with`` block.
    """

    # -- documents -------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        """Content hashes of every stored document (to skip work before analysing)."""
        return query.known_hashes(self)

    def has_document(self, sha256: str) -> bool:
        """Whether a document with this content hash is stored."""
        return query.has_document(self, sha256)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return query.counts(self)

    def quarantine(self) -> pd.DataFrame:
        """The quarantine table: path, doc_id, reason, at."""
        return query.quarantine_frame(self)

    def documents(self, *, text: bool = False) -> pd.DataFrame:
        """The documents table (without the ``text`` column unless ``text=True``)."""
        return query.documents_frame(self, text=text)

    def record(self, doc_id: str) -> AnalysisRecord:
        """Rebuild a stored document's analysis record."""
        return query.read_record(self, doc_id)

    # -- writing ---------------------------------------------------------------------
    def ingest(
        self,
        records: Iterable[Any],
        progress: Callable[[str, str | None], None] | None = None,
    ) -> IngestResult:
        """Store records with their texts and quarantine failures (see
        :func:`~sitroom.store.write.ingest_records`)."""
        return write.ingest_records(self, records, progress)

    # -- reading ---------------------------------------------------------------------
    def events(self, filters: EventFilter | None = None, **kwargs: Any) -> pd.DataFrame:
        """Events matching the filters as a DataFrame (see ``EventFilter``); actors come
        as list columns (``dyads`` gives one flat row per event–dyad)."""
        return query.events_frame(self, _filter(filters, **kwargs))

    def events_arrow(self, filters: EventFilter | None = None, **kwargs: Any) -> pa.Table:
        """Events matching the filters as a pyarrow Table."""
        return query.events_arrow(self, _filter(filters, **kwargs))

    def dyads(self, filters: EventFilter | None = None, **kwargs: Any) -> pd.DataFrame:
        """One row per event–dyad (each source × each target), plain columns only
        (``frames.DYAD_COLUMNS``): the frame event-data analyses start from."""
        return frames.dyad_frame(self.events_arrow(filters, **kwargs))

    def to_gdelt(self, filters: EventFilter | None = None, **kwargs: Any) -> pd.DataFrame:
        """The events as GDELT 2.0 rows (codebook names and types, one row per dyad)."""
        return frames.gdelt_frame(self.events_arrow(filters, **kwargs))

    def to_polecat(self, filters: EventFilter | None = None, **kwargs: Any) -> pd.DataFrame:
        """The typed events as POLECAT rows (POLECAT's column names)."""
        return frames.polecat_frame(self.events_arrow(filters, **kwargs))

    def actors(self, **kwargs: Any) -> pd.DataFrame:
        """Global actors with their event, mention and document counts."""
        return query.actors_frame(self, **kwargs)

    # -- analyses --------------------------------------------------------------------
    def dyad_series(self, a: str, b: str, **kwargs: Any) -> pd.DataFrame:
        """Daily counts and Goldstein sums by quad class for ``a``–``b``."""
        return _series.dyad_series(self, a, b, **kwargs)

    def series(self, **kwargs: Any) -> pd.DataFrame:
        """Long-format daily series of every country dyad."""
        return _series.all_series(self, **kwargs)

    def escalation(self, **kwargs: Any) -> pd.DataFrame:
        """Escalation signals of every country dyad (see ``sitroom.analysis.escalation``)."""
        return _escalation.escalation_signals(self, **kwargs)

    def network(self, **kwargs: Any) -> _network.Network:
        """The actor network (``Network`` with ``nodes`` and ``edges`` DataFrames)."""
        return _network.network(self, **kwargs)

    def brief(self, since: str | dt.date | None = None, actor: str | None = None) -> str:
        """The Markdown brief."""
        return _brief.brief(self, since=since, actor=actor)


def _filter(filters: EventFilter | None, **kwargs: Any) -> EventFilter:
    """The checked filter of the arguments (a UsageError for a value the store cannot hold)."""
    from sitroom.errors import FilterError, StoreError

    try:
        made = query.make_filter(filters, **kwargs)
    except StoreError as error:
        raise FilterError(error.message) from error
    return frames.check_filter(made)


def open_store(
    path: str | os.PathLike[str] | None = None, *, read_only: bool = True
) -> Store:
    """Open a store: ``path``, else ``$SITROOM_DB``, else ``./sitroom.duckdb``.

    Read-only by default (a notebook then never locks out the CLI or the dashboard);
    ``read_only=False`` opens it for writing, creating a missing store or migrating an
    older one.

    Raises:
        NoStoreError: read-only and there is no store at the path (a mistyped path never
            creates an empty store).
        StoreLockedError: another process holds the store's write lock.
        StoreError: the store cannot be opened or its schema is not supported.
    """
    return Store.open(path, read_only=read_only)


def analyze(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> AnalysisRecord:
    """Analyse one text with the full pipeline (loaded once per process).

    Args:
        text: the document's text (plain text; a Markdown front matter is read).
        id: the document id (default: the content hash).
        title: the document's title.
        published: its publication date (``YYYY-MM-DD``).

    Example:
        >>> record = analyze("France condemned the attack.", id="n1")
        >>> record.document.id
        'n1'
    """
    from sitroom.pipeline.analyze import analyze_text

    return analyze_text(text, doc_id=id, title=title, published=published)
