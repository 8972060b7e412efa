"""Notebook helpers over the store: filter checks with helpful errors, the flat dyad
frame, and GDELT/POLECAT frames.

:func:`check_filter` refuses a filter that would silently return nothing because it is
not a value the store can hold (``quad_class=7``, ``plover="ATTACK"``,
``country="Yemen"``) with a :class:`~sitroom.errors.FilterError` that says what is
expected.
"""

from __future__ import annotations

import datetime as dt
import typing
from itertools import product
from typing import Any

import pandas as pd
import pyarrow as pa

from sitroom.errors import FilterError
from sitroom.lexicons import json_file
from sitroom.record import Certainty, Modality, Polarity, SourceKind
from sitroom.sourcing import gazetteer
from sitroom.store.export_formats import (
    GDELT_COLUMNS,
    GDELT_TYPES,
    POLECAT_COLUMNS,
    gdelt_rows,
    polecat_row,
)
from sitroom.store.query import EventFilter

_QUADS = "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"
_CHOICES: dict[str, tuple[str, ...]] = {
    "modality": typing.get_args(Modality),
    "polarity": typing.get_args(Polarity),
    "certainty": typing.get_args(Certainty),
    "source_kind": typing.get_args(SourceKind),
}


def plover_types() -> tuple[str, ...]:
    """The PLOVER event types of the crosswalk."""
    return tuple(json_file("plover.json").data["types"])


#: Country fields that are not ISO countries but are stored (IGOs, NGOs, companies).
_NON_STATES = frozenset({"IGO", "NGO", "MNC"})


def _country(value: str) -> None:
    text = value.strip()
    if len(text) == 3 and text.isalpha():
        if text.upper() in _NON_STATES or text.upper() in gazetteer.fips_codes():
            return
        import pycountry

        if pycountry.countries.get(alpha_3=text.upper()) is not None:
            return
        raise FilterError(f"unknown country code {value!r} (an ISO alpha-3 code such as YEM)")
    found = gazetteer.lookup(text)
    hint = f" ({text!r} is {found.country})" if found and found.feature == "country" else ""
    raise FilterError(f"country takes an ISO alpha-3 code such as YEM, not {value!r}{hint}")


def check_filter(f: EventFilter) -> EventFilter:
    """``f`` when every value is one the store can hold; else a FilterError saying why."""
    if f.quad_class is not None and f.quad_class not in (1, 2, 3, 4):
        raise FilterError(f"quad_class is 1-4 ({_QUADS}), not {f.quad_class!r}")
    if f.plover is not None and f.plover.upper() not in plover_types():
        raise FilterError(f"unknown PLOVER type {f.plover!r}; the types are "
                         f"{', '.join(plover_types())}")
    if f.cameo is not None and not (f.cameo.isdigit() and 1 <= len(f.cameo) <= 4):
        raise FilterError(f"cameo is a CAMEO code or prefix of digits (e.g. 19), not {f.cameo!r}")
    if f.country is not None:
        _country(f.country)
    for name, choices in _CHOICES.items():
        value = getattr(f, name)
        if value is not None and value not in choices:
            raise FilterError(f"{name} is one of {', '.join(choices)}, not {value!r}")
    for name in ("since", "until"):
        value = getattr(f, name)
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value[:10])
            except ValueError:
                raise FilterError(f"{name} is an ISO date (YYYY-MM-DD), not {value!r}") from None
    if f.limit is not None and f.limit < 0:
        raise FilterError(f"limit is a number of rows, not {f.limit!r}")
    return f


#: Columns of the flat dyad frame, in order.
DYAD_COLUMNS = (
    "gid", "doc_id", "event_id", "date", "source_id", "source_name", "source_country",
    "source_code", "source_sector", "target_id", "target_name", "target_country",
    "target_code", "target_sector", "plover", "plover_mode", "cameo", "quad_class",
    "goldstein", "modality", "polarity", "certainty", "source_text", "source_kind",
    "trigger_text", "location_text", "location_country", "title", "url",
)


def _sides(row: dict[str, Any], role: str) -> list[dict[str, Any]]:
    names = row.get(f"{role}_names") or []
    out = []
    for i, name in enumerate(names):
        def at(field: str, i: int = i) -> Any:
            values = row.get(f"{role}_{field}") or []
            return values[i] if i < len(values) else None
        out.append({f"{role}_id": at("ids"), f"{role}_name": name,
                    f"{role}_country": at("countries"), f"{role}_code": at("codes"),
                    f"{role}_sector": at("sectors")})
    return out or [{}]


def dyad_frame(table: pa.Table) -> pd.DataFrame:
    """One row per event–dyad (source × target) with plain columns, no lists."""
    out = []
    for row in table.to_pylist():
        for source, target in product(_sides(row, "source"), _sides(row, "target")):
            flat = {k: row.get(k) for k in DYAD_COLUMNS}
            flat.update({k: None for k in DYAD_COLUMNS if k.startswith(("source_", "target_"))
                         and k not in ("source_text", "source_kind")})
            flat.update(source)
            flat.update(target)
            out.append(flat)
    return pd.DataFrame(out, columns=list(DYAD_COLUMNS))


def gdelt_frame(table: pa.Table) -> pd.DataFrame:
    """The GDELT 2.0 rows (one per dyad) as a frame with the codebook's names and types
    (codes stay strings: CAMEO "0211" keeps its zero)."""
    rows = [r for row in table.to_pylist() for r in gdelt_rows(row, safe=False)]
    frame = pd.DataFrame(rows, columns=list(GDELT_COLUMNS))
    for name, kind in GDELT_TYPES.items():
        if kind in ("INTEGER", "BIGINT"):
            frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Int64")
        elif kind == "DOUBLE":
            frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Float64")
    return frame


def polecat_frame(table: pa.Table) -> pd.DataFrame:
    """The POLECAT rows (typed events only) with POLECAT's column names."""
    rows = [r for r in (polecat_row(row, safe=False) for row in table.to_pylist()) if r]
    return pd.DataFrame(rows, columns=list(POLECAT_COLUMNS))
