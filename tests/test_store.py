"""The SQLite store: exact round trips, idempotent re-saves, batches, search."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.model import (
    Article,
    Boilerplate,
    Entity,
    EventMention,
    Published,
    PublishedSource,
    Quantity,
    Quote,
    Sentence,
    Span,
    Timex,
)
from marsad.store import SCHEMA_VERSION, Store
from marsad.temporal.relative import Relative

TEXT = (
    "الجمعة, 26 يناير, 2024 - 02:43 صباحاً\n"
    "قالت وزارة الخارجية العراقية، الخميس، إن بغداد وواشنطن تعتزمان إجراء محادثات.\n"
    "وتنشر الولايات المتحدة 2500 عسكري في العراق منذ 2014.\n"
    "التعليقات"
)


def _at(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def _full_article(doc: str = "004.txt", text: str = TEXT) -> Article:
    """An article with every field and layer set, including the optional ones."""
    article = Article(
        doc=doc,
        source=f"/data/{doc}",
        text=text,
        title="عنوان",
        url="https://example.org/a",
        outlet="Alhurra",
        published=Published(
            "2024-01-26T02:43",
            PublishedSource.DATELINE,
            _at(text, "الجمعة, 26 يناير, 2024 - 02:43"),
            "from the dateline",
            "2024-01-26T09:10",
        ),
        encoding="cp1256",
        raw="<html>…</html>",
    )
    article.boilerplate = [Boilerplate(_at(text, "التعليقات"), "comments")]
    article.sentences = [Sentence(Span(0, 37)), Sentence(_at(text, "قالت وزارة"))]
    article.timexes = [
        Timex(
            _at(text, "الخميس"),
            "الخميس",
            "DATE",
            "2024-01-25",
            "publication",
            "day",
            rule="r",
            relative=Relative("weekday", weekday=4, mode="near"),
        ),
        Timex(_at(text, "2014"), "2014", "DATE", "2014", granularity="year", hijri="1435"),
        Timex(_at(text, "تعتزمان"), "تعتزمان", "DATE", "FUTURE_REF", vague=True),
    ]
    article.entities = [
        Entity(
            _at(text, "وزارة الخارجية العراقية"),
            "وزارة الخارجية العراقية",
            "ORG",
            "Iraqi Ministry of Foreign Affairs",
            role="speaker",
            rule="gazetteer",
            canonical_ar="وزارة الخارجية العراقية",
            name_source="gazetteer",
            id="a1b2c3",
        ),
        Entity(_at(text, "بغداد"), "بغداد", "LOC", "Baghdad"),
    ]
    article.quotes = [
        Quote(
            "Iraqi Ministry of Foreign Affairs",
            "قالت",
            _at(text, "قالت"),
            _at(text, "بغداد وواشنطن تعتزمان"),
            _at(text, "وزارة الخارجية العراقية"),
        ),
        Quote(
            None,
            "قالت",
            _at(text, "قالت"),
            _at(text, "إجراء"),
            None,
            implicit=True,
            date="2024-01-25",
            date_note="own words",
        ),
    ]
    article.quantities = [
        Quantity(
            _at(text, "2500 عسكري"),
            "2500 عسكري",
            2500,
            "soldier",
            "US troops",
            category="attackers",
            head=_at(text, "عسكري"),
            sentence=_at(text, "2500"),
        ),
        Quantity(_at(text, "2500 عسكري"), "2500 عسكري", None, "soldier", bounds=(2400, 2500)),
        Quantity(_at(text, "2500"), "2500", 2.5e3, None, approximate=True, vague=True),
        Quantity(_at(text, "عسكري"), "عسكري", None),
    ]
    article.events = [
        EventMention("statement", _at(text, "قالت"), "قالت", _at(text, "قالت وزارة"),
                     "2024-01-25", _at(text, "الخميس"), ["Iraqi Ministry of Foreign Affairs"],
                     None, None, "quote-cue", "Baghdad"),
        EventMention("meeting", _at(text, "محادثات"), "محادثات", _at(text, "قالت وزارة"),
                     None, None, [], "Talks", "no date", ""),
    ]  # fmt: skip
    return article


def _rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_store_handles_every_model_field() -> None:
    """A new model field must be stored too: this fails until sqlite.py learns it."""
    expected = {
        Article: {"doc", "source", "text", "title", "url", "outlet", "published", "language",
                  "encoding", "raw", "id", "boilerplate", "sentences", "timexes", "entities",
                  "quotes", "quantities", "events"},
        Published: {"value", "source", "span", "note", "crawled"},
        Boilerplate: {"span", "kind"},
        Sentence: {"span"},
        Timex: {"span", "text", "type", "value", "anchor", "granularity", "vague", "hijri", "rule",
                "relative"},
        Entity: {"span", "text", "type", "canonical", "role", "rule", "canonical_ar", "name_source",
                 "id"},
        Quote: {
            "speaker",
            "cue",
            "cue_span",
            "content_span",
            "speaker_span",
            "implicit",
            "date",
            "date_note",
            "speaker_ar",
            "speaker_id",
        },
        Quantity: {"span", "text", "value", "unit", "subject", "approximate", "vague",
                   "category", "head", "sentence", "bounds"},
        EventMention: {"kind", "trigger", "trigger_text", "sentence", "date", "timex",
                       "participants", "name", "undated_reason", "rule", "place"},
    }  # fmt: skip
    for cls, names in expected.items():
        # a field the constructor does not take is a derived cache, rebuilt, never stored
        assert {f.name for f in fields(cls) if f.init} == names, cls.__name__


def test_round_trip_is_exact(tmp_path: Path) -> None:
    article = _full_article()
    with Store(tmp_path / "m.db") as store:
        assert store.save(article) is True
        loaded = store.get(article.id)
        assert loaded == article
        assert store.get("no-such-id") is None
    with Store(tmp_path / "m.db") as store:  # reopened: still there
        back = store.get(article.id)
        assert back == article
        assert back is not None and isinstance(back.quantities[0].value, int)
        assert isinstance(back.quantities[2].value, float)
        assert back.quantities[1].bounds == (2400, 2500)  # a range comes back a range


def test_resaving_replaces_without_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    article = _full_article()
    with Store(path) as store:
        store.save(article)
        counts = {t: _rows(path, t) for t in ("timexes", "entities", "quotes", "events")}
        article.entities = article.entities[:1]
        assert store.save(article) is False
        assert store.count() == 1
        assert store.get(article.id) == article
    assert _rows(path, "entities") == 1
    for table in ("timexes", "quotes", "events"):
        assert _rows(path, table) == counts[table]
    assert _rows(path, "article_search") == 1


def test_save_many_counts_new_and_updated_across_batches(tmp_path: Path) -> None:
    articles = [_full_article(f"{n:03}.txt", TEXT + f"\n{n}") for n in range(7)]
    with Store(tmp_path / "m.db") as store:
        assert store.save_many(articles[:4], batch_size=3) == (4, 0)
        assert store.save_many(iter(articles), batch_size=3) == (3, 4)
        assert store.count() == 7
        assert [a.doc for a in store.iter_articles()] == [a.doc for a in articles]
        assert list(store.iter_articles()) == articles


def test_a_failed_batch_leaves_the_committed_ones(tmp_path: Path) -> None:
    def articles() -> object:
        yield from (_full_article(f"{n}.txt", TEXT + str(n)) for n in range(2))
        raise RuntimeError("reader died")

    with Store(tmp_path / "m.db") as store:
        with pytest.raises(RuntimeError):
            store.save_many(articles(), batch_size=1)  # type: ignore[arg-type]
        assert store.count() == 2


def test_schema_version_wal_and_indexes(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path):
        pass
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"entities_canonical", "quotes_speaker", "timexes_value"} <= indexes
        db.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(RuntimeError, match="schema version 99"):
        Store(path)


def test_search_matches_normalised_phrases_safely(tmp_path: Path) -> None:
    other = Article(doc="x.txt", source="x", text="زار الوزير الرياض أمس.")
    with Store(tmp_path / "m.db") as store:
        store.save_many([_full_article(), other])
        article_id = _full_article().id
        assert store.search("وزارة الخارجية العراقيه") == [article_id]  # ة/ه folded
        assert store.search("اجراء محادثات") == [article_id]  # إ/ا folded
        assert store.search("الرياض") == [other.id]
        assert store.search("محادثات إجراء") == []  # a phrase, not a bag of words
        for hostile in ('" OR "', "NEAR(a b)", "*", "عنوان AND", ""):
            store.search(hostile)  # never an FTS5 syntax error


_texts = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى 0123456789،.\n", max_size=80)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=_texts,
    cuts=st.lists(st.integers(0, 80), min_size=2, max_size=6),
    value=st.one_of(
        st.none(), st.integers(-(2**53), 2**53), st.floats(allow_nan=False, allow_infinity=False)
    ),
)
def test_round_trip_of_arbitrary_text_and_values(
    tmp_path: Path, text: str, cuts: list[int], value: float | int | None
) -> None:
    bounds = sorted(min(c, len(text)) for c in cuts)
    spans = [Span(a, b) for a, b in itertools.pairwise(bounds)]
    article = Article(doc="h.txt", source="h", text=text)
    article.sentences = [Sentence(s) for s in spans]
    article.quantities = [Quantity(s, s.slice(text), value) for s in spans]
    article.timexes = [Timex(s, s.slice(text), "DATE", s.slice(text) or None) for s in spans]
    with Store(tmp_path / "h.db") as store:
        store.save(article)
        assert store.get(article.id) == article


@settings(max_examples=60, deadline=None)
@given(_texts)
def test_search_index_folds_exactly_like_normalize(text: str) -> None:
    from marsad.arabic.normalize import normalize
    from marsad.store.sqlite import _search_body

    assert _search_body(Article(doc="d", source="d", text=text + "ـًٌ\u200f")) == normalize(
        text + "ـًٌ\u200f"
    )


def test_resave_keeps_the_article_in_place_and_searchable(tmp_path: Path) -> None:
    articles = [_full_article(f"{n}.txt", TEXT + str(n)) for n in range(3)]
    with Store(tmp_path / "m.db") as store:
        store.save_many(articles)
        articles[0].title = "عنوان جديد"
        assert store.save(articles[0]) is False
        assert store.ids() == [a.id for a in articles]
        assert store.search("عنوان جديد") == [articles[0].id]
