"""WCAG 2.2 AA in real Chromium: axe-core on every page (mobile and desktop, light and dark), the booking
form's states, keyboard-only use of the form, no sideways scrolling at 320 px and 24×24 px tap targets.

The same pass over every page saves the screenshots a person can look at: test-artifacts/screenshots/.
"""
from __future__ import annotations

import pytest

from conftest import BOOK, catalog, other_languages, site_config
from sitekit import brand, colour

from .conftest import AXE_JS, SCREENSHOTS, need_tool

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"mobile": (375, 812), "desktop": (1280, 800)}
SCHEMES = {"light": "default", "dark": "slate"}  # Playwright colour scheme -> Material palette scheme


def run_axe(page) -> list[dict]:
    """axe-core's violations for the WCAG 2.0–2.2 A/AA tags on the page as it is now."""
    # Judge the page at rest: Material fades its header title in and out when the page scrolls.
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    if not page.evaluate("typeof window.axe === 'object'"):
        # Evaluated by the test driver, which the page's Content-Security-Policy does not govern (a
        # <script> tag added to the page would be blocked, as it should be).
        page.evaluate("() => {\n" + need_tool(AXE_JS).read_text(encoding="utf-8") + "\n}")
    # iframes: false - a third-party booking calendar is not ours to fix (and axe would message into it).
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], "
                           "iframes: false})", WCAG_TAGS)
    return result["violations"]


def describe(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{where}: {v['id']} ({v['impact']}) at {node['target']}: {summary[:300]}")
    return lines


def screenshot_name(path: str, size: str) -> str:
    slug = path.strip("/").replace("/", "-").removesuffix(".html") or "home"
    return f"{slug}-{size}.png"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", VIEWPORTS)
def test_axe_finds_nothing_on_any_page(new_context, site, site_pages, size, scheme):
    width, height = VIEWPORTS[size]
    page = new_context(width, height, color_scheme=scheme).new_page()
    problems, checked = [], 0
    for path in site_pages:
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], f"{path}: palette did not follow {scheme}"
        problems += describe(f"{size} {scheme} /{path}", run_axe(page))
        checked += 1
        if scheme == "light":
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / screenshot_name(path, size)), full_page=True)
    assert checked == len(site_pages)
    assert problems == [], "\n".join(problems)


def fill_valid(page):
    page.fill("#booking-form-name", "Axe Check")
    page.fill("#booking-form-email", "axe@example.com")
    page.check("#booking-form-consent")
    page.check("#booking-form-adult")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_in_the_booking_forms_states_or_the_open_search(new_context, site, receiver, scheme):
    page = new_context(375, 812, color_scheme=scheme).new_page()
    page.goto(site.url + BOOK)
    problems = []
    # Error summary and inline errors.
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-summary:not([hidden])")
    problems += describe(f"{scheme} {BOOK} with errors", run_axe(page))
    # Field errors from the service (summary + failure panel together).
    fill_valid(page)
    receiver.faults.push("400")
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-failure:not([hidden])")
    page.wait_for_selector("#booking-form-summary:not([hidden])")
    problems += describe(f"{scheme} {BOOK} rejected by the service", run_axe(page))
    # A failure panel.
    receiver.faults.push("500")
    page.click("#booking-form-retry")
    page.wait_for_selector("#booking-form-failure[role=alert]")
    problems += describe(f"{scheme} {BOOK} after a failure", run_axe(page))
    # The confirmation.
    page.click("#booking-form-retry")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    problems += describe(f"{scheme} {BOOK} confirmed", run_axe(page))
    # The search dialog, open.
    page.click("label.md-header__button[for=__search]")
    page.wait_for_selector(".md-search__input", state="visible")
    page.keyboard.type("mesotherapy")
    page.wait_for_selector(".md-search-result__item")
    problems += describe(f"{scheme} {BOOK} search open", run_axe(page))
    assert page.get_attribute(".md-search", "aria-label") == "Search"
    assert problems == [], "\n".join(problems)


# ---------------------------------------------------------------- keyboard only

FOCUS_STYLE = """async () => {
  const ring = node => {
    const s = getComputedStyle(node);
    return (s.outlineStyle !== 'none' && (s.outlineStyle === 'auto' || parseFloat(s.outlineWidth) >= 1))
      || (s.boxShadow && s.boxShadow !== 'none');
  };
  const look = () => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    // A visually hidden control (Material's palette radios) shows its focus on its label instead.
    const hiddenControl = parseFloat(s.opacity) === 0 || r.width === 0 || r.height === 0;
    const labels = [...(el.labels || [])];
    if (el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL') labels.push(el.nextElementSibling);
    const shown = hiddenControl ? labels.some(ring) : ring(el);
    return {id: el.id, tag: el.tagName.toLowerCase(), name: el.getAttribute('name'), type: el.getAttribute('type'),
            visible: !!shown, text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40),
            outline: s.outlineStyle + ' ' + s.outlineWidth + (hiddenControl ? ' (hidden control)' : '')};
  };
  let seen = look();
  if (!seen.visible && document.getAnimations().length) {
    // Material fades in the skip link and the heading anchors on focus: judge them once the fade is over.
    await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
    seen = look();
  }
  return seen;
}"""

FORM_FIELDS = ["booking-form-type-consultation", "booking-form-name", "booking-form-phone", "booking-form-email",
               "booking-form-treatment", "booking-form-message", "booking-form-consent", "booking-form-adult",
               "booking-form-submit"]


def tab_until(page, target_id: str, limit: int = 120) -> list[dict]:
    """Press Tab until ``target_id`` has focus; every stop on the way, with its focus style."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_STYLE))
        if stops[-1]["id"] == target_id:
            return stops
    raise AssertionError(f"Tab never reached #{target_id}; stops: {[s['id'] or s['text'] for s in stops]}")


def test_keyboard_only_booking(new_context, site, receiver):
    page = new_context(1280, 800).new_page()
    page.goto(site.url + BOOK)
    page.wait_for_load_state("load")
    stops = tab_until(page, "booking-form-submit")
    reached = [s["id"] for s in stops]
    days_and_times = [i for i in reached if i.startswith(("booking-form-day-", "booking-form-time-"))]
    assert [i for i in FORM_FIELDS if i not in reached] == []
    assert len(days_and_times) == page.locator("#booking-form input[type=checkbox][name^=preferred_]").count()
    assert "booking-form-website" not in reached  # the honeypot is never a tab stop
    assert [s for s in stops if not s["visible"]] == [], "focus not visible on these tab stops"

    # Enter on the submit button with nothing filled in: focus moves to the error summary, which is announced.
    page.keyboard.press("Enter")
    page.wait_for_selector("#booking-form-summary:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "booking-form-summary"
    assert page.get_attribute("#booking-form-summary", "role") == "alert"
    assert page.evaluate(FOCUS_STYLE)["visible"]
    for field in ("name", "phone", "consent", "adult"):
        el = f"#booking-form-{field}"
        assert page.get_attribute(el, "aria-invalid") == "true", field
        described = page.get_attribute(el, "aria-describedby").split()
        texts = [page.inner_text(f"#{i}") for i in described if page.is_visible(f"#{i}")]
        assert any(t.strip() for t in texts), f"{field}: its error text is not tied to it"
    # Every problem in the summary is a link that moves focus to its field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#booking-form-name"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "booking-form-name"
    page.keyboard.type("Kim Keys")
    page.keyboard.press("Tab")
    page.keyboard.type("020 7946 0000")
    tab_until(page, "booking-form-consent")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    # Enter in a text field submits the form; focus moves to the confirmation.
    page.focus("#booking-form-name")
    page.keyboard.press("Enter")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "booking-form-done"
    assert page.evaluate(FOCUS_STYLE)["visible"]
    assert page.inner_text("#booking-form-status") == catalog()["booking.status.sent"]
    assert page.get_attribute("#booking-form-status", "aria-live") == "polite"
    assert [r["name"] for r in receiver.store.records() if r.get("name") == "Kim Keys"] == ["Kim Keys"]


def test_focus_is_visible_on_every_tab_stop_of_every_page(new_context, site, site_pages):
    page = new_context(1280, 800).new_page()
    hidden = []
    for path in site_pages:
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        seen = set()
        for _ in range(200):
            page.keyboard.press("Tab")
            stop = page.evaluate(FOCUS_STYLE)
            key = (stop["id"], stop["tag"], stop["text"], stop["name"])
            if stop["tag"] == "body" or key in seen:
                break
            seen.add(key)
            if not stop["visible"]:
                hidden.append(f"/{path}: <{stop['tag']}> {stop['id'] or stop['text']!r} outline={stop['outline']}")
        assert len(seen) > 5, f"/{path}: only {len(seen)} tab stops"
    assert hidden == [], "\n".join(hidden)


# ---------------------------------------------------------------- 320 px: reflow and target size

TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, label[for], [role=button], summary';
  const scope = [...document.querySelectorAll('.md-banner, .md-header, .md-main, .md-footer')];
  // On screen, and not clipped away by an ancestor (Material's off-canvas drawer slides its panels inside it).
  const visible = el => {
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none' || el.closest('[hidden]')) return false;
    let r = el.getBoundingClientRect();
    let box = {left: Math.max(r.left, 0), right: Math.min(r.right, innerWidth), top: r.top, bottom: r.bottom};
    for (let a = el.parentElement; a; a = a.parentElement) {
      const as = getComputedStyle(a);
      if (as.overflowX !== 'visible' || as.overflowY !== 'visible') {
        const ar = a.getBoundingClientRect();
        box = {left: Math.max(box.left, ar.left), right: Math.min(box.right, ar.right),
               top: Math.max(box.top, ar.top), bottom: Math.min(box.bottom, ar.bottom)};
      }
    }
    return r.width > 0 && r.height > 0 && box.right - box.left > 0 && box.bottom - box.top > 0;
  };
  const targets = [];
  for (const root of scope) for (const el of root.querySelectorAll(selector)) {
    if (!visible(el)) continue;
    if (el.tagName === 'LABEL' && el.querySelector('a, button')) continue;
    targets.push(el);
  }
  // WCAG 2.5.8 "inline" exception: a link inside a sentence or block of text.
  const inline = el => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.closest('p, li, td, th, dd, dt, figcaption, blockquote');
    if (!block) return false;
    const own = [...block.querySelectorAll('a')].reduce((n, a) => n + a.textContent.trim().length, 0);
    return block.textContent.trim().length > own;
  };
  const rects = targets.map(el => el.getBoundingClientRect());
  const small = targets.map((el, i) => (rects[i].width < 23.95 || rects[i].height < 23.95) && !inline(el));
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const circleHitsRect = (c, r) => {
    const x = Math.max(r.left, Math.min(c[0], r.right)), y = Math.max(r.top, Math.min(c[1], r.bottom));
    return Math.hypot(c[0] - x, c[1] - y) < 12;
  };
  const failures = [];
  targets.forEach((el, i) => {
    if (!small[i]) return;
    // Spacing exception: a 24 px circle on the target's centre meets no other target, nor another small one's circle.
    const c = centre(rects[i]);
    const clash = targets.findIndex((other, j) => {
      if (j === i || other.contains(el) || el.contains(other)) return false;
      if (circleHitsRect(c, rects[j])) return true;
      if (small[j]) { const d = centre(rects[j]); return Math.hypot(c[0] - d[0], c[1] - d[1]) < 24; }
      return false;
    });
    if (clash >= 0) {
      const r = rects[i];
      const name = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30);
      const other = targets[clash];
      failures.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}" ` +
                    `${r.width.toFixed(1)}x${r.height.toFixed(1)} too close to ` +
                    `${other.tagName.toLowerCase()} "${(other.textContent || '').trim().slice(0, 30)}"`);
    }
  });
  return {count: targets.length, failures};
}"""


def test_320px_no_sideways_scroll_and_targets_at_least_24px(new_context, site, site_pages):
    page = new_context(320, 640).new_page()
    problems = []
    for path in site_pages:
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        width = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        if width[0] > width[1]:
            problems.append(f"/{path}: scrolls sideways ({width[0]} px wide in a {width[1]} px window)")
        result = page.evaluate(TARGETS)
        assert result["count"] > 5, f"/{path}: found only {result['count']} targets"
        problems += [f"/{path}: {f}" for f in result["failures"]]
    assert problems == [], "\n".join(problems)


def test_320px_book_link_is_on_screen_without_scrolling(new_context, site, site_pages):
    """A patient on a phone reaches the booking page from any page without scrolling (the call to book used to
    be only at the end of each page). The booking form's page and the thank-you page have no bar; nor has 404."""
    booking = site_config()["extra"].get("booking") or {}
    thank_you = booking.get("thank_you_page", "thank-you.md")[:-3] + "/"
    page = new_context(320, 640).new_page()
    problems = []
    for path in site_pages:
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        link = page.locator(".md-banner a.book-bar__book")
        own = path.split("/", 1)[1] if path.split("/", 1)[0] in other_languages() else path  # within its language
        if own in ("404.html", thank_you) or page.locator("form.booking-form").count():
            if link.count():
                problems.append(f"/{path}: has the booking bar, but it should not")
            continue
        box = link.bounding_box() if link.count() == 1 else None
        if not box or box["y"] < 0 or box["y"] + box["height"] > page.evaluate("innerHeight"):
            problems.append(f"/{path}: the booking link is not on screen at load ({box})")
    assert problems == [], "\n".join(problems)
    page.goto(site.url)
    page.locator(".md-banner a.book-bar__book").click()
    page.wait_for_load_state("load")
    assert page.locator("form.booking-form").count() == 1


# ---------------------------------------------------------------- the clinic's brand (extra.clinic.brand)

def css_rgb(hex_colour: str) -> str:
    """A hex colour as getComputedStyle reports it."""
    return "rgb({}, {}, {})".format(*colour.rgb(hex_colour))


BRAND_COLOURS = """() => {
    const style = selector => { const node = document.querySelector(selector); return node && getComputedStyle(node); };
    const link = document.querySelector('.md-content p a[href]:not(.md-button)');
    return {
        header: style('.md-header').backgroundColor, headerText: style('.md-header').color,
        link: getComputedStyle(link).color,
        button: style('.page-cta .md-button--primary').backgroundColor,
        buttonText: style('.page-cta .md-button--primary').color,
        bar: style('.md-banner').backgroundColor,
        diagram: style('svg.diagram [fill="#1f9e8f"]').fill,
        focus: (link.classList.add('focus-visible'), getComputedStyle(link).outlineColor),
        logo: [...document.querySelectorAll('.md-header .md-logo img')].map(img => img.src),
    };
}"""


def expected_brand(values: dict, scheme: str, site_url: str) -> dict:
    return {"header": css_rgb(values["primary"]), "headerText": css_rgb("#ffffff"),
            "link": css_rgb(values["primary"] if scheme == "light" else values["dark_links"]),
            "button": css_rgb(values["primary"]), "buttonText": css_rgb("#ffffff"),
            "bar": css_rgb(values["primary_dark"]), "diagram": css_rgb(values["primary_light"]),
            "focus": css_rgb(values["accent"] if scheme == "light" else values["dark_accent"]),
            "logo": [site_url + values["logo"]] if values["logo"] else []}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_header_links_buttons_and_book_bar_take_the_clinics_colours(new_context, site, scheme):
    """The colours Chromium draws are the ones mkdocs.yml sets (extra.clinic.brand), in both schemes."""
    values = brand.complete((site_config()["extra"]["clinic"] or {}).get("brand"))
    page = new_context(1280, 800, color_scheme=scheme).new_page()
    page.goto(site.url + "how-it-works/")
    assert page.evaluate(BRAND_COLOURS) == expected_brand(values, scheme, site.url)
    if values["logo"]:
        assert page.locator(".md-header .md-logo img").evaluate("img => img.complete && img.naturalWidth > 0")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_another_clinics_colours_are_drawn_and_axe_finds_nothing(new_context, brand_site, scheme):
    """A site with other colours (tests/browser/conftest.py OTHER_BRAND): drawn as set, still WCAG 2.2 AA."""
    values = brand.complete(brand_site.brand)
    page = new_context(375, 812, color_scheme=scheme).new_page()
    problems = []
    for path in ("", "how-it-works/", BOOK):
        page.goto(brand_site.url + path)
        page.wait_for_load_state("load")
        if path == "how-it-works/":
            assert page.evaluate(BRAND_COLOURS) == expected_brand(values, scheme, brand_site.url)
        problems += describe(f"{scheme} /{path} (other brand)", run_axe(page))
    assert problems == [], "\n".join(problems)
