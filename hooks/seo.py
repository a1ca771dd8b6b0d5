"""Hook: search and sharing metadata for every page, a unique <title>, robots.txt.

The values come from sitekit.seo and the validated ``extra.seo`` settings; the tags are in
overrides/partials/seo/*.html and robots.txt is rendered from overrides/robots.txt.
"""
from __future__ import annotations

from sitekit import seo, settings, state


def on_page_markdown(markdown, page, config, files):
    site = state.of(config)
    record = site.page(page).record
    title = record.meta.get("title") if not record.front_problems else None
    if isinstance(title, str) and title.strip():
        site.values.setdefault("titles", []).append((record.path, record.front.line_of("title"), title))
    return markdown


def _share_image(config) -> seo.ShareImage:
    """The share image of every page, worked out once a build."""
    site = state.of(config)
    if "share_image" not in site.values:
        values = site.extra["seo"]
        width, height = values["image_size"]
        site.values["share_image"] = seo.ShareImage(url=seo.absolute_url(config.site_url, values["image"]),
                                                    width=width, height=height, alt=values["image_alt"])
    return site.values["share_image"]


def on_env(env, config, files):
    site = state.of(config)
    site.report(seo.duplicate_titles(site.values.get("titles", [])))
    # A small SVG icon goes into every page (once per build): no request for it on any first view.
    favicon = config.theme.get("favicon")
    icon = settings.find_asset([*site.docs_dirs, *config.theme.dirs], favicon) if favicon else None
    if icon:
        with open(icon, "rb") as handle:
            env.globals["favicon_data_uri"] = seo.icon_data_uri(icon, handle.read())
    # The 404 page is rendered without a page: it gets the site's values and "noindex", and its title in the
    # build's language (the string catalog, hooks/strings.py).
    wording = site.values.get("strings")
    title = wording["not_found.title"] if wording is not None else "Page not found"
    env.globals["site_seo"] = seo.page_meta(
        title=title, site_name=config.site_name, description=config.site_description or "",
        canonical_url=None, locale=site.extra["seo"]["locale"], image=_share_image(config), is_homepage=False,
        noindex=True)
    return env


def on_page_context(context, page, config, nav):
    page.meta["seo"] = seo.page_meta(
        title=page.meta.get("title") or page.title or config.site_name,
        site_name=config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        canonical_url=page.canonical_url,
        locale=state.of(config).extra["seo"]["locale"],
        image=_share_image(config),
        is_homepage=page.is_homepage,
    )
    return context


def on_post_build(config):
    site = state.of(config)
    if site.language is not None and not site.language.default:
        return  # robots.txt is read at the site's root only: the default language's build writes it
    env = site.env or config.theme.get_env()
    # every language's sitemap (sitekit.languages: the default language at the root, another at CODE/)
    roots = [config.site_url] + [seo.absolute_url(config.site_url, f"{lang.code}/") for lang in site.languages[1:]]
    text = env.get_template("robots.txt").render(sitemap_urls=[seo.absolute_url(root, "sitemap.xml") for root in roots])
    with open(f"{config.site_dir}/robots.txt", "w", encoding="utf-8") as handle:
        handle.write(text)
