"""The page record (sitekit.page), the one code-fence scanner, the build's state and the hooks' order."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, nav_pages
from sitekit import page as pages
from sitekit.markdown_text import blank_code, code_lines, line_col

FRONT = "---\ntitle: T\ndescription: D\nfaq: true\n---\n"


def test_a_record_holds_front_matter_lines_body_and_its_first_line():
    record = pages.read(FRONT + "# Title\n\nText.\n", "docs/x.md")
    assert record.meta == {"title": "T", "description": "D", "faq": True}
    assert record.front.line_of("faq") == 4 and record.body_line == 6
    assert record.body == "# Title\n\nText.\n" and record.src_uri == "x.md" and record.is_faq
    assert record.line_of("Text.") == 8 and record.line_of("nowhere", 1) == 1


@pytest.mark.parametrize("text, expected", [
    pytest.param("Is it painless? <!-- policy: allow painless — quoting -->\n",
                 [(1, 17, " allow painless — quoting ")], id="after-text"),
    pytest.param("```\n<!-- policy: allow painless — shown as code -->\n```\nx <!--policy allow safe — why not-->\n",
                 [(4, 3, "allow safe — why not")], id="code-is-not-a-comment"),
    pytest.param("No comment here.\n", [], id="none"),
])
def test_policy_comments_are_found_once_outside_code(text, expected):
    record = pages.read(text, "docs/x.md")
    assert [(c.line, c.col, c.inner) for c in record.policy_comments] == expected


def test_allow_comments_leave_the_markdown_and_the_faq_question():
    text = FRONT + "# Q and A\n\n## Is it painless? <!-- policy: allow painless — a patient's words -->\n\nMild.\n"
    record = pages.read(text, "docs/faq.md")
    items, problems = record.faq
    assert problems == []
    assert [(i.question, i.anchor, i.line) for i in items] == [("Is it painless?", "is-it-painless", 8)]
    assert record.without_policy_comments() == "# Q and A\n\n## Is it painless?\n\nMild.\n"


@pytest.mark.parametrize("text, code", [
    pytest.param("a\n```\nb\n```\nc", [False, True, True, True, False], id="backticks"),
    pytest.param("````\n```\nstill code\n````\nout", [True, True, True, True, False], id="shorter-fence-does-not-close"),
    pytest.param("~~~\n```\n~~~\nout", [True, True, True, False], id="other-character-does-not-close"),
    pytest.param("```\n``` not a close\n```\nout", [True, True, True, False], id="close-has-nothing-else"),
    pytest.param("    ```\nindented four: not a fence", [False, False], id="four-spaces"),
])
def test_one_fence_scanner_for_every_check(text, code):
    assert [in_code for _, in_code in code_lines(text)] == code
    blanked = blank_code(text).split("\n")
    assert [not line.strip() for line in blanked] == [c or not t.strip() for t, c in zip(text.split("\n"), code)]


def test_line_col_counts_from_one():
    assert line_col("ab\ncd", 0) == (1, 1) and line_col("ab\ncd", 4) == (2, 2)


def test_faq_with_broken_front_matter_is_still_a_faq_page():
    record = pages.read("---\nfaq: true\ntitle: [oops\n---\n# T\n\n## Why?\n\nBecause.\n", "docs/f.md")
    assert record.front_problems and record.is_faq


# ---------------------------------------------------------------- the hooks' house

HOOKS = sorted((ROOT / "hooks").glob("*.py"))


@pytest.mark.parametrize("path", HOOKS, ids=[p.stem for p in HOOKS])
def test_no_hook_keeps_mutable_state_in_its_module(path):
    """Module level holds imports, constants (upper-case names or immutable literals) and functions only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            assert all(name.isupper() or name.lstrip("_").isupper() for name in names), (path.name, names)
            value = node.value
            assert isinstance(value, (ast.Constant, ast.Tuple, ast.Dict)) and not isinstance(value, ast.List), \
                f"{path.name}: {names} is not a constant"
            if isinstance(value, ast.Dict):
                assert all(isinstance(v, ast.Constant) for v in value.values), f"{path.name}: {names}"


def _priority(path: Path, event: str) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == event:
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "event_priority":
                    return ast.literal_eval(decorator.args[0])
            return 0
    raise AssertionError(f"{path.name} has no {event}")


def test_the_order_is_said_by_priorities_not_by_the_list():
    hooks = {p.stem: p for p in HOOKS}
    # the state exists before anything reads it; text is escaped before any template renders
    assert _priority(hooks["site"], "on_config") > max(_priority(hooks[n], "on_config") for n in ("policy", "csp"))
    assert _priority(hooks["escape"], "on_env") > max(_priority(hooks[n], "on_env") for n in ("seo", "csp"))
    # records first; allow comments out before the FAQ hook anchors its questions
    assert _priority(hooks["site"], "on_page_markdown") > _priority(hooks["policy"], "on_page_markdown") \
        > _priority(hooks["faq"], "on_page_markdown")
    # the FAQ's JSON-LD exists before structured data links to it; diagrams are inline before either reads
    assert _priority(hooks["diagrams"], "on_page_content") > _priority(hooks["faq"], "on_page_content") \
        > _priority(hooks["structured_data"], "on_page_content")
    # the one stop comes after every site-wide check; the CSP hashes the final HTML
    assert _priority(hooks["site"], "on_env") < min(_priority(hooks[n], "on_env") for n in ("seo", "structured_data"))
    assert _priority(hooks["csp"], "on_post_page") < _priority(hooks["validhtml"], "on_post_page")


def test_builds_in_one_process_do_not_share_state(project, monkeypatch):
    """Two builds in one process (as one build per language will be): each has its own state and pages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from sitekit import state

    monkeypatch.setenv("ALLOW_DEV_RECEIVER", "1")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project.root)
    seen = []
    for name in ("First Clinic", "Second Clinic"):
        project.set_extra("clinic", {"name": name})
        config = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(project.root / name))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        site = state.of(config)
        seen.append((site, site.extra["clinic"]["name"], len(site.pages), len(site.problems)))
        assert name in (project.root / name / "index.html").read_text(encoding="utf-8")
    (first, first_name, first_pages, _), (second, second_name, second_pages, second_problems) = seen
    assert first is not second and (first_name, second_name) == ("First Clinic", "Second Clinic")
    assert first_pages == second_pages == len(nav_pages())  # the default language's build
    assert second_problems == 0


def test_a_faq_question_with_an_allow_comment_builds_with_a_clean_anchor(project):
    text = project.read("docs/faq.md")
    first = next(line for line in text.splitlines() if line.startswith("## "))  # the FAQ's first question
    faq = text.replace(first, "## Is it painless? <!-- policy: allow painless — quoting the question patients ask -->", 1)
    project.write("docs/faq.md", faq)
    project.record_translations()  # the translator follows the English change
    result = project.build()
    assert result.returncode == 0, result.output
    html = result.page("faq/")
    soup = BeautifulSoup(html, "lxml")
    heading = soup.find("h2", id="is-it-painless")
    assert heading is not None and heading.get_text(strip=True).rstrip("¶") == "Is it painless?"
    assert "policy" not in html.split("<article", 1)[1].split("</article>", 1)[0]
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    names = [q["name"] for b in blocks if b.get("@type") == "FAQPage" for q in b["mainEntity"]]
    assert "Is it painless?" in names and not any(re.search("policy|allow", n) for n in names)


# ---------------------------------------------------------------- the "# " title against title:

PAGE_FRONT = "---\ntitle: How long results last\ndescription: D\n---\n"  # the body starts on line 5
SECOND = 'a page has one "# " title; make this a "## " section heading, or remove it'
BEFORE = 'move the "# " title up: it is the first line of the page, under the front matter'
SAME = "use the same words in both: title: names the page in the browser tab and in search results"


@pytest.mark.parametrize("text, expected", [
    pytest.param(PAGE_FRONT + "\n# How long results last\n\nText.\n", [], id="as-it-should-be"),
    pytest.param(PAGE_FRONT + "# How long   results last <!-- policy: allow x — why -->\n", [], id="spaces-and-a-comment"),
    pytest.param(PAGE_FRONT + "<!-- a note\nfor editors -->\n# How long results last\n", [], id="a-comment-above"),
    pytest.param(PAGE_FRONT + "# How long results last { #results }\n", [], id="an-attribute-list"),
    pytest.param(PAGE_FRONT + "```\n# not a title\n```\n# How long results last\n",
                 [("warning", 5, 'text before the "# " title (line 8)', BEFORE)], id="code-above"),
    pytest.param(PAGE_FRONT + "\nResults vary.\n\n# How long results last\n",
                 [("warning", 6, 'text before the "# " title (line 8)', BEFORE)], id="text-above"),
    pytest.param(PAGE_FRONT + "# How long the results last\n",
                 [("warning", 5, 'the "# " title "How long the results last" is not the page\'s title: '
                                 '"How long results last" (line 2)', SAME)], id="other-words"),
    pytest.param(PAGE_FRONT + "Results vary.\n",
                 [("error", 5, 'the page has no "# " title',
                   'add a first line "# How long results last" (the words of title: in the front matter)')],
                 id="no-title"),
    pytest.param("---\ntitle: 3\n---\nText.\n",
                 [("error", 4, 'the page has no "# " title', 'add a first line such as "# How long results last"')],
                 id="no-title-and-title-is-not-text"),
    pytest.param(PAGE_FRONT + "# How long results last\n\n# Aftercare\n\n# Costs\n",
                 [("error", 7, 'second "# " title "Aftercare"', SECOND), ("error", 9, 'second "# " title "Costs"', SECOND)],
                 id="three-titles"),
    pytest.param("---\ntitle: Questions\nfaq: true\n---\nIntro.\n", [], id="faq-page-no-title-is-the-faq-checks"),
    pytest.param("---\ntitle: Questions\nfaq: true\n---\n# Questions\n\n# More\n", [], id="faq-page-second-title"),
])
def test_the_title_is_one_first_heading_in_the_words_of_title(text, expected):
    problems = pages.title_problems(pages.read(text, "docs/results.md"))
    assert [(p.severity, p.line, p.message, p.fix) for p in problems] == expected
    assert all(p.path == "docs/results.md" for p in problems)


def test_a_page_whose_title_and_heading_differ_is_refused_with_file_and_line(project):
    """A strict build (make check, a public build) stops on it; every such page is named in one run."""
    guide = [f"docs/{url.strip('/') or 'index'}.md" for url in nav_pages()]
    first, second = [path for path in guide if "\nfaq: true" not in project.read(path)][:2]
    text = project.read(first)
    heading = next(line for line in text.splitlines() if line.startswith("# "))
    project.write(first, text.replace(heading, heading + " and more", 1))
    project.write(second, project.read(second).replace("\n# ", "\nA sentence above the title.\n\n# ", 1))
    result = project.build(strict=True)
    assert result.returncode != 0
    line = project.read(first).splitlines().index(heading + " and more") + 1
    assert f'{first}:{line}: the "# " title "{heading[2:]} and more" is not the page\'s title: ' in result.output
    line = project.read(second).splitlines().index("A sentence above the title.") + 1
    assert f'{second}:{line}: text before the "# " title' in result.output
