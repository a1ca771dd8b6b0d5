"""The diagrams in the built site: inline, labelled, small, and saying the same as the page text."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, nav_pages
from sitekit.diagrams import FOLDER, MAX_BYTES, check_svg

NS = "{http://www.w3.org/2000/svg}"
DIAGRAM_FILES = sorted((ROOT / "docs" / FOLDER).glob("*.svg"))
# Where each diagram is shown, and labels that must be real <text> in it.
SHOWN_ON = {
    "skin-layers": ("how-it-works/", ["Stratum corneum", "Epidermis", "Dermis", "Fat", "Mesotherapy works here",
                                      "Cream", "Fine needle"]),
    "course-timeline": ("treatment-plan/", ["Consultation", "Session 1", "Session 4", "Session 6",
                                            "Maintenance sessions"]),
    "technique-nappage": ("treatment-plan/", ["Nappage"]),
    "technique-point": ("treatment-plan/", ["Point-by-point"]),
    "technique-derma-rolling": ("treatment-plan/", ["Derma-rolling"]),
}
RANGE_RE = re.compile(r"\b(\d+)\s*[–-]\s*(\d+)\s+(sessions|weeks)\b")
SVG_RE = re.compile(r'<svg\b[^>]*\bclass="diagram\b.*?</svg>', re.S)


def inline_svgs(html: str) -> dict[str, ET.Element]:
    """The page's inline diagrams by name (from their <title id="NAME-title">)."""
    found = {}
    for source in SVG_RE.findall(html):
        root = ET.fromstring(source)
        found[root.find(NS + "title").get("id").removesuffix("-title")] = root
    return found


def svg_text(root: ET.Element) -> str:
    return " ".join(" ".join(t.itertext()).strip() for t in root.iter(NS + "text"))


def prose(html: str) -> str:
    """The article's text outside its figures (what the page itself states)."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    for figure in article.find_all("figure"):
        figure.decompose()
    return re.sub(r"\s+", " ", article.get_text(" "))


def ranges(text: str) -> set[tuple[int, int, str]]:
    return {(int(a), int(b), unit) for a, b, unit in RANGE_RE.findall(text)}


def test_every_diagram_file_is_listed_here():
    assert sorted(p.stem for p in DIAGRAM_FILES) == sorted(SHOWN_ON)


@pytest.mark.parametrize("path", DIAGRAM_FILES, ids=[p.name for p in DIAGRAM_FILES])
def test_diagram_file_is_small_and_labelled(path):
    text = path.read_text(encoding="utf-8")
    assert path.stat().st_size < MAX_BYTES
    assert check_svg(text) == []
    root = ET.fromstring(text)
    assert root.get("role") == "img"
    assert root.find(NS + "title").text.strip() and root.find(NS + "desc").text.strip()
    assert root.get("aria-labelledby") == f"{path.stem}-title {path.stem}-desc"


@pytest.mark.parametrize("name", sorted(SHOWN_ON))
def test_diagram_is_inline_on_its_page_with_text_labels(built, name):
    url, labels = SHOWN_ON[name]
    svgs = inline_svgs(built.page(url))
    assert name in svgs, f"{name} is not shown inline on {url}"
    root = svgs[name]
    texts = svg_text(root)
    for label in labels:
        assert label in texts, f"{name}: label {label!r} is not a <text> element"
    # The text alternative (title and desc) names the same things as the labels.
    alternative = (root.find(NS + "title").text + " " + root.find(NS + "desc").text).lower()
    for label in labels:
        word = "session" if label.startswith("Session") else label.lower().split()[0]
        assert word in alternative, f"{name}: the <title>/<desc> does not mention {label!r}"


@pytest.mark.parametrize("url", nav_pages())
def test_no_diagram_is_left_as_an_image_or_as_outlined_text(built, url):
    html = built.page(url)
    assert not re.search(r'<img\b[^>]*' + re.escape(FOLDER), html)
    for root in inline_svgs(html).values():
        assert list(root.iter(NS + "text")), "a diagram without <text> labels"


def test_timeline_numbers_are_the_numbers_the_page_states(built):
    html = built.page("treatment-plan/")
    root = inline_svgs(html)["course-timeline"]
    shown, said = svg_text(root), prose(html)
    shown_ranges = ranges(shown)
    assert {unit for *_, unit in shown_ranges} == {"sessions", "weeks"}
    assert shown_ranges == ranges(said), (shown_ranges, ranges(said))
    assert ranges(root.find(NS + "desc").text) == shown_ranges
    (low, high, _), = [r for r in shown_ranges if r[2] == "sessions"]
    (gap,) = [f"{a}–{b} weeks" for a, b, unit in shown_ranges if unit == "weeks"]
    # One marker per possible session, the ones past the lower bound marked "if needed",
    # and the gap between each pair of sessions.
    sessions = [(int(n), "if needed" in t) for t in (svg_text_el(el) for el in root.iter(NS + "text"))
                for n in re.findall(r"^Session (\d+)", t)]
    assert [n for n, _ in sessions] == list(range(1, high + 1))
    assert [n for n, optional in sessions if optional] == list(range(low + 1, high + 1))
    assert shown.count(gap) == high - 1 + 1  # the gaps, plus the heading
    assert "every few months" in shown and "every few months" in said


def svg_text_el(el: ET.Element) -> str:
    return " ".join(el.itertext()).strip()


@pytest.mark.parametrize("url", nav_pages())
def test_course_numbers_agree_on_every_page(built, url):
    """Every page that gives a number of sessions or weeks gives the same numbers as the timeline."""
    timeline = ranges(svg_text(inline_svgs(built.page("treatment-plan/"))["course-timeline"]))
    assert ranges(prose(built.page(url))) <= timeline


def test_skin_layers_named_in_the_picture_are_named_in_the_page(built):
    html = built.page("how-it-works/")
    said = prose(html).lower()
    for layer in ("stratum corneum", "epidermis", "dermis", "fat"):
        assert layer in svg_text(inline_svgs(html)["skin-layers"]).lower()
        assert layer in said, f"the page text does not name the {layer}"


def test_techniques_sit_side_by_side_and_match_the_list(built):
    page = BeautifulSoup(built.page("treatment-plan/"), "html.parser")
    row = page.select_one("figure > p.diagram-row")
    titles = [svg.find("title").get_text() for svg in row.find_all("svg")]
    listed = [li.strong.get_text() for li in page.find(id="step-3-how-the-mix-goes-in").find_next("ul").find_all("li")]
    assert titles == listed == ["Nappage", "Point-by-point", "Derma-rolling"]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


def test_concern_table_covers_only_the_guides_own_uses_and_says_the_practitioner_decides(built):
    """The table of concerns adds no use of its own: each row's concern (the words before any bracket) is one the
    page on what it treats has a heading for; every row names what may be used; the note after it says the
    practitioner decides. Rules, not today's rows: staff may add, remove and reword them."""
    page = BeautifulSoup(built.page("treatment-plan/"), "html.parser")
    table = page.select_one("article table")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.find_all("tr") if tr.find("td")]
    assert len(rows) >= 2 and all(len(row) >= 2 and row[1] for row in rows)
    treats = BeautifulSoup(built.page("what-it-treats/"), "html.parser").select_one("article")
    headings = set().union(*(words(h.get_text()) for h in treats.select("h2, h3")))
    strays = [row[0] for row in rows if not words(row[0].split("(")[0]) & headings]
    assert strays == [], f"concerns the page on what it treats has no heading for: {strays}"
    note = table.find_next("p").get_text(" ", strip=True).lower()
    assert "practitioner" in note and "decide" in note


# ---------------------------------------------------------------- editor mistakes

def test_a_diagram_without_a_title_stops_the_build_with_file_and_line(project):
    name = "docs/assets/diagrams/skin-layers.svg"
    project.write(name, re.sub(r"<title .*?</title>", "", project.read(name)))
    line = next(n for n, text in enumerate(project.read("docs/how-it-works.md").splitlines(), 1)
                if "skin-layers.svg" in text)
    result = project.build()
    assert result.returncode != 0
    assert (f'docs/how-it-works.md:{line}: diagram {name} has no <title id="…"> with text — '
            'add a short <title id="NAME-title"> as the first child of <svg>') in result.output
    assert "Traceback" not in result.output


def test_a_missing_diagram_is_reported_with_file_and_line(project):
    text = project.read("docs/how-it-works.md").replace("skin-layers.svg", "skin-layer.svg")
    project.write("docs/how-it-works.md", text)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "skin-layer.svg" in t)
    result = project.build()
    assert result.returncode != 0
    assert (f"docs/how-it-works.md:{line}: diagram docs/assets/diagrams/skin-layer.svg does not exist — "
            "add the SVG file, or correct the name in the image link") in result.output
