"""Event dates resolved against the document's published date.

Precision follows the text: a day gives ``YYYY-MM-DD``, a month ``YYYY-MM``, a year
``YYYY`` (ISO 8601 reduced precision). Relative phrases need the published date:
``today``/``this week``/``tonight`` → the published date; a weekday → its latest
occurrence on or before the published date (``last <weekday>``: strictly before), or,
for an act that has not happened yet (``forward``: "will meet again on Friday"), its
next occurrence on or after it (``next <weekday>``: strictly after);
``tomorrow`` → the day after; ``next week/month/year`` → seven days, the month, the year after;
``yesterday``/``last night`` → the day before; ``last week`` → seven days before;
``N days/weeks ago`` → so many days before; ``last month`` / ``earlier this month`` →
that month (``YYYY-MM``); ``last year`` → that year. A month and day without a year
take the latest such date not after published + 7 days. Unknown → None, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Span, Token

from sitroom.lexicons import ordered, table
from sitroom.lexicons.files import on_clear
from sitroom.parsed.cache import doc_ents
from sitroom.sourcing.certainty import clause_chain
from sitroom.sourcing.lexicon import count_words, relative_dates

TEMPORAL_DEPS = {"npadvmod", "pobj", "tmod", "advmod", "nmod", "dobj"}


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Month names and abbreviations → month number (``words/months.tsv``)."""
    return {name: int(number) for name, number in table("months").items()}


@lru_cache(maxsize=1)
def _month_names() -> str:
    """A regex alternation of the month names, longest first."""
    return "|".join(sorted(_months(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _filler() -> re.Pattern[str]:
    """Words dropped before a phrase is read as a relative date."""
    alternatives = "|".join(re.escape(w) for w in ordered("sourcing_date_fillers"))
    return re.compile(rf"\b({alternatives})\b")


for _cached in (_months, _month_names, _filler):
    on_clear(_cached.cache_clear)


def _month_day(month: int, day: int, published: dt.date | None,
               forward: bool = False) -> str | None:
    if published is None:
        return None
    if forward:
        floor = published - dt.timedelta(days=7)
        for year in (floor.year, floor.year + 1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if candidate >= floor:
                return candidate.isoformat()
        return None
    limit = published + dt.timedelta(days=7)
    for year in (limit.year, limit.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate.isoformat()
    return None


def _month_only(month: int, published: dt.date | None, forward: bool = False) -> str | None:
    if published is None:
        return None
    if forward:
        year = published.year if month >= published.month else published.year + 1
        return f"{year:04d}-{month:02d}"
    year = published.year if month <= published.month else published.year - 1
    return f"{year:04d}-{month:02d}"


def _prev_month(published: dt.date) -> str:
    first = published.replace(day=1) - dt.timedelta(days=1)
    return f"{first.year:04d}-{first.month:02d}"


def _relative(unit: str, back: int, published: dt.date) -> str:
    """The date ``back`` days, months (0 or 1) or years before the published date."""
    if unit == "day":
        return (published - dt.timedelta(days=back)).isoformat()
    if unit == "month":
        return _prev_month(published) if back else f"{published.year:04d}-{published.month:02d}"
    return f"{published.year - back:04d}"


def _absolute(text: str, published: dt.date | None, forward: bool = False) -> str | None:
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    months = _months()
    month_names = _month_names()
    # 3 March 2024 / 3rd of March
    year_re = r"(?:,?\s+(\d{4}))?\b"
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({month_names})\.?" + year_re, text)
    if not m:
        # March 3, 2024 / Dec. 31
        m2 = re.search(rf"\b({month_names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?" + year_re, text)
        if m2:
            month, day, year = months[m2[1]], int(m2[2]), m2[3]
        else:
            month = 0
    else:
        month, day, year = months[m[2]], int(m[1]), m[3]
    if month:
        if year:
            try:
                return dt.date(int(year), month, day).isoformat()
            except ValueError:
                return None
        return _month_day(month, day, published, forward)
    m = re.search(rf"\b({month_names})\.?(?:\s+(\d{{4}}))?\b", text)
    if m and (m[2] or m[1] != "may" or len(text.split()) <= 2):
        if m[2]:
            return f"{int(m[2]):04d}-{months[m[1]]:02d}"
        if m[1] == "may" and not re.fullmatch(r"(in |of |during |since |by |until )?may", text):
            return None
        return _month_only(months[m[1]], published, forward)
    m = re.fullmatch(r"(?:in |of |during |since |by )?(\d{4})", text)
    if m:
        return m[1]
    return None


def _next(core: str, published: dt.date) -> str | None:
    """``tomorrow`` and ``next week/month/year``: after the published date whatever the tense."""
    if core == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat()
    if core == "next week":
        return (published + dt.timedelta(days=7)).isoformat()
    if core == "next month":
        first = (published.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return f"{first.year:04d}-{first.month:02d}"
    if core == "next year":
        return f"{published.year + 1:04d}"
    return None


def resolve_date_text(text: str, published: dt.date | None, forward: bool = False) -> str | None:
    """An ISO date (or ``YYYY-MM``/``YYYY``) for a date expression, or None.

    Args:
        text: the date expression as written ("on Monday", "December 31", "last week").
        published: the document's published date; relative expressions need it.
        forward: the date is of an act that has not happened yet, so a weekday, a day
            of a month or a month without a year is the next one, not the last one.
    """
    low = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip(" .,")
    low = re.sub(r"'s$", "", low)
    absolute = _absolute(low, published, forward)
    if absolute:
        return absolute
    if published is None:
        return None
    core = re.sub(r"\s+", " ", _filler().sub(" ", low)).strip()
    ahead = _next(core, published)
    if ahead is not None:
        return ahead
    relative = relative_dates().get(core)
    if relative is not None:
        return _relative(relative[0], relative[1], published)
    m = re.fullmatch(r"(\d+|\w+) (day|week)s? ago", core)
    if m:
        count = int(m[1]) if m[1].isdigit() else count_words().get(m[1])
        if count is None:
            return None
        days = count * (7 if m[2] == "week" else 1)
        try:
            return (published - dt.timedelta(days=days)).isoformat()
        except OverflowError:  # "a billion days ago" is no date
            return None
    weekdays = ordered("weekdays")
    m = re.fullmatch(r"(last |this |next |)(\w+?)(?: (?:morning|afternoon|evening|night))?",
                     core)
    if m and m[2] in weekdays:
        target = weekdays.index(m[2])
        if m[1] == "next " or (forward and m[1] != "last "):
            days = (target - published.weekday()) % 7
            if m[1] == "next " and days == 0:
                days = 7
            return (published + dt.timedelta(days=days)).isoformat()
        delta = (published.weekday() - target) % 7
        if m[1] == "last " and delta == 0:
            delta = 7
        return (published - dt.timedelta(days=delta)).isoformat()
    return None


def _date_entities(trigger: Token) -> list[Span]:
    doc = trigger.doc
    chain = clause_chain(trigger)
    chain_ids = {t.i for t in chain}
    found: list[Span] = []
    for ent in doc_ents(doc):
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        root = ent.root
        head = root.head
        via_prep = head.dep_ == "prep" and head.head.i in chain_ids
        direct = head.i in chain_ids and root.dep_ in TEMPORAL_DEPS
        if via_prep or direct or (root.i in chain_ids and root.i != trigger.i):
            found.append(ent)
    found.sort(key=lambda e: abs(e.root.i - trigger.i))
    return found


def date_for(trigger: Token, published: dt.date | None, forward: bool = False) -> str | None:
    """The date of the event of ``trigger`` from a date phrase in its clause, or None.

    ``forward``: the act has not happened yet ("will meet on Friday"), so relative
    dates resolve to the next such day (see :func:`resolve_date_text`).
    """
    for ent in _date_entities(trigger):
        doc = trigger.doc
        start = ent.start
        if start > 0 and doc[start - 1].lower_ in {"on", "in", "last", "this", "since", "next"}:
            start -= 1
        resolved = resolve_date_text(doc[start : ent.end].text, published, forward)
        if resolved:
            return resolved
    return None
