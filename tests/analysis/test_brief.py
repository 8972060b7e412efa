"""The brief: deterministic Markdown, every statement cited, read as an analyst would."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from store_factory import dyad_record, event, person, record, scenario, state

from sitroom.analysis.brief import brief
from sitroom.api import Store
from sitroom.record import AnalysisRecord, Location, Quote, Source

CITE = re.compile(r"\[([\w-]+) (§\d+|@\d+)\]")


def _section(text: str, title: str) -> str:
    return text.split(f"## {title}\n")[1].split("\n## ")[0].strip("\n")


def test_brief_sections_and_citations(store: Store) -> None:
    store.ingest(scenario())
    text = store.brief()
    for heading in ("# Situation brief", "## Main developments", "## Who is pressing whom",
                    "## Contested and unverified", "## Quotes", "## Escalation signals",
                    "## What is expected or feared", "## Documents"):
        assert heading in text
    body, docs = text.split("## Documents")
    for line in body.splitlines():
        if line.startswith("- "):
            assert CITE.search(line), line
    cited = {m.group(1) for m in CITE.finditer(body)}
    assert cited == {"d1", "d2", "d3"}
    for doc_id in cited:
        assert f"- [{doc_id}] " in docs
    # a URL with white space in it is no link: the path stands in
    assert "- [d2] Russian forces shell Kharkiv (2024-11-05) — corpus/d2.txt" in docs
    assert "Helena Varga (USA) REQUEST Beijing (CHN) (1×) [d1 §1]" in text
    assert "- Helena Varga (USA) — “We will not stand by” [d1 §1]" in text
    expected = _section(text, "What is expected or feared")
    assert ("- expected, 2024-11-05 — Russian forces (RUS) → Ukraine: “will strike” "
            "(THREATEN, 138, Goldstein −7) [d2 §2]") in expected
    assert "possible or feared" in expected and "demanded" in expected
    claims = _section(text, "Contested and unverified")
    assert ("- 2024-11-04 — Russian forces (RUS) shelled Ukraine near Kharkiv "
            "(ASSAULT, 190, Goldstein −10): **alleged**, according to U.S. intelligence "
            "officials (intelligence, **anonymous**, **intelligence source**) [d2 §1]") in claims


def test_main_developments_group_reports_and_favour_resolved_dyads(store: Store) -> None:
    def strike(doc_id: str, sentence: int, *, cameo: str = "190") -> AnalysisRecord:
        return record(
            doc_id,
            [state("A1", "USA", None, "United States"), state("A2", "GBR", None, "United Kingdom"),
             state("A3", "YEM", "REB", "Houthis")],
            [event("E1", ["A1", "A2"], ["A3"], "ASSAULT", cameo=cameo, goldstein=-9.0,
                   sentence=sentence, trigger="struck",
                   location=Location("in Yemen", "YEM", 0, 8))],
            published="2024-01-12",
        )

    unresolved = record(  # a stronger event whose target is no actor
        "u1", [state("A1", "YEM", "REB", "Houthis")],
        [event("E1", ["A1"], ["X9"], "ASSAULT", goldstein=-10.0, trigger="attacked")],
        published="2024-01-11",
    )
    statement = record(
        "s1", [state("A1", "USA", None, "United States"), state("A2", "CHN", None, "China")],
        [event("E1", ["A1"], ["A2"], "CONSULT", cameo="010", goldstein=0.0, trigger="said")],
        published="2024-01-10",
    )
    store.ingest([strike("r1", 1), strike("r2", 3, cameo="193"), unresolved, statement])
    # The unresolved strike is stronger (−10 against −9) but a resolved dyad comes first.
    section = _section(brief(store, top=1), "Main developments")
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert lines[0] == (
        "- 2024-01-12 — United States and United Kingdom struck Houthis (YEM) in Yemen "
        "(ASSAULT, 19x, Goldstein −9, 2 reports) — single source: news.example [r1 §1] [r2 §3]"
    )
    # Pairs list resolved dyads only, statements left out.
    assert ("- United States and United Kingdom → Houthis (YEM): 2 events (ASSAULT), "
            "Goldstein sum −18 [r1 §1] [r2 §3]") in section
    assert "unnamed actor" not in section and "China" not in section
    full = _section(store.brief(), "Main developments")
    assert "[u1 §0]" not in section
    # With room for more, the one-sided event follows, ranked by importance.
    assert full.splitlines()[:2] == [
        lines[0],
        "- 2024-01-11 — Houthis (YEM) attacked (ASSAULT, 190, Goldstein −10) — single "
        "source: news.example [u1 §0]",
    ]


def test_nouns_as_triggers_read_through_the_plover_type(store: Store) -> None:
    store.ingest([record(
        "n1", [state("A1", "ISR", None, "Israel"), state("A2", "IRN", None, "Iran")],
        [event("E1", ["A1"], ["A2"], "ASSAULT", trigger="strikes")], published="2024-04-19",
    )])
    assert ("- 2024-04-19 — Israel attacked Iran (“strikes”) (ASSAULT, 190, Goldstein −10) "
            "— single source: news.example [n1 §0]") in store.brief()


def test_pressure_without_a_named_target_is_one_compact_line(store: Store) -> None:
    store.ingest([record(
        "p1", [state("A1", "CHN", None, "China"), state("A2", "USA", None, "United States")],
        [event("E1", ["A1"], [], "REQUEST", sentence=0, trigger="urged"),
         event("E2", ["A1"], ["Z1"], "REQUEST", sentence=1, trigger="called"),
         event("E3", ["A2"], ["A1"], "ACCUSE", sentence=2, trigger="accused")],
    )])
    section = _section(store.brief(), "Who is pressing whom")
    assert section.splitlines()[0] == "- United States ACCUSE China (1×) [p1 §2]"
    assert "- No named target: China REQUEST 2× [p1 §0]" in section
    assert "unnamed actor" not in section


def test_claims_leave_out_statements_and_flag_sources(store: Store) -> None:
    actors = [state("A1", "USA", "GOV", "Washington"), state("A2", "IRN", None, "Iran")]
    store.ingest([record(
        "c1", actors,
        [event("E1", ["A1"], ["A2"], "ACCUSE", cameo="010", goldstein=0.0, trigger="said",
               attribution="S1", certainty="reported"),
         event("E2", ["A2"], ["A1"], "AID", sentence=1, trigger="supplied",
               attribution="S1", certainty="reported")],
        sources=[Source("S1", "officials", None, True, "official", "according to", 0, 9)],
    )])
    claims = _section(store.brief(), "Contested and unverified")
    assert "[c1 §0]" not in claims  # the plain statement
    assert ("- 2024-11-01 — Iran supplied Washington (USA) (AID, 070, Goldstein +7): "
            "**reported**, according to officials (official, **anonymous**) [c1 §1]") in claims


def test_quotes_best_first_one_document_at_a_time(store: Store) -> None:
    speaker = [person("A1", "Jane Doe", "GBR", "GOV")]
    store.ingest([
        record("q1", speaker, quotes=[
            Quote("Q1", "a fragment", 0, 10, "A1", "she", "said", "partial"),
            Quote("Q2", "We will keep the sea lanes open,", 20, 52, "A1", "she", "said"),
            Quote("Q3", "Nobody wants a wider war here.", 60, 90, "A1", "she", "said"),
        ]),
        record("q2", speaker, quotes=[
            Quote("Q1", "The talks go on tomorrow morning.", 0, 33, None, None, "said"),
        ], published="2024-11-02"),
    ])
    quotes = _section(brief(store, top=1), "Quotes").splitlines()
    assert quotes == ["- Jane Doe (GBR) — “We will keep the sea lanes open” [q1 @20]",
                      "- Jane Doe (GBR) — “Nobody wants a wider war here.” [q1 @60]"]


def test_brief_is_deterministic_and_filters(store: Store) -> None:
    store.ingest(scenario())
    assert brief(store) == brief(store)
    russia = store.brief(actor="RUS")
    assert "Beijing" not in russia.split("## Documents")[0]
    assert "[d2 §1]" in russia
    later = store.brief(since="2024-11-04")
    assert "[d1 §" not in later


def test_brief_reports_escalation(store: Store) -> None:
    quiet = [dyad_record(f"q{i}", f"2024-01-{i + 1:02d}", "USA", "CHN", "CONSULT")
             for i in range(20)]
    store.ingest([*quiet, dyad_record("spike", "2024-01-21", "CHN", "USA", "THREATEN", n=3)])
    section = _section(store.brief(), "Escalation signals")
    assert section == (
        "- 2024-01-21 — CHN–USA: conflict score 21 against a 14-day baseline of 0.0 "
        "(threshold 2.0); strongest: China (CHN) urged United States (USA) "
        "(THREATEN, 138, Goldstein −7) [spike §0] [spike §1] [spike §2]"
    )


def test_empty_store_brief(store: Store) -> None:
    text = store.brief()
    assert "0 events stated as fact" in text and "_Nothing in the store for this scope._" in text


@pytest.mark.parametrize(("url", "carrier"), [
    (None, "single source: (no outlet)"),  # no URL: no outlet name, not the document id
    ("https://www.wire.example/a", "single source: wire.example"),  # negative: the host
])
def test_a_report_in_its_own_voice_names_its_outlet_or_none(store: Store, url: str | None,
                                                            carrier: str) -> None:
    rec = record("bare-1", [state("A1", "USA"), state("A2", "CHN")],
                 [event("E1", ["A1"], ["A2"], "SANCTION", trigger="sanctioned")],
                 published="2024-02-01")
    store.ingest([replace(rec, document=replace(rec.document, url=url))])
    line = _section(store.brief(), "Main developments").splitlines()[0]
    assert carrier in line
    assert "source: bare-1" not in line and "by bare-1" not in line
