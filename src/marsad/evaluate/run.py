"""``evaluate``: read the gold's documents, run marsad and the baselines, compute the figures.

Each system gets its own copy of every article (systems annotate in place), so a
baseline never sees marsad's layers and the other way round. Imports are plain: a part
of marsad that cannot be imported is an error, never a silently skipped figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from marsad.evaluate.baselines import BASELINES, System
from marsad.evaluate.documents import read_gold_documents
from marsad.evaluate.extract_figures import by_doc, extract_figures
from marsad.evaluate.gold import GoldSet
from marsad.evaluate.gold_fit import check_against_texts
from marsad.evaluate.gold_parse import load_gold
from marsad.evaluate.published_figures import PublishedFigures
from marsad.evaluate.report import EvalReport, SystemScores
from marsad.evaluate.system_output import SystemOutput, marsad_output, tagger_output
from marsad.evaluate.timeline_event_figures import timeline_event_figures

# The figures of a baseline that only tags dates.
TIMEX_FIGURES = (
    "docs_gold",
    "docs_found",
    "timex",
    "timex_value_acc",
    "timex_value_n",
    "relative_unknown_anchor",
)


def published_figures(gold: GoldSet, extracts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Publication dates over the gold documents annotated one by one; None if there are none."""
    documents = [d for d in gold.documents if d.annotated]
    if not documents:
        return None
    system = by_doc(extracts)
    figures = PublishedFigures()
    for document in documents:
        figures.add(document, system.get(document.doc, {}).get("published"))
    return figures.figures()


def score_output(gold: GoldSet, texts: Mapping[str, str], output: SystemOutput) -> SystemScores:
    """Every figure of one system's output: the extraction figures (with the timeline dates
    when the gold has a timeline), the story timeline one to one, the publication dates."""
    timeline = output.timeline if gold.timeline else None
    return SystemScores(
        extract=extract_figures(gold, texts, output.extracts, timeline),
        timeline=None if timeline is None else timeline_event_figures(gold, timeline, texts),
        published=published_figures(gold, output.extracts),
    )


def evaluate(
    gold_path: Path, docs_path: Path, *, baselines: Mapping[str, System] | None = None
) -> EvalReport:
    """Score marsad, and the baselines on timexes (default: dateparser's ``search_dates``;
    ``{}`` for none), against a gold file on the documents under ``docs_path``."""
    gold = load_gold(Path(gold_path))
    articles = read_gold_documents(Path(docs_path), gold.doc_names())
    texts = {article.doc: article.text for article in articles}
    check_against_texts(gold, texts)
    report = EvalReport(
        gold=str(gold_path), docs=str(docs_path), corpus=gold.corpus, documents=len(articles)
    )
    report.systems["marsad"] = score_output(gold, texts, marsad_output(articles))
    chosen = BASELINES if baselines is None else baselines
    if chosen and not any(d.timexes for d in gold.documents):
        report.notes.append(f"{', '.join(chosen)} not scored: the gold has no timexes")
        return report
    for name, tagger in chosen.items():
        figures = extract_figures(gold, texts, tagger_output(tagger, articles).extracts)
        report.systems[name] = SystemScores({key: figures[key] for key in TIMEX_FIGURES})
    return report
