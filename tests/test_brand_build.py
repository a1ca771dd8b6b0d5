"""The clinic's brand (extra.clinic.brand) in whole builds of a copy of the site: another clinic's logo and
colours reach the header and the one stylesheet; a colour with too little contrast, a missing logo or a palette
that is not custom stops the build with each problem, its mkdocs.yml line and the fix."""
from __future__ import annotations

import re
import struct
import zlib

from bs4 import BeautifulSoup

from conftest import site_config

from sitekit import brand, colour
from sitekit.settings import key_lines



def png(width: int = 2, height: int = 2) -> bytes:
    """A small white PNG (a clinic's logo as staff might upload it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\xff\xff\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


PNG = png()


def stylesheet(result) -> str:
    return (result.site / "assets/stylesheets/site.min.css").read_text(encoding="utf-8")


def declarations(css: str, selector: str) -> dict[str, str]:
    """The custom properties one rule of the built stylesheet sets."""
    body = re.search(re.escape(selector) + r"\{([^}]*)\}", css).group(1)
    return dict(part.split(":", 1) for part in body.split(";"))


def without_example_logo(project) -> None:
    text = project.read("mkdocs.yml").replace("\n    - clinic.brand.logo\n", "\n")
    project.write("mkdocs.yml", text)


def test_another_clinics_logo_and_colours_are_used_everywhere(project):
    (project.root / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    (project.root / "docs/assets/images/riverside.png").write_bytes(PNG)
    without_example_logo(project)
    project.set_extra("clinic", {"brand": {"logo": "assets/images/riverside.png", "primary": "#1E3A8A",
                                           "accent": "#b45309"}})
    result = project.build()
    assert result.returncode == 0, result.output
    home = BeautifulSoup(result.page(""), "lxml")
    assert [img["src"] for img in home.select(".md-logo img")] == ["assets/images/riverside.png"] * 2
    assert (result.site / "assets/images/riverside.png").read_bytes() == PNG
    assert "riverside" not in home.select_one('link[rel="icon"]')["href"]  # the favicon stays
    css = stylesheet(result)
    expected = brand.complete({"primary": "#1e3a8a", "accent": "#b45309"})
    assert declarations(css, "[data-md-color-primary=custom]")["--md-primary-fg-color"] == "#1e3a8a"
    assert declarations(css, "[data-md-color-primary=custom]")["--md-typeset-a-color"] == "#1e3a8a"
    assert declarations(css, "[data-md-color-accent=custom]")["--md-accent-fg-color"] == "#b45309"
    dark_links = declarations(css, "[data-md-color-scheme=slate][data-md-color-primary=custom]")["--md-typeset-a-color"]
    dark_accent = declarations(css, "[data-md-color-scheme=slate][data-md-color-accent=custom]")["--md-accent-fg-color"]
    assert (dark_links, dark_accent) == (expected["dark_links"], expected["dark_accent"])
    assert colour.contrast(dark_links, colour.DARK_BACKGROUND) >= 4.5
    # Nothing of the old palette is left: the site's colours come from the brand alone.
    assert "#00695c" not in css and "[data-md-color-primary=teal]" not in css
    assert all(value == "custom" for value in re.findall(r'data-md-color-(?:primary|accent)="([^"]*)"', result.page("")))


def test_without_a_brand_the_site_looks_as_before(project):
    without_example_logo(project)
    clinic = {key: value for key, value in site_config(project.root)["extra"]["clinic"].items() if key != "brand"}
    project.set_extra("clinic", None)
    project.set_extra("clinic", clinic)
    assert "brand:" not in project.read("mkdocs.yml")
    result = project.build()
    assert result.returncode == 0, result.output
    home = BeautifulSoup(result.page(""), "lxml")
    assert home.select(".md-logo img") == [] and home.select_one(".md-logo svg") is not None  # Material's icon
    css = stylesheet(result)
    assert declarations(css, "[data-md-color-primary=custom]")["--md-primary-fg-color"] == "#00695c"
    assert declarations(css, "[data-md-color-scheme=slate][data-md-color-primary=custom]")["--md-typeset-a-color"] == "#00ccb8"


def test_a_low_contrast_colour_stops_the_build_with_its_line_and_the_nearest_passing_shade(project):
    project.set_extra("clinic", {"brand": {"logo": "assets/images/logo.svg", "primary": "#26a69a",
                                           "accent": "#c43e00", "dark_accent": "#c43e00"}})
    result = project.build()
    assert result.returncode != 0
    lines = key_lines(project.read("mkdocs.yml"))
    assert (f'mkdocs.yml:{lines["extra.clinic.brand.primary"]}: extra.clinic.brand.primary: "#26a69a" gives links '
            'a contrast of 2.99:1 on the light background; WCAG 2.2 AA needs 4.5:1 — use "#1e847b" (the nearest '
            "shade that passes)") in result.output
    assert (f'mkdocs.yml:{lines["extra.clinic.brand.dark_accent"]}: extra.clinic.brand.dark_accent: "#c43e00" gives '
            'hovered links a contrast of 3.09:1 on the dark background; WCAG 2.2 AA needs 4.5:1 — use "#f34d00" (the '
            "nearest shade that passes)") in result.output
    assert not (result.site / "index.html").exists()


def test_a_missing_logo_and_a_palette_that_is_not_custom_are_both_reported(project):
    brand = site_config(project.root)["extra"]["clinic"].get("brand") or {}
    project.set_extra("clinic", {"brand": {**brand, "logo": "assets/images/our-logo.svg"}})
    text = re.sub(r"^(\s+primary:)\s*custom\b", r"\1 teal", project.read("mkdocs.yml"), count=1, flags=re.MULTILINE)
    project.write("mkdocs.yml", text)
    result = project.build()
    assert result.returncode != 0
    lines = key_lines(text)
    assert (f'mkdocs.yml:{lines["extra.clinic.brand.logo"]}: extra.clinic.brand.logo: "assets/images/our-logo.svg" '
            "is not a file in docs/ or overrides/ — upload the logo to docs/assets/images/ and set "
            "extra.clinic.brand.logo to its path there, e.g. assets/images/logo.svg") in result.output
    assert (f'mkdocs.yml:{lines["theme.palette[0].primary"]}: theme.palette[0].primary: is "teal", so the clinic\'s '
            "colours (extra.clinic.brand) are not used — set primary: custom (the colours themselves are set in "
            "extra.clinic.brand)") in result.output
    assert not (result.site / "index.html").exists()
