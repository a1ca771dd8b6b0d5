"""The Content-Security-Policy in real Chromium: every page and the interactive parts (search, palette,
drawer, booking form) run with zero policy violations, and script that was not in the page when it
was built (an injected <script>, an onclick= attribute) does not run."""
from __future__ import annotations

import re

# Recorded from the first moment of every document (init scripts are not governed by the policy).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def watched_page(new_context, width=1280, height=800):
    page = new_context(width, height).new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    return page, console


def test_every_page_has_a_strict_policy_and_breaks_none_of_it(new_context, site, site_pages):
    page, console = watched_page(new_context)
    problems = []
    for path in site_pages + ["no-such-page/"]:
        console.clear()
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert policy and "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, f"/{path}: {policy}"
        assert re.search(r"(^|; )script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)", policy), f"/{path}: {policy}"
        assert page.get_attribute('meta[name="referrer"]', "content") == "same-origin"
        problems += [f"/{path}: {v}" for v in violations(page)]
        expected = ["Failed to load resource: the server responded with a status of 404 (Not Found)"] if path == "no-such-page/" else []
        problems += [f"/{path}: console: {line}" for line in console if line not in expected]
    assert problems == [], "\n".join(problems)


def test_interactive_parts_work_under_the_policy(new_context, site):
    """Search (a web worker and its index), the palette toggle and the mobile drawer."""
    page, console = watched_page(new_context, 375, 812)
    page.goto(site.url + "how-it-works/")
    page.click('label[for="__search"]')
    page.locator("input.md-search__input").press_sequentially("hair", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.keyboard.press("Escape")
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_selector(".md-nav--primary", state="visible")
    page.keyboard.press("Escape")
    page.goto(site.url)
    toggle = page.locator("form[data-md-component=palette] label:visible").first
    toggle.click()
    assert violations(page) == [] and console == [], (violations(page), console)


def test_script_injected_into_a_page_does_not_run(new_context, site):
    """What an attacker (or a mistaken paste) might add to a page after the build is blocked by its policy."""
    page, console = watched_page(new_context)
    injected = ('<script>window.__injected = "inline";</script>'
                '<img src="assets/images/favicon.png" alt="" onload="window.__injected = \'handler\'">')

    def add_injection(route):
        response = route.fetch()
        html, count = re.subn(r"<body\b[^>]*>", lambda m: m.group(0) + injected, response.text(), count=1)
        assert count == 1
        route.fulfill(response=response, body=html)

    page.route(site.url + "how-it-works/", add_injection)
    page.goto(site.url + "how-it-works/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__injected") is None
    blocked = " ".join(violations(page))
    assert "script-src-elem blocked inline" in blocked, blocked
    assert "script-src-attr blocked inline" in blocked, blocked
    # The theme's own inline scripts still ran: the palette was applied from them.
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert any("Content Security Policy" in line for line in console), console
