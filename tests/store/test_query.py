"""Every event filter and the actor listing, on the three-report scenario."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.api import Store
from sitroom.errors import StoreError
from sitroom.store import EventFilter


def _ids(store: Store, **filters: object) -> list[str]:
    frame = store.events(**filters)
    return [f"{d}:{e}" for d, e in zip(frame["doc_id"], frame["event_id"], strict=True)]


def test_default_keeps_only_counted_events(filled: Store) -> None:
    assert _ids(filled) == ["d1:E1", "d1:E3", "d2:E2", "d2:E1", "d3:E2"]
    assert len(_ids(filled, include_all=True)) == 9


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "Varga"}, ["d1:E1", "d2:E1"]),
        ({"actor": "helena varga"}, ["d1:E1", "d2:E1"]),
        ({"actor": "USAGOV"}, ["d1:E1", "d1:E3", "d2:E1"]),
        ({"actor": "nobody at all"}, []),
        ({"country": "RUS"}, ["d2:E2", "d2:E1"]),
        ({"country": "usa"}, ["d1:E1", "d1:E3", "d2:E1"]),
        ({"dyad": ("USA", "CHN")}, ["d1:E1", "d1:E3"]),
        ({"dyad": ("CHN", "USA")}, []),
        ({"dyad": ("CHN", "USA"), "either_direction": True}, ["d1:E1", "d1:E3"]),
        ({"dyad": ("Varga", "RUS")}, ["d2:E1"]),
        ({"dyad": ("IRN", "ISR"), "either_direction": True}, ["d3:E2"]),
        ({"plover": "accuse"}, ["d1:E3", "d2:E1"]),
        ({"cameo": "02"}, ["d1:E1"]),
        ({"cameo": "19"}, ["d2:E2", "d3:E2"]),
        ({"quad_class": 4}, ["d2:E2", "d3:E2"]),
        ({"modality": "future"}, ["d2:E3"]),
        ({"modality": "requested"}, ["d1:E2"]),
        ({"polarity": "negative"}, ["d2:E4"]),
        ({"certainty": "reported"}, ["d1:E3"]),
        ({"certainty": "alleged"}, ["d2:E2"]),
        ({"since": "2024-11-04"}, ["d2:E2", "d2:E1"]),
        ({"since": dt.date(2024, 11, 5)}, ["d2:E1"]),
        ({"until": "2024-11-04"}, ["d1:E1", "d1:E3", "d2:E2"]),
        ({"since": "2024-11-02", "until": "2024-11-04"}, ["d2:E2"]),
        ({"source_kind": "intelligence"}, ["d2:E2"]),
        ({"source_kind": "official"}, ["d1:E3"]),
        ({"anonymous": True}, ["d1:E3", "d2:E2"]),
        ({"anonymous": False}, ["d1:E1", "d2:E1", "d3:E2"]),
        ({"doc_id": "d3"}, ["d3:E2"]),
        ({"doc_id": "d3", "include_all": True}, ["d3:E1", "d3:E2"]),
        ({"limit": 2}, ["d1:E1", "d1:E3"]),
        ({"country": "RUS", "include_all": True}, ["d2:E2", "d2:E1", "d2:E3", "d2:E4"]),
    ],
)
def test_event_filters(filled: Store, filters: dict[str, object], expected: list[str]) -> None:
    assert _ids(filled, **filters) == expected


def test_actor_by_global_id(filled: Store) -> None:
    varga = filled.actors(name="Varga").iloc[0]["actor_id"]
    assert _ids(filled, actor=str(varga)) == ["d1:E1", "d2:E1"]


def test_filter_object_and_arrow(filled: Store) -> None:
    table = filled.events_arrow(EventFilter(quad_class=3))
    assert table.num_rows == 2
    assert table.schema.field("cameo").type == "string"
    assert table.column("cameo").to_pylist() == ["112", "112"]


def test_event_rows_lead_back_to_documents_and_offsets(filled: Store) -> None:
    row = filled.events(doc_id="d2", plover="ASSAULT").iloc[0]
    assert (row["trigger_start"], row["trigger_end"], row["trigger_text"]) == (105, 112,
                                                                               "shelled")
    assert (row["sentence_index"], row["sentence_start"], row["sentence_end"]) == (1, 100, 190)
    assert row["title"] == "Russian forces shell Kharkiv" and row["path"] == "corpus/d2.txt"
    assert row["location_text"] == "near Kharkiv" and row["location_country"] == "UKR"
    assert row["date_text"] == "2024-11-04"
    assert row["source_text"] == "U.S. intelligence officials"


def test_bad_filters_raise(filled: Store) -> None:
    with pytest.raises(StoreError, match="unknown event filter"):
        filled.events(colour="red")
    with pytest.raises(StoreError, match="ISO date"):
        filled.events(since="last Tuesday")
    with pytest.raises(StoreError, match="two actors"):
        filled.events(dyad=("USA",))


def test_actors_listing(filled: Store) -> None:
    actors = filled.actors()
    top = actors.iloc[0]
    assert (top["name"], top["events"], top["documents"]) == ("Helena Varga", 2, 2)
    assert top["title"] == "Secretary of State"
    assert list(filled.actors(country="IRN")["name"]) == ["Tehran"]
    assert list(filled.actors(kind="person")["name"]) == ["Helena Varga"]
    assert list(filled.actors(name="kharkiv")["name"]) == []
    assert len(filled.actors(limit=3)) == 3
    russia = filled.actors(name="Russian").iloc[0]
    assert russia["events"] == 2
    assert filled.actors(name="Russian", include_all=True).iloc[0]["events"] == 4


def test_counts_and_record(filled: Store) -> None:
    assert filled.counts()["documents"] == 3
    rec = filled.record("d2")
    assert [e.id for e in rec.events] == ["E1", "E2", "E3", "E4"]
    with pytest.raises(StoreError, match="no document"):
        filled.record("zz")
