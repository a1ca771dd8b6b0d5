"""Colours for the clinic's brand: hex colours, WCAG 2.2 contrast, and the nearest shade that passes.

``contrast("#777777", "#ffffff")`` is 4.478… (WCAG's relative luminance and contrast ratio). A shade of a colour
keeps its hue and saturation (HSL) and changes only its lightness; :func:`nearest_shade` searches outward from
the colour's own lightness, in both directions, for the smallest change whose hex value meets every requirement.
"""
from __future__ import annotations

import colorsys
import math
import re
from typing import Iterable

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

WHITE = "#ffffff"
#: The light scheme's page background (Material's ``--md-default-bg-color``).
LIGHT_BACKGROUND = WHITE
#: The dark scheme's page background: Material's slate ``hsla(225deg, 15%, 14%, 1)`` as the browser draws it.
DARK_BACKGROUND = "#1e2129"
#: WCAG 2.2 AA: text (links included), and controls and other non-text such as focus indicators.
TEXT, NON_TEXT = 4.5, 3.0
#: The ratios WCAG names (AA text, AA non-text and large text, AAA text).
THRESHOLDS = (NON_TEXT, TEXT, 7.0)


def is_hex(text: object) -> bool:
    """Whether ``text`` is a colour like ``"#0f766e"`` (or the short ``"#0f7"``)."""
    return isinstance(text, str) and bool(_HEX.match(text))


def normal(colour: str) -> str:
    """``"#0F7"`` as ``"#00ff77"``: six lower-case hex digits."""
    digits = colour.lstrip("#").lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits


def rgb(colour: str) -> tuple[int, int, int]:
    digits = normal(colour)[1:]
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(value))):02x}" for value in (red, green, blue))


def luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance, 0 (black) to 1 (white)."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2.2 contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ratio_text(ratio: float) -> str:
    """A ratio to two decimals as WCAG tools show it (4.478 → "4.48", 3.2 → "3.2", 21 → "21"), but never rounded
    up to a WCAG ratio it misses (4.497 → "4.49", not "4.5"; 2.996 → "2.99")."""
    shown = round(ratio, 2)
    if any(ratio < threshold <= shown for threshold in THRESHOLDS):
        shown = math.floor(ratio * 100) / 100
    return f"{shown:.2f}".rstrip("0").rstrip(".")


def hsl(colour: str) -> tuple[float, float, float]:
    """Hue, saturation, lightness, each 0–1."""
    hue, light, saturation = colorsys.rgb_to_hls(*(c / 255 for c in rgb(colour)))
    return hue, saturation, light


def from_hsl(hue: float, saturation: float, light: float) -> str:
    return to_hex(*(c * 255 for c in colorsys.hls_to_rgb(hue, max(0.0, min(1.0, light)), saturation)))


def shade(colour: str, light: float) -> str:
    """``colour`` with lightness ``light`` (0–1), hue and saturation kept."""
    hue, saturation, _ = hsl(colour)
    return from_hsl(hue, saturation, light)


def scaled(colour: str, factor: float) -> str:
    """A lighter (factor > 1) or darker (factor < 1) shade: the lightness times ``factor``."""
    return shade(colour, hsl(colour)[2] * factor)


def transparent(colour: str, alpha: int = 0x1A) -> str:
    """``colour`` with an alpha channel (Material's ``--md-accent-fg-color--transparent`` is 10 %)."""
    return normal(colour) + f"{alpha:02x}"


def passes(colour: str, needs: Iterable[tuple[str, float]]) -> bool:
    """Whether ``colour`` has at least each ratio against each other colour: ``[("#ffffff", 4.5)]``."""
    return all(contrast(colour, other) >= minimum for other, minimum in needs)


def nearest_shade(colour: str, needs: Iterable[tuple[str, float]], step: float = 0.001) -> str | None:
    """The shade of ``colour`` (lightness only) with the smallest change of lightness that meets every need
    (``colour`` itself if it does); on a tie, the one with the more contrast. ``None`` if no shade can."""
    needs = list(needs)
    if passes(colour, needs):
        return normal(colour)
    hue, saturation, light = hsl(colour)
    for n in range(1, int(1 / step) + 2):
        found = [candidate for candidate in (from_hsl(hue, saturation, light - n * step),
                                             from_hsl(hue, saturation, light + n * step))
                 if passes(candidate, needs)]
        if found:
            return max(found, key=lambda c: min(contrast(c, other) / minimum for other, minimum in needs))
    return None
