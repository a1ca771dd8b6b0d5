"""Hook: a Content-Security-Policy and referrer policy on every page; external links get rel="noopener noreferrer".

The tags are in overrides/partials/security.html; the policy (with this page's inline-script hashes) comes
from sitekit.csp once the page's HTML is final, so this hook runs last (priority -100).
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit import csp, state


def on_config(config):
    state.of(config).values["csp_sources"] = csp.booking_sources(state.of(config).extra.get("booking") or {})
    return config


def on_env(env, config, files):
    env.globals["csp_placeholder"] = csp.PLACEHOLDER
    return env


def _secure(html: str, where: str, config) -> str:
    site = state.of(config)
    # `mkdocs serve` injects its live-reload script after the hooks run (see sitekit.csp.policy).
    preview = site.command == "serve"
    site_url, sources = config.site_url or "", site.values["csp_sources"]
    html, (found, blocked) = site.edit_page(
        "csp", html, lambda text: _edits(*csp.page_edits(text, site_url, sources, preview)), site_url, sources, preview)
    if not found:
        raise PluginError(f"{where}: the page has no Content-Security-Policy tag — keep "
                          "{% include \"partials/security.html\" %} in overrides/partials/seo/meta.html")
    if blocked:
        raise PluginError(f"{where}: the security policy would block {', '.join(sorted(set(blocked)))} — "
                          "move the code into a script file under overrides/assets/ and attach it with addEventListener")
    return html


def _edits(edits, found, blocked):
    return edits, (found, blocked)


@event_priority(-100)
def on_post_page(output, page, config):
    return _secure(output, page.file.src_uri, config)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return _secure(output_content, template_name, config)
