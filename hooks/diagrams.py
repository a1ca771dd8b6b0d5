"""Hook: show docs/assets/diagrams/*.svg inline (theme colours, selectable text) and check each diagram."""
from __future__ import annotations

import os

from sitekit import diagrams
from sitekit.problems import Problem, display_path
from sitekit.report import Reporter

_reporter = Reporter("diagrams", "the diagrams")


def on_pre_build(config):
    _reporter.reset()


def _line_of(source: str, name: str) -> int:
    for number, line in enumerate(source.splitlines(), 1):
        if f"{diagrams.FOLDER}{name}.svg" in line:
            return number
    return 1


def on_page_content(html, page, config, files):
    folder = os.path.join(config.docs_dir, *diagrams.FOLDER.strip("/").split("/"))
    texts: dict[str, str | None] = {}

    def load(name):
        path = os.path.join(folder, name + ".svg")
        texts[name] = open(path, encoding="utf-8").read() if os.path.isfile(path) else None
        return texts[name]

    html, used = diagrams.inline(html, load)
    path = display_path(page.file.abs_src_path, os.path.dirname(config.config_file_path))
    source = page.file.content_string
    problems = []
    for name in dict.fromkeys(used):
        line, where = _line_of(source, name), f"docs/{diagrams.FOLDER}{name}.svg"
        if texts[name] is None:
            problems.append(Problem(path, line, f"diagram {where} does not exist",
                                    f"add the SVG file, or correct the name in the image link", check="diagrams"))
            continue
        if used.count(name) > 1:
            problems.append(Problem(path, line, f"diagram {where} is shown {used.count(name)} times on this page",
                                    "show each diagram once per page (its ids must be unique)", check="diagrams"))
        for what, fix in diagrams.check_svg(texts[name]):
            problems.append(Problem(path, line, f"diagram {where} {what}", fix, check="diagrams"))
    _reporter.report(problems)
    return html


def on_env(env, config, files):
    _reporter.stop_if_errors()
    return env
