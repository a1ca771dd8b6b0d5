"""Page weight (tools/page_weight.py): every built page's first view within the budget (the page itself in 8
requests and 60 KB; Material's search, its worker, index and a language's stemmer, in 40 KB), the table printed
after the run; and the model itself on small hand-made sites."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from conftest import BOOK, REPORT_SECTIONS, Project, other_languages, site_config
from sitekit.strings import direction

from page_weight import (BUDGET_BYTES, BUDGET_REQUESTS, SEARCH_BUDGET_BYTES, Fetch, built_pages, css_requests,
                         first_view, html_requests, over_budget, table)

# ---------------------------------------------------------------- the real site

OTHER_LANGUAGES = other_languages()


def default_page(page: str) -> str:
    """A built page's address inside its language's folder ("ar/book/" -> "book/")."""
    first = page.split("/", 1)[0]
    return page.split("/", 1)[1] if first in OTHER_LANGUAGES and "/" in page else page


LOGO = ((site_config()["extra"]["clinic"] or {}).get("brand") or {}).get("logo")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The site as a clinic publishes it (its own details, translations reviewed): what patients download,
    without the preview's example-details and translation banners."""
    project = Project(tmp_path_factory.mktemp("published") / "project")
    project.make_publishable()
    build = project.build()
    assert build.returncode == 0, build.output
    return build


def test_every_page_is_within_budget(published):
    pages = built_pages(published.site)
    assert len(pages) >= 12 and "" in pages and "404.html" in pages, pages
    for code in other_languages():
        assert f"{code}/" in pages and f"{code}/{BOOK}" in pages, (code, pages)
    lines, rows = table(published.site, pages)
    REPORT_SECTIONS["page weight, first view (tests/test_budget.py)"] = lines
    over = [f"/{page}: {'; '.join(problems)}" for page, problems in rows if problems]
    assert over == [], "over the budget:\n" + "\n".join(over)


@pytest.mark.parametrize("requests, page, search, expected", [
    (BUDGET_REQUESTS, BUDGET_BYTES, SEARCH_BUDGET_BYTES, []),
    (BUDGET_REQUESTS + 1, 1, 1, [f"{BUDGET_REQUESTS + 1} requests (at most {BUDGET_REQUESTS})"]),
    (5, BUDGET_BYTES + 1, 0, [f"the page is {BUDGET_BYTES + 1:,} bytes (at most {BUDGET_BYTES:,})"]),
    (5, 0, SEARCH_BUDGET_BYTES + 1, [f"search is {SEARCH_BUDGET_BYTES + 1:,} bytes (at most {SEARCH_BUDGET_BYTES:,})"]),
    (9, BUDGET_BYTES + 1, SEARCH_BUDGET_BYTES + 1, ["9 requests (at most 8)", "the page is 60,001 bytes (at most 60,000)",
                                                     "search is 40,001 bytes (at most 40,000)"]),
])
def test_over_budget(requests, page, search, expected):
    assert over_budget(requests, page, search) == expected


def test_every_page_has_one_stylesheet_materials_script_and_its_search(built):
    """What each first view is made of: one stylesheet, Material's script (nothing holds it or its search back:
    the search worker and the index come with every page, as in plain Material), booking.js on the booking page."""
    for page in built_pages(built.site):
        fetches = first_view(built.site, page)
        kinds = [f.kind for f in fetches]
        assert kinds.count("stylesheet") == 1, (page, kinds)
        scripts = sorted(f.url.rsplit("/", 1)[-1].split(".")[0] for f in fetches if f.kind == "script")
        booking = default_page(page) == BOOK  # the booking page in any language (extra.languages)
        assert scripts == (["booking", "bundle"] if booking else ["bundle"]), (page, scripts)
        assert kinds.count("search worker") == 1 and kinds.count("search index") == 1, (page, kinds)
        # The clinic's logo (extra.clinic.brand.logo, shown by Material's header and menu) is one image.
        images = [f.url.rsplit("/", 1)[-1] for f in fetches if f.kind == "image"]
        assert images == ([LOGO.rsplit("/", 1)[-1]] if LOGO else []), (page, images)
        # A language other than English: Material's worker also imports lunr's stemmer support and the language's.
        stemmer = [f.url.rsplit("/", 1)[-1] for f in fetches if f.kind == "search language"]
        language = page.split("/", 1)[0] if page.split("/", 1)[0] in other_languages() else "en"
        assert stemmer == ([] if language == "en" else ["lunr.stemmer.support.min.js", f"lunr.{language}.min.js"]), page
        assert len(fetches) == (6 if booking else 5) + len(images) + len(stemmer), (page, kinds)


def test_the_stylesheet_is_pruned_but_keeps_what_pages_use(built):
    css = (built.site / "assets/stylesheets/site.min.css").read_text()
    theme = next((built.site / "assets/stylesheets").glob("main.*.min.css")).read_text()
    assert len(css) < len(theme) / 2
    for needed in (".md-header{", ".md-search-result__item", ".md-nav__link--passed", ".booking-form",
                   "[data-md-color-scheme=slate]", "[data-md-color-primary=custom]", "@media print", "@page{"):
        assert needed in css, needed
    for gone in ("[dir=rtl]", "[data-md-color-primary=indigo]", "[data-md-color-primary=teal]", ".md-version__list", "--md-admonition-icon--bug"):
        assert gone not in css, gone


@pytest.mark.parametrize("code", other_languages())
def test_each_language_has_a_stylesheet_for_its_own_direction(built, code):
    """Each language's build prunes its own stylesheet: right-to-left rules only where pages are written so."""
    css = (built.site / code / "assets/stylesheets/site.min.css").read_text()
    rtl = (next(e for e in site_config()["extra"]["languages"] if e["code"] == code).get("dir")
           or direction(code)) == "rtl"
    assert ("[dir=rtl]" in css, "[dir=ltr]" in css) == (rtl, not rtl)


# ---------------------------------------------------------------- the model on small sites


def make_site(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


def gz(text: str) -> int:
    return len(gzip.compress(text.encode(), 6, mtime=0))


PAGE = """<!doctype html><html><head>
<link rel="canonical" href="https://example.org/a/"><link rel="next" href="../b/">
<link rel="icon" href="../i.svg"><link rel="stylesheet" href="../s.css"><link rel="preload" href="../f.woff2">
<script type="application/ld+json">{}</script><script>var inline = 1</script>
</head><body><img src="../p.png"><img src="../lazy.png" loading="lazy"><img src="data:image/png;base64,AA==">
<iframe src="https://other.example/x"></iframe><a href="../c/">link</a>
<script src="../j.js" defer></script><script nomodule src="../old.js"></script></body></html>"""
CSS = ".a{background:url(bg.png)}.b{background:url('data:image/svg+xml,x')}@import 'more.css';"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


def test_first_view_counts_what_the_html_and_css_load(tmp_path):
    site = make_site(tmp_path, {"a/index.html": PAGE, "s.css": CSS, "more.css": ".m{}", "bg.png": PNG, "p.png": PNG,
                                "i.svg": "<svg/>", "j.js": "var j", "f.woff2": b"wOF2" + bytes(50), "404.html": "nope"})
    assert first_view(site, "a/") == [
        Fetch("/a/", gz(PAGE), "document"),
        Fetch("/s.css", gz(CSS), "stylesheet"),
        Fetch("/f.woff2", 54, "preload"),
        Fetch("/p.png", len(PNG), "image"),            # PNG is sent as it is
        Fetch("https://other.example/x", 0, "frame"),  # another origin: counted, bytes unknown
        Fetch("/j.js", gz("var j"), "script"),
        Fetch("/i.svg", gz("<svg/>"), "icon"),
        Fetch("/bg.png", len(PNG), "css"),
        Fetch("/more.css", gz(".m{}"), "css"),
    ]


def test_missing_files_are_404_pages_and_no_icon_means_favicon_ico(tmp_path):
    site = make_site(tmp_path, {"index.html": '<link rel="stylesheet" href="gone.css">', "404.html": "not found"})
    assert first_view(site, "") == [Fetch("/", gz('<link rel="stylesheet" href="gone.css">'), "document"),
                                    Fetch("/gone.css", gz("not found"), "stylesheet"),
                                    Fetch("/favicon.ico", gz("not found"), "icon")]


@pytest.mark.parametrize("html, expected", [
    pytest.param('<link rel="icon" href="data:image/svg+xml,x">', [], id="data-icon-no-request"),
    pytest.param('<link rel="icon" href="a.svg"><link rel="icon" href="b.png">', [("http://site.invalid/a.svg", "icon")],
                 id="first-icon-only"),
    pytest.param('<link rel="alternate stylesheet" href="x.css"><link rel="icon" href="i.svg">',
                 [("http://site.invalid/i.svg", "icon")], id="alternate-stylesheet-not-loaded"),
    pytest.param('<base href="/sub/"><script src="x.js"></script><link rel="icon" href="i.svg">',
                 [("http://site.invalid/sub/x.js", "script"), ("http://site.invalid/sub/i.svg", "icon")], id="base"),
    pytest.param('<script src="b.js" defer></script><script src="m.js" type="module"></script><link rel="icon" href="i.svg">',
                 [("http://site.invalid/b.js", "script"), ("http://site.invalid/m.js", "script"),
                  ("http://site.invalid/i.svg", "icon")], id="deferred-and-module-scripts"),
    pytest.param('<script data-src="b.js">load()</script><link rel="icon" href="i.svg">',
                 [("http://site.invalid/i.svg", "icon")], id="data-src-is-not-a-source"),
    pytest.param('<script type="application/json" data-x="b.js">{}</script><link rel="icon" href="i.svg">',
                 [("http://site.invalid/i.svg", "icon")], id="data-block"),
])
def test_html_requests(html, expected):
    assert html_requests(html, "http://site.invalid/") == expected


def test_css_requests_skip_data_and_fragments():
    css = "a{b:url(x.png)}c{d:url( \"y.png\" )}e{f:url(data:,z)}g{filter:url(#f)}"
    assert css_requests(css, "http://site.invalid/css/s.css") == [("http://site.invalid/css/x.png", "css"),
                                                                  ("http://site.invalid/css/y.png", "css")]


CONFIG = '<script id="__config" type="application/json">{"base": "..", "search": "../w/search.1.min.js"}</script>'
FORM = '<form name="search"></form>'
BUNDLE = '<script src="../assets/javascripts/bundle.abc123.min.js" defer></script>'


@pytest.mark.parametrize("body, searched", [
    pytest.param(FORM + CONFIG + BUNDLE, ["/w/search.1.min.js", "/search/search_index.json"],
                 id="material-loads-search-as-it-starts"),
    pytest.param(CONFIG + BUNDLE, [], id="no-search-form"),
    pytest.param(FORM + CONFIG, [], id="no-material-script"),
    pytest.param(FORM + CONFIG + '<script data-lazy-search>hold()</script>' + BUNDLE,
                 ["/w/search.1.min.js", "/search/search_index.json"], id="no-marker-holds-search-back"),
])
def test_theme_search_worker_and_index(tmp_path, body, searched):
    site = make_site(tmp_path, {"x/index.html": '<link rel="icon" href="../i.svg">' + body, "i.svg": "<svg/>",
                                "assets/javascripts/bundle.abc123.min.js": "b", "w/search.1.min.js": "w",
                                "search/search_index.json": "{}", "404.html": "-"})
    fetched = first_view(site, "x/")
    assert [f.url for f in fetched if f.kind.startswith("search")] == searched
    assert len(fetched) == 2 + ("bundle" in body) + len(searched)
