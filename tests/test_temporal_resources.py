"""The temporal tagger's resources: they load, hold what the code reads, and agree with it."""

from __future__ import annotations

import re

import pytest

from marsad.arabic.charsets import char_class, chars, charset
from marsad.arabic.clitics import definite_article, proclitics
from marsad.arabic.clitics import rules as clitic_rules
from marsad.resources import load_tsv, load_yaml
from marsad.temporal.lexicon import fold, lexicon
from marsad.temporal.patterns import expand, fragments
from marsad.temporal.rules import builders, rules
from marsad.temporal.templates import RuleTemplate, gap_template, pieces, rule_templates
from marsad.temporal.triggers import trigger_table

_DIGIT_KINDS = {"year4", "numsep", "yearsep", "clock"}  # triggers.py's _digit_kinds


# ---------------------------------------------------------------- temporal_rules.yaml


def test_rule_names_are_unique() -> None:
    names = [template.name for template in rule_templates()]
    assert names and len(names) == len(set(names))


def test_every_rule_has_a_builder_and_every_builder_a_rule() -> None:
    assert {template.name for template in rule_templates()} == set(builders())


@pytest.mark.parametrize("template", rule_templates(), ids=lambda t: t.name)
def test_every_rule_expands_and_compiles(template: RuleTemplate) -> None:
    pattern = expand(template.template)
    assert "%" not in pattern  # every %NAME was a fragment
    re.compile(pattern)


def test_rules_follow_the_file() -> None:
    found = [(rule.name, set(rule.triggers), rule.back) for rule in rules()]
    assert found == [(t.name, {t.trigger}, t.back) for t in rule_templates()]


def test_rule_triggers_are_kinds_the_scan_finds() -> None:
    kinds = {kind for found in trigger_table().values() for kind in found} | _DIGIT_KINDS
    for template in rule_templates():
        assert template.trigger in kinds, template.name
        assert 0 <= template.back <= 9, template.name  # one digit: tagger._DEPTHS


def test_pieces_are_fragments_of_their_own() -> None:
    for name in pieces():
        assert re.fullmatch(r"[A-Z_]+", name), name
        assert "%" not in fragments()[name], name


@pytest.mark.parametrize("name", ["agreement", "time", "list_year"])
def test_gaps_expand_and_compile(name: str) -> None:
    pattern = expand(gap_template(name))
    assert "%" not in pattern
    re.compile(pattern)


def test_no_pattern_line_starts_or_ends_with_a_space() -> None:
    """Lines are joined without their indentation: a space at either end would be lost."""
    document = load_yaml("temporal_rules.yaml")
    texts = [row["pattern"] for row in document["rules"]]
    texts += [*document["pieces"].values(), *document["gaps"].values()]
    for text in texts:
        for line in text.splitlines():
            assert line == line.strip(), line


# ---------------------------------------------------------------- punctuation.tsv

# every set the temporal package reads, by the name it reads it
_TEMPORAL_MARKS = [
    "comma",
    "date-separator",
    "agreement-lead",
    "aside-open",
    "aside-close",
    "time-lead",
    "count-noun-trim",
    "future-window-end",
    "future-verb-trim",
    "dateline-trim",
]


@pytest.mark.parametrize("name", _TEMPORAL_MARKS)
def test_punctuation_sets_the_tagger_reads_exist(name: str) -> None:
    found = chars(name)
    assert found and len(set(found)) == len(found), name


def test_punctuation_sets_are_distinct() -> None:
    """One row per distinct set: two names for one set would drift apart."""
    sets = [charset(name) for name in _TEMPORAL_MARKS]
    assert len(set(sets)) == len(sets)


def test_pattern_punctuation_is_in_the_fragments() -> None:
    assert fragments()["COMMA"] == char_class("comma")
    assert re.fullmatch(expand("%SEP"), " ، ") and re.fullmatch(expand("%SEP"), ", ")


def test_future_look_back_stops_at_a_line_break() -> None:
    assert "\n" in chars("future-window-end")


# ---------------------------------------------------------------- temporal_clitics.tsv


def _trigger_clitics(use: str) -> set[str]:
    return {fold(form) for found, form in load_tsv("temporal_clitics.tsv", 2) if found == use}


def test_trigger_clitics_are_proclitics() -> None:
    words = _trigger_clitics("word")
    assert words and words <= set(proclitics())


def test_unit_clitics_are_the_article_after_a_proclitic() -> None:
    the, fused = definite_article(), clitic_rules().fused_article
    before = {"", *proclitics()}
    units = _trigger_clitics("unit")
    assert the in units and fused in units
    for form in units:
        assert any(form in (p + the, p + fused) for p in before), form


def test_trigger_words_carry_the_clitics() -> None:
    table = trigger_table()
    assert "month" in table["وبيناير"]
    assert "unit" in table["للعام"] and "unit" in table["والعام"]
    assert definite_article() + "يناير" not in table  # only unit words take the article here


def test_not_trigger_words_do_not_trigger() -> None:
    assert fold("أول") in lexicon().blockers["not_trigger"]
    table = trigger_table()
    assert "deictic" in table[fold("أمس")]
    assert fold("أول") not in table and definite_article() not in table
