"""The web page in headless Chromium (Debian's, driven by Playwright's Python package).

The server runs on 127.0.0.1 over a temporary store of the five seed reports; the test
opens the timeline, the Joint Security Cooperation Dialogue (7-8 Aug 2023) with both of
its sources, an article with its layers, a search with a variant spelling, and the
standalone HTML report from disk. Screenshots go to test-output/ (gitignored).
Chromium comes from scripts/install-browser.sh (`make test` runs it).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} not found: run scripts/install-browser.sh (make test does)",
        allow_module_level=True,
    )
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright Python package is not installed"
)
uvicorn = pytest.importorskip("uvicorn")

from marsad.corpus.stage import run_corpus_stage  # noqa: E402
from marsad.export import export_timeline  # noqa: E402
from marsad.ingest import ReadOptions, read_inputs  # noqa: E402
from marsad.model import Article  # noqa: E402
from marsad.pipeline import annotate  # noqa: E402
from marsad.store import Store  # noqa: E402
from marsad.web import create_app  # noqa: E402

OUTPUT = Path(__file__).resolve().parents[1] / "test-output"
JSCD = "US-Iraq Joint Security Cooperation Dialogue"
HOSTILE = "تجربة <script>window.__pwned = 1; alert(1)</script> <img src=x onerror=alert(2)>"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("browser") / "seeds.db"
    articles = [a for a in read_inputs([seeds_dir], ReadOptions()) if isinstance(a, Article)]
    hostile = Article(doc="hostile.txt", source="fixture/hostile.txt", text=HOSTILE)
    with Store(path) as store:
        store.save_many(annotate(a) for a in [*articles, hostile])
    return path


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = create_app(store_path, "token", tmp_path_factory.mktemp("uploads"))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    OUTPUT.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
            locale="ar",
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()


def _external(requests: list[str], base: str) -> list[str]:
    return [u for u in requests if not u.startswith((base, "file://", "data:", "about:"))]


def test_timeline_event_sources_and_search(server: str, browser_page: Any) -> None:
    page = browser_page
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    # The timeline, with undated events shown as such.
    page.goto(f"{server}/#/timeline")
    page.wait_for_selector("#timeline .event-row")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#undated .card.undated").count() >= 1
    page.screenshot(path=str(OUTPUT / "01-timeline.png"), full_page=True)

    # The JSCD event of 7-8 August 2023, both seed reports with their sentences marked.
    row = page.locator(".event-row", has_text=JSCD).filter(has_text="2023-08-07/2023-08-08")
    assert row.count() == 1
    row.click()
    page.wait_for_selector("#sources .source")
    assert page.locator("#event-title").inner_text() == JSCD
    sources = page.locator("#sources .source")
    docs = {sources.nth(i).get_attribute("data-doc")[:3] for i in range(sources.count())}
    assert {"000", "001"} <= docs
    event_id = page.url.rsplit("/", 1)[-1]
    detail = page.request.get(f"{server}/api/events/{event_id}").json()
    for i, source in enumerate(detail["sources"]):
        marked = sources.nth(i).locator("mark.source-sentence")
        assert marked.count() == 1
        assert marked.text_content() == source["sentence"] and source["sentence"].strip()
    page.screenshot(path=str(OUTPUT / "02-event-jscd.png"), full_page=True)

    # The first source opens its article with the sentence highlighted in its own text.
    sources.nth(0).get_by_text("افتح المقال").click()
    page.wait_for_selector("#article-text .layer-focus")
    text_box = page.locator("#article-text")
    assert text_box.get_attribute("dir") == "rtl" and text_box.get_attribute("lang") == "ar"
    focus = "".join(page.locator("#article-text .layer-focus").all_text_contents())
    assert focus == detail["sources"][0]["sentence"]
    assert page.locator("#article-text .layer-entity").count() > 0
    assert page.locator("#article-text .layer-timex").count() > 0
    page.screenshot(path=str(OUTPUT / "03-article-layers.png"), full_page=True)
    page.locator('input[data-layer="entity"]').uncheck()
    assert page.locator("#article-text .layer-entity").count() == 0

    # Search with a variant spelling: اوستن (no hamza) finds أوستن, marked.
    page.fill("#search-input", "اوستن")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#results .result")
    marks = page.locator("#results mark").all_text_contents()
    assert marks and set(marks) == {"أوستن"}
    page.screenshot(path=str(OUTPUT / "04-search-variant.png"), full_page=True)

    # Article text holding markup is shown as text, never run.
    found = page.request.get(f"{server}/api/search?q=تجربة").json()["items"]
    page.goto(f"{server}/#/article/{found[0]['id']}")
    page.wait_for_selector("#article-text")
    page.wait_for_function("document.getElementById('article-text').textContent.length > 0")
    assert "<script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.evaluate("window.__pwned") is None and not dialogs

    page.goto(f"{server}/#/factors")
    page.wait_for_selector(".card h2")
    page.screenshot(path=str(OUTPUT / "05-factors.png"), full_page=True)
    assert not _external(requests, server)


def test_html_report_opens_offline_with_sources(
    store_path: Path, browser_page: Any, tmp_path: Path
) -> None:
    with Store(store_path) as store:
        articles = [a for a in store.iter_articles() if a.doc != "hostile.txt"]
    timeline = run_corpus_stage(articles).timeline
    report = tmp_path / "report.html"
    report.write_text(
        export_timeline(timeline, {a.id: a for a in articles}, "html"), encoding="utf-8"
    )
    page = browser_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report.as_uri())
    assert page.locator("html").get_attribute("dir") == "rtl"
    event = page.locator("section.event", has_text=JSCD).filter(has_text="2023-08-07")
    assert event.count() == 1
    assert event.locator("li.source").count() >= 2
    assert {t[:3] for t in event.locator(".doc bdi").all_text_contents()} >= {"000", "001"}
    assert all(m.strip() for m in event.locator("mark").all_text_contents())
    page.screenshot(path=str(OUTPUT / "06-html-report.png"), full_page=True)
    assert all(u.startswith("file://") for u in requests), requests
