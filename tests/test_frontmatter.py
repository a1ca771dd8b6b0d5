"""Table-driven tests of the front matter checks."""
import datetime as dt

import pytest

from sitekit import frontmatter

TODAY = dt.date(2026, 11, 25)
REVIEWERS = {"medical-director": {"name": "Dr A", "qualification": "MBBS"}}
DESC = "A plain description of this page that is long enough for search results."


def page(**fields):
    base = {"title": "How it works", "description": DESC, "reviewed_by": "medical-director", "last_reviewed": "2026-11-10"}
    base.update(fields)
    lines = [f"{k}: {v}" for k, v in base.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n# Body\n"


def problems(text):
    fm, found = frontmatter.split(text, "docs/page.md")
    if not found:
        found = frontmatter.check(fm, "docs/page.md", REVIEWERS, TODAY)
    return [str(p) for p in found]


def test_good_page_has_no_problems_and_review_info():
    fm, found = frontmatter.split(page(), "docs/page.md")
    assert found == [] and frontmatter.check(fm, "docs/page.md", REVIEWERS, TODAY) == []
    assert fm.body == "# Body\n" and fm.body_line == 7
    assert frontmatter.review_info(fm.meta, REVIEWERS) == {
        "name": "Dr A", "qualification": "MBBS",
        "last_reviewed": dt.date(2026, 11, 10), "next_review": dt.date(2027, 11, 10)}


CASES = [
    ("# No front matter\n",
     'docs/page.md:1: the page has no front matter — start the file with a "---" line, then title, description, '
     'reviewed_by and last_reviewed, each as "key: value", then another "---" line'),
    ("---\ntitle: x\n# forgot to close\n",
     'docs/page.md:1: the front matter starting with "---" is never closed — add a line with just "---" after the '
     "last front matter line"),
    ("---\ntitle: x\ndescription: Costs: see below\n---\n",
     'docs/page.md:3: the front matter is not valid YAML (mapping values are not allowed here) — write each entry as '
     '"key: value" on its own line, and put quotes around a value that contains a colon or starts with a special '
     "character"),
    (page(titel="x"), 'docs/page.md:6: unknown front matter key "titel" — did you mean "title"?'),
    (page(title=None), 'docs/page.md:1: the front matter has no "title" — add "title:" with the page title shown in '
     "the browser tab and the menu"),
    (page(description="Too short."),
     "docs/page.md:3: the description is 10 characters, shorter than 50 — say in one sentence what the page covers, "
     "so search results show something useful"),
    (page(description="x" * 161),
     "docs/page.md:3: the description is 161 characters, longer than 160 — shorten it: search engines cut "
     "descriptions off after about 160 characters"),
    (page(last_reviewed="20/11/2026"),
     'docs/page.md:5: "last_reviewed" is "20/11/2026", not a date (YYYY-MM-DD) — write the date as YYYY-MM-DD, '
     'e.g. "last_reviewed: 2026-11-25"'),
    (page(last_reviewed="2026-12-01"),
     "docs/page.md:5: last_reviewed 2026-12-01 is in the future — set it to the date the medical review actually "
     "took place"),
    (page(reviewed_by="dr-who"),
     'docs/page.md:4: unknown reviewer "dr-who" — use a reviewer key from extra.reviewers in mkdocs.yml '
     "(medical-director), or add the reviewer there"),
    (page(faq="yes please"),
     'docs/page.md:6: "faq" is "yes please", not true or false — set "faq" to true or false (true on a '
     "questions-and-answers page)"),
    (page(last_reviewed="2025-01-10"),
     "docs/page.md:5: the medical review was due on 2026-01-10 — ask the reviewer to check the page, then update "
     "last_reviewed (and next_review, if set)"),
    (page(next_review="2026-11-01"),
     "docs/page.md:6: next_review 2026-11-01 is not after last_reviewed 2026-11-10 — set next_review to a date after "
     "the last review, or remove it (default: 12 months later)"),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_each_mistake(text, expected):
    assert problems(text) == [expected]


def test_stale_review_is_a_warning_not_an_error():
    fm, _ = frontmatter.split(page(last_reviewed="2025-01-10"), "docs/page.md")
    [problem] = frontmatter.check(fm, "docs/page.md", REVIEWERS, TODAY)
    assert problem.severity == "warning"


@pytest.mark.parametrize("day, months, expected", [
    (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
    (dt.date(2026, 11, 20), 12, dt.date(2027, 11, 20)),
])
def test_add_months(day, months, expected):
    assert frontmatter.add_months(day, months) == expected


YAML_FIX = ('write each entry as "key: value" on its own line, and put quotes around a value that contains a colon '
            "or starts with a special character")
# A YAML mistake is reported on the line where the broken construct starts, and says where the reader noticed it
# when that is a later line.
YAML_MISTAKES = [
    ("---\ntitle: x\nhide: [toc\ndescription: y\n---\n",
     f"docs/page.md:3: the front matter is not valid YAML (expected ',' or ']', but got ':'), noticed on line 4 "
     f"— {YAML_FIX}"),
    ("---\ntitle: x\nsearch: {exclude: true\n---\n",
     "docs/page.md:3: the front matter is not valid YAML (expected ',' or '}', but got '<stream end>'), noticed on "
     f"line 4 — {YAML_FIX}"),
    ('---\ntitle: "How it works\ndescription: y\n---\n',
     "docs/page.md:2: the front matter is not valid YAML (found unexpected end of stream), noticed on line 4 "
     f"— {YAML_FIX}"),
    ("---\ntitle: x\ndescription: y\nbroken line\nreviewed_by: z\n---\n",
     "docs/page.md:4: the front matter is not valid YAML (could not find expected ':'), noticed on line 5 "
     f"— {YAML_FIX}"),
    ("---\ntitle: x\ndescription: Costs: see below\n---\n",
     f"docs/page.md:3: the front matter is not valid YAML (mapping values are not allowed here) — {YAML_FIX}"),
    ("---\ntitle: x\ndescription: y\n- item\n---\n",  # the whole block is the construct: the line noticed
     f"docs/page.md:4: the front matter is not valid YAML (expected <block end>, but found '-') — {YAML_FIX}"),
    ("---\ntitle: x\n\tdescription: y\n---\n",
     f"docs/page.md:3: the front matter is not valid YAML (found character '\\t' that cannot start any token) "
     f"— {YAML_FIX}"),
]


@pytest.mark.parametrize("text, expected", YAML_MISTAKES,
                         ids=["list", "mapping", "quote", "no-colon", "colon-in-value", "block", "tab"])
def test_a_yaml_mistake_is_reported_where_it_starts(text, expected):
    assert problems(text) == [expected]


STALE = ("the medical review was due on 2027-11-10 — ask the reviewer to check the page, then update last_reviewed "
         "(and next_review, if set)")
SOON_FIX = ("ask the reviewer to check the page before then, and update last_reviewed (and next_review, if set); the "
            "day after it is due, the site cannot be published until it is reviewed")
# A page reviewed on 2026-11-10 (due 2027-11-10) as the days pass: nothing, a warning that does not stop
# publishing from 30 days before (make check asks for it), then the warning that stops publishing.
AS_THE_REVIEW_FALLS_DUE = [
    ("2026-11-10", None, None),
    ("2027-10-10", None, None),
    ("2027-10-11", f"the medical review is due on 2027-11-10 (in 30 days) — {SOON_FIX}", "review-due-soon"),
    ("2027-11-09", f"the medical review is due on 2027-11-10 (tomorrow) — {SOON_FIX}", "review-due-soon"),
    ("2027-11-10", f"the medical review is due on 2027-11-10 (today) — {SOON_FIX}", "review-due-soon"),
    ("2027-11-11", STALE, "frontmatter"),
    ("2029-01-01", STALE, "frontmatter"),
]


@pytest.mark.parametrize("today, expected, check", AS_THE_REVIEW_FALLS_DUE, ids=[c[0] for c in AS_THE_REVIEW_FALLS_DUE])
def test_as_a_review_falls_due(today, expected, check):
    fm, _ = frontmatter.split(page(), "docs/page.md")
    day = dt.date.fromisoformat(today)
    found = frontmatter.check(fm, "docs/page.md", REVIEWERS, day, due_soon_days=frontmatter.DUE_SOON_DAYS)
    assert [str(p) for p in found] == ([f"docs/page.md:5: {expected}"] if expected else [])
    assert [(p.severity, p.check) for p in found] == ([("warning", check)] if expected else [])
    # the build does not ask for the notice: only the review that is past due reaches it
    in_build = frontmatter.check(fm, "docs/page.md", REVIEWERS, day)
    assert [str(p) for p in in_build] == ([f"docs/page.md:5: {expected}"] if check == "frontmatter" else [])


def test_the_notice_names_an_explicit_next_review_at_its_line():
    fm, _ = frontmatter.split(page(next_review="2027-05-01"), "docs/page.md")
    assert [str(p) for p in frontmatter.check(fm, "docs/page.md", REVIEWERS, dt.date(2027, 4, 30), due_soon_days=30)] \
        == [f"docs/page.md:6: the medical review is due on 2027-05-01 (tomorrow) — {SOON_FIX}"]
