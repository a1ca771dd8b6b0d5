"""What the site takes from mkdocs-material (hooks/sitekit/theme.py, hooks/theme.py, overrides/): the bundle is
found in the installed theme and loaded with defer, extra_javascript still works, no browser global is replaced."""
from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from sitekit.theme import BUNDLE, bundle_path

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"


# ---------------------------------------------------------------- the bundle's path


def test_bundle_path_is_the_one_materials_base_template_names():
    named = re.findall(r"'(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)'",
                       (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8"))
    assert named and bundle_path([OVERRIDES, MATERIAL_TEMPLATES]) == named[0]


def _theme_dir(root: Path, *bundles: str) -> Path:
    for name in bundles:
        path = root / "assets/javascripts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    root.mkdir(parents=True, exist_ok=True)
    return root


def test_bundle_path_first_theme_dir_wins_like_mkdocs_copies_them(tmp_path):
    custom = _theme_dir(tmp_path / "custom")
    theme = _theme_dir(tmp_path / "theme", "bundle.abc.min.js", "bundle.abc.min.js.map")
    assert bundle_path([custom, theme]) == "assets/javascripts/bundle.abc.min.js"
    _theme_dir(custom, "bundle.fff.min.js")
    assert bundle_path([str(custom), str(theme)]) == "assets/javascripts/bundle.fff.min.js"


@pytest.mark.parametrize("bundles, message", [
    pytest.param((), "no assets/javascripts/bundle.*.min.js in the theme's directories", id="none"),
    pytest.param(("bundle.a.min.js", "bundle.b.min.js"), "2 files match", id="two"),
])
def test_bundle_path_refuses_a_theme_without_exactly_one(tmp_path, bundles, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        bundle_path([_theme_dir(tmp_path / "theme", *bundles)])


def test_cssprune_reads_the_same_bundle():
    from sitekit import cssprune
    assert cssprune.THEME_SCRIPT == BUNDLE


# ---------------------------------------------------------------- overrides/: no patches


GLOBAL_PATCH = re.compile(
    r"\b(?:window|self|globalThis|document|navigator|history)\.[A-Za-z_$][\w$]*\s*=(?!=)"   # window.Worker = …
    r"|\.prototype\.[A-Za-z_$][\w$]*\s*=(?!=)"                                           # X.prototype.send = …
    r"|(?<![\w$.])(?:Worker|XMLHttpRequest|fetch|EventTarget|Event)\s*=(?!=)")           # Worker = …


@pytest.mark.parametrize("code, patches", [
    pytest.param("window.Worker=function(){}", True, id="window-global"),
    pytest.param("XMLHttpRequest.prototype.send = x", True, id="prototype"),
    pytest.param("document.addEventListener=function(){}", True, id="document-method"),
    pytest.param("fetch = wrapped", True, id="bare-global"),
    pytest.param("if (window.Worker === undefined) x = 1", False, id="comparison"),
    pytest.param("var worker = new Worker(url); document.body.setAttribute('a', 'b')", False, id="use"),
])
def test_global_patch_pattern(code, patches):
    assert bool(GLOBAL_PATCH.search(code)) is patches


def test_no_browser_global_is_replaced_anywhere_in_overrides():
    files = [p for p in OVERRIDES.rglob("*") if p.suffix in (".html", ".js")]
    assert any(p.suffix == ".js" for p in files) and any(p.suffix == ".html" for p in files)
    found = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in files
             for m in GLOBAL_PATCH.finditer(p.read_text(encoding="utf-8"))]
    assert found == [], "overrides/ must not replace browser globals:\n" + "\n".join(found)


# ---------------------------------------------------------------- builds


def test_pages_load_materials_bundle_deferred_and_nothing_inline_loads_it(built):
    bundle = bundle_path([MATERIAL_TEMPLATES])
    for path in sorted(built.site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        scripts = [s for s in page.find_all("script") if "bundle." in (s.get("src") or "")]
        assert len(scripts) == 1 and scripts[0]["src"].endswith(bundle) and scripts[0].has_attr("defer"), path
        assert (built.site / bundle).is_file()
        assert page.select("script[data-src], script[data-lazy-search]") == [], path


def _add_to_theme(project, key: str, lines: list[str]) -> None:
    text = project.read("mkdocs.yml")
    marker = f"\n  {key}:\n"
    assert marker in text
    project.write("mkdocs.yml", text.replace(marker, marker + "".join(f"    - {line}\n" for line in lines), 1))


def test_extra_javascript_is_written_after_the_bundle_as_mkdocs_writes_it(project):
    project.write("docs/js/plain.js", "console.log('plain')\n")
    project.write("docs/js/later.js", "console.log('later')\n")
    text = project.read("mkdocs.yml")
    project.write("mkdocs.yml", text.replace("\nextra:\n", "\nextra_javascript:\n  - js/plain.js\n"
                                             "  - path: js/later.js\n    defer: true\n\nextra:\n", 1))
    result = project.build()
    assert result.returncode == 0, result.output
    page = BeautifulSoup(result.page("faq/"), "html.parser")
    scripts = [(s["src"], s.has_attr("defer")) for s in page.find_all("script", src=True)]
    assert scripts == [("../" + bundle_path([MATERIAL_TEMPLATES]), True), ("../js/plain.js", False),
                       ("../js/later.js", True)], scripts
