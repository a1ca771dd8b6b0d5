"""Hook: the translation status of each translated page (sitekit.translations), in a translated language's build.

In the build of a language other than the first of ``extra.languages`` (``docs_dir`` is ``docs/<code>``; the
English pages are in the folder above it), each page is compared with its English page: outdated (a warning in
previews, an error in a public build unless the language has ``publish_stale: true``, then a notice on the page),
not yet medically reviewed (a banner in previews, an error in a public build), no ``translated_from`` (an error).
What the page shows is in ``page.meta.translation`` for overrides/partials/translation-status.html.
"""
from __future__ import annotations

import os

from sitekit import state, translations


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def on_page_markdown(markdown, page, config, files):
    site = state.of(config)
    language = translations.language_of(config.docs_dir, site.extra.get("languages"))
    if language is None or site.falls_back(page.file.src_uri):  # the English page itself: not a translation
        return markdown
    record = site.page(page).record
    if record.front_problems or not record.front.present:
        return markdown  # hooks/frontmatter.py says what is wrong first
    name = page.file.src_uri
    english = _read(os.path.join(language.source_dir, *name.split("/")))
    snapshot = _read(os.path.join(language.docs_dir, translations.SOURCES, *name.split("/")))
    verdict = translations.check(record.front, record.path, language.code, english, snapshot,
                                 publishing=site.publishing, publish_stale=language.publish_stale)
    site.report(list(verdict.problems))
    if not site.publishing:  # what a public build would refuse besides, for `make check` (the state's publish_only)
        public = translations.check(record.front, record.path, language.code, english, snapshot,
                                    publishing=True, publish_stale=language.publish_stale)
        said = {str(problem) for problem in verdict.problems}
        site.publish_only += [problem for problem in public.problems
                              if problem.severity == "error" and str(problem) not in said]
    page.meta["translation"] = {"status": verdict.status, "outdated": verdict.outdated_notice,
                                "unreviewed": verdict.unreviewed}
    return markdown
