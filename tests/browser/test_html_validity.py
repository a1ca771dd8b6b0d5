"""The Nu Html Checker (vnu.jar from the vnu-jar npm package, on Debian's Java) finds no error on any built page.

One JVM run checks every page of the test build plus a canary page that repeats the mistake Material makes
(``autocomplete`` on a checkbox), so the test also proves the checker would catch that regression.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import apt_install

from .conftest import VNU_JAR, need_tool, write_report

CANARY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>
<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"></body></html>
"""


def test_every_page_is_valid_html(site, tmp_path):
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is not installed: run `{apt_install('default-jre-headless')}` (`make test` installs what is "
                    "missing)", pytrace=False)
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) >= 12
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    result = subprocess.run([java, "-Xss2m", "-jar", str(need_tool(VNU_JAR)), "--format", "json", "--exit-zero-always",
                             str(canary), *map(str, pages)], capture_output=True, text=True, timeout=180)
    messages = json.loads(result.stderr)["messages"]
    by_file: dict[str, list[str]] = {}
    for m in messages:
        if m["type"] == "error" or m.get("subType") == "fatal" or m["type"] == "non-document-error":
            by_file.setdefault(m.get("url", "?").removeprefix("file:"), []).append(
                f"{m.get('lastLine', '?')}: {m['message']}")
    canary_errors = by_file.pop(str(canary), [])
    assert any("autocomplete" in e for e in canary_errors), f"the checker missed the canary: {messages}"
    report = "\n".join(f"{path}:{error}" for path, errors in sorted(by_file.items()) for error in errors)
    write_report("vnu.txt", f"Nu Html Checker: {len(pages)} pages, {sum(map(len, by_file.values()))} errors\n{report}\n")
    assert by_file == {}, report
