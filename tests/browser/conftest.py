"""Real-browser fixtures: the built site and a test form receiver on loopback, Debian's Chromium via Playwright."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest

from conftest import ROOT, Project, chromium_path
from dev_receiver import Receiver
from static_server import StaticServer

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
REPORTS = ROOT / "test-artifacts"
# Test-only tools installed from package-lock.json by `make test-tools` (part of `make test`).
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The form's timeout in the test builds (the smallest extra.booking.timeout_seconds allows) and how long
# the receiver's "hang" faults last: longer than the timeout, so the browser gives up first.
FORM_TIMEOUT = 3
HANG_SECONDS = 4.0


HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test under tests/browser is a browser test (pytest.ini's marker; the quick run is -m "not browser")."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


#: The month of staff edits (test_staff_edits.py), when it runs in the background: a Future of (exit code, output).
STAFF_EDITS = pytest.StashKey[Future]()
_STAFF_EDITS_PROCESS = pytest.StashKey[subprocess.Popen]()
STAFF_EDITS_TEST = "tests/browser/test_staff_edits.py::test_a_first_month_of_staff_edits_keeps_every_test_green"
#: Set in the process that runs the month itself.
STAFF_EDITS_NOW = "STAFF_EDITS_NOW"


def pytest_collection_finish(session):
    """When the session runs the month of staff edits among other tests, start it now in a second pytest process
    at a lower CPU priority (its two minutes are mostly nested suites that leave a core free): the test then
    waits for its result instead of running it at its turn."""
    selected = [item for item in session.items if item.nodeid == STAFF_EDITS_TEST]
    if not selected or len(session.items) == 1 or os.environ.get(STAFF_EDITS_NOW):
        return
    basetemp = Path(tempfile.mkdtemp(prefix="staff-edits-")) / "tmp"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env[STAFF_EDITS_NOW] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--basetemp={basetemp}", STAFF_EDITS_TEST],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=lambda: os.nice(10))
    result: Future = Future()

    def wait() -> None:
        output = process.communicate()[0]
        if process.returncode == 0:  # a failed month's copy of the project is kept, for a look
            shutil.rmtree(basetemp.parent, ignore_errors=True)
        result.set_result((process.returncode, output + f"\n(its files: {basetemp})"))

    threading.Thread(target=wait, daemon=True).start()
    session.config.stash[STAFF_EDITS] = result
    session.config.stash[_STAFF_EDITS_PROCESS] = process


def pytest_sessionfinish(session):
    """A session that stops early (-x, Ctrl-C) does not leave the month running."""
    process = session.config.stash.get(_STAFF_EDITS_PROCESS, None)
    if process is not None and process.poll() is None:
        process.kill()


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    """Nor does a browser test file skip as a whole (``pytest.importorskip``, a module-level skip): that fails too."""
    report = yield
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"a browser test must not skip ({reason}); install what it needs: make test"
    return report


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def receiver(tmp_path_factory):
    server = Receiver(0, tmp_path_factory.mktemp("receiver") / "submissions.jsonl")
    server.faults.hang_seconds = HANG_SECONDS
    server.start_in_thread()
    yield server
    server.shutdown()


def build_and_serve(tmp_path_factory, name: str, booking: dict, clinic: dict | None = None) -> StaticServer:
    """Build the real site with changed extra.booking (and extra.clinic) keys for a loopback origin; serve it
    (``.root``: the files)."""
    port = free_port()
    project = Project(tmp_path_factory.mktemp(name) / "project")
    project.set_extra("booking", booking)
    if clinic:
        project.set_extra("clinic", clinic)
    result = project.build(site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.output
    server = StaticServer(result.site, port)
    server.root = result.site
    server.start_in_thread()
    return server


@pytest.fixture(scope="session")
def site(tmp_path_factory, receiver):
    """The real site built for a loopback origin, posting to the test receiver, served like GitHub Pages."""
    server = build_and_serve(tmp_path_factory, "browser", {"endpoint": receiver.url, "timeout_seconds": FORM_TIMEOUT})
    yield server
    server.shutdown()


#: Another clinic's brand (no logo: Material's icon), for the browser checks of the brand colours.
OTHER_BRAND = {"logo": None, "primary": "#1e3a8a", "accent": "#b45309"}


@pytest.fixture(scope="session")
def brand_site(tmp_path_factory, receiver):
    """The site with another clinic's colours (OTHER_BRAND)."""
    server = build_and_serve(tmp_path_factory, "brand", {"endpoint": receiver.url, "timeout_seconds": FORM_TIMEOUT},
                             clinic={"brand": OTHER_BRAND})
    server.brand = OTHER_BRAND
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def outage_site(tmp_path_factory):
    """The site posting to a loopback port where nothing listens yet (``.endpoint_port``): the service is unreachable
    until a test starts a receiver there."""
    endpoint_port = free_port()
    server = build_and_serve(tmp_path_factory, "outage", {"endpoint": f"http://127.0.0.1:{endpoint_port}/f/dev",
                                                          "timeout_seconds": FORM_TIMEOUT})
    server.endpoint_port = endpoint_port
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def site_pages(site) -> list[str]:
    """Every built page as a URL path relative to the site root ("" is the home page), plus 404.html."""
    pages = sorted(p.parent.relative_to(site.root).as_posix() for p in site.root.rglob("index.html"))
    paths = ["" if p == "." else p + "/" for p in pages]
    assert len(paths) >= 10, paths
    return paths + sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("404.html"))


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The site as a clinic publishes it (its own details, translations reviewed: no preview banners), for a
    loopback origin: what patients download, for the page-weight budget."""
    port = free_port()
    project = Project(tmp_path_factory.mktemp("published") / "project")
    project.make_publishable()
    result = project.build(site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.output
    server = StaticServer(result.site, port)
    server.root = result.site
    server.start_in_thread()
    yield server
    server.shutdown()


def need_tool(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make test-tools` (npm ci from package-lock.json)",
                    pytrace=False)
    return path


def write_report(name: str, text: str) -> Path:
    """Write a figure report under test-artifacts/ (so it is kept whatever pytest's -s says)."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()  # fails, with the command that installs it, when there is none
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Material's script is deferred (overrides/main.html): it runs before DOMContentLoaded, so by the "load" event it
# has started (<html> has the class "js"). Its components subscribe to DOMContentLoaded and some finish a task
# later. A test that uses the page the way a visitor would (search, the palette, focus styles) first checks that
# the theme started and lets that task run; a page whose bundle did not start by "load" is an error.
THEME_READY = """() => new Promise((resolve, reject) => {
  const bundle = document.querySelector('script[src*="assets/javascripts/bundle."]');
  // No bundle (404 of another server), or the page's own scripts do not run (JavaScript disabled).
  if (!bundle || typeof window.__md_get !== 'function') return resolve();
  if (!bundle.defer) return reject(new Error("Material's bundle is not deferred"));
  if (!document.documentElement.classList.contains('js')) return reject(new Error("Material's bundle has not run by load"));
  setTimeout(resolve, 0);
})"""


@pytest.fixture(scope="session", autouse=True)
def goto_waits_for_the_theme():
    """Every ``page.goto`` (waiting for "load", the default) also checks that Material's script has started."""
    from playwright.sync_api import Page

    original = Page.goto

    def goto(self, url, **kwargs):
        response = original(self, url, **kwargs)
        if kwargs.get("wait_until", "load") in ("load", "networkidle") and _scripts_enabled(self):
            self.evaluate(THEME_READY)
        return response

    Page.goto = goto
    yield
    Page.goto = original


def _scripts_enabled(page) -> bool:
    try:
        return bool(page.evaluate("() => true"))
    except Exception:  # noqa: BLE001 - a context with JavaScript disabled cannot evaluate
        return False


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_context(browser):
    """Make browser contexts (closed after the test): ``new_context(width, height, color_scheme="light", **kw)``."""
    contexts = []

    def make(width: int = 1280, height: int = 800, color_scheme: str = "light", **kwargs):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme, **kwargs)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
