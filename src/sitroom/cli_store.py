"""Store commands of the CLI: events, actors, dyad, series, network, brief.

``register(app)`` adds them to the main Typer app; ``cli.py`` owns ``ingest``.

Errors print one line (``error: [CODE] message``) and exit as :func:`sitroom.errors.exit_code`
says: 2 for a usage error (a bad option value or combination, or a ``--db`` path where no
store exists: these commands query a store, they never create one), 1 for a store that
cannot be read.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from sitroom.api import Store, open_store, resolve_path
from sitroom.errors import NoStoreError, SitroomError, StoreError, UsageError, exit_code
from sitroom.store.export import FORMATS, export_events, render_plain
from sitroom.store.query import EventFilter
from sitroom.store.situations import annotate

#: Formats of the commands that print a table of rows (not events).
FRAME_FORMATS = ("table", "csv", "json", "parquet")

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="Store file (default: $SITROOM_DB, else ./sitroom.duckdb)."),
]
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help=f"Output format: {'|'.join(FORMATS)}.")
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to FILE (needed for parquet).")
]
HeaderOpt = Annotated[bool, typer.Option("--header", help="GDELT: write the column names.")]
RawOpt = Annotated[bool, typer.Option(
    "--raw", help="csv/gdelt/polecat: write cells as stored, without the apostrophe that "
    "keeps a spreadsheet from running a cell starting with = + - @ (for machine readers).")]
ActorOpt = Annotated[str | None, typer.Option(help="Actor (global id, code or name).")]
CountryOpt = Annotated[str | None, typer.Option(help="Country (ISO alpha-3) of any actor.")]
PloverOpt = Annotated[str | None, typer.Option(help="PLOVER event type, e.g. ACCUSE.")]
CameoOpt = Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 19.")]
QuadOpt = Annotated[int | None, typer.Option("--quad", help="Quad class 1-4.")]
ModalityOpt = Annotated[str | None, typer.Option(help="actual|future|hypothetical|requested.")]
PolarityOpt = Annotated[str | None, typer.Option(help="positive|negative.")]
CertaintyOpt = Annotated[str | None, typer.Option(help="confirmed|reported|alleged|uncertain.")]


def _iso_date(value: str | None) -> str | None:
    """Check a ``--since``/``--until`` value: not an ISO date is a usage error (exit 2)."""
    if value is not None:
        try:
            dt.date.fromisoformat(value[:10])
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    return value


SinceOpt = Annotated[
    str | None, typer.Option(help="From this date (YYYY-MM-DD).", callback=_iso_date)
]
UntilOpt = Annotated[
    str | None, typer.Option(help="Up to this date (YYYY-MM-DD).", callback=_iso_date)
]
SourceKindOpt = Annotated[
    str | None, typer.Option("--source-kind", help="Kind of the attributed source.")
]
AnonOpt = Annotated[
    bool | None,
    typer.Option("--anonymous/--named", help="Only events from anonymous / other sources."),
]
AllOpt = Annotated[
    bool,
    typer.Option("--all", help="Include future, hypothetical, requested and negated events."),
]
LimitOpt = Annotated[int | None, typer.Option(help="At most this many rows.")]
DocOpt = Annotated[str | None, typer.Option("--doc", help="Only this document id.")]


def _fail(error: SitroomError) -> NoReturn:
    """Print ``error`` on one line and exit with the status the error policy gives it."""
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(exit_code(error)) from error


@contextmanager
def _store(db: Path | None) -> Iterator[Store]:
    """The store to query; a missing store file is a usage error (nothing is created)."""
    try:
        path = resolve_path(db)
        if not path.is_file():
            raise NoStoreError("no store here; create one with `sitroom ingest`",
                               path=str(path))
        store = open_store(path, read_only=True)  # queries never write nor lock others out
    except SitroomError as error:
        _fail(error)
    try:
        yield store
    except SitroomError as error:
        _fail(error)
    finally:
        store.close()


@contextmanager
def _out(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def _check_format(fmt: str, output: Path | None, formats: tuple[str, ...] = FORMATS) -> None:
    """Refuse an unknown ``--format``, or parquet without ``--output`` (usage errors)."""
    if fmt not in formats:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(formats)}")
    if fmt == "parquet" and output is None:
        raise UsageError("--format parquet needs --output FILE")


def _emit_events(
    store: Store, f: EventFilter, fmt: str, output: Path | None, header: bool, title: str,
    raw: bool = False,
) -> None:
    _check_format(fmt, output)
    table = store.events_arrow(f)
    if fmt == "gdelt":  # NumMentions/NumSources/NumArticles from the situation events
        table = annotate(store.conn, table)
    if fmt == "parquet":
        export_events(table, fmt, sys.stdout, path=str(output) if output else None)
        return
    with _out(output) as out:
        console = Console(file=out) if output else Console()
        if fmt == "table" and not console.is_terminal:
            render_plain(table, out)  # piped or to a file: plain lines, no wrapping
        else:
            export_events(table, fmt, out, header=header, console=console,
                          neutralise=not raw)
    if fmt == "table":
        typer.echo(f"{table.num_rows} events ({title})", err=True)


def _emit_frame(frame: pd.DataFrame, fmt: str, output: Path | None, title: str,
                heading: bool = False) -> None:
    if fmt in FORMATS and fmt not in FRAME_FORMATS:
        raise UsageError(f"format {fmt!r} is for events; use table, csv, json or parquet")
    _check_format(fmt, output, FRAME_FORMATS)
    if fmt == "parquet":
        frame.to_parquet(output, index=False)
        return
    with _out(output) as out:
        if fmt == "csv":
            frame.to_csv(out, index=False)
        elif fmt == "json":
            text = frame.to_json(orient="records", lines=True, date_format="iso")
            out.write(text if text.endswith("\n") or not text else text + "\n")
        elif fmt == "table" and not (Console(file=out) if output else Console()).is_terminal:
            if heading:
                out.write(f"# {title}\n")
            frame.to_csv(out, sep="\t", index=False)  # piped: plain lines, no wrapping
        elif fmt == "table":
            table = Table(title=title)
            for column in frame.columns:
                table.add_column(str(column), overflow="fold")
            for row in frame.itertuples(index=False):
                table.add_row(*("" if pd.isna(v) is True else str(v) for v in row))
            (Console(file=out) if output else Console()).print(table)


def _filter(**kwargs: Any) -> EventFilter:
    """The event filter of the options; a value the filter refuses is a usage error."""
    from sitroom.store.frames import check_filter
    from sitroom.store.query import make_filter

    try:
        made = make_filter(None, **kwargs)
    except StoreError as error:
        raise UsageError(error.message) from error
    return check_filter(made)


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    app.command("events")(events_cmd)
    app.command("actors")(actors_cmd)
    app.command("dyad")(dyad_cmd)
    app.command("series")(series_cmd)
    app.command("network")(network_cmd)
    app.command("brief")(brief_cmd)


def events_cmd(
    db: DbOpt = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    source: Annotated[str | None, typer.Option(help="Dyad source side (with --target).")] = None,
    target: Annotated[str | None, typer.Option(help="Dyad target side (with --source).")] = None,
    either: Annotated[bool, typer.Option("--either", help="Dyad in either direction.")] = False,
    plover: PloverOpt = None,
    cameo: CameoOpt = None,
    quad: QuadOpt = None,
    modality: ModalityOpt = None,
    polarity: PolarityOpt = None,
    certainty: CertaintyOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source_kind: SourceKindOpt = None,
    anonymous: AnonOpt = None,
    doc: DocOpt = None,
    include_all: AllOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    header: HeaderOpt = False,
    raw: RawOpt = False,
) -> None:
    """List stored events, filtered, in any export format."""
    with _store(db) as store:
        if (source is None) != (target is None):
            raise UsageError("--source and --target go together (a dyad)")
        f = _filter(
            actor=actor, country=country,
            dyad=(source, target) if source and target else None, either_direction=either,
            plover=plover, cameo=cameo, quad_class=quad, modality=modality, polarity=polarity,
            certainty=certainty, since=since, until=until, source_kind=source_kind,
            anonymous=anonymous, doc_id=doc, include_all=include_all, limit=limit,
        )
        _emit_events(store, f, fmt, output, header, "events", raw)


def dyad_cmd(
    a: Annotated[str, typer.Argument(help="Country code or actor.")],
    b: Annotated[str, typer.Argument(help="Country code or actor.")],
    db: DbOpt = None,
    directed: Annotated[bool, typer.Option(help="Only A → B (default: both ways).")] = False,
    plover: PloverOpt = None,
    cameo: CameoOpt = None,
    quad: QuadOpt = None,
    modality: ModalityOpt = None,
    polarity: PolarityOpt = None,
    certainty: CertaintyOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source_kind: SourceKindOpt = None,
    anonymous: AnonOpt = None,
    include_all: AllOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    header: HeaderOpt = False,
    raw: RawOpt = False,
) -> None:
    """Events between A and B (countries or actors)."""
    with _store(db) as store:
        f = _filter(
            dyad=(a, b), either_direction=not directed, plover=plover, cameo=cameo,
            quad_class=quad, modality=modality, polarity=polarity, certainty=certainty,
            since=since, until=until, source_kind=source_kind, anonymous=anonymous,
            include_all=include_all, limit=limit,
        )
        _emit_events(store, f, fmt, output, header, f"{a} {'→' if directed else '↔'} {b}", raw)


def actors_cmd(
    db: DbOpt = None,
    country: CountryOpt = None,
    kind: Annotated[str | None, typer.Option(help="person|state|organization|…")] = None,
    name: Annotated[str | None, typer.Option(help="Name contains.")] = None,
    include_all: AllOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """List actors across documents with their event, mention and document counts."""
    with _store(db) as store:
        frame = store.actors(country=country, kind=kind, name=name, include_all=include_all,
                             limit=limit)
        _emit_frame(frame.drop(columns=["key"]), fmt, output, "actors")


def series_cmd(
    a: Annotated[str | None, typer.Argument(help="Country code or actor.")] = None,
    b: Annotated[str | None, typer.Argument(help="Country code or actor.")] = None,
    db: DbOpt = None,
    directed: Annotated[bool, typer.Option(help="Only A → B (default: both ways).")] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    include_all: AllOpt = False,
    escalation: Annotated[
        bool, typer.Option("--escalation", help="List escalation signals instead.")
    ] = False,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """Daily series of a dyad (A B), of every dyad, or escalation signals."""
    with _store(db) as store:
        if escalation:
            frame = store.escalation(since=since, until=until)
            if (a is None) != (b is None):
                raise UsageError("give two sides (A B) or none")
            if a is not None and b is not None:  # the one dyad, either order
                sides = {a.upper(), b.upper()}
                frame = frame[frame.apply(lambda r: {r["a"], r["b"]} == sides, axis=1)] \
                    if len(frame) else frame
        elif a is not None and b is not None:
            frame = store.dyad_series(a, b, either_direction=not directed, since=since,
                                      until=until, include_all=include_all)
        elif a is None:
            frame = store.series(since=since, until=until, include_all=include_all)
        else:
            raise UsageError("give two sides (A B) or none")
        _emit_frame(frame, fmt, output, "series")


def network_cmd(
    db: DbOpt = None,
    level: Annotated[str, typer.Option(help="actor|country")] = "actor",
    since: SinceOpt = None,
    until: UntilOpt = None,
    include_all: AllOpt = False,
    min_count: Annotated[int, typer.Option(help="Drop edges with fewer events.")] = 1,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table|json")] = "table",
    output: OutputOpt = None,
) -> None:
    """The actor network: nodes with event counts and weighted edges."""
    with _store(db) as store:
        if level not in ("actor", "country"):
            raise UsageError("--level is actor or country")
        net = store.network(level=level, since=since, until=until, include_all=include_all,
                            min_count=min_count)
        if fmt == "json":
            data = {
                "nodes": json.loads(net.nodes.to_json(orient="records")),
                "edges": json.loads(net.edges.to_json(orient="records")),
            }
            with _out(output) as out:
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif fmt == "table":
            _emit_frame(net.nodes, "table", output, "nodes", heading=True)
            _emit_frame(net.edges, "table", output, "edges", heading=True)
        else:
            raise UsageError("--format for network is table or json")


def brief_cmd(
    db: DbOpt = None,
    since: SinceOpt = None,
    actor: ActorOpt = None,
    output: OutputOpt = None,
) -> None:
    """A Markdown brief of the situation, every statement cited."""
    with _store(db) as store:
        text = store.brief(since=since, actor=actor)
        with _out(output) as out:
            out.write(text)

