"""Date forms real reports use (issue 16, item 8): durations with number words and duals,
frequencies, parts of relative days, afternoon hours, Hijri years in apposition, ranges
across months and years, small Hijri years and centuries, and the homographs that are
not dates."""

from __future__ import annotations

import pytest

from marsad.temporal import tag_text

PUBLISHED = "2015-08-10"  # Monday 25 Shawwal 1436


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # durations: number words, duals, one unit, fractions, a unit after مرور
        ("ويستمر عمله عاما كاملا مع احتمال تمديد", "عاما كاملا", "P1Y"),
        ("بقاء الرئيس في منصبه حتى عامين إضافيين، أي", "عامين إضافيين", "P2Y"),
        ("لمدة لا تزيد على شهر واحد عن الموعد", "شهر واحد", "P1M"),
        ("أجرى خلال الشهرين الماضيين لقاءات", "الشهرين الماضيين", "P2M"),
        ("ترك الأغذية لمدة تتجاوز الساعتين يساعد", "الساعتين", "PT2H"),
        ("لا يكاد يمر عليهما يومان إلا", "يومان", "P2D"),
        ("مدة اشتراك لا تقل عن (12) شهراً في فرع", "12) شهراً", "P12M"),
        ("بعد مرور عام على مقتل الشاب", "عام", "P1Y"),
        ("وقفوا أربع ساعات ونصف الساعة في الشارع", "أربع ساعات ونصف الساعة", "PT270M"),
        ("وقفوا أربع دقائق ونصف دقيقة صمتا", "أربع دقائق ونصف دقيقة", "PT270S"),
        ("سيستغرق الحفل قرابة ساعة وعشرين دقيقة كاملا", "ساعة وعشرين دقيقة", "PT80M"),
        ("خلال الأيام الثلاثة الماضية قتل", "الأيام الثلاثة الماضية", "P3D"),
        ("وسط أنباء عن حسم المعركة خلال أيام قليلة. أما", "أيام قليلة", "PXD"),
        ("المفاوضات خلال الأيام القليلة القادمة مع", "الأيام القليلة القادمة", "PXD"),
        ("وصل بعد بضع ساعات من الهجوم", "بضع ساعات", "PTXH"),
        # frequencies
        ("لا يتجاوز مبلغ التعويض 9000 ريال شهرياً، وبنسبة", "شهرياً", "P1M"),
        ("ينتج المصنع مليون طن سنويا من", "سنويا", "P1Y"),
        ("ضمن مشاريع التطوير السنوية بالسوق", "السنوية", "P1Y"),
        ("قال إن الحفل سيكون مختلفا عن كل عام من ناحية", "كل عام", "P1Y"),
        # parts of relative days, afternoon hours
        ("أعلن المكتب مساء أمس الأحد أن", "مساء أمس الأحد", "2015-08-09TEV"),
        ("يقام الحفل مساء غد في", "مساء غد", "2015-08-11TEV"),
        ("استقبل الأمير ظهر أمس الوفد", "ظهر أمس", "2015-08-09TMI"),
        (
            "استقبل الأمير قبل ظهر اليوم (الاثنين) الوزراء",
            "قبل ظهر اليوم (الاثنين)",
            "2015-08-10TMO",
        ),
        ("مقتل 2927 شخصا وحتى فجر أمس. ولفت", "فجر أمس", "2015-08-09TMO"),
        ("تبدأ المباراة الساعة 3 عصرا في", "الساعة 3 عصرا", "XXXX-XX-XXT15:00"),
        ("تشغيل الإضاءة الملونة في المساء .", "المساء", "XXXX-XX-XXTEV"),
        # Hijri years: in apposition, after a cue, small, and centuries
        ("خلال العام الحالي 1436هـ بلغ", "العام الحالي 1436هـ", "2014-10-25/2015-10-13"),
        ("في مطلع العام المقبل 1437هـ سيبدأ", "العام المقبل 1437هـ", "2015-10-14/2016-10-01"),
        (
            "القمح المستورد لهذا العام 1436 / 1437هـ بكمية",
            "هذا العام 1436 / 1437هـ",
            "2014-10-25/2016-10-01",
        ),
        ("حكم بترحيله من البلاد عام 1433، مشيرا", "1433", "2011-11-26/2012-11-14"),
        ("غزوة وقعت سنة 10 هجرية في", "10 هجرية", "0631-04-12/0632-03-31"),
        ("في بدايات القرن العشرين الميلادي؛ نلحظ", "القرن العشرين الميلادي", "19XX"),
        ("ما كتب في القرن الماضي عن", "القرن الماضي", "19XX"),
        ("علماء القرن الهجري الماضي كتبوا", "القرن الهجري الماضي", "1882-11-12/1979-11-19"),
        # ranges across months and years, the first of a month
        (
            "تقام الدورة بين 28 ديسمبر والثالث من يناير 2016 في",
            "بين 28 ديسمبر والثالث من يناير 2016",
            "2015-12-28/2016-01-03",
        ),
        ("يصرف التعويض بدءًا من غرة ذي القعدة 1436هـ للمنشآت", "غرة ذي القعدة 1436هـ", "2015-08-16"),
        # a shift after an event the text tells is a duration, not from publication
        ("وبعد 15 يومًا تم القبض عليه في جدة", "15 يومًا", "P15D"),
        ("وفي اليوم التالي ذهبت بها للشرطة", "اليوم التالي", "XXXX-XX-XX"),
        ("وقالت الوحدات في وقت سابق إن الجيش", "وقت سابق", "PAST_REF"),
    ],
)
def test_form(text: str, span: str, value: str) -> None:
    timexes = tag_text(text, PUBLISHED)
    found = [t for t in timexes if span in t.text or t.text in span]
    assert found, (text, [(t.text, t.value) for t in timexes])
    assert found[0].value == value, (text, [(t.text, t.value) for t in timexes])
    assert found[0].text == span or span.startswith(found[0].text) or found[0].text.endswith(span)


@pytest.mark.parametrize(
    "text",
    [
        "مستقبلا أسر الشهداء معزيا ومواسيا لهم",  # receiving, not "in the future"
        'وقال في حديث لـ "اليوم" إن الاتفاق',  # the newspaper
        "وقال الرئيس لـ«اليوم» إن الاتفاق",
        "أداء صلاة الجمعة في المسجد الحرام",  # the Friday prayer
        "وقدرت مساحة الاشتعال بحوالي 1200م مربع",  # metres
        "ويبلغ طول الشارع 1200م تقريبا",
        "وأضاف ان العراق بأمس الحاجة إلى إقامة علاقات",  # most in need
        "عين مدراء عامين للإدارات",  # general managers
    ],
)
def test_not_a_date(text: str) -> None:
    assert tag_text(text, PUBLISHED) == []


def test_future_adverb_still_a_date() -> None:
    (timex,) = tag_text("هناك فرصة لتقوية الجيش الوطني مستقبلا.", PUBLISHED)
    assert timex.value == "FUTURE_REF"


def test_future_context_needs_a_known_verb() -> None:
    # ستافان (a name) is shaped like a future verb: the Thursday is the last one, not the next
    (timex,) = tag_text("وصل المبعوث ستافان دي ميستورا الخميس الى دمشق", "2015-07-24")
    assert timex.value == "2015-07-23"
