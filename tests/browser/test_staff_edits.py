"""A clinic's first month of edits, applied to a copy of the whole project, and then the project's own tests run
against that copy: the quick suite (build, content, settings, checks, both languages) and the browser tests of the
booking form and the 404 page. Staff change every word, date, name and number; no test may
depend on today's values. (Under tests/browser because the run includes browser tests; about two and a half minutes.)

Edits, in the order a clinic makes them: replace every example detail listed in ``extra.example_data`` with
another clinic's and delete the list; move every review date; reword paragraphs; add a FAQ question and remove
another; add a page to the menu; change the booking form's treatments; bring the translations up to date and
have them reviewed; switch the booking provider to ``contact`` (the booking page must then show the clinic's
details and no form) and back to ``form``.

In a run of more tests than this one, tests/browser/conftest.py starts this test on its own at the start of the
session, in a second pytest process at a lower CPU priority, so its two minutes (mostly waiting on the nested
suites) overlap the other tests; the test here then waits for that process and fails with its output unless it
passed. Run alone, or inside that process (``STAFF_EDITS_NOW=1``), it runs here.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT, Project, booking_url, catalog, in_language, language_codes, review_day, site_config

from .conftest import STAFF_EDITS, STAFF_EDITS_NOW
from sitekit.faq import parse_faq

# The new treatments, as staff write them: one line per language (README, "Languages").
NEW_TREATMENTS = [{"en": "Mesotherapy for tired-looking skin", "ar": "ميزوثيرابي للبشرة المتعبة"},
                  {"en": "Mesotherapy for the scalp", "ar": "ميزوثيرابي فروة الرأس"},
                  {"en": "Not sure yet — advise me", "ar": "لست متأكدًا بعد — انصحوني"}]
PUBLIC_URL = "https://riverside-skin.github.io/guide/"
#: The project's own tests, run against the edited copy (paths relative to the project).
SUITE = ["-m", "not browser", "tests"]
#: The browser tests of what a staff edit can break for a patient: the booking form and the 404 page (the
#: accessibility and HTML-validity gates read every page of both languages and would double the suite's time;
#: they run on the real site in the same suite).
BROWSER_SUITE = ["tests/browser/test_booking_basics.py", "tests/browser/test_not_found.py"]


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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "SITE_TODAY", STAFF_EDITS_NOW))}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=copy, env=env, capture_output=True, text=True, timeout=1200)


def test_a_first_month_of_staff_edits_keeps_every_test_green(tmp_path, request):
    background = request.config.stash.get(STAFF_EDITS, None)
    if background is not None:  # started at the start of the session: its result
        returncode, output = background.result()
        assert returncode == 0, "the month of staff edits, run in the background, failed:\n" + output[-8000:]
        return
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

    project.replace_example_data()
    day = dt.date.fromisoformat(review_day(ROOT / "docs")) + dt.timedelta(days=9)
    move_review_dates(project, day)
    reword(project, "docs/index.md", "This guide explains mesotherapy in plain words. It tells you what the "
           "treatment involves, what it may help with, what can go wrong, and how to decide if it is for you.")
    added, removed = add_and_remove_faq_question(project)
    reviewer = next(iter(site_config(copy)["extra"]["reviewers"]))
    add_page_to_menu(project, reviewer, day)
    codes = language_codes(copy)
    treatments = [{code: item[code] for code in codes} if len(codes) > 1 else item["en"] for item in NEW_TREATMENTS]
    project.edit_extra(lambda extra: extra["booking"].update(treatments=treatments))
    # The translator brings the translations up to date with the English edits, and the clinic's reviewer
    # reviews them (until then a public build refuses them); the new page shows in English, with a notice.
    project.record_translations()
    project.review_translations()

    # The booking provider to "contact" and back: the booking page then shows the clinic's details, no form.
    project.edit_extra(lambda extra: extra["booking"].update(provider="contact"))
    contact = project.build()
    assert contact.returncode == 0, contact.output
    book = BeautifulSoup(contact.page(booking_url(root=copy)), "lxml")
    assert book.select_one("form.booking-form") is None and site_config(copy)["extra"]["clinic"]["phone"] in book.select_one(".booking").get_text()
    assert not re.search(r"\bform\b", book.select_one("article").get_text(" ")), \
        "with provider: contact, the booking page still talks about a form"
    project.edit_extra(lambda extra: extra["booking"].update(provider="form"))

    # Published as a real clinic would: a public address, no example data left.
    public = project.build(site_url=PUBLIC_URL, allow_dev_receiver=False, env={"SITE_TODAY": day.isoformat()})
    assert public.returncode == 0, public.output
    home = public.page("")
    assert site_config(copy)["extra"]["clinic"]["name"] in home and catalog(root=copy)["example.title"] not in home
    faq = BeautifulSoup(public.page(faq_page(project)[5:-3] + "/"), "lxml").get_text(" ")
    assert added in faq and removed not in faq
    assert "Getting to the clinic" in BeautifulSoup(home, "lxml").select_one("nav.md-nav--primary").get_text(" ")
    for code in codes or ["en"]:  # each language's form lists them in its words, and sends the default's
        prefix = "" if code == (codes or ["en"])[0] else f"{code}/"
        options = BeautifulSoup(public.page(prefix + booking_url(root=copy)), "lxml").select("select option")
        assert [o.get_text(strip=True) for o in options[1:]] == [in_language(t, code, copy) for t in treatments]
        assert [o["value"] for o in options[1:]] == [in_language(t, None, copy) for t in treatments]

    quick = run_suite(copy, SUITE)
    assert quick.returncode == 0, quick.stdout[-6000:] + quick.stderr[-2000:]
    browser = run_suite(copy, BROWSER_SUITE)
    assert browser.returncode == 0, browser.stdout[-6000:] + browser.stderr[-2000:]
