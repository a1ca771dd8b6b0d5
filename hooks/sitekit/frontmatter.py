"""Read and check the YAML front matter of a page, with line numbers.

MkDocs silently ignores front matter it cannot parse (the YAML then shows up
as text on the page), so every page's source is read again here and every
mistake is reported against the file as the editor sees it.
"""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import WARNING, Problem, quote, tag
from .yamlfast import load_with_node

# The same pattern MkDocs uses (mkdocs.utils.meta.YAML_RE).
_YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_OPENING = re.compile(r"^-{3}[ \t]*\n")

DESCRIPTION_MIN = 50
DESCRIPTION_MAX = 160
REVIEW_INTERVAL_MONTHS = 12
DUE_SOON_DAYS = 30  # make check warns this many days before a review falls due


@dataclass(frozen=True)
class KeySpec:
    types: tuple
    required: bool = False
    what: str = ""


#: Every key a page may use. Unknown keys are mistakes (usually typos).
SCHEMA: dict[str, KeySpec] = {
    "title": KeySpec((str,), True, "the page title shown in the browser tab and the menu"),
    "description": KeySpec((str,), True, "a 50–160 character summary for search results"),
    "reviewed_by": KeySpec((str,), True, "the key of a reviewer listed under extra.reviewers in mkdocs.yml"),
    "last_reviewed": KeySpec((dt.date,), True, "the date of the last medical review, as YYYY-MM-DD"),
    "next_review": KeySpec((dt.date,), False, "when the page is due its next medical review, as YYYY-MM-DD"),
    "faq": KeySpec((bool,), False, "true on a questions-and-answers page"),
    "booking": KeySpec((bool,), False, "true where the booking form should appear"),
    "hide": KeySpec((list,), False, "parts of the layout to hide, e.g. [toc]"),
    "search": KeySpec((dict,), False, "search options, e.g. {exclude: true}"),
    "menu": KeySpec((str,), False, "a shorter label for the menu of a translated page (docs/CODE/), if its title is long"),
}

#: Keys only a translated page (docs/<code>/…, sitekit.translations) may use, besides those of SCHEMA.
TRANSLATION_SCHEMA: dict[str, KeySpec] = {
    "translated_from": KeySpec((str,), False, "the version of the English page this page translates "
                                              "(make translations RECORD=docs/<code>/FILE.md writes it)"),
    "menu": KeySpec((str,), False, "the page's label in the menu, when it should differ from its title"),
}
#: ``reviewed_by: pending`` on a translated page: not yet medically reviewed (sitekit.translations).
PENDING = "pending"

_TYPE_WORDS = {str: "text", bool: "true or false", list: "a list", dict: "a mapping", dt.date: "a date (YYYY-MM-DD)"}


@dataclass
class FrontMatter:
    """A page's metadata, its body, and where the body starts in the file."""

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict)
    present: bool = False

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def split(text: str, path: str) -> tuple[FrontMatter, list[Problem]]:
    """Split ``text`` into front matter and body; report YAML mistakes with their line."""
    fm, problems = _split(text, path)
    return fm, tag(problems, "frontmatter")


def _split(text: str, path: str) -> tuple[FrontMatter, list[Problem]]:
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    if not _OPENING.match(text):
        return FrontMatter(body=text), []
    match = _YAML_RE.match(text)
    if not match:
        return FrontMatter(body=text), [
            Problem(path, 1, 'the front matter starting with "---" is never closed',
                    'add a line with just "---" after the last front matter line')
        ]
    yaml_text = match.group(1)
    body = text[match.end():]
    body_line = text[: match.end()].count("\n") + 1
    data, node = load_with_node(yaml_text)
    try:
        if node is None:  # not read by libyaml (or empty): the pure-Python reader, and its exact messages
            data = yaml.safe_load(yaml_text)
            node = yaml.compose(yaml_text)
    except yaml.YAMLError as exc:
        start, noticed = yaml_error_lines(exc)
        reason = getattr(exc, "problem", None) or "it cannot be read"
        line = start + 1 if start is not None else 2  # +1 for the opening ---
        message = f"the front matter is not valid YAML ({reason})"
        if noticed is not None and start is not None and noticed != start:
            message = f"the front matter is not valid YAML ({reason}), noticed on line {noticed + 1}"
        return FrontMatter(body=body, body_line=body_line, present=True), [
            Problem(path, line, message,
                    'write each entry as "key: value" on its own line, and put quotes around '
                    'a value that contains a colon or starts with a special character')
        ]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(body=body, body_line=body_line, present=True), [
            Problem(path, 2, "the front matter is not a list of \"key: value\" entries",
                    'write each entry as "key: value" on its own line')
        ]
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return FrontMatter(meta=data, body=body, body_line=body_line, key_lines=key_lines, present=True), []


def yaml_error_lines(exc: yaml.YAMLError) -> tuple[int | None, int | None]:
    """1-based lines of a YAML mistake in the text that was read: where the broken construct starts (an
    unclosed "[" or "{", a quote, a key without its colon) and where the reader noticed it, which is often a
    later line. A construct that is the whole document (the block of "key: value" entries) is no help, so
    then both are the line where the reader noticed. ``(None, None)`` if the error has no place."""
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    noticed = problem.line + 1 if problem is not None else None
    if context is None or "block" in (getattr(exc, "context", None) or ""):
        start = noticed if noticed is not None else (context.line + 1 if context is not None else None)
    else:
        start = context.line + 1
    return start, noticed if noticed is not None else start


def yaml_error_column(exc: yaml.YAMLError) -> int | None:
    """1-based column of the line :func:`yaml_error_lines` gives first."""
    problem, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    if context is not None and "block" not in (getattr(exc, "context", None) or ""):
        return context.column + 1
    return problem.column + 1 if problem is not None else None


def today() -> dt.date:
    """Today, or SITE_TODAY (YYYY-MM-DD) where a test or a check fixes the date."""
    pinned = os.environ.get("SITE_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day where it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _type_name(spec: KeySpec) -> str:
    return _TYPE_WORDS.get(spec.types[0], spec.types[0].__name__)


def check(fm: FrontMatter, path: str, reviewers: dict[str, Any], today: dt.date, *,
          due_soon_days: int = 0, translation: bool = False) -> list[Problem]:
    """Check a page's metadata against :data:`SCHEMA` and the review rules. With ``due_soon_days`` (``make
    check`` passes :data:`DUE_SOON_DAYS`), also a notice when the review falls due within that many days: a
    warning that does not stop publishing (the build does not ask for it), tagged ``review-due-soon``.
    ``translation``: a translated page (docs/<code>/…), which may also use :data:`TRANSLATION_SCHEMA`'s keys and
    be not yet reviewed (``reviewed_by: pending`` or none, then no last_reviewed needed; sitekit.translations
    shows it with a banner and refuses to publish it)."""
    problems = tag(_check(fm, path, reviewers, today, translation), "frontmatter")
    if due_soon_days:
        problems += due_soon(fm, path, today, due_soon_days)
    return problems


def due_soon(fm: FrontMatter, path: str, today: dt.date, days: int = 0) -> list[Problem]:
    """A warning when the page's medical review falls due within ``days`` days from ``today`` (on the day
    itself included; the day after, :func:`check` says it was due, a warning that stops publishing)."""
    days = days or DUE_SOON_DAYS
    due, last = next_review(fm.meta), _as_date(fm.meta.get("last_reviewed"))
    if not due or not last or due <= last or not today <= due <= today + dt.timedelta(days=days):
        return []
    left = (due - today).days
    when = "today" if left == 0 else "tomorrow" if left == 1 else f"in {left} days"
    return tag([Problem(path, fm.line_of("next_review" if "next_review" in fm.meta else "last_reviewed"),
                        f"the medical review is due on {due.isoformat()} ({when})",
                        "ask the reviewer to check the page before then, and update last_reviewed (and next_review, "
                        "if set); the day after it is due, the site cannot be published until it is reviewed",
                        severity=WARNING)], "review-due-soon")


def not_reviewed(meta: dict[str, Any]) -> bool:
    """A translation not yet medically reviewed: ``reviewed_by`` is ``pending`` or missing."""
    reviewer = meta.get("reviewed_by")
    return reviewer is None or reviewer == "" or (isinstance(reviewer, str) and reviewer.strip().lower() == PENDING)


def _check(fm: FrontMatter, path: str, reviewers: dict[str, Any], today: dt.date,
           translation: bool = False) -> list[Problem]:
    problems: list[Problem] = []
    meta = fm.meta
    if not fm.present:
        return [Problem(path, 1, "the page has no front matter",
                        'start the file with a "---" line, then title, description, reviewed_by and '
                        'last_reviewed, each as "key: value", then another "---" line')]
    schema = {**SCHEMA, **TRANSLATION_SCHEMA} if translation else SCHEMA
    pending = translation and not_reviewed(meta)  # not reviewed yet: sitekit.translations says so
    for key in meta:
        if key in TRANSLATION_SCHEMA and not translation:
            problems.append(Problem(path, fm.line_of(key), f'"{key}" is only for translated pages (docs/<code>/FILE.md)',
                                    "remove it from this page"))
        elif key not in schema:
            guess = difflib.get_close_matches(str(key), schema, n=1)
            fix = f'did you mean "{guess[0]}"?' if guess else f"use one of: {', '.join(schema)}"
            problems.append(Problem(path, fm.line_of(key), f'unknown front matter key "{key}"', fix))
    for key, spec in schema.items():
        if key not in meta or meta[key] is None or meta[key] == "":
            if spec.required and not (pending and key in ("reviewed_by", "last_reviewed")):
                problems.append(Problem(path, 1 if key not in meta else fm.line_of(key),
                                        f'the front matter has no "{key}"',
                                        f'add "{key}:" with {spec.what}'))
            continue
        value = meta[key]
        if isinstance(value, dt.datetime):
            value = value.date()
        wrong = not isinstance(value, spec.types) or (spec.types == (str,) and isinstance(value, bool))
        if wrong:
            if dt.date in spec.types:
                fix = f'write the date as YYYY-MM-DD, e.g. "{key}: {today.isoformat()}"'
            else:
                fix = f'set "{key}" to {_type_name(spec)} ({spec.what})'
            problems.append(Problem(path, fm.line_of(key), f'"{key}" is {quote(value)}, not {_type_name(spec)}', fix))
    description = meta.get("description")
    if isinstance(description, str) and description.strip():
        n = len(" ".join(description.split()))
        if n < DESCRIPTION_MIN:
            problems.append(Problem(path, fm.line_of("description"),
                                    f"the description is {n} characters, shorter than {DESCRIPTION_MIN}",
                                    "say in one sentence what the page covers, so search results show something useful"))
        elif n > DESCRIPTION_MAX:
            problems.append(Problem(path, fm.line_of("description"),
                                    f"the description is {n} characters, longer than {DESCRIPTION_MAX}",
                                    "shorten it: search engines cut descriptions off after about 160 characters"))
    reviewer = meta.get("reviewed_by")
    if isinstance(reviewer, str) and reviewer and reviewer not in reviewers and not pending:
        known = ", ".join(sorted(reviewers)) or "none yet"
        problems.append(Problem(path, fm.line_of("reviewed_by"), f'unknown reviewer "{reviewer}"',
                                f"use a reviewer key from extra.reviewers in mkdocs.yml ({known}), or add the reviewer there"))
    last = _as_date(meta.get("last_reviewed"))
    if last and last > today:
        problems.append(Problem(path, fm.line_of("last_reviewed"),
                                f"last_reviewed {last.isoformat()} is in the future",
                                "set it to the date the medical review actually took place"))
    due = next_review(meta)
    if due and last and due <= last:
        problems.append(Problem(path, fm.line_of("next_review"),
                                f"next_review {due.isoformat()} is not after last_reviewed {last.isoformat()}",
                                "set next_review to a date after the last review, or remove it (default: 12 months later)"))
    elif due and due < today:
        problems.append(Problem(path, fm.line_of("next_review" if "next_review" in meta else "last_reviewed"),
                                f"the medical review was due on {due.isoformat()}",
                                "ask the reviewer to check the page, then update last_reviewed (and next_review, if set)",
                                severity=WARNING))
    return problems


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def next_review(meta: dict[str, Any]) -> dt.date | None:
    """``next_review`` if set, else 12 months after ``last_reviewed``."""
    explicit = _as_date(meta.get("next_review"))
    if explicit:
        return explicit
    last = _as_date(meta.get("last_reviewed"))
    return add_months(last, REVIEW_INTERVAL_MONTHS) if last else None


def review_info(meta: dict[str, Any], reviewers: dict[str, Any]) -> dict[str, Any] | None:
    """What the page shows about its medical review, or ``None`` if it has none."""
    last = _as_date(meta.get("last_reviewed"))
    person = reviewers.get(meta.get("reviewed_by")) if isinstance(meta.get("reviewed_by"), str) else None
    if not last or not person:
        return None
    return {
        "name": person["name"],
        "qualification": person.get("qualification", ""),
        "last_reviewed": last,
        "next_review": next_review(meta),
    }
