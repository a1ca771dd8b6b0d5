"""schema.org JSON-LD: the pure builders, then every block of the real site checked against the real
vocabulary (tests/data/schemaorg), against each other (@id references) and against the visible page."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from urllib.parse import urljoin

import extruct
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BOOKING_PAGES, ROOT, Project, booking_page, booking_url, catalog, front_matter, nav_pages
from schemaorg_vocab import VOCABULARY, Vocabulary
from sitekit import frontmatter, structured_data as sd
from sitekit.page import read as read_page

BASE = "https://user.github.io/mesotherapy-guide/"
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text().split("\nextra:\n", 1)[1].join(["extra:\n", ""]),
                   Loader=yaml.SafeLoader)["extra"]
NOT_GUIDE = {booking_url(key) for key in BOOKING_PAGES}  # booking, thank-you, privacy (extra.booking)


def norm(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", " ".join(text.replace("¶", " ").split()))


# ---------------------------------------------------------------- pure functions

@pytest.mark.parametrize("hours, expected", [
    ([{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "opens": "09:00", "closes": "18:00"}],
     ["Monday to Friday 09:00–18:00"]),
    ([{"days": ["Saturday"], "opens": "10:00", "closes": "14:00"}], ["Saturday 10:00–14:00"]),
    ([{"days": ["Friday", "Monday", "Tuesday"], "opens": "08:00", "closes": "12:00"}],
     ["Monday and Tuesday, Friday 08:00–12:00"]),
    ([{"days": ["Monday", "Wednesday", "Thursday", "Friday", "Sunday"], "opens": "09:00", "closes": "17:30"},
      {"days": [], "opens": "09:00", "closes": "10:00"}],
     ["Monday, Wednesday to Friday, Sunday 09:00–17:30"]),
    ([], []),
])
def test_opening_hours_text(hours, expected):
    assert sd.opening_hours_text(hours) == expected


HTML = """<h1 id="t">Side effects<a class="headerlink" href="#t">¶</a></h1>
<p>Intro.</p>
<h2 data-procedure="preparation" id="before">Before your treatment</h2>
<ul><li>Tell us about <strong>all</strong> medicines.</li><li>Avoid alcohol.</li></ul>
<figure><p><svg viewBox="0 0 1 1"><title>A picture</title><text>Label</text></svg></p>
<figcaption><p>What the picture shows.</p></figcaption></figure>
<h3 id="sub">A sub-heading</h3><p>Still part of it.</p><svg><text>Loose label</text></svg>
<h2 id="after" data-procedure="followup">After</h2><p>Be gentle.</p>
<h2 id="next">Next</h2><p>Not part of it.</p>
"""


def test_marked_sections_take_the_visible_section_text():
    assert sd.marked_sections(HTML) == [
        sd.Mark("preparation", "Before your treatment",
                "Tell us about all medicines.\n\nAvoid alcohol.\n\nA sub-heading\n\nStill part of it."),
        sd.Mark("followup", "After", "Be gentle."),
    ]
    assert sd.visible_title(HTML, "fallback") == "Side effects"
    assert sd.visible_title("<p>no title</p>", "fallback") == "fallback"


def test_mark_problems_have_file_line_and_fix():
    good = sd.Mark("preparation", "Before", "text")
    found = [("docs/a.md", 7, sd.Mark("preperation", "Before", "text")),
             ("docs/a.md", 1, good),
             ("docs/b.md", 3, good),
             ("docs/c.md", 1, sd.Mark("followup", "Empty", ""))]
    assert [str(p) for p in sd.check_marks(found)] == [
        'docs/a.md:7: data-procedure="preperation" is not one of howPerformed, preparation, followup — write '
        'data-procedure="howPerformed", "preparation" or "followup" (exact spelling), or remove the attribute',
        'docs/b.md:3: data-procedure="preparation" is already on docs/a.md:1 — mark each part of the treatment on '
        "one heading of the whole guide; remove one of them",
        'docs/c.md:1: the section marked data-procedure="followup" has no text — write the section below the '
        "heading, or move the attribute to a heading that has text",
    ]


def test_duplicate_questions_across_pages():
    found = [("docs/faq.md", 13, "Does it hurt?"), ("docs/faq.md", 17, "How long?"),
             ("docs/more.md", 9, "does it  HURT")]
    assert [str(p) for p in sd.duplicate_questions(found)] == [
        'docs/more.md:9: question "does it  HURT" is already asked on docs/faq.md:13 — ask each question on one '
        "FAQ page only; link to it from the other page"]


CLINIC = {"name": "Clinic", "phone": "020 7946 0999", "email": "a@b.example",
          "address": {"street": "1 High St", "locality": "Town", "postcode": "AB1 2CD", "country": "GB"},
          "opening_hours": [{"days": ["Saturday", "Monday"], "opens": "10:00", "closes": "14:00"}],
          "services": ["Mesotherapy", "Chemical peel"]}
REVIEW = {"name": "Dr A", "qualification": "MBBS", "last_reviewed": dt.date(2026, 11, 16), "next_review": None}


def test_home_page_graph_describes_the_clinic_once_and_the_treatment():
    facts = sd.PageFacts(url="https://x.example/r/", name="Home", description="About.", is_homepage=True,
                         review=REVIEW, reviewer_key="doc")
    graph = sd.page_graph(facts, site_url="https://x.example/r", site_name="Guide", language="en-GB", clinic=CLINIC,
                          procedure_name="Mesotherapy")
    nodes = {n["@id"]: n for n in graph["@graph"]}
    root = "https://x.example/r/"
    assert set(nodes) == {root + "#webpage", root + "#reviewer-doc", root + "#treatment", root + "#website",
                          root + "#clinic"}
    clinic = nodes[root + "#clinic"]
    assert clinic["openingHoursSpecification"] == [{"@type": "OpeningHoursSpecification", "opens": "10:00",
                                                    "closes": "14:00", "dayOfWeek": ["https://schema.org/Monday",
                                                                                     "https://schema.org/Saturday"]}]
    assert clinic["availableService"] == [{"@id": root + "#treatment"},
                                          {"@type": "MedicalProcedure", "name": "Chemical peel"}]
    assert clinic["address"] == {"@type": "PostalAddress", "streetAddress": "1 High St", "addressLocality": "Town",
                                 "postalCode": "AB1 2CD", "addressCountry": "GB"}
    page = nodes[root + "#webpage"]
    assert page["lastReviewed"] == "2026-11-16" and page["reviewedBy"] == {"@id": root + "#reviewer-doc"}
    assert "breadcrumb" not in page
    assert nodes[root + "#reviewer-doc"]["hasCredential"] == {"@type": "EducationalOccupationalCredential",
                                                              "name": "MBBS"}


def test_other_pages_refer_to_the_clinic_and_carry_breadcrumbs():
    facts = sd.PageFacts(url="https://x.example/r/book/", name="Book", description="Book.", is_guide=False,
                         review=REVIEW, reviewer_key="doc",
                         trail=[("Home", "https://x.example/r/"), ("Book", "https://x.example/r/book/")])
    graph = sd.page_graph(facts, site_url="https://x.example/r/", site_name="Guide", language="en-GB",
                          clinic=CLINIC, procedure_name="Mesotherapy")
    types = [n["@type"] for n in graph["@graph"]]
    assert types == ["WebPage", "Person", "BreadcrumbList"]
    page = graph["@graph"][0]
    assert page["publisher"] == {"@id": "https://x.example/r/#clinic"}
    assert "medicalAudience" not in page and "about" not in page
    assert graph["@graph"][2]["itemListElement"][1] == {"@type": "ListItem", "position": 2, "name": "Book",
                                                        "item": "https://x.example/r/book/"}


def test_the_vocabulary_file_is_the_official_release():
    digest = hashlib.sha256(VOCABULARY.read_bytes()).hexdigest()
    assert digest == "8007e0ad351d2b28ec30dfbfa7335561c3523b3387e057ec8968ef3ce0b2647b"


def test_the_checker_rejects_what_is_not_in_the_vocabulary():
    vocab = Vocabulary()
    assert vocab.check({"@type": "PatientAudience"}, "x") == ["x: unknown type 'PatientAudience'"]
    assert vocab.check({"@type": "MedicalWebPage", "reviewer": "x"}, "x") == ["x: unknown property 'reviewer'"]
    assert vocab.check({"@type": "WebPage", "procedureType": "https://schema.org/PercutaneousProcedure"}, "x") == [
        "x: 'procedureType' is not a property of WebPage (domain: ['MedicalProcedure'])"]
    assert vocab.check({"@type": "MedicalProcedure", "procedureType": "https://schema.org/Monday"}, "x") == [
        "x.procedureType[0]: https://schema.org/Monday is not a value of ['MedicalProcedureType']"]
    assert vocab.check({"@type": "MedicalWebPage", "medicalAudience": {"@type": "Person"}}, "x") == [
        "x.medicalAudience[0]: a ['Person'] is not one of ['MedicalAudience', 'MedicalAudienceType']"]
    assert vocab.check({"@type": "WebPage", "lastReviewed": "20/11/2026"}, "x") == [
        "x.lastReviewed[0]: '20/11/2026' is not a date YYYY-MM-DD"]
    assert vocab.check({"@type": "MedicalWebPage", "about": {"@id": "#c"}}, "x", {"#c": ["MedicalClinic"]}) == []
    assert vocab.check({"@type": "WebPage", "reviewedBy": {"@id": "#c"}}, "x", {"#c": ["MedicalProcedure"]}) == [
        "x.reviewedBy[0]: #c is a ['MedicalProcedure'], not one of ['Organization', 'Person']"]


# ---------------------------------------------------------------- the real site

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The real site for a project page, and every JSON-LD block of every page, extracted with extruct."""
    result = Project(tmp_path_factory.mktemp("jsonld") / "project").build(site_url=BASE)
    assert result.returncode == 0, result.output
    pages = {}
    for url in nav_pages():
        html = result.page(url)
        page = BeautifulSoup(html, "lxml")
        scripts = page.select('script[type="application/ld+json"]')
        strict = [json.loads(script.string) for script in scripts]  # each block is valid JSON, not just lenient JSON
        blocks = extruct.extract(html, base_url=BASE + url, syntaxes=["json-ld"], uniform=False)["json-ld"]
        assert blocks == strict, url
        pages[url] = (page, blocks)
    return pages


def nodes_of(block: dict) -> list[dict]:
    return block["@graph"] if "@graph" in block else [block]


def walk(value):
    """Every dict inside a JSON-LD value."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def defined(site) -> dict[str, list[tuple[str, dict]]]:
    """Every node with an @id and a @type, by @id: [(page url, node), …]."""
    found: dict[str, list] = {}
    for url, (_, blocks) in site.items():
        for block in blocks:
            for node in walk(block):
                if "@id" in node and "@type" in node:
                    found.setdefault(node["@id"], []).append((url, node))
    return found


def by_type(blocks: list[dict], type_: str) -> list[dict]:
    return [n for b in blocks for n in walk(b) if type_ in ([n.get("@type")] if isinstance(n.get("@type"), str)
                                                             else n.get("@type") or [])]


def test_every_page_has_structured_data_in_the_schema_org_context(site):
    for url, (_, blocks) in site.items():
        assert blocks, url
        for block in blocks:
            assert block["@context"] == "https://schema.org", url


def test_only_real_schema_org_types_and_properties(site):
    vocab = Vocabulary()
    index = {ident: [t for _, n in nodes for t in ([n["@type"]] if isinstance(n["@type"], str) else n["@type"])]
             for ident, nodes in defined(site).items()}
    problems = []
    for url, (_, blocks) in site.items():
        for i, block in enumerate(blocks):
            problems += vocab.check(block, f"{url or 'home'}[{i}]", index)
    assert problems == []


def test_every_id_reference_resolves_and_each_thing_has_one_type(site):
    known = defined(site)
    for ident, nodes in known.items():
        types = {json.dumps(n["@type"]) for _, n in nodes}
        assert len(types) == 1, f"{ident} has types {types}"
        assert ident.startswith(BASE), ident
    for url, (_, blocks) in site.items():
        for node in walk(blocks):
            if set(node) == {"@id"}:
                assert node["@id"] in known, f"{url}: {node['@id']} is referred to but described nowhere"


def test_every_guide_page_is_a_medical_web_page_reviewed_by_a_person(site):
    for url, (page, blocks) in site.items():
        [webpage] = [n for b in blocks for n in nodes_of(b) if n.get("@id") == BASE + url + "#webpage"]
        assert webpage["@type"] == ("WebPage" if url in NOT_GUIDE else "MedicalWebPage"), url
        assert webpage["url"] == page.select_one('link[rel="canonical"]')["href"] == BASE + url
        assert webpage["inLanguage"] == "en-GB"
        assert webpage["publisher"] == {"@id": BASE + "#clinic"}
        assert webpage["isPartOf"] == {"@id": BASE + "#website"}
        # name, description, review: exactly what the page shows
        h1 = page.select_one("article h1")
        assert webpage["name"] == norm(h1.get_text())
        assert webpage["description"] == page.find("meta", attrs={"name": "description"})["content"]
        review = page.select_one(".page-review")
        assert webpage["lastReviewed"] == review.find("time")["datetime"]
        person = [n for n in by_type(blocks, "Person") if n["@id"] == webpage["reviewedBy"]["@id"]]
        assert len(person) == 1
        review_text = norm(review.get_text())
        assert review.find("strong").get_text() == person[0]["name"]
        assert catalog()["review.by_qualified"].format(
            name=person[0]["name"], qualification=person[0]["hasCredential"]["name"]) in review_text
        if url not in NOT_GUIDE:
            assert webpage["medicalAudience"] == {"@type": "Patient"}
            assert webpage["about"] == {"@id": BASE + "#treatment"}


def test_the_treatment_is_one_thing_whose_texts_are_on_the_page(site):
    described = defined(site)[BASE + "#treatment"]
    seen = {}
    for url, node in described:
        page, _ = site[url]
        assert node["@type"] == "MedicalProcedure" and node["name"] == "Mesotherapy"
        assert node["procedureType"] == "https://schema.org/PercutaneousProcedure"
        assert "mesotherapy" in page.select_one("article").get_text().lower()
        for key in sd.PROCEDURE_PROPERTIES:
            if key in node:
                heading = page.select_one(f'article [data-procedure="{key}"]')
                level = int(heading.name[1])
                parts = []
                for sibling in heading.find_next_siblings():
                    if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
                        break
                    if "page-cta" in (sibling.get("class") or []) or sibling.name in ("aside", "footer"):
                        break
                    if sibling.name in ("figure", "svg"):
                        continue  # pictures illustrate the section; they are not its text
                    for picture in sibling.find_all(["figure", "svg"]):
                        picture.decompose()
                    parts.append(sibling.get_text(" "))
                assert norm(node[key]) == norm(" ".join(parts)), key
                seen[key] = url
    assert seen == {"howPerformed": "treatment-plan/", "preparation": "side-effects/", "followup": "side-effects/"}


def test_the_clinic_is_described_once_on_the_home_page_as_its_footer_shows_it(site):
    clinics = [(url, n) for url, (_, blocks) in site.items() for n in by_type(blocks, "MedicalClinic")]
    assert [url for url, _ in clinics] == [""]
    clinic = clinics[0][1]
    page, blocks = site[""]
    footer = norm(page.select_one(".site-footer").get_text(" "))
    assert clinic["@id"] == BASE + "#clinic" and clinic["url"] == BASE
    for value in (clinic["name"], clinic["telephone"], clinic["email"], *[
            v for k, v in clinic["address"].items() if k not in ("@type", "addressCountry")]):
        assert value in footer
    assert page.select_one(f'.site-footer a[href="mailto:{clinic["email"]}"]') is not None
    hours = page.select_one(".site-footer__hours").get_text().removeprefix("Opening hours: ").split("; ")
    shown = []
    for line in hours:
        days_text, times = line.rsplit(" ", 1)
        opens, closes = times.split("–")
        days = []
        for part in re.split(r", | and ", days_text):
            if " to " in part:
                first, last = part.split(" to ")
                days += list(sd.DAYS[sd.DAYS.index(first):sd.DAYS.index(last) + 1])
            else:
                days.append(part)
        shown.append({"@type": "OpeningHoursSpecification", "opens": opens, "closes": closes,
                      "dayOfWeek": ["https://schema.org/" + d for d in days]})
    assert clinic["openingHoursSpecification"] == shown
    assert clinic["availableService"] == [{"@id": BASE + "#treatment"}]
    [website] = by_type(blocks, "WebSite")
    assert website["name"] == norm(page.select_one(".md-header__topic .md-ellipsis").get_text())
    for url, (_, other) in site.items():
        if url:
            assert not by_type(other, "WebSite")


def test_breadcrumbs_below_the_home_page_match_the_visible_ones(site):
    for url, (page, blocks) in site.items():
        lists = by_type(blocks, "BreadcrumbList")
        visible = page.select(".site-breadcrumbs li")
        if url == "":
            assert lists == [] and visible == []
            continue
        [crumbs] = lists
        items = crumbs["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
        assert [i["name"] for i in items] == [norm(li.get_text()) for li in visible]
        links = [urljoin(BASE + url, li.a["href"]) if li.a else BASE + url for li in visible]
        assert [i["item"] for i in items] == links
        assert items[0]["item"] == BASE and items[-1]["item"] == BASE + url
        assert items[-1]["name"] == norm(page.select_one("article h1").get_text())


def test_faq_markup_only_on_faq_pages_and_each_question_once(site):
    questions = []
    for url, (page, blocks) in site.items():
        faqs = by_type(blocks, "FAQPage")
        is_faq = "faq: true" in (ROOT / "docs" / f"{'index' if url == '' else url.strip('/')}.md").read_text()
        assert len(faqs) == (1 if is_faq else 0), url
        if faqs:
            [webpage] = [n for b in blocks for n in nodes_of(b) if n.get("@id") == BASE + url + "#webpage"]
            assert webpage["mainEntity"] == {"@id": faqs[0]["@id"]}
            for question in faqs[0]["mainEntity"]:
                heading = page.find("h2", id=question["@id"].split("#", 1)[1])
                assert norm(heading.get_text()) == question["name"]
                questions.append(question["name"].casefold())
        assert not by_type(blocks, "Review") and not by_type(blocks, "AggregateRating")
        assert not any("review" in n or "aggregateRating" in n for n in walk(blocks)), url
    assert len(questions) >= 3 and len(questions) == len(set(questions))


def test_breadcrumbs_are_not_indexed_by_the_site_search(site):
    page, _ = site["faq/"]
    assert page.select_one(".site-breadcrumbs").has_attr("data-search-exclude")


# ---------------------------------------------------------------- mistakes fail the build

def test_misspelt_or_repeated_procedure_marks_fail_the_build(project):
    text = project.read("docs/side-effects.md").replace('data-procedure="followup"', 'data-procedure="follow-up"')
    project.write("docs/side-effects.md", text)
    text = project.read("docs/how-it-works.md").replace("## Your skin in layers",
                                                        '## Your skin in layers { data-procedure="howPerformed" }')
    project.write("docs/how-it-works.md", text)
    def line_of(name, needle):
        return next(i for i, line in enumerate(project.read(name).split("\n"), 1) if needle in line)

    misspelt = line_of("docs/side-effects.md", 'data-procedure="follow-up"')
    first = line_of("docs/how-it-works.md", 'data-procedure="howPerformed"')
    second = line_of("docs/treatment-plan.md", 'data-procedure="howPerformed"')
    result = project.build(strict=False)
    assert result.returncode != 0
    assert (f'docs/side-effects.md:{misspelt}: data-procedure="follow-up" is not one of howPerformed, preparation, '
            "followup" in result.output), result.output
    assert (f'docs/treatment-plan.md:{second}: data-procedure="howPerformed" is already on docs/how-it-works.md:{first}'
            in result.output), result.output
    assert "Traceback" not in result.output


def test_a_question_asked_on_two_faq_pages_fails_the_build(project):
    from sitekit.faq import parse_faq

    first = parse_faq(project.read("docs/faq.md"))[0][0]  # the FAQ's first question, whatever staff made it
    head = front_matter("More questions", "More short answers about mesotherapy, for the questions that did not fit "
                        "on the main page.", faq=True) + "\n# More questions\n\n"
    line = head.count("\n") + 1
    project.write("docs/more-questions.md", head + f"## {first.question}\n\nA little.\n")
    text = project.read("mkdocs.yml")
    nav = re.search(r"^nav:\n((?:  - .*\n)+)", text, re.MULTILINE).group(0)
    project.write("mkdocs.yml", text.replace(nav, nav + "  - More questions: more-questions.md\n", 1))
    result = project.build(strict=False)
    assert result.returncode != 0
    asked = f'question "{first.question}" is already asked on'
    assert (f"docs/more-questions.md:{line}: {asked} docs/faq.md:{first.line}" in result.output or
            f"docs/faq.md:{first.line}: {asked} docs/more-questions.md:{line}" in result.output), result.output
    assert "Traceback" not in result.output


def test_clinic_details_in_json_ld_follow_the_config(project):
    project.set_extra("clinic", {"name": "Clinic <b>&</b> Co", "phone": "+44 1632 960000",
                                 "opening_hours": [{"days": ["Tuesday", "Thursday"], "opens": "08:30",
                                                    "closes": "12:00"}]})
    result = project.build(site_url=BASE)
    assert result.returncode == 0, result.output
    html = result.page("")
    assert "<b>&</b>" not in html.split("</head>")[0]
    blocks = [json.loads(s.string) for s in BeautifulSoup(html, "lxml").select('script[type="application/ld+json"]')]
    [clinic] = by_type(blocks, "MedicalClinic")
    assert clinic["name"] == "Clinic <b>&</b> Co" and clinic["telephone"] == "+44 1632 960000"
    assert clinic["openingHoursSpecification"] == [{"@type": "OpeningHoursSpecification", "opens": "08:30",
                                                    "closes": "12:00", "dayOfWeek": ["https://schema.org/Tuesday",
                                                                                     "https://schema.org/Thursday"]}]
    footer = BeautifulSoup(html, "lxml").select_one(".site-footer__hours").get_text()
    assert footer == "Opening hours: Tuesday, Thursday 08:30–12:00"


# ---------------------------------------------------------------- visible trust

@pytest.mark.parametrize("url", nav_pages())
def test_every_page_shows_its_review_due_date_and_a_disclaimer_linking_to_booking(site, url):
    page, _ = site[url]
    path = ROOT / "docs" / f"{'index' if url == '' else url.strip('/')}.md"
    fm = read_page(path.read_text(encoding="utf-8"), path.name).meta
    review = page.select_one(".page-review")
    last, due = [t["datetime"] for t in review.find_all("time")]
    assert last == fm["last_reviewed"].isoformat()
    expected_due = frontmatter.next_review(fm)  # next_review, or 12 months later (29 February: the 28th)
    assert due == expected_due.isoformat()
    text = norm(review.get_text(" "))
    assert catalog()["review.next"].format(date=f"{expected_due.day} {expected_due:%B %Y}") in text
    disclaimer = review.select_one(".page-disclaimer")
    assert catalog()["review.disclaimer"].split("{link}")[0].strip() in norm(disclaimer.get_text(" "))
    assert urljoin(BASE + url, disclaimer.a["href"]) == BASE + booking_page()[0]


def test_an_explicit_next_review_date_is_shown(project):
    last = read_page(project.read("docs/future.md"), "docs/future.md").meta["last_reviewed"]
    due = frontmatter.add_months(last, 6).replace(day=1) + dt.timedelta(days=31)  # a day other than the default
    project.set_front("docs/future.md", "next_review", due.isoformat())
    result = project.build(site_url=BASE)
    assert result.returncode == 0, result.output
    review = BeautifulSoup(result.page("future/"), "lxml").select_one(".page-review")
    assert [t["datetime"] for t in review.find_all("time")] == [last.isoformat(), due.isoformat()]
    assert catalog()["review.next"].format(date=f"{due.day} {due:%B %Y}") in norm(review.get_text(" "))


def test_breadcrumbs_need_the_navigation_path_feature(project):
    project.write("mkdocs.yml", project.read("mkdocs.yml").replace("    - navigation.path", "    - navigation.top", 1))
    result = project.build(strict=False)
    assert result.returncode != 0
    assert re.search(r'mkdocs\.yml:\d+: theme\.features: has no "navigation\.path" — add "- navigation\.path": it shows '
                     r"the breadcrumbs that the structured data describes", result.output), result.output
    assert "Traceback" not in result.output
