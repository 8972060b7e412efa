"""The Python API for notebooks: open a store, query it as DataFrames, brief it.

Example:
    >>> from sitroom.api import open_store
    >>> store = open_store("crisis.duckdb")
    >>> store.events(dyad=("USA", "CHN"), quad_class=4)      # pandas DataFrame
    >>> store.dyad_series("USA", "CHN")                      # daily series
    >>> print(store.brief(since="2024-11-01"))
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pandas as pd

from sitroom.record import AnalysisRecord
from sitroom.store import db
from sitroom.store.db import resolve_path

__all__ = ["Store", "analyze", "open_store", "resolve_path"]


class Store(db.Store):
    """A store with the analyses attached (series, escalation, network, brief)."""

    def dyad_series(self, a: str, b: str, **kwargs: Any) -> pd.DataFrame:
        """Daily counts and Goldstein sums by quad class for ``a``–``b``."""
        from sitroom.analysis.series import dyad_series

        return dyad_series(self, a, b, **kwargs)

    def series(self, **kwargs: Any) -> pd.DataFrame:
        """Long-format daily series of every country dyad."""
        from sitroom.analysis.series import all_series

        return all_series(self, **kwargs)

    def escalation(self, **kwargs: Any) -> pd.DataFrame:
        """Escalation signals of every country dyad (see ``sitroom.analysis.escalation``)."""
        from sitroom.analysis.escalation import escalation_signals

        return escalation_signals(self, **kwargs)

    def network(self, **kwargs: Any) -> Any:
        """The actor network (``Network`` with ``nodes`` and ``edges`` DataFrames)."""
        from sitroom.analysis.network import network

        return network(self, **kwargs)

    def brief(self, since: str | dt.date | None = None, actor: str | None = None) -> str:
        """The Markdown brief."""
        from sitroom.analysis.brief import brief

        return brief(self, since=since, actor=actor)


def open_store(
    path: str | os.PathLike[str] | None = None, *, read_only: bool = False
) -> Store:
    """Open (creating or migrating) a store: ``path``, else ``$SITROOM_DB``, else
    ``./sitroom.duckdb``.

    Raises:
        StoreError: the store cannot be opened or its schema is not supported.
    """
    base = db.open_store(path, read_only=read_only)
    return Store(base.conn, base.path, base.read_only)


def analyze(text: str, **meta: Any) -> AnalysisRecord:
    """Analyse one text (document metadata as keywords: ``id``, ``title``, ``published``…)."""
    from sitroom.pipeline.analyze import analyze_text  # type: ignore[import-not-found]

    record: AnalysisRecord = analyze_text(text, **meta)
    return record
