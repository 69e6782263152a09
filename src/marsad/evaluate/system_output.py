"""What a system outputs on the gold's documents, as public JSON (shared/DESIGN.md).

``marsad_output`` runs what ``marsad extract --json`` and ``marsad timeline --format
json`` run: every per-article stage, then the corpus stage over all the articles. The
records are the JSON those commands print, decoded again, so the figures are computed on
exactly what the gold scorers would read.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.corpus.stage import run_corpus_stage
from marsad.model import Article
from marsad.pipeline import annotate

Tagger = Callable[[Article], Article]


@dataclass(slots=True)
class SystemOutput:
    extracts: list[dict[str, Any]]  # one record per article, as `marsad extract --json`
    timeline: dict[str, Any] | None  # as `marsad timeline --format json`; None: no timeline


def as_printed(data: Any) -> Any:
    """The JSON value as a command prints it and a reader decodes it."""
    return json.loads(json.dumps(data, ensure_ascii=False))


def marsad_output(articles: Sequence[Article]) -> SystemOutput:
    """marsad on copies of ``articles``: per-article stages, then the corpus stage."""
    annotated = [annotate(article) for article in copy.deepcopy(list(articles))]
    timeline = run_corpus_stage(annotated).timeline
    return SystemOutput(
        extracts=[as_printed(article.to_json()) for article in annotated],
        timeline=as_printed(timeline.to_json()),
    )


def tagger_output(tagger: Tagger, articles: Sequence[Article]) -> SystemOutput:
    """A baseline tagger (``Article -> Article``) on copies of ``articles``; no timeline."""
    tagged = [tagger(article) for article in copy.deepcopy(list(articles))]
    return SystemOutput([as_printed(article.to_json()) for article in tagged], None)
