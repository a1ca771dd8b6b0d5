"""Hook: validate FAQ pages, give each question a stable anchor and add FAQPage JSON-LD."""
from __future__ import annotations

import os

from sitekit import faq
from sitekit.problems import display_path
from sitekit.report import Reporter

_reporter = Reporter("faq", "the FAQ")
_items: dict[str, list[faq.FaqItem]] = {}


def on_pre_build(config):
    _reporter.reset()
    _items.clear()


def on_page_markdown(markdown, page, config, files):
    source = page.file.content_string
    if not (page.meta.get("faq") is True or faq.declares_faq(source)):
        return markdown
    path = display_path(page.file.abs_src_path, os.path.dirname(config.config_file_path))
    items, problems = faq.parse_faq(source, path)
    # Front matter mistakes are reported (once) by the front matter hook.
    _reporter.report([p for p in problems if p.check != "frontmatter"])
    _items[page.file.src_uri] = items
    return faq.add_anchors(markdown, items)


def on_page_content(html, page, config, files):
    items = _items.get(page.file.src_uri)
    if items:
        answers = faq.answers_from_html(html, items)
        url = page.canonical_url or page.abs_url or page.url
        page.meta.setdefault("jsonld", []).append(faq.faq_jsonld(items, answers, url))
    return html


def on_env(env, config, files):
    _reporter.stop_if_errors()
    return env
