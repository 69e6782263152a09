"""Reporting verbs (quote cues) in every regular form, from reporting_verbs.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.arabic.charsets import letter
from marsad.arabic.clitics import proclitic_letters, proclitics, readings
from marsad.arabic.normalize import normalize
from marsad.resources import load_tsv

_CUE_PREFIXES = frozenset({0, 1})  # none, or one of و ف (checked below)


@dataclass(frozen=True, slots=True)
class _Inflections:
    perfect: tuple[tuple[str, bool], ...]  # (suffix, feminine)
    imperfect: tuple[str, ...]  # suffixes
    feminine_prefix: str  # replaces an imperfect's first letter


@cache
def _inflections() -> _Inflections:
    """The third-person affixes of verb_inflections.tsv."""
    perfect: list[tuple[str, bool]] = []
    imperfect: list[str] = []
    prefix = ""
    for kind, affix, gender, *_ in load_tsv("verb_inflections.tsv", columns=3):
        affix = "" if affix == "-" else normalize(affix)
        if kind == "perfect-suffix":
            perfect.append((affix, gender == "f"))
        elif kind == "imperfect-suffix":
            imperfect.append(affix)
        elif kind == "imperfect-feminine-prefix":
            prefix = affix
    return _Inflections(tuple(perfect), tuple(imperfect), prefix)


@dataclass(frozen=True, slots=True)
class Cue:
    gloss: str
    feminine: bool
    strict: bool  # also a preposition or noun: counts only clause-initially before content


@cache
def cue_forms() -> dict[str, Cue]:
    """Folded verb form -> cue (third person, perfect and imperfect)."""
    out: dict[str, Cue] = {}
    inflections = _inflections()
    feminine_endings = tuple(ending for ending, feminine in inflections.perfect if feminine)
    for row in load_tsv("reporting_verbs.tsv", columns=3):
        gloss, perfect, imperfect = row[0], normalize(row[1]), normalize(row[2])
        flags = row[3].split(",") if len(row) > 3 else []
        strict = "strict" in flags
        for ending, feminine in inflections.perfect:
            out.setdefault(perfect + ending, Cue(gloss, feminine, strict))
        for ending in inflections.imperfect if not (strict or "perfect" in flags) else ():
            # A strict verb's imperfect is too often something else ("تبين أن" it turned out).
            out.setdefault(imperfect + ending, Cue(gloss, False, strict))
            feminine_form = inflections.feminine_prefix + imperfect[1:] + ending
            out.setdefault(feminine_form, Cue(gloss, True, strict))
        if len(row) > 4:
            for form in row[4].split():
                folded = normalize(form)
                out.setdefault(folded, Cue(gloss, folded.endswith(feminine_endings), strict))
    return out


def _conjunctions() -> frozenset[str]:
    return proclitic_letters("conjunction")


@lru_cache(maxsize=65536)
def cue_at(token: str) -> tuple[int, Cue] | None:
    """``(prefix length, cue)`` when a folded token is a reporting verb, with و/ف or bare."""
    forms = cue_forms()
    for prefix, word in readings(token):
        if prefix in _CUE_PREFIXES and (prefix == 0 or token[0] in _conjunctions()):
            cue = forms.get(word)
            if cue is not None and len(word) == len(token) - prefix:
                return prefix, cue
    return None


@cache
def cue_tokens() -> frozenset[str]:
    """Every token that ``cue_at`` reads as a cue: each form, bare or after و/ف."""
    forms = cue_forms()
    clitics = [c for c in sorted(_conjunctions()) if c in proclitics()]
    return frozenset(forms) | {c + form for c in clitics for form in forms if len(form) >= 2}


@cache
def participle_forms() -> dict[str, str]:
    """Folded reporting participle ("مبيناً"، "مؤكدة"، "مضيفين", bare or after و) -> gloss
    (reporting_participles.tsv)."""
    out: dict[str, str] = {}
    for gloss, written, *_ in load_tsv("reporting_participles.tsv", columns=2):
        masculine = normalize(written)
        stem = masculine[:-1]  # without the accusative alef
        for ending in load_tsv("participle_endings.tsv", columns=1):
            out.setdefault(normalize(stem + ending[0]), gloss)
        out.setdefault(masculine, gloss)
    conjunction = letter("wa")
    return out | {conjunction + form: gloss for form, gloss in out.items()}
