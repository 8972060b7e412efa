"""The dashboard's JSON API: every endpoint, and its error cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from factory import HOSTILE, corpus
from fastapi.testclient import TestClient
from webdb import DemoDb

from sitroom.web.app import MAX_UPLOAD_BYTES
from sitroom.web.evidence import Mark, segments


# -- read-only endpoints ------------------------------------------------------------------
def test_summary_counts_the_store(client: TestClient, demo_db: DemoDb) -> None:
    body = client.get("/api/summary").json()
    added = demo_db.demo.added if demo_db.demo else 0
    assert body["documents"] == added + len(corpus())
    assert body["counted_events"] >= 10
    assert body["start"] <= "2025-02-27" and body["end"] >= "2025-03-12"
    # syn-03's intelligence official and syn-04's "people familiar with the matter"
    assert body["anonymous_claims"] >= 2 and body["intelligence_claims"] >= 1
    assert body["read_only"] is True


def test_demo_corpus_is_served(client: TestClient, demo_db: DemoDb) -> None:
    """Whatever the real pipeline made of the demo corpus is in the store and served."""
    assert demo_db.demo is not None, f"the pipeline did not run: {demo_db.demo_error}"
    assert demo_db.demo.added + demo_db.demo.quarantined == 24  # the corpus's reports
    docs = client.get("/api/documents", params={"limit": 1000}).json()
    assert len(docs) == demo_db.demo.added + len(corpus())


def test_actors_search(client: TestClient, ids: dict[str, int]) -> None:
    found = client.get("/api/actors", params={"q": "houth"}).json()
    assert any(a["id"] == ids["Houthis"] for a in found)
    assert all("houth" in (a["name"] + (a["code"] or "") + (a["title"] or "")).lower()
               for a in found)
    one = client.get(f"/api/actors/{ids['Houthis']}").json()
    assert one["name"] == "Houthis" and one["events"] >= 6


def test_network_has_nodes_and_coloured_edges(client: TestClient, ids: dict[str, int]) -> None:
    net = client.get("/api/network").json()
    node_ids = {n["id"] for n in net["nodes"]}
    assert {ids["Houthis"], ids["United States"], ids["Iran"]} <= node_ids
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    hou_usa = edges[(ids["Houthis"], ids["United States"])]
    assert hou_usa["events"] >= 2 and hou_usa["goldstein_mean"] < 0 and hou_usa["conflict"] >= 2
    gbr_usa = edges[(ids["Britain"], ids["United States"])]
    assert gbr_usa["goldstein_mean"] > 0 and gbr_usa["cooperation"] >= 1


def test_network_top_keeps_the_most_active(client: TestClient) -> None:
    full = client.get("/api/network").json()
    top = client.get("/api/network", params={"top": 3}).json()
    assert len(top["nodes"]) <= 3 and top["actors_in_range"] == len(full["nodes"])
    kept = {n["id"] for n in top["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in top["edges"])
    threshold = sorted((n["events"] for n in full["nodes"]), reverse=True)[2]
    assert top["nodes"] and all(n["events"] >= threshold for n in top["nodes"])
    linked = {e["source"] for e in full["edges"]} | {e["target"] for e in full["edges"]}
    assert {n["id"] for n in full["nodes"]} == linked  # no isolated nodes


def test_network_date_range_filters(client: TestClient, ids: dict[str, int]) -> None:
    net = client.get("/api/network", params={"start": "2025-03-03", "end": "2025-03-05"}).json()
    pairs = {(e["source"], e["target"]) for e in net["edges"]}
    assert (ids["United States"], ids["Britain"]) in pairs
    assert (ids["Houthis"], ids["Israel"]) not in pairs  # 2025-02-27


def test_events_by_actor_dyad_and_dates(client: TestClient, ids: dict[str, int]) -> None:
    usa, hou = ids["United States"], ids["Houthis"]
    by_actor = client.get("/api/events", params={"actor": hou}).json()
    syn = [e for e in by_actor if e["doc_id"].startswith("syn-")]
    assert len(syn) == 6
    assert all(hou in [a["id"] for a in e["source"] + e["target"]] for e in by_actor)
    dyad = client.get("/api/events", params={"dyad": f"{usa},{hou}"}).json()
    assert {e["trigger"] for e in dyad if e["doc_id"] == "syn-03"} == {"struck", "bombed"}
    assert all(e["source"][0]["id"] == usa for e in dyad)
    both = client.get("/api/events", params={"dyad": f"{usa},{hou}", "either": True}).json()
    assert len(both) > len(dyad)
    dated = client.get("/api/events", params={"actor": hou, "start": "2025-03-10",
                                              "end": "2025-03-31"}).json()
    assert dated and all("2025-03-10" <= e["date"] <= "2025-03-31" for e in dated)
    limited = client.get("/api/events", params={"actor": hou, "limit": 2}).json()
    assert len(limited) == 2


def test_evidence_marks_trigger_cue_and_source(client: TestClient) -> None:
    ev = client.get("/api/events/syn-03/E1").json()
    assert ev["text_available"] is True
    text = "".join(s["text"] for s in ev["segments"])
    assert text == ev["sentence"]["text"]
    assert text.startswith("The Houthis reportedly attacked")
    kinds = {s["text"]: s["kinds"] for s in ev["segments"] if s["kinds"]}
    assert kinds["attacked"] == ["trigger"]
    assert kinds["reportedly"] == ["cue"]
    assert kinds["Houthis"] == ["source-actor"]
    assert "target-actor" in kinds["United States"]
    assert kinds["a senior intelligence official"] == ["source"]
    assert ev["attribution"]["kind"] == "intelligence" and ev["attribution"]["anonymous"]
    assert ev["certainty"] == "reported" and ev["document"]["title"].startswith("Missiles")


def test_timeline_flags_the_escalation(client: TestClient, ids: dict[str, int]) -> None:
    """The Houthis' strikes of 2025-03-09 rise far above their ten days of history; the
    United States–Houthis dyad, first seen that day, has no history of its own and is judged
    against the prior (the other dyads' scores of the fortnight before): a crisis that starts
    today is flagged."""
    actor = client.get("/api/timeline", params={"actor": ids["Houthis"]}).json()
    flagged = {d["date"] for d in actor["days"] if d["signal"]}
    assert "2025-03-09" in flagged and flagged == {s["date"] for s in actor["signals"]}
    assert "Goldstein" in actor["method"] and "14 days" in actor["method"]
    body = client.get("/api/timeline", params={"a": ids["United States"],
                                               "b": ids["Houthis"]}).json()
    days = {d["date"]: d for d in body["days"]}
    assert days["2025-03-09"]["q4"] >= 3 and days["2025-03-09"]["conflict_score"] >= 30
    assert days["2025-03-09"]["signal"] is True
    assert {sig["date"] for sig in body["signals"]} == {"2025-03-09"}
    # consecutive days, gaps filled with zeros
    assert len(body["days"]) == len(days) and days["2025-03-11"]["events"] == 0
    actor = client.get("/api/timeline", params={"actor": ids["Britain"], "start": "2025-03-01",
                                                "end": "2025-03-31"}).json()
    # from the start asked for to the data's last day (timelines never run past the data)
    dates = [dt.date.fromisoformat(d["date"]) for d in actor["days"]]
    assert dates[0] == dt.date(2025, 3, 1) and dates[-1] <= dt.date(2025, 3, 31)
    assert dates == [dates[0] + dt.timedelta(days=i) for i in range(len(dates))]
    assert len(dates) >= 10
    assert sum(d["q1"] for d in actor["days"]) >= 2 and actor["signals"] == []


def test_quotes_and_sources(client: TestClient, ids: dict[str, int]) -> None:
    quotes = client.get("/api/quotes", params={"actor": ids["Houthis"]}).json()
    assert {q["text"] for q in quotes} >= {"We will not be deterred,", "Every ship is a target"}
    assert all(q["speaker"] == "Houthis" for q in quotes)
    sources = client.get("/api/sources").json()
    assert sources["anonymous_or_intelligence_claims"] >= 2
    texts = {s["text"]: s for s in sources["items"]}
    intel = texts["a senior intelligence official"]
    assert intel["anonymous"] and intel["kind"] == "intelligence" and intel["claims"] == 1
    assert any(k["kind"] == "intelligence" for k in sources["by_kind"])


def test_documents_search_and_detail(client: TestClient) -> None:
    found = client.get("/api/documents", params={"q": "deterred"}).json()  # a quote
    assert [d["doc_id"] for d in found] == ["syn-03"]
    by_actor = client.get("/api/documents", params={"q": "Britain"}).json()
    assert "syn-02" in {d["doc_id"] for d in by_actor}
    doc = client.get("/api/documents/syn-05").json()
    assert doc["text"].startswith(HOSTILE)  # returned as data, escaped by the page
    assert "".join(s["text"] for s in doc["segments"]) == doc["text"]
    assert doc["events"][0]["trigger"] == "attacked"
    assert doc["title"] == "Hostile markup <b>test</b>"


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/summary", "/api/actors", "/api/actors/{actor_id}", "/api/network",
                 "/api/events", "/api/events/{doc_id}/{event_id}", "/api/timeline",
                 "/api/escalation",
                 "/api/quotes", "/api/sources", "/api/documents", "/api/documents/{doc_id}"):
        assert path in paths, path
    assert "post" in paths["/api/documents"]


def test_page_and_assets_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "sitroom" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from elsewhere
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200


# -- errors ------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "/api/events?actor=abc",
    "/api/events?actor=0",
    "/api/events?limit=0",
    "/api/events?limit=100000",
    "/api/events?start=yesterday",
    "/api/events?start=2024-02-01&end=2024-01-01",
    "/api/events?dyad=1",
    "/api/events?dyad=1;DROP TABLE events",
    "/api/events?quad_class=5",
    "/api/events?doc_id=a%00b",
    "/api/network?start=2024-13-01",
    "/api/timeline",
    "/api/timeline?a=1",
    "/api/actors?limit=-1",
    "/api/actors?q=" + "x" * 201,
    "/api/documents?limit=abc",
])
def test_bad_parameters_are_422(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert "detail" in response.json()


@pytest.mark.parametrize("url", [
    "/api/documents/no-such-doc",
    "/api/events/no-such-doc/E1",
    "/api/events/syn-01/E99",
    "/api/actors/999999",
])
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "no " in response.json()["detail"]


def test_sql_looking_search_is_just_text(client: TestClient) -> None:
    response = client.get("/api/documents", params={"q": "' OR 1=1 --"})
    assert response.status_code == 200 and response.json() == []


def test_read_only_api_refuses_upload_and_other_writes(client: TestClient) -> None:
    assert client.post("/api/documents", data={"text": "Iran met Israel."}).status_code == 403
    assert client.delete("/api/documents/syn-01").status_code == 405
    assert client.put("/api/documents/syn-01").status_code == 405


# -- upload -----------------------------------------------------------------------------------
def test_upload_pasted_text_is_analysed_stored_and_listed(writable: TestClient) -> None:
    text = "Iran attacked Israel near the Golan.\nBritain met the United States in London.\n"
    response = writable.post("/api/documents", data={"text": text, "title": "Pasted report"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["added"] is True and body["events"] == 2 and body["actors"] == 4
    doc = writable.get(f"/api/documents/{body['doc_id']}").json()
    assert doc["title"] == "Pasted report" and doc["text"] == text
    assert {e["trigger"] for e in doc["events"]} == {"attacked", "met"}
    listed = writable.get("/api/documents", params={"q": "Pasted"}).json()
    assert [d["doc_id"] for d in listed] == [body["doc_id"]]
    evidence = writable.get(f"/api/events/{body['doc_id']}/E1").json()
    assert any(s["kinds"] == ["trigger"] and s["text"] == "attacked" for s in evidence["segments"])
    again = writable.post("/api/documents", data={"text": text})
    assert again.status_code == 201 and again.json()["added"] is False
    assert again.json()["doc_id"] == body["doc_id"]


@pytest.mark.parametrize(("name", "content_type"), [
    ("report.txt", "text/plain"),
    ("report.md", "text/markdown"),
    ("report.html", "text/html"),
    ("report.md", ""),
])
def test_upload_text_files(writable: TestClient, name: str, content_type: str) -> None:
    content = b"Iran threatened Israel on Monday.\n"
    response = writable.post("/api/documents", files={"file": (name, content, content_type)})
    assert response.status_code == 201, response.text
    assert response.json()["events"] == 1


def test_hostile_upload_is_stored_as_text(writable: TestClient) -> None:
    response = writable.post("/api/documents", files={"file": ("x.txt", HOSTILE.encode(),
                                                               "text/plain")})
    assert response.status_code == 201
    doc = writable.get(f"/api/documents/{response.json()['doc_id']}").json()
    assert "<script>window.__pwned=1</script>" in doc["text"]


def test_oversized_uploads_are_413(writable: TestClient) -> None:
    big = "Iran met Israel. " * (MAX_UPLOAD_BYTES // 17 + 10)
    as_file = writable.post("/api/documents", files={"file": ("big.txt", big.encode(),
                                                              "text/plain")})
    assert as_file.status_code == 413 and "too large" in as_file.json()["detail"]
    just_over = "x" * (MAX_UPLOAD_BYTES + 1)
    as_text = writable.post("/api/documents", data={"text": just_over})
    assert as_text.status_code == 413 and "too large" in as_text.json()["detail"]
    huge = writable.post("/api/documents", data={"text": "x" * (3 * MAX_UPLOAD_BYTES)})
    assert huge.status_code == 413
    assert writable.get("/api/summary").json()["documents"] == \
        len(writable.get("/api/documents", params={"limit": 1000}).json())


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ("report.pdf", b"%PDF-1.4", "application/pdf"),
    ("report.txt", b"Iran met Israel.", "image/png"),
    ("report.exe", b"MZ", "application/octet-stream"),
    ("report.txt", "Iran met Israel".encode("utf-16-le"), "text/plain"),  # no BOM: binary
    ("report.txt", b"Iran \xe9 Israel", "text/plain"),
])
def test_wrong_upload_types_are_415(
    writable: TestClient, name: str, content: bytes, content_type: str
) -> None:
    response = writable.post("/api/documents", files={"file": (name, content, content_type)})
    assert response.status_code == 415, response.text
    assert response.json()["detail"]


def test_empty_or_missing_upload_is_422(writable: TestClient) -> None:
    assert writable.post("/api/documents", data={"text": "   "}).status_code == 422
    assert writable.post("/api/documents", data={}).status_code == 422


def test_upload_with_the_real_pipeline(demo_db: DemoDb, tmp_path: Path) -> None:
    """With the real analyzer an upload is stored, or refused with the analysis error."""
    from webdb import copy_db

    from sitroom.web import create_app

    app = create_app(copy_db(demo_db, tmp_path), upload_dir=tmp_path / "up")
    with TestClient(app, base_url="http://127.0.0.1") as real:
        text = ("Iran's foreign minister met his Chinese counterpart in Beijing on Monday, "
                "the ministry said.\n")
        response = real.post("/api/documents", data={"text": text, "title": "Real"})
        if response.status_code == 422:
            assert response.json()["detail"].startswith("analysis failed")
            pytest.fail(f"the pipeline could not analyse a plain report: "
                        f"{response.json()['detail']}")
        assert response.status_code == 201, response.text
        doc = real.get(f"/api/documents/{response.json()['doc_id']}").json()
        assert doc["text"] == text and doc["title"] == "Real"


# -- pure helpers --------------------------------------------------------------------------------
def test_segments_split_overlapping_marks() -> None:
    text = "abcdefghij"
    runs = segments(text, 100, [Mark(102, 106, "actor", "A"), Mark(104, 108, "trigger"),
                                Mark(50, 60, "cue")])
    assert [(r["text"], r["kinds"]) for r in runs] == [
        ("ab", []), ("cd", ["actor"]), ("ef", ["actor", "trigger"]), ("gh", ["trigger"]),
        ("ij", []),
    ]
    assert "".join(r["text"] for r in runs) == text
