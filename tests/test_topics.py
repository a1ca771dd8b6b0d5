"""Required information (sitekit.topics, hooks/topics.py): every required topic is a marked section of the page
mkdocs.yml names; removing any one fails the check and the build with the page, the line and the fix; the boxes
filled in from the settings end their sections."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, TOPIC_TEXT, add_topic_sections, catalog, in_language, site_config, topic_pages
from sitekit import policy, topics
from sitekit.page import read

# ---------------------------------------------------------------- a small guide of three pages

FRONT = "---\ntitle: {title}\ndescription: A page of a small guide that the tests of the required sections build.\n---\n\n"
PAGES = {
    "side-effects.md": ["who-should-not", "side-effects", "serious-risks", "warning-signs", "aftercare", "complaints"],
    "treatment-plan.md": ["practicalities", "cost", "who-treats-you"],
    "what-it-treats.md": ["evidence"],
}


def page_text(src_uri: str, without: tuple[str, ...] = (), level: int = 2, text: str = TOPIC_TEXT,
              extra: str = "") -> str:
    out = FRONT.format(title=src_uri) + f"# {src_uri}\n\nAn introduction to the page.\n"
    for topic_id in PAGES[src_uri]:
        if topic_id not in without:
            out += f"\n{'#' * level} {topics.BY_ID[topic_id].heading} {{ #{topic_id} }}\n\n{text}\n"
    return out + extra


def guide(**texts: str) -> list[topics.PageTopics]:
    records = [read(texts.get(uri.removesuffix(".md").replace("-", "_")) or page_text(uri), f"docs/{uri}", uri)
               for uri in PAGES]
    return [topics.page_topics(record) for record in records]


def check(pages, mapping=None):
    return [str(p) for p in topics.check(pages, mapping or dict(topics.DEFAULT_PAGES), topics.TOPIC_IDS)]


def test_the_small_guide_has_every_section():
    assert check(guide()) == []


def test_every_preset_requires_every_topic_and_the_default_pages_follow_the_design():
    assert all(required == topics.TOPIC_IDS for required in topics.REQUIRED.values())
    assert set(topics.REQUIRED) == set(policy.PRESETS)
    assert topics.DEFAULT_PAGES == {"who-should-not": "side-effects.md", "side-effects": "side-effects.md",
                                    "serious-risks": "side-effects.md", "warning-signs": "side-effects.md",
                                    "aftercare": "side-effects.md", "practicalities": "treatment-plan.md",
                                    "cost": "treatment-plan.md", "who-treats-you": "treatment-plan.md",
                                    "evidence": "what-it-treats.md", "complaints": "side-effects.md"}


#: Each topic's section removed in turn: the one message, at the "# " title of the page that should hold it.
MISSING = {
    "who-should-not":
        'docs/side-effects.md:6: the required section on who should not have the treatment (topic "who-should-not") '
        'is missing from this page — add a section headed "## Who should not have this treatment { #who-should-not }" '
        "to this page, with at least 15 words on who should not have it or should wait (for example pregnancy, an "
        'infection in the area, bleeding problems, allergies) (EDITING.md, "Required information")',
    "side-effects":
        'docs/side-effects.md:6: the required section on common side effects (topic "side-effects") is missing from '
        'this page — add a section headed "## Common side effects { #side-effects }" to this page, with at least 15 '
        'words on the side effects most people have and how long they usually last (EDITING.md, "Required '
        'information")',
    "serious-risks":
        'docs/side-effects.md:6: the required section on serious and rare risks (topic "serious-risks") is missing '
        'from this page — add a section headed "## Serious and rare risks { #serious-risks }" to this page, with at '
        'least 15 words on the rarer, more serious problems and how they show (EDITING.md, "Required information")',
    "warning-signs":
        'docs/side-effects.md:6: the required section on warning signs and what to do (topic "warning-signs") is '
        'missing from this page — add a section headed "## Warning signs and what to do { #warning-signs }" to this '
        "page, with at least 15 words on the signs that need the clinic or urgent help; the phone numbers and the "
        'emergency route are added below it from mkdocs.yml (EDITING.md, "Required information")',
    "aftercare":
        'docs/side-effects.md:6: the required section on aftercare (topic "aftercare") is missing from this page — add '
        'a section headed "## Aftercare { #aftercare }" to this page, with at least 15 words on when make-up, '
        'exercise, sun and swimming are fine again, in days (EDITING.md, "Required information")',
    "practicalities":
        'docs/treatment-plan.md:6: the required section on what a session involves (topic "practicalities") is '
        'missing from this page — add a section headed "## What happens at a session { #practicalities }" to this '
        "page, with at least 15 words on how long a session takes, numbing, time off work and what the consultation "
        'involves (EDITING.md, "Required information")',
    "cost":
        'docs/treatment-plan.md:6: the required section on cost (topic "cost") is missing from this page — add a '
        'section headed "## What it costs { #cost }" to this page, with at least 15 words on what the price depends '
        "on; the prices (or the written quote), the free consultation and the days to decide are added below it from "
        'mkdocs.yml (EDITING.md, "Required information")',
    "who-treats-you":
        'docs/treatment-plan.md:6: the required section on who carries out the treatment (topic "who-treats-you") is '
        'missing from this page — add a section headed "## Who carries out your treatment { #who-treats-you }" to '
        "this page, with at least 15 words on who treats patients and why registration matters; each practitioner's "
        'name, registration number and register are added below it from mkdocs.yml (EDITING.md, "Required '
        'information")',
    "evidence":
        'docs/what-it-treats.md:6: the required section on how good the evidence is (topic "evidence") is missing '
        'from this page — add a section headed "## How good the evidence is { #evidence }" to this page, with at '
        'least 15 words on how strong the evidence is for each use, in plain words (EDITING.md, "Required '
        'information")',
    "complaints":
        'docs/side-effects.md:6: the required section on how to complain or report a side effect (topic '
        '"complaints") is missing from this page — add a section headed "## How to complain or report a side effect '
        '{ #complaints }" to this page, with at least 15 words on how a patient can raise a concern; the clinic\'s '
        'complaints route and contact details are added below it from mkdocs.yml (EDITING.md, "Required '
        'information")',
}


def test_the_table_covers_every_topic():
    assert sorted(MISSING) == sorted(topics.TOPIC_IDS)


@pytest.mark.parametrize("topic_id", list(MISSING))
def test_removing_a_section_is_one_problem_at_the_pages_title(topic_id):
    page = next(uri for uri, ids in PAGES.items() if topic_id in ids)
    texts = {page.removesuffix(".md").replace("-", "_"): page_text(page, without=(topic_id,))}
    assert check(guide(**texts)) == [MISSING[topic_id]]


@pytest.mark.parametrize("topic_id", list(MISSING))
def test_a_section_on_another_page_says_where_it_is_and_both_fixes(topic_id):
    home = next(uri for uri, ids in PAGES.items() if topic_id in ids)
    other = "what-it-treats.md" if home != "what-it-treats.md" else "side-effects.md"
    moved = f"\n## {topics.BY_ID[topic_id].heading} {{ #{topic_id} }}\n\n{TOPIC_TEXT}\n"
    texts = {home.removesuffix(".md").replace("-", "_"): page_text(home, without=(topic_id,)),
             other.removesuffix(".md").replace("-", "_"): page_text(other, extra=moved)}
    line = page_text(other, extra=moved).split("\n").index(moved.split("\n")[1]) + 1
    name = topics.BY_ID[topic_id].name
    assert check(guide(**texts)) == [
        f'docs/{other}:{line}: the section on {name} (topic "{topic_id}") is here, but extra.policy.topics puts it '
        f'on docs/{home} — move the section to docs/{home}, or set "{topic_id}: {other}" under extra.policy.topics '
        'in mkdocs.yml (EDITING.md, "Required information")']


def test_the_section_follows_the_map_in_the_settings():
    moved = f"\n## How good the evidence is {{ #evidence }}\n\n{TOPIC_TEXT}\n"
    pages = guide(what_it_treats=page_text("what-it-treats.md", without=("evidence",)),
                  treatment_plan=page_text("treatment-plan.md", extra=moved))
    assert check(pages, dict(topics.DEFAULT_PAGES, evidence="treatment-plan.md")) == []


SHORT = "Too short to count."  # 4 words


@pytest.mark.parametrize("topic_id", list(MISSING))
def test_a_section_with_too_little_text(topic_id):
    home = next(uri for uri, ids in PAGES.items() if topic_id in ids)
    short = f"\n## {topics.BY_ID[topic_id].heading} {{ #{topic_id} }}\n\n{SHORT}\n\n```\n" + "code " * 20 + "\n```\n"
    text = page_text(home, without=(topic_id,), extra=short)
    line = text.split("\n").index(short.split("\n")[1]) + 1
    name, what = topics.BY_ID[topic_id].name, topics.BY_ID[topic_id].what
    assert check(guide(**{home.removesuffix(".md").replace("-", "_"): text})) == [
        f'docs/{home}:{line}: the section on {name} (topic "{topic_id}") has 4 words of text, fewer than 15 — write '
        f'at least 15 words under the heading on {what} (EDITING.md, "Required information")']


def test_a_subsection_s_text_counts_and_a_level_4_heading_does_not_mark_a_section():
    nested = page_text("what-it-treats.md", without=("evidence",),
                       extra="\n## How good the evidence is { #evidence }\n\nShort.\n\n### For the face\n\n" + TOPIC_TEXT)
    assert check(guide(what_it_treats=nested)) == []
    deep = page_text("what-it-treats.md", without=("evidence",),
                     extra=f"\n## Evidence\n\n#### How good the evidence is {{ #evidence }}\n\n{TOPIC_TEXT}\n")
    assert check(guide(what_it_treats=deep)) == [
        'docs/what-it-treats.md:12: the section on how good the evidence is (topic "evidence") is marked on a level-4 '
        'heading — mark a "## " or "### " heading with { #evidence } instead (EDITING.md, "Required information")']


def test_the_same_topic_twice_and_marks_in_code_are_not_sections():
    twice = page_text("treatment-plan.md", extra=f"\n### What it costs, again {{ #cost }}\n\n{TOPIC_TEXT}\n")
    line = twice.split("\n").index("### What it costs, again { #cost }") + 1
    first = page_text("treatment-plan.md").split("\n").index("## What it costs { #cost }") + 1
    assert check(guide(treatment_plan=twice)) == [
        f'docs/treatment-plan.md:{line}: the topic "cost" is marked twice: here and on docs/treatment-plan.md:{first} '
        "— keep { #cost } on one heading and remove it from the other (it is the section's address, so it must be "
        "unique)"]
    in_code = page_text("what-it-treats.md", without=("evidence",),
                        extra=f"\n```markdown\n## How good the evidence is {{ #evidence }}\n\n{TOPIC_TEXT}\n```\n")
    assert check(guide(what_it_treats=in_code)) == [MISSING["evidence"]]


def test_every_problem_is_collected():
    pages = guide(side_effects=page_text("side-effects.md", without=("aftercare", "complaints")),
                  what_it_treats=page_text("what-it-treats.md", without=("evidence",)))
    assert check(pages) == sorted([MISSING["aftercare"], MISSING["complaints"], MISSING["evidence"]])


# ---------------------------------------------------------------- the boxes go at the end of their sections

def test_boxes_are_put_at_the_end_of_their_sections():
    markdown = ("# Title\n\n## Warning signs { #warning-signs }\n\nText.\n\n- a list item\n\n\n"
                "### Inside it\n\nMore.\n\n## Next\n\nOther.\n\n## Call { .urgent-contacts }\n\nLast.\n")
    out = topics.insert_boxes(markdown, {"warning-signs": "<div>\n\n  <p>W</p>\n</div>", topics.URGENT_KEY: "<p>U</p>"})
    assert out == ("# Title\n\n## Warning signs { #warning-signs }\n\nText.\n\n- a list item\n\n\n"
                   "### Inside it\n\nMore.\n\n<div>\n<p>W</p>\n</div>\n\n\n## Next\n\nOther.\n\n"
                   "## Call { .urgent-contacts }\n\nLast.\n\n<p>U</p>\n\n")


# ---------------------------------------------------------------- the real guide: remove each section in turn

REAL_TOPICS = topic_pages()


@pytest.mark.parametrize("topic_id", list(REAL_TOPICS))
def test_removing_a_section_of_the_real_guide_fails_the_build(project, topic_id):
    """Needs the guide to mark every required section (the sections themselves are the content's work)."""
    page = REAL_TOPICS[topic_id]
    text = project.read(f"docs/{page}")
    record = read(text, f"docs/{page}", page)
    heading = next((h for h in record.headings if topic_id in h.ids), None)
    assert heading is not None, f"docs/{page} has no section marked {{ #{topic_id} }} (EDITING.md, \"Required information\")"
    lines = text.split("\n")
    project.write(f"docs/{page}", "\n".join(lines[:heading.line - 1] + lines[heading.end:]))
    result = project.build(strict=False)
    assert result.returncode != 0
    topic = topics.BY_ID[topic_id]
    assert re.search(
        rf'^.*docs/{re.escape(page)}:{record.title_line}: the required section on {re.escape(topic.name)} '
        rf'\(topic "{topic_id}"\) is missing from this page — add a section headed '
        rf'"## {re.escape(topic.heading)} \{{ #{topic_id} \}}" to this page, with at least 15 words on ', result.output,
        re.MULTILINE), result.output
    assert "problem" in result.output and "in the required information" in result.output


# ---------------------------------------------------------------- the boxes in a built site

EXTRA = in_language(site_config()["extra"])  # as the default language's pages show it
CLINIC, PRACTITIONERS, PRESET = EXTRA["clinic"], EXTRA["practitioners"], EXTRA["policy"]["preset"]
EMERGENCY = {"uk": "999", "us": "911", "eu": "112"}


def digits(text: str) -> str:
    return re.sub(r"[^\d+]", "", text)


def section(html: str, anchor: str | None = None, cls: str | None = None) -> BeautifulSoup:
    """The elements of one section of a built page (its heading up to the next heading of the same or a higher
    level), as a soup of their own."""
    page = BeautifulSoup(html, "lxml").select_one("article")
    heading = page.find(id=anchor) if anchor else page.find(class_=cls)
    assert heading is not None and re.fullmatch(r"h[2-6]", heading.name), (anchor, cls)
    parts = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= int(heading.name[1]):
            break
        parts.append(str(sibling))
    return BeautifulSoup("".join(parts), "lxml")


def box(html: str, anchor: str | None = None, cls: str | None = None):
    boxes = section(html, anchor, cls).select(".topic-box")
    assert len(boxes) == 1, (anchor, cls, boxes)
    return boxes[0]


def page_url(topic_id: str) -> str:
    return topic_pages()[topic_id].removesuffix(".md") + "/"


@pytest.fixture(scope="module")
def with_sections(tmp_path_factory):
    """The site, its pages given every required section they do not mark yet, built once."""
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("topics") / "project")
    add_topic_sections(project)
    result = project.build()
    assert result.returncode == 0, result.output
    return result


def test_the_warning_signs_box_gives_the_clinic_and_the_emergency_route(with_sections):
    found = box(with_sections.page(page_url("warning-signs")), "warning-signs")
    links = {a["href"]: a.get_text(strip=True) for a in found.select("a")}
    assert links[f"tel:{digits(CLINIC['phone'])}"] == CLINIC["phone"]
    text = found.get_text(" ", strip=True)
    for hours in ("opens", "closes"):
        assert CLINIC["opening_hours"][0][hours] in text
    if CLINIC.get("out_of_hours"):
        assert " ".join(CLINIC["out_of_hours"].split()) in text
    if PRESET in EMERGENCY:
        assert f"tel:{EMERGENCY[PRESET]}" in links
    assert ("tel:111" in links) is (PRESET == "uk")


def test_the_urgent_contacts_heading_gets_the_same_box(with_sections):
    found = box(with_sections.page("checklist/"), cls="urgent-contacts")
    assert found.select_one(f'a[href="tel:{digits(CLINIC["phone"])}"]') is not None


def test_the_cost_box(with_sections):
    found = box(with_sections.page(page_url("cost")), "cost")
    text = found.get_text(" ", strip=True)
    if CLINIC.get("prices"):
        rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in found.select("tbody tr")]
        assert rows == [[row["item"], row["price"]] for row in CLINIC["prices"]]
    else:
        assert catalog()["cost.quote"] in text
    assert catalog()["cost.free"] in text
    if CLINIC.get("cooling_off_days"):
        assert f"at least {CLINIC['cooling_off_days']} day" in text


def test_the_who_treats_you_box_links_each_practitioner_to_the_register(with_sections):
    found = box(with_sections.page(page_url("who-treats-you")), "who-treats-you")
    items = found.select("li")
    assert len(items) == len(PRACTITIONERS)
    for item, person in zip(items, PRACTITIONERS):
        text = item.get_text(" ", strip=True)
        for key in ("name", "profession", "register", "number"):
            assert str(person[key]) in text, key
        link = item.select_one("a")
        assert link["href"] == person["register_url"] and {"noopener", "external"} <= set(link["rel"])


def test_the_complaints_box(with_sections):
    found = box(with_sections.page(page_url("complaints")), "complaints")
    text = found.get_text(" ", strip=True)
    if CLINIC.get("complaints"):
        assert " ".join(CLINIC["complaints"].split()) in text
    assert found.select_one(f'a[href="mailto:{CLINIC["email"]}"]') is not None
    yellow = found.select_one('a[href="https://yellowcard.mhra.gov.uk/"]')
    assert (yellow is not None) is (PRESET == "uk")


def test_the_boxes_break_no_claims_rule(with_sections):
    rules = policy.rules_for(PRESET)
    for topic_id, cls in [("warning-signs", None), ("cost", None), ("who-treats-you", None), ("complaints", None)]:
        text = box(with_sections.page(page_url(topic_id)), topic_id).get_text(" ", strip=True)
        assert policy.check(text, f"{topic_id} box", rules) == [], text


def test_a_price_list_and_the_generic_preset(project):
    project.set_extra("clinic", {"prices": [{"item": "Face & neck, one session", "price": "£150"},
                                            {"item": "Scalp <b>one</b> session", "price": "£120"}],
                                 "emergency": "000", "cooling_off_days": 1})
    project.set_extra("policy", {"preset": "generic"})
    add_topic_sections(project)
    result = project.build(strict=False)  # (the guide's allow comments for uk rules are unused under generic)
    assert result.returncode == 0, result.output
    cost = box(result.page(page_url("cost")), "cost")
    assert [[td.get_text() for td in tr.select("td")] for tr in cost.select("tbody tr")] == [
        ["Face & neck, one session", "£150"], ["Scalp <b>one</b> session", "£120"]]
    assert "written quote" not in cost.get_text() and "at least 1 day between" in cost.get_text()
    warning = box(result.page(page_url("warning-signs")), "warning-signs")
    assert warning.select_one('a[href="tel:000"]').get_text() == "000" and "NHS" not in warning.get_text()
    assert "yellowcard" not in str(box(result.page(page_url("complaints")), "complaints"))


def test_a_missing_section_fails_the_build_and_make_check(project):
    import check as check_tool  # tools/check.py

    add_topic_sections(project)
    page = topic_pages(project.root)["evidence"]
    text = project.read(f"docs/{page}")
    project.write(f"docs/{page}", text.replace(" { #evidence }", "", 1))
    title = read(text, f"docs/{page}", page).title_line
    expected = f'docs/{page}:{title}: the required section on how good the evidence is (topic "evidence") is missing'
    result = project.build()
    assert result.returncode != 0 and expected in result.output
    assert "1 problem in the required information" in result.output
    problems, status = check_tool.run(project.root)
    assert status == 1 and expected in [str(p).split(" (topic")[0] + ' (topic "evidence") is missing' for p in problems
                                        if p.path == f"docs/{page}"], [str(p) for p in problems]


def test_the_hook_runs_after_the_allow_comments_are_out_and_before_the_one_stop():
    from test_page_model import _priority

    hooks = ROOT / "hooks"
    assert _priority(hooks / "topics.py", "on_page_markdown") < min(
        _priority(hooks / name, "on_page_markdown") for name in ("site.py", "policy.py", "faq.py"))
    assert _priority(hooks / "topics.py", "on_env") > _priority(hooks / "site.py", "on_env")
    assert "hooks/topics.py" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_page_record_s_headings():
    text = ("---\ntitle: T\n# not a heading: front matter\n---\n# Title\n\nIntro.\n\n"
            '## First { #first .urgent-contacts data-procedure="followup" }\n\nOne two three.\n\n'
            "### Inside\n\nFour five.\n\n```\n## in code\n```\n\n## Second ##\n\nSix.\n\n\n")
    record = read(text, "docs/t.md", "t.md")
    got = [(h.line, h.end, h.level, h.text, h.ids, h.classes, h.attrs, h.words) for h in record.headings]
    assert got == [
        (5, 23, 1, "Title", (), (), {}, 7),
        (9, 19, 2, "First", ("first",), ("urgent-contacts",), {"data-procedure": "followup"}, 5),
        (13, 19, 3, "Inside", (), (), {}, 2),
        (21, 23, 2, "Second", (), (), {}, 1),
    ]
    assert record.title_line == 5 and record.section(record.headings[2]) == "\nFour five.\n\n```\n## in code\n```"
