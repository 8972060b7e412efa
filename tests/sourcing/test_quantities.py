"""Quantities: counts, approximations, money, percentages; years, dates, ages are not."""

from __future__ import annotations

import pytest

from sitroom.sourcing.quantities import find_quantities, parse_number, quantities_for

CASES = [
    # (text, value, approximate, unit)
    ("Around 8,000 soldiers crossed the river.", 8000, True, "soldier"),
    ("Thousands of soldiers crossed the river.", None, True, "soldier"),
    ("The ministry expelled three senior diplomats.", 3, False, "diplomat"),
    ("At least 40 people died in the fire.", 40, True, "people"),
    ("More than 1,200 protesters were detained.", 1200, True, "protester"),
    ("The city has 1.5 million residents.", 1500000, False, "resident"),
    ("The bank pledged $2 billion in loans.", 2000000000, False, "USD"),
    ("Turnout fell to 45 percent.", 45, False, "percent"),
    ("Turnout fell to 45% this year.", 45, False, "percent"),
    ("The attack killed twelve and wounded twenty.", 12, False, "killed"),
    ("Dozens of villagers fled.", None, True, "villager"),
]


@pytest.mark.parametrize(("text", "value", "approximate", "unit"), CASES)
def test_quantity(parse, text, value, approximate, unit):  # type: ignore[no-untyped-def]
    doc = parse(text)
    found = [f.quantity for f in find_quantities(doc)]
    assert found, text
    quantity = found[0]
    assert quantity.value == value
    assert quantity.approximate is approximate
    assert quantity.unit == unit
    assert doc.text[quantity.start : quantity.end] == quantity.text  # type: ignore[index]


NOT_QUANTITIES = [
    "The treaty was signed in 2019.",
    "The talks resumed on December 31.",
    "The talks began at 9 a.m. on Monday.",
    "It was the first visit by a minister.",
    "The 45-year-old minister resigned.",
    "The minister, aged 61, resigned.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(parse, text):  # type: ignore[no-untyped-def]
    assert find_quantities(parse(text)) == []


def test_quantities_for_event(parse):  # type: ignore[no-untyped-def]
    doc = parse("Around 8,000 soldiers are stationed near the border, and 12 people were killed.")
    stationed = next(t for t in doc if t.text == "stationed")
    killed = next(t for t in doc if t.text == "killed")
    assert [q.value for q in quantities_for([stationed])] == [8000]
    assert [q.value for q in quantities_for([killed])] == [12]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["three"], 3),
        (["8,000"], 8000),
        (["1.5", "million"], 1500000),
        (["two", "hundred"], 200),
        (["twenty-five"], 25),
        (["banana"], None),
    ],
)
def test_parse_number(words, value):  # type: ignore[no-untyped-def]
    assert parse_number(words) == value
