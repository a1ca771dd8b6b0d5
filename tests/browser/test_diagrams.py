"""The diagrams and the printable checklist in real Chromium: theme colours, 320 px, print and A4 PDF."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, booking_url
from sitekit.colour import contrast

ARTIFACTS = ROOT / "test-artifacts" / "diagrams"
CLINIC_PHONE = yaml.safe_load("extra:\n" + (ROOT / "mkdocs.yml").read_text().split("\nextra:\n", 1)[1])["extra"]["clinic"]["phone"]
DIAGRAM_PAGES = ["how-it-works/", "treatment-plan/"]
# Hidden when printing: header, tabs, search, sidebars, footer navigation, booking form, call to book.
PRINT_HIDDEN = [".md-header", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer__inner",
                ".booking", ".page-cta"]


def luminance(css_colour: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", css_colour)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.fixture(params=["light", "dark"])
def scheme(request):
    return request.param


@pytest.mark.parametrize("width", [320, 1280])
def test_diagrams_are_legible_in_both_schemes_and_saved_as_screenshots(browser, site, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        for url in DIAGRAM_PAGES:
            page.goto(site.url + url)
            assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
            # The labels are drawn in the page's own text colour, whichever scheme is on.
            colours = page.evaluate("""() => [...document.querySelectorAll('svg.diagram text')].map(t =>
                [getComputedStyle(t).fill, getComputedStyle(t.closest('.md-typeset')).color])""")
            assert colours and all(fill == text for fill, text in colours), colours
            assert (luminance(colours[0][0]) > 0.6) if scheme == "dark" else (luminance(colours[0][0]) < 0.3)
            # Nothing sticks out of the page, every label sits inside its picture and is big enough to read.
            layout = page.evaluate("""() => {
                const out = {overflow: document.documentElement.scrollWidth - innerWidth, clipped: [], smallest: 99};
                for (const svg of document.querySelectorAll('svg.diagram')) {
                    const box = svg.getBoundingClientRect();
                    const scale = box.width / svg.viewBox.baseVal.width;
                    for (const t of svg.querySelectorAll('text')) {
                        const r = t.getBoundingClientRect();
                        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
                            out.clipped.push(t.textContent);
                        out.smallest = Math.min(out.smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
                    }
                }
                return out;
            }""")
            assert layout["overflow"] <= 0, f"{url} scrolls sideways at {width} px"
            assert layout["clipped"] == [], f"{url}: labels cut off at {width} px: {layout['clipped']}"
            assert layout["smallest"] >= 11, f"{url}: smallest label is {layout['smallest']:.1f} px at {width} px"
            for index, figure in enumerate(page.locator("article figure").all()):
                figure.screenshot(path=str(ARTIFACTS / f"{url.strip('/')}-{index}-{width}-{scheme}.png"))
            if url == "treatment-plan/":
                page.locator("article table").first.screenshot(path=str(ARTIFACTS / f"concern-table-{width}-{scheme}.png"))
        page.goto(site.url + "checklist/")
        page.screenshot(path=str(ARTIFACTS / f"checklist-{width}-{scheme}.png"), full_page=True)
    finally:
        context.close()


def test_print_drops_navigation_search_form_and_call_to_book(browser, site, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        seen = set()
        for url in ("checklist/", booking_url()):
            page.goto(site.url + url)
            page.emulate_media(media="screen")
            on_screen = {s for s in PRINT_HIDDEN
                         if page.locator(s).count() and page.eval_on_selector(s, "e => getComputedStyle(e).display") != "none"}
            page.emulate_media(media="print")
            shown = {s: page.eval_on_selector(s, "e => getComputedStyle(e).display") for s in on_screen}
            assert {s: d for s, d in shown.items() if d != "none"} == {}, f"{url} prints {shown}"
            seen |= on_screen
            # Black text on white paper, even from dark mode.
            assert luminance(page.eval_on_selector("article", "e => getComputedStyle(e).color")) < 0.3
            assert page.is_visible("article h1")
            # The clinic's name and phone stay on the paper.
            assert page.is_visible(".site-footer__clinic") and CLINIC_PHONE in page.inner_text(".site-footer__clinic")
        assert seen == set(PRINT_HIDDEN), f"never seen on screen: {set(PRINT_HIDDEN) - seen}"
    finally:
        context.close()


#: The colour of each printed part that carries text, blended on white paper (alpha as the browser draws it).
PRINTED_TEXT = """() => [...document.querySelectorAll('.site-footer, .site-footer a, .topic-box, .page-review')]
  .filter(e => getComputedStyle(e).display !== 'none')
  .map(e => { const m = getComputedStyle(e).color.match(/[\\d.]+/g).map(Number); const a = m.length > 3 ? m[3] : 1;
              return [e.className || e.tagName, m.slice(0, 3).map(c => Math.round(c * a + 255 * (1 - a)))]; })"""


def test_checklist_prints_on_one_a4_page(page, site):
    page.emulate_media(media="print")
    page.goto(site.url + "checklist/")
    # The clinic's details, the contacts box and the review line are readable on paper (4.5:1 on white).
    printed = page.evaluate(PRINTED_TEXT)
    assert len(printed) >= 3
    for name, (r, g, b) in printed:
        assert contrast(f"#{r:02x}{g:02x}{b:02x}", "#ffffff") >= 4.5, (name, (r, g, b))
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    (ARTIFACTS).mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "checklist.pdf").write_bytes(pdf)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes), boxes
    assert pdf_pages(pdf) == 1
    # The page counter really counts: a long guide page prints on several pages.
    page.goto(site.url + "how-it-works/")
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) > 1
