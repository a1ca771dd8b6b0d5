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


def code_lines(text: str):
    """Yield ``(line, in_code)`` for each line of ``text``: the one fenced-code scanner of the project.

    A fence opens with three or more backticks or tildes (indented at most three spaces) and closes with a
    line of the same character, at least as long, and nothing else (CommonMark's rule); the fence lines
    themselves count as code."""
    fence = None
    for line in text.split("\n"):
        if fence is None:
            match = _FENCE.match(line)
            if match:
                fence = match.group(1)
                yield line, True
            else:
                yield line, False
            continue
        stripped = line.strip()
        if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
            fence = None
        yield line, True


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def blank_code(text: str) -> str:
    """``text`` with fenced code blocks and inline code spans replaced by spaces."""
    return "\n".join(" " * len(line) if in_code else _CODE_SPAN.sub(_blank, line)
                     for line, in_code in code_lines(text))


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


# ---------------------------------------------------------------- headings and their sections

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_HEADING_ATTRS = re.compile(r"[ \t]*\{:?([^{}\n]*)\}[ \t]*$")
_ATTR_TOKEN = re.compile(r"""([#.])([^\s#.="']+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def heading_attrs(raw: str) -> tuple[str, tuple[str, ...], tuple[str, ...], dict[str, str]]:
    """``Warning signs { #warning-signs .note data-x="y" }`` as ``(text, ids, classes, other attributes)``
    (attr_list's syntax; the text without the list and closing hashes)."""
    match = _HEADING_ATTRS.search(raw)
    if not match:
        return raw.strip(), (), (), {}
    ids, classes, attrs = [], [], {}
    for token in _ATTR_TOKEN.finditer(match.group(1)):
        if token.group(1) == "#":
            ids.append(token.group(2))
        elif token.group(1) == ".":
            classes.append(token.group(2))
        else:
            attrs[token.group(3)] = next(v for v in token.group(4, 5, 6) if v is not None)
    return raw[: match.start()].strip(), tuple(ids), tuple(classes), attrs


def words(text: str) -> int:
    """How many words ``text`` holds (runs of letters; numbers and markup do not count)."""
    return len(_WORD.findall(text))


def atx_headings(text: str):
    """Yield ``(index, level, raw text)`` of every ATX heading outside fenced code (index: 0-based line)."""
    for index, (line, in_code) in enumerate(code_lines(text)):
        if not in_code:
            match = _ATX.match(line)
            if match:
                yield index, len(match.group(1)), match.group(2) or ""


def section_ends(levels: list[tuple[int, int]], last: int) -> list[int]:
    """For headings ``[(index, level)]`` in order: the 0-based index of each section's last line (the line
    before the next heading of the same or a higher level, else ``last``)."""
    ends = []
    for i, (_, level) in enumerate(levels):
        end = last
        for index, other in levels[i + 1:]:
            if other <= level:
                end = index - 1
                break
        ends.append(end)
    return ends
