"""Hook: check every page's front matter and work out what it shows about its medical review."""
from __future__ import annotations

from sitekit import frontmatter, state


def on_page_markdown(markdown, page, config, files):
    site = state.of(config)
    data = site.page(page)
    record, reviewers = data.record, site.extra["reviewers"]
    site.report(record.front_problems or frontmatter.check(record.front, record.path, reviewers, frontmatter.today()))
    data.review = page.meta["review"] = frontmatter.review_info(record.meta, reviewers)
    return markdown
