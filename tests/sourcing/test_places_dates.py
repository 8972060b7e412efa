"""Places of events and dates resolved against the published date."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.sourcing.dates import date_for, resolve_date_text
from sitroom.sourcing.places import country_of_place, location_for

PLACES = [
    # (text, trigger, location text contains, country)
    (
        "Troops are stationed in Poland, near the Belarusian border.",
        "stationed",
        "in Poland",
        "POL",
    ),
    ("The minister was arrested at Baghdad International Airport.", "arrested", "Baghdad", "IRQ"),
    ("A drone struck a tanker off the coast of Yemen.", "struck", "Yemen", "YEM"),
    ("Protesters gathered outside the embassy in Nairobi.", "gathered", "Nairobi", "KEN"),
]


@pytest.mark.parametrize(("text", "word", "contains", "country"), PLACES)
def test_location(parse, text, word, contains, country):  # type: ignore[no-untyped-def]
    doc = parse(text)
    trigger = next(t for t in doc if t.text == word)
    location = location_for(trigger)
    assert location is not None
    assert contains in location.text
    assert location.country == country
    assert doc.text[location.start : location.end] == location.text  # type: ignore[index]


NO_PLACE = [
    ("The minister resigned on Monday.", "resigned"),
    ("Norway sent aid to the victims in May.", "sent"),
]


@pytest.mark.parametrize(("text", "word"), NO_PLACE)
def test_no_location(parse, text, word):  # type: ignore[no-untyped-def]
    doc = parse(text)
    assert location_for(next(t for t in doc if t.text == word)) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RUS"),
        ("North Korea", "PRK"),
        ("Baghdad", "IRQ"),
        ("Niger", "NER"),
        ("Ukrainian", "UKR"),
        ("the United States", "USA"),
        ("Atlantis", None),
    ],
)
def test_country_of_place(name, code):  # type: ignore[no-untyped-def]
    assert country_of_place(name) == code


PUBLISHED = dt.date(2024, 10, 30)  # a Wednesday

DATES = [
    ("this week", "2024-10-30"),
    ("today", "2024-10-30"),
    ("yesterday", "2024-10-29"),
    ("on Monday", "2024-10-28"),
    ("Wednesday", "2024-10-30"),
    ("last Wednesday", "2024-10-23"),
    ("Late on Sunday", "2024-10-27"),
    ("last week", "2024-10-23"),
    ("last month", "2024-09"),
    ("earlier this month", "2024-10"),
    ("December 31", "2023-12-31"),
    ("November 2", "2024-11-02"),
    ("on 3 March 2024", "2024-03-03"),
    ("March 3, 2022", "2022-03-03"),
    ("2024-02-29", "2024-02-29"),
    ("in May", "2024-05"),
    ("in 2019", "2019"),
    ("last year", "2023"),
    ("two days ago", "2024-10-28"),
    ("a week ago", "2024-10-23"),
    ("twenty days ago", "2024-10-10"),
    ("a billion days ago", None),
    ("yesterday evening", "2024-10-29"),
    ("earlier in the month", "2024-10"),
    ("Sept. 5", "2024-09-05"),
    ("recently", None),
    ("the near future", None),
    ("February 30", None),
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_resolve_date_text(text, iso):  # type: ignore[no-untyped-def]
    assert resolve_date_text(text, PUBLISHED) == iso


FORWARD = [
    # (text, forward, iso): what has not happened yet resolves forward, the rest backward
    ("on Friday", True, "2024-11-01"),
    ("on Friday", False, "2024-10-25"),
    ("Wednesday", True, "2024-10-30"),
    ("next Wednesday", False, "2024-11-06"),
    ("next Monday", True, "2024-11-04"),
    ("last Monday", True, "2024-10-28"),
    ("tomorrow", False, "2024-10-31"),
    ("next week", True, "2024-11-06"),
    ("next month", False, "2024-11"),
    ("next year", True, "2025"),
    ("in January", True, "2025-01"),
    ("in January", False, "2024-01"),
    ("January 15", True, "2025-01-15"),
    ("January 15", False, "2024-01-15"),
    ("on 3 March 2024", True, "2024-03-03"),
]


@pytest.mark.parametrize(("text", "forward", "iso"), FORWARD)
def test_resolve_forward(text, forward, iso):  # type: ignore[no-untyped-def]
    assert resolve_date_text(text, PUBLISHED, forward=forward) == iso


def test_date_for_forward(parse):  # type: ignore[no-untyped-def]
    doc = parse("Norway and Chile will meet again on Friday.")
    meet = next(t for t in doc if t.text == "meet")
    assert date_for(meet, PUBLISHED, forward=True) == "2024-11-01"
    assert date_for(meet, PUBLISHED) == "2024-10-25"


def test_relative_dates_need_published():  # type: ignore[no-untyped-def]
    assert resolve_date_text("on Monday", None) is None
    assert resolve_date_text("3 March 2024", None) == "2024-03-03"


def test_date_for_event(parse):  # type: ignore[no-untyped-def]
    doc = parse("Norway sent two ships on Monday, officials said on Tuesday.")
    sent = next(t for t in doc if t.text == "sent")
    said = next(t for t in doc if t.text == "said")
    assert date_for(sent, PUBLISHED) == "2024-10-28"
    assert date_for(said, PUBLISHED) == "2024-10-29"
    doc = parse("Norway sent two ships.")
    assert date_for(doc[1], PUBLISHED) is None
