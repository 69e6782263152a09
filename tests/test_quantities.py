"""Quantities: figures with what they count, approximate and vague counts, never dates."""

from __future__ import annotations

import importlib.util
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.sentences import split_sentences
from marsad.extract.quantities import annotate_quantities
from marsad.extract.quantities.numbers import MAX_DIGITS, parse_digits
from marsad.model import Article, Quantity, Sentence, Span, Timex

ROOT = Path(__file__).resolve().parents[1]


def _quantities(text: str, timexes: list[Timex] | None = None) -> list[Quantity]:
    article = Article(doc="t", source="t", text=text)
    article.sentences = [Sentence(span) for span in split_sentences(text)]
    article.timexes = timexes or []
    annotate_quantities(article)
    return article.quantities


def _subjects(text: str) -> dict[str, str | None]:
    """Each figure of ``text`` as written -> its subject."""
    return {q.text: q.subject for q in _quantities(text)}


def _brief(text: str) -> list[tuple[str, object, str | None, bool, bool]]:
    return [
        (q.text, q.bounds or q.value, q.unit, q.approximate, q.vague) for q in _quantities(text)
    ]


def test_seed_quantities(seeds_dir: Path, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))
    for document in gold["documents"]:
        text = (seeds_dir / document["doc"]).read_text(encoding="utf-8")
        found = {(q.text, q.value, q.unit, q.approximate) for q in _quantities(text)}
        for wanted in document["quantities"]:
            key = (wanted["text"], wanted["value"], wanted["unit"], bool(wanted.get("approximate")))
            assert key in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تنشر 2500 عسكري في العراق", ("2500 عسكري", 2500, "personnel", False, False)),
        ("تعرضت لنحو 150 هجوما", ("150 هجوما", 150, "attacks", True, False)),
        ("يتواجد مئات العسكريين", ("مئات العسكريين", None, "personnel", False, True)),
        ("بلغت ٢٥٠٠ فرد", ("٢٥٠٠ فرد", 2500, "personnel", False, False)),
        ("كلفة 1.5 مليار دولار", ("1.5 مليار دولار", 1500000000, "USD", False, False)),
        ("نسبة 30 في المائة", ("30 في المائة", 30, "percent", False, False)),
        ("بنسبة 60% للانضمام", ("60%", 60, "percent", False, False)),
        ("قتل ثلاثة جنود", ("ثلاثة جنود", 3, "personnel", False, False)),
        ("نحو ألفان وخمسمائة جندي", ("ألفان وخمسمائة جندي", 2500, "personnel", True, False)),
        ("أسفر عن 13 قتيلا و31 جريحا", ("13 قتيلا", 13, "killed", False, False)),
        # any counted noun, with the noun as written for its unit
        ("افتتح 4 منشآت جديدة", ("4 منشآت جديدة", 4, "منشآت", False, False)),
        ("يضم 3061 مقعداً", ("3061 مقعداً", 3061, "مقعداً", False, False)),
        ("نفذت 50 جولة رقابية", ("50 جولة رقابية", 50, "جولة", False, False)),
        ("اختطف ثلاثة مقنعين الأب", ("ثلاثة مقنعين", 3, "مقنعين", False, False)),
        ("يعيش 18 ألف مسلم", ("18 ألف مسلم", 18000, "مسلم", False, False)),
        ("وألفي نصراني", ("ألفي نصراني", 2000, "نصراني", False, False)),
        ("يحتجز 100 الف نسمة", ("100 الف نسمة", 100000, "person", False, False)),
        ("ستون نصرانياً على الأقل", ("ستون نصرانياً", 60, "نصرانياً", True, False)),
        # partitives and elliptic heads
        ("قتل 61 من الضحايا", ("61 من الضحايا", 61, "killed", False, False)),
        ("مقتل 3042 من تنظيم داعش", ("3042 من تنظيم", 3042, "تنظيم", False, False)),
        ("وإصابة تسعة آخرين", ("تسعة آخرين", 9, "person", False, False)),
        ("وفر العشرات منهم", ("العشرات منهم", None, "person", False, True)),
        # measures and money
        ("على بعد 57/ كلم", ("57/ كلم", 57, "km", False, False)),
        ("مساحة 9 ملايين متر مربع", ("9 ملايين متر مربع", 9000000, "m2", False, False)),
        ("تجاوزت 1600 متراً مربعاً", ("1600 متراً مربعاً", 1600, "m2", False, False)),
        ("غرامة 10.000 ريال", ("10.000 ريال", 10000, "SAR", False, False)),
        ("جائزة 3 آلاف ريال", ("3 آلاف ريال", 3000, "SAR", False, False)),
        ("بسعر 6700 ريال سعودي", ("6700 ريال سعودي", 6700, "SAR", False, False)),
        ("بلغت 63ر4 مليار دولار", ("63ر4 مليار دولار", 4630000000, "USD", False, False)),
        ("دعم نصف مليون ريال", ("نصف مليون ريال", 500000, "SAR", False, False)),
        ("سبيكة ربع كيلو", ("ربع كيلو", 0.25, "kg", False, False)),
        ("حرارة -18 درجة مئوية", ("-18 درجة مئوية", -18, "degree Celsius", False, False)),
        ("وصلت الحرارة إلى 50 مئوية", ("50 مئوية", 50, "degree Celsius", False, False)),
        ("مسافة 50كم", ("50كم", 50, "km", False, False)),
        ("أرض 1200 م2", ("1200 م2", 1200, "m2", False, False)),
        (
            "بقيمة 3 ملايين و500 ألف دولار",
            ("3 ملايين و500 ألف دولار", 3500000, "USD", False, False),
        ),
        # ranges
        ("كلفة 900 إلى 1000 دولار", ("900 إلى 1000 دولار", (900, 1000), "USD", False, False)),
        ("من 6 أمتار إلى 33 متراً", ("6 أمتار إلى 33 متراً", (6, 33), "m", False, False)),
        (
            "تراوحت بين 32 و35 درجة مئوية",
            ("32 و35 درجة مئوية", (32, 35), "degree Celsius", False, False),
        ),
        ("بزيادة من 15 إلى 25%", ("15 إلى 25%", (15, 25), "percent", False, False)),
        # numerals after their noun, duals, number words
        ("وافقت الأطراف الأربعة", ("الأطراف الأربعة", 4, "أطراف", False, False)),
        ("شهر شرطي واحد سلاحه", ("شرطي واحد", 1, "police officer", False, False)),
        ("وقتل القياديان", ("القياديان", 2, "leader", False, False)),
        ("يقتل خمسة عشر شخصا", ("خمسة عشر شخصا", 15, "person", False, False)),
        # compound figures
        ("أكثر من 240 ألفا و381 شخصا", ("240 ألفا و381 شخصا", 240381, "person", True, False)),
        ("هو مليار ونصف مليار دولار", ("مليار ونصف مليار دولار", 1500000000, "USD", False, False)),
        (
            "تزيد على تريليون و300 مليار دولار",
            ("تريليون و300 مليار دولار", 1300000000000, "USD", False, False),
        ),
        ("في واجهة تشغيل واحدة", ("واجهة تشغيل واحدة", 1, "واجهة", False, False)),
        ("على بعد كيلومتر واحد", ("كيلومتر واحد", 1, "km", False, False)),
        ("بأكثر من 400 قتيل وجريح", ("400 قتيل وجريح", 400, "casualties", True, False)),
        ("من ( 50 - 500 ) ريال", ("50 - 500 ) ريال", (50, 500), "SAR", False, False)),
        (
            "على 2 درجة مئوية إلى 4 درجات مئوية",
            ("2 درجة مئوية إلى 4 درجات مئوية", (2, 4), "degree Celsius", False, False),
        ),
        ("لقصف بثلاثة براميل متفجرة", ("ثلاثة براميل متفجرة", 3, "bombs", False, False)),
        ("محام للسجناء الأربعة", ("للسجناء الأربعة", 4, "سجناء", False, False)),
        # Asharq Al-Awsat writes a decimal fraction first after a right-to-left mark
        (
            "بلغت 9.\u200f159 مليار دولار",
            ("9.\u200f159 مليار دولار", 159900000000, "USD", False, False),
        ),
    ],
)
def test_figures(text: str, expected: tuple[str, object, str, bool, bool]) -> None:
    assert expected in _brief(text)


def test_percent_is_not_read_inside_a_longer_figure() -> None:
    assert [q.value for q in _quantities("تراجع 43% ثم 3%")] == [43, 3]


@pytest.mark.parametrize(
    "text",
    [
        "قائد الفرقة 11 دبابات",  # a label, not a count
        "البند رقم 6 من المادة",
        "وفي الدقيقة 52 تلاعب جيرو",
        "النسخة الثالثة والعشرون من دورة",  # an ordinal
        "وفد رفيع لطالبان مؤلف",  # a name, not two students
        "من المجندين في الجيش",  # a plural, not a dual
        "وبلغت كميات الصادرات",  # no ك + "ميات"
        "من أصل 99 شاركوا",  # a verb is no counted noun
        "تزن 584.376 طناً",  # 584 tonnes and a fraction, or 584,376: undetermined
        "- عام 2003 هجوم إرهابي",
        "بأقل تكلفة ممكنة وأحد جوانبها",
        "وزن تحت 60 أولمبي.",  # a weight class: an adjective after 11-99 is accusative
        "مبلغ الخمسين مليون ريال",  # 50 million, unread: never 1 million
        "ويضم المعسكر واحدا وثلاثين لاعبا.",  # 31, unread: never 30
        "ألف مبروك.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert _quantities(text) == []


def test_a_change_is_two_figures_not_a_range() -> None:
    assert [q.value for q in _quantities("ارتفع من 15 إلى 25%")] == [25]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("أسفر عن مقتل 170 مدنيا", "killed"),
        ("مقتل 230 مدنيا و115 مسلحا", "killed"),
        ("وإصابة 29 آخرين", "injured"),
        ("اعتقال 431 عنصرا", "arrested"),
        ("14 جنديا قتلوا في الهجوم", "killed"),
        ("مقتل وإصابة 30 شخصا", "casualties"),
        ("فجر قنبلتين في السوق", "weapons"),
        ("ارتفعت حصيلة القتلى إلى 3216", "killed"),
        ("أسفر عن مقتل اثنين وإصابة 20 شخصا", "killed"),
        ("إن 11 شخصا قتلوا و32 أصيبوا بجروح", "injured"),
        ("أسفر عن إصابة ضابطين ومجند", "injured"),
        ("سقوط حوالي 10 قتلى وإصابة 20 آخرين", "injured"),
        ("إن أربعة أشخاص قتلوا وأصيب أربعة آخرون", "injured"),
        ("قتلوا، وأصيب حوالى400 آخرين", "injured"),
        ("أصابه بطلقتين في الرأس", "weapons"),
    ],
)
def test_casualty_and_violence_categories(text: str, category: str) -> None:
    assert category in {q.category for q in _quantities(text)}


def test_money_and_plain_counts_have_no_category() -> None:
    assert {q.category for q in _quantities("مقتل شخص وخسائر بـ500 ريال و4 منشآت")} == {None}


def test_subject_and_head_are_the_counted_noun_as_written() -> None:
    text = "قالت الشرطة إن 22 جنديا أفغانيا قتلوا."
    (quantity,) = _quantities(text)
    assert quantity.subject == "جنديا أفغانيا"
    assert quantity.head is not None and quantity.head.slice(text) == quantity.subject
    assert quantity.sentence is not None and quantity.sentence.contains(quantity.span)


def test_bare_numbers_dates_and_names_are_not_quantities() -> None:
    assert _quantities("في عام 2014 وصل 360 من") == []
    text = "خلال 3 أيام وصل 50 شخصا"
    timex = Timex(Span(5, 11), "3 أيام", "DURATION", "P3D")
    assert [q.text for q in _quantities(text, [timex])] == ["50 شخصا"]
    timex = Timex(Span(0, len(text)), text, "DATE", None)
    assert _quantities(text, [timex]) == []
    assert _quantities("يوم الاثنين الماضي وفي آن واحد") == []
    assert _quantities("اتصل على 0551234567 أو 10/8 أو 12:30") == []


def test_parse_digits() -> None:
    assert parse_digits("2,500") == 2500
    assert parse_digits("1.5") == 1.5
    assert parse_digits("1.000.000") == 1000000
    assert parse_digits("10.000") == 10000
    assert parse_digits("1.500", decimal=True) == 1.5
    assert parse_digits("0.251") == 0.251
    assert parse_digits("960.407.1") is None
    assert parse_digits("9" * (MAX_DIGITS + 1)) is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,")), max_size=60))
def test_parse_digits_never_raises(text: str) -> None:
    value = parse_digits(text)
    assert value is None or isinstance(value, int | float)


def test_numbers_of_any_length() -> None:
    text = "بلغ " + "7" * 5000 + " دولار و" + "1" * 4400 + " شخصا و5 أشخاص"
    assert [q.value for q in _quantities(text)] == [5]


def test_real_articles_slice_exactly(saudi_jsonl: Path) -> None:
    count = 0
    with saudi_jsonl.open(encoding="utf-8") as handle:
        for _, line in zip(range(300), handle, strict=False):
            text = json.loads(line)["content"]
            for quantity in _quantities(text):
                assert quantity.span.slice(text) == quantity.text
                count += 1
    assert count > 300


_ALPHABET = list("0123٤٥.,%/-() نحومئاتلفجنديدولارمليونقتلىآخرينعشراتواحد\n")


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120),
    st.lists(st.tuples(st.integers(0, 120), st.integers(1, 15)), max_size=3),
)
def test_arbitrary_text_never_raises(text: str, spans: list[tuple[int, int]]) -> None:
    timexes = [
        Timex(Span(min(a, len(text)), min(a + n, len(text))), "", "DATE", None) for a, n in spans
    ]
    found = _quantities(text, timexes)
    for quantity in found:
        assert quantity.span.slice(text) == quantity.text
        assert quantity.text.strip() == quantity.text and quantity.text
        assert not any(t.span.overlaps(quantity.span) for t in timexes)
        if quantity.head is not None:
            assert quantity.head.slice(text) == quantity.subject
    for left, right in itertools.pairwise(found):
        assert left.span.end <= right.span.start


def test_cldr_units_are_what_babel_gives() -> None:
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_cldr_units.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (ROOT / "src" / "marsad" / "resources" / "cldr_units.tsv").read_text(encoding="utf-8")
    assert module.render() == current


def test_a_tatweel_dash_joins_a_range_and_or_between_two_units_does_not() -> None:
    # found in the hand check of 100 random sample figures: both were wrong values
    brief = _brief("وتتراوح الأسعار بين 75 ـــ 85 دولارا للبرميل.")
    assert [value for _, value, *_ in brief] == [(75, 85)]
    brief = _brief("وتستخدم ذخيرة عيار 14.5 مم أو 23 مم في القصف.")
    assert [value for _, value, *_ in brief] == [14.5, 23]
    # one unit for both: "5 أو 6" is an approximate count, a range
    assert [value for _, value, *_ in _brief("وقتل 5 أو 6 أشخاص في الهجوم.")] == [(5, 6)]


def test_a_scale_word_after_an_approximator_and_what_follows_a_scale() -> None:
    # "نحو" is no number: "نحو مليون" is about one million, not a scale of the word before
    brief = _brief("وبلغت الحمولة نحو مليون و 68 ألف طن، فيما تجمع نحو ألف متظاهر.")
    assert [(value, approximate) for _, value, _, approximate, _ in brief] == [
        (1_068_000, True),
        (1000, True),
    ]
    # a dual of a scale goes on with the smaller figure after it, in digits or in words
    assert [v for _, v, *_ in _brief("بلغت الحمولة مليونين و 368 ألف طن.")] == [2_368_000]
    assert [v for _, v, *_ in _brief("بلغت الجائزة مليون وخمسمائة ألف ريال.")] == [1_500_000]


def test_duals_after_a_dual_verb_feminine_nisba_duals_and_a_nationality() -> None:
    # found missed in a hand check of 20 crime and conflict reports
    brief = _brief("وكانت انتحاريتان نفذتا تفجيرين في السوق.")
    assert [(text, value, unit) for text, value, unit, *_ in brief] == [
        ("انتحاريتان", 2, "militant"),
        ("تفجيرين", 2, "attacks"),
    ]
    brief = _brief("وأعلنت مصادر رسمية مقتل عسكريين تركيين اثنين.")
    assert [(text, value) for text, value, *_ in brief] == [("عسكريين تركيين اثنين", 2)]
    # an adjective agreeing with the dual noun before it counts nothing
    assert _brief("لقاعدتي انجرلك وديار بكر العسكريتين لتنفيذ هجمات") == []
    # "-ين" ends the dual and the plural: a dual verb after it says which
    brief = _brief("وقالت الشرطة إن انتحاريين اخترقا تجمعا للمصلين.")
    assert [(text, value) for text, value, *_ in brief] == [("انتحاريين", 2)]
    assert _brief("وقالت الشرطة إن انتحاريين اخترقوا تجمعا للمصلين.") == []


def test_a_descending_pair_after_bayna_is_a_range() -> None:
    brief = _brief("وتراوحت نسبة التغير ما بين 1.72% إلى 0.36% خلال الأسبوع.")
    assert [value for _, value, *_ in brief] == [(0.36, 1.72)]
    # without "بين" two figures stay two (a fall from 8% to 5% is no range)
    assert [value for _, value, *_ in _brief("تراجع المؤشر 8% إلى 5%")] == [8, 5]


def test_a_unit_in_two_words_takes_the_accusative_on_its_last() -> None:
    # "كيلو" ends in waw, so only "متر" carries the tanwin alef; "كيلو" alone is a kilo
    assert _brief("شق مجرى بطول 35 كيلو مترا موازيا") == [("35 كيلو مترا", 35, "km", False, False)]
    assert _brief("يبلغ طولها 164 كيلو متراً") == [("164 كيلو متراً", 164, "km", False, False)]
    assert _brief("وزنه 5 كيلو") == [("5 كيلو", 5, "kg", False, False)]


def test_attackers_count_and_take_their_category_from_the_clause_only() -> None:
    found = {
        q.text: (q.value, q.category) for q in _quantities("وقتل مهاجمان في تبادل إطلاق النار.")
    }
    assert found == {"مهاجمان": (2, "killed")}
    # a striker of a football side is no attacker of a toll: no category of its own
    (striker,) = _quantities("وقال إن الفريق تعاقد مع ثلاثة مهاجمين جدد.")
    assert (striker.value, striker.category) == (3, None)


def test_after_a_change_noun_from_and_to_are_two_figures_not_a_range() -> None:
    text = "زيادة إيرادات القناة من 5.3 مليار دولار إلى 13.2 مليار دولار بحلول 2023"
    assert [(q.value, q.bounds) for q in _quantities(text)] == [
        (5300000000, None),
        (13200000000, None),
    ]
    # the rise itself as a range: the first figure has no unit of its own
    assert [q.bounds for q in _quantities("بزيادة قدرها من 15 إلى 25%، مضيفا")] == [(15, 25)]
    # "من" right after the change noun: a change even when only the second has a unit
    text = "أما ضريبة القيمة المضافة فسجلت زيادة من 13 إلى 23 في المائة للمطاعم"
    assert [(q.value, q.bounds) for q in _quantities(text)] == [(23, None)]


def test_a_scale_word_glued_to_the_digits_scales_them() -> None:
    # written so 8 times in the sample ("13ألف شرطي", "476مليون دولار")
    found = _brief("مشاركة 13ألف شرطي في التأمين، واستثمرت 2مليار دولار و155مليون يورو.")
    assert [(text, value, unit) for text, value, unit, *_ in found] == [
        ("13ألف شرطي", 13000, "police officer"),
        ("2مليار دولار", 2_000_000_000, "USD"),
        ("155مليون يورو", 155_000_000, "EUR"),
    ]


def test_the_figure_a_change_ends_on_takes_the_unit_of_the_one_it_starts_from() -> None:
    # the sample's three cases of the unit left out after "إلى", all changes
    text = "بالإضافة إلى زيادة دخل القناة من 5.3 مليار دولار سنويا إلى 11.7 مليار بحلول 2023"
    assert [(q.text, q.value, q.unit) for q in _quantities(text)] == [
        ("5.3 مليار دولار", 5300000000, "USD"),
        ("11.7 مليار", 11700000000, "USD"),
    ]
    text = "زاد عدد المقاتلين من 18 مقاتلا إلى 70."
    assert [(q.value, q.unit) for q in _quantities(text)] == [(18, "militant"), (70, "militant")]
    casualties = [q.category for q in _quantities("ارتفع عدد القتلى من 20 قتيلا إلى 30")]
    assert casualties == ["killed", "killed"]
    # not across a clause, not far from the figure it would start from, not without "من"
    assert len(_quantities("ارتفع من 5 دولارات، إلى 7 في اليوم")) == 1
    assert len(_quantities("ارتفع من 5 دولارات في الأسبوع الأول من الشهر إلى 7")) == 1
    assert len(_quantities("بلغ 5 دولارات ثم وصل إلى 7")) == 1


@pytest.mark.parametrize(
    ("text", "value", "bounds", "unit"),
    [
        ("بلغ وزنه كيلوجرامين فقط", 2, None, "kg"),
        ("سألته بكم الجورب؟ قال: بريالين", 2, None, "SAR"),
        ("ويتراوح وزنها بين كيلوغرامين وثلاثة كيلوغرامات", None, (2, 3), "kg"),
        ("بين مترين و5 أمتار", None, (2, 5), "m"),
    ],
)
def test_the_dual_of_a_unit_is_two_of_it(
    text: str, value: int | None, bounds: tuple[int, int] | None, unit: str
) -> None:
    assert [(q.value, q.bounds, q.unit) for q in _quantities(text)] == [(value, bounds, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "المنتقل إلى ميلان الإيطالي",  # Milan, not two miles
        "فمساحتها أقل من كيلومترين مربعين",  # square kilometres: no figure of the wrong unit
        "بلغت الأرباح 5 .489 مليار ريال",  # 5.489 or, written in reverse, 489.5
    ],
)
def test_no_figure_where_its_value_or_unit_is_unsure(text: str) -> None:
    assert _quantities(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("وقع الحادث على بعد 30 كيلو من المدينة", "km"),
        ("في منطقة الـ18 كيلو غرب الرمادي", "km"),
        ("محاولة تهريب 142 كيلو حشيش من العراق", "kg"),
    ],
)
def test_kilo_alone_is_a_kilometre_in_a_distance(text: str, unit: str) -> None:
    assert [q.unit for q in _quantities(text)] == [unit]


def test_afflicted_by_an_illness_is_no_injury() -> None:
    assert [q.category for q in _quantities("أصيب 10 أشخاص من عائلة بتسمم غذائي")] == [None]
    assert [q.category for q in _quantities("أصيب 3 أشخاص بجروح")] == ["injured"]


def test_a_measure_says_what_it_measures_when_a_word_says_it_clearly() -> None:
    subjects = _subjects(
        "وبلغت قيمة التداولات 3.9 مليار ريال. وارتفع قطاع العقارات بنسبة 1.38 في المائة. "
        "وقدم الصندوق مساعدة إلى العراق بقيمة 1.2 مليار دولار. وزادت الأرباح بنسبة 5%، "
        "مقارنة بأرباح قدرها 232 مليون ريال."
    )
    assert subjects["3.9 مليار ريال"] == "قيمة التداولات"
    assert subjects["1.38 في المائة"] == "قطاع العقارات"
    # the aid's value, not Iraq's; a bare "مقارنة" says nothing of what is measured
    assert subjects["1.2 مليار دولار"] is None
    assert subjects["232 مليون ريال"] is None


def test_a_figure_after_a_verb_of_change_measures_the_verbs_subject() -> None:
    subjects = _subjects(
        "وهبط مؤشر سوق دبي 1.2 في المائة. وتراجع قطاع الخدمات بنسبة 0.15 في المائة. "
        "وارتفع المؤشر العام لسوق أبوظبي أكثر من 0.3 في المائة. "
        "وزاد في السوق الفورية 0.4 %."
    )
    assert subjects["1.2 في المائة"] == "مؤشر سوق دبي"  # no attribute word between
    assert subjects["0.15 في المائة"] == "قطاع الخدمات"  # تراجع, also a noun, is the verb
    assert subjects["0.3 في المائة"] == "المؤشر العام لسوق أبوظبي"  # past "أكثر من"
    assert subjects["0.4 %"] is None  # where it rose, not what


def test_an_elliptic_head_counts_the_noun_of_the_count_before_it() -> None:
    found = _quantities("وأسفر التفجير عن مقتل 32 شخصا وجرح 104 آخرين.")
    assert [(q.text, q.subject) for q in found] == [("32 شخصا", "شخصا"), ("104 آخرين", "شخصا")]
    # a head that names the category itself is no noun the injured share
    dead = _quantities("وأسفر الهجوم عن مقتل 58 قتيلا وإصابة 78 آخرين.")
    assert dead[-1].subject == "آخرين"
