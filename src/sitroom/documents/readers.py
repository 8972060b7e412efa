"""Read documents from files, folders, JSONL and standard input.

Every problem becomes a :class:`ReadFailure` naming the file and the reason; the
other documents are still read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from sitroom.documents.model import Document, ReadFailure, Zone, content_hash
from sitroom.documents.structure import (
    blank,
    date_line,
    find_dateline,
    front_matter,
    html_markup,
    line_zones,
    markdown_markup,
    normalise,
)
from sitroom.errors import RecordError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_BYTES = 20_000_000
#: The earliest published date trusted; later bound: one year after today.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)
#: Byte-order marks of the encodings read besides UTF-8 (UTF-32 first: its LE mark
#: starts with UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

log = logging.getLogger("sitroom.documents")


class JsonlDocument(BaseModel):
    """One JSONL input line: ``{"id", "text", "title"?, "published"?, "url"?}``."""

    model_config = ConfigDict(extra="allow")

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        return normalise_date(value) if value else None


def normalise_date(value: str | None) -> str | None:
    """An ISO date ``YYYY-MM-DD`` from an ISO date or timestamp, else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def sane_published(value: str | None, today: dt.date | None = None
                   ) -> tuple[str | None, str | None]:
    """A published date inside 1900-01-01 … one year after today, else None and a warning.

    Feeds use zero dates (``0001-01-01``) and far-future placeholders; resolving "last
    week" against them would date events wrongly, so such a date is recorded as unknown.
    """
    if not value:
        return None, None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None, f"published date {value!r} is not a date: recorded as unknown"
    today = today or dt.date.today()
    latest = today.replace(year=today.year + 1) if (today.month, today.day) != (2, 29) \
        else today + dt.timedelta(days=365)
    if EARLIEST_PUBLISHED <= day <= latest:
        return value, None
    return None, (f"published date {value} is outside {EARLIEST_PUBLISHED.isoformat()} … "
                  f"{latest.isoformat()}: recorded as unknown")


def decode(raw: bytes, path: str) -> str | ReadFailure:
    """Decode UTF-8 bytes (BOM allowed), or UTF-16/UTF-32 with a BOM; binary or other
    encodings fail."""
    if not raw.strip():
        return ReadFailure(path, "empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as error:
                return ReadFailure(path, f"not {encoding.upper()} text "
                                         f"(byte {error.start}: {error.reason})")
            return text if text.strip() else ReadFailure(path, "empty file")
    if b"\x00" in raw[:8192]:
        return ReadFailure(path, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return ReadFailure(path, f"not UTF-8 text (byte {error.start}: {error.reason})")
    if not text.strip():
        return ReadFailure(path, "empty file")
    return text


def build_document(
    text: str,
    *,
    doc_id: str | None = None,
    path: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    fmt: str = "text",
) -> Document:
    """Prepare a document: find markup, headings, dateline; keep offsets intact.

    Args:
        text: the text as read.
        doc_id: given id, else the content hash.
        fmt: ``text``, ``markdown`` or ``html``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    zones: list[Zone] = []
    clean = text
    meta, fm_zone = front_matter(text)
    if fm_zone:
        zones.append(fm_zone)
        clean = blank(clean, fm_zone.start, fm_zone.end)
        title = title or meta.get("title") or None
        published = published or normalise_date(meta.get("published") or meta.get("date"))
        url = url or meta.get("url") or None
    if fmt == "markdown":
        clean, more = markdown_markup(clean)
        zones.extend(more)
    elif fmt == "html":
        clean, more, html_title = html_markup(clean)
        zones.extend(more)
        title = title or html_title
    clean, moves = normalise(clean)
    found_date, date_zone = date_line(clean)
    if date_zone:
        zones.append(date_zone)
        published = published or found_date
    covered = [z for z in zones if z.kind in {"frontmatter", "heading", "dateline"}]
    for zone in line_zones(clean):
        if not any(z.start <= zone.start < z.end for z in covered):
            zones.append(zone)
    dateline, dl_zone = find_dateline(clean, zones)
    if dl_zone:
        zones.append(dl_zone)
    hidden = [z for z in zones if z.kind in {"dateline", "caption"}]
    if hidden:
        chars = list(clean)
        for zone in hidden:
            for i in range(zone.start, zone.end):
                if chars[i] != "\n":
                    chars[i] = " "
        clean = "".join(chars)
    zones.sort(key=lambda z: z.start)
    digest = content_hash(text)
    published, warning = sane_published(published)
    if warning:
        log.warning("%s: %s", path or doc_id or digest[:16], warning)
    return Document(
        id=doc_id or digest[:16],
        text=text,
        clean=clean,
        path=path,
        title=title,
        published=published,
        url=url,
        dateline=dateline,
        zones=tuple(zones),
        sha256=digest,
        moves=moves,
        warnings=(warning,) if warning else (),
    )


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix in {".html", ".htm"}:
        return "html"
    return "text"


def read_text_document(path: Path) -> Document | ReadFailure:
    """Read one text, Markdown or HTML file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ReadFailure(name, f"file too large ({size} bytes > {MAX_BYTES})")
        raw = path.read_bytes()
    except FileNotFoundError:
        return ReadFailure(name, "no such file or directory")
    except IsADirectoryError:
        return ReadFailure(name, "is a directory")
    except PermissionError:
        return ReadFailure(name, "permission denied")
    except OSError as error:
        return ReadFailure(name, f"cannot read: {error.strerror or error}")
    decoded = decode(raw, name)
    if isinstance(decoded, ReadFailure):
        return decoded
    return build_document(decoded, path=name, fmt=_format_of(path))


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[Document | ReadFailure]:
    """Documents from JSONL lines; a malformed line fails alone (E102)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadFailure(where, f"malformed JSON ({error.msg})", code=RecordError.code)
            continue
        if not isinstance(data, dict):
            yield ReadFailure(where, "a JSONL line must be an object", code=RecordError.code)
            continue
        try:
            item = JsonlDocument.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "line"
            yield ReadFailure(where, f"field '{field}': {first['msg']}", code=RecordError.code,
                              doc_id=str(data.get("id")) if data.get("id") else None)
            continue
        if not item.text.strip():
            yield ReadFailure(where, "empty text", code=RecordError.code, doc_id=item.id)
            continue
        yield build_document(item.text, doc_id=item.id, path=name, title=item.title,
                             published=item.published, url=item.url)


def _read_jsonl_file(path: Path) -> Iterator[Document | ReadFailure]:
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield ReadFailure(name, f"cannot read: {error.strerror or error}")
        return
    with handle:
        yield from read_jsonl_bytes(handle, name)


def read_jsonl_bytes(raw_lines: Iterable[bytes], name: str) -> Iterator[Document | ReadFailure]:
    """Documents from undecoded JSONL lines: a line that is not UTF-8 fails alone."""
    for number, raw in enumerate(raw_lines, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:  # as sitroom.engines.shards says it
            yield ReadFailure(f"{name}:{number}", f"not UTF-8 text (byte {error.start})",
                              code=RecordError.code)
            continue
        yield from _offset_lines(read_jsonl([line], name), number)


def _offset_lines(items: Iterator[Document | ReadFailure], number: int
                  ) -> Iterator[Document | ReadFailure]:
    for item in items:
        if isinstance(item, ReadFailure) and item.path.endswith(":1"):
            yield ReadFailure(item.path[:-2] + f":{number}", item.reason, item.code, item.doc_id)
        else:
            yield item


def _expand(path: Path) -> Iterator[Path | ReadFailure]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file()
                       and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES
                       and not p.name.lower().startswith("readme"))
        if not found:
            yield ReadFailure(str(path), "directory holds no .txt, .md, .html or .jsonl files")
        yield from found
    elif path.exists():
        yield path
    else:
        yield ReadFailure(str(path), "no such file or directory")


def iter_documents(paths: Iterable[str]) -> Iterator[Document | ReadFailure]:
    """Every document under the given paths, in order; ``-`` reads standard input.

    Standard input holds either JSONL (first non-blank character ``{``) or one text.
    """
    for given in paths:
        if given == "-":
            data = sys.stdin.buffer.read()
            if data.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{"):
                yield from read_jsonl_bytes(data.splitlines(), "<stdin>")
                continue
            decoded = decode(data, "<stdin>")
            if isinstance(decoded, ReadFailure):
                yield decoded
            elif decoded.lstrip().startswith("{"):
                yield from read_jsonl(decoded.splitlines(), "<stdin>")
            else:
                yield build_document(decoded, path="<stdin>")
            continue
        for item in _expand(Path(given)):
            if isinstance(item, ReadFailure):
                yield item
            elif item.suffix.lower() in JSONL_SUFFIXES:
                yield from _read_jsonl_file(item)
            else:
                yield read_text_document(item)
