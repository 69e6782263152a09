"""The reference document frequencies (resources/term_frequencies.tsv): built by its
script from ../shared, loaded by one loader, and used to read proclitics on real text."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

from marsad.arabic.clitics import readings
from marsad.arabic.normalize import normalize
from marsad.corpus.shingles import content_term, core_tokens
from marsad.corpus.stories import reference_frequencies, topical_term
from marsad.evaluate.documents import materialise
from marsad.ingest.inputs import ReadOptions
from marsad.ingest.records import record_to_article
from marsad.model import Article
from marsad.resources import load_tsv

ROOT = Path(__file__).resolve().parents[1]
RESOURCE = ROOT / "src" / "marsad" / "resources" / "term_frequencies.tsv"


def _articles(path: Path, count: int) -> list[Article]:
    out = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(islice(stream, count), start=1):
            article = record_to_article(
                materialise(json.loads(line)), f"{path}#{number}", str(number), ReadOptions()
            )
            if isinstance(article, Article):
                out.append(article)
    return out


def test_the_shipped_file_is_what_the_script_builds(saudi_jsonl: Path, shared_dir: Path) -> None:
    gold = shared_dir / "gold"
    built = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_term_frequencies.py"),
            str(saudi_jsonl),
            "--exclude",
            str(gold / "saudinewsnet-dev.json"),
            "--exclude",
            str(gold / "suez-timeline.json"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    assert built.stdout == RESOURCE.read_text(encoding="utf-8")
    assert "5930 articles counted, 66 excluded ids" in built.stderr  # 5,996 less the golds


def test_the_loader_gives_the_size_and_the_counts() -> None:
    size, counts = reference_frequencies()
    assert size == 5930
    assert "<articles>" not in counts
    assert 20_000 < len(counts) < 40_000
    assert all(5 <= n <= size for n in counts.values())
    rows = load_tsv("term_frequencies.tsv", columns=2)[1:]
    assert [int(n) for _, n in rows] == sorted((int(n) for _, n in rows), reverse=True)
    # a word in every kind of report is common
    assert counts[normalize("رئيس")] > 1000


def test_proclitics_are_read_as_the_news_reads_them(saudi_jsonl: Path) -> None:
    _, known = reference_frequencies()
    words = Counter(w for a in _articles(saudi_jsonl, 300) for w in core_tokens(a))
    changed = 0
    for word in words:
        plain, chosen = content_term(word), topical_term(word)
        if plain is None:
            assert chosen is None, word  # a stopword stays none ("بين", "فوق")
            continue
        assert chosen is not None
        if chosen != plain:
            changed += words[word]
            assert len(chosen) >= 3
            assert chosen in {content_term(r) for _, r in readings(word)}
            assert known[chosen] > known.get(plain, 0), word
    assert changed > 100  # "بعسير"-like words are common in real reports
    assert topical_term(normalize("بين")) is None
    assert topical_term(normalize("وزير")) == normalize("وزير")  # not "و" + "زير"
