"""The local engine: worker processes keep input order; long documents are chunked."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitroom.documents import iter_documents
from sitroom.documents.readers import build_document
from sitroom.engines.local import analyze_stream
from sitroom.pipeline.analyze import CHUNK_CHARS, analyze_documents
from sitroom.record import AnalysisRecord

PARAGRAPHS = [
    "Russia launched missile strikes on Kyiv on Monday, Ukrainian officials said.",
    "France and Germany urged Iran to return to talks over its nuclear programme.",
    "Japan pledged $50 million in humanitarian aid to Sudan, the foreign ministry said.",
    "The United States imposed sanctions on North Korea after a missile test.",
    "China criticised the sanctions and called for dialogue with Pyongyang.",
    "Indian troops clashed with Chinese soldiers on the border, the army said.",
]


def test_core_engine_modules_do_not_import_dask():
    code = ("import sys, sitroom.engines.local, sitroom.engines.shards, "
            "sitroom.engines.dask_engine, sitroom.bench; "
            "bad = [m for m in ('dask', 'distributed') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_worker_processes_keep_input_order(tmp_path):
    for n, text in enumerate(PARAGRAPHS):
        (tmp_path / f"{n:02d}.txt").write_text(f"{text}\n\n{PARAGRAPHS[n - 1]}\n")
    (tmp_path / "empty.txt").write_text("")
    single = list(analyze_stream(iter_documents([str(tmp_path)]), batch_size=2))
    pooled = list(analyze_stream(iter_documents([str(tmp_path)]), batch_size=2, workers=2))
    assert len(single) == len(PARAGRAPHS) + 1
    assert pooled == single


@pytest.mark.slow
def test_long_document_is_chunked_and_offsets_hold(nlp):
    paragraphs: list[str] = []
    size = 0
    n = 0
    while size < 250_000:
        paragraph = f"{PARAGRAPHS[n % len(PARAGRAPHS)]} Report {n} ends here."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        n += 1
    text = "\n\n".join(paragraphs) + "\n"
    assert len(text) > 2 * CHUNK_CHARS
    document = build_document(text, doc_id="long")
    (record,) = list(analyze_documents([document], nlp=nlp))
    assert isinstance(record, AnalysisRecord), record
    assert record.document.length == len(text)
    assert record.events, "a long document yields events from every chunk"
    assert max(e.trigger.start for e in record.events) > 2 * CHUNK_CHARS
    for event in record.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.sentence.end
    mentions = [m for actor in record.actors for m in actor.mentions]
    assert mentions
    assert max(m.start for m in mentions) > 2 * CHUNK_CHARS
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
    for quote in record.quotes:
        assert text[quote.start:quote.end] == quote.text
    ids = [a.id for a in record.actors]
    assert len(ids) == len(set(ids))
    known = set(ids)
    assert all(set(e.source) | set(e.target) <= known for e in record.events)


@pytest.mark.parametrize("workers", [1])
def test_failures_pass_through_in_place(tmp_path, workers):
    (tmp_path / "a.txt").write_text(PARAGRAPHS[0] + "\n")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_text(PARAGRAPHS[1] + "\n")
    out = list(analyze_stream(iter_documents([str(tmp_path)]), workers=workers))
    assert len(out) == 3
    assert not isinstance(out[1], AnalysisRecord)
    assert "binary" in out[1].reason


def test_prefetch_keeps_order_and_raises_the_producers_error():
    from sitroom.engines.local import prefetch

    assert list(prefetch(iter(range(500)), size=7)) == list(range(500))

    def broken():
        yield 1
        raise ValueError("bad shard")

    got = []
    with pytest.raises(ValueError, match="bad shard"):
        for item in prefetch(broken()):
            got.append(item)
    assert got == [1]
