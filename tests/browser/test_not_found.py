"""The 404 page in real Chromium on a project page (https://USER.github.io/REPO/): styled and with working
links at any depth. GitHub Pages answers every missing address under /REPO/ with REPO's 404.html; the
test server does the same by serving that file from its root."""
from __future__ import annotations

import shutil

import pytest

from conftest import Project, booking_page, catalog
from static_server import StaticServer

from .conftest import free_port


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    port = free_port()
    base = f"http://127.0.0.1:{port}/mesotherapy-guide/"
    root = tmp_path_factory.mktemp("pages")
    result = Project(root / "project").build(site_url=base)
    assert result.returncode == 0, result.output
    served = root / "served"
    shutil.copytree(result.site, served / "mesotherapy-guide")
    shutil.copy2(result.site / "404.html", served / "404.html")
    server = StaticServer(served, port)
    server.start_in_thread()
    yield base
    server.shutdown()


@pytest.mark.parametrize("missing", ["no-such-page/", "deep/down/no/such/page/", "typo.html"])
def test_404_page_is_styled_and_its_links_work_at_any_depth(page, project_site, missing):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400
            and response.url != project_site + missing else None)
    response = page.goto(project_site + missing)
    assert response.status == 404
    wording = catalog()  # overrides/locales/en.yml
    assert page.locator("article h1").inner_text() == wording["not_found.title"]
    # Material's stylesheet applied: the header is a fixed bar, not an unstyled block.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    assert failed == []
    page.get_by_role("link", name=wording["not_found.book"]).click()
    url, heading = booking_page()
    page.wait_for_url(project_site + url)
    assert page.locator("article h1").inner_text().startswith(heading)
