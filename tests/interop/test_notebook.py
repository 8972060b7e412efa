"""The notebook API: read-only by default, an error for a missing store, checked filters,
flat dyad frames, GDELT/POLECAT frames, and the SQL views an R/DBI user reads."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from sitroom.api import open_store
from sitroom.errors import NoStoreError, StoreError, UsageError

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_factory import scenario


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "nb.duckdb"
    with open_store(path, read_only=False) as store:
        store.ingest(scenario())
    return path


def test_notebook_smoke(db: Path) -> None:
    """What a pandas user does first: open, filter, group, pivot."""
    store = open_store(db)
    try:
        assert store.read_only
        events = store.events()
        assert isinstance(events, pd.DataFrame) and len(events) == 5
        dyads = store.dyads()
        assert not any(dyads[c].map(lambda v: isinstance(v, list)).any() for c in dyads)
        by_pair = dyads.groupby(["source_country", "target_country"]).size()
        assert by_pair[("USA", "CHN")] == 2
        conflict = store.dyads(quad_class=4)
        assert set(conflict["quad_class"]) == {4}
    finally:
        store.close()


def test_read_only_by_default_does_not_lock_out_a_second_reader(db: Path) -> None:
    with open_store(db) as first, open_store(db) as second:
        assert len(first.events()) == len(second.events())
        with pytest.raises(StoreError, match="read-only"):
            first.ingest(scenario())


def test_missing_store_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo.duckdb"
    with pytest.raises(NoStoreError):
        open_store(missing)
    assert not missing.exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"quad_class": 7}, "quad_class is 1-4"),
        ({"plover": "ATTACK"}, "unknown PLOVER type 'ATTACK'"),
        ({"country": "Yemen"}, "'Yemen' is YEM"),
        ({"modality": "maybe"}, "modality is one of"),
        ({"cameo": "attack"}, "cameo is a CAMEO code"),
        ({"since": "yesterday"}, "ISO date"),
        ({"colour": "red"}, "unknown event filter"),
    ],
)
def test_invalid_filters_say_what_is_expected(db: Path, kwargs: dict[str, object],
                                              message: str) -> None:
    with open_store(db) as store, pytest.raises(UsageError, match=message):
        store.events(**kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [{"quad_class": 4}, {"plover": "assault"}, {"country": "usa"}, {"cameo": "19"},
     {"modality": "future"}],
)
def test_valid_filters_pass(db: Path, kwargs: dict[str, object]) -> None:
    with open_store(db) as store:
        store.events(**kwargs)


def test_to_gdelt_and_to_polecat(db: Path) -> None:
    with open_store(db) as store:
        gdelt = store.to_gdelt()
        polecat = store.to_polecat()
    assert list(gdelt.columns[:2]) == ["GLOBALEVENTID", "SQLDATE"]
    assert gdelt["EventCode"].iloc[0] == "0211"  # a string, zero kept
    assert str(gdelt["GoldsteinScale"].dtype) == "Float64"
    assert str(gdelt["QuadClass"].dtype) == "Int64"
    assert "Event Type" in polecat.columns and polecat["Event Type"].notna().all()


def test_sql_views_for_r_users(db: Path) -> None:
    """What R's `tbl(con, "v_dyads") |> count(...)` runs, through plain DuckDB."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.sql(
            "SELECT source_country, target_country, count(*) AS n FROM v_dyads "
            "WHERE counted GROUP BY ALL ORDER BY n DESC, source_country").fetchall()
        names = con.sql("SELECT DISTINCT source_name FROM v_dyads WHERE source_name IS NOT NULL"
                        ).fetchall()
        events = con.sql("SELECT count(*) FROM v_events").fetchall()[0][0]
    finally:
        con.close()
    assert rows[0] == ("USA", "CHN", 2)
    assert ("Helena Varga",) in names
    assert events >= 5
