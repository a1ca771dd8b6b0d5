"""tools/preview_shots.py: which pages a change shows (pure), the git side (a throwaway repository), the summary."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import preview_shots  # noqa: E402
from preview_shots import Plan, plan  # noqa: E402

PAGES = ["index.md", "faq.md", "side-effects.md", "guides/index.md", "guides/aftercare.md"]
ALL = ["", "faq/", "guides/aftercare/", "guides/", "side-effects/"]


@pytest.mark.parametrize("changed, expected", [
    (None, Plan(ALL, "every page (no base to compare with)", [])),
    (["docs/faq.md"], Plan(["faq/"], "the 1 page this change edits", [])),
    (["docs/side-effects.md", "docs/index.md", "README.md"], Plan(["", "side-effects/"], "the 2 pages this change edits", [])),
    (["docs/guides/index.md"], Plan(["guides/"], "the 1 page this change edits", [])),
    (["EDITING.md", "tests/test_build.py"], Plan([], "none: the change touches no page of the site", [])),
    (["mkdocs.yml", "docs/faq.md"], Plan(ALL, "every page: mkdocs.yml changed, which can change any page", [])),
    (["docs/assets/images/logo.svg"], Plan(ALL, "every page: docs/assets/images/logo.svg changed, which can change any page", [])),
    (["overrides/main.html", "hooks/faq.py", "hooks/site.py", "requirements.txt"],
     Plan(ALL, "every page: overrides/main.html, hooks/faq.py, hooks/site.py and 1 more changed, which can change any page", [])),
    (["docs/old-page.md", "docs/faq.md"], Plan(["faq/"], "the 1 page this change edits", ["old-page.md"])),
])
def test_plan(changed, expected):
    assert plan(changed, PAGES) == expected


def test_changed_files_sees_commits_edits_and_new_files(tmp_path):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True)
    (tmp_path / "docs").mkdir()
    for name in ("index.md", "faq.md", "book.md"):
        (tmp_path / "docs" / name).write_text("# x\n")
    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-qm", "base")
    git("checkout", "-qb", "change")
    (tmp_path / "docs" / "faq.md").write_text("# changed\n")
    git("commit", "-qam", "edit the FAQ")
    (tmp_path / "docs" / "book.md").write_text("# edited, not committed\n")
    (tmp_path / "docs" / "new.md").write_text("# new\n")
    assert preview_shots.changed_files("main", tmp_path) == ["docs/book.md", "docs/faq.md", "docs/new.md"]


def test_summary_lists_each_shot_and_removed_pages():
    result = Plan(["", "faq/"], "the 2 pages this change edits", ["old.md"])
    shots = [{"url": "", "status": 200, "phone": "phone/home.png", "desktop": "desktop/home.png"},
             {"url": "faq/", "status": 404, "phone": "phone/faq.png", "desktop": "desktop/faq.png"}]
    text = preview_shots.summary(result, shots)
    assert text.splitlines()[0] == "## Preview of this change"
    assert "| `/` | `phone/home.png` | `desktop/home.png` |" in text
    assert "| `/faq/` (HTTP 404) | `phone/faq.png` | `desktop/faq.png` |" in text
    assert text.rstrip().endswith("Pages removed by this change: `docs/old.md`")


def test_pull_requests_get_the_preview_as_an_artifact_linked_from_the_summary():
    import yaml
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())["jobs"]
    steps = jobs["preview"]["steps"]
    assert jobs["preview"]["if"] == "github.event_name == 'pull_request'"
    assert steps[0]["with"]["fetch-depth"] == 0  # the base branch is there to compare with
    run = next(s["run"] for s in steps if "preview-shots" in s.get("run", ""))
    assert run.startswith("make preview-shots BASE=origin/${{ github.base_ref }}")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "preview/"
    assert "$GITHUB_STEP_SUMMARY" in steps[-1]["run"] and upload["id"] in steps[-1]["env"]["ARTIFACT_URL"]


def test_summary_when_no_page_changed():
    text = preview_shots.summary(Plan([], "none: the change touches no page of the site", []), [])
    assert text.splitlines()[2] == ("No screenshots: none: the change touches no page of the site. "
                                    "The built site is in the **preview** artifact (`site/`).")
