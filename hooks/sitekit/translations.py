"""Translation status: which version of its English page each translated page translates, and what changed since.

A translated page (``docs/<code>/<name>.md`` for a language of ``extra.languages`` other than the first) records
in its front matter ``translated_from:``, the :func:`source_hash` of the English page ``docs/<name>.md`` it was
translated from. A copy of that English page, as translated, is kept in ``docs/<code>/.sources/<name>.md`` (a
dotted folder: never built), so the difference can be told in section headings (:func:`what_changed`).

Pure functions only: the hook (hooks/translations.py) reads the files and reports the problems; ``make
translations`` (tools/translations.py) prints the table and records new versions with the same functions.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import Any

import yaml

from . import frontmatter
from .markdown_text import atx_headings, heading_attrs
from .problems import ERROR, WARNING, Problem, quote, tag

HASH_LENGTH = 12
_HASH = re.compile(r"^[0-9a-f]{12}$")
#: ``reviewed_by: pending``: translated, not yet medically reviewed.
PENDING = frontmatter.PENDING
#: Where the copy of each English page as translated is kept, inside the language's folder.
SOURCES = ".sources"

CURRENT, OUTDATED, MISSING, ORPHAN = "current", "outdated", "missing", "orphan"
#: How many changed sections a message names before "and N more".
CHANGES_SHOWN = 5

#: Front matter keys only a translated page may use (sitekit.frontmatter accepts them there).
KEYS = frontmatter.TRANSLATION_SCHEMA


# ---------------------------------------------------------------- the version of an English page

def normalise(body: str) -> str:
    """``body`` with line endings as "\\n" and the whitespace at the end of each line removed."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in body.split("\n"))


def body_of(text: str) -> str:
    """The text of a page after its front matter (all of it if it has none, or its front matter is broken)."""
    return frontmatter.split(text, "")[0].body


def source_hash(english_file_text: str) -> str:
    """The version of an English page: the first 12 hex digits of SHA-256 of its body (the text after its front
    matter), with line endings normalised to "\\n" and trailing whitespace stripped from each line, as UTF-8.
    Changing the front matter (a review date, the description) is not a new version."""
    return hashlib.sha256(normalise(body_of(english_file_text)).encode("utf-8")).hexdigest()[:HASH_LENGTH]


# ---------------------------------------------------------------- languages and paths

@dataclass(frozen=True)
class Language:
    """The language a build is for, when it is a translation (not the first language of ``extra.languages``)."""

    code: str
    publish_stale: bool
    docs_dir: str  # the language's folder, docs/<code> (absolute)
    source_dir: str  # the English pages, docs/ (absolute)


def translation_codes(languages: list[dict[str, Any]] | None) -> list[str]:
    """The codes of the translated languages: every entry of ``extra.languages`` but the first (the default)."""
    return [str(entry.get("code")) for entry in (languages or [])[1:] if isinstance(entry, dict) and entry.get("code")]


def language_of(docs_dir: str, languages: list[dict[str, Any]] | None) -> Language | None:
    """The translated language whose pages ``docs_dir`` holds (``…/docs/<code>``, the nested build of that
    language), or ``None`` for the default language's build (or a site without ``extra.languages``)."""
    folder = os.path.normpath(os.path.abspath(docs_dir))
    code = os.path.basename(folder)
    for entry in (languages or [])[1:]:
        if isinstance(entry, dict) and entry.get("code") == code:
            return Language(code, entry.get("publish_stale") is True, folder, os.path.dirname(folder))
    return None


def is_translation_path(path: str, docs: str, languages: list[dict[str, Any]] | None) -> bool:
    """Whether ``path`` (e.g. docs/ar/faq.md, as the editor sees it) is a translated page under ``docs``."""
    parts = path.replace(os.sep, "/").split("/")
    prefix = docs.strip("/").split("/")
    return (len(parts) > len(prefix) + 1 and parts[:len(prefix)] == prefix
            and parts[len(prefix)] in translation_codes(languages))


def english_path(path: str, code: str) -> str:
    """``docs/ar/faq.md`` -> ``docs/faq.md`` (as the editor sees both)."""
    head, _, name = path.partition(f"/{code}/")
    return f"{head}/{name}"


def snapshot_path(path: str, code: str) -> str:
    """``docs/ar/faq.md`` -> ``docs/ar/.sources/faq.md``: the English page as it was translated."""
    head, _, name = path.partition(f"/{code}/")
    return f"{head}/{code}/{SOURCES}/{name}"


# ---------------------------------------------------------------- what changed

def sections(body: str) -> list[tuple[str, str]]:
    """``(heading text, normalised section text)`` of each section of ``body``, in order: the text before the
    first heading (heading ""), then each heading with the lines up to the next heading of any level."""
    lines = normalise(body).split("\n")
    starts = [(index, heading_attrs(raw)[0]) for index, _, raw in atx_headings("\n".join(lines))]
    out = [("", "\n".join(lines[: starts[0][0] if starts else len(lines)]).strip("\n"))]
    for n, (index, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        out.append((title, "\n".join(lines[index:end]).strip("\n")))
    return out


def _keyed(body: str) -> dict[tuple[str, int], str]:
    seen: dict[str, int] = {}
    out = {}
    for title, text in sections(body):
        seen[title] = seen.get(title, 0) + 1
        out[(title, seen[title])] = text
    return out


def what_changed(old_text: str, new_text: str) -> list[str]:
    """The sections of an English page that changed between ``old_text`` (as translated) and ``new_text`` (as it
    is now), each as ``"Heading" (edited)``, ``(new)`` or ``(removed)``, in the order of the page (removed ones
    last). The text before the first heading is called "the start of the page"."""
    old, new = _keyed(body_of(old_text)), _keyed(body_of(new_text))
    out = []
    for key, text in new.items():
        if key not in old:
            if text or key[0]:
                out.append(f"{_name(key)} (new)")
        elif old[key] != text:
            out.append(f"{_name(key)} (edited)")
    out += [f"{_name(key)} (removed)" for key, text in old.items() if key not in new and (text or key[0])]
    return out


def _name(key: tuple[str, int]) -> str:
    title, n = key
    if not title:
        return "the start of the page"
    return quote(title) + (f" (the {_ordinal(n)})" if n > 1 else "")


def _ordinal(n: int) -> str:
    return {2: "second", 3: "third"}.get(n, f"{n}th")


def changes_text(changes: list[str]) -> str:
    """A short list for a message: at most :data:`CHANGES_SHOWN` sections, then "and N more"."""
    if not changes:
        return "only blank lines or spacing"
    shown = ", ".join(changes[:CHANGES_SHOWN])
    rest = len(changes) - CHANGES_SHOWN
    return shown + (f" and {rest} more" if rest > 0 else "")


# ---------------------------------------------------------------- the status of one page in one language

def status(english_text: str | None, translated: bool, recorded: Any = None) -> str:
    """``current``, ``outdated`` (``recorded`` — the page's translated_from — is not the English page's version, or
    is not there), ``missing`` (an English page with no translation) or ``orphan`` (a translation with no English
    page)."""
    if english_text is None:
        return ORPHAN if translated else MISSING
    if not translated:
        return MISSING
    return CURRENT if isinstance(recorded, str) and recorded == source_hash(english_text) else OUTDATED


def changes_since(recorded: Any, english_text: str, snapshot_text: str | None, snapshot: str) -> str:
    """What changed in the English page since the version ``recorded``, for a message or the table, read from the
    copy of the page as translated (``snapshot``, as the editor sees its path)."""
    if snapshot_text is None:
        return f"not known ({snapshot}, the copy of the English page as translated, is missing)"
    if not isinstance(recorded, str) or source_hash(snapshot_text) != recorded:
        return f"not known ({snapshot} is not the version translated_from names)"
    return changes_text(what_changed(snapshot_text, english_text))


unreviewed = frontmatter.not_reviewed


@dataclass(frozen=True)
class Verdict:
    """What the build does with one translated page."""

    status: str
    problems: tuple[Problem, ...] = ()
    outdated_notice: bool = False  # show the "translated from an older version" notice on the page
    unreviewed: bool = False  # show the "not yet medically reviewed" banner (previews; public builds refuse)


def record_hint(path: str) -> str:
    return f"make translations RECORD={path}"


def check(fm: frontmatter.FrontMatter, path: str, code: str, english_text: str | None,
          snapshot_text: str | None, *, publishing: bool, publish_stale: bool) -> Verdict:
    """The checks of one translated page (``path`` e.g. docs/ar/faq.md; ``english_text`` the English page's file,
    ``None`` if there is none; ``snapshot_text`` its copy as translated). Outdated: a warning in previews; in a
    public build an error, unless the language publishes stale pages (``publish_stale``), with a notice. Not
    medically reviewed: a banner in previews, an error in a public build."""
    english, snapshot = english_path(path, code), snapshot_path(path, code)
    problems: list[Problem] = []
    review = unreviewed(fm.meta)
    if review and publishing:
        reviewer = fm.meta.get("reviewed_by")
        said = f"reviewed_by: {reviewer}" if isinstance(reviewer, str) and reviewer.strip() else "no reviewed_by"
        problems.append(Problem(path, fm.line_of("reviewed_by"),
                                f"the translation has not been medically reviewed ({said})",
                                f"ask a reviewer listed under extra.reviewers in mkdocs.yml to check it against {english}, "
                                "then set reviewed_by to their key and last_reviewed to the day they did; until then it "
                                "shows only in previews, with a banner"))
    if english_text is None:
        problems.append(Problem(path, 1, f"there is no English page {english} for this translation",
                                "give it the file name of the English page it translates, or delete it "
                                "(make translations lists every page)", ERROR if publishing else WARNING))
        return Verdict(ORPHAN, tuple(tag(problems, "translations")), unreviewed=review)
    recorded = fm.meta.get("translated_from")
    current = source_hash(english_text)
    if recorded is None or recorded == "":
        problems.append(Problem(path, fm.line_of("translated_from") if "translated_from" in fm.meta else 1,
                                f"the translation does not say which version of {english} it translates "
                                "(no translated_from)",
                                f'once it matches {english} as it is now, add "translated_from: {current}" to its front '
                                f"matter, or run {record_hint(path)}"))
        return Verdict(OUTDATED, tuple(tag(problems, "translations")), unreviewed=review)
    if not isinstance(recorded, str):
        return Verdict(OUTDATED, tuple(tag(problems, "translations")), unreviewed=review)  # frontmatter: not text
    if not _HASH.match(recorded):
        problems.append(Problem(path, fm.line_of("translated_from"),
                                f"translated_from {quote(recorded)} is not 12 hexadecimal digits",
                                f"once the page matches {english} as it is now, run {record_hint(path)} "
                                f'(it writes "translated_from: {current}")'))
        return Verdict(OUTDATED, tuple(tag(problems, "translations")), unreviewed=review)
    if recorded == current:
        return Verdict(CURRENT, tuple(tag(problems, "translations")), unreviewed=review)
    if not publishing or not publish_stale:
        changed = changes_since(recorded, english_text, snapshot_text, snapshot)
        problems.append(Problem(path, fm.line_of("translated_from"), f"translated from an older version of {english}",
                                f"update it, then record the new version ({record_hint(path)}); changed: {changed}",
                                ERROR if publishing else WARNING))
    return Verdict(OUTDATED, tuple(tag(problems, "translations")), outdated_notice=True, unreviewed=review)


# ---------------------------------------------------------------- recording a new version

def with_recorded(text: str, version: str) -> str:
    """The page's text with ``translated_from: VERSION`` in its front matter: only that line changed (or, when the
    page has none yet, one line added before the closing ``---``). Raises ValueError if the page has no front
    matter. The value is quoted only where YAML would not read it as text (all digits)."""
    value = version if yaml.safe_load(version) == version else f'"{version}"'
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    start = 1 if lines and lines[0].lstrip("\ufeff").rstrip() == "---" else None
    if start is None:
        raise ValueError("the page has no front matter")
    for index in range(start, len(lines)):
        line = lines[index]
        if line.rstrip() in ("---", "..."):
            lines.insert(index, f"translated_from: {value}")
            return newline.join(lines)
        if re.match(r"^translated_from[ \t]*:", line):
            comment = re.search(r"[ \t]+#.*$", line)
            lines[index] = f"translated_from: {value}" + (comment.group(0) if comment else "")
            return newline.join(lines)
    raise ValueError('the front matter starting with "---" is never closed')


# ---------------------------------------------------------------- the status table (make translations)

@dataclass(frozen=True)
class Row:
    """One page in one language, for ``make translations``."""

    name: str  # the page's file name under docs/, e.g. faq.md
    code: str
    status: str
    reviewed: bool = True  # False: the translation's reviewed_by is pending or missing
    changed: str = ""  # what changed in the English page, for an outdated page


def row(name: str, code: str, docs: str, english_text: str | None, translation_text: str | None,
        snapshot_text: str | None) -> Row:
    """The status of ``docs/<code>/<name>`` (``docs`` as the editor sees it, e.g. "docs")."""
    if translation_text is None:
        return Row(name, code, MISSING)
    fm = frontmatter.split(translation_text, name)[0]
    recorded = fm.meta.get("translated_from")
    state = status(english_text, True, recorded)
    changed = ""
    if state == OUTDATED:
        if recorded is None or recorded == "":
            changed = "not known (no translated_from)"
        else:
            changed = changes_since(recorded, english_text, snapshot_text,
                                    snapshot_path(f"{docs}/{code}/{name}", code))
    return Row(name, code, state, not unreviewed(fm.meta), changed)


def cell(entry: Row) -> str:
    return entry.status + ("" if entry.reviewed or entry.status in (MISSING, ORPHAN) else " (not reviewed)")


def table(rows: list[Row], codes: list[str], docs: str = "docs") -> str:
    """The status table: one line per page, one column per language; then what changed in each outdated page,
    and a count per language."""
    names = list(dict.fromkeys(entry.name for entry in rows))
    by = {(entry.name, entry.code): entry for entry in rows}
    width = max([len("page")] + [len(name) for name in names]) + 2
    widths = {code: max([len(code)] + [len(cell(by[(n, code)])) for n in names if (n, code) in by]) + 2 for code in codes}
    lines = ["page".ljust(width) + "".join(code.ljust(widths[code]) for code in codes)]
    for name in names:
        lines.append(name.ljust(width) + "".join(
            (cell(by[(name, code)]) if (name, code) in by else "").ljust(widths[code]) for code in codes))
    lines = [line.rstrip() for line in lines]
    outdated = [entry for entry in rows if entry.status == OUTDATED]
    if outdated:
        lines += ["", "What changed in the English page since it was translated:"]
        lines += [f"  {docs}/{e.code}/{e.name} (from {docs}/{e.name}): {e.changed}" for e in outdated]
    lines.append("")
    for code in codes:
        counts = {state: sum(1 for e in rows if e.code == code and e.status == state)
                  for state in (CURRENT, OUTDATED, MISSING, ORPHAN)}
        pending = sum(1 for e in rows if e.code == code and not e.reviewed and e.status not in (MISSING, ORPHAN))
        lines.append(f"{code}: " + ", ".join(f"{n} {state}" for state, n in counts.items())
                     + f"; {pending} not yet medically reviewed")
    return "\n".join(lines)
