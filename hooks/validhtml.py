"""Hook: keep every built page valid HTML (the Nu Html Checker runs on all of them in the browser tests).

The edits are kept in the build's cache by the page's digest, so a rebuild does not read unchanged pages again.
"""
from __future__ import annotations

from sitekit import state
from sitekit.validhtml import checkbox_autocomplete_edits


def _repair(html: str, config) -> str:
    return state.of(config).edit_page("validhtml", html, lambda text: (checkbox_autocomplete_edits(text), None))[0]


def on_post_page(output, page, config):
    return _repair(output, config)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered from a static template, not a page.
    return _repair(output_content, config) if template_name.endswith(".html") else output_content
