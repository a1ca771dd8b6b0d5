"""What the site takes from mkdocs-material (hooks/sitekit/theme.py, hooks/theme.py, overrides/): the bundle is
found in the installed theme and loaded with defer, extra_javascript still works, no browser global is replaced,
the copied partials differ from Material's only by their documented changes, search.share builds, and an
untested Material version fails until every workaround has been re-checked."""
from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from sitekit.theme import (BUNDLE, OWN_WORKAROUNDS, TESTED_MATERIAL, bundle_path, first_line_names_version,
                           page_dependencies, same_on_every_page,
                           workarounds)

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"


# ---------------------------------------------------------------- the Material version


def test_installed_material_is_the_tested_version_while_workarounds_remain():
    installed = version("mkdocs-material")
    remaining = workarounds(OVERRIDES, MATERIAL_TEMPLATES)
    if remaining and installed != TESTED_MATERIAL:
        pytest.fail(
            f"mkdocs-material {installed} is installed, but overrides/ was checked against {TESTED_MATERIAL}. "
            f"Re-check each workaround against Material {installed}'s templates "
            f"({MATERIAL_TEMPLATES.relative_to(MATERIAL_TEMPLATES.parents[1])}): "
            + ", ".join(f"overrides/{name}" for name in remaining)
            + " — diff each copied partial with Material's new one and carry our change over (or drop the copy if "
              "Material now does it), check the blocks overrides/main.html replaces still exist in base.html, run the "
              "browser tests (tests/browser), then set TESTED_MATERIAL in hooks/sitekit/theme.py and the first line "
              "of every file above to the new version.")


def test_requirements_pin_the_tested_version():
    pins = re.findall(r"^mkdocs-material==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pins == [TESTED_MATERIAL], (
        f"requirements.txt pins mkdocs-material {pins}, overrides/ was checked against {TESTED_MATERIAL}: "
        "see test_installed_material_is_the_tested_version_while_workarounds_remain for what to re-check")


def test_every_workaround_says_why_and_names_the_tested_version_on_its_first_line():
    remaining = workarounds(OVERRIDES, MATERIAL_TEMPLATES)
    assert {"main.html", "partials/search.html", "partials/toc.html"} <= set(remaining), remaining
    unnamed = [name for name in remaining
               if not first_line_names_version((OVERRIDES / name).read_text(encoding="utf-8"))]
    assert unnamed == [], (f"the first line of each of these must be a Jinja comment naming Material "
                           f"{TESTED_MATERIAL} and saying what it changes and why a block cannot: {unnamed}")


@pytest.mark.parametrize("text, expected", [
    pytest.param("{#- Copy of Material 9.8.2's partials/x.html: why -#}\n<div>", True, id="named"),
    pytest.param("{#- Copy of Material 9.8's partials/x.html -#}\n", False, id="minor-version-only"),
    pytest.param("<div>{#- Material 9.8.2 -#}", False, id="not-a-comment"),
    pytest.param("{#- Site additions -#}\n{#- Material 9.8.2 -#}", False, id="not-the-first-line"),
])
def test_first_line_names_version(text, expected):
    assert first_line_names_version(text, "9.8.2") is expected


def test_workarounds_are_shadowing_templates_and_our_scripts_on_materials_internals(tmp_path):
    theme, overrides = tmp_path / "theme", tmp_path / "overrides"
    for name in ("main.html", "partials/toc.html", "partials/footer.html"):
        (theme / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / name).write_text("x")
    for name in ("main.html", "partials/toc.html", "partials/ours.html", OWN_WORKAROUNDS[0]):
        (overrides / name).parent.mkdir(parents=True, exist_ok=True)
        (overrides / name).write_text("x")
    assert workarounds(overrides, theme) == sorted(["main.html", "partials/toc.html", OWN_WORKAROUNDS[0]])


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


# ---------------------------------------------------------------- copied partials: only their documented changes


def _body(text: str) -> str:
    """A template without its leading Jinja comments (Material's "generated" note, our why-comments)."""
    return re.sub(r"\A(?:\s*\{#.*?#\})+\s*", "", text, flags=re.S)


TOC_LABEL = """    <label class="md-nav__title" for="__toc">
      <span class="md-nav__icon md-icon"></span>
      {{ title }}
    </label>
"""
COPIES = {
    "partials/search.html": [
        ('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') | e }}">'),
        ('href="javascript:void(0)"', 'href="#"'),
        ('<div class="md-search" data-md-component="search"',
         '{%- call same_on_every_page("partials/search.html") -%}\n<div class="md-search" data-md-component="search"'),
        ("  </div>\n</div>\n", "  </div>\n</div>\n{%- endcall %}\n"),
    ],
    "partials/toc.html": [
        (TOC_LABEL, "    {%- if page.file.src_uri in nav_page_uris %}\n" + TOC_LABEL
         + '    {%- else %}\n    <span class="md-nav__title">{{ title }}</span>\n    {%- endif %}\n'),
    ],
}


@pytest.mark.parametrize("name", sorted(COPIES))
def test_copied_partials_differ_from_materials_only_by_their_documented_changes(name):
    expected = _body((MATERIAL_TEMPLATES / name).read_text(encoding="utf-8"))
    for old, new in COPIES[name]:
        assert expected.count(old) == 1, f"Material's {name} changed: {old!r} is not there once — re-check the copy"
        expected = expected.replace(old, new)
    assert _body((OVERRIDES / name).read_text(encoding="utf-8")).strip() == expected.strip(), (
        f"overrides/{name} drifted from Material {TESTED_MATERIAL}'s copy plus its documented changes")


# ---------------------------------------------------------------- parts rendered once per build


def _env():
    from jinja2 import DictLoader, Environment
    return Environment(loader=DictLoader({
        "fixed.html": "<p>{{ config.extra.clinic.name }}</p>{% include 'inner.html' %}",
        "inner.html": "{% include '.icons/' ~ icon ~ '.svg' %}",
        "paged.html": "<a href='{{ \"book/\" | url }}'>{{ page.title }}</a>",
        ".icons/x.svg": "<svg></svg>",
    }))


@pytest.mark.parametrize("source, problems", [
    pytest.param('{% call same_on_every_page("t") %}<p>{{ t["a"] }}</p>{% include "fixed.html" %}{% endcall %}', [],
                 id="settings-text-and-fixed-includes"),
    pytest.param('{% call same_on_every_page("t") %}{% endcall %}{{ page.title }}{{ "x" | url }}', [],
                 id="outside-the-block-is-not-its-business"),
    pytest.param('{% call same_on_every_page("t") %}\n{{ page.title }}{% endcall %}', ["t:2: uses page"],
                 id="page"),
    pytest.param('{% call same_on_every_page("t") %}{{ base_url }}/{{ nav }}{% endcall %}',
                 ["t:1: uses base_url", "t:1: uses nav"], id="base-url-and-nav"),
    pytest.param('{% call same_on_every_page("t") %}{{ "book/" | url }}{% endcall %}',
                 ["t:1: uses the url filter (an address relative to the page)"], id="url-filter"),
    pytest.param('{% call same_on_every_page("t") %}{% include "paged.html" %}{% endcall %}',
                 ["paged.html:1: uses the url filter (an address relative to the page)", "paged.html:1: uses page"],
                 id="what-it-includes"),
    pytest.param('{% call same_on_every_page("t") %}{% include name %}{% endcall %}',
                 ["t:1: includes a template whose name is not fixed"], id="include-by-variable"),
    pytest.param('{% call same_on_every_page("t") %}{% set page = 1 %}{% endcall %}', [], id="a-variable-it-sets"),
])
def test_page_dependencies(source, problems):
    assert page_dependencies(_env(), "t", source) == problems


def test_parts_rendered_once_per_build_do_not_depend_on_the_page():
    from mkdocs.config import load_config
    env = load_config(str(ROOT / "mkdocs.yml")).theme.get_env()
    users = sorted(path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*.html")
                   if "same_on_every_page(" in path.read_text(encoding="utf-8"))
    assert {"partials/copyright.html", "partials/search.html", "partials/example-data.html"} <= set(users)
    assert {name: page_dependencies(env, name) for name in users} == {name: [] for name in users}


def test_same_on_every_page_renders_its_body_once_per_build():
    from jinja2 import Environment
    env, calls = Environment(), []
    template = env.from_string('{% call same_on_every_page("x") %}<b>{{ count() }}</b>{% endcall %}')
    env.globals["count"] = lambda: calls.append(1) or len(calls)
    env.globals["same_on_every_page"] = same_on_every_page()
    assert [template.render(), template.render()] == ["<b>1</b>", "<b>1</b>"]
    env.globals["same_on_every_page"] = same_on_every_page()  # the next build renders it again
    assert template.render() == "<b>2</b>"


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


def test_search_share_builds_cleanly_with_a_link_materials_script_can_use(project):
    _add_to_theme(project, "features", ["search.share"])
    result = project.build()
    assert result.returncode == 0, result.output
    page = BeautifulSoup(result.page("how-it-works/"), "html.parser")
    share = page.select('[data-md-component="search-share"]')
    # Material's script sets the link's href (so it must stay an <a>) and cancels its click.
    assert len(share) == 1 and share[0].name == "a" and share[0]["href"] == "#", share
    assert share[0].has_attr("data-clipboard") and share[0]["aria-label"]


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
