"""Shared fixtures: copy the real project into a temp dir and build it (in this process, as the CLI would)."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import inprocess  # tools/inprocess.py
import pytest
import yaml
from sitekit import settings
from sitekit.page import read as read_page

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, url_path: str) -> str:
        return (self.site / url_path / "index.html" if not url_path.endswith(".html") else self.site / url_path).read_text(encoding="utf-8")


#: Another clinic's details, one for every key the project may mark as example data (``extra.example_data``), as a
#: clinic puts in its own before publishing. A new example key needs its value here (the tests say so).
ANOTHER_CLINIC = {
    "clinic.name": "Riverside Skin Studio",
    "clinic.phone": "0161 496 0855",
    "clinic.email": "appointments@riverside-skin.co.uk",
    "clinic.address": {"street": "4 Canal Wharf", "locality": "Manchester", "postcode": "M1 7ED", "country": "GB"},
    "clinic.opening_hours": [{"days": ["Tuesday", "Wednesday", "Thursday"], "opens": "10:00", "closes": "19:00"},
                             {"days": ["Saturday"], "opens": "09:30", "closes": "13:30"}],
    # Text a patient reads is written per language (README, "Languages"): here in each language of the project.
    "clinic.out_of_hours": {"en": "call 0161 496 0856 and leave a message: the doctor on call rings back within an hour",
                            "ar": "اتصل على 0161 496 0856 واترك رسالة: يعاود الطبيب المناوب الاتصال بك خلال ساعة"},
    "clinic.complaints": {"en": "Ask for our complaints leaflet, or write to the clinic manager at the address below.",
                          "ar": "اطلب نشرة الشكاوى لدينا، أو اكتب إلى مدير العيادة على العنوان أدناه."},
    "clinic.cooling_off_days": 7,
    "clinic.brand.logo": "assets/images/riverside-logo.svg",
    "practitioners": [{"name": "Dr Priya Shah", "profession": {"en": "doctor", "ar": "طبيبة"},
                       "register": "General Medical Council",
                       "number": "7654321", "register_url": "https://www.gmc-uk.org/registrants"}],
    "reviewers.*": {"name": "Dr Priya Shah", "qualification": {"en": "MB ChB, consultant dermatologist",
                                                               "ar": "بكالوريوس الطب والجراحة، استشارية أمراض جلدية"}},
    "booking.endpoint": "https://formspree.io/f/mqkrzvab",
    "seo.image": "assets/images/riverside-share.png",
    "seo.image_alt": {"en": "Mesotherapy explained, by Riverside Skin Studio",
                      "ar": "شرح الميزوثيرابي من Riverside Skin Studio"},
}
#: The languages ANOTHER_CLINIC's texts are written in.
ANOTHER_CLINIC_LANGUAGES = ("en", "ar")


def another_clinic(key: str, codes: list[str] | None = None):
    """Another clinic's value for an example key (any reviewer key takes the reviewer), its texts in the project's
    languages ``codes`` (the default first): per language when there are several, the text alone when one."""
    missing = [code for code in codes or [] if code not in ANOTHER_CLINIC_LANGUAGES]
    assert not missing, f"add another clinic's texts in {missing} to ANOTHER_CLINIC in tests/conftest.py"

    def shaped(value):
        if isinstance(value, dict) and set(value) == set(ANOTHER_CLINIC_LANGUAGES):
            if codes and len(codes) > 1:
                return {code: value[code] for code in codes}
            return value[codes[0] if codes else ANOTHER_CLINIC_LANGUAGES[0]]
        if isinstance(value, dict):
            return {name: shaped(item) for name, item in value.items()}
        if isinstance(value, list):
            return [shaped(item) for item in value]
        return value
    return shaped(ANOTHER_CLINIC["reviewers.*" if key.startswith("reviewers.") else key])


def in_language(value, code: str | None = None, root: Path | None = None):
    """A setting a visitor reads as a page in language ``code`` shows it (the default language when None): the
    text itself, or that language's text of one written per language (``{en: …, ar: …}``)."""
    return settings.in_language(value, language_codes(root or ROOT), code)


def png(width: int, height: int, rgb=(20, 90, 80)) -> bytes:
    """A plain PNG of the given size (a clinic's own share image)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))


class Project:
    """A throw-away copy of the site that a test may change before building it."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        for part in PROJECT_PARTS:
            src = ROOT / part
            if src.is_dir():
                shutil.copytree(src, root / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(src, root / part)

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def set_extra(self, section: str, values: dict) -> None:
        """Change keys of extra.<section> (a dict), or set it whole (a list or value), or delete it (None), by
        editing mkdocs.yml's text (keeps its !ENV tags)."""
        text = self.read("mkdocs.yml")
        head, extra = text.split("\nextra:\n", 1)
        loader = yaml.SafeLoader
        data = yaml.load("extra:\n" + extra, Loader=loader)["extra"]
        if values is None:
            data.pop(section, None)
        elif isinstance(values, dict):
            data.setdefault(section, {})
            data[section].update(values)
        else:  # a list or a single value: the whole key
            data[section] = values
        self.write("mkdocs.yml", head + "\n" + yaml.safe_dump({"extra": data}, sort_keys=False, allow_unicode=True))

    def edit_extra(self, change) -> None:
        """Change mkdocs.yml's extra: as data (``change(extra)``); the rest of the file, with its !ENV tags, is kept."""
        text = self.read("mkdocs.yml")
        head, extra_text = text.split("\nextra:\n", 1)
        extra = yaml.safe_load("extra:\n" + extra_text)["extra"]
        change(extra)
        self.write("mkdocs.yml", head + "\n" + yaml.safe_dump({"extra": extra}, sort_keys=False, allow_unicode=True))

    def replace_example_data(self) -> list[str]:
        """What a clinic does before publishing: put its own value into every key ``extra.example_data`` lists
        (another clinic's, with its share image and logo files), then delete the list. Returns the keys."""
        listed = list(site_config(self.root)["extra"].get("example_data") or [])
        missing = [key for key in listed if not key.startswith("reviewers.") and key not in ANOTHER_CLINIC]
        assert not missing, f"add another clinic's value for {missing} to ANOTHER_CLINIC in tests/conftest.py"
        images = self.root / "docs" / "assets" / "images"
        images.mkdir(parents=True, exist_ok=True)
        (self.root / "docs" / ANOTHER_CLINIC["seo.image"]).write_bytes(png(1200, 630))
        (self.root / "docs" / ANOTHER_CLINIC["clinic.brand.logo"]).write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" rx="3" fill="#fff"/></svg>')

        def change(extra):
            for key in listed:
                *parents, last = key.split(".")
                node = extra
                for part in parents:
                    node = node.setdefault(part, {})
                node[last] = another_clinic(key, language_codes(self.root))
            extra.pop("example_data", None)
        self.edit_extra(change)
        return listed

    def one_language(self) -> None:
        """The site in its default language only: no extra.languages, no docs/CODE/ folders, and each text written
        per language as the default language's text alone."""
        others = other_languages(self.root)

        def change(extra):
            extra.update(in_language({key: value for key, value in extra.items() if key != "languages"},
                                     root=self.root))
            extra.pop("languages", None)
        self.edit_extra(change)
        for code in others:
            shutil.rmtree(self.root / "docs" / code)

    def set_front(self, relative: str, key: str, value: str) -> None:
        """Set one front matter key of a page (added before the closing "---" if the page has none)."""
        text = self.read(relative)
        head, rest = text.split("\n---\n", 1)
        pattern = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
        head = pattern.sub(f"{key}: {value}", head) if pattern.search(head) else f"{head}\n{key}: {value}"
        self.write(relative, f"{head}\n---\n{rest}")

    def translated_pages(self) -> list[str]:
        """Every translated page of this copy, as the editor names it (docs/<code>/NAME.md for each language of
        extra.languages after the first), never one in a dotted folder (docs/ar/.sources/)."""
        found = []
        for code in other_languages(self.root):
            folder = self.root / "docs" / code
            for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
                if not any(part.startswith(".") for part in path.relative_to(folder).parts):
                    found.append(path.relative_to(self.root).as_posix())
        return found

    def record_translations(self) -> list[str]:
        """What ``make translations RECORD=…`` does, for every translated page that has an English page: its
        ``translated_from:`` becomes the English page's current version and docs/<code>/.sources/NAME.md a copy
        of the English page (tools/translations.py's own ``record``). Returns the pages recorded; a page the
        tool refuses fails the test with the tool's message."""
        tool = translations_tool()
        recorded = []
        for relative in self.translated_pages():
            code = relative.split("/")[1]
            if not (self.root / tool.translations.english_path(relative, code)).is_file():
                continue  # an orphan: there is no English version to record
            status, message = tool.record(self.root, relative)
            assert status == 0, message
            recorded.append(relative)
        return recorded

    def review_translations(self, reviewer: str | None = None) -> list[str]:
        """Mark every translated page as medically reviewed: its ``reviewed_by:`` becomes ``reviewer`` (by
        default the first key of this copy's extra.reviewers). Returns the pages changed."""
        if reviewer is None:
            reviewers = (site_config(self.root).get("extra") or {}).get("reviewers") or {}
            assert reviewers, "extra.reviewers in mkdocs.yml names no reviewer to review the translations"
            reviewer = next(iter(reviewers))
        pages = self.translated_pages()
        for relative in pages:
            self.set_front(relative, "reviewed_by", reviewer)
        return pages

    def make_publishable(self) -> None:
        """The state a clinic publishes: its own details instead of the example ones, and every translation
        medically reviewed (the preview-only banners are then gone)."""
        self.replace_example_data()
        self.review_translations()

    def build(self, strict: bool = True, allow_dev_receiver: bool = True, env: dict | None = None,
              site_url: str = "http://127.0.0.1:8000/", in_process: bool = True) -> Build:
        """``mkdocs build [--strict]`` of this copy, keeping its warnings and errors. In this process by default (load_config + build, the
        command's own steps, about a second faster a build); ``in_process=False`` runs the real command.
        "Today" is the copy's :func:`review_day` (``env={"SITE_TODAY": …}`` sets another; None: the real date),
        so no test of the build fails by itself on the day the guide's reviews fall due."""
        site = self.root / "site"
        environment = {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "SITE_TODAY": review_day(self.root / "docs"),
                       "ALLOW_DEV_RECEIVER": "1" if allow_dev_receiver else None, **(env or {})}
        if in_process:
            return self._build_here(site, strict, environment)
        # Not -q: it hides warnings before --strict counts them, so a strict build with warnings would pass.
        command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)] + (["--strict"] if strict else [])
        full = {k: v for k, v in {**os.environ, **environment}.items() if v is not None}
        result = subprocess.run(command, cwd=self.root, env=full, capture_output=True, text=True, timeout=120)
        return Build(result.returncode, result.stdout + result.stderr, site)

    def _build_here(self, site: Path, strict: bool, environment: dict) -> Build:
        result = inprocess.build(self.root / "mkdocs.yml", site, strict=strict, env=environment)
        return Build(0 if result.error is None else 1, result.output, site)


#: Text a test writes into a required section it adds: enough plain words to count as the section's text.
TOPIC_TEXT = ("A test wrote this section. It has enough plain words in it to count as the text of a real "
              "section of the guide.")


def topic_pages(root: Path = ROOT) -> dict[str, str]:
    """The page of each required topic (topic id -> docs page), as mkdocs.yml says (or the defaults)."""
    from sitekit.topics import DEFAULT_PAGES

    policy = site_config(root).get("extra", {}).get("policy") or {}
    return dict(policy.get("topics") or DEFAULT_PAGES)


def add_topic_sections(project: "Project", urgent: bool = True) -> None:
    """Give a copy of the site every required section (sitekit.topics) that its pages do not mark yet, each
    appended to the page mkdocs.yml names for it; with ``urgent``, the checklist gets an { .urgent-contacts }
    heading too. (Until the guide itself has the sections, this is how a test builds a site that passes.)"""
    from sitekit.topics import BY_ID, URGENT_CLASS

    for topic_id, page in topic_pages(project.root).items():
        text = project.read(f"docs/{page}")
        record = read_page(text, f"docs/{page}")
        if any(topic_id in heading.ids for heading in record.headings):
            continue
        project.write(f"docs/{page}", text.rstrip("\n") + f"\n\n## {BY_ID[topic_id].heading} {{ #{topic_id} }}\n\n"
                      f"{TOPIC_TEXT}\n")
    if urgent:
        text = project.read("docs/checklist.md")
        if not any(URGENT_CLASS in heading.classes for heading in read_page(text, "docs/checklist.md").headings):
            project.write("docs/checklist.md", text.rstrip("\n") + f"\n\n## Who to call {{ .{URGENT_CLASS} }}\n\n"
                          f"{TOPIC_TEXT}\n")


def site_config(root: Path = ROOT) -> dict:
    """mkdocs.yml as data (its !ENV tags as their defaults): the clinic's details and the menu, as staff set them."""
    from sitekit.settings import TolerantLoader

    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TolerantLoader)


def catalog(code: str = "en", root: Path = ROOT) -> dict:
    """The site's fixed wording in one language (overrides/locales/CODE.yml), as staff or a translator left it."""
    return yaml.safe_load((root / "overrides" / "locales" / f"{code}.yml").read_text(encoding="utf-8"))


def front_matter(title: str, description: str, **extra: object) -> str:
    """Front matter for a page a test writes, with the site's own values: its first reviewer (from
    mkdocs.yml) and :func:`review_day` as the review date, so it follows what staff change."""
    reviewer = next(iter(site_config().get("extra", {}).get("reviewers") or {"medical-director": None}))
    lines = [f"title: {title}", f"description: {description}", f"reviewed_by: {reviewer}",
             f"last_reviewed: {review_day()}", *(f"{key}: {str(value).lower() if isinstance(value, bool) else value}"
                                                 for key, value in extra.items())]
    return "---\n" + "\n".join(lines) + "\n---\n"


def review_day(docs: Path = ROOT / "docs") -> str:
    """A "today" for tests, read from the pages: the latest last_reviewed of any page (YYYY-MM-DD). On that
    day no page is reviewed in the future, and none is overdue unless the guide itself is inconsistent."""
    days = []
    for path in sorted(docs.rglob("*.md")):
        try:
            meta = read_page(path.read_text(encoding="utf-8"), path.name).meta
        except UnicodeDecodeError:
            continue
        value = meta.get("last_reviewed")
        if isinstance(value, dt.date):
            days.append(value if not isinstance(value, dt.datetime) else value.date())
    return max(days).isoformat() if days else dt.date.today().isoformat()


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Build:
    """The real site, built once with --strict for the tests that only read it."""
    result = Project(tmp_path_factory.mktemp("real") / "project").build()
    assert result.returncode == 0, result.output
    return result


def apt_install(*packages: str) -> str:
    """The command that installs Debian packages, for a failure message (``make test`` runs it itself as root)."""
    sudo = "" if os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get update && {sudo}apt-get install -y --no-install-recommends {' '.join(packages)}"


def chromium_path() -> str:
    """The Chromium the browser tests drive: CHROMIUM_PATH when set, else Debian's. Never a skip: a missing
    browser fails the test with the command that installs it."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        if Path(configured).is_file() and os.access(configured, os.X_OK):
            return configured
        pytest.fail(f"CHROMIUM_PATH={configured} is not an executable file: point it at Chromium or Chrome, "
                    "or unset it to use Debian's chromium", pytrace=False)
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium"),
                      shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail(f"Chromium is not installed: run `{apt_install('chromium')}` (`make test` installs what is missing), "
                "or set CHROMIUM_PATH to a Chromium or Chrome binary", pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A browser test never skips: a skip there (a missing browser or tool) would look like a pass, so it fails."""
    report = yield
    if report.skipped and item.get_closest_marker("browser") and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"a browser test must not skip ({reason}); install what it needs: make test"
    return report


def translations_tool():
    """tools/translations.py (``make translations``), loaded under its own name: ``translations`` alone is
    hooks/translations.py (both folders are on pytest's path)."""
    import importlib.util

    name = "translations_tool"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "translations.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def language_codes(root: Path = ROOT) -> list[str]:
    """The codes of extra.languages, the default first ([] on a site of one language)."""
    entries = (site_config(root).get("extra") or {}).get("languages") or []
    return [str(entry["code"]) for entry in entries if isinstance(entry, dict) and entry.get("code")]


def other_languages(root: Path = ROOT) -> list[str]:
    """The codes of extra.languages after the first (the default): their pages are docs/<code>/, built at /<code>/."""
    entries = (site_config(root).get("extra") or {}).get("languages") or []
    return [str(entry["code"]) for entry in entries[1:] if isinstance(entry, dict) and entry.get("code")]


def language_pages(code: str | None = None, root: Path = ROOT) -> list[str]:
    """The pages of one language as URL paths relative to that language's root ("" for its home page): the
    default language's docs/*.md (code None), or docs/<code>/*.md; never a dotted folder (docs/ar/.sources/)."""
    docs = root / "docs" / (code or "")
    skip = set() if code else set(other_languages(root))
    pages = []
    for path in sorted(docs.rglob("*.md")):
        parts = path.relative_to(docs).parts
        if any(part.startswith(".") for part in parts) or parts[0] in skip:
            continue
        rel = path.relative_to(docs).with_suffix("").as_posix()
        pages.append("" if rel == "index" else rel.removesuffix("/index") + "/")
    return pages


def nav_pages() -> list[str]:
    """Every page of the default language (docs/*.md, not docs/<code>/ of another language), as its URL path
    ("" for the home page)."""
    return language_pages()


#: The booking settings that name pages, with hooks/sitekit/settings.py's defaults.
BOOKING_PAGES = {"page": "book.md", "thank_you_page": "thank-you.md", "privacy_page": "privacy.md"}


def booking_file(key: str = "page", root: Path = ROOT) -> str:
    """The Markdown file (under docs/) of a page extra.booking names, as staff set it in mkdocs.yml."""
    return str(((site_config(root).get("extra") or {}).get("booking") or {}).get(key) or BOOKING_PAGES[key])


def booking_url(key: str = "page", root: Path = ROOT) -> str:
    """The URL path, within a language, of a page extra.booking names (``page``: the booking page, e.g. "book/";
    ``thank_you_page``, ``privacy_page``)."""
    name = booking_file(key, root).removesuffix(".md")
    return "" if name == "index" else name.removesuffix("/index") + "/"


#: The booking page within a language (extra.booking.page in mkdocs.yml), e.g. "book/".
BOOK = booking_url()


def booking_page(key: str = "page", root: Path = ROOT) -> tuple[str, str]:
    """A page of the default language that extra.booking names (``page``: the booking page; ``thank_you_page``,
    ``privacy_page``): its URL path and its heading (its first "# " line, else its title), as staff left them."""
    text = (root / "docs" / booking_file(key, root)).read_text(encoding="utf-8")
    front, body = text.split("\n---", 1) if text.startswith("---\n") else ("", text)
    headings = [line[2:].strip() for line in body.splitlines() if line.startswith("# ")]
    return booking_url(key, root), (headings[0] if headings else
                                    str((yaml.safe_load(front.removeprefix("---\n")) or {}).get("title")))


# Figures a test wants shown after the run even when it passes (e.g. the page-weight table):
# title -> lines, printed by pytest_terminal_summary below.
REPORT_SECTIONS: dict[str, list[str]] = {}


def pytest_terminal_summary(terminalreporter):
    for title, lines in REPORT_SECTIONS.items():
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)
