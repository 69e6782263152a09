"""Stories: incremental clustering on a small hand-made fixture."""

from __future__ import annotations

from marsad.corpus.stories import StoryClusterer, cluster_stories
from marsad.model import Article, Entity, Published, PublishedSource, Span

BOMBING = [
    "فجر انتحاري نفسه داخل مسجد قوات الطوارئ في مدينة أبها بمنطقة عسير أثناء صلاة الظهر، "
    "ما أدى إلى مقتل خمسة عشر شخصا وإصابة آخرين، وتبنى تنظيم داعش التفجير الانتحاري.",
    "ارتفعت حصيلة تفجير مسجد قوات الطوارئ في أبها إلى خمسة عشر قتيلا، وأعلنت وزارة الداخلية "
    "هوية الانتحاري الذي فجر حزامه الناسف في المسجد بمنطقة عسير.",
    "دانت دول الخليج التفجير الانتحاري الذي استهدف مسجد قوات الطوارئ في أبها بمنطقة عسير "
    "وأودى بحياة خمسة عشر من المصلين، ووصفت تفجير الحزام الناسف بأنه عمل إرهابي جبان.",
]
STOCKS = [
    "ارتفع مؤشر سوق الأسهم السعودية في ختام تداولات اليوم بدعم من أسهم المصارف "
    "والبتروكيماويات، وبلغت قيمة التداولات أربعة مليارات ريال وسط ارتفاع معظم القطاعات.",
    "أغلق مؤشر الأسهم السعودية مرتفعا بدعم من قطاعي المصارف والبتروكيماويات، وبلغت قيمة "
    "التداولات نحو أربعة مليارات ريال، وارتفعت أسعار أسهم معظم الشركات المدرجة في السوق.",
]
WEATHER = (
    "توقعت هيئة الأرصاد هطول أمطار رعدية على مرتفعات جازان ونجران مع رياح نشطة مثيرة "
    "للأتربة والغبار على المناطق الشرقية والوسطى خلال الأيام المقبلة."
)


def _article(doc: str, text: str, outlet: str, day: str | None = None) -> Article:
    published = Published(day, PublishedSource.METADATA) if day else Published()
    return Article(doc=doc, source=f"test#{doc}", text=text, outlet=outlet, published=published)


def _fixture() -> list[Article]:
    articles = [_article(f"bomb{i}", text, f"paper{i}") for i, text in enumerate(BOMBING)]
    articles += [_article(f"stock{i}", text, f"paper{i}") for i, text in enumerate(STOCKS)]
    articles.append(_article("weather", WEATHER, "paper9"))
    articles.append(_article("reprint", BOMBING[0], "paper7"))  # a copy joins its original
    return articles


def _story_docs(articles: list[Article]) -> list[set[str]]:
    return [set(story.docs) for story in cluster_stories(articles)]


def test_same_story_across_outlets_and_reprints() -> None:
    stories = _story_docs(_fixture())
    assert {"bomb0", "bomb1", "bomb2", "reprint"} in stories
    assert {"stock0", "stock1"} in stories
    assert {"weather"} in stories
    assert len(stories) == 3


def test_story_fields() -> None:
    stories = cluster_stories(_fixture())
    largest = stories[0]
    assert largest.docs[0] == "bomb0"
    assert len(largest.outlets) == 4
    assert largest.label and largest.terms
    assert largest.first is None and largest.last is None  # no known dates: no span
    assert largest.to_json()["articles"] == largest.article_ids


def test_time_window_splits_same_words_far_apart() -> None:
    early = _article("early", STOCKS[0], "a", "2015-08-01")
    # Same words, not a copy (a copy would join its original whatever the dates).
    later_text = (
        "سوق الأسهم السعودية: ارتفع المؤشر بدعم من المصارف، وقيمة التداولات أربعة "
        "مليارات ريال مع صعود أسهم البتروكيماويات ومعظم القطاعات والشركات."
    )
    late = _article("late", later_text, "b", "2015-09-20")
    near = _article("near", STOCKS[1], "c", "2015-08-02")
    stories = cluster_stories([early, late, near], window_days=3)
    spans = {(s.first, s.last): set(s.docs) for s in stories}
    assert spans == {
        ("2015-08-01", "2015-08-02"): {"early", "near"},
        ("2015-09-20", "2015-09-20"): {"late"},
    }
    undated = [_article(a.doc, a.text, a.outlet or "") for a in (early, late, near)]
    assert len(cluster_stories(undated, window_days=3)) == 1  # the words alone join them


def test_unknown_dates_do_not_split() -> None:
    dated = _article("dated", STOCKS[0], "a", "2015-08-01")
    undated = _article("undated", STOCKS[1], "b")
    assert _story_docs([dated, undated]) == [{"dated", "undated"}]


def test_entities_join_and_label() -> None:
    articles = _fixture()[:3]
    for article in articles:
        start = article.text.index("عسير")
        article.entities.append(Entity(Span(start, start + 4), "عسير", "LOC", "Asir"))
    story = cluster_stories(articles)[0]
    assert "Asir" in story.entities
    assert story.label.startswith("Asir")


def test_streaming_matches_batch_membership() -> None:
    clusterer = StoryClusterer()
    indices = [clusterer.add(article) for article in _fixture()]
    assert indices[0] == indices[1] == indices[2] == indices[-1]
    assert indices[3] == indices[4] != indices[0]
    assert clusterer.add(_fixture()[0]) == indices[0]  # same article again: same story


def test_batch_clustering_does_not_depend_on_order() -> None:
    articles = _fixture()
    forward = {frozenset(s.docs) for s in cluster_stories(articles)}
    backward = {frozenset(s.docs) for s in cluster_stories(list(reversed(articles)))}
    assert forward == backward


def test_a_story_over_weeks_stays_one_while_each_step_is_near() -> None:
    days = ["2015-08-01", "2015-08-05", "2015-08-09"]
    articles = [
        _article(f"bomb{i}", text, f"paper{i}", day)
        for i, (text, day) in enumerate(zip(BOMBING, days, strict=True))
    ]
    articles += [_article(f"stock{i}", t, "x", "2015-08-05") for i, t in enumerate(STOCKS)]
    stories = cluster_stories(articles, window_days=4)
    bombing = next(s for s in stories if "bomb0" in s.docs)
    assert set(bombing.docs) == {"bomb0", "bomb1", "bomb2"}
    assert (bombing.first, bombing.last) == ("2015-08-01", "2015-08-09")
    apart = cluster_stories(articles, window_days=2)  # the steps are 4 days apart
    assert not any({"bomb0", "bomb1"} <= set(s.docs) for s in apart)


def test_a_crawl_day_places_an_undated_article_in_the_window_but_is_never_its_date() -> None:
    def fetched(doc: str, text: str, crawled: str) -> Article:
        made = _article(doc, text, doc)
        made.published = Published(crawled=crawled)
        return made

    near = [fetched(f"bomb{i}", t, f"2015-08-0{i + 1}T10:00") for i, t in enumerate(BOMBING)]
    stories = cluster_stories(near, window_days=3)
    assert {frozenset(s.docs) for s in stories} == {frozenset({"bomb0", "bomb1", "bomb2"})}
    assert (stories[0].first, stories[0].last) == (None, None)  # a crawl is only a bound
    apart = [fetched(f"bomb{i}", t, f"2015-0{i + 6}-01T10:00") for i, t in enumerate(BOMBING)]
    assert len(cluster_stories(apart, window_days=3)) == 3
