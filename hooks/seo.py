"""Hook: search and sharing metadata for every page, a unique <title>, robots.txt.

The values come from sitekit.seo; the tags are in overrides/partials/seo/*.html
and robots.txt is rendered from overrides/robots.txt.
"""
from __future__ import annotations

import os
import re

from sitekit import frontmatter, seo
from sitekit import settings as clinic_settings
from sitekit.problems import display_path
from sitekit.report import Reporter, fail_now

_reporter = Reporter("seo", "page titles")
_state: dict = {"titles": []}
_LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")


def _find_asset(config, path: str) -> str | None:
    for folder in [config.docs_dir, *config.theme.dirs]:
        candidate = os.path.join(folder, path)
        if os.path.isfile(candidate):
            return candidate
    return None


def on_config(config):
    settings = clinic_settings.Settings.for_config_file(config.config_file_path)
    raw = config.extra.get("seo") or {}
    if not isinstance(raw, dict):
        settings.add("extra.seo", "is not a section of settings", "give extra.seo the keys locale, image and image_alt")
        raw = {}
    locale = raw.get("locale", seo.DEFAULT_LOCALE)
    image = raw.get("image", seo.DEFAULT_IMAGE)
    image_alt = raw.get("image_alt", config.site_name)
    for key in raw:
        if key not in ("locale", "image", "image_alt", "procedure"):
            settings.add(f"extra.seo.{key}", "is not a known setting", "remove it; known keys are locale, image, image_alt, procedure")
    if not isinstance(locale, str) or not _LOCALE.match(locale):
        settings.add("extra.seo.locale", f"{locale!r} is not a locale like en_GB",
                     "set extra.seo.locale to language_COUNTRY, e.g. en_GB")
    if not isinstance(image_alt, str) or not image_alt.strip():
        settings.add("extra.seo.image_alt", "is empty", "describe the share image in a few words")
    size = None
    found = _find_asset(config, image) if isinstance(image, str) else None
    if found is None:
        settings.add("extra.seo.image", f"{image!r} is not a file in docs/ or overrides/",
                     "set extra.seo.image to a 1200×630 PNG, e.g. assets/images/share.png (see tools/make_share_image.py)")
    else:
        with open(found, "rb") as handle:
            size = seo.png_size(handle.read(32))
        if size is None:
            settings.add("extra.seo.image", f"{image!r} is not a PNG image", "use a 1200×630 PNG")
    fail_now(settings.problems, "mkdocs.yml", "seo")
    _state["locale"] = locale
    _state["image"] = (image, size, image_alt)
    return config


def on_pre_build(config):
    _reporter.reset()
    _state["titles"] = []


def on_page_markdown(markdown, page, config, files):
    fm, problems = frontmatter.split(page.file.content_string, page.file.src_uri)
    title = fm.meta.get("title") if not problems else None
    if isinstance(title, str) and title.strip():
        path = display_path(page.file.abs_src_path, os.path.dirname(config.config_file_path))
        _state["titles"].append((path, fm.line_of("title"), title))
    return markdown


def _share_image(config) -> seo.ShareImage:
    path, (width, height), alt = _state["image"]
    return seo.ShareImage(url=seo.absolute_url(config.site_url, path), width=width, height=height, alt=alt)


def on_env(env, config, files):
    _reporter.report(seo.duplicate_titles(_state["titles"]))
    _reporter.stop_if_errors()
    # A small SVG icon goes into every page (once per build): no request for it on any first view.
    favicon = config.theme.get("favicon")
    icon = _find_asset(config, favicon) if favicon else None
    if icon:
        with open(icon, "rb") as handle:
            env.globals["favicon_data_uri"] = seo.icon_data_uri(icon, handle.read())
    # The 404 page is rendered without a page: it gets the site's values and "noindex".
    env.globals["site_seo"] = seo.page_meta(
        title="Page not found", site_name=config.site_name, description=config.site_description or "",
        canonical_url=None, locale=_state["locale"], image=_share_image(config), is_homepage=False, noindex=True)
    return env


def on_page_context(context, page, config, nav):
    page.meta["seo"] = seo.page_meta(
        title=page.meta.get("title") or page.title or config.site_name,
        site_name=config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        canonical_url=page.canonical_url,
        locale=_state["locale"],
        image=_share_image(config),
        is_homepage=page.is_homepage,
    )
    return context


def on_post_build(config):
    env = config.theme.get_env()
    text = env.get_template("robots.txt").render(sitemap_url=seo.absolute_url(config.site_url, "sitemap.xml"))
    with open(os.path.join(config.site_dir, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write(text)
