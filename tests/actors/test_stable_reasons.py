"""Reasons and counts that must not depend on chance or on a number word's size.

A group that takes the country of a one-country sentence quotes the first place the
sentence names (before the fix it quoted whichever place a hash-ordered set gave first,
which changed with ``PYTHONHASHSEED``). A lone number word counts a group only up to
"thousand": "a million people" is a size, not a count.
"""

from __future__ import annotations

import pytest
from actor_helpers import find as _find
from actor_helpers import run as _run

# sentence, a word of the group's name, the place its reason must quote
FIRST_PLACE = [
    ("Protesters marched through Houston, Texas, and Dallas on Saturday.", "Protesters",
     "Houston"),
    ("Protesters marched through Dallas, Texas, and Houston on Saturday.", "Protesters",
     "Dallas"),
]


@pytest.mark.parametrize(("text", "word", "place"), FIRST_PLACE)
def test_domestic_reason_quotes_the_first_place(text: str, word: str, place: str) -> None:
    actor = _find(_run(text), word)
    assert actor is not None and actor.country == "USA", actor
    assert actor.reason.endswith(f"context.domestic: the sentence is about '{place}'"), actor


# sentence, a word of the group's name, the count it must have
COUNTS = [
    ("About 200 soldiers crossed the border.", "soldiers", 200),
    ("A dozen protesters were arrested in Lima.", "protesters", 12),
    ("A thousand protesters marched in Lima.", "protesters", 1000),
    ("A million people marched in Paris.", "people", None),
]


@pytest.mark.parametrize(("text", "word", "count"), COUNTS)
def test_group_count(text: str, word: str, count: int | None) -> None:
    actor = _find(_run(text), word)
    assert actor is not None, _run(text).actors
    assert actor.count == count, actor
