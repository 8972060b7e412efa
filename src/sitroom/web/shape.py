"""Turning what the store and the analyses return into JSON-ready Python values."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitroom.api import Store


def plain(value: Any) -> Any:
    """A JSON-ready copy of a value from DuckDB/Arrow/pandas (dates as ISO strings,
    missing and non-finite numbers as ``None``)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Run a parameterised read-only query and return its rows as JSON-ready dicts."""
    cur = store.conn.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [
        {name: plain(value) for name, value in zip(names, row, strict=True)}
        for row in cur.fetchall()
    ]


def one(store: Store, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
    """The first row of a query, or None."""
    found = rows(store, sql, params)
    return found[0] if found else None


def none(value: Any) -> Any:
    """``None`` for pandas' missing values."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def parse_json(raw: Any) -> list[dict[str, Any]]:
    """A JSON list column (cues, quantities) as a list; anything else as ``[]``."""
    if raw is None:
        return []
    if isinstance(raw, str):
        try:
            loaded = json.loads(raw)
        except ValueError:
            return []
        return loaded if isinstance(loaded, list) else []
    return list(raw)
