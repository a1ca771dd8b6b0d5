"""Hook: check every page's front matter, and its "# " title against title:, and work out what the page shows
about its medical review."""
from __future__ import annotations

from sitekit import cache, frontmatter, page as pages, state, translations


def on_page_markdown(markdown, page, config, files):
    site = state.of(config)
    data = site.page(page)
    record, reviewers = data.record, site.extra["reviewers"]
    translated = (translations.language_of(config.docs_dir, site.extra.get("languages")) is not None
                  and not site.falls_back(page.file.src_uri))  # a fallback is the English page itself
    site.report(record.front_problems or frontmatter.check(record.front, record.path, reviewers, frontmatter.today(),
                                                           translation=translated))
    if not record.front_problems:
        site.report(site.cache.get("titles", cache.digest(record.digest, record.path),
                                   lambda: pages.title_problems(record)))
    data.review = page.meta["review"] = frontmatter.review_info(record.meta, reviewers)
    return markdown
