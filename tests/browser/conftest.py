"""Real-browser fixtures: the built site and a test form receiver on loopback, Debian's Chromium via Playwright."""
from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from conftest import ROOT, Project
from dev_receiver import Receiver
from static_server import StaticServer

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                      shutil.which("chromium"), shutil.which("google-chrome")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def receiver(tmp_path_factory):
    server = Receiver(0, tmp_path_factory.mktemp("receiver") / "submissions.jsonl")
    server.faults.hang_seconds = 8
    server.start_in_thread()
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def site(tmp_path_factory, receiver):
    """The real site built for a loopback origin, posting to the test receiver, served like GitHub Pages."""
    port = free_port()
    project = Project(tmp_path_factory.mktemp("browser") / "project")
    project.set_extra("booking", {"endpoint": receiver.url, "timeout_seconds": 4})
    result = project.build(site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.output
    server = StaticServer(result.site, port)
    server.start_in_thread()
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed: run `make system-deps` (Debian package chromium)")
        pytest.skip("Chromium is not installed (make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()
