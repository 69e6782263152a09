"""Factor frameworks: what the reports say on each factor an analyst tracks.

A framework is a YAML file (format documented at the top of
``resources/frameworks/hmc.yaml``, the default): factors, each with indicators, each with
cues — Arabic and English phrases matched sentence by sentence on Arabic-normalised text
with clitic tolerance, ``*`` word endings, ``a|b`` alternatives and ``...`` gaps of up to
three words — plus an optional direction per cue (up/+1 or down/-1, as the factor
defines them) and optional entity types per indicator.

``tag_factors`` finds the evidence in one article (exact sentence and cue spans),
``factor_summary`` aggregates it over a collection (counts, documents, evidence over
time by publication date where known, latest evidence, net direction), and
``render_factors`` prints that summary with Rich.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.table import Table

from marsad.arabic.charsets import char_class, letter
from marsad.arabic.clitics import definite_article, enclitics, proclitic_letters, rules
from marsad.arabic.normalize import normalize
from marsad.arabic.sentences import split_sentences
from marsad.arabic.view import TextView
from marsad.model import Article, Span
from marsad.resources import load_yaml

DEFAULT_FRAMEWORK = "frameworks/hmc.yaml"
ENTITY_TYPES = frozenset({"PER", "ORG", "LOC", "EVENT", "MISC"})
_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_DIRECTIONS: dict[Any, int] = {"up": 1, "down": -1, 1: 1, -1: -1, "+1": 1, "-1": -1}
_GAP = "..."
_GAP_WORDS = 3
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@cache
def _patterns() -> tuple[str, str, str]:
    """(separator, proclitics, pronouns) of a cue's regex, from the resources: between cue
    words spaces, commas and quotes but no sentence end; before an Arabic word و ف, then
    ب ك ل, then the article (ال, fused لل); after it a pronoun suffix."""
    separator = rf"(?:(?!{char_class('sentence-end')}|\n)\W)+"
    clitic = rules()
    conjunctions = "".join(sorted(proclitic_letters("conjunction")))
    prepositions = "".join(sorted(proclitic_letters("preposition")))
    proclitics = (
        f"(?:[{conjunctions}]?(?:[{prepositions}]?{clitic.article}"
        f"|{clitic.fused_article}|[{prepositions}])?)"
    )
    pronouns = "(?:" + "|".join(enclitics("cue-ending")) + ")"
    return separator, proclitics, pronouns


class FrameworkError(ValueError):
    """A framework file that cannot be used; the message names the file and the problem."""


@dataclass(slots=True)
class Cue:
    phrase: str  # as written in the framework
    lang: str  # ar | en
    direction: int | None  # +1 up, -1 down, None: no direction
    pattern: re.Pattern[str] = field(init=False, repr=False)
    anchors: tuple[str, ...] = field(init=False, repr=False)  # one must occur to match

    def __post_init__(self) -> None:
        self.pattern = re.compile(cue_pattern(self.phrase))
        self.anchors = cue_anchors(self.phrase)


@dataclass(slots=True)
class Indicator:
    id: str
    name: str
    cues: list[Cue]
    entity_types: frozenset[str] = frozenset()


@dataclass(slots=True)
class Factor:
    id: str
    name: str
    indicators: list[Indicator]
    name_ar: str | None = None
    description: str | None = None
    directions: dict[str, str] = field(default_factory=dict)  # up / down -> meaning


@dataclass(slots=True)
class Framework:
    id: str
    name: str
    factors: list[Factor]
    description: str | None = None
    negators: frozenset[str] = frozenset()
    source: str = ""  # file it was read from

    def factor(self, factor_id: str) -> Factor:
        for factor in self.factors:
            if factor.id == factor_id:
                return factor
        raise KeyError(factor_id)


@dataclass(frozen=True, slots=True)
class FactorEvidence:
    """One sentence that speaks to a factor, with the cue that says so."""

    factor: str
    indicator: str
    sentence: Span
    cue: Span
    cue_text: str  # the cue as written in the article
    phrase: str  # the framework cue that matched
    direction: int | None  # +1 up, -1 down, None (no direction, or negated)
    negated: bool = False
    doc: str = ""
    article_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "factor": self.factor,
            "indicator": self.indicator,
            "doc": self.doc,
            "sentence_start": self.sentence.start,
            "sentence_end": self.sentence.end,
            "cue_start": self.cue.start,
            "cue_end": self.cue.end,
            "cue": self.cue_text,
            "direction": self.direction,
            "negated": self.negated,
        }


# ---------------------------------------------------------------------------- cues


def _word_pattern(word: str) -> str:
    star = word.endswith("*")
    core = normalize(word.rstrip("*"))
    if not core:
        raise ValueError(f"empty word in cue: {word!r}")
    if not _ARABIC.search(core):
        return re.escape(core) + (r"[^\W_]*" if star else "")
    _, proclitics, pronouns = _patterns()
    core = _without_article(core)  # the article is one of the tolerated proclitics
    ta_marbuta = letter("ta-marbuta")
    if star:
        ending = r"[^\W_]*"
    elif core.endswith(ta_marbuta):  # قدرة -> قدرته، قدراتها is another word
        core = core[: -len(ta_marbuta)]
        ending = rf"(?:{ta_marbuta}|{letter('ta')}{pronouns})"
    else:
        ending = pronouns + "?"
    return proclitics + re.escape(core) + ending


def _without_article(core: str) -> str:
    the = definite_article()
    return core[len(the) :] if core.startswith(the) and len(core) > len(the) + 2 else core


def cue_pattern(phrase: str) -> str:
    """Regex source for one cue phrase (see the syntax at the top of hmc.yaml)."""
    parts: list[str] = []
    gap = False
    for token in phrase.split():
        if token == _GAP:
            gap = True
            continue
        options = [option for option in token.split("|") if option]
        if not options:
            raise ValueError(f"empty alternative in cue: {phrase!r}")
        slot = "(?:" + "|".join(_word_pattern(option) for option in options) + ")"
        if parts:
            separator = _patterns()[0]
            parts.append(
                rf"(?:{separator}[^\W_]+){{0,{_GAP_WORDS}}}{separator}" if gap else separator
            )
        parts.append(slot)
        gap = False
    if not parts or gap:
        raise ValueError(f"cue must have words and cannot end with '...': {phrase!r}")
    return r"(?<![^\W_])" + "".join(parts) + r"(?![^\W_])"


def _core(word: str) -> str:
    core = normalize(word.rstrip("*"))
    if _ARABIC.search(core):
        core = _without_article(core)
        ta_marbuta = letter("ta-marbuta")
        if not word.endswith("*") and core.endswith(ta_marbuta):
            core = core[: -len(ta_marbuta)]
    return core


def cue_anchors(phrase: str) -> tuple[str, ...]:
    """Substrings of which at least one occurs in any folded text the cue matches.

    Taken from the word slot whose shortest alternative is longest; a plain substring
    test then skips the regex for most texts.
    """
    slots = [token.split("|") for token in phrase.split() if token != _GAP]
    best = max(slots, key=lambda options: min(len(_core(o)) for o in options if o))
    return tuple(sorted({_core(option) for option in best if option}))


# ----------------------------------------------------------------------- loading


def _fail(source: str, where: str, problem: str) -> FrameworkError:
    return FrameworkError(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


def _text(node: dict[str, Any], key: str, source: str, where: str, required: bool = True) -> Any:
    value = node.get(key)
    if value is None:
        if required:
            raise _fail(source, where, f"missing '{key}'")
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(source, where, f"'{key}' must be a non-empty string")
    return value.strip()


def _identifier(node: dict[str, Any], source: str, where: str, seen: set[str]) -> str:
    value = _text(node, "id", source, where)
    if not _ID.match(value):
        raise _fail(source, where, f"id {value!r} may hold only letters, digits, _ and -")
    if value in seen:
        raise _fail(source, where, f"duplicate id {value!r}")
    seen.add(value)
    return str(value)


def _list(node: dict[str, Any], key: str, source: str, where: str) -> list[Any]:
    value = node.get(key)
    if not isinstance(value, list) or not value:
        raise _fail(source, where, f"'{key}' must be a non-empty list")
    return value


def _cue(raw: Any, source: str, where: str) -> list[Cue]:
    if isinstance(raw, str):
        raw = {"ar" if _ARABIC.search(raw) else "en": raw}
    if not isinstance(raw, dict):
        raise _fail(source, where, "a cue must be a phrase or a mapping with 'ar' / 'en'")
    unknown = set(raw) - {"ar", "en", "direction"}
    if unknown:
        raise _fail(source, where, f"unknown key(s) {sorted(unknown)}")
    direction = None
    if "direction" in raw:
        if raw["direction"] not in _DIRECTIONS:
            raise _fail(source, where, f"direction {raw['direction']!r} must be up, down, +1 or -1")
        direction = _DIRECTIONS[raw["direction"]]
    cues = []
    for lang in ("ar", "en"):
        if lang in raw:
            phrase = _text(raw, lang, source, where)
            try:
                re.compile(cue_pattern(phrase))
            except (ValueError, re.error) as error:
                raise _fail(source, where, f"bad cue {phrase!r}: {error}") from error
            cues.append(Cue(phrase=phrase, lang=lang, direction=direction))
    if not cues:
        raise _fail(source, where, "a cue needs 'ar' or 'en'")
    return cues


def _indicator(raw: Any, source: str, where: str, seen: set[str]) -> Indicator:
    if not isinstance(raw, dict):
        raise _fail(source, where, "an indicator must be a mapping")
    indicator_id = _identifier(raw, source, where, seen)
    name = _text(raw, "name", source, where, required=False) or indicator_id
    types = raw.get("entity_types") or []
    if not isinstance(types, list) or not set(types) <= ENTITY_TYPES:
        raise _fail(source, where, f"entity_types must be a list of {sorted(ENTITY_TYPES)}")
    cues: list[Cue] = []
    for number, cue in enumerate(_list(raw, "cues", source, where)):
        cues.extend(_cue(cue, source, f"{where}.cues[{number}]"))
    return Indicator(id=indicator_id, name=name, cues=cues, entity_types=frozenset(types))


def _factor(raw: Any, source: str, where: str, seen: set[str]) -> Factor:
    if not isinstance(raw, dict):
        raise _fail(source, where, "a factor must be a mapping")
    factor_id = _identifier(raw, source, where, seen)
    directions = raw.get("directions") or {}
    if not isinstance(directions, dict) or not set(directions) <= {"up", "down"}:
        raise _fail(source, where, "directions must be a mapping with 'up' and/or 'down'")
    indicators_seen: set[str] = set()
    indicators = [
        _indicator(item, source, f"{where}.indicators[{number}]", indicators_seen)
        for number, item in enumerate(_list(raw, "indicators", source, where))
    ]
    return Factor(
        id=factor_id,
        name=_text(raw, "name", source, where),
        name_ar=_text(raw, "name_ar", source, where, required=False),
        description=_text(raw, "description", source, where, required=False),
        directions={str(k): str(v) for k, v in directions.items()},
        indicators=indicators,
    )


def parse_framework(data: Any, source: str) -> Framework:
    """Validate parsed YAML and build a Framework; errors name ``source``."""
    if not isinstance(data, dict):
        raise _fail(source, "", "a framework must be a YAML mapping")
    negators = data.get("negators") or []
    if not isinstance(negators, list):
        raise _fail(source, "negators", "must be a list of words")
    for number, word in enumerate(negators):
        if not isinstance(word, str):
            raise _fail(
                source,
                f"negators[{number}]",
                f"{word!r} is not a word (quote yes/no/on/off: YAML reads them as booleans)",
            )
    seen: set[str] = set()
    factors = [
        _factor(item, source, f"factors[{number}]", seen)
        for number, item in enumerate(_list(data, "factors", source, ""))
    ]
    return Framework(
        id=_identifier(data, source, "", set()),
        name=_text(data, "name", source, ""),
        description=_text(data, "description", source, "", required=False),
        negators=frozenset(normalize(word) for word in negators),
        factors=factors,
        source=source,
    )


def load_framework(path: str | Path | None = None) -> Framework:
    """A framework from a YAML file, or the packaged HMC framework when ``path`` is None."""
    if path is None:
        return parse_framework(load_yaml(DEFAULT_FRAMEWORK), f"marsad:{DEFAULT_FRAMEWORK}")
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FrameworkError(f"{source}: cannot read: {error}") from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise FrameworkError(f"{source}: not valid YAML: {error}") from error
    return parse_framework(data, source)


# ----------------------------------------------------------------------- tagging


def _sentence_spans(article: Article) -> list[Span]:
    if article.sentences:
        return sorted((s.span for s in article.sentences), key=lambda span: span.start)
    return [
        span for region in article.body_spans() for span in split_sentences(article.text, region)
    ]


def _negated(view: TextView, start: int, floor: int, negators: frozenset[str]) -> bool:
    """True when the word right before folded ``start`` (not before ``floor``) negates."""
    before = bisect_right(view.ends, start) - 1
    if before < 0 or view.starts[before] < floor:
        return False
    # The negator may carry proclitics of its own: "ولا", "لمنع", "وبدون".
    return any(rest in negators for _, rest in view.readings(before))


def _has_entity(article: Article, sentence: Span, types: frozenset[str]) -> bool:
    return any(e.type in types and sentence.contains(e.span) for e in article.entities)


def _indicator_matches(indicator: Indicator, folded: str) -> list[tuple[int, int, Cue]]:
    """Non-overlapping cue matches in folded text: earliest first, longest at a position."""
    found = [
        (match.start(), match.end(), cue)
        for cue in indicator.cues
        if any(anchor in folded for anchor in cue.anchors)
        for match in cue.pattern.finditer(folded)
    ]
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int, Cue]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def tag_factors(article: Article, framework: Framework) -> list[FactorEvidence]:
    """Evidence for each factor in ``article``'s body sentences, in text order.

    Cues match on the folded text of the whole article; a match counts only inside one
    body sentence (``article.sentences``, or split here when that layer is empty), so
    boilerplate yields nothing and no cue spans two sentences.
    """
    view = article.transient_view()
    folded = view.folded
    sentences: list[Span] | None = None
    starts: list[int] = []
    evidence: list[FactorEvidence] = []
    for factor in framework.factors:
        for indicator in factor.indicators:
            for folded_start, folded_end, cue in _indicator_matches(indicator, folded):
                if sentences is None:
                    sentences = _sentence_spans(article)
                    starts = [span.start for span in sentences]
                cue_span = view.source_span(folded_start, folded_end)
                start, end = cue_span.start, cue_span.end
                position = bisect_right(starts, start) - 1
                if position < 0 or not sentences[position].contains(Span(start, end)):
                    continue
                sentence = sentences[position]
                if article.is_boilerplate(sentence):
                    continue
                if (
                    indicator.entity_types
                    and article.entities
                    and not _has_entity(article, sentence, indicator.entity_types)
                ):
                    continue
                floor = view.folded_index(sentence.start)
                negated = _negated(view, folded_start, floor, framework.negators)
                evidence.append(
                    FactorEvidence(
                        factor=factor.id,
                        indicator=indicator.id,
                        sentence=sentence,
                        cue=Span(start, end),
                        cue_text=article.text[start:end],
                        phrase=cue.phrase,
                        direction=None if negated else cue.direction,
                        negated=negated,
                        doc=article.doc,
                        article_id=article.id,
                    )
                )
    evidence.sort(key=lambda e: (e.cue.start, e.factor, e.indicator))
    return evidence


# ---------------------------------------------------------------------- summary


def _day(article: Article) -> str | None:
    value = article.published.value
    return value[:10] if value else None


def factor_summary(articles: Iterable[Article], framework: Framework) -> dict[str, Any]:
    """Per factor: evidence, documents, evidence by publication date, latest, direction."""
    per_factor: dict[str, list[tuple[FactorEvidence, Article]]] = {
        f.id: [] for f in framework.factors
    }
    total = 0
    with_evidence = 0
    for article in articles:
        total += 1
        found = tag_factors(article, framework)
        with_evidence += bool(found)
        for item in found:
            per_factor[item.factor].append((item, article))
    return {
        "framework": framework.id,
        "name": framework.name,
        "articles": total,
        "articles_with_evidence": with_evidence,
        "factors": [_factor_summary(f, per_factor[f.id]) for f in framework.factors],
    }


def _factor_summary(factor: Factor, items: list[tuple[FactorEvidence, Article]]) -> dict[str, Any]:
    by_date: Counter[str] = Counter()
    undated = 0
    up = sum(1 for e, _ in items if e.direction == 1)
    down = sum(1 for e, _ in items if e.direction == -1)
    latest: tuple[str, FactorEvidence, Article] | None = None
    for item, article in items:
        day = _day(article)
        if day is None:
            undated += 1
            continue
        by_date[day] += 1
        if latest is None or (day, item.cue.start) >= (latest[0], latest[1].cue.start):
            latest = (day, item, article)
    net = up - down
    return {
        "id": factor.id,
        "name": factor.name,
        "name_ar": factor.name_ar,
        "evidence": len(items),
        "documents": len({article.id for _, article in items}),
        "docs": sorted({article.doc for _, article in items}),
        "indicators": dict(Counter(e.indicator for e, _ in items)),
        "by_date": dict(sorted(by_date.items())),
        "undated": undated,
        "up": up,
        "down": down,
        "net_direction": net,
        "direction": None
        if up == down == 0
        else ("up" if net > 0 else "down" if net < 0 else "flat"),
        "direction_meaning": factor.directions.get("up" if net > 0 else "down") if net else None,
        "latest": None if latest is None else _evidence_json(latest[1], latest[2], latest[0]),
    }


def _direction(up: int, down: int) -> str | None:
    if up == down == 0:
        return None
    return "up" if up > down else "down" if down > up else "flat"


def _evidence_json(item: FactorEvidence, article: Article, day: str) -> dict[str, Any]:
    return {
        "doc": article.doc,
        "date": day,
        "indicator": item.indicator,
        "cue": item.cue_text,
        "sentence": item.sentence.slice(article.text),
        "direction": item.direction,
    }


def render_factors(summary: dict[str, Any], console: Console) -> None:
    """A Rich table of ``factor_summary`` output: one row per factor."""
    table = Table(
        title=f"{summary['name']} — {summary['articles_with_evidence']}/{summary['articles']} "
        "articles with evidence"
    )
    for column in ("Factor", "Evidence", "Docs", "Up / down", "Dated", "Latest evidence"):
        table.add_column(column, overflow="fold")
    for factor in summary["factors"]:
        dates = list(factor["by_date"])
        dated = f"{dates[0]} … {dates[-1]}" if dates else "none"
        if factor["undated"]:
            dated += f" (+{factor['undated']} undated)"
        latest = factor["latest"]
        latest_text = (
            f"{latest['date']} {latest['doc']}: {latest['cue']}" if latest else "no dated evidence"
        )
        name = factor["name"] + (f"\n{factor['name_ar']}" if factor["name_ar"] else "")
        arrows = f"{factor['up']} ↑ / {factor['down']} ↓"
        if factor["direction"]:
            arrows += f" ({factor['direction']})"
        table.add_row(
            name, str(factor["evidence"]), str(factor["documents"]), arrows, dated, latest_text
        )
    console.print(table)
