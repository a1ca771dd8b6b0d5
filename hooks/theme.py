"""Hook: what the theme's overrides need to know: the path of Material's script (``theme_bundle``), found in the
installed theme (sitekit.theme.bundle_path), so overrides/main.html can load it with ``defer`` without copying its
hashed name; the pages of the menu (``nav_page_uris``, a set), for overrides/partials/toc.html; and a place to keep
the compiled templates between builds (Jinja's bytecode cache: it checks each template's source before using
what it kept), so a rebuild does not compile Material's templates and ours again; and ``same_on_every_page``, which
renders a part that is the same on every page (the footer, the search dialog) once per build."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit import state, theme


#: Where compiled templates are kept (next to mkdocs.yml; git-ignored, never published).
TEMPLATE_CACHE = ".cache/templates"


@event_priority(110)  # before anything renders a template
def on_env(env, config, files):
    # One folder per version of the hooks, MkDocs and Material (how the environment compiles depends on them).
    site = state.of(config)
    env.bytecode_cache = theme.template_cache(site.project_dir, site.cache.salt, TEMPLATE_CACHE)
    env.globals["same_on_every_page"] = theme.same_on_every_page()
    try:
        env.globals["theme_bundle"] = theme.bundle_path(config.theme.dirs)
    except ValueError as error:
        raise PluginError(f"theme: {error}") from None
    nav = state.of(config).nav
    env.globals["nav_page_uris"] = frozenset(page.file.src_uri for page in (nav.pages if nav else []))
    return env
