"""One record per page, made once when MkDocs reads the page: every check and every hook uses it.

A :class:`Page` holds the file's text as the editor sees it (line numbers count from the top of the file,
front matter included), its front matter with each key's line, the body and the line it starts on, the
``<!-- policy: allow … -->`` comments, and — on a questions-and-answers page — the FAQ items. Views of the
text that several checks need (the prose without code, comments and addresses) are worked out at most once.
Nothing else reads or parses the source again.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

from . import frontmatter
from .markdown_text import atx_headings, blank_code, blank_comments, blank_urls, heading_attrs, line_col, section_ends, words
from .problems import WARNING, Problem, quote

#: ``<!-- policy … -->`` comments (the claims policy's allow comments), found outside code.
POLICY_COMMENT = re.compile(r"<!--\s*policy\b\s*:?(.*?)-->", re.IGNORECASE | re.DOTALL)
#: What every policy comment holds (a quick look before the code is blanked to find them exactly).
_MAY_HAVE_POLICY_COMMENT = re.compile(r"<!--\s*policy\b", re.IGNORECASE)
_FAQ_KEY = re.compile(r"^faq:[ \t]*(?:true|yes|on)[ \t]*(?:#.*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class PolicyComment:
    """One ``<!-- policy: … -->`` comment: where it is and what it says (checked by sitekit.policy)."""

    start: int  # offset in the file's text
    end: int
    line: int
    col: int
    text: str  # the whole comment
    inner: str  # what follows "policy:"


@dataclass(frozen=True)
class Heading:
    """One ``#`` heading of the page (outside code) and the section it opens: everything below it up to the
    next heading of the same or a higher level."""

    line: int  # of the heading, in the file
    end: int  # the section's last line (the heading's own line when nothing follows it)
    level: int
    text: str  # without its attribute list
    ids: tuple[str, ...]  # from the attribute list, e.g. ("warning-signs",) for { #warning-signs }
    classes: tuple[str, ...]
    attrs: dict
    words: int  # words of prose in the section (no code, comments, addresses or headings)


class Page:
    """A page's source, parsed once."""

    def __init__(self, text: str, path: str, src_uri: str | None = None, language: str = "en"):
        self.language = language or "en"  # the build's language (config.theme["language"]): which checks apply
        self.text = text.replace("\r\n", "\n").lstrip("\ufeff")
        self.path = path  # as the editor sees it, e.g. docs/faq.md
        self.src_uri = src_uri if src_uri is not None else path.split("/", 1)[-1]
        self.front, problems = frontmatter.split(self.text, path)
        self.front_problems: list[Problem] = problems

    # ------------------------------------------------------------ identity

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the source: the key of everything cached about this page."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def meta(self) -> dict:
        return self.front.meta

    @property
    def body(self) -> str:
        return self.front.body

    @property
    def body_line(self) -> int:
        return self.front.body_line

    # ------------------------------------------------------------ views of the text (same lines and columns)

    @cached_property
    def without_code(self) -> str:
        """The text with fenced code and code spans blanked out."""
        return blank_code(self.text)

    @cached_property
    def without_code_or_comments(self) -> str:
        return blank_comments(self.without_code)

    @cached_property
    def prose(self) -> str:
        """Only the words a visitor reads: no code, comments, addresses or attribute lists."""
        return blank_urls(self.without_code_or_comments)

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        """Every heading of the body with its attribute list and the extent of its section (kept: it is small)."""
        offset = self.body_line - 1
        found = list(atx_headings(self.body))
        lines = self.body.split("\n")
        ends = section_ends([(index, level) for index, level, _ in found], len(lines) - 1)
        heading_lines = {index for index, _, _ in found}
        prose_lines = self.prose.split("\n")[offset:]
        out = []
        for (index, level, raw), end in zip(found, ends):
            while end > index and not lines[end].strip():  # the section ends with its last line of text
                end -= 1
            text, ids, classes, attrs = heading_attrs(raw)
            body = "\n".join(prose_lines[i] for i in range(index + 1, end + 1) if i not in heading_lines)
            out.append(Heading(index + 1 + offset, end + 1 + offset, level, text, ids, classes, attrs,
                               words(body)))
        return tuple(out)

    def section(self, heading: Heading) -> str:
        """The text under ``heading`` (its section, without the heading line)."""
        return "\n".join(self.text.split("\n")[heading.line:heading.end])

    @property
    def title_line(self) -> int:
        """The line of the page's ``# `` title (the first line of the body when it has none)."""
        return next((h.line for h in self.headings if h.level == 1), self.body_line)

    def release_views(self) -> None:
        """Forget the blanked copies of the text once the checks have run (a big site keeps every record)."""
        for name in ("without_code", "without_code_or_comments", "prose"):
            self.__dict__.pop(name, None)

    def line_of(self, needle: str, default: int = 1) -> int:
        """The first line of the file that contains ``needle``."""
        at = self.text.find(needle)
        return self.text.count("\n", 0, at) + 1 if at >= 0 else default

    # ------------------------------------------------------------ allow comments

    @cached_property
    def policy_comments(self) -> list[PolicyComment]:
        found = []
        if not _MAY_HAVE_POLICY_COMMENT.search(self.text):  # most pages have none: no need to blank their code
            return found
        for match in POLICY_COMMENT.finditer(self.without_code):
            line, col = line_col(self.text, match.start())
            found.append(PolicyComment(match.start(), match.end(), line, col, match.group(0), match.group(1)))
        return found

    def without_policy_comments(self, markdown: str | None = None) -> str:
        """The body (or ``markdown``, which MkDocs gives the hooks) without its policy comments, so they never
        reach the published page and never become part of a heading."""
        if markdown is None or markdown == self.body:
            offset = len(self.text) - len(self.body)
            spans = [(c.start - offset, c.end - offset) for c in self.policy_comments if c.start >= offset]
            markdown = self.body
        else:  # MkDocs read the front matter differently (it was broken): find the comments in what it gave
            spans = [m.span() for m in POLICY_COMMENT.finditer(blank_code(markdown))]
        for start, end in reversed(spans):
            while start > 0 and markdown[start - 1] in " \t":
                start -= 1
            markdown = markdown[:start] + markdown[end:]
        return markdown

    # ------------------------------------------------------------ questions and answers

    @cached_property
    def is_faq(self) -> bool:
        """``faq: true`` in the front matter, even when the rest of the front matter is broken."""
        if self.meta.get("faq") is True:
            return True
        if self.front_problems:
            lines = self.text.split("\n")
            if lines and lines[0].rstrip() == "---":
                for line in lines[1:]:
                    if line.rstrip() in ("---", "..."):
                        break
                    if _FAQ_KEY.match(line):
                        return True
        return False

    @cached_property
    def faq(self):
        """``(items, problems)`` of the FAQ (see sitekit.faq), read with the policy comments taken out."""
        from .faq import parse_faq_body

        body = self.body
        offset = len(self.text) - len(body)
        for comment in reversed(self.policy_comments):
            if comment.start >= offset:
                start, end = comment.start - offset, comment.end - offset
                body = body[:start] + re.sub(r"[^\n]", " ", body[start:end]) + body[end:]
        return parse_faq_body(body, self.body_line, self.path, self.language)


def title_problems(page: Page) -> list[Problem]:
    """The page's ``# `` title against its front matter (EDITING.md, "Change the text of a page"): one ``# ``
    title, the first line of the body, in the words of ``title:``. An FAQ page's missing or second title is
    sitekit.faq's to report; a missing or broken ``title:`` is the front matter check's."""
    titles = [h for h in page.headings if h.level == 1]
    title = page.meta.get("title")
    named = " ".join(title.split()) if isinstance(title, str) else ""
    problems = []
    if not titles:
        if not page.is_faq:
            problems.append(Problem(page.path, page.body_line, 'the page has no "# " title',
                                    f'add a first line "# {named}" (the words of title: in the front matter)' if named
                                    else 'add a first line such as "# How long results last"'))
        return problems
    if not page.is_faq:
        problems += [Problem(page.path, h.line, f'second "# " title {quote(h.text)}',
                             'a page has one "# " title; make this a "## " section heading, or remove it')
                     for h in titles[1:]]
    first = titles[0]
    above = blank_comments("\n".join(page.text.split("\n")[page.body_line - 1:first.line - 1]))  # comments may stand there
    before = next((page.body_line + index for index, line in enumerate(above.split("\n")) if line.strip()), None)
    if before is not None:
        problems.append(Problem(page.path, before, f'text before the "# " title (line {first.line})',
                                'move the "# " title up: it is the first line of the page, under the front matter',
                                WARNING))
    heading = " ".join(blank_comments(first.text).split())
    if named and heading != named:
        problems.append(Problem(page.path, first.line, f'the "# " title {quote(heading)} is not the page\'s title: '
                                f'{quote(named)} (line {page.front.line_of("title")})',
                                'use the same words in both: title: names the page in the browser tab and in '
                                'search results', WARNING))
    return problems


def read(text: str, path: str, src_uri: str | None = None, language: str = "en") -> Page:
    """The record of one page (``path`` as the editor sees it, e.g. ``docs/faq.md``) in a build of ``language``
    (``config.theme["language"]``; the language-specific checks read it from the record)."""
    return Page(text, path, src_uri, language)
