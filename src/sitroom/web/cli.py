"""``sitroom serve``: the dashboard's command, registered on the main Typer app."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register_web(app: typer.Typer) -> None:
    """Add ``sitroom serve [--db FILE] [--host 127.0.0.1] [--port 8000]`` to ``app``."""

    @app.command()
    def serve(
        db: Annotated[Path | None, typer.Option(
            help="DuckDB store (default: $SITROOM_DB or ./sitroom.duckdb).")] = None,
        host: Annotated[str, typer.Option(
            help="Interface to bind; the default serves this machine only.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
        read_only: Annotated[bool, typer.Option(
            "--read-only", help="Open the store read-only (uploads disabled).")] = False,
        allow_host: Annotated[list[str] | None, typer.Option(
            "--allow-host", help="Another host name the server answers to (repeatable; "
            "e.g. behind a proxy). Loopback names and --host are always allowed.")] = None,
    ) -> None:
        """Serve the dashboard (a web page and a JSON API) over the store.

        The page works offline; run `make web-assets` once to copy its libraries.
        The API is documented at /openapi.json. With ``--read-only`` the store must
        exist (exit 2 otherwise, as for the query commands). Requests naming another
        host are refused (421; DNS rebinding), and so are cross-origin writes (403).
        ``--host 0.0.0.0`` (or ``::``) answers to any host name. SIGTERM or Ctrl-C stop
        the server within seconds, an upload being analysed included.
        """
        import uvicorn

        from sitroom.errors import NoStoreError, SitroomError, exit_code
        from sitroom.store import resolve_path
        from sitroom.web.app import STATIC, create_app

        if not (STATIC / "vendor" / "cytoscape.min.js").is_file():
            typer.echo("warning: the network library is missing; run `make web-assets`",
                       err=True)
        if host not in {"127.0.0.1", "localhost", "::1"}:
            typer.echo(f"warning: serving on {host}: the dashboard has no authentication",
                       err=True)
        try:
            path = resolve_path(db)
            if read_only and not path.is_file():
                raise NoStoreError("no store to serve read-only; create one with "
                                   "`sitroom ingest`", path=str(path))
            hosts = [*(allow_host or []), host]
            if host in {"0.0.0.0", "::"}:
                hosts.append("*")
            web = create_app(path, read_only=read_only, allowed_hosts=hosts)
        except SitroomError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(exit_code(error)) from None
        typer.echo(f"sitroom dashboard on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        uvicorn.run(web, host=host, port=port, log_level="warning",
                    timeout_graceful_shutdown=5)
