"""End to end: the dashboard page in headless Chromium (Debian's chromium + chromedriver).

Skips with a message only when the browser or its driver is not installed
(``make browser`` / ``scripts/install_browser.sh`` installs them).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from factory import fake_analyzer
from webdb import DemoDb, copy_db

from sitroom.web.app import STATIC, create_app

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "dashboard.png"
WAIT = 20


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Uvicorn serving ``app`` on 127.0.0.1 and a free port, in a thread; yields its URL."""
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(demo_db: DemoDb, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Uvicorn on 127.0.0.1 and a free port, in a thread, over a copy of the demo db."""
    if not (STATIC / "vendor" / "cytoscape.min.js").is_file():
        pytest.fail("static/vendor/cytoscape.min.js is missing: run `make web-assets`")
    folder = tmp_path_factory.mktemp("browser")
    app = create_app(copy_db(demo_db, folder), analyzer=fake_analyzer,
                     upload_dir=folder / "uploads")
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium through Selenium, with a fresh profile."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium and chromedriver are not installed "
                    "(run `make browser` or scripts/install_browser.sh as root)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1500,1250",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver: Any, condition: Any, message: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition, message)


def ready(driver: Any, url: str) -> None:
    driver.get(url)
    wait_for(driver,
             lambda d: d.execute_script("return !!(window.sitroom && window.sitroom.ready)"),
             "the page did not finish loading")


def find(driver: Any, selector: str) -> list[Any]:
    """Elements matching a CSS selector (maybe none)."""
    return list(driver.find_elements("css selector", selector))


def click_node(driver: Any, actor_id: int) -> None:
    """A real mouse click on the actor's node, where it is drawn in the canvas."""
    from selenium.webdriver.common.action_chains import ActionChains

    ident = f"a{actor_id}"
    assert driver.execute_script("return window.sitroom.cy.$id(arguments[0]).length", ident), \
        f"actor {actor_id} is not in the network"
    x, y, width, height = driver.execute_script(
        "const cy = window.sitroom.cy; const n = cy.$id(arguments[0]);"
        "cy.center(n); const p = n.renderedPosition(); const c = cy.container();"
        "return [p.x, p.y, c.clientWidth, c.clientHeight];", ident)
    container = driver.find_element("id", "network")
    ActionChains(driver).move_to_element_with_offset(
        container, int(x - width / 2), int(y - height / 2)).click().perform()


def test_dashboard_end_to_end(server: str, browser: Any, ids: dict[str, int]) -> None:
    from selenium.webdriver.common.by import By

    ready(browser, server)
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert not errors, errors

    # the network renders with nodes and coloured edges
    nodes = browser.execute_script("return window.sitroom.cy.nodes().length")
    edges = browser.execute_script("return window.sitroom.cy.edges().length")
    assert nodes >= 5 and edges >= 5
    tones = set(browser.execute_script(
        "return window.sitroom.cy.edges().map(e => e.data('tone'))"))
    assert tones == {"coop", "conflict"}
    assert browser.find_element(By.CSS_SELECTOR, "#network canvas").is_displayed()

    # clicking an actor shows its events
    click_node(browser, ids["Houthis"])
    wait_for(browser, lambda d: find(d, f"#events-list[data-for='actor:{ids['Houthis']}']"),
             "clicking the Houthis node did not list their events")
    assert len(find(browser, "#events-list li[data-doc]")) == 6
    docs = {li.get_attribute("data-doc")
            for li in browser.find_elements(By.CSS_SELECTOR, "#events-list li[data-doc]")}
    assert {"syn-01", "syn-03", "syn-04", "syn-05"} <= docs

    # the timeline draws bars by quad class and the escalation marker
    wait_for(browser, lambda d: find(d, f"#timeline[data-for='actor:{ids['Houthis']}']"),
             "the timeline was not drawn for the Houthis")
    assert find(browser, "#timeline rect.bar.q4") and find(browser, "#timeline rect.bar.q3")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline path.signal[data-date='2025-03-09']")
    assert "Houthis" in browser.find_element(By.ID, "timeline-title").text

    # the evidence view highlights the trigger, the cue and the source
    find(browser, "#events-list li[data-doc='syn-03'][data-event='E1'] button")[0].click()
    trigger = wait_for(browser, lambda d: find(d, "#evidence .sentence .mark-trigger"),
                       "the evidence view has no highlighted trigger")[0]
    assert trigger.text == "attacked"
    sentence = browser.find_element(By.CSS_SELECTOR, "#evidence .sentence").text
    assert sentence.startswith("The Houthis reportedly attacked")
    assert browser.find_element(By.CSS_SELECTOR, "#evidence .mark-cue").text == "reportedly"
    assert browser.find_element(By.CSS_SELECTOR, "#evidence .mark-source").text == \
        "a senior intelligence official"
    facts = browser.find_element(By.CSS_SELECTOR, "#evidence .facts").text
    assert "intelligence" in facts and "anonymous" in facts

    # quotes and sources
    assert "We will not be deterred" in browser.find_element(By.ID, "quotes-list").text
    assert int(browser.find_element(By.CSS_SELECTOR, "#claims-anon-intel .big").text) >= 2

    # clicking an edge lists that dyad's events and draws its timeline
    browser.execute_script("window.sitroom.cy.$id(arguments[0]).emit('tap');",
                           f"e{ids['United States']}-{ids['Houthis']}")
    dyad = f"dyad:{ids['United States']},{ids['Houthis']}"
    wait_for(browser, lambda d: find(d, f"#events-list[data-for='{dyad}']"),
             "clicking an edge did not list the dyad's events")
    assert "↔" in browser.find_element(By.ID, "timeline-title").text
    assert browser.find_element(By.ID, "timeline").get_attribute("data-for") == dyad
    triggers = {e.text for e in find(browser, "#events-list li[data-doc] .ev-what b")}
    assert triggers == {"struck", "bombed"}


def test_screenshot_of_the_demo(server: str, browser: Any) -> None:
    """The README's screenshot: the page as it opens on the demo database (the most
    active actor selected), with the evidence of one of its sourced events."""
    ready(browser, server)
    rows = wait_for(browser, lambda d: find(d, "#events-list li[data-doc] button"),
                    "the most active actor's events are not listed")
    sourced = [r for r in rows if find(r, ".tag.anon")] or rows
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", sourced[0])
    sourced[0].click()
    wait_for(browser, lambda d: find(d, "#evidence .mark-trigger"), "no evidence shown")
    browser.execute_script("window.scrollTo(0, 0);")
    time.sleep(0.3)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000


def test_search_finds_actors_and_documents(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    ready(browser, server)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("Brit")
    results = wait_for(browser, lambda d: find(d, "#search-results .result-actor"),
                       "no actor found by search")
    assert all("Brit" in r.text for r in results)
    # The synthetic actor named "Britain" (the demo corpus may add "British …" ones).
    result = next(r for r in results if r.text.startswith("Britain"))
    actor = result.get_attribute("data-actor")
    result.click()
    wait_for(browser, lambda d: find(d, f"#events-list[data-for='actor:{actor}']"),
             "choosing a search result did not list the actor's events")
    assert "Britain" in browser.find_element(By.ID, "events-title").text


def test_upload_appears_and_hostile_markup_stays_inert(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    ready(browser, server)
    # the synthetic hostile document's title and text are shown as text
    titles = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#documents-list .doc-open")]
    assert "Hostile markup <b>test</b>" in titles

    browser.find_element(By.ID, "upload-open").click()
    browser.find_element(By.ID, "upload-title").send_keys("Pasted <i>field</i> report")
    text = ("Britain met Iran in Muscat.\n"
            "The Houthis <script>window.__pwned=1</script> attacked Israel "
            '<img src=x onerror="window.__pwned=1"> near Eilat.\n')
    browser.execute_script("document.getElementById('upload-text').value = arguments[0];", text)
    browser.find_element(By.ID, "upload-submit").click()

    # the uploaded document opens, and is listed
    dialog_text = wait_for(
        browser, lambda d: [e for e in find(d, "#document-dialog[open] #document-text")
                            if "Muscat" in e.text],
        "the uploaded document did not open")[0]
    assert "<script>window.__pwned=1</script>" in dialog_text.text
    assert '<img src=x onerror="window.__pwned=1">' in dialog_text.text
    assert browser.find_element(By.ID, "document-title").text == "Pasted <i>field</i> report"
    assert not browser.find_elements(By.CSS_SELECTOR, "#document-text script, #document-text img, "
                                                      "#document-title i")
    assert browser.find_elements(By.CSS_SELECTOR, "#document-text .mark-trigger")
    wait_for(browser, lambda d: "Pasted <i>field</i> report" in
             d.find_element(By.ID, "documents-list").text, "the upload is not listed")

    # its event is in the store and its evidence shows the markup as text
    browser.find_element(By.CSS_SELECTOR, "#document-events li:nth-child(2) button").click()
    sentence = wait_for(browser, lambda d: [e for e in find(d, "#evidence .sentence")
                                            if "onerror" in e.text],
                        "the hostile sentence is not shown in the evidence view")[0]
    assert "<script>" in sentence.text
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert not browser.find_elements(By.CSS_SELECTOR, "main script, main img, dialog img")
