"""``evaluate``: read the documents a gold file names, run marsad and the baselines, score.

Each system gets its own fresh copy of every article (systems annotate in place), so a
baseline never sees marsad's layers and the other way round.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from marsad.evaluate.baselines import BASELINES, System
from marsad.evaluate.gold import GoldDocument, GoldSet, check_against_texts, load_gold
from marsad.evaluate.report import EvalReport, SystemScores
from marsad.evaluate.score import (
    EntityScores,
    PublishedScores,
    QuantityScores,
    QuoteScores,
    TimexScores,
    score_timeline,
)
from marsad.model import Article, PublishedSource

TimelineBuilder = Callable[[list[Article]], Mapping[str, Any]]
CorpusStage = Callable[[list[Article]], Any]


def _inferred(document: GoldDocument, article: Article) -> str | None:
    """The system's inferred publication date when it is the one the gold says is inferable."""
    inferable = document.published_inferable
    if article.published.source != PublishedSource.INFERRED or inferable is None:
        return None
    return article.published.value if article.published.value == inferable else None


def _record_text(record: Mapping[str, Any]) -> str | None:
    for key in ("text", "content"):
        value = record.get(key)
        if isinstance(value, str):
            return value
    return None


def _read_jsonl(path: Path, wanted: set[str]) -> dict[str, Article]:
    found: dict[str, Article] = {}
    with path.open(encoding="utf-8-sig") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            doc = str(record.get("id", ""))
            text = _record_text(record)
            if doc in wanted and text is not None:
                found[doc] = Article(
                    doc=doc,
                    source=f"{path}#{doc}",
                    text=text,
                    title=record.get("title"),
                    url=record.get("url"),
                )
    return found


def _read_folder(folder: Path, wanted: set[str]) -> dict[str, Article]:
    return {
        name: Article(doc=name, source=str(path), text=path.read_text(encoding="utf-8-sig"))
        for name, path in _read_folder_paths(folder, wanted).items()
    }


def _read_plain(docs_path: Path, wanted: set[str]) -> dict[str, Article]:
    if docs_path.is_dir():
        return _read_folder(docs_path, wanted)
    if docs_path.suffix.lower() in {".jsonl", ".ndjson"}:
        return _read_jsonl(docs_path, wanted)
    if docs_path.is_file() and docs_path.name in wanted:
        text = docs_path.read_text(encoding="utf-8-sig")
        return {docs_path.name: Article(doc=docs_path.name, source=str(docs_path), text=text)}
    return {}


def _read_ingest(docs_path: Path, wanted: set[str]) -> dict[str, Article] | None:
    """Through marsad's ingest (boilerplate, publication date), as the CLI reads; None if absent."""
    try:
        from marsad.ingest import ReadOptions, read_inputs
    except ImportError:
        return None
    paths = [docs_path]
    if docs_path.is_dir():  # only the named files, not a whole corpus folder
        paths = list(_read_folder_paths(docs_path, wanted).values())
    found: dict[str, Article] = {}
    for item in read_inputs(paths, ReadOptions()):
        if isinstance(item, Article) and item.doc in wanted:
            found[item.doc] = item
    return found


def _read_folder_paths(folder: Path, wanted: set[str]) -> dict[str, Path]:
    paths: dict[str, Path] = {}
    for name in sorted(wanted):
        path = folder / name
        if not path.is_file():
            path = next((p for p in sorted(folder.rglob(name)) if p.is_file()), path)
        if path.is_file():
            paths[name] = path
    return paths


def read_documents(
    docs_path: Path, names: Iterable[str], use_ingest: bool = True
) -> dict[str, Article]:
    """The named documents: files of a folder (by file name) or records of a JSONL file (by id).

    Read through ``marsad.ingest`` when it is available (as ``marsad extract`` reads them),
    else plainly; either way the text is the input's text exactly as read, which is what
    the gold's substrings and line numbers refer to.
    """
    wanted = set(names)
    docs_path = Path(docs_path)
    if use_ingest:
        found = _read_ingest(docs_path, wanted)
        if found is not None:
            return found
    return _read_plain(docs_path, wanted)


def _default_system() -> System:
    try:
        from marsad.pipeline import annotate
    except ImportError as exc:
        raise ImportError(f"marsad's pipeline cannot be imported yet ({exc})") from exc
    return annotate


def _default_corpus() -> CorpusStage | None:
    try:
        from marsad.corpus.stage import run_corpus_stage
    except ImportError:
        return None
    return run_corpus_stage


def _default_timeline() -> TimelineBuilder | None:
    try:
        from marsad.corpus.timeline import build_timeline
    except ImportError:
        return None

    def builder(articles: list[Article]) -> Mapping[str, Any]:
        result: Mapping[str, Any] = build_timeline(articles).to_json()
        return result

    return builder


def score_system(
    gold: GoldSet,
    articles: Mapping[str, Article],
    system: System,
    full: bool,
    timeline: TimelineBuilder | None = None,
    corpus: CorpusStage | None = None,
) -> SystemScores:
    """Run ``system`` on a copy of every gold document and score it.

    ``corpus`` runs over all annotated documents before scoring, as marsad does when
    it reads several reports (publication dates inferred from other reports).

    ``full`` scores every layer; a date-only baseline (``full=False``) is scored on timexes.
    """
    scores = SystemScores(timexes=TimexScores())
    if full:
        scores.quotes = QuoteScores()
        scores.entities = EntityScores()
        scores.quantities = QuantityScores()
        scores.published = PublishedScores()
    annotated = [system(copy.deepcopy(articles[document.doc])) for document in gold.documents]
    if corpus is not None:
        corpus(annotated)
    for document, article in zip(gold.documents, annotated, strict=True):
        text = article.text
        scores.timexes.add(
            document.doc, text, document.timexes, article.timexes, _inferred(document, article)
        )
        if scores.quotes is not None:
            scores.quotes.add(document.doc, text, document.quotes, article.quotes)
        if scores.entities is not None:
            scores.entities.add(document.doc, document.entities, article.entities)
        if scores.quantities is not None:
            scores.quantities.add(document.doc, text, document.quantities, article.quantities)
        if scores.published is not None:
            scores.published.add(document, article.published.value)
    if full and timeline is not None and gold.timeline:
        texts = {a.doc: a.text for a in annotated}
        scores.timeline = score_timeline(timeline(annotated), gold.timeline, gold.documents, texts)
    return scores


def evaluate(
    gold_path: Path,
    docs_path: Path,
    system: System | None = None,
    *,
    timeline: TimelineBuilder | None = None,
    baselines: Mapping[str, System] | None = None,
) -> EvalReport:
    """Score ``system`` (default: marsad's full pipeline) and the baselines against a gold file.

    ``timeline`` turns the annotated articles into the timeline JSON (default:
    ``marsad.corpus.timeline.build_timeline``; skipped with a note when not available).
    ``baselines`` defaults to dateparser's ``search_dates``; pass ``{}`` for none.
    """
    gold = load_gold(Path(gold_path))
    articles = read_documents(Path(docs_path), gold.doc_names())
    check_against_texts(gold, {name: a.text for name, a in articles.items()})
    report = EvalReport(
        gold=str(gold_path), docs=str(docs_path), corpus=gold.corpus, documents=len(articles)
    )
    if timeline is None:
        timeline = _default_timeline()
        if timeline is None:
            report.notes.append("timeline not scored: marsad.corpus.timeline is not available")
    chosen = system if system is not None else _default_system()
    corpus = _default_corpus() if system is None else None
    report.systems["marsad"] = score_system(gold, articles, chosen, True, timeline, corpus)
    for name, baseline in (BASELINES if baselines is None else baselines).items():
        report.systems[name] = score_system(gold, articles, baseline, False)
    return report
