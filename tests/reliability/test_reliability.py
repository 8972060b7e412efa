"""Reliability: no document sinks a run, no request sinks the server (issue 12).

Every test here reproduces one case of the probe: a long or broken document among good
ones, a zero published date, a cross-origin write, an error without security headers,
an upload that would hang, an id with spaces and slashes, SIGTERM.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitroom.api import open_store
from sitroom.documents.model import Document, ReadFailure
from sitroom.documents.readers import build_document
from sitroom.errors import AnalysisError, TimeBudgetError
from sitroom.pipeline.analyze import analyze_documents, document_info, provenance
from sitroom.pipeline.budget import TimeBudget
from sitroom.record import AnalysisRecord
from sitroom.store import DocumentTexts
from sitroom.web import create_app

pytestmark = pytest.mark.reliability

#: Our own sentences (invented names).
GOOD = [
    "Kenya will host talks with Ethiopia next month, officials said.",
    "France condemned the attack on a convoy in northern Mali on Tuesday.",
    "The foreign minister of Ruritania, Jane Roe, met her Kenyan counterpart in Nairobi.",
    "Protesters marched in the capital, and police detained dozens of them.",
]
#: A word no real text uses: the component stub below fails on it.
BOMB = "Zorblatquux"
HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


@pytest.fixture()
def bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the actors stage raise on any document holding :data:`BOMB`."""
    import sitroom.actors.resolve as resolve

    real = resolve.find_actors

    def find_actors(doc):  # type: ignore[no-untyped-def]
        if BOMB in doc.text:
            raise RuntimeError("component blew up")
        return real(doc)

    monkeypatch.setattr(resolve, "find_actors", find_actors)


def _page(chars: int) -> str:
    """A saved web page: a little story and a great deal of script."""
    script = "<script>var data = [" + ",".join(["1234567"] * (chars // 8)) + "];</script>"
    return (f"<html><head><title>Talks</title>{script}</head><body>"
            f"<p>{GOOD[0]}</p><p>{GOOD[1]}</p></body></html>")


# -- the pipeline: one document fails alone -------------------------------------------------

def test_a_failing_component_fails_its_document_only(nlp, bomb) -> None:
    docs = [build_document(text, doc_id=f"d{n}") for n, text in enumerate(GOOD)]
    docs.insert(2, build_document(f"{BOMB} said Kenya met Ethiopia.", doc_id="bad"))
    results = list(analyze_documents(docs, nlp=nlp, batch_size=16))
    assert [r.doc_id if isinstance(r, ReadFailure) else r.document.id for r in results] == \
        ["d0", "d1", "bad", "d2", "d3"]
    failed = [r for r in results if isinstance(r, ReadFailure)]
    assert len(failed) == 1 and failed[0].code == AnalysisError.code
    assert "component blew up" in failed[0].reason
    assert all(isinstance(r, AnalysisRecord) for r in results if r is not failed[0])


def test_a_document_over_its_time_budget_is_a_failure_entry(nlp, monkeypatch) -> None:
    import sitroom.actors.resolve as resolve

    real = resolve.find_actors

    def slow(doc):  # type: ignore[no-untyped-def]
        if "tortoise" in doc.text:
            ends = time.monotonic() + 60
            while time.monotonic() < ends:  # a pathological loop in pure Python
                pass
        return real(doc)

    monkeypatch.setattr(resolve, "find_actors", slow)
    docs = [build_document("The tortoise met Kenya.", doc_id="slow"),
            build_document(GOOD[0], doc_id="ok")]
    started = time.monotonic()
    results = list(analyze_documents(docs, nlp=nlp, budget=TimeBudget(1.0, 0.0)))
    assert time.monotonic() - started < 30  # stopped, not run for its 60 s
    assert isinstance(results[0], ReadFailure) and results[0].code == TimeBudgetError.code
    assert "time budget" in results[0].reason
    assert isinstance(results[1], AnalysisRecord) and results[1].document.id == "ok"


def test_a_document_over_a_million_characters_is_analysed(nlp) -> None:
    filler = (" " * 999 + "\n") * 1_100
    text = GOOD[0] + "\n" + filler + GOOD[1] + "\n"
    assert len(text) > 1_000_000
    (record,) = list(analyze_documents([build_document(text, doc_id="long")], nlp=nlp))
    assert isinstance(record, AnalysisRecord), record
    late = [e for e in record.events if e.trigger.start > 1_000_000]
    assert late and all(text[e.trigger.start:e.trigger.end] == e.trigger.text for e in late)
    assert record.document.length == len(text)


def test_a_mixed_batch_stores_every_good_row(tmp_path: Path, nlp, bomb) -> None:
    from sitroom.cli import app

    page = tmp_path / "page.html"
    page.write_text(_page(1_100_000), encoding="utf-8")
    assert page.stat().st_size > 1_100_000
    rows = [{"id": f"good-{n}", "text": text, "published": "2024-03-04"}
            for n, text in enumerate(GOOD)]
    rows.insert(1, {"id": "zero-date", "published": "0001-01-01",
                    "text": "Last week Kenya recalled its ambassador from Ethiopia."})
    rows.insert(3, {"id": "bomb", "text": f"{BOMB} attacked Kenya."})
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, "{not json")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "mixed.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(page), str(feed), "--db", str(db), "-q"])
    assert result.exit_code == 1, result.output  # something was quarantined
    store = open_store(db, read_only=True)
    try:
        stored = set(store.documents()["doc_id"])
        quarantined = store.quarantine()
        published = dict(store.conn.execute(
            "SELECT doc_id, published FROM documents").fetchall())
    finally:
        store.close()
    assert {f"good-{n}" for n in range(len(GOOD))} | {"zero-date"} <= stored
    assert any(str(page) == p for p in store_paths(db))
    assert "bomb" not in stored
    assert published["zero-date"] is None  # the zero date was not trusted
    reasons = " ".join(quarantined["reason"].astype(str))
    assert "component blew up" in reasons and "malformed JSON" in reasons
    assert len(quarantined) == 2


def store_paths(db: Path) -> list[str]:
    """The paths of the stored documents."""
    store = open_store(db, read_only=True)
    try:
        return [str(p) for (p,) in store.conn.execute("SELECT path FROM documents").fetchall()]
    finally:
        store.close()


# -- the server ---------------------------------------------------------------------------------

def _quick(document: Document) -> AnalysisRecord:
    return AnalysisRecord(document=document_info(document), provenance=provenance())


@pytest.fixture()
def web(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(tmp_path / "web.duckdb", analyzer=_quick, upload_dir=tmp_path / "up")
    with TestClient(app, base_url="http://127.0.0.1:8000",
                    raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize(("headers", "status"), [
    ({"Origin": "http://evil.example"}, 403),
    ({"Origin": "null"}, 403),
    ({"Referer": "http://evil.example/page"}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Origin": "http://127.0.0.1:9999"}, 403),  # another port is another origin
    ({"Host": "evil.example"}, 421),  # DNS rebinding
    ({"Origin": "http://127.0.0.1:8000"}, 201),  # the page itself
    ({}, 201),  # curl: no browser, no origin
])
def test_cross_origin_writes_are_refused(web: TestClient, headers, status) -> None:
    response = web.post("/api/documents", data={"text": f"Kenya met Ethiopia {status}."},
                        headers=headers)
    assert response.status_code == status, response.text
    assert all(h in response.headers for h in HEADERS)


def test_foreign_host_names_are_refused_unless_allowed(tmp_path: Path) -> None:
    app = create_app(tmp_path / "h.duckdb", allowed_hosts=["sitroom.lan"])
    with TestClient(app, base_url="http://sitroom.lan") as client:
        assert client.get("/api/summary").status_code == 200
        assert client.get("/api/summary", headers={"Host": "other.lan"}).status_code == 421
        assert client.get("/api/summary", headers={"Host": "[::1]:8000"}).status_code == 200


def test_every_response_carries_the_security_headers(web: TestClient, monkeypatch) -> None:
    from sitroom.web import queries

    def broken(store):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    answers = [web.get("/"), web.get("/api/summary"), web.get("/api/nope"),
               web.get("/api/events?limit=0"), web.delete("/api/summary"),
               web.get("/api/documents/missing"), web.get("/static/nope.js")]
    monkeypatch.setattr(queries, "summary", broken)
    answers.append(web.get("/api/summary"))
    assert [a.status_code for a in answers] == [200, 200, 404, 422, 405, 404, 404, 500]
    for answer in answers:
        assert all(h in answer.headers for h in HEADERS), (answer.status_code, answer.headers)
    assert "boom" not in answers[-1].text  # no internals in the 500


@pytest.mark.parametrize("url", [
    "/api/events?start=0001-01-01",
    "/api/network?end=9999-12-31",
    "/api/timeline?actor=1&start=0002-01-01",
    "/api/escalation?start=9999-12-30",
])
def test_dates_outside_the_window_are_refused(web: TestClient, url: str) -> None:
    response = web.get(url)
    assert response.status_code == 422 and "between 1900-01-01" in response.text


@pytest.mark.parametrize("doc_id", ["report one", "café/é ü", "a/b/c", "x?y#z", "100%"])
def test_any_document_id_is_routed(tmp_path: Path, nlp, doc_id: str) -> None:
    db = tmp_path / "ids.duckdb"
    document = build_document(GOOD[0], doc_id=doc_id, path=str(tmp_path / "doc.txt"))
    (tmp_path / "doc.txt").write_text(document.text, encoding="utf-8")
    (record,) = list(analyze_documents([document], nlp=nlp))
    assert isinstance(record, AnalysisRecord) and record.events
    store = open_store(db, read_only=False)
    try:
        assert store.ingest(DocumentTexts([document]).pair([record])).added == 1
    finally:
        store.close()
    quoted = urllib.parse.quote(doc_id, safe="")
    with TestClient(create_app(db, read_only=True), base_url="http://127.0.0.1") as client:
        found = client.get(f"/api/documents/{quoted}")
        assert found.status_code == 200, found.text
        assert found.json()["doc_id"] == doc_id
        event = client.get(f"/api/events/{quoted}/{record.events[0].id}")
        assert event.status_code == 200, event.text
        listed = client.get("/api/events", params={"doc_id": doc_id,
                                                     "include_all": True}).json()
        assert listed and {e["doc_id"] for e in listed} == {doc_id}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_hanging_upload_is_stopped_while_other_requests_are_served(tmp_path: Path) -> None:
    import httpx
    import uvicorn

    stopped = threading.Event()

    def hangs(document: Document) -> AnalysisRecord:
        try:
            ends = time.monotonic() + 120
            while time.monotonic() < ends:  # pathological: would run two minutes
                pass
        except TimeBudgetError:
            stopped.set()
            raise
        return _quick(document)

    app = create_app(tmp_path / "s.duckdb", analyzer=hangs, upload_dir=tmp_path / "up",
                     upload_seconds=2)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        upload: dict[str, object] = {}

        def post() -> None:
            upload["response"] = httpx.post(f"{base}/api/documents",
                                            data={"text": "Kenya met Ethiopia."}, timeout=60)
            upload["at"] = time.monotonic()

        started = time.monotonic()
        poster = threading.Thread(target=post)
        poster.start()
        time.sleep(0.3)
        served = httpx.get(f"{base}/api/summary", timeout=10)
        served_at = time.monotonic()
        busy = httpx.post(f"{base}/api/documents", data={"text": "Another one."}, timeout=10)
        poster.join(timeout=60)
        response = upload["response"]
        assert isinstance(response, httpx.Response)
        assert served.status_code == 200 and served_at < float(upload["at"])  # type: ignore
        assert busy.status_code == 429  # one upload at a time, the others told so
        assert response.status_code == 422 and "time" in response.json()["detail"]
        assert float(upload["at"]) - started < 60  # bounded, not the analyzer's 120 s
        assert stopped.wait(10)  # the analysis itself was stopped
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def test_sigterm_stops_the_server(tmp_path: Path) -> None:
    import httpx

    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from sitroom.cli import main; main()", "serve",
         "--db", str(tmp_path / "t.duckdb"), "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        ends = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2).is_success:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < ends and proc.poll() is None, proc.stdout.read()  # type: ignore
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        # uvicorn shuts down gracefully, then re-raises the signal it caught
        assert proc.wait(timeout=30) in (0, -signal.SIGTERM)
        assert b"Traceback" not in (proc.stdout.read() if proc.stdout else b"")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_runaway_query_is_interrupted_and_holds_no_lock(tmp_path: Path, monkeypatch) -> None:
    from sitroom.web import queries

    def runaway(store):  # type: ignore[no-untyped-def]
        store.conn.execute("SELECT sum(i) FROM range(1000000000000) t(i)").fetchall()
        return {}

    app = create_app(tmp_path / "q.duckdb", query_seconds=1)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        monkeypatch.setattr(queries, "summary", runaway)
        result: dict[str, object] = {}

        def slow() -> None:
            result["response"] = client.get("/api/summary")
            result["at"] = time.monotonic()

        worker = threading.Thread(target=slow)
        worker.start()
        time.sleep(0.2)
        other = client.get("/api/actors")  # served while the runaway query runs
        other_at = time.monotonic()
        worker.join(timeout=60)
        response = result["response"]
        assert other.status_code == 200 and other_at < float(result["at"])  # type: ignore
        assert response.status_code == 422 and "narrow" in response.json()["detail"]  # type: ignore
