"""Round trip: any AnalysisRecord written to the store reads back equal."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.api import open_store
from sitroom.record import (
    Actor,
    AnalysisRecord,
    DocumentInfo,
    Event,
    Location,
    Quantity,
    Quote,
    Relation,
    SentenceRef,
    Source,
    Span,
)

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=12)
opt_text = st.none() | text
offset = st.integers(0, 10_000)
span = st.builds(Span, offset, offset, text)
country = st.none() | st.sampled_from(["USA", "CHN", "RUS", "IGO", "UKR"])
iso_day = st.dates().map(lambda d: d.isoformat())
day = st.none() | iso_day | text


@st.composite
def records(draw: st.DrawFn) -> AnalysisRecord:
    n_actors = draw(st.integers(0, 4))
    ids = [f"A{i + 1}" for i in range(n_actors)]
    actors = tuple(
        Actor(
            id=aid, name=draw(text), kind=draw(st.sampled_from(
                ["person", "state", "organization", "group", "igo", "nonstate"])),
            country=draw(country), sector=draw(st.none() | st.sampled_from(["GOV", "MIL"])),
            code=draw(opt_text), title=draw(opt_text), count=draw(st.none() | st.integers(0, 9)),
            mentions=tuple(draw(st.lists(span, max_size=3))), rule=draw(opt_text),
            reason=draw(opt_text), lexicon=draw(opt_text),
        )
        for aid in ids
    )
    local = st.sampled_from(ids) if ids else st.nothing()
    locals_ = st.lists(local, max_size=2) if ids else st.just([])
    maybe_local = (st.none() | local) if ids else st.none()
    quantity = st.builds(Quantity, st.none() | st.integers(-10**6, 10**6)
                         | st.floats(-1e6, 1e6, allow_nan=False), st.booleans(), opt_text,
                         text, st.none() | offset, st.none() | offset)
    events = tuple(
        Event(
            id=f"E{i + 1}",
            source=tuple(draw(locals_)),
            target=tuple(draw(locals_)),
            plover=draw(st.none() | st.sampled_from(["ACCUSE", "AID", "ASSAULT"])),
            plover_mode=draw(opt_text),
            cameo=draw(st.from_regex(r"\A[0-2][0-9]{1,3}\Z")),
            goldstein=draw(st.floats(-10, 10, allow_nan=False)),
            quad_class=draw(st.integers(1, 4)),
            trigger=draw(span),
            sentence=draw(st.builds(SentenceRef, st.integers(0, 50), offset, offset)),
            polarity=draw(st.sampled_from(["positive", "negative"])),
            modality=draw(st.sampled_from(["actual", "future", "hypothetical", "requested"])),
            certainty=draw(st.sampled_from(["confirmed", "reported", "alleged", "uncertain"])),
            attribution=draw(st.none() | st.just("S1")),
            quantities=tuple(draw(st.lists(quantity, max_size=2))),
            location=draw(st.none() | st.builds(Location, text, country,
                                                st.none() | offset, st.none() | offset)),
            date=draw(day), parent=draw(opt_text), rule=draw(opt_text),
            lexicon=draw(opt_text), cues=tuple(draw(st.lists(span, max_size=2))),
        )
        for i in range(draw(st.integers(0, 4)))
    )
    quotes = tuple(
        Quote(f"Q{i}", draw(text), draw(offset), draw(offset), draw(maybe_local),
              draw(opt_text), draw(opt_text), draw(st.sampled_from(["direct", "partial"])),
              draw(opt_text))
        for i in range(draw(st.integers(0, 2)))
    )
    sources = tuple(
        Source(f"S{i + 1}", draw(text), draw(maybe_local), draw(st.booleans()),
               draw(st.sampled_from(["official", "intelligence", "unnamed"])), draw(opt_text),
               draw(st.none() | offset), draw(st.none() | offset), draw(opt_text))
        for i in range(draw(st.integers(0, 2)))
    )
    relations = tuple(
        Relation(draw(local), draw(local), draw(st.sampled_from(["alliance", "rivalry"])),
                 draw(text), draw(offset), draw(offset), draw(opt_text),
                 draw(st.sampled_from(["confirmed", "reported", "alleged", "uncertain"])))
        for _ in range(draw(st.integers(0, 2) if ids else st.just(0)))
    )
    document = DocumentInfo(
        id=draw(st.text(min_size=1, max_size=10).filter(lambda s: "\x00" not in s
                                                          and s.isprintable())),
        path=draw(opt_text), title=draw(opt_text), published=draw(day),
        dateline=draw(opt_text), language=draw(st.sampled_from(["en", "fr"])),
        url=draw(opt_text), sha256=draw(st.none() | st.just("f" * 64)),
        length=draw(st.integers(0, 10**6)),
    )
    return AnalysisRecord(document, actors, events, quotes, sources, relations,
                          errors=tuple(draw(st.lists(text, max_size=2))))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_record_round_trips_through_the_store(rec: AnalysisRecord) -> None:
    with open_store(":memory:", read_only=False) as store:
        result = store.ingest([rec])
        assert result.added == 1, result.failures
        back = store.record(rec.document.id)
        assert back == rec
        events = store.events_arrow(doc_id=rec.document.id, include_all=True).to_pylist()
        by_id = {e.id: e for e in rec.events}
        assert sorted(row["event_id"] for row in events) == sorted(by_id)
        actors = {a.id: a for a in rec.actors}
        for row in events:
            event = by_id[row["event_id"]]
            assert row["cameo"] == event.cameo and row["goldstein"] == event.goldstein
            assert row["quad_class"] == event.quad_class
            assert row["modality"] == event.modality and row["certainty"] == event.certainty
            assert row["trigger_start"] == event.trigger.start
            assert row["sentence_index"] == event.sentence.index
            # countries are the record's own, except that a person without one may be
            # resolved to a namesake in the same record that has one
            for role, ids in (("source", event.source), ("target", event.target)):
                got = row[f"{role}_countries"] or []
                assert len(got) == len(ids)
                for local, country in zip(ids, got, strict=True):
                    actor = actors[local]
                    if not (actor.kind == "person" and actor.country is None):
                        assert country == actor.country
        assert store.ingest([rec]).skipped == 1


def test_record_without_hash_gets_one() -> None:
    rec = AnalysisRecord(DocumentInfo(id="x"))
    with open_store(":memory:", read_only=False) as store:
        store.ingest([rec])
        assert store.record("x") == rec
        assert dataclasses.replace(rec).document.sha256 is None
        assert len(store.known_hashes()) == 1
