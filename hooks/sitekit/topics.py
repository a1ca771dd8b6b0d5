"""Required information: the topics every treatment guide must cover, each a marked section of one page.

A page covers a topic with a heading (level 2 or 3) that carries the topic's id in an attribute list::

    ## Warning signs and what to do { #warning-signs }

The section is everything below the heading up to the next heading of the same or a higher level. Which page
holds each topic is said in mkdocs.yml (``extra.policy.topics``, validated by sitekit.settings; the preset says
which topics are required: every preset requires all of them). :func:`check` finds what is missing, misplaced,
too short or marked twice, from the page records (sitekit.page). Some sections also get a box filled in from
the settings (the clinic's phone, prices, practitioners …): :func:`boxes_for` says which, and
:func:`insert_boxes` puts the rendered boxes (overrides/partials/topics/*.html) at the end of their sections.
"""
from __future__ import annotations

from dataclasses import dataclass

from .markdown_text import atx_headings, heading_attrs, section_ends
from .problems import Problem

#: A section needs at least this many words of its own text (the settings-filled box does not count).
MIN_WORDS = 15
#: Where staff read about the standard.
GUIDE = 'EDITING.md, "Required information"'
#: The heading class that also gets the warning-signs box (e.g. on the printable checklist).
URGENT_CLASS = "urgent-contacts"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str  # in plain words, for messages: "the required section on NAME"
    heading: str  # a heading to suggest
    what: str  # what the section says, for the fix
    page: str  # the page it lives on unless extra.policy.topics says otherwise
    added: str = ""  # what the hooks add to the section from the settings, for the fix


TOPICS = (
    Topic("who-should-not", "who should not have the treatment", "Who should not have this treatment",
          "who should not have it or should wait (for example pregnancy, an infection in the area, bleeding "
          "problems, allergies)", "side-effects.md"),
    Topic("side-effects", "common side effects", "Common side effects",
          "the side effects most people have and how long they usually last", "side-effects.md"),
    Topic("serious-risks", "serious and rare risks", "Serious and rare risks",
          "the rarer, more serious problems and how they show", "side-effects.md"),
    Topic("warning-signs", "warning signs and what to do", "Warning signs and what to do",
          "the signs that need the clinic or urgent help", "side-effects.md",
          "the phone numbers and the emergency route"),
    Topic("aftercare", "aftercare", "Aftercare",
          "when make-up, exercise, sun and swimming are fine again, in days", "side-effects.md"),
    Topic("practicalities", "what a session involves", "What happens at a session",
          "how long a session takes, numbing, time off work and what the consultation involves", "treatment-plan.md"),
    Topic("cost", "cost", "What it costs",
          "what the price depends on", "treatment-plan.md",
          "the prices (or the written quote), the free consultation and the days to decide"),
    Topic("who-treats-you", "who carries out the treatment", "Who carries out your treatment",
          "who treats patients and why registration matters", "treatment-plan.md",
          "each practitioner's name, registration number and register"),
    Topic("evidence", "how good the evidence is", "How good the evidence is",
          "how strong the evidence is for each use, in plain words", "what-it-treats.md"),
    Topic("complaints", "how to complain or report a side effect", "How to complain or report a side effect",
          "how a patient can raise a concern", "side-effects.md", "the clinic's complaints route and contact details"),
)
BY_ID = {topic.id: topic for topic in TOPICS}
TOPIC_IDS = tuple(BY_ID)
DEFAULT_PAGES = {topic.id: topic.page for topic in TOPICS}
#: The topics each preset requires (``extra.policy.preset``).
REQUIRED = {preset: TOPIC_IDS for preset in ("generic", "uk", "us", "eu")}
#: The sections that get a box filled in from the settings, and its template (overrides/partials/topics/).
BOXES = {"warning-signs": "warning-signs.html", "cost": "cost.html", "who-treats-you": "who-treats-you.html",
         "complaints": "complaints.html"}
URGENT_KEY = "." + URGENT_CLASS  # a heading with this class gets the warning-signs box too


# ---------------------------------------------------------------- what each page holds

@dataclass(frozen=True)
class Mark:
    """A heading that carries a topic's id."""

    topic: str
    path: str  # docs/side-effects.md
    src_uri: str  # side-effects.md
    line: int
    level: int
    words: int


@dataclass(frozen=True)
class PageTopics:
    """What the check needs of one page (small; cached by the page's digest)."""

    path: str
    src_uri: str
    title_line: int
    marks: tuple[Mark, ...]


def page_topics(record) -> PageTopics:
    """The topic marks of one page record (sitekit.page.Page)."""
    marks = tuple(Mark(topic, record.path, record.src_uri, heading.line, heading.level, heading.words)
                  for heading in record.headings for topic in heading.ids if topic in BY_ID)
    return PageTopics(record.path, record.src_uri, record.title_line, marks)


# ---------------------------------------------------------------- the check

def _added(topic: Topic) -> str:
    return f"; {topic.added} are added below it from mkdocs.yml" if topic.added else ""


def _words(n: int) -> str:
    return f"{n} word" if n == 1 else f"{n} words"


def check(pages: list[PageTopics], topics: dict[str, str], required: tuple[str, ...]) -> list[Problem]:
    """Every problem with the required sections: ``topics`` maps each topic id to the page (``side-effects.md``)
    that must hold its section; ``required`` are the ids the preset requires."""
    by_uri = {page.src_uri: page for page in pages}
    found: dict[str, list[Mark]] = {}
    for page in sorted(pages, key=lambda p: p.path):
        for mark in page.marks:
            found.setdefault(mark.topic, []).append(mark)
    problems: list[Problem] = []
    for topic_id in required:
        topic, expected = BY_ID[topic_id], topics.get(topic_id, BY_ID[topic_id].page)
        marks = found.get(topic_id, [])
        if not marks:
            page = by_uri.get(expected)
            problems.append(Problem(
                page.path if page else f"docs/{expected}", page.title_line if page else 1,
                f'the required section on {topic.name} (topic "{topic.id}") is missing from this page',
                f'add a section headed "## {topic.heading} {{ #{topic.id} }}" to this page, with at least '
                f"{MIN_WORDS} words on {topic.what}{_added(topic)} ({GUIDE})", check="topics"))
            continue
        home = [mark for mark in marks if mark.src_uri == expected]
        first = home[0] if home else marks[0]
        if not home:
            problems.append(Problem(
                first.path, first.line,
                f'the section on {topic.name} (topic "{topic.id}") is here, but extra.policy.topics puts it on '
                f"docs/{expected}",
                f'move the section to docs/{expected}, or set "{topic.id}: {first.src_uri}" under '
                f"extra.policy.topics in mkdocs.yml ({GUIDE})", check="topics"))
        if first.level not in (2, 3):
            problems.append(Problem(
                first.path, first.line,
                f'the section on {topic.name} (topic "{topic.id}") is marked on a level-{first.level} heading',
                f'mark a "## " or "### " heading with {{ #{topic.id} }} instead ({GUIDE})', check="topics"))
        elif first.words < MIN_WORDS:
            problems.append(Problem(
                first.path, first.line,
                f'the section on {topic.name} (topic "{topic.id}") has {_words(first.words)} of text, '
                f"fewer than {MIN_WORDS}",
                f"write at least {MIN_WORDS} words under the heading on {topic.what} ({GUIDE})", check="topics"))
        for other in marks:
            if other is not first:
                problems.append(Problem(
                    other.path, other.line,
                    f'the topic "{topic.id}" is marked twice: here and on {first.path}:{first.line}',
                    f"keep {{ #{topic.id} }} on one heading and remove it from the other (it is the section's "
                    "address, so it must be unique)", check="topics"))
    return sorted(problems, key=lambda p: p.sort_key)


# ---------------------------------------------------------------- settings-filled boxes

def box_key(ids: tuple[str, ...], classes: tuple[str, ...]) -> str | None:
    """Which box a heading's section ends with (a key of :data:`BOXES`, or :data:`URGENT_KEY`), if any."""
    for topic_id in ids:
        if topic_id in BOXES:
            return topic_id
    return URGENT_KEY if URGENT_CLASS in classes else None


def template_of(key: str) -> str:
    return BOXES["warning-signs" if key == URGENT_KEY else key]


def boxes_for(record) -> list[str]:
    """The boxes a page's sections end with (keys of :data:`BOXES` or :data:`URGENT_KEY`), in order."""
    keys = (box_key(heading.ids, heading.classes) for heading in record.headings if heading.level > 1)
    return list(dict.fromkeys(key for key in keys if key))


def insert_boxes(markdown: str, rendered: dict[str, str]) -> str:
    """``markdown`` with each box of ``rendered`` (by key, see :func:`box_key`) put at the end of the sections
    whose heading asks for it, as an HTML block (blank lines around it; none inside)."""
    lines = markdown.split("\n")
    found = list(atx_headings(markdown))
    ends = section_ends([(index, level) for index, level, _ in found], len(lines) - 1)
    inserts = []
    for (index, level, raw), end in zip(found, ends):
        _, ids, classes, _ = heading_attrs(raw)
        key = box_key(ids, classes) if level > 1 else None
        if key in rendered:
            while end > index and not lines[end].strip():
                end -= 1
            inserts.append((end + 1, rendered[key]))
    for at, html in sorted(inserts, reverse=True):
        block = [line.strip() for line in html.split("\n") if line.strip()]
        lines[at:at] = ["", *block, ""]
    return "\n".join(lines)


def emergency(preset: str, clinic: dict) -> dict:
    """The emergency route the warning-signs box gives: uk, us and eu have their numbers; generic takes
    ``extra.clinic.emergency`` (or says "your local emergency number")."""
    number = {"uk": "999", "us": "911", "eu": "112"}.get(preset) or clinic.get("emergency")
    return {"number": number, "link": "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")
            if number else None}
