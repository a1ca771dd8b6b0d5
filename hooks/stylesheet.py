"""Hook: one small stylesheet for every page (README "Page weight").

After the build, Material's main and palette stylesheets and assets/site/site.css are pruned to the rules
the built pages can use and written, minified and joined, to assets/stylesheets/site.min.css, the one
stylesheet overrides/main.html links. The logic is sitekit.cssprune.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from sitekit import cssprune

#: Where the last pruned stylesheet is kept between builds (next to mkdocs.yml; not published, git-ignored).
CACHE = ".cache/stylesheet"


def on_post_build(config):
    site_dir = Path(config.site_dir)
    try:
        text = cssprune.site_stylesheet(site_dir, Path(config.config_file_path).parent / CACHE)
    except ValueError as error:
        raise PluginError(f"stylesheet: {error}") from None
    output = site_dir / cssprune.OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
