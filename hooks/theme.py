"""Hook: what the theme's overrides need to know: the path of Material's script (``theme_bundle``), found in the
installed theme (sitekit.theme.bundle_path), so overrides/main.html can load it with ``defer`` without copying its
hashed name; and the pages of the menu (``nav_page_uris``, a set), for overrides/partials/toc.html."""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from sitekit import state, theme


def on_env(env, config, files):
    try:
        env.globals["theme_bundle"] = theme.bundle_path(config.theme.dirs)
    except ValueError as error:
        raise PluginError(f"theme: {error}") from None
    nav = state.of(config).nav
    env.globals["nav_page_uris"] = frozenset(page.file.src_uri for page in (nav.pages if nav else []))
    return env
