"""A clinic's first month of edits, applied to a copy of the whole project, and then the project's own tests run
against that copy: the quick suite (build, content, settings, checks) and the browser tests of the booking form,
accessibility, page validity and the 404 page. Staff change every word, date, name and number; no test may
depend on today's values. (Under tests/browser because the run includes browser tests; about two minutes.)

Edits, in the order a clinic makes them: replace every example detail listed in ``extra.example_data`` with
another clinic's and delete the list; move every review date; reword paragraphs; add a FAQ question and remove
another; add a page to the menu; change the booking form's treatments; switch the booking provider to
``contact`` (the booking page must then show the clinic's details and no form) and back to ``form``.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Project, review_day, site_config
from sitekit.faq import parse_faq

#: Another clinic's details, for every key the project ships as example data. A new example key needs its
#: replacement here (the test says so), never a change to another test.
ANOTHER_CLINIC = {
    "clinic.name": "Riverside Skin Studio",
    "clinic.phone": "0161 496 0855",
    "clinic.email": "appointments@riverside-skin.co.uk",
    "clinic.address": {"street": "4 Canal Wharf", "locality": "Manchester", "postcode": "M1 7ED", "country": "GB"},
    "clinic.opening_hours": [{"days": ["Tuesday", "Wednesday", "Thursday"], "opens": "10:00", "closes": "19:00"},
                             {"days": ["Saturday"], "opens": "09:30", "closes": "13:30"}],
    "clinic.out_of_hours": "call 0161 496 0856 and leave a message: the doctor on call rings back within an hour",
    "clinic.complaints": "Ask for our complaints leaflet, or write to the clinic manager at the address below.",
    "clinic.cooling_off_days": 7,
    "practitioners": [{"name": "Dr Priya Shah", "profession": "doctor", "register": "General Medical Council",
                       "number": "7654321", "register_url": "https://www.gmc-uk.org/registrants"}],
    "reviewers.medical-director": {"name": "Dr Priya Shah", "qualification": "MB ChB, consultant dermatologist"},
    "booking.endpoint": "https://formspree.io/f/mqkrzvab",
    "clinic.brand.logo": "assets/images/riverside-logo.svg",
    "seo.image": "assets/images/riverside-share.png",
    "seo.image_alt": "Mesotherapy explained, by Riverside Skin Studio",
}
NEW_TREATMENTS = ["Mesotherapy for tired-looking skin", "Mesotherapy for the scalp", "Not sure yet — advise me"]
PUBLIC_URL = "https://riverside-skin.github.io/guide/"
#: The project's own tests, run against the edited copy (paths relative to the project).
SUITE = ["-m", "not browser", "tests"]
BROWSER_SUITE = ["tests/browser/test_booking_basics.py", "tests/browser/test_accessibility.py",
                 "tests/browser/test_html_validity.py", "tests/browser/test_not_found.py"]


def png(width: int, height: int, rgb=(20, 90, 80)) -> bytes:
    """A plain PNG of the given size (the clinic's own share image)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))


def set_key(extra: dict, key: str, value) -> None:
    *parents, last = key.split(".")
    node = extra
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def edit_settings(project: Project, change) -> None:
    """Change mkdocs.yml's extra: as data (the rest of the file, with its !ENV tags, is kept as text)."""
    text = project.read("mkdocs.yml")
    head, extra_text = text.split("\nextra:\n", 1)
    extra = yaml.safe_load("extra:\n" + extra_text)["extra"]
    change(extra)
    project.write("mkdocs.yml", head + "\n" + yaml.safe_dump({"extra": extra}, sort_keys=False, allow_unicode=True))


def replace_example_details(project: Project) -> None:
    listed = list(site_config(project.root)["extra"].get("example_data") or [])
    missing = [key for key in listed if key not in ANOTHER_CLINIC]
    assert not missing, f"add a replacement value for {missing} to ANOTHER_CLINIC in {Path(__file__).name}"
    project.root.joinpath("docs/assets/images").mkdir(parents=True, exist_ok=True)
    (project.root / "docs" / ANOTHER_CLINIC["seo.image"]).write_bytes(png(1200, 630))
    (project.root / "docs" / ANOTHER_CLINIC["clinic.brand.logo"]).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" rx="3" fill="#fff"/></svg>')

    def change(extra):
        for key in listed:
            set_key(extra, key, ANOTHER_CLINIC[key])
        extra.pop("example_data", None)
    edit_settings(project, change)


def move_review_dates(project: Project, day: dt.date) -> None:
    for path in sorted((project.root / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^last_reviewed:", text, re.MULTILINE):
            path.write_text(re.sub(r"^last_reviewed:.*$", f"last_reviewed: {day.isoformat()}", text, count=1,
                                   flags=re.MULTILINE), encoding="utf-8")


def first_paragraph(text: str) -> str:
    """The first paragraph of prose after the page's `# ` title."""
    body = text.split("\n---\n", 1)[1]
    after_title = body.split("\n# ", 1)[1].split("\n", 1)[1]
    for block in re.split(r"\n\s*\n", after_title):
        if block.strip() and not block.lstrip().startswith(("#", "-", "!!!", "<", "|", "```", "*", "1.")):
            return block.strip()
    raise AssertionError("no paragraph after the title")


def reword(project: Project, page: str, new: str) -> None:
    text = project.read(page)
    project.write(page, text.replace(first_paragraph(text), new, 1))


def faq_page(project: Project) -> str:
    for path in sorted((project.root / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^faq:\s*true\s*$", text.split("\n---\n", 1)[0], re.MULTILINE):
            return path.relative_to(project.root).as_posix()
    raise AssertionError("no page has faq: true")


def add_and_remove_faq_question(project: Project) -> tuple[str, str]:
    page = faq_page(project)
    text = project.read(page)
    items, problems = parse_faq(text)
    assert items and not problems
    removed = items[-1].question
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("## ") and removed in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    added = "Can I bring someone with me to my consultation?"
    new = (f"## {added}\n\nYes. You are welcome to bring a friend or a family member. They can wait with you "
           "and join the talk if you would like them to.\n\n")
    project.write(page, "".join(lines[:start]) + new + "".join(lines[end:]))
    return added, removed


def add_page_to_menu(project: Project, reviewer: str, day: dt.date) -> None:
    project.write("docs/getting-here.md", (
        "---\ntitle: Getting to the clinic\n"
        "description: Where the clinic is, how to get there by bus, tram or car, and where you can park nearby.\n"
        f"reviewed_by: {reviewer}\nlast_reviewed: {day.isoformat()}\n---\n\n# Getting to the clinic\n\n"
        "The clinic is a short walk from the city centre. Buses and trams stop close by.\n\n"
        "## Parking\n\nThere is a public car park on the next street. Please allow time to find a space.\n"))
    text = project.read("mkdocs.yml")
    nav = re.search(r"^nav:\n((?:  - .*\n)+)", text, re.MULTILINE)
    assert nav, "mkdocs.yml has no nav: list"
    project.write("mkdocs.yml", text.replace(nav.group(0), nav.group(0) + "  - Getting to the clinic: getting-here.md\n", 1))


def run_suite(copy: Path, args: list[str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "SITE_TODAY"))}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=copy, env=env, capture_output=True, text=True, timeout=1200)


def test_a_first_month_of_staff_edits_keeps_every_test_green(tmp_path):
    copy = tmp_path / "clinic"
    shutil.copytree(ROOT, copy, symlinks=True, ignore=lambda folder, names: [
        name for name in names if name == "__pycache__" or Path(folder) == ROOT and name in (
            ".git", ".venv", "node_modules", "site", "preview", ".cache", "test-artifacts", ".pytest_cache",
            ".dev-submissions")])
    for beside, name in ((ROOT, "node_modules"), (ROOT.parent, "shared")):  # npm test tools; ../shared (the seed)
        if (beside / name).exists():
            ((copy if beside == ROOT else tmp_path) / name).symlink_to(beside / name)
    project = Project.__new__(Project)
    project.root = copy

    replace_example_details(project)
    day = dt.date.fromisoformat(review_day(ROOT / "docs")) + dt.timedelta(days=9)
    move_review_dates(project, day)
    reword(project, "docs/index.md", "This guide explains mesotherapy in plain words. It tells you what the "
           "treatment involves, what it may help with, what can go wrong, and how to decide if it is for you.")
    added, removed = add_and_remove_faq_question(project)
    reviewer = next(iter(site_config(copy)["extra"]["reviewers"]))
    add_page_to_menu(project, reviewer, day)
    edit_settings(project, lambda extra: extra["booking"].update(treatments=NEW_TREATMENTS))

    # The booking provider to "contact" and back: the booking page then shows the clinic's details, no form.
    edit_settings(project, lambda extra: extra["booking"].update(provider="contact"))
    contact = project.build()
    assert contact.returncode == 0, contact.output
    book = BeautifulSoup(contact.page("book/"), "lxml")
    assert book.select_one("form.booking-form") is None and ANOTHER_CLINIC["clinic.phone"] in book.select_one(".booking").get_text()
    assert not re.search(r"\bform\b", book.select_one("article").get_text(" ")), \
        "with provider: contact, the booking page still talks about a form"
    edit_settings(project, lambda extra: extra["booking"].update(provider="form"))

    # Published as a real clinic would: a public address, no example data left.
    public = project.build(site_url=PUBLIC_URL, allow_dev_receiver=False, env={"SITE_TODAY": day.isoformat()})
    assert public.returncode == 0, public.output
    home = public.page("")
    assert ANOTHER_CLINIC["clinic.name"] in home and "Example details" not in home
    faq = BeautifulSoup(public.page(faq_page(project)[5:-3] + "/"), "lxml").get_text(" ")
    assert added in faq and removed not in faq
    assert "Getting to the clinic" in BeautifulSoup(home, "lxml").select_one("nav.md-nav--primary").get_text(" ")
    options = [o.get_text(strip=True) for o in BeautifulSoup(public.page("book/"), "lxml").select("select option")]
    assert all(t in options for t in NEW_TREATMENTS), options

    quick = run_suite(copy, SUITE)
    assert quick.returncode == 0, quick.stdout[-6000:] + quick.stderr[-2000:]
    browser = run_suite(copy, BROWSER_SUITE)
    assert browser.returncode == 0, browser.stdout[-6000:] + browser.stderr[-2000:]
