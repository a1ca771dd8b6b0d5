"""Make the default share image (Open Graph / Twitter card): a 1200×630 PNG.

    .venv/bin/python tools/make_share_image.py [--out overrides/assets/images/share.png]

It draws an SVG with the site's name and the clinic's name from mkdocs.yml and
photographs it with Debian's headless Chromium (system fonts only, nothing
fetched). The PNG is committed, so the build never needs Chromium; run this
again after renaming the site or the clinic.
"""
from __future__ import annotations

import argparse
import html
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1200, 630


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def svg(site_name: str, clinic: str) -> str:
    title, _, subtitle = site_name.partition(" — ")
    esc = html.escape
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">
  <rect width="{WIDTH}" height="{HEIGHT}" fill="#00695c"/>
  <rect x="0" y="{HEIGHT - 120}" width="{WIDTH}" height="120" fill="#004d40"/>
  <circle cx="1040" cy="170" r="210" fill="#00897b"/>
  <circle cx="1040" cy="170" r="120" fill="#26a69a"/>
  <text x="80" y="250" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="96"
        font-weight="700" fill="#ffffff">{esc(title)}</text>
  <text x="80" y="340" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="54"
        fill="#e0f2f1">{esc(subtitle or "a patient's guide")}</text>
  <text x="80" y="{HEIGHT - 48}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="40"
        fill="#ffffff">{esc(clinic)}</text>
</svg>
"""


def chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit("Chromium is needed: install the Debian package 'chromium' (make system-deps)")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    return struct.unpack(">II", data[16:24])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "overrides/assets/images/share.png"))
    args = parser.parse_args()
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    site_name = config["site_name"]
    clinic = (config.get("extra") or {}).get("clinic", {}).get("name", "")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "share.html"
        page.write_text('<!doctype html><html><head><style>html,body{margin:0;padding:0;overflow:hidden}'
                        f'</style></head><body>{svg(site_name, clinic)}</body></html>', encoding="utf-8")
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--hide-scrollbars", f"--user-data-dir={tmp}/profile",
                        f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={out}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    size = png_size(out)
    if size != (WIDTH, HEIGHT):
        sys.exit(f"{out} is {size[0]}×{size[1]}, not {WIDTH}×{HEIGHT}")
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({WIDTH}×{HEIGHT})")


if __name__ == "__main__":
    main()
