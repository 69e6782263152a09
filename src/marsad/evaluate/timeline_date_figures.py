"""Timeline dates, as ``../shared/gold/score.py --timeline`` counts them.

- ``timeline_date``: the set of dates of the system's events against the set of dates of
  the dated gold events (precision, recall, F1 of the two sets);
- ``timeline_events_found``: dated gold events with a system event of the same date that
  cites one of the event's documents, by full name or by first three characters (the
  seeds' gold names documents by a 3-character prefix);
- ``undated_gold``: gold events without a date.

Dates are compared as text; a system event with no date has the date "None".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from marsad.evaluate.figures import Detection, share
from marsad.evaluate.gold import GoldEvent

Json = Mapping[str, Any]


def _cited(event: Json) -> set[str]:
    docs = [str(source.get("doc", "")) for source in event.get("sources", [])]
    return set(docs) | {doc[:3] for doc in docs}


def timeline_date_figures(gold: Sequence[GoldEvent], timeline: Json) -> dict[str, Any]:
    events: Sequence[Json] = timeline.get("events", [])
    dated = [e for e in gold if e.date]
    system_dates = {str(e.get("date")) for e in events}
    gold_dates = {str(e.date) for e in dated}
    dates = Detection(
        len(system_dates & gold_dates),
        len(system_dates - gold_dates),
        len(gold_dates - system_dates),
    )
    found = sum(
        any(str(e.get("date")) == str(answer.date) and set(answer.docs) & _cited(e) for e in events)
        for answer in dated
    )
    return {
        "timeline_date": dates.figures(),
        "timeline_events_found": f"{found}/{len(dated)}",
        "timeline_events_recall": share(found, len(dated)),
        "undated_gold": len(gold) - len(dated),
    }
