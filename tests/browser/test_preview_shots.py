"""`make preview-shots`' screenshot step in real Chromium: one picture per page and size, full length."""
from __future__ import annotations

import struct
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import preview_shots  # noqa: E402


def png_size(path):
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_shots_of_two_pages_at_phone_and_desktop_width(browser, site, tmp_path):
    shots = preview_shots.shoot(site.root, ["", "faq/"], tmp_path, browser)
    assert [s["url"] for s in shots] == ["", "faq/"]
    for shot in shots:
        assert shot["status"] == 200
        for size, (width, height) in preview_shots.SIZES.items():
            got = png_size(tmp_path / shot[size])
            assert got[0] == width and got[1] > height, (shot[size], got)  # full length: taller than the window
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.png")) == [
        "desktop/faq.png", "desktop/home.png", "phone/faq.png", "phone/home.png"]
