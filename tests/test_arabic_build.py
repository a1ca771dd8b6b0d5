"""The Arabic build (one build of the site makes /ar/ from docs/ar/, README "Languages") runs the Arabic checks on
its pages, with docs/ar/FILE.md:LINE messages in English. The Arabic FAQ here is this file's own: a complete
translation (translated_from recorded as `make translations RECORD=…` does, reviewed by the site's reviewer), so
what is said about it is only the Arabic rules'."""
from __future__ import annotations

import html as html_lib
import json
import re

from conftest import front_matter, other_languages


def arabic_site(project, faq_body: str) -> None:
    """The copy's Arabic FAQ (docs/ar/faq.md) becomes ``faq_body``; every translation recorded and reviewed."""
    assert "ar" in other_languages(project.root), "extra.languages in mkdocs.yml has no ar"
    project.write("docs/ar/faq.md", front_matter("أسئلة وأجوبة", "إجابات قصيرة عن الأسئلة الشائعة حول الميزوثيرابي وما يمكن توقعه.",
                                                 faq=True) + "\n# أسئلة وأجوبة\n\n" + faq_body)
    project.record_translations()
    project.review_translations()


GOOD_FAQ = ("## هل تؤلم الجلسة؟\n\nيشعر معظم الناس بانزعاج خفيف فقط.\n\n"
            "## كم تدوم النتائج؟\n\nتتلاشى النتائج مع الوقت، وقد تساعد جلسات المتابعة.\n\n"
            "### ما الذي يحدد ذلك\n\nتحدد الاستشارة ما إذا كان العلاج مناسباً لك.\n")


def test_arabic_problems_stop_the_build_naming_the_file_and_line(project):
    arabic_site(project, "## هل تؤلم الجلسة?\n\nالجلسة بدون ألم.\n\n## كم تدوم النتائج\n\nنتائج دائمة.\n")
    project.write("docs/ar/conclusion.md", project.read("docs/ar/conclusion.md") + "\nنضمن لك نتائج فورية.\n")
    faq_lines = project.read("docs/ar/faq.md").splitlines()
    conclusion = len(project.read("docs/ar/conclusion.md").splitlines())
    line = {text: n for n, text in enumerate(faq_lines, 1)}
    result = project.build()
    assert result.returncode != 0
    expected = [
        f'docs/ar/faq.md:{line["## هل تؤلم الجلسة?"]}: question "هل تؤلم الجلسة?" ends with the Latin "?" — end it '
        'with the Arabic question mark "؟" instead (it faces the right way in right-to-left text)',
        f'docs/ar/faq.md:{line["الجلسة بدون ألم."]}:8: "بدون ألم" breaks the "painless" rule: most people feel some '
        'discomfort from injections, so promising none misleads patients — say "most people feel only mild '
        'discomfort", in Arabic e.g. "يشعر معظم الناس بانزعاج خفيف فقط" (or, if it is acceptable here, end the '
        'line with <!-- policy: allow painless — the reason -->)',
        f'docs/ar/faq.md:{line["## كم تدوم النتائج"]}: question "كم تدوم النتائج" does not end with "؟" — end the '
        'heading with the Arabic question mark "؟"; if it is not a question, move it into an answer as plain text',
        f'docs/ar/faq.md:{line["نتائج دائمة."]}:7: "دائمة" breaks the "permanent" rule',
        f'docs/ar/conclusion.md:{conclusion}:1: "نضمن" breaks the "guaranteed" rule',
        f'docs/ar/conclusion.md:{conclusion}:9: "نتائج فورية" breaks the "instant-results" rule',
    ]
    for message in expected:
        assert message in result.output, message
    assert "nothing was published" in result.output


def test_an_arabic_faq_builds_with_readable_anchors_and_faqpage_data(project):
    arabic_site(project, GOOD_FAQ)
    result = project.build()
    assert result.returncode == 0, result.output
    page = result.page("ar/faq/")
    assert re.search(r'<html[^>]* lang="ar"', page) and 'dir="rtl"' in page
    ids = re.findall(r'<h[23] id="([^"]+)"', page.split('<article', 1)[1].split("</article>", 1)[0])
    assert ids[:3] == ["هل-تؤلم-الجلسة", "كم-تدوم-النتائج", "ما-الذي-يحدد-ذلك"]
    assert not re.search(r'id="_\d+"', page)  # MkDocs' default would have named the Arabic headings _1, _2…
    blocks = [json.loads(html_lib.unescape(b)) for b in
              re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)]
    graph = [node for block in blocks for node in (block.get("@graph") or [block])]
    faq_page = next(node for node in graph if node.get("@type") == "FAQPage")
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in faq_page["mainEntity"]] == [
        ("هل تؤلم الجلسة؟", "يشعر معظم الناس بانزعاج خفيف فقط."),
        ("كم تدوم النتائج؟", "تتلاشى النتائج مع الوقت، وقد تساعد جلسات المتابعة.\n\nما الذي يحدد ذلك\n\n"
                             "تحدد الاستشارة ما إذا كان العلاج مناسباً لك.")]
    assert faq_page["mainEntity"][0]["@id"].endswith("/ar/faq/#هل-تؤلم-الجلسة")


def test_the_english_build_keeps_its_anchors(built):
    from sitekit.faq import slugify
    from sitekit.page import read
    from conftest import ROOT

    items, _ = read((ROOT / "docs/faq.md").read_text(encoding="utf-8"), "docs/faq.md").faq
    page = built.page("faq/")
    ids = re.findall(r'<h2 id="([^"]+)"', page.split('<article', 1)[1].split("</article>", 1)[0])
    assert ids[:len(items)] == [slugify(item.question) for item in items] and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
