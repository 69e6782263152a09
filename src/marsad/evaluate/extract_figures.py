"""The extraction figures: ``marsad extract --json`` output against a gold file, with
the keys and values ``../shared/gold/score.py`` prints for the same output.

Counts are summed over the gold documents that have a text (micro-averaged); a gold
document the system did not output counts as all missed. Each layer is defined in its
module: ``timex_figures``, ``quote_figures``, ``entity_figures``, ``quantity_figures``;
with a timeline, ``timeline_date_figures`` adds score.py's ``--timeline`` figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from marsad.evaluate.entity_figures import EntityFigures
from marsad.evaluate.gold import GoldSet
from marsad.evaluate.quantity_figures import QuantityFigures
from marsad.evaluate.quote_figures import QuoteFigures
from marsad.evaluate.timeline_date_figures import timeline_date_figures
from marsad.evaluate.timex_figures import TimexFigures

Json = Mapping[str, Any]


def by_doc(extracts: Iterable[Json]) -> dict[str, Json]:
    """Extract records by their ``doc`` (a later record of the same doc replaces one before)."""
    return {str(record["doc"]): record for record in extracts}


def extract_figures(
    gold: GoldSet,
    texts: Mapping[str, str],
    extracts: Iterable[Json],
    timeline: Json | None = None,
) -> dict[str, Any]:
    """Figures of one system's extract records (and timeline, if given) on ``gold``."""
    system = by_doc(extracts)
    timexes, quotes = TimexFigures(), QuoteFigures()
    entities, quantities = EntityFigures(), QuantityFigures()
    for document in gold.documents:
        text = texts.get(document.doc)
        if text is None:
            continue
        record = system.get(document.doc, {})
        timexes.add(text, document.timexes, record.get("timexes", []))
        quotes.add(text, document, record)
        entities.add(text, document.entities, record.get("entities", []))
        quantities.add(text, document.quantities, record.get("quantities", []))
    names = gold.doc_names()
    out: dict[str, Any] = {
        "docs_gold": len(set(names)),
        "docs_found": sum(1 for name in set(names) if name in system),
    }
    for layer in (timexes, quotes, entities, quantities):
        out.update(layer.figures())
    if timeline is not None:
        out.update(timeline_date_figures(gold.timeline, timeline))
    return out
