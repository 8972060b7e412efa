"""Analyse documents: parse each once with ``nlp.pipe`` and assemble its record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.documents.model import Document, ReadFailure
from sitroom.documents.readers import build_document
from sitroom.errors import AnalysisError
from sitroom.lexicons import versions as lexicon_versions
from sitroom.lexicons.files import on_clear
from sitroom.record import AnalysisRecord, DocumentInfo, Provenance

#: Documents longer than this (characters) are parsed in chunks of paragraphs.
CHUNK_CHARS = 100_000


@lru_cache(maxsize=1)
def provenance() -> Provenance:
    """The record's ``provenance`` block: sitroom's version and every lexicon's version.

    Computed once per process (again only after ``sitroom.lexicons.clear_cache()``).
    """
    from sitroom import __version__

    return Provenance(sitroom=__version__, lexicons=dict(lexicon_versions()))


on_clear(provenance.cache_clear)


def document_info(document: Document) -> DocumentInfo:
    """The record's ``document`` block."""
    return DocumentInfo(
        id=document.id,
        path=document.path,
        title=document.title,
        published=document.published,
        dateline=document.dateline,
        url=document.url,
        sha256=document.sha256,
        length=len(document.text),
    )


def make_doc(nlp: Language, document: Document) -> Doc:
    """Tokenise the cleaned text and attach the document to it."""
    doc = nlp.make_doc(document.clean)
    doc._.document = document
    return doc


def _rebase(value: Any, text: str) -> Any:
    """Give every piece of evidence its text as read (markup included), by offsets."""
    if isinstance(value, tuple):
        return tuple(_rebase(v, text) for v in value)
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for f in fields(value):
        item = getattr(value, f.name)
        if isinstance(item, tuple) or (is_dataclass(item) and not isinstance(item, type)):
            changes[f.name] = _rebase(item, text)
    start, end = getattr(value, "start", None), getattr(value, "end", None)
    if isinstance(start, int) and isinstance(end, int) and isinstance(
            getattr(value, "text", None), str):
        changes["text"] = text[start:end]
    return replace(value, **changes) if changes else value


def record_from_doc(doc: Doc) -> AnalysisRecord:
    """Collect what the components found into an analysis record."""
    from sitroom.actors.model import ActorIndex
    from sitroom.sourcing.sources import distinct_sources

    document: Document = doc._.document
    actors: ActorIndex = doc._.actors or ActorIndex()
    record = AnalysisRecord(
        document=document_info(document),
        actors=tuple(actors.actors),
        events=tuple(doc._.events),
        quotes=tuple(doc._.quotes),
        sources=tuple(distinct_sources(list(doc._.sources))),
        relations=tuple(doc._.relations),
        quantities=tuple(doc._.quantities),
        provenance=provenance(),
    )
    # A source named by a pronoun ("he said") keeps its name; its offsets then point
    # at words that are not its text, so they are dropped rather than mislead.
    sources = tuple(
        src if src.start is None or document.clean[src.start:src.end] == src.text
        else replace(src, start=None, end=None)
        for src in record.sources
    )
    record = replace(record, sources=sources)
    if document.clean != document.text:
        record = _rebase(record, document.text)
    return record


def analyze_documents(
    items: Iterable[Document | ReadFailure],
    nlp: Language | None = None,
    batch_size: int = 16,
) -> Iterator[AnalysisRecord | ReadFailure]:
    """Analyse documents in order; read failures pass through unchanged.

    Args:
        items: documents (and failures) from :func:`sitroom.documents.iter_documents`.
        nlp: a loaded sitroom pipeline; loaded once per process when omitted.
        batch_size: documents per ``nlp.pipe`` batch.
    """
    pending: list[Document | ReadFailure] = []
    loaded: list[Language] = [nlp] if nlp is not None else []

    def pipeline() -> Language:
        # Loaded on the first document, so a run that only skips never pays for it.
        if not loaded:
            from sitroom.pipeline.loader import load_nlp

            loaded.append(load_nlp())
        return loaded[0]

    def flush() -> Iterator[AnalysisRecord | ReadFailure]:
        if not any(isinstance(d, Document) for d in pending):
            yield from pending  # type: ignore[misc]
            pending.clear()
            return
        model = pipeline()
        docs = [make_doc(model, d) for d in pending if isinstance(d, Document)]
        parsed = iter(model.pipe(docs, batch_size=batch_size))
        for item in pending:
            if isinstance(item, ReadFailure):
                yield item
                continue
            try:
                yield record_from_doc(next(parsed))
            except Exception as error:
                yield ReadFailure(item.path or item.id, f"analysis failed: {error!r}",
                                  code=AnalysisError.code, doc_id=item.id)
        pending.clear()

    for item in items:
        if isinstance(item, Document) and len(item.clean) > CHUNK_CHARS:
            yield from flush()
            yield analyze_long(item, pipeline())
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def analyze_long(document: Document, nlp: Language) -> AnalysisRecord | ReadFailure:
    """Analyse a very long document paragraph-chunk by chunk, offsets kept.

    Each chunk is the full text with everything outside the chunk blanked, so
    offsets stay those of the document; actor ids are renumbered per document.
    """
    from sitroom.pipeline.merge import merge_records

    records: list[AnalysisRecord] = []
    text = document.clean
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        piece = " " * start + text[start:end]
        chunk = replace(document, clean=piece)
        doc = make_doc(nlp, chunk)
        doc = nlp(doc)
        records.append(record_from_doc(doc))
        start = end
    return merge_records(records)


def analyze_text(text: str, *, doc_id: str | None = None, title: str | None = None,
                 published: str | None = None, nlp: Language | None = None) -> AnalysisRecord:
    """Analyse one string (for notebooks and the web upload)."""
    document = build_document(text, doc_id=doc_id, title=title, published=published)
    result = next(analyze_documents([document], nlp=nlp))
    if isinstance(result, ReadFailure):
        raise ValueError(str(result))
    return result
