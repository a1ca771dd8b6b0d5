"""One tokenizing pass over an HTML page, with the exact source offset of every token.

``scan(html)`` follows the WHATWG HTML tokenizer (https://html.spec.whatwg.org/#tokenization) for what the
site's checks and repairs need, and keeps positions so that a function that changes a page can splice the
few bytes it means to change and leave every other byte alone:

- start tags (name lower-cased, attributes read lazily from the source; a ``>`` inside a quoted value, an
  unquoted value, an attribute after a quoted value without a space, ``/`` between attributes …),
- end tags (whose attributes, if any, are skipped as the tokenizer does),
- comments (``<!-- … -->``, ``--!>``, ``<!-->``), ``<!DOCTYPE …>``, bogus comments (``<?…>``, ``<!…>``, ``</1>``),
- the text of raw-text elements kept as it is written: ``<script>`` (with the spec's ``<!--`` "escaped"
  states, so ``"<!--<script></script>-->"`` inside a script does not end it), ``<style>``, ``<textarea>``,
  ``<title>``, ``<xmp>``, ``<iframe>``, ``<noembed>``, ``<noframes>``, ``<plaintext>``.
  Inside ``<svg>`` and ``<math>`` (foreign content) those names are ordinary elements and ``<![CDATA[…]]>``
  is text, as in a browser.
- text is whatever lies between two tokens (``text`` gives it with entities decoded).

It is a tokenizer, not a tree builder: no implied end tags and no HTML integration points inside SVG
(``<svg><title><style>`` reads the style as markup). The standard library's ``html.parser`` gives the same
tokens on the pages this site writes but takes about 2.2 ms per built page (about 30 KB); lxml is quicker
(0.3-0.5 ms) but gives no source offsets, so it can neither splice nor hash exactly what is written. This
scanner lets the regular-expression engine find the next ``<`` and read one whole tag at a time (about
0.42 ms a page) and reads a tag's attributes only when asked.

A page is usually read by several functions in turn (the valid-HTML repair, the external links, the
security policy's hashes and checks): ``scan`` keeps the last result, so the same string object is scanned
once, and ``Scan.splice`` (how those functions change a page) hands the next function a scan of the new
page made from the old one, without reading the page again.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from html import unescape
from operator import itemgetter

# Whitespace is the tokenizer's: tab, LF, FF, CR (folded into LF by the input stream) and space.
# One attribute: separators (whitespace, stray "/"), a name, then "= value" or nothing (never "=" without a
# value: a quote left open until the end of the page makes the whole tag fail, which is what the spec says).
_ATTRIBUTE_SOURCE = (r"[\t\n\f\r /]*+([^\t\n\f\r />][^\t\n\f\r />=]*+)"
                     r"""(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"([^"]*+)"|'([^']*+)'|([^\t\n\f\r >"'][^\t\n\f\r >]*+|(?=>)))"""
                     r"|(?![\t\n\f\r ]*+=))")
_ATTRIBUTE = re.compile(_ATTRIBUTE_SOURCE)
_ATTRIBUTES_NC = re.sub(r"\((?!\?)", "(?:", _ATTRIBUTE_SOURCE)
# A whole start or end tag from "<": name, attributes, then ">" (or "/>").
_TAG = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />]*+)((?:" + _ATTRIBUTES_NC + r")*+)([\t\n\f\r /]*+)>")
_RAW_TEXT = {"style", "xmp", "iframe", "noembed", "noframes", "title", "textarea"}
_END_OF = {}  # name -> compiled "</name" followed by whitespace, "/" or ">"
# Inside a script: "<!--" and "-->" (escaped states), "<script" and "</script" followed by a tag end character.
_SCRIPT_EVENT = re.compile(r"<!--|-->|<(/?)script(?=[\t\n\f\r />])", re.I)

START, END, COMMENT, CDATA = "start", "end", "comment", "cdata"


def _end_of(name: str) -> re.Pattern:
    pattern = _END_OF.get(name)
    if pattern is None:
        pattern = _END_OF[name] = re.compile("</" + re.escape(name) + "(?=[\t\n\f\r />])", re.I)
    return pattern


def _lower(name: str) -> str:
    """ASCII lower case (what the tokenizer does to tag and attribute names)."""
    return name.lower() if name.isascii() else "".join(c.lower() if c.isascii() else c for c in name)


def attribute_pairs(source: str) -> list[tuple[str, str]]:
    """(name as written, value as written) of each attribute in ``source``: the attributes of one or more
    start tags, each from where its attributes begin to its closing ">" (as ``Token.attributes_at``/``end``)."""
    return [(name, double or single or bare)  # findall gives "" for the two groups that did not take part
            for name, double, single, bare in _ATTRIBUTE.findall(source)]


class Attribute:
    """One attribute as written: ``raw_name`` (its case kept), ``name`` (lower case), ``value`` (entities
    decoded; "" without a value), ``start``/``end`` (source offsets from its name to the end of its value,
    closing quote included) and ``quote`` (``"``, ``'`` or "")."""

    __slots__ = ("raw_name", "name", "value", "start", "end", "quote")

    def __init__(self, raw_name, value, start, end, quote):
        self.raw_name, self.name, self.value = raw_name, _lower(raw_name), value
        self.start, self.end, self.quote = start, end, quote

    def __repr__(self):
        return f"Attribute({self.raw_name!r}={self.value!r} @{self.start}:{self.end})"


class Token(tuple):
    """A start tag, end tag, comment (also doctype and bogus comments) or CDATA section: one of a scan's plain
    tuples ``(kind, name, start, end, attributes_at, self_closing, body, source)`` with names for its fields
    and ways to read its attributes (``Token(raw_tuple)`` wraps one from ``Scan.raw()``).

    ``start``/``end``: the token's source span; ``attributes_at``: where a tag's attributes begin;
    ``body``: for raw-text elements and CDATA sections the span of their text, as written, else None."""

    __slots__ = ()
    kind = property(itemgetter(0))
    name = property(itemgetter(1))
    start = property(itemgetter(2))
    end = property(itemgetter(3))
    attributes_at = property(itemgetter(4))
    self_closing = property(itemgetter(5))
    body = property(itemgetter(6))
    source = property(itemgetter(7))

    def __repr__(self):
        return f"Token({self[0]} {self[1]!r} @{self[2]}:{self[3]})"

    @property
    def attributes(self) -> list[Attribute]:
        """Every attribute of a start tag, in source order (duplicates included: browsers keep the first).
        Read from the source on each use: keep the list rather than asking twice."""
        if self[0] != START:
            return []
        found = []
        for match in _ATTRIBUTE.finditer(self[7], self[4], self[3]):
            raw_name, double, single, bare = match.groups()
            if double is not None:
                value, quote = double, '"'
            elif single is not None:
                value, quote = single, "'"
            else:
                value, quote = bare or "", ""
            found.append(Attribute(raw_name, unescape(value) if "&" in value else value,
                                   match.start(1), match.end(), quote))
        return found

    def pairs(self) -> list[tuple[str, str]]:
        """(name as written, value as written) of every attribute: quicker than ``attributes`` when offsets,
        lower-case names and decoded entities are not needed."""
        if self[0] != START:
            return []
        return [(name, double or single or bare)  # findall gives "" for the two groups that did not take part
                for name, double, single, bare in _ATTRIBUTE.findall(self[7], self[4], self[3])]

    def get(self, name: str, default: str | None = None) -> str | None:
        """The value (entities decoded) of the first attribute called ``name`` (lower case), like a browser."""
        if self[0] == START:
            for raw_name, double, single, bare in _ATTRIBUTE.findall(self[7], self[4], self[3]):
                if raw_name == name or _lower(raw_name) == name:
                    value = double or single or bare
                    return unescape(value) if "&" in value else value
        return default

    @property
    def text(self) -> str:
        """The text of a raw-text element or CDATA section, exactly as written."""
        body = self[6]
        return self[7][body[0]:body[1]] if body else ""


class Scan:
    """The tokens of one page (``tokens``, in source order) and the page itself (``html``).

    A scan made by ``splice`` is lazy: it answers ``start_tags``, ``token_at`` and ``token_before`` from the
    scan it was made from (moving the few tokens asked for), and makes its whole ``tokens`` list only when
    asked for it."""

    __slots__ = ("html", "_tokens", "_starts", "_base", "_edits")

    def __init__(self, html: str, tokens: list[Token] | None, base: Scan | None = None,
                 edits: list[tuple[int, int, int]] | None = None):
        self.html, self._tokens, self._starts = html, tokens, None
        self._base, self._edits = base, edits  # edits: (start, end, change in length) in base's offsets

    # The tokens are kept as plain tuples: the garbage collector stops tracking a tuple of strings and numbers
    # (not an instance of a subclass), so a page's hundreds of tokens do not make it run more often or longer.
    # What the methods give out is wrapped in Token (and dropped by the caller).

    def raw(self) -> list[tuple]:
        """The tokens as plain tuples (Token's fields, in order): for loops over a whole page."""
        if self._tokens is None:
            self._tokens = self._moved_all()
            self._base = self._edits = None
        return self._tokens

    @property
    def tokens(self) -> list[Token]:
        return [Token(token) for token in self.raw()]

    def start_tags(self, *names: str) -> list[Token]:
        """Start tags, of the given names only when names are given."""
        return [Token(token) for token in self._start_tags(names)]

    def _start_tags(self, names: tuple[str, ...]) -> list[tuple]:
        if self._tokens is None:
            return [self._move(token) for token in self._base._start_tags(names)]
        if names:
            return [t for t in self._tokens if t[1] in names and t[0] == START]
        return [t for t in self._tokens if t[0] == START]

    def token_at(self, offset: int) -> Token | None:
        """The token whose source span holds ``offset`` (None in text or in the body of a raw-text element)."""
        token = self._before(offset)
        return Token(token) if token is not None and offset < token[3] else None

    def token_before(self, offset: int) -> Token | None:
        """The last token that starts at or before ``offset``."""
        token = self._before(offset)
        return None if token is None else Token(token)

    def _before(self, offset: int) -> tuple | None:
        if self._tokens is None:
            token = self._base._before(self._unmove(offset))
            return None if token is None else self._move(token)
        starts = self._starts
        if starts is None:
            starts = self._starts = [token[2] for token in self._tokens]
        i = bisect_right(starts, offset) - 1
        return self._tokens[i] if i >= 0 else None

    def splice(self, edits: list[tuple[int, int, str]]) -> str:
        """The page with each ``(start, end, replacement)`` applied (spans must not overlap). When every edit
        lies inside the attributes of a start tag (and leaves it one start tag) or in text (without "<"), the
        new page's scan is made from this one and kept for the next ``scan`` call."""
        if not edits:
            return self.html
        edits = sorted(edits)
        new = apply_edits(self.html, edits)
        moved = self._follows(new, edits)
        if moved is not None:
            _remember(new, moved)
        return new

    def _follows(self, new: str, edits: list[tuple[int, int, str]]) -> Scan | None:
        """A lazy scan of ``new`` made from this one, or None when the page must be read again."""
        changes = [(at, to, len(replacement) - (to - at)) for at, to, replacement in edits]
        moved = Scan(new, None, self, changes)
        for at, to, replacement in edits:
            token = self._before(at)
            if token is not None and at < token[3]:  # inside a token: only inside a start tag's attributes
                if token[0] != START or at <= token[2] or to >= token[3]:
                    return None
                again = moved._move(token)
                if again is None:
                    return None
            elif ("<" in replacement or token is not None and token[6] is not None and at < token[6][1]
                  or to > at and self._before(to - 1) is not token):
                return None  # could start a tag, is in a raw text (script …), or runs into a token
        if self._tokens is None:  # a scan made from a scan made from …: one step from the first, when it can be
            merged = self._merged(changes)
            if merged is not None:
                return Scan(new, None, self._base, merged)
        return moved

    def _merged(self, changes: list[tuple[int, int, int]]) -> list[tuple[int, int, int]] | None:
        """This (spliced) scan's edits and ``changes`` (edits of this page) as edits of the page it was made
        from, when no change touches one of this scan's edits (else None). A scan spliced again and again then
        moves its tokens once, not once per splice."""
        earlier, n = self._edits, len(self._edits)
        merged = list(earlier)
        j = shift = 0
        for at, to, change in changes:
            # skip this scan's edits whose replacement ends before the change starts (in this page's offsets)
            while j < n and earlier[j][1] + shift + earlier[j][2] < at:
                shift += earlier[j][2]
                j += 1
            if j < n and earlier[j][0] + shift <= to:  # the change touches one of this scan's edits
                return None
            merged.append((at - shift, to - shift, change))
        merged.sort()
        return merged

    def _unmove(self, offset: int) -> int:
        """Where an offset of this (spliced) page was in the page it was made from."""
        shift = 0
        for at, to, change in self._edits:
            if offset < at + shift:
                break
            if offset < to + shift + change:  # inside the replacement: the place of the edit
                return at
            shift += change
        return offset - shift

    def _move(self, token: Token) -> Token | None:
        """A token of the page this one was made from, moved to this page (its tag read again if edited; None
        if it is no longer the same tag)."""
        kind, name, start, end, attributes_at, self_closing, body, _ = token
        delta = inner = 0
        edited = False
        for at, to, change in self._edits:
            if to <= start:
                delta += change
            elif at < end:
                inner += change
                edited = True
            else:
                break
        if not edited:
            return (kind, name, start + delta, end + delta, attributes_at + delta, self_closing,
                    body and (body[0] + delta, body[1] + delta), self.html)
        match = _TAG.match(self.html, start + delta)
        if (match is None or match.group(1) or _lower(match.group(2)) != name
                or match.end() != end + delta + inner):
            return None
        moved_start, delta = start + delta, delta + inner
        return (START, name, moved_start, match.end(), match.start(3), match.group(4).endswith("/"),
                body and (body[0] + delta, body[1] + delta), self.html)

    def _moved_all(self) -> list[Token]:
        html, edits, n = self.html, self._edits, len(self._edits)
        out: list[Token] = []
        append = out.append
        e = delta = 0
        for token in self._base.raw():
            kind, name, start, end, attributes_at, self_closing, body, _ = token
            while e < n and edits[e][1] <= start:
                delta += edits[e][2]
                e += 1
            if e < n and edits[e][0] < end:  # an edited start tag
                append(self._move(token))
            else:
                append((kind, name, start + delta, end + delta, attributes_at + delta, self_closing,
                              body and (body[0] + delta, body[1] + delta), html))
        return out


_last: list = [None, None]  # the last page scanned and its scan (the page is compared by identity)


def _remember(html: str, result: Scan) -> None:
    _last[0], _last[1] = html, result


def scan(html: str) -> Scan:
    """The tokens of ``html`` (see the module's description). The last result is kept: scanning the same
    string object again costs nothing."""
    if _last[0] is html:
        return _last[1]
    result = Scan(html, _tokens(html))
    _remember(html, result)
    return result


# Everything that can start at "<", tried in this order: a whole start or end tag (groups 1-2: "/" and name, and
# the blanks and "/" before ">"), a comment, a CDATA section (only in foreign content; elsewhere a bogus comment),
# a doctype or bogus comment, "</>", and last "<" + letter that is not a whole tag (the page ends inside the tag).
_MARKUP = re.compile(r"<(?:(/?[A-Za-z][^\t\n\f\r />]*+)(?:" + _ATTRIBUTES_NC + r")*+([\t\n\f\r /]*+)>"
                     r"|(!--)(?:-?>|.*?--!?>|.*)"
                     r"|(!\[CDATA\[)"
                     r"|([!?]|/[^A-Za-z>])[^>]*+>?"
                     r"|/>"
                     r"|(?=/?[A-Za-z]))", re.S)


# Start tags that change how what follows is read: 1 foreign content, 2 script, 3 other raw text, 4 plaintext.
_SPECIAL = {"svg": 1, "math": 1, "script": 2, "plaintext": 4, **dict.fromkeys(_RAW_TEXT, 3)}
# Tag names as written, "/" first for an end tag -> (lower case, _SPECIAL's number or 0, whether an end tag, where
# a start tag's attributes begin from its "<"); a cache, as pages use few names.
_NAMES: dict[str, tuple[str, int, bool, int]] = {}


def _name(raw_name: str) -> tuple[str, int, bool, int]:
    closing = raw_name[0] == "/"
    name = _lower(raw_name[1:] if closing else raw_name)
    info = (name, _SPECIAL.get(name, 0), closing, 1 + len(raw_name))
    if len(_NAMES) < 2000:
        _NAMES[raw_name] = info
    return info


def scan_to(html: str, end: re.Pattern) -> Scan:
    """The scan of ``html`` (kept from an earlier ``scan``) or of as much of it as ends with the first whole
    tag that ``end`` finds the start of (its tokens are the whole page's: a page is read from the start, and
    nothing before that tag depends on what follows it); the whole page when that is not so."""
    if _last[0] is html:
        return _last[1]
    match = end.search(html)
    if match is not None:
        close = _TAG.match(html, match.start())
        if close is not None:
            part = html[:close.end()]
            tokens = _tokens(part)
            if tokens and tokens[-1][2] == match.start() and tokens[-1][3] == close.end():
                return Scan(part, tokens)
    return scan(html)


def _tokens(html: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    names = _NAMES
    length = len(html)
    foreign = 0  # depth of <svg>/<math>
    pos = 0
    while pos is not None:
        at, pos = pos, None  # pos: where to carry on after a raw text, or None at the end
        for match in _MARKUP.finditer(html, at):
            raw_name, tail, comment, cdata, bogus = match.groups()
            start, end = match.span()
            if raw_name is not None:
                name, special, closing, attributes = names.get(raw_name) or _name(raw_name)
                if not special:  # most tags: nothing to follow
                    if closing:
                        append((END, name, start, end, end, False, None, html))
                    else:
                        append((START, name, start, end, start + attributes, tail[-1:] == "/", None, html))
                    continue
                if closing:
                    append((END, name, start, end, end, False, None, html))
                    if foreign and special == 1:
                        foreign -= 1
                    continue
                self_closing = tail[-1:] == "/"
                if special == 1 or foreign:
                    append((START, name, start, end, start + attributes, self_closing, None, html))
                    if special == 1 and not self_closing:
                        foreign += 1
                    continue
                if special == 2:
                    stop = _script_end(html, end)
                elif special == 3:
                    found = _end_of(name).search(html, end)
                    stop = found.start() if found else length
                else:
                    stop = length
                append((START, name, start, end, start + attributes, self_closing, (end, stop), html))
                close = _TAG.match(html, stop) if stop < length else None
                if close is None:  # the page ends in the raw text (or in its end tag)
                    return tokens
                append((END, name, stop, close.end(), close.end(), False, None, html))
                pos = close.end()
                break
            if comment or bogus:
                append((COMMENT, "#comment", start, end, end, False, None, html))
            elif cdata:
                close = html.find("]]>" if foreign else ">", start)
                end = length if close < 0 else close + (3 if foreign else 1)
                if foreign:
                    append((CDATA, "#cdata", start, end, end, False,
                            (start + 9, close if close >= 0 else length), html))
                else:  # "<![CDATA[" in HTML content: a bogus comment up to ">"
                    append((COMMENT, "#comment", start, end, end, False, None, html))
                pos = end
                break
            elif end == start:  # the page ends inside a tag: a browser drops the rest
                break
            # else "</>": nothing
    return tokens


def _script_end(html: str, at: int) -> int:
    """Where the text of a script that starts at ``at`` ends: its "</script", following the spec's script data
    states (inside "<!--", a "<script" starts a part where "</script" does not end the script, until "-->"
    or "</script")."""
    state = 0  # 0 script data, 1 escaped (after "<!--"), 2 double escaped (after "<!--" … "<script")
    search = _SCRIPT_EVENT.search
    while True:
        match = search(html, at)
        if match is None:
            return len(html)
        text = match.group(0)
        if text == "<!--":
            if state == 0:
                state = 1
            at = match.start() + 2  # "<!-->" opens and closes: the dashes may end it
            continue
        if text == "-->":
            state = 0
        elif match.group(1):  # "</script"
            if state == 2:
                state = 1
            else:
                return match.start()
        elif state == 1:  # "<script"
            state = 2
        at = match.end()


def index_at(result: Scan, offset: int) -> int:
    """Index of the first token that starts at or after ``offset``."""
    return bisect_left(result.raw(), offset, key=_start)


def _start(token: tuple) -> int:
    return token[2]


_INVISIBLE = {"script", "style"}


def text(result: Scan, start: int, stop: int, *, breaks=frozenset(), drop=None) -> str:
    """The text of ``html[start:stop]`` (which should begin and end between tokens): text between tags and of
    raw-text and CDATA bodies, entities decoded, without comments, scripts and styles. An end tag named in
    ``breaks`` adds "\n\n"; ``drop(token)`` true for a start tag leaves out its element (up to its end tag)."""
    html, tokens = result.html, result.raw()
    parts: list[str] = []
    i, n = index_at(result, start), len(tokens)
    at = start
    while i < n:
        token = tokens[i]
        kind, name, token_start, token_end, _, _, body, _ = token
        if token_start >= stop:
            break
        if at < token_start:
            parts.append(html[at:token_start])
        at = token_end
        i += 1
        if kind == START:
            if drop is not None and drop(Token(token)):
                i = _after_element(tokens, i, name)
                at = tokens[i - 1][3] if i - 1 < n and tokens[i - 1][0] == END else stop
                continue
            if body is not None:
                if name not in _INVISIBLE:
                    parts.append(html[body[0]:body[1]])
                at = body[1]
        elif kind == END:
            if name in breaks:
                parts.append("\n\n")
        elif kind == CDATA:
            parts.append(html[body[0]:body[1]])
    if at < stop:
        parts.append(html[at:stop])
    joined = "".join(parts)
    return unescape(joined) if "&" in joined else joined


def _after_element(tokens: list[tuple], i: int, name: str) -> int:
    """Index after the end tag that closes the element whose start tag is tokens[i - 1] (nested elements of the
    same name counted); len(tokens) + 1 when the page ends first."""
    depth = 1
    for j in range(i, len(tokens)):
        token = tokens[j]
        if token[1] == name:
            if token[0] == START and not token[5]:
                depth += 1
            elif token[0] == END:
                depth -= 1
                if depth == 0:
                    return j + 1
    return len(tokens) + 1


def apply_edits(html: str, edits: list[tuple[int, int, str]]) -> str:
    """``html`` with each ``(start, end, replacement)`` applied (spans must not overlap), without reading it:
    for edits worked out earlier on the same text (see :meth:`Scan.splice`, which also keeps the new scan)."""
    if not edits:
        return html
    parts, at = [], 0
    for start, end, replacement in sorted(edits):
        parts.append(html[at:start])
        parts.append(replacement)
        at = end
    parts.append(html[at:])
    return "".join(parts)
