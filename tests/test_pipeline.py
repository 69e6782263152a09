"""The stages' declarations: order, what reruns after the corpus stage changes something,
and the timexes' kept meanings (re-anchoring without tagging again)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.corpus.stage import run_corpus_stage
from marsad.ingest import read_inputs
from marsad.model import Article, Published, PublishedSource
from marsad.pipeline import PIPELINE, annotate, dependents
from marsad.temporal import anchor_timexes, restore_meanings
from marsad.temporal.relative import Relative


def test_every_requirement_is_assigned_earlier_or_comes_from_ingest() -> None:
    from_ingest = {"boilerplate", "published", "quote_dates"}  # quote dates: also the corpus
    assigned: set[str] = set()
    for stage in PIPELINE:
        assert stage.requires <= assigned | from_ingest, stage.name
        assigned |= stage.assigns


def test_a_new_publication_date_reruns_what_depends_on_it_only() -> None:
    names = [stage.name for stage in dependents({"published"})]
    assert names == ["anchor", "statement_dates", "events"]
    assert [stage.name for stage in dependents({"quote_dates"})] == ["statement_dates", "events"]
    assert dependents({"nothing"}) == []


def test_relative_timexes_reanchor_without_tagging_again() -> None:
    text = "قالت الوزارة أمس الأربعاء إن الاجتماع سيعقد الشهر المقبل."
    article = annotate(Article(doc="d", source="s", text=text))
    relative = [t for t in article.timexes if t.relative is not None]
    assert relative and all(t.value is None for t in relative)  # no publication date yet
    article.published = Published("2015-08-13", PublishedSource.INFERRED)
    anchor_timexes(article)
    assert {t.text: t.value for t in relative} == {
        "أمس الأربعاء": "2015-08-12",
        "الشهر المقبل": "2015-09",
    }


def test_meanings_lost_by_an_old_store_are_restored(seeds_dir: Path) -> None:
    (article,) = [a for a in read_inputs([seeds_dir]) if isinstance(a, Article)][:1]
    annotate(article)
    kept = [(t.span, t.relative) for t in article.timexes]
    assert any(relative is not None for _, relative in kept)
    for timex in article.timexes:
        timex.relative = None  # as read from a store written before version 3
    assert restore_meanings(article)
    assert [(t.span, t.relative) for t in article.timexes] == kept
    assert not restore_meanings(article)  # nothing left to restore


def test_corpus_stage_output_is_unchanged_by_restoring(seeds_dir: Path) -> None:
    def timeline(strip: bool) -> dict[str, object]:
        articles = [annotate(a) for a in read_inputs([seeds_dir]) if isinstance(a, Article)]
        if strip:
            for article in articles:
                for timex in article.timexes:
                    timex.relative = None
        return run_corpus_stage(articles).timeline.to_json()

    assert timeline(strip=True) == timeline(strip=False)


_RELATIVES = st.builds(
    Relative,
    kind=st.sampled_from(["day", "weekday", "unit", "month", "shift"]),
    offset=st.integers(-3, 3),
    unit=st.sampled_from(["", "Y", "M", "W", "D"]),
    weekday=st.integers(0, 7),
    mode=st.sampled_from(["", "near", "past", "future"]),
    direction=st.none() | st.sampled_from([-1, 1]),
    clock=st.sampled_from(["", "15:00"]),
)


@given(_RELATIVES)
def test_relative_meanings_round_trip_as_json(relative: Relative) -> None:
    assert Relative.from_json(relative.to_json()) == relative
    assert dataclasses.asdict(relative)["kind"] == relative.to_json()["kind"]


def test_migration_0003_keeps_meanings_and_reads_older_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.store import Store, migrate

    article = annotate(
        Article(doc="d", source="s", text="قالت الوزارة أمس الأربعاء إن الأمر انتهى.")
    )
    path = tmp_path / "v2.db"
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "SCHEMA_VERSION", 2)
        with Store(path) as store:
            assert "relative" not in {
                row[1] for row in store._db.execute("PRAGMA table_info(timexes)")
            }
    with Store(path) as store:  # migrated to the current version
        store.save(article)
        loaded = store.get(article.id)
    assert loaded is not None
    assert [t.relative for t in loaded.timexes] == [t.relative for t in article.timexes]
    assert any(t.relative is not None for t in loaded.timexes)
