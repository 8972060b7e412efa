"""``sitroom watch``: new files and appended JSONL lines are stored once, also across a
kill -9 of the watcher."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from sitroom.interfaces.watch import Watcher, state_file

SENTENCES = [
    "Officials in the capital said the two governments agreed to resume talks.",
    "The ministry said troops withdrew from the border town on Tuesday.",
    "Rebels attacked a police post near the river, the army said.",
    "The foreign minister met her counterpart to discuss trade.",
    "Protesters gathered outside the parliament to demand new elections.",
    "The navy said it intercepted a cargo ship carrying weapons.",
]


def line(i: int) -> str:
    return json.dumps({"id": f"w{i}", "text": SENTENCES[i % len(SENTENCES)] + f" Report {i}.",
                       "published": "2024-05-01"}) + "\n"


def stored(db: Path) -> tuple[int, int]:
    """(documents, distinct document hashes) in the store."""
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute("SELECT count(*), count(DISTINCT sha256) FROM documents").fetchall()
    return int(rows[0][0]), int(rows[0][1])


def test_new_lines_and_files_are_stored_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    feed = inbox / "feed.jsonl"
    db = tmp_path / "w.duckdb"
    feed.write_text(line(0) + line(1) + line(2)[:20], encoding="utf-8")  # third: unfinished
    watcher = Watcher(inbox, db)
    first = watcher.look()
    assert first is not None and first.added == 2
    with feed.open("a", encoding="utf-8") as handle:
        handle.write(line(2)[20:] + line(3))
    (inbox / "note.txt").write_text(SENTENCES[3] + " A note.", encoding="utf-8")
    second = watcher.look()
    assert second is not None and (second.documents, second.added) == (3, 3)
    third = Watcher(inbox, db).look()  # a new watcher resumes from the saved state
    assert third is not None and third.documents == 0
    assert stored(db) == (6 - 1, 6 - 1)
    assert state_file(db).is_file()


def test_kill_minus_nine_then_resume_without_duplicates(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    db = tmp_path / "k.duckdb"
    feed.write_text("".join(line(i) for i in range(3)), encoding="utf-8")
    command = [sys.executable, "-c", "from sitroom.cli import main; main()", "watch",
               str(feed), "--db", str(db), "--interval", "0.2"]
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 240
        while not state_file(db).is_file():  # the first look is stored and recorded
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the watcher stored nothing"
            time.sleep(0.2)
        with feed.open("a", encoding="utf-8") as handle:
            handle.write("".join(line(i) for i in range(3, 8)))
        time.sleep(0.5)  # mid-way through the next look, most likely
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stderr:
            child.stderr.close()
    done = subprocess.run([*command, "--once"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert stored(db) == (8, 8)
    again = subprocess.run([*command, "--once"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert stored(db) == (8, 8)


def test_dashboard_in_the_same_process_shows_new_events_without_restart(
        tmp_path: Path) -> None:
    """What ``sitroom watch --serve`` does: the app keeps its connection, the watcher
    stores, the next request sees the new document (the analyses' cache is per version)."""
    from fastapi.testclient import TestClient

    from sitroom.api import open_store
    from sitroom.web import create_app

    db = tmp_path / "live.duckdb"
    feed = tmp_path / "feed.jsonl"
    open_store(db, read_only=False).close()
    feed.write_text(line(2), encoding="utf-8")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        assert client.get("/api/summary").json()["documents"] == 0
        look = Watcher(feed, db).look()
        assert look is not None and look.added == 1
        summary = client.get("/api/summary").json()
        assert summary["documents"] == 1
        assert summary["events"] >= 1
