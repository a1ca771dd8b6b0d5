"""`make check`: every content check over docs/ plus the strict build, as one list of problems.

Each problem is printed as ``docs/FILE.md:LINE[:COL]: what is wrong — how to fix it`` (warnings
say "warning:" after the place), sorted by file and line, each once. The exit status says whether the
change will publish: 1 when there is an error or a warning that stops the strict build (every warning MkDocs
or our hooks log does), or the build failed; 0 otherwise. The only warnings that leave it 0 are the advice
that the build never sees: reading level and a medical review falling due soon. With GITHUB_ACTIONS=true, GitHub annotation lines follow, so the
problems show on the pull request next to the lines they are about.

    python tools/check.py [--project DIR]

Each check runs once. The strict build runs here, in this process, with ALLOW_DEV_RECEIVER=1 (a check
publishes nothing): its hooks check the settings, front matter and medical review dates, the FAQ format, the
claims policy, raw HTML and the required sections (hooks/topics.py) on the page records they make, and MkDocs checks links, anchors and the menu. The
hooks' problems are taken from the build's state as they are (not parsed back from its log); MkDocs' own
warnings are turned into problems at their file and line. Reading level and reviews due within 30 days
(warnings that never stop publishing, so not part of the build) are worked out on the same page records. A page the build did not read
(it stopped at the settings, or the site has none of our hooks) is read and checked here directly.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

import inprocess  # noqa: E402  (tools/inprocess.py)
from sitekit import frontmatter, page as pages, policy, rawhtml, readability, translations  # noqa: E402
from sitekit import settings as site_settings  # noqa: E402
from sitekit.problems import ERROR, WARNING, Problem  # noqa: E402

#: The checks whose warnings are advice: the build never logs them, so they cannot stop publishing.
ADVICE = frozenset({"readability", "review-due-soon"})


def load_config(project: Path) -> tuple[dict | None, str, list[Problem]]:
    """mkdocs.yml as data (None if it cannot be read), its text, and what is wrong with it."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=site_settings.TolerantLoader)  # keeps going past !ENV and python tags
    except yaml.YAMLError as exc:
        start, noticed = frontmatter.yaml_error_lines(exc)
        reason = getattr(exc, "problem", None) or "it cannot be read"
        message = f"mkdocs.yml is not valid YAML ({reason})"
        if start is not None and noticed != start:
            message = f"mkdocs.yml is not valid YAML ({reason}), noticed on line {noticed}"
        return None, text, [Problem("mkdocs.yml", start or 1, message,
                                    "check the indentation (two spaces per level) and put quotes around values "
                                    "that contain a colon; nothing else can be checked until this is fixed",
                                    col=frontmatter.yaml_error_column(exc))]
    if not isinstance(data, dict):
        return None, text, [Problem("mkdocs.yml", 1, "mkdocs.yml is not a list of settings",
                                    'write each setting as "key: value" on its own line')]
    return data, text, []


# ---------------------------------------------------------------- pages the build did not read

def language_of_file(relative: Path, config: dict) -> str:
    """The language a page under docs/ is written in: docs/<code>/… for a code in extra.languages (its build
    reads it), else the default build's theme.language (en when unset)."""
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    codes = [str(entry.get("code")) for entry in extra.get("languages") or [] if isinstance(entry, dict)]
    if len(relative.parts) > 1 and relative.parts[0] in codes[1:]:
        return relative.parts[0]
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    return str(theme.get("language") or "en")


def check_pages(project: Path, config: dict, config_text: str, skip: set[str] = frozenset(),
                settings_checked: bool = False, today=None) -> list[Problem]:
    """Every content check on each page under docs/ except those in ``skip`` (paths like docs/faq.md), and the
    policy settings unless the build has ``settings_checked`` already. ``today`` (a date) fixes the day the
    review dates are checked against (default: :func:`sitekit.frontmatter.today`)."""
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    settings = site_settings.Settings("mkdocs.yml", config_text)
    settings_policy = site_settings.validate_policy(extra, settings, policy.ALL_RULE_IDS)
    problems = [] if settings_checked else list(settings.problems)
    rules = policy.rules_for(settings_policy["preset"], settings_policy["extra_rules"], settings_policy["disable"])
    reviewers = extra.get("reviewers") if isinstance(extra.get("reviewers"), dict) else {}
    docs = project / str(config.get("docs_dir") or "docs")
    day = today or frontmatter.today()
    languages = extra.get("languages") if isinstance(extra.get("languages"), list) else []
    translated_build = translations.language_of(str(docs), languages) is not None  # docs_dir is docs/<code>
    for file in sorted(docs.rglob("*.md")):
        path = file.relative_to(project).as_posix()
        if path in skip or any(part.startswith(".") for part in file.relative_to(docs).parts):
            continue  # read by the build, or in a dotted folder (never built: docs/<code>/.sources/)
        translated = translated_build or translations.is_translation_path(
            path, str(config.get("docs_dir") or "docs").strip("/"), languages)
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(path, file.read_bytes()[: exc.start].count(b"\n") + 1,
                                    "the file is not saved as UTF-8 text",
                                    "save it again as UTF-8 (in most editors: File, Save with encoding, UTF-8)"))
            continue
        record = pages.read(text, path, language=language_of_file(file.relative_to(docs), config))
        problems += record.front_problems or frontmatter.check(record.front, path, reviewers, day,
                                                               due_soon_days=frontmatter.DUE_SOON_DAYS,
                                                               translation=translated)
        if not record.front_problems:
            problems += pages.title_problems(record)
        if record.is_faq:
            problems += record.faq[1]
        problems += policy.check_page(record, rules) + rawhtml.check_page(record)
        problems += readability.check_page(record, settings_policy["readability_max_grade"])
    return problems


# ---------------------------------------------------------------- the strict build, in this process

def run_build(project: Path, site_dir: str) -> tuple[list[Problem], dict[str, object], str, int]:
    """Build with --strict into ``site_dir``. Returns our hooks' problems, the page records the build made (by
    path), MkDocs' own log and whether the build failed (1) or not (0)."""
    result = inprocess.build(project / "mkdocs.yml", site_dir, env={"ALLOW_DEV_RECEIVER": "1"},
                             skip_loggers=("mkdocs.hooks.",))  # their problems are read from the state
    problems: list[Problem] = list(getattr(result.error, "problems", []))
    records: dict[str, object] = {}
    site = getattr(result.config, "site_state", None)
    if site is not None:
        problems = list(site.problems) + list(site.publish_only)  # a check says what publishing would refuse
        records = {data.record.path: data.record for data in site.pages.values()}
    return problems, records, result.output, 0 if result.error is None else 1


_RECORD = re.compile(r"^(WARNING|ERROR|INFO|DEBUG)\s*-\s+", re.MULTILINE)
_OURS = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<message>.*?) — (?P<fix>.*)$", re.DOTALL)
_DOC = r"Doc file '(?P<file>[^']+)' contains "
_MISSING_PAGE = re.compile(_DOC + r"a link '(?P<link>[^']+)', but the target (?:'[^']+' )?is not found among documentation files")
_MISSING_ANCHOR_HERE = re.compile(_DOC + r"a link '(?P<link>[^']+)', but there is no such anchor on this page")
_MISSING_ANCHOR = re.compile(_DOC + r"a link '(?P<link>[^']+)', but the doc '(?P<doc>[^']+)' does not contain an anchor")
_UNRECOGNIZED = re.compile(_DOC + r"an unrecognized relative link '(?P<link>[^']+)', it was left as is\.(?: Did you mean '(?P<guess>[^']+)'\?)?")
_ABSOLUTE = re.compile(_DOC + r"an absolute link '(?P<link>[^']+)', it was left as is")
_NOT_IN_NAV = re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:(?P<pages>.*)", re.DOTALL)
_NAV_MISSING = re.compile(r"A reference to '(?P<file>[^']+)' is included in the 'nav' configuration, which is not found")
_SUMMARY = re.compile(r"\(listed above\)|^Aborted with")

_LINK_FIX = "use the heading's anchor (click the ¶ next to the heading to see it), or remove the #part"


class BuildOutput:
    """Turns the build's WARNING and ERROR lines into problems at the file and line they are about."""

    def __init__(self, project: Path, docs_dir: str):
        self.project = project
        self.docs_dir = docs_dir
        self.seen_links: dict[tuple[str, str], int] = {}

    def parse(self, output: str, returncode: int) -> list[Problem]:
        problems = []
        starts = list(_RECORD.finditer(output))
        for i, match in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(output)
            level, text = match.group(1), output[match.end():end].strip()
            if level in ("WARNING", "ERROR") and not _SUMMARY.search(text):
                problems += self.problems_for(text, ERROR if level == "ERROR" else WARNING)
        if returncode != 0 and not any(p.severity == ERROR for p in problems) and not problems:
            last = [line for line in output.strip().splitlines() if line.strip()][-1:] or ["no output"]
            problems.append(Problem("mkdocs.yml", 1, f"the build failed: {last[0].strip()}",
                                    "run `make build` to see the whole message, and ask a developer if it is unclear"))
        return problems

    def problems_for(self, text: str, severity: str) -> list[Problem]:
        ours = _OURS.match(text)
        if ours:
            col = int(ours.group("col")) if ours.group("col") else None
            return [Problem(ours.group("path"), int(ours.group("line")), ours.group("message"), ours.group("fix"),
                            severity, col)]
        if match := _MISSING_PAGE.match(text):
            return [self.link(match, severity, f'the link "{match["link"]}" points to a page that does not exist',
                              "correct the file name (for example faq.md), or create the page")]
        if match := _MISSING_ANCHOR_HERE.match(text):
            return [self.link(match, severity, f'the link "{match["link"]}" points to a heading that is not on this page',
                              _LINK_FIX)]
        if match := _MISSING_ANCHOR.match(text):
            return [self.link(match, severity,
                              f'the link "{match["link"]}" points to a heading that is not on {match["doc"]}', _LINK_FIX)]
        if match := _UNRECOGNIZED.match(text):
            fix = f'did you mean "{match["guess"]}"?' if match["guess"] else 'link to the page\'s file, e.g. "faq.md"'
            return [self.link(match, severity, f'the link "{match["link"]}" does not point to a page file', fix)]
        if match := _ABSOLUTE.match(text):
            return [self.link(match, severity, f'the link "{match["link"]}" starts with "/"',
                              "link to the page's file from this page, e.g. faq.md: a link starting with / "
                              "breaks when the site is published in a folder")]
        if match := _NOT_IN_NAV.match(text):
            pages = re.findall(r"^\s*-\s+(.+?)\s*$", match["pages"], re.MULTILINE)
            return [Problem(f"{self.docs_dir}/{page}", 1, "the page is not in the menu",
                            "add it to nav: in mkdocs.yml, or to not_in_nav: if it should stay out of the menu",
                            severity) for page in pages]
        if match := _NAV_MISSING.match(text):
            return [Problem("mkdocs.yml", self.config_line(match["file"]),
                            f'the menu (nav) lists "{match["file"]}", which is not in {self.docs_dir}/',
                            "correct the file name, or remove the entry from nav:", severity)]
        first = " ".join(text.split())
        return [Problem("mkdocs.yml", 1, f"the build says: {first}",
                        "fix what it describes; ask a developer if it is unclear", severity)]

    def link(self, match: re.Match, severity: str, message: str, fix: str) -> Problem:
        path = f"{self.docs_dir}/{match['file']}"
        line, col = self.find_link(match["file"], match["link"])
        return Problem(path, line, message, fix, severity, col)

    def find_link(self, file: str, link: str) -> tuple[int, int | None]:
        """Line and column of the n-th occurrence of ``link`` as a link target in ``file`` (n-th warning)."""
        try:
            text = (self.project / self.docs_dir / file).read_text(encoding="utf-8")
        except OSError:
            return 1, None
        n = self.seen_links.get((file, link), 0)
        self.seen_links[(file, link)] = n + 1
        found = list(re.finditer(r"(?:\]\(\s*<?|\]:\s*<?|href=[\"'])" + re.escape(link) + r"(?=[\s)>\"'])", text))
        if not found:
            return 1, None
        at = found[min(n, len(found) - 1)].end() - len(link)
        return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1

    def config_line(self, needle: str) -> int:
        text = (self.project / "mkdocs.yml").read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if needle in line:
                return number
        return 1


# ---------------------------------------------------------------- output

def unique_sorted(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for problem in sorted(problems, key=lambda p: (p.sort_key, p.severity)):
        key = (str(problem), problem.severity)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def plain(problem: Problem) -> str:
    if problem.severity == WARNING:
        return f"{problem.location}: warning: {problem.message} — {problem.fix}"
    return str(problem)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, prefix: str = "") -> str:
    """A GitHub Actions workflow command that shows the problem on the pull request's line."""
    kind = "error" if problem.severity == ERROR else "warning"
    props = [f"file={_escape_property(prefix + problem.path)}", f"line={problem.line}"]
    if problem.col:
        props.append(f"col={problem.col}")
    return f"::{kind} {','.join(props)}::{_escape_data(problem.message + ' — ' + problem.fix)}"


def run(project: Path) -> tuple[list[Problem], int]:
    config, config_text, problems = load_config(project)
    if config is None:
        return problems, 1  # every other check depends on mkdocs.yml
    docs_dir = str(config.get("docs_dir") or "docs")
    site_dir = tempfile.mkdtemp(prefix="check-site-")
    try:
        found, records, output, status = run_build(project, site_dir)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    problems += found
    problems += BuildOutput(project, docs_dir).parse(output, status if not found else 0)
    policy_settings = (config.get("extra") or {}).get("policy") if isinstance(config.get("extra"), dict) else None
    max_grade = site_settings.validate_policy({"policy": policy_settings} if policy_settings else {},
                                              site_settings.Settings(), policy.ALL_RULE_IDS)["readability_max_grade"]
    day = frontmatter.today()
    for record in records.values():
        problems += readability.check_page(record, max_grade)
        if not record.front_problems:
            problems += frontmatter.due_soon(record.front, record.path, day)
    problems += check_pages(project, config, config_text, skip=set(records), settings_checked=bool(found or records))
    problems = unique_sorted(problems)
    return problems, exit_status(problems, status)


def exit_status(problems: list[Problem], build_status: int = 0) -> int:
    """1 when the change would not publish: the strict build failed, or any problem but advice (an error, or a
    warning that --strict refuses); 0 otherwise."""
    return 1 if build_status or any(blocks(p) for p in problems) else 0


def blocks(problem: Problem) -> bool:
    """Whether a problem stops the strict build (and so publishing): all but the advice warnings."""
    return problem.severity == ERROR or problem.check not in ADVICE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="the folder with mkdocs.yml (default: this project)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    problems, status = run(project)
    for problem in problems:
        print(plain(problem))
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if problems:
        counts = f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
        verdict = ("this will not publish until they are fixed" if status else
                   "this will publish (the warnings are advice: reading level, reviews falling due soon)")
        print(f"{counts}: {verdict}. EDITING.md explains each message.")
    else:
        print("No problems found.")
    if os.environ.get("GITHUB_ACTIONS") == "true":
        try:
            prefix = project.relative_to(Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd()).resolve()).as_posix()
        except ValueError:
            prefix = ""
        prefix = "" if prefix in ("", ".") else prefix + "/"
        for problem in problems:
            print(annotation(problem, prefix))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
