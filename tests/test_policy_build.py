"""The build itself applies the claims policy and the raw-HTML ban (hooks/policy.py)."""
import re

from bs4 import BeautifulSoup


def test_a_claim_stops_the_build_with_its_line_column_and_fix(project):
    project.write("docs/conclusion.md", project.read("docs/conclusion.md") + "\nResults are guaranteed.\n")
    line = next(n for n, text in enumerate(project.read("docs/conclusion.md").splitlines(), 1) if "guaranteed" in text)
    result = project.build()
    assert result.returncode != 0
    assert (f'docs/conclusion.md:{line}:13: "guaranteed" breaks the "guaranteed" rule: no medical treatment can '
            "guarantee a result, and results vary from person to person — say \"results vary from person to person\" "
            "(or, if it is acceptable here, end the line with <!-- policy: allow guaranteed — the reason -->)"
            ) in result.output
    assert "nothing was published" in result.output


def test_an_allowed_occurrence_builds_and_the_comment_is_not_published(project):
    project.write("docs/faq.md", project.read("docs/faq.md") + "\n## What do patients ask first?\n\n"
                  "Patients often ask \"is it painless?\" <!-- policy: allow painless — quoting a patient's question -->"
                  " Most people feel only mild discomfort.\n")
    project.record_translations()  # the translator follows the English change
    result = project.build()
    assert result.returncode == 0, result.output
    html = result.page("faq/")
    assert "policy: allow" not in html and 'Patients often ask "is it painless?"' in html.replace("&quot;", '"')


def test_a_script_in_a_page_stops_the_build(project):
    project.write("docs/index.md", project.read("docs/index.md") + '\n<script src="https://evil.example/x.js"></script>\n')
    line = len(project.read("docs/index.md").splitlines())
    result = project.build()
    assert result.returncode != 0
    assert (f"docs/index.md:{line}:1: <script> is not allowed in a page — remove it: embeds come only from the "
            "site's hooks (see EDITING.md, \"Raw HTML\")") in result.output


def test_a_wrong_preset_stops_the_build_naming_the_key(project):
    project.write("mkdocs.yml", re.sub(r"(?m)^(\s+preset:)\s*\w+", r"\1 gb", project.read("mkdocs.yml"), count=1))
    line = next(n for n, text in enumerate(project.read("mkdocs.yml").splitlines(), 1) if "preset: gb" in text)
    result = project.build()
    assert result.returncode != 0
    assert (f'mkdocs.yml:{line}: extra.policy.preset: "gb" is not one of generic, uk, us, eu — set extra.policy.preset '
            "to generic, uk, us or eu (the rules for the clinic's country)") in result.output


def test_the_published_guide_has_no_policy_comments(built):
    """Allow comments are for editors: no page publishes one, and the words beside each stay on the page."""
    from conftest import ROOT
    from sitekit.page import read as read_page

    for path in sorted((ROOT / "docs").rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(ROOT / "docs").parts):
            continue  # docs/ar/.sources/: copies kept for translators, never built
        record = read_page(path.read_text(encoding="utf-8"), path.name)
        url = path.relative_to(ROOT / "docs").with_suffix("").as_posix()
        url = "" if url == "index" else url.removesuffix("index") if url.endswith("/index") else url + "/"
        html = built.page(url)
        assert "policy: allow" not in html, url
        lines = record.text.splitlines()
        for comment in record.policy_comments:
            before = lines[comment.line - 1][:comment.col - 1].strip().split()[-3:]
            assert " ".join(before) in " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split()), url


