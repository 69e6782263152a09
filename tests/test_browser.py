"""The web page in headless Chromium (Debian's, driven by Playwright's Python package).

Two servers run on 127.0.0.1: one over the five seed reports (plus articles carrying
markup and a right-to-left override in every field), one over the first 1,000 Saudi
articles. The tests open every view on both, with the page's own Content-Security-Policy
in force and every request to anything but 127.0.0.1 aborted. Screenshots go to
test-output/ (gitignored); each test says what its screenshots show. Chromium comes
from scripts/install-browser.sh (`make test` runs it).
"""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
from web_fixtures import NAME, RLO, hostile_article  # noqa: E402

OUTPUT = Path(__file__).resolve().parents[1] / "test-output"
JSCD = "US-Iraq Joint Security Cooperation Dialogue"
HOSTILE = "تجربة <script>window.__pwned = 1; alert(1)</script> <img src=x onerror=alert(2)>"
SAUDI_ARTICLES = 1000
SAUDI_FIELDS = {"text": "content", "published": "date_extracted", "outlet": "source_name"}
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


def _serve(path: Path, data_dir: Path) -> Iterator[str]:
    app = create_app(path, "token-for-the-browser-tests", data_dir)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(400):
        if running.started:
            break
        time.sleep(0.05)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("browser") / "seeds.db"
    articles = [a for a in read_inputs([seeds_dir], ReadOptions()) if isinstance(a, Article)]
    hostile = Article(doc="hostile.txt", source="fixture/hostile.txt", text=HOSTILE)
    with Store(path) as store:
        store.save_many(annotate(a) for a in [*articles, hostile])
        store.save_many([hostile_article()])
    return path


@pytest.fixture(scope="module")
def saudi_path(tmp_path_factory: pytest.TempPathFactory, saudi_jsonl: Path) -> Path:
    path = tmp_path_factory.mktemp("browser-saudi") / "saudi.db"
    read = read_inputs([saudi_jsonl], ReadOptions(fields=SAUDI_FIELDS))
    records = (a for a in read if isinstance(a, Article))
    with Store(path) as store:
        store.save_many(annotate(a) for a in itertools.islice(records, SAUDI_ARTICLES))
    return path


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(store_path, tmp_path_factory.mktemp("uploads"))


@pytest.fixture(scope="module")
def saudi_server(saudi_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(saudi_path, tmp_path_factory.mktemp("uploads-saudi"))


class Offline:
    """Aborts every request that does not go to 127.0.0.1 and records it."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "data:", "file://", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


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
        offline = Offline()
        context.route("**/*", offline)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.offline = offline
        page.problems = []
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.on(
            "console",
            lambda m: page.problems.append(m.text) if "Content Security Policy" in m.text else None,
        )
        yield page
        context.close()


def _open(page: Any, url: str) -> None:
    """Go to a view and wait until it has rendered (the loading state is gone)."""
    page.goto(url)
    page.wait_for_selector('#view[aria-busy="false"]')


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(OUTPUT / name), full_page=True)


def _external(requests: list[str], base: str) -> list[str]:
    return [u for u in requests if not u.startswith((base, "file://", "data:", "about:"))]


def test_timeline_event_sources_and_search(server: str, browser_page: Any) -> None:
    """01 the seeds' timeline axis; 02 the JSCD event with both sources' sentences marked;
    03 an article with its layers and the source sentence in focus; 04 a search with a
    variant spelling (اوستن) marking أوستن; 05 the factors."""
    page = browser_page
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    # The timeline: an axis with marks, and the undated events in their own lane.
    _open(page, f"{server}/#/timeline")
    page.wait_for_selector("#timeline .event-row")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#axis-svg .mark").count() >= 1
    assert page.locator("#lane-undated .lane-mark").count() >= 1
    _shot(page, "01-timeline.png")

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
    _shot(page, "02-event-jscd.png")

    # The first source opens its article with the sentence highlighted in its own text.
    sources.nth(0).get_by_text("افتح المقال").click()
    page.wait_for_selector("#article-text .layer-focus")
    text_box = page.locator("#article-text")
    assert text_box.get_attribute("dir") == "rtl" and text_box.get_attribute("lang") == "ar"
    focus = "".join(page.locator("#article-text .layer-focus").all_text_contents())
    assert focus == detail["sources"][0]["sentence"]
    assert page.locator("#article-text .layer-entity").count() > 0
    assert page.locator("#article-text .layer-timex").count() > 0
    _shot(page, "03-article-layers.png")
    page.locator('input[data-layer="entity"]').uncheck()
    assert page.locator("#article-text .layer-entity").count() == 0

    # Search with a variant spelling: اوستن (no hamza) finds أوستن, marked.
    page.fill("#search-input", "اوستن")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#results .result")
    marks = page.locator("#results mark").all_text_contents()
    assert marks and set(marks) == {"أوستن"}
    _shot(page, "04-search-variant.png")

    # Article text holding markup is shown as text, never run.
    found = page.request.get(f"{server}/api/search?q=تجربة").json()["items"]
    _open(page, f"{server}/#/article/{found[0]['id']}")
    page.wait_for_selector("#article-text span, #article-text:not(:empty)")
    assert "<script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.evaluate("window.__pwned") is None and not dialogs

    _open(page, f"{server}/#/factors")
    page.wait_for_selector(".card h2")
    _shot(page, "05-factors.png")
    assert not _external(requests, server)


def _check_bar_labels(page: Any) -> int:
    """Every chart label sits under its own bar; returns how many were checked."""
    pairs = page.evaluate(
        """() => [...document.querySelectorAll('svg.bar-chart text[data-for]')].map((t) => {
            const rect = [...t.parentNode.querySelectorAll('rect')].find(
                (r) => r.getAttribute('data-label') === t.getAttribute('data-for'));
            const box = t.getBBox();
            return [box.x + box.width / 2, +rect.getAttribute('x'), +rect.getAttribute('width')];
        })"""
    )
    for centre, left, width in pairs:
        assert left <= centre <= left + width, (centre, left, width)
    return len(pairs)


def _every_entity_page(page: Any, base: str) -> list[dict[str, Any]]:
    """GET every entity page through the browser's client: all 200, quotes where said."""
    rows: list[dict[str, Any]] = []
    offset = 0
    while True:
        data = page.request.get(f"{base}/api/entities?limit=500&offset={offset}").json()
        rows += data["items"]
        offset += 500
        if offset >= data["total"]:
            break
    for row in rows:
        response = page.request.get(f"{base}/api/entities/{quote(row['key'], safe='')}")
        assert response.status == 200, (row["key"], response.status)
        row["page"] = response.json()
    return rows


def _entity_view(page: Any, base: str, row: dict[str, Any]) -> None:
    _open(page, f"{base}/#/entity/{quote(row['key'], safe='')}")
    assert page.locator("#entity-name").count() == 1
    said = row["page"]["quotes"]
    if said:
        assert page.locator("#entity-quotes li").count() == min(len(said), 20)  # 20 at a time
        first = page.locator("#entity-quotes .quote-content").first.text_content()
        assert first == said[0]["content"].replace(RLO, "⟨RLO⟩")
    else:
        assert page.locator("#entity-quotes-none").count() == 1


def test_every_view_on_the_seeds(server: str, browser_page: Any) -> None:
    """07 an entity page (Kirby: names, spellings, statements); 08 a story page; 09 the
    quote explorer searching an Arabic spelling of a Latin name; 10 the timeline zoomed
    to months; 11 the search for الاميركية finding الأمريكية."""
    page = browser_page
    rows = _every_entity_page(page, server)
    assert len(rows) > 30
    for name in ("John Kirby", "Ned Price", "US-Iraq Higher Military Commission"):
        assert any(r["canonical"] == name for r in rows), name
    for row in rows:
        if row["page"]["quotes"] or row["canonical"] in {"US-Iraq Higher Military Commission"}:
            _entity_view(page, server, row)
    kirby = next(r for r in rows if r["canonical"] == "John Kirby")
    _entity_view(page, server, kirby)
    assert "Kirby" in page.locator("#entity-name").inner_text()
    _shot(page, "07-entity-kirby.png")

    stories = page.request.get(f"{server}/api/stories").json()["items"]
    _open(page, f"{server}/#/story/{stories[0]['id']}")
    page.wait_for_selector("#story-conflicts")
    assert page.locator("#axis-svg .mark").count() >= 1
    assert page.locator("#story-outlets tr").count() >= 1
    _shot(page, "08-story.png")

    _open(page, f"{server}/#/quotes?speaker=" + quote("اوستن"))
    assert page.locator("#quotes li").count() >= 1
    _shot(page, "09-quotes-arabic-speaker.png")

    _open(page, f"{server}/#/timeline")
    before = page.locator("#axis-window").inner_text()
    page.click('button[data-zoom="months"]')
    page.wait_for_selector('button[data-zoom="months"].active')
    assert page.locator("#axis-window").inner_text() != before
    assert page.locator("#axis-svg .mark").count() >= 1  # zoomed in on reports, not a gap
    page.click('button[data-pan="older"]')
    _shot(page, "10-timeline-months.png")
    story_link = page.locator('a[data-export="csv"]').get_attribute("href")
    assert story_link.startswith("/api/export/timeline?")

    _open(page, f"{server}/#/search?q=" + quote("الاميركية"))
    marks = set(page.locator("#results mark").all_text_contents())
    assert "الأمريكية" in marks and "الأميركية" in marks
    _shot(page, "11-search-american.png")

    _open(page, f"{server}/#/factors")
    assert _check_bar_labels(page) >= 1
    for path in ("#/stories", "#/entities", "#/articles", "#/ingest"):
        _open(page, f"{server}/{path}")
        assert not page.locator("#view .error").count(), path
    assert not page.problems and not page.offline.blocked


def test_markup_and_overrides_are_shown_safely(server: str, browser_page: Any) -> None:
    """12 the hostile article: markup shown as text, the override shown as ⟨RLO⟩; 13 the
    hostile entity's page."""
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    articles = page.request.get(f"{server}/api/articles?limit=500").json()["items"]
    hostile = next(a for a in articles if a["doc"].startswith("hostile") and RLO in a["doc"])
    event = next(
        e
        for e in page.request.get(f"{server}/api/timeline").json()["events"]
        if "Summit" in e["title"]
    )
    views = [
        (f"#/article/{hostile['id']}", "12-hostile-article.png"),
        (f"#/entity/{quote(NAME, safe='')}", "13-hostile-entity.png"),
        (f"#/event/{event['id']}", None),
        ("#/quotes?speaker=Evil", None),
        ("#/entities?name=Evil", None),
        ("#/search?q=" + quote("المتحدث"), None),
        ("#/timeline", None),
        ("#/articles", None),
    ]
    for path, shot in views:
        _open(page, f"{server}/{path}")
        shown = page.locator("#view").inner_text()
        assert RLO not in shown, path  # never obeyed: shown as a mark
        assert page.locator("#view script, #view img, #view iframe").count() == 0, path
        if shot:
            assert page.locator("#view .bidi-control").count() >= 1, path
            _shot(page, shot)
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.evaluate("window.__pwned") is None and not dialogs


def test_the_saudi_store(saudi_server: str, browser_page: Any) -> None:
    """14 the timeline axis of 1,000 Saudi articles; 15 a story with its conflicts;
    16 an entity page with its statements; 17 the search for الاميركية."""
    page = browser_page
    _open(page, f"{saudi_server}/#/timeline")
    axis = page.request.get(f"{saudi_server}/api/timeline/axis").json()
    assert axis["total"] > 100 and axis["focus"]["from"] > "1900"  # not the year 615
    assert page.locator("#axis-svg .mark").count() >= 100
    assert page.locator("#lane-background .lane-mark").count() >= 1
    _shot(page, "14-saudi-timeline.png")

    stories = page.request.get(f"{saudi_server}/api/stories?limit=500").json()["items"]
    conflicted = None
    for story in stories:
        detail = page.request.get(f"{saudi_server}/api/stories/{story['id']}").json()
        if detail["conflicts"] or detail["name_dates"]:
            conflicted = detail
            break
    assert conflicted is not None, "no story of the Saudi store has a conflict"
    _open(page, f"{saudi_server}/#/story/{conflicted['id']}")
    shown = page.locator("#story-conflicts .conflict").count()
    assert shown == len(conflicted["conflicts"]) + len(conflicted["name_dates"]) > 0
    page.wait_for_selector("#timeline .event-row")
    assert "null" not in page.locator("#timeline").inner_text()  # no stray empty pager
    _shot(page, "15-saudi-story-conflicts.png")

    rows = _every_entity_page(page, saudi_server)
    assert len(rows) > 500
    speakers = [r for r in rows if r["page"]["quotes"]][:8]
    assert speakers
    for row in speakers:
        _entity_view(page, saudi_server, row)
    _entity_view(page, saudi_server, speakers[0])
    _shot(page, "16-saudi-entity.png")

    _open(page, f"{saudi_server}/#/search?q=" + quote("الاميركية"))
    assert "الأمريكية" in set(page.locator("#results mark").all_text_contents())
    _shot(page, "17-saudi-search-american.png")
    for path in ("#/factors", "#/quotes", "#/stories", "#/entities?type=PER"):
        _open(page, f"{saudi_server}/{path}")
        assert not page.locator("#view .error").count(), path
    assert _check_bar_labels(page) >= 0
    assert not page.problems and not page.offline.blocked


def test_api_docs_render_offline(server: str, browser_page: Any) -> None:
    """18 the API docs (/docs) rendered with every non-local request aborted."""
    page = browser_page
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    assert page.locator(".swagger-ui .opblock").count() >= 12
    assert "Limits and errors" in page.locator(".swagger-ui .info").inner_text()
    _shot(page, "18-api-docs-offline.png")
    assert not page.offline.blocked and not page.problems


def test_html_report_opens_offline_with_sources(
    store_path: Path, browser_page: Any, tmp_path: Path
) -> None:
    """06 the standalone HTML report, opened from disk."""
    with Store(store_path) as store:
        articles = [a for a in store.iter_articles() if not a.doc.startswith("hostile")]
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
