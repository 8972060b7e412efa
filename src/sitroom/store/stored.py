"""What the writer takes and gives back: one input shape and the helper that makes it.

The writer takes one shape of document, :class:`StoredDocument` (an analysis record and
the text it was made from), and failures bound for the quarantine table
(:class:`IngestFailure`). :func:`as_stored` turns what callers hand over into those two
(a bare record is stored without its text); :class:`DocumentTexts` keeps the texts of
documents while they are analysed and pairs each record with its text afterwards, which
is how the ingest command, the demo and the dashboard's upload keep texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from sitroom.documents.model import Document
from sitroom.errors import StoreError
from sitroom.record import AnalysisRecord

T = TypeVar("T")


@dataclass(frozen=True)
class StoredDocument:
    """An analysis record with the text it was made from.

    ``text`` is the document's text as analysed (every offset in the record points into
    it); it is kept in ``documents.text``. ``None``: the text is not kept.
    """

    record: AnalysisRecord
    text: str | None = None


@dataclass(frozen=True)
class IngestFailure:
    """A document that could not be analysed, bound for the quarantine table."""

    path: str | None
    doc_id: str | None
    reason: str


@dataclass(frozen=True)
class IngestResult:
    """What an ingest run did.

    Attributes:
        added: documents stored.
        skipped: documents already stored (same sha256).
        quarantined: failures written to the quarantine table.
        failures: the quarantined items, in order.
    """

    added: int = 0
    skipped: int = 0
    quarantined: int = 0
    failures: tuple[IngestFailure, ...] = ()


def as_stored(item: Any) -> StoredDocument | IngestFailure:
    """The writer's shape of an item.

    A :class:`StoredDocument` is kept; a bare :class:`AnalysisRecord` becomes one without
    text; anything with ``path``, ``doc_id`` and ``reason`` (a read failure) and any
    exception (its message is the reason) become an :class:`IngestFailure`.

    Raises:
        StoreError: the item is none of these.
    """
    if isinstance(item, StoredDocument | IngestFailure):
        return item
    if isinstance(item, AnalysisRecord):
        return StoredDocument(item)
    if isinstance(item, BaseException):
        return IngestFailure(getattr(item, "path", None), None, str(item))
    reason = getattr(item, "reason", None)
    if reason is None:
        raise StoreError(
            f"cannot ingest a {type(item).__name__}: expected an AnalysisRecord, a "
            "StoredDocument, or a failure with path, doc_id and reason"
        )
    return IngestFailure(getattr(item, "path", None), getattr(item, "doc_id", None), str(reason))


class DocumentTexts:
    """Texts of documents on their way through the analysis, by content hash.

    :meth:`keep` remembers the text of each document it passes on; :meth:`pair` gives
    each record coming back its text (and forgets it), failures pass unchanged.
    """

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self._texts: dict[str, str] = {}
        for document in documents:
            self.add(document)

    def add(self, document: Document) -> None:
        """Remember one document's text."""
        self._texts[document.sha256] = document.text

    def keep(self, items: Iterable[T]) -> Iterator[T]:
        """Pass ``items`` on, remembering the text of every :class:`Document` among them."""
        for item in items:
            if isinstance(item, Document):
                self.add(item)
            yield item

    def stored(self, record: AnalysisRecord) -> StoredDocument:
        """The record with the text it was analysed from (``None`` when not kept)."""
        sha = record.document.sha256
        return StoredDocument(record, self._texts.pop(sha, None) if sha else None)

    def pair(self, results: Iterable[Any]) -> Iterator[Any]:
        """Records as :class:`StoredDocument` with their texts; other items unchanged."""
        for item in results:
            yield self.stored(item) if isinstance(item, AnalysisRecord) else item
