"""The command line: a thin Typer layer over the library.

``cli.py`` parses arguments and prints; the work is done by the packages it calls.
Every command exits as :mod:`sitroom.errors` says: 0 success, 1 bad data or a failure,
2 a usage error (:func:`sitroom.errors.exit_code` maps an error to its status).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from sitroom.errors import EXIT_FAILURE, InputError, SitroomError, UsageError, exit_code

app = typer.Typer(
    name="sitroom",
    help="Turn news about international affairs into a sourced, queryable picture.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, highlight=False)


class Settings:
    """The global options: ``--quiet`` (no progress bar, no summary lines) and
    ``--verbose`` (a traceback with every error)."""

    quiet = False
    verbose = False


def _print_version(value: bool) -> None:
    if value:
        from sitroom import __version__

        sys.stdout.write(f"sitroom {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def global_options(
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no summary lines (errors still print).")]
        = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Print a traceback with every error.")] = False,
    show_version: Annotated[bool, typer.Option(
        "--version", help="Print sitroom's version and exit.", is_eager=True,
        callback=_print_version)] = False,
) -> None:
    """Turn news about international affairs into a sourced, queryable picture.

    Exit codes, the same for every command: 0 success; 1 bad data or a failure (a
    document quarantined or unreadable, the store, model or a lexicon failed); 2 a
    usage error (a bad option or value, a query against a store that does not exist).
    """
    Settings.quiet = quiet
    Settings.verbose = verbose


class AnalyzeFormat(StrEnum):
    """Output formats of ``sitroom analyze``."""

    json = "json"
    table = "table"


def demo_corpus() -> Path:
    """The folder of the built-in demo corpus."""
    return Path(str(resources.files("sitroom") / "corpus" / "demo"))


def report_failure(failure: object) -> None:
    """Print one read or analysis failure as a one-line error."""
    err.print(f"[bold red]error:[/] {failure}", soft_wrap=True)


def fail(error: SitroomError) -> NoReturn:
    """Print ``error`` on one line and exit with the status the error policy gives it
    (with its traceback first under ``--verbose``)."""
    if Settings.verbose:
        import traceback

        sys.stderr.write("".join(traceback.format_exception(error)))
    report_failure(error)
    raise typer.Exit(exit_code(error)) from None


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(
        help="Text, Markdown or HTML files, folders of them, .jsonl files, or - for stdin.")],
    fmt: Annotated[AnalyzeFormat, typer.Option(
        "--format", "-f", help="json: one analysis record per line; table: readable view.")]
        = AnalyzeFormat.table,
    batch_size: Annotated[int, typer.Option(help="Documents per parser batch.", min=1)] = 16,
    workers: Annotated[int, typer.Option(help="Worker processes for the parse.", min=1)] = 1,
) -> None:
    """Analyse documents and print their analysis records.

    Exits 1 when any document could not be read or analysed (the others are still
    printed) or when the model or a lexicon cannot be loaded.
    """
    from sitroom.documents import iter_documents
    from sitroom.engines.local import analyze_stream
    from sitroom.interfaces.inputs import check_inputs
    from sitroom.record import AnalysisRecord, to_json

    failed = 0
    try:
        check_inputs(paths)
        stream = analyze_stream(iter_documents(paths), batch_size=batch_size, workers=workers)
        for item in stream:
            if not isinstance(item, AnalysisRecord):
                failed += 1
                report_failure(item)
            elif fmt is AnalyzeFormat.json:
                sys.stdout.write(to_json(item) + "\n")
                sys.stdout.flush()
            else:
                from sitroom.interfaces.table import print_record

                print_record(item)
    except SitroomError as error:
        fail(error)
    if failed:
        raise typer.Exit(EXIT_FAILURE)


class Engine(StrEnum):
    """Execution engines of ``sitroom ingest``."""

    local = "local"
    dask = "dask"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Text, Markdown or HTML files, folders of them, .jsonl files, or - for stdin.")],
    db: Annotated[Path | None, typer.Option(
        help="DuckDB store (default: $SITROOM_DB or ./sitroom.duckdb).")] = None,
    engine: Annotated[Engine, typer.Option(help="local processes or a Dask cluster.")]
        = Engine.local,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (default: a LocalCluster).")] = None,
    shards: Annotated[Path | None, typer.Option(
        help="Folder for Dask's Parquet shards (default: beside the store).")] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per parser batch.", min=1)] = 16,
    shard_size: Annotated[int, typer.Option(
        help="Documents per Dask shard (one Parquet file each).", min=1)] = 32,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse documents and add them to the store, incrementally and idempotently.

    Documents already stored (same content hash) are skipped before they are parsed;
    bad documents go to the quarantine table. Exits 1 when anything was quarantined
    or the store cannot be opened or written.
    """
    from sitroom.interfaces.ingest import run_ingest
    from sitroom.interfaces.inputs import check_inputs

    quiet = quiet or Settings.quiet
    try:
        check_inputs(paths)
        result = run_ingest(paths, db=db, engine=engine.value, workers=workers,
                            scheduler=scheduler, shard_dir=shards, batch_size=batch_size,
                            shard_size=shard_size, progress=not quiet)
    except SitroomError as error:
        fail(error)
    for failure in result.failures:
        report_failure(f"quarantined {failure.path or ''} "
                       f"{('[' + failure.doc_id + ']') if failure.doc_id else ''}: "
                       f"{failure.reason}")
    if not quiet:
        err.print(f"{result.added} added, {result.skipped} skipped (already stored), "
                  f"{result.quarantined} quarantined")
    if result.quarantined:
        raise typer.Exit(EXIT_FAILURE)


@app.command()
def watch(
    target: Annotated[Path, typer.Argument(
        help="A folder to watch for new files, or a .jsonl file to follow.")],
    db: Annotated[Path | None, typer.Option(
        help="DuckDB store (default: $SITROOM_DB or ./sitroom.duckdb).")] = None,
    interval: Annotated[float, typer.Option(help="Seconds between looks.", min=0.1)] = 2.0,
    once: Annotated[bool, typer.Option("--once", help="Store what is new, then stop.")]
        = False,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    batch_size: Annotated[int, typer.Option(help="Documents per parser batch.", min=1)] = 16,
    serve: Annotated[int | None, typer.Option(
        "--serve", help="Also serve the dashboard on 127.0.0.1:PORT (it shows new events "
        "as they are stored).", min=1, max=65535)] = None,
) -> None:
    """Ingest new files and appended JSONL lines as they arrive; resumes after a restart.

    What was consumed is kept in <store>.watch.json, saved after each store checkpoint,
    so a killed watcher resumes without storing anything twice. Stop with Ctrl-C.
    DuckDB lets one process write a store: to see new events on the dashboard while
    watching, serve it from the watcher with --serve.
    """
    from sitroom.interfaces.watch import Look, Watcher
    from sitroom.store.db import resolve_path

    if not target.exists():
        fail(InputError("no such file or directory", path=str(target)))

    def say(look: Look) -> None:
        for line in look.failures:
            report_failure(f"quarantined {line}")
        err.print(f"{look.added} added, {look.skipped} skipped, "
                  f"{look.quarantined} quarantined", markup=False)

    watcher = Watcher(target, resolve_path(db), workers=workers, batch_size=batch_size)
    if serve is not None:
        _watch_and_serve(watcher, interval, serve, say)
        return
    try:
        for _ in watcher.run(interval, once=once, report=say):
            pass
    except SitroomError as error:
        fail(error)
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


def _watch_and_serve(watcher: Any, interval: float, port: int, say: Any) -> None:
    """The dashboard on 127.0.0.1:``port`` with the watcher in a thread of its process."""
    import threading

    import uvicorn

    from sitroom.web.app import create_app

    web = create_app(watcher.db, allowed_hosts=["127.0.0.1"])
    stop = threading.Event()

    def follow() -> None:
        try:
            for _ in watcher.run(interval, report=say, stop=stop.is_set):
                pass
        except SitroomError as error:
            report_failure(error)

    threading.Thread(target=follow, name="sitroom-watch", daemon=True).start()
    err.print(f"sitroom dashboard on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    try:
        uvicorn.run(web, host="127.0.0.1", port=port, log_level="warning",
                    timeout_graceful_shutdown=5)
    finally:
        stop.set()


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis record (sitroom.analysis/1)."""
    from sitroom.record import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


@app.command()
def demo(
    db: Annotated[Path | None, typer.Option(
        help="Store to build (default: a fresh demo.duckdb in the current folder).")] = None,
) -> None:
    """Run the main job on the built-in demo corpus: ingest it and print the brief."""
    from sitroom.interfaces.demo import run_demo

    try:
        run_demo(demo_corpus(), db or Path("demo.duckdb"))
    except SitroomError as error:
        fail(error)


@app.command()
def version() -> None:
    """Print sitroom's version and the versions of its lexicons."""
    from sitroom.interfaces.versions import versions

    for name, value in versions().items():
        sys.stdout.write(f"{name}\t{value}\n")


def _register_optional() -> None:
    from sitroom.cli_store import register

    register(app)
    try:
        from sitroom.web.cli import register_web
    except ImportError as missing:  # the [web] extra is not installed
        reason = str(missing)

        @app.command("serve")
        def serve_missing() -> None:
            """The dashboard (needs the [web] extra: pip install 'sitroom[web]')."""
            fail(UsageError(f"the dashboard needs the [web] extra "
                            f"(pip install 'sitroom[web]'): {reason}"))
    else:
        register_web(app)


_register_optional()


def main() -> None:
    """Entry point of the ``sitroom`` command."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
