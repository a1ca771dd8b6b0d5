"""The clinic's brand (``extra.clinic.brand``): what each colour is used for, the WCAG 2.2 AA contrast it needs
there, the values the colour template uses (overrides/partials/brand-colours.html) and the theme settings the
brand relies on (Material's custom palette, ``theme.logo``).

Where each colour goes (Material's custom colours, https://squidfunk.github.io/mkdocs-material/setup/changing-the-colors/):

- ``primary``: the header and the primary buttons (white text on it, both schemes), links in the light scheme,
  the call to book at the top (a darker shade, white text) and the page-end call to book.
- ``accent``: hovered links, hovered buttons (white text on it) and focus outlines in the light scheme.
- ``dark_links`` / ``dark_accent``: links (and the outline of primary buttons) / hover and focus in the dark
  scheme; when not set, the nearest shade of ``primary`` / ``accent`` that passes on the dark background.
"""
from __future__ import annotations

import os
from typing import Any, Callable

from . import colour
from .colour import DARK_BACKGROUND, LIGHT_BACKGROUND, NON_TEXT, TEXT, WHITE

#: Today's look: Material's teal 800 and deep orange 800 (light), teal and deep orange A200-ish (dark).
DEFAULTS = {"logo": None, "primary": "#00695c", "accent": "#c43e00", "dark_links": "#00ccb8", "dark_accent": "#ff6e42"}
COLOURS = ("primary", "accent", "dark_links", "dark_accent")
LOGO_TYPES = (".svg", ".png")

#: For each colour: (the other colour, the ratio WCAG 2.2 AA needs, what the pair is, said with {ratio}).
#: The first need a colour misses is the one reported; the suggested shade meets all of them.
NEEDS: dict[str, list[tuple[str, float, str]]] = {
    "primary": [
        (LIGHT_BACKGROUND, TEXT, "gives links a contrast of {ratio}:1 on the light background"),
        (WHITE, TEXT, "gives the header's white text a contrast of {ratio}:1"),
        (LIGHT_BACKGROUND, NON_TEXT, "gives buttons a contrast of {ratio}:1 against the light background"),
    ],
    "accent": [
        (LIGHT_BACKGROUND, TEXT, "gives hovered links a contrast of {ratio}:1 on the light background"),
        (WHITE, TEXT, "gives the white text of hovered buttons a contrast of {ratio}:1"),
        (LIGHT_BACKGROUND, NON_TEXT, "gives focus outlines a contrast of {ratio}:1 against the light background"),
    ],
    "dark_links": [
        (DARK_BACKGROUND, TEXT, "gives links a contrast of {ratio}:1 on the dark background"),
        (DARK_BACKGROUND, NON_TEXT, "gives the outline of buttons a contrast of {ratio}:1 against the dark background"),
    ],
    "dark_accent": [
        (DARK_BACKGROUND, TEXT, "gives hovered links a contrast of {ratio}:1 on the dark background"),
        (DARK_BACKGROUND, NON_TEXT, "gives focus outlines a contrast of {ratio}:1 against the dark background"),
    ],
}
#: Which colour a dark-scheme colour is worked out from when it is not set.
DERIVED_FROM = {"dark_links": "primary", "dark_accent": "accent"}


def _needs(key: str) -> list[tuple[str, float]]:
    return [(other, minimum) for other, minimum, _ in NEEDS[key]]


def contrast_problems(brand: dict[str, Any]) -> list[tuple[str, str, str]]:
    """``(key, problem, fix)`` for each colour set in ``brand`` that misses a need of :data:`NEEDS`, e.g.
    ``("primary", '"#26a69a" gives links a contrast of 2.54:1 on the light background; WCAG 2.2 AA needs
    4.5:1', 'use "#00796b" (the nearest shade that passes)')``. Colours that are not hex colours are skipped."""
    out = []
    for key in COLOURS:
        value = brand.get(key)
        if not colour.is_hex(value):
            continue
        for other, minimum, pair in NEEDS[key]:
            ratio = colour.contrast(value, other)
            if ratio < minimum:
                suggestion = colour.nearest_shade(value, _needs(key))
                out.append((key, f'"{value}" {pair.format(ratio=colour.ratio_text(ratio))}; '
                                 f"WCAG 2.2 AA needs {colour.ratio_text(minimum)}:1",
                            f'use "{suggestion}" (the nearest shade that passes)'))
                break
    return out


def complete(brand: dict[str, Any] | None) -> dict[str, Any]:
    """The brand with every colour filled in (lower-case six-digit hex): :data:`DEFAULTS` for a clinic that set
    none, otherwise the defaults for ``primary``/``accent`` and, for a dark-scheme colour not set, the nearest
    shade of its light colour that passes on the dark background; plus the shades the template uses."""
    given = {key: value for key, value in (brand or {}).items() if value is not None}
    if not any(key in given for key in COLOURS):
        values = dict(DEFAULTS, **given)
    else:
        values = {**DEFAULTS, **{key: None for key in DERIVED_FROM}, **given}
    for key in COLOURS[:2]:
        if not colour.is_hex(values[key]):
            values[key] = DEFAULTS[key]
    for key, source in DERIVED_FROM.items():
        if not colour.is_hex(values[key]):
            values[key] = colour.nearest_shade(values[source], _needs(key))
    values.update({key: colour.normal(values[key]) for key in COLOURS})
    values["primary_light"] = colour.scaled(values["primary"], 1.15)
    values["primary_dark"] = colour.scaled(values["primary"], 0.73)
    values["accent_transparent"] = colour.transparent(values["accent"])
    values["dark_accent_transparent"] = colour.transparent(values["dark_accent"])
    return values


def looks_like(path: str) -> bool:
    """Whether a .png file starts as a PNG does, or an .svg file has an <svg element near its start."""
    with open(path, "rb") as handle:
        head = handle.read(2048)
    if path.lower().endswith(".png"):
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    return b"<svg" in head


def theme_problems(brand: dict[str, Any], theme: dict[str, Any], asset_dirs: list[str],
                   add: Callable[[str, str, str], None]) -> None:
    """What stops the brand from showing: a logo that is not an SVG or PNG file in docs/ or overrides/, a logo
    also set as ``theme.logo``, a palette entry whose primary or accent is not ``custom``."""
    logo = brand.get("logo")
    if logo is not None:
        found = next((os.path.join(folder, logo) for folder in asset_dirs
                      if os.path.isfile(os.path.join(folder, logo))), None)
        if not logo.lower().endswith(LOGO_TYPES):
            add("extra.clinic.brand.logo", f'"{logo}" is not an SVG or PNG file',
                "use the clinic's logo as an .svg or .png file, e.g. assets/images/logo.svg")
        elif found is None:
            add("extra.clinic.brand.logo", f'"{logo}" is not a file in docs/ or overrides/',
                "upload the logo to docs/assets/images/ and set extra.clinic.brand.logo to its path there, "
                "e.g. assets/images/logo.svg")
        elif not looks_like(found):
            kind = "a PNG" if logo.lower().endswith(".png") else "an SVG"
            add("extra.clinic.brand.logo", f'"{logo}" does not hold {kind} image',
                "save the logo again as an SVG or PNG file (not renamed from another kind of file) and upload it")
        if theme.get("logo") and theme.get("logo") != logo:
            add("theme.logo", f'is "{theme["logo"]}", but extra.clinic.brand.logo is "{logo}"',
                "delete theme.logo: the logo is set once, in extra.clinic.brand.logo")
    palette = theme.get("palette") or []
    entries = palette if isinstance(palette, list) else [palette]
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        where = f"theme.palette[{i}]" if isinstance(palette, list) else "theme.palette"
        for key in ("primary", "accent"):
            if entry.get(key) != "custom":
                add(f"{where}.{key}", f'is "{entry.get(key)}", so the clinic\'s colours (extra.clinic.brand) are not used',
                    f"set {key}: custom (the colours themselves are set in extra.clinic.brand)")
