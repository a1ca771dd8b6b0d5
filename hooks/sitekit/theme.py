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

from jinja2 import FileSystemBytecodeCache

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
