"""Relations from explicit statements, over the real actor stage: backing in a relative
clause, a one-state civil war, and rows where nothing may be found (a list of countries is
no alliance)."""

from __future__ import annotations

import pytest

from sitroom.actors.resolve import find_actors
from sitroom.sourcing.relations import find_relations


def _relations(nlp, text):
    doc = nlp(text)
    actors = find_actors(doc)
    out = set()
    for rel in find_relations(doc, actors):
        a, b = actors.actor(rel.a), actors.actor(rel.b)
        out.add((a.country, b.country, rel.type))
    return out


CASES = [
    ("The war between Armenia and Azerbaijan resumed in the autumn.", {("ARM", "AZE", "conflict")}),
    ("Russia's ally Belarus hosted the drills.", {("RUS", "BLR", "alliance")}),
    ("The territorial dispute between Guyana and Venezuela flared again.",
     {("GUY", "VEN", "conflict")}),
    ("The Houthis, which Iran backs, fired missiles at ships.", {("IRN", "YEM", "influence")}),
    ("Iran, which backs the Houthis, denied the claim.", {("IRN", "YEM", "influence")}),
    ("The Iran-backed Houthis fired missiles.", {("IRN", "YEM", "influence")}),
    ("Yemen has been experiencing civil war since 2014.", {("YEM", "YEM", "conflict")}),
    ("Yemen's civil war has killed thousands.", {("YEM", "YEM", "conflict")}),
    # negative rows: co-occurrence, a backed plan, a war condemned from outside
    ("Kenya, Uganda and Tanzania sent delegates to the summit.", set()),
    ("Kenya and Uganda played a friendly match.", set()),
    ("The plan, which Kenya backs, failed.", set()),
    ("Kenya condemned the civil war.", set()),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_relation_patterns(nlp, text, want):
    assert _relations(nlp, text) == want
