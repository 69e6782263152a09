"""Factor frameworks: the HMC framework on the five seed reports, cues, validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from marsad.arabic.sentences import split_sentences
from marsad.corpus.factors import (
    FrameworkError,
    cue_anchors,
    factor_summary,
    load_framework,
    parse_framework,
    render_factors,
    tag_factors,
)
from marsad.model import Article, Boilerplate, Published, PublishedSource, Sentence, Span
from marsad.resources import load_yaml

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HMC_FACTORS = ["isis_threat", "operational_requirements", "isf_capability"]


def _article(text: str, doc: str = "t", day: str | None = None) -> Article:
    article = Article(doc=doc, source=f"test#{doc}", text=text)
    if day:
        article.published = Published(day, PublishedSource.METADATA)
    article.sentences = [
        Sentence(span)
        for region in article.body_spans()
        for span in split_sentences(article.text, region)
    ]
    return article


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    if not SEEDS.exists():
        pytest.skip(f"seed reports missing: {SEEDS}")
    return [
        _article(path.read_text(encoding="utf-8"), path.name)
        for path in sorted(SEEDS.glob("*.txt"))
    ]


def test_default_framework_is_the_hmc() -> None:
    assert load_yaml("frameworks/hmc.yaml")["id"] == "hmc"
    framework = load_framework()
    assert framework.id == "hmc"
    assert [f.id for f in framework.factors] == HMC_FACTORS


@pytest.mark.parametrize("factor", HMC_FACTORS)
def test_each_factor_has_evidence_in_three_seeds(seeds: list[Article], factor: str) -> None:
    framework = load_framework()
    docs = {a.doc for a in seeds if any(e.factor == factor for e in tag_factors(a, framework))}
    assert len(docs) >= 3, docs


def test_evidence_spans_are_exact(seeds: list[Article]) -> None:
    framework = load_framework()
    for article in seeds:
        for item in tag_factors(article, framework):
            assert article.text[item.cue.start : item.cue.end] == item.cue_text
            assert item.sentence.contains(item.cue)
            assert not article.is_boilerplate(item.sentence)


def _tiny(cues: list[object], negators: list[str] | None = None) -> dict[str, object]:
    return {
        "id": "tiny",
        "name": "Tiny",
        "negators": negators or ["عدم"],
        "factors": [
            {
                "id": "f",
                "name": "F",
                "directions": {"up": "worse", "down": "better"},
                "indicators": [{"id": "i", "name": "I", "cues": cues}],
            }
        ],
    }


def test_cues_tolerate_clitics_spelling_and_gaps() -> None:
    framework = parse_framework(_tiny(["قدرة|قدرات ... القوات الأمنية"]), "tiny")
    text = "أكد البيان تطوير قدراتهم. وزادت قدرات كبيرة للقوات الأمنيّة."
    found = tag_factors(_article(text), framework)
    # Alternatives, a gap word, the proclitic لل, and the shadda on the last letter.
    assert [e.cue_text for e in found] == ["قدرات كبيرة للقوات الأمنيّة"]
    assert found[0].sentence.slice(text) == "وزادت قدرات كبيرة للقوات الأمنيّة."


def test_star_alternatives_and_direction() -> None:
    framework = parse_framework(_tiny([{"ar": "هجم*", "direction": "up"}, "enduring defeat"]), "t")
    found = tag_factors(_article("ووقعت الهجمات أمس. An enduring defeat followed."), framework)
    assert [(e.cue_text, e.direction) for e in found] == [("الهجمات", 1), ("enduring defeat", None)]


def test_no_match_inside_a_longer_word() -> None:
    framework = parse_framework(_tiny(["قدرة"]), "t")
    assert tag_factors(_article("قدرت الجهات الخسائر."), framework) == []
    assert [e.cue_text for e in tag_factors(_article("زادت قدرته."), framework)] == ["قدرته"]


def test_negated_cue_keeps_evidence_without_direction() -> None:
    framework = parse_framework(_tiny([{"ar": "عودة داعش", "direction": "up"}]), "t")
    (item,) = tag_factors(_article("يضمن عدم عودة داعش إلى الظهور."), framework)
    assert item.negated and item.direction is None
    (item,) = tag_factors(_article("حذر من عودة داعش."), framework)
    assert not item.negated and item.direction == 1


def test_boilerplate_yields_no_evidence() -> None:
    framework = parse_framework(_tiny(["عودة داعش"]), "t")
    article = Article(doc="b", source="b", text="نص.\nتعليق: عودة داعش قريبة.")
    start = article.text.index("تعليق")
    article.boilerplate.append(Boilerplate(Span(start, len(article.text)), "comments"))
    assert tag_factors(article, framework) == []


def test_summary_over_time_and_direction() -> None:
    framework = parse_framework(
        _tiny([{"ar": "هجم*", "direction": "up"}, {"ar": "هزيمة", "direction": "down"}]), "t"
    )
    articles = [
        _article("تصاعدت الهجمات. ثم هجمات أخرى.", "a", "2015-08-01"),
        _article("أعلن الجيش هزيمة التنظيم.", "b", "2015-08-03"),
        _article("هجمات جديدة بلا تاريخ.", "c"),
    ]
    summary = factor_summary(articles, framework)
    (factor,) = summary["factors"]
    assert factor["evidence"] == 4 and factor["documents"] == 3
    assert factor["by_date"] == {"2015-08-01": 2, "2015-08-03": 1}
    assert factor["undated"] == 1
    assert (factor["up"], factor["down"], factor["net_direction"]) == (3, 1, 2)
    assert factor["direction"] == "up" and factor["direction_meaning"] == "worse"
    assert factor["latest"]["doc"] == "b" and factor["latest"]["date"] == "2015-08-03"
    console = Console(record=True, width=140)
    render_factors(summary, console)
    assert "F" in console.export_text()


def test_anchors_come_from_the_longest_word() -> None:
    assert cue_anchors("تطوير|تعزيز قدرات ... الأمن*") == ("تطوير", "تعزيز")
    assert cue_anchors("القوات الأمنية") == ("قوات",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("id: x\nname: X\n", "'factors' must be a non-empty list"),
        ("factors: [\n", "not valid YAML"),
        ("- a\n- b\n", "must be a YAML mapping"),
        (
            "id: x\nname: X\nfactors:\n  - id: f\n    name: F\n    indicators:\n"
            "      - id: i\n        cues: [{ar: تهديد, direction: sideways}]\n",
            "factors[0].indicators[0].cues[0]: direction 'sideways'",
        ),
        (
            "id: x\nname: X\nfactors:\n  - {id: f, name: F, indicators: [{id: i, cues: [a]}]}\n"
            "  - {id: f, name: G, indicators: [{id: i, cues: [b]}]}\n",
            "factors[1]: duplicate id 'f'",
        ),
        (
            "id: x\nname: X\nnegators: [no]\nfactors:\n"
            "  - {id: f, name: F, indicators: [{id: i, cues: [a]}]}\n",
            "negators[0]",
        ),
        (
            "id: x\nname: X\nfactors:\n  - {id: f, name: F, indicators: [{id: i, cues: [...]}]}\n",
            "bad cue",
        ),
        (
            "id: x\nname: X\nfactors:\n"
            "  - {id: f, name: F, indicators: [{id: i, cues: [{fr: x}]}]}\n",
            "unknown key(s) ['fr']",
        ),
    ],
)
def test_validation_errors_name_file_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkError) as error:
        load_framework(path)
    assert str(path) in str(error.value)
    assert problem in str(error.value)


def test_missing_file_is_a_framework_error(tmp_path: Path) -> None:
    with pytest.raises(FrameworkError, match="cannot read"):
        load_framework(tmp_path / "none.yaml")
