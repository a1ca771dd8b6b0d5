"""Languages (README "Languages"): sitekit.languages table by table, extra.languages' messages, and builds of a
copy of the site in two languages (its real Arabic pages, docs/ar/, one of them left out to fall back to English)
and three (a French home page of this file's own, recorded as a translator records it)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import Project, booking_file, booking_url, front_matter, language_pages, nav_pages, site_config
from sitekit import languages as L
from sitekit import settings as s

EN = L.Language("en", "en_GB", "English", "ltr", default=True)
AR = L.Language("ar", "ar", "العربية", "rtl")
FR = L.Language("fr", "fr_FR", "Français")
ROOT_URL = "https://user.github.io/guide/"


# ---------------------------------------------------------------- sitekit.languages

@pytest.mark.parametrize("src_uri, directory_urls, expected", [
    ("index.md", True, ""), ("faq.md", True, "faq/"), ("a/index.md", True, "a/"), ("a/b.md", True, "a/b/"),
    ("faq.md", False, "faq.html"), ("index.md", False, "index.html"), ("README.md", True, ""),
])
def test_page_url_is_mkdocs_own(src_uri, directory_urls, expected):
    assert L.page_url(src_uri, directory_urls) == expected


@pytest.mark.parametrize("src_uri, expected", [
    ("ar/faq.md", True), ("ar/assets/x.svg", True), ("fr/index.md", True), ("faq.md", False),
    ("ar.md", False), ("arabic/faq.md", False), ("assets/ar/x.svg", False),
])
def test_other_languages_files_are_left_out_of_the_default_build(src_uri, expected):
    assert L.is_other_language(src_uri, ["ar", "fr"]) is expected


@pytest.mark.parametrize("raw, theme_language, docs_dir, expected", [
    ([{"code": "en"}, {"code": "ar"}], "ar", "/p/docs/ar", "ar"),
    ([{"code": "en"}, {"code": "ar"}], "en", "/p/docs", None),
    ([{"code": "en"}, {"code": "ar"}], "ar", "/p/docs", None),  # theme.language alone does not make a nested build
    ([{"code": "en"}, {"code": "ar"}], "en", "/p/docs/ar", None),
    ([{"code": "en"}], "en", "/p/docs/en", None),  # the default language is never nested
    (None, "en", "/p/docs", None), ("nonsense", "ar", "/p/docs/ar", None),
])
def test_a_nested_build_is_known_by_its_theme_language_and_folder(raw, theme_language, docs_dir, expected):
    assert L.nested_code(raw, theme_language, docs_dir) == expected


@pytest.mark.parametrize("site_url, language, expected", [
    (ROOT_URL, EN, ROOT_URL), (ROOT_URL + "ar/", AR, ROOT_URL), ("https://x.example/ar/", AR, "https://x.example/"),
    ("https://x.example/", None, "https://x.example/"),
])
def test_default_root_from_a_builds_address(site_url, language, expected):
    assert L.default_root(site_url, language) == expected


def exists_in(*paths):
    return lambda path: path in paths


@pytest.mark.parametrize("present, src_uri, expected", [
    pytest.param(("faq.md", "ar/faq.md"), "faq.md", [
        ("en-GB", ROOT_URL + "faq/"), ("ar", ROOT_URL + "ar/faq/"), ("x-default", ROOT_URL + "faq/")],
        id="translated"),
    pytest.param(("index.md", "ar/index.md", "fr/index.md"), "index.md", [
        ("en-GB", ROOT_URL), ("ar", ROOT_URL + "ar/"), ("fr-FR", ROOT_URL + "fr/"), ("x-default", ROOT_URL)],
        id="three-languages"),
    pytest.param(("faq.md",), "faq.md", [], id="not-translated-no-alternates"),
    pytest.param(("faq.md", "fr/faq.md"), "faq.md", [
        ("en-GB", ROOT_URL + "faq/"), ("fr-FR", ROOT_URL + "fr/faq/"), ("x-default", ROOT_URL + "faq/")],
        id="fallback-left-out"),
])
def test_hreflang_alternates_are_absolute_with_x_default_and_only_real_pages(present, src_uri, expected):
    found = L.alternates([EN, AR, FR], src_uri, exists_in(*present), ROOT_URL)
    assert [(a["hreflang"], a["href"]) for a in found] == expected


def test_alternates_are_reciprocal():
    """Every page listed points back at each of the others: the same set from each language's page."""
    exists = exists_in("faq.md", "ar/faq.md", "fr/faq.md")
    sets = {L.root_of(ROOT_URL, lang): L.alternates([EN, AR, FR], "faq.md", exists, ROOT_URL) for lang in (EN, AR, FR)}
    assert len({repr(v) for v in sets.values()}) == 1
    hrefs = {a["href"] for a in next(iter(sets.values()))}
    assert {ROOT_URL + "faq/", ROOT_URL + "ar/faq/", ROOT_URL + "fr/faq/"} == hrefs


@pytest.mark.parametrize("src_uri, expected", [
    ("faq.md", [ROOT_URL + "faq/", ROOT_URL + "ar/faq/"]), (None, [ROOT_URL, ROOT_URL + "ar/"]),
])
def test_switcher_links_to_the_same_page_in_each_language(src_uri, expected):
    links = L.switcher([EN, AR], src_uri, ROOT_URL)
    assert [link["link"] for link in links] == expected
    assert [(link["name"], link["lang"], link["dir"]) for link in links] == [("English", "en-GB", "ltr"),
                                                                            ("العربية", "ar", "rtl")]


def test_fallbacks_and_shared_files():
    assert L.fallbacks(["index.md", "faq.md", "book.md"], ["index.md"]) == ["faq.md", "book.md"]
    assert L.shared_files(["assets/a.svg", "assets/b.png"], ["assets/a.svg"]) == ["assets/b.png"]


@pytest.mark.parametrize("nav, present, expected", [
    pytest.param([{"Home": "index.md"}, {"FAQ": "faq.md"}], ("index.md",), ["index.md", {"FAQ": "faq.md"}],
                 id="translated-page-takes-its-title"),
    pytest.param([{"Part": [{"A": "a.md"}, "b.md"]}], ("a.md",), [{"Part": ["a.md", "b.md"]}], id="section"),
    pytest.param([{"Link": "https://x.example/"}], (), [{"Link": "https://x.example/"}], id="link"),
])
def test_language_menu_keeps_the_order(nav, present, expected):
    assert L.language_nav(nav, exists_in(*present)) == expected


@pytest.mark.parametrize("html, direction, expected", [
    ('<!doctype html>\n<html lang="ar" class="no-js"><body>', "rtl", '<!doctype html>\n<html dir="rtl" lang="ar" class="no-js"><body>'),
    ('<html dir="ltr" lang="x">', "rtl", '<html dir="ltr" lang="x">'),
    ('<p>no html tag</p>', "rtl", '<p>no html tag</p>'),
])
def test_html_element_gets_the_direction(html, direction, expected):
    from sitekit import htmlscan

    assert htmlscan.apply_edits(html, L.html_dir_edits(html, direction)) == expected


def test_direction_comes_from_materials_translations():
    import material

    theme = os.path.join(os.path.dirname(material.__file__), "templates")
    assert (L.direction("ar", [theme]), L.direction("he", [theme]), L.direction("fr", [theme])) == ("rtl", "rtl", "ltr")
    assert (L.direction("ar"), L.direction("xx")) == ("rtl", "ltr")


@pytest.mark.parametrize("code, expected", [("ar", ["ar"]), ("fr", ["fr"]), ("en", ["en"]), ("xx", ["en"])])
def test_search_language_uses_materials_stemmers(code, expected):
    assert L.search_lang(code) == expected


def test_site_files_skip_dotted_and_other_languages(tmp_path):
    for name in ("index.md", "ar/index.md", "assets/a.svg", ".sources/x.md", "ar/.sources/y.md", "sub/.hidden"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert L.site_files(str(tmp_path), ["ar"]) == (["index.md"], ["assets/a.svg"])


# ---------------------------------------------------------------- extra.languages

YAML = """\
theme:
  language: en
extra:
  languages:
    - code: en
      locale: en_GB
      name: English
    - code: ar
      locale: ar
      name: العربية
"""
GOOD = yaml.safe_load(YAML)["extra"]["languages"]


def languages_problems(entries, tmp_path, theme_language="en", folders=("ar",)):
    for folder in folders:
        (tmp_path / folder).mkdir(exist_ok=True)
    checker = s.Settings("mkdocs.yml", YAML)
    out = s.validate_languages({"languages": entries}, checker, docs_dir=str(tmp_path), theme_language=theme_language)
    return out, [str(p) for p in checker.problems]


def test_good_languages_pass_with_their_direction(tmp_path):
    out, problems = languages_problems(GOOD, tmp_path)
    assert problems == []
    assert [(e["code"], e["dir"], e["publish_stale"]) for e in out] == [("en", "ltr", False), ("ar", "rtl", False)]


def test_no_languages_is_one_language(tmp_path):
    assert languages_problems(None, tmp_path) == ([], [])


def entry(i, **changes):
    entries = [dict(e) for e in GOOD]
    for key, value in changes.items():
        if value is None:
            entries[i].pop(key)
        else:
            entries[i][key] = value
    return entries


@pytest.mark.parametrize("entries, folders, theme_language, expected", [
    pytest.param(entry(1, code="AR"), ("AR",), "en",
                 'mkdocs.yml:8: extra.languages[1].code: "AR" is not a language code like "ar" (two or three '
                 "lower-case letters) — set code to the language's two-letter code in lower case, e.g. ar (its pages "
                 "go in docs/ar/)", id="upper-case-code"),
    pytest.param(entry(1, code="en"), (), "en",
                 'mkdocs.yml:8: extra.languages[1].code: "en" is listed twice (also extra.languages[0]) — give each '
                 "language its own code, or delete one of the two entries", id="duplicate"),
    pytest.param(entry(1, code="fr"), (), "en",
                 "mkdocs.yml:8: extra.languages[1].code: docs/fr/ does not exist — create docs/fr/ with the "
                 "translated pages (docs/fr/index.md …), or delete this entry", id="no-folder"),
    pytest.param(entry(1, locale="arabic"), ("ar",), "en",
                 "mkdocs.yml:9: extra.languages[1].locale: 'arabic' is not a locale like en_GB — set locale to "
                 "language_COUNTRY, e.g. en_GB, or the language alone, e.g. ar", id="locale"),
    pytest.param(entry(1, colour="green"), ("ar",), "en",
                 'mkdocs.yml:8: extra.languages[1].colour: is not a known setting — remove it; known keys are code, '
                 "locale, name, dir, publish_stale, site_name, site_description, copyright", id="unknown-key"),
    pytest.param(entry(1, name=None), ("ar",), "en",
                 "mkdocs.yml:10: extra.languages[1].name: is missing — set name to the language's name in its own "
                 "script, e.g. العربية (the language switcher)", id="missing-name"),
    pytest.param(entry(1, dir="right"), ("ar",), "en",
                 'mkdocs.yml:8: extra.languages[1].dir: "right" is not one of ltr, rtl — set dir to rtl (right to '
                 "left) or ltr, or delete it (the language says which)", id="dir"),
    pytest.param(entry(1, publish_stale="yes please"), ("ar",), "en",
                 "mkdocs.yml:8: extra.languages[1].publish_stale: is text, not true or false — set publish_stale to "
                 "true (an outdated translation may publish, with a notice) or false", id="publish-stale"),
    pytest.param(GOOD, ("ar",), "ar",
                 'mkdocs.yml:2: theme.language: is "ar", but the first of extra.languages (the default language) is '
                 '"en" — set theme.language: en, or put ar first in extra.languages', id="theme-language"),
])
def test_language_mistakes_name_line_key_and_fix(tmp_path, entries, folders, theme_language, expected):
    _, problems = languages_problems(entries, tmp_path, theme_language, folders)
    assert problems == [expected]


# ---------------------------------------------------------------- builds

FR_INDEX_BODY = """
# Le guide du patient

Ce guide explique le traitement avec des mots simples. Les résultats varient d'une personne à l'autre.
"""
#: The Arabic page the module's build leaves out (falls back to English), and the one given a menu: label.
FALLBACK = "faq.md"
MENU_PAGE, MENU_LABEL = "privacy.md", "البيانات"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def hreflangs(result, url: str) -> list[tuple[str, str]]:
    """The hreflang alternates of a page (its URL path), as its language's sitemap.xml gives them ([] when the
    page is not in it or has none). They are not in the page's head: Material's script reads every head
    alternate as a language's root and fetches sitemap.xml beside it (README "Languages")."""
    first = url.split("/", 1)[0]
    folder = first if first and (result.site / first / "sitemap.xml").is_file() else ""
    sitemap = BeautifulSoup(((result.site / folder) / "sitemap.xml").read_text(), "xml")
    for entry in sitemap.find_all("url"):
        if entry.loc.text == ROOT_URL + url:
            return [(link["hreflang"], link["href"]) for link in entry.find_all("link")]
    return []


def head_alternates(page) -> list:
    return page.select('head link[rel="alternate"][hreflang]')


def url_of(name: str) -> str:
    return L.page_url(name, True)


def arabic_project(root: Path, without: tuple[str, ...] = ()) -> Project:
    """A copy of the site with its real Arabic pages (docs/ar/), less the pages ``without`` (as if not yet
    translated: the page and its .sources copy removed)."""
    project = Project(root)
    assert (project.root / "docs/ar").is_dir() and "ar" in [e["code"] for e in site_config(root)["extra"]["languages"]]
    for name in without:
        os.remove(project.root / "docs/ar" / name)
        (project.root / "docs/ar/.sources" / name).unlink(missing_ok=True)
    return project


def meta_of(project: Project, relative: str) -> dict:
    from sitekit.page import read

    return read(project.read(relative), relative).meta


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    """The site with its Arabic pages, one of them (FALLBACK) not translated and one (MENU_PAGE) with a menu: label."""
    project = arabic_project(tmp_path_factory.mktemp("lang") / "project", without=(FALLBACK,))
    project.set_front(f"docs/ar/{MENU_PAGE}", "menu", MENU_LABEL)
    result = project.build(site_url=ROOT_URL)
    assert result.returncode == 0, result.output
    return project, result


def test_each_language_has_its_lang_and_dir(two):
    project, result = two
    pages = [("", "en", "ltr")] + [("ar/" + url, "ar", "rtl") for url in language_pages("ar", project.root)]
    for url, lang, direction in pages + [("ar/" + url_of(FALLBACK), "ar", "rtl")]:
        page = soup(result.page(url))
        assert (page.html["lang"], page.html["dir"], page.body["dir"]) == (lang, direction, direction), url


def test_translated_pages_have_reciprocal_absolute_hreflang(two):
    project, result = two
    translated = language_pages("ar", project.root)
    assert "" in translated and url_of(MENU_PAGE) in translated
    for url in translated:
        expected = [("en-GB", ROOT_URL + url), ("ar", ROOT_URL + "ar/" + url), ("x-default", ROOT_URL + url)]
        assert hreflangs(result, url) == expected == hreflangs(result, "ar/" + url), url
        assert head_alternates(soup(result.page(url))) == [] == head_alternates(soup(result.page("ar/" + url)))


def test_per_language_canonical_og_locale_and_in_language(two):
    _, result = two
    page = soup(result.page("ar/"))
    assert page.select_one('link[rel="canonical"]')["href"] == ROOT_URL + "ar/"
    assert page.select_one('meta[property="og:locale"]')["content"] == "ar"
    assert [m["content"] for m in page.select('meta[property="og:locale:alternate"]')] == ["en_GB"]
    graph = [yaml.safe_load(script.string) for script in page.select('script[type="application/ld+json"]')]
    languages = {node.get("inLanguage") for data in graph for node in data.get("@graph", [data]) if "inLanguage" in node}
    assert languages == {"ar"}
    english = soup(result.page(""))
    assert english.select_one('meta[property="og:locale"]')["content"] == "en_GB"


def test_untranslated_page_falls_back_with_notice_and_no_hreflang(two):
    _, result = two
    url = url_of(FALLBACK)
    page = soup(result.page("ar/" + url))
    notice = page.select_one("article .untranslated")
    assert notice is not None and notice.get_text(strip=True)
    marked = notice.find_next_sibling("div")
    assert (marked["lang"], marked["dir"]) == ("en-GB", "ltr") and marked.find("h1")
    assert hreflangs(result, "ar/" + url) == [] and hreflangs(result, url) == []
    assert page.select_one('link[rel="canonical"]')["href"] == ROOT_URL + url
    assert soup(result.page("ar/")).select_one("article .untranslated") is None


def test_sitemaps_have_alternates_and_leave_out_fallbacks(two):
    project, result = two
    en = BeautifulSoup((result.site / "sitemap.xml").read_text(), "xml")
    ar = BeautifulSoup((result.site / "ar" / "sitemap.xml").read_text(), "xml")
    assert sorted(loc.text for loc in ar.find_all("loc")) == sorted(
        ROOT_URL + "ar/" + url for url in language_pages("ar", project.root))
    assert ROOT_URL + "ar/" + url_of(FALLBACK) not in [loc.text for loc in ar.find_all("loc")]
    assert sorted(loc.text for loc in en.find_all("loc")) == sorted(ROOT_URL + url for url in nav_pages())
    translated = set(language_pages("ar", project.root))
    for sitemap in (en, ar):
        for url in sitemap.find_all("url"):
            links = [(link["hreflang"], link["href"]) for link in url.find_all("link")]
            page = url.loc.text.removeprefix(ROOT_URL).removeprefix("ar/")
            expected = ([("en-GB", ROOT_URL + page), ("ar", ROOT_URL + "ar/" + page), ("x-default", ROOT_URL + page)]
                        if page in translated else [])
            assert links == expected, url.loc.text
    assert any(url.find_all("link") for url in en.find_all("url"))


def test_switcher_links_to_the_same_page(two):
    _, result = two
    fallback, menu_page = url_of(FALLBACK), url_of(MENU_PAGE)
    for url in ("", fallback, "ar/", "ar/" + fallback, "ar/" + menu_page):
        same = url.removeprefix("ar/")
        links = [(a["hreflang"], a["href"]) for a in soup(result.page(url)).select("a.md-select__link")]
        assert links == [("en-GB", ROOT_URL + same), ("ar", ROOT_URL + "ar/" + same)], url


def test_arabic_menu_follows_the_default_order_with_arabic_titles(two):
    project, result = two
    page = soup(result.page("ar/"))
    labels = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary > ul > li > a.md-nav__link")]
    nav = site_config()["nav"]
    assert len(labels) == len(nav)
    for label, item in zip(labels, nav):
        (english_label, name), = item.items()
        if (project.root / "docs/ar" / name).is_file():
            meta = meta_of(project, f"docs/ar/{name}")
            assert label == meta.get("menu", meta["title"]), name  # its menu: key, or its title
        else:
            assert label == english_label, name  # falls back: the English label
    assert labels[[next(iter(i.values())) for i in nav].index(MENU_PAGE)] == MENU_LABEL
    assert labels[[next(iter(i.values())) for i in nav].index(FALLBACK)] == next(
        label for item in nav for label, name in item.items() if name == FALLBACK)
    # The tab keeps the page's title (menu: is only the menu's label).
    title = meta_of(project, f"docs/ar/{MENU_PAGE}")["title"]
    assert soup(result.page("ar/" + url_of(MENU_PAGE))).title.get_text().startswith(title)


def test_404_page_and_assets_per_base_path(two):
    project, result = two
    page = soup((result.site / "ar" / "404.html").read_text())
    assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
    assert (result.site / "ar" / "assets" / "images" / "favicon.svg").is_file()
    # A file of the language's own (docs/ar/assets/…) is used instead of the default one.
    own = [p.relative_to(project.root / "docs/ar") for p in (project.root / "docs/ar/assets").rglob("*") if p.is_file()]
    assert own
    for relative in own:
        assert (result.site / "ar" / relative).read_bytes() == (project.root / "docs/ar" / relative).read_bytes()
    assert not (result.site / "ar" / "robots.txt").exists()
    robots = (result.site / "robots.txt").read_text()
    assert re.findall(r"^Sitemap: (\S+)$", robots, re.M) == [ROOT_URL + "sitemap.xml", ROOT_URL + "ar/sitemap.xml"]


def test_arabic_search_uses_materials_arabic_stemmer(two):
    project, result = two
    index = yaml.safe_load((result.site / "ar" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["ar"]
    title = meta_of(project, "docs/ar/index.md")["title"]
    assert any(title in doc["title"] for doc in index["docs"]), title
    assert any(re.search("[\u0600-\u06ff]{3}", doc["text"]) for doc in index["docs"])


def test_each_language_keeps_its_own_cache(two):
    project, _ = two
    assert (project.root / ".cache/site/pages.pickle").is_file()
    assert (project.root / ".cache/site/ar/pages.pickle").is_file()


def test_removing_an_arabic_page_gives_a_fallback_with_notice_and_no_hreflang(tmp_path):
    project = arabic_project(tmp_path / "project")
    removed = booking_url("privacy_page", project.root)  # any page but the home page would do
    os.remove(project.root / "docs/ar" / booking_file("privacy_page", project.root))  # its .sources copy stays
    result = project.build(site_url=ROOT_URL)
    assert result.returncode == 0, result.output
    page = soup(result.page("ar/" + removed))
    assert page.select_one("article .untranslated") is not None
    assert hreflangs(result, "ar/" + removed) == [] and hreflangs(result, removed) == []
    ar = BeautifulSoup((result.site / "ar" / "sitemap.xml").read_text(), "xml")
    locs = sorted(loc.text for loc in ar.find_all("loc"))
    assert locs == sorted(ROOT_URL + "ar/" + url for url in language_pages("ar", project.root))
    assert ROOT_URL + "ar/" + removed not in locs and ROOT_URL + "ar/" in locs


def test_a_third_language_is_one_settings_entry_and_its_files(tmp_path):
    project = arabic_project(tmp_path / "project")
    entries = site_config(project.root)["extra"]["languages"]
    project.set_extra("languages", entries + [{"code": "fr", "locale": "fr_FR", "name": "Français"}])
    project.write("docs/fr/index.md", front_matter("Le guide du patient", "Un guide simple de notre clinique, "
                                                   "comment se passe une séance et comment réserver.") + FR_INDEX_BODY)
    assert "docs/fr/index.md" in project.record_translations()  # as a translator does: make translations RECORD=…
    # Its wording (overrides/locales/fr.yml): here the English catalog copied, as the build's message says to start.
    project.write("overrides/locales/fr.yml", project.read("overrides/locales/en.yml"))
    result = project.build(site_url=ROOT_URL)
    assert result.returncode == 0, result.output
    page = soup(result.page("fr/"))
    assert (page.html["lang"], page.html["dir"]) == ("fr", "ltr")
    expected = [("en-GB", ROOT_URL), ("ar", ROOT_URL + "ar/"), ("fr-FR", ROOT_URL + "fr/"), ("x-default", ROOT_URL)]
    assert hreflangs(result, "fr/") == expected == hreflangs(result, "") == hreflangs(result, "ar/")
    assert [a["href"] for a in page.select("a.md-select__link")] == [ROOT_URL, ROOT_URL + "ar/", ROOT_URL + "fr/"]
    assert soup(result.page("fr/faq/")).select_one("article .untranslated") is not None


def test_problems_of_every_language_stop_the_build_once(tmp_path):
    project = arabic_project(tmp_path / "project", without=("faq.md",))  # the Arabic build shows the English FAQ
    project.set_front("docs/ar/privacy.md", "reviewed_by", "nobody-we-know")
    project.set_front("docs/faq.md", "reviewed_by", "someone-else")
    result = project.build(site_url=ROOT_URL)
    assert result.returncode == 1
    assert re.search(r"^ERROR +-  docs/ar/privacy\.md:\d+: unknown reviewer \"nobody-we-know\"", result.output, re.M)
    assert len(re.findall(r"docs/faq\.md:\d+: unknown reviewer", result.output)) == 1  # not again for the fallback
    assert len(re.findall(r"fix them and build again", result.output)) == 1, result.output


def test_without_languages_the_site_is_english_only(tmp_path):
    project = Project(tmp_path / "project")
    project.one_language()
    result = project.build(site_url=ROOT_URL)
    assert result.returncode == 0, result.output
    page = soup(result.page(""))
    assert not (result.site / "ar").exists() and hreflangs(result, "") == [] and head_alternates(page) == []
    assert page.select("a.md-select__link") == [] and not page.html.has_attr("dir")
