"""Hook: check every page's front matter and work out what it shows about its medical review."""
from __future__ import annotations

import datetime as dt
import os

from sitekit import frontmatter
from sitekit.problems import display_path
from sitekit.report import Reporter

_reporter = Reporter("frontmatter", "page front matter")


def today() -> dt.date:
    """Today, or SITE_TODAY (YYYY-MM-DD) so tests can pin the date."""
    pinned = os.environ.get("SITE_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def on_pre_build(config):
    _reporter.reset()


def on_page_markdown(markdown, page, config, files):
    path = display_path(page.file.abs_src_path, os.path.dirname(config.config_file_path))
    fm, problems = frontmatter.split(page.file.content_string, path)
    reviewers = config.extra.get("reviewers", {})
    if not problems:
        problems = frontmatter.check(fm, path, reviewers, today())
    _reporter.report(problems)
    page.meta["review"] = frontmatter.review_info(fm.meta, reviewers)
    return markdown


def on_env(env, config, files):
    _reporter.stop_if_errors()
    return env
