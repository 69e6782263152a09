"""The evaluation report: the figures per system, as JSON and as Rich tables.

A system's ``extract`` figures have the keys and values ``../shared/gold/score.py``
prints, its ``timeline`` figures those of ``score_timeline.py``; ``published`` is
marsad eval's own extra (``published_figures``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass(slots=True)
class SystemScores:
    extract: dict[str, Any]
    timeline: dict[str, Any] | None = None
    published: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"extract": self.extract}
        if self.timeline is not None:
            out["timeline"] = self.timeline
        if self.published is not None:
            out["published"] = self.published
        return out


@dataclass(slots=True)
class EvalReport:
    gold: str
    docs: str
    corpus: str
    documents: int
    systems: dict[str, SystemScores] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "docs": self.docs,
            "corpus": self.corpus,
            "documents": self.documents,
            "systems": {name: scores.to_json() for name, scores in self.systems.items()},
            "notes": list(self.notes),
        }


# --- rendering ------------------------------------------------------------------------------

Cell = Callable[[dict[str, Any]], str]


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _prf(counts: dict[str, Any]) -> str:
    """P / R / F1 (tp fp fn)."""
    return (
        f"{counts['p']:.3f} / {counts['r']:.3f} / {counts['f1']:.3f}  "
        f"({counts['tp']} {counts['fp']} {counts['fn']})"
    )


def _tally(tally: dict[str, Any]) -> str:
    return f"{_number(tally['acc'])}  ({tally['right']}/{tally['n']})"


def _relative(figures: dict[str, Any]) -> str:
    relative = figures["relative_unknown_anchor"]
    return f"{relative['n']} / {relative['resolved_right']} / {relative['confident_wrong']}"


_TIMEX_ROWS: list[tuple[str, Cell]] = [
    ("detection P / R / F1 (tp fp fn)", lambda f: _prf(f["timex"])),
    ("value accuracy", lambda f: f"{_number(f['timex_value_acc'])}  (of {f['timex_value_n']})"),
    ("relative, day unknown: n / right / wrong", _relative),
]
_LAYER_ROWS: list[tuple[str, Cell]] = [
    ("quotes P / R / F1 (tp fp fn)", lambda f: _prf(f["quotes"])),
    ("quote speaker: name shown", lambda f: _number(f["quote_speaker_acc"])),
    ("quote speaker: identity", lambda f: _number(f["quote_speaker_identity_acc"])),
    ("entity mention recall", lambda f: _number(f["entity_mention_recall"])),
    ("entity canonical name", lambda f: _number(f["entity_canonical_acc"])),
    ("quantity recall", lambda f: _number(f["quantity_recall"])),
]
_TIMELINE_DATE_ROWS: list[tuple[str, Cell]] = [
    ("dates P / R / F1 (tp fp fn)", lambda f: _prf(f["timeline_date"])),
    ("gold events on a cited date", lambda f: str(f["timeline_events_found"])),
    ("undated gold events", lambda f: str(f["undated_gold"])),
]
_STORY_ROWS: list[tuple[str, Cell]] = [
    ("gold / system dated events", lambda t: f"{t['gold_dated']} / {t['system_dated']}"),
    ("matched one to one", lambda t: str(t["matched"])),
    ("story events found", lambda t: f"{t['story_found']}  ({_number(t['story_recall'])})"),
    ("P / R / F1", lambda t: f"{t['precision']:.3f} / {t['recall']:.3f} / {t['f1']:.3f}"),
    ("conflicts shown / gold", lambda t: f"{t['conflicts_shown']} / {t['gold_conflicts']}"),
]
_PUBLISHED_ROWS: list[tuple[str, Cell]] = [
    ("stated in the text: same date", lambda p: _tally(p["stated"])),
    ("not stated: none, or the inferable", lambda p: _tally(p["unstated"])),
    ("inferable: inferred", lambda p: _tally(p["inferred"])),
    ("invented", lambda p: str(p["invented"])),
]


def _table(title: str, columns: dict[str, dict[str, Any]], rows: list[tuple[str, Cell]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("figure")
    for name in columns:
        table.add_column(name)
    for label, cell in rows:
        table.add_row(label, *(cell(figures) for figures in columns.values()))
    return table


def render(report: EvalReport, console: Console) -> None:
    """Timexes side by side for every system, then marsad's other layers and timeline."""
    data = report.to_json()
    console.print(
        f"[bold]marsad eval[/bold]  gold {data['gold']}  ({data['corpus']}, "
        f"{data['documents']} documents)  docs {data['docs']}",
        highlight=False,
    )
    systems = data["systems"]
    console.print(_table("Timexes", {n: s["extract"] for n, s in systems.items()}, _TIMEX_ROWS))
    marsad = systems["marsad"]
    sections = [("Quotes, entities, quantities", marsad["extract"], _LAYER_ROWS)]
    if "timeline_date" in marsad["extract"]:
        sections.append(("Timeline dates", marsad["extract"], _TIMELINE_DATE_ROWS))
    if "timeline" in marsad:
        sections.append(("Story timeline, one to one", marsad["timeline"], _STORY_ROWS))
    if "published" in marsad:
        sections.append(("Publication dates (from the text)", marsad["published"], _PUBLISHED_ROWS))
    for title, figures, rows in sections:
        console.print(_table(title, {"marsad": figures}, rows))
    for note in data["notes"]:
        console.print(f"[yellow]note:[/yellow] {note}", highlight=False)
