"""One shape for every mistake an editor can make: where, what, how to fix."""
from __future__ import annotations

import os
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """A content or configuration problem, printed as ``FILE:LINE[:COL]: what — fix``."""

    path: str
    line: int
    message: str
    fix: str
    severity: str = ERROR
    col: int | None = None
    check: str = ""  # which check found it, e.g. "frontmatter", "faq"

    @property
    def location(self) -> str:
        loc = f"{self.path}:{self.line}"
        return f"{loc}:{self.col}" if self.col else loc

    def __str__(self) -> str:
        return f"{self.location}: {self.message} — {self.fix}"

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col or 0, self.message)


def display_path(abs_path: str, project_dir: str) -> str:
    """The path as an editor sees it in the repository, e.g. ``docs/faq.md``."""
    rel = os.path.relpath(abs_path, project_dir)
    return rel.replace(os.sep, "/")


def quote(text: str, limit: int = 60) -> str:
    """Quote a piece of the editor's text in a message, shortened if long."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


def tag(problems: list[Problem], check: str) -> list[Problem]:
    """Mark problems with the check that found them."""
    from dataclasses import replace

    return [replace(p, check=check) for p in problems]
