"""One standalone HTML file: the timeline with its sources, right-to-left, offline.

No script, no external font or stylesheet: the file opens from disk anywhere. Every
piece of article text is escaped; the source sentence is marked inside its context.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from marsad.corpus.timeline import Event, Timeline, value_text
from marsad.export.sources import SourceText, event_sources
from marsad.model import Article

FONT_STACK = '"Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Arial", sans-serif'

_CSS = f"""
body {{ font-family: {FONT_STACK}; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
  line-height: 1.7; color: #1d2430; background: #fbfaf7; }}
h1 {{ font-size: 1.6rem; }} h2 {{ border-bottom: 2px solid #c9b98f; margin-top: 2.5rem; }}
.event {{ border-inline-start: 4px solid #8a6d1f; background: #fff; margin: 1rem 0;
  padding: .6rem 1rem; border-radius: 4px; box-shadow: 0 1px 2px #0001; }}
.event.undated {{ border-inline-start-color: #999; }}
.date {{ font-weight: bold; color: #6b5215; }}
.kind {{ font-size: .8rem; background: #eee6d0; border-radius: 3px; padding: 0 .4rem; }}
.participants {{ color: #555; font-size: .9rem; }}
.reason {{ color: #8a2c2c; font-size: .9rem; }}
ol.sources {{ padding-inline-start: 1.4rem; }}
.source {{ margin: .4rem 0; }} .context {{ color: #666; }}
mark {{ background: #ffe58a; color: #111; }}
.doc {{ font-size: .8rem; color: #555; }}
bdi {{ unicode-bidi: isolate; }}
"""


def _source(found: SourceText) -> str:
    where = (
        f'<span class="doc"><bdi>{escape(found.doc)}</bdi> '
        f"[<bdi>{found.start}:{found.end}</bdi>]</span>"
    )
    if not found.known:
        return f'<li class="source">{where} (article not available)</li>'
    return (
        f'<li class="source">{where}<br><span class="context">{escape(found.before)}</span>'
        f"<mark>{escape(found.sentence)}</mark>"
        f'<span class="context">{escape(found.after)}</span></li>'
    )


def _event(event: Event, articles: Mapping[str, Article]) -> str:
    date = escape(event.date) if event.date else "بلا تاريخ (undated)"
    parts = [
        f'<section class="event{"" if event.date else " undated"}" id="event-{escape(event.id)}">',
        f'<div><bdi class="date">{date}</bdi> — <strong>{escape(event.title)}</strong> '
        f'<span class="kind">{escape(event.kind)}</span></div>',
    ]
    if event.participants:
        names = "، ".join(f"<bdi>{escape(p)}</bdi>" for p in event.participants)
        parts.append(f'<div class="participants">{names}</div>')
    if event.date is None and event.reason:
        parts.append(f'<div class="reason">{escape(event.reason)}</div>')
    sources = "".join(_source(found) for found in event_sources(event, articles, 120))
    parts.append(f'<ol class="sources">{sources}</ol></section>')
    return "\n".join(parts)


def _articles_list(timeline: Timeline, articles: Mapping[str, Article]) -> str:
    used: dict[str, str] = {}
    for event in [*timeline.events, *timeline.undated]:
        for source in event.sources:
            used.setdefault(source.article_id, source.doc)
    items = []
    for article_id, doc in sorted(used.items(), key=lambda item: item[1]):
        article = articles.get(article_id)
        title = escape(article.title or "") if article else ""
        published = escape(article.published.value or "?") if article else "?"
        items.append(f"<li><bdi>{escape(doc)}</bdi> — {title} (<bdi>{published}</bdi>)</li>")
    return f"<ul>{''.join(items)}</ul>"


def timeline_html(
    timeline: Timeline, articles: Mapping[str, Article], title: str = "marsad — الخط الزمني"
) -> str:
    body = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{len(timeline.events)} حدث مؤرخ، {len(timeline.undated)} بلا تاريخ "
        f"(<bdi>{len(timeline.events)} dated, {len(timeline.undated)} undated</bdi>)</p>",
        "<h2>الأحداث</h2>",
        *(_event(event, articles) for event in timeline.events),
    ]
    if timeline.undated:
        body += ["<h2>أحداث بلا تاريخ</h2>"]
        body += [_event(event, articles) for event in timeline.undated]
    if timeline.conflicts:
        rows = "".join(
            f"<li><bdi>{escape(c.title)}</bdi> (<bdi>{escape(c.field)}</bdi>)<ul>"
            + "".join(
                f"<li><bdi>{escape(value_text(v.value))}</bdi>: "
                f"<bdi>{escape(', '.join(v.docs))}</bdi></li>"
                for v in c.versions
            )
            + "</ul></li>"
            for c in timeline.conflicts
        )
        body += ["<h2>تعارض المصادر</h2>", f'<ul class="conflicts">{rows}</ul>']
    if timeline.name_dates:
        rows = "".join(
            f"<li><bdi>{escape(c.name)}</bdi> ({escape(c.kind)}): "
            f"<bdi>{escape(', '.join(c.dates))}</bdi></li>"
            for c in timeline.name_dates
        )
        body += ["<h2>الحدث نفسه بتواريخ مختلفة</h2>", f"<ul>{rows}</ul>"]
    body += ["<h2>المصادر</h2>", _articles_list(timeline, articles)]
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
