"""The rule templates as data: ``resources/temporal_rules.yaml`` (HeidelTime's ``rules/``).

The file names each rule and gives its pattern template, its trigger kind and how far
before a trigger it may start; ``rules.py`` keeps the builders, keyed by rule name. The
file also holds the pieces templates share (``%CL``, ``%YEAR_TAIL``) and the gaps that
``tagger.py`` merges across. Only loading and shaping here: ``patterns.py`` expands.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.resources import load_yaml

_RESOURCE = "temporal_rules.yaml"


@dataclass(frozen=True, slots=True)
class RuleTemplate:
    name: str
    template: str  # over %NAME fragments, not yet expanded
    trigger: str  # the trigger kind (triggers.py) every match contains
    back: int  # how many words before its trigger a match may start


def _joined(text: str) -> str:
    """A template written over several lines, as one: each line's indentation and the
    line breaks dropped (a space the regex needs is written inside a line)."""
    return "".join(line.strip() for line in text.splitlines())


@cache
def _document() -> dict[str, Any]:
    document = load_yaml(_RESOURCE)
    assert isinstance(document, dict), _RESOURCE
    return document


@cache
def pieces() -> dict[str, str]:
    """Named pieces of templates, in the file's order (a piece may use earlier ones)."""
    return {name: _joined(text) for name, text in _document()["pieces"].items()}


@cache
def gap_template(name: str) -> str:
    """What ``tagger.py`` lets stand between two matches it merges (a template)."""
    return _joined(_document()["gaps"][name])


@cache
def rule_templates() -> tuple[RuleTemplate, ...]:
    """Every rule, in the file's order: among equal-length matches the earlier wins."""
    return tuple(
        RuleTemplate(row["name"], _joined(row["pattern"]), row["trigger"], int(row["back"]))
        for row in _document()["rules"]
    )
