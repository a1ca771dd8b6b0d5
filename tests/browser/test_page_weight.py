"""The page-weight model (tools/page_weight.py) against real Chromium: on the first view of every page Chromium
fetches exactly what the model counts, the same number of bytes, within the budget; Material's search worker
and index come only when the visitor opens search, and search still finds things."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import REPORT_SECTIONS
from page_weight import BUDGET_BYTES, BUDGET_REQUESTS, first_view, kb


def local(url: str, site_url: str) -> str:
    """The model's name for an address: its path on the site's origin, else the full address."""
    return url[len(site_url) - 1:].split("#", 1)[0] if url.startswith(site_url) else url


def first_view_in_chromium(new_context, site, path: str) -> dict[str, int]:
    """Every request of a first view in a fresh browser context: {address: encoded body bytes}."""
    page = new_context(375, 812).new_page()
    seen: dict[str, int] = {}
    finished = []
    page.on("requestfinished", lambda r: finished.append(r))
    page.on("requestfailed", lambda r: seen.setdefault(local(r.url, site.url), -1))
    page.goto(site.url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)  # anything a script starts late (a worker, an index) would show now
    for request in finished:
        if request.url.startswith("data:"):
            continue
        seen[local(request.url, site.url)] = request.sizes()["responseBodySize"]
    return seen


def test_chromium_fetches_what_the_model_counts_within_budget(new_context, site, site_pages):
    problems, lines = [], [f"{'page':24} {'requests':>8} {'KB':>6}   (Chromium, first view, mobile)"]
    for path in site_pages:
        model = {f.url: f.bytes for f in first_view(site.root, path)}
        real = first_view_in_chromium(new_context, site, path)
        if set(real) != set(model):
            problems.append(f"/{path}: Chromium fetched {sorted(set(real) - set(model))} that the model does not count; "
                            f"the model counts {sorted(set(model) - set(real))} that Chromium did not fetch")
        for url in sorted(set(real) & set(model)):
            if real[url] != model[url]:
                problems.append(f"/{path}: {url} is {real[url]} bytes in Chromium, {model[url]} in the model")
        total = sum(max(n, 0) for n in real.values())
        lines.append(f"{'/' + path:24} {len(real):>8} {kb(total):>6}")
        if len(real) > BUDGET_REQUESTS or total > BUDGET_BYTES:
            problems.append(f"/{path}: {len(real)} requests, {total} bytes: over the budget "
                            f"({BUDGET_REQUESTS} requests, {BUDGET_BYTES} bytes)")
    REPORT_SECTIONS["page weight in Chromium (tests/browser/test_page_weight.py)"] = lines
    assert problems == [], "\n".join(problems)


def search_requests(requests: list[str]) -> list[str]:
    return [u for u in requests if "/workers/search." in u or u.endswith("/search/search_index.json")]


@pytest.mark.parametrize("opener", ["click on mobile", "keyboard on desktop"])
def test_search_loads_only_when_opened_and_finds_results(new_context, site, opener):
    page = new_context(*((375, 812) if "mobile" in opener else (1280, 800))).new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site.url + "how-it-works/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert search_requests(requests) == []
    if "click" in opener:
        page.click("label.md-header__button[for=__search]")
    else:
        page.keyboard.press("/")
    page.wait_for_selector(".md-search__input", state="visible")
    page.keyboard.type("hair")
    page.wait_for_selector(".md-search-result__item")
    assert sorted(urlsplit(u).path.rsplit("/", 1)[-1].split(".")[0] for u in search_requests(requests)) == \
        ["search", "search_index"]
    assert "hair" in page.inner_text(".md-search-result__list").lower()


def test_arriving_from_a_search_result_highlights_the_words(new_context, site):
    page = new_context(1280, 800).new_page()
    page.goto(site.url + "what-it-treats/?h=hair")
    page.wait_for_selector("mark[data-md-highlight]")
    assert page.inner_text("mark[data-md-highlight] >> nth=0").lower().startswith("hair")


@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
def test_pages_read_in_the_visitors_colours_before_the_theme_script_arrives(new_context, site, scheme, expected):
    """Material's script comes after the first paint; until then (here: never) the page is already readable in
    the visitor's colour scheme (overrides/partials/javascripts/palette-media.html), without a white flash."""
    page = new_context(375, 812, color_scheme=scheme).new_page()
    held = []
    page.route("**/assets/javascripts/bundle.*.js", lambda route: (held.append(route.request.url), route.abort()))
    page.goto(site.url + "side-effects/", wait_until="domcontentloaded")
    page.wait_for_timeout(300)
    assert held, "the theme's script was not requested after the first paint"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    assert page.locator("article h1").is_visible()
    assert page.evaluate("document.documentElement.classList.contains('no-js')"), "the theme's script must not have run"
