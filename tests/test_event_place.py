"""The place of an event: from the text, through the timeline, into the store."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from marsad.arabic.normalize import normalize
from marsad.corpus.stage import run_corpus_stage
from marsad.extract.events import annotate_events
from marsad.extract.places import PLACES_FILE, place_words
from marsad.ingest import read_inputs
from marsad.model import Article, Entity, Span, Timex
from marsad.pipeline import annotate
from marsad.resources import load_tsv
from marsad.store import SCHEMA_VERSION, Store, migrate
from marsad.store.rows import ARTICLE_COLUMNS, LAYERS, article_row, quoted

JSCD = "US-Iraq Joint Security Cooperation Dialogue"


def _article(
    text: str, date: str, places: dict[str, str], others: dict[str, str] | None = None
) -> Article:
    """A hand-built article: one dated timex, LOC entities and other (ORG) names."""
    article = Article(doc="fixture.txt", source="fixture", text=text)
    start = text.index(date)
    article.timexes.append(
        Timex(Span(start, start + len(date)), date, "DATE", "2015-08-10", granularity="day")
    )
    for names, kind in ((places, "LOC"), (others or {}, "ORG")):
        for surface, canonical in names.items():
            for match in re.finditer(re.escape(surface), text):
                span = Span(match.start(), match.end())
                article.entities.append(Entity(span, surface, kind, canonical))
    article.entities.sort(key=lambda e: e.span.start)
    annotate_events(article)
    return article


def test_place_resource_loads_every_role() -> None:
    words = place_words()
    assert normalize("في") in words.prepositions and "ب" in words.proclitics
    assert normalize("مدينة") in words.nouns and normalize("الذي") in words.relatives
    assert normalize("بشأن") in words.stops and "statement" in words.topic_kinds
    roles = {row[1] for row in load_tsv(PLACES_FILE, columns=2) if not row[0].startswith("@")}
    assert roles == {"word", "proclitic", "noun", "relative", "stop", "topic"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("عقد الاجتماع في الرياض يوم 10 أغسطس.", "Riyadh"),
        ("عقد الاجتماع يوم 10 أغسطس بالرياض.", "Riyadh"),
        ("شن هجوم يوم 10 أغسطس في مدينة الموصل.", "Mosul"),
        ("الاجتماع الذي عقد في الرياض يوم 10 أغسطس.", "Riyadh"),
    ],
)
def test_place_introduced_by_a_preposition(text: str, place: str) -> None:
    article = _article(text, "يوم 10 أغسطس", {"الرياض": "Riyadh", "الموصل": "Mosul"})
    assert [e.place for e in article.events] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "عقد الاجتماع يوم 10 أغسطس حول الوضع في اليمن.",  # the topic, not the place
        "عقد الاجتماع يوم 10 أغسطس مع وفد اليمن.",  # a place name with no preposition
        "أعلن يوم 10 أغسطس تكفير الحكم في اليمن.",  # what was said
        "أعلن جهاز الأمن في اليمن يوم 10 أغسطس.",  # the place qualifies the speaker's name
        "عقد الاجتماع يوم 10 أغسطس، وفي اليمن تظاهرات.",  # another clause
    ],
)
def test_no_place_when_the_text_does_not_tie_one(text: str) -> None:
    article = _article(text, "يوم 10 أغسطس", {"اليمن": "Yemen"}, {"جهاز الأمن": "Security"})
    assert article.events and all(e.place is None for e in article.events)


def test_seed_jscd_took_place_in_washington(seeds_dir: Path) -> None:
    articles = [annotate(a) for a in read_inputs([seeds_dir]) if isinstance(a, Article)]
    jscd = [e for a in articles for e in a.events if e.name == JSCD and e.place]
    assert {e.place for e in jscd} == {"Washington, D.C."}
    assert len(jscd) >= 2  # seeds 000 and 001 both say so
    assert all(e.to_json()["place"] == "Washington, D.C." for e in jscd)
    timeline = run_corpus_stage(articles).timeline
    (event,) = [e for e in timeline.events if e.name == JSCD]
    assert event.place == "Washington, D.C."
    assert event.to_json()["place"] == "Washington, D.C." and "places" not in event.to_json()
    others = [e for e in timeline.events + timeline.undated if e is not event]
    assert all(e.place is None or e.place != "Washington, D.C." for e in others)


def _version_one_store(path: Path, article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store file as marsad at schema version 1 wrote it (events without a place)."""
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "SCHEMA_VERSION", 1)
        with Store(path):
            pass
    events = next(layer for layer in LAYERS if layer.table == "events")
    old_columns = ("article_id", "seq", *events.columns[:-1])
    # the article columns of version 1: published_crawled came with version 7
    kept = [i for i, c in enumerate(ARTICLE_COLUMNS) if c != "published_crawled"]
    columns = [ARTICLE_COLUMNS[i] for i in kept]
    row = article_row(article)
    with sqlite3.connect(path) as db:
        marks = ", ".join("?" for _ in columns)
        db.execute(
            f"INSERT INTO articles ({quoted(columns)}) VALUES ({marks})",
            tuple(row[i] for i in kept),
        )
        db.executemany(
            f"INSERT INTO events ({quoted(old_columns)}) "
            f"VALUES ({', '.join('?' for _ in old_columns)})",
            [(article.id, seq, *events.to_row(e)[:-1]) for seq, e in enumerate(article.events)],
        )
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(1,)]


def test_migration_0002_adds_the_place_to_a_version_1_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _article("عقد الاجتماع في الرياض يوم 10 أغسطس.", "يوم 10 أغسطس", {"الرياض": "R"})
    assert SCHEMA_VERSION >= 2 and article.events[0].place == "R"
    path = tmp_path / "v1.db"
    _version_one_store(path, article, monkeypatch)
    with Store(path) as store:  # reopened by this marsad: migrated to the current version
        loaded = store.get(article.id)
        assert loaded is not None and len(loaded.events) == 1
        assert loaded.events[0].place is None  # stored before places were known
        assert loaded.events[0].trigger == article.events[0].trigger
        store.save(article)
        again = store.get(article.id)
        assert again is not None and again.events[0].place == "R"
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        columns = {row[1] for row in db.execute("PRAGMA table_info(events)")}
        assert "place" in columns


def test_one_wire_sentence_in_two_papers_is_one_event() -> None:
    """No entities tagged, same wording in two reports: one event with both sources."""
    from marsad.corpus.timeline import build_timeline
    from marsad.model import EventMention

    sentence = "وذكر المسؤول أن 19 شخصا قتلوا السبت جراء انفجار ألغام في المدينة."
    articles = []
    for doc, text in (("a.txt", sentence), ("b.txt", "مقدمة أخرى. " + sentence)):
        article = Article(doc=doc, source=doc, text=text)
        start = text.index(sentence)
        trigger = text.index("قتلوا")
        article.events = [
            EventMention(
                "killing",
                Span(trigger, trigger + 5),
                "قتلوا",
                Span(start, start + len(sentence)),
                "2015-08-08",
            )
        ]
        articles.append(article)
    other = Article(doc="c.txt", source="c", text="قتل شخصان السبت في حادث سير على الطريق.")
    other.events = [
        EventMention("killing", Span(0, 3), "قتل", Span(0, len(other.text)), "2015-08-08")
    ]
    timeline = build_timeline([*articles, other])
    assert sorted(len(e.sources) for e in timeline.events) == [1, 2]
