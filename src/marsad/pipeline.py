"""The per-article stages in order: article in, the same article with its layers out.

Each stage is a plain function over one Article with no I/O, so the pipeline runs the
same in one process, in a pool or inside a Spark job. Like spaCy's factories, each stage
declares what it requires and what it assigns (layers, or ``published``); when the corpus
stage changes something of an article (an inferred publication date, a statement dated
by another report), ``rerun`` runs exactly the stages that depend on it, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marsad.arabic.sentences import body_sentences
from marsad.extract.entities import annotate_entities
from marsad.extract.events import annotate_events
from marsad.extract.quantities import annotate_quantities
from marsad.extract.quotes import annotate_quotes
from marsad.extract.statement_dates import annotate_statement_dates
from marsad.model import Article, Sentence
from marsad.temporal import anchor_timexes, tag_timexes


def annotate_view(article: Article) -> None:
    """Build the text view (folded text, tokens, offsets) and every token's word class."""
    article.view.word_classes  # noqa: B018 - computed now, so that its cost is this stage's


def annotate_sentences(article: Article) -> None:
    """Sentences of the body only: boilerplate blocks yield no sentences, hence no facts."""
    spans = body_sentences(article.text, article.body_spans())
    article.sentences = [Sentence(span) for span in spans]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named per-article stage with what it reads and what it writes."""

    name: str
    run: Callable[[Article], None]
    requires: frozenset[str]
    assigns: frozenset[str]


def _stage(name: str, run: Callable[[Article], None], requires: str, assigns: str) -> Stage:
    return Stage(name, run, frozenset(requires.split()), frozenset(assigns.split()))


# What the names mean: "boilerplate" and "published" come with the article from ingest
# (a stage may correct "published"); "timexes" are the spans and meanings, "timex_values"
# their anchored values; "quote_dates" the dates of the statements.
PIPELINE: tuple[Stage, ...] = (
    _stage("view", annotate_view, "", "view"),
    _stage("sentences", annotate_sentences, "boilerplate", "sentences"),
    _stage("timexes", tag_timexes, "view boilerplate", "timexes published"),
    _stage("anchor", anchor_timexes, "timexes published", "timex_values"),
    _stage("entities", annotate_entities, "view sentences timexes boilerplate", "entities"),
    _stage("quotes", annotate_quotes, "view sentences entities timexes", "quotes"),
    _stage(
        "statement_dates",
        annotate_statement_dates,
        "view sentences quotes timex_values quote_dates published",
        "quote_dates",
    ),
    _stage(
        "quantities",
        annotate_quantities,
        "view sentences timexes entities boilerplate",
        "quantities",
    ),
    _stage(
        "events",
        annotate_events,
        "view sentences timex_values entities quotes quote_dates published",
        "events",
    ),
)

# (name, function) pairs in order, for the runners that only need to call them.
STAGES: tuple[tuple[str, Callable[[Article], None]], ...] = tuple(
    (stage.name, stage.run) for stage in PIPELINE
)


def annotate(article: Article) -> Article:
    """Run every per-article stage on ``article`` (in place) and return it. The text view
    is released at the end: the layers are made, and a corpus of annotated articles must
    not hold every article's view."""
    for stage in PIPELINE:
        stage.run(article)
    article.release_view()
    return article


def dependents(changed: Iterable[str]) -> list[Stage]:
    """The stages to run again, in order, after ``changed`` changed from outside: every
    stage that requires something changed, directly or through an earlier rerun."""
    dirty = set(changed)
    out = []
    for stage in PIPELINE:
        if stage.requires & dirty:
            out.append(stage)
            dirty |= stage.assigns
    return out


def rerun(article: Article, changed: Iterable[str]) -> list[str]:
    """Run the stages that depend on ``changed``; the names of those run."""
    stages = dependents(changed)
    for stage in stages:
        stage.run(article)
    article.release_view()
    return [stage.name for stage in stages]
