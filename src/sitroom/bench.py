"""Benchmark: sitroom against the parser's own speed (``python -m sitroom.bench``).

On a JSONL corpus (default ``../shared/data/wikinews/articles.jsonl``) it times, with
the model loaded and the worker processes started beforehand (start-up is reported
apart):

(a) the bare spaCy pipeline (``load_base_nlp``, ``nlp.pipe``) on the same cleaned texts,
    batch size and processes — the ceiling for a parse-based coder;
(b) ``sitroom analyze`` (``analyze_stream``: reading, parsing, sitroom's components,
    records);
(c) ``sitroom ingest`` with the local engine into a temporary store;
(d) ``sitroom ingest`` on a 2-worker Dask ``LocalCluster`` (compared with (a) run
    with 2 processes);

and prints documents/s, words/s, the ratios (b)/(a), (c)/(a), (d)/(a) and the peak
memory of every process. When the store offers a benchmark of its queries
(``scripts/bench_store.py``), it is run too. This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ARTICLES = ROOT.parent / "shared" / "data" / "wikinews" / "articles.jsonl"
STORE_BENCH = ROOT / "scripts" / "bench_store.py"


@dataclass
class Timing:
    """One timed run.

    Attributes:
        label: what ran.
        processes: worker processes (1: in this process).
        seconds: wall time of the timed part.
        documents: documents processed.
        words: whitespace-separated words in their texts.
        failed: documents that came back as failures.
        peaks_mb: peak RSS (MiB) of the processes that did the work.
        note: extra information.
    """

    label: str
    processes: int
    seconds: float
    documents: int
    words: int
    failed: int = 0
    peaks_mb: dict[str, float] = field(default_factory=dict)
    note: str = ""

    @property
    def docs_per_s(self) -> float:
        """Documents per second."""
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        """Words per second."""
        return self.words / self.seconds if self.seconds else 0.0


def rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory (MiB) of this process, or of its finished children."""
    if who == resource.RUSAGE_SELF:
        from sitroom.engines.shards import peak_rss_mb

        return peak_rss_mb()
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """Yield a function returning the seconds since the block began."""
    began = time.perf_counter()
    yield lambda: time.perf_counter() - began


def subset(articles: Path, limit: int | None, folder: Path) -> Path:
    """The first ``limit`` non-blank lines of ``articles`` in a file of their own."""
    target = folder / "articles.jsonl"
    kept = 0
    with articles.open("rb") as source, target.open("wb") as out:
        for raw in source:
            if not raw.strip():
                continue
            out.write(raw if raw.endswith(b"\n") else raw + b"\n")
            kept += 1
            if limit is not None and kept >= limit:
                break
    return target


def _count(results: Any) -> tuple[int, int]:
    from sitroom.record import AnalysisRecord

    done = failed = 0
    for item in results:
        done += 1
        failed += not isinstance(item, AnalysisRecord)
    return done, failed


def bare_spacy(texts: list[str], words: int, processes: int, batch_size: int) -> Timing:
    """(a) the bare statistical pipeline on the same texts."""
    from sitroom.engines.local import WorkerPool
    from sitroom.pipeline.loader import load_base_nlp

    if processes <= 1:
        with stopwatch() as elapsed:
            nlp = load_base_nlp()
            nlp("Warm up the pipeline.")
        load = elapsed()
        with stopwatch() as elapsed:
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
            seconds = elapsed()
        return Timing("(a) bare spaCy", 1, seconds, len(texts), words,
                      peaks_mb={"self": rss_mb()}, note=f"model load {load:.1f}s")
    with stopwatch() as elapsed, WorkerPool(processes, kind="base") as pool:
        pool.warm()
        start = elapsed()
        with stopwatch() as timed:
            pool.parse_texts(texts, batch_size)
            seconds = timed()
        peaks = {f"worker {pid}": mb for pid, mb in pool.peak_rss(0.2).items()}
    return Timing("(a) bare spaCy", processes, seconds, len(texts), words, peaks_mb=peaks,
                  note=f"pool start + model load {start:.1f}s")


def sitroom_analyze(source: Path, words: int, processes: int, batch_size: int,
                    store: Path | None = None) -> Timing:
    """(b) ``analyze_stream``; (c) the same into a store when ``store`` is given."""
    from sitroom.documents import iter_documents
    from sitroom.engines.local import WorkerPool, analyze_stream
    from sitroom.pipeline.loader import load_nlp

    label = "(c) ingest local" if store else "(b) sitroom analyze"

    def consume(results: Iterator[Any]) -> tuple[int, int, str]:
        if store is None:
            done, failed = _count(results)
            return done, failed, ""
        from sitroom.api import open_store

        with open_store(store, read_only=False) as opened:
            from sitroom.engines.local import prefetch

            result = opened.ingest(prefetch(results))
            events = opened.counts()["events"]
        return (result.added + result.quarantined + result.skipped, result.quarantined,
                f"{result.added} stored, {events} events")

    if processes <= 1:
        from sitroom.pipeline.warm import load_knowledge, warm_pipeline

        with stopwatch() as elapsed:
            load_knowledge()  # what the workers do at start (engines.local)
            warm_pipeline(load_nlp())
        load = elapsed()
        with stopwatch() as elapsed:
            done, failed, note = consume(analyze_stream(iter_documents([str(source)]),
                                                        batch_size=batch_size))
            seconds = elapsed()
        return Timing(label, 1, seconds, done, words, failed, {"self": rss_mb()},
                      "; ".join(x for x in (note, f"model load {load:.1f}s") if x))
    with stopwatch() as elapsed, WorkerPool(processes) as pool:
        pool.warm()
        start = elapsed()
        with stopwatch() as timed:
            done, failed, note = consume(pool.analyze(iter_documents([str(source)]),
                                                      batch_size))
            seconds = timed()
        peaks = {f"worker {pid}": mb for pid, mb in pool.peak_rss(0.2).items()}
    peaks["self"] = rss_mb()
    return Timing(label, processes, seconds, done, words, failed, peaks,
                  "; ".join(x for x in (note, f"pool start + model load {start:.1f}s") if x))


def dask_ingest(source: Path, words: int, folder: Path, batch_size: int,
                shard_size: int) -> Timing | str:
    """(d) ingest on a 2-worker LocalCluster (cluster start and model load not timed)."""
    if importlib.util.find_spec("distributed") is None:
        return "(d) skipped: dask is not installed (pip install 'sitroom[dask]')"
    from sitroom.api import open_store
    from sitroom.engines.dask_engine import dask_client, ingest_on_client, warm_workers

    with stopwatch() as elapsed, dask_client(None, workers=2) as client:
        warm_workers(client)
        start = elapsed()
        with stopwatch() as timed:
            result = ingest_on_client(client, [str(source)], folder / "dask.duckdb",
                                      folder / "shards", shard_size=shard_size,
                                      batch_size=batch_size)
            seconds = timed()
    with open_store(folder / "dask.duckdb", read_only=True) as store:
        events = store.counts()["events"]
    peaks = {f"worker {addr}": mb for addr, mb in result.worker_peak_rss_mb}
    peaks["client"] = rss_mb()
    return Timing("(d) ingest dask", 2, seconds, result.added + result.quarantined, words,
                  result.quarantined, peaks,
                  f"{result.added} stored, {events} events, {result.shards} shards of "
                  f"{shard_size}; cluster start + model load {start:.1f}s")


def store_queries() -> str:
    """Run the store's query benchmark on a synthetic store, when the store has one."""
    if STORE_BENCH.is_file():
        done = subprocess.run([sys.executable, str(STORE_BENCH)], capture_output=True,
                              text=True, check=False)
        out = (done.stdout + done.stderr).strip()
        return out if done.returncode == 0 else f"store benchmark failed:\n{out}"
    return (f"store queries skipped: no store benchmark helper ({STORE_BENCH.name}) to "
            "build a synthetic store of one million events")


def _row(t: Timing) -> str:
    return (f"{t.label:<22} {t.processes:>5} {t.documents:>6} {t.failed:>6} {t.seconds:>8.2f}"
            f" {t.docs_per_s:>9.2f} {t.words_per_s:>10.0f}")


def report(timings: list[Timing], extra: list[str]) -> str:
    """The benchmark's printed report."""
    lines = [f"{'run':<22} {'procs':>5} {'docs':>6} {'failed':>6} {'seconds':>8} "
             f"{'docs/s':>9} {'words/s':>10}"]
    lines += [_row(t) for t in timings]
    base = {t.processes: t for t in timings if t.label.startswith("(a)")}
    lines.append("")
    lines.append("ratios (words/s against (a) with the same number of processes):")
    for t in timings:
        if t.label.startswith("(a)") or t.processes not in base:
            continue
        ratio = t.words_per_s / base[t.processes].words_per_s
        lines.append(f"  {t.label[:3]}/(a) = {ratio:.2f}   ({t.label} vs bare spaCy, "
                     f"{t.processes} process{'es' if t.processes > 1 else ''})")
    lines.append("")
    lines.append("peak memory (MiB, ru_maxrss):")
    for t in timings:
        peaks = ", ".join(f"{k} {v:.0f}" for k, v in sorted(t.peaks_mb.items()))
        lines.append(f"  {t.label:<22} {peaks}")
    lines.append(f"  bench process {rss_mb():.0f}; largest finished child "
                 f"{rss_mb(resource.RUSAGE_CHILDREN):.0f} (ru_maxrss: a spawned child "
                 "starts at its parent's peak, so this is an upper bound)")
    lines.append("")
    lines += [f"{t.label}: {t.note}" for t in timings if t.note]
    if any(t.failed for t in timings):
        lines.append("warning: some documents failed analysis; their time is in the "
                     "figures but their parse may not be")
    lines += extra
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m sitroom.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES,
                        help="JSONL corpus (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--workers", type=int, default=1,
                        help="processes for (a), (b) and (c) (default 1)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument("--shard-size", type=int, default=16,
                        help="documents per Dask shard (default 16)")
    parser.add_argument("--no-dask", action="store_true", help="skip (d)")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--store-only", action="store_true",
                        help="only the store benchmark (one-million-event queries and the "
                             "batched write), no parsing")
    args = parser.parse_args(argv)
    if args.store_only:
        print(store_queries())
        return 0
    if not args.articles.is_file():
        print(f"sitroom.bench: no corpus at {args.articles}. Give one with --articles PATH "
              "(JSONL: one {\"id\", \"text\"} object a line), or put the shared data "
              "beside the project (../shared/data/wikinews/articles.jsonl).", file=sys.stderr)
        return 2
    from sitroom.documents import Document, iter_documents

    with tempfile.TemporaryDirectory(prefix="sitroom-bench-") as tmp:
        folder = Path(tmp)
        source = subset(args.articles, args.limit, folder)
        documents = [d for d in iter_documents([str(source)]) if isinstance(d, Document)]
        texts = [d.clean for d in documents]
        words = sum(len(t.split()) for t in texts)
        print(f"corpus: {len(texts)} documents, {words} words, {sum(map(len, texts))} "
              f"characters from {args.articles}; batch size {args.batch_size}; "
              f"{os.cpu_count()} CPUs", flush=True)
        timings = [bare_spacy(texts, words, args.workers, args.batch_size)]
        print(_row(timings[-1]), flush=True)
        timings.append(sitroom_analyze(source, words, args.workers, args.batch_size))
        print(_row(timings[-1]), flush=True)
        timings.append(sitroom_analyze(source, words, args.workers, args.batch_size,
                                       store=folder / "local.duckdb"))
        print(_row(timings[-1]), flush=True)
        extra: list[str] = []
        if not args.no_dask:
            if args.workers != 2:
                timings.append(bare_spacy(texts, words, 2, args.batch_size))
                print(_row(timings[-1]), flush=True)
            outcome = dask_ingest(source, words, folder, args.batch_size, args.shard_size)
            if isinstance(outcome, str):
                extra.append(outcome)
            else:
                timings.append(outcome)
                print(_row(timings[-1]), flush=True)
        extra.append(store_queries())
        print()
        print(report(timings, extra))
        if args.json:
            print(json.dumps([{**t.__dict__, "docs_per_s": t.docs_per_s,
                               "words_per_s": t.words_per_s} for t in timings], indent=2))
    return 0


if __name__ == "__main__":
    from sitroom.bench import main as _main  # run the package's copy, not __main__'s

    sys.exit(_main())
