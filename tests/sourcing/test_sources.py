"""Sources (kind, anonymity, dedupe) and attribution of events to sources."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.sourcing.conftest import index_for

from sitroom.actors.model import ActorIndex
from sitroom.sourcing.sources import attribution_for, distinct_sources, find_sources

ACTORS = {
    "Maria Keller": ("person", "DEU"),
    "Norway": ("state", "NOR"),
    "Chile": ("state", "CHL"),
}

SECTORED = {
    "Daily Courier": ("organization", "NOR", "MED"),
    "Lena Berg": ("person", "NOR", "EDU"),
    "Harbor Watch": ("organization", "NOR", "NGO"),
    "Tom Weiss": ("person", "CHL", "GOV"),
    "Norway": ("state", "NOR", None),
}

CASES = [
    # (text, source text contains, kind, anonymous)
    ("Maria Keller said Norway would send aid.", "Maria Keller", "official", False),
    (
        "A Norwegian defense official, who spoke on condition of anonymity, said the drills ended.",
        "defense official",
        "official",
        True,
    ),
    (
        "A diplomat, who asked not to be named, said Chile had recalled its envoy.",
        "diplomat",
        "official",
        True,
    ),
    (
        "According to Norwegian intelligence, the convoy crossed the border.",
        "intelligence",
        "intelligence",
        False,
    ),
    ("Experts say the sanctions will bite within months.", "Experts", "expert", False),
    ("Analysts warned that the currency could fall further.", "Analysts", "expert", False),
    ("Independent observers suggest the count was fair.", "observers", "observer", False),
    ("Reuters reported that Chile closed two ports.", "Reuters", "media", False),
    ("State media said the plant was repaired.", "State media", "media", False),
    (
        "According to a statement by the ministry, the plant was repaired.",
        "ministry",
        "official",
        False,
    ),
    ("Sources said Norway was preparing new measures.", "Sources", "unnamed", True),
]


@pytest.mark.parametrize(("text", "contains", "kind", "anonymous"), CASES)
def test_source(parse, text, contains, kind, anonymous):  # type: ignore[no-untyped-def]
    doc = parse(text)
    sources = distinct_sources(find_sources(doc, index_for(doc, ACTORS)))
    hits = [s for s in sources if contains in s.text]
    assert hits, sources
    assert hits[0].kind == kind
    assert hits[0].anonymous is anonymous


SECTOR_CASES = [
    # (text, source text contains, kind, anonymous): the kind follows the actor's sector
    ("The Daily Courier said Norway closed two ports.", "Daily Courier", "media", False),
    ("Lena Berg said the sanctions would bite.", "Lena Berg", "expert", False),
    ("Harbor Watch said the count was fair.", "Harbor Watch", "observer", False),
    ("Tom Weiss said Norway would send aid.", "Tom Weiss", "official", False),
    (
        "The Daily Courier reported, citing anonymous sources, that Norway closed ports.",
        "sources",
        "unnamed",
        True,
    ),
]


def _sectored_index(doc):  # type: ignore[no-untyped-def]
    base = index_for(doc, {k: (v[0], v[1]) for k, v in SECTORED.items()})
    sectors = {name: v[2] for name, v in SECTORED.items()}
    actors = tuple(replace(a, sector=sectors.get(a.name)) for a in base.actors)
    return ActorIndex.build(actors, tuple(base.mentions))


@pytest.mark.parametrize(("text", "contains", "kind", "anonymous"), SECTOR_CASES)
def test_source_kind_from_sector(parse, text, contains, kind, anonymous):  # type: ignore[no-untyped-def]
    doc = parse(text)
    sources = distinct_sources(find_sources(doc, _sectored_index(doc)))
    hits = [s for s in sources if contains in s.text]
    assert hits, sources
    assert hits[0].kind == kind
    assert hits[0].anonymous is anonymous


NO_SOURCE = [
    "The alleged bribes were paid to Norway in May.",
    "The oldest myth being repeated by the government is that the war is over.",
    "Norway sent two ships to the strait.",
    "The ministry repaired the plant in May.",
    "Chile requested that Norway release the prisoners.",
]


@pytest.mark.parametrize("text", NO_SOURCE)
def test_no_source(parse, text):  # type: ignore[no-untyped-def]
    doc = parse(text)
    assert find_sources(doc, index_for(doc, ACTORS)) == []


def test_same_person_is_one_source(parse):  # type: ignore[no-untyped-def]
    text = (
        'Maria Keller said the talks were useful. "We will meet again," she said. '
        "Keller added that Chile had agreed."
    )
    doc = parse(text)
    actors = index_for(doc, {"Maria Keller": ("person", "DEU"), "Keller": ("person", "DEU")})
    # Keller is another surface of the same person here: merge by giving one id
    findings = find_sources(doc, actors)
    ids = {f.source.actor for f in findings}
    assert len(distinct_sources(findings)) == len(ids)
    assert len(findings) >= 2


def test_attribution(parse):  # type: ignore[no-untyped-def]
    text = (
        "Norway sent two ships to the strait. "
        "According to Chilean intelligence, Norway also deployed a submarine."
    )
    doc = parse(text)
    findings = find_sources(doc, index_for(doc, ACTORS))
    sents = list(doc.sents)
    sent_ships = sents[0]
    sent_sub = sents[1]
    sent_trigger = next(t for t in sent_ships if t.lower_ == "sent")
    deploy_trigger = next(t for t in sent_sub if t.lower_ == "deployed")
    assert attribution_for(0, sent_trigger.i, findings) is None
    source_id = attribution_for(1, deploy_trigger.i, findings)
    assert source_id is not None
    source = next(f.source for f in findings if f.source.id == source_id)
    assert "intelligence" in source.text
