"""Hook: the path of Material's script for the templates (``theme_bundle``), found in the installed theme
(sitekit.theme.bundle_path), so overrides/main.html can load it with ``defer`` without copying its hashed name."""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from sitekit import theme


def on_env(env, config, files):
    try:
        env.globals["theme_bundle"] = theme.bundle_path(config.theme.dirs)
    except ValueError as error:
        raise PluginError(f"theme: {error}") from None
    return env
