"""Hook: schema.org JSON-LD for every page, and the visible breadcrumbs it describes (page.meta["breadcrumbs"]).

The nodes are built by sitekit.structured_data from the front matter (via the
front matter hook's page.meta["review"]), the rendered page and extra.clinic;
main.html prints each entry of page.meta["jsonld"]. The FAQ hook adds the
FAQPage; this hook links the page to it and checks each question is marked up
once across the site.
"""
from __future__ import annotations

import os

from mkdocs.utils import get_relative_url
from sitekit import faq, seo
from sitekit import structured_data as sd
from sitekit.problems import display_path
from sitekit import settings as clinic_settings
from sitekit.report import Reporter, fail_now

_reporter = Reporter("structured_data", "the structured data")
_state: dict = {}


def on_config(config):
    if "navigation.path" not in (config.theme.get("features") or []):
        try:
            with open(config.config_file_path or "mkdocs.yml", encoding="utf-8") as handle:
                text = handle.read()
        except OSError:
            text = ""
        settings = clinic_settings.Settings("mkdocs.yml", text)
        settings.add("theme.features", 'has no "navigation.path"',
                     'add "- navigation.path": it shows the breadcrumbs that the structured data describes')
        fail_now(settings.problems, "mkdocs.yml", "structured_data")
    clinic = config.extra.get("clinic") or {}
    clinic["hours_text"] = sd.opening_hours_text(clinic.get("opening_hours") or [])
    return config


def on_pre_build(config):
    _reporter.reset()
    _state.update(facts={}, marks=[], questions=[], nav=None)


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def _non_guide_pages(config) -> set[str]:
    booking = config.extra.get("booking") or {}
    return {booking.get(key) for key in ("page", "thank_you_page", "privacy_page")} - {None}


def on_page_content(html, page, config, files):
    path = display_path(page.file.abs_src_path, os.path.dirname(config.config_file_path))
    source = page.file.content_string
    marks = sd.marked_sections(html)
    _state["marks"].extend((path, source, mark) for mark in marks)
    faq_blocks = [b for b in page.meta.get("jsonld") or [] if isinstance(b, dict) and b.get("@type") == "FAQPage"]
    if faq_blocks:
        items, _ = faq.parse_faq(source, path)
        _state["questions"].extend((path, item.line, item.question) for item in items)
    url = page.canonical_url or seo.absolute_url(config.site_url, page.url)
    name = sd.visible_title(html, page.title or config.site_name)
    crumbs, trail = [], []
    home = _state["nav"].homepage if _state["nav"] else None
    if not page.is_homepage and home is not None:
        home_name = home.title or "Home"
        crumbs = [{"name": home_name, "href": get_relative_url(home.url, page.url)}, {"name": name, "href": None}]
        trail = [(home_name, seo.absolute_url(config.site_url, home.url)), (name, url)]
    reviewed_by = page.meta.get("reviewed_by")
    _state["facts"][page.file.src_uri] = sd.PageFacts(
        url=url, name=name, description=" ".join(str(page.meta.get("description") or "").split()),
        is_homepage=page.is_homepage, is_guide=page.file.src_uri not in _non_guide_pages(config),
        review=page.meta.get("review"), reviewer_key=reviewed_by if isinstance(reviewed_by, str) else None,
        marks=marks, trail=trail, faq_id=faq_blocks[0].get("@id") if faq_blocks else None)
    page.meta["breadcrumbs"] = crumbs  # shown by overrides/partials/path.html
    return html


def on_env(env, config, files):
    _reporter.report(sd.check_marks(_state["marks"]) + sd.duplicate_questions(_state["questions"]))
    _reporter.stop_if_errors()
    return env


def on_page_context(context, page, config, nav):
    facts = _state["facts"].get(page.file.src_uri)
    if facts is not None:
        seo_settings = config.extra.get("seo") or {}
        graph = sd.page_graph(facts, site_url=config.site_url, site_name=config.site_name,
                              language=seo.language_tag(seo_settings.get("locale", seo.DEFAULT_LOCALE)),
                              clinic=config.extra["clinic"],
                              procedure_name=seo_settings.get("procedure", sd.DEFAULT_PROCEDURE))
        page.meta.setdefault("jsonld", []).insert(0, graph)
    return context
