"""Event mentions: which trigger or named event each date belongs to."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.events import TRIGGERS_FILE, annotate_events, find_triggers, lexicon
from marsad.model import Article, Boilerplate, Entity, EventMention, Span, Timex
from marsad.pipeline import annotate_sentences
from marsad.resources import load_tsv
from marsad.temporal import annotate_timexes

_KINDS = {
    "meeting",
    "coverage",
    "statement",
    "agreement",
    "formation",
    "attack",
    "strike",
    "killing",
    "arrest",
    "deployment",
    "control",
    "casualties",
    "visit",
    "arrival",
    "departure",
    "reception",
    "condemnation",
    "directive",
    "appointment",
    "funeral",
    "other",
}

_ROLES = {"relative", "content", "during", "stative", "bound"}  # words with a job in dating
TimexSpec = tuple[str, str, str | None]  # text, type, value (None: relative to publication)


def _article(
    text: str,
    timexes: list[TimexSpec] = (),  # type: ignore[assignment]
    entities: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    vague: list[str] = (),  # type: ignore[assignment]
) -> Article:
    """A hand-built article: timexes at the first occurrence, entities at every one."""
    article = Article(doc="fixture.txt", source="fixture", text=text)
    for surface, kind, value in timexes:
        start = text.index(surface)
        anchor = "publication" if value is None else None
        article.timexes.append(
            Timex(Span(start, start + len(surface)), surface, kind, value, anchor)
        )
    for surface in vague:
        start = text.index(surface)
        span = Span(start, start + len(surface))
        article.timexes.append(Timex(span, surface, "DATE", "FUTURE_REF", vague=True))
    for surface, kind, canonical in entities:  # every occurrence, as a gazetteer would
        for match in re.finditer(re.escape(surface), text):
            span = Span(match.start(), match.end())
            article.entities.append(Entity(span, surface, kind, canonical))
    article.entities.sort(key=lambda e: e.span.start)
    return article


def _events(article: Article) -> list[EventMention]:
    annotate_events(article)
    for event in article.events:
        assert event.trigger.slice(article.text) == event.trigger_text
        assert event.sentence.contains(event.trigger)
    return article.events


JSCD = "US-Iraq Joint Security Cooperation Dialogue"


def test_trigger_table_is_well_formed() -> None:
    for row in load_tsv(TRIGGERS_FILE, columns=3):
        if row[0] == "@set":
            continue
        if row[0].startswith("@"):
            assert row[0][1:] in {"noun", "verb", "exact", "stop"}, row
            assert row[1] in {"prefix", "suffix", "feminine"}, row
            continue
        assert row[2] in {"noun", "verb", "exact", "body", "clause", "stop"} | _ROLES, row
        if row[2] in {"noun", "verb", "exact"}:
            assert row[1] in _KINDS, row


def test_every_trigger_is_found_bare_and_with_a_conjunction() -> None:
    for row in load_tsv(TRIGGERS_FILE, columns=3):
        if row[0].startswith("@") or row[2] not in {"noun", "verb", "exact"}:
            continue
        needs = row[4].split("|")[0] if len(row) > 4 else ""
        after = " القوات" if needs.startswith("$") else f" {needs}" if needs else ""
        for text in (row[0] + after, "و" + row[0] + after):
            found = _found(text)
            assert [kind for _, kind in found] == [row[1]], (text, found)
            assert normalize(found[0][0].slice(text)) == normalize(row[0])


def _found(text: str) -> list[tuple[Span, str]]:
    return find_triggers(TextView(text), Span(0, len(text)))


def test_triggers_take_clitics_and_inflections() -> None:
    text = "وأعلنت الوزارة بياناً عن الاجتماعات وللاتفاقية"
    found = [(span.slice(text), kind) for span, kind in _found(text)]
    assert found == [
        ("أعلنت", "statement"),
        ("بياناً", "statement"),
        ("اجتماعات", "meeting"),
        ("اتفاقية", "agreement"),
    ]


def test_stop_forms_and_required_next_words() -> None:
    text = "نشر اسمه وبيانات السوق، ثم نشر القوات ووقعت على الاتفاق وقع الحادث"
    found = [(span.slice(text), kind) for span, kind in _found(text)]
    assert found == [("نشر", "deployment"), ("وقعت", "agreement"), ("اتفاق", "agreement")]


def test_blockers_cancel_a_trigger_and_words_inside_other_words_do_not_match() -> None:
    text = "طالبوا بإطلاق سراح المعتقلين وإطلاق النار، ثم إطلاق اللجنة في وزارة الخارجية"
    found = [span.slice(text) for span, _ in _found(text)]
    assert found == ["إطلاق"]
    assert text.index(found[0]) < text.index("اللجنة")


def test_the_date_belongs_to_the_dialogue_not_to_the_statement() -> None:
    text = (
        "أصدرت الوزارة بياناً حول الحوار الأمني المشترك الذي عقد في واشنطن يومي 7 و8 آب/أغسطس 2023."
    )
    article = _article(
        text,
        timexes=[("7 و8 آب/أغسطس 2023", "DATE", "2023-08-07/2023-08-08")],
        entities=[("الحوار الأمني المشترك", "EVENT", JSCD), ("واشنطن", "LOC", "Washington")],
    )
    [event] = _events(article)
    assert (event.name, event.kind, event.date) == (JSCD, "meeting", "2023-08-07/2023-08-08")
    assert event.trigger_text == "حوار"


def test_two_named_events_keep_their_own_dates() -> None:
    text = (
        "بما في ذلك الحوار الإستراتيجي بين الولايات المتحدة والعراق في تموز 2021 "
        "ولجنة التنسيق العليا الأميركية- العراقية في شباط 2023."
    )
    article = _article(
        text,
        timexes=[("تموز 2021", "DATE", "2021-07"), ("شباط 2023", "DATE", "2023-02")],
        entities=[
            (
                "الحوار الإستراتيجي بين الولايات المتحدة والعراق",
                "EVENT",
                "US-Iraq Strategic Dialogue",
            ),
            (
                "لجنة التنسيق العليا الأميركية- العراقية",
                "ORG",
                "US-Iraq Higher Coordinating Committee",
            ),
        ],
    )
    got = [(e.name, e.date) for e in _events(article)]
    assert got == [
        ("US-Iraq Strategic Dialogue", "2021-07"),
        ("US-Iraq Higher Coordinating Committee", "2023-02"),
    ]


def test_agreement_year_and_statement_day() -> None:
    text = (
        "ناقشا القضايا وفقاً لاتفاقية الإطار الإستراتيجي لعام 2008.\n"
        "ومع اللجنة العسكرية العليا، والبيان المشترك الصادر في 27 سبتمبر 2024، حيث ستقوم."
    )
    article = _article(
        text,
        timexes=[("2008", "DATE", "2008"), ("27 سبتمبر 2024", "DATE", "2024-09-27")],
        entities=[
            ("اتفاقية الإطار الإستراتيجي", "MISC", "US-Iraq Strategic Framework Agreement"),
            ("اللجنة العسكرية العليا", "ORG", "US-Iraq Higher Military Commission"),
        ],
    )
    got = [(e.kind, e.name, e.date) for e in _events(article)]
    assert got == [
        ("agreement", "US-Iraq Strategic Framework Agreement", "2008"),
        ("statement", None, "2024-09-27"),
    ]


def test_seizure_dated_with_its_participants() -> None:
    text = (
        "وتنشر الولايات المتحدة 2500 عسكري في العراق لمنع عودة التنظيم بعدما سيطر على "
        "مساحات شاسعة من العراق وسوريا في 2014 قبل هزيمته."
    )
    article = _article(
        text,
        timexes=[("2014", "DATE", "2014")],
        entities=[
            ("الولايات المتحدة", "LOC", "United States"),
            ("العراق", "LOC", "Iraq"),
            ("سوريا", "LOC", "Syria"),
        ],
    )
    [event] = _events(article)
    assert (event.kind, event.trigger_text, event.date) == ("control", "سيطر", "2014")
    assert event.participants == ["Iraq", "Syria"]  # its clause, not the deployment's


def test_relative_date_gives_an_undated_mention_with_the_reason() -> None:
    text = "كان يسيطر على مدن، وفي سبتمبر الماضي، أعلن جهاز مكافحة الإرهاب عن مقتل القيادي."
    article = _article(
        text,
        timexes=[("سبتمبر الماضي", "DATE", None)],
        entities=[("جهاز مكافحة الإرهاب", "ORG", "Iraqi Counter-Terrorism Service")],
    )
    [event] = _events(article)
    assert event.kind == "statement" and event.date is None
    assert event.participants == ["Iraqi Counter-Terrorism Service"]
    assert event.undated_reason is not None and "سبتمبر الماضي" in event.undated_reason


def test_a_date_after_since_bounds_the_event_it_does_not_date_it() -> None:
    text = "وخسرت مصر مليارات الدولارات منذ ثورة 25 يناير 2011 بسبب الاضطرابات."
    article = _article(text, timexes=[("25 يناير 2011", "DATE", "2011-01-25")])
    assert [e.date for e in _events(article) if e.trigger_text == "وخسرت"] in ([], [None])
    # an event noun right before the date still takes it
    text = "وقناة السويس تعمل منذ افتتاحها عام 1869 بين البحرين."
    article = _article(text, timexes=[("1869", "DATE", "1869")])
    assert [(e.trigger_text, e.date) for e in _events(article) if e.date] == [("افتتاحها", "1869")]


def test_vague_dates_durations_and_boilerplate_date_nothing() -> None:
    text = "تبدأ الاجتماعات في الأيام المقبلة.\nوقع الهجوم خلال العشرة أعوام.\nهجوم في 2015."
    article = _article(
        text,
        timexes=[("العشرة أعوام", "DURATION", "P10Y"), ("2015", "DATE", "2015")],
        vague=["الأيام المقبلة"],
    )
    start = text.index("هجوم في")
    article.boilerplate.append(Boilerplate(Span(start, len(text)), "comments"))
    assert _events(article) == []


def test_a_sentence_without_a_date_yields_no_event() -> None:
    article = _article(
        "عقد الحوار الأمني المشترك في واشنطن.",
        entities=[("الحوار الأمني المشترك", "EVENT", JSCD)],
    )
    assert _events(article) == []


def test_dateline_is_not_an_event_date() -> None:
    text = "الجمعة, 26 يناير, 2024 - 02:43 صباحاً اجتماع\nنص."
    article = _article(
        text, timexes=[("الجمعة, 26 يناير, 2024 - 02:43", "TIME", "2024-01-26T02:43")]
    )
    article.published.span = article.timexes[0].span
    assert _events(article) == []


_WORDS = ["اجتماع", "بيان", "قال", "في", "العراق", "هجوم", "،", "الماضي", "سيطر", "2014", "و"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_any_text_gives_well_formed_mentions(words: list[str]) -> None:
    text = " ".join(words) + "."
    article = Article(doc="h", source="h", text=text)
    for match in re.finditer("2014", text):
        article.timexes.append(Timex(Span(match.start(), match.end()), "2014", "DATE", "2014"))
    for event in _events(article):
        assert event.date == "2014" and event.timex is not None
        assert event.sentence.contains(event.timex)
        assert event.kind in _KINDS
    assert lexicon() is lexicon()  # compiled once


def test_the_outlets_reading_date_dates_no_event() -> None:
    text = "ولفت الوزير في بيان، طالعه المسرى اليوم السبت، إلى أن العمل مستمر."
    article = Article(doc="d", source="d", text=text)
    article.published.value = "2024-01-27"
    annotate_sentences(article)
    annotate_timexes(article)
    annotate_events(article)
    assert all(event.date != "2024-01-27" for event in article.events)


def _tagged(text: str, published: str) -> Article:
    """A real sentence through the real stages: sentences, timexes, entities, quotes."""
    from marsad.pipeline import annotate

    article = Article(doc="t", source="t", text=text)
    article.published.value = published
    return annotate(article)


def test_the_date_belongs_to_its_clause_and_every_verb_is_a_candidate() -> None:
    # the date of the second clause is not the first clause's, and an open verb
    # (no trigger row) takes the date of its own clause; the first clause's date is
    # a bound: Egypt lost billions since 2011, not in 2011
    text = (
        "وخسرت مصر مليارات الدولارات منذ عام 2011، "
        "وستطلق السفن أبواقها خلال افتتاح المجرى الملاحي الجديد في السادس من أغسطس 2015."
    )
    article = _tagged(text, "2015-07-24")
    by_trigger = {e.trigger_text: e for e in article.events}
    lost = by_trigger.get("خسرت")
    assert lost is None or lost.date is None
    horns = next(e for t, e in by_trigger.items() if t.endswith("طلق"))
    assert horns.date == "2015-08-06" and horns.kind == "other"
    assert by_trigger["افتتاح"].date == "2015-08-06"  # "خلال": both share the date
    assert horns.date_basis == "explicit" and horns.predicate is not None


def test_a_when_clause_takes_the_date_before_it_but_not_past_another_conjunct() -> None:
    fronted = _tagged(
        "في عام 1964، عندما تدهورت العلاقات بين البلدين، بعث الرئيس رسالة.", "2015-08-01"
    )
    assert {e.trigger_text: e.date for e in fronted.events}.get("تدهورت") == "1964"
    # "قاتل عمر سنة 20 هجرية": that date is the first conjunct's; "حين قتلوا" has none
    apart = _tagged(
        "يستن فيها الداعشيون بطريق قاتل عمر بن الخطاب سنة 20 هجرية وبالخوارج حين قتلوا "
        "أمير المؤمنين عليا.",
        "2015-08-01",
    )
    assert not [e for e in apart.events if e.trigger_text == "قتلوا" and e.date]


def test_a_lead_past_event_without_a_date_is_dated_reported() -> None:
    lead = "استقبل الرئيس عبد الفتاح السيسي وزير الدفاع الفرنسي في القاهرة."
    article = _tagged(lead, "2015-07-26")
    [event] = article.events
    assert (event.kind, event.date, event.date_basis) == ("reception", "2015-07-26", "reported")
    assert event.rule.endswith("+reported")
    undated = _tagged("استقبل الرئيس وزير الدفاع في القاهرة.", "")
    undated.published.value = None
    annotate_events(undated)
    assert undated.events == []  # no day to bound it by: nothing is invented


def test_a_lead_verb_whose_sentence_dates_another_event_is_dated_reported() -> None:
    # the date is the scheduled opening's; the announcement is the report's news
    lead = "قبيل أسبوع من الافتتاح المقرر في 20 أغسطس المقبل، أعلنت الوزارة حالة الطوارئ."
    dates = {e.trigger_text: (e.date, e.date_basis) for e in _tagged(lead, "2015-08-05").events}
    assert dates["افتتاح"][0] == "2015-08-20"
    assert dates["أعلنت"] == ("2015-08-05", "reported")
    # a day of the week before is the verb's own, though a noun took it
    recent = "أعلن النادي أمس الأحد تعاقده مع اللاعب لموسمين."
    dated = {e.trigger_text: e.date for e in _tagged(recent, "2015-08-10").events}
    assert dated.get("أعلن") == "2015-08-09"
    # an older date in the sentence may be the verb's: no day is guessed for it
    older = "في بيان الوزارة الصادر في 3 يونيو الماضي، أعلنت الوزارة حالة الطوارئ."
    found = {e.trigger_text: e.date for e in _tagged(older, "2015-08-05").events}
    assert found.get("أعلنت") in (None, "2015-06-03")


def test_an_event_is_dated_by_its_day_and_keeps_a_clock_time() -> None:
    text = "وصل الوزير إلى الرياض مساء أمس. واجتمع مع نظيره الساعة الواحدة."
    evening = ("مساء أمس", "DATE", "2015-08-05TEV")
    article = _article(text, [evening, ("الساعة الواحدة", "TIME", "2015-08-06T13:00")])
    dates = {event.trigger_text: event.date for event in _events(article)}
    assert dates["وصل"] == "2015-08-05"
    assert "2015-08-06T13:00" in dates.values()


def test_a_title_skips_the_date_before_the_object_and_ends_on_no_function_word() -> None:
    from marsad.corpus.timeline import build_timeline
    from marsad.pipeline import annotate

    text = (
        "وافتتح الرئيس عبدالفتاح السيسي في الخامس من أغسطس 2014 أعمال حفر الفرع الجديد "
        "لقناة السويس.\\nوكانت القناة قد تعرضت للغلق خمس مرات منذ افتتاحها عام 1869."
    ).replace("\\n", "\n")
    article = annotate(Article(doc="t", source="t", text=text))
    titles = {e.date: e.title for e in build_timeline([article]).events}
    opened = titles["2014-08-05"]
    assert "أعمال حفر الفرع" in opened and not opened.endswith(" في")
    for title in titles.values():  # never a dangling preposition or time unit at the end
        assert title.split()[-1] not in {"في", "من", "عام", "يوم"}


def test_still_is_a_state_and_the_verb_it_helps_is_the_event() -> None:
    # "لا يزال المحققون يبحثون": the investigators are searching; "يزال" (still) is no
    # happening of its own, in any inflection
    for text in (
        "قتل أربعة جنود يوم الخميس، في وقت لا يزال فيه المحققون يبحثون عن الدوافع.",
        "كانت المدينة لا تزال تعاني من تبعات الهجوم يوم الأربعاء.",
        "وقال إن نحو 20 جريحا ما زالوا يوم الاثنين في حالة حرجة.",
    ):
        triggers = {e.trigger_text for e in _tagged(text, "2015-07-21").events}
        assert not {"يزال", "تزال", "زالوا"} & triggers, text


def test_what_is_said_does_not_date_the_saying() -> None:
    # the year is the target's, inside what was said: the interview is not from 2023
    article = _tagged(
        "وقال رئيس الهيئة في مقابلة سابقة إن الهدف من المشروع هو زيادة إيرادات الميناء "
        "من 2.5 مليار دولار إلى 6.1 مليار دولار بحلول عام 2023.",
        "2015-08-06",
    )
    said = [e for e in article.events if e.trigger_text == "وقال"]
    assert all(e.date != "2023" for e in said)


def test_a_dotted_abbreviation_opens_no_clause() -> None:
    # "إن.بي.سي" is NBC: its first letters are no "إن" opening what is said, so the
    # day written after it stays with the reporting verb
    article = _tagged(
        "ذكرت شبكة إن.بي.سي نيوز الأمريكية أمس الاثنين نقلا عن مسؤول أن قراصنة "
        "اخترقوا الحسابات منذ أبريل 2010.",
        "2015-08-11",
    )
    dated = {e.trigger_text: e.date for e in article.events if e.date}
    assert dated.get("ذكرت") == "2015-08-10"


def test_a_date_inside_quotation_marks_dates_nothing_outside_them() -> None:
    # the headline's "غدا" is the headline's; the paper carried it on the report's day
    article = _tagged(
        "وحملت صحيفة الأهرام على صفحتها الأولى عنوانا رئيسيا يقول «غدا .. مصر تعبر».",
        "2015-08-05",
    )
    assert not [e for e in article.events if e.trigger_text.endswith("حملت") and e.date]
