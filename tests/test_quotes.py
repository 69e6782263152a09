"""Quotes: cue, speaker (explicit, implicit, statement, unnamed) and content, on real text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.sentences import split_sentences
from marsad.extract.cues import cue_at, cue_forms
from marsad.extract.entities import annotate_entities
from marsad.extract.quotes import annotate_quotes
from marsad.model import Article, Quote, Sentence


def _quotes(text: str, doc: str = "t") -> tuple[Article, list[Quote]]:
    article = Article(doc=doc, source=doc, text=text)
    article.sentences = [Sentence(span) for span in split_sentences(text)]
    annotate_entities(article)
    annotate_quotes(article)
    return article, article.quotes


def test_seed_quotes_against_gold(seeds_dir: Path, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))
    true_positive = false_positive = right_speaker = wanted = 0
    for document in gold["documents"]:
        article, quotes = _quotes((seeds_dir / document["doc"]).read_text(encoding="utf-8"))
        expected = {(q["line"], q["cue"]): q["speaker"] for q in document["quotes"]}
        wanted += len(expected)
        for quote in quotes:
            line = article.text.count("\n", 0, quote.cue_span.start) + 1
            speaker = expected.get((line, quote.cue))
            if speaker is None:
                false_positive += 1
                continue
            true_positive += 1
            right_speaker += quote.speaker == speaker
    assert true_positive / wanted >= 0.9
    assert true_positive / (true_positive + false_positive) >= 0.85
    assert right_speaker / true_positive >= 0.9


def test_explicit_speaker_with_title_and_quotation_marks() -> None:
    text = "قال وزير الدفاع الأمريكي لويد ج. أوستن ، “تبدأ الاجتماعات قريبا”."
    _article, quotes = _quotes(text)
    (quote,) = quotes
    assert quote.speaker == "Lloyd Austin" and quote.cue == "قال" and not quote.implicit
    assert quote.content_span.slice(text) == "تبدأ الاجتماعات قريبا"
    assert quote.speaker_span is not None
    assert quote.speaker_span.slice(text) == "وزير الدفاع الأمريكي لويد ج. أوستن"


def test_implicit_speaker_continues() -> None:
    text = "أكد جون كيربي أن القوات باقية.\nوأضاف أن المهمة مستمرة.\nولفت إلى أن العدد 2500."
    _, quotes = _quotes(text)
    assert [(q.cue, q.speaker, q.implicit) for q in quotes] == [
        ("أكد", "John Kirby", False),
        ("وأضاف", "John Kirby", True),
        ("ولفت", "John Kirby", True),
    ]


def test_statement_stands_for_its_issuer() -> None:
    text = (
        "قالت وزارة الخارجية العراقية إن المحادثات قريبة.\n"
        "وأضافت في بيان أنه جرى تشكيل لجنة.\n"
        "وأكد البيان إطلاق اللجنة العسكرية العليا."
    )
    _, quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Iraqi Ministry of Foreign Affairs"] * 3
    assert quotes[2].content_span.slice(text).startswith("إطلاق")


def test_people_who_speak_in_turn_are_the_nth_speaker_not_a_name() -> None:
    text = (
        "وسألنا الناس، قالت الأولى: الحل قريب، وقالت الثانية: لا أظن، وقالت الحادية عشرة: "
        "ربما، وقالت الثالثة عشرة: أبدا."
    )
    article, quotes = _quotes(text)
    assert [q.speaker for q in quotes] == [
        "first speaker (unnamed)",
        "second speaker (unnamed)",
        "eleventh speaker (unnamed)",
        "thirteenth speaker (unnamed)",
    ]
    assert [q.speaker_ar for q in quotes] == ["الأولى", "الثانية", "الحادية عشرة", "الثالثة عشرة"]
    assert not [e for e in article.entities if e.type == "PER"]  # never "Al-Oula"
    # one alone may be "the ancients" (الأُوَل): no speaker rather than a wrong one
    assert [q.speaker for q in _quotes("وكما قال الأُول: «عرفت الشر لا للشر».")[1]] == [None]


def test_a_masculine_sound_plural_after_the_verb_is_people_who_speak_unnamed() -> None:
    text = (
        "وقال المتظاهرون إن الحكومة لم تف بوعودها. "
        "ويقول مهندسون متطوعون في الورشة إنهم أصلحوا ألفي قطعة. "
        "ورأى الكثيرون أن الجماهير ستحضر."
    )
    _, quotes = _quotes(text)
    assert [q.speaker for q in quotes] == [
        "demonstrators (unnamed)",
        "engineers (unnamed)",
        None,  # an adjective ("many"): shown as written, no made-up English
    ]
    assert [q.speaker_ar for q in quotes] == ["المتظاهرون", "مهندسون متطوعون", "الكثيرون"]
    # before its verb, with و: the group, written without its و
    (quote,) = _quotes("والمتظاهرون يؤكدون أن الحكومة لم تف بوعودها.")[1]
    assert (quote.speaker, quote.speaker_ar) == ("demonstrators (unnamed)", "المتظاهرون")
    # a verb's own plural is no speaker, nor is a plural with a preposition before it
    _, quotes = _quotes("ويقولون إن الحكومة لم تف بوعودها. وقال للمتظاهرين إن الحل قريب.")
    assert [q.speaker_ar for q in quotes] == [None, None]


def test_a_noun_phrase_between_the_verb_and_the_content_is_its_subject() -> None:
    # no lexicon knows these speakers: the phrase that fills the subject's place is shown
    # as written (no made-up English), so the reader sees who spoke
    text = (
        "وقالت ممثلة الهند إنها لا تقبل الشروط. "
        "وذكر مكتب مراقبة الأصول الخارجية أن العقوبات تشمل شركات. "
        "أكد الطلاب المتضررون من إلغاء التعليم الموازي أن القرار ظالم. "
        "وقالت القيادة المشتركة لقوات التحالف الدولي في بيان: إن الغارات مستمرة. "
        "وأوضح إبراهيم أن الأصوات كانت مخيفة."
    )
    _, quotes = _quotes(text)
    assert [q.speaker for q in quotes] == [None] * 5
    assert [q.speaker_ar for q in quotes] == [
        "ممثلة الهند",
        "مكتب مراقبة الأصول الخارجية",
        "الطلاب المتضررون",  # not where from: "من إلغاء التعليم الموازي"
        "القيادة المشتركة لقوات التحالف الدولي",
        "إبراهيم",
    ]
    for quote in quotes:  # the phrase as written, where written
        assert quote.speaker_span is not None
        assert quote.speaker_span.slice(text) == quote.speaker_ar


def test_a_text_cut_after_a_verb_of_saying_is_read_to_its_end() -> None:
    # a speaker shown as written, then a sentence cut after its verb (a feed's excerpt)
    for tail in ("وقال مس", "وكانت دانت", "قال"):
        _quotes("وقالت ممثلة الهند إنها لا تقبل الشروط. " + tail)


def test_a_speaker_shown_as_written_goes_on_speaking_when_the_verbs_agree() -> None:
    text = (
        "وقالت ممثلة الهند إنها لا تقبل الشروط. وأضافت أن المفاوضات صعبة. "
        "ويقولون إن الحل بعيد. "  # a plural verb: not she
        "ويشير المتضررون إلى أن القرار ظالم. ويقولون إن الوزارة لم تستمع لهم. "
        "وكانت قوات الدفاع الشعبي دانت القصف. وقالت إن الهدنة انتهت."  # another subject
    )
    _, quotes = _quotes(text)
    assert [(q.speaker_ar, q.implicit) for q in quotes] == [
        ("ممثلة الهند", False),
        ("ممثلة الهند", True),
        (None, True),
        ("المتضررون", False),
        ("المتضررون", True),
        (None, True),
    ]


def test_no_subject_phrase_from_an_object_an_addressee_or_a_describing_verb() -> None:
    text = (
        "وأكد ضرورة أن يلتزم الجميع بالقرار. "  # one indefinite noun: what is said
        "وقال للمتظاهرين إن الحل قريب. "  # a preposition: to whom
        'وقال دبلوماسي يتابع الأحداث في سورية "هناك تحرك ضعيف".'  # who follows, not says
    )
    _, quotes = _quotes(text)
    assert "ضرورة" not in [q.speaker_ar for q in quotes]
    assert "للمتظاهرين" not in [q.speaker_ar for q in quotes]
    assert "الأحداث في سورية" not in [q.speaker_ar for q in quotes]


def test_what_information_or_evidence_shows_is_no_quote() -> None:
    text = (
        "وتشير المعلومات إلى أن الخلية كانت تخطط لهجوم. "
        "المؤشرات تؤكد أن الاقتصاد يتعافى. "
        "وكانت التحريات الأولية تشير إلى أن المتهم فر. "
        "وقال مصدر إن المعلومات غير صحيحة."  # information as the content: a quote
    )
    _, quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["source (unnamed)"]


def test_a_named_speaker_then_where_he_spoke_then_the_content() -> None:
    text = (
        "وقال عادل الجبير في مؤتمر صحفي عقده مع وزير الخارجية الألماني فرانك فالتر "
        "شتاينماير في العاصمة الألمانية برلين صباح اليوم إنه يجب على إيران تغيير سياستها."
    )
    quotes = _quotes(text)[1]
    assert [q.speaker for q in quotes] == ["Adel al-Jubeir"]
    assert quotes[0].content_span.slice(text).startswith("يجب على إيران")


def test_the_topic_of_a_sentence_speaks_through_a_verb_with_fa() -> None:
    text = (
        "وقال عادل الجبير إن الوضع مستقر. أما وزير الخارجية المصري سامح شكري فقال: إن "
        "الحل سياسي. وأضاف: لا بديل عن الحوار."
    )
    assert [q.speaker for q in _quotes(text)[1]] == ["Adel al-Jubeir"] + ["Sameh Shoukry"] * 2


def test_a_body_anaphor_with_no_body_before_is_an_unnamed_one() -> None:
    assert [q.speaker for q in _quotes("وقالت الوزارة إن الحادث وقع ليلا.")[1]] == [
        "ministry (unnamed)"
    ]


# Who speaks, for the kinds of subject a reporting verb takes: (case, text, speakers).
_SPEAKERS = [
    # a report or statement speaks for who issued it, or as an unnamed one of its kind
    (
        "report issued before",
        "وأصدرت وزارة الصحة تقريرا عن الوباء. وقال التقرير إن الإصابات تراجعت.",
        ["Ministry of Health"],
    ),
    ("issued by", "وقال بيان صادر عن البيت الأبيض إن الرئيس بحث الأمر.", ["White House"]),
    (
        "issued by a titled person",
        "وأكد بيان أصدره المتحدث باسم المجلس، نيد برايس، أن الهجوم مدان.",
        ["Ned Price"],
    ),
    ("statement of a body", "وجاء في بيان للشرطة أن الحادث وقع ليلا.", ["police (unnamed)"]),
    ("reports", "ذكرت تقارير إخبارية أن البطولة ستنقل.", ["reports (unnamed)"]),
    ("the report", "وقال التقرير إن الأسعار ارتفعت.", ["report (unnamed)"]),
    # an indefinite report is a new one, not the last issuer's
    (
        "a new report",
        "وقال تقرير أصدرته وزارة الخزانة إن العقوبات مستمرة. وقال تقرير في مجلة "
        "أمريكية إن الحصار سيطول.",
        ["Ministry of Treasury", "report (unnamed)"],
    ),
    # "صحيفة" and "شركة" before the name the gazetteer or model found: the body speaks
    ("outlet head", "وذكرت صحيفة حرييت التركية أمس أن الاتفاق وشيك.", ["Hurriyet"]),
    (
        "outlet head, quoted name",
        "وقالت صحيفة «واشنطن بوست» إن الحملة أفرجت عن المعلومات.",
        ["Washington Post"],
    ),
    (
        "office on",
        "وأكد المشرف العام على الفريق الأول خالد الحارثي أن الإعداد جيد.",
        ["Khalid al-Harthi"],
    ),
    # a pronoun after the verb points back to the speech and its owner
    (
        "speech of the subject",
        "وألقى وزير الخارجية عادل الجبير كلمة قال فيها: إن المملكة ماضية.",
        ["Adel al-Jubeir"],
    ),
    (
        "speech of a person",
        "وأقيمت محاضرة للمؤرخ طلال الفهد أكد من خلالها أن القضية مهمة.",
        ["Talal al-Fahad"],
    ),
    (
        "past the speech's title",
        "وأقيمت محاضرة بعنوان «التاريخ والذاكرة في عهد المؤسس» للمؤرخ "
        "الدكتور طلال الفهد أكد من خلالها أن القضية مهمة.",
        ["Talal al-Fahad"],
    ),
    (
        "subject after the pronoun",
        "وقال عادل الجبير إن الخطة جاهزة. جاء ذلك في وقت أعلنت فيه جبهة النصرة أنها انسحبت.",
        ["Adel al-Jubeir", "Al-Nusra Front"],
    ),
    # an owner written but not known is not the last speaker
    (
        "owner not known",
        "وقال عادل الجبير إن الخطة جاهزة. وجاءت تغريدة للغفيلي قال فيها: إن الوطن يستحق.",
        ["Adel al-Jubeir", None],
    ),
    # a saying reported through an outlet is its speaker's
    (
        "saying, unnamed",
        "ونقلت وكالة رويترز عن مسؤول عسكري قوله إن الهجوم وقع ليلا.",
        ["official (unnamed)"],
    ),
    (
        "saying, sources",
        "ونقلت صحيفة الحياة عن مصادر مطلعة قولها إن الاتفاق قريب.",
        ["sources (unnamed)"],
    ),
    # the office after the name, then what he said, then a carry-over
    (
        "saying, office",
        "ونقل التلفزيون عن الشيخ طلال الفهد رئيس الاتحاد قوله: «نشكر الجميع». "
        "وأضاف أن الكويت جاهزة.",
        ["Talal al-Fahad", "Talal al-Fahad"],
    ),
    # groups that speak unnamed, the media among them
    ("media", "وقالت وسائل إعلام إيرانية إن الوزير وصل.", ["Iranian media (unnamed)"]),
    ("newspapers", "وذكرت الصحف أنه أقام في سوريا.", ["newspapers (unnamed)"]),
    ("diplomats", "وقال دبلوماسيون إن الاتفاق قريب.", ["diplomats (unnamed)"]),
    ("one of a group", "وقال أحد المسؤولين إن الوضع هادئ.", ["one of the officials (unnamed)"]),
    (
        "one of the witnesses",
        "وقال أحد الشهود إن الانفجار كان قويا.",
        ["one of the witnesses (unnamed)"],
    ),
    # a group no unnamed speaker noun glosses: a person, never a name made of it
    (
        "one of a group not glossed",
        "ويقول أحد الدبلوماسيين الإيرانيين إن الاتفاق مهم.",
        ["person (unnamed)"],
    ),
]


@pytest.mark.parametrize(
    ("text", "speakers"), [c[1:] for c in _SPEAKERS], ids=[c[0] for c in _SPEAKERS]
)
def test_the_subject_of_a_reporting_verb_speaks(text: str, speakers: list[str | None]) -> None:
    assert [q.speaker for q in _quotes(text)[1]] == speakers


def test_unnamed_speakers_keep_their_arabic_as_written() -> None:
    # a report, and one of a group: shown in Arabic as written when no entity names them
    assert [q.speaker_ar for q in _quotes("وقال التقرير إن الأسعار ارتفعت.")[1]] == ["التقرير"]
    for text in (
        "وقال أحد المسؤولين إن الوضع هادئ.",
        "وقال أحد الشهود إن الانفجار كان قويا.",
        "ويقول أحد الدبلوماسيين الإيرانيين إن الاتفاق مهم.",
    ):
        quote = _quotes(text)[1][0]
        assert quote.speaker_ar is not None and quote.speaker_ar.startswith("أحد")


def test_a_saying_is_the_cue_of_its_quote() -> None:
    for text in (
        "ونقلت وكالة رويترز عن مسؤول عسكري قوله إن الهجوم وقع ليلا.",
        "ونقلت صحيفة الحياة عن مصادر مطلعة قولها إن الاتفاق قريب.",
        "ونقل التلفزيون عن الشيخ طلال الفهد رئيس الاتحاد قوله: «نشكر الجميع». "
        "وأضاف أن الكويت جاهزة.",
    ):
        assert _quotes(text)[1][0].cue.startswith("قول")


def test_joint_statement_is_named_by_its_parties() -> None:
    text = (
        'وقال، بيان عراقي أمريكي مشترك صدر أمس، إن "البلدين اتفقا".\n'
        "كما أكد البلدان أن الحوار مستمر."
    )
    _, quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["US-Iraq joint statement"] * 2


def test_unnamed_official() -> None:
    text = "وأفاد مسؤول في البنتاغون للحرة بأن العمل سيركز على التقييم."
    _, quotes = _quotes(text)
    assert quotes[0].speaker == "Pentagon official (unnamed)"


def test_preposition_bayna_is_not_a_cue() -> None:
    _, quotes = _quotes("عقد الحوار بين الولايات المتحدة والعراق أن يكون مثمرا.")
    assert quotes == []
    _, quotes = _quotes("قال كيربي إن الأمر مهم.\nوبين أن الحوار مستمر.")
    assert [q.cue for q in quotes] == ["قال", "وبين"]


def test_unknown_subject_is_not_the_previous_speaker() -> None:
    text = "قال كيربي إن الأمر مهم.\nوحذرت الخبيرة من الفراغ مشيرة إلى أن الوضع خطير."
    _, quotes = _quotes(text)
    assert quotes[-1].speaker is None and not quotes[-1].implicit


def test_no_quote_without_content() -> None:
    assert _quotes("وأكد الوفدان مجددا التزامهما بالتعاون.")[1] == []
    assert _quotes("أعلنا العمل لتحديد مهمة لـ«التحالف» وفق جدول.")[1] == []


def test_cue_forms_cover_person_gender_and_clitics() -> None:
    forms = cue_forms()
    for form in ("قال", "قالت", "قالوا", "يقول", "تقول", "اكدت", "يوكد", "نفت", "اضافت"):
        assert form in forms, form
    assert forms["قالت"].feminine and not forms["قال"].feminine
    assert cue_at("وقال") == (1, forms["قال"])
    assert cue_at("بقال") is None


def test_boilerplate_yields_no_quotes(seeds_dir: Path) -> None:
    from marsad.model import Boilerplate, Span

    text = (seeds_dir / "003_ee866bc3eb3562dc.txt").read_text(encoding="utf-8")
    article = Article(doc="b", source="b", text=text)
    article.boilerplate = [Boilerplate(Span(0, len(text)), "comments")]
    article.sentences = []
    annotate_entities(article)
    annotate_quotes(article)
    assert article.entities == [] and article.quotes == []


def test_real_articles_have_valid_quotes(saudi_jsonl: Path) -> None:
    count = 0
    with saudi_jsonl.open(encoding="utf-8") as handle:
        for _, line in zip(range(200), handle, strict=False):
            record = json.loads(line)
            article, quotes = _quotes(record["content"], record["id"])
            for quote in quotes:
                assert quote.cue_span.slice(article.text) == quote.cue
                assert quote.content_span.end > quote.content_span.start
                assert quote.content_span.slice(article.text).strip()
                count += 1
    assert count > 100


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('قالتوأكدبين أنإ:،.«»"“”\nالبيانمشترك')), max_size=90))
def test_arbitrary_text_never_raises(text: str) -> None:
    _article, quotes = _quotes(text)
    for quote in quotes:
        assert 0 <= quote.content_span.start < quote.content_span.end <= len(text)
        assert quote.cue_span.slice(text) == quote.cue


def test_the_one_told_is_not_the_speaker() -> None:
    text = "أكد جون كيربي أن القوات باقية.\nوقال لرويترز إن المهمة مستمرة.\nوقال له إن العدد 2500."
    _, quotes = _quotes(text)
    assert [(q.speaker, q.implicit) for q in quotes] == [
        ("John Kirby", False),
        ("John Kirby", True),
        ("John Kirby", True),
    ]
    _, quotes = _quotes("قال مسؤول أمريكي لرويترز إن القوات ستبقى.")
    assert quotes[0].speaker == "US official (unnamed)"


def test_a_name_starting_with_lam_is_still_the_speaker() -> None:
    _, quotes = _quotes("وقال لويد أوستن إن القوات ستبقى.")
    assert quotes[0].speaker == "Lloyd Austin" and not quotes[0].implicit


def test_a_subject_before_the_verb_is_never_the_previous_speaker() -> None:
    text = "قال كيربي إن الأمر مهم.\nالمراقبون يؤكدون أن الوضع خطير."
    _, quotes = _quotes(text)  # the observers speak, unnamed: not Kirby, and not implied
    assert quotes[-1].speaker == "observers (unnamed)" and not quotes[-1].implicit
    text = "قال كيربي إن الأمر مهم.\nوالتاريخ يقول لنا إن الحرب طويلة."
    assert _quotes(text)[1][-1].speaker is None


def test_words_that_leave_the_subject_unwritten_carry_the_speaker() -> None:
    for second in (
        "كما أكد أن الحوار مستمر.",
        "وفي المؤتمر الصحفي في واشنطن، قال إن الحوار مستمر.",
    ):
        _, quotes = _quotes("قال جون كيربي إن الأمر مهم.\n" + second)
        assert (quotes[-1].speaker, quotes[-1].implicit) == ("John Kirby", True), second


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("قال أوستن إن الأمر مهم.\nوتحدث جون كيربي الذي أكد أن القوات باقية.", "John Kirby"),
        ("قال أوستن إن الأمر مهم.\nلكن طهران تقول إن البرنامج سلمي.", "Tehran"),
        ("قال أوستن إن الأمر مهم.\nوكان جون كيربي أكد مساء أمس أن القوات باقية.", "John Kirby"),
    ],
)
def test_a_subject_named_before_the_verb_speaks(text: str, speaker: str) -> None:
    assert _quotes(text)[1][-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("اتهمت واشنطن الجيش السوري بشن هجمات لكن موسكو تؤكد أنه لا توجد أدلة.", "Moscow"),
        ("قال جون كيربي إن الأمر مهم.\nوعن الهجرة غير الشرعية أكد أن «الأمر صعب».", "John Kirby"),
        ('قال جون كيربي إن الأمر مهم.\nوحسب موقع "سي إن إن"، قال إن «الأمر صعب».', "John Kirby"),
    ],
)
def test_a_connector_inside_the_sentence_opens_the_clause_of_its_verb(
    text: str, speaker: str
) -> None:
    assert _quotes(text)[1][-1].speaker == speaker


def test_an_unnamed_speaker_noun_after_its_holder_or_before_a_name() -> None:
    spokesman = (
        "قال المتحدث باسم الأمم المتحدة فرحان حق إن المبعوث سيصل غدا. وأوضح المتحدث أن الخطة جاهزة."
    )
    quotes = _quotes(spokesman)[1]
    assert [q.speaker for q in quotes] == ["Farhan Haq", "Farhan Haq"]
    named = _quotes("وقال المتحدث سعد الحديثي إن الحكومة مستعدة.")[1]
    assert named[0].speaker_ar == "سعد الحديثي"
    french = _quotes("لكن المصادر الفرنسية ترى أن طهران لن تغير موقفها.")[1]
    assert french[0].speaker == "French sources (unnamed)"
    plain = _quotes("وقال مصدر مسؤول إن الهجوم فشل. وأضاف المصدر أن القوات تقدمت.")[1]
    assert [q.speaker for q in plain] == ["source (unnamed)"] * 2


def test_a_verb_coordinated_with_the_opening_verb_shares_its_subject() -> None:
    text = (
        "قال جون كيربي إن الأمر مهم.\n"
        "واستنكرت منظمة التعاون الإسلامي تصريحات المالكي وقالت إنها تنافي الحقيقة."
    )
    assert _quotes(text)[1][-1].speaker == "Organisation of Islamic Cooperation"
    # the verbs do not agree: the feminine verb is not the masculine subject's
    other = (
        "قال جون كيربي إن الأمر مهم.\nووصل وليد المعلم مسقط قادما من طهران وقالت إنها تدعم الحل."
    )
    assert _quotes(other)[1][-1].speaker == "John Kirby"  # as without a subject
    titled = "وسئل الجنرال مارك ميلي أثناء جلسة استماع بمجلس الشيوخ عن المراقبين فقال إنهم سيقدمون."
    assert _quotes(titled)[1][-1].speaker_ar == "مارك ميلي"
    friends = "وأصيب أصدقاء عبد العزيز بصدمة مما حدث، وقالوا إنه كان هادئا."
    assert _quotes(friends)[1][-1].speaker_ar != "عبد العزيز"  # a plural verb, not one man


def test_a_coordinated_verb_inside_the_sentence_shares_its_persons_subject() -> None:
    inside = (
        "قال جون كيربي إن الأمر مهم.\nمن جهة ثانية احتفى رئيس البعثة بجميع افراد المنتخب"
        " وعبر مدير المنتخب خالد مطر عن سعادته بالاحتفال وقال: الجميع سعيد."
    )
    assert _quotes(inside)[1][-1].speaker_ar == "خالد مطر"
    # a place or body after a verb inside the sentence is as often its object
    placed = "قال جون كيربي إن الأمر مهم.\nوزار بغداد أمس، وأيد العراق في قراره، وقال إنه محق."
    assert _quotes(placed)[1][-1].speaker == "John Kirby"
    # a verb inside an earlier quote is no subject's verb
    quoted = "وقالت زينب اليعقوب: أرى بأنه يجب أن تطور الخدمات، ورأت أنه يجب أن تحدد الجوامع."
    assert {q.speaker_ar for q in _quotes(quoted)[1]} == {"زينب اليعقوب"}


def test_the_office_holder_after_a_body_owns_the_speech() -> None:
    text = (
        "تلا ذلك كلمة رئيس مجلس إدارة جمعية «كفى» عبدالعزيز السيف، أوضح فيها أن"
        " الأنشطة شملت الجميع."
    )
    assert _quotes(text)[1][0].speaker_ar == "عبدالعزيز السيف"


def test_a_recording_is_owned_by_who_put_it_out_not_where() -> None:
    text = "ونشرت جماعة بوكو حرام شريط فيديو على موقع «تويتر» أعلنت فيه أنها بايعت التنظيم."
    assert _quotes(text)[1][0].speaker == "Boko Haram"


def test_an_adjective_after_its_noun_is_no_verb_of_saying() -> None:
    assert not _quotes("وتلتزم باريس في الوقت عينه موقفا حذرا رغم أن الوزير زار طهران.")[1]
    assert not _quotes("وهو ليس أمرا مؤكدا أن الاتفاق سيصمد.")[1]
    # a name ending like an accusative noun: the participle after it reports
    assert _quotes("وأشاد المدرب بالمحترف ابوبكر سيلا مؤكدا انه مكسب كبير للفريق.")[1]


def test_a_document_is_issued_by_the_outlet_or_body_after_it() -> None:
    report = _quotes("وذكر تقرير لوكالة رويترز أن الشركة ستغلق المصنع.")[1][0]
    assert report.speaker == "Reuters"
    army = "وأفاد بيان صادر عن قيادة الجيش اللبناني أن الوحدات تقدمت."
    assert _quotes(army)[1][0].speaker == "Lebanese army"


def test_some_of_a_group_speaks_unnamed() -> None:
    said = _quotes("وزعم بعض المسؤولين الإيرانيين أن ما يحدث مؤامرة.")[1][0]
    assert said.speaker == "Iranian officials (unnamed)"
    assert said.speaker_ar == "بعض المسؤولين الإيرانيين"
    persons = _quotes("وأكد عدد من المتخصصين أن الأمر باطل.")[1][0]
    assert persons.speaker is None and persons.speaker_ar == "عدد من المتخصصين"
    # measures are no persons: no one speaks there
    measures = "وتضيق الخناق على الجماعات، وفق مجموعة من الإجراءات الهادفة إلى مكافحة الإرهاب."
    assert not _quotes(measures)[1]


def test_a_body_referred_back_to_after_the_opening_verb_speaks_next() -> None:
    text = "قال مسؤول إن الوضع صعب.\nووجهت الهيئة انتقادات إلى عدة أطراف وقالت: إنها عملت بجد."
    assert _quotes(text)[1][-1].speaker_ar == "الهيئة"  # not the official carried over


def test_a_sentence_opening_on_a_narrative_present_names_the_next_speaker() -> None:
    text = (
        "وقال فواز جرجس إن المعارضة مخطئة. ويفنّد عضو الائتلاف الوطني السوري عبد الباسط"
        " سيدا، الإخفاقات التي أحاطت بالمسألة. ويقول: «تنبّهنا إلى مسألة التقسيم»."
    )
    assert _quotes(text)[1][-1].speaker_ar == "عبد الباسط سيدا"


def test_an_office_after_a_name_runs_on_to_the_verb_without_commas() -> None:
    text = "طلال الطريفي مدير كرسي الملك عبدالعزيز لدراسات تاريخ المملكة أكد بأن الأحواز عربية."
    assert _quotes(text)[1][0].speaker_ar == "طلال الطريفي"
    # a verb inside the stretch ends the noun phrase: no subject is read across it
    clause = "طلال الطريفي مدير كرسي الملك عبدالعزيز افتتح المعرض أكد بأن الأحواز عربية."
    assert _quotes(clause)[1][0].speaker_ar != "طلال الطريفي"


def test_a_relative_of_a_named_person_speaks_not_that_person() -> None:
    father = _quotes("وقال والد مايكل براون للصحافيين إنه يبذل كل ما في وسعه.")[1][0]
    assert father.speaker == "Michael Brown's father (unnamed)"
    assert father.speaker_ar == "والد مايكل براون"
    # the person the report set that phrase beside is the one who speaks after
    text = "وقال إبراهيم علوي - والد أفراح - إنه بريء. وأوضح والد أفراح أنه لم يعلم."
    assert [q.speaker_ar for q in _quotes(text)[1]] == ["إبراهيم علوي", "إبراهيم علوي"]
    assert _quotes("وأكدت والدة إحدى الضحايا أن الأمر مؤلم.")[1][0].speaker == "mother (unnamed)"
    # "والده" is "his father": the name after it speaks
    named = _quotes("وأوضح والده سعود علي آل فايد أن ابنه تعرض لحادث.")[1][0]
    assert named.speaker_ar == "سعود علي آل فايد"


def test_a_person_by_trade_is_unnamed_or_the_name_right_after() -> None:
    assert _quotes("أكد خبير أمني أن المحاولة فشلت.")[1][0].speaker == "expert (unnamed)"
    named = _quotes("وقال المحامي التشادي جاكلين مودينا إن الحكم عادل.")[1][0]
    assert named.speaker_ar == "جاكلين مودينا"
    # the one a spokesman speaks for is not the spokesman
    spoken_for = _quotes("أعلن متحدث باسم هيلاري كلينتون أن الحملة مستمرة.")[1][0]
    assert spoken_for.speaker == "spokesman (unnamed)"
    # a plural noun names no one person after it
    group = _quotes("واعتبر محللون سياسيون تصريحات نوري المالكي أنها خطيرة.")[1]
    assert all(q.speaker != "Nouri al-Maliki" for q in group)


def test_a_quote_mark_after_the_one_told_opens_the_content() -> None:
    text = 'وقال جون كيربي إن الأمر سهل. كما أفاد لمحادثه "ليس علي سوى الاتصال بالرقم".'
    quotes = _quotes(text)[1]
    assert [q.speaker for q in quotes] == ["John Kirby", "John Kirby"]
    assert text[quotes[1].content_span.start :].startswith("ليس علي")
    # an outlet's name in marks is no content: "لـ«عكاظ»", "لصحيفة «الحياة»"
    told_outlet = "وقال جون كيربي لصحيفة «الحياة» إن الأمر سهل."
    outlet = _quotes(told_outlet)[1][0]
    assert outlet.speaker == "John Kirby"
    assert outlet.content_span.slice(told_outlet).startswith("الأمر سهل")


def test_the_site_a_statement_was_written_on_does_not_speak() -> None:
    text = "وكتب حمد البخيتي تعليقا على حسابه على موقع «تويتر» يقول: «ليس هناك أي حوار»."
    article, quotes = _quotes(text)
    assert any(e.canonical == "Twitter" for e in article.entities)
    assert all(q.speaker != "Twitter" for q in quotes)


def test_a_place_inside_a_phrase_does_not_speak() -> None:
    text = "قال أوستن إن الأمر مهم.\nنازح من حمص إلى ريف الرقة يقول إن الوضع صعب."
    assert _quotes(text)[1][-1].speaker is None


def test_quote_word_lists_are_single_folded_words() -> None:
    from marsad.arabic.normalize import normalize
    from marsad.resources import load_lines, load_tsv

    rows = load_tsv("quote_before_verb.tsv", columns=2)
    assert rows[0][:2] == ("word", "kind")
    words = [normalize(row[0]) for row in rows[1:]]  # matched folded
    assert len(words) == len(set(words))
    for word, kind, *_ in rows[1:]:
        assert kind in {"carry", "relative", "adverbial", "connector", "clause"}, word
        assert len(word.split()) == 1, word
    addressees = load_lines("quote_addressees.txt")
    assert len(addressees) == len(set(addressees))
    for word in addressees:
        assert len(word.split()) == 1 and normalize(word).startswith("ل"), word


def test_a_speaker_after_the_one_told_is_not_the_previous_speaker() -> None:
    text = (
        "قال جون كيربي إن الأمر مهم.\n"
        "وقال لـ«الشرق الأوسط» حجاج بوخضور المحلل الاقتصادي: «الأسعار تتراجع»."
    )
    _, quotes = _quotes(text)
    assert quotes[-1].speaker != "John Kirby"
    text = "قال جون كيربي إن الأمر مهم.\nوقال لـ«الشرق الأوسط» إن القوات باقية."
    _, quotes = _quotes(text)
    assert (quotes[-1].speaker, quotes[-1].implicit) == ("John Kirby", True)


def test_the_outlets_background_note_is_not_a_quote() -> None:
    text = "قال جون كيربي إن القوات باقية.\nيذكر أن الاجتماع تضمن 20 قياديا.\nويذكر أن العدد 2500."
    _, quotes = _quotes(text)
    assert [q.cue for q in quotes] == ["قال"]
    _, quotes = _quotes("يذكر التقرير أن العدد 2500.")
    assert [q.cue for q in quotes] == ["يذكر"]


def test_proclitic_kinds_cover_each_letter_once() -> None:
    from marsad.resources import load_tsv

    rows = load_tsv("proclitic_kinds.tsv", columns=2)
    assert rows[0][:2] == ("letter", "kind")
    letters = [row[0] for row in rows[1:]]
    assert sorted(letters) == sorted("وفبلك")
    assert {row[1] for row in rows[1:]} == {"conjunction", "preposition"}


def test_a_person_after_words_no_title_row_knows_is_the_speaker() -> None:
    article, quotes = _quotes("وأكد حارس المنتخب جورج ايفانوف أن الفريق جاهز للمباراة.")
    (quote,) = quotes
    person = next(e for e in article.entities if e.type == "PER")
    assert quote.speaker == person.canonical
    assert quote.speaker_span is not None and quote.speaker_span.slice(article.text) == person.text
    assert (quote.speaker_ar, quote.speaker_id) == (person.canonical_ar, person.id)


def test_a_name_after_a_preposition_is_not_the_speaker() -> None:
    # "مع نظيره ..." ends the description: the one met is not the one speaking
    _, quotes = _quotes(
        "وقال وزير الخارجية في مؤتمر صحفي مع نظيره الألماني فرانك شتاينماير إن الحوار مستمر."
    )
    assert [q.speaker for q in quotes] != ["Frank-Walter Steinmeier"]


def test_an_honorific_pronoun_speaks_for_the_person_last_named() -> None:
    article, quotes = _quotes(
        "استقبل وزير الخارجية عادل الجبير السفير الفرنسي. وشدد معاليه على أن المملكة حريصة على"
        " سلامة اليمن."
    )
    (quote,) = quotes
    assert quote.speaker == "Adel al-Jubeir" and not quote.implicit
    assert quote.speaker_span is not None and quote.speaker_span.slice(article.text) == "معاليه"
    assert quote.speaker_ar == "عادل الجبير" and quote.speaker_id


def test_a_carried_over_speaker_keeps_the_arabic_name_and_id() -> None:
    _, quotes = _quotes("قال وزير الدفاع لويد أوستن إن القوات باقية. وأضاف أن الحوار مستمر.")
    first, carried = quotes
    assert carried.implicit and carried.speaker_span is None
    assert (carried.speaker, carried.speaker_ar, carried.speaker_id) == (
        first.speaker,
        first.speaker_ar,
        first.speaker_id,
    )
    assert first.speaker_ar and first.speaker_id


def test_an_unnamed_speaker_is_shown_in_arabic_as_written() -> None:
    _, quotes = _quotes("وقال مسؤول في البنتاغون إن الانسحاب لم يتقرر.")
    (quote,) = quotes
    assert quote.speaker is not None and quote.speaker.endswith("(unnamed)")
    assert quote.speaker_ar == "مسؤول في البنتاغون" and quote.speaker_id is None


def test_a_title_takes_the_person_with_that_role_and_a_nationality() -> None:
    _, quotes = _quotes(
        "التقى وزير الخارجية القطري خالد العطية بالصحفيين. وحول الشأن العراقي شدد وزير "
        "الخارجية على أن استقرار العراق يتطلب توافقا."
    )
    assert [q.speaker for q in quotes][-1:] == ["Khalid al-Attiyah"]


def test_a_participle_is_a_quote_where_no_verb_made_one() -> None:
    article, quotes = _quotes(
        "تركزت محادثات وزير الخارجية الروسي سيرغي لافروف في الدوحة على الأزمة السورية، "
        "معتبرا أن تنظيم داعش أكبر تهديد للمنطقة."
    )
    (quote,) = quotes
    lavrov = next(e for e in article.entities if e.type == "PER")
    assert quote.cue == "معتبرا" and quote.speaker == lavrov.canonical and not quote.implicit
    assert quote.content_span.slice(article.text).startswith("تنظيم داعش")


def test_a_participle_goes_on_the_quote_of_its_sentence() -> None:
    article, quotes = _quotes("وقال الوزير إن الحوار مستمر، مضيفاً أن الاتفاق قريب.")
    (quote,) = quotes
    assert quote.cue == "وقال"
    assert "مضيفاً أن الاتفاق قريب" in quote.content_span.slice(article.text)


def test_a_participle_after_a_verb_with_no_subject_carries_the_speaker() -> None:
    _, quotes = _quotes(
        "قال وزير الدفاع لويد أوستن إن القوات باقية. وتطرق إلى الوضع في سوريا، مؤكداً أن الحل سياسي."
    )
    first, carried = quotes
    assert carried.cue == "مؤكداً" and carried.implicit
    assert carried.speaker == first.speaker


def test_verbs_whose_imperfect_is_another_word_are_cues_only_in_the_perfect() -> None:
    assert cue_at("اختتم") is not None and cue_at("توقع") is not None
    assert cue_at("تختتم") is None and cue_at("يتوقع") is None  # "it is expected"
    assert cue_at("كتب") is not None and cue_at("يكتب") is not None


def test_a_tail_attribution_reports_the_clause_before_it() -> None:
    article, quotes = _quotes(
        "قتل ثلاثة مدنيين في غارة على البلدة، حسبما أفاد المرصد السوري لحقوق الإنسان أمس."
    )
    (quote,) = quotes
    assert quote.cue == "أفاد" and quote.speaker == "Syrian Observatory for Human Rights"
    assert quote.content_span.slice(article.text) == "قتل ثلاثة مدنيين في غارة على البلدة"


def test_according_to_a_name_is_a_quote_but_not_according_to_a_plan() -> None:
    article, quotes = _quotes("وبحسب وزير الخارجية عادل الجبير، فإن الحوار مستمر.")
    (quote,) = quotes
    assert quote.cue == "وبحسب" and quote.speaker == "Adel al-Jubeir"
    assert quote.content_span.slice(article.text) == "الحوار مستمر"
    _, quotes = _quotes("وتوزع المساعدات حسب الحاجة في كل حي.")
    assert quotes == []


def test_a_statement_quoted_by_what_came_in_it() -> None:
    article, quotes = _quotes(
        "أصدرت وزارة الداخلية السعودية بيانا. وجاء في البيان أن الأجهزة الأمنية أحبطت هجوما."
    )
    assert [q.cue for q in quotes][-1:] == ["وجاء"]
    assert article.text[quotes[-1].content_span.start :].startswith("الأجهزة الأمنية")


def test_a_lone_definite_word_that_opens_a_body_name_is_that_body() -> None:
    _, quotes = _quotes(
        "أفاد المرصد السوري لحقوق الإنسان بأن الطائرات قصفت البلدة. وقال المرصد إن 170 مدنيا قتلوا."
    )
    assert [q.speaker for q in quotes] == ["Syrian Observatory for Human Rights"] * 2
    assert quotes[0].speaker_id == quotes[1].speaker_id


def test_the_one_told_stands_between_a_speaker_and_a_quotation() -> None:
    article, quotes = _quotes('وقال مورينيو لشبكة سكاي سبورتس "لم أكن سعيدا بالطاقم الطبي".')
    (quote,) = quotes
    assert quote.content_span.slice(article.text) == "لم أكن سعيدا بالطاقم الطبي"
    _, quotes = _quotes('وقال سواريز لمحادثه "سأستخدم حقيبة الظهر".')
    assert [q.cue for q in quotes] == ["وقال"]


def test_a_known_name_in_quote_marks_after_the_verb_is_its_subject() -> None:
    text = "قال «المرصد السوري لحقوق الإنسان»: إنه وثق 26350 غارة على الأقل."
    (quote,) = _quotes(text)[1]
    assert quote.speaker == "Syrian Observatory for Human Rights"
    assert quote.content_span.slice(text).startswith("وثق")
    # what is said in the marks stays what is said
    text = "وقال «إن المرصد السوري لحقوق الإنسان وثق الغارات»."
    assert [q.speaker for q in _quotes(text)[1]] == [None]


def test_a_bare_verb_of_saying_after_a_sentence_opened_by_a_named_person_is_that_person() -> None:
    text = (
        "وقال عادل الجبير إن العلاقات قوية. "
        "أشاد أحمد بن محمد الجروان رئيس البرلمان العربي بأداء رجال الأمن في المملكة. "
        "وقال في تصريح له: إن البرلمان يدعم الجهود."
    )
    speakers = [q.speaker for q in _quotes(text)[1]]
    assert speakers[0] == "Adel al-Jubeir" and speakers[-1] != "Adel al-Jubeir"
    assert speakers[-1] is not None and "Jarwan" in speakers[-1]


def test_a_plural_verb_does_not_carry_the_one_person_who_spoke_before() -> None:
    text = "وقال الأمير سعود بن نايف إن الأمن مستقر. وقالوا إن أرواحهم فداء للوطن."
    assert [q.speaker for q in _quotes(text)[1]] == ["Saud bin Nayef", None]


def test_his_highness_is_a_prince_never_the_king() -> None:
    text = (
        "وقال الأمير سعود بن نايف إن الأمن مستقر. وأشاد بالملك سلمان بن عبدالعزيز. "
        "وأضاف سموه أن الجهود مستمرة."
    )
    assert [q.speaker for q in _quotes(text)[1]] == ["Saud bin Nayef", "Saud bin Nayef"]
    # with only the king named before, nobody: a wrong person is worse than none
    text = "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز الوفد. وقال سموه إن الأمن مستقر."
    assert [q.speaker for q in _quotes(text)[1]] == [None]


def test_a_body_named_by_its_head_noun_speaks() -> None:
    # the last body with that head, a nationality that must agree, else an unnamed one
    _, quotes = _quotes("قصف الجيش التركي مواقع الحزب. وأشار الجيش إلى أن العملية مستمرة.")
    assert quotes[-1].speaker == "Turkish army"
    _, quotes = _quotes("قصف الجيش التركي مواقع. وأعلن الجيش النيجيري أنه حرر رهائن.")
    assert quotes[-1].speaker == "Nigerian Army"  # a body of its own (demonyms_world.tsv)
    _, quotes = _quotes("قصف الجيش التركي مواقع. وأعلن الجيش الكونغولي أنه حرر رهائن.")
    assert quotes[-1].speaker != "Turkish army"  # a nationality the lexicon lacks: not Turkey
    _, quotes = _quotes(
        "ونشرت صحيفة ديلي ميل تقريرا. وأشارت الصحيفة البريطانية إلى أن التنظيم يجند."
    )
    assert quotes[-1].speaker == "Daily Mail"


def test_a_described_person_after_a_word_also_read_as_a_particle() -> None:
    # أمين (secretary) may be read as a particle; it describes the person who speaks
    _, quotes = _quotes("من جانبه أكد أمين سوق عكاظ الدكتور جريدي المنصوري، أن السوق ناجح.")
    assert quotes[0].speaker_ar == "جريدي المنصوري"


def test_a_name_set_off_by_its_description_speaks() -> None:
    text = "وقال باتريك سكينر، مسؤول سابق في الاستخبارات، إن «الوضع صعب»."
    _, quotes = _quotes(text)
    assert quotes[0].speaker_ar == "باتريك سكينر"
    # a list of nouns after a verb is no name with a description
    article, _ = _quotes("حادثة تعتبر عملية تنبيه، احتلال، غير مقلق.")
    assert not [e for e in article.entities if e.type == "PER"]


def test_an_adverb_after_the_verb_is_no_speaker() -> None:
    _, quotes = _quotes("وقال دائما إن الوضع صعب.")
    assert quotes[0].speaker is None


def test_an_unnamed_source_is_described_and_then_named_again() -> None:
    # "ذلك" is the verb's object; the source's own words describe it; "المصدر" is that source
    text = (
        "وصلت أول رحلة. أوضح ذلك لـ«عكاظ» مصدر مسؤول في وزارة الصحة، مفيدا أنه تم الاتفاق.\n"
        "وقال المصدر: جميع الحجاج قادمون. وأوضح أن العمل مستمر."
    )
    _, quotes = _quotes(text)
    first, again, carried = quotes[0], quotes[-2], quotes[-1]
    assert first.speaker_ar is not None and first.speaker_ar.startswith("مصدر مسؤول في وزارة")
    assert again.speaker == first.speaker and again.speaker_ar == first.speaker_ar
    assert carried.implicit and carried.speaker == first.speaker
    # with no source described before, "المصدر" is one more unnamed source
    _, quotes = _quotes("وقال المصدر إن العمل مستمر.")
    assert quotes[0].speaker == "source (unnamed)"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["قال", "الوزير", "،", ",", "إن", "."]), min_size=2, max_size=40))
def test_the_clause_start_lookup_is_the_walk_back(words: list[str]) -> None:
    # after_comma replaces a walk back to the last comma (quadratic on a long text)
    from marsad.extract.quotes import _Reader

    article, _ = _quotes(" ".join(words))
    reader = _Reader(article)
    count = len(reader.sc.words)
    for first in range(count):
        for before in range(first + 1, count):
            start = before
            while start > first and not reader.comma_between(start - 1, start):
                start -= 1
            assert reader.after_comma(before, first) == start


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (  # the same title alone
            "أكد وزير الخدمة المدنية خالد العرج أنه لا يمكن التلاعب بالنتائج. "
            "وفي سياق متصل قال وزير الخدمة المدنية إن الإعلان سيتم الأسبوع القادم.",
            "Khalid al-Araj",
        ),
        (  # the office with a longer name of its body
            "وأوضح مدير عام المؤسسة أحمد الفارس أن التوريد مستمر. "
            "ولفت مدير عام المؤسسة العامة لصوامع الغلال ومطاحن الدقيق، إلى أن الكمية بلغت "
            "341285 طنا.",
            "Ahmed al-Fares",
        ),
    ],
)
def test_an_office_later_speaks_for_the_person_it_introduced(text: str, holder: str) -> None:
    _article, quotes = _quotes(text)
    assert [q.speaker for q in quotes] == [holder, holder]


def test_groups_speak_unnamed_and_a_named_expert_by_name() -> None:
    _article, quotes = _quotes(
        "وقال شهود عيان إن الطائرات قصفت المدينة. ويرى خبراء أن الأمر خطير. "
        "ورأى الخبير السياسي جورج علم أن الدستور واضح."
    )
    assert [q.speaker for q in quotes] == [
        "witnesses (unnamed)",
        "experts (unnamed)",
        "George Alam",
    ]


def test_a_noun_and_the_name_it_is_called_by_speak() -> None:
    _, quotes = _quotes("وقال متطوع يدعى أبو زهراء البصراوي ان الورشة كانت صغيرة.")
    assert [q.speaker_ar for q in quotes] == ["أبو زهراء البصراوي"]
    # what someone is called is the content, not its speaker
    _, quotes = _quotes("لكن أقرباء له قالوا إنه يدعى راندال سميث، وهو والد لثلاث فتيات.")
    assert [q.cue for q in quotes] == ["قالوا"]


@pytest.mark.parametrize(
    "opening",
    [
        "وأهاب جون كيربي بتعاون الجميع في الحفاظ على الأمن.",  # أهاب: also a noun
        "وعبّر جون كيربي عن استنكاره للهجوم.",  # عبر: also a noun
        "وأكد جون كيربي على دور الأسرة.",  # a reporting verb that reports nothing here
    ],
)
def test_the_person_a_sentence_opens_on_speaks_in_the_next(opening: str) -> None:
    _, quotes = _quotes(
        "قال أوستن إن الأمر مهم.\n" + opening + " وذكر بأن المواطن هو خط الدفاع الأول."
    )
    assert (quotes[-1].speaker, quotes[-1].implicit) == ("John Kirby", True), opening


def test_a_state_after_the_opening_verb_is_the_subject_of_a_participle() -> None:
    # "مملكة البحرين": the place after the noun it is the state of, not the person named
    # in the object ("تصريحات نوري المالكي")
    _, quotes = _quotes(
        "استنكرت مملكة البحرين وبشدة تصريحات نوري المالكي نائب رئيس جمهورية العراق، "
        "معتبرة أن هذه التصريحات غير مسؤولة."
    )
    assert [q.speaker for q in quotes] == ["Bahrain"]


def test_a_short_description_stands_for_the_one_person_it_described() -> None:
    # the minister named with his office and nationality speaks again by them alone
    _, quotes = _quotes(
        "قال وزير الدفاع الأمريكي آشتون كارتر إن المحادثات كانت مثمرة. "
        "وقال الوزير الأمريكي إن التعاون سيستمر."
    )
    assert [q.speaker for q in quotes] == ["Ashton Carter", "Ashton Carter"]


def test_a_short_description_of_two_people_or_with_a_name_after_it_names_no_one() -> None:
    # two experts described alike: "the expert" could be either
    _, quotes = _quotes(
        "قال الخبير العسكري نزار عبد القادر إن المعركة طويلة. "
        "وأكد الخبير العسكري هشام جابر أن الحسم بعيد. "
        "ورأى الخبير العسكري أن الحل سياسي."
    )
    assert quotes[-1].speaker not in ("Nizar Abdul Qadir", "Hisham Jaber")
    # a feminine verb before it: "المصادر" is a plural of things, no person described
    _, quotes = _quotes(
        "قال المتحدث باسم الوزارة أحمد العلي إن الوفد وصل. وأوضحت المصادر أن الاجتماع بدأ."
    )
    assert quotes[-1].speaker != quotes[0].speaker


def test_a_name_inside_what_is_said_is_not_the_subject_of_the_participle_after_it() -> None:
    # Heikal is spoken about in the content of "موضحا"; "مؤكدا" goes on with Qattan
    _, quotes = _quotes(
        "وقال السفير أحمد قطان إنه لن يرد على الكاتب محمد حسنين هيكل.. موضحا أن العلاقة "
        "ستبقى قوية رغم أنف هيكل، مؤكدا أن الرجل لا علاقة له بالحقائق."
    )
    assert quotes and quotes[0].speaker and "Qattan" in quotes[0].speaker
    assert all("Heikal" not in (q.speaker or "") for q in quotes)


def test_a_source_named_back_is_a_source_not_a_person_described_before() -> None:
    # "المصدر" is flagged anonymous in speaker_nouns.tsv: it never resolves to a person
    from marsad.resources import load_tsv

    flagged = [row for row in load_tsv("speaker_nouns.tsv", columns=2) if row[3:4]]
    assert flagged and all(row[1] == "unnamed" and row[3] == "anonymous" for row in flagged)
    _, quotes = _quotes(
        "قال مصدر نصراوي إن اللاعب تأخر. وكشف المصدر أن سبب التأخر رفض الإدارة تسليمه."
    )
    assert quotes[-1].speaker is not None and quotes[-1].speaker.endswith("(unnamed)")
