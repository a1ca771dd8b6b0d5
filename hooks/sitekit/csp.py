"""The Content-Security-Policy of every page, and links that leave the site.

GitHub Pages cannot send headers, so the policy travels in a ``<meta http-equiv>`` tag that
overrides/partials/security.html writes with a placeholder; the hook fills in the policy once
the page's HTML is final, because the policy names each inline script by its SHA-256 hash.

- ``script-src 'self'`` plus one hash per inline script on that page, never ``'unsafe-inline'``:
  an injected ``<script>`` or ``onclick=`` attribute does not run.
- ``connect-src`` and ``form-action`` allow the configured booking endpoint (form provider);
  ``form-action`` also allows ``'self'`` because the form service sends a visitor without
  JavaScript back to the site's own thank-you page, and Chromium checks that redirect too.
- ``frame-src`` allows only the embed provider's origin (embed provider), otherwise nothing.
- ``img-src`` allows ``data:`` because Material draws its icons with data: SVG in its CSS.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from . import htmlscan

#: What the template writes where the policy goes; replaced on every page.
PLACEHOLDER = "__site_csp_policy__"

# Script types that a browser does not run (data blocks) need no hash.
_DATA_BLOCKS = {"application/json", "application/ld+json", "text/template", "text/html"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction"}
_EXTERNAL = re.compile(r"https?://", re.I)


def sha256_source(script_text: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64 of the UTF-8 bytes>'."""
    digest = hashlib.sha256(script_text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _runs(tag: htmlscan.Token) -> bool:
    """Whether a <script> start tag introduces inline code a browser runs (not ``src=``, not a data block)."""
    attributes = tag.attributes
    if any(a.name == "src" for a in attributes):
        return False
    kind = next((a.value for a in attributes if a.name == "type"), "")
    return kind.strip(" \t\n\f\r").lower() not in _DATA_BLOCKS


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (not data blocks, not ``src=`` scripts), exactly
    as written between ``<script …>`` and ``</script>``."""
    page = htmlscan.scan(html)
    return [_text(page, tag) for tag in page.start_tags("script") if _runs(tag)]


def _text(page: htmlscan.Scan, tag: htmlscan.Token) -> str:
    """What a browser hashes: the text of an HTML script exactly as written, or for a script inside <svg>
    (markup, not raw text, there) its text with entities decoded and CDATA sections as written."""
    if tag.body is not None:
        return tag.text
    tokens = page.tokens
    first = htmlscan.index_at(page, tag.end)
    stop = next((t.start for t in tokens[first:] if t.name == "script" and t.kind == htmlscan.END), len(page.html))
    return htmlscan.text(page, tag.end, stop)


def script_hashes(html: str) -> list[str]:
    """Sorted, unique hash sources for the inline scripts of one page."""
    return sorted({sha256_source(body) for body in inline_scripts(html)})


_HANDLER = re.compile(r"on[a-z]+", re.I)
# A URL attribute's value that may be a javascript: URL: once blanks are skipped it starts with "j" or an
# entity, however "javascript:" is spelt (a quick search over the page; what it finds is checked properly).
_MAYBE_JAVASCRIPT = re.compile(r"""=[\t\n\f\r ]*["']?[\x00-\x20]*[jJ&]""")
# "on" and a letter after a character that may come before an attribute name, in each spelling of "on" (a
# pattern that starts with its literal text is searched for quickly; one that ignores case is not).
_MAYBE_HANDLER = {spelling: re.compile(spelling + r"""(?<=[\t\n\f\r /"']""" + spelling + r")[a-zA-Z]")
                  for spelling in ("on", "ON", "On", "oN")}


def _maybe_blocked(html: str) -> list[int]:
    """Places in the page that may hold what blocked_markup reports: attribute names "on…" (any case), and
    values that may be javascript: URLs (a superset: blocked_markup reads the tags there properly)."""
    places = [m.start() for m in _MAYBE_JAVASCRIPT.finditer(html)]
    for spelling, pattern in _MAYBE_HANDLER.items():
        if spelling in html:
            places.extend(m.start() for m in pattern.finditer(html))
    return places


def blocked_markup(html: str) -> list[str]:
    """Markup that the policy would silently block: inline event handlers and javascript: URLs.

    Only attributes of real start tags count: not text, comments, other attributes' values or the text of
    scripts (which may legitimately contain ``onclick=``)."""
    page = htmlscan.scan(html)
    tags = {page.token_at(at) for at in _maybe_blocked(html)}
    found = []
    for tag in sorted((tag for tag in tags if tag is not None and tag[0] == htmlscan.START), key=_start):
        for attribute in tag.attributes:
            name = attribute.raw_name
            if _HANDLER.fullmatch(name):
                found.append(f"{name}= attribute")
            elif attribute.name in _URL_ATTRIBUTES and _javascript_url(attribute.value):
                found.append(f"javascript: URL in {name}=")
    return found


def _start(tag: htmlscan.Token) -> int:
    return tag[2]


# What a URL parser ignores: C0 controls and spaces around the URL, tabs and newlines anywhere in it.
_URL_BLANKS = "".join(map(chr, range(0x21)))
_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")


def _javascript_url(value: str) -> bool:
    """Whether an attribute value (entities decoded) is a javascript: URL, as a browser reads it (blanks
    around it and tabs and newlines in it ignored)."""
    return value.strip(_URL_BLANKS).translate(_TAB_NEWLINE)[:11].lower() == "javascript:"


def origin(url: str) -> str:
    """scheme://host[:port] of an absolute URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Sources:
    """What the clinic's settings add to the policy."""

    connect: tuple[str, ...] = ()
    form: tuple[str, ...] = ()
    frame: tuple[str, ...] = ()


def booking_sources(booking: dict) -> Sources:
    """Sources for the booking provider in extra.booking (already validated)."""
    provider = booking.get("provider", "form")
    if provider == "form" and booking.get("endpoint"):
        return Sources(connect=(booking["endpoint"],), form=(booking["endpoint"],))
    if provider == "embed" and booking.get("embed_url"):
        return Sources(frame=(origin(booking["embed_url"]),))
    return Sources()


def policy(sources: Sources, hashes: list[str], preview: bool = False) -> str:
    """The policy text for one page.

    ``preview`` is for ``mkdocs serve`` only: its live-reload script is injected into each page
    after the hooks have run, with a different text on every request, so no hash can name it;
    the preview allows inline scripts instead. A published build never does."""
    scripts = ["'unsafe-inline'"] if preview else list(hashes)
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *scripts]),
        ("style-src", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'", *sources.connect]),
        ("form-action", ["'self'", *sources.form]),
        ("frame-src", list(sources.frame) or ["'none'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def apply_policy(html: str, sources: Sources, preview: bool = False) -> tuple[str, bool]:
    """Fill the placeholder with this page's policy. Returns (html, whether the placeholder was there)."""
    edits = policy_edits(html, sources, preview)
    return htmlscan.scan(html).splice(edits), bool(edits)


def policy_edits(html: str, sources: Sources, preview: bool = False) -> list[tuple[int, int, str]]:
    """Where the placeholder is, and this page's policy text to put there (none if there is no placeholder)."""
    if PLACEHOLDER not in html:
        return []
    text = policy(sources, script_hashes(html), preview)
    edits, at = [], html.find(PLACEHOLDER)
    while at >= 0:
        edits.append((at, at + len(PLACEHOLDER), text))
        at = html.find(PLACEHOLDER, at + len(PLACEHOLDER))
    return edits


def page_edits(html: str, site_url: str, sources: Sources,
               preview: bool = False) -> tuple[list[tuple[int, int, str]], bool, list[str]]:
    """Everything the security step changes on a page, as edits of ``html`` (each ``(start, end, replacement)``),
    worked out on one scan: the links' ``rel`` and the policy. Returns (edits, whether the policy placeholder was
    there, what the policy would block). Neither kind of edit touches a script, a handler or a URL attribute, so
    the hashes and the blocked markup are the same before and after them."""
    policy_part = policy_edits(html, sources, preview)
    return link_edits(html, site_url) + policy_part, bool(policy_part), blocked_markup(html)


def secure_external_links(html: str, site_url: str) -> str:
    """Give every link to another site ``rel="noopener noreferrer"`` (keeping any other rel values).

    A link is external when its href is an absolute http(s) URL on another origin than site_url. Only the
    rel attribute of such links changes (or is added before the tag's ``>``); every other byte stays."""
    return htmlscan.scan(html).splice(link_edits(html, site_url))


def link_edits(html: str, site_url: str) -> list[tuple[int, int, str]]:
    """The edits :func:`secure_external_links` makes."""
    own = origin(site_url).lower() if site_url else ""
    page = htmlscan.scan(html)
    edits = []
    for tag in page.start_tags("a"):
        source = html[tag[4]:tag[3]]
        if ":" not in source and "&" not in source:
            continue  # no absolute URL (nor an entity that could spell one): nothing to read
        attributes = tag.attributes
        href = next((a.value for a in attributes if a.name == "href"), "")
        if not _EXTERNAL.match(href) or (own and origin(href).lower() == own):
            continue
        rel = next((a for a in attributes if a.name == "rel"), None)
        values = rel.value.split() if rel is not None else []
        wanted = values + [v for v in ("noopener", "noreferrer") if v not in values]
        text = 'rel="' + escape(" ".join(wanted)) + '"'
        if rel is None:
            edits.append((tag.end - 1, tag.end - 1, " " + text))
        elif wanted != values:
            edits.append((rel.start, rel.end, text))
    return edits
