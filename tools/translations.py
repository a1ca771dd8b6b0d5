"""`make translations`: the status of every translated page, and recording the version a translation matches.

    python tools/translations.py [--project DIR] [--strict]
    python tools/translations.py --record docs/ar/faq.md

Prints a table: each page of the guide (docs/*.md) × each translated language (extra.languages in mkdocs.yml,
all but the first) as current, outdated (the English page changed since the version the translation records
in translated_from), missing (no docs/<code>/ page yet) or orphan (a translation with no English page), with
what changed in the English page for the outdated ones (read from docs/<code>/.sources/, the English page as it
was translated). Exit status 0, or with --strict 1 unless every page is current.

--record docs/ar/faq.md (`make translations RECORD=docs/ar/faq.md`), after a translator has brought the page up
to date with its English page: writes the English page's current version into the page's translated_from (only
that line of its front matter changes) and keeps a copy of the English page in docs/ar/.sources/faq.md.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

from sitekit import translations  # noqa: E402
from sitekit.settings import TolerantLoader  # noqa: E402


def settings(project: Path) -> tuple[str, list[dict]]:
    """docs_dir (as written in mkdocs.yml) and extra.languages."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TolerantLoader) or {}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    languages = extra.get("languages") if isinstance(extra.get("languages"), list) else []
    return str(config.get("docs_dir") or "docs").strip("/"), languages


def _pages(folder: Path, skip: set[str] = frozenset()) -> list[str]:
    """The Markdown pages under ``folder`` (names like faq.md), not in dotted folders or the folders ``skip``."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.rglob("*.md"):
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or (len(parts) > 1 and parts[0] in skip):
            continue
        found.append(path.relative_to(folder).as_posix())
    return sorted(found)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def rows(project: Path) -> tuple[list[translations.Row], list[str], str]:
    docs, languages = settings(project)
    codes = translations.translation_codes(languages)
    english = _pages(project / docs, set(codes))
    out = []
    for code in codes:
        folder = project / docs / code
        translated = _pages(folder)
        for name in english + [n for n in translated if n not in english]:
            out.append(translations.row(name, code, docs, _read(project / docs / name) if name in english else None,
                                        _read(folder / name) if name in translated else None,
                                        _read(folder / translations.SOURCES / name)))
    return out, codes, docs


def record(project: Path, given: str) -> tuple[int, str]:
    """Record the current version of the English page in the translation ``given`` (e.g. docs/ar/faq.md)."""
    docs, languages = settings(project)
    path = Path(given)
    try:
        relative = (path if path.is_absolute() else (Path.cwd() / path)).resolve().relative_to(project).as_posix()
    except ValueError:
        relative = given
    if not (project / relative).is_file() and (project / given).is_file():
        relative = Path(given).as_posix().lstrip("./")
    codes = translations.translation_codes(languages)
    if not translations.is_translation_path(relative, docs, languages):
        where = ", ".join(f"{docs}/{code}/" for code in codes) or "none: extra.languages lists no translated language"
        return 1, (f"{given}: not a translated page — give the path of a page under a language's folder "
                   f"({where}), e.g. RECORD={docs}/{codes[0] if codes else 'ar'}/faq.md")
    code = relative[len(docs) + 1:].split("/", 1)[0]
    english = translations.english_path(relative, code)
    if not (project / relative).is_file():
        return 1, f"{relative}: there is no such page — check the file name (make translations lists every page)"
    if not (project / english).is_file():
        return 1, (f"{relative}: there is no English page {english} to record — give the translation the file name "
                   "of the English page it translates")
    english_text = (project / english).read_text(encoding="utf-8-sig")
    version = translations.source_hash(english_text)
    page = project / relative
    with open(page, encoding="utf-8", newline="") as handle:
        text = handle.read()
    try:
        updated = translations.with_recorded(text, version)
    except ValueError as error:
        return 1, (f"{relative}: {error} — give it front matter (title, description, reviewed_by, last_reviewed) "
                   "first (EDITING.md, \"Translations\")")
    with open(page, "w", encoding="utf-8", newline="") as handle:
        handle.write(updated)
    snapshot = project / translations.snapshot_path(relative, code)
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(project / english, snapshot)
    return 0, (f"{relative}: recorded translated_from: {version} ({english} as it is now); "
               f"{translations.snapshot_path(relative, code)} is now a copy of it.\n"
               "If the medical content changed, ask the reviewer to check the translation again and update its "
               "reviewed_by and last_reviewed.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="the folder with mkdocs.yml (default: this project)")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless every page is current in every language")
    parser.add_argument("--record", metavar="PAGE", help="record the English page's version in this translation")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.record:
        status, message = record(project, args.record)
        print(message)
        return status
    found, codes, docs = rows(project)
    if not codes:
        print("No translations: extra.languages in mkdocs.yml lists no language besides the default.")
        return 0
    print(translations.table(found, codes, docs))
    if args.strict and any(entry.status != translations.CURRENT for entry in found):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
