"""The dashboard in a real browser: Playwright driving Debian's chromium against `eventscope serve`.

The server runs in a thread on the ingested example articles. The browser
loads the page with no network beyond that server, finds the Baghdad marker,
filters by type, opens an event from the keyboard and finds its evidence
sentence highlighted in the article text. A screenshot is saved under
``test-artifacts/`` (EVENTSCOPE_ARTIFACTS to change).

Chromium comes from Debian (`apt-get install -y chromium`); .ci/run installs
it. Without it these tests skip locally and fail under CI=true.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

import eventscope as es

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("EVENTSCOPE_ARTIFACTS", ROOT / "test-artifacts"))
CHROMIUM = os.environ.get("EVENTSCOPE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


# Markup in a title, an outlet and the text: it must show as text, never run.
HOSTILE = """Rally <script>window.__pwned = 1</script> in Nairobi
published: 2024-06-26
outlet: <img src=x onerror="window.__pwned = 2">Wire
-----
Police arrested 15 protesters at a rally in Nairobi on Tuesday after some of them waved \
placards reading <img src=x onerror="window.__pwned = 3"> and <script>window.__pwned = 4</script>, \
a police spokesman said.
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'events.db'}"
    config = es.Config(db=url)
    hostile = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    with es.open_store(url) as store:
        report = es.ingest([ROOT / "examples", hostile], store, config=config)
    assert report.stored == 11 and not report.failed
    port = _free_port()
    web = uvicorn.Server(uvicorn.Config(es.create_app(config), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not web.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    web.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"chromium not found at {CHROMIUM}; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside: list[str] = []

    def only_our_server(route: object) -> None:
        from playwright.sync_api import Route

        assert isinstance(route, Route)
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_our_server)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    # Under the strict Content-Security-Policy a blocked inline script or style is a console error.
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    opened.goto(server + "/")
    yield opened
    context.close()
    assert outside == [], f"the dashboard asked for outside resources: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


def test_dashboard_shows_the_baghdad_marker_filters_and_highlights_evidence(page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    baghdad = page.locator("path.es-marker[data-place*='Baghdad']")
    expect(baghdad.first).to_be_attached(timeout=15_000)
    expect(page.locator("#summary")).to_contain_text("events")
    # Country outlines come from the bundled Natural Earth file: many polygons are drawn.
    assert page.locator("path.leaflet-interactive").count() > 0
    assert page.locator(".leaflet-overlay-pane path").count() > 100
    all_rows = page.locator("#events tbody tr")
    expect(all_rows.first).to_be_visible()
    before = all_rows.count()

    page.select_option("select[name=type]", "COERCE")
    expect(page.locator("#events tbody tr").first).to_contain_text("COERCE")
    expect(page.locator("#events tbody tr")).not_to_have_count(before)
    chips = page.locator("#events tbody tr .type-chip").all_inner_texts()
    assert chips and set(chips) == {"COERCE"}
    assert page.locator("path.es-marker[data-type='ASSAULT']").count() == 0

    # Keyboard: focus the Baghdad arrest's row and open it with Enter.
    row = page.locator("#events tbody tr", has_text="Baghdad").first
    row.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#panel")
    expect(panel).to_be_visible()
    expect(panel.locator("h2")).to_contain_text("COERCE")
    sentence = panel.locator(".article span.sentence").first
    expect(sentence).to_contain_text("Security forces arrested two men near the launch site")
    expect(sentence.locator("mark.trigger")).to_have_text("arrested")
    expect(panel.locator("dd", has_text="Example Wire")).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=False)
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()


def test_clicking_a_marker_opens_its_event(page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    marker = page.locator("path.es-marker[data-place*='Baghdad']").first
    expect(marker).to_be_attached(timeout=15_000)
    event_id = marker.get_attribute("data-event-id")
    marker.dispatch_event("click")
    expect(page.locator("#panel")).to_be_visible()
    expect(page.locator("#panel code")).to_have_text(str(event_id))
    expect(page.locator("#panel dd").filter(has_text="Baghdad").first).to_be_visible()


def test_export_links_follow_the_filters(page: object, server: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.fill("input[name=country]", "Iraq")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events tbody tr").first).to_contain_text("Baghdad")
    href = page.locator("#export-csv").get_attribute("href")
    assert href is not None and "country=Iraq" in href and "format=csv" in href
    response = page.request.get(server + href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    lines = response.text().strip().splitlines()
    assert len(lines) > 1 and all(",IRQ," in line for line in lines[1:])


def test_markup_in_articles_shows_as_text_and_never_runs(page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.fill("input[name=q]", "placards")
    page.click("#filters button[type=submit]")
    row = page.locator("#events tbody tr", has_text="Nairobi").first
    expect(row).to_be_visible()
    row.click()
    panel = page.locator("#panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".article")).to_contain_text('<img src=x onerror="window.__pwned = 3">')
    expect(panel.locator(".article")).to_contain_text("<script>window.__pwned = 4</script>")
    expect(panel.locator("h3").nth(1)).to_contain_text("<script>window.__pwned = 1</script>")  # title
    expect(panel.locator("dd", has_text="onerror")).to_be_visible()  # the outlet, as text
    assert panel.locator("img").count() == 0 and panel.locator("script").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_brushing_the_timeline_filters_the_table_and_sorting_reorders_it(page: object) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    rows = page.locator("#events tbody tr")
    expect(rows.first).to_be_visible()
    expect(page.locator("#timeline rect").first).to_be_attached()
    everything = page.locator("#more").inner_text() if page.locator("#more").is_visible() else None
    total = rows.count()
    # Drag across the right-hand tenth of the timeline: the latest periods only.
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.9, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    page.mouse.up()
    expect(page.locator("#clear-brush")).to_be_visible()
    expect(page.locator("#timeline rect.brush")).to_be_attached()
    page.wait_for_load_state("networkidle")
    expect(rows.first).to_be_visible()
    expect(rows).not_to_have_count(total)
    dates = page.locator("#events tbody tr td:first-child").all_inner_texts()
    assert dates and "unknown" not in dates  # a time range keeps dated events only
    assert min(dates) >= "2024"  # the examples' latest stories are from 2024
    page.click("#clear-brush")
    page.wait_for_load_state("networkidle")
    expect(rows).to_have_count(total)
    assert everything is None or page.locator("#more").inner_text() == everything

    # Sort by fatalities, most first, on the server.
    page.click("th button[data-sort=killed]")
    page.wait_for_load_state("networkidle")
    expect(page.locator("th button[data-sort=killed]")).to_have_attribute("aria-sort", "descending")
    page.wait_for_function(
        "() => { const c = document.querySelector('#events tbody tr td:nth-child(5)'); "
        "return c && c.textContent.trim() !== ''; }"
    )
    first = page.locator("#events tbody tr td:nth-child(5)").first.inner_text()
    assert first.split("–")[0].strip().isdigit() and int(first.split("–")[0]) >= 100
