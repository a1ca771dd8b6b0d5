"""Search and sharing metadata: titles, canonical URLs, Open Graph, Twitter cards, robots.txt.

Plain functions only; the hook (hooks/seo.py) feeds them MkDocs' values and the
partial overrides/partials/seo/meta.html turns the result into tags.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .problems import Problem, quote
from .settings import DEFAULT_IMAGE, DEFAULT_LOCALE, png_size  # noqa: F401  (validated once, in sitekit.settings)

TITLE_SEPARATOR = " - "  # the same separator mkdocs-material uses


def site_root(site_url: str | None) -> str:
    """``site_url`` ending in exactly one "/" (MkDocs already adds it; be safe)."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/"


def absolute_url(site_url: str | None, path: str) -> str:
    """An address inside the site as a full URL, keeping a project page's base path.

    ``absolute_url("https://u.github.io/repo/", "faq/")`` is
    ``https://u.github.io/repo/faq/`` (``urljoin`` alone would keep it, but a
    leading "/" in ``path`` would drop "repo/", so it is stripped first).
    """
    root = site_root(site_url)
    path = path.lstrip("/")
    if path in ("", "."):
        return root
    return urljoin(root, path) if root else path


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def language_tag(locale: str) -> str:
    """``en_GB`` (Open Graph) as a BCP 47 tag (``en-GB``) for schema.org ``inLanguage``."""
    return locale.replace("_", "-")


#: An SVG icon up to this size goes into each page as a data: address, saving a request on every first view.
INLINE_ICON_BYTES = 1024


def icon_data_uri(path: str, data: bytes) -> str | None:
    """The icon as a data: address if it is a small SVG, else None (the page links the file)."""
    if not path.lower().endswith(".svg") or len(data) > INLINE_ICON_BYTES:
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")


def full_title(page_title: str | None, site_name: str) -> str:
    """The ``<title>``: "Page title - Site name" (the site name alone when a page has no title)."""
    page_title = " ".join((page_title or "").split())
    if not page_title or page_title == site_name:
        return site_name
    return f"{page_title}{TITLE_SEPARATOR}{site_name}"


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int
    height: int
    alt: str
    type: str = "image/png"


def page_meta(*, title: str, site_name: str, description: str, canonical_url: str | None, locale: str,
              image: ShareImage, is_homepage: bool, noindex: bool = False) -> dict:
    """Everything partials/seo/meta.html prints for one page (or for the 404 page)."""
    description = " ".join((description or "").split())
    page_title = " ".join((title or site_name).split())
    return {
        "title": full_title(page_title, site_name),
        "page_title": page_title,
        "description": description,
        "canonical": canonical_url,
        "robots": "noindex" if noindex else None,
        "og": {
            "type": "website" if is_homepage else "article",
            "title": page_title,
            "description": description,
            "url": canonical_url,
            "site_name": site_name,
            "locale": locale,
            "image": image.url,
            "image_type": image.type,
            "image_width": image.width,
            "image_height": image.height,
            "image_alt": image.alt,
        },
        "twitter": {
            "card": "summary_large_image",
            "title": page_title,
            "description": description,
            "image": image.url,
            "image_alt": image.alt,
        },
    }


def duplicate_titles(pages: list[tuple[str, int, str]]) -> list[Problem]:
    """``pages`` is ``(path, line of "title:", title)`` in build order; every reuse of a title is a problem."""
    problems, seen = [], {}
    for path, line, title in pages:
        key = " ".join(title.casefold().split())
        if key in seen:
            problems.append(Problem(path, line, f"the title {quote(title)} is already used by {seen[key]}",
                                    "give each page its own title: search results and browser tabs show it",
                                    check="seo"))
        else:
            seen[key] = path
    return problems
