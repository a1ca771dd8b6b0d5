"""Translation status (sitekit.translations, hooks/translations.py, tools/translations.py): table-driven tests of
the version hash, the status, what changed and the messages; builds of a copy of the site with its real Arabic
pages (docs/ar/, built at /ar/ by the site's one build): as made (each page current; the banner exactly where a
page is not yet reviewed), and, for the rules, with every translation recorded and reviewed first, then one
English page changed, one translation unreviewed or without its version."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Project, booking_file
from sitekit import frontmatter, translations
from sitekit.problems import ERROR, WARNING

LANGUAGES = [{"code": "en", "locale": "en_GB", "name": "English"},
             {"code": "ar", "locale": "ar", "name": "العربية", "publish_stale": False}]

PUBLIC = "https://user.github.io/repo/"
#: The translated page the build tests change (a real page of docs/ar/).
ARABIC_PAGE = "conclusion.md"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def english_pages(docs) -> list:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                  if not any(part.startswith(".") for part in p.relative_to(docs).parts) and p.relative_to(docs).parts[0] != "ar")


def url(name: str) -> str:
    return name.removesuffix(".md").removesuffix("index") + ("/" if name != "index.md" else "")


def arabic_edition(project: Project, publish_stale: bool = False) -> Project:
    """This copy of the site with its Arabic pages (docs/ar/) as complete translations: each one's version of its
    English page recorded (translated_from, the docs/ar/.sources copy, as `make translations RECORD=…` does) and
    reviewed by the site's reviewer, so that what a test changes is the only thing the checks can say;
    ``publish_stale`` for ar in extra.languages."""
    assert (project.root / "docs" / "ar" / ARABIC_PAGE).is_file()
    assert f"docs/ar/{ARABIC_PAGE}" in project.record_translations()
    project.review_translations()

    def change(extra):
        entry = next(e for e in extra["languages"] if e["code"] == "ar")
        entry["publish_stale"] = publish_stale
    project.edit_extra(change)
    return project


def publishable(project: Project) -> None:
    """Settings a public build accepts (no example data, a real form address): what is left to refuse is ours."""
    project.set_extra("example_data", None)
    project.set_extra("booking", {"endpoint": "https://formspree.io/f/xyzabc"})


def change_one_sentence(project: Project, name: str) -> str:
    """Change one sentence of the English page docs/NAME (the first sentence of its first section's text)."""
    text = project.read(f"docs/{name}")
    fm, _ = frontmatter.split(text, name)
    body = fm.body
    lines = body.split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip() and not line.startswith(("#", "-", "|", "!", "<", ">"))
                 and i > 0)
    lines[index] = lines[index].rstrip() + " A test added this sentence."
    project.write(f"docs/{name}", text[: len(text) - len(body)] + "\n".join(lines))
    return name


# ---------------------------------------------------------------- the version of an English page

def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


FRONT = "---\ntitle: A page\nreviewed_by: medical-director\n---\n"
BODY = "# A page\n\nFirst sentence. Second sentence.\n\n## Aftercare\n\nKeep it clean.\n"

#: (English file text, the text whose SHA-256 is its version): what the normalisation keeps and drops.
HASH_CASES = [
    (FRONT + BODY, BODY),  # the front matter is not part of the version
    (BODY, BODY),  # a page without front matter: all of it
    (FRONT.replace("A page", "Another title") + BODY, BODY),  # front matter changes are not a new version
    (FRONT + BODY.replace("\n", "\r\n"), BODY),  # Windows line endings
    (FRONT.replace("\n", "\r\n") + BODY.replace("\n", "\r\n"), BODY),
    (FRONT + BODY.replace("\n", " \t \n"), BODY),  # trailing whitespace on each line
    ("\ufeff" + FRONT + BODY, BODY),  # a byte order mark
    (FRONT + "# Été\u00a0\n", "# Été\n"),  # UTF-8; a no-break space at the end of a line is whitespace too
    (FRONT + BODY + "\n", BODY + "\n"),  # an extra blank line at the end is a change
    (FRONT + "  " + BODY, "  " + BODY),  # leading whitespace is kept (it can change the Markdown)
    ("", ""),
]


@pytest.mark.parametrize("text, hashed", HASH_CASES)
def test_source_hash_is_the_normalised_body(text, hashed):
    assert translations.source_hash(text) == sha(hashed)
    assert re.fullmatch(r"[0-9a-f]{12}", translations.source_hash(text))


def test_one_changed_sentence_is_a_new_version():
    assert translations.source_hash(FRONT + BODY) != translations.source_hash(
        FRONT + BODY.replace("Second sentence.", "Second sentence, changed."))


# ---------------------------------------------------------------- status and what changed

V = translations.source_hash(FRONT + BODY)
STATUS_CASES = [
    (FRONT + BODY, True, V, "current"),
    (FRONT + BODY.replace("clean", "dry"), True, V, "outdated"),
    (FRONT + BODY, True, None, "outdated"),  # no translated_from: not known to match
    (FRONT + BODY, True, 123456789012, "outdated"),  # not text
    (FRONT + BODY, False, None, "missing"),
    (None, True, V, "orphan"),
]


@pytest.mark.parametrize("english, translated, recorded, expected", STATUS_CASES)
def test_status(english, translated, recorded, expected):
    assert translations.status(english, translated, recorded) == expected


OLD = "---\ntitle: x\n---\nIntro.\n\n## Aftercare\n\nKeep it clean.\n\n## Costs\n\nAsk us.\n\n## Notes\n\nA.\n\n## Notes\n\nB.\n"
CHANGE_CASES = [
    (OLD, OLD, []),
    (OLD, OLD.replace("title: x", "title: y"), []),  # the front matter is not the page's text
    (OLD, OLD.replace("clean", "dry"), ['"Aftercare" (edited)']),
    (OLD, OLD.replace("Intro.", "Intro, changed."), ["the start of the page (edited)"]),
    (OLD, OLD.replace("## Costs\n\nAsk us.\n\n", ""), ['"Costs" (removed)']),
    (OLD, OLD.replace("## Costs", "## Risks\n\nSome.\n\n## Costs"), ['"Risks" (new)']),
    (OLD, OLD.replace("## Costs", "## Prices"), ['"Prices" (new)', '"Costs" (removed)']),  # a renamed heading
    (OLD, OLD.replace("B.", "C."), ['"Notes" (the second) (edited)']),
    (OLD, OLD.replace("## Costs", "### Costs"), ['"Costs" (edited)']),  # a heading's level is part of it
    (OLD, OLD.replace("Keep it clean.", "Keep it clean.   "), []),  # trailing spaces are no change
]


@pytest.mark.parametrize("old, new, expected", CHANGE_CASES)
def test_what_changed_names_sections(old, new, expected):
    assert translations.what_changed(old, new) == expected


def test_what_changed_is_short():
    assert translations.changes_text([f'"S{i}" (edited)' for i in range(7)]) == (
        '"S0" (edited), "S1" (edited), "S2" (edited), "S3" (edited), "S4" (edited) and 2 more')
    assert translations.changes_text([]) == "only blank lines or spacing"


# ---------------------------------------------------------------- the checks of a translated page, exact messages

REVIEWED = "---\ntitle: الأسئلة\nreviewed_by: medical-director\nlast_reviewed: 2026-11-16\ntranslated_from: {v}\n---\nنص\n"
ENGLISH = "---\ntitle: Questions\n---\n# Questions\n\nIntro.\n\n## Costs\n\nAsk us.\n"
CHANGED = ENGLISH.replace("Ask us.", "Ask us at the consultation.")
EV = translations.source_hash(ENGLISH)
FIX_OUTDATED = ("update it, then record the new version (make translations RECORD=docs/ar/faq.md); "
                'changed: "Costs" (edited)')
UNREVIEWED_FIX = ("ask a reviewer listed under extra.reviewers in mkdocs.yml to check it against docs/faq.md, then set "
                  "reviewed_by to their key and last_reviewed to the day they did; until then it shows only in previews, "
                  "with a banner")

#: (translation, English page now, snapshot, publishing, publish_stale) -> (status, problems as printed with
#: severity, notice, banner)
CHECK_CASES = [
    ("current", REVIEWED.format(v=EV), ENGLISH, ENGLISH, True, False, "current", [], False, False),
    ("outdated, preview: a warning and the notice", REVIEWED.format(v=EV), CHANGED, ENGLISH, False, False, "outdated",
     [(WARNING, f"docs/ar/faq.md:5: translated from an older version of docs/faq.md — {FIX_OUTDATED}")], True, False),
    ("outdated, public: refused", REVIEWED.format(v=EV), CHANGED, ENGLISH, True, False, "outdated",
     [(ERROR, f"docs/ar/faq.md:5: translated from an older version of docs/faq.md — {FIX_OUTDATED}")], True, False),
    ("outdated, public, publish_stale: the notice", REVIEWED.format(v=EV), CHANGED, ENGLISH, True, True, "outdated",
     [], True, False),
    ("outdated, preview, publish_stale: still said", REVIEWED.format(v=EV), CHANGED, ENGLISH, False, True, "outdated",
     [(WARNING, f"docs/ar/faq.md:5: translated from an older version of docs/faq.md — {FIX_OUTDATED}")], True, False),
    ("no copy of the English page as translated", REVIEWED.format(v=EV), CHANGED, None, False, False, "outdated",
     [(WARNING, "docs/ar/faq.md:5: translated from an older version of docs/faq.md — update it, then record the new "
                "version (make translations RECORD=docs/ar/faq.md); changed: not known (docs/ar/.sources/faq.md, the copy "
                "of the English page as translated, is missing)")], True, False),
    ("a copy of another version", REVIEWED.format(v=EV), CHANGED, CHANGED, False, False, "outdated",
     [(WARNING, "docs/ar/faq.md:5: translated from an older version of docs/faq.md — update it, then record the new "
                "version (make translations RECORD=docs/ar/faq.md); changed: not known (docs/ar/.sources/faq.md is not "
                "the version translated_from names)")], True, False),
    ("no translated_from", REVIEWED.replace("translated_from: {v}\n", ""), ENGLISH, None, False, False, "outdated",
     [(ERROR, "docs/ar/faq.md:1: the translation does not say which version of docs/faq.md it translates (no "
              f'translated_from) — once it matches docs/faq.md as it is now, add "translated_from: {EV}" to its front '
              "matter, or run make translations RECORD=docs/ar/faq.md")], False, False),
    ("not a version", REVIEWED.format(v="abc"), ENGLISH, None, False, False, "outdated",
     [(ERROR, 'docs/ar/faq.md:5: translated_from "abc" is not 12 hexadecimal digits — once the page matches '
              f'docs/faq.md as it is now, run make translations RECORD=docs/ar/faq.md (it writes "translated_from: {EV}")')],
     False, False),
    ("pending, preview: the banner", REVIEWED.format(v=EV).replace("medical-director", "pending"), ENGLISH, ENGLISH,
     False, False, "current", [], False, True),
    ("pending, public: refused", REVIEWED.format(v=EV).replace("medical-director", "pending"), ENGLISH, ENGLISH,
     True, False, "current",
     [(ERROR, "docs/ar/faq.md:3: the translation has not been medically reviewed (reviewed_by: pending) — "
              + UNREVIEWED_FIX)], False, True),
    ("no reviewer, public: refused", REVIEWED.format(v=EV).replace("reviewed_by: medical-director\n", ""), ENGLISH,
     ENGLISH, True, False, "current",
     [(ERROR, "docs/ar/faq.md:1: the translation has not been medically reviewed (no reviewed_by) — " + UNREVIEWED_FIX)],
     False, True),
    ("no English page, preview", REVIEWED.format(v=EV), None, None, False, False, "orphan",
     [(WARNING, "docs/ar/faq.md:1: there is no English page docs/faq.md for this translation — give it the file name "
                "of the English page it translates, or delete it (make translations lists every page)")], False, False),
]


@pytest.mark.parametrize("name, text, english, snapshot, publishing, stale, status, expected, notice, banner",
                         CHECK_CASES, ids=[case[0] for case in CHECK_CASES])
def test_checks_of_a_translated_page(name, text, english, snapshot, publishing, stale, status, expected, notice, banner):
    fm, problems = frontmatter.split(text, "docs/ar/faq.md")
    assert problems == []
    verdict = translations.check(fm, "docs/ar/faq.md", "ar", english, snapshot, publishing=publishing,
                                 publish_stale=stale)
    assert [(p.severity, str(p)) for p in verdict.problems] == expected
    assert all(p.check == "translations" for p in verdict.problems)
    assert (verdict.status, verdict.outdated_notice, verdict.unreviewed) == (status, notice, banner)


# ---------------------------------------------------------------- the front matter of translated pages

REVIEWERS = {"medical-director": {"name": "Dr A", "qualification": "MBBS"}}
TODAY = dt.date(2026, 11, 25)
DESC = "A plain description of this page that is long enough for search results."
FM_CASES = [
    ("translated_from and menu on a translation", True,
     f"title: T\ndescription: {DESC}\nreviewed_by: medical-director\nlast_reviewed: 2026-11-16\n"
     "translated_from: 0123456789ab\nmenu: M", []),
    ("pending, no review date, on a translation", True, f"title: T\ndescription: {DESC}\nreviewed_by: pending", []),
    ("no reviewer at all on a translation", True, f"title: T\ndescription: {DESC}", []),
    ("translated_from on an English page", False,
     f"title: T\ndescription: {DESC}\nreviewed_by: medical-director\nlast_reviewed: 2026-11-16\n"
     "translated_from: 0123456789ab\nmenu: M",
     ['docs/page.md:6: "translated_from" is only for translated pages (docs/<code>/FILE.md) — remove it from this page',
      'docs/page.md:7: "menu" is only for translated pages (docs/<code>/FILE.md) — remove it from this page']),
    ("pending on an English page", False, f"title: T\ndescription: {DESC}\nreviewed_by: pending\nlast_reviewed: 2026-11-16",
     ['docs/page.md:4: unknown reviewer "pending" — use a reviewer key from extra.reviewers in mkdocs.yml '
      "(medical-director), or add the reviewer there"]),
    ("a reviewer but no date on a translation", True, f"title: T\ndescription: {DESC}\nreviewed_by: medical-director",
     ['docs/page.md:1: the front matter has no "last_reviewed" — add "last_reviewed:" with the date of the last '
      "medical review, as YYYY-MM-DD"]),
    ("translated_from as a number", True,
     f"title: T\ndescription: {DESC}\nreviewed_by: pending\ntranslated_from: 123456789012",
     ['docs/page.md:5: "translated_from" is "123456789012", not text — set "translated_from" to text (the version of '
      "the English page this page translates (make translations RECORD=docs/<code>/FILE.md writes it))"]),
]


@pytest.mark.parametrize("name, translation, front, expected", FM_CASES, ids=[case[0] for case in FM_CASES])
def test_front_matter_of_translated_pages(name, translation, front, expected):
    fm, problems = frontmatter.split(f"---\n{front}\n---\n# T\n", "docs/page.md")
    assert problems == []
    found = frontmatter.check(fm, "docs/page.md", REVIEWERS, TODAY, translation=translation)
    assert [str(p) for p in found] == expected


# ---------------------------------------------------------------- recording a version

RECORD_CASES = [
    ("---\ntitle: T\ntranslated_from: 111111111aaa\nmenu: M\n---\nBody\n", "abcdef012345",
     "---\ntitle: T\ntranslated_from: abcdef012345\nmenu: M\n---\nBody\n"),
    ("---\ntitle: T\n---\nBody\n", "abcdef012345", "---\ntitle: T\ntranslated_from: abcdef012345\n---\nBody\n"),
    ("---\r\ntitle: T\r\ntranslated_from: 111111111aaa  # recorded\r\n---\r\nBody\r\n", "abcdef012345",
     "---\r\ntitle: T\r\ntranslated_from: abcdef012345  # recorded\r\n---\r\nBody\r\n"),
    ("---\ntitle: T\n---\nBody\n", "123456789012", '---\ntitle: T\ntranslated_from: "123456789012"\n---\nBody\n'),
    ("---\ntitle: T\n...\nBody\n", "abcdef012345", "---\ntitle: T\ntranslated_from: abcdef012345\n...\nBody\n"),
]


@pytest.mark.parametrize("text, version, expected", RECORD_CASES)
def test_recording_changes_only_that_line(text, version, expected):
    assert translations.with_recorded(text, version) == expected
    assert frontmatter.split(expected.replace("\r\n", "\n"), "x")[0].meta["translated_from"] == version


@pytest.mark.parametrize("text", ["# No front matter\n", "---\ntitle: T\n# never closed\n"])
def test_recording_needs_front_matter(text):
    with pytest.raises(ValueError):
        translations.with_recorded(text, "abcdef012345")


# ---------------------------------------------------------------- languages and the table

def test_which_build_is_a_translation(tmp_path):
    assert translations.language_of(str(tmp_path / "docs" / "ar"), LANGUAGES) == translations.Language(
        "ar", False, str(tmp_path / "docs" / "ar"), str(tmp_path / "docs"))
    assert translations.language_of(str(tmp_path / "docs"), LANGUAGES) is None
    assert translations.language_of(str(tmp_path / "docs" / "en"), LANGUAGES) is None  # the default language
    assert translations.language_of(str(tmp_path / "docs" / "ar"), []) is None
    assert translations.language_of(str(tmp_path / "docs" / "ar"), [LANGUAGES[0], {**LANGUAGES[1], "publish_stale": True}]
                                    ).publish_stale is True
    assert translations.is_translation_path("docs/ar/faq.md", "docs", LANGUAGES)
    assert not translations.is_translation_path("docs/faq.md", "docs", LANGUAGES)
    assert not translations.is_translation_path("docs/en/faq.md", "docs", LANGUAGES)
    assert (translations.english_path("docs/ar/a/b.md", "ar"), translations.snapshot_path("docs/ar/a/b.md", "ar")) == (
        "docs/a/b.md", "docs/ar/.sources/a/b.md")


def test_the_table():
    rows = [translations.row("faq.md", "ar", "docs", CHANGED, REVIEWED.format(v=EV), ENGLISH),
            translations.row("index.md", "ar", "docs", ENGLISH, REVIEWED.format(v=EV).replace("medical-director", "pending"),
                             ENGLISH),
            translations.row("book.md", "ar", "docs", ENGLISH, None, None),
            translations.row("old.md", "ar", "docs", None, REVIEWED.format(v=EV), None)]
    assert translations.table(rows, ["ar"]) == "\n".join([
        "page      ar",
        "faq.md    outdated",
        "index.md  current (not reviewed)",
        "book.md   missing",
        "old.md    orphan",
        "",
        "What changed in the English page since it was translated:",
        '  docs/ar/faq.md (from docs/faq.md): "Costs" (edited)',
        "",
        "ar: 1 current, 1 outdated, 1 missing, 1 orphan; 1 not yet medically reviewed",
    ])


def test_languages_setting_is_checked(tmp_path):
    from sitekit import settings

    text = ("extra:\n  languages:\n    - code: en\n      locale: en_GB\n      name: English\n    - code: Arabic\n"
            "      locale: ar\n      name: العربية\n      publish_stale: yes please\n")
    (tmp_path / "Arabic").mkdir()
    checker = settings.Settings("mkdocs.yml", text)
    found = settings.validate_languages(yaml.safe_load(text)["extra"], checker, docs_dir=str(tmp_path))
    assert [str(p) for p in checker.problems] == [
        'mkdocs.yml:6: extra.languages[1].code: "Arabic" is not a language code like "ar" (two or three lower-case '
        "letters) — set code to the language's two-letter code in lower case, e.g. ar (its pages go in docs/ar/)",
        "mkdocs.yml:9: extra.languages[1].publish_stale: is text, not true or false — set publish_stale to true "
        "(an outdated translation may publish, with a notice) or false"]
    assert found == []
    (tmp_path / "ar").mkdir()
    checker = settings.Settings("mkdocs.yml", text)
    good = text.replace("Arabic", "ar").replace("      publish_stale: yes please\n", "")
    found = settings.validate_languages(yaml.safe_load(good)["extra"], checker, docs_dir=str(tmp_path))
    assert checker.problems == []
    assert [(e["code"], e["dir"], e["publish_stale"]) for e in found] == [("en", "ltr", False), ("ar", "rtl", False)]


# ---------------------------------------------------------------- builds of the Arabic edition

TOOLS = ROOT / "tools"


@pytest.fixture
def arabic(tmp_path) -> Project:
    return arabic_edition(Project(tmp_path / "project"))


def outdated_problem(project: Project, name: str) -> str:
    """The message that names docs/ar/NAME as outdated, with its line (the translated_from line) and what changed."""
    text = project.read(f"docs/ar/{name}")
    fm = frontmatter.split(text, name)[0]
    changed = translations.changes_text(translations.what_changed(project.read(f"docs/ar/.sources/{name}"),
                                                                  project.read(f"docs/{name}")))
    return (f"docs/ar/{name}:{fm.line_of('translated_from')}: translated from an older version of docs/{name} — update "
            f"it, then record the new version (make translations RECORD=docs/ar/{name}); changed: {changed}")


def test_the_arabic_edition_as_made_builds_clean(project):
    """The real Arabic pages: each is current (a strict build has no warning), in Arabic, and shows the "not yet
    medically reviewed" banner exactly when its reviewed_by is pending (or missing)."""
    result = project.build()
    assert result.returncode == 0, result.output
    pages = project.translated_pages()
    assert f"docs/ar/{ARABIC_PAGE}" in pages
    for relative in pages:
        meta = frontmatter.split(project.read(relative), relative)[0].meta
        page = soup(result.page("ar/" + url(relative.removeprefix("docs/ar/"))))
        assert page.html["lang"] == "ar", relative
        assert page.select_one(".translation-outdated") is None, relative
        unreviewed = meta.get("reviewed_by") in (None, translations.PENDING)
        assert (page.select_one('article .translation-unreviewed[role="note"]') is not None) is unreviewed, relative
        if not meta.get("hide_title"):
            assert page.select_one("article h1").get_text(strip=True).startswith(str(meta["title"])), relative


def test_changing_one_sentence_of_an_english_page_is_named_by_make_check_and_refused_by_a_public_build(arabic):
    import check  # tools/check.py

    name = change_one_sentence(arabic, "faq.md")
    expected = outdated_problem(arabic, name)
    assert '"' in expected.rsplit("changed: ", 1)[1]  # a section is named
    problems, status = check.run(arabic.root)
    named = [p for p in problems if p.path == f"docs/ar/{name}"]
    assert [(p.severity, str(p)) for p in named] == [(WARNING, expected)]
    assert status == 1  # a warning the strict build refuses
    preview = arabic.build(strict=False)  # a preview builds, with the notice on the page
    assert preview.returncode == 0 and expected in preview.output
    assert soup(preview.page("ar/" + url(name))).select_one('.translation-outdated[role="note"]') is not None
    publishable(arabic)
    public = arabic.build(strict=False, allow_dev_receiver=False, site_url=PUBLIC)
    assert public.returncode != 0
    assert f"ERROR   -  {expected}" in public.output
    assert public.output.count("translated from an older version") == 1  # only that page
    assert "1 problem in the translations" in public.output
    assert not (public.site / "index.html").exists() and not (public.site / "ar" / "index.html").exists()


def test_publish_stale_publishes_an_outdated_page_with_a_notice(tmp_path):
    project = arabic_edition(Project(tmp_path / "project"), publish_stale=True)
    name = change_one_sentence(project, "faq.md")
    publishable(project)
    result = project.build(allow_dev_receiver=False, site_url=PUBLIC)
    assert result.returncode == 0, result.output
    assert "translated from an older version" not in result.output
    notice = soup(result.page("ar/" + url(name))).select_one('article .translation-outdated[role="note"]')
    assert notice is not None and notice.get_text(strip=True)
    if not (ROOT / "overrides" / "locales" / "ar.yml").exists():  # no catalog yet: the English words, marked English
        assert notice.select_one("p")["lang"] == "en" and notice.select_one("p")["dir"] == "ltr"
    for other in english_pages(project.root / "docs"):
        if other != name and other != booking_file("thank_you_page") and (result.site / "ar" / url(other) / "index.html").exists():
            assert soup(result.page("ar/" + url(other))).select_one(".translation-outdated") is None, other


def test_an_unreviewed_translation_shows_a_banner_in_previews_and_is_refused_by_a_public_build(arabic):
    arabic.set_front(f"docs/ar/{ARABIC_PAGE}", "reviewed_by", "pending")
    preview = arabic.build()
    assert preview.returncode == 0, preview.output
    banner = soup(preview.page("ar/" + url(ARABIC_PAGE))).select_one('article .translation-unreviewed[role="note"]')
    assert banner is not None and banner.select_one("summary").get_text(strip=True)
    assert soup(preview.page("ar/faq/")).select_one(".translation-unreviewed") is None  # reviewed
    assert soup(preview.page(url(ARABIC_PAGE))).select_one(".translation-unreviewed") is None  # the English page
    publishable(arabic)
    public = arabic.build(strict=False, allow_dev_receiver=False, site_url=PUBLIC)
    assert public.returncode != 0
    line = frontmatter.split(arabic.read(f"docs/ar/{ARABIC_PAGE}"), "x")[0].line_of("reviewed_by")
    assert (f"docs/ar/{ARABIC_PAGE}:{line}: the translation has not been medically reviewed (reviewed_by: pending) — "
            f"{UNREVIEWED_FIX.replace('docs/faq.md', f'docs/{ARABIC_PAGE}')}") in public.output
    assert not (public.site / "index.html").exists() and not (public.site / "ar" / "index.html").exists()


def test_a_translation_without_translated_from_fails_with_the_version_to_record(arabic):
    text = arabic.read(f"docs/ar/{ARABIC_PAGE}")
    arabic.write(f"docs/ar/{ARABIC_PAGE}", re.sub(r"^translated_from: .*\n", "", text, flags=re.MULTILINE))
    result = arabic.build(strict=False)
    assert result.returncode != 0
    version = translations.source_hash(arabic.read(f"docs/{ARABIC_PAGE}"))
    assert (f'add "translated_from: {version}" to its front matter, or run make translations '
            f"RECORD=docs/ar/{ARABIC_PAGE}") in result.output


def make_translations(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOLS / "translations.py"), "--project", str(project.root), *args],
                          cwd=project.root, capture_output=True, text=True, timeout=60)


def test_record_round_trip(arabic):
    name = change_one_sentence(arabic, "faq.md")
    before = arabic.read(f"docs/ar/{name}")
    table = make_translations(arabic)
    assert table.returncode == 0, table.stderr
    assert re.search(rf"^{re.escape(name)}\s+outdated$", table.stdout, re.MULTILINE), table.stdout
    assert f"  docs/ar/{name} (from docs/{name}): " in table.stdout
    assert make_translations(arabic, "--strict").returncode == 1
    # The translator updates the page, then records the version it now matches.
    recorded = make_translations(arabic, "--record", f"docs/ar/{name}")
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    version = translations.source_hash(arabic.read(f"docs/{name}"))
    assert f"recorded translated_from: {version}" in recorded.stdout
    after = arabic.read(f"docs/ar/{name}")
    changed = [(a, b) for a, b in zip(before.split("\n"), after.split("\n")) if a != b]
    assert len(before.split("\n")) == len(after.split("\n")) and len(changed) == 1
    assert changed[0][1] == f"translated_from: {version}"
    assert arabic.read(f"docs/ar/.sources/{name}") == arabic.read(f"docs/{name}")
    listed = make_translations(arabic).stdout
    assert re.search(rf"^{re.escape(name)}\s+current$", listed, re.MULTILINE)
    # --strict passes when every page is current (a page staff added and nobody has translated yet is "missing").
    others = re.findall(r"^\S+\.md\s+(outdated|missing|orphan)", listed, re.MULTILINE)
    assert make_translations(arabic, "--strict").returncode == (1 if others else 0), listed
    # Built again (with its Arabic edition), nothing is said about the page.
    result = arabic.build()
    assert result.returncode == 0, result.output


def test_make_translations_lists_missing_and_orphan_pages(arabic):
    (arabic.root / "docs/ar" / ARABIC_PAGE).unlink()
    arabic.write("docs/ar/retired.md", arabic.read("docs/ar/faq.md"))
    out = make_translations(arabic)
    assert out.returncode == 0
    assert re.search(rf"^{re.escape(ARABIC_PAGE)}\s+missing$", out.stdout, re.MULTILINE), out.stdout
    assert re.search(r"^retired\.md\s+orphan$", out.stdout, re.MULTILINE), out.stdout
    assert make_translations(arabic, "--record", "docs/faq.md").stdout.startswith("docs/faq.md: not a translated page")
