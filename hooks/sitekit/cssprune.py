"""Prune stylesheets to the rules a built site can use, and join them into one minified stylesheet.

``prune(css, keep)`` drops from a stylesheet:

- each selector of a rule that needs a class the site never uses (``keep.classes``: the classes in the
  built HTML plus the class names the site's scripts may add); classes inside ``:not()``/``:has()`` and other
  functional pseudo-classes are not judged, ``:is()``/``:where()`` keep a selector when any branch is usable;
- each selector that names an element the site never has (when ``keep.elements`` is given);
- selectors for right-to-left text (``[dir=rtl]``, ``:dir(rtl)``) when the build's pages are written left to right
  (``keep.rtl`` False), and those for left-to-right text (``[dir=ltr]``, ``:dir(ltr)``) when they are written right
  to left (``keep.ltr`` False): each language's build has its own stylesheet;
- selectors that ask an attribute named in ``keep.attributes`` for a value the site never gives it
  (the palette's ``[data-md-color-primary=red]`` when the site is teal);
- rules, ``@media`` and ``@supports`` blocks left empty, ``@keyframes`` no kept rule names;
- custom properties (``--md-…: …``) that nothing refers to with ``var()``: neither a kept rule, nor another
  kept custom property, nor ``keep.properties`` (the ones the site's HTML and scripts name).

Everything else (element and id selectors, other at-rules, declaration values) is kept as it is.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import tinycss2

from . import htmlscan
from .theme import BUNDLE

# Functional pseudo-classes whose arguments are alternatives: usable when any one of them is.
_ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any"}
# At-rules whose blocks hold rules that are pruned like the top level.
_GROUPING = {"media", "supports", "layer", "container", "document", "-moz-document"}
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_CUSTOM_NAME = re.compile(r"--[A-Za-z0-9_-]+")
# (Negated classes compile much faster than ranges up to \U0010ffff.) A name-start code point: a letter, "_" or
# anything not ASCII; a name code point: those, digits and "-".
_NAME_START = r"[^\x00-\x40\x5b-\x5e\x60\x7b-\x7f]"
_NAME = r"[^\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]"
_IDENT_START = rf"(?:{_NAME_START}|-(?:{_NAME_START}|-))"


@dataclass(frozen=True)
class Keep:
    """What the site can use: class names, attribute values (for the attributes named), custom properties and,
    when given, element names (None: every element is kept)."""
    classes: frozenset[str]
    attributes: dict[str, frozenset[str]] = field(default_factory=dict)
    properties: frozenset[str] = frozenset()
    elements: frozenset[str] | None = None
    rtl: bool = False  # the pages are written right to left: keep [dir=rtl] and :dir(rtl) rules
    ltr: bool = True  # the pages are written left to right: keep [dir=ltr] and :dir(ltr) rules


# ---------------------------------------------------------------- selectors

def _split_commas(tokens: list) -> list[list]:
    parts, current = [], []
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def _attribute(block) -> tuple[str, str | None] | None:
    """(name, value) of an attribute selector ``[name=value]`` (value None for other operators)."""
    tokens = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if not tokens or tokens[0].type != "ident":
        return None
    name = tokens[0].lower_value
    if len(tokens) >= 3 and tokens[1].type == "literal" and tokens[1].value == "=" and tokens[2].type in ("ident", "string"):
        return name, tokens[2].value
    return name, None


def usable(selector: list, keep: Keep) -> bool:
    """Whether one complex selector (its tokens, without commas) can match something on the site."""
    previous = None
    for i, token in enumerate(selector):
        if token.type == "ident" and keep.elements is not None and (
                previous is None or previous.type == "whitespace" or (previous.type == "literal" and previous.value in ">+~")):
            if token.lower_value not in keep.elements:
                return False
        previous = token
        if token.type == "literal" and token.value == "." and i + 1 < len(selector) and selector[i + 1].type == "ident":
            if selector[i + 1].value not in keep.classes:
                return False
        elif token.type == "[] block":
            attribute = _attribute(token)
            if attribute is None:
                continue
            name, value = attribute
            if name == "dir" and ((value == "rtl" and not keep.rtl) or (value == "ltr" and not keep.ltr)):
                return False
            if name in keep.attributes and value is not None and value not in keep.attributes[name]:
                return False
        elif token.type == "function" and i and selector[i - 1].type == "literal" and selector[i - 1].value == ":":
            if token.lower_name in _ANY_OF:
                if not any(usable(branch, keep) for branch in _split_commas(token.arguments)):
                    return False
            elif token.lower_name == "dir":
                side = tinycss2.serialize(token.arguments).strip().lower()
                if (side == "rtl" and not keep.rtl) or (side == "ltr" and not keep.ltr):
                    return False
    return True


def _selectors(prelude: list, keep: Keep) -> list[str]:
    return [tinycss2.serialize(part).strip() for part in _split_commas(prelude) if usable(part, keep)]


# ---------------------------------------------------------------- declarations

@dataclass
class _Declaration:
    name: str
    text: str  # "name:value" or "name:value!important"


@dataclass
class _Rule:
    selectors: list[str]
    declarations: list[_Declaration]


@dataclass
class _Block:
    at: str  # "@media screen" …
    items: list


def _declarations(content: list) -> list[_Declaration]:
    result = []
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            continue
        value = tinycss2.serialize(item.value).strip()
        important = "!important" if item.important else ""
        result.append(_Declaration(item.name, f"{item.name}:{value}{important}"))
    return result


@functools.lru_cache(maxsize=4096)
def _text_declarations(text: str) -> list[_Declaration]:
    """The declarations of a rule's block, by its text: parsed once per process (the languages' builds prune
    the same theme stylesheet), never changed by a caller. Read from the text itself when tinycss2 would give
    it back as written (_written_declarations), tokenised by tinycss2 otherwise."""
    declarations = _written_declarations(text)
    return _declarations(text) if declarations is None else declarations


# Most blocks come out of tinycss2 (tokenised, each value serialised again and stripped) exactly as they are
# written: then the text is split into declarations with regular expressions, no tokens. That is so for a block
# without what tinycss2 writes differently: comments, escapes, strings other than "…" without escapes (it writes
# '…' as "…"), unquoted url(), unicode ranges, "\r", "\f" or NUL (read as "\n" and U+FFFD), <!-- and -->, at-rules,
# {} or [] blocks, unclosed () blocks, the unit "e" (1e, 1e-x: written 1\65 ), and a number that starts right
# after a token it would run into when written back (1+2, 1-2, a.5, 1.5.5: tinycss2 puts /**/ between them).
_WRITTEN_DIFFERENTLY = re.compile(
    rf"""['\\\r\f\0@{{}}\[\]]|/\*|<!--|-->|[Uu][Rr][Ll]\((?![ \t\n]*")|[Uu]\+[0-9A-Fa-f?]"""
    rf"|\+\.?\d|[\d.+]-\.?\d|\d[Ee](?:-|(?!{_NAME}))")
# Numbers with a decimal point (.5, 1.5, -1.5): each must start after a token it cannot run into (not after a
# name code point, ".", "#" or "+"), as they do in a block that only holds such numbers.
_DECIMAL = re.compile(r"\.\d")
_DECIMAL_ALONE = re.compile(rf"(?<![.#+])(?<!{_NAME})[+-]?\d*\.\d")
_STRING_AS_WRITTEN = r'"[^"\\\n]*"'
# A () block, nested up to four deep (Material's go three deep; deeper ones are left to tinycss2).
_PARENTHESES = r"\((?:[^\"()\\]++|" + _STRING_AS_WRITTEN + r")*+\)"
for _ in range(3):
    _PARENTHESES = r"\((?:[^\"()\\]++|" + _STRING_AS_WRITTEN + "|" + _PARENTHESES + r")*+\)"
# One declaration: name, ":" and value, up to the next ";" outside strings and () blocks.
_DECLARATION = re.compile(
    rf"""({_IDENT_START}{_NAME}*+)[ \t\n]*+:((?:[^"();\\]++|{_STRING_AS_WRITTEN}|{_PARENTHESES})*+)""")
_BETWEEN_DECLARATIONS = re.compile(r"[ \t\n;]*+")
_IMPORTANT = re.compile(r"![ \t\n]*+important[ \t\n]*+", re.ASCII | re.IGNORECASE)


def _written_declarations(text: str) -> list[_Declaration] | None:
    """What _declarations(text) gives, read from the text; None when tinycss2 may read it otherwise (above)."""
    if _WRITTEN_DIFFERENTLY.search(text):
        return None
    decimals = _DECIMAL.findall(text)
    if decimals and len(decimals) != len(_DECIMAL_ALONE.findall(text)):
        return None
    result, pos, end = [], 0, len(text)
    while True:
        pos = _BETWEEN_DECLARATIONS.match(text, pos).end()
        if pos == end:
            return result
        found = _DECLARATION.match(text, pos)
        if found is None or (found.end() < end and text[found.end()] != ";"):
            return None  # not a declaration, or a value with a stray ")", '"' or a () block too deep
        name, value = found.groups()
        important = ""
        bang = value.find("!")
        if bang != -1:
            if "!" in value[bang + 1:]:
                return None  # tinycss2's reading of "!important" after another "!" is left to it
            if _IMPORTANT.fullmatch(value, bang):
                value, important = value[:bang], "!important"
        result.append(_Declaration(name, f"{name}:{value.strip()}{important}"))
        pos = found.end()


@functools.lru_cache(maxsize=4096)
def _prelude_tokens(text: str) -> tuple:
    """A rule's prelude as tinycss2's tokens, by its text (once per process, as above)."""
    return tuple(tinycss2.parse_component_value_list(text, True))


@functools.lru_cache(maxsize=4096)
def _selector_list(text: str) -> tuple[tuple[list, str], ...]:
    """A qualified rule's prelude, by its text, as its selectors (split at commas): each one's tokens and how it
    is written in the output (once per process, as above)."""
    parts = _split_commas(tinycss2.parse_component_value_list(text, True))
    return tuple((tokens, tinycss2.serialize(tokens).strip()) for tokens in parts)


def _parse(rules: list, keep: Keep) -> list:
    items = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _selectors(rule.prelude, keep)
            if selectors:
                items.append(_Rule(selectors, _declarations(rule.content or [])))
        elif rule.type == "at-rule":
            prelude = tinycss2.serialize(rule.prelude).strip()
            at = f"@{rule.at_keyword} {prelude}".strip() if prelude else f"@{rule.at_keyword}"
            if rule.lower_at_keyword == "charset":
                continue
            if rule.content is None:
                items.append(at + ";")
            elif rule.lower_at_keyword in _GROUPING:
                inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                items.append(_Block(at, _parse(inner, keep)))
            elif rule.lower_at_keyword.endswith("keyframes"):
                items.append(_Block(at, [tinycss2.serialize(rule.content).strip()]))
            else:  # @page, @font-face …: kept as written
                items.append(_Block(at, [_Rule([], _declarations(rule.content))]))
    return items


def _walk_rules(items):
    for item in items:
        if isinstance(item, _Rule):
            yield item
        elif isinstance(item, _Block):
            yield from _walk_rules(item.items)


def _used_properties(items: list, keep: Keep) -> set[str]:
    """Custom properties something refers to, following definitions that refer to others."""
    definitions: dict[str, list[str]] = {}
    used = set(keep.properties)
    for rule in _walk_rules(items):
        for declaration in rule.declarations:
            refs = _VAR.findall(declaration.text[len(declaration.name) + 1:])
            if declaration.name.startswith("--"):
                definitions.setdefault(declaration.name, []).extend(refs)
            else:
                used.update(refs)
    pending = list(used)
    while pending:
        for ref in definitions.get(pending.pop(), []):
            if ref not in used:
                used.add(ref)
                pending.append(ref)
    return used


def _serialize(items: list, used: set[str], animations: set[str]) -> str:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, _Rule):
            body = ";".join(d.text for d in item.declarations if not d.name.startswith("--") or d.name in used)
            if body and item.selectors:
                out.append(",".join(item.selectors) + "{" + body + "}")
            elif body:  # the declarations of @page, @font-face …
                out.append(body)
        elif item.at.lower().split()[0].endswith("keyframes"):
            if item.at.split()[-1] in animations:
                out.append(item.at + "{" + item.items[0] + "}")
        else:
            inner = _serialize(item.items, used, animations)
            if inner:
                out.append(item.at + "{" + inner + "}")
    return "".join(out)


def _animation_names(items: list) -> set[str]:
    names = set()
    for rule in _walk_rules(items):
        for declaration in rule.declarations:
            if declaration.name in ("animation", "animation-name"):
                names.update(re.findall(r"[A-Za-z_][\w-]*", declaration.text.split(":", 1)[1]))
    return names


# ---------------------------------------------------------------- splitting without tokenising everything
#
# Tokenising all of Material's CSS with tinycss2 was most of a first build's stylesheet work, and most of what it
# tokenised (the blocks of the rules the site cannot use) was then dropped. _split finds the top-level rules and
# their blocks with one regular expression over the structure of the text (comments, strings, brackets and
# semicolons); tinycss2 then reads each rule's prelude, and a block only when its rule is kept. The rules and the
# tokens handed to tinycss2 are the ones tinycss2.parse_stylesheet would make (each piece starts and ends on a
# token boundary). Anything the scan does not model exactly (escapes, unquoted url(), unclosed comments, strings
# or blocks, <!-- and -->) raises _Unusual, and prune() tokenises the whole stylesheet as before.

_STRUCTURE = re.compile(r"""
    (?=[/"'{}()\[\];\\<Uu-])                               # (each branch starts with one of these: faster)
  (?:
    /\*.*?\*/                                          # a comment
  | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'           # a string
  | (?P<mark>[{}()\[\];])                               # brackets, semicolons
  | (?P<unusual>/\*|["'\\]|<!--|-->|[Uu][Rr][Ll]\((?![ \t\n]*["']))
  )""", re.DOTALL | re.VERBOSE)
_SKIP = re.compile(r"(?:[ \t\n]+|/\*.*?\*/)*", re.DOTALL)
_AT_RULE = re.compile(rf"@{_IDENT_START}")
_CLOSER = {"{": "}", "(": ")", "[": "]"}


class _Unusual(Exception):
    """The stylesheet holds something the fast split does not model: tokenise all of it instead."""


class _Structure:
    """The positions of a stylesheet's brackets and semicolons (outside comments and strings), each opening
    bracket with the position of the one that closes it (as tinycss2's tokenizer pairs them)."""

    def __init__(self, css: str):
        positions, match, stack = [], {}, []
        for found in _STRUCTURE.finditer(css):
            if found.lastgroup == "unusual":
                raise _Unusual(found.group())
            mark = found.group("mark")
            if mark is None:
                continue
            at = found.start()
            if mark in _CLOSER:
                stack.append((at, _CLOSER[mark]))
                positions.append(at)
            elif mark == ";":
                positions.append(at)
            elif stack and mark == stack[-1][1]:
                match[stack.pop()[0]] = at
            # any other closing bracket closes nothing: a token of its own, as in tinycss2
        if stack:
            raise _Unusual("an unclosed block")
        self.css, self.match = css, match
        self.positions = positions  # every opening bracket and every semicolon, in order

    def rules(self, start: int, end: int):
        """(kind, head start, head end, block start or None, block end) of each rule in css[start:end], as
        parse_stylesheet / parse_rule_list read them: kind "at" or "qualified"; a qualified rule left without a
        block at the end is dropped (tinycss2 makes it a parse error)."""
        css, match, positions = self.css, self.match, self.positions
        i = bisect.bisect_left(positions, start)
        pos = start
        while True:
            pos = _SKIP.match(css, pos, end).end()
            if pos >= end:
                return
            is_at = _AT_RULE.match(css, pos) is not None
            i = bisect.bisect_left(positions, pos, i)
            while i < len(positions) and positions[i] < end:
                at = positions[i]
                char = css[at]
                if char == "{":
                    close = match[at]
                    yield ("at" if is_at else "qualified"), pos, at, at + 1, close
                    pos = close + 1
                    break
                if char == ";":
                    if is_at:
                        yield "at", pos, at, None, at + 1
                        pos = at + 1
                        break
                    i += 1
                else:  # ( or [: its contents belong to the prelude
                    i = bisect.bisect_left(positions, match[at], i)
            else:
                if is_at:
                    yield "at", pos, end, None, end
                return


# A class in a selector: "." then an identifier (no escapes: _Structure refuses backslashes).
_CLASS_IN_TEXT = re.compile(rf"\.({_IDENT_START}{_NAME}*)")
_NOT_PLAIN = re.compile(r"[\"'\\/]|(?:is|where|matches|any|dir)\(", re.IGNORECASE)
_INNER_BLOCK = re.compile(r"\[[^\[\]()]*\]|\([^\[\]()]*\)")


def _unusable_text(prelude: str, keep: Keep) -> bool:
    """True when every selector of the prelude needs a class the site never uses, read from the text: the rule
    is dropped without tokenising it. False means "not known": usable() decides."""
    needed = _classes_needed(prelude)
    classes = keep.classes
    return needed is not None and not any(classes.issuperset(names) for names in needed)


@functools.lru_cache(maxsize=4096)
def _classes_needed(prelude: str) -> tuple[tuple[str, ...], ...] | None:
    """The classes each selector of the prelude names, read from the text (once per process: the languages'
    builds prune the same theme stylesheet). Only for preludes without strings, comments, escapes or the
    functions usable() looks into (:is(), :dir() …), None for others: there, the contents of [] and () are
    single tokens usable() does not judge for classes (they are blanked out), so the commas left split it as
    _split_commas does, and each ".name" left is a "." followed by a class name."""
    if _NOT_PLAIN.search(prelude):
        return None
    while "(" in prelude or "[" in prelude:
        prelude, count = _INNER_BLOCK.subn(" ", prelude)
        if not count:
            return None
    if ")" in prelude or "]" in prelude:
        return None
    return tuple(tuple(_CLASS_IN_TEXT.findall(part)) for part in prelude.split(","))


def _split_parse(structure: _Structure, start: int, end: int, keep: Keep) -> list:
    """What _parse makes of css[start:end], tokenising only preludes and the blocks that are kept."""
    css, items = structure.css, []
    parse = tinycss2.parse_component_value_list
    for kind, head, head_end, block, block_end in structure.rules(start, end):
        if kind == "qualified":
            prelude = css[head:head_end]
            if _unusable_text(prelude, keep):
                continue
            selector_list = _selector_list(prelude)
            first = selector_list[0][0]  # ("{…}" alone: no prelude)
            if first and first[0].type == "at-keyword":
                raise _Unusual("a rule that does not start as expected")
            selectors = [text for tokens, text in selector_list if usable(tokens, keep)]
            if selectors:
                items.append(_Rule(selectors, _text_declarations(css[block:block_end])))
            continue
        tokens = _prelude_tokens(css[head:head_end])
        if not tokens or tokens[0].type != "at-keyword":
            raise _Unusual("a rule that does not start as expected")
        keyword = tokens[0]
        prelude = tinycss2.serialize(tokens[1:]).strip()
        at = f"@{keyword.value} {prelude}".strip() if prelude else f"@{keyword.value}"
        lower = keyword.lower_value
        if lower == "charset":
            continue
        if block is None:
            items.append(at + ";")
        elif lower in _GROUPING:
            items.append(_Block(at, _split_parse(structure, block, block_end, keep)))
        elif lower.endswith("keyframes"):
            items.append(_Block(at, [tinycss2.serialize(parse(css[block:block_end], True)).strip()]))
        else:
            items.append(_Block(at, [_Rule([], _text_declarations(css[block:block_end]))]))
    return items


@functools.lru_cache(maxsize=1)
def _structure(css: str) -> _Structure:
    """The structure of a stylesheet, kept for the next one (each language's build prunes the same CSS)."""
    return _Structure(css)


def _normalise(css: str) -> str:
    """The text as tinycss2's tokenizer reads it (so that positions in it are positions in what it reads)."""
    return css.replace("\0", "\uFFFD").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


def _items(css: str, keep: Keep) -> list:
    try:
        css = _normalise(css)
        return _split_parse(_structure(css), 0, len(css), keep)
    except _Unusual:
        return _parse(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), keep)


def prune(css: str, keep: Keep) -> str:
    """The stylesheet without what the site cannot use, minified (see the module's description)."""
    items = _items(css, keep)
    text = _serialize(items, _used_properties(items, keep), _animation_names(items))
    return ('@charset "UTF-8";' + text) if not text.isascii() else text


# ---------------------------------------------------------------- what the site uses

_CLASS_LIST = re.compile(r"""classList\.(?:add|remove|toggle|contains)\(\s*["']([^"']+)["']""")
_MD_TOKEN = re.compile(r"\bmd-[A-Za-z0-9_-]*[A-Za-z0-9_]")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_QUOTED_WORD = re.compile(r"""["']([a-z][a-z0-9]*)["']""")
# Always there, whatever the HTML says: the root and the body of every document.
ALWAYS_ELEMENTS = frozenset({"html", "body", "head"})
# The palette's attributes: a rule for a colour or scheme the site never sets is dropped.
PALETTE_ATTRIBUTES = ("data-md-color-primary", "data-md-color-accent", "data-md-color-scheme")
_VALUES_OF = ("class", *PALETTE_ATTRIBUTES)  # the attributes whose values SiteFacts collects

# Classes Material's script adds only to parts of a page that the built HTML (or the theme configuration)
# must already have: (class prefix, the facts of which at least one must hold for the script to add them).
THEME_FAMILIES = (
    ("md-annotation", {"class:annotate"}),                         # code annotations
    ("md-code__", {"element:pre"}),                                # code blocks (copy, select, annotation buttons)
    ("md-tooltip", {"class:annotate", "attribute:data-preview", "feature:content.tooltips",
                    "feature:content.footnote.tooltips", "feature:navigation.instant.preview"}),
    ("md-tag", {"class:md-tag", "class:md-tags"}),                 # tags, shown only for pages with tags
    ("md-source__", {"class:md-source"}),                          # repository facts (repo_url)
    ("md-version", {"config:version"}),                            # version selector (extra.version)
    ("md-status", {"class:md-status"}),                            # page status badges
)


@dataclass
class SiteFacts:
    """What the built pages hold, as "class:…", "element:…", "attribute:…", "feature:…", "config:…" facts."""
    classes: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    elements: set[str] = field(default_factory=set)
    palette: dict[str, set[str]] = field(default_factory=lambda: {name: set() for name in PALETTE_ATTRIBUTES})
    properties: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        """Add what one page holds: the names, attributes and classes of its start tags (read with
        sitekit.htmlscan, so nothing in text, comments or scripts counts), its palette attribute values,
        the ``--custom-properties`` it mentions and the features of Material's ``__config`` script."""
        starts = [tag for tag in htmlscan.scan(html).raw() if tag[0] == htmlscan.START]
        elements = {tag[1] for tag in starts}
        # What each different start tag holds, read once per build: the pages share most of their tags (header,
        # navigation, footer), so most are known from earlier pages.
        spellings: set[str] = set()
        classes: set[str] = set()
        palette: dict[str, set[str]] = {name: set() for name in PALETTE_ATTRIBUTES}
        known = _TAG_FACTS
        for source in {html[tag[4]:tag[3]] for tag in starts}:
            held = known.get(source)
            if held is None:
                held = _tag_facts(source)
            spellings |= held[0]
            classes |= held[1]
            for name, value in held[2]:
                palette[name].add(value)
        attributes = {name.lower() for name in spellings}
        for tag in starts:
            if tag[1] == "script" and tag[6] and htmlscan.Token(tag).get("id") == "__config":
                try:
                    config = json.loads(html[tag[6][0]:tag[6][1]])
                except ValueError:
                    continue
                if isinstance(config, dict):
                    self.facts |= {f"feature:{name}" for name in config.get("features") or []}
                    self.facts |= {f"config:{key}" for key, value in config.items() if value}
        self.classes |= classes
        self.facts |= {f"class:{name}" for name in classes}
        self.elements |= elements
        self.facts |= {f"element:{name}" for name in elements}
        self.facts |= {f"attribute:{name}" for name in attributes}
        for name, values in palette.items():
            self.palette[name] |= values
        self.properties |= custom_properties(html)

    def merge(self, other: "SiteFacts") -> None:
        """Add what another page (or set of pages) holds."""
        self.classes |= other.classes
        self.facts |= other.facts
        self.elements |= other.elements
        for name, values in other.palette.items():
            self.palette.setdefault(name, set()).update(values)
        self.properties |= other.properties


#: A start tag's attributes as written (from where they begin to its ">") -> what SiteFacts.add_html takes from them.
_TAG_FACTS: dict[str, tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]] = {}


def _tag_facts(source: str) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]:
    """The attribute names (as written), the classes and the (palette attribute, value) pairs of one start tag's
    attributes ``source`` (kept in _TAG_FACTS, up to 50,000 tags)."""
    pairs = htmlscan.attribute_pairs(source)
    found: dict[str, list[str]] = {name: [] for name in _VALUES_OF}
    for spelling, value in pairs:
        name = spelling.lower()
        if name in found:
            found[name].append(unescape(value) if "&" in value else value)
    held = (frozenset(pair[0] for pair in pairs), frozenset(" ".join(found["class"]).split()),
            tuple((name, value) for name in PALETTE_ATTRIBUTES for value in found[name]))
    if len(_TAG_FACTS) < 50_000:
        _TAG_FACTS[source] = held
    return held


def page_facts(html: str) -> SiteFacts:
    """What one built page holds (see :meth:`SiteFacts.add_html`). Its names are interned: pages share most
    of them, and a cache that pickles many pages' facts then stores each name once."""
    facts = SiteFacts()
    facts.add_html(html)
    return SiteFacts(classes={sys.intern(n) for n in facts.classes}, facts={sys.intern(n) for n in facts.facts},
                     elements={sys.intern(n) for n in facts.elements},
                     palette={sys.intern(k): {sys.intern(v) for v in values} for k, values in facts.palette.items()},
                     properties={sys.intern(n) for n in facts.properties})


def html_classes(html: str) -> set[str]:
    """Every class named in class attributes of an HTML document."""
    facts = SiteFacts()
    facts.add_html(html)
    return facts.classes


def attribute_values(html: str, names: tuple[str, ...]) -> dict[str, set[str]]:
    """The values an HTML document gives each of the named attributes (lower-case names)."""
    values: dict[str, set[str]] = {name: set() for name in names}
    for tag in htmlscan.scan(html).start_tags():
        for attribute in tag.attributes:
            if attribute.name in values:
                values[attribute.name].add(attribute.value)
    return values


def theme_script_classes(js: str, facts: set[str]) -> set[str]:
    """The classes the theme's script may add on this site: its ``md-…`` tokens (less the families of
    THEME_FAMILIES whose parts the site does not have), the names it gives ``classList`` (``js`` on <html>,
    the focus-visible polyfill's ``focus-visible``, …) and ``no-js``."""
    dropped = tuple(prefix for prefix, needs in THEME_FAMILIES if not needs & facts)
    named = {name for names in _CLASS_LIST.findall(js) for name in names.split()}
    return {token for token in _MD_TOKEN.findall(js) if not token.startswith(dropped)} | named | {"no-js"}


def script_elements(js: str) -> set[str]:
    """Element names a script may create: every quoted lower-case word in it (``h("article", …)``,
    ``createElement("iframe")``)."""
    return set(_QUOTED_WORD.findall(js))


def own_script_classes(js: str) -> set[str]:
    """The classes our own scripts may add: every word in them (they are short; a spare word keeps a rule)."""
    return set(_WORD.findall(js))


def custom_properties(text: str) -> set[str]:
    """Every ``--name`` mentioned in a script or document (scripts may read or set them)."""
    return set(_CUSTOM_NAME.findall(text))


def keep_for(site: SiteFacts, theme_js: str, own_js: list[str], rtl: bool = False) -> Keep:
    """What to keep for a site with these facts, the theme's script and our own scripts (``rtl``: its pages are
    written right to left, so the rules for right-to-left text are kept and those for left-to-right text are not)."""
    classes = site.classes | theme_script_classes(theme_js, site.facts)
    properties = site.properties | custom_properties(theme_js)
    elements = site.elements | script_elements(theme_js) | ALWAYS_ELEMENTS
    for js in own_js:
        classes |= own_script_classes(js)
        properties |= custom_properties(js)
        elements |= script_elements(js)
    return Keep(frozenset(classes), {name: frozenset(values) for name, values in site.palette.items()},
                frozenset(properties), frozenset(elements), rtl, not rtl)


# ---------------------------------------------------------------- the site's one stylesheet

# Joined in this order (the cascade of the three links they replace). Material's file names carry a hash.
THEME_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
OWN_STYLESHEET = "assets/site/site.css"
THEME_SCRIPT = BUNDLE               # Material's script, as the pages load it (sitekit.theme, hooks/theme.py)
OWN_SCRIPTS = "assets/site/*.js"
OUTPUT = "assets/stylesheets/site.min.css"


def _one(site_dir: Path, pattern: str) -> Path:
    found = sorted(site_dir.glob(pattern))
    if len(found) != 1:
        raise ValueError(f"expected one file {pattern} in the built site, found {len(found)} "
                         f"({', '.join(p.name for p in found) or 'none'}) — is the theme still mkdocs-material 9?")
    return found[0]


def site_stylesheet(site_dir: Path, cache_dir: Path | None = None, facts: SiteFacts | None = None,
                    known: set[Path] = frozenset(), parts: list[str] = (), rtl: bool = False) -> str:
    """The one stylesheet for a built site: Material's main and palette styles, ``parts`` (CSS the build made,
    such as the clinic's colours) and our site.css, pruned to what the built pages (every *.html), Material's
    script and our scripts can use. ValueError if a part is missing. ``facts``: what the pages in ``known``
    hold, gathered while they were written; every other *.html file of the site is read here. ``rtl``: the
    build's pages are written right to left, so Material's right-to-left rules are kept instead of its
    left-to-right ones (each language's build writes its own stylesheet)."""
    sources = [_one(site_dir, pattern) for pattern in THEME_STYLESHEETS] + [site_dir / OWN_STYLESHEET]
    if not sources[-1].is_file():
        raise ValueError(f"{OWN_STYLESHEET} is missing from the built site — keep overrides/{OWN_STYLESHEET}")
    gathered, facts = facts, SiteFacts()
    if gathered is not None:
        facts.merge(gathered)
    for page in sorted(site_dir.rglob("*.html")):
        if page not in known:
            facts.add_html(page.read_text(encoding="utf-8"))
    theme_js = _one(site_dir, THEME_SCRIPT).read_text(encoding="utf-8")
    own_js = [path.read_text(encoding="utf-8") for path in sorted(site_dir.glob(OWN_SCRIPTS))]
    texts = [path.read_text(encoding="utf-8") for path in sources]
    css = "\n".join([*texts[:-1], *parts, texts[-1]])
    keep = keep_for(facts, theme_js, own_js, rtl)
    if cache_dir is None:
        return prune(css, keep)
    # Parsing Material's 140 KB of CSS is most of the work, and its result depends only on the CSS and on
    # what is kept: the last result is kept in cache_dir under a digest of both.
    digest = hashlib.sha256(repr((css, sorted(keep.classes), sorted((k, sorted(v)) for k, v in keep.attributes.items()),
                                  sorted(keep.properties), sorted(keep.elements or ()), keep.elements is None, keep.rtl)
                                 ).encode("utf-8")).hexdigest()[:32]
    cached = Path(cache_dir) / f"{digest}.css"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    text = prune(css, keep)
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    for old in Path(cache_dir).glob("*.css"):
        old.unlink()
    cached.write_text(text, encoding="utf-8")
    return text
