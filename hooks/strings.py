"""Hook: the site's fixed wording (book bar, page end, booking form, topic boxes, notices …) from the catalog of
the build's language (``theme.language``, English when unset): ``overrides/locales/<code>.yml``, given to the
templates as ``t`` (``{{ t["book_bar.book"] }}``). The logic is in sitekit.strings.

Checked once a build, at start-up: the English catalog has every key the templates name, the build's catalog has
exactly the English keys (and their placeholders); each problem names the file and line, and stops the build
with the others (after every page was read). The catalogs are the theme's files, so they are kept out of the
published site.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit import state, strings
from sitekit.problems import Problem, display_path, tag


def _folder(config) -> Path | None:
    custom = config.theme.custom_dir
    return Path(custom) / strings.FOLDER if custom else None


def language(config) -> str:
    return config.theme.get("language") or strings.DEFAULT


@event_priority(90)  # after the site hook made the state
def on_config(config):
    site = state.of(config)
    folder = _folder(config)
    if folder is None:
        return config
    shown = display_path(str(folder), site.project_dir)
    remember = lambda key, compute: site.cache.get("catalog", key, compute)  # noqa: E731
    english, problems = strings.load(folder, strings.DEFAULT, shown, remember)
    problems = list(problems)  # (the cached list stays as it was)
    if english is None:
        site.report(tag(problems, "strings"))
        return config
    code = language(config)
    templates = {display_path(str(path), site.project_dir): path.read_text(encoding="utf-8")
                 for path in sorted(Path(config.theme.custom_dir).rglob("*.html"))}
    problems += strings.check_templates(templates, english)
    problems += [Problem(english.path, 1, f"{key} is missing",
                         "add it (the templates make this key from the day names in mkdocs.yml)")
                 for key in strings.day_keys() if key not in english.values]
    catalog = english
    if code != strings.DEFAULT:
        catalog, found = strings.load(folder, code, shown, remember)
        problems += found
        if catalog is not None:
            problems += strings.compare(catalog, english)
    site.report(tag(problems, "strings"))
    found = site.values["strings"] = strings.strings_for(catalog, english)
    found.reported = bool(problems)  # the build stops after every page was read: render what there is till then
    return config


def on_files(files, config):
    # The catalogs are in the theme folder, which MkDocs copies to the site: they are not for visitors.
    folder = _folder(config)
    if folder is None:
        return files
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).parent == folder and file.src_uri.endswith(".yml"):
            files.remove(file)
    return files


@event_priority(110)  # before anything renders a template
def on_env(env, config, files):
    found = state.of(config).values.get("strings")
    if found is not None:
        strings.install(env, found)
    return env
