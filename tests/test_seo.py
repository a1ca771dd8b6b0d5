"""Search and sharing metadata: the pure functions, then the real site built for a GitHub project page."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Project, booking_page, catalog, chromium_path, nav_pages, site_config
from sitekit import seo

BASE = "https://user.github.io/mesotherapy-guide/"
#: What staff set in mkdocs.yml (the defaults of hooks/sitekit/settings.py where a key is left out).
SITE_NAME = site_config()["site_name"]
SEO = {"locale": "en_GB", "image": "assets/images/share.png", **(site_config()["extra"].get("seo") or {})}
#: The page-not-found page's wording, as overrides/locales/en.yml has it.
NOT_FOUND = {key.removeprefix("not_found."): text for key, text in catalog().items() if key.startswith("not_found.")}


# ---------------------------------------------------------------- pure functions

@pytest.mark.parametrize("site_url, path, expected", [
    ("https://user.github.io/repo/", "", "https://user.github.io/repo/"),
    ("https://user.github.io/repo/", "faq/", "https://user.github.io/repo/faq/"),
    ("https://user.github.io/repo/", "/faq/", "https://user.github.io/repo/faq/"),
    ("https://user.github.io/repo", "sitemap.xml", "https://user.github.io/repo/sitemap.xml"),
    ("https://clinic.example/", "assets/images/share.png", "https://clinic.example/assets/images/share.png"),
    ("https://clinic.example/", ".", "https://clinic.example/"),
])
def test_absolute_url_keeps_the_base_path(site_url, path, expected):
    assert seo.absolute_url(site_url, path) == expected


@pytest.mark.parametrize("page_title, expected", [
    ("How mesotherapy works", "How mesotherapy works - Site"),
    ("  Two   spaces ", "Two spaces - Site"),
    ("", "Site"),
    (None, "Site"),
    ("Site", "Site"),
])
def test_full_title(page_title, expected):
    assert seo.full_title(page_title, "Site") == expected


@pytest.mark.parametrize("path, data, expected", [
    pytest.param("i.svg", b"<svg/>", "data:image/svg+xml;base64,PHN2Zy8+", id="small-svg"),
    pytest.param("I.SVG", b"<svg/>", "data:image/svg+xml;base64,PHN2Zy8+", id="upper-case-name"),
    pytest.param("i.svg", b"<svg>" + b" " * 1100 + b"</svg>", None, id="too-big-stays-a-file"),
    pytest.param("i.png", b"\x89PNG", None, id="png-stays-a-file"),
])
def test_icon_data_uri(path, data, expected):
    assert seo.icon_data_uri(path, data) == expected


def test_built_pages_carry_the_icon_without_a_request(built):
    icon = (ROOT / "overrides/assets/images/favicon.svg").read_bytes()
    for url in ("", "faq/", "404.html"):
        link = BeautifulSoup(built.page(url), "html.parser").select_one('link[rel="icon"]')
        assert link["href"] == seo.icon_data_uri("favicon.svg", icon), url


def test_png_size_reads_the_header():
    data = (ROOT / "overrides/assets/images/share.png").read_bytes()
    assert seo.png_size(data) == (1200, 630)
    assert seo.png_size(b"GIF89a" + bytes(30)) is None
    assert seo.png_size(b"") is None


def test_duplicate_titles_name_both_files():
    problems = seo.duplicate_titles([("docs/a.md", 2, "Side effects"), ("docs/b.md", 2, "Aftercare"),
                                     ("docs/c.md", 3, "side  EFFECTS")])
    assert [str(p) for p in problems] == [
        'docs/c.md:3: the title "side EFFECTS" is already used by docs/a.md — give each page its own title: '
        "search results and browser tabs show it"]


def test_page_meta_values():
    image = seo.ShareImage("https://x.example/r/share.png", 1200, 630, "Alt text")
    meta = seo.page_meta(title="FAQ", site_name="Guide", description=" Short\n answers ", canonical_url="https://x.example/r/faq/",
                         locale="en_GB", image=image, is_homepage=False)
    assert meta["title"] == "FAQ - Guide" and meta["description"] == "Short answers" and meta["robots"] is None
    assert meta["og"] == {"type": "article", "title": "FAQ", "description": "Short answers", "url": "https://x.example/r/faq/",
                          "site_name": "Guide", "locale": "en_GB", "image": "https://x.example/r/share.png",
                          "image_type": "image/png", "image_width": 1200, "image_height": 630, "image_alt": "Alt text"}
    assert meta["twitter"] == {"card": "summary_large_image", "title": "FAQ", "description": "Short answers",
                               "image": "https://x.example/r/share.png", "image_alt": "Alt text"}
    home = seo.page_meta(title="Home", site_name="Guide", description="d", canonical_url="https://x.example/r/",
                         locale="en_GB", image=image, is_homepage=True, noindex=True)
    assert home["og"]["type"] == "website" and home["robots"] == "noindex"


def test_language_tag():
    assert seo.language_tag("en_GB") == "en-GB"


# ---------------------------------------------------------------- the real site on a project page

def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


@pytest.fixture(scope="module")
def project_page(tmp_path_factory):
    """The real site built with --strict for https://user.github.io/mesotherapy-guide/."""
    result = Project(tmp_path_factory.mktemp("seo") / "project").build(site_url=BASE)
    assert result.returncode == 0, result.output
    return result


def front_matter(url: str) -> dict:
    name = "index" if url == "" else url.strip("/")
    return yaml.safe_load((ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8").split("---\n")[1])


def meta(page, attr, name):
    tag = page.find("meta", attrs={attr: name})
    assert tag is not None, f"no <meta {attr}={name!r}>"
    return tag["content"]


def test_titles_are_unique_and_name_the_page(project_page):
    titles = {}
    for url in nav_pages():
        title = soup(project_page.page(url)).title.get_text()
        assert title == f"{front_matter(url)['title']} - {SITE_NAME}"
        titles[title] = url
    assert len(titles) == len(nav_pages())


@pytest.mark.parametrize("url", nav_pages())
def test_every_page_has_description_canonical_open_graph_and_twitter_card(project_page, url):
    page = soup(project_page.page(url))
    fm = front_matter(url)
    canonical = BASE + url
    assert page.html["lang"] == "en"
    description = meta(page, "name", "description")
    assert description == " ".join(fm["description"].split()) and 50 <= len(description) <= 160
    assert [link["href"] for link in page.select('link[rel="canonical"]')] == [canonical]
    assert meta(page, "property", "og:url") == canonical
    assert meta(page, "property", "og:title") == fm["title"] == meta(page, "name", "twitter:title")
    assert meta(page, "property", "og:description") == description == meta(page, "name", "twitter:description")
    assert meta(page, "property", "og:type") == ("website" if url == "" else "article")
    assert meta(page, "property", "og:site_name") == SITE_NAME
    assert meta(page, "property", "og:locale") == SEO["locale"]
    assert meta(page, "property", "og:image") == BASE + SEO["image"] == meta(page, "name", "twitter:image")
    assert (meta(page, "property", "og:image:width"), meta(page, "property", "og:image:height")) == ("1200", "630")
    assert meta(page, "property", "og:image:alt") and meta(page, "name", "twitter:image:alt")
    assert meta(page, "name", "twitter:card") == "summary_large_image"
    assert len(page.select('meta[name="description"]')) == 1 and len(page.head.find_all("title")) == 1
    assert page.find("meta", attrs={"name": "robots"}) is None


def test_share_image_is_published_at_its_absolute_address(project_page):
    path = urlsplit(BASE + SEO["image"]).path.removeprefix(urlsplit(BASE).path)
    data = (project_page.site / path).read_bytes()
    assert seo.png_size(data) == (1200, 630)


def test_robots_txt_points_to_the_absolute_sitemap(project_page):
    text = (project_page.site / "robots.txt").read_text()
    # the default language's sitemap, then each other language's (extra.languages, README "Languages")
    others = [lang["code"] for lang in (site_config()["extra"].get("languages") or [])[1:]]
    assert re.findall(r"^Sitemap: (\S+)$", text, re.MULTILINE) == [BASE + "sitemap.xml"] + [
        f"{BASE}{code}/sitemap.xml" for code in others]
    assert "User-agent: *" in text and "Disallow: /" not in text


def test_sitemap_lists_every_page_at_its_canonical_address(project_page):
    xml = BeautifulSoup((project_page.site / "sitemap.xml").read_text(), "xml")
    locs = [loc.get_text(strip=True) for loc in xml.find_all("loc")]
    assert sorted(locs) == sorted(BASE + url for url in nav_pages())
    for loc in locs:
        page = soup(project_page.page(loc.removeprefix(BASE)))
        assert page.select_one('link[rel="canonical"]')["href"] == loc


def test_404_page_works_under_the_base_path(project_page):
    html = (project_page.site / "404.html").read_text()
    page = soup(html)
    assert page.title.get_text() == f"{NOT_FOUND['title']} - {SITE_NAME}"
    assert meta(page, "name", "robots") == "noindex"
    assert page.select_one("article h1").get_text(strip=True) == NOT_FOUND["title"]
    # GitHub Pages serves 404.html for any missing address, at any depth: every link must still work.
    missing = BASE + "some/deep/missing/page/"
    refs = [el.get("href") or el.get("src") for el in page.select("[href], [src]")]
    local = [r for r in refs if not r.startswith(("mailto:", "tel:", "#", "data:"))]  # data: needs no server
    assert len(local) > 10
    for ref in local:
        absolute = urljoin(missing, ref)
        assert absolute.startswith(BASE), f"{ref} leaves the site from a deep URL ({absolute})"
        path = urlsplit(absolute).path.removeprefix(urlsplit(BASE).path)
        target = project_page.site / path
        assert target.is_file() or (target / "index.html").is_file(), f"{ref} -> {absolute} does not exist"
    links = {a.get_text(strip=True): a["href"] for a in page.select("article a")}
    assert urljoin(missing, links[NOT_FOUND["book"]]) == BASE + booking_page()[0]
    assert urljoin(missing, links[NOT_FOUND["home"]]) in (BASE, BASE + ".")


def test_meta_values_are_escaped(project):
    text = re.sub(r"^description: .*$", "description: 'Short \"quoted\" <answers> & more, about discomfort, sessions and side effects.'",
                  project.read("docs/faq.md"), count=1, flags=re.MULTILINE)
    project.write("docs/faq.md", text)
    result = project.build(site_url=BASE)
    assert result.returncode == 0, result.output
    html = result.page("faq/")
    assert '<meta name="description" content="Short &#34;quoted&#34; &lt;answers&gt; &amp; more,' in html
    assert meta(soup(html), "property", "og:description").startswith('Short "quoted" <answers> & more,')


# ---------------------------------------------------------------- mistakes fail the build

def test_two_pages_with_the_same_title_fail_the_build(project):
    text = project.read("docs/future.md").replace("title: The future of mesotherapy", "title: How mesotherapy works")
    project.write("docs/future.md", text)
    result = project.build(strict=False)
    assert result.returncode != 0
    assert ('docs/how-it-works.md:2: the title "How mesotherapy works" is already used by docs/future.md — '
            "give each page its own title" in result.output
            or 'docs/future.md:2: the title "How mesotherapy works" is already used by docs/how-it-works.md — '
            "give each page its own title" in result.output), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("description, message", [
    ("Too short.", "docs/future.md:3: the description is 10 characters, shorter than 50"),
    ("x" * 161, "docs/future.md:3: the description is 161 characters, longer than 160"),
    ("", 'docs/future.md:3: the front matter has no "description"'),
])
@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_bad_descriptions_fail_the_build(project, description, message, strict):
    text = re.sub(r"^description: .*$", f"description: {description}", project.read("docs/future.md"), count=1,
                  flags=re.MULTILINE)
    project.write("docs/future.md", text)
    result = project.build(strict=strict)
    assert result.returncode != 0
    assert message in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("values, message", [
    ({"image": "assets/images/missing.png"},
     "extra.seo.image: 'assets/images/missing.png' is not a file in docs/ or overrides/ — set extra.seo.image to a "
     "1200×630 PNG"),
    ({"locale": "english"}, "extra.seo.locale: 'english' is not a locale like en_GB — set extra.seo.locale to "
     "language_COUNTRY, e.g. en_GB"),
    ({"imag": "x.png"}, "extra.seo.imag: is not a known setting"),
])
def test_bad_seo_settings_fail_with_key_line_and_fix(project, values, message):
    project.set_extra("seo", values)
    result = project.build(strict=False)
    assert result.returncode != 0
    assert re.search(r"mkdocs\.yml:\d+: " + re.escape(message), result.output), result.output
    assert "Traceback" not in result.output


@pytest.mark.browser
def test_share_image_script_makes_a_1200_by_630_png(tmp_path):
    chromium = chromium_path()  # fails, with the command that installs it, when there is none
    out = tmp_path / "share.png"
    done = subprocess.run([sys.executable, str(ROOT / "tools/make_share_image.py"), "--out", str(out)],
                          env=dict(os.environ, CHROMIUM_PATH=chromium), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert seo.png_size(out.read_bytes()) == (1200, 630)
