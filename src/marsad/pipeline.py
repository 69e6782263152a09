"""The per-article stages in order: article in, the same article with its layers out.

Each stage is a plain function over one Article with no I/O, so the pipeline runs the
same in one process, in a pool or inside a Spark job.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.arabic.sentences import body_sentences
from marsad.extract.entities import annotate_entities
from marsad.extract.events import annotate_events
from marsad.extract.quantities import annotate_quantities
from marsad.extract.quotes import annotate_quotes
from marsad.extract.statement_dates import annotate_statement_dates
from marsad.model import Article, Sentence
from marsad.temporal import annotate_timexes


def annotate_sentences(article: Article) -> None:
    """Sentences of the body only: boilerplate blocks yield no sentences, hence no facts."""
    article.sentences = [
        Sentence(span) for span in body_sentences(article.text, article.body_spans())
    ]


Stage = Callable[[Article], None]

# Order matters: quotes need entities, statement dates need quotes and timexes, events
# need timexes, entities and quotes.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("sentences", annotate_sentences),
    ("timexes", annotate_timexes),
    ("entities", annotate_entities),
    ("quotes", annotate_quotes),
    ("statement_dates", annotate_statement_dates),
    ("quantities", annotate_quantities),
    ("events", annotate_events),
)


def annotate(article: Article) -> Article:
    """Run every per-article stage on ``article`` (in place) and return it."""
    for _, stage in STAGES:
        stage(article)
    return article
