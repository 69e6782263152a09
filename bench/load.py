"""A bounded load on `marsad serve` over the 5,996-article Saudi store, on 127.0.0.1 only.

    python bench/load.py [--db FILE] [--clients 16] [--seconds 20] [--max-requests 40000]
                         [--ingest 1000] [--json]

Runs the server on a copy of the store and waits until every view is made. Then two
phases of ``--seconds`` each (and at most ``--max-requests`` requests), ``--clients``
threads each with one keep-alive connection, asking in turn for the timeline (the axis
and a page of its events), entities (a page of the list and an entity page), a search
and an article page:
  1. alone;
  2. while `marsad ingest` adds ``--ingest`` new articles (the Saudi texts with a marker
     appended, so their ids are new) to the same store in another process.
It prints requests/s, p50 and p99 latency per kind and overall, and the status codes.
Targets (issue 17): >= 200 requests/s with p99 < 200 ms and no 5xx alone; p99 < 1 s with
the ingest running. Figures depend on the machine; no test asserts them.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from webserver import (
    FIELDS,
    SAUDI,
    copy_store,
    get_json,
    marsad,
    running_server,
    saudi_store,
    wait_ready,
)

WORDS = ["الاميركية", "السعودية", "داعش", "البنتاجون", "العراق", "الحوثي", "وزير", "اليمن"]
SEARCHES = 2000  # distinct queries: words of the titles, so most answers are not kept yet


def _targets(base: str) -> dict[str, list[str]]:
    articles = get_json(f"{base}/api/articles?limit=500")["items"]
    entities = get_json(f"{base}/api/entities?limit=300")["items"]
    return {
        "timeline": [
            "/api/timeline/axis",
            "/api/timeline?limit=50",
            "/api/timeline?limit=50&offset=50",
        ],
        "entities": [f"/api/entities?limit=50&offset={o}" for o in (0, 50, 100)]
        + [f"/api/entities/{quote(e['key'], safe='')}" for e in entities],
        "search": [f"/api/search?q={quote(w)}" for w in _query_words(articles)],
        "article": [f"/api/articles/{a['id']}" for a in articles],
    }


def _query_words(articles: list[dict[str, Any]]) -> list[str]:
    words = dict.fromkeys(WORDS)
    for article in articles:
        for word in (article["title"] or "").split():
            if len(word) >= 4 and word.isalpha():
                words[word] = None
    return list(words)[:SEARCHES]


def _watch(base: str, stop: float, seen: dict[str, Any]) -> None:
    """Samples the server's status: did a rebuild of the corpus run during the phase?"""
    while time.perf_counter() < stop:
        status = get_json(f"{base}/api/status")
        seen["rebuilding"] = seen.get("rebuilding", False) or status["rebuilding"]
        seen["builds"] = status["builds"]
        time.sleep(0.5)


def _client(
    base: str, targets: dict[str, list[str]], stop: float, budget: Any, seed: int, out: list[Any]
) -> None:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    chooser = random.Random(seed)
    kinds = itertools.cycle(sorted(targets))
    while time.perf_counter() < stop and next(budget, None) is not None:
        kind = next(kinds)
        path = chooser.choice(targets[kind])
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0  # dropped connection
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        out.append((kind, status, time.perf_counter() - started))
    connection.close()


def _phase(
    base: str, targets: dict[str, list[str]], clients: int, seconds: float, limit: int
) -> dict[str, Any]:
    budget = iter(range(limit))
    lock = threading.Lock()

    class Shared:
        def __next__(self) -> int | None:
            with lock:
                return next(budget, None)

        def __iter__(self) -> Shared:
            return self

    results: list[Any] = []
    started = time.perf_counter()
    stop = started + seconds
    threads = [
        threading.Thread(target=_client, args=(base, targets, stop, Shared(), n, results))
        for n in range(clients)
    ]
    seen: dict[str, Any] = {}
    threads.append(threading.Thread(target=_watch, args=(base, stop, seen)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {**_summary(results, elapsed), "corpus_rebuilding_seen": seen.get("rebuilding")}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _summary(results: list[Any], elapsed: float) -> dict[str, Any]:
    by_kind: dict[str, list[float]] = defaultdict(list)
    statuses: Counter[int] = Counter()
    for kind, status, seconds in results:
        by_kind[kind].append(seconds)
        statuses[status] += 1
    every = [seconds for _, _, seconds in results]
    row = lambda values: {  # noqa: E731
        "requests": len(values),
        "p50_ms": round(1000 * statistics.median(values), 1),
        "p99_ms": round(1000 * _percentile(values, 0.99), 1),
    }
    return {
        "seconds": round(elapsed, 2),
        "requests": len(results),
        "requests_per_s": round(len(results) / elapsed, 1),
        **{key: value for key, value in row(every).items() if key != "requests"},
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "server_errors": sum(v for k, v in statuses.items() if k >= 500 or k == 0),
        "kinds": {kind: row(values) for kind, values in sorted(by_kind.items())},
    }


def _new_articles(count: int, folder: Path) -> Path:
    """``count`` Saudi records with a marker appended to the text: new ids, real texts."""
    target = folder / "new.jsonl"
    with SAUDI.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        for number, line in enumerate(itertools.islice(source, count)):
            record = json.loads(line)
            record["id"] = f"load-{number}"
            record["content"] = record["content"] + f"\n(نسخة اختبار الحمل {number})"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


def _print(title: str, phase: dict[str, Any]) -> None:
    print(
        f"{title}: {phase['requests']} requests in {phase['seconds']} s = "
        f"{phase['requests_per_s']} req/s; p50 {phase['p50_ms']} ms, p99 {phase['p99_ms']} ms; "
        f"statuses {phase['statuses']}; a corpus rebuild ran: {phase['corpus_rebuilding_seen']}"
    )
    for kind, row in phase["kinds"].items():
        timing = f"p50 {row['p50_ms']:>7} ms  p99 {row['p99_ms']:>7} ms"
        print(f"  {kind:<9} {row['requests']:>6}  {timing}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="A store (default: the whole Saudi sample).")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--max-requests", type=int, default=40_000)
    parser.add_argument("--ingest", type=int, default=3000, help="Articles the ingest adds.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    kept = args.db or saudi_store()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = copy_store(kept, work)
        with running_server(db, work / "data") as (base, _):
            warm = wait_ready(base)
            targets = _targets(base)
            alone = _phase(base, targets, args.clients, args.seconds, args.max_requests)
            source = _new_articles(args.ingest, work)
            fields = [arg for field in FIELDS for arg in ("--field", field)]
            ingest = subprocess.Popen(
                [marsad(), "ingest", str(source), "--db", str(db), "--workers", "1", *fields],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                time.sleep(2)  # the ingest is reading and writing by now
                during = _phase(base, targets, args.clients, args.seconds, args.max_requests)
                still_running = ingest.poll() is None
            finally:
                ingest.wait(timeout=600)
            articles = get_json(f"{base}/api/status")["articles"]
    result = {
        "store": str(kept),
        "clients": args.clients,
        "views_ready_s": round(warm, 1),
        "alone": alone,
        "with_ingest": {**during, "ingest_still_running_at_end": still_running},
        "articles_after": articles,
    }
    if args.json:
        sys.stdout.write(json.dumps(result) + "\n")
        return
    print(f"{args.clients} clients on {kept} (views ready after {warm:.1f} s)")
    _print("alone", alone)
    _print(f"with an ingest of {args.ingest} articles", during)
    print(f"ingest still running at the end of the phase: {still_running}")


if __name__ == "__main__":
    main()
