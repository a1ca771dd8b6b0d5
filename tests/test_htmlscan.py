"""Table-driven tests of the HTML tokenizer (hooks/sitekit/htmlscan.py) and of the functions that read or
change pages with it (csp, validhtml, cssprune, faq, structured_data, diagrams): tricky HTML that regular
expressions over the page got wrong or could get wrong."""
from __future__ import annotations

import html.parser

import pytest

from sitekit import csp, cssprune, diagrams, faq, htmlscan, validhtml
from sitekit import structured_data as sd


def tags(html: str) -> list:
    """Start tags as (name, [(name, value) …]), end tags as "/name", comments as "#", CDATA as its text."""
    out = []
    for token in htmlscan.scan(html).tokens:
        if token.kind == htmlscan.START:
            out.append((token.name, [(a.raw_name, a.value) for a in token.attributes]))
        elif token.kind == htmlscan.END:
            out.append("/" + token.name)
        elif token.kind == htmlscan.CDATA:
            out.append(token.text)
        else:
            out.append("#")
    return out


@pytest.mark.parametrize("html, expected", [
    pytest.param('<a title="x > y" href=/>t</a>', [("a", [("title", "x > y"), ("href", "/")]), "/a"], id="gt-in-quotes"),
    pytest.param("<a title='it\"s'>", [("a", [("title", 'it"s')])], id="other-quote-inside"),
    pytest.param("<DIV CLASS=Big ID='x'></Div>", [("div", [("CLASS", "Big"), ("ID", "x")]), "/div"], id="uppercase"),
    pytest.param("<p a=1 b = 2 c d=>", [("p", [("a", "1"), ("b", "2"), ("c", ""), ("d", "")])], id="unquoted-and-empty"),
    pytest.param('<p a="1"b="2"/c>', [("p", [("a", "1"), ("b", "2"), ("c", "")])], id="no-space-after-quote"),
    pytest.param("<a href=/x/>", [("a", [("href", "/x/")])], id="slash-in-unquoted-value"),
    pytest.param("<br/><img src=x />", [("br", []), ("img", [("src", "x")])], id="self-closing"),
    pytest.param('<a title="&lt;b&gt; &amp; &quot;q&quot; &eacute;">', [("a", [("title", '<b> & "q" é')])], id="entities"),
    pytest.param("<!-- <a href=x> --><b>", ["#", ("b", [])], id="comment-with-a-tag"),
    pytest.param("<!--> <i> <!---> <u> <!-- a --!> <s>", ["#", ("i", []), "#", ("u", []), "#", ("s", [])],
                 id="short-comments"),
    pytest.param("<!DOCTYPE html><?xml x?></1><p>", ["#", "#", "#", ("p", [])], id="doctype-and-bogus-comments"),
    pytest.param("a < b <3 </> c", [], id="lone-less-than"),
    pytest.param('<p title="open>', [], id="end-inside-a-quoted-value"),
    pytest.param("<p><a", [("p", [])], id="end-inside-a-tag"),
    pytest.param('<script>if (a<b) s = "<p>"</script><i>', [("script", []), "/script", ("i", [])], id="script-text"),
    pytest.param('<style>a>b{x:"</p>"}</style>', [("style", []), "/style"], id="style-text"),
    pytest.param("<title><b>x</b></title><textarea><i></textarea>", [("title", []), "/title", ("textarea", []),
                                                                    "/textarea"], id="rcdata"),
    pytest.param("<svg><title><b>x</b></title><![CDATA[<i>]]></svg><![CDATA[<u>]]>",
                 [("svg", []), ("title", []), ("b", []), "/b", "/title", "<i>", "/svg", "#"],
                 id="svg-title-and-cdata"),
    pytest.param('</p class="a>b">x', ["/p"], id="end-tag-attributes-skipped"),
])
def test_tokens(html, expected):
    assert tags(html) == expected


@pytest.mark.parametrize("html, body", [
    pytest.param('<script>s = "</scripts>"; t = "</script-x>"</script>', 's = "</scripts>"; t = "</script-x>"',
                 id="not-an-end-tag"),
    pytest.param("<script>a()</SCRIPT >", "a()", id="uppercase-end-tag"),
    pytest.param('<script>s = "</script>"; b()</script>', 's = "', id="end-tag-inside-a-string-ends-it"),
    pytest.param("<script>a()</script foo>", "a()", id="end-tag-with-attribute"),
    pytest.param("<script><!--<script></script>--></script>", "<!--<script></script>-->", id="double-escaped"),
    pytest.param("<script><!-- x </script>", "<!-- x ", id="escaped-still-ends"),
    pytest.param("<script><!--><script></script>", "<!--><script>", id="empty-escape"),
    pytest.param("<script>x", "x", id="unclosed"),
    pytest.param('<script data-x="</script>">y()</script>', "y()", id="end-tag-in-an-attribute"),
])
def test_script_bodies(html, body):
    assert [t.text for t in htmlscan.scan(html).start_tags("script")] == [body]


class _Reference(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []

    def handle_starttag(self, tag, attrs):
        self.out.append((tag, [(name, value or "") for name, value in attrs]))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.out.append("/" + tag)


def test_same_tags_as_the_standard_library_on_a_built_page(built):
    for path in sorted(built.site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        reference = _Reference()
        reference.feed(page)
        reference.close()
        ours = [(t.name, [(a.name, a.value) for a in t.attributes]) if t.kind == htmlscan.START else "/" + t.name
                for t in htmlscan.scan(page).tokens if t.kind in (htmlscan.START, htmlscan.END)]
        assert ours == reference.out, path


def test_scan_of_the_same_string_is_kept():
    page = "<p class=a>x</p>"
    assert htmlscan.scan(page) is htmlscan.scan(page)


def test_spliced_scans_agree_with_reading_the_page_again(built):
    """The scan a splice hands on (lazy, made from the old one) answers like a fresh scan of the new page."""
    checked = 0
    for path in sorted(built.site.rglob("*.html")):
        page = path.read_text(encoding="utf-8").replace('type="checkbox"', 'type="checkbox" autocomplete="off"')
        page = page.replace("<a ", '<a href="https://elsewhere.example/" ', 3).replace("script-src 'self'", csp.PLACEHOLDER)
        for step in (validhtml.drop_checkbox_autocomplete,
                     lambda html: csp.secure_external_links(html, "https://clinic.example/"),
                     lambda html: csp.apply_policy(html, csp.Sources())[0]):
            new = step(page)
            assert new is not page
            lazy = htmlscan.scan(new)
            fresh = htmlscan.Scan(new, htmlscan._tokens(new))
            for name in ("a", "script", "input", "meta", "svg"):
                assert lazy.start_tags(name) == fresh.start_tags(name)
            for offset in range(0, len(new), 89):
                assert lazy.token_at(offset) == fresh.token_at(offset)
            assert lazy.tokens == fresh.tokens
            page = new
            checked += 1
    assert checked >= 30


def test_splice_keeps_every_other_byte():
    page = "<p  class = 'x'\n\tid=y>text &amp; <!-- <a> --></p>"
    result = htmlscan.scan(page)
    attribute = result.start_tags("p")[0].attributes[1]
    assert page[attribute.start:attribute.end] == "id=y"
    assert result.splice([(attribute.start, attribute.end, 'id="z"')]) == page.replace("id=y", 'id="z"')


@pytest.mark.parametrize("html, start, stop, expected", [
    pytest.param("<p>a &amp; b</p><p>c<!-- d --></p>", 0, None, "a & b\n\nc", id="entities-and-comments"),
    pytest.param("<p>x<script>no()</script><style>p{}</style>y</p>", 0, None, "xy", id="no-scripts-or-styles"),
    pytest.param("<h2>Q<a class=headerlink href=#q>¶</a></h2>", 0, None, "Q", id="headerlink"),
])
def test_visible_text(html, start, stop, expected):
    assert faq.visible_text(htmlscan.scan(html), start, len(html) if stop is None else stop) == expected


# ---------------------------------------------------------------- what the functions make of tricky pages

@pytest.mark.parametrize("html, expected", [
    pytest.param("<!-- <script>old()</script> --><script>now()</script>", ["now()"], id="script-in-a-comment"),
    pytest.param('<script>document.write("<script>x<\\/script>")</script>', ['document.write("<script>x<\\/script>")'],
                 id="escaped-end-tag-in-a-string"),
    pytest.param("<script src>ignored()</script>", [], id="src-without-value"),
    pytest.param("<script type=' Application/JSON '>{}</script>", [], id="data-block-spelt-loosely"),
    pytest.param("<svg><script>if (a &lt; b) f()</script></svg>", ["if (a < b) f()"], id="svg-script-text-decoded"),
    pytest.param('<textarea><script>no()</script></textarea>', [], id="inside-a-textarea"),
])
def test_inline_scripts_tricky(html, expected):
    assert csp.inline_scripts(html) == expected


@pytest.mark.parametrize("html, expected", [
    pytest.param('<a href="/"onclick="x()">', ["onclick= attribute"], id="no-space-before-handler"),
    pytest.param("<a/onmouseover=x()>", ["onmouseover= attribute"], id="slash-before-handler"),
    pytest.param('<a href="&#106;avascript:alert(1)">', ["javascript: URL in href="], id="entity-javascript"),
    pytest.param('<a href="java\tscript:alert(1)">', ["javascript: URL in href="], id="tab-in-javascript"),
    pytest.param('<A HREF=" JavaScript:x">', ["javascript: URL in HREF="], id="uppercase-javascript"),
    pytest.param("<!-- <a onclick=x()> -->", [], id="in-a-comment"),
    pytest.param('<p title="<a onclick=x()>">', [], id="in-an-attribute-value"),
    pytest.param("<p>Call us on<br>Monday onwards=yes</p>", [], id="text"),
    pytest.param('<a href="/jobs">', [], id="value-starting-with-j"),
])
def test_blocked_markup_tricky(html, expected):
    assert csp.blocked_markup(html) == expected


SITE = "https://clinic.example/guide/"


@pytest.mark.parametrize("html, expected", [
    pytest.param('<A HREF="https://x.example/">', '<A HREF="https://x.example/" rel="noopener noreferrer">',
                 id="uppercase"),
    pytest.param('<a title="a > b" href=https://x.example/>', '<a title="a > b" href=https://x.example/ rel="noopener noreferrer">',
                 id="gt-in-quotes-unquoted-href"),
    pytest.param('<a href="https://x.example/"\n   rel="me">', '<a href="https://x.example/"\n   rel="me noopener noreferrer">',
                 id="rel-on-its-own-line"),
    pytest.param('<a href="https://x.example/?a=1&amp;b=2">', '<a href="https://x.example/?a=1&amp;b=2" rel="noopener noreferrer">',
                 id="entity-in-href"),
    pytest.param('<!-- <a href="https://x.example/"> --><script>"<a href=\'https://x.example/\'>"</script>',
                 '<!-- <a href="https://x.example/"> --><script>"<a href=\'https://x.example/\'>"</script>',
                 id="comment-and-script-untouched"),
    pytest.param('<a href="https://x.example/" rel="noreferrer noopener">', '<a href="https://x.example/" rel="noreferrer noopener">',
                 id="already-there-other-order"),
    pytest.param('<a-b href="https://x.example/">', '<a-b href="https://x.example/">', id="custom-element"),
])
def test_secure_external_links_tricky(html, expected):
    assert csp.secure_external_links(html, SITE) == expected


@pytest.mark.parametrize("html, expected", [
    pytest.param('<!-- <input type=checkbox autocomplete=off> --><input type=checkbox autocomplete=off>',
                 '<!-- <input type=checkbox autocomplete=off> --><input type=checkbox>', id="comment-untouched"),
    pytest.param('<input type="checkbox"autocomplete="off" id=x>', '<input type="checkbox" id=x>', id="no-space-before"),
    pytest.param('<input title="autocomplete=off" type=radio autocomplete>', '<input title="autocomplete=off" type=radio>',
                 id="name-in-a-value-and-no-value"),
    pytest.param('<input type=text type=checkbox autocomplete=on>', '<input type=text type=checkbox autocomplete=on>',
                 id="first-type-counts"),
])
def test_drop_checkbox_autocomplete_tricky(html, expected):
    assert validhtml.drop_checkbox_autocomplete(html) == expected


def test_site_facts_only_from_real_tags():
    facts = cssprune.SiteFacts()
    facts.add_html('<!-- <kbd class="gone"> --><script>x = "<table class=\'no\'>"</script>'
                   '<P CLASS="a&amp;b c" data-md-color-primary=teal></P>')
    assert facts.classes == {"a&b", "c"}
    assert facts.elements == {"script", "p"}
    assert facts.palette["data-md-color-primary"] == {"teal"}
    assert {"attribute:class", "attribute:data-md-color-primary"} <= facts.facts


def test_site_facts_config_in_any_attribute_order():
    facts = cssprune.SiteFacts()
    facts.add_html("<script type=application/json id=__config>{\"features\": [\"navigation.footer\"]}</script>")
    assert "feature:navigation.footer" in facts.facts


@pytest.mark.parametrize("html, expected", [
    pytest.param("<H1 class=x>Side &amp; effects<a class='headerlink x' href='#s'>¶</a></H1>", "Side & effects",
                 id="uppercase-entities-headerlink"),
    pytest.param("<!-- <h1>Old</h1> --><h1>New</h1>", "New", id="commented-out-title"),
])
def test_visible_title_tricky(html, expected):
    assert sd.visible_title(html, "fallback") == expected


def test_marked_sections_tricky():
    html = ('<h2 data-procedure=preparation>Before <!-- note --></h2><p>Eat &amp; drink.</p>'
            '<figure><svg><text>label</text></svg><figcaption>cap</figcaption></figure>'
            '<!-- <h2>not a heading</h2> --><p>More.</p><h3>Sub</h3><p>Still.</p><h2>Next</h2><p>Out.</p>')
    assert sd.marked_sections(html) == [sd.Mark("preparation", "Before", "Eat & drink.\n\nMore.\n\nSub\n\nStill.")]


def test_answers_from_html_tricky():
    items = [faq.FaqItem("Does it hurt?", "does-it-hurt", "", 1)]
    html = ('<h2 ID=\'does-it-hurt\'>Does it hurt?<a class="headerlink" href="#does-it-hurt">¶</a></h2>'
            '<p>A little &mdash; <em>briefly</em>.</p><!-- <h2 id="x">Hidden</h2> --><p>Then &lt;nothing&gt;.</p>')
    assert faq.answers_from_html(html, items) == {"does-it-hurt": "A little — briefly.\n\nThen <nothing>."}


@pytest.mark.parametrize("html, expected, used", [
    pytest.param("<p><IMG ALT=x SRC='assets/diagrams/flow.svg'></p>", "<p><svg>flow</svg></p>", ["flow"], id="uppercase-single-quotes"),
    pytest.param('<img alt="a > b" src="../assets/diagrams/flow.svg" />', "<svg>flow</svg>", ["flow"], id="gt-in-alt"),
    pytest.param('<!-- <img src="assets/diagrams/flow.svg"> -->', '<!-- <img src="assets/diagrams/flow.svg"> -->', [],
                 id="in-a-comment"),
    pytest.param('<img data-src="assets/diagrams/flow.svg" src="x.png">', '<img data-src="assets/diagrams/flow.svg" src="x.png">',
                 [], id="data-src"),
])
def test_diagrams_inline_tricky(html, expected, used):
    assert diagrams.inline(html, lambda name: f"<svg>{name}</svg>") == (expected, used)


def test_scan_to_reads_a_prefix_with_the_whole_pages_tokens(built):
    import re
    end = re.compile(r"</h1[\t\n\f\r />]", re.I)
    for path in sorted(built.site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        part = htmlscan.scan_to(page[:], end)
        whole = htmlscan.Scan(page, htmlscan._tokens(page))
        assert [t[:7] for t in part.tokens] == [t[:7] for t in whole.tokens[:len(part.tokens)]], path
