"""The POLECAT export: POLECAT's headers, typed rows only, PLOVER quad and intensity,
PLOVER sectors (MED is health), list fields aligned actor by actor; PLOVER JSONL."""

from __future__ import annotations

import io
import json

import pyarrow as pa
import pytest
from test_gdelt import event

from sitroom.store.export import POLECAT_COLUMNS, export_events
from sitroom.store.export_formats import plover_record, plover_version, polecat_row


def _row(**fields: object) -> dict[str, str]:
    values = polecat_row(event(**fields))
    assert values is not None
    return dict(zip(POLECAT_COLUMNS, values, strict=True))


def test_official_headers() -> None:
    assert POLECAT_COLUMNS[:7] == ("Event ID", "Event Date", "Event Type", "Event Mode",
                                   "Event Intensity", "Quad Code", "Contexts")
    assert "Actor Name" in POLECAT_COLUMNS and "Recipient Country" in POLECAT_COLUMNS


def test_untyped_events_are_not_written() -> None:
    assert polecat_row(event(plover=None)) is None
    table = pa.Table.from_pylist([event(), event(gid=8, event_id="E2", plover=None)])
    out = io.StringIO()
    assert export_events(table, "polecat", out) == 1
    assert len(out.getvalue().splitlines()) == 2  # header and one typed row


@pytest.mark.parametrize(
    ("plover", "quad", "intensity"),
    [("ASSAULT", "MATERIAL CONFLICT", "-10"), ("AGREE", "VERBAL COOPERATION", "4"),
     ("AID", "MATERIAL COOPERATION", "7"), ("ACCUSE", "VERBAL CONFLICT", "-2")],
)
def test_quad_and_intensity_follow_plover(plover: str, quad: str, intensity: str) -> None:
    # the CAMEO quad class of the stored event (1 here) does not decide PLOVER's quad
    row = _row(plover=plover, quad_class=1, goldstein=3.0)
    assert (row["Quad Code"], row["Event Intensity"]) == (quad, intensity)


def test_sectors_are_plover_sectors() -> None:
    health = _row(source_sectors=["HLH"])
    assert health["Primary Actor Sector"] == "MED"  # PLOVER MED is health
    media = _row(source_sectors=["MED"])  # CAMEO MED is media: not written as MED
    assert media["Primary Actor Sector"] == ""


def test_list_fields_stay_aligned() -> None:
    row = _row(source_names=["Alpha", "Beta", "Gamma"], source_countries=["USA", None, "GBR"],
               source_sectors=["GOV", None, "MIL"], source_codes=["USAGOV", None, "GBRMIL"])
    assert row["Actor Name"] == "Alpha;Beta;Gamma"
    assert row["Actor Country"] == "USA;;GBR"
    assert row["Actor Sectors"] == "GOV;;MIL"


def test_place_fields() -> None:
    row = _row(location_text="near Kharkiv", location_country="UKR")
    assert (row["Placename"], row["City"], row["Country"], row["Feature Type"]) == (
        "Kharkiv", "Kharkiv", "UKR", "city")
    sea = _row(location_text="in the Red Sea", location_country="SDN")
    assert (sea["Placename"], sea["Country"], sea["Feature Type"]) == ("Red Sea", "", "sea")


def test_plover_jsonl() -> None:
    record = plover_record(event(plover="ASSAULT", plover_mode="aerial"))
    assert record is not None
    assert record["event"] == "ASSAULT" and record["mode"] == "aerial"
    assert record["quad"] == 4 and record["plover_version"] == plover_version()
    assert record["source"][0] == {"text": "Ministry", "code": "USA", "sector": "GOV"}
    assert plover_record(event(plover=None)) is None
    out = io.StringIO()
    export_events(pa.Table.from_pylist([event()]), "plover", out)
    assert json.loads(out.getvalue())["event"] == "REQUEST"
