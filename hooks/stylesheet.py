"""Hook: one small stylesheet for every page (README "Page weight").

While each page is written, what it holds (classes, elements, attributes) is noted (from the final HTML, after
the CSP hook; kept in the build's cache by the page's digest). After the build, Material's main and palette
stylesheets, the CSS other hooks made (``stylesheet_parts``: the clinic's colours, hooks/brand.py) and
assets/site/site.css are pruned to the rules the pages can use and written, minified and joined,
to assets/stylesheets/site.min.css, the one stylesheet overrides/main.html links (Material's right-to-left rules
only when the site has a right-to-left language: sitekit.strings.has_rtl). The logic is sitekit.cssprune.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit import cssprune, languages, state, strings

#: Where the last pruned stylesheet is kept between builds (next to mkdocs.yml; not published, git-ignored).
CACHE = ".cache/stylesheet"


def _note(html: str, path: str, config) -> None:
    site = state.of(config)
    facts = site.cache.get("stylesheet-facts", site.digest_of(html), lambda: cssprune.page_facts(html))
    gathered = site.values.setdefault("stylesheet_facts", cssprune.SiteFacts())
    gathered.merge(facts)
    site.values.setdefault("stylesheet_pages", set()).add(Path(path))


@event_priority(-110)  # after the CSP hook (-100): the page as it is written
def on_post_page(output, page, config):
    _note(output, page.file.abs_dest_path, config)
    return output


@event_priority(-110)
def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):
        _note(output_content, str(Path(config.site_dir) / template_name), config)
    return output_content


def _direction(config) -> str:
    """This build's writing direction: its language's ``dir`` in extra.languages, or the language's own."""
    code = config.theme.get("language")
    return languages.raw_entry(config.extra.get("languages"), code).get("dir") or strings.direction(code)


def on_post_build(config):
    site = state.of(config)
    site_dir = Path(config.site_dir)
    try:
        # One cache folder per language: each language's build keeps its own last stylesheet.
        text = cssprune.site_stylesheet(site_dir, Path(site.project_dir) / CACHE / str(config.theme.get("language")),
                                        facts=site.values.get("stylesheet_facts"),
                                        known=site.values.get("stylesheet_pages", set()),
                                        parts=site.values.get("stylesheet_parts", []),
                                        rtl=_direction(config) == "rtl")
    except ValueError as error:
        raise PluginError(f"stylesheet: {error}") from None
    output = site_dir / cssprune.OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
