"""A document as read, and the failure record for one that could not be read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sitroom.errors import InputError


def content_hash(text: str) -> str:
    """The sha256 of the text as read (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Zone:
    """A character range of the document that is not part of the story.

    Attributes:
        start: first character.
        end: one past the last character.
        kind: ``heading``, ``dateline``, ``caption``, ``frontmatter`` or ``markup``.
    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Document:
    """A document ready for analysis.

    ``text`` is the text as read (offsets in every record point into it);
    ``clean`` has the same length, with markup blanked out, HTML entities decoded and
    invisible marks dropped, and is what the parser sees. Offsets into ``clean`` are
    offsets into ``text`` except on a line where an entity was decoded or a zero-width
    mark dropped: there the line closed up, and ``moves`` maps positions back (see
    :func:`sitroom.documents.structure.normalise`). ``warnings`` are things the reader
    distrusted and dropped (a published date outside the sane window).
    """

    id: str
    text: str
    clean: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    dateline: str | None = None
    zones: tuple[Zone, ...] = field(default=())
    sha256: str = ""
    moves: tuple[tuple[int, int], ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReadFailure:
    """A document that could not be read, with the file and the reason."""

    path: str
    reason: str
    code: str = InputError.code
    doc_id: str | None = None

    def __str__(self) -> str:
        where = self.path + (f" [{self.doc_id}]" if self.doc_id else "")
        return f"[{self.code}] {where}: {self.reason}"
