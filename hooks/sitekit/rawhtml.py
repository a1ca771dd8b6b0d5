"""Raw HTML that must never be typed into a page: scripts, frames, event handlers, ``javascript:`` links.

Embeds (the booking form, a booking calendar, structured data) come only from the
site's hooks and templates, which are reviewed code; a page's Markdown stays text.
Code blocks and HTML comments are ignored, so a page may *show* such markup as an example.
"""
from __future__ import annotations

import re

from .markdown_text import line_col
from .page import Page, read
from .problems import Problem, tag

_TAG = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed)\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=", re.IGNORECASE | re.DOTALL)
_JS_URL = re.compile(r"(?<![\w-])(?:java|vb)script\s*:", re.IGNORECASE)

_FIX = "remove it: embeds come only from the site's hooks (see EDITING.md, \"Raw HTML\")"


def check(text: str, path: str) -> list[Problem]:
    """Every forbidden piece of HTML in ``text`` (a whole Markdown file), with line and column."""
    return check_page(read(text, path))


def check_page(page: Page) -> list[Problem]:
    """Every forbidden piece of HTML on the page, with line and column."""
    searchable, path = page.without_code_or_comments, page.path
    problems = []
    for match in _TAG.finditer(searchable):
        line, col = line_col(searchable, match.start())
        problems.append(Problem(path, line, f"<{match.group(1).lower()}> is not allowed in a page", _FIX, col=col))
    for match in _HANDLER.finditer(searchable):
        line, col = line_col(searchable, match.start(1))
        problems.append(Problem(path, line, f"an inline event handler ({match.group(1).lower()}=) is not allowed in a page",
                                _FIX, col=col))
    for match in _JS_URL.finditer(searchable):
        line, col = line_col(searchable, match.start())
        problems.append(Problem(path, line, "a javascript: address is not allowed in a page",
                                "link to a page or an https:// address instead", col=col))
    return sorted(tag(problems, "rawhtml"), key=lambda p: p.sort_key)
