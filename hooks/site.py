"""Hook: the house. Makes the build's one state at start-up (the settings, validated once; the cache), one
record per page when MkDocs reads it, and stops the build once, after every page was read, if a check found an
error. The other hooks each own one concern and reach the state with ``state.of(config)``; their order is
said with ``@event_priority`` (higher runs first), not by their place in mkdocs.yml.
"""
from __future__ import annotations

import gc
import importlib.metadata
import os
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit import cache, languages, page as pages, policy, settings, state
from sitekit.escape import as_text
from sitekit.problems import display_path

#: Set to 1 to build with the local development receiver (tests and `make check` only).
ALLOW_DEV_RECEIVER = "ALLOW_DEV_RECEIVER"
#: Where per-page results are kept between builds (next to mkdocs.yml; git-ignored, never published).
CACHE_DIR = ".cache/site"


def on_startup(command, dirty):
    state.SESSION.command, state.SESSION.dirty = command, dirty


@event_priority(100)
def on_config(config):
    checker = settings.Settings.for_config_file(config.config_file_path)
    # A language's nested build (hooks/languages.py) reads docs/CODE/ first, then the default language's docs/.
    theme_language = config.theme.get("language")
    code = languages.nested_code(config.extra.get("languages"), theme_language, config.docs_dir)
    docs_dirs = [config.docs_dir, os.path.dirname(os.path.normpath(config.docs_dir))] if code else [config.docs_dir]
    if code is not None:  # the site's name, description and footer line in this language (extra.languages)
        own = languages.raw_entry(config.extra.get("languages"), code)
        for key in settings.SITE_TEXTS:
            if isinstance(own.get(key), str) and own[key].strip():
                config[key] = as_text(own[key])
    extra = settings.validate_all(
        dict(config.extra), checker, site_name=config.site_name, asset_dirs=[*docs_dirs, *config.theme.dirs],
        features=list(config.theme.get("features") or []), known_rules=policy.ALL_RULE_IDS,
        hooks={Path(name).stem for name in config.hooks}, docs_dir=docs_dirs[-1], theme_dirs=config.theme.dirs,
        theme_language=None if code else theme_language, language=code)
    command = state.SESSION.command
    publishing = settings.is_publishing(command, config.site_url, allowed=os.environ.get(ALLOW_DEV_RECEIVER) == "1")
    # What only a public build refuses: worked out in every build, so `make check` (a preview) can say it too.
    refusals = settings.Settings.for_config_file(config.config_file_path)
    if not checker.problems:
        settings.refuse_example_data(extra["example_data"], refusals)  # one problem per example key
        if "booking" in extra:
            settings.refuse_dev_endpoint(extra["booking"], refusals)
        if code is None:  # said once, by the default build, for every language
            settings.refuse_untranslated(checker.untranslated, extra["languages"], refusals,
                                         tuple(key for key in settings.SITE_TEXTS if config.get(key)))
    state.fail_now(checker.problems + (refusals.problems if publishing else []), "settings")
    config.extra.update(extra)
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    site = state.attach(config, state.SiteState(command=command, config_path=checker.config_path, extra=extra,
                                                publishing=publishing))
    site.publish_only = list(refusals.problems)
    site.project_dir = str(project)
    site.settings = checker
    site.languages = languages.of(extra["languages"])
    site.language, _ = languages.current(site.languages, theme_language, config.docs_dir)
    site.docs_dirs = docs_dirs
    site.nested = code is not None
    site.quiet = state.said_before(config)
    if site.language is not None:  # og:locale and inLanguage of this language's pages
        extra["seo"]["locale"] = site.language.locale
    versions = tuple(importlib.metadata.version(name) for name in ("mkdocs", "mkdocs-material"))
    # One cache file per language: each build keeps only the entries it used.
    folder = project / CACHE_DIR / code if code else project / CACHE_DIR
    site.cache = cache.Cache(folder, cache.code_digest([Path(__file__).parent], versions))
    return config


def language_of(config) -> str:
    """The build's language: theme.language (en when unset; each language's build sets its own)."""
    return str(config.theme.get("language") or "en")


def on_nav(nav, config, files):
    state.of(config).nav = nav
    return nav


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    site = state.of(config)
    path = display_path(page.file.abs_src_path, site.project_dir)
    # A page the language has no translation of is the default language's text: its checks are that language's.
    language = site.page_language(page.file.src_uri, language_of(config))
    site.add_page(pages.read(page.file.content_string, path, page.file.src_uri, language))
    return markdown


@event_priority(100)
def on_page_content(html, page, config, files):
    # Every check of the page's Markdown has run: its blanked copies are not needed again.
    state.of(config).page(page).record.release_views()
    return html


@event_priority(-100)
def on_env(env, config, files):
    site = state.of(config)
    site.env = env
    site.stop_if_errors()
    # Every page has been read and converted: what exists now (the pages, their records, the menu) lives until
    # the build ends. Moving it out of the garbage collector's sight keeps each later full collection from
    # walking all of it again while the pages are rendered (gc.unfreeze in on_post_build puts it back).
    gc.freeze()
    return env


@event_priority(-100)
def on_post_build(config):
    gc.unfreeze()
    state.of(config).cache.save()


def on_build_error(error):
    gc.unfreeze()
