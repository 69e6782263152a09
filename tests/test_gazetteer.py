"""The gazetteer's files: aliases.tsv, the CLDR names built by scripts/build_gazetteer.py,
the names frequent in the Saudi sample, and the organisation-name glossary."""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.arabic.clitics import readings
from marsad.arabic.view import TextView
from marsad.extract.entities import annotate_entities
from marsad.extract.lexicon import gazetteer, gazetteer_files, phrase
from marsad.model import Article, Sentence, Span
from marsad.resources import load_tsv

ROOT = Path(__file__).resolve().parents[1]
TYPES = frozenset({"PER", "ORG", "LOC", "EVENT", "MISC"})
FLAGS = frozenset({"", "needs-context"})
CORPUS_FILES = ("gazetteer_people.tsv", "gazetteer_places.tsv", "gazetteer_bodies.tsv")
GOLD_FILES = ("saudinewsnet-dev.json", "suez-timeline.json")


def test_the_loader_reads_aliases_first_then_every_gazetteer_file() -> None:
    files = gazetteer_files()
    assert files[0] == "aliases.tsv"
    assert {"gazetteer_cldr.tsv", *CORPUS_FILES} <= set(files[1:])


@pytest.mark.parametrize("name", gazetteer_files())
def test_every_row_is_well_formed(name: str) -> None:
    rows = load_tsv(name, columns=3)
    assert rows, name
    for row in rows:
        kind, canonical, surface = row[:3]
        assert kind in TYPES, row
        assert canonical and surface, row
        assert canonical == canonical.strip() and "\t" not in canonical, row
        assert (row[3] if len(row) > 3 else "") in FLAGS, row
        assert phrase(surface), f"{name}: {surface!r} folds to no word"


def test_no_surface_has_two_canonicals_across_files() -> None:
    seen: dict[tuple[str, ...], tuple[str, str]] = {}
    clashes = []
    for name in gazetteer_files():
        for row in load_tsv(name, columns=3):
            key = phrase(row[2])
            first = seen.setdefault(key, (row[1], name))
            if first[0] != row[1]:
                clashes.append((row[2], first, (row[1], name)))
    assert not clashes


def test_corpus_rows_say_why_they_are_there() -> None:
    for name in CORPUS_FILES:
        for row in load_tsv(name, columns=3):
            assert len(row) > 4 and row[4].startswith("sample: "), row


def test_the_build_script_regenerates_the_cldr_file_byte_identically() -> None:
    pytest.importorskip("babel", reason="babel (dev extra) builds gazetteer_cldr.tsv")
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts/build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text, _notes = module.build()
    assert text == module.OUT.read_text(encoding="utf-8")
    assert text == module.build()[0]  # the same twice over


def _entities(text: str) -> dict[str, str]:
    article = Article(doc="t", source="t", text=text)
    article.sentences = [Sentence(Span(0, len(text)))]
    annotate_entities(article)
    return {entity.text: entity.canonical for entity in article.entities}


def test_known_names_resolve_in_a_text() -> None:
    found = _entities(
        "التقى الرئيس الروسي فلاديمير بوتين في الدوحة وزير الخارجية، ثم سافر إلى جنيف."
    )
    assert found["فلاديمير بوتين"] == "Vladimir Putin"
    assert found["الدوحة"] == "Doha"
    assert found["جنيف"] == "Geneva"


def test_known_names_resolve_with_clitics_and_aliases_win() -> None:
    found = _entities("واجتمع الوفد بالدوحة، وقال إن السعودية تدعم بغداد.")
    assert found["الدوحة"] == "Doha"  # the span leaves the clitic out
    assert found["السعودية"] == "Saudi Arabia"  # aliases.tsv
    match = gazetteer().match(TextView("الجزائر"), 0)
    assert match is not None and match.value.canonical == "Algeria"  # not CLDR's "Algiers"


def test_a_common_word_flagged_needs_context_stays_a_word() -> None:
    # "مالي" is Mali and also "financial": it counts only where the text marks a name.
    assert "مالي" not in _entities("وقدم الصندوق دعم مالي كبير للمشروع.")
    assert _entities("وقالت الجزائر إنها تدعم «مالي» في المفاوضات.").get("مالي") == "Mali"


def test_the_org_glossary_is_well_formed() -> None:
    rows = load_tsv("org_glossary.tsv", columns=4)
    assert len(rows) > 50
    seen = set()
    for arabic, english, kind, count in (row[:4] for row in rows):
        assert len(phrase(arabic)) == 1, arabic
        assert english and english.isascii(), (arabic, english)
        assert kind in {"head", "noun", "adjective"}, arabic
        assert count.isdigit() and int(count) >= 5, (arabic, count)
        assert (arabic, kind) not in seen, arabic
        seen.add((arabic, kind))
    kinds = {row[2] for row in rows}
    assert kinds == {"head", "noun", "adjective"}


def _sample_words(jsonl: Path, shared: Path) -> list[tuple[str, ...]]:
    skip: set[str] = set()
    for name in GOLD_FILES:
        path = shared / "gold" / name
        if path.is_file():
            skip |= {d["doc"] for d in json.loads(path.read_text(encoding="utf-8"))["documents"]}
    out = []
    with jsonl.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record["id"] not in skip:
                out.append(tuple(TextView(record["content"]).words))
    return out


def test_every_corpus_derived_surface_occurs_in_the_sample(
    saudi_jsonl: Path, shared_dir: Path
) -> None:
    """Rows were written from the NER count over the sample (dev and Suez documents left
    out): each surface must occur there, its first word with or without clitics."""
    wanted: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in CORPUS_FILES:
        for row in load_tsv(name, columns=3):
            words = phrase(row[2])
            wanted[words[0]].append(words)
    missing = {words for group in wanted.values() for words in group}
    for words in _sample_words(saudi_jsonl, shared_dir):
        for at, token in enumerate(words):
            for _, word in readings(token):
                for candidate in wanted.get(word, ()):
                    if (
                        candidate in missing
                        and words[at + 1 : at + len(candidate)] == candidate[1:]
                    ):
                        missing.discard(candidate)
        if not missing:
            break
    assert not missing, sorted(" ".join(words) for words in missing)
