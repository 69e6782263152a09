"""First paint of the timeline for the 5,996-article Saudi store, in headless Chromium.

    python bench/first_paint.py [--db FILE] [--runs 5] [--json]

Starts `marsad serve` on 127.0.0.1 over the store (built once from
../shared/data/saudinewsnet-sample/articles.jsonl when --db is not given), then:
- server start: seconds until it answers, until the timeline's view is made, and until
  every view (stories, entities, factors...) is made (the background warm-up);
- cold page: one load of /#/timeline right after start, before the warm-up ends;
- warm page: ``--runs`` loads, each in a fresh browser context (no cache): the time from
  navigation start to the first contentful paint (the loading state) and to the axis
  marks painted, read from the page's own clock (performance.now()).
Every request to anything but 127.0.0.1 is aborted. Figures depend on the machine;
no test asserts them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from webserver import get_json, running_server, saudi_store, wait_ready

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _load(browser: Any, base: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1:", "data:"))
            else route.abort()
        ),
    )
    page = context.new_page()
    page.set_default_timeout(120_000)
    started = time.perf_counter()
    page.goto(f"{base}/#/timeline")
    page.wait_for_selector("#axis-svg .mark")
    marks_at = page.evaluate("performance.now()")
    wall = time.perf_counter() - started
    paint = page.evaluate(
        "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: null}).startTime"
    )
    marks = page.locator("#axis-svg .mark").count()
    context.close()
    return {
        "first_contentful_paint_ms": round(paint, 1) if paint is not None else None,
        "axis_marks_painted_ms": round(marks_at, 1),
        "wall_s": round(wall, 3),
        "marks": marks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="A store (default: the whole Saudi sample).")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    db = args.db or saudi_store()
    with tempfile.TemporaryDirectory() as data_dir, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        with running_server(db, Path(data_dir)) as (base, answered):
            cold = _load(browser, base)
            timeline_ready = wait_ready(base, ("scopes",))
            all_ready = wait_ready(base)
            warm = [_load(browser, base) for _ in range(args.runs)]
            articles = get_json(f"{base}/api/status")["articles"]
        browser.close()
    painted = [run["axis_marks_painted_ms"] for run in warm]
    result = {
        "store": str(db),
        "articles": articles,
        "server_answers_s": round(answered, 2),
        "views_ready_after_answer_s": {
            "timeline": round(timeline_ready, 2),
            "all": round(all_ready, 2),
        },
        "cold_page": cold,
        "warm_pages": warm,
        "axis_marks_painted_ms": {
            "median": round(statistics.median(painted), 1),
            "max": round(max(painted), 1),
        },
    }
    if args.json:
        sys.stdout.write(json.dumps(result) + "\n")
        return
    print(f"{articles} articles in {db}")
    print(f"server answers after {answered:.2f} s; every view made {all_ready:.1f} s later")
    print(
        f"cold page (during warm-up): axis marks painted at {cold['axis_marks_painted_ms']:.0f} ms"
    )
    for run in warm:
        print(
            f"warm page: first paint {run['first_contentful_paint_ms']} ms, axis marks "
            f"({run['marks']}) painted at {run['axis_marks_painted_ms']:.0f} ms"
        )
    print(f"median {result['axis_marks_painted_ms']['median']:.0f} ms, max {max(painted):.0f} ms")


if __name__ == "__main__":
    main()
