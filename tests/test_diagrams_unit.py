"""Table-driven tests of the diagram checks and of swapping a diagram <img> for its inline SVG."""
import pytest

from sitekit.diagrams import MAX_BYTES, check_svg, inline

HEAD = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" '
        'aria-labelledby="d-title d-desc">')
GOOD = HEAD + '<title id="d-title">A title</title><desc id="d-desc">What it shows.</desc><text>Label</text></svg>'


def test_good_svg_has_no_problems():
    assert check_svg(GOOD) == []


CASES = [
    pytest.param(GOOD.replace('<title id="d-title">A title</title>', ""),
                 [('has no <title id="…"> with text', 'add a short <title id="NAME-title"> as the first child of <svg>'),
                  ('aria-labelledby is "d-title d-desc", not the ids of its <title> and <desc>',
                   'set aria-labelledby="d-desc" on <svg>')],
                 id="no-title"),
    pytest.param(GOOD.replace('<desc id="d-desc">What it shows.</desc>', '<desc id="d-desc"> </desc>'),
                 [('has no <desc id="…"> with text',
                   'add <desc id="NAME-desc"> that says in words everything the picture shows')],
                 id="empty-desc"),
    pytest.param(GOOD.replace(' role="img"', ""),
                 [('has no role="img" on <svg>', 'add role="img" to the <svg> element')], id="no-role"),
    pytest.param(GOOD.replace('aria-labelledby="d-title d-desc"', 'aria-labelledby="d-title"'),
                 [('aria-labelledby is "d-title", not the ids of its <title> and <desc>',
                   'set aria-labelledby="d-title d-desc" on <svg>')], id="labelledby-title-only"),
    pytest.param(GOOD.replace("<text>Label</text>", '<path d="M0 0h5v5z"/>'),
                 [("has no <text> labels", "write the labels as <text> elements, never as outlines (<path>)")],
                 id="text-as-paths"),
    pytest.param(GOOD.replace("</svg>", "<script>alert(1)</script><style>text{}</style></svg>"),
                 [("contains <script>, <style>",
                   "remove them: diagrams are plain drawings and <text> (colours go in site.css)")], id="script-style"),
    pytest.param(GOOD.replace("</svg>", '<foreignObject><iframe src="x"/></foreignObject></svg>'),
                 [("contains <foreignObject>, <iframe>",
                   "remove them: diagrams are plain drawings and <text> (colours go in site.css)")], id="foreign"),
    pytest.param(GOOD.replace("<text>Label</text>", '<text id="d-desc">Label</text>'),
                 [("uses the same id twice", "give every id in the file a different name")], id="duplicate-id"),
    pytest.param(GOOD.replace("<text>Label</text>", '<a href="https://example.com/"><text>Label</text></a>'),
                 [("links to another site", "remove the link: diagrams load nothing from elsewhere")], id="external-link"),
    pytest.param(GOOD.replace("</svg>", "<g>"),
                 [("is not well-formed SVG (no element found: line 1, column 199)",
                   "fix the markup so that it parses as XML")], id="broken-xml"),
    pytest.param('<svg viewBox="0 0 1 1"><text>x</text></svg>',
                 [('does not start with <svg xmlns="http://www.w3.org/2000/svg">',
                   "make <svg> with that xmlns the file's outer element")], id="no-namespace"),
    pytest.param(GOOD.replace("</svg>", "<!--" + "x" * MAX_BYTES + "--></svg>"),
                 [(f"is {len(GOOD) + MAX_BYTES + 7} bytes, over the 15 KB limit (15360 bytes)",
                   "simplify the drawing: fewer points, shared <g> attributes, no editor metadata")], id="too-big"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_check_svg_messages(text, expected):
    assert check_svg(text) == expected


def test_inline_swaps_only_diagram_images_and_drops_the_xml_prolog():
    files = {"skin": '<?xml version="1.0" encoding="UTF-8"?>\n<svg id="s"></svg>\n'}
    html = ('<p><img alt="Skin" src="../assets/diagrams/skin.svg" /></p>'
            '<p><img alt="Photo" src="../assets/photo.svg" /></p>'
            '<p><img alt="Gone" src="assets/diagrams/missing.svg"></p>')
    out, used = inline(html, files.get)
    assert out == ('<p><svg id="s"></svg></p><p><img alt="Photo" src="../assets/photo.svg" /></p>'
                   '<p><img alt="Gone" src="assets/diagrams/missing.svg"></p>')
    assert used == ["skin", "missing"]
