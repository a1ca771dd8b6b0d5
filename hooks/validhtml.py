"""Hook: keep every built page valid HTML (the Nu Html Checker runs on all of them in the browser tests)."""
from __future__ import annotations

from sitekit.validhtml import drop_checkbox_autocomplete


def on_post_page(output, page, config):
    return drop_checkbox_autocomplete(output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered from a static template, not a page.
    return drop_checkbox_autocomplete(output_content)
