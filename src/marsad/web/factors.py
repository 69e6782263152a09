"""Factors you can audit: every evidence sentence of each factor, with source and date.

The summary (counts, direction, evidence by date) is ``factor_summary``'s; this adds
the evidence list behind it and counts by month for the chart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from marsad.corpus.factors import factor_summary, load_framework, tag_factors
from marsad.model import Article
from marsad.web.dates import in_period

DIRECTIONS = {"up": 1, "down": -1, "none": None}


class FactorEvidenceIndex:
    """The evidence of the default framework's factors over a corpus, in date order."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.framework = load_framework()
        self.items: dict[str, list[dict[str, Any]]] = {f.id: [] for f in self.framework.factors}
        for article in articles:
            day = (article.published.value or "")[:10] or None
            for item in tag_factors(article, self.framework):
                self.items[item.factor].append(
                    {
                        **item.to_json(),
                        "article_id": article.id,
                        "outlet": article.outlet,
                        "title": article.title,
                        "date": day,
                        "sentence": item.sentence.slice(article.text),
                    }
                )
        for found in self.items.values():
            found.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["doc"]))

    def summary(self, articles: Sequence[Article]) -> dict[str, Any]:
        out = factor_summary(articles, self.framework)
        for factor in out["factors"]:
            months: Counter[str] = Counter()
            for record in self.items.get(factor["id"], []):
                if record["date"]:
                    months[record["date"][:7]] += 1
            factor["by_month"] = dict(sorted(months.items()))
        return out

    def select(
        self,
        factor_id: str,
        direction: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        wanted = DIRECTIONS.get(direction) if direction else None
        out = []
        for record in self.items[factor_id]:
            if direction and record["direction"] != wanted:
                continue
            if since or until:
                day = record["date"]
                if not day or not in_period((day, day), since, until):
                    continue
            out.append(record)
        return out
