"""The site's fixed wording: one catalog per language, ``overrides/locales/<code>.yml`` (EDITING.md, "The site's
fixed wording").

A catalog is a flat YAML mapping of keys to plain text (``book_bar.book: Book a free consultation``); a few keys
hold a list (``date.months``). ``{name}`` in a value is a placeholder the template fills in (a phone number, the
clinic's name) with the ``fill`` filter, so a translation can put the value where its sentence needs it. The
English catalog (``en.yml``) is the reference: every other catalog has exactly its keys, the same placeholders
and lists of the same length, and every key a template names (``t["key"]``) is in it. What is wrong is reported
as ``overrides/locales/ar.yml:LINE: … — fix``; the build uses the English text in its place only to get to the
end of the build it then stops.

Nothing here knows MkDocs: hooks/strings.py loads the catalogs of a build and gives the templates ``t``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml
from markupsafe import Markup, escape

from .cache import digest
from . import yamlfast
from .problems import Problem
from .settings import DAYS, _day_runs

#: The folder of the catalogs, in the theme's custom_dir (overrides/).
FOLDER = "locales"
#: The reference catalog: every other one has its keys.
DEFAULT = "en"
#: Languages written right to left (ISO 639-1 codes, and the Kurdish of Iraq, ckb), as browsers treat them.
RTL = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
#: ``t["key"]`` (or ``t['key']``) in a template; keys made while rendering (``t["day." ~ day]``) are not seen here.
_USE = re.compile(r"""\bt\[\s*(["'])([^"'\]]+)\1\s*\]""")


def direction(code: str | None) -> str:
    """``rtl`` or ``ltr`` for a language code (``ar``, ``ar_EG``, ``fa-IR`` …)."""
    base = re.split(r"[-_]", (code or DEFAULT).lower())[0]
    return "rtl" if base in RTL else "ltr"


def has_rtl(build_language: str | None, languages) -> bool:
    """Whether a site has a right-to-left language: the build's own (theme.language) or any of
    ``extra.languages`` (entries with ``code`` and, optionally, ``dir``); without that list, the build's only."""
    if direction(build_language) == "rtl":
        return True
    for entry in languages or []:
        if isinstance(entry, dict) and (entry.get("dir") == "rtl" or (
                entry.get("dir") is None and direction(str(entry.get("code") or "")) == "rtl")):
            return True
    return False


class MissingString(Exception):
    """A template asked for a key no catalog has (not a LookupError: Jinja would quietly print nothing)."""


class Strings(dict):
    """One language's wording as the templates see it (``t["key"]``): its catalog over the English one, so a
    build that has reported a missing key still renders to the end of its checks."""

    def __init__(self, values: dict, fallback: dict | None = None, code: str = DEFAULT, path: str = ""):
        super().__init__(values)
        self.fallback = fallback or {}
        self.code = code
        self.path = path
        self.dir = direction(code)
        self.reported = False  # the build has reported its catalogs' problems and will stop

    def __missing__(self, key):
        if key in self.fallback:
            return self.fallback[key]
        if self.reported:
            return f"[{key}]"
        raise MissingString(f'{self.path}: the templates use t["{key}"], which no catalog has — '
                            f"add {key} to overrides/locales/{DEFAULT}.yml and to every other catalog")


@dataclass
class Catalog:
    """A catalog as read: its values, each key's line, the line after each value (where a key after it goes)."""

    code: str
    path: str  # as the editor sees it, e.g. overrides/locales/ar.yml
    values: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    ends: dict = field(default_factory=dict)


def _compose(text: str):
    """The YAML node tree of ``text``: read by libyaml where it is installed (the same nodes and marks, many times
    faster); by the pure-Python reader otherwise, and when the text is not valid YAML (for its message)."""
    if yamlfast.FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=yamlfast.FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse(text: str, code: str, path: str) -> tuple[Catalog, list[Problem]]:
    """A catalog from its YAML text, with a problem for each thing that is not a flat key → text (or list of
    texts) entry."""
    catalog, problems = Catalog(code, path), []
    try:
        node = _compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return catalog, [Problem(path, (mark.line + 1) if mark else 1,
                                 f"is not valid YAML ({getattr(error, 'problem', None) or error})",
                                 "write one key: text per line; put text with a colon or # in double quotes")]
    if node is None:
        return catalog, problems
    if not isinstance(node, yaml.MappingNode):
        return catalog, [Problem(path, node.start_mark.line + 1, "is not a list of key: text lines",
                                 "write one key: text per line, e.g. book_bar.book: Book a free consultation")]
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = str(key_node.value)
        if key in catalog.values:
            problems.append(Problem(path, line, f"{key} is written twice (also line {catalog.lines[key]})",
                                    "keep one of them"))
            continue
        if isinstance(value_node, yaml.ScalarNode) and value_node.value != "":
            value = value_node.value
        elif isinstance(value_node, yaml.SequenceNode) and value_node.value and all(
                isinstance(item, yaml.ScalarNode) and item.value != "" for item in value_node.value):
            value = [item.value for item in value_node.value]
        else:
            problems.append(Problem(path, line, f"{key} has no text", f"write the text after \"{key}: \""))
            continue
        catalog.values[key] = value
        catalog.lines[key] = line
        end = value_node.end_mark
        catalog.ends[key] = end.line + (1 if end.column else 0)
    return catalog, problems


def load(folder: Path, code: str, display_folder: str,
         remember: Callable[[str, Callable], Any] | None = None) -> tuple[Catalog | None, list[Problem]]:
    """The catalog of a language from ``folder`` (None, with a problem, when the file is missing).
    ``remember(key, compute)``: where a build keeps results by a digest of what they depend on (the build's
    cache), so an unchanged catalog is not parsed again."""
    path = f"{display_folder}/{code}.yml"
    file = Path(folder) / f"{code}.yml"
    if not file.is_file():
        return None, [Problem(path, 1, f"is missing: the site is built in the language {code}",
                              f"copy {display_folder}/{DEFAULT}.yml to {code}.yml and translate each text")]
    text = file.read_text(encoding="utf-8")
    if remember is None:
        return parse(text, code, path)
    return remember(digest(text, code, path), lambda: parse(text, code, path))


def placeholders(value) -> set[str]:
    items = value if isinstance(value, list) else [value]
    return {name for item in items for name in _PLACEHOLDER.findall(item)}


def compare(catalog: Catalog, english: Catalog) -> list[Problem]:
    """What a translation's catalog lacks, has in excess or has in another shape than the English one."""
    problems = []
    previous_end = 1
    for key, value in english.values.items():
        if key not in catalog.values:
            problems.append(Problem(catalog.path, previous_end,
                                    f"{key} is missing", f"add it here with the {catalog.code} text "
                                    f"({english.path}:{english.lines[key]} has the English)"))
            continue
        previous_end = catalog.ends[key] + 1
        own, line = catalog.values[key], catalog.lines[key]
        if isinstance(value, list) != isinstance(own, list) or (isinstance(value, list) and len(value) != len(own)):
            shape = f"a list of {len(value)} texts" if isinstance(value, list) else "one text"
            problems.append(Problem(catalog.path, line, f"{key} is not {shape}, as in {english.path}:{english.lines[key]}",
                                    f"write {shape}"))
            continue
        wanted, found = placeholders(value), placeholders(own)
        reference = f"{english.path}:{english.lines[key]}"
        if wanted - found:
            lost = ", ".join("{" + name + "}" for name in sorted(wanted - found))
            problems.append(Problem(catalog.path, line, f"{key} lacks {lost}, unlike {reference}",
                                    "put each {name} of the English text in the translation once: "
                                    "the site puts the value (a phone number, a name) there"))
        if found - wanted:
            extra = ", ".join("{" + name + "}" for name in sorted(found - wanted))
            problems.append(Problem(catalog.path, line, f"{key} has {extra}, which {reference} does not have",
                                    "remove it: the site fills in only the English text's {names}"))
    for key, line in catalog.lines.items():
        if key not in english.values:
            problems.append(Problem(catalog.path, line, f"{key} is not in {english.path}",
                                    f"remove it, or add it to {english.path} first (the English text is the reference)"))
    return problems


def template_uses(text: str) -> list[tuple[str, int]]:
    """Each ``t["key"]`` of a template's text, with its line."""
    return [(match.group(2), text.count("\n", 0, match.start()) + 1) for match in _USE.finditer(text)]


def check_templates(templates: dict[str, str], english: Catalog) -> list[Problem]:
    """A problem for each key a template (display path → text) names that the English catalog lacks."""
    problems = []
    for path, text in sorted(templates.items()):
        for key, line in template_uses(text):
            if key not in english.values:
                problems.append(Problem(path, line, f't["{key}"] is not in {english.path}',
                                        f"add {key} to {english.path} and to every other catalog"))
    return problems


def strings_for(catalog: Catalog | None, english: Catalog) -> Strings:
    """What the templates get as ``t`` for a build in the catalog's language."""
    if catalog is None or catalog.code == english.code:
        return Strings(english.values, None, english.code, english.path)
    return Strings(catalog.values, english.values, catalog.code, catalog.path)


# ---------------------------------------------------------------- template helpers (filters)

def fill(text, **values) -> Markup:
    """A catalog text with each ``{name}`` replaced by its value: the text is escaped, so is each value unless
    it is markup the template made (``{% set phone %}<a …>…</a>{% endset %}``)."""
    out, position = [], 0
    text = str(text)
    for match in _PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name not in values:
            raise MissingString(f'the text "{text}" has {{{name}}}, which the template does not fill in')
        out += [escape(text[position:match.start()]), escape(values[name])]
        position = match.end()
    out.append(escape(text[position:]))
    return Markup("".join(out))


def day_runs(hours: list[dict]) -> list[dict]:
    """The opening hours as runs of days (the English ``Monday to Friday 09:00–18:00`` of
    settings.opening_hours_text), for a template to word them: ``[{runs: [[Monday … Friday]], opens, closes}]``."""
    slots = []
    for slot in hours or []:
        runs = _day_runs(slot.get("days") or [])
        if runs and slot.get("opens") and slot.get("closes"):
            slots.append({"runs": runs, "opens": slot["opens"], "closes": slot["closes"]})
    return slots


#: A run that reads left to right inside right-to-left text: a phone number, an email or web address, a price, a
#: Latin word or name (from its first letter, digit, + or currency sign to its last letter or digit).
_LTR_RUN = re.compile(r"[+£$€\dA-Za-z][\dA-Za-z@.+\-_/:()£$€ ]*[\dA-Za-z)]|[\dA-Za-z]")


def ltr_runs(text) -> list[tuple[str, bool]]:
    """A setting's text in parts, each with whether it reads left to right (``[("اتصل على ", False),
    ("020 7946 0322", True), …]``): in right-to-left text, the template isolates each such part
    (``partials/i18n/text.html``), or the bidirectional algorithm reorders a phone number's digit groups."""
    text = str(text)
    parts, position = [], 0
    for match in _LTR_RUN.finditer(text):
        if match.start() > position:
            parts.append((text[position:match.start()], False))
        parts.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts


def day_keys() -> list[str]:
    """The catalog key of each day's name (``day.Monday`` …): templates make them from settings' day names."""
    return [f"day.{day}" for day in DAYS]


def install(env, strings: Strings) -> None:
    """Give a Jinja environment the wording (``t``) and the filters that word values (``fill``, ``day_runs``,
    ``ltr_runs``)."""
    env.globals["t"] = strings
    env.filters["fill"] = fill
    env.filters["day_runs"] = day_runs
    env.filters["ltr_runs"] = ltr_runs
