"""Page weight: what a browser fetches on the first view of a built page, and how many bytes that is as
GitHub Pages serves it (README "Page weight").

``first_view(site_dir, page)`` reads the built files only: the page, then what its HTML makes a browser fetch
at once (stylesheets, scripts with src, deferred or not, the icon, eager images and frames, preloads), what
those stylesheets load (``@import``, ``url()`` that is not ``data:``), and what Material's script loads as it
starts on a page with search: its search worker and the search index. Chromium asks for both before the page's
DOMContentLoaded and load events, with no action of the visitor, so they are part of the first view.
tests/browser/test_page_weight.py checks this model against the requests Chromium really makes, and when.

Bytes are response bodies as sent: text types (the list tools/static_server.py uses) gzip-compressed, others as
they are. GitHub Pages does not document its gzip level; we assume zlib's default, level 6, which
tools/static_server.py serves too. HTTP headers are not counted. A KB is 1,000 bytes.

    python tools/page_weight.py site/        # the per-page table for a built site
"""
from __future__ import annotations

import gzip
import json
import mimetypes
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from static_server import COMPRESSIBLE

GZIP_LEVEL = 6              # assumed level of GitHub Pages' gzip (zlib's default)
BUDGET_BYTES = 60_000         # 60 KB on first view for the page itself: HTML, CSS, scripts, icon, images
SEARCH_BUDGET_BYTES = 40_000  # 40 KB more for Material's search: worker, index, a language's stemmer (README)
BUDGET_REQUESTS = 8           # requests for the page itself (search's own are bounded by its bytes)
ORIGIN = "http://site.invalid"
THEME_SCRIPT = re.compile(r"(^|/)assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


@dataclass(frozen=True)
class Fetch:
    url: str      # the path below the site's origin ("/assets/…"), or the full address of another origin
    bytes: int    # the response body as sent (gzip-compressed for text types); 0 for another origin
    kind: str     # document, stylesheet, script, icon, image, frame, preload, css, search worker, search index


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, GZIP_LEVEL, mtime=0))


def response_bytes(path: str, body: bytes) -> int:
    """Bytes sent for a file of this name: gzip-compressed when the server compresses its type."""
    ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return gzip_size(body) if ctype.startswith(COMPRESSIBLE) else len(body)


def page_url(page: str, base_path: str = "/") -> str:
    """The address of a page given as "" (home), "faq/" or "404.html"."""
    return ORIGIN + base_path + page


def file_for(site_dir: Path, url: str, base_path: str = "/") -> tuple[Path, bool]:
    """The file the server sends for a same-origin address, and whether it was found (else 404.html)."""
    path = unquote(urlsplit(url).path)
    relative = path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")
    candidate = site_dir / relative
    if candidate.is_dir() or relative.endswith("/") or relative == "":
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate, True
    return site_dir / "404.html", False


def _rel(node, name: str) -> bool:
    return name in [token.lower() for token in (node.get("rel") or [])]


def html_requests(html: str, url: str) -> list[tuple[str, str]]:
    """(address, kind) of everything the HTML itself makes a browser fetch on load, in document order."""
    soup = BeautifulSoup(html, "lxml")
    base = soup.find("base", href=True)
    base_url = urljoin(url, base["href"]) if base else url
    found: list[tuple[str, str]] = []
    icon = None
    for node in soup.find_all(["link", "script", "img", "iframe", "video", "input", "embed", "object"]):
        name = node.name
        target, kind = None, None
        if name == "link" and node.get("href"):
            if _rel(node, "stylesheet") and not _rel(node, "alternate"):
                target, kind = node["href"], "stylesheet"
            elif _rel(node, "preload") or _rel(node, "modulepreload"):
                target, kind = node["href"], "preload"
            elif _rel(node, "icon") and icon is None:
                icon = node["href"]
        elif name == "script" and node.get("src") and (node.get("type") or "").lower() in SCRIPT_TYPES \
                and not node.has_attr("nomodule"):
            target, kind = node["src"], "script"
        elif name in ("img", "iframe") and node.get("src") and (node.get("loading") or "").lower() != "lazy":
            target, kind = node["src"], "image" if name == "img" else "frame"
        elif name == "video" and node.get("poster"):
            target, kind = node["poster"], "image"
        elif name == "input" and (node.get("type") or "").lower() == "image" and node.get("src"):
            target, kind = node["src"], "image"
        elif name == "embed" and node.get("src"):
            target, kind = node["src"], "frame"
        elif name == "object" and node.get("data"):
            target, kind = node["data"], "frame"
        if target and not target.startswith("data:"):
            found.append((urljoin(base_url, target), kind))
    # Chromium asks for /favicon.ico when a page names no icon.
    found.append((urljoin(base_url, icon) if icon else urljoin(url, "/favicon.ico"), "icon"))
    if icon and icon.startswith("data:"):
        found.pop()
    return found


def css_requests(css: str, url: str) -> list[tuple[str, str]]:
    """(address, kind) of what a stylesheet loads: @import and every url() that is not data:."""
    found = []
    for match in CSS_URL.finditer(css):
        target = next(group for group in match.groups() if group is not None)
        if target and not target.startswith(("data:", "#")):
            found.append((urljoin(url, target), "css"))
    return found


def theme_search_requests(html: str, url: str, languages: list[str] = ()) -> list[tuple[str, str]]:
    """What Material's script loads as it starts, on a page with its search form: the worker and the index, and,
    for an index in a language other than English (``languages``: the index's ``config.lang``), the lunr
    language scripts the worker imports (the stemmer support, each language's own, and lunr.multi for several)."""
    soup = BeautifulSoup(html, "lxml")
    config = soup.find("script", id="__config")
    if config is None or soup.find("form", attrs={"name": "search"}) is None:
        return []
    data = json.loads(config.string)
    base = urljoin(url, data["base"])
    if not base.endswith("/"):
        base += "/"
    found = [(urljoin(url, data["search"]), "search worker"), (urljoin(base, "search/search_index.json"), "search index")]
    others = [code for code in languages if code != "en"]
    if others:
        lunr = urljoin(base, "assets/javascripts/lunr/min/")
        found.append((lunr + "lunr.stemmer.support.min.js", "search language"))
        found += [(f"{lunr}lunr.{code}.min.js", "search language") for code in others]
        if len(languages) > 1:
            found.append((lunr + "lunr.multi.min.js", "search language"))
    return found


def index_languages(site_dir: Path, index_url: str, base_path: str = "/") -> list[str]:
    """The ``config.lang`` of a built search index (``["en"]`` when there is none)."""
    path, found = file_for(site_dir, index_url, base_path)
    if not found:
        return ["en"]
    return list(json.loads(path.read_text(encoding="utf-8")).get("config", {}).get("lang") or ["en"])


def first_view(site_dir: Path, page: str, base_path: str = "/") -> list[Fetch]:
    """Everything a browser fetches on the first view of ``page`` ("" for home, "faq/", "404.html")."""
    site_dir = Path(site_dir)
    origin = ORIGIN
    start = page_url(page, base_path)
    queue: list[tuple[str, str]] = [(start, "document")]
    fetches: dict[str, Fetch] = {}
    while queue:
        url, kind = queue.pop(0)
        address = url.split("#", 1)[0]
        key = address[len(origin):] if address.startswith(origin + "/") else address
        if key in fetches:
            continue
        if not address.startswith(origin + "/"):
            fetches[key] = Fetch(key, 0, kind)
            continue
        path, _found = file_for(site_dir, address, base_path)
        body = path.read_bytes()
        fetches[key] = Fetch(key, response_bytes(path.name, body), kind)
        if kind == "document":
            html = body.decode("utf-8")
            queue += html_requests(html, address)
            if any(THEME_SCRIPT.search(urlsplit(u).path) for u, k in queue if k == "script"):
                searched = theme_search_requests(html, address)
                index = next((u for u, k in searched if k == "search index"), None)
                languages = index_languages(site_dir, index, base_path) if index else []
                queue += theme_search_requests(html, address, languages)
        elif kind in ("stylesheet", "css") and path.suffix == ".css":
            queue += css_requests(body.decode("utf-8"), address)
    return list(fetches.values())


def built_pages(site_dir: Path) -> list[str]:
    """Every page of a built site as first_view wants it: "" (home), "faq/", …, and "404.html"."""
    site_dir = Path(site_dir)
    pages = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    result = ["" if p == "." else p + "/" for p in pages]
    return result + (["404.html"] if (site_dir / "404.html").is_file() else [])


def kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def is_search(kind: str) -> bool:
    return kind in ("search worker", "search index", "search language")


def over_budget(requests: int, page_bytes: int, search_bytes: int) -> list[str]:
    """What is over the budget (README "Page weight"), as words; empty when the page is within it."""
    over = []
    if requests > BUDGET_REQUESTS:
        over.append(f"{requests} requests (at most {BUDGET_REQUESTS})")
    if page_bytes > BUDGET_BYTES:
        over.append(f"the page is {page_bytes:,} bytes (at most {BUDGET_BYTES:,})")
    if search_bytes > SEARCH_BUDGET_BYTES:
        over.append(f"search is {search_bytes:,} bytes (at most {SEARCH_BUDGET_BYTES:,})")
    return over


def table(site_dir: Path, pages: list[str] | None = None) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The per-page table's lines, and (page, what is over the budget) for each page."""
    rows, lines = [], []
    lines.append(f"{'page':24} {'requests':>8} {'KB':>6}   {'html':>5} {'css':>5} {'js':>5} {'other':>5} {'page':>5}"
                 f" {'search':>6}")
    for page in pages if pages is not None else built_pages(site_dir):
        fetches = first_view(site_dir, page)
        total = sum(f.bytes for f in fetches)
        part = {"html": 0, "css": 0, "js": 0, "search": 0, "other": 0}
        for f in fetches:
            group = "search" if is_search(f.kind) else {"document": "html", "stylesheet": "css", "css": "css",
                                                         "script": "js"}.get(f.kind, "other")
            part[group] += f.bytes
        own = sum(not is_search(f.kind) for f in fetches)
        rows.append((page, over_budget(own, total - part["search"], part["search"])))
        lines.append(f"{'/' + page:24} {len(fetches):>8} {kb(total):>6}   {kb(part['html']):>5} {kb(part['css']):>5} "
                     f"{kb(part['js']):>5} {kb(part['other']):>5} {kb(total - part['search']):>5} {kb(part['search']):>6}")
    lines.append(f"budget: the page (html, css, js, other) in at most {BUDGET_REQUESTS} requests and {kb(BUDGET_BYTES)} KB; "
                 f"Material's search (worker, index, a language's stemmer) at most {kb(SEARCH_BUDGET_BYTES)} KB "
                 f"(gzip level {GZIP_LEVEL}, 1 KB = 1,000 bytes, response bodies only)")
    return lines, rows


if __name__ == "__main__":
    lines, rows = table(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print("\n".join(lines))
    over = [f"/{page}: {'; '.join(problems)}" for page, problems in rows if problems]
    sys.exit("over budget:\n" + "\n".join(over) if over else 0)
