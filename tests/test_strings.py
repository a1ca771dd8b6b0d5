"""The site's fixed wording (overrides/locales/*.yml, sitekit.strings, hooks/strings.py): the catalogs' checks with
their exact messages, every key a template uses in every catalog, the Arabic edition of the real site (/ar/ of
its one build: the wording, isolated phone numbers and times, Material's right-to-left rules), the English
build's wording, and the page-weight budget with the right-to-left rules in the English stylesheet."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from conftest import ROOT, Build, Project, site_config
from sitekit import cssprune, strings
from sitekit.problems import Problem

LOCALES = ROOT / "overrides" / strings.FOLDER
CATALOG_FILES = sorted(LOCALES.glob("*.yml"))


def load(code: str, root: Path = ROOT) -> strings.Catalog:
    catalog, problems = strings.load(root / "overrides" / strings.FOLDER, code, "overrides/locales")
    assert problems == [] and catalog is not None
    return catalog


def text_of(element) -> str:
    return " ".join(element.get_text().split())


def plain(value: str, **values) -> str:
    """A catalog text filled in as the page shows it (as text)."""
    return " ".join(str(strings.fill(value, **values)).replace("&#39;", "'").replace("&#34;", '"')
                    .replace("&amp;", "&").split())


# ---------------------------------------------------------------- reading a catalog

@pytest.mark.parametrize("text, problems", [
    ("a.b: One\nc: [x, y]\n", []),
    ("a.b: One\na.b: Two\n", [Problem("x.yml", 2, "a.b is written twice (also line 1)", "keep one of them")]),
    ("a.b:\n", [Problem("x.yml", 1, "a.b has no text", 'write the text after "a.b: "')]),
    ("a.b: [x, [y]]\n", [Problem("x.yml", 1, "a.b has no text", 'write the text after "a.b: "')]),
    ("- one\n", [Problem("x.yml", 1, "is not a list of key: text lines",
                         "write one key: text per line, e.g. book_bar.book: Book a free consultation")]),
    ("a: b\n  c: d: e\n", [Problem("x.yml", 2, "is not valid YAML (mapping values are not allowed here)",
                                   "write one key: text per line; put text with a colon or # in double quotes")]),
])
def test_parse(text, problems):
    assert strings.parse(text, "xx", "x.yml")[1] == problems


def test_parse_keeps_lines_and_lists():
    catalog, _ = strings.parse("# c\na: One\nb: \"Two: {x}\"\nc:\n  - x\n  - y\nd: z\n", "xx", "x.yml")
    assert catalog.values == {"a": "One", "b": "Two: {x}", "c": ["x", "y"], "d": "z"}
    assert catalog.lines == {"a": 2, "b": 3, "c": 4, "d": 7}
    assert catalog.ends["c"] == 6


def test_a_missing_catalog():
    assert strings.load(ROOT / "overrides" / strings.FOLDER, "zz", "overrides/locales") == (None, [Problem(
        "overrides/locales/zz.yml", 1, "is missing: the site is built in the language zz",
        "copy overrides/locales/en.yml to zz.yml and translate each text")])


# ---------------------------------------------------------------- a translation against the English catalog

EN = "a: A {x}\nb: B\nc: [1, 2]\nd: D {y}\n"


@pytest.mark.parametrize("text, problems", [
    ("a: á {x}\nb: b\nc: [١, ٢]\nd: \"{y} د\"\n", []),
    ("a: á {x}\nc: [١, ٢]\nd: \"{y} د\"\n", [Problem("t.yml", 2, "b is missing", "add it here with the tt text (e.yml:2 has the English)")]),
    ("c: [١, ٢]\n", [Problem("t.yml", 1, "a is missing", "add it here with the tt text (e.yml:1 has the English)"),
                     Problem("t.yml", 1, "b is missing", "add it here with the tt text (e.yml:2 has the English)"),
                     Problem("t.yml", 2, "d is missing", "add it here with the tt text (e.yml:4 has the English)")]),
    ("a: á {x}\nb: b\nc: [١, ٢]\nd: \"{y} د\"\ne: extra\n",
     [Problem("t.yml", 5, "e is not in e.yml", "remove it, or add it to e.yml first (the English text is the reference)")]),
    ("a: á\nb: b {x}\nc: [١, ٢]\nd: \"{y} د\"\n", [
        Problem("t.yml", 1, "a lacks {x}, unlike e.yml:1", "put each {name} of the English text in the translation "
                "once: the site puts the value (a phone number, a name) there"),
        Problem("t.yml", 2, "b has {x}, which e.yml:2 does not have",
                "remove it: the site fills in only the English text's {names}")]),
    ("a: á {x}\nb: b\nc: ١\nd: \"{y} د\"\n", [Problem("t.yml", 3, "c is not a list of 2 texts, as in e.yml:3", "write a list of 2 texts")]),
    ("a: á {x}\nb: [b]\nc: [١, ٢, ٣]\nd: \"{y} د\"\n", [
        Problem("t.yml", 2, "b is not one text, as in e.yml:2", "write one text"),
        Problem("t.yml", 3, "c is not a list of 2 texts, as in e.yml:3", "write a list of 2 texts")]),
])
def test_compare(text, problems):
    english, _ = strings.parse(EN, "en", "e.yml")
    catalog, found = strings.parse(text, "tt", "t.yml")
    assert found == []
    assert strings.compare(catalog, english) == problems


def test_a_template_key_the_english_catalog_lacks():
    english, _ = strings.parse(EN, "en", "e.yml")
    templates = {"overrides/x.html": '{{ t["a"] }}\n<p>{{ t[\'zz.top\'] | fill(x=1) }}</p> {{ t["day." ~ d] }}'}
    assert strings.template_uses(templates["overrides/x.html"]) == [("a", 1), ("zz.top", 2)]
    assert strings.check_templates(templates, english) == [Problem(
        "overrides/x.html", 2, 't["zz.top"] is not in e.yml', "add zz.top to e.yml and to every other catalog")]


# ---------------------------------------------------------------- the helpers the templates use

@pytest.mark.parametrize("text, values, expected", [
    ("or call {phone}", {"phone": Markup('<a dir="ltr">1 2</a>')}, 'or call <a dir="ltr">1 2</a>'),
    ("Cost at {clinic}", {"clinic": "A & B <C>"}, "Cost at A &amp; B &lt;C&gt;"),
    ("It's <{n}>", {"n": 3}, "It&#39;s &lt;3&gt;"),
    ("{a} and {a}", {"a": Markup("<b>x</b>")}, "<b>x</b> and <b>x</b>"),
])
def test_fill(text, values, expected):
    assert strings.fill(text, **values) == Markup(expected)


def test_fill_needs_every_value():
    with pytest.raises(strings.MissingString, match=r'the text "call \{phone\}" has \{phone\}, which the template'):
        strings.fill("call {phone}")


def test_strings_fall_back_to_english_and_name_a_key_no_catalog_has():
    t = strings.Strings({"a": "ا"}, {"a": "A", "b": "B"}, "ar", "overrides/locales/ar.yml")
    assert (t["a"], t["b"], t.dir) == ("ا", "B", "rtl")
    with pytest.raises(strings.MissingString, match=r'overrides/locales/ar.yml: the templates use t\["c"\], which no catalog has'):
        t["c"]
    t.reported = True  # the build has said what is wrong and stops once every page was read
    assert t["c"] == "[c]"


def test_day_runs():
    hours = [{"days": ["Monday", "Tuesday", "Wednesday", "Friday"], "opens": "09:00", "closes": "18:00"},
             {"days": ["Saturday"], "opens": "10:00", "closes": "14:00"}, {"days": [], "opens": "1", "closes": "2"}]
    assert strings.day_runs(hours) == [
        {"runs": [["Monday", "Tuesday", "Wednesday"], ["Friday"]], "opens": "09:00", "closes": "18:00"},
        {"runs": [["Saturday"]], "opens": "10:00", "closes": "14:00"}]


@pytest.mark.parametrize("build, languages, expected", [
    (None, None, False), ("en", None, False), ("ar", None, True), ("fa_IR", None, True), ("he-IL", [], True),
    ("en", [{"code": "en"}, {"code": "ar"}], True), ("en", [{"code": "en"}, {"code": "de"}], False),
    ("en", [{"code": "en"}, {"code": "xx", "dir": "rtl"}], True), ("en", [{"code": "ar", "dir": "ltr"}], False),
])
def test_has_rtl(build, languages, expected):
    assert strings.has_rtl(build, languages) is expected


@pytest.mark.parametrize("css, rtl, expected", [
    ("[dir=rtl] .a{x:1}[dir=ltr] .a{x:2}", False, "[dir=ltr] .a{x:2}"),
    ("[dir=rtl] .a{x:1}[dir=ltr] .a{x:2}", True, "[dir=rtl] .a{x:1}[dir=ltr] .a{x:2}"),
    (".a:dir(rtl){x:1}", True, ".a:dir(rtl){x:1}"),
    ("[dir=rtl] .zz{x:1}", True, ""),
])
def test_right_to_left_rules_are_kept_only_for_a_right_to_left_site(css, rtl, expected):
    assert cssprune.prune(css, cssprune.Keep(frozenset({"a"}), rtl=rtl)) == expected


# ---------------------------------------------------------------- the real catalogs

def test_every_key_a_template_uses_is_in_every_catalog():
    english = load("en")
    templates = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
                 for path in sorted((ROOT / "overrides").rglob("*.html"))}
    used = {key for text in templates.values() for key, _ in strings.template_uses(text)}
    assert len(used) > 50 and "book_bar.book" in used
    assert strings.check_templates(templates, english) == []
    for path in CATALOG_FILES:
        catalog = load(path.stem)
        assert used <= set(catalog.values), f"{path.name} lacks {sorted(used - set(catalog.values))}"
        assert set(strings.day_keys()) <= set(catalog.values)


@pytest.mark.parametrize("path", CATALOG_FILES, ids=lambda p: p.name)
def test_every_catalog_has_the_english_keys_and_placeholders(path):
    assert len(CATALOG_FILES) >= 2
    assert strings.compare(load(path.stem), load("en")) == []
    assert len(load(path.stem).values["date.months"]) == 12


# ---------------------------------------------------------------- builds

@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    """The Arabic edition of the site: /ar/ of its one build (docs/ar/, README "Languages"), with its translations
    medically reviewed (a pending one shows a banner instead of the review line this file reads)."""
    project = Project(tmp_path_factory.mktemp("arabic") / "project")
    assert project.review_translations(), "docs/ar/ has no pages: is ar in extra.languages?"
    result = project.build()
    assert result.returncode == 0, result.output
    return Build(result.returncode, result.output, result.site / "ar")


CLINIC = site_config()["extra"]["clinic"]


def urgent_page() -> str:
    from sitekit.topics import DEFAULT_PAGES

    topics = (site_config()["extra"].get("policy") or {}).get("topics") or DEFAULT_PAGES
    return topics["warning-signs"].removesuffix(".md").removesuffix("index") + "/"


def test_the_arabic_build_shows_the_arabic_wording(arabic):
    ar = load("ar").values
    page = BeautifulSoup(arabic.page(urgent_page()), "html.parser")
    assert page.body["dir"] == "rtl"
    bar = page.select_one(".book-bar")
    assert text_of(bar.select_one(".book-bar__book")) == ar["book_bar.book"]
    assert text_of(bar.select_one(".book-bar__call")) == plain(ar["book_bar.call"], phone=CLINIC["phone"])
    assert text_of(page.select_one("#page-cta-title")) == ar["page_end.title"]
    review = text_of(page.select_one(".page-review"))
    assert ar["review.disclaimer_link"] in review and any(month in review for month in ar["date.months"])
    labels = [text_of(label) for label in page.select(".topic-box__label")]
    assert ar["warning.title"] in labels and ar["complaints.title"] in labels
    urgent = page.select_one(".topic-box--urgent")
    first_day = CLINIC["opening_hours"][0]["days"][0]  # the clinic's own hours, as staff set them
    assert ar[f"day.{first_day}"] in text_of(urgent)
    assert all(bdi.get_text() and ":" in bdi.get_text() for bdi in urgent.select("li bdi")[:1])
    # Phone numbers and emails stay left to right inside the Arabic sentences.
    phones = [a for a in page.select('a[href^="tel:"]') if a.get_text() == CLINIC["phone"]]
    assert phones and all(a.get("dir") == "ltr" for a in phones)
    assert all(a.get("dir") == "ltr" for a in page.select('a[href^="mailto:"]'))
    assert page.select_one(".site-footer__hours bdi").get_text().count(":") == 2


def test_the_arabic_booking_form(arabic):
    ar = load("ar").values
    booking_page = site_config()["extra"]["booking"].get("page", "book.md").removesuffix(".md") + "/"
    page = BeautifulSoup(arabic.page(booking_page), "html.parser")
    form = page.select_one(".booking-form")
    assert text_of(page.select_one("#booking-heading")) == ar["booking.form_title"]
    assert text_of(form.select_one("button[type=submit]")) == ar["booking.submit"]
    assert form.select_one("[name=name]")["data-required"] == ar["booking.name_required"]
    first_day = CLINIC["opening_hours"][0]["days"][0]  # the form offers the clinic's own days
    assert ar[f"day.{first_day}"] in [text_of(label) for label in form.select("label")]
    assert text_of(form.select_one("select option[value='']")) == ar["booking.treatment_unsure"]
    messages = json.loads(page.select_one("#booking-form-messages").string)
    assert messages == {key.rsplit(".", 1)[1]: value for key, value in ar.items() if key.startswith("booking.status.")}
    # What the clinic receives stays in English (the editors' language).
    assert form.select_one("[name=preferred_days]")["value"] == first_day


def test_the_arabic_build_keeps_the_right_to_left_rules(arabic, built, project):
    """Each language's build prunes its own stylesheet for its own writing direction (README "Page weight")."""
    css = (arabic.site / cssprune.OUTPUT).read_text(encoding="utf-8")
    assert "[dir=rtl]" in css and "[dir=ltr]" not in css and ":lang(ar)" in css
    english = (built.site / cssprune.OUTPUT).read_text(encoding="utf-8")
    assert "[dir=rtl]" not in english and "[dir=ltr]" in english
    project.one_language()
    english_only = project.build()
    assert english_only.returncode == 0, english_only.output
    assert "[dir=rtl]" not in (english_only.site / cssprune.OUTPUT).read_text(encoding="utf-8")


def test_the_english_build_shows_the_english_wording(built):
    en = load("en").values
    page = BeautifulSoup(built.page(urgent_page()), "html.parser")
    assert text_of(page.select_one(".book-bar")) == f'{en["book_bar.book"]} {plain(en["book_bar.call"], phone=CLINIC["phone"])}'
    hours = text_of(page.select_one(".site-footer__hours"))
    from sitekit.settings import opening_hours_text
    assert hours == plain(en["footer.hours"], hours="; ".join(opening_hours_text(CLINIC["opening_hours"])))
    assert not (built.site / strings.FOLDER).exists()  # the catalogs are not published


def catalog_line(text: str, key: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(key + ":"))


def test_a_missing_or_unknown_key_stops_the_build_with_file_and_line(project):
    assert (project.root / "docs" / "ar").is_dir()  # the one build makes /ar/ with overrides/locales/ar.yml
    ar_text, en_text = project.read("overrides/locales/ar.yml"), project.read("overrides/locales/en.yml")
    before = catalog_line(ar_text, "book_bar.book")
    lines = [line for line in ar_text.splitlines() if not line.startswith("book_bar.call:")]
    project.write("overrides/locales/ar.yml", "\n".join(lines) + "\nbook_bar.extra: نص\n")
    added = len(lines) + 1
    bar = project.read("overrides/partials/book-bar.html")
    project.write("overrides/partials/book-bar.html", bar.replace('{{ t["book_bar.book"] }}', '{{ t["book_bar.nope"] }}', 1))
    bar_line = catalog_line_of_use(project.read("overrides/partials/book-bar.html"), "book_bar.nope")
    # A box rendered while the pages are read (before the build stops) with a key no catalog has: reported, no crash.
    box = project.read("overrides/partials/topics/warning-signs.html")
    project.write("overrides/partials/topics/warning-signs.html", box.replace('t["warning.title"]', 't["warning.nope"]', 1))
    result = project.build()
    assert result.returncode == 1
    assert (f"overrides/locales/ar.yml:{before + 1}: book_bar.call is missing — add it here with the ar text "
            f"(overrides/locales/en.yml:{catalog_line(en_text, 'book_bar.call')} has the English)") in result.output
    assert (f"overrides/locales/ar.yml:{added}: book_bar.extra is not in overrides/locales/en.yml — remove it, or add "
            "it to overrides/locales/en.yml first (the English text is the reference)") in result.output
    assert (f'overrides/partials/book-bar.html:{bar_line}: t["book_bar.nope"] is not in overrides/locales/en.yml — '
            "add book_bar.nope to overrides/locales/en.yml and to every other catalog") in result.output
    assert 't["warning.nope"] is not in overrides/locales/en.yml' in result.output
    assert "4 problems in the string catalogs (listed above)" in result.output and "Traceback" not in result.output


def catalog_line_of_use(text: str, key: str) -> int:
    return next(line for found, line in strings.template_uses(text) if found == key)


# ---------------------------------------------------------------- page weight with the right-to-left rules

def test_a_stylesheet_keeps_the_rules_of_its_own_direction_only(built):
    """The same built pages pruned for right-to-left and for left-to-right text: each keeps its own direction's
    rules of Material's and drops the other's, so neither language pays for the other's."""
    rtl, ltr = (cssprune.site_stylesheet(built.site, rtl=value) for value in (True, False))
    assert "[dir=rtl]" in rtl and "[dir=ltr]" not in rtl
    assert "[dir=ltr]" in ltr and "[dir=rtl]" not in ltr




@pytest.mark.parametrize("text, parts", [
    ("اتصل على 020 7946 0998 واتبع الرسالة", [("اتصل على ", False), ("020 7946 0998", True), (" واتبع الرسالة", False)]),
    ("اكتب إلى a.b@clinic.example، أو اتصل", [("اكتب إلى ", False), ("a.b@clinic.example", True), ("، أو اتصل", False)]),
    ("خلال 5 أيام", [("خلال ", False), ("5", True), (" أيام", False)]),
    ("السعر £150 للجلسة", [("السعر ", False), ("£150", True), (" للجلسة", False)]),
    ("+44 20 7946 0999", [("+44 20 7946 0999", True)]),
    ("نص عربي فقط", [("نص عربي فقط", False)]),
    ("", []),
])
def test_ltr_runs_finds_what_reads_left_to_right_in_arabic_text(text, parts):
    assert strings.ltr_runs(text) == parts
    assert "".join(part for part, _ in parts) == text
