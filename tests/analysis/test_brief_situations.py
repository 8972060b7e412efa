"""The brief over one strike told by four outlets: listed once, as contested, with its
sources; nothing denied is stated as fact."""

from __future__ import annotations

from strike_corpus import strike_records

from sitroom.api import Store


def _section(text: str, title: str) -> str:
    return text.split(f"## {title}\n")[1].split("\n## ")[0]


def test_the_strike_is_listed_once_as_contested_with_its_sources(store: Store) -> None:
    store.ingest(strike_records())
    text = store.brief()
    disputed = _section(text, "Contested and unverified")
    depot = [line for line in text.splitlines() if "Port Vell" in line and "struck" in line]
    assert len(depot) == 1, depot
    assert depot[0] in disputed
    assert ("**contested**: claimed by harbour-times.example, residents, Sweden's defence "
            "ministry; denied by Norway's defence ministry (4 reports)") in depot[0]
    for cite in ("[harbour-1 §0]", "[coast-1 §0]", "[ledger-1 §0]", "[north-1 §0]"):
        assert cite in depot[0]
    main = _section(text, "Main developments")
    assert "Port Vell" not in main  # contested: not a fact
    assert "Cape Morrow" in main  # the other strike that day, in the outlet's own voice


def test_claims_that_are_not_corroborated_stay_out_of_main_developments(store: Store) -> None:
    store.ingest(strike_records())
    main = _section(store.brief(), "Main developments").split("Most active pairs")[0]
    assert "Amaro" not in main  # one ministry's word only
    assert "Amaro" in _section(store.brief(), "Contested and unverified")
