"""Build tests: every built page carries its own Content-Security-Policy and referrer policy, external
links get rel="noopener noreferrer", and text from mkdocs.yml and front matter is shown as text."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import BOOK, site_config

DATA_TYPES = {"application/json", "application/ld+json"}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def own_hashes(page: BeautifulSoup) -> set[str]:
    """Computed here independently of the hook: SHA-256 of each inline script the browser would run."""
    hashes = set()
    for script in page.find_all("script"):
        if script.get("src") or script.get("type") in DATA_TYPES:
            continue
        digest = hashlib.sha256((script.string or "").encode("utf-8")).digest()
        hashes.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return hashes


def test_every_page_has_a_policy_with_exactly_its_own_script_hashes(built):
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) >= 13
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = soup(html)
        metas = page.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, path
        meta_at = html.index('http-equiv="Content-Security-Policy"')
        first_resource = min(html.index(tag) for tag in ("<script", "<link") if tag in html)
        assert meta_at < first_resource, f"{path}: the policy must come before anything the page loads"
        policy = directives(metas[0]["content"])
        assert policy["script-src"][0] == "'self'" and set(policy["script-src"][1:]) == own_hashes(page), path
        assert own_hashes(page), f"{path}: expected Material's inline scripts"
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"] and policy["frame-src"] == ["'none'"]
        endpoint = site_config()["extra"]["booking"]["endpoint"]  # the form's address, as staff set it
        assert policy["connect-src"] == ["'self'", endpoint]
        assert policy["form-action"] == ["'self'", endpoint]
        assert "'unsafe-inline'" not in metas[0]["content"] and "'unsafe-eval'" not in metas[0]["content"]
        assert page.select_one('meta[name="referrer"]')["content"] == "same-origin", path


@pytest.mark.parametrize("booking, connect, form, frame", [
    pytest.param({"provider": "form", "endpoint": "https://formspree.io/f/xyzzy"},
                 ["'self'", "https://formspree.io/f/xyzzy"], ["'self'", "https://formspree.io/f/xyzzy"], ["'none'"], id="form"),
    pytest.param({"provider": "embed", "embed_url": "https://cal.example.com/northlight/30min"},
                 ["'self'"], ["'self'"], ["https://cal.example.com"], id="embed"),
    pytest.param({"provider": "contact"}, ["'self'"], ["'self'"], ["'none'"], id="contact"),
])
def test_policy_follows_the_booking_provider(project, booking, connect, form, frame):
    project.set_extra("booking", booking)
    result = project.build(allow_dev_receiver=False)
    assert result.returncode == 0, result.output
    for url in ("", BOOK):
        policy = directives(soup(result.page(url)).select_one('meta[http-equiv="Content-Security-Policy"]')["content"])
        assert (policy["connect-src"], policy["form-action"], policy["frame-src"]) == (connect, form, frame)


def test_external_links_get_noopener_noreferrer(project):
    text = project.read("docs/side-effects.md")
    project.write("docs/side-effects.md", text.rstrip() + "\n\nThe [NHS page](https://www.nhs.uk/conditions/) and "
                  "[our questions](faq.md) and [our own address](http://127.0.0.1:8000/faq/).\n")
    project.record_translations()  # the translator follows the English change
    result = project.build()
    assert result.returncode == 0, result.output
    page = soup(result.page("side-effects/"))
    nhs = page.find("a", string="NHS page")
    assert set(nhs["rel"]) == {"noopener", "noreferrer"}
    assert page.find("a", string="our questions").get("rel") is None
    assert page.find("a", string="our own address").get("rel") is None


INJECTED = "<script>alert(1)</script>"


def test_text_from_settings_and_front_matter_shows_as_text(project):
    text = project.read("mkdocs.yml")
    text = re.sub(r"(?m)^site_name: .*$", lambda m: f'site_name: "Meso {INJECTED} & Co"', text, count=1)
    text = text.replace("  - How it works: how-it-works.md", '  - "How <b>it</b> works": how-it-works.md')
    project.write("mkdocs.yml", text)
    page_text = project.read("docs/side-effects.md")
    page_text = re.sub(r"(?m)^title: .*$", lambda m: 'title: "Side effects & <b>aftercare</b>"', page_text, count=1)
    project.write("docs/side-effects.md", page_text)
    project.set_extra("booking", {"treatments": [f"Hair {INJECTED}", "Face"]})
    project.set_extra("clinic", {"name": f"Clinic {INJECTED}"})
    # Each other language's name of the site (extra.languages[].site_name) too.
    project.edit_extra(lambda extra: [entry.update(site_name=f"Meso {INJECTED} & Co")
                                      for entry in (extra.get("languages") or [])[1:]])
    result = project.build(strict=False)
    assert result.returncode == 0, result.output
    for path in sorted(result.site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        page = soup(html)
        scripts = [s.string or "" for s in page.find_all("script") if s.get("type") not in DATA_TYPES]
        assert not any("alert(1)" in s for s in scripts), f"{path}: an injected script became a script"
        assert not [b for b in page.find_all("b") if b.get_text() in ("it", "aftercare")], f"{path}: markup from a title"
        assert "Meso <script>alert(1)</script> & Co" in page.get_text(), path      # shown as text
        for block in page.select('script[type="application/ld+json"]'):
            assert "&lt;" not in block.string and "&amp;" not in block.string, f"{path}: structured data is plain text"
    side = soup(result.page("side-effects/"))
    # (make check and the build refuse <script> in front matter: see test_rawhtml; <b> passes that check)
    assert side.title.get_text().startswith("Side effects & <b>aftercare</b>")
    assert f"Clinic {INJECTED}" in side.select_one("footer.md-footer").get_text()
    nav_link = soup(result.page("")).find("a", href="how-it-works/")
    assert "How <b>it</b> works" in nav_link.get_text()
    book = soup(result.page(BOOK))
    assert f"Hair {INJECTED}" in [o.get_text() for o in book.select("option")]
    data = [json.loads(s.string) for s in soup(result.page("")).select('script[type="application/ld+json"]')]
    assert f"Meso {INJECTED} & Co" in json.dumps(data, ensure_ascii=False)


def test_a_template_with_an_inline_handler_fails_the_build(project):
    partial = project.read("overrides/partials/copyright.html")
    project.write("overrides/partials/copyright.html", partial.replace("<p", '<p onclick="track()"', 1))
    result = project.build()
    assert result.returncode != 0
    assert ("the security policy would block onclick= attribute — move the code into a script file under "
            "overrides/assets/ and attach it with addEventListener") in result.output, result.output
    assert "Traceback" not in result.output


def test_a_page_template_without_the_policy_tag_fails_the_build(project):
    meta = project.read("overrides/partials/seo/meta.html")
    project.write("overrides/partials/seo/meta.html", meta.replace('{%- include "partials/security.html" %}\n', ""))
    result = project.build()
    assert result.returncode != 0
    assert "the page has no Content-Security-Policy tag" in result.output, result.output
    assert "Traceback" not in result.output
