"""Blank out the parts of a Markdown file that are not prose, keeping every line and column in place.

The content checks search the result, so a hit's line and column are the
line and column in the file the editor sees. Code (fenced blocks and inline
code spans), HTML comments and, if asked, web addresses are replaced by
spaces of the same length.
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_URL = re.compile(r"\b(?:https?|ftp|mailto|tel|javascript):[^\s)>\]\"']+|\bwww\.[^\s)>\]\"']+", re.IGNORECASE)
_LINK_TARGET = re.compile(r"(\]\()([^)\s]+)")  # [text](target)
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S+)", re.MULTILINE)  # [id]: target
_ATTR_LIST = re.compile(r"\{[:#.][^}\n]*\}")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def blank_code(text: str) -> str:
    """``text`` with fenced code blocks and inline code spans replaced by spaces."""
    out, fence = [], None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            out.append(" " * len(line))
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
            out.append(" " * len(line))
        else:
            out.append(_CODE_SPAN.sub(_blank, line))
    return "\n".join(out)


def blank_comments(text: str) -> str:
    return _COMMENT.sub(_blank, text)


def blank_urls(text: str) -> str:
    """Web addresses, link targets and attribute lists replaced by spaces."""
    text = _LINK_TARGET.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    text = _REF_DEF.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + " " * len(m.group(1)), text)
    text = _URL.sub(_blank, text)
    return _ATTR_LIST.sub(_blank, text)


def prose(text: str) -> str:
    """Only the words a visitor reads: no code, comments, addresses or attribute lists."""
    return blank_urls(blank_comments(blank_code(text)))
