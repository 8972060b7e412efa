"""Long documents: chunks stay under the model's limit and offsets stay the document's."""

from __future__ import annotations

import itertools

import pytest

from sitroom.documents.readers import build_document
from sitroom.pipeline.analyze import analyze_long, chunk_bounds
from sitroom.record import AnalysisRecord


@pytest.mark.parametrize(("text", "size", "pieces"), [
    ("short text", 100, 1),  # negative: nothing to cut
    ("line one\nline two\nline three\n" * 10, 100, 3),  # cut after line breaks
    ("word " * 100, 100, 5),  # one line: cut after spaces
    ("x" * 250, 100, 3),  # no break at all: cut hard
])
def test_chunks_cover_the_text_in_order(text: str, size: int, pieces: int) -> None:
    bounds = list(chunk_bounds(text, size))
    assert len(bounds) == pieces
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(0 < end - start <= size for start, end in bounds)


def test_a_chunked_record_keeps_document_offsets_and_sentence_numbers(nlp, monkeypatch):
    import sitroom.pipeline.analyze as analyze

    monkeypatch.setattr(analyze, "CHUNK_CHARS", 200)
    paragraph = "Kenya&#8217;s president will visit Ethio\u200bpia next month, aides said.\n"
    text = paragraph * 12
    document = build_document(text, doc_id="chunked")
    record = analyze_long(document, nlp)
    assert isinstance(record, AnalysisRecord)
    assert record.document.length == len(text) and record.document.id == "chunked"
    triggers = [e.trigger for e in record.events]
    assert len(triggers) >= 10
    assert all(text[t.start:t.end] == t.text for t in triggers)
    assert max(t.start for t in triggers) > 600
    indexes = [e.sentence.index for e in record.events]
    assert indexes == sorted(indexes) and len(set(indexes)) == len(indexes)
    for actor in record.actors:
        assert all(text[m.start:m.end] == m.text for m in actor.mentions)
