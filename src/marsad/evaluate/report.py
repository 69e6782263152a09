"""The evaluation report: scores per system, as JSON (3 decimals) and as Rich tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from marsad.evaluate.score import (
    EntityScores,
    PublishedScores,
    QuantityScores,
    QuoteScores,
    TimelineScores,
    TimexScores,
)


@dataclass(slots=True)
class SystemScores:
    """One system's scores; a baseline that only tags dates has only ``timexes``."""

    timexes: TimexScores = field(default_factory=TimexScores)
    quotes: QuoteScores | None = None
    entities: EntityScores | None = None
    quantities: QuantityScores | None = None
    published: PublishedScores | None = None
    timeline: TimelineScores | None = None

    def to_json(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"timexes": self.timexes.to_json(with_errors)}
        for name in ("quotes", "entities", "quantities", "timeline"):
            section = getattr(self, name)
            if section is not None:
                out[name] = section.to_json(with_errors)
        if self.published is not None:
            out["published"] = self.published.to_json()
        return out


@dataclass(slots=True)
class EvalReport:
    gold: str
    docs: str
    corpus: str
    documents: int
    systems: dict[str, SystemScores] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self, with_errors: bool = False) -> dict[str, Any]:
        """Figures rounded to 3 decimals; ``with_errors`` adds every miss for inspection."""
        return {
            "gold": self.gold,
            "docs": self.docs,
            "corpus": self.corpus,
            "documents": self.documents,
            "systems": {name: s.to_json(with_errors) for name, s in self.systems.items()},
            "notes": list(self.notes),
        }


def _prf(counts: dict[str, Any]) -> str:
    return (
        f"P {counts['precision']:.3f}  R {counts['recall']:.3f}  F1 {counts['f1']:.3f}  "
        f"({counts['tp']}/{counts['system']} sys, {counts['gold']} gold)"
    )


def _acc(ratio: dict[str, Any]) -> str:
    return f"{ratio['accuracy']:.3f}  ({ratio['correct']}/{ratio['total']})"


def _timex_table(systems: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="Timexes", title_justify="left")
    table.add_column("metric")
    for name in systems:
        table.add_column(name)
    rows: list[tuple[str, Any]] = [
        ("detection strict", lambda t: _prf(t["detection_strict"])),
        ("detection lenient", lambda t: _prf(t["detection_lenient"])),
        ("value F1", lambda t: _prf(t["value_f1"])),
        ("value accuracy", lambda t: _acc(t["value_accuracy"])),
        ("value accuracy, coarser", lambda t: _acc(t["value_accuracy_compatible"])),
        ("  absolute", lambda t: _acc(t["value_accuracy_by_kind"]["absolute"])),
        ("  vague", lambda t: _acc(t["value_accuracy_by_kind"]["vague"])),
        ("  anchored (null, or inferred)", lambda t: _acc(t["value_accuracy_by_kind"]["anchored"])),
        (
            "anchored: resolved by inferred date",
            lambda t: str(t["anchored"]["resolved_by_inferred_date"]),
        ),
        ("anchored: invented dates", lambda t: str(t["anchored"]["invented"])),
    ]
    for label, cell in rows:
        table.add_row(label, *(cell(s["timexes"]) for s in systems.values()))
    return table


def _section_table(title: str, rows: list[tuple[str, str]]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False)
    table.add_column("metric")
    table.add_column("value")
    for row in rows:
        table.add_row(*row)
    return table


def _system_tables(name: str, scores: dict[str, Any]) -> list[Table]:
    tables = []
    if "quotes" in scores:
        q = scores["quotes"]
        tables.append(
            _section_table(
                f"Quotes ({name})",
                [
                    ("detection", _prf(q["detection"])),
                    ("speaker accuracy (matched)", _acc(q["speaker_accuracy"])),
                    ("implicit accuracy (matched)", _acc(q["implicit_accuracy"])),
                ],
            )
        )
    if "entities" in scores:
        e = scores["entities"]
        tables.append(
            _section_table(
                f"Entities ({name})",
                [
                    ("name + type", _prf(e["typed"])),
                    ("name only", _prf(e["names"])),
                    ("mention recall", _acc(e["mention_recall"])),
                    ("found mentions: canonical right", _acc(e["mention_canonical_accuracy"])),
                ],
            )
        )
    if "quantities" in scores:
        q = scores["quantities"]
        tables.append(
            _section_table(
                f"Quantities ({name})",
                [
                    ("detection", _prf(q["detection"])),
                    ("value accuracy (gold)", _acc(q["value_accuracy"])),
                    ("unit accuracy (matched)", _acc(q["unit_accuracy"])),
                ],
            )
        )
    if "published" in scores:
        p = scores["published"]
        tables.append(
            _section_table(
                f"Publication dates ({name})",
                [
                    ("stated in text: same date", _acc(p["stated"])),
                    ("not stated: none or inferable", _acc(p["unstated"])),
                    ("inferable: inferred", _acc(p["inferred"])),
                    ("invented", str(p["invented"])),
                ],
            )
        )
    if "timeline" in scores:
        t = scores["timeline"]
        tables.append(
            _section_table(
                f"Timeline ({name})",
                [
                    ("gold dates found (recall)", _acc(t["gold_date_recall"])),
                    (
                        "system dated / undated events",
                        f"{t['system_dated_events']} / {t['system_undated_events']}",
                    ),
                    ("dated events on a gold date", f"{t['dated_precision_proxy']:.3f}"),
                    ("invented dates", str(t["invented_dates"])),
                ],
            )
        )
    return tables


def render(report: EvalReport, console: Console) -> None:
    """Print the report: timexes side by side for every system, then marsad's other layers."""
    data = report.to_json()
    console.print(
        f"[bold]marsad eval[/bold]  gold {data['gold']}  ({data['corpus']}, "
        f"{data['documents']} documents)  docs {data['docs']}"
    )
    systems = data["systems"]
    if systems:
        console.print(_timex_table(systems))
    for name, scores in systems.items():
        for table in _system_tables(name, scores):
            console.print(table)
    for note in data["notes"]:
        console.print(f"[yellow]note:[/yellow] {note}")
