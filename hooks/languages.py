"""Hook: one build per language (README "Languages"); the logic is in sitekit.languages.

The default language's build (the one ``mkdocs build``/``serve``/``gh-deploy`` starts) leaves out the other
languages' folders (``docs/CODE/``), and, once every page was read, runs one nested MkDocs build per other
language: ``mkdocs.config.load_config`` of the same mkdocs.yml with ``docs_dir`` docs/CODE, ``site_dir``
SITE/CODE and ``site_url`` SITE_URL/CODE/, the theme's language set to CODE (Material's own labels, ``lang``
and ``dir``) and Material's search in that language. Each nested build runs every hook with its own config
and state (hooks/site.py); it shares the default docs folder's other files and falls back to the default
language's page, with a notice, where it has no page of its own. The nested builds run at the default build's
``on_post_build`` (or, when the default build has errors, just before it stops on them), and the problems of
all builds stop the default build once, listing every one. Nothing of MkDocs is patched.
"""
from __future__ import annotations

import os

from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from sitekit import languages, state


def _default_docs(site) -> str:
    return site.docs_dirs[-1]


def _exists(site):
    folder = _default_docs(site)
    return lambda relative: os.path.isfile(os.path.join(folder, relative))


@event_priority(80)  # after hooks/site.py (100) made the state
def on_config(config):
    site = state.of(config)
    if not site.languages:
        return config
    root = languages.default_root(config.site_url, site.language)
    site.values["default_root"] = root
    # Material shows its language select when extra.alternate is set (overrides/partials/alternate.html gives
    # each page its own links); its direction (body dir) is the language's.
    config.extra["alternate"] = languages.switcher(site.languages, None, root, config.use_directory_urls)
    config.theme["direction"] = site.language.dir
    if not site.language.default and config.nav:
        own = config.docs_dir
        config.nav = languages.language_nav(config.nav, lambda path: os.path.isfile(os.path.join(own, path)))
    return config


def on_files(files, config):
    site = state.of(config)
    if not site.languages:
        return files
    others = [lang.code for lang in site.languages if not lang.default]
    if site.language.default:
        for file in [f for f in files if languages.is_other_language(f.src_uri, others)]:
            files.remove(file)
        return files
    # A language's build: robots.txt is the default build's (at the site's root only); the default folder's
    # pictures and scripts unless the language has its own; the default language's page for each page it has not
    # (yet) translated.
    robots = files.get_file_from_path("robots.txt")
    if robots is not None and not robots.is_documentation_page():
        files.remove(robots)
    pages, other = languages.site_files(_default_docs(site), skip_top=others)
    own = {file.src_uri for file in files}
    for uri in languages.shared_files(other, own):
        files.append(File(uri, _default_docs(site), config.site_dir, config.use_directory_urls))
    untranslated = languages.fallbacks(pages, own)
    for uri in untranslated:
        files.append(File(uri, _default_docs(site), config.site_dir, config.use_directory_urls))
    site.values["untranslated"] = set(untranslated)
    return files


@event_priority(90)  # after hooks/site.py (100) made the page's record
def on_page_markdown(markdown, page, config, files):
    site = state.of(config)
    if not site.languages or site.language.default:
        return markdown
    if page.file.src_uri in site.values.get("untranslated", ()):
        source = site.languages[0]
        page.meta["untranslated"] = {"lang": source.tag, "dir": source.dir, "language": site.language.code}
    elif isinstance(page.meta.get("menu"), str) and page.meta["menu"].strip():
        page.title = page.meta["menu"]  # the menu's label (the page keeps its title: for the browser tab)
    return markdown


@event_priority(-90)  # before hooks/site.py (-100) stops the build on errors
def on_env(env, config, files):
    site = state.of(config)
    if not site.languages:
        return env
    root, exists = site.values["default_root"], _exists(site)
    untranslated = site.values.get("untranslated", set())
    env.globals["hreflang"] = {
        file.src_uri: [] if file.src_uri in untranslated else
        languages.alternates(site.languages, file.src_uri, exists, root, config.use_directory_urls)
        for file in files.documentation_pages()}
    env.globals["untranslated"] = untranslated
    env.globals["site_language"] = site.language.as_dict()
    env.globals["language_homes"] = config.extra["alternate"]
    if site.language.default and site.errors:
        # This build stops next (hooks/site.py): the other languages are checked first, so that it stops once
        # with every language's problems.
        _build_other_languages(site, config)
    return env


@event_priority(-110)  # last: after Material's search wrote this language's index and hooks/site.py saved the cache
def on_post_build(config):
    site = state.of(config)
    if not site.languages or not site.language.default:
        return
    # Here, not earlier: MkDocs keeps one instance of Material's search plugin per process (it has on_startup),
    # so a language's build may only start once this build's search index is written.
    _build_other_languages(site, config)
    if site.errors and not state.SESSION.dirty:
        # The default language's pages are written by now: a build that stops on another language's problems
        # leaves the folder as a build stopped on its own leaves it (MkDocs emptied it when it started), so a
        # refused build has nothing to upload.
        clean_directory(config.site_dir)
    site.stop_if_errors()


def _build_other_languages(site, config) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if site.values.get("languages_built"):
        return
    site.values["languages_built"] = True
    seen = {str(problem) for problem in site.problems}
    for language in site.languages[1:]:
        options = languages.nested_options(config.docs_dir, config.site_dir, config.site_url, language, config.strict)
        nested = load_config(config.config_file_path, **options)
        nested.theme["language"] = language.code
        state.hand_over(nested, seen)
        search = nested.plugins.get("material/search") or nested.plugins.get("search")
        if search is not None and not search.config.get("lang"):
            search.config.lang = languages.search_lang(language.code)
        try:
            build(nested, dirty=False)
        except state.LanguageStopped:
            pass
        except MkDocsException:  # a strict build's warnings (counted by this build too) or MkDocs' own error
            pass
        problems = getattr(nested, "site_state", None)
        if problems is not None:  # what a public build of this language would refuse, for `make check`
            known = {str(problem) for problem in site.publish_only}
            site.publish_only += [problem for problem in problems.publish_only if str(problem) not in known]
        for problem in problems.problems if problems is not None else []:
            if str(problem) in seen:  # a page that falls back: the default build said it already
                continue
            seen.add(str(problem))
            site.problems.append(problem)
            if problem.severity == "error":
                site.errors.append(problem)


@event_priority(-10)  # after hooks/seo.py made page.meta.seo
def on_page_context(context, page, config, nav):
    site = state.of(config)
    if not site.languages:
        return context
    root = site.values["default_root"]
    uri = page.file.src_uri
    alternates = site.env.globals["hreflang"].get(uri, []) if site.env else []
    page.meta["languages"] = {
        "alternates": alternates,
        "switcher": languages.switcher(site.languages, uri, root, config.use_directory_urls),
    }
    seo = page.meta.get("seo")
    if seo:
        seo["og"]["locale_alternates"] = [a["locale"] for a in alternates
                                          if a["code"] and a["code"] != site.language.code]
        if page.meta.get("untranslated"):  # the same text as the default language's page: that is the original
            seo["canonical"] = seo["og"]["url"] = languages.absolute_url(
                root, languages.page_url(uri, config.use_directory_urls))
    return context


def _with_dir(html: str, config) -> str:
    site = state.of(config)
    if not site.languages:
        return html
    direction = site.language.dir
    return site.edit_page("html-dir", html, lambda text: (languages.html_dir_edits(text, direction), None),
                          direction)[0]


def on_post_page(output, page, config):
    return _with_dir(output, config)


def on_post_template(output_content, template_name, config):
    return _with_dir(output_content, config) if template_name.endswith(".html") else output_content
