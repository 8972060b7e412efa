"""The dashboard shows claims honestly (headless Chromium): the page opens on the most
recent situation event, a contested strike carries its "contested · denied by …" badge,
a denied act its "denied by …" badge and its publication-date fallback, and the
certainty, status and source filters narrow the list."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import browser, click_node, find, ready, serving, wait_for  # noqa: F401

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from strike_corpus import strike_records

from sitroom.api import open_store
from sitroom.web.app import STATIC, create_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def strikes_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Uvicorn over a store of the four-outlet strike corpus."""
    if not (STATIC / "vendor" / "cytoscape.min.js").is_file():
        pytest.fail("static/vendor/cytoscape.min.js is missing: run `make web-assets`")
    folder = tmp_path_factory.mktemp("claims")
    path = folder / "strikes.duckdb"
    with open_store(path, read_only=False) as store:
        assert store.ingest(strike_records()).added == 5
    with serving(create_app(path, read_only=True)) as url:
        yield url, path


def _ids(path: Path) -> dict[str, int]:
    with open_store(path) as store:
        rows = store.conn.execute("SELECT name, actor_id FROM actors").fetchall()
    return {name: int(i) for name, i in rows}


def _choose(driver: Any, select_id: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", select_id)).select_by_value(value)


def _rows(driver: Any) -> list[str]:
    return [li.get_attribute("data-doc") for li in find(driver, "#events-list li[data-doc]")]


def test_badges_and_filters(strikes_server: tuple[str, Path], browser: Any) -> None:  # noqa: F811
    url, path = strikes_server
    ids = _ids(path)
    nor, swe = ids["NOR"], ids["SWE"]
    ready(browser, url)
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert not errors, errors

    # the page opens on the most recent situation event: the depot strike, NOR → SWE
    wait_for(browser, lambda d: find(d, f"#events-list[data-for='dyad:{nor},{swe}']"),
             "the page did not open on the most recent situation's dyad")
    contested = find(browser, "#events-list li[data-doc='harbour-1'] .badge.contested")
    assert contested and "denied by Norway's defence ministry" in contested[0].text
    assert not find(browser, "#events-list li[data-doc='coast-2'] .badge")  # single source
    assert sorted(_rows(browser)) == ["coast-1", "coast-2", "harbour-1", "ledger-1"]

    # status: contested keeps the three reports of the depot strike
    _choose(browser, "filter-status", "contested")
    assert sorted(_rows(browser)) == ["coast-1", "harbour-1", "ledger-1"]
    # certainty: the two that report it on someone's word
    _choose(browser, "filter-certainty", "reported")
    assert sorted(_rows(browser)) == ["coast-1", "ledger-1"]
    # source kind: the report's own voice, any status
    _choose(browser, "filter-certainty", "")
    _choose(browser, "filter-status", "all")
    _choose(browser, "filter-source", "own-voice")
    assert sorted(_rows(browser)) == ["coast-2", "harbour-1"]
    # facts leave the contested strike out
    _choose(browser, "filter-source", "")
    _choose(browser, "filter-status", "fact")
    assert _rows(browser) == ["coast-2"]
    assert "1 of 4 events" in browser.find_element("id", "events-count").text

    # the denied act, under Norway: "denied by …", and its date is the publication date
    _choose(browser, "filter-status", "denied")
    click_node(browser, nor)
    wait_for(browser, lambda d: find(d, f"#events-list[data-for='actor:{nor}']"),
             "clicking Norway did not list its events")
    wait_for(browser, lambda d: _rows(d) == ["north-1"], "the denied act is not listed")
    badge = find(browser, "#events-list li[data-doc='north-1'] .badge.denied")[0]
    assert badge.text == "denied by Norway's defence ministry"
    date = find(browser, "#events-list li[data-doc='north-1'] .ev-date.fallback")[0]
    assert date.text == "2025-05-13 (published)"
    # the modality filter: nothing in this corpus is expected or feared
    _choose(browser, "filter-status", "all")
    _choose(browser, "filter-modality", "future")
    assert _rows(browser) == []
