"""The dashboard: a FastAPI application over the store, with a JSON API and one page.

``create_app(db_path)`` opens the store once and serves:

- ``/`` and ``/static/…``: the page (``static/index.html``, ``app.js``, ``app.css``) and the
  npm-installed libraries copied into ``static/vendor/`` by ``make web-assets``;
- ``/api/…``: read-only JSON endpoints, documented at ``/docs`` and ``/openapi.json``;
- ``POST /api/documents``: the one write, an upload (pasted text or a ``.txt``/``.md``/
  ``.html`` file up to ``MAX_UPLOAD_BYTES``) that is analysed and stored.

Reads hold no lock: each request reads through its own DuckDB cursor, and a query
running over ``query_seconds`` is interrupted (422). Query parameters are typed and
bounded (dates inside 1900-01-01 … a year ahead, rows by ``limit``, answers by
:data:`MAX_RESPONSE_BYTES`); SQL is parameterised. Uploads are analysed on a worker
thread, one at a time, within ``upload_seconds``; the one writer is serialised by a
lock. Every request passes :class:`sitroom.web.guard.Guard` (Host and Origin checks,
sizes, security headers on every answer, errors included).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import re
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from sitroom.api import Store, open_store
from sitroom.documents.model import Document, ReadFailure
from sitroom.documents.readers import build_document, decode
from sitroom.errors import SitroomError
from sitroom.pipeline.budget import Deadline
from sitroom.record import AnalysisRecord
from sitroom.store import DocumentTexts
from sitroom.web import evidence, queries
from sitroom.web.guard import Guard

STATIC = Path(__file__).resolve().parent / "static"
#: Largest accepted upload (bytes of text).
MAX_UPLOAD_BYTES = 1_000_000
#: Requests to the upload endpoint larger than this are refused before parsing.
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 16_384
#: Accepted upload types: file suffix → document format.
UPLOAD_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown",
                   ".markdown": "markdown", ".html": "html", ".htm": "html"}
#: Accepted upload content types (browsers send "" or octet-stream for unknown ones).
UPLOAD_TYPES = {"text/plain", "text/markdown", "text/x-markdown", "text/html",
                "application/octet-stream", ""}

#: Seconds a query may run before it is interrupted.
QUERY_SECONDS = 15.0
#: Seconds an upload's analysis may take.
UPLOAD_SECONDS = 120.0
#: Largest JSON answer of the API (bytes).
MAX_RESPONSE_BYTES = 16_000_000
#: Earliest date a query accepts (the latest: a year after today).
EARLIEST_DATE = dt.date(1900, 1, 1)

#: Analyses one prepared document into a record.
Analyzer = Callable[[Document], AnalysisRecord]

#: Any id without control characters: spaces, accents and slashes are routed.
_DOC_ID = r"^[^\x00-\x1f\x7f]{1,512}$"
_EVENT_ID = r"^[A-Za-z0-9_.:\-]{1,64}$"
_DYAD = re.compile(r"^\s*(\d{1,18})\s*,\s*(\d{1,18})\s*$")


def default_analyzer(document: Document) -> AnalysisRecord:
    """Analyse one document with the full sitroom pipeline (loaded once per process)."""
    from sitroom.pipeline.analyze import analyze_documents

    result = next(analyze_documents([document]))
    if isinstance(result, ReadFailure):
        raise ValueError(result.reason)
    return result


class Upload(BaseModel):
    """What an upload did."""

    doc_id: str
    title: str | None
    added: bool
    events: int
    actors: int


class Problem(BaseModel):
    """An error: ``detail`` says what was wrong."""

    detail: str


def _parse_dyad(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    match = _DYAD.match(value)
    if not match:
        raise HTTPException(422, "dyad must be two actor ids separated by a comma, e.g. 3,7")
    return int(match[1]), int(match[2])


def latest_date() -> dt.date:
    """The latest date a query accepts: one year after today."""
    return dt.date.today() + dt.timedelta(days=366)


def _check_range(start: dt.date | None, end: dt.date | None) -> None:
    latest = latest_date()
    for name, day in (("start", start), ("end", end)):
        if day is not None and not EARLIEST_DATE <= day <= latest:
            raise HTTPException(422, f"{name} must be between {EARLIEST_DATE.isoformat()} "
                                     f"and {latest.isoformat()}")
    if start is not None and end is not None and start > end:
        raise HTTPException(422, "start must not be after end")


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text)[:64] or "upload"


def create_app(
    db_path: str | Path,
    *,
    read_only: bool = False,
    analyzer: Analyzer | None = None,
    upload_dir: str | Path | None = None,
    allowed_hosts: Iterable[str] = (),
    query_seconds: float = QUERY_SECONDS,
    upload_seconds: float = UPLOAD_SECONDS,
) -> FastAPI:
    """Build the dashboard application over the store at ``db_path``.

    Args:
        db_path: the DuckDB store (created when missing unless ``read_only``).
        read_only: open the store read-only; uploads are then refused (403).
        analyzer: turns an uploaded document into a record (default: the full pipeline).
        upload_dir: where uploaded texts are kept so their evidence can be shown
            (default: ``<store name>-uploads/`` beside the store).
        allowed_hosts: host names the server answers to besides loopback names
            (``"*"``: any; ``sitroom serve --host`` adds the host it binds to).
        query_seconds: a read running longer is interrupted (422).
        upload_seconds: an upload's analysis running longer is stopped (422).

    Returns:
        The FastAPI application; the store is closed on shutdown.
    """
    path = Path(db_path)
    store: Store = open_store(path, read_only=read_only)
    lock = threading.Lock()  # the one writer (uploads); reads take no lock
    upload_slot = threading.Semaphore(1)
    running: set[Deadline] = set()
    analyze = analyzer or default_analyzer
    uploads = Path(upload_dir) if upload_dir else path.with_name(path.stem + "-uploads")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        for deadline in list(running):  # stop an upload being analysed
            deadline.stop()
        if lock.acquire(timeout=10):
            try:
                store.close()
            finally:
                lock.release()

    app = FastAPI(
        title="sitroom dashboard",
        version="1",
        description="A read-only JSON API over a sitroom store, plus one upload endpoint.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the schema is /openapi.json
        redoc_url=None,
    )
    app.state.store = store
    app.state.lock = lock
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, upload_paths=["/api/documents"],
                       max_request_bytes=MAX_REQUEST_BYTES,
                       max_response_bytes=MAX_RESPONSE_BYTES)

    @app.exception_handler(SitroomError)
    async def sitroom_error(_: Request, error: SitroomError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, 500)

    def locked(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a read on its own cursor (no lock), interrupted after ``query_seconds``."""
        cursor = store.conn.cursor()
        timer = threading.Timer(query_seconds, cursor.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return fn(Store(cursor, store.path, store.read_only), *args, **kwargs)
        except duckdb.InterruptException as error:
            raise HTTPException(422, f"the query ran over {query_seconds:.0f} s: narrow it "
                                     "(dates, filters, limit)") from error
        finally:
            timer.cancel()
            cursor.close()

    not_found: dict[int | str, dict[str, Any]] = {
        404: {"model": Problem, "description": "No such item"}
    }

    # -- read-only API ----------------------------------------------------------------
    @app.get("/api/summary", tags=["overview"])
    def get_summary() -> dict[str, Any]:
        """Counts of documents, actors, events, quotes and sources; the date range of
        counted events; claims resting on anonymous or intelligence sources."""
        out: dict[str, Any] = locked(queries.summary)
        out["read_only"] = read_only
        out["max_upload_bytes"] = MAX_UPLOAD_BYTES
        return out

    @app.get("/api/actors", tags=["actors"])
    def get_actors(
        q: Annotated[str | None, Query(max_length=200, description="name, code or title")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    ) -> list[dict[str, Any]]:
        """Actors, most active first, optionally matching ``q``."""
        return list(locked(queries.actors, q, limit))

    @app.get("/api/actors/{actor_id}", tags=["actors"], responses=not_found)
    def get_actor(actor_id: Annotated[int, PathParam(ge=1)]) -> dict[str, Any]:
        """One actor with its counts."""
        found = locked(queries.actor, actor_id)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id}")
        return dict(found)

    @app.get("/api/network", tags=["actors"])
    def get_network(
        start: dt.date | None = None,
        end: dt.date | None = None,
        min_events: Annotated[int, Query(ge=1, le=10_000, description="per edge")] = 1,
        top: Annotated[int | None, Query(ge=1, le=2000, description="most active actors")]
            = None,
    ) -> dict[str, Any]:
        """The actor network over counted events between ``start`` and ``end``:
        nodes with event counts, directed edges with counts and Goldstein scores."""
        _check_range(start, end)
        return dict(locked(queries.network, start, end, min_events, top))

    @app.get("/api/events", tags=["events"])
    def get_events(
        actor: Annotated[int | None, Query(ge=1, description="actor id, any role")] = None,
        dyad: Annotated[
            str | None, Query(max_length=40, description="source,target actor ids, e.g. 3,7")
        ] = None,
        either: Annotated[bool, Query(description="with dyad: both directions")] = False,
        start: dt.date | None = None,
        end: dt.date | None = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        doc_id: Annotated[str | None, Query(pattern=_DOC_ID)] = None,
        include_all: Annotated[
            bool, Query(description="also hypothetical, future, requested, negated")
        ] = False,
        limit: Annotated[int, Query(ge=1, le=5000)] = 200,
    ) -> list[dict[str, Any]]:
        """Events matching the filters (counted events only unless ``include_all``)."""
        _check_range(start, end)
        pair = _parse_dyad(dyad)
        return list(locked(
            queries.events, actor=actor, dyad=pair, either_direction=either, start=start,
            end=end, quad_class=quad_class, doc_id=doc_id, include_all=include_all,
            limit=limit,
        ))

    @app.get("/api/events/{doc_id:path}/{event_id}", tags=["events"], responses=not_found)
    def get_evidence(
        doc_id: Annotated[str, PathParam(pattern=_DOC_ID)],
        event_id: Annotated[str, PathParam(pattern=_EVENT_ID)],
    ) -> dict[str, Any]:
        """The evidence for one event: its sentence cut into runs marking actors,
        trigger, hedge/certainty cues, source, place and numbers; the source's kind and
        anonymity; the document."""
        found = locked(evidence.evidence, doc_id, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id} in document {doc_id}")
        return dict(found)

    @app.get("/api/timeline", tags=["events"])
    def get_timeline(
        actor: Annotated[int | None, Query(ge=1)] = None,
        a: Annotated[int | None, Query(ge=1, description="dyad: first actor id")] = None,
        b: Annotated[int | None, Query(ge=1, description="dyad: second actor id")] = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> dict[str, Any]:
        """Daily counted events by quad class for one actor (``actor``) or a dyad (``a``
        and ``b``, both directions), with each day's conflict score and escalation signal."""
        _check_range(start, end)
        if (a is None) != (b is None):
            raise HTTPException(422, "a dyad needs both a and b")
        if actor is None and a is None:
            raise HTTPException(422, "give an actor, or a dyad as a and b")
        if start is not None and end is not None and (end - start).days > 3660:
            raise HTTPException(422, "the date range is limited to ten years")
        dyad = (a, b) if a is not None and b is not None else None
        return dict(locked(queries.timeline, actor=actor if dyad is None else None,
                           dyad=dyad, start=start, end=end))

    @app.get("/api/escalation", tags=["events"])
    def get_escalation(
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> dict[str, Any]:
        """Escalation signals of every country dyad between ``start`` and ``end``,
        strongest first: the rule of ``sitroom series --escalation`` and the brief."""
        _check_range(start, end)
        return dict(locked(queries.escalation, start, end))

    @app.get("/api/quotes", tags=["sourcing"])
    def get_quotes(
        actor: Annotated[int | None, Query(ge=1, description="speaker's actor id")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[dict[str, Any]]:
        """Who said what: quotes with their speakers, newest documents first."""
        return list(locked(queries.quotes, actor, None, limit))

    @app.get("/api/sources", tags=["sourcing"])
    def get_sources(limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
        """Sources with their claims, totals by kind and anonymity, and how many claims
        rest on anonymous or intelligence sources."""
        return dict(locked(queries.sources, limit))

    @app.get("/api/documents", tags=["documents"])
    def get_documents(
        q: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    ) -> list[dict[str, Any]]:
        """Documents, newest first; ``q`` searches titles, ids, urls, datelines, quotes
        and actor names."""
        return list(locked(queries.documents, q, limit))

    @app.get("/api/documents/{doc_id:path}", tags=["documents"], responses=not_found)
    def get_document(doc_id: Annotated[str, PathParam(pattern=_DOC_ID)]) -> dict[str, Any]:
        """One document: metadata, its text (when the file is available) with actor
        mentions and triggers marked, and its actors, events, quotes and sources."""
        found = locked(evidence.document, doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id}")
        return dict(found)

    # -- the one write ------------------------------------------------------------------
    @app.post(
        "/api/documents",
        tags=["documents"],
        status_code=201,
        response_model=Upload,
        responses={
            403: {"model": Problem, "description": "The store is read-only"},
            413: {"model": Problem, "description": f"Over {MAX_UPLOAD_BYTES} bytes"},
            415: {"model": Problem, "description": "Not a .txt, .md or .html text file"},
            422: {"model": Problem, "description": "No text, or analysis failed or ran "
                                                   "over its time"},
            429: {"model": Problem, "description": "Another upload is being analysed"},
        },
    )
    async def post_document(
        text: Annotated[str | None, Form(description="pasted text")] = None,
        title: Annotated[str | None, Form(max_length=300)] = None,
        file: Annotated[UploadFile | None, File(description=".txt, .md or .html, UTF-8")] = None,
    ) -> Upload:
        """Analyse a pasted text or an uploaded file and store it (idempotent: the same
        text twice is stored once)."""
        if read_only:
            raise HTTPException(403, "the store is open read-only; uploads are disabled")
        fmt = "text"
        name = "pasted"
        if file is not None and file.filename:
            filename = str(file.filename)
            suffix = Path(filename).suffix.lower()
            content_type = (file.content_type or "").split(";")[0].strip().lower()
            if suffix not in UPLOAD_SUFFIXES or content_type not in UPLOAD_TYPES:
                raise HTTPException(
                    415,
                    f"unsupported file {filename!r} ({content_type or 'no type'}): "
                    "upload a .txt, .md or .html text file",
                )
            raw = await file.read(MAX_UPLOAD_BYTES + 1)
            if len(raw) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"upload too large: over {MAX_UPLOAD_BYTES} bytes")
            decoded = decode(raw, filename)
            if isinstance(decoded, ReadFailure):
                if decoded.reason == "empty file":
                    raise HTTPException(422, "the document is empty")
                raise HTTPException(415, f"{decoded.reason}: upload UTF-8 text")
            body = decoded
            fmt = UPLOAD_SUFFIXES[suffix]
            name = Path(filename).stem
        elif text is not None:
            if len(text.encode("utf-8")) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"upload too large: over {MAX_UPLOAD_BYTES} bytes")
            body = text
        else:
            raise HTTPException(422, "send the text (field 'text') or a file (field 'file')")
        if not body.strip():
            raise HTTPException(422, "the document is empty")
        if not upload_slot.acquire(blocking=False):
            raise HTTPException(429, "another upload is being analysed; try again shortly",
                                headers={"Retry-After": "5"})
        done: concurrent.futures.Future[Upload] = concurrent.futures.Future()
        done.set_running_or_notify_cancel()  # running: a request that gives up cannot cancel
        worker = threading.Thread(target=_upload_worker, args=(done, body, title, fmt, name),
                                  name="sitroom-upload", daemon=True)
        try:
            worker.start()
        except BaseException:
            upload_slot.release()
            raise
        try:
            return await asyncio.wait_for(asyncio.wrap_future(done), upload_seconds + 5)
        except TimeoutError as error:
            raise HTTPException(422, f"analysis did not finish within {upload_seconds:.0f} s"
                                ) from error

    def _upload_worker(done: concurrent.futures.Future[Upload], body: str,
                       title: str | None, fmt: str, name: str) -> None:
        """Analyse and store one upload off the request path; always frees the slot."""
        try:
            done.set_result(_store_upload(body, title, fmt, name))
        except BaseException as error:  # handed to the waiting request
            done.set_exception(error)
        finally:
            upload_slot.release()

    def _store_upload(body: str, title: str | None, fmt: str, name: str) -> Upload:
        document = build_document(body, title=title or None, fmt=fmt)
        suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[fmt]
        target = uploads / f"{_safe_name(name)}-{document.sha256[:12]}{suffix}"
        document = replace(document, path=str(target))
        deadline = Deadline(upload_seconds, "upload")
        running.add(deadline)
        try:
            with deadline:
                record = analyze(document)
        except Exception as error:  # any analysis failure is the client's 422
            reason = str(error)
            if not reason.startswith("analysis failed"):
                reason = f"analysis failed: {reason}"
            raise HTTPException(422, reason) from error
        finally:
            running.discard(deadline)
        record = replace(record, document=replace(record.document, path=str(target)))
        with lock:
            uploads.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_text(document.text, encoding="utf-8", newline="")
            result = store.ingest(DocumentTexts([document]).pair([record]))
            if result.failures:
                raise HTTPException(422, f"could not store it: {result.failures[0].reason}")
            row = store.conn.execute(
                "SELECT doc_id FROM documents WHERE sha256 = ?", [document.sha256]
            ).fetchone()
        return Upload(
            doc_id=str(row[0]) if row else record.document.id,
            title=record.document.title,
            added=result.added == 1,
            events=len(record.events),
            actors=len(record.actors),
        )

    # -- the page -------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
