"""Analyse documents: parse each once with ``nlp.pipe`` and assemble its record."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, is_dataclass, replace
from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.documents.model import Document, ReadFailure, Zone
from sitroom.documents.readers import build_document
from sitroom.documents.structure import source_offset
from sitroom.errors import AnalysisError, TimeBudgetError
from sitroom.lexicons import versions as lexicon_versions
from sitroom.lexicons.files import on_clear
from sitroom.pipeline.budget import TimeBudget
from sitroom.record import AnalysisRecord, DocumentInfo, Provenance

#: Documents longer than this (characters) are parsed in chunks of paragraphs.
CHUNK_CHARS = 30_000


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


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    """The field names of a dataclass (``dataclasses.fields`` is slow per call)."""
    return tuple(f.name for f in fields(kind))


def _remap(value: Any, at: Callable[[int, bool], int], text: str | None) -> Any:
    """Move every ``start``/``end`` pair through ``at`` and, given ``text``, reset each
    piece of evidence's ``text`` to ``text[start:end]``."""
    # Unchanged parts are returned as they are (no copy), so a record whose offsets do
    # not move costs one walk and no allocation.
    if isinstance(value, tuple):
        moved = tuple(_remap(v, at, text) for v in value)
        return value if all(a is b for a, b in zip(moved, value, strict=True)) else moved
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for name in _field_names(type(value)):
        item = getattr(value, name)
        if isinstance(item, tuple) or (is_dataclass(item) and not isinstance(item, type)):
            moved = _remap(item, at, text)
            if moved is not item:
                changes[name] = moved
    start, end = getattr(value, "start", None), getattr(value, "end", None)
    if isinstance(start, int) and isinstance(end, int):
        new_start, new_end = (at(start, False), at(end, True)) if end > start else (
            at(start, False), at(start, False))
        if (new_start, new_end) != (start, end):
            changes["start"], changes["end"] = new_start, new_end
        old_text = getattr(value, "text", None)
        if text is not None and isinstance(old_text, str):
            new_text = text[new_start:new_end]
            if new_text != old_text:
                changes["text"] = new_text
    return replace(value, **changes) if changes else value


def _rebase(value: Any, document: Document) -> Any:
    """Give every piece of evidence its text as read (markup included), by offsets;
    offsets of characters that moved in normalisation go back to the text as read."""
    breaks = document.moves
    keys = [b[0] for b in breaks]

    def at(offset: int, is_end: bool) -> int:
        if not breaks:
            return offset
        return source_offset(breaks, offset, keys)

    return _remap(value, at, document.text)


def _shift(record: AnalysisRecord, delta: int, sentences: int) -> AnalysisRecord:
    """A chunk's record in the offsets (and sentence numbers) of the whole document."""
    shifted: AnalysisRecord = _remap(record, lambda offset, _: offset + delta, None)
    events = tuple(replace(e, sentence=replace(e.sentence, index=e.sentence.index + sentences))
                   for e in shifted.events)
    mentions = tuple(replace(m, sentence=replace(m.sentence, index=m.sentence.index + sentences))
                     for m in shifted.mentions)
    return replace(shifted, events=events, mentions=mentions)


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
        mentions=tuple(doc._.mentions),
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
    record = replace(record, sources=sources, errors=record.errors + document.warnings)
    if document.clean != document.text:
        record = _rebase(record, document)
    return record


def _failure(document: Document, error: BaseException) -> ReadFailure:
    """The quarantine entry of a document that failed in the pipeline."""
    if isinstance(error, TimeBudgetError):
        return ReadFailure(document.path or document.id, error.message,
                           code=TimeBudgetError.code, doc_id=document.id)
    return ReadFailure(document.path or document.id, f"analysis failed: {error!r}",
                       code=AnalysisError.code, doc_id=document.id)


def _analyze_one(document: Document, nlp: Language, budget: TimeBudget
                 ) -> AnalysisRecord | ReadFailure:
    """One document alone, within its time budget; any exception is its failure."""
    try:
        with budget.deadline(len(document.clean), document.path or document.id):
            if len(document.clean) > CHUNK_CHARS:
                return analyze_long(document, nlp)
            return record_from_doc(nlp(make_doc(nlp, document)))
    except Exception as error:
        return _failure(document, error)


def _analyze_batch(documents: list[Document], nlp: Language, batch_size: int,
                   budget: TimeBudget) -> list[AnalysisRecord | ReadFailure]:
    """A batch through ``nlp.pipe``; when anything in it fails, each document again alone.

    ``nlp.pipe`` stops at the first exception, so one bad document would take its whole
    batch with it; analysed again one by one, only the bad one fails.
    """
    try:
        with budget.deadline(sum(len(d.clean) for d in documents), "batch",
                             count=len(documents)):
            # A generator, so each parsed Doc is dropped once its record is built.
            docs = (make_doc(nlp, d) for d in documents)
            return [record_from_doc(doc) for doc in nlp.pipe(docs, batch_size=batch_size)]
    except Exception:
        return [_analyze_one(document, nlp, budget) for document in documents]


def analyze_documents(
    items: Iterable[Document | ReadFailure],
    nlp: Language | None = None,
    batch_size: int = 16,
    budget: TimeBudget | None = None,
) -> Iterator[AnalysisRecord | ReadFailure]:
    """Analyse documents in order; read failures pass through unchanged.

    Each document is analysed in isolation: any exception inside the pipeline, or a
    document over its time budget, becomes that document's :class:`ReadFailure` (E501,
    E502) and never touches another document.

    Args:
        items: documents (and failures) from :func:`sitroom.documents.iter_documents`.
        nlp: a loaded sitroom pipeline; loaded once per process when omitted.
        batch_size: documents per ``nlp.pipe`` batch.
        budget: the time budget per document (default :meth:`TimeBudget.from_env`).
    """
    pending: list[Document | ReadFailure] = []
    loaded: list[Language] = [nlp] if nlp is not None else []
    limits = budget or TimeBudget.from_env()

    def pipeline() -> Language:
        # Loaded on the first document, so a run that only skips never pays for it.
        if not loaded:
            from sitroom.pipeline.loader import load_nlp

            loaded.append(load_nlp())
        return loaded[0]

    def flush() -> Iterator[AnalysisRecord | ReadFailure]:
        documents = [d for d in pending if isinstance(d, Document)]
        results = iter(_analyze_batch(documents, pipeline(), batch_size, limits)
                       if documents else [])
        for item in pending:
            yield item if isinstance(item, ReadFailure) else next(results)
        pending.clear()

    for item in items:
        if isinstance(item, Document) and len(item.clean) > CHUNK_CHARS:
            yield from flush()
            yield _analyze_one(item, pipeline(), limits)
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of consecutive chunks of at most ``size`` characters.

    A chunk ends after the last line break in its second half, else after the last
    space there, else at ``size`` characters.
    """
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, end
        start = end


def _chunk(document: Document, start: int, end: int) -> Document:
    """The part ``start:end`` of a document's cleaned text, as a document of its own
    (offsets from 0, evidence in cleaned text: the whole record is rebased at the end)."""
    zones = tuple(Zone(max(z.start, start) - start, min(z.end, end) - start, z.kind)
                  for z in document.zones if z.start < end and start < z.end)
    piece = document.clean[start:end]
    return replace(document, text=piece, clean=piece, zones=zones, moves=(), warnings=())


def analyze_long(document: Document, nlp: Language) -> AnalysisRecord:
    """Analyse a very long document chunk by chunk, offsets kept.

    Each chunk (at most :data:`CHUNK_CHARS` characters, cut at a line break or space)
    is parsed on its own, so no parse passes the model's ``max_length`` and time and
    memory grow linearly with length; its record's offsets and sentence numbers are
    moved to the whole document's, then the chunks' records are merged (actor ids are
    renumbered per document).
    """
    from sitroom.pipeline.merge import merge_records

    records: list[AnalysisRecord] = []
    sentences = 0
    for start, end in chunk_bounds(document.clean):
        doc = nlp(make_doc(nlp, _chunk(document, start, end)))
        records.append(_shift(record_from_doc(doc), start, sentences))
        sentences += sum(1 for _ in doc.sents)
        TimeBudget.check()
    merged = merge_records(records)
    merged = replace(merged, document=document_info(document),
                     errors=merged.errors + document.warnings)
    return _rebase(merged, document) if document.clean != document.text else merged


def analyze_text(text: str, *, doc_id: str | None = None, title: str | None = None,
                 published: str | None = None, nlp: Language | None = None) -> AnalysisRecord:
    """Analyse one string (for notebooks and the web upload)."""
    document = build_document(text, doc_id=doc_id, title=title, published=published)
    result = next(analyze_documents([document], nlp=nlp))
    if isinstance(result, ReadFailure):
        raise ValueError(str(result))
    return result
