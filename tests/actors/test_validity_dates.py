"""Dated knowledge: an armed group or office matches only on days it held (the document's
published date); an undated document matches every entry."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest
from tests.actors.actor_helpers import nlp

from sitroom.actors.knowledge import valid_on
from sitroom.actors.model import ActorIndex
from sitroom.actors.resolve import find_actors


@lru_cache(maxsize=32)
def _run(text: str, published: str | None) -> ActorIndex:
    day = dt.date.fromisoformat(published) if published else None
    return find_actors(nlp()(text), published=day)


def _country(index: ActorIndex, word: str) -> str | None:
    found = [a for a in index.actors if any(word in m.text for m in a.mentions)]
    return found[0].country if found else None


# text, a word of the name, published date, the country it must get (None: no match)
DATED = [
    # a group dissolved in mid-2024: known before, unknown after
    ("Jemaah Islamiyah claimed the attack.", "Jemaah", "2019-05-02", "IDN"),
    ("Jemaah Islamiyah claimed the attack.", "Jemaah", "2025-02-01", None),
    # a group founded in 2015 is no actor of a 2010 report
    ("Islamic State West Africa Province attacked a base.", "West Africa", "2021-03-01", "NGA"),
    ("Islamic State West Africa Province attacked a base.", "West Africa", "2010-03-01", None),
    # a seat that lost its role: a place, not the government, after that day
    ("Los Pinos said the talks would go on.", "Los Pinos", "2012-07-01", "MEX"),
    ("Los Pinos said the talks would go on.", "Los Pinos", "2020-07-01", None),
    # an undated document: every entry holds (the negative row of the date rule)
    ("Jemaah Islamiyah claimed the attack.", "Jemaah", None, "IDN"),
]


@pytest.mark.parametrize(("text", "word", "published", "country"), DATED)
def test_an_entry_holds_only_on_its_days(text, word, published, country):
    assert _country(_run(text, published), word) == country


# valid_from, valid_to, day, holds
PRECISION = [
    ("2015", None, "2015-01-01", True),    # a year holds from its first day
    ("2015", None, "2014-12-31", False),
    ("1993", "2024-06-30", "2024-06-30", True),  # the last day still holds
    ("1993", "2024-06-30", "2024-07-01", False),
    ("1969", "2005", "2005-12-31", True),  # a year end holds the whole year
    ("1969", "2005", "2006-01-01", False),
    ("2022-05-10", None, None, True),      # no day: holds
]


@pytest.mark.parametrize(("start", "end", "day", "holds"), PRECISION)
def test_dates_compare_at_their_own_precision(start, end, day, holds):
    assert valid_on(start, end, day) is holds


# published date of the document, the country the group gets through the whole pipeline
PIPELINE = [("2019-05-02", "IDN"), ("2025-02-01", None)]


@pytest.mark.parametrize(("published", "country"), PIPELINE)
def test_the_pipeline_passes_the_published_date(published, country):
    from sitroom.api import analyze

    record = analyze("Jemaah Islamiyah claimed the attack.", published=published)
    found = [a for a in record.actors if any("Jemaah" in m.text for m in a.mentions)]
    assert (found[0].country if found else None) == country
