"""Markdown: a heading per event, its participants, then each source's sentence quoted."""

from __future__ import annotations

import re
from collections.abc import Mapping

from marsad.corpus.timeline import Event, Timeline, value_text
from marsad.export.sources import event_sources, one_line
from marsad.model import Article

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(?=[#+\-=])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def md_escape(text: str) -> str:
    """Text on one line with Markdown (and inline HTML) syntax backslash-escaped."""
    escaped = _SPECIAL.sub(r"\\\1", one_line(text))
    return _ORDERED.sub(r"\1\\\2", _LINE_START.sub("\\\\", escaped))


def _event(event: Event, articles: Mapping[str, Article]) -> list[str]:
    lines = [f"### {md_escape(event.date or 'undated')} — {md_escape(event.title)}", ""]
    lines.append(f"- kind: {md_escape(event.kind)}")
    if event.participants:
        lines.append(f"- participants: {md_escape(', '.join(event.participants))}")
    if event.date is None and event.reason:
        lines.append(f"- why undated: {md_escape(event.reason)}")
    lines.append("")
    for found in event_sources(event, articles, 0):
        where = f"{md_escape(found.doc)} \\[{found.start}:{found.end}\\]"
        sentence = md_escape(found.sentence) if found.known else "(article not available)"
        lines += [f"> {sentence}", f"> — {where}", ""]
    return lines


def timeline_markdown(timeline: Timeline, articles: Mapping[str, Article]) -> str:
    lines = [
        "# Timeline",
        "",
        f"{len(timeline.events)} dated event(s), {len(timeline.undated)} undated.",
        "",
    ]
    for event in timeline.events:
        lines += _event(event, articles)
    if timeline.undated:
        lines += ["## Undated (the sources do not give a date)", ""]
        for event in timeline.undated:
            lines += _event(event, articles)
    if timeline.conflicts:
        lines += ["## Sources disagree", ""]
        for conflict in timeline.conflicts:
            lines.append(f"- {md_escape(conflict.title)} ({md_escape(conflict.field)}):")
            for version in conflict.versions:
                docs = ", ".join(version.docs)
                value = md_escape(value_text(version.value))
                lines.append(f"  - {'~' if version.approximate else ''}{value} ({md_escape(docs)})")
        lines.append("")
    if timeline.name_dates:
        lines += ["## Same name, different dates", ""]
        for named in timeline.name_dates:
            dates = ", ".join(named.dates)
            lines.append(f"- {md_escape(named.name)} ({md_escape(named.kind)}): {dates}")
        lines.append("")
    return "\n".join(lines)
