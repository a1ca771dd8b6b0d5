"""Table-driven tests of the raw-HTML ban in pages."""
import pytest

from sitekit import rawhtml

FIX = "remove it: embeds come only from the site's hooks (see EDITING.md, \"Raw HTML\")"

CASES = [
    ('<script src="x.js"></script>', [f"docs/page.md:1:1: <script> is not allowed in a page — {FIX}"]),
    ('Text\n  <IFRAME src="https://video.example/1"></IFRAME>', [f"docs/page.md:2:3: <iframe> is not allowed in a page — {FIX}"]),
    ('<object data="x"></object>', [f"docs/page.md:1:1: <object> is not allowed in a page — {FIX}"]),
    ('<embed src="x">', [f"docs/page.md:1:1: <embed> is not allowed in a page — {FIX}"]),
    ('<a href="#" onclick="steal()">Hi</a>',
     [f"docs/page.md:1:13: an inline event handler (onclick=) is not allowed in a page — {FIX}"]),
    ('<img src="x.png"\n     onError="x()">',
     [f"docs/page.md:2:6: an inline event handler (onerror=) is not allowed in a page — {FIX}"]),
    ("[Click](javascript:alert(1))",
     ["docs/page.md:1:9: a javascript: address is not allowed in a page — link to a page or an https:// address instead"]),
    ('<a href="JavaScript:void(0)">x</a>',
     ["docs/page.md:1:10: a javascript: address is not allowed in a page — link to a page or an https:// address instead"]),
    # not raw HTML a page may not have
    ("```html\n<script>alert(1)</script>\n```", []),
    ("Use `<iframe>` tags? No.", []),
    ("<!-- <script> was here -->", []),
    ("Online booking is one click away.", []),
    ("We say javascript is a language.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_raw_html(text, expected):
    problems = rawhtml.check(text, "docs/page.md")
    assert [str(p) for p in problems] == expected
    assert all(p.severity == "error" and p.check == "rawhtml" for p in problems)
