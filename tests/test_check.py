"""`make check` (tools/check.py): the fixture tree's full output, GitHub annotations, the real guide, build lines."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from conftest import ROOT, other_languages, review_day, site_config
from sitekit.problems import Problem

import check  # tools/check.py

FIXTURE = ROOT / "tests/fixtures/check-tree"


def run_check(project, **env):
    environment = dict(os.environ, SITE_TODAY="2026-11-25")
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(env)
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(ROOT / "tools/check.py"), "--project", str(project)],
                            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    return result, time.monotonic() - started


def test_fixture_tree_output_is_exactly_the_expected_file():
    """One known mistake per check: front matter, review date, FAQ, policy (+ allow), readability, raw HTML,
    the "# " title, links and menu (from the strict build)."""
    result, _ = run_check(FIXTURE)
    assert result.stderr == ""
    assert result.stdout == (FIXTURE / "expected.txt").read_text(encoding="utf-8")
    assert result.returncode == 1


def test_each_check_is_represented_in_the_expected_file():
    expected = (FIXTURE / "expected.txt").read_text(encoding="utf-8")
    for needle in ('unknown front matter key "reviewd_by"', "the medical review was due on 2026-06-01",
                   'question "How long it takes" does not end with "?"', 'breaks the "painless" rule',
                   'the allow comment for "risk-free" gives no reason', "reading grade",
                   "<iframe> is not allowed in a page", 'the link "treatment.md" points to a page that does not exist',
                   "docs/orphan.md:1: warning: the page is not in the menu",
                   'docs/title.md:8: warning: the "# " title "Another title" is not the page\'s title'):
        assert needle in expected, needle
    # code spans and addresses are not claims
    assert "guaranteed" not in expected and '"miracle"' not in expected


def test_github_actions_annotations():
    result, _ = run_check(FIXTURE, GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(ROOT))
    lines = result.stdout.splitlines()
    plain = (FIXTURE / "expected.txt").read_text(encoding="utf-8").splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert lines[: len(plain)] == plain
    assert len(annotations) == len(plain) - 1  # one per problem; the summary line has none
    assert ("::error file=tests/fixtures/check-tree/docs/embed.md,line=12,col=1::<iframe> is not allowed in a page — "
            "remove it: embeds come only from the site's hooks (see EDITING.md, \"Raw HTML\")") in annotations
    assert ("::warning file=tests/fixtures/check-tree/docs/review.md,line=6::the medical review was due on 2026-06-01 — "
            "ask the reviewer to check the page, then update last_reviewed (and next_review, if set)") in annotations


def test_annotation_escapes_what_github_would_misread():
    problem = Problem("docs/a,b.md", 3, "50% of: it\nbroke", "fix it", col=2)
    assert check.annotation(problem) == "::error file=docs/a%2Cb.md,line=3,col=2::50%25 of: it%0Abroke — fix it"


def test_the_real_guide_passes_in_under_five_seconds():
    """Nothing is wrong with the guide; while mkdocs.yml still lists example details, those (and only those) are
    reported, since publishing refuses them."""
    result, seconds = run_check(ROOT, SITE_TODAY=review_day())  # the day of its latest review, not the real date
    listed = site_config()["extra"].get("example_data") or []
    pending = [path.relative_to(ROOT).as_posix() for code in other_languages() for path in sorted((ROOT / "docs" / code).glob("*.md"))
               if re.search(r"(?m)^reviewed_by:\s*pending\s*$", path.read_text(encoding="utf-8").split("\n---\n")[0])]
    if not listed and not pending:
        assert (result.returncode, result.stdout, result.stderr) == (0, "No problems found.\n", "")
    else:
        lines = result.stdout.splitlines()
        assert result.returncode == 1 and result.stderr == ""
        keys = [re.sub(r"^mkdocs\.yml:\d+: extra\.(\S+): is example data \(.*$", r"\1", line)
                for line in lines[:-1] if line.startswith("mkdocs.yml:")]
        unreviewed = [line.split(":", 1)[0] for line in lines[:-1] if not line.startswith("mkdocs.yml:")
                      and ": the translation has not been medically reviewed (reviewed_by: pending) — " in line]
        assert keys == listed and unreviewed == pending and len(lines) - 1 == len(listed) + len(pending), result.stdout
        assert lines[-1] == (f"{len(listed) + len(pending)} errors, 0 warnings: this will not publish until they are "
                             "fixed. EDITING.md explains each message.")
    assert seconds < 5, f"make check took {seconds:.1f} s"


def test_a_mistake_only_the_build_finds_is_reported_at_its_line(project):
    project.make_publishable()  # nothing else to report: the clinic's own details, translations reviewed
    project.write("docs/conclusion.md", project.read("docs/conclusion.md") + "\nSee [the plan](treatment-plan.md#no-such-step).\n")
    project.record_translations()  # the translator follows the English change
    result, _ = run_check(project.root, SITE_TODAY=review_day(project.root / "docs"))
    last_line = len(project.read("docs/conclusion.md").splitlines())
    assert result.returncode == 1  # a warning that stops publishing (--strict), so it fails the check too
    assert result.stdout.splitlines()[0] == (
        f'docs/conclusion.md:{last_line}:16: warning: the link "treatment-plan.md#no-such-step" points to a heading '
        "that is not on treatment-plan.md — use the heading's anchor (click the ¶ next to the heading to see it), "
        "or remove the #part")


BUILD_LINES = [
    ("Doc file 'index.md' contains a link 'gone.md', but the target is not found among documentation files.",
     'docs/index.md:3:16: the link "gone.md" points to a page that does not exist — correct the file name '
     "(for example faq.md), or create the page"),
    ("Doc file 'index.md' contains a link '#nope', but there is no such anchor on this page.",
     'docs/index.md:4:10: the link "#nope" points to a heading that is not on this page — use the heading\'s anchor '
     "(click the ¶ next to the heading to see it), or remove the #part"),
    ("Doc file 'index.md' contains an unrecognized relative link 'faq/', it was left as is. Did you mean 'faq.md'?",
     'docs/index.md:5:10: the link "faq/" does not point to a page file — did you mean "faq.md"?'),
    ("Doc file 'index.md' contains an absolute link '/book/', it was left as is.",
     'docs/index.md:6:10: the link "/book/" starts with "/" — link to the page\'s file from this page, e.g. faq.md: '
     "a link starting with / breaks when the site is published in a folder"),
    ("The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n"
     "  - extra.md\n  - more/other.md",
     "docs/extra.md:1: the page is not in the menu — add it to nav: in mkdocs.yml, or to not_in_nav: if it should "
     "stay out of the menu\ndocs/more/other.md:1: the page is not in the menu — add it to nav: in mkdocs.yml, or to "
     "not_in_nav: if it should stay out of the menu"),
    ("A reference to 'gone.md' is included in the 'nav' configuration, which is not found in the documentation files.",
     'mkdocs.yml:3: the menu (nav) lists "gone.md", which is not in docs/ — correct the file name, or remove the '
     "entry from nav:"),
    ("docs/faq.md:14:2: question \"Why\" does not end with \"?\" — end the heading with a question mark",
     'docs/faq.md:14:2: question "Why" does not end with "?" — end the heading with a question mark'),
    ("Something nobody expected happened.",
     "mkdocs.yml:1: the build says: Something nobody expected happened. — fix what it describes; ask a developer "
     "if it is unclear"),
]


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav:\n  - gone.md\n")
    (tmp_path / "docs/index.md").write_text("# Home\n\nSee the [page](gone.md).\nA [link](#nope).\nA [link](faq/).\n"
                                            "A [link](/book/).\n")
    return tmp_path


@pytest.mark.parametrize("text, expected", BUILD_LINES, ids=[str(i) for i in range(len(BUILD_LINES))])
def test_build_lines_become_problems_at_the_right_place(tiny, text, expected):
    problems = check.BuildOutput(tiny, "docs").parse(f"WARNING -  {text}\n", 1)
    assert "\n".join(str(p) for p in problems) == expected
    assert all(p.severity == "warning" for p in problems)


def test_build_summary_lines_are_not_problems_and_a_crash_is(tiny):
    output = ("ERROR    -  2 problems in the FAQ (listed above): fix them and build again; nothing was published\n"
              "\nAborted with a BuildError!\n")
    assert check.BuildOutput(tiny, "docs").parse(output, 1) == [
        Problem("mkdocs.yml", 1, "the build failed: Aborted with a BuildError!",
                "run `make build` to see the whole message, and ask a developer if it is unclear")]
    assert check.BuildOutput(tiny, "docs").parse("INFO    -  Documentation built in 0.3 seconds\n", 0) == []


def test_problems_are_sorted_by_file_and_line_and_printed_once():
    a = Problem("docs/b.md", 2, "m", "f")
    b = Problem("docs/a.md", 10, "m", "f")
    c = Problem("docs/a.md", 9, "m", "f", col=3)
    assert check.unique_sorted([a, b, c, a, b]) == [c, b, a]


def test_make_links_finds_external_addresses_outside_code_offline():
    import links  # tools/links.py; only the reading part is tested: checking addresses needs the internet

    text = ("See <https://nhs.example/a>, [b](https://b.example/x?y=1).\n"
            "`https://code.example/` and <!-- https://comment.example/ -->\n```\nhttps://fenced.example/\n```\n"
            "Plain http://plain.example/page.\n")
    assert links.external_links(text) == [(1, 6, "https://nhs.example/a"), (1, 34, "https://b.example/x?y=1"),
                                          (6, 7, "http://plain.example/page")]


BROKEN_CONFIG = [
    ("site_name: [oops\n",
     "mkdocs.yml:1:12: mkdocs.yml is not valid YAML (expected ',' or ']', but got '<stream end>'), noticed on line 2 "
     "— check the indentation (two spaces per level) and put quotes around values that contain a colon; nothing "
     "else can be checked until this is fixed"),
    ("site_name: x\nnav:\n  - Home: index.md\n  - 'Checklist: before and after: checklist.md\n  - faq.md\n",
     "mkdocs.yml:4:5: mkdocs.yml is not valid YAML (found unexpected end of stream), noticed on line 6 — check the "
     "indentation (two spaces per level) and put quotes around values that contain a colon; nothing else can be "
     "checked until this is fixed"),
    ("site_name: x\nextra:\n  clinic:\n    name: A\n   phone: 1\n",
     "mkdocs.yml:5:4: mkdocs.yml is not valid YAML (expected <block end>, but found '<block mapping start>') — check "
     "the indentation (two spaces per level) and put quotes around values that contain a colon; nothing else can "
     "be checked until this is fixed"),
    ("- a\n- b\n", 'mkdocs.yml:1: mkdocs.yml is not a list of settings — write each setting as "key: value" on its own line'),
]


@pytest.mark.parametrize("text, expected", BROKEN_CONFIG, ids=["yaml", "quote", "indentation", "not-a-mapping"])
def test_a_broken_mkdocs_yml_is_the_only_problem_reported(tmp_path, text, expected):
    (tmp_path / "mkdocs.yml").write_text(text)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# No front matter, but that is not the point\n")
    problems, status = check.run(tmp_path)
    assert [str(p) for p in problems] == [expected] and status == 1


def test_a_page_that_is_not_utf8_is_reported_not_a_traceback(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_bytes(b"# Caf\xe9\n\nMore.\n")
    (tmp_path / "docs/bad.md").write_bytes(b"---\ntitle: x\n---\n# Caf\xe9\n")
    problems = check.check_pages(tmp_path, {}, "site_name: x\n")
    assert "docs/bad.md:4: the file is not saved as UTF-8 text — save it again as UTF-8 (in most editors: File, " \
           "Save with encoding, UTF-8)" in [str(p) for p in problems]


# ---------------------------------------------------------------- make check's exit status means "this will publish"

def _append(relative, text):
    return lambda project: project.write(relative, project.read(relative) + text)


def _last_reviewed(relative, months_back, days_forward=0):
    """Move one page's last review back, so its next review falls on review day + days_forward - months_back…"""
    import datetime as dt

    from sitekit.frontmatter import add_months

    def change(project):
        day = dt.date.fromisoformat(review_day(project.root / "docs"))
        project.set_front(relative, "last_reviewed", (add_months(day, -months_back) + dt.timedelta(days=days_forward)).isoformat())
    return change


def _faq_question_without_mark(project):
    text = project.read("docs/faq.md")
    question = next(line for line in text.splitlines() if line.startswith("## ") and line.rstrip().endswith("?"))
    project.write("docs/faq.md", text.replace(question, question.rstrip().removesuffix("?"), 1))


def _hard_reading(project):
    project.set_extra("policy", {"readability_max_grade": 5})
    _append("docs/conclusion.md", "\nIndividualised consultations systematically characterise physiological "
            "considerations, documenting contraindications, pharmaceutical interactions and dermatological "
            "sensitivities comprehensively before administration.\n")(project)


def publishing_build(root, today):
    """`make build`'s command, `mkdocs build --strict`, as the Pages workflow runs it, for the published address
    (not -q: with -q MkDocs drops warnings before --strict counts them)."""
    environment = dict(os.environ, SITE_TODAY=today, SITE_URL="https://user.github.io/mesotherapy/",
                       NO_MKDOCS_2_WARNING="1")
    environment.pop("ALLOW_DEV_RECEIVER", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")], cwd=root,
                          env=environment, capture_output=True, text=True, timeout=120)


# change, what make check must say (a part of one line), whether it may publish
PUBLISHES = [
    ("clean", None, None, True),
    ("broken-link", _append("docs/conclusion.md", "\nSee [the plan](no-such-page.md).\n"),
     'the link "no-such-page.md" points to a page that does not exist', False),
    ("stale-review", _last_reviewed("docs/future.md", months_back=13), "warning: the medical review was due on", False),
    ("faq-mistake", _faq_question_without_mark, 'does not end with "?"', False),
    ("claims", _append("docs/conclusion.md", "\nThe treatment is painless.\n"), 'breaks the "painless" rule', False),
    ("reading-level", _hard_reading, "warning: reading grade", True),
    ("review-due-soon", _last_reviewed("docs/future.md", months_back=12, days_forward=10),
     "warning: the medical review is due on", True),
    ("example-data", lambda project: project.set_extra("example_data", ["clinic.name"]),
     "extra.clinic.name: is example data (", False),
    ("dev-receiver", lambda project: project.set_extra("booking", {"endpoint": "http://127.0.0.1:8025/f/dev"}),
     "extra.booking.endpoint: is the local development receiver", False),
    ("unreviewed-translation", lambda project: [project.set_front(page, "reviewed_by", "pending")
                                                for page in project.translated_pages()[:1]],
     "the translation has not been medically reviewed (reviewed_by: pending)", False),
    # A text a patient reads, written in the default language only: the other languages' pages would show it.
    ("untranslated-setting", lambda project: project.set_extra("clinic", {"complaints": "Write to the manager."}),
     "extra.clinic.complaints: has no text in" if other_languages() else None, not other_languages()),
]


@pytest.mark.parametrize("name, change, says, publishes", PUBLISHES, ids=[case[0] for case in PUBLISHES])
def test_make_check_fails_exactly_when_the_strict_build_would(project, name, change, says, publishes):
    project.make_publishable()  # the clinic's own details, translations reviewed: as before it publishes
    if change:
        change(project)
        project.record_translations()  # the translator follows any change to an English page
    today = review_day(project.root / "docs")
    result, _ = run_check(project.root, SITE_TODAY=today)
    build = publishing_build(project.root, today)
    assert (build.returncode == 0) is publishes, build.stdout + build.stderr
    assert result.returncode == (0 if publishes else 1), result.stdout
    if says is None:
        assert result.stdout == "No problems found.\n"
    else:
        assert says in result.stdout, result.stdout
        assert result.stdout.splitlines()[-1].endswith(
            ": this will publish (the warnings are advice: reading level, reviews falling due soon). EDITING.md "
            "explains each message." if publishes else
            ": this will not publish until they are fixed. EDITING.md explains each message."), result.stdout


@pytest.mark.parametrize("severity, check_name, blocks", [
    ("error", "frontmatter", True), ("warning", "frontmatter", True), ("warning", "", True),
    ("warning", "policy", True), ("error", "readability", True), ("warning", "readability", False),
    ("warning", "review-due-soon", False)])
def test_only_advice_leaves_the_exit_status_at_zero(severity, check_name, blocks):
    problem = Problem("docs/a.md", 1, "m", "f", severity, check=check_name)
    assert check.exit_status([problem]) == (1 if blocks else 0)
    assert check.exit_status([], build_status=1) == 1 and check.exit_status([]) == 0
