"""Hook: the clinic's brand (extra.clinic.brand, validated and contrast-checked with the other settings).

At start-up, the logo becomes Material's own ``theme.logo`` (its header and menu show it) and the theme's use
of the brand is checked (sitekit.brand.theme_problems: the logo file, the palette's ``custom`` colours). When
the templates are ready, the colours are rendered as CSS from overrides/partials/brand-colours.html, for
hooks/stylesheet.py to join into the site's one stylesheet.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from sitekit import brand, settings, state

TEMPLATE = "partials/brand-colours.html"


@event_priority(90)  # after hooks/site.py (100) has validated the settings
def on_config(config):
    site = state.of(config)
    values = site.extra["clinic"]["brand"] if "clinic" in site.extra else brand.complete(None)
    checker = settings.Settings.for_config_file(config.config_file_path)
    folders = [*(site.docs_dirs or [config.docs_dir]), *config.theme.dirs]  # a language's own, then docs/
    brand.theme_problems(values, config.theme, folders, checker.add)
    site.report(checker.problems)
    if values.get("logo"):
        config.theme["logo"] = values["logo"]
    site.values["brand"] = values
    return config


def on_env(env, config, files):
    site = state.of(config)
    site.values.setdefault("stylesheet_parts", []).append(env.get_template(TEMPLATE).render(brand=site.values["brand"]))
    return env
