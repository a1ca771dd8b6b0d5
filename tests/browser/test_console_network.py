"""Every page loads without console errors or warnings and asks nothing of any origin but the site's own;
the booking form talks only to its form service; the third-party booking calendar (provider: embed)
is not contacted at all until the visitor clicks, and loads after the click."""
from __future__ import annotations

import threading
import time
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from conftest import BOOK, catalog

from .conftest import FORM_TIMEOUT, build_and_serve
from .test_accessibility import describe, run_axe



def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def watch(page) -> dict:
    seen = {"console": [], "requests": []}
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text} at {m.location}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen["console"].append(f"uncaught: {e}"))
    page.on("request", lambda r: seen["requests"].append(r.url))
    return seen


def test_no_console_problems_and_no_foreign_requests_on_any_page(new_context, site, site_pages, receiver):
    page = new_context(1280, 800).new_page()
    seen = watch(page)
    problems = []
    for path in site_pages:
        seen["console"].clear()
        seen["requests"].clear()
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        problems += [f"/{path}: {c}" for c in seen["console"]]
        foreign = sorted({u for u in seen["requests"] if origin(u) != origin(site.url) and not u.startswith("data:")})
        problems += [f"/{path}: request to {u}" for u in foreign]
        # The watch saw the whole page load: the document, its stylesheet, the theme's script and what that starts
        # (the search worker and index), so their console messages and requests were checked too.
        for part in (".css", "/assets/javascripts/bundle.", "/assets/javascripts/workers/search.", "/search/search_index.json"):
            assert any(part in u for u in seen["requests"]), f"/{path}: no {part} in {seen['requests']}"
    # Sending the form adds exactly one other origin: the form service.
    page.goto(site.url + BOOK)
    seen["requests"].clear()
    page.fill("#booking-form-name", "Nia Network")
    page.fill("#booking-form-email", "nia@example.com")
    page.check("#booking-form-consent")
    page.check("#booking-form-adult")
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert {origin(u) for u in seen["requests"]} - {origin(site.url)} == {origin(receiver.url)}
    problems += [f"/{BOOK} after sending: {c}" for c in seen["console"]]
    assert problems == [], "\n".join(problems)


class Provider(ThreadingHTTPServer):
    """A stand-in for Calendly & co. on loopback: serves a page and remembers when each request came."""
    daemon_threads = True

    def __init__(self):
        self.hits: list[tuple[float, str]] = []
        super().__init__(("127.0.0.1", 0), partial(ProviderHandler))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/clinic/book"


class ProviderHandler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass

    def do_GET(self):  # noqa: N802
        self.server.hits.append((time.monotonic(), self.path))
        body = b"<!doctype html><title>Calendar</title><h1 id=calendar>Pick a time</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def provider():
    server = Provider()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def embed_site(tmp_path_factory, provider):
    server = build_and_serve(tmp_path_factory, "embed", {"provider": "embed", "embed_url": provider.url,
                                                         "embed_title": "Our booking calendar",
                                                         "timeout_seconds": FORM_TIMEOUT})
    yield server
    server.shutdown()


def test_embed_contacts_the_provider_only_after_the_click(new_context, embed_site, provider):
    page = new_context(1280, 800).new_page()
    seen = watch(page)
    for path in ("", BOOK, "faq/"):
        page.goto(embed_site.url + path)
        page.wait_for_load_state("networkidle")
    page.goto(embed_site.url + BOOK)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert provider.hits == []
    assert [u for u in seen["requests"] if origin(u) == origin(provider.url)] == []
    assert page.locator("iframe").count() == 0
    assert describe(f"embed {BOOK}", run_axe(page)) == []
    clicked = time.monotonic()
    page.click(f"text={catalog()['booking.embed_open']}")
    frame = page.wait_for_selector("iframe[title='Our booking calendar']")
    assert frame.content_frame().wait_for_selector("#calendar").inner_text() == "Pick a time"
    assert [path for _, path in provider.hits] == ["/clinic/book"]
    assert all(at >= clicked for at, _ in provider.hits)
    assert describe(f"embed {BOOK} opened", run_axe(page)) == []
    assert seen["console"] == []
