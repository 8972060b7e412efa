"""Story structure: front matter, headings, datelines and captions are not story text.

Every function keeps the text's length: markup is blanked with spaces so that offsets
into the cleaned text are offsets into the text as read.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from functools import lru_cache

from sitroom.documents.model import Zone
from sitroom.lexicons import ordered, table
from sitroom.lexicons import words as word_list
from sitroom.lexicons.files import on_clear

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\n]*)\)")
_DATELINE = re.compile(
    r"\A(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?(?:,[ \t][A-Z][A-Za-z.'’\- ]{1,30})?)"
    r"(?:[ \t]*\((?:[A-Za-z .]{2,20})\))?"
    r"(?P<sep>[ \t]*(?:—|–|--|-)[ \t]+|:[ \t]+)"
)
_END_PUNCT = re.compile(r"[.!?…\"”’)\]:;]\s*$")
_CAPTION = re.compile(r"^(photo|image|picture|file photo|caption)\b.*", re.I)


def blank(text: str, start: int, end: int) -> str:
    """Replace ``text[start:end]`` with spaces, keeping newlines."""
    piece = "".join(ch if ch == "\n" else " " for ch in text[start:end])
    return text[:start] + piece + text[end:]


def front_matter(text: str) -> tuple[dict[str, str], Zone | None]:
    """Read a ``---`` front-matter block of ``key: value`` lines at the top of a file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, None
    fields = {k.lower(): v.strip().strip("\"'") for k, v in _FIELD.findall(match.group(1))}
    return fields, Zone(0, match.end(), "frontmatter")


def markdown_markup(text: str) -> tuple[str, list[Zone]]:
    """Blank Markdown markup; heading lines become heading zones."""
    zones: list[Zone] = []
    for match in _MD_HEADING.finditer(text):
        zones.append(Zone(match.start(), match.end(), "heading"))
    chars = list(text)

    def wipe(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    for match in _MD_HEADING.finditer(text):
        wipe(match.start(1), match.end(1))
    clean = "".join(chars)
    for match in _MD_LINK.finditer(clean):
        wipe(match.start(), match.start() + 1)
        wipe(match.end(1), match.end())
    clean = "".join(chars)
    for match in _MD_EMPHASIS.finditer(clean):
        wipe(match.start(), match.end())
    return "".join(chars), zones


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|tr|section|article|header|footer)\b", re.I)
_HEADING_TAG = re.compile(r"<(h[1-6])\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.S | re.I)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def html_markup(text: str) -> tuple[str, list[Zone], str | None]:
    """Blank HTML tags (block tags become a newline), keeping offsets.

    Entities are decoded for every format by :func:`normalise`.

    Returns:
        the cleaned text, heading zones, and the ``<title>`` if any.
    """
    zones = [Zone(m.start(), m.end(), "heading") for m in _HEADING_TAG.finditer(text)]
    title_match = _TITLE_TAG.search(text)
    title = html.unescape(title_match.group(1)).strip() if title_match else None
    if title_match:
        zones.append(Zone(title_match.start(), title_match.end(), "heading"))
    chars = list(text)
    for match in _TAG.finditer(text):
        for i in range(match.start(), match.end()):
            if chars[i] != "\n":
                chars[i] = " "
        if _BLOCK.match(match.group(0)):
            chars[match.start()] = "\n"
    return "".join(chars), zones, title or None


#: Zero-width, soft-hyphen and bidirectional formatting marks: invisible, never story text.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def normalise(clean: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Decode HTML entities and drop invisible marks, keeping the text's length.

    An entity's first character becomes the character it names; its other characters,
    and every zero-width or bidirectional mark, are dropped: the rest of the line closes
    up and the dropped characters become spaces at the line's end ("Fran&ccedil;ois
    Roe" → "François Roe" and seven spaces before the line break; "Rus\u200bsia" →
    "Russia"). Only characters of a changed line move, so every offset outside it is
    unchanged and the text keeps its length.

    Returns:
        the normalised text, and the map back to the text as read: breakpoints
        ``(position in the result, position in the input)``, sorted, from which
        positions go on one for one until the next breakpoint (see
        :func:`source_offset`); empty when nothing changed.
    """
    if "&" not in clean and not _INVISIBLE.search(clean):
        return clean, ()
    chars = list(clean)
    dropped = bytearray(len(clean))
    for match in _ENTITY.finditer(clean):
        value = html.unescape(match.group(0))
        if len(value) != 1 or value == match.group(0):
            continue
        chars[match.start()] = value
        first = match.start() if _INVISIBLE.fullmatch(value) else match.start() + 1
        dropped[first:match.end()] = b"\x01" * (match.end() - first)
    for match in _INVISIBLE.finditer(clean):
        dropped[match.start()] = 1
    out: list[str] = []
    breaks: list[tuple[int, int]] = []
    line_start = 0
    while line_start < len(clean):
        newline = clean.find("\n", line_start)
        line_end = len(clean) if newline < 0 else newline
        if dropped.find(1, line_start, line_end) < 0:
            out.append(clean[line_start:line_end])
        else:
            gone = 0
            for i in range(line_start, line_end):
                if dropped[i]:
                    gone += 1
                    continue
                if gone and dropped[i - 1]:
                    breaks.append((i - gone, i))
                out.append(chars[i])
            breaks.append((line_end - gone, line_end))
            breaks.append((line_end, line_end))
            out.append(" " * gone)
        if newline >= 0:
            out.append("\n")
        line_start = line_end + 1
    return "".join(out), tuple(breaks)


def source_offset(breaks: tuple[tuple[int, int], ...], position: int,
                  keys: list[int] | None = None) -> int:
    """The position in the text as read of the normalised text's character ``position``.

    An end offset maps the same way: the end of a span is where the character after it
    came from, so a span ending in a decoded entity ends after the whole entity.

    Args:
        breaks: the map :func:`normalise` returned.
        keys: ``[b[0] for b in breaks]``, when the caller maps many positions.
    """
    if not breaks:
        return position
    index = bisect.bisect_right(keys if keys is not None else [b[0] for b in breaks],
                                position) - 1
    if index < 0:
        return position
    clean_at, text_at = breaks[index]
    return text_at + (position - clean_at)


def _words(line: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9’'\-]+", line)


def is_heading_line(line: str) -> bool:
    """A short line with no closing punctuation, mostly capitalised: a heading.

    Args:
        line: one line of text, without its newline.
    """
    stripped = line.strip()
    if not stripped or _END_PUNCT.search(stripped):
        return False
    words = _words(stripped)
    if not words or len(words) > 16:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    small = word_list("documents_title_small_words")
    content = [w for w in words if w.lower() not in small]
    return bool(content) and capitalised >= max(1, int(0.6 * len(content)))


def line_zones(text: str) -> list[Zone]:
    """Heading and caption lines of a plain-text story (paragraph per line)."""
    zones: list[Zone] = []
    offset = 0
    lines = text.split("\n")
    several = sum(1 for ln in lines if ln.strip()) > 1
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped:
            lead = offset + (len(line) - len(line.lstrip()))
            end = offset + len(line.rstrip())
            if several and is_heading_line(stripped):
                zones.append(Zone(lead, end, "heading"))
            elif _CAPTION.match(stripped) and len(_words(stripped)) < 40 and number > 0:
                zones.append(Zone(lead, end, "caption"))
        offset += len(line) + 1
    return zones


def find_dateline(clean: str, zones: list[Zone]) -> tuple[str | None, Zone | None]:
    """The dateline at the start of the first story paragraph ("PARIS —", "Seoul:")."""
    position = 0
    for line in clean.split("\n"):
        lead = position + (len(line) - len(line.lstrip()))
        inside = any(z.start <= lead < z.end for z in zones)
        if line.strip() and not inside:
            match = _DATELINE.match(clean[lead:])
            if match and len(_words(match.group("place"))) <= 6:
                place = match.group("place").strip()
                if all(w[0].isupper() for w in _words(place)):
                    return place, Zone(lead, lead + match.end(), "dateline")
            return None, None
        position += len(line) + 1
    return None, None


@lru_cache(maxsize=1)
def _month_names() -> tuple[str, ...]:
    """The twelve full month names in calendar order (the longest name of each number)."""
    names: dict[int, str] = {}
    for name, number in table("months").items():
        if len(name) > len(names.get(int(number), "")):
            names[int(number)] = name
    return tuple(names[n] for n in sorted(names))


@lru_cache(maxsize=1)
def _date_line_re() -> re.Pattern[str]:
    """A line that is only a date, optionally after a weekday."""
    weekdays = "|".join(re.escape(day) for day in ordered("weekdays"))
    return re.compile(
        rf"^(?:(?:{weekdays}),?\s+)?"
        r"(?:(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
        r"|(?P<day2>\d{1,2})\s+(?P<month2>[a-z]+)\.?,?\s+(?P<year2>\d{4})"
        r"|(?P<iso>\d{4}-\d{2}-\d{2}))\s*$",
        re.I,
    )


on_clear(_month_names.cache_clear)
on_clear(_date_line_re.cache_clear)


def parse_date_line(line: str) -> str | None:
    """An ISO date from a line that is only a date ("Wednesday, January 23, 2019")."""
    match = _date_line_re().match(line.strip())
    if not match:
        return None
    try:
        if match.group("iso"):
            return dt.date.fromisoformat(match.group("iso")).isoformat()
        month_name = (match.group("month") or match.group("month2")).lower()
        names = _month_names()
        months = [m for m in names if m.startswith(month_name[:3])]
        if len(month_name) < 3 or not months:
            return None
        day = int(match.group("day") or match.group("day2"))
        year = int(match.group("year") or match.group("year2"))
        return dt.date(year, names.index(months[0]) + 1, day).isoformat()
    except ValueError:
        return None


def date_line(text: str, max_lines: int = 4) -> tuple[str | None, Zone | None]:
    """A publication date on its own line near the top of a story."""
    offset = 0
    seen = 0
    for line in text.split("\n"):
        if line.strip():
            seen += 1
            found = parse_date_line(line)
            if found:
                lead = offset + (len(line) - len(line.lstrip()))
                return found, Zone(lead, offset + len(line.rstrip()), "dateline")
            if seen >= max_lines:
                break
        offset += len(line) + 1
    return None, None
