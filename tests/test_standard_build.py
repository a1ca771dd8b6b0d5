"""The published guide meets the patient-information standard (issue 11), read from the built pages: each required
section where mkdocs.yml puts it, with text of its own and the values the hooks fill in from the settings; the
FAQ high in the menu and answering with links to those sections; the call to book on every page. Everything
is read from mkdocs.yml and the pages, so staff may reword, move and reorder freely (no sentence is pinned)."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, in_language, site_config
from sitekit.page import read as read_page
from sitekit.topics import DEFAULT_PAGES, MIN_WORDS, REQUIRED, URGENT_CLASS

CONFIG = site_config()
EXTRA = in_language(CONFIG["extra"])  # as the default language's pages show it
CLINIC = EXTRA["clinic"]
POLICY = EXTRA.get("policy") or {}
PRESET = POLICY.get("preset", "generic")
TOPICS = {**DEFAULT_PAGES, **(POLICY.get("topics") or {})}


def url_of(src: str) -> str:
    return "" if src == "index.md" else src[:-3] + "/"


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def section(page: BeautifulSoup, anchor: str) -> tuple[object, list]:
    """The heading with this id and everything after it up to the next heading of its level or higher."""
    heading = page.find(id=anchor)
    assert heading is not None and re.fullmatch(r"h[2-6]", heading.name), f"no heading with id {anchor}"
    level, parts = int(heading.name[1]), []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            break
        if "page-cta" in (sibling.get("class") or []) or sibling.name in ("aside", "footer"):
            break
        parts.append(sibling)
    return heading, parts


def box_in(parts: list):
    boxes = [p for p in parts if "topic-box" in (p.get("class") or [])]
    assert len(boxes) == 1, f"expected one settings-filled box in the section, found {len(boxes)}"
    return boxes[0]


def tel(number: str) -> str:
    return "tel:" + re.sub(r"[^\d+]", "", number)


@pytest.fixture(scope="module")
def pages(built):
    return {src: BeautifulSoup(built.page(url_of(src)), "lxml") for src in set(TOPICS.values()) | {"faq.md"}}


@pytest.mark.parametrize("topic", REQUIRED[PRESET])
def test_each_required_section_is_published_where_the_settings_put_it(pages, topic):
    heading, parts = section(pages[TOPICS[topic]], topic)
    own = " ".join(text(p) for p in parts if "topic-box" not in (p.get("class") or []))
    assert len(own.split()) >= MIN_WORDS, f"{topic}: {len(own.split())} words of its own"
    assert heading.select_one("a.headerlink")["href"] == f"#{topic}"  # a stable link other pages and the FAQ use


def test_warning_signs_end_with_who_to_call_from_the_settings(pages):
    box = box_in(section(pages[TOPICS["warning-signs"]], "warning-signs")[1])
    links = {a["href"]: text(a) for a in box.select("a[href]")}
    assert links.get(tel(CLINIC["phone"])) == CLINIC["phone"]
    if CLINIC.get("out_of_hours"):
        assert " ".join(CLINIC["out_of_hours"].split()) in text(box)
    emergency = {"uk": "999", "us": "911", "eu": "112"}.get(PRESET) or (CLINIC.get("emergency") or {}).get("number")
    if emergency:
        assert links.get(tel(emergency)) == emergency
    if PRESET == "uk":
        assert links.get("tel:111") == "NHS 111"


def test_who_treats_you_names_each_practitioner_with_the_public_register(pages):
    box = box_in(section(pages[TOPICS["who-treats-you"]], "who-treats-you")[1])
    said = text(box)
    for person in EXTRA["practitioners"]:
        for key in ("name", "profession", "register", "number"):
            assert str(person[key]) in said, (key, person[key])
        link = box.find("a", href=person["register_url"])
        assert link is not None and "external" in link["rel"] and "noopener" in link["rel"]


def test_cost_gives_the_prices_or_a_written_quote_and_the_days_to_decide(pages):
    box = box_in(section(pages[TOPICS["cost"]], "cost")[1])
    said = text(box)
    for price in CLINIC.get("prices") or []:
        assert price["item"] in said and price["price"] in said
    if not CLINIC.get("prices"):
        assert "quote" in said.lower()
    if CLINIC.get("cooling_off_days"):
        assert re.search(rf"\b{CLINIC['cooling_off_days']}\b", said)


def test_complaints_give_the_clinics_route_and_the_regulators_scheme(pages):
    box = box_in(section(pages[TOPICS["complaints"]], "complaints")[1])
    if CLINIC.get("complaints"):
        assert " ".join(CLINIC["complaints"].split()) in text(box)
    assert box.find("a", href=f"mailto:{CLINIC['email']}") is not None
    if PRESET == "uk":
        assert box.find("a", href=re.compile(r"^https://yellowcard\.mhra\.gov\.uk/")) is not None


def test_only_settings_fill_the_boxes_and_no_page_types_the_clinics_numbers():
    """Values from the settings are typed once: no page repeats the clinic's phone, email or a registration number."""
    typed = [CLINIC["phone"], CLINIC["email"], *(str(p["number"]) for p in EXTRA.get("practitioners") or [])]
    for path in sorted((ROOT / "docs").rglob("*.md")):
        found = [value for value in typed if value in path.read_text(encoding="utf-8")]
        assert found == [], f"{path.relative_to(ROOT)} types {found}: the hooks fill these in from mkdocs.yml"


def test_the_printable_checklist_has_the_clinics_number(built):
    """Any heading marked { .urgent-contacts } gets the warning-signs box: the checklist says whom to call."""
    marked = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        record = read_page(path.read_text(encoding="utf-8"), path.name)
        if any(URGENT_CLASS in heading.classes for heading in record.headings):
            marked.append(path.name)
    assert marked, f"no page has a heading marked {{ .{URGENT_CLASS} }} (the printable checklist should)"
    for name in marked:
        page = BeautifulSoup(built.page(url_of(name)), "lxml")
        heading = page.select_one(f"article .{URGENT_CLASS}")
        box = heading.find_next_sibling(class_="topic-box")
        assert box is not None and box.find("a", href=tel(CLINIC["phone"])) is not None, name


def test_the_faq_is_high_in_the_menu_and_answers_with_the_required_sections(pages):
    nav = [next(iter(item.values())) if isinstance(item, dict) else item for item in CONFIG["nav"]]
    faq_pages = [p for p in nav if isinstance(p, str) and p.endswith(".md")
                 and re.search(r"^faq:\s*true\s*$", (ROOT / "docs" / p).read_text(encoding="utf-8").split("\n---\n")[0],
                               re.MULTILINE)]
    assert faq_pages and nav.index(faq_pages[0]) <= 2, f"the FAQ is item {nav.index(faq_pages[0]) + 1} of the menu"
    answered = {a["href"].split("#", 1)[1] for a in pages["faq.md"].select("article a[href*='#']")
                if not a.get("class") or "headerlink" not in a["class"]}
    asked_most = ("who-should-not", "side-effects", "serious-risks", "warning-signs", "aftercare", "practicalities",
                  "cost", "who-treats-you")
    assert [t for t in asked_most if t not in answered] == [], "FAQ answers without a link to these sections"
