"""The Dask engine: extraction on a Dask cluster, one process loading the store.

``sitroom ingest --engine dask [--scheduler ADDRESS] [--workers N]``:

1. The client cuts the input into shards of ``shard_size`` documents, fewer when they
   hold ``shard_words`` words (:data:`SHARD_WORDS`; estimated from the input's bytes),
   so a task is about as long as any other and one long document does not stall a
   worker behind a full shard (:func:`sitroom.engines.shards.plan_shards`).
2. Each shard is a task, :func:`sitroom.engines.shards.process_shard`, imported by the
   workers from the installed package (never from ``__main__``). A worker loads the
   pipeline once (``load_nlp`` is cached per process), reads only its shard's part of
   the input and writes one Parquet file, atomically.
3. The client reads the shard files in input order and loads them into the store
   (DuckDB has a single writer). Shards already written, by this run or an earlier
   interrupted one over the same input, are not recomputed.

Workers and client must see the same files (the input and ``shard_dir``): a
``LocalCluster``, or a cluster on a shared file system with sitroom installed.

This module needs the ``dask`` extra (``pip install 'sitroom[dask]'``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom.engines.shards import (
    ShardItem,
    ShardPlan,
    ShardReport,
    ShardSpec,
    SkippedDocument,
    peak_rss_mb,
    plan_shards,
    process_shard,
    read_shard,
    shard_complete,
    shard_path,
    warm_worker,
    write_manifest,
)
from sitroom.errors import EngineError
from sitroom.store.query import known_hashes
from sitroom.store.write import IngestResult, ingest_records

if TYPE_CHECKING:
    from distributed import Client, Future

    from sitroom.store.db import Database as Store

#: ``progress(outcome, doc_id_or_path)``, as for ``Store.ingest``.
Progress = Callable[[str, "str | None"], None]

#: Words per shard at most, by default: about 32 news articles of 500 words, or one
#: long report alone (a worker analyses about 3,600 words a second, docs/scale.md).
SHARD_WORDS = 16_000


#: Dask settings of the ``LocalCluster`` this module starts. Without a dashboard nothing
#: reads the workers' profiles, and the timers below wake a worker's event loop many
#: times a second, each time taking the interpreter lock from the task (measured: the
#: worker processes spent 5% more CPU than their task threads with the defaults, under
#: 1% with these). Memory limits are still watched, once a second.
LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,  # stack sampling every 10 ms
    "distributed.admin.tick.interval": "1s",  # event-loop watchdog, default every 20 ms
    "distributed.admin.system-monitor.interval": "5s",  # default 500 ms
    "distributed.worker.memory.monitor-interval": "1s",  # default 100 ms
}


@dataclass(frozen=True)
class DaskIngestResult(IngestResult):
    """An :class:`~sitroom.store.IngestResult` with what the cluster did.

    Attributes:
        shards: shards in the input.
        shards_reused: shards whose Parquet file was already written (not recomputed).
        shard_folder: the folder of this input's shard files.
        fingerprint: the input fingerprint keying the shard folder.
        worker_peak_rss_mb: peak resident memory of each worker process (MiB), by address.
    """

    shards: int = 0
    shards_reused: int = 0
    shard_folder: str = ""
    fingerprint: str = ""
    worker_peak_rss_mb: tuple[tuple[str, float], ...] = ()


def _require_distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise EngineError(
            "the Dask engine needs the dask extra: pip install 'sitroom[dask]'") from error
    return distributed


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Client]:
    """A Dask client: connected to ``scheduler``, else on a new ``LocalCluster``.

    The local cluster has ``workers`` processes with one thread each (one model per
    process), no dashboard and :data:`LOCAL_CLUSTER_CONFIG`.
    """
    distributed = _require_distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except OSError as error:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {error}"
                              ) from error
        try:
            yield client
        finally:
            client.close()
        return
    import dask.config

    with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read when the cluster is made
        cluster = distributed.LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                           processes=True, dashboard_address=None)
    try:
        client = distributed.Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def warm_workers(client: Client) -> dict[str, float]:
    """Load the pipeline on every worker now; returns each worker's peak RSS (MiB)."""
    return {str(k): float(v) for k, v in client.run(warm_worker).items()}


def workers_peak_rss(client: Client) -> dict[str, float]:
    """Peak resident memory (MiB) of every worker process, by worker address."""
    return {str(k): float(v) for k, v in client.run(peak_rss_mb).items()}


def _threads(client: Client) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:  # fall back to a sensible window
        return 2


def iter_results(
    client: Client,
    plan: ShardPlan,
    folder: Path,
    batch_size: int = 16,
    window: int | None = None,
    reports: list[ShardReport] | None = None,
    known: frozenset[str] | None = None,
) -> Iterator[ShardItem]:
    """Run the shards on the cluster and yield their results in input order.

    At most ``window`` shards are in flight (default: twice the cluster's threads);
    shards whose file is already complete are read without a task.

    Args:
        client: a connected Dask client.
        plan: the shards.
        folder: the run's shard folder (``plan.folder(shard_dir)``).
        batch_size: documents per ``nlp.pipe`` batch on the workers.
        window: shards submitted ahead of the one being loaded.
        reports: when given, each shard's :class:`ShardReport` is appended to it.
        known: content hashes already stored; the workers do not parse those
            documents (they come back as :class:`SkippedDocument`).
    """
    limit = window or 2 * _threads(client)
    queue: deque[tuple[ShardSpec, Future | None]] = deque()
    specs = iter(plan.shards)
    in_flight = 0
    tag = plan.fingerprint[:12]
    known_arg: Any = None
    if known:
        known_arg = client.scatter(known, broadcast=True, hash=False)

    def fill() -> None:
        nonlocal in_flight
        while in_flight < limit:
            spec = next(specs, None)
            if spec is None:
                return
            if shard_complete(shard_path(folder, spec.index), spec, known):
                queue.append((spec, None))
                continue
            future = client.submit(process_shard, spec, str(folder), batch_size, known_arg,
                                   key=f"sitroom-shard-{tag}-{spec.index:06d}",
                                   pure=False, retries=1)
            queue.append((spec, future))
            in_flight += 1

    fill()
    while queue:
        spec, future = queue.popleft()
        if future is None:
            report = ShardReport(spec.index, 0, 0, 0.0, 0.0, True, 0)
        else:
            try:
                report = future.result()
            except Exception as error:
                for _, other in queue:
                    if other is not None:
                        other.cancel()
                raise EngineError(f"shard {spec.index} failed on the cluster: {error!r}"
                                  ) from error
            finally:
                in_flight -= 1
            future.release()
        fill()
        if reports is not None:
            reports.append(report)
        yield from read_shard(shard_path(folder, spec.index))


def _skipping(items: Iterator[ShardItem], skipped: list[str], progress: Progress | None
              ) -> Iterator[Any]:
    """Pass records and failures on; count (and report) documents skipped by workers."""
    for item in items:
        if isinstance(item, SkippedDocument):
            skipped.append(item.doc_id)
            if progress is not None:
                progress("skipped", item.doc_id)
            continue
        yield item


@contextmanager
def _opened(store: str | os.PathLike[str] | Store | None) -> Iterator[Store]:
    from sitroom.store import Database, open_database

    if isinstance(store, Database):
        yield store  # the caller's store: left open
        return
    with open_database(store) as opened:
        yield opened


def ingest_on_client(
    client: Client,
    paths: list[str],
    store_path: str | os.PathLike[str] | Store | None,
    shard_dir: str | os.PathLike[str],
    shard_size: int = 32,
    progress: Progress | None = None,
    batch_size: int = 16,
    plan: ShardPlan | None = None,
    skip_known: bool = True,
    shard_words: int | None = None,
) -> DaskIngestResult:
    """Ingest ``paths`` into the store with an already connected client.

    See :func:`ingest_with_dask`; ``plan`` is the input's shard plan when already made.
    """
    plan = plan or plan_shards(paths, shard_size,
                               SHARD_WORDS if shard_words is None else shard_words or None)
    folder = plan.folder(shard_dir)
    write_manifest(plan, folder)
    reports: list[ShardReport] = []
    skipped: list[str] = []
    with _opened(store_path) as store:
        known = frozenset(known_hashes(store)) if skip_known else None
        results = iter_results(client, plan, folder, batch_size, reports=reports, known=known)
        result = ingest_records(store, _skipping(results, skipped, progress), progress)
    peaks = tuple(sorted(workers_peak_rss(client).items()))
    return DaskIngestResult(
        added=result.added, skipped=result.skipped + len(skipped),
        quarantined=result.quarantined,
        failures=result.failures, shards=len(plan.shards),
        shards_reused=sum(1 for r in reports if r.reused), shard_folder=str(folder),
        fingerprint=plan.fingerprint, worker_peak_rss_mb=peaks,
    )


def ingest_with_dask(
    paths: list[str],
    store_path: str | os.PathLike[str] | Store | None,
    scheduler: str | None = None,
    workers: int = 2,
    shard_dir: str | os.PathLike[str] = ".sitroom-shards",
    shard_size: int = 32,
    progress: Progress | None = None,
    batch_size: int = 16,
    skip_known: bool = True,
    shard_words: int | None = None,
) -> DaskIngestResult:
    """Analyse documents on a Dask cluster and load the results into the store.

    Args:
        paths: files, folders and JSONL files (not ``-``).
        store_path: the store: a path (``None``: ``$SITROOM_DB`` or
            ``./sitroom.duckdb``), or an open writable :class:`~sitroom.store.Store`
            (left open).
        scheduler: a scheduler address (``tcp://host:8786``); ``None`` starts a
            ``LocalCluster`` of ``workers`` processes for the run.
        workers: processes of the local cluster (ignored with ``scheduler``).
        shard_dir: where shard files go, one folder per input fingerprint; must be
            visible to the workers and to this process.
        shard_size: documents per shard at most (per task and per Parquet file).
        shard_words: words per shard at most (``None``: :data:`SHARD_WORDS`; ``0``: no
            limit, shards of ``shard_size`` documents).
        progress: ``progress(outcome, doc_id_or_path)`` after each stored item.
        batch_size: documents per ``nlp.pipe`` batch on the workers.
        skip_known: do not parse documents whose content hash is already stored (the
            store's hashes are broadcast to the workers).

    Returns:
        The store's counts plus the shard counts (``shards``, ``shards_reused``) and the
        workers' peak memory.

    Raises:
        EngineError: Dask missing, the scheduler unreachable, or a shard task failed
            (records loaded before the failure stay stored; re-run to continue).
        InputError: ``-`` among the paths.
        StoreError: the store cannot be opened or written.
    """
    plan = plan_shards(paths, shard_size,
                       SHARD_WORDS if shard_words is None else shard_words or None)
    with _opened(store_path) as store, dask_client(scheduler, workers) as client:
        # the store is opened first: a locked or unreadable store fails before the cluster
        return ingest_on_client(client, paths, store, shard_dir, shard_size, progress,
                                batch_size, plan=plan, skip_known=skip_known)
