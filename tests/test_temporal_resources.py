"""The temporal tagger's resources: they load, hold what the code reads, and agree with it."""

from __future__ import annotations

import re

import pytest

from marsad.arabic.charsets import char_class, chars, charset
from marsad.arabic.clitics import definite_article, proclitics
from marsad.arabic.clitics import rules as clitic_rules
from marsad.resources import load_lines, load_tsv, load_yaml
from marsad.temporal import find_dateline, tag_text
from marsad.temporal.lexicon import fold, lexicon
from marsad.temporal.patterns import expand, fragments
from marsad.temporal.rules import _future_verb_prefixes, builders, rules
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


# ---------------------------------------------------------------- word lists


def test_and_role_is_one_conjunction() -> None:
    """The patterns (%AND, %NUMWORD, %DAYORD) and the lexicon read و from this role."""
    assert lexicon().words["and"] == ("و",)
    assert lexicon().without_conjunction("والعشرين") == "العشرين"
    assert lexicon().number(fold("خمسة وعشرين")) == 25
    assert lexicon().day_ordinal(fold("الثالث والعشرين")) == 23


def test_fractions_give_minutes() -> None:
    assert lexicon().fractions == {
        fold("النصف"): 30,
        fold("الربع"): 15,
        fold("نصف"): 30,
        fold("ربع"): 15,
    }
    (timex,) = tag_text("تبدأ الساعة الثالثة والنصف عصرا")
    assert timex.value == "XXXX-XX-XXT15:30"
    (timex,) = tag_text("تبدأ الساعة 3 عصرا")  # an afternoon hour
    assert timex.value == "XXXX-XX-XXT15:00"


def test_dateline_embedding_words_are_as_written() -> None:
    words = set(load_lines("temporal_dateline_embedding.txt"))
    assert {"في", "منذ", "إلى", "الى"} <= words  # unfolded: each spelling a line
    dated = "بريدة 25 شوال 1436 هـ واس\nنص الخبر"
    embedded = "في 25 شوال 1436 هـ واس\nنص الخبر"
    assert find_dateline(dated, tag_text(dated, "2015-08-10")) is not None
    assert find_dateline(embedded, tag_text(embedded, "2015-08-10")) is None


def test_weekday_after_blocks_eleven() -> None:
    """الأحد عشر is eleven: without the row, "يوم الأحد" would be a weekday."""
    assert fold("عشر") in lexicon().blockers["weekday_after"]
    assert tag_text("وفاز يوم الأحد عشر لاعبين") == []


@pytest.mark.parametrize("text", ["وصل الوفد بعد ثلاثة أيام من الهجوم", "وقعت بعد عامين على الحرب"])
def test_shift_after_counts_from_an_event(text: str) -> None:
    """Without the rows these are shifts from the publication date (بعد ثلاثة أيام)."""
    assert {fold("من"), fold("على")} <= lexicon().blockers["shift_after"]
    assert [t.rule for t in tag_text(text)] == ["duration"]


def test_future_verb_prefixes_come_from_the_affixes() -> None:
    future, imperfect = _future_verb_prefixes()
    assert future == "س" and imperfect == {"ي", "ت", "ن"}
    (timex,) = tag_text("سيزور الرئيس الرياض يوم الخميس", "2024-01-15")
    assert timex.value == "2024-01-18"  # the coming Thursday, not the last
