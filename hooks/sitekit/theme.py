"""What the site relies on in mkdocs-material, in one place: the version our template overrides were checked
against, which overrides those are, and where the theme's script is.

``TESTED_MATERIAL`` is the one place that names the version. Every workaround in ``overrides/`` (a file that
shadows one of Material's templates, and our scripts that use Material's internals) starts with a Jinja comment
naming it; tests/test_theme.py fails on any other installed version until each has been re-checked.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterable

from jinja2 import FileSystemBytecodeCache, nodes
from markupsafe import Markup

#: The mkdocs-material version every workaround in overrides/ was copied from or checked against.
TESTED_MATERIAL = "9.8.2"

#: Material's script, relative to a theme directory (and to the built site). Its name carries a content hash.
BUNDLE = "assets/javascripts/bundle.*.min.js"

#: Our scripts under overrides/ that use Material's internals (not files of Material's): workarounds too.
OWN_WORKAROUNDS = ("partials/javascripts/palette-media.html",)


def bundle_path(theme_dirs: Iterable[str | Path]) -> str:
    """The bundle's path relative to the site ("assets/javascripts/bundle.<hash>.min.js"), from the theme's
    directories in MkDocs' order (``config.theme.dirs``: custom_dir first; the first one that has it wins, as
    when MkDocs copies the theme's files). ValueError if none has exactly one."""
    theme_dirs = list(theme_dirs)
    for directory in theme_dirs:
        found = sorted(Path(directory).glob(BUNDLE))
        if len(found) > 1:
            raise ValueError(f"{len(found)} files match {BUNDLE} in {directory} "
                             f"({', '.join(p.name for p in found)}): expected one — reinstall mkdocs-material")
        if found:
            return found[0].relative_to(directory).as_posix()
    raise ValueError(f"no {BUNDLE} in the theme's directories ({', '.join(map(str, theme_dirs)) or 'none'}) "
                     f"— is the theme still mkdocs-material {TESTED_MATERIAL.split('.')[0]}?")


def workarounds(overrides_dir: Path, theme_dir: Path) -> list[str]:
    """Files of overrides_dir (POSIX paths relative to it) that depend on Material's insides: every template that
    shadows one of Material's (same path in theme_dir), and OWN_WORKAROUNDS that exist."""
    overrides_dir, theme_dir = Path(overrides_dir), Path(theme_dir)
    found = {path.relative_to(overrides_dir).as_posix() for path in overrides_dir.rglob("*.html")
             if (theme_dir / path.relative_to(overrides_dir)).is_file()}
    found |= {name for name in OWN_WORKAROUNDS if (overrides_dir / name).is_file()}
    return sorted(found)


def first_line_names_version(text: str, version: str = TESTED_MATERIAL) -> bool:
    """Whether a template's first line is a Jinja comment that names ``Material <version>``."""
    first = text.split("\n", 1)[0]
    return first.startswith("{#") and f"Material {version}" in first


def template_cache(project_dir: str | Path, salt: str, folder: str = ".cache/templates"):
    """Jinja's bytecode cache in ``project_dir/folder/salt`` (one folder per version of the hooks, MkDocs and
    Material: how the environment compiles depends on them; older folders are removed). Jinja checks each
    template's source before it uses what it kept."""
    root = Path(project_dir) / folder
    here = root / salt
    if not here.is_dir():
        shutil.rmtree(root, ignore_errors=True)
        here.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(here))


def same_on_every_page():
    """A template global for one build (a new one per Jinja environment): ``{% call same_on_every_page("name") %}
    …{% endcall %}`` renders its body once, on the first page, and gives every later page the same markup. For
    parts of a page that do not depend on the page (no ``page``, no page-relative ``url``): the footer, the search
    dialog, the example details banner; tests/test_theme.py checks each such body."""
    kept: dict[str, Markup] = {}

    def same_on_every_page(name: str, caller) -> Markup:
        if name not in kept:
            kept[name] = Markup(caller())
        return kept[name]

    return same_on_every_page


#: The template variables that differ from page to page.
PAGE_NAMES = frozenset({"page", "base_url", "nav"})


def page_dependencies(env, name: str, source: str | None = None) -> list[str]:
    """Why the body of a ``{% call same_on_every_page(…) %}`` in template ``name`` (its ``source``, or the one
    ``env`` loads) could differ from page to page, as ``"template:line: what"``: each use of a page variable
    (``PAGE_NAMES``), of the ``url`` filter (addresses relative to the page), or of an include or import whose
    name is not fixed (Material's icons, ``".icons/" ~ …``, are files); what the body includes or imports is
    read the same way, whole. Empty: every page may get what was rendered for the first."""
    tree = env.parse(source if source is not None else env.loader.get_source(env, name)[0], name=name)
    problems: list[str] = []
    seen: set[str] = set()
    for block in tree.find_all(nodes.CallBlock):
        if isinstance(block.call.node, nodes.Name) and block.call.node.name == "same_on_every_page":
            for statement in block.body:
                _page_uses(env, statement, name, seen, problems)
    return problems


_USES = (nodes.Name, nodes.Filter, nodes.Include, nodes.Import, nodes.FromImport)


def _page_uses(env, tree, where: str, seen: set[str], problems: list[str]) -> None:
    for node in ([tree] if isinstance(tree, _USES) else []) + list(tree.find_all(_USES)):
        if isinstance(node, nodes.Name):
            if node.ctx == "load" and node.name in PAGE_NAMES:
                problems.append(f"{where}:{node.lineno}: uses {node.name}")
        elif isinstance(node, nodes.Filter):
            if node.name == "url":
                problems.append(f"{where}:{node.lineno}: uses the url filter (an address relative to the page)")
        elif isinstance(node.template, nodes.Const) and isinstance(node.template.value, str):
            included = node.template.value
            if included not in seen:
                seen.add(included)
                _page_uses(env, env.parse(env.loader.get_source(env, included)[0], name=included), included,
                           seen, problems)
        elif not (isinstance(node.template, nodes.Concat) and isinstance(node.template.nodes[0], nodes.Const)
                  and str(node.template.nodes[0].value).startswith(".icons/")):
            problems.append(f"{where}:{node.lineno}: includes a template whose name is not fixed")
