"""Arabic text for the checks: one normal form to match on, with every character traced back to the original.

Arabic is written with optional short-vowel marks (tashkeel), a stretching character (tatweel, U+0640), several
forms of alef, ى for final ي and ة for final ه — the same word can be typed many ways. :func:`normalise` removes
the marks and the tatweel and unifies the letters, so one pattern finds every spelling; :func:`normalise_map` also
returns, for each character of the normal form, its offset in the original text, so a message can point at the
editor's own line and column. Arabic-Indic digits become 0–9 and ٪ becomes %.
"""
from __future__ import annotations

import re

#: Languages written in Arabic script: their pages get the Arabic forms of the rules and the Arabic checks.
ARABIC_SCRIPT = frozenset({"ar"})

_DROP = frozenset(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640,
                                   *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9), *range(0x06EA, 0x06EE)])
_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "٪": "%",
        **{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
_TABLE = {ord(c): None for c in _DROP} | {ord(c): normal for c, normal in _MAP.items()}  # for str.translate
ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u0671-\u06D3]")

#: The letters that join the front of a word: و ف (and, so), ب ك ل (with, like, for) and the article ال
#: (ل + ال is written لل). A rule's Arabic pattern matches its word with any of them in front.
PREFIX = r"(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"


def is_arabic_script(language: str | None) -> bool:
    return (language or "en").split("-")[0].lower() in ARABIC_SCRIPT


def normalise(text: str) -> str:
    """``text`` without tashkeel and tatweel, with أ إ آ ٱ → ا, ى → ي, ة → ه and Western digits."""
    return text.translate(_TABLE)


def strip_marks(text: str) -> str:
    """``text`` without tashkeel and tatweel (letters unchanged)."""
    return "".join(c for c in text if c not in _DROP)


def normalise_map(text: str) -> tuple[str, list[int]]:
    """:func:`normalise` of ``text`` and, for each of its characters, the offset of that character in ``text``
    (one more entry at the end: ``len(text)``, so a match's end maps too)."""
    out, origin = [], []
    for index, c in enumerate(text):
        if c in _DROP:
            continue
        out.append(_MAP.get(c, c))
        origin.append(index)
    origin.append(len(text))
    return "".join(out), origin


def span_in_original(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The original text's span of a match at ``start:end`` of the normal form (the marks after its last letter
    belong to it: the match shows the word as the editor typed it)."""
    return origin[start], origin[end]
