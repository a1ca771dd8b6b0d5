"""Stylesheet pruning (hooks/sitekit/cssprune.py): table-driven, exact output."""
from __future__ import annotations

import pytest

import sitekit.cssprune as cssprune
from sitekit.cssprune import (Keep, SiteFacts, keep_for, own_script_classes, prune, site_stylesheet,
                              theme_script_classes)

KEEP = Keep(classes=frozenset({"a", "b", "md-typeset"}),
            attributes={"data-md-color-primary": frozenset({"teal"})},
            properties=frozenset({"--from-js"}))


@pytest.mark.parametrize("css, expected", [
    pytest.param(".a{color:red}.c{color:blue}", ".a{color:red}", id="unused-class-dropped"),
    pytest.param(".a,.c{color:red}", ".a{color:red}", id="selector-list-keeps-usable-ones"),
    pytest.param(".a .c, p{margin:0}", "p{margin:0}", id="descendant-class-needed-too"),
    pytest.param("p, h1 > a{margin:0}", "p,h1 > a{margin:0}", id="elements-kept"),
    pytest.param(".a:not(.c){x:1}", ".a:not(.c){x:1}", id="not-is-not-judged"),
    pytest.param(".md-typeset :is(.c,.a){x:1}", ".md-typeset :is(.c,.a){x:1}", id="is-any-branch"),
    pytest.param(".md-typeset :is(.c,.d){x:1}", "", id="is-no-branch"),
    pytest.param("[dir=rtl] .a{x:1}[dir=ltr] .a{x:2}", "[dir=ltr] .a{x:2}", id="rtl-dropped"),
    pytest.param(".a:dir(rtl){x:1}.a:dir(ltr){x:2}", ".a:dir(ltr){x:2}", id="dir-pseudo-rtl-dropped"),
    pytest.param("[data-md-color-primary=red]{x:1}[data-md-color-primary=teal]{x:2}",
                 "[data-md-color-primary=teal]{x:2}", id="palette-colours-not-used"),
    pytest.param("[data-other=red]{x:1}", "[data-other=red]{x:1}", id="other-attributes-kept"),
    pytest.param("@media screen{.c{x:1}}@media print{.a{x:1}}", "@media print{.a{x:1}}", id="empty-media-dropped"),
    pytest.param("@supports (display:grid){.a{display:grid}}", "@supports (display:grid){.a{display:grid}}",
                 id="supports-kept"),
    pytest.param(":root{--used:1;--unused:2;--chain:3;--via:var(--chain)}.a{x:var(--used);y:var(--via)}",
                 ":root{--used:1;--chain:3;--via:var(--chain)}.a{x:var(--used);y:var(--via)}",
                 id="custom-properties-followed"),
    pytest.param(":root{--only-unused-rule:1}.c{x:var(--only-unused-rule)}", "", id="property-of-dropped-rule"),
    pytest.param(":root{--from-js:1}", ":root{--from-js:1}", id="property-named-by-scripts"),
    pytest.param("@keyframes spin{to{x:1}}@keyframes gone{to{x:1}}.a{animation:spin 1s}",
                 "@keyframes spin{to{x:1}}.a{animation:spin 1s}", id="keyframes-only-when-named"),
    pytest.param("/* note */\n.a {\n  color : red ;\n  margin: 0 !important;\n}\n",
                 ".a{color:red;margin:0!important}", id="minified"),
    pytest.param('@charset "UTF-8";.a{content:"é"}', '@charset "UTF-8";.a{content:"é"}', id="charset-when-needed"),
    pytest.param('@charset "UTF-8";.a{content:"e"}', '.a{content:"e"}', id="charset-when-ascii-dropped"),
    pytest.param("@page{margin:1cm}", "@page{margin:1cm}", id="page-kept"),
])
def test_prune(css, expected):
    assert prune(css, KEEP) == expected


ELEMENTS = Keep(classes=frozenset({"a"}), elements=frozenset({"p", "html", "svg"}))


@pytest.mark.parametrize("css, expected", [
    pytest.param("p{x:1}kbd{x:2}", "p{x:1}", id="unused-element"),
    pytest.param(".a kbd,.a p{x:1}", ".a p{x:1}", id="descendant-element"),
    pytest.param(".a>kbd{x:1}p+kbd{x:2}p~p{x:3}", "p~p{x:3}", id="combinators"),
    pytest.param("p:hover,p::before,a:focus-visible{x:1}", "p:hover,p::before{x:1}", id="pseudo-names-are-not-elements"),
    pytest.param(".a:not(kbd){x:1}", ".a:not(kbd){x:1}", id="not-is-not-judged"),
    pytest.param(":is(kbd,p) .a{x:1}:is(kbd,abbr){x:2}", ":is(kbd,p) .a{x:1}", id="is-branches"),
    pytest.param("html .a,*{x:1}", "html .a,*{x:1}", id="root-and-universal"),
])
def test_prune_elements(css, expected):
    assert prune(css, ELEMENTS) == expected


FACTS_HTML = """<html class="no-js"><body data-md-color-primary="teal">
<pre><code class="c">x</code></pre><div class=single data-preview>
<script id="__config" type="application/json">{"features": ["search.highlight"], "version": null}</script>"""


def test_site_facts_from_html():
    facts = SiteFacts()
    facts.add_html(FACTS_HTML)
    assert facts.classes == {"no-js", "c", "single"}
    assert facts.elements == {"html", "body", "pre", "code", "div", "script"}
    assert {"element:pre", "class:single", "attribute:data-preview", "feature:search.highlight"} <= facts.facts
    assert "config:version" not in facts.facts
    assert facts.palette["data-md-color-primary"] == {"teal"}


@pytest.mark.parametrize("facts, expected", [
    pytest.param(set(), {"md-search-result__item", "js", "focus-visible", "no-js"}, id="nothing-extra"),
    pytest.param({"element:pre"}, {"md-search-result__item", "md-code__button", "js", "focus-visible", "no-js"},
                 id="code-blocks"),
    pytest.param({"feature:content.tooltips"}, {"md-search-result__item", "md-tooltip2", "js", "focus-visible", "no-js"},
                 id="tooltips"),
    pytest.param({"config:version"}, {"md-search-result__item", "md-version__list", "js", "focus-visible", "no-js"},
                 id="versions"),
])
def test_theme_script_classes_follow_what_the_site_has(facts, expected):
    js = ('h("div",{class:"md-search-result__item"});x="md-code__button";y="md-tooltip2";z="md-version__list";'
          'document.documentElement.classList.add("js");e.classList.add( "focus-visible")')
    assert theme_script_classes(js, facts) == expected


def test_own_script_words_are_classes():
    assert own_script_classes('el.classList.add("booking-form--sent")') == {"el", "classList", "add", "booking-form--sent"}


def test_keep_for_joins_html_theme_and_own_scripts():
    facts = SiteFacts()
    facts.add_html('<p class="x" style="--inline:1">')
    keep = keep_for(facts, 'a="md-dialog";h("div");b.style.setProperty("--md-tooltip-x",1)', ['c.classList.add("mine")'])
    assert {"x", "md-dialog", "mine", "no-js"} <= keep.classes
    assert {"--inline", "--md-tooltip-x"} <= keep.properties
    assert {"p", "div", "html", "body"} <= keep.elements and "kbd" not in keep.elements


def test_site_stylesheet_needs_the_theme_files(tmp_path):
    with pytest.raises(ValueError) as error:
        site_stylesheet(tmp_path)
    assert str(error.value) == ("expected one file assets/stylesheets/main.*.min.css in the built site, found 0 (none) "
                                "— is the theme still mkdocs-material 9?")


def write_site(root, files: dict[str, str]) -> None:
    """A built site in miniature: {path: text}."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def test_site_stylesheet_joins_in_cascade_order(tmp_path):
    files = {"assets/stylesheets/main.1234.min.css": ".md-typeset{a:1}.unused{a:2}",
             "assets/stylesheets/palette.5678.min.css": "[data-md-color-primary=teal]{b:1}[data-md-color-primary=red]{b:2}",
             "assets/site/site.css": "/* ours */ .booking-form { c: 1 }",
             "assets/site/booking.js": "",
             "assets/javascripts/bundle.abcd.min.js": 'x="md-dialog"',
             "index.html": '<body class="md-typeset" data-md-color-primary="teal"><form class="booking-form">'}
    write_site(tmp_path, files)
    assert site_stylesheet(tmp_path) == ".md-typeset{a:1}[data-md-color-primary=teal]{b:1}.booking-form{c:1}"


def test_site_stylesheet_cache_gives_the_same_result_and_follows_changes(tmp_path, monkeypatch):
    site, cache = tmp_path / "site", tmp_path / "cache"
    files = {"assets/stylesheets/main.1234.min.css": ".md-typeset{a:1}.unused{a:2}",
             "assets/stylesheets/palette.5678.min.css": "",
             "assets/site/site.css": ".booking-form { c: 1 }",
             "assets/javascripts/bundle.abcd.min.js": "",
             "index.html": '<body class="md-typeset">'}
    write_site(site, files)
    first = site_stylesheet(site, cache)
    assert first == site_stylesheet(site) == ".md-typeset{a:1}"
    assert len(list(cache.glob("*.css"))) == 1
    monkeypatch.setattr(cssprune, "prune", lambda css, keep: pytest.fail("the cached result was not used"))
    assert site_stylesheet(site, cache) == first
    monkeypatch.undo()
    (site / "index.html").write_text('<body class="md-typeset"><form class="booking-form">')   # the pages changed
    assert site_stylesheet(site, cache) == ".md-typeset{a:1}.booking-form{c:1}"
    (site / "assets/site/site.css").write_text(".booking-form { c: 2 }")                         # the CSS changed
    assert site_stylesheet(site, cache) == ".md-typeset{a:1}.booking-form{c:2}"
    assert len(list(cache.glob("*.css"))) == 1, "only the latest result is kept"


# ---------------------------------------------------------------- the fast split gives what tinycss2 gives

def reference_prune(css: str, keep: Keep) -> str:
    """prune() as it was before the fast split: the whole stylesheet tokenised by tinycss2."""
    import tinycss2

    items = cssprune._parse(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), keep)
    text = cssprune._serialize(items, cssprune._used_properties(items, keep), cssprune._animation_names(items))
    return ('@charset "UTF-8";' + text) if not text.isascii() else text


def real_css_and_keep(site):
    """The CSS site_stylesheet joins and the keep set it works out, for a built site."""
    from pathlib import Path

    from conftest import site_config

    # the default language's pages: each other language's build (docs/CODE/, published at CODE/) prunes its own
    others = {lang["code"] for lang in (site_config()["extra"].get("languages") or [])[1:]}
    facts = SiteFacts()
    for page in sorted(Path(site).rglob("*.html")):
        if page.relative_to(site).parts[0] not in others:
            facts.add_html(page.read_text(encoding="utf-8"))
    theme_js = cssprune._one(site, cssprune.THEME_SCRIPT).read_text(encoding="utf-8")
    own_js = [p.read_text(encoding="utf-8") for p in sorted(site.glob(cssprune.OWN_SCRIPTS))]
    sources = [cssprune._one(site, p) for p in cssprune.THEME_STYLESHEETS] + [site / cssprune.OWN_STYLESHEET]
    texts = [p.read_text(encoding="utf-8") for p in sources]
    css = "\n".join([*texts[:-1], brand_css(), texts[-1]])  # the clinic's colours go before site.css
    return css, keep_for(facts, theme_js, own_js)


def brand_css() -> str:
    """The clinic's colours as hooks/brand.py renders them (overrides/partials/brand-colours.html)."""
    import jinja2
    from conftest import ROOT, site_config
    from sitekit import brand

    values = brand.complete((site_config()["extra"]["clinic"] or {}).get("brand"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    return env.get_template("partials/brand-colours.html").render(brand=values)


def test_fast_split_is_byte_identical_on_the_real_stylesheet(built):
    css, keep = real_css_and_keep(built.site)
    cssprune._Structure(cssprune._normalise(css))  # the fast split is used (no fallback) for Material's CSS
    expected = reference_prune(css, keep)
    assert prune(css, keep) == expected
    assert (built.site / cssprune.OUTPUT).read_text(encoding="utf-8") == expected
    # other keep sets walk other paths (everything dropped, every class kept, elements not judged)
    everything = frozenset(cssprune._CLASS_IN_TEXT.findall(css)) | keep.classes
    for other in (Keep(frozenset()), Keep(everything), Keep(keep.classes, keep.attributes, keep.properties),
                  Keep(frozenset({"md-typeset", "md-nav"}), elements=frozenset({"a", "p"}))):
        assert prune(css, other) == reference_prune(css, other)


TRICKY_CSS = [
    ".a{x:1}.c{y:2}", ".a,.c{x:1}", ".c , .a {x:1}", ".a.c{x:1}", ".a .c,p{x:1}", ".a[x].c{x:1}", ".a[x]c{x:1}",
    ".c[x]a{x:1}", ".[x]c{x:1}", ".a:not(.c){x:1}", ".c:not(.a){x:1}", ".a:is(.c,.d){x:1}", ".x :is(.c,.a){x:1}",
    ".a:where(.c){x:1}", ".a:-webkit-any(.c){x:1}", ".c:dir(rtl){x:1}", ".a:dir( RTL ){x:1}", "[dir=rtl] .a{x:1}",
    ".a:nth-child(2n+1 of .c){x:1}", ".a :not([x=\"{\"]){y:1}", ".a[title=\"}\"]{content:\"{;}\"}",
    ".a{content:'}'}.c{x:1}", ".a{background:url(\"x{y}.png\")}.c{x:1}", ".a{background:url(x{y}.png)}.c{x:1}",
    ".a{background:URL( x.png )}", ".a\\{b{x:1}.a{y:2}", ".a{content:\"\\\"}\"}.a{y:1}", "/* { */.a{x:1}/* } */",
    ".a/* , .c */{x:1}", ".c/**/.a{x:1}", ".a{x:1/* ; */;y:2}", "<!-- .a{x:1} -->", ".a{content:\"-->\"}",
    ".a{x:1", ".a{x:(1}", ".a", ".a{x:1}.c", "@import url(\"x.css\");.a{x:1}", "@import \"x.css\"", "@media print",
    "@media screen{.a{x:1}.c{x:2}@supports (display:grid){.a{display:grid}.c{y:1}}}", "@media (min-width:1px){}",
    "@MEDIA screen{.a{x:1}}", "@font-face{font-family:x;src:url(\"a.woff\")}", "@page :first{margin:1cm}",
    "@keyframes spin{0%{x:1}to{x:2}}.a{animation:spin 1s}", "@-webkit-keyframes a{to{x:1}}.a{animation-name:a}",
    "@charset \"UTF-8\";.a{content:\"é\"}", "}.a{x:1}", ").a{x:1}", "].a{x:1}", ".a){x:1}", ".a]{x:1}", ".a({){x:1}}",
    ".a[{]{x:1}", "@media screen{.a{x:1}", "@media screen{}.a{x:1}", ";.a{x:1}", ".a;.c{x:1}", "@x;.a{x:1}",
    "@ .a{x:1}", "@-x{.a{x:1}}", "@--x{}", "@1x{}.a{x:1}", ".a{--p:{a:b};x:var(--p)}", ".a{.c{x:1};y:2}",
    ".a{&:hover{x:1}}", ".a\r\n{x:1}\f.c{y:2}", ".a\0{x:1}", ".é{x:1}.a{y:\"é\"}", ".-a{x:1}.--a{y:1}.-1{z:1}",
    ".a{x:1!important;y:2 ! important}", ".a{x:u+12?}", ".a{unicode-range:U+0025-00FF}", "a.c{x:1}", "p .a{x:1}",
    ".a>kbd{x:1}", ".a~.c{x:1}", ".a:hover::before{x:1}", ".1a{x:1}", ".a.1c{x:1}", ".a{x:1}\n\n", "   ", "", "{x:1}.a{y:2}", "{}",
    "@media screen{{x:1}}",
]


@pytest.mark.parametrize("css", TRICKY_CSS)
@pytest.mark.parametrize("keep", [KEEP, ELEMENTS, Keep(frozenset()), Keep(frozenset({"a", "c", "b"}))],
                         ids=["keep", "elements", "nothing", "a-b-c"])
def test_fast_split_is_byte_identical_on_tricky_css(css, keep):
    assert prune(css, keep) == reference_prune(css, keep)


# ---------------------------------------------------------------- declarations read from their text

TRICKY_DECLARATIONS = [
    "x:1", " x : 1 ; ;y:2;", "x:1!important", "x:1 ! IMPORTANT ", "x:1!importantx", "x:1!important!important",
    "x:a!b", "x:!", "x:", "x", ":1", "1:2", "-1:2", "--p:a b;--q:var(--p,calc(1px + 2px))", "x:calc((1 + (2 * (3 - (4)))))",
    "x:f(f(f(f(f(1)))))", "x:f(1", "x:f(1))", "x:1)", "x:\"a;b(!)\";y:2", "x:\"a", "x:'a'", "x:\"a\\\"b\"",
    "x:url(\"a b\")", "x:url( \"a\" )", "x:url(a)", "x:URL(a)", "x:1.5", "x:-.5em", "x: -1.5px", "x:1.5.5", "x:a.5",
    "x:#a.5", "x:1e5", "x:1e", "x:1e-x", "x:1em", "x:1E+2", "x:1+2", "x: +2", "x:1-2", "x:a-2", "x:1px-2",
    "x:2n+1", "x:.5%", "x:1%.5", "x:u+12", "x:U+0025-00FF", "x:a/**/b", "x:1/2", "x:a{b}", "x:[a]", "x:@a",
    "x:<!--", "x:-->", "x:a\r\nb", "x:a\fb", "x:a\0b", "é:é", "x:a\xa0", "x:\u3000a", "x:a$=b", "x:a||b",
    "x:1\n;y\n:\t2", "f(x):1", "x(:1", ".x:1", "x:1;;", ";", "", "   ",
]


@pytest.mark.parametrize("text", TRICKY_DECLARATIONS)
def test_declarations_read_from_their_text_are_what_tinycss2_reads(text):
    written = cssprune._written_declarations(text)
    assert written is None or written == cssprune._declarations(text)


def test_most_real_declarations_are_read_from_their_text(built):
    import re

    css, _ = real_css_and_keep(built.site)
    blocks = set(re.findall(r"\{([^{}]*)\}", cssprune._normalise(css)))
    written = {block: cssprune._written_declarations(block) for block in blocks}
    for block, declarations in written.items():
        assert declarations is None or declarations == cssprune._declarations(block), block
    assert sum(declarations is not None for declarations in written.values()) > 0.9 * len(blocks)
