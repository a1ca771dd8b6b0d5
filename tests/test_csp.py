"""Table-driven tests of the page security policy and external links (hooks/sitekit/csp.py)."""
import pytest

from sitekit import csp

EMPTY_SHA256 = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # SHA-256 of no bytes, base64


def test_hash_of_empty_script_is_the_well_known_one():
    assert csp.sha256_source("") == EMPTY_SHA256


@pytest.mark.parametrize("html, expected", [
    pytest.param("<script>a()</script>", ["a()"], id="plain"),
    pytest.param('<script type="module">m()</script>', ["m()"], id="module-runs"),
    pytest.param('<script type="text/javascript">j()</script>', ["j()"], id="javascript-type"),
    pytest.param('<script src="x.js"></script>', [], id="external"),
    pytest.param('<script src="x.js" defer>ignored()</script>', [], id="external-with-text"),
    pytest.param('<script type="application/ld+json">{"a": 1}</script>', [], id="json-ld"),
    pytest.param('<script id="__config" type="application/json">{}</script>', [], id="json"),
    pytest.param("<SCRIPT>\n  multi\n  line\n</SCRIPT >", ["\n  multi\n  line\n"], id="case-and-newlines"),
    pytest.param('<script data-x="a>b">x()</script>', ["x()"], id="gt-in-attribute"),
    pytest.param("<script>one()</script><p>text</p><script>two()</script>", ["one()", "two()"], id="two"),
    pytest.param("<p>&lt;script&gt;no()&lt;/script&gt;</p>", [], id="escaped-text"),
])
def test_inline_scripts(html, expected):
    assert csp.inline_scripts(html) == expected


def test_script_hashes_are_unique_and_sorted():
    html = "<script>b()</script><script>a()</script><script>b()</script>"
    assert csp.script_hashes(html) == sorted({csp.sha256_source("a()"), csp.sha256_source("b()")})
    assert len(csp.script_hashes(html)) == 2


@pytest.mark.parametrize("html, expected", [
    pytest.param('<button onclick="go()">Go</button>', ["onclick= attribute"], id="onclick"),
    pytest.param('<img src="x" ONERROR=alert(1)>', ["ONERROR= attribute"], id="onerror-upper"),
    pytest.param('<a href="javascript:void(0)">x</a>', ["javascript: URL in href="], id="javascript-url"),
    pytest.param('<form action=" javascript:x()">', ["javascript: URL in action="], id="javascript-action"),
    pytest.param('<p>Click once= twice</p>', [], id="text-is-not-a-tag"),
    pytest.param('<a data-note="x onclick=y" href="/">x</a>', [], id="inside-a-value"),
    pytest.param('<script>el.onclick = f; x = "<a onclick=1>"</script>', [], id="inside-a-script"),
    pytest.param('<div class="one" contenteditable>', [], id="attribute-starting-with-on-letters"),
])
def test_blocked_markup(html, expected):
    assert csp.blocked_markup(html) == expected


@pytest.mark.parametrize("booking, expected", [
    pytest.param({"provider": "form", "endpoint": "https://formspree.io/f/abc"},
                 csp.Sources(connect=("https://formspree.io/f/abc",), form=("https://formspree.io/f/abc",)), id="form"),
    pytest.param({"endpoint": "http://127.0.0.1:8025/f/dev"},
                 csp.Sources(connect=("http://127.0.0.1:8025/f/dev",), form=("http://127.0.0.1:8025/f/dev",)), id="default-provider"),
    pytest.param({"provider": "embed", "embed_url": "https://cal.example.com:8443/clinic/meso?x=1"},
                 csp.Sources(frame=("https://cal.example.com:8443",)), id="embed-origin-only"),
    pytest.param({"provider": "contact", "endpoint": "https://formspree.io/f/abc"}, csp.Sources(), id="contact"),
    pytest.param({}, csp.Sources(), id="no-booking-endpoint"),
])
def test_booking_sources(booking, expected):
    assert csp.booking_sources(booking) == expected


def test_policy_text():
    sources = csp.Sources(connect=("https://formspree.io/f/abc",), form=("https://formspree.io/f/abc",))
    assert csp.policy(sources, ["'sha256-A'", "'sha256-B'"]) == (
        "default-src 'self'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self' https://formspree.io/f/abc; form-action 'self' https://formspree.io/f/abc; "
        "frame-src 'none'; object-src 'none'; base-uri 'self'")
    assert "frame-src https://cal.example.com;" in csp.policy(csp.Sources(frame=("https://cal.example.com",)), [])


def test_preview_policy_lets_mkdocs_serve_reload_but_keeps_the_rest():
    preview = csp.policy(csp.Sources(), ["'sha256-A'"], preview=True)
    assert "script-src 'self' 'unsafe-inline';" in preview and "sha256" not in preview
    assert preview.replace("'unsafe-inline'", "'sha256-A'") == csp.policy(csp.Sources(), ["'sha256-A'"])


def test_apply_policy_hashes_the_pages_own_scripts():
    html = f'<head><meta http-equiv="Content-Security-Policy" content="{csp.PLACEHOLDER}"></head><script>go()</script>'
    out, found = csp.apply_policy(html, csp.Sources())
    assert found and csp.PLACEHOLDER not in out
    assert f"script-src 'self' {csp.sha256_source('go()')};" in out
    assert csp.apply_policy("<p>no tag</p>", csp.Sources()) == ("<p>no tag</p>", False)


SITE = "https://clinic.example/guide/"


@pytest.mark.parametrize("html, expected", [
    pytest.param('<a href="https://www.nhs.uk/x">NHS</a>', '<a href="https://www.nhs.uk/x" rel="noopener noreferrer">NHS</a>', id="external"),
    pytest.param("<a href='http://example.org'>x</a>", "<a href='http://example.org' rel=\"noopener noreferrer\">x</a>", id="http-single-quotes"),
    pytest.param('<a rel="nofollow" href="https://x.example/">x</a>', '<a rel="nofollow noopener noreferrer" href="https://x.example/">x</a>', id="keeps-rel"),
    pytest.param('<a href="https://x.example/" rel="noopener noreferrer">x</a>',
                 '<a href="https://x.example/" rel="noopener noreferrer">x</a>', id="already-there"),
    pytest.param('<a href="https://x.example/" rel=noopener>x</a>', '<a href="https://x.example/" rel="noopener noreferrer">x</a>', id="unquoted-rel"),
    pytest.param('<a href="https://clinic.example/guide/faq/">own</a>', '<a href="https://clinic.example/guide/faq/">own</a>', id="own-site"),
    pytest.param('<a href="../faq/">rel</a>', '<a href="../faq/">rel</a>', id="relative"),
    pytest.param('<a href="tel:+441632960000">call</a>', '<a href="tel:+441632960000">call</a>', id="tel"),
    pytest.param('<a href="mailto:x@clinic.example">mail</a>', '<a href="mailto:x@clinic.example">mail</a>', id="mailto"),
    pytest.param('<abbr title="https://x.example">x</abbr>', '<abbr title="https://x.example">x</abbr>', id="not-an-anchor"),
    pytest.param('<a class="x" data-href="https://x.example/" href="#top">x</a>',
                 '<a class="x" data-href="https://x.example/" href="#top">x</a>', id="data-href"),
])
def test_secure_external_links(html, expected):
    assert csp.secure_external_links(html, SITE) == expected
