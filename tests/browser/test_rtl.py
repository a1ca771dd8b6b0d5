"""Right to left in real Chromium, on the real site's right-to-left edition (/ar/, from docs/ar/): the topic boxes,
the call to book and the booking form mirror (coloured border on the right, labels right of their boxes), phone
numbers stay left to right, and the form sends in Arabic with the clinic's English values."""
from __future__ import annotations

import pytest

from conftest import other_languages, site_config
from sitekit.strings import direction
from sitekit.topics import DEFAULT_PAGES
from test_strings import load

CLINIC = site_config()["extra"]["clinic"]
BOOKING_PAGE = site_config()["extra"]["booking"].get("page", "book.md").removesuffix(".md") + "/"
#: The first right-to-left language of extra.languages (the site publishes it at /CODE/).
RTL = next(code for code in other_languages() if direction(code) == "rtl")


def urgent_page() -> str:
    """The page whose section holds the warning signs (and its box of whom to call)."""
    topics = (site_config()["extra"].get("policy") or {}).get("topics") or DEFAULT_PAGES
    return topics["warning-signs"].removesuffix(".md").removesuffix("index") + "/"


@pytest.fixture(scope="module")
def arabic_site(site):
    """The real site (both languages, posting to the test receiver); the tests open its /CODE/ pages."""
    return site


BOX = """(selector) => {
  const box = document.querySelector(selector), style = getComputedStyle(box);
  return {right: parseFloat(style.borderRightWidth), left: parseFloat(style.borderLeftWidth),
          direction: style.direction, font: style.fontFamily};
}"""


TEXT_BOX = """(selector) => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector));
  const rect = range.getBoundingClientRect();
  return {left: rect.left, right: rect.right};
}"""


@pytest.mark.parametrize("width", [320, 1280])
def test_topic_box_and_call_to_book_mirror(browser, arabic_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(arabic_site.url + f"{RTL}/" + urgent_page())
        for selector in (".topic-box--urgent", ".page-cta"):
            box = page.evaluate(BOX, selector)
            assert box["direction"] == "rtl" and box["right"] > 0 and box["left"] == 0, (selector, box)
        assert page.evaluate(BOX, "body")["font"].startswith('"Noto Naskh Arabic"')
        # The phone number reads left to right inside the Arabic sentence (its digits in their own order).
        phone = page.locator('.book-bar a[href^="tel:"]')
        assert phone.inner_text() == CLINIC["phone"]
        assert page.evaluate("(a) => getComputedStyle(a).direction", phone.element_handle()) == "ltr"
        # The urgent box's list starts at the right edge of the box.
        box, item = (page.locator(sel).first.bounding_box() for sel in (".topic-box--urgent", ".topic-box--urgent li"))
        assert box["x"] + box["width"] - (item["x"] + item["width"]) < box["x"] + box["width"] / 2 - item["x"]
    finally:
        context.close()


def test_booking_form_mirrors_and_sends(page, arabic_site, receiver):
    ar = load(RTL).values
    page.goto(arabic_site.url + f"{RTL}/" + BOOKING_PAGE)
    form = page.locator(".booking-form").bounding_box()
    # Each choice: the box at the right, its label to the left of it; field labels start at the form's right edge.
    box = page.locator("#booking-form-type-consultation").bounding_box()
    label = page.locator("label[for=booking-form-type-consultation]").bounding_box()
    assert box["x"] > label["x"], (box, label)
    text = page.evaluate(TEXT_BOX, "label[for=booking-form-name]")
    assert abs((form["x"] + form["width"]) - text["right"]) < 2 and text["left"] > form["x"] + form["width"] / 2
    # The validation messages are the Arabic ones; the clinic receives its English values.
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-summary:not([hidden])")
    assert ar["booking.name_required"] in page.locator("#booking-form-summary-list").inner_text()
    page.fill("#booking-form-name", "Rania Rtl")
    page.fill("#booking-form-phone", "+44 20 7946 0999")
    page.check("#booking-form-day-1")
    page.check("#booking-form-consent")
    page.check("#booking-form-adult")
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert ar["booking.done_title"] in page.locator("#booking-form-done").inner_text()
    [record] = [r for r in receiver.store.records() if r.get("name") == "Rania Rtl"]
    assert record["request_type"] == "Free consultation" and record["preferred_days"] in ("Monday", ["Monday"])
