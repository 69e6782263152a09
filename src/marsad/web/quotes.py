"""The quote explorer: every attributed statement, findable by speaker in either script,
by period, by story and by words of what was said."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.arabic.view import TextView
from marsad.web.dates import in_period
from marsad.web.views import quote_json

if TYPE_CHECKING:
    from marsad.web.corpus import Corpus


def folded(text: str) -> str:
    """Text as the search folds it: folded words joined by single spaces."""
    return " ".join(TextView(text).words)


class QuoteIndex:
    """Quotes of a corpus as JSON records, in date order, with their speakers' names."""

    def __init__(self, corpus: Corpus) -> None:
        entities = corpus.entity_index
        records: list[dict[str, Any]] = []
        for article in corpus.articles:
            for quote in sorted(article.quotes, key=lambda q: q.cue_span.start):
                record = quote_json(quote, article)
                canonical = quote.speaker or ""
                row = entities.find(canonical) if canonical else None
                record["speaker_key"] = getattr(quote, "speaker_id", None) or (
                    row["key"] if row else None
                )
                record["speaker_ar"] = getattr(quote, "speaker_ar", None) or (
                    row["canonical_ar"] if row else None
                )
                record["outlet"] = article.outlet
                record["when"] = quote.date or (article.published.value or "")[:10] or None
                record["mentions"] = sorted(
                    entities.keys_within(
                        article.id, quote.content_span.start, quote.content_span.end
                    )
                )
                records.append(record)
        records.sort(key=lambda r: (r["when"] is None, r["when"] or "", r["doc"]))
        self.records = records
        self._names: dict[str, tuple[str, str]] = {}  # speaker -> (casefolded, folded)
        for record in records:
            speaker = record["speaker"]
            if speaker and speaker not in self._names:
                names = entities.names_of(speaker)
                self._names[speaker] = (
                    " | ".join(n.casefold() for n in names),
                    " | ".join(folded(n) for n in names),
                )
        self._content: dict[int, str] = {}
        self.by_speaker: dict[str, list[dict[str, Any]]] = {}
        self.by_mention: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            for key in {record["speaker_key"], record["speaker"]} - {None}:
                self.by_speaker.setdefault(key, []).append(record)
            for key in record["mentions"]:
                if key != record["speaker_key"]:
                    self.by_mention.setdefault(key, []).append(record)

    def said_by(self, canonical: str, key: str) -> list[dict[str, Any]]:
        found = self.by_speaker.get(key) or self.by_speaker.get(canonical) or []
        return list(found)

    def naming(self, key: str) -> list[dict[str, Any]]:
        return self.by_mention.get(key, [])

    def _speaker_matches(self, record: dict[str, Any], latin: str, arabic: str) -> bool:
        speaker = record["speaker"]
        if not speaker:
            return False
        names = self._names.get(speaker, ("", ""))
        if latin and latin in names[0]:
            return True
        if arabic and arabic in names[1]:
            return True
        written = record.get("speaker_text")
        return bool(arabic and written and arabic in folded(written))

    def _text(self, index: int, record: dict[str, Any]) -> str:
        cached = self._content.get(index)
        if cached is None:
            cached = self._content[index] = folded(record["content"])
        return cached

    def select(
        self,
        speaker: str | None = None,
        text: str | None = None,
        articles: set[str] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """Records by speaker (Latin or Arabic, part of a name), words said, a set of
        articles (a story), and statement date; an undated statement only without dates."""
        latin = speaker.casefold().strip() if speaker else ""
        arabic = folded(speaker) if speaker else ""
        words = folded(text) if text else ""
        out = []
        for index, record in enumerate(self.records):
            if articles is not None and record["article_id"] not in articles:
                continue
            if speaker and not self._speaker_matches(record, latin, arabic):
                continue
            if since or until:
                when = record["when"]
                if not when or not in_period((when, when), since, until):
                    continue
            if words and words not in self._text(index, record):
                continue
            out.append(record)
        return out
