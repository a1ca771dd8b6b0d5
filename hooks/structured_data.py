"""Hook: schema.org JSON-LD for every page, and the visible breadcrumbs it describes (page.meta["breadcrumbs"]).

The nodes are built by sitekit.structured_data from the page's record (its review, its FAQ), the rendered
page and extra.clinic; main.html prints each entry of page.meta["jsonld"]. The FAQ hook adds the FAQPage
(priority 0 on the rendered page); this hook runs after it (-50), links the page to it and checks each
question is marked up once across the site.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from sitekit import seo, state
from sitekit import structured_data as sd


def _non_guide_pages(booking: dict) -> set[str]:
    return {booking.get(key) for key in ("page", "thank_you_page", "privacy_page")} - {None}


@event_priority(-50)
def on_page_content(html, page, config, files):
    site = state.of(config)
    data = site.page(page)
    record = data.record
    marks = sd.marked_sections(html)
    site.values.setdefault("marks", []).extend(
        (record.path, record.line_of(f'{sd.MARK}="{mark.name}"'), mark) for mark in marks)
    if data.faq_id:
        site.values.setdefault("questions", []).extend((record.path, item.line, item.question)
                                                       for item in record.faq[0])
    url = page.canonical_url or seo.absolute_url(config.site_url, page.url)
    name = sd.visible_title(html, page.title or config.site_name)
    crumbs, trail = [], []
    home = site.nav.homepage if site.nav else None
    if not page.is_homepage and home is not None:
        home_name = home.title or "Home"
        crumbs = [{"name": home_name, "href": get_relative_url(home.url, page.url)}, {"name": name, "href": None}]
        trail = [(home_name, seo.absolute_url(config.site_url, home.url)), (name, url)]
    reviewed_by = record.meta.get("reviewed_by")
    data.facts = sd.PageFacts(
        url=url, name=name, description=" ".join(str(record.meta.get("description") or "").split()),
        is_homepage=page.is_homepage, is_guide=page.file.src_uri not in _non_guide_pages(site.extra.get("booking") or {}),
        review=data.review, reviewer_key=reviewed_by if isinstance(reviewed_by, str) else None,
        marks=marks, trail=trail, faq_id=data.faq_id)
    page.meta["breadcrumbs"] = crumbs  # shown by overrides/partials/path.html
    return html


def on_env(env, config, files):
    env.filters["jsonld"] = sd.script_json  # overrides/main.html: the page's structured data
    site = state.of(config)
    site.report(sd.check_marks(site.values.get("marks", [])) + sd.duplicate_questions(site.values.get("questions", [])))
    return env


def on_page_context(context, page, config, nav):
    site = state.of(config)
    facts = site.page(page).facts
    if facts is not None:
        values = site.extra["seo"]
        graph = sd.page_graph(facts, site_url=config.site_url, site_name=config.site_name,
                              language=seo.language_tag(values["locale"]), clinic=site.extra["clinic"],
                              procedure_name=values["procedure"])
        page.meta.setdefault("jsonld", []).insert(0, graph)
    return context
