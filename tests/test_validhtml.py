"""Table-driven tests of the valid-HTML repair applied to every page (hooks/validhtml.py)."""
import pytest

from sitekit.validhtml import drop_checkbox_autocomplete

CASES = [
    pytest.param('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
                 '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">', id="material-drawer"),
    pytest.param("<input type=checkbox autocomplete=off id=x>", "<input type=checkbox id=x>", id="unquoted"),
    pytest.param('<INPUT TYPE="checkbox" AUTOCOMPLETE="off"/>', '<INPUT TYPE="checkbox"/>', id="upper-case-self-closing"),
    pytest.param('<input type="radio" autocomplete="off" name="r">', '<input type="radio" name="r">', id="radio"),
    pytest.param('<input type="text" name="q" autocomplete="off">', '<input type="text" name="q" autocomplete="off">',
                 id="text-keeps-it"),
    pytest.param('<input type="email" autocomplete="email">', '<input type="email" autocomplete="email">', id="email-keeps-it"),
    pytest.param('<input data-note="type=checkbox" type="text" autocomplete="name">',
                 '<input data-note="type=checkbox" type="text" autocomplete="name">', id="type-inside-another-value"),
    pytest.param('<input type="checkbox" title="a > b" autocomplete="off">', '<input type="checkbox" title="a > b">',
                 id="gt-inside-quoted-value"),
    pytest.param('<p>autocomplete="off" type="checkbox"</p>', '<p>autocomplete="off" type="checkbox"</p>', id="text-untouched"),
]


@pytest.mark.parametrize("html, expected", CASES)
def test_drop_checkbox_autocomplete(html, expected):
    assert drop_checkbox_autocomplete(html) == expected


def test_built_pages_have_no_autocomplete_on_checkboxes(built):
    pages = sorted(built.site.rglob("*.html"))
    assert sum('type="checkbox"' in path.read_text(encoding="utf-8") for path in pages) >= 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert drop_checkbox_autocomplete(html) == html, f"{path}: a checkbox still has autocomplete"
