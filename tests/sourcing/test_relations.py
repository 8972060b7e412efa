"""Standing relations between actors."""

from __future__ import annotations

import pytest
from tests.sourcing.conftest import index_for

from sitroom.sourcing.relations import find_relations

ACTORS = {
    "Norway": ("state", "NOR"),
    "Chile": ("state", "CHL"),
    "Peru": ("state", "PER"),
    "Kenya": ("state", "KEN"),
    "militias": ("group", None),
}

CASES = [
    # (text, expected {(a, b, type)})
    (
        "For decades Norway has kept a close partnership with Chile and Peru.",
        {("Norway", "Chile", "partnership"), ("Norway", "Peru", "partnership")},
    ),
    ("Norway is still a firm ally of Chile.", {("Norway", "Chile", "alliance")}),
    ("Norway is allied with Chile.", {("Norway", "Chile", "alliance")}),
    ("The conflict between Chile and Peru has deepened.", {("Chile", "Peru", "conflict")}),
    ("Chile is at war with Peru.", {("Chile", "Peru", "conflict")}),
    (
        "Norway has built what its leaders call a \u201cstrategic partnership\u201d with Kenya.",
        {("Norway", "Kenya", "partnership")},
    ),
    (
        "Kenya urged Norway to use its influence over both Chile and Peru.",
        {("Norway", "Chile", "influence"), ("Norway", "Peru", "influence")},
    ),
    ("Peru has long been a rival of Chile.", {("Peru", "Chile", "rivalry")}),
    ("Kenya signed a trade deal with Peru.", set()),
    # alignment, critics, possessive and apposed relation nouns
    ("The plan is closely aligned with the goals of Kenya.", set()),
    ("Peru is closely aligned with Kenya.", {("Peru", "Kenya", "alliance")}),
    ("Kenya has long been a vocal critic of Norway.", {("Kenya", "Norway", "rivalry")}),
    ("Kenya's ally Peru sent two ships.", {("Kenya", "Peru", "alliance")}),
    ("Peru, a close partner of Chile, sent two ships.", {("Peru", "Chile", "partnership")}),
    ("Chile and Peru, longtime rivals, met in Lima.", {("Chile", "Peru", "rivalry")}),
    ("Chile and Peru are allies.", {("Chile", "Peru", "alliance")}),
    ("Kenya's war against Norway entered its third year.", {("Kenya", "Norway", "conflict")}),
    ("Hostilities between Chile and Peru resumed.", {("Chile", "Peru", "conflict")}),
    # one-party (internal) conflicts: a == b
    ("Talks aim to end the conflict within Kenya.", {("Kenya", "Kenya", "conflict")}),
    ("The civil war in Peru has lasted a decade.", {("Peru", "Peru", "conflict")}),
    (
        "Kenya held elections. Talks aim to end the fighting within the country.",
        {("Kenya", "Kenya", "conflict")},
    ),
    ("The war in Peru has displaced thousands.", set()),
    ("Norway sent observers to the elections in Peru.", set()),
    # backing: influence of the patron over the client
    ("Kenya-backed militias attacked Peru.", {("Kenya", "militias", "influence")}),
    ("The militias, backed by Kenya, attacked Peru.", {("Kenya", "militias", "influence")}),
    ("The resolution, backed by Kenya, passed.", set()),
    ("The resolution was recognized by Kenya.", set()),
    ("The partnership talks were postponed.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_relations(parse, text, expected):  # type: ignore[no-untyped-def]
    doc = parse(text)
    actors = index_for(doc, ACTORS)
    names = {a.id: a.name for a in actors.actors}
    got = set()
    for r in find_relations(doc, actors):
        assert doc.text[r.start : r.end] == r.text
        got.add((names[r.a], names[r.b], r.type))
    symmetric = {(b, a, t) for a, b, t in expected if t != "influence"}
    assert got <= expected | symmetric
    for a, b, t in expected:
        assert (a, b, t) in got or (t != "influence" and (b, a, t) in got), got
