"""Ingest: idempotence, incremental adds, quarantine, atomic writes, actor identity."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from store_factory import dyad_record, event, person, record, scenario, state

from sitroom.api import Store, open_store
from sitroom.errors import StoreError
from sitroom.record import AnalysisRecord
from sitroom.store import IngestFailure, StoredDocument, ingest_records, resolve_path
from sitroom.store import write as write_module
from sitroom.store.query import document_text


def _count(store: Store, table: str) -> int:
    row = store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert row is not None
    return int(row[0])


def test_ingest_counts_and_progress(store: Store) -> None:
    seen: list[tuple[str, str | None]] = []
    result = ingest_records(store, scenario(), lambda outcome, label: seen.append((outcome, label)))
    assert (result.added, result.skipped, result.quarantined) == (3, 0, 0)
    assert seen == [("added", "d1"), ("added", "d2"), ("added", "d3")]
    assert _count(store, "documents") == 3
    assert _count(store, "events") == 9


def test_reingest_adds_nothing(store: Store) -> None:
    store.ingest(scenario())
    before = {t: _count(store, t) for t in ("documents", "actors", "events", "event_actors",
                                            "mentions", "quotes", "sources", "relations")}
    result = store.ingest(scenario())
    assert (result.added, result.skipped) == (0, 3)
    assert {t: _count(store, t) for t in before} == before


def test_incremental_and_duplicates_in_one_run(store: Store) -> None:
    first = [dyad_record("a", "2024-01-01", "USA", "CHN")]
    store.ingest(first)
    result = store.ingest([*first, dyad_record("b", "2024-01-02", "USA", "CHN"),
                           dyad_record("b", "2024-01-02", "USA", "CHN")])
    assert (result.added, result.skipped) == (1, 2)
    assert _count(store, "documents") == 2


def test_known_hashes_let_callers_skip_before_analysis(store: Store) -> None:
    rec = dyad_record("a", "2024-01-01", "USA", "CHN")
    store.ingest([rec])
    assert rec.document.sha256 in store.known_hashes()
    assert rec.document.sha256 is not None and store.has_document(rec.document.sha256)


def test_quarantine_failures_and_keep_the_rest(store: Store) -> None:
    class Failure:
        path = "corpus/bad.txt"
        doc_id = None
        reason = "binary file"

    items: list[Any] = [
        dyad_record("a", "2024-01-01", "USA", "CHN"),
        Failure(),
        IngestFailure("corpus/empty.txt", "empty", "empty document"),
        ValueError("cannot decode"),
        dyad_record("b", "2024-01-02", "USA", "CHN"),
    ]
    result = store.ingest(items)
    assert (result.added, result.quarantined) == (2, 3)
    rows = store.quarantine()
    assert sorted(rows["reason"]) == ["binary file", "cannot decode", "empty document"]
    assert set(rows["path"].dropna()) == {"corpus/bad.txt", "corpus/empty.txt"}
    # Re-running refreshes the quarantine rows instead of piling them up.
    store.ingest(items)
    assert len(store.quarantine()) == 3


def test_same_id_other_content_is_quarantined(store: Store) -> None:
    store.ingest([dyad_record("a", "2024-01-01", "USA", "CHN")])
    other = record("a", [state("A1", "FRA")], [], content="different text")
    result = store.ingest([other])
    assert result.quarantined == 1
    assert "already stored with other content" in result.failures[0].reason
    assert _count(store, "documents") == 1


def test_unknown_item_type_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="expected an AnalysisRecord"):
        store.ingest([42])


def test_a_failing_write_leaves_nothing_of_the_document(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = write_module._insert

    def failing(conn: Any, table: str, rows: list[list[Any]]) -> None:
        real(conn, table, rows)
        if table == "events":
            raise ValueError("disk on fire")

    monkeypatch.setattr(write_module, "_insert", failing)
    result = store.ingest([dyad_record("a", "2024-01-01", "USA", "CHN", n=3)])
    assert result.quarantined == 1 and "disk on fire" in result.failures[0].reason
    for table in ("documents", "actors", "doc_actors", "mentions", "events", "event_actors"):
        assert _count(store, table) == 0, table
    monkeypatch.setattr(write_module, "_insert", real)
    result = store.ingest([dyad_record("a", "2024-01-01", "USA", "CHN", n=3)])
    assert result.added == 1 and _count(store, "events") == 3
    assert store.quarantine().empty  # a later success clears the document's quarantine


def test_person_learned_in_one_report_is_known_in_the_next(store: Store) -> None:
    first = record("r1", [person("A1", "Helena Varga", "USA", "GOV", "Secretary of State"),
                          state("A2", "CHN", "GOV")],
                   [event("E1", ["A1"], ["A2"], "REQUEST")])
    second = record("r2", [person("A1", "Varga", None), state("A2", "RUS", "GOV")],
                    [event("E1", ["A1"], ["A2"], "ACCUSE")])
    third = record("r3", [person("A1", "Helena Varga", None), state("A2", "IRN", "GOV")],
                   [event("E1", ["A1"], ["A2"], "ACCUSE")])
    store.ingest([first, second, third])
    people = store.actors(kind="person")
    assert list(people["name"]) == ["Helena Varga"]
    assert people.iloc[0]["country"] == "USA" and people.iloc[0]["documents"] == 3
    events = store.events(actor="Varga")
    assert [list(c) for c in events["source_countries"]] == [["USA"]] * 3
    assert [list(c) for c in events["source_sectors"]][1] == ["GOV"]


def test_a_stated_country_beats_a_later_guess_from_context(store: Store) -> None:
    from dataclasses import replace

    first = record("r1", [person("A1", "Omar Saleh", "YEM", "MIL", "Spokesman"),
                          state("A2", "ISR")], [event("E1", ["A1"], ["A2"], "THREATEN")])
    guessed = replace(person("A1", "Omar Saleh", "ISR", "MIL"),
                      reason="title 'Brigadier'; context: the sentence's country")
    second = record("r2", [guessed, state("A2", "ISR")],
                    [event("E1", ["A1"], ["A2"], "THREATEN")])
    stated = record("r3", [person("A1", "Omar Saleh", "OMN", "GOV"), state("A2", "ISR")],
                    [event("E1", ["A1"], ["A2"], "THREATEN")])
    store.ingest([first, second, stated])
    people = store.actors(kind="person")
    # the guess joins the stated person; a country stated in the text stays its own actor
    assert sorted(people["country"]) == ["OMN", "YEM"]
    yemeni = people[people["country"] == "YEM"].iloc[0]
    assert yemeni["documents"] == 2


def test_ambiguous_surname_is_not_resolved(store: Store) -> None:
    store.ingest([
        record("r1", [person("A1", "John Smith", "GBR"), person("A2", "Anna Smith", "USA")]),
        record("r2", [person("A1", "Smith", None)]),
    ])
    smiths = store.actors(kind="person")
    assert sorted(smiths["name"]) == ["Anna Smith", "John Smith", "Smith"]
    assert pd.isna(smiths.set_index("name").loc["Smith", "country"])


def test_unknown_country_person_is_filled_later(store: Store) -> None:
    store.ingest([
        record("r1", [person("A1", "Jane Doe", None), state("A2", "FRA")],
               [event("E1", ["A1"], ["A2"], "CONSULT")]),
        record("r2", [person("A1", "Jane Doe", "GBR", "GOV")]),
    ])
    people = store.actors(kind="person")
    assert len(people) == 1 and people.iloc[0]["country"] == "GBR"
    assert list(store.events(country="GBR")["doc_id"]) == ["r1"]


def test_same_state_in_many_documents_is_one_actor(store: Store) -> None:
    store.ingest([dyad_record(f"d{i}", "2024-01-01", "USA", "CHN") for i in range(3)])
    actors = store.actors()
    assert len(actors) == 2 and set(actors["documents"]) == {3}


def test_store_path_argument_env_and_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITROOM_DB", raising=False)
    assert resolve_path(None) == Path("sitroom.duckdb")
    monkeypatch.setenv("SITROOM_DB", str(tmp_path / "env.duckdb"))
    assert resolve_path(None) == tmp_path / "env.duckdb"
    assert resolve_path(tmp_path / "arg.duckdb") == tmp_path / "arg.duckdb"
    with open_store(read_only=False) as opened:
        assert opened.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()


def test_unopenable_stores_raise_store_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(junk, read_only=False)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "x.duckdb", read_only=False)
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "absent.duckdb", read_only=True)


def test_read_only_store_refuses_ingest(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    open_store(path, read_only=False).close()
    with open_store(path, read_only=True) as ro, pytest.raises(StoreError, match="read-only"):
        ro.ingest([dyad_record("a", "2024-01-01", "USA", "CHN")])


def _with_text(doc_id: str, text: str) -> AnalysisRecord:
    """A record analysed from ``text`` (its sha256 and length are the text's)."""
    rec = record(doc_id, [state("A1", "USA"), state("A2", "CHN")],
                 [event("E1", ["A1"], ["A2"], "REQUEST")], content=text)
    return replace(rec, document=replace(rec.document, length=len(text)))


def test_document_text_is_kept(store: Store) -> None:
    texts = {"t1": "Washington urged Beijing.", "t2": "Beijing answered Washington."}
    result = store.ingest([
        StoredDocument(_with_text("t1", texts["t1"]), texts["t1"]),
        StoredDocument(_with_text("t2", texts["t2"]), texts["t2"]),
        _with_text("t3", "A plain record: no text kept."),  # a bare record: no text
    ])
    assert (result.added, result.quarantined) == (3, 0)
    stored = dict(store.conn.execute("SELECT doc_id, text FROM documents").fetchall())
    assert stored == {**texts, "t3": None}
    assert "text" not in store.documents().columns
    assert list(store.documents(text=True)["text"])[:2] == [texts["t1"], texts["t2"]]
    # The dashboard reads the stored text (the record's path does not exist).
    assert document_text(store, "t1") == texts["t1"]
    assert document_text(store, "t3") is None and document_text(store, "nope") is None


def test_text_that_does_not_match_the_record_is_quarantined(store: Store) -> None:
    text = "Washington urged Beijing."
    result = store.ingest([
        StoredDocument(_with_text("short", text), text[:-1]),
        StoredDocument(_with_text("other", text), text.upper()),
    ])
    assert result.quarantined == 2 and result.added == 0
    reasons = [f.reason for f in result.failures]
    assert "has 24 characters, the record 25" in reasons[0]
    assert "does not match the record's sha256" in reasons[1]
    assert _count(store, "documents") == 0
    assert store.ingest([StoredDocument(_with_text("short", text), text)]).added == 1
    assert list(store.quarantine()["doc_id"]) == ["other"]  # cleared for the stored one


def test_renamed_person_frees_its_key_in_the_same_record(store: Store) -> None:
    """A stored person who learns a country and a fuller name gives up its old key,
    which a new actor of the same record may take (rows are written in that order)."""
    store.ingest([
        record("r0", [person("A1", "Deputy President", "FRA"),
                      person("A2", "Vice President", "USA")]),
        record("r1", [person("A1", "President", None)]),  # ambiguous surname: a new actor
    ])
    result = store.ingest([record("r2", [person("A1", "Federation president", "IRN"),
                                         person("A2", "President", None)])])
    assert result.added == 1, result.failures
    assert store.conn.execute("SELECT actor_id, key FROM actors ORDER BY actor_id").fetchall() == [
        (1, "person|deputy president|FRA"), (2, "person|vice president|USA"),
        (3, "person|federation president|IRN"), (4, "person|president|"),
    ]
    docs = store.conn.execute(
        "SELECT doc_id, local_id, actor_id FROM doc_actors ORDER BY doc_id, local_id"
    ).fetchall()
    assert docs[2:] == [("r1", "A1", 3), ("r2", "A1", 3), ("r2", "A2", 4)]


def test_actor_cache_is_reloaded_after_a_failed_write(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = write_module._insert

    def failing(conn: Any, table: str, rows: list[list[Any]]) -> None:
        if table == "events" and rows[0][1] == "bad":
            raise ValueError("disk on fire")
        real(conn, table, rows)

    monkeypatch.setattr(write_module, "_insert", failing)
    first = record("bad", [person("A1", "Jane Doe", None), state("A2", "FRA")],
                   [event("E1", ["A1"], ["A2"], "CONSULT")])
    second = record("good", [person("A1", "Jane Doe", "GBR"), state("A2", "FRA")],
                    [event("E1", ["A1"], ["A2"], "CONSULT")])
    result = store.ingest([first, second])
    assert (result.added, result.quarantined) == (1, 1)
    # The rolled-back "Jane Doe" (no country) left no trace the next record could match.
    assert store.conn.execute("SELECT name, country, first_doc FROM actors ORDER BY actor_id"
                              ).fetchall() == [("Jane Doe", "GBR", "good"),
                                               ("France", "FRA", "good")]
