"""Hook: values from mkdocs.yml and front matter are shown as text, never as markup (sitekit.escape).

Its on_env runs first (priority 100), so the Jinja environment escapes them before any hook or template
renders anything.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from sitekit.escape import as_text, chain_finalize, striptags

_CONFIG_TEXT = ("site_name", "site_description", "site_author", "copyright")


@event_priority(110)  # before the site hook validates settings (100)
def on_config(config):
    for key in _CONFIG_TEXT:
        config[key] = as_text(config[key])
    return config


def _mark_nav(items) -> None:
    for item in items or []:
        if not getattr(item, "is_page", False) and getattr(item, "title", None):
            item.title = as_text(item.title)
        _mark_nav(getattr(item, "children", None))


def on_nav(nav, config, files):
    _mark_nav(nav.items)
    return nav


@event_priority(100)
def on_env(env, config, files):
    # Every page has been read by now; titles of all pages appear in each page's navigation.
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        for key in ("title", "description"):
            if key in page.meta:
                page.meta[key] = as_text(page.meta[key])
        page.title = as_text(page.title)
    env.finalize = chain_finalize(env.finalize)
    env.filters["striptags"] = striptags
    return env

