"""marsad eval: the gold loader, the figures on hand-made output, and the proof that the
figures are those the gold scorers (../shared/gold/score.py, score_timeline.py) print."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from marsad.cli import app
from marsad.evaluate import GoldError, evaluate, load_gold, parse_gold, render, score_output
from marsad.evaluate.baselines import dateparser_timexes, parse_timeml, spans_in_order
from marsad.evaluate.documents import materialise, read_gold_documents
from marsad.evaluate.extract_figures import extract_figures
from marsad.evaluate.gold import GoldDocument, GoldEvent, GoldSet
from marsad.evaluate.names import same_name
from marsad.evaluate.positions import every_word_end_occurrence, find_occurrence, line_of
from marsad.evaluate.quantity_figures import same_quantity
from marsad.evaluate.quote_figures import cue_matches
from marsad.evaluate.system_output import SystemOutput, marsad_output
from marsad.evaluate.timeline_event_figures import content_words, timeline_event_figures
from marsad.model import Article, Span

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD_DIR = SHARED / "gold"
SEEDS = SHARED / "seeds"
SAUDI = SHARED / "data" / "saudinewsnet-sample" / "articles.jsonl"
runner = CliRunner()


@pytest.fixture(scope="module")
def seeds_gold() -> GoldSet:
    if not (GOLD_DIR / "seeds.json").is_file() or not SEEDS.is_dir():
        pytest.skip(f"shared seeds/gold not found under {SHARED}")
    return load_gold(GOLD_DIR / "seeds.json")


def _texts(folder: Path, gold: GoldSet) -> dict[str, str]:
    return {name: (folder / name).read_text(encoding="utf-8") for name in gold.doc_names()}


def _one_doc_gold(**document: Any) -> GoldSet:
    return parse_gold({"format": "marsad-gold/1", "documents": [{"doc": "d", **document}]})


# --- the gold format ------------------------------------------------------------------------


def test_every_gold_file_loads_with_every_field(shared_dir: Path) -> None:
    seeds = load_gold(shared_dir / "gold" / "seeds.json")
    assert (seeds.corpus, len(seeds.documents)) == ("seeds", 5)
    assert sum(len(d.timexes) for d in seeds.documents) == 24
    assert any(not e.derivable for e in seeds.timeline)
    assert seeds.documents[0].published_inferable is not None

    dev = load_gold(shared_dir / "gold" / "saudinewsnet-dev.json")
    count = {
        layer: sum(len(getattr(d, layer)) for d in dev.documents)
        for layer in ("timexes", "quotes", "entities", "quantities")
    }
    assert count == {"timexes": 237, "quotes": 206, "entities": 586, "quantities": 133}
    quantities = [q for d in dev.documents for q in d.quantities]
    assert (6, 33) in [q.value for q in quantities]  # a [low, high] range
    assert any(q.value is None and q.vague for q in quantities)
    assert any(q.speaker_ar for d in dev.documents for q in d.quotes)
    assert any(e.name_ar for d in dev.documents for e in d.entities)
    assert all(d.crawled for d in dev.documents)

    suez = load_gold(shared_dir / "gold" / "suez-timeline.json")
    assert (len(suez.timeline), len(suez.conflicts), len(suez.duplicates)) == (59, 22, 4)
    assert sum(1 for e in suez.timeline if e.date) == 48
    assert {e.date_basis for e in suez.timeline} <= {
        "explicit",
        "relative",
        "dateline",
        "bounded",
        "none",
    }
    assert sum(1 for e in suez.timeline if e.scope == "story") == 44
    assert all(e.evidence and e.evidence_doc for e in suez.timeline if e.date)
    assert all(len(c.versions) >= 2 for c in suez.conflicts)
    assert not any(d.annotated for d in suez.documents)  # a story file: no per-document answers


def test_bad_gold_lists_every_problem() -> None:
    bad = {
        "format": "marsad-gold/0",
        "documents": [
            {"doc": "a.txt", "timexes": [{"text": "x", "occurrence": True, "type": "DAY"}]},
            {
                "doc": "a.txt",
                "quotes": [{"speaker": "S", "cue": "قال"}],
                "quantities": [{"text": "3 قتلى", "value": [3]}],
                "entities": [{"name": "X", "type": "PER", "mentions": ["x", 3]}],
            },
        ],
        "timeline": [
            {"id": "e", "date": None, "docs": ["zzz"]},
            {"id": "f", "date": "2015", "docs": ["a.txt"], "date_basis": "guessed"},
        ],
        "conflicts": [{"id": "C1", "event": "nope", "versions": [{"version": "v", "docs": ["b"]}]}],
        "duplicates": [{"id": "D1", "kind": "exact", "ids": ["a.txt", "c.txt"]}],
    }
    with pytest.raises(GoldError) as caught:
        parse_gold(bad)
    text = "\n".join(caught.value.problems)
    for expected in (
        "format",
        "occurrence",
        "DAY",
        "'value'",
        "'line'",
        "[low, high]",
        "mentions",
        "twice",
        "zzz",
        "derivable",
        "guessed",
        "'nope'",
        "'b'",
        "'c.txt'",
    ):
        assert expected in text, expected


def test_gold_that_does_not_fit_the_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال الوزير أمس\n", encoding="utf-8")
    data = {
        "format": "marsad-gold/1",
        "documents": [
            {
                "doc": "a.txt",
                "timexes": [{"text": "أمس", "occurrence": 2, "type": "DATE", "value": None}],
            }
        ],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError, match="occurrence 2"):
        evaluate(path, tmp_path, baselines={})
    result = runner.invoke(app, ["eval", "--gold", str(path), "--docs", str(tmp_path)])
    assert result.exit_code == 2 and "occurrence 2" in result.output


def test_occurrences_are_plain_substrings_and_lines_count_newlines() -> None:
    text = "المستقبلية ثم المستقبل\naaa"
    assert find_occurrence(text, "المستقبل", 1) == (0, 8)  # inside a longer word
    assert find_occurrence(text, "المستقبل", 2) == (14, 22)
    assert find_occurrence(text, "aa", 2) == (24, 26)  # overlapping, like str.find
    assert find_occurrence(text, "aa", 3) is None
    assert line_of(text, 23) == 2 and line_of(text, 22) == 1 and line_of(text, -1) == 1


# --- the definitions, on hand-made output ---------------------------------------------------


def test_cue_names_and_quantities_compare_as_the_scorer_does() -> None:
    assert cue_matches("وأضاف", "أضاف") and cue_matches("قال", "وقالت")
    assert not cue_matches("أكد", "قال")
    assert cue_matches("فقال", "قال") and cue_matches("وفق ما", "ق ما")  # every leading و/ف goes
    assert same_name("Al-Jubeir", "Adel al-Jubeir")  # whole words of the gold name
    assert same_name("Prince Muhammad bin Nayef", "Muhammad bin Nayef")
    assert not same_name("Jubeir", "Adel al-Jubeiri")
    assert not same_name("", "Adel al-Jubeir")
    assert same_name("الجبير", "Adel al-Jubeir", ["الجبير"])  # a gold surface form
    assert same_quantity([6, 33], (6, 33)) and not same_quantity(6, (6, 33))
    assert same_quantity(None, None) and not same_quantity(0, None)
    assert same_quantity(28.3, 28.3) and same_quantity("12", 12)


def test_content_words_fold_strip_proclitics_and_keep_ala() -> None:
    words = content_words("وبالمناسبة افتتح الرئيس القناة على 3 مراحل في الذي كتاب")
    assert words == {"مناسبه", "افتتح", "رئيس", "قناه", "علي", "مراحل", "كتاب"}


def _seed_oracle(gold: GoldSet, texts: dict[str, str]) -> list[dict[str, Any]]:
    """Extract records that answer exactly the gold (null values left null)."""
    records = []
    for document in gold.documents:
        text = texts[document.doc]
        lines = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        timexes = []
        for t in document.timexes:
            where = find_occurrence(text, t.text, t.occurrence)
            assert where is not None
            timexes.append({"start": where[0], "end": where[1], "text": t.text, "value": t.value})
        quotes = []
        for q in document.quotes:
            start = text.index(q.cue, lines[q.line - 1])
            quotes.append({"speaker": q.speaker, "cue": q.cue, "cue_start": start})
        entities = []
        for e in document.entities:
            for mention in e.mentions:
                start, end = next(every_word_end_occurrence(text, mention))
                entities.append({"start": start, "end": end, "canonical": e.name})
        quantities = []
        for n in document.quantities:
            where = find_occurrence(text, n.text, n.occurrence)
            assert where is not None
            value = list(n.value) if isinstance(n.value, tuple) else n.value
            quantities.append({"start": where[0], "end": where[1], "value": value})
        published = {"value": document.published, "source": "dateline"}
        records.append(
            {
                "doc": document.doc,
                "published": published,
                "timexes": timexes,
                "quotes": quotes,
                "entities": entities,
                "quantities": quantities,
            }
        )
    return records


def test_an_oracle_scores_one_and_an_empty_system_zero(seeds_gold: GoldSet) -> None:
    texts = _texts(SEEDS, seeds_gold)
    oracle = score_output(seeds_gold, texts, SystemOutput(_seed_oracle(seeds_gold, texts), {}))
    figures = oracle.extract
    assert figures["timex"]["f1"] == 1.0 and figures["timex_value_acc"] == 1.0
    assert figures["relative_unknown_anchor"] == {"n": 5, "resolved_right": 0, "confident_wrong": 0}
    assert figures["quotes"]["f1"] == 1.0
    assert figures["quote_speaker_acc"] == figures["quote_speaker_identity_acc"] == 1.0
    assert figures["entity_mention_recall"] == figures["entity_canonical_acc"] == 1.0
    assert figures["quantity_recall"] == 1.0
    assert oracle.published is not None and oracle.published["stated"]["acc"] == 1.0
    assert oracle.timeline is not None and oracle.timeline["system_dated"] == 0

    empty = score_output(seeds_gold, texts, SystemOutput([], {"events": []})).extract
    assert empty["docs_found"] == 0
    assert empty["timex"]["f1"] == 0.0 and empty["timex"]["fn"] == 18  # 6 vague: not scored
    assert empty["quotes"]["fn"] == 36 and empty["quote_speaker_acc"] is None
    assert empty["entity_mention_recall"] == 0.0 and empty["quantity_recall"] == 0.0
    assert empty["timeline_date"]["fn"] == 8 and empty["timeline_events_found"] == "0/8"


def test_a_confident_date_for_an_unknown_day_is_counted_wrong() -> None:
    text = "قال أمس الأربعاء إن اجتماع 7 آب 2023 انتهى"
    gold = _one_doc_gold(
        timexes=[
            {"text": "أمس الأربعاء", "type": "DATE", "value": None, "anchored_value": "2023-08-08"},
            {"text": "7 آب 2023", "type": "DATE", "value": "2023-08-07"},
        ]
    )
    system = [
        {"doc": "d", "timexes": [{"start": 4, "end": 7, "value": "2026-01-01"}]},  # invented
        {"doc": "d", "timexes": [{"start": 4, "end": 7, "value": "2023-08-08"}]},  # resolved
    ]
    wrong = score_output(gold, {"d": text}, SystemOutput(system[:1], None)).extract
    assert wrong["relative_unknown_anchor"] == {"n": 1, "resolved_right": 0, "confident_wrong": 1}
    assert wrong["timex"] == {"p": 1.0, "r": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1}
    right = score_output(gold, {"d": text}, SystemOutput(system[1:], None)).extract
    assert right["relative_unknown_anchor"]["resolved_right"] == 1


def test_speaker_identity_counts_the_right_body_under_another_name() -> None:
    text = "وقال المتحدث باسم وزارة الداخلية إن الحادث وقع"
    gold = _one_doc_gold(
        quotes=[{"speaker": "Saudi Ministry of Interior", "cue": "وقال", "line": 1}],
        entities=[
            {"name": "Saudi Ministry of Interior", "type": "ORG", "mentions": ["وزارة الداخلية"]}
        ],
    )
    quote = {"speaker": "Interior spokesman", "cue": "قال", "cue_start": 1}
    spans = {"speaker_start": 18, "speaker_end": 32}
    plain = score_output(gold, {"d": text}, SystemOutput([{"doc": "d", "quotes": [quote]}], None))
    assert plain.extract["quote_speaker_acc"] == plain.extract["quote_speaker_identity_acc"] == 0.0
    pointed = [{"doc": "d", "quotes": [{**quote, **spans}]}]
    identity = score_output(gold, {"d": text}, SystemOutput(pointed, None)).extract
    assert identity["quote_speaker_acc"] == 0.0 and identity["quote_speaker_identity_acc"] == 1.0


def test_timeline_events_match_one_to_one_on_what_the_evidence_says() -> None:
    texts = {"a": "افتتح الرئيس القناة الجديدة أمس. ثم عاد.", "b": "كلام آخر عن موضوع مختلف تماما."}
    evidence = "افتتح الرئيس القناة الجديدة"
    opening = GoldEvent(
        "E1", "2015-08-06", ("a",), evidence_doc="a", evidence=evidence, scope="story"
    )
    older = GoldEvent("E2", None, ("a",), derivable=False)
    gold = GoldSet("c", [GoldDocument("a"), GoldDocument("b")], timeline=[opening, older])
    fragment = {"date": "2015-08-06", "sources": [{"doc": "a", "start": 0, "end": 5}]}
    elsewhere = {"date": "2015-08-06", "sources": [{"doc": "b", "start": 0, "end": 10}]}
    timeline = {"events": [fragment, dict(fragment), elsewhere], "conflicts": [{}]}
    figures = timeline_event_figures(gold, timeline, texts)
    assert figures == {
        "gold_dated": 1,
        "system_dated": 3,
        "matched": 1,  # two fragments of one event count once
        "story_found": "1/1",
        "story_recall": 1.0,
        "precision": 0.333,
        "recall": 1.0,
        "f1": 0.5,
        "conflicts_shown": 1,
        "gold_conflicts": 0,
    }


# --- reading, report, baseline --------------------------------------------------------------


def test_saudi_records_are_materialised_and_others_read_as_they_are(tmp_path: Path) -> None:
    saudi = {
        "id": "2015-08-10.json#1",
        "content": "نص الخبر",
        "title": "عنوان",
        "url": "http://x/1",
        "date_extracted": "2015-08-10 20:32:18",
        "source_name": "Okaz",
    }
    assert materialise(saudi) == {
        "id": "2015-08-10.json#1",
        "text": "نص الخبر",
        "title": "عنوان",
        "url": "http://x/1",
        "published": "2015-08-10 20:32:18",
        "outlet": "Okaz",
    }
    plain = {"id": "r2", "text": "آخر", "published": "2020-01-01"}
    assert materialise(plain) == plain
    path = tmp_path / "articles.jsonl"
    records = [saudi, plain, {"id": "r3", "content": "غير مطلوب"}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    found = {a.doc: a for a in read_gold_documents(path, ["2015-08-10.json#1", "r2", "r9"])}
    assert set(found) == {"2015-08-10.json#1", "r2"}
    assert found["2015-08-10.json#1"].published.value == "2015-08-10T20:32"
    assert found["2015-08-10.json#1"].outlet == "Okaz"
    assert found["r2"].text == "آخر"


def test_report_renders_every_section(seeds_gold: GoldSet) -> None:
    report = evaluate(GOLD_DIR / "seeds.json", SEEDS, baselines={})
    console = Console(record=True, width=160)
    render(report, console)
    shown = console.export_text()
    for title in ("Timexes", "Quotes", "Timeline dates", "Story timeline", "Publication dates"):
        assert title in shown
    assert "dateparser" not in shown


def test_spans_in_order_follows_the_text() -> None:
    text = "2023 ثم 2023 ثم 2008"
    assert spans_in_order(text, ["2023", "2023", "2008", "9999"]) == [
        Span(0, 4),
        Span(8, 12),
        Span(16, 20),
        None,
    ]


def test_heideltime_timeml_is_located_in_the_text() -> None:
    text = "قال أمس إن 2014 كان & صعبا"
    timeml = (
        '<TimeML>\nقال <TIMEX3 tid="t1" type="DATE" value="XXXX-XX-XX">أمس</TIMEX3> إن '
        '<TIMEX3 tid="t2" type="DATE" value="2014">2014</TIMEX3> كان & صعبا\n</TimeML>'
    )
    timexes = parse_timeml(timeml, text)
    assert [(t.span, t.value) for t in timexes] == [(Span(4, 7), None), (Span(11, 15), "2014")]


def test_dateparser_baseline_invents_day_and_month(seeds_gold: GoldSet) -> None:
    article = dateparser_timexes(Article("x", "x", "وقع الاتفاق عام 2008 ثم قال اليوم"))
    assert article.timexes and all(t.value for t in article.timexes)
    year = next(t for t in article.timexes if "2008" in t.text)
    assert year.value is not None and year.value.startswith("2008-")  # a day the text never gave
    report = evaluate(GOLD_DIR / "seeds.json", SEEDS).to_json()["systems"]
    assert set(report["dateparser"]["extract"]) == {
        "docs_gold",
        "docs_found",
        "timex",
        "timex_value_acc",
        "timex_value_n",
        "relative_unknown_anchor",
    }
    assert report["dateparser"]["extract"]["timex_value_acc"] < 0.5


# --- marsad on the seeds --------------------------------------------------------------------


def test_marsad_on_the_seeds_never_invents_a_date(seeds_gold: GoldSet) -> None:
    """The rule, not a tuned figure: no confident date the text does not support; 000's
    publication date is inferred from 004 and its Saturday resolved."""
    report = evaluate(GOLD_DIR / "seeds.json", SEEDS, baselines={}).to_json()
    marsad = report["systems"]["marsad"]
    assert marsad["extract"]["docs_found"] == 5
    assert marsad["extract"]["relative_unknown_anchor"]["confident_wrong"] == 0
    assert marsad["extract"]["relative_unknown_anchor"]["resolved_right"] == 1
    assert marsad["published"]["inferred"] == {"acc": 1.0, "right": 1, "n": 1}
    assert marsad["published"]["invented"] == 0
    assert marsad["extract"]["timex"]["f1"] >= 0.95


# --- the figures are the gold scorers' ------------------------------------------------------


def _run(*command: str | Path) -> Any:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=True, timeout=600
    )
    return json.loads(done.stdout)


def _saudi_inputs(gold: Path, out: Path) -> Path:
    """The README's input for a Saudi gold: its records with text = content, published =
    date_extracted, title, url, outlet = source_name."""
    names = {d["doc"] for d in json.loads(gold.read_text(encoding="utf-8"))["documents"]}
    with SAUDI.open(encoding="utf-8") as records, out.open("w", encoding="utf-8") as lines:
        for line in records:
            r = json.loads(line)
            if r["id"] in names:
                record = {
                    "id": r["id"],
                    "text": r["content"],
                    "title": r.get("title"),
                    "url": r.get("url"),
                    "published": r.get("date_extracted"),
                    "outlet": r.get("source_name"),
                }
                lines.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def _folder_as_jsonl(folder: Path, out: Path) -> Path:
    with out.open("w", encoding="utf-8") as lines:
        for path in sorted(folder.iterdir()):
            record = {"id": path.name, "text": path.read_text(encoding="utf-8")}
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def _cli(*args: str | Path) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _differences(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    keys = sorted(set(ours) | set(theirs))
    return {
        k: (ours.get(k, "<absent>"), theirs.get(k, "<absent>"))
        for k in keys
        if ours.get(k, "<absent>") != theirs.get(k, "<absent>")
    }


@pytest.mark.parametrize("gold_name", ["seeds.json", "saudinewsnet-dev.json", "suez-timeline.json"])
def test_eval_prints_the_figures_of_the_gold_scorers(
    shared_dir: Path, tmp_path: Path, gold_name: str
) -> None:
    gold = shared_dir / "gold" / gold_name
    if gold_name == "seeds.json":
        docs, eval_docs = SEEDS, SEEDS
        articles = _folder_as_jsonl(SEEDS, tmp_path / "seeds.jsonl")
    else:
        docs = articles = _saudi_inputs(gold, tmp_path / "inputs.jsonl")
        eval_docs = SAUDI  # eval materialises the records itself
    extract = tmp_path / "extract.jsonl"
    extract.write_text(_cli("extract", docs, "--json"), encoding="utf-8")
    score = [sys.executable, GOLD_DIR / "score.py", gold, extract, "--texts", docs]
    story = bool(json.loads(gold.read_text(encoding="utf-8")).get("timeline"))
    if story:
        timeline = tmp_path / "timeline.json"
        timeline.write_text(_cli("timeline", docs, "--format", "json"), encoding="utf-8")
        score += ["--timeline", timeline]
    expected_extract = _run(*score)

    report = json.loads(_cli("eval", "--gold", gold, "--docs", eval_docs, "--json"))
    marsad = report["systems"]["marsad"]
    assert _differences(marsad["extract"], expected_extract) == {}
    if story:
        expected = _run(sys.executable, GOLD_DIR / "score_timeline.py", gold, timeline, articles)
        assert _differences(marsad["timeline"], expected) == {}
    else:
        assert "timeline" not in marsad


def _perturbed_extracts(
    records: list[dict[str, Any]], texts: dict[str, str], rng: random.Random
) -> list[dict[str, Any]]:
    """marsad's records with shifted spans, other values, names and cues: every branch of
    the definitions gets exercised, not only the ones marsad's output happens to reach."""

    def somewhere(text: str, length: int = 12) -> tuple[int, int]:
        start = rng.randrange(max(1, len(text) - length))
        return start, start + rng.randint(0, length)

    out = copy.deepcopy(records)
    for record in out:
        text = texts[record["doc"]]

        for t in record["timexes"]:
            roll = rng.random()
            if roll < 0.15:
                t["value"] = None
            elif roll < 0.3:
                t["start"] = max(0, t["start"] + rng.randint(-6, 6))
                t["end"] = max(t["start"], t["end"] + rng.randint(-6, 6))
            elif roll < 0.4:
                t["value"] = rng.choice(["2015", "2015-08-10", "PRESENT_REF"])
        record["timexes"] = [t for t in record["timexes"] if rng.random() > 0.1]
        for q in record["quotes"]:
            roll = rng.random()
            if roll < 0.2:
                q["speaker"] = None
            elif roll < 0.35:
                q["cue"] = rng.choice(["و", "ف", "وف"]) + q["cue"]
            elif roll < 0.5 and q["speaker"]:
                q["speaker"] = rng.choice([q["speaker"].split()[-1], "Prince " + q["speaker"]])
            elif roll < 0.6:
                q["cue_start"] = max(0, q["cue_start"] + rng.randint(-80, 80))
            if rng.random() < 0.4:
                q["speaker_start"], q["speaker_end"] = somewhere(text)
                q["speaker_ar"] = text[q["speaker_start"] : q["speaker_end"]]
        for e in record["entities"]:
            roll = rng.random()
            if roll < 0.15:
                e["canonical"] = rng.choice([None, "", "(unnamed)", e["canonical"].split()[-1]])
            elif roll < 0.3:
                e["start"], e["end"] = somewhere(text)
        record["entities"] = [e for e in record["entities"] if rng.random() > 0.15]
        for n in record["quantities"]:
            roll, value = rng.random(), n["value"]
            number = value if isinstance(value, int | float) else 1
            n["value"] = (
                [number, number + 1]
                if roll < 0.15
                else str(number)
                if roll < 0.3
                else None
                if roll < 0.4
                else number + 1
                if roll < 0.5
                else value
            )
    return out


def _perturbed_timeline(
    timeline: dict[str, Any], docs: list[str], rng: random.Random
) -> dict[str, Any]:
    events = copy.deepcopy(timeline["events"])
    events += copy.deepcopy(rng.sample(events, k=min(6, len(events))))  # ties
    dates = [e["date"] for e in events] + ["2015-08-06", "2015-08-07", None]
    for event in events:
        if rng.random() < 0.2:
            event["date"] = rng.choice(dates)
        for source in event["sources"]:
            if rng.random() < 0.3:
                source["end"] = source["start"] + rng.randint(0, 39)
            if rng.random() < 0.15:
                source["doc"] = rng.choice(docs)
    rng.shuffle(events)
    return {**timeline, "events": events, "conflicts": [{}] * rng.randint(0, 3)}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_figures_equal_the_scorers_on_perturbed_output(
    shared_dir: Path, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    for name in ("saudinewsnet-dev.json", "suez-timeline.json"):
        gold_path = GOLD_DIR / name
        gold = load_gold(gold_path)
        articles = read_gold_documents(SAUDI, gold.doc_names())
        texts = {a.doc: a.text for a in articles}
        output = marsad_output(articles)
        assert output.timeline is not None
        extracts = _perturbed_extracts(output.extracts, texts, rng)
        timeline = _perturbed_timeline(output.timeline, gold.doc_names(), rng)
        inputs = _saudi_inputs(gold_path, tmp_path / "inputs.jsonl")
        extract_file, timeline_file = tmp_path / "extract.jsonl", tmp_path / "timeline.json"
        extract_file.write_text("".join(json.dumps(r) + "\n" for r in extracts), encoding="utf-8")
        timeline_file.write_text(json.dumps(timeline), encoding="utf-8")
        scorer = GOLD_DIR / "score.py"
        theirs = _run(
            sys.executable,
            scorer,
            gold_path,
            extract_file,
            "--texts",
            inputs,
            "--timeline",
            timeline_file,
        )
        ours = extract_figures(gold, texts, extracts, timeline)
        assert _differences(ours, theirs) == {}, name
        story = _run(
            sys.executable, GOLD_DIR / "score_timeline.py", gold_path, timeline_file, inputs
        )
        assert _differences(timeline_event_figures(gold, timeline, texts), story) == {}, name


def test_the_figures_equal_the_scorers_on_cases_real_output_does_not_reach(
    shared_dir: Path, tmp_path: Path
) -> None:
    """A cue written with ف, an unnamed speaker, and a timeline tie that the scorer's order
    (closest first, then the later system and gold event) decides."""
    first = "افتتح الرئيس المصري القناة الجديدة أمس في الإسماعيلية."  # over 40 characters
    second = " وحضر الحفل ضيوف كثيرون من الخارج."
    text = "فقال الوزير إن الحفل تم. وفق ما أفادت مصادر أمنية.\n" + first + second
    start = text.index(first)
    gold_data = {
        "format": "marsad-gold/1",
        "documents": [
            {
                "doc": "a",
                "quotes": [
                    {"speaker": "Egyptian minister", "cue": "فقال", "line": 1},
                    {"speaker": "security source (unnamed)", "cue": "وفق", "line": 1},
                ],
                "entities": [{"name": "Egyptian minister", "type": "PER", "mentions": ["الوزير"]}],
            }
        ],
        "timeline": [
            {
                "id": "E1",
                "date": "2015-08-06",
                "docs": ["a"],
                "scope": "story",
                "evidence_doc": "a",
                "evidence": first,
            },
            {
                "id": "E2",
                "date": "2015-08-06",
                "docs": ["a"],
                "scope": "story",
                "evidence_doc": "a",
                "evidence": second.strip(),
            },
        ],
    }
    extracts = [
        {
            "doc": "a",
            "quotes": [
                {"speaker": "minister", "cue": "قال", "cue_start": 1},
                {"speaker": "security official (unnamed)", "cue": "وفق ما", "cue_start": 25},
            ],
        }
    ]
    both = {"doc": "a", "start": start, "end": len(text)}
    opening = {"doc": "a", "start": start, "end": start + len(first)}
    timeline = {
        "events": [
            {"date": "2015-08-06", "sources": [both]},
            {"date": "2015-08-06", "sources": [opening]},
        ]
    }
    paths = {
        name: tmp_path / name
        for name in ("gold.json", "texts.jsonl", "extract.jsonl", "timeline.json")
    }
    paths["gold.json"].write_text(json.dumps(gold_data), encoding="utf-8")
    paths["texts.jsonl"].write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    paths["extract.jsonl"].write_text(json.dumps(extracts[0]) + "\n", encoding="utf-8")
    paths["timeline.json"].write_text(json.dumps(timeline), encoding="utf-8")
    gold = parse_gold(gold_data)
    ours = extract_figures(gold, {"a": text}, extracts, timeline)
    theirs = _run(
        sys.executable,
        GOLD_DIR / "score.py",
        paths["gold.json"],
        paths["extract.jsonl"],
        "--texts",
        paths["texts.jsonl"],
        "--timeline",
        paths["timeline.json"],
    )
    assert _differences(ours, theirs) == {}
    assert ours["quotes"]["tp"] == 2 and ours["quote_speaker_acc"] == 0.5  # "(unnamed)" no help
    story = timeline_event_figures(gold, timeline, {"a": text})
    assert story == _run(
        sys.executable,
        GOLD_DIR / "score_timeline.py",
        paths["gold.json"],
        paths["timeline.json"],
        paths["texts.jsonl"],
    )
    assert story["matched"] == 2


# --- other evaluations ----------------------------------------------------------------------


def test_timex_span_reader_finds_nested_dates(tmp_path: Path) -> None:
    from marsad.evaluate.timex_spans import read_spans, timex_span_recall

    conll = tmp_path / "w.txt"
    conll.write_text(
        "وصل O\nفي O\n12 B-DATE\nأيار I-DATE\n1922 I-DATE\nإلى O\nمؤتمر B-EVENT\n"
        "عام I-EVENT B-DATE\n2011 I-EVENT I-DATE\n\n",
        encoding="utf-8",
    )
    (sentence,) = list(read_spans(conll))
    assert [span.slice(sentence.text) for span, _ in sentence.gold] == ["12 أيار 1922", "عام 2011"]
    result = timex_span_recall([conll])
    assert result["gold_spans"] == 2
    assert result["recall_lenient"] == 1.0


def test_wojood_date_recall_floor(shared_dir: Path) -> None:
    from marsad.evaluate.timex_spans import timex_span_recall

    result = timex_span_recall([shared_dir / "data" / "wojood-sample" / "test.txt"])
    assert result["gold_spans"] > 100
    assert result["recall_lenient"] >= 0.5
