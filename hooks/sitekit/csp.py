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
from urllib.parse import urlsplit

#: What the template writes where the policy goes; replaced on every page.
PLACEHOLDER = "__site_csp_policy__"

# Script types that a browser does not run (data blocks) need no hash.
_DATA_BLOCK = re.compile(r"""\stype\s*=\s*["']?(application/(ld\+)?json|text/template|text/html)["'\s>]""", re.I)
_SCRIPT = re.compile(r"<script\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script\s*>", re.I | re.S)
_SRC = re.compile(r"""\ssrc\s*=""", re.I)
_TAG = re.compile(r"""<[a-zA-Z][a-zA-Z0-9-]*\b(?:[^>"']|"[^"]*"|'[^']*')*>""")
_ATTRIBUTE = re.compile(r"""\s([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_URL_ATTRIBUTES = {"href", "src", "action", "formaction"}
_ANCHOR = re.compile(r"""<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.I)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_REL = re.compile(r"""\srel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def sha256_source(script_text: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64 of the UTF-8 bytes>'."""
    digest = hashlib.sha256(script_text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (not data blocks, not ``src=`` scripts)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes) or _DATA_BLOCK.search(attributes + " "):
            continue
        found.append(body)
    return found


def script_hashes(html: str) -> list[str]:
    """Sorted, unique hash sources for the inline scripts of one page."""
    return sorted({sha256_source(body) for body in inline_scripts(html)})


_HANDLER_HINT = re.compile(r"on[a-z]+\s*=", re.I)


def _might_block(html: str) -> bool:
    """A quick look for anything blocked_markup could report (most pages have nothing of the kind)."""
    if "javascript:" in html.lower():
        return True
    return any(m.start() > 0 and html[m.start() - 1].isspace() for m in _HANDLER_HINT.finditer(html))


def blocked_markup(html: str) -> list[str]:
    """Markup that the policy would silently block: inline event handlers and javascript: URLs.

    Scripts are skipped (their text may legitimately contain ``onclick=``)."""
    if not _might_block(html):
        return []
    without_scripts = _SCRIPT.sub("", html)
    found = []
    for tag in _TAG.findall(without_scripts):
        name_end = re.match(r"<[a-zA-Z][a-zA-Z0-9-]*", tag).end()
        for name, value in _ATTRIBUTE.findall(tag[name_end:].rstrip(">")):
            value = value.strip("\"'").strip()
            if re.fullmatch(r"on[a-z]+", name, re.I):
                found.append(f"{name}= attribute")
            elif name.lower() in _URL_ATTRIBUTES and value.lower().startswith("javascript:"):
                found.append(f"javascript: URL in {name}=")
    return found


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
    if PLACEHOLDER not in html:
        return html, False
    return html.replace(PLACEHOLDER, policy(sources, script_hashes(html), preview)), True


def _attribute(match: re.Match | None) -> str | None:
    if match is None:
        return None
    return next(group for group in match.groups() if group is not None)


def secure_external_links(html: str, site_url: str) -> str:
    """Give every link to another site ``rel="noopener noreferrer"`` (keeping any other rel values).

    A link is external when its href is an absolute http(s) URL on another origin than site_url."""
    own = origin(site_url) if site_url else ""

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        href = _attribute(_HREF.search(tag)) or ""
        if not re.match(r"(?i)https?://", href) or (own and origin(href).lower() == own.lower()):
            return tag
        rel_match = _REL.search(tag)
        values = (_attribute(rel_match) or "").split()
        wanted = values + [v for v in ("noopener", "noreferrer") if v not in values]
        if rel_match is None:
            return tag[:-1] + f' rel="{" ".join(wanted)}">'
        return tag[:rel_match.start()] + f' rel="{" ".join(wanted)}"' + tag[rel_match.end():]

    return _ANCHOR.sub(fix, html)
