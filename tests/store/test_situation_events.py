"""One event across reports: linking mentions into situation events, and their status.

The corpus is ``tests/data/strike_reports`` (written by us): one strike told by four
outlets, one of which quotes a denial, and two other strikes on the same day that must
not merge with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from store_factory import record, state
from strike_corpus import CORPUS, strike, strike_records

from sitroom.api import Store, open_store
from sitroom.record import Source
from sitroom.store import StoredDocument, situations
from sitroom.store.situations import Mention, compare, link_reason, place_names


@pytest.fixture
def strikes(store: Store) -> Store:
    result = store.ingest(strike_records())
    assert result.added == 5, result
    return store


def _situations(store: Store) -> list[dict[str, Any]]:
    return situations.situation_rows(store.conn)


def _of(store: Store, doc_id: str, event_id: str) -> dict[str, Any]:
    gid = store.conn.execute("SELECT gid FROM events WHERE doc_id = ? AND event_id = ?",
                             [doc_id, event_id]).fetchall()[0][0]
    return situations.by_gid(store.conn, [gid])[gid]


def test_onestrike_told_by_four_outlets_is_one_contested_situation(strikes: Store) -> None:
    depot = _of(strikes, "harbour-1", "E1")
    assert depot["status"] == "contested"
    assert depot["mentions"] == 4 and depot["documents"] == 4
    # three independent origins: the outlet's own voice, residents, Sweden's ministry
    assert depot["sources"] == 3
    assert depot["claimed_by"] == ["harbour-times.example", "residents",
                                  "Sweden's defence ministry"]
    assert depot["denied_by"] == ["Norway's defence ministry"]
    assert depot["outlets"] == ["coastwatch.example", "daily-ledger.example",
                                "harbour-times.example", "north-wire.example"]
    for doc_id, event_id in (("coast-1", "E1"), ("ledger-1", "E1"), ("north-1", "E2")):
        assert _of(strikes, doc_id, event_id)["situation_id"] == depot["situation_id"]
    assert _of(strikes, "north-1", "E2")["stance"] == "denies"
    assert _of(strikes, "north-1", "E2")["event_status"] == "denied"


def test_otherstrikes_that_day_stay_apart(strikes: Store) -> None:
    depot = _of(strikes, "harbour-1", "E1")["situation_id"]
    cape = _of(strikes, "coast-2", "E1")
    amaro = _of(strikes, "north-1", "E3")
    assert len({depot, cape["situation_id"], amaro["situation_id"]}) == 3
    assert cape["status"] == "single-source" and cape["mentions"] == 1
    assert amaro["status"] == "single-source"
    statuses = sorted(s["status"] for s in _situations(strikes))
    # depot (contested), Cape Morrow, Amaro, the denial itself
    assert statuses == ["contested", "single-source", "single-source", "single-source"]


def test_every_link_has_its_reason(strikes: Store) -> None:
    rows = strikes.conn.execute(
        "SELECT e.doc_id, sm.reason FROM situation_mentions sm JOIN events e USING (gid) "
        "WHERE sm.situation_id = (SELECT situation_id FROM situation_mentions sm2 JOIN events "
        "e2 USING (gid) WHERE e2.doc_id = 'harbour-1') ORDER BY e.gid").fetchall()
    reasons = dict(rows)
    assert reasons["harbour-1"] == "first report"
    assert "same source" in reasons["coast-1"] and "same place port vell" in reasons["coast-1"]
    assert "within 2 days" in reasons["north-1"]


def test_ingest_order_does_not_change_the_situations(tmp_path: Path) -> None:
    with open_store(tmp_path / "reversed.duckdb", read_only=False) as store:
        store.ingest(list(reversed(strike_records())))
        statuses = sorted((s["status"], s["documents"]) for s in _situations(store))
    assert statuses == [("contested", 4), ("single-source", 1), ("single-source", 1),
                        ("single-source", 1)]


def test_fact_rule_drops_contested_and_denied_events(strikes: Store) -> None:
    facts = strikes.conn.execute(
        f"SELECT doc_id, event_id FROM events e WHERE {situations.fact_sql('e')} "
        "ORDER BY doc_id, event_id").fetchall()
    assert ("harbour-1", "E1") not in facts  # contested
    assert ("north-1", "E2") not in facts  # the denied act
    assert ("coast-2", "E1") in facts and ("north-1", "E3") in facts


def test_relink_rebuilds_the_same_situations(strikes: Store) -> None:
    before = sorted((s["status"], s["mentions"]) for s in _situations(strikes))
    strikes.conn.execute("BEGIN TRANSACTION")
    situations.relink(strikes.conn)
    strikes.conn.execute("COMMIT")
    assert sorted((s["status"], s["mentions"]) for s in _situations(strikes)) == before


def test_corroborated_needs_two_independent_sources(store: Store) -> None:
    """Two outlets that both quote the same ministry are one source."""
    recs = []
    for i, host in enumerate(("a.example", "b.example")):
        rec = record(f"m{i}", [state("A1", "NOR"), state("A2", "SWE"),
                               state("A3", "SWE", "GOV", "Sweden's ministry")],
                     [strike("E1", ["A1"], ["A2"], "in Port Vell", attribution="S1")],
                     published="2025-05-12", url=f"https://{host}/x",
                     sources=[Source("S1", "the ministry", "A3", False, "official", "said")])
        recs.append(rec)
    store.ingest(recs)
    assert [s["status"] for s in _situations(store)] == ["single-source"]
    store.ingest([record("m2", [state("A1", "NOR"), state("A2", "SWE")],
                         [strike("E1", ["A1"], ["A2"], "in Port Vell")],
                         published="2025-05-13", url="https://c.example/y")])
    assert [(s["status"], s["sources"]) for s in _situations(store)] == [("corroborated", 2)]


def test_migrated_store_gets_status_and_situations(tmp_path: Path) -> None:
    from test_schema import _v1_store

    path = tmp_path / "v1.duckdb"
    _v1_store(path)
    with open_store(path, read_only=False) as store:
        status = store.conn.execute("SELECT event_id, status FROM events ORDER BY gid")
        assert status.fetchall() == [("E1", "asserted"), ("E2", "asserted"), ("E3", "asserted")]
        # E1 is the one mention of an act (E2 is future, E3 negated, not denied)
        assert [s["mentions"] for s in _situations(store)] == [1]


# -- the matching table ----------------------------------------------------------------
def _m(gid: int, doc: str, day: int, src: set[str], tgt: set[str], place: str | None,
       fam: str = "ASSAULT", ids: tuple[set[int], set[int]] = (set(), set())) -> Mention:
    return Mention(
        gid=gid, doc_id=doc, family=fam, plover=fam, cameo="190", goldstein=-10.0,
        quad_class=4, date=dt.date(2025, 5, day), place=place, place_country=None,
        source_ids=frozenset(ids[0]), source_countries=frozenset(src),
        target_ids=frozenset(ids[1]), target_countries=frozenset(tgt),
        stance="claims", origin=f"outlet:{doc}", origin_label=doc, outlet=doc,
        runs=place_names(place),
    )


PAIRS = [
    # (why, first, second, merge?)
    ("same sides and place, a day apart",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"),
     _m(2, "b", 13, {"NOR"}, {"SWE"}, "near Port Vell"), True),
    ("same sides, no place given by one",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"),
     _m(2, "b", 12, {"NOR"}, {"SWE"}, None), True),
    ("same source, target unknown, same place",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"),
     _m(2, "b", 13, {"NOR"}, set(), "in Port Vell"), True),
    ("same doer's country, actor known in one only",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, None, ids=({7}, set())),
     _m(2, "b", 12, {"NOR"}, {"SWE"}, None), True),
    ("same sides, same day, different places",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"),
     _m(2, "b", 12, {"NOR"}, {"SWE"}, "at Cape Morrow"), False),
    ("same sides and place, four days apart",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"),
     _m(2, "b", 16, {"NOR"}, {"SWE"}, "in Port Vell"), False),
    ("direction reversed",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, None),
     _m(2, "b", 12, {"SWE"}, {"NOR"}, None), False),
    ("different doer on the same target and day",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"),
     _m(2, "b", 12, {"DNK"}, {"SWE"}, "in Port Vell"), False),
    ("same source only: too little evidence",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, None),
     _m(2, "b", 12, {"NOR"}, set(), None), False),
    ("different type of act",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"),
     _m(2, "b", 12, {"NOR"}, {"SWE"}, "in Port Vell", fam="COERCE"), False),
    ("same report, no shared place: two strikes",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, None),
     _m(2, "a", 12, {"NOR"}, {"SWE"}, None), False),
    ("same report, same place named again",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"),
     _m(2, "a", 12, {"NOR"}, {"SWE"}, "at the Port Vell depot"), True),
    ("two actors of one country (a state and its armed forces)",
     _m(1, "a", 12, {"NOR"}, {"SWE"}, None, ids=({3}, set())),
     _m(2, "b", 12, {"NOR"}, {"SWE"}, None, ids=({4}, set())), True),
]


@pytest.mark.parametrize(("why", "first", "second", "merge"), PAIRS, ids=[p[0] for p in PAIRS])
def test_pairs_that_must_and_must_not_merge(why: str, first: Mention, second: Mention,
                                            merge: bool) -> None:
    reason = link_reason(second, [first])
    assert (reason is not None) == merge, (why, reason, compare(second, first))
    assert (link_reason(first, [second]) is not None) == merge  # symmetric


def test_the_corpus_through_the_pipeline(tmp_path: Path) -> None:
    """The same reports analysed for real: the depot strike is one contested situation
    event in four documents, the Cape Morrow strike another."""
    from sitroom.documents import iter_documents
    from sitroom.engines.local import analyze_stream

    with open_store(tmp_path / "pipeline.duckdb", read_only=False) as store:
        store.ingest(analyze_stream(iter_documents([str(CORPUS)])))
        rows = store.conn.execute(
            "SELECT e.doc_id, sm.situation_id FROM events e JOIN situation_mentions sm "
            "USING (gid) WHERE e.plover = 'ASSAULT'").fetchall()
        depot = {sid for doc, sid in rows if doc == "harbour-1"}
        assert len(depot) == 1
        (sid,) = depot
        info = next(s for s in _situations(store) if s["situation_id"] == sid)
        assert info["status"] == "contested" and info["documents"] == 4
        assert any("Norway" in who for who in info["denied_by"])
        assert all(s != sid for doc, s in rows if doc == "coast-2")


def test_gdelt_counts_come_from_the_situation_event(strikes: Store) -> None:
    from sitroom.store.export_formats import GDELT_COLUMNS, gdelt_rows

    table = situations.annotate(strikes.conn, strikes.events_arrow(include_all=True))
    rows = {(r["doc_id"], r["event_id"]): r for r in table.to_pylist()}
    at = [GDELT_COLUMNS.index(k) for k in ("NumMentions", "NumSources", "NumArticles")]
    depot = gdelt_rows(rows[("harbour-1", "E1")])[0]
    assert [depot[i] for i in at] == ["4", "3", "4"]
    cape = gdelt_rows(rows[("coast-2", "E1")])[0]
    assert [cape[i] for i in at] == ["1", "1", "1"]
    assert rows[("harbour-1", "E1")]["situation_status"] == "contested"


def test_dates_at_the_edges_of_the_calendar() -> None:
    for day in (dt.date.min, dt.date.max):
        a = replace(_m(1, "a", 12, {"NOR"}, {"SWE"}, "in Port Vell"), date=day)
        b = replace(_m(2, "b", 12, {"NOR"}, {"SWE"}, "in Port Vell"), date=day)
        assert link_reason(b, [a]) is not None


def test_a_run_stopped_before_linking_is_linked_by_the_next(store: Store) -> None:
    from sitroom.store.write import write_record

    for rec in strike_records():  # written, as by a run killed before its linking step
        write_record(store, StoredDocument(rec, None))
    assert _situations(store) == []
    assert store.ingest([]).added == 0
    assert sorted(s["status"] for s in _situations(store)) == [
        "contested", "single-source", "single-source", "single-source"]
