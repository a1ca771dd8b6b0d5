"""Languages: one build per language, each in its own folder of the site (README "Languages").

Plain functions only; hooks/languages.py feeds them MkDocs' values. The first of ``extra.languages`` is the
default language: its pages are ``docs/*.md`` and publish at the site's root. Every other language ``CODE`` has
its pages in ``docs/CODE/`` (same file names) and publishes at ``CODE/``, built by a nested MkDocs build of the
same mkdocs.yml (:func:`nested_options`) that the default build runs. A page not (yet) translated is the
default language's page, with a notice (:func:`fallbacks`); it is left out of the hreflang alternates and the
sitemap, and its canonical address is the default language's page.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from posixpath import splitext
from typing import Any, Callable, Iterable

from .seo import absolute_url, site_root

#: The languages written right to left when neither the setting nor Material's translation says so.
RTL = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"})
#: Languages Material's search (lunr) has a stemmer for; other languages search without stemming ("en" rules).
SEARCH_LANGS = frozenset({"ar", "da", "de", "du", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja",
                          "kn", "ko", "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh"})
_DIRECTION = re.compile(r'"direction"\s*:\s*"(ltr|rtl)"')


@dataclass(frozen=True)
class Language:
    code: str
    locale: str
    name: str
    dir: str = "ltr"
    publish_stale: bool = False
    default: bool = False

    @property
    def tag(self) -> str:
        """The BCP 47 tag for hreflang and ``inLanguage`` (``en_GB`` → ``en-GB``; ``ar`` → ``ar``)."""
        return self.locale.replace("_", "-")

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "locale": self.locale, "name": self.name, "dir": self.dir,
                "publish_stale": self.publish_stale, "default": self.default, "tag": self.tag}


def of(entries: Iterable[dict]) -> list[Language]:
    """The validated ``extra.languages`` entries as :class:`Language` (the first is the default)."""
    return [Language(code=e["code"], locale=e["locale"], name=e["name"], dir=e.get("dir") or "ltr",
                     publish_stale=bool(e.get("publish_stale")), default=i == 0) for i, e in enumerate(entries)]


def direction(code: str, theme_dirs: Iterable[str] = ()) -> str:
    """``rtl`` or ``ltr`` for a language: as Material's own translation (partials/languages/CODE.html) says, else
    from :data:`RTL`."""
    for folder in theme_dirs:
        path = os.path.join(folder, "partials", "languages", f"{code}.html")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as handle:
                found = _DIRECTION.search(handle.read())
            if found:
                return found.group(1)
    return "rtl" if code.split("-")[0] in RTL else "ltr"


def current(languages: list[Language], theme_language: str | None, docs_dir: str) -> tuple[Language | None, str]:
    """The language this build makes and the default language's docs folder. A nested build
    (:func:`nested_options`) has ``theme.language`` set to its code and ``docs_dir`` ending in that code; any
    other build is the default language's. Without languages: ``(None, docs_dir)``."""
    if not languages:
        return None, docs_dir
    for language in languages[1:]:
        if theme_language == language.code and os.path.basename(os.path.normpath(docs_dir)) == language.code:
            return language, os.path.dirname(os.path.normpath(docs_dir))
    return languages[0], docs_dir


def nested_code(raw: Any, theme_language: str | None, docs_dir: str) -> str | None:
    """The code of the language a nested build makes, read from ``extra.languages`` as written (before it is
    validated: the build needs to know where its pages are to check the settings), or None (the default
    build, or no languages)."""
    codes = [entry.get("code") for entry in raw if isinstance(entry, dict)] if isinstance(raw, list) else []
    if theme_language in codes[1:] and os.path.basename(os.path.normpath(docs_dir)) == theme_language:
        return theme_language
    return None


def raw_entry(raw: Any, code: str) -> dict:
    """The entry of ``extra.languages`` for ``code`` as written (``{}`` if there is none)."""
    entries = raw if isinstance(raw, list) else []
    return next((entry for entry in entries if isinstance(entry, dict) and entry.get("code") == code), {})


def is_other_language(src_uri: str, codes: Iterable[str]) -> bool:
    """Whether a file of the default docs folder belongs to another language (``ar/faq.md`` with ``ar``)."""
    top = src_uri.split("/", 1)[0]
    return "/" in src_uri and top in set(codes)


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The address of a page inside one language's folder, as MkDocs makes it (``faq.md`` → ``faq/``)."""
    stem, _ = splitext(src_uri)
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    if os.path.basename(stem).lower() == "readme":
        return stem[: -len("readme")]
    return stem + "/"


def default_root(site_url: str | None, language: Language | None) -> str:
    """The default language's root address, from the address of this build (``…/ar/`` for Arabic)."""
    root = site_root(site_url)
    if language is not None and not language.default and root.endswith(f"/{language.code}/"):
        return root[: -len(language.code) - 1]
    return root


def root_of(default: str, language: Language) -> str:
    """Where a language publishes: the default at the root, another at ``CODE/``."""
    return default if language.default else absolute_url(default, f"{language.code}/")


def translated(languages: list[Language], src_uri: str, exists: Callable[[str], bool]) -> list[Language]:
    """The languages in which ``src_uri`` really exists (``exists`` is given a path under docs/, e.g.
    ``faq.md`` or ``ar/faq.md``); a fallback page is not a translation."""
    return [lang for lang in languages if exists(src_uri if lang.default else f"{lang.code}/{src_uri}")]


def alternates(languages: list[Language], src_uri: str, exists: Callable[[str], bool], default: str,
               use_directory_urls: bool = True) -> list[dict[str, str]]:
    """The hreflang alternates of a page: one per language it exists in (absolute), then ``x-default`` (the
    default language's page). Empty when the page exists in only one language: nothing to point at."""
    there = translated(languages, src_uri, exists)
    if len(there) < 2:
        return []
    url = page_url(src_uri, use_directory_urls)
    out = [{"hreflang": lang.tag, "href": absolute_url(root_of(default, lang), url), "locale": lang.locale,
            "code": lang.code} for lang in there]
    if languages[0] in there:
        out.append({"hreflang": "x-default", "href": absolute_url(default, url), "locale": "", "code": ""})
    return out


def switcher(languages: list[Language], src_uri: str | None, default: str,
             use_directory_urls: bool = True) -> list[dict[str, str]]:
    """The language switcher's links: the same page in each language (a not-yet-translated page shows the default
    language's text with a notice there), or each language's home page (``src_uri`` None: the 404 page)."""
    url = page_url(src_uri, use_directory_urls) if src_uri else ""
    return [{"name": lang.name, "lang": lang.tag, "code": lang.code, "dir": lang.dir,
             "link": absolute_url(root_of(default, lang), url)} for lang in languages]


def fallbacks(default_pages: Iterable[str], own: Iterable[str]) -> list[str]:
    """The default language's Markdown pages that a language has no page for (they fall back, with a notice)."""
    have = set(own)
    return [uri for uri in default_pages if uri not in have]


def shared_files(default_files: Iterable[str], own: Iterable[str]) -> list[str]:
    """The default docs folder's other files (pictures, diagrams, scripts) a language uses as they are: every one
    the language has no file of its own for (e.g. docs/ar/assets/diagrams/skin-layers.svg with Arabic text)."""
    have = set(own)
    return [uri for uri in default_files if uri not in have]


def language_nav(nav: Any, exists: Callable[[str], bool]) -> Any:
    """The default ``nav:`` for another language: the same order, each translated page without its label (so the
    menu shows the page's own ``title:``); a page that falls back keeps the default language's label. Sections
    keep their label."""
    if isinstance(nav, list):
        return [language_nav(item, exists) for item in nav]
    if isinstance(nav, dict):
        out = {}
        for label, value in nav.items():
            if isinstance(value, str) and value.endswith(".md") and exists(value):
                return value  # a bare path: MkDocs uses the page's title
            out[label] = language_nav(value, exists)
        return out
    return nav


def nested_options(config_docs_dir: str, site_dir: str, site_url: str | None, language: Language,
                   strict: bool) -> dict[str, Any]:
    """What a language's nested build changes of mkdocs.yml (``mkdocs.config.load_config`` keywords)."""
    return {"docs_dir": os.path.join(config_docs_dir, language.code),
            "site_dir": os.path.join(site_dir, language.code),
            "site_url": absolute_url(site_root(site_url), f"{language.code}/") if site_url else None,
            "strict": strict}


def search_lang(code: str) -> list[str]:
    """Material's search languages for a build: the language's own stemmer where lunr has one (Arabic: yes),
    else English's rules."""
    base = code.split("-")[0]
    return [base] if base in SEARCH_LANGS else ["en"]


def html_dir_edits(html: str, direction: str) -> list[tuple[int, int, str]]:
    """The edit that gives the page's ``<html>`` element ``dir`` (Material writes ``lang`` there, and ``dir`` only
    on ``<body>``, outside any block). None when it has one already."""
    from . import htmlscan

    for tag in htmlscan.scan(html).start_tags("html"):
        if tag.get("dir") is not None:
            return []
        return [(tag.attributes_at, tag.attributes_at, f' dir="{direction}"')]
    return []


def site_files(folder: str, skip_top: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The Markdown pages and the other files of a docs folder (``src_uri`` style, sorted), leaving out dotted
    names (MkDocs does) and the top folders ``skip_top`` (the other languages' folders)."""
    pages, others = [], []
    skip = set(skip_top)
    for root, dirs, names in os.walk(folder):
        relative = os.path.relpath(root, folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (relative == "." and d in skip))
        for name in sorted(names):
            if name.startswith("."):
                continue
            uri = name if relative == "." else f"{relative.replace(os.sep, '/')}/{name}"
            (pages if name.endswith(".md") else others).append(uri)
    return pages, others
