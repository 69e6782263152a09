"""Articles that attack the web views: markup and a right-to-left override in every field
a page shows (text, title, outlet, url, speaker, entity names, roles)."""

from __future__ import annotations

from marsad.model import (
    Article,
    Entity,
    EventMention,
    Published,
    PublishedSource,
    Quote,
    Span,
)
from marsad.pipeline import annotate

PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
RLO = "\u202e"
REVERSED = f"{RLO}gnp.exe"  # reads "exe.png" when the override is obeyed
NAME = f"Evil {PAYLOAD} {REVERSED}"
OUTLET = f"<b>outlet</b>{REVERSED}"
TEXT = (
    f"قال المتحدث {REVERSED} إن {PAYLOAD} الاجتماع عقد في 7 أغسطس 2023 "
    "وقال المتحدث: «لن نقبل ذلك أبدا» في بغداد."
)


def hostile_article() -> Article:
    """An annotated article whose every shown field carries markup and an override."""
    article = annotate(
        Article(
            doc=f"hostile{REVERSED}.txt",
            source="fixture/hostile.txt",
            text=TEXT,
            title=f"عنوان {PAYLOAD} {REVERSED}",
            url="javascript:window.__pwned=1",
            outlet=OUTLET,
            published=Published("2023-08-08", PublishedSource.METADATA),
        )
    )
    speaker = TEXT.index("المتحدث")
    span = Span(speaker, speaker + len("المتحدث"))
    article.entities.append(Entity(span, "المتحدث", "PER", NAME, role=f"role {PAYLOAD}"))
    content = TEXT.index("«") + 1
    article.quotes.append(
        Quote(
            speaker=NAME,
            cue="قال",
            cue_span=Span(0, 3),
            content_span=Span(content, TEXT.index("»")),
            speaker_span=span,
            date="2023-08-07",
        )
    )
    article.events.append(
        EventMention(
            kind="meeting",
            trigger=Span(TEXT.index("الاجتماع"), TEXT.index("الاجتماع") + 8),
            trigger_text="الاجتماع",
            sentence=Span(0, len(TEXT)),
            date="2023-08-07",
            participants=[NAME],
            name=f"Summit {PAYLOAD}{REVERSED}",
        )
    )
    return article
