"""Arabic pages (a build whose theme.language is ar): the claims rules' Arabic forms, the FAQ's "؟" and anchors,
the reading-level estimate. Table-driven; messages exact; English behaviour unchanged."""
from __future__ import annotations

import json
import re

import pytest

from sitekit import arabic, faq, policy, readability
from sitekit.page import read

UK, EU, US, GENERIC = (policy.rules_for(p) for p in ("uk", "eu", "us", "generic"))
PRESETS = {"generic": GENERIC, "uk": UK, "eu": EU, "us": US}
PATH = "docs/ar/page.md"


def ar_page(text: str, path: str = PATH):
    return read(text, path, language="ar")


def hits(text: str, rules=UK, language="ar"):
    """(line, col, quoted text, rule) of each claim found on a page of ``language``."""
    page = read(text, PATH, language=language)
    return [(p.line, p.col, p.message.split('"')[1], p.message.split('"')[3]) for p in policy.check_page(page, rules)
            if "breaks the" in p.message]


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize("text, normal", [
    ("أإآٱ", "اااا"), ("مستشفى", "مستشفي"), ("عيادة", "عياده"), ("آمنٌ تماماً", "امن تماما"),
    ("الـــبوتوكس", "البوتوكس"), ("١٠٠٪", "100%"), ("۱۲", "12"), ("Botox", "Botox"),
])
def test_normalise_unifies_spellings(text, normal):
    assert arabic.normalise(text) == normal


def test_normalise_map_points_each_character_at_the_original():
    text = "هو آمنٌ تماماً"
    normal, origin = arabic.normalise_map(text)
    assert normal == "هو امن تماما" and len(origin) == len(normal) + 1
    start = normal.index("امن")
    assert arabic.span_in_original(origin, start, start + 3) == (3, 7)  # the mark after ن belongs to the word
    assert text[3:7] == "آمنٌ"


# ---------------------------------------------------------------- claims: every rule has Arabic forms


def test_every_rule_of_every_preset_has_arabic_forms_and_patterns_in_lower_case():
    for preset, rules in PRESETS.items():
        for rule in rules:
            assert rule.arabic, (preset, rule.id)
            assert all(p == p.lower() for p in rule.arabic), (preset, rule.id)
            assert rule.arabic_regex is not None and rule.arabic_keywords, (preset, rule.id)


def test_the_arabic_example_rewrites_break_no_rule_of_any_preset():
    for rules in PRESETS.values():
        for rule in rules:
            if rule.arabic_instead:
                assert hits(rule.arabic_instead + ".", rules) == [], (rule.id, rule.arabic_instead)


# text, rules, expected (line, col, text as written, rule)
CLAIMS = [
    # generic rules
    ("العلاج بدون ألم.", GENERIC, [(1, 8, "بدون ألم", "painless")]),
    ("الحقن لا تؤلم ولا وجع.", GENERIC, [(1, 7, "لا تؤلم", "painless"), (1, 15, "ولا وجع", "painless")]),
    ("الجلسة غير مؤلمة.", GENERIC, [(1, 8, "غير مؤلمة", "painless")]),
    ("نتائج دائمة.", GENERIC, [(1, 7, "دائمة", "permanent")]),
    ("نتائج تدوم مدى الحياة.", GENERIC, [(1, 7, "تدوم مدى الحياة", "permanent")]),
    ("النتائج مضمونة.", GENERIC, [(1, 9, "مضمونة", "guaranteed")]),
    ("نضمن لك النتائج مع ضمان كامل.", GENERIC, [(1, 1, "نضمن", "guaranteed"), (1, 20, "ضمان", "guaranteed")]),
    ("هو آمنٌ تماماً.", GENERIC, [(1, 4, "آمنٌ تماماً", "safe")]),
    ("آمن 100% وآمن ١٠٠٪.", GENERIC, [(1, 1, "آمن 100%", "safe"), (1, 10, "وآمن ١٠٠٪", "safe")]),
    ("علاج بدون مخاطر، خالٍ من المخاطر.", GENERIC, [(1, 6, "بدون مخاطر", "risk-free"), (1, 18, "خالٍ من المخاطر", "risk-free")]),
    ("بدون آثار جانبية.", GENERIC, [(1, 1, "بدون آثار جانبية", "no-side-effects")]),
    ("لا آثار جانبية.", GENERIC, [(1, 1, "لا آثار جانبية", "no-side-effects")]),
    ("لا تسبب أي آثار جانبية.", GENERIC, [(1, 1, "لا تسبب أي آثار جانبية", "no-side-effects")]),
    ("بدون فترة نقاهة.", GENERIC, [(1, 1, "بدون فترة نقاهة", "no-downtime")]),
    ("معجزة للبشرة.", GENERIC, [(1, 1, "معجزة", "miracle")]),
    ("علاج نهائي لتساقط الشعر.", GENERIC, [(1, 1, "علاج نهائي", "cure")]),
    ("نتائج فورية.", GENERIC, [(1, 1, "نتائج فورية", "instant-results")]),
    ("نتائج مذهلة.", GENERIC, [(1, 7, "مذهلة", "hype")]),
    ("مناسب للجميع.", GENERIC, [(1, 1, "مناسب للجميع", "for-everyone")]),
    ("لا تقلق، العلاج يناسب الجميع.", GENERIC, [(1, 17, "يناسب الجميع", "for-everyone")]),  # the negation is in another clause
    # honesty rules, every preset
    ("مثبت علمياً ومثبت سريرياً.", GENERIC, [(1, 1, "مثبت علمياً", "proven"), (1, 13, "ومثبت سريرياً", "proven")]),
    ("أثبتت الدراسات فعاليته.", GENERIC, [(1, 1, "أثبتت الدراسات", "proven")]),
    ("نتائج خلال أسبوعين.", GENERIC, [(1, 1, "نتائج خلال أسبوعين", "timed-result")]),
    ("نتائج من الجلسة الأولى.", GENERIC, [(1, 1, "نتائج من الجلسة الأولى", "timed-result")]),
    ("أفضل عيادة في لندن.", GENERIC, [(1, 1, "أفضل عيادة", "superlative-clinic")]),
    ("نحن العيادة الأولى.", GENERIC, [(1, 5, "العيادة الأولى", "superlative-clinic")]),
    ("اقرأ آراء مرضانا.", GENERIC, [(1, 6, "آراء مرضانا", "testimonial")]),
    ("تقييمات خمس نجوم.", GENERIC, [(1, 9, "خمس نجوم", "testimonial")]),
    ("المضاعفات نادرة جداً جداً.", GENERIC, [(1, 11, "نادرة جداً جداً", "understated-risk")]),
    ("لا داعي للقلق.", GENERIC, [(1, 1, "لا داعي للقلق", "understated-risk")]),
    ("تكاد لا توجد مخاطر.", GENERIC, [(1, 1, "تكاد لا توجد مخاطر", "understated-risk")]),
    # uk: prescription-only medicines, approval, spot fat loss (the attached و and ال count as the same word)
    ("جرّب البوتوكس والبوتوكس.", UK, [(1, 6, "البوتوكس", "pom-brand"), (1, 15, "والبوتوكس", "pom-brand")]),
    ("Botox هنا.", UK, [(1, 1, "Botox", "pom-brand")]),
    ("توكسين البوتولينوم.", UK, [(1, 1, "توكسين البوتولينوم", "pom-botulinum-toxin")]),
    ("حقن التجاعيد وحقن إزالة التجاعيد.", UK, [(1, 1, "حقن التجاعيد", "pom-euphemism"),
                                             (1, 14, "وحقن إزالة التجاعيد", "pom-euphemism")]),
    ("حقن مرخية للعضلات.", UK, [(1, 1, "حقن مرخية للعضلات", "pom-euphemism")]),
    ("حقن الفوسفاتيديل كولين.", UK, [(1, 5, "الفوسفاتيديل كولين", "unlicensed-product")]),
    ("معتمد من وزارة الصحة.", UK, [(1, 1, "معتمد من وزارة الصحة", "approval-claim")]),
    ("إذابة الدهون.", UK, [(1, 1, "إذابة الدهون", "spot-fat-loss")]),
    # eu and us
    ("بدون استشارة.", EU, [(1, 1, "بدون استشارة", "no-consultation-needed")]),
    ("طبيعي 100%.", EU, [(1, 1, "طبيعي 100%", "natural-so-safe")]),
    ("أفضل من الجراحة.", EU, [(1, 1, "أفضل من الجراحة", "better-than")]),
    ("يستخدمه المشاهير.", EU, [(1, 1, "يستخدمه المشاهير", "expert-endorsement")]),
    ("معتمد من FDA.", US, [(1, 1, "معتمد من FDA", "fda-approved")]),
    ("خسارة 5 كيلو.", US, [(1, 1, "خسارة 5 كيلو", "weight-loss")]),
    # more spellings and word orders
    ("جلسة بلا ألم.", GENERIC, [(1, 6, "بلا ألم", "painless")]),
    ("العلاج لا يؤلم.", GENERIC, [(1, 8, "لا يؤلم", "painless")]),
    ("كريم خالية من الآثار الجانبية.", GENERIC, [(1, 6, "خالية من الآثار الجانبية", "no-side-effects")]),
    ("ليس له آثار جانبية.", GENERIC, [(1, 1, "ليس له آثار جانبية", "no-side-effects")]),
    ("هو الأكثر أماناً.", GENERIC, [(1, 4, "الأكثر أماناً", "safe")]),
    ("بإشراف أفضل الأطباء.", GENERIC, [(1, 8, "أفضل الأطباء", "superlative-clinic")]),
    ("مرخص من هيئة الغذاء والدواء.", UK, [(1, 1, "مرخص من هيئة الغذاء والدواء", "approval-claim")]),
    ("حقن بيبي بوتوكس.", UK, [(1, 5, "بيبي بوتوكس", "pom-euphemism")]),  # one rule, not pom-brand too
    ("حقن الجلوتاثيون.", UK, [(1, 1, "حقن الجلوتاثيون", "unlicensed-product")]),
    ("حقن الجلوتاثيون.", US, []),  # the US rule names fewer products, in English as in Arabic
    ("شد الوجه بدون جراحة.", EU, [(1, 1, "شد الوجه بدون جراحة", "better-than")]),
    # a claim split over two lines counts at the line where it starts; columns count the editor's characters
    ("المقدمة.\nهذا العلاج بدون\nآثار جانبية.", GENERIC, [(2, 12, "بدون آثار جانبية", "no-side-effects")]),
    ("الْعِلَاجُ بِدُونِ أَلَمٍ.", GENERIC, [(1, 12, "بِدُونِ أَلَمٍ", "painless")]),
]


def test_every_rule_has_an_arabic_case():
    assert {hit[3] for _, _, expected in CLAIMS for hit in expected} == set(policy.ALL_RULE_IDS)


@pytest.mark.parametrize("text, rules, expected", CLAIMS)
def test_arabic_claims_are_found_with_line_and_column(text, rules, expected):
    assert hits(text, rules) == expected


# Honest Arabic sentences: no rule of any preset flags them.
HONEST = [
    "النتائج تختلف من شخص لآخر.",
    "الآثار الجانبية شائعة وعادة ما تكون خفيفة.",
    "استشارة مجانية.",
    "قد يشعر بعض الناس بألم خفيف.",
    "نعقم الأدوات لضمان سلامتك.",
    "الأدلة غير مثبتة علمياً بعد، ولم تثبت الدراسات فعاليته.",
    "العلاج ليس مناسباً للجميع.",
    "المضاعفات الخطيرة نادرة جداً.",
    "لا تظهر النتائج فوراً دائماً.",
    "تشفى الكدمات عادة خلال أيام.",
    "الممرضة معتمدة من مجلس التمريض والقبالة.",
    "يوصي الأطباء بتجنب الشمس بعد الجلسة.",
    "تحدد الاستشارة ما إذا كان العلاج مناسباً لك.",
    "اتصل بنا دائماً إذا ظهر احمرار شديد.",
    "قد يلاحظ بعض الناس تغيراً بعد جلسة واحدة.",
    "تتلاشى النتائج مع الوقت.",
    "لا يوجد مزيج واحد يناسب الجميع. يختار المعالج المكونات بما يتناسب مع جلدك.",
    "الميزوثيرابي ليس علاجاً لإنقاص الوزن.",
    "يختلف الأمر من شخص لآخر، والاستشارة تحدد ما يناسبك.",
    "يستخدم المعالج حقن الميزوثيرابي لتحسين مظهر التجاعيد الدقيقة.",
    "تناقش الاستشارة المنتجات المستخدمة وما هي مرخصة له.",
]


@pytest.mark.parametrize("text", HONEST)
def test_honest_arabic_is_not_flagged_by_any_preset(text):
    for preset, rules in PRESETS.items():
        assert hits(text, rules) == [], preset


def test_the_arabic_message_keeps_the_english_rule_and_adds_an_arabic_example():
    problems = policy.check_page(ar_page("العلاج بدون ألم."), GENERIC)
    assert [str(p) for p in problems] == [
        'docs/ar/page.md:1:8: "بدون ألم" breaks the "painless" rule: most people feel some discomfort from '
        'injections, so promising none misleads patients — say "most people feel only mild discomfort", in Arabic '
        'e.g. "يشعر معظم الناس بانزعاج خفيف فقط" (or, if it is acceptable here, end the line with '
        '<!-- policy: allow painless — the reason -->)']


def test_an_allow_comment_names_the_same_rule_in_arabic():
    text = 'يسأل المرضى "هل هو بدون ألم؟" <!-- policy: allow painless — quoting a patient\'s question -->\n'
    assert policy.check_page(ar_page(text), GENERIC) == []


def test_english_pages_do_not_run_the_arabic_forms_and_arabic_pages_still_run_the_english_ones():
    assert hits("العلاج بدون ألم.", GENERIC, language="en") == []
    assert hits("It is painless. العلاج بدون ألم.", GENERIC) == [(1, 7, "painless", "painless"),
                                                                 (1, 24, "بدون ألم", "painless")]


def test_the_keyword_prefilter_gives_the_same_result_on_arabic_pages():
    text = "\n".join(t for t, _, _ in CLAIMS) + "\n" + "\n".join(HONEST)
    page = ar_page(text)
    for rules in PRESETS.values():
        assert policy.check_page(page, rules) == policy.check_page(page, rules, prefilter=False)


def test_a_clinics_own_rule_in_arabic_matches_any_spelling():
    rules = policy.rules_for("generic", [{"id": "cheap", "phrases": ["أرخص سعر"], "why": "prices vary",
                                          "instead": "give the price list"}])
    assert [h[3] for h in hits("لدينا ارخص سعر.", rules)] == ["cheap"]


# ---------------------------------------------------------------- FAQ


def faq_text(*questions: str, answer: str = "الجواب هنا بكلمات قليلة.") -> str:
    body = "".join(f"## {q}\n\n{answer}\n\n" for q in questions)
    return f"---\ntitle: أسئلة\nfaq: true\n---\n\n# أسئلة وأجوبة\n\n{body}"


@pytest.mark.parametrize("question, expected", [
    ("هل تؤلم الجلسة؟", []),
    ("هل تؤلم الجلسة?", ['docs/ar/faq.md:8: question "هل تؤلم الجلسة?" ends with the Latin "?" — end it with the '
                         'Arabic question mark "؟" instead (it faces the right way in right-to-left text)']),
    ("هل تؤلم الجلسة", ['docs/ar/faq.md:8: question "هل تؤلم الجلسة" does not end with "؟" — end the heading with '
                        'the Arabic question mark "؟"; if it is not a question, move it into an answer as plain text']),
])
def test_arabic_questions_end_with_the_arabic_question_mark(question, expected):
    items, problems = read(faq_text(question), "docs/ar/faq.md", language="ar").faq
    assert [str(p) for p in problems] == expected


def test_english_questions_keep_their_messages():
    text = faq_text("Does it hurt").replace("أسئلة وأجوبة", "Questions")
    _, problems = read(text, "docs/faq.md").faq
    assert [str(p) for p in problems] == [
        'docs/faq.md:8: question "Does it hurt" does not end with "?" — end the heading with a question mark; '
        'if it is not a question, move it into an answer as plain text']


def test_arabic_faq_format_mistakes_name_the_arabic_mark():
    text = ("---\ntitle: أسئلة\nfaq: true\n---\n\n# أسئلة\n\nهل هذا سؤال؟\n\nس: هل يؤلم؟\nج: قليلاً.\n\n"
            "## هل هو مناسب لي؟\n\nتحدد الاستشارة ذلك.\n\n## هل هو مناسب لي ؟\n\nنعم.\n")
    _, problems = read(text, "docs/ar/faq.md", language="ar").faq
    assert [str(p) for p in problems] == [
        'docs/ar/faq.md:8: the introduction asks "هل هذا سؤال؟" — make it a question heading: "## هل هذا سؤال؟" with '
        'its answer below',
        'docs/ar/faq.md:10: old "Q:" / "A:" format (2 lines from line 10) — turn each "Q: …" line into a "## …؟" '
        'heading and delete the "A:" in front of its answer',
        'docs/ar/faq.md:17: question "هل هو مناسب لي ؟" is already asked on line 13 — delete one of them, or merge '
        'the two answers into one']


@pytest.mark.parametrize("question, language, anchor", [
    ("هل تؤلم الميزوثيرابي؟", "ar", "هل-تؤلم-الميزوثيرابي"),
    ("هَلْ تُؤْلِمُ الـميزوثيرابي؟", "ar", "هل-تؤلم-الميزوثيرابي"),  # marks and tatweel do not change the anchor
    ("كم سعر الجلسة (بالجنيه)؟", "ar", "كم-سعر-الجلسة-بالجنيه"),
    ("هل يمكنني استخدام Retinol؟", "ar", "هل-يمكنني-استخدام-retinol"),
    ("Does mesotherapy hurt?", "en", "does-mesotherapy-hurt"),
    ("Café au lait?", "en", "cafe-au-lait"),
])
def test_question_anchors_are_readable_in_each_language(question, language, anchor):
    assert faq.slugify(question, language) == anchor


def test_a_question_keeps_its_own_id():
    """A translated FAQ may keep the English page's ids ({ #does-it-hurt }), so links work in both languages."""
    record = read(faq_text("هل تؤلم الجلسة؟ { #does-it-hurt }", "كم تدوم الجلسة؟"), "docs/ar/faq.md", language="ar")
    items, problems = record.faq
    assert problems == [] and [i.anchor for i in items] == ["does-it-hurt", "كم-تدوم-الجلسة"]
    assert [i.question for i in items] == ["هل تؤلم الجلسة؟", "كم تدوم الجلسة؟"]


def test_arabic_questions_get_their_anchors_and_faqpage_names():
    record = read(faq_text("هل تؤلم الجلسة؟", "كم تدوم الجلسة؟"), "docs/ar/faq.md", language="ar")
    items, problems = record.faq
    assert problems == []
    assert [(i.question, i.anchor) for i in items] == [("هل تؤلم الجلسة؟", "هل-تؤلم-الجلسة"),
                                                       ("كم تدوم الجلسة؟", "كم-تدوم-الجلسة")]
    marked = faq.add_anchors(record.body, items)
    assert "## هل تؤلم الجلسة؟ {#هل-تؤلم-الجلسة}" in marked
    html = '<h2 id="هل-تؤلم-الجلسة">هل تؤلم الجلسة؟</h2><p>قليلاً.</p><h2 id="كم-تدوم-الجلسة">كم تدوم الجلسة؟</h2><p>ساعة.</p>'
    data = faq.faq_jsonld(items, faq.answers_from_html(html, items), "https://example.org/ar/faq/")
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]] == [
        ("هل تؤلم الجلسة؟", "قليلاً."), ("كم تدوم الجلسة؟", "ساعة.")]
    json.dumps(data, ensure_ascii=False)


def test_only_builds_outside_english_change_the_heading_anchors():
    assert "slugify" not in faq.toc_settings({"toc": {"permalink": True}}, "en")
    assert faq.toc_settings({"toc": {"permalink": True}}, "ar") == {"permalink": True, "slugify": faq.heading_slugify}
    own = object()
    assert faq.toc_settings({"toc": {"slugify": own}}, "ar")["slugify"] is own  # mkdocs.yml's own choice stays
    assert faq.heading_slugify("الآثار الجانبية: ماذا تتوقع؟", "-") == "الآثار-الجانبية-ماذا-تتوقع"


def test_the_real_faq_anchors_are_unchanged():
    from conftest import ROOT

    items, _ = read((ROOT / "docs/faq.md").read_text(encoding="utf-8"), "docs/faq.md").faq
    for item in items:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", item.anchor), item.anchor
        assert faq.slugify(item.question) == faq.slugify(item.question, "en") == item.anchor


# ---------------------------------------------------------------- reading level


@pytest.mark.parametrize("text, words, letters", [
    ("يشعر معظم الناس بانزعاج خفيف فقط.", 6, 27),
    ("الْعِلَاجُ بـــسيط", 2, 10),  # marks and tatweel are not letters
    ("اتصل على 020 7946 0000 الآن", 3, 11),  # numbers are not words
])
def test_arabic_words_and_letters(text, words, letters):
    assert readability.arabic_counts(text) == (words, letters)


def test_the_arabic_grade_is_the_documented_formula():
    sentences = ["يشعر معظم الناس بانزعاج خفيف فقط.", "تتلاشى النتائج مع الوقت."]
    words, letters = 10, 27 + 20
    expected = 0.39 * words / 2 + 3 * letters / words - 12
    assert readability.arabic_grade(sentences) == pytest.approx(expected)
    assert readability.arabic_grade([]) == 0


def test_arabic_sentences_end_at_arabic_marks_and_line_breaks():
    text = "---\ntitle: س\n---\n\nهل يؤلم؟ قليلاً؛ ثم يزول. انتهى!\nسطر ثانٍ\n\n- بند في قائمة\n"
    assert [(s.line, s.text) for s in readability.sentences_of(ar_page(text))] == [
        (5, "هل يؤلم؟"), (5, "قليلاً؛"), (5, "ثم يزول."), (5, "انتهى!"), (6, "سطر ثانٍ"), (8, "بند في قائمة")]


EASY = "يشعر معظم الناس بانزعاج خفيف فقط. تتلاشى النتائج مع الوقت. تساعد جلسات المتابعة على ذلك. اتصل بالعيادة إذا ظهر احمرار شديد.\n"
HARD = ("إن المعالجة الميزوثيرابية المتمثلة بالحقن الجلدية المتعددة والمتكررة للمستحضرات الدوائية والفيتامينية "
        "والمعدنية تستهدف تحسين المظهر الخارجي للبشرة والتخفيف من مظاهر الشيخوخة المبكرة والترهلات الجلدية.\n")


def test_plain_arabic_passes_and_hard_arabic_names_its_hardest_sentences():
    assert readability.check_page(ar_page("---\ntitle: س\n---\n" + EASY + EASY)) == []
    problems = readability.check_page(ar_page("---\ntitle: س\n---\n" + EASY + HARD))
    assert [str(p) for p in problems] == [
        'docs/ar/page.md:5: reading grade 9.8 (the Arabic estimate from 9.0 words a sentence and 6.1 letters a '
        'word) is above the limit of 9; the hardest sentences are line 5: "إن المعالجة الميزوثيرابية المتمثلة '
        'بالحقن الجلدية المتعددة والمتكررة…"; line 4: "تتلاشى النتائج مع الوقت."; line 4: "تساعد جلسات المتابعة '
        'على ذلك." — split long sentences in two (about 15 words at most) and use shorter, everyday words']
    assert problems[0].check == "readability" and problems[0].severity == "warning"
    assert readability.check_page(ar_page("---\ntitle: س\n---\n" + EASY + HARD), max_grade=12) == []


def test_english_pages_keep_flesch_kincaid():
    text = "---\ntitle: t\n---\n" + ("Mesotherapy administers microinjections of pharmaceutical preparations "
                                       "intradermally, stimulating fibroblast proliferation considerably. ") * 3
    page = read(text, "docs/page.md")
    assert readability.check_page(page, max_grade=1)[0].message.startswith("reading grade ")
    assert "Arabic" not in readability.check_page(page, max_grade=1)[0].message


# ---------------------------------------------------------------- make check: pages the build did not read


@pytest.mark.parametrize("relative, config, language", [
    ("faq.md", {}, "en"),
    ("ar/faq.md", {"extra": {"languages": [{"code": "en"}, {"code": "ar"}]}}, "ar"),
    ("ar/faq.md", {}, "en"),  # without extra.languages, docs/ar is just a folder of the English site
    ("en/faq.md", {"extra": {"languages": [{"code": "en"}, {"code": "ar"}]}}, "en"),
    ("faq.md", {"theme": {"language": "ar"}}, "ar"),
])
def test_make_check_reads_a_page_in_its_own_language(relative, config, language):
    from pathlib import Path

    import check

    assert check.language_of_file(Path(relative), config) == language


def test_make_check_checks_arabic_pages_in_arabic_and_skips_dotted_folders(tmp_path):
    import check

    config = {"extra": {"languages": [{"code": "en"}, {"code": "ar"}]}}
    (tmp_path / "docs/ar/.sources").mkdir(parents=True)
    (tmp_path / "docs/ar/page.md").write_text("---\ntitle: صفحة\n---\n\nالعلاج بدون ألم.\n", encoding="utf-8")
    (tmp_path / "docs/ar/.sources/page.md").write_text("No front matter; the treatment is painless.\n", encoding="utf-8")
    problems = check.check_pages(tmp_path, config, "site_name: x\n", settings_checked=True)
    assert {(p.path, p.line, p.col) for p in problems if p.check == "policy"} == {("docs/ar/page.md", 5, 8)}
    assert not [p for p in problems if ".sources" in p.path]
