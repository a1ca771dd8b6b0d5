"""Log problems the way MkDocs counts them, and stop the build cleanly on errors."""
from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from .problems import ERROR, Problem


class Reporter:
    """Per-build list of one hook's problems; errors stop the build before anything is written."""

    def __init__(self, logger_name: str, what: str):
        self.log = logging.getLogger(f"mkdocs.hooks.{logger_name}")
        self.what = what
        self.errors: list[Problem] = []

    def reset(self) -> None:
        self.errors = []

    def report(self, problems: list[Problem]) -> None:
        for problem in problems:
            if problem.severity == ERROR:
                self.errors.append(problem)
                self.log.error(str(problem))
            else:
                self.log.warning(str(problem))

    def stop_if_errors(self) -> None:
        if self.errors:
            n = len(self.errors)
            raise PluginError(f"{n} problem{'s' if n != 1 else ''} in {self.what} (listed above): "
                              "fix them and build again; nothing was published")


def fail_now(problems: list[Problem], what: str, logger_name: str) -> None:
    """Report configuration problems and stop at once (used at start-up)."""
    reporter = Reporter(logger_name, what)
    reporter.report(problems)
    reporter.stop_if_errors()
