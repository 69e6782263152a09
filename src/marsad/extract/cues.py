"""Reporting verbs (quote cues) in every regular form, from reporting_verbs.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.arabic.clitics import proclitics, readings
from marsad.arabic.normalize import normalize
from marsad.resources import load_tsv

_PERFECT_ENDINGS = ("", "ت", "ا", "تا", "وا")
_IMPERFECT_ENDINGS = ("", "ان", "ون")
_CUE_PREFIXES = frozenset({0, 1})  # none, or one of و ف (checked below)


@dataclass(frozen=True, slots=True)
class Cue:
    gloss: str
    feminine: bool
    strict: bool  # also a preposition or noun: counts only clause-initially before content


@cache
def cue_forms() -> dict[str, Cue]:
    """Folded verb form -> cue (third person, perfect and imperfect)."""
    out: dict[str, Cue] = {}
    for row in load_tsv("reporting_verbs.tsv", columns=3):
        gloss, perfect, imperfect = row[0], normalize(row[1]), normalize(row[2])
        strict = len(row) > 3 and "strict" in row[3].split(",")
        for ending in _PERFECT_ENDINGS:
            form = perfect + ending
            out.setdefault(form, Cue(gloss, ending.startswith("ت"), strict))
        for ending in _IMPERFECT_ENDINGS if not strict else ():
            # A strict verb's imperfect is too often something else ("تبين أن" it turned out).
            out.setdefault(imperfect + ending, Cue(gloss, False, strict))
            out.setdefault("ت" + imperfect[1:] + ending, Cue(gloss, True, strict))
        if len(row) > 4:
            for form in row[4].split():
                folded = normalize(form)
                out.setdefault(folded, Cue(gloss, folded.endswith(("ت", "تا")), strict))
    return out


@lru_cache(maxsize=65536)
def cue_at(token: str) -> tuple[int, Cue] | None:
    """``(prefix length, cue)`` when a folded token is a reporting verb, with و/ف or bare."""
    forms = cue_forms()
    for prefix, word in readings(token):
        if prefix in _CUE_PREFIXES and (prefix == 0 or token[0] in "وف"):
            cue = forms.get(word)
            if cue is not None and len(word) == len(token) - prefix:
                return prefix, cue
    return None


@cache
def cue_tokens() -> frozenset[str]:
    """Every token that ``cue_at`` reads as a cue: each form, bare or after و/ف."""
    forms = cue_forms()
    clitics = [c for c in "وف" if c in proclitics()]
    return frozenset(forms) | {c + form for c in clitics for form in forms if len(form) >= 2}
