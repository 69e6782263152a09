"""What the temporal tagger finds on real news: counts, Hijri–Gregorian agreement, a sample.

``temporal_report`` reads the first ``limit`` records of a JSONL corpus (saudinewsnet's
``date_extracted`` as the publication time), tags them, and reports timexes by type and
rule, relative ones left without a value, crawl times corrected from the text, the
Hijri and Gregorian dates printed side by side ("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م")
and whether they agree after Umm al-Qura conversion, and a fixed random sample of timexes
in their sentences for review by hand.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from marsad.arabic.sentences import split_sentences
from marsad.ingest import ReadOptions, read_inputs
from marsad.model import Article, Timex
from marsad.temporal import annotate_timexes
from marsad.temporal.calendar import hijri_to_gregorian

PAIR_RULE = "date_hijri_gregorian"  # the tagger's merge of a date written in both calendars


def _articles(path: str | Path, limit: int, published_field: str) -> list[Article]:
    options = ReadOptions(fields={"published": published_field})
    articles: list[Article] = []
    for item in read_inputs([path], options):
        if isinstance(item, Article):
            articles.append(item)
            if len(articles) >= limit:
                break
    return articles


def _pair_gap(timex: Timex) -> int | None:
    """Days between the Gregorian date as written and its Hijri date converted."""
    if timex.hijri is None or timex.value is None or len(timex.hijri) != 10:
        return None
    year, month, day = (int(part) for part in timex.hijri.split("-"))
    converted = hijri_to_gregorian(year, month, day)
    if converted is None:
        return None
    return (date.fromisoformat(timex.value[:10]) - converted).days


def _sentence(article: Article, timex: Timex) -> str:
    for span in split_sentences(article.text):
        if span.contains(timex.span):
            return span.slice(article.text)
    start = max(0, timex.span.start - 100)
    return article.text[start : timex.span.end + 100]


def temporal_report(
    jsonl_path: str | Path,
    limit: int = 500,
    published_field: str = "date_extracted",
    sample: int = 50,
    seed: int = 0,
) -> dict[str, Any]:
    """Counts, Hijri–Gregorian agreement and a review sample on the first ``limit`` records."""
    articles = _articles(jsonl_path, limit, published_field)
    by_type: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    anchored_without_value = corrected = 0
    pairs: list[dict[str, Any]] = []
    found: list[tuple[Article, Timex]] = []
    for article in articles:
        annotate_timexes(article)
        corrected += article.published.note is not None
        for timex in article.timexes:
            by_type[timex.type] += 1
            by_rule[timex.rule] += 1
            anchored_without_value += timex.anchor is not None and timex.value is None
            found.append((article, timex))
            if timex.rule == PAIR_RULE:
                gap = _pair_gap(timex)
                if gap is not None:
                    pairs.append({"doc": article.doc, "text": timex.text, "gap_days": gap})
    exact = sum(pair["gap_days"] == 0 for pair in pairs)
    within_one = sum(abs(pair["gap_days"]) <= 1 for pair in pairs)
    picked = random.Random(seed).sample(found, min(sample, len(found)))
    return {
        "articles": len(articles),
        "timexes": len(found),
        "by_type": dict(by_type.most_common()),
        "by_rule": dict(by_rule.most_common()),
        "anchored_without_value": anchored_without_value,
        "published_corrected_from_text": corrected,
        "hijri_gregorian_pairs": {
            "pairs": len(pairs),
            "agree_exactly": exact,
            "agree_within_one_day": within_one,
            "disagreement_rate_exact": round(1 - exact / len(pairs), 4) if pairs else 0.0,
            "disagreement_rate_one_day": round(1 - within_one / len(pairs), 4) if pairs else 0.0,
            "disagreements": [pair for pair in pairs if pair["gap_days"] != 0],
        },
        "sample": [
            {
                "doc": article.doc,
                "published": article.published.value,
                **timex.to_json(),
                "sentence": _sentence(article, timex),
            }
            for article, timex in picked
        ],
    }
