"""Table-driven tests of the brand's colour logic (sitekit.colour, sitekit.brand) and its settings
(extra.clinic.brand in sitekit.settings): known WCAG values, the nearest passing shade, exact messages."""
from __future__ import annotations

import copy

import pytest

from sitekit import brand, colour
from sitekit import settings as s
from sitekit.colour import DARK_BACKGROUND, WHITE

# ---------------------------------------------------------------- colour


@pytest.mark.parametrize("text, ok", [
    ("#0f766e", True), ("#0F766E", True), ("#fff", True), ("0f766e", False), ("#0f766", False), ("#ggg", False),
    ("teal", False), (None, False), (123, False)])
def test_is_hex(text, ok):
    assert colour.is_hex(text) is ok


@pytest.mark.parametrize("first, second, shown", [
    ("#000000", "#ffffff", "21"),       # the largest ratio
    ("#ffffff", "#ffffff", "1"),        # the smallest
    ("#777777", "#ffffff", "4.48"),     # the classic near miss for AA text
    ("#767676", "#ffffff", "4.54"),     # the lightest grey that passes on white
    ("#ffffff", "#777777", "4.48"),     # order does not matter
    ("#fff", "#000", "21"),             # short hex
    ("#00695c", "#ffffff", "6.61"),     # the default primary (Material's teal 800) with white text
    ("#009485", "#ffffff", "3.77"),     # Material's own teal: fails with white text
    ("#c43e00", "#ffffff", "5.2"),      # the default accent on the light page
    ("#00ccb8", DARK_BACKGROUND, "7.92"),
    ("#ff6e42", DARK_BACKGROUND, "5.79"),
])
def test_contrast_matches_known_wcag_values(first, second, shown):
    assert colour.ratio_text(colour.contrast(first, second)) == shown


@pytest.mark.parametrize("ratio, shown", [
    (4.478, "4.48"), (4.497, "4.49"), (4.5, "4.5"), (4.503, "4.5"), (2.996, "2.99"), (6.996, "6.99"), (3.2, "3.2"),
    (21.0, "21"), (1.0, "1")])
def test_ratio_text_never_rounds_up_to_a_wcag_ratio_it_misses(ratio, shown):
    assert colour.ratio_text(ratio) == shown


@pytest.mark.parametrize("value, hsl_expected", [
    ("#ff0000", (0.0, 1.0, 0.5)), ("#ffffff", (0.0, 0.0, 1.0)), ("#808080", (0.0, 0.0, 128 / 255))])
def test_hsl_round_trip(value, hsl_expected):
    assert colour.hsl(value) == pytest.approx(hsl_expected)
    assert colour.from_hsl(*colour.hsl(value)) == value


@pytest.mark.parametrize("value, needs", [
    ("#777777", [(WHITE, 4.5)]),
    ("#26a69a", [(WHITE, 4.5)]),
    ("#ff9800", [(WHITE, 4.5), (WHITE, 3.0)]),
    ("#00695c", [(DARK_BACKGROUND, 4.5)]),
    ("#b45309", [(DARK_BACKGROUND, 4.5), (DARK_BACKGROUND, 3.0)]),
])
def test_nearest_shade_passes_keeps_hue_and_saturation_and_is_the_smallest_change(value, needs):
    found = colour.nearest_shade(value, needs)
    assert colour.passes(found, needs)
    hue, saturation, light = colour.hsl(value)
    new_hue, new_saturation, new_light = colour.hsl(found)
    assert new_hue == pytest.approx(hue, abs=0.01) and new_saturation == pytest.approx(saturation, abs=0.03)
    # A shade 1 % nearer to the original lightness does not pass.
    nearer = colour.shade(value, new_light + (0.01 if new_light < light else -0.01))
    assert not colour.passes(nearer, needs)


def test_nearest_shade_of_a_passing_colour_is_itself():
    assert colour.nearest_shade("#00695C", [(WHITE, 4.5)]) == "#00695c"
    assert colour.nearest_shade("#777777", [(WHITE, 4.5)]) == "#767676"  # grey: one step darker


# ---------------------------------------------------------------- what each colour needs

@pytest.mark.parametrize("values, expected", [
    ({"primary": "#26a69a"}, [("primary", '"#26a69a" gives links a contrast of 2.99:1 on the light background; '
                                          'WCAG 2.2 AA needs 4.5:1', 'use "#1e847b" (the nearest shade that passes)')]),
    ({"accent": "#ff9800"}, [("accent", '"#ff9800" gives hovered links a contrast of 2.16:1 on the light background; '
                                        'WCAG 2.2 AA needs 4.5:1', 'use "#ac6600" (the nearest shade that passes)')]),
    ({"dark_links": "#00695c"}, [("dark_links", '"#00695c" gives links a contrast of 2.43:1 on the dark background; '
                                                'WCAG 2.2 AA needs 4.5:1', 'use "#009986" (the nearest shade that passes)')]),
    ({"dark_accent": "#c43e00"}, [("dark_accent", '"#c43e00" gives hovered links a contrast of 3.09:1 on the dark '
                                                  'background; WCAG 2.2 AA needs 4.5:1',
                                   'use "#f34d00" (the nearest shade that passes)')]),
    ({"primary": "#00695c", "accent": "#c43e00", "dark_links": "#00ccb8", "dark_accent": "#ff6e42"}, []),
    ({"primary": "not a colour", "logo": "x.svg"}, []),  # said by the settings, not here
])
def test_contrast_problems(values, expected):
    assert brand.contrast_problems(values) == expected


def test_every_suggested_shade_passes_every_need_of_its_key():
    for key in brand.COLOURS:
        for value in ("#26a69a", "#ff9800", "#00695c", "#c43e00", "#fde68a", "#1e3a8a", "#000000", "#ffffff"):
            for _, _, fix in brand.contrast_problems({key: value}):
                suggestion = fix.split('"')[1]
                assert brand.contrast_problems({key: suggestion}) == [], (key, value, suggestion)


def test_the_defaults_are_todays_look_and_pass():
    values = brand.complete(None)
    assert {key: values[key] for key in brand.COLOURS} == {
        "primary": "#00695c", "accent": "#c43e00", "dark_links": "#00ccb8", "dark_accent": "#ff6e42"}
    assert values["logo"] is None
    assert brand.contrast_problems(values) == []


def test_dark_colours_not_set_are_the_nearest_passing_shades_of_the_light_ones():
    values = brand.complete({"primary": "#0f766e", "accent": "#b45309", "logo": None})
    assert values["dark_links"] == colour.nearest_shade("#0f766e", [(DARK_BACKGROUND, 4.5), (DARK_BACKGROUND, 3.0)])
    assert values["dark_accent"] == colour.nearest_shade("#b45309", [(DARK_BACKGROUND, 4.5), (DARK_BACKGROUND, 3.0)])
    assert brand.contrast_problems(values) == []
    # The book bar's darker shade keeps the header's white text readable.
    assert colour.contrast(values["primary_dark"], WHITE) >= colour.contrast(values["primary"], WHITE)


# ---------------------------------------------------------------- the theme

def theme_problems(brand_values, theme, dirs):
    found = []
    brand.theme_problems(brand_values, theme, dirs, lambda key, problem, fix: found.append((key, problem, fix)))
    return found


CUSTOM = [{"scheme": "default", "primary": "custom", "accent": "custom"},
          {"scheme": "slate", "primary": "custom", "accent": "custom"}]


@pytest.mark.parametrize("logo, theme, expected", [
    ("assets/images/logo.svg", {"palette": CUSTOM}, []),
    (None, {"palette": CUSTOM, "logo": "assets/own.png"}, []),  # staff may set theme.logo themselves
    ("assets/images/logo.gif", {"palette": CUSTOM}, [
        ("extra.clinic.brand.logo", '"assets/images/logo.gif" is not an SVG or PNG file',
         "use the clinic's logo as an .svg or .png file, e.g. assets/images/logo.svg")]),
    ("assets/images/missing.svg", {"palette": CUSTOM}, [
        ("extra.clinic.brand.logo", '"assets/images/missing.svg" is not a file in docs/ or overrides/',
         "upload the logo to docs/assets/images/ and set extra.clinic.brand.logo to its path there, "
         "e.g. assets/images/logo.svg")]),
    ("assets/images/logo.svg", {"palette": CUSTOM, "logo": "other.svg"}, [
        ("theme.logo", 'is "other.svg", but extra.clinic.brand.logo is "assets/images/logo.svg"',
         "delete theme.logo: the logo is set once, in extra.clinic.brand.logo")]),
    ("assets/images/fake.png", {"palette": CUSTOM}, [
        ("extra.clinic.brand.logo", '"assets/images/fake.png" does not hold a PNG image',
         "save the logo again as an SVG or PNG file (not renamed from another kind of file) and upload it")]),
    ("assets/images/real.png", {"palette": CUSTOM}, []),
    (None, {"palette": [{"scheme": "default", "primary": "teal", "accent": "custom"}]}, [
        ("theme.palette[0].primary", 'is "teal", so the clinic\'s colours (extra.clinic.brand) are not used',
         "set primary: custom (the colours themselves are set in extra.clinic.brand)")]),
    (None, {"palette": {"scheme": "default", "primary": "custom", "accent": "deep orange"}}, [
        ("theme.palette.accent", 'is "deep orange", so the clinic\'s colours (extra.clinic.brand) are not used',
         "set accent: custom (the colours themselves are set in extra.clinic.brand)")]),
])
def test_theme_problems(tmp_path, logo, theme, expected):
    (tmp_path / "assets/images").mkdir(parents=True)
    (tmp_path / "assets/images/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "assets/images/logo.gif").write_text("GIF89a")
    (tmp_path / "assets/images/fake.png").write_text("<html>not a picture</html>")
    (tmp_path / "assets/images/real.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    assert theme_problems({"logo": logo}, theme, [str(tmp_path)]) == expected


# ---------------------------------------------------------------- extra.clinic.brand in the settings

CLINIC = {"name": "Northlight", "phone": "020 7946 0999", "email": "hi@clinic.example",
          "address": {"street": "1 High St", "locality": "London", "postcode": "SE1 1AA", "country": "GB"},
          "opening_hours": [{"days": ["Monday"], "opens": "09:00", "closes": "17:00"}]}
EXTRA = {"clinic": CLINIC, "reviewers": {"md": {"name": "Dr A", "qualification": "MBBS"}},
         "booking": {"provider": "form", "endpoint": "https://formspree.io/f/abc"}}
YAML = """\
extra:
  clinic:
    name: Northlight
    brand:
      logo: assets/images/logo.svg
      primary: "#26a69a"
      accent: "#b45309"
      dark_links: teal
      dark_accent:
"""


def run(brand_values):
    extra = copy.deepcopy(EXTRA)
    if brand_values is not None:
        extra["clinic"]["brand"] = brand_values
    settings = s.Settings("mkdocs.yml", YAML)
    out = s.validate(extra, settings)
    return out["clinic"]["brand"], [str(p) for p in settings.problems]


def test_no_brand_is_todays_look():
    values, problems = run(None)
    assert problems == [] and values == brand.complete(None)


def test_a_passing_brand_is_used_as_written():
    values, problems = run({"logo": "assets/images/logo.svg", "primary": "#0F766E", "accent": "#b45309"})
    assert problems == []
    assert (values["logo"], values["primary"], values["accent"]) == ("assets/images/logo.svg", "#0f766e", "#b45309")


def test_brand_mistakes_are_each_named_with_their_line_and_fix():
    _, problems = run({"logo": "assets/images/logo.svg", "primary": "#26a69a", "accent": "#b45309",
                       "dark_links": "teal", "dark_accent": None, "secondary": "#ffffff"})
    assert problems == [
        "mkdocs.yml:4: extra.clinic.brand.secondary: is not a known setting — remove it; known keys are logo, primary, "
        "accent, dark_links, dark_accent",
        'mkdocs.yml:8: extra.clinic.brand.dark_links: "teal" is not a colour like "#2dd4bf" — set '
        'extra.clinic.brand.dark_links to a light shade of the primary colour, in quotes, e.g. "#2dd4bf", or delete it',
        'mkdocs.yml:6: extra.clinic.brand.primary: "#26a69a" gives links a contrast of 2.99:1 on the light background; '
        'WCAG 2.2 AA needs 4.5:1 — use "#1e847b" (the nearest shade that passes)',
        'mkdocs.yml:9: extra.clinic.brand.dark_accent: is empty — write the colour in quotes, e.g. dark_accent: '
        '"#0f766e" (without quotes, YAML reads # as the start of a comment)',
    ]
