"""Shards: cutting the input by index reads exactly what iter_documents reads."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sitroom.documents import Document, ReadFailure, iter_documents
from sitroom.engines.shards import (
    SkippedDocument,
    plan_shards,
    read_shard,
    shard_complete,
    shard_inputs,
    shard_path,
    write_manifest,
    write_shard,
)
from sitroom.errors import InputError
from sitroom.record import (
    Actor,
    AnalysisRecord,
    DocumentInfo,
    Event,
    Quantity,
    SentenceRef,
    Span,
)


def _corpus(root: Path) -> list[str]:
    folder = root / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("Russia and Ukraine held talks in Geneva on Monday.\n")
    (folder / "b.md").write_text("# Heading\n\nFrance urged Iran to return to talks.\n")
    (folder / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"id": "j1", "text": "China criticised Japan.", "published": "2024-01-02"}),
        "",
        "{not json",
        json.dumps({"id": "j2", "text": "   "}),
        json.dumps({"id": 3, "text": "Germany sent aid to Ukraine."}),
        "   ",
        json.dumps({"text": "no id"}),
    ]
    for n in range(4, 12):
        lines.append(json.dumps({"id": f"j{n}", "text": f"Story number {n} about Brazil."}))
    jsonl = root / "news.jsonl"
    jsonl.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe bad bytes\n"
                      + json.dumps({"id": "last", "text": "Kenya hosted talks."}).encode())
    bom = root / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": "Peru voted."}).encode()
                    + b"\n")
    return [str(folder), str(jsonl), str(root / "missing.txt"), str(bom),
            str(root / "folder" / "a.txt")]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 100])
def test_shards_read_what_iter_documents_reads(tmp_path, size):
    paths = _corpus(tmp_path)
    expected = list(iter_documents(paths))
    plan = plan_shards(paths, size)
    assert plan.items == len(expected)
    assert len(plan.shards) == -(-len(expected) // size)
    got: list[Document | ReadFailure] = []
    for index, spec in enumerate(plan.shards):
        assert spec.index == index
        assert spec.start == index * size
        items = shard_inputs(spec)
        assert len(items) == spec.count
        got.extend(items)
    assert got == expected
    assert any(isinstance(i, ReadFailure) for i in got)
    assert sum(isinstance(i, Document) for i in got) >= 10


def test_relative_paths_keep_their_names(tmp_path, monkeypatch):
    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    paths = ["folder", "news.jsonl"]
    plan = plan_shards(paths, 4)
    got = [item for spec in plan.shards for item in shard_inputs(spec)]
    assert got == list(iter_documents(paths))


def test_fingerprint_follows_the_input(tmp_path):
    paths = _corpus(tmp_path)
    first = plan_shards(paths, 4)
    assert plan_shards(paths, 4).fingerprint == first.fingerprint
    assert plan_shards(paths, 5).fingerprint != first.fingerprint
    target = tmp_path / "folder" / "a.txt"
    target.write_text("Chile and Peru signed a treaty.\n")
    os.utime(target, ns=(1, 1))
    assert plan_shards(paths, 4).fingerprint != first.fingerprint


def test_shards_are_sized_by_words_so_a_long_document_stands_alone(tmp_path):
    words = "Kenya hosted talks with Ethiopia on trade. " * 300  # 2,100 words
    lines = [json.dumps({"id": f"s{n}", "text": f"Chile and Peru talked {n}."})
             for n in range(6)]
    lines.insert(2, json.dumps({"id": "long", "text": words}))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    by_words = plan_shards([str(path)], 4, shard_words=1000)
    counts = [spec.count for spec in by_words.shards]
    assert counts == [3, 4]  # the shard closes after the long document
    got = [item for spec in by_words.shards for item in shard_inputs(spec)]
    assert got == list(iter_documents([str(path)]))
    # negative: without a word limit, shards are cut by count only
    assert [spec.count for spec in plan_shards([str(path)], 4).shards] == [4, 3]
    # short documents never reach a generous limit: cut by count as before
    assert [s.count for s in plan_shards([str(path)], 2, shard_words=10**6).shards] \
        == [2, 2, 2, 1]
    assert by_words.fingerprint != plan_shards([str(path)], 4).fingerprint
    assert by_words.fingerprint != plan_shards([str(path)], 4, shard_words=999).fingerprint


def test_stdin_is_refused(tmp_path):
    with pytest.raises(InputError):
        plan_shards(["-"], 4)
    with pytest.raises(ValueError):
        plan_shards([str(tmp_path)], 0)


def _record(doc_id: str) -> AnalysisRecord:
    text = "Russia attacked Ukraine with 40 drones."
    return AnalysisRecord(
        document=DocumentInfo(id=doc_id, path="x.txt", title="T", published="2024-03-01",
                              sha256="ab" * 32, length=len(text)),
        actors=(
            Actor("A1", "Russia", "state", "RUS", None, "RUS",
                  mentions=(Span(0, 6, "Russia"),)),
            Actor("A2", "Ukraine", "state", "UKR", None, "UKR",
                  mentions=(Span(16, 23, "Ukraine"),)),
        ),
        events=(
            Event("E1", ("A1",), ("A2",), "ASSAULT", "aerial", "195", -10.0, 4,
                  Span(7, 15, "attacked"), SentenceRef(0, 0, len(text)),
                  quantities=(Quantity(40, False, "drone", "40 drones", 29, 38),
                              Quantity(2.5, True, None, "about 2.5")),
                  cues=(Span(7, 15, "attacked"),)),
        ),
    )


def test_shard_file_round_trip(tmp_path):
    results: list[AnalysisRecord | ReadFailure] = [
        _record("d1"),
        ReadFailure("news.jsonl:3", "malformed JSON", code="E102"),
        _record("d2"),
        ReadFailure("y.txt", "analysis failed: boom", code="E501", doc_id="d3"),
        SkippedDocument("d4", "cd" * 32),
    ]
    path = shard_path(tmp_path / "run", 3)
    assert write_shard(path, 96, results) == (2, 2)
    assert list(read_shard(path)) == results
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    assert table.column("idx").to_pylist() == [96, 97, 98, 99, 100]
    assert table.column("doc_id").to_pylist() == ["d1", None, "d2", "d3", "d4"]
    assert table.column("skipped").to_pylist() == [False] * 4 + [True]
    assert set(table.column_names) >= {"doc_id", "sha256", "record_json", "failure_json"}


def test_shard_complete_checks_rows(tmp_path):
    paths = _corpus(tmp_path)
    plan = plan_shards(paths, 3)
    folder = plan.folder(tmp_path / "shards")
    manifest = write_manifest(plan, folder)
    assert json.loads(manifest.read_text())["fingerprint"] == plan.fingerprint
    spec = plan.shards[0]
    path = shard_path(folder, spec.index)
    assert not shard_complete(path, spec)
    write_shard(path, spec.start, [ReadFailure("p", "r")] * (spec.count - 1))
    assert not shard_complete(path, spec)  # wrong row count: recomputed
    write_shard(path, spec.start, [ReadFailure("p", "r")] * spec.count)
    assert shard_complete(path, spec)
    # a shard that skipped a document is stale for a store without that document
    write_shard(path, spec.start, [SkippedDocument("d", "ab" * 32)]
                + [ReadFailure("p", "r")] * (spec.count - 1))
    assert shard_complete(path, spec, frozenset({"ab" * 32}))
    assert not shard_complete(path, spec, frozenset())
    path.write_bytes(b"not parquet")
    assert not shard_complete(path, spec)


def test_shard_columns_keep_types_nulls_and_text(tmp_path):
    # eleven rows: the validity and bool bitmaps span two bytes
    results: list[AnalysisRecord | ReadFailure | SkippedDocument] = []
    for n in range(11):
        if n % 3 == 0:
            results.append(SkippedDocument(f"s{n}", f"{n:064x}"))
        elif n % 3 == 1:
            results.append(ReadFailure(f"héllo-{n}.txt", "naïve reason ✓", code="E101"))
        else:
            results.append(_record(f"d{n}"))
    path = shard_path(tmp_path, 0)
    assert write_shard(path, 7, results) == (3, 4)
    assert list(read_shard(path)) == results
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    assert table.schema.types == [pa.int64(), pa.string(), pa.string(), pa.large_string(),
                                  pa.string(), pa.bool_()]
    assert table.column("idx").to_pylist() == list(range(7, 18))
    assert table.column("skipped").to_pylist() == [n % 3 == 0 for n in range(11)]
    assert table.column("record_json").null_count == 8
    assert table.column("sha256").to_pylist()[1] is None


def test_writing_and_checking_a_shard_leaves_pandas_unloaded(tmp_path):
    # pyarrow imports pandas (about 50 MiB) when it converts Python lists; a Dask worker
    # only writes and checks shards, so it must not pay for it
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path\n"
        "from sitroom.documents import ReadFailure\n"
        "from sitroom.engines.shards import ShardSpec, SkippedDocument, shard_complete, "
        "write_shard\n"
        f"path = Path({str(tmp_path / 's.parquet')!r})\n"
        "write_shard(path, 0, [ReadFailure('p', 'r'), SkippedDocument('d', 'ab' * 32)])\n"
        "assert shard_complete(path, ShardSpec(0, 0, 2, ()), frozenset({'ab' * 32}))\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
