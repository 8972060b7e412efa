"""Named bodies (party, union, committee, association…), misspelt country names and
irregular plurals: a per-rule table of own sentences, with negatives."""

from __future__ import annotations

import pytest
from actor_helpers import find as _find
from actor_helpers import run as _run

from sitroom.actors.resolve import _within_one_edit

# rule, sentence, a word of the actor's name, country (None: no actor with that word)
CASES = [
    # state.name.fuzzy: one edit from exactly one country name, capitalised, six letters+
    ("state.name.fuzzy", "Venezuala has recalled its ambassador.", "Venezuela", "VEN"),
    ("state.name.fuzzy", "Officials in Kazakstan denied the report.", "Kazakhstan", "KAZ"),
    # negatives: a person's name, a common word, a part of a longer name
    ("state.name.fuzzy", "Franco ruled for decades.", "Spain", None),
    ("state.name.fuzzy", "The Greene report was published.", "Greece", None),
    ("state.name.fuzzy", "The brazen attack shocked observers.", "Brazil", None),
    ("state.name.fuzzy", "Roland Barthes wrote about it.", "Poland", None),
    # negatives: a first letter changed is another word; a named region is no state
    ("state.name.fuzzy", "Winter came early across Siberia this year.", "Liberia", None),
    ("state.name.fuzzy", "Officials in Hazakhstan denied the report.", "Kazakhstan", None),
    # named bodies: party, union, committee, association
    ("organization.noun", "The Association of Coastal Fishermen filed a complaint.",
     "Association", "NGO"),
    ("organization.noun", "The Kenyan Union of Nurses called a strike.", "Union", "KEN"),
    ("organization.noun", "A Peruvian party rejected the plan.", "party", "PER"),
    # negatives: bare party/union/committee with nothing saying whose
    ("organization.noun", "Both parties signed the deal.", "parties", None),
    ("organization.noun", "The union of the two firms was approved.", "union", None),
    ("organization.noun", "He threw a party on Friday.", "party", None),
    # irregular plurals in -men
    ("group.noun", "Armed Somali militiamen seized the port.", "militiamen", "SOM"),
]


@pytest.mark.parametrize(("rule", "text", "word", "country"), CASES)
def test_rule_table(rule: str, text: str, word: str, country: str | None) -> None:
    actor = _find(_run(text), word)
    if country is None:
        assert actor is None, (rule, actor)
    else:
        assert actor is not None and actor.country == country, (rule, actor)


def test_named_party_is_an_opposition_organisation() -> None:
    actor = _find(_run("The Zarvic Party said it would boycott the vote."), "Party")
    assert actor is not None and (actor.kind, actor.sector) == ("organization", "OPP")


def test_fuzzy_rule_is_recorded() -> None:
    actor = _find(_run("Venezuala has recalled its ambassador."), "Venezuela")
    assert actor is not None and actor.rule == "state.name.fuzzy"


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [("quatar", "qatar", True), ("ethopia", "ethiopia", True), ("abcdef", "bacdef", True),
     ("canaan", "canada", False), ("poland", "poland", False), ("abcdef", "badcef", False)],
)
def test_within_one_edit(a: str, b: str, ok: bool) -> None:
    assert _within_one_edit(a, b) is ok
