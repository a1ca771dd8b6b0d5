"""Translation status (sitekit.translations, hooks/translations.py, tools/translations.py): table-driven tests of
the version hash, the status, what changed and the messages; build tests on a copy of the site built as its
Arabic edition (docs_dir docs/ar, as the nested per-language build does), with the English pages copied in as
translations and one page written in Arabic."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Project, site_config
from sitekit import frontmatter, translations
from sitekit.problems import ERROR, WARNING

LANGUAGES = [{"code": "en", "locale": "en_GB", "name": "English"},
             {"code": "ar", "locale": "ar", "name": "العربية", "publish_stale": False}]

PUBLIC = "https://user.github.io/repo/"
#: The page the build tests write in Arabic (the others are the English pages, copied in as their translations).
ARABIC_PAGE = "conclusion.md"
ARABIC = """---
title: باختصار
description: أهم النقاط عن هذا العلاج في صفحة واحدة، ما هو وما قد يساعد فيه وماذا تتوقع ولماذا تأتي الاستشارة أولا.
reviewed_by: {reviewer}
last_reviewed: {day}
---

# باختصار

هذه أهم النقاط في هذا الدليل.

## ما هو العلاج

حقن صغيرة في الطبقة الوسطى من الجلد. تختلف النتائج من شخص إلى آخر، والاستشارة هي التي تحدد إن كان مناسبا لك.
"""


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def english_pages(docs) -> list:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                  if not any(part.startswith(".") for part in p.relative_to(docs).parts) and p.relative_to(docs).parts[0] != "ar")


def arabic_edition(project: Project, publish_stale: bool = False) -> Project:
    """This copy of the site as its Arabic build: every English page copied to docs/ar/ as its translation (the
    version recorded and the English page kept in docs/ar/.sources/), one page written in Arabic, and mkdocs.yml
    as the nested build of the language sees it (docs_dir docs/ar, theme.language ar, extra.languages)."""
    docs = project.root / "docs"
    ar = docs / "ar"
    names = english_pages(docs)
    ar.mkdir()
    for item in list(docs.iterdir()):
        if item.name != "ar":
            (shutil.copytree if item.is_dir() else shutil.copy2)(item, ar / item.name)
    reviewer = next(iter(site_config(project.root)["extra"]["reviewers"]))
    day = max(str(frontmatter.split((docs / n).read_text(encoding="utf-8"), n)[0].meta.get("last_reviewed"))
              for n in names)
    for name in names:
        english = (docs / name).read_text(encoding="utf-8")
        text = ARABIC.format(reviewer=reviewer, day=day) if name == ARABIC_PAGE else english
        project.write(f"docs/ar/{name}", translations.with_recorded(text, translations.source_hash(english)))
        project.write(f"docs/ar/.sources/{name}", english)
    text = project.read("mkdocs.yml")
    assert "\ndocs_dir: docs\n" in text and "\n  language: en\n" in text
    project.write("mkdocs.yml", text.replace("\ndocs_dir: docs\n", "\ndocs_dir: docs/ar\n")
                  .replace("\n  language: en\n", "\n  language: ar\n"))
    languages = [dict(entry) for entry in LANGUAGES]
    languages[1]["publish_stale"] = publish_stale
    project.set_extra("languages", languages)
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
