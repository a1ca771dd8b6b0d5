"""The one state of a build: created at ``on_config``, kept on the MkDocs config object, gone with it.

Every hook reaches it with :func:`of` (``state.of(config)``). Nothing about a build lives in a module: the next
build (a ``mkdocs serve`` rebuild, or one build per language in the same process) loads a new config and so
gets a new, empty state. The one thing MkDocs says only once per process — the command, to ``on_startup`` —
is kept in :data:`SESSION`.

The state holds the validated settings (:attr:`SiteState.extra`), one record per page (:class:`sitekit.page.Page`,
made once when MkDocs reads the page) with what the hooks learn about it (:class:`PageData`), every problem found
(logged when found; :meth:`SiteState.stop_if_errors` stops the build once, after all pages were read), and the
cache of per-page results (:mod:`sitekit.cache`).
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field, replace
from typing import Any

from mkdocs.exceptions import PluginError

from . import cache, htmlscan
from .page import Page
from .problems import ERROR, Problem

#: What each check is called in the summary line that stops a build.
CHECK_NAMES = {
    "settings": "mkdocs.yml", "frontmatter": "page front matter", "faq": "the FAQ", "policy": "the content policy",
    "rawhtml": "the content policy", "diagrams": "the diagrams", "seo": "page titles",
    "structured-data": "the structured data", "booking": "the booking settings",
    "topics": "the required information", "strings": "the string catalogs", "translations": "the translations",
}
_ATTRIBUTE = "site_state"
_SAID = "site_said_before"


@dataclass
class Session:
    """What MkDocs says once per process, to ``on_startup``: ``build``, ``gh-deploy`` or ``serve``."""

    command: str | None = None
    dirty: bool = False


#: The process's session (``on_startup`` is called once, not once per build; a serve rebuild needs it).
SESSION = Session()


@dataclass
class PageData:
    """What the hooks work out about one page while MkDocs renders it."""

    record: Page
    review: dict | None = None  # what the page shows about its medical review
    faq_id: str | None = None  # the @id of the page's FAQPage, when it has one
    facts: Any = None  # structured data facts (sitekit.structured_data.PageFacts)


@dataclass
class SiteState:
    """Everything one build knows; see the module's docstring."""

    command: str | None
    config_path: str  # mkdocs.yml as the editor sees it
    extra: dict = field(default_factory=dict)  # validated extra: (clinic, reviewers, booking, policy, seo)
    publishing: bool = False
    pages: dict[str, PageData] = field(default_factory=dict)  # by src_uri
    nav: Any = None
    cache: Any = None
    errors: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # every problem, errors and warnings, in order found
    publish_only: list[Problem] = field(default_factory=list)  # what a public build would refuse (this one may be a preview)
    values: dict[str, Any] = field(default_factory=dict)  # values one hook computes once per build for others
    project_dir: str = ""  # the folder of mkdocs.yml
    settings: Any = None  # the sitekit.settings.Settings that validated mkdocs.yml (key lines, for later problems)
    env: Any = None  # the build's Jinja environment, once MkDocs has made it (on_env)
    languages: list = field(default_factory=list)  # sitekit.languages.Language, the default first ([]: one language)
    language: Any = None  # the Language this build makes (None without extra.languages)
    docs_dirs: list[str] = field(default_factory=list)  # where this build's files are: docs/CODE/, then docs/
    nested: bool = False  # a language's build run by the default build: it hands its problems back, not stops
    quiet: set = field(default_factory=set)  # problems the default build has logged already (a fallback page's)

    @property
    def docs_prefix(self) -> str:
        """How a path under this build's docs folder is shown to editors: ``docs/`` or ``docs/ar/``."""
        if self.language is not None and not self.language.default:
            return f"docs/{self.language.code}/"
        return "docs/"

    def find_docs_file(self, relative: str) -> str | None:
        """The file ``relative`` (e.g. ``assets/diagrams/x.svg``) of this build: the language's own, else the
        default language's."""
        import os

        for folder in self.docs_dirs:
            path = os.path.join(folder, relative)
            if os.path.isfile(path):
                return path
        return None

    # ------------------------------------------------------------ pages

    def add_page(self, record: Page) -> PageData:
        data = self.pages[record.src_uri] = PageData(record)
        return data

    def page(self, page) -> PageData:
        """The data of a MkDocs page (its record was made by the site hook when MkDocs read it)."""
        return self.pages[page.file.src_uri]

    def falls_back(self, src_uri: str) -> bool:
        """Whether the page ``src_uri`` of this (language's) build is the default language's page, shown because the
        language has no page of its own (hooks/languages.py): it is English text, checked as such, not a
        translation."""
        return src_uri in self.values.get("untranslated", ())

    def page_language(self, src_uri: str, build_language: str) -> str:
        """The language a page's text is in: the default language's for a page that falls back, else the build's."""
        return self.languages[0].code if self.languages and self.falls_back(src_uri) else build_language

    # ------------------------------------------------------------ changes to the built pages

    def digest_of(self, html: str) -> str:
        """A digest of a built page's text: read from the text, or, for the text :meth:`edit_page` returned
        last, worked out from the digest of what it was made from (no need to read it again)."""
        last = self.values.get("last_edit")
        if last is not None and last[0] is html:
            return last[1]
        return hashlib.sha256(html.encode("utf-8")).hexdigest()

    def edit_page(self, kind: str, html: str, compute, *key: Any) -> tuple[str, Any]:
        """Apply to ``html`` the edits ``compute(html)`` works out, returned as ``(edits, other results)``.
        Both are kept in the cache under the page's digest (and ``key``), so an unchanged page is not read
        again; a page read now hands its scan on to the next reader (sitekit.htmlscan)."""
        entry = cache.digest(self.digest_of(html), kind, *key)
        fresh = []

        def work():
            fresh.append(True)
            return compute(html)

        edits, other = self.cache.get(kind, entry, work)
        edited = htmlscan.scan(html).splice(edits) if fresh else htmlscan.apply_edits(html, edits)
        self.values["last_edit"] = (edited, entry)  # the result is a function of the input and the edit
        return edited, other

    # ------------------------------------------------------------ problems

    def report(self, problems: list[Problem]) -> None:
        """Log each problem now (errors as ERROR, warnings as WARNING under ``mkdocs.hooks.CHECK``, so
        ``--strict`` counts them) and remember the errors for :meth:`stop_if_errors`."""
        for problem in problems:
            self.problems.append(problem)
            if problem.severity == ERROR:
                self.errors.append(problem)
            if str(problem) not in self.quiet:
                _log(problem)

    def stop_if_errors(self) -> None:
        """Stop the build, before anything is written, if any check found an error. A language's nested build
        stops too, but says nothing more: the default build lists every language's problems and stops once."""
        if self.errors:
            if self.nested:
                raise LanguageStopped(self.errors, self.problems)
            stop(self.errors, self.problems)


class SiteError(PluginError):
    """The build stopped because of the problems listed (already logged); tools/check.py reads them from here."""

    def __init__(self, message: str, problems: list[Problem]):
        super().__init__(message)
        self.problems = problems


class LanguageStopped(Exception):
    """A language's nested build found errors (already logged); the default build stops with them (not a MkDocs
    BuildError, so MkDocs does not log a second summary)."""

    def __init__(self, errors: list[Problem], problems: list[Problem]):
        super().__init__(f"{len(errors)} problems")
        self.errors, self.problems = errors, problems


def stop(errors: list[Problem], problems: list[Problem] | None = None) -> None:
    n = len(errors)
    names = list(dict.fromkeys(CHECK_NAMES.get(p.check, "the content") for p in errors))
    what = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    raise SiteError(f"{n} problem{'s' if n != 1 else ''} in {what} (listed above): "
                    "fix them and build again; nothing was published", problems if problems is not None else errors)


def fail_now(problems: list[Problem], check: str) -> None:
    """Report problems found at start-up (settings) and stop at once if any is an error."""
    problems = [replace(p, check=p.check or check) for p in problems]
    for problem in problems:
        _log(problem)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        stop(errors, problems)


def _log(problem: Problem) -> None:
    """Log a problem under ``mkdocs.hooks.CHECK``: errors as ERROR, others as WARNING (``--strict`` counts both)."""
    log = logging.getLogger(f"mkdocs.hooks.{problem.check or 'site'}")
    (log.error if problem.severity == ERROR else log.warning)(str(problem))


def hand_over(config, said: set[str]) -> None:
    """Before a language's nested build (hooks/languages.py): what the default build has logged already, so the
    nested build does not log it again (a page that falls back is checked by both)."""
    setattr(config, _SAID, said)


def said_before(config) -> set[str]:
    return getattr(config, _SAID, set())


def attach(config, state: SiteState) -> SiteState:
    setattr(config, _ATTRIBUTE, state)
    return state


def of(config) -> SiteState:
    """The state of the build that ``config`` belongs to."""
    try:
        return getattr(config, _ATTRIBUTE)
    except AttributeError:
        raise PluginError("hooks/site.py must be the first hook in mkdocs.yml's hooks: list "
                          "(it makes the build's state that the other hooks use)") from None
