"""The guide's content (docs/*.md) keeps the rules, whatever staff write.

Nothing here pins the content: dates, names, phone numbers, pages and wording are read from mkdocs.yml and
the pages themselves, so staff can change every word, date and page. What is tested:

- every page passes the content checks ``make check`` runs, with the same functions (tools/check.py's
  check_pages: sitekit.page.read, sitekit.frontmatter.check, the FAQ format, sitekit.policy.check_page,
  sitekit.rawhtml.check_page, sitekit.readability); a warning that is only advice (reading level, a review
  falling due soon) is not a failure here either. "Today" is the day of the guide's latest review, so these
  tests never fail by themselves on a calendar date (``make check`` in CI uses the real date);
- the menu: every page in ``nav:`` exists and has front matter, every page is in the menu or in ``not_in_nav``;
- the pages the booking settings name exist and do their job (the form page shows the form, the thank-you page
  is kept out of search);
- each page has one ``# `` title, first, equal to its ``title:``; titles and descriptions are not repeated;
- facts that must agree across pages agree: every number of sessions and weeks (written as an en-dash range)
  is the one the course timeline diagram shows;
- no page copies a run of 8 words from the clinic's original text (the seed), and known mistakes in the seed
  do not come back.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import check  # tools/check.py: make check
from conftest import ROOT, other_languages, review_day, site_config
from sitekit.page import read

DOCS = ROOT / "docs"
#: The default language's pages (another language's docs/<code>/ is checked in its own build and by make check).
PAGES = [path for path in sorted(DOCS.rglob("*.md")) if not any(part.startswith(".") for part in path.relative_to(DOCS).parts)
         and path.relative_to(DOCS).parts[0] not in other_languages()]
PAGE_IDS = [p.relative_to(DOCS).as_posix() for p in PAGES]
CONFIG = site_config()
EXTRA = CONFIG.get("extra") or {}
TODAY = dt.date.fromisoformat(review_day())

# The clinic's original text, beside the repository (in CI it is checked out next to the clone).
SEED = ROOT.parent / "shared" / "seed" / "mesotherapy-guide.txt"
NGRAM = 8
# Mistakes in the seed that must not come back, and why.
SEED_MISTAKES = {
    "mesoderm": "the seed called the skin's middle layer the mesoderm; it is the dermis",
    "board-certified": "US wording; in the UK say qualified, registered and experienced",
}
TIMELINE = DOCS / "assets" / "diagrams" / "course-timeline.svg"
SVG = "{http://www.w3.org/2000/svg}"
RANGE = re.compile(r"\b(\d+)\s*([–-]|\bto\b|—)\s*(\d+)\s+(sessions|weeks)\b")


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@functools.lru_cache(maxsize=None)
def record(path: Path):
    return read(path.read_text(encoding="utf-8"), relative(path))


@functools.lru_cache(maxsize=1)
def content_problems() -> tuple:
    """What make check's page checks find in docs/, on the guide's review day."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return tuple(check.check_pages(ROOT, CONFIG, text, today=TODAY))


def nav_files(nav) -> list[str]:
    """The Markdown files of ``nav:`` (entries like ``- Title: file.md``, ``- file.md`` or sections)."""
    found = []
    for entry in nav or []:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            if isinstance(value, list):
                found += nav_files(value)
            elif isinstance(value, str) and not re.match(r"[a-z]+://", value):
                found.append(value)
    return found


def ranges(text: str) -> set[tuple[str, str]]:
    """The numbers of sessions and weeks given as ranges, e.g. {("4–6", "sessions")}."""
    return {(f"{low}–{high}", unit) for low, _, high, unit in RANGE.findall(text)}


# ---------------------------------------------------------------- make check's own rules


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_every_page_passes_make_check(page):
    found = [str(p) for p in content_problems() if p.path == relative(page) and check.blocks(p)]
    assert not found, "make check would stop publishing:\n" + "\n".join(found)


def test_the_settings_pass_make_check():
    found = [str(p) for p in content_problems() if not p.path.startswith("docs/") and check.blocks(p)]
    assert not found, "\n".join(found)


# ---------------------------------------------------------------- the menu and the pages it needs


def test_every_menu_page_exists_and_has_front_matter():
    files = nav_files(CONFIG.get("nav"))
    assert files, "mkdocs.yml has no nav: the menu lists no pages"
    missing = [f for f in files if not (DOCS / f).is_file()]
    assert not missing, f"nav: in mkdocs.yml lists pages that are not in docs/: {missing}"
    bare = [f for f in files if not record(DOCS / f).front.present]
    assert not bare, f"these pages in the menu have no front matter: {bare}"


def test_every_page_is_in_the_menu_or_left_out_on_purpose():
    listed = set(nav_files(CONFIG.get("nav")))
    left_out = {line.strip().lstrip("/") for line in str(CONFIG.get("not_in_nav") or "").splitlines() if line.strip()}
    stray = [name for name in PAGE_IDS if name not in listed and name not in left_out]
    assert not stray, f"pages neither in nav: nor in not_in_nav: in mkdocs.yml: {stray}"


def test_the_booking_pages_exist_and_do_their_job():
    booking = EXTRA.get("booking") or {}
    page, thanks = booking.get("page", "book.md"), booking.get("thank_you_page", "thank-you.md")
    for name in (page, thanks, booking.get("privacy_page", "privacy.md")):
        assert (DOCS / name).is_file(), f"extra.booking names docs/{name}, which does not exist"
    if booking.get("provider", "form") in ("form", "embed"):
        assert record(DOCS / page).meta.get("booking") is True, f"docs/{page} needs booking: true to show the form"
    assert (record(DOCS / thanks).meta.get("search") or {}).get("exclude") is True, (
        f"docs/{thanks} (only reached after sending the form) needs search: {{exclude: true}}")


# ---------------------------------------------------------------- titles and descriptions


def test_titles_and_descriptions_are_not_repeated():
    for key in ("title", "description"):
        seen: dict[str, str] = {}
        for page in PAGES:
            value = " ".join(str(record(page).meta.get(key, "")).split())
            assert value not in seen, f"{relative(page)} repeats the {key} of {seen[value]}"
            seen[value] = relative(page)


# ---------------------------------------------------------------- facts that must agree


def timeline_ranges() -> set[tuple[str, str]]:
    root = ET.parse(TIMELINE).getroot()
    shown = " ".join(" ".join(t.itertext()) for t in root.iter(SVG + "text"))
    return ranges(shown) | ranges(root.find(SVG + "desc").text or "")


def test_the_timeline_gives_the_course():
    assert {unit for _, unit in timeline_ranges()} == {"sessions", "weeks"}, (
        f"{relative(TIMELINE)} should show the number of sessions and the weeks between them as ranges like 4–6")


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_session_counts_and_intervals_agree_with_the_timeline(page):
    said = ranges(record(page).prose)
    other = said - timeline_ranges()
    assert not other, (f"{relative(page)} gives {sorted(other)}, but {relative(TIMELINE)} shows "
                       f"{sorted(timeline_ranges())}: change the page or the diagram so they agree")


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_ranges_use_an_en_dash(page):
    bad = [m.group(0) for m in RANGE.finditer(record(page).prose) if m.group(2) != "–"]
    bad += re.findall(r"\b\d+\s*(?:-|—|\bto\b)\s*\d+\s+(?:hours|days)\b", record(page).prose)
    assert not bad, f"{relative(page)}: write number ranges with an en dash (e.g. '2–4 weeks'): {bad}"


# ---------------------------------------------------------------- the seed


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.replace("’", "'").replace("‘", "'").lower())


def ngrams(tokens: list[str], n: int = NGRAM) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


@functools.lru_cache(maxsize=1)
def seed_ngrams() -> frozenset:
    if not SEED.is_file():
        message = (f"the seed text is missing: {SEED} (../shared/seed/mesotherapy-guide.txt beside the "
                   "repository); the test that nothing is copied from it cannot run")
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"{message}. In CI it must be checked out beside the clone", pytrace=False)
        pytest.skip(f"{message} (outside CI only)")
    return frozenset(ngrams(words(SEED.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_no_run_of_eight_words_from_the_seed(page):
    shared = sorted(" ".join(g) for g in ngrams(words(page.read_text(encoding="utf-8"))) & seed_ngrams())
    assert not shared, f"{relative(page)} shares {len(shared)} run(s) of {NGRAM}+ words with the seed; reword: {shared[:10]}"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_the_seeds_mistakes_do_not_come_back(page):
    text = record(page).prose
    found = [f"{term!r}: {why}" for term, why in SEED_MISTAKES.items() if re.search(rf"\b{re.escape(term)}\b", text, re.I)]
    assert not found, f"{relative(page)}:\n" + "\n".join(found)


@pytest.mark.parametrize("ci, present, outcome", [
    ("true", False, "failed"), ("1", False, "failed"), ("", False, "skipped"), ("true", True, "passed"),
    ("", True, "passed")])
def test_the_seed_test_never_skips_in_ci(monkeypatch, tmp_path, ci, present, outcome):
    seed = tmp_path / "seed.txt"
    if present:
        seed.write_text("Some words of the clinic's original text, more than eight of them in a row.\n")
    monkeypatch.setitem(globals(), "SEED", seed)
    monkeypatch.setenv("CI", ci)
    seed_ngrams.cache_clear()
    try:
        seed_ngrams()
        result = "passed"
    except pytest.fail.Exception as exc:
        result = "failed"
        assert "the seed text is missing" in str(exc) and "In CI it must be checked out beside the clone" in str(exc)
    except pytest.skip.Exception:
        result = "skipped"
    finally:
        seed_ngrams.cache_clear()
    assert result == outcome


def test_a_staff_edit_keeps_the_checks_green(project):
    """Staff change the clinic's phone and one page's review date: the checks and the build follow."""
    page = next(p for p in PAGE_IDS if record(DOCS / p).meta.get("last_reviewed"))
    new_day = dt.date.fromisoformat(review_day(project.root / "docs")) + dt.timedelta(days=40)
    project.set_front(f"docs/{page}", "last_reviewed", new_day.isoformat())
    project.set_extra("clinic", {"phone": "+44 161 496 0000"})
    today = dt.date.fromisoformat(review_day(project.root / "docs"))
    assert today == new_day
    text = project.read("mkdocs.yml")
    config = site_config(project.root)
    blocking = [str(p) for p in check.check_pages(project.root, config, text, today=today) if check.blocks(p)]
    assert blocking == []
    result = project.build()
    assert result.returncode == 0, result.output
    booking = (config["extra"].get("booking") or {}).get("page", "book.md").removesuffix(".md")
    assert "+44 161 496 0000" in result.page(f"{booking}/")
    assert f'datetime="{new_day.isoformat()}"' in result.page("" if page == "index.md" else page.removesuffix(".md") + "/")
