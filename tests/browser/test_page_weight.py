"""The page-weight model (tools/page_weight.py) against real Chromium: on the first view of every page Chromium
fetches exactly what the model counts, the same number of bytes, within the budget; Material's search worker and
index are part of that first view (Material's script asks for both as it starts, before the load event), opening
search fetches nothing more, and search finds things."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from conftest import REPORT_SECTIONS, other_languages, site_config
from page_weight import first_view, kb, over_budget


def local(url: str, site_url: str) -> str:
    """The model's name for an address: its path on the site's origin, else the full address."""
    return url[len(site_url) - 1:].split("#", 1)[0] if url.startswith(site_url) else url


# Chromium's Resource Timing of the page ("navigation" for the document itself): encoded body bytes by address.
RESOURCE_TIMING = """() => Object.fromEntries(performance.getEntries()
  .filter(e => e.entryType === 'navigation' || e.entryType === 'resource').map(e => [e.name, e.encodedBodySize]))"""


def first_view_in_chromium(new_context, site, path: str) -> tuple[dict[str, int], list[str]]:
    """Every request of a first view in a fresh browser context: {address: encoded body bytes}, and problems.

    Bytes are Playwright's responseBodySize. For a worker's script Playwright reports 0 (Chromium fetches it for
    the worker); there the page's Resource Timing (encodedBodySize) counts it. Where both count, they must agree."""
    page = new_context(375, 812).new_page()
    seen: dict[str, int] = {}
    finished = []
    page.on("requestfinished", lambda r: finished.append(r))
    page.on("requestfailed", lambda r: seen.setdefault(local(r.url, site.url), -1))
    page.goto(site.url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)  # anything a script starts late would show now
    timing = page.evaluate(RESOURCE_TIMING)
    problems = []
    for request in finished:
        if request.url.startswith("data:"):
            continue
        size, timed = request.sizes()["responseBodySize"], timing.get(request.url)
        if size == 0 and timed:
            size = timed
        elif timed is not None and timed != size:
            problems.append(f"/{path}: {request.url} is {size} bytes to Playwright, {timed} in Resource Timing")
        seen[local(request.url, site.url)] = size
    return seen, problems


def test_chromium_fetches_what_the_model_counts_within_budget(new_context, published_site):
    """On the site as published (no preview banners), every page of every language."""
    site = published_site
    pages = sorted(p.parent.relative_to(site.root).as_posix() for p in site.root.rglob("index.html"))
    site_pages = ["" if p == "." else p + "/" for p in pages] + ["404.html"]
    problems, lines = [], [f"{'page':24} {'requests':>8} {'KB':>6}   (Chromium, first view, mobile)"]
    for path in site_pages:
        model = {f.url: f.bytes for f in first_view(site.root, path)}
        real, measured = first_view_in_chromium(new_context, site, path)
        problems += measured
        if set(real) != set(model):
            problems.append(f"/{path}: Chromium fetched {sorted(set(real) - set(model))} that the model does not count; "
                            f"the model counts {sorted(set(model) - set(real))} that Chromium did not fetch")
        for url in sorted(set(real) & set(model)):
            if real[url] != model[url]:
                problems.append(f"/{path}: {url} is {real[url]} bytes in Chromium, {model[url]} in the model")
        total = sum(max(n, 0) for n in real.values())
        searched = search_requests(list(real))
        search = sum(max(real[u], 0) for u in searched)
        lines.append(f"{'/' + path:24} {len(real):>8} {kb(total):>6}")
        problems += [f"/{path}: over the budget: {over}"
                     for over in over_budget(len(real) - len(searched), total - search, search)]
    REPORT_SECTIONS["page weight in Chromium (tests/browser/test_page_weight.py)"] = lines
    assert problems == [], "\n".join(problems)


def search_requests(requests: list[str]) -> list[str]:
    """Material's search: its worker, the index and the lunr language scripts the worker imports."""
    return [u for u in requests if "/workers/search." in u or u.endswith("/search/search_index.json")
            or "/assets/javascripts/lunr/" in u]


def test_search_worker_and_index_belong_to_the_first_view(new_context, site):
    """Why the model counts them in the first view: Chromium asks for both before DOMContentLoaded and load, with
    no action of the visitor, started by Material's script (the index by its XMLHttpRequest, the worker by
    ``new Worker``), once each."""
    page = new_context(375, 812).new_page()
    cdp = page.context.new_cdp_session(page)
    events: list[tuple[str, str]] = []
    cdp.on("Network.requestWillBeSent",
           lambda e: events.append(("request", e["request"]["url"], e["initiator"]["type"], e.get("type"))))
    cdp.on("Page.domContentEventFired", lambda e: events.append(("DOMContentLoaded",)))
    cdp.on("Page.loadEventFired", lambda e: events.append(("load",)))
    cdp.send("Network.enable")
    cdp.send("Page.enable")
    page.goto(site.url + "how-it-works/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    names = [e[0] if e[0] != "request" else urlsplit(e[1]).path.rsplit("/", 1)[-1] for e in events]
    assert "DOMContentLoaded" in names and "load" in names, names
    ready = names.index("DOMContentLoaded")
    searched = [(i, e) for i, e in enumerate(events) if e[0] == "request" and search_requests([e[1]])]
    assert len(searched) == 2, names
    for i, (_, url, initiator, kind) in searched:
        assert i < ready, f"{url} was requested after DOMContentLoaded: {names}"
        if url.endswith("search_index.json"):
            assert (initiator, kind) == ("script", "XHR"), (url, initiator, kind)
        else:
            assert kind == "Script" and "/workers/search." in url, (url, initiator, kind)
    bundle = next(i for i, name in enumerate(names) if name.startswith("bundle."))
    assert all(i > bundle for i, _ in searched), names


@pytest.mark.parametrize("opener", ["click on mobile", "keyboard on desktop"])
def test_search_finds_results_without_fetching_anything_more(new_context, site, opener):
    page = new_context(*((375, 812) if "mobile" in opener else (1280, 800))).new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site.url + "how-it-works/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert sorted(urlsplit(u).path.rsplit("/", 1)[-1].split(".")[0] for u in search_requests(requests)) == \
        ["search", "search_index"]
    loaded = len(requests)
    if "click" in opener:
        page.click("label.md-header__button[for=__search]")
    else:
        page.keyboard.press("/")
    page.wait_for_selector(".md-search__input", state="visible")
    page.keyboard.type("hair")
    page.wait_for_selector(".md-search-result__item")
    assert "hair" in page.inner_text(".md-search-result__list").lower()
    assert requests[loaded:] == [], f"opening search fetched {requests[loaded:]}"


def test_arriving_from_a_search_result_highlights_the_words(new_context, site):
    page = new_context(1280, 800).new_page()
    page.goto(site.url + "what-it-treats/?h=hair")
    page.wait_for_selector("mark[data-md-highlight]")
    assert page.inner_text("mark[data-md-highlight] >> nth=0").lower().startswith("hair")


@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
def test_pages_read_in_the_visitors_colours_before_the_theme_script_arrives(new_context, site, scheme, expected):
    """Material's script is deferred, so the page may be painted before it has arrived and run; until then (here:
    never) the page is already readable in the visitor's colour scheme
    (overrides/partials/javascripts/palette-media.html), without a white flash."""
    page = new_context(375, 812, color_scheme=scheme).new_page()
    held = []
    page.route("**/assets/javascripts/bundle.*.js", lambda route: (held.append(route.request.url), route.abort()))
    page.goto(site.url + "side-effects/", wait_until="domcontentloaded")
    page.wait_for_timeout(300)
    assert held, "the theme's script was not requested"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    assert page.locator("article h1").is_visible()
    assert page.evaluate("document.documentElement.classList.contains('no-js')"), "the theme's script must not have run"


def test_a_colour_the_visitor_chose_is_kept_before_the_theme_script_arrives(new_context, site):
    """A visitor who chose the other colour scheme on an earlier visit (Material keeps the choice in localStorage)
    sees it from the first paint too, though the system setting says otherwise and Material's bundle never runs:
    Material's small script in the header applies it, and palette-media.html must not undo it. The choice is one
    of mkdocs.yml's theme.palette options, stored as Material stores it."""
    options = site_config()["theme"]["palette"]
    light = next(i for i, o in enumerate(options) if o.get("media") == "(prefers-color-scheme: light)")
    other = next(i for i, o in enumerate(options) if o.get("scheme", "default") != options[light].get("scheme", "default"))
    chosen = options[other]
    color = {"media": chosen.get("media", ""), "scheme": chosen.get("scheme", "default"),
             "primary": chosen.get("primary", "indigo"), "accent": chosen.get("accent", "indigo")}
    context = new_context(375, 812, color_scheme="light")
    stored = json.dumps({"index": other, "color": color})
    root = urlsplit(site.url).path  # Material's key: the path of its build's root (__md_scope), then the name
    for scope in (root, *(f"{root}{code}/" for code in other_languages())):
        context.add_init_script(f"localStorage.setItem({json.dumps(scope + '.__palette')}, {json.dumps(stored)})")
    page = context.new_page()
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    for path in ("side-effects/", *(f"{code}/" for code in other_languages())):
        page.goto(site.url + path, wait_until="domcontentloaded")
        page.wait_for_timeout(200)
        assert page.evaluate("document.documentElement.classList.contains('no-js')"), "the theme's script must not have run"
        for name in ("scheme", "primary", "accent"):
            assert page.get_attribute("body", f"data-md-color-{name}") == color[name], (path, name)
