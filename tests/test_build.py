"""Build the real site with the real CLI into a temp dir and check the HTML; break it and check it fails."""
from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BOOK, ROOT, booking_url, catalog, front_matter, nav_pages, site_config
from sitekit.faq import parse_faq
from sitekit.settings import key_lines

CLINIC = yaml.load((ROOT / "mkdocs.yml").read_text().split("\nextra:\n", 1)[1].join(["extra:\n", ""]),
                   Loader=yaml.SafeLoader)["extra"]["clinic"]


#: The keys mkdocs.yml marks as still holding the project's example values, with their lines.
EXAMPLE_KEYS = list(site_config()["extra"].get("example_data") or [])
THANK_YOU = booking_url("thank_you_page")  # where the form service sends patients after it


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


# ---------------------------------------------------------------- the real site

def test_strict_build_is_clean(built):
    assert "WARNING" not in built.output and "ERROR" not in built.output, built.output


@pytest.mark.parametrize("url", nav_pages())
def test_every_page_is_built_with_title_review_and_clinic_footer(built, url):
    page = soup(built.page(url))
    assert page.title.string.strip()
    footer = page.select_one(".site-footer").get_text(" ", strip=True)
    assert CLINIC["name"] in footer and CLINIC["phone"] in footer and CLINIC["address"]["street"] in footer
    review = page.select_one(".page-review")
    assert review is not None and catalog()["review.by"].split("{name}")[0].strip() in review.get_text()
    assert review.find("time")["datetime"]


def guide_pages():
    meta = {}
    for path in (ROOT / "docs").glob("*.md"):
        text = path.read_text()
        meta[path.stem] = yaml.safe_load(text.split("---\n")[1])
    return meta


@pytest.mark.parametrize("url", nav_pages())
def test_guide_pages_end_with_a_call_to_book(built, url):
    page = soup(built.page(url))
    cta = page.select_one(".page-cta a")
    meta = guide_pages()["index" if url == "" else url.strip("/")]
    if meta.get("booking") or url == THANK_YOU:
        assert cta is None
    else:
        assert cta is not None and cta["href"].rstrip("/").endswith(BOOK.rstrip("/"))


@pytest.mark.parametrize("url", nav_pages())
def test_every_page_but_booking_opens_with_the_call_to_book(built, url):
    """Before the header and the content (Material's announce banner), so a phone shows it without scrolling:
    the booking page's address and the clinic's phone number from mkdocs.yml."""
    html = built.page(url)
    page = soup(html)
    bar = page.select_one(".md-banner .book-bar")
    meta = guide_pages()["index" if url == "" else url.strip("/")]
    if meta.get("booking") or url == THANK_YOU:
        assert bar is None and page.select_one(".md-banner") is None
        return
    assert bar is not None
    assert html.index('class="book-bar"') < html.index('class="md-header')
    book = bar.select_one("a.book-bar__book")
    assert book.get_text(strip=True) and book["href"].rstrip("/").endswith(BOOK.rstrip("/"))
    call = bar.select_one(".book-bar__call a")
    assert call.get_text(strip=True) == CLINIC["phone"]
    assert call["href"] == "tel:" + re.sub(r"[^\d+]", "", CLINIC["phone"])


def test_booking_form_is_exactly_on_pages_that_ask_for_it(built):
    asking = {("" if k == "index" else k + "/") for k, v in guide_pages().items() if v.get("booking") is True}
    assert asking == {BOOK}
    for url in nav_pages():
        page = soup(built.page(url))
        forms = page.select("form.booking-form")
        scripts = [s for s in page.select("script[src]") if "booking.js" in s["src"]]
        assert len(forms) == (1 if url in asking else 0), url
        assert len(scripts) == (1 if url in asking else 0), url


def test_booking_form_fields(built):
    form = soup(built.page(BOOK)).select_one("form.booking-form")
    assert form["method"] == "post" and form["action"] == site_config()["extra"]["booking"]["endpoint"]
    names = {el.get("name") for el in form.select("input, select, textarea")}
    assert {"name", "phone", "email", "treatment", "preferred_days", "preferred_times", "message", "consent",
            "adult", "_gotcha", "_next", "submission_id", "request_type"} <= names
    for field in form.select("input:not([type=hidden]), select, textarea"):
        label = form.select_one(f'label[for="{field["id"]}"]')
        assert label is not None and label.get_text(strip=True), field["id"]
    assert form.select_one('input[name="_next"]')["value"] == "http://127.0.0.1:8000/" + THANK_YOU
    assert form.select_one('input[name="consent"]').has_attr("required")
    assert form.select_one('input[name="adult"]').has_attr("required")


def visible_faq(page):
    article = page.select_one("article")
    questions = []
    for h2 in article.select("h2[id]"):
        if h2.find_parent(class_="page-cta"):
            continue
        parts = []
        for sibling in h2.find_next_siblings():
            if sibling.name == "h2" or sibling.name == "aside" or "page-cta" in (sibling.get("class") or []):
                break
            parts.append(" ".join(sibling.get_text(" ").split()))
        question = h2.get_text(strip=True).rstrip("¶").strip()
        questions.append((h2["id"], question, " ".join(parts)))
    return questions


def test_faq_jsonld_equals_visible_questions_and_answers(built):
    page = soup(built.page("faq/"))
    blocks = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    [faq] = [b for b in blocks if b.get("@type") == "FAQPage"]
    visible = visible_faq(page)
    assert len(visible) >= 3
    assert [(q["@id"].split("#")[1], q["name"]) for q in faq["mainEntity"]] == [(a, q) for a, q, _ in visible]
    for entity, (_, _, answer) in zip(faq["mainEntity"], visible):
        norm = lambda t: re.sub(r"\s+([.,;:!?])", r"\1", " ".join(t.split()))  # noqa: E731
        assert norm(entity["acceptedAnswer"]["text"]) == norm(answer)


def test_faq_anchors_are_the_parsers(built):
    items, problems = parse_faq((ROOT / "docs/faq.md").read_text(), "docs/faq.md")
    assert problems == []
    page = soup(built.page("faq/"))
    for item in items:
        assert page.find("h2", id=item.anchor) is not None


# ---------------------------------------------------------------- configuration drives the output

def test_clinic_details_come_from_config_and_are_escaped(project):
    project.set_extra("clinic", {"name": "Clinic <script>alert(1)</script> & Co", "phone": "+44 1632 960000"})
    result = project.build()
    assert result.returncode == 0, result.output
    for url in ("", BOOK, "faq/"):
        html = result.page(url)
        assert "<script>alert(1)</script>" not in html
        assert "Clinic &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
        assert 'href="tel:+441632960000"' in html


def test_embed_provider_renders_no_iframe_until_asked(project):
    project.set_extra("booking", {"provider": "embed", "embed_url": "https://cal.example.com/northlight"})
    result = project.build()
    assert result.returncode == 0, result.output
    page = soup(result.page(BOOK))
    assert page.select("iframe") == [] and page.select("form.booking-form") == []
    box = page.select_one(".booking-embed")
    assert box["data-embed-src"] == "https://cal.example.com/northlight"
    assert "cal.example.com" in box.get_text()


def test_contact_provider_shows_contact_details_only(project):
    project.set_extra("booking", {"provider": "contact"})
    result = project.build()
    assert result.returncode == 0, result.output
    page = soup(result.page(BOOK))
    assert page.select("form") == [] or all("booking-form" not in (f.get("class") or []) for f in page.select("form"))
    text = page.select_one(".booking-contact").get_text(" ", strip=True)
    assert CLINIC["phone"] in text and CLINIC["email"] in text and "Opening hours" in text
    assert not [s for s in page.select("script[src]") if "booking.js" in s["src"]]


# ---------------------------------------------------------------- every mistake fails the build

FAQ_HEAD = front_matter("Questions and answers",
                        "Short answers to the questions people ask us most about mesotherapy.", faq=True)

FAQ_BREAKS = [
    ("no-questions", FAQ_HEAD + "# Questions\n\nNothing yet.\n", "docs/faq.md:8: the FAQ has no questions"),
    ("no-question-mark", FAQ_HEAD + "# Q\n\n## Does it hurt\n\nA little.\n", 'docs/faq.md:10: question "Does it hurt" does not end with "?"'),
    ("empty-answer", FAQ_HEAD + "# Q\n\n## Does it hurt?\n\n## Next?\n\nYes.\n", 'docs/faq.md:10: question "Does it hurt?" has no answer'),
    ("duplicate", FAQ_HEAD + "# Q\n\n## Does it hurt?\n\nA.\n\n## does it  HURT?\n\nB.\n",
     'docs/faq.md:14: question "does it HURT?" is already asked on line 10'),
    ("second-title", FAQ_HEAD + "# Q\n\n## Does it hurt?\n\nA.\n\n# More\n", 'docs/faq.md:14: second "# " title "More"'),
    ("intro-question", FAQ_HEAD + "# Q\n\nIs it for me?\n\n## Does it hurt?\n\nA.\n", 'docs/faq.md:10: the introduction asks "Is it for me?"'),
    ("old-qa", FAQ_HEAD + "# Q\n\nQ: Does it hurt?\nA: A little.\n", 'docs/faq.md:10: old "Q:" / "A:" format'),
    ("broken-yaml", FAQ_HEAD.replace("faq: true", "faq: true\ntitle: [oops") + "# Q\n\n## Does it hurt?\n\nA.\n",
     "docs/faq.md:7: the front matter is not valid YAML (expected ',' or ']', but got '<stream end>'), noticed on "
     "line 8"),
]


# Every case with --strict; without it, a sample (a plain mkdocs build must fail on them too).
NOT_STRICT_SAMPLE = ("no-questions", "old-qa", "broken-yaml")


@pytest.mark.parametrize("name, text, message, strict", [
    pytest.param(*case, strict, id=f"{case[0]}-{'strict' if strict else 'not-strict'}")
    for strict in (True, False) for case in FAQ_BREAKS if strict or case[0] in NOT_STRICT_SAMPLE])
def test_broken_faq_fails_the_build_cleanly(project, name, text, message, strict):
    project.write("docs/faq.md", text)
    result = project.build(strict=strict)
    assert result.returncode != 0
    assert message in result.output, result.output
    assert "Traceback" not in result.output
    assert not (result.site / "index.html").exists()
    assert not (result.site / "faq").exists()


CONFIG_BREAKS = [
    ("unknown-key", {"endpont": "https://x.example/f"}, 'extra.booking.endpont: is not a known setting — did you mean "extra.booking.endpoint"?'),
    ("wrong-type", {"timeout_seconds": "soon"}, "extra.booking.timeout_seconds: is text, not a whole number"),
    ("unknown-provider", {"provider": "calendly"}, 'extra.booking.provider: "calendly" is not one of form, embed, contact'),
    ("not-https", {"endpoint": "http://forms.example.com/f/1"}, 'extra.booking.endpoint: "http://forms.example.com/f/1" is not an https:// address'),
]


@pytest.mark.parametrize("name, values, message", CONFIG_BREAKS, ids=[b[0] for b in CONFIG_BREAKS])
def test_broken_booking_config_fails_with_key_line_and_fix(project, name, values, message):
    project.set_extra("booking", values)
    result = project.build(strict=False)
    assert result.returncode != 0
    assert re.search(r"mkdocs\.yml:\d+: " + re.escape(message), result.output), result.output
    assert "Traceback" not in result.output


def test_a_local_build_of_a_fresh_clone_is_clean(project):
    """`mkdocs build --strict` as it comes (site_url on loopback) is a preview build: clean, form included."""
    result = project.build(strict=True, allow_dev_receiver=False)
    assert result.returncode == 0, result.output
    action = soup(result.page(BOOK)).select_one("form.booking-form")["action"]
    assert action == site_config()["extra"]["booking"]["endpoint"]


PUBLIC = "https://user.github.io/repo/"


def test_the_project_as_shipped_marks_its_example_details():
    """As shipped, the made-up details are all listed; once a clinic has put in its own and deleted the list,
    there is nothing to list (the publishing tests below then mark some keys themselves)."""
    if EXAMPLE_KEYS:
        assert {"clinic.name", "clinic.phone", "clinic.email", "clinic.address", "booking.endpoint"} <= set(EXAMPLE_KEYS)
        assert [key for key in EXAMPLE_KEYS if key.startswith("reviewers.")] == [
            f"reviewers.{key}" for key in site_config()["extra"]["reviewers"]]


def marked(project) -> tuple[list[str], dict[str, int]]:
    """The example keys of this copy, with their lines: the project's own list, or, once the clinic has replaced
    them all, a list the test makes (the name, the phone, the endpoint and the first reviewer)."""
    keys = EXAMPLE_KEYS or ["clinic.name", "clinic.phone", "booking.endpoint",
                            f"reviewers.{next(iter(site_config()['extra']['reviewers']))}"]
    if not EXAMPLE_KEYS:
        project.set_extra("example_data", keys)
    lines = key_lines(project.read("mkdocs.yml"))
    return keys, {key: lines[f"extra.{key}"] for key in keys}


def test_every_preview_page_shows_the_example_details_banner(project):
    keys, lines = marked(project)
    result = project.build()
    assert result.returncode == 0, result.output
    for url in nav_pages() + ["404.html"]:
        note = soup(result.page(url)).select_one('article .example-data[role="note"]')
        assert note is not None and note["aria-labelledby"] == "example-data-title", url
        assert note.select_one("#example-data-title").get_text(strip=True) == catalog()["example.title"]
        assert [li.get_text(" ", strip=True) for li in note.select("li")] == [f"{key} (line {lines[key]})" for key in keys]


@pytest.mark.parametrize("url", nav_pages() + ["404.html"])
def test_the_banner_is_shown_exactly_while_example_data_is_listed(built, url):
    assert (soup(built.page(url)).select_one(".example-data") is not None) == bool(EXAMPLE_KEYS)


def test_publishing_the_project_as_shipped_is_refused_once_per_example_key(project):
    keys, lines = marked(project)
    result = project.build(strict=False, allow_dev_receiver=False, site_url=PUBLIC)
    assert result.returncode != 0
    refused = re.findall(r"mkdocs\.yml:(\d+): extra\.(\S+): is example data \(", result.output)
    assert refused == [(str(lines[key]), key) for key in keys], result.output
    for key in keys:
        assert f'then delete "{key}" from extra.example_data' in result.output
    assert "local development receiver" not in result.output  # the endpoint is refused once, as example data
    assert f"{len(keys)} problems in mkdocs.yml" in result.output
    assert not (result.site / "index.html").exists()


def test_publishing_with_the_dev_receiver_is_refused(project):
    """Unmarked (the list deleted, the endpoint left as it came or put back), the development receiver is still refused."""
    project.set_extra("example_data", None)
    project.set_extra("booking", {"endpoint": "http://127.0.0.1:8025/f/dev"})
    result = project.build(strict=False, allow_dev_receiver=False, site_url="https://user.github.io/mesotherapy/")
    assert result.returncode != 0
    assert re.findall(r"mkdocs\.yml:\d+: extra\.[^:]+: .*", result.output) == [
        f"mkdocs.yml:{key_lines(project.read('mkdocs.yml'))['extra.booking.endpoint']}: extra.booking.endpoint: "
        "is the local development receiver (http://127.0.0.1:8025/f/dev), which only works on this computer; "
        "requests sent from the published site would be lost — set extra.booking.endpoint to your form service's https address (e.g. "
        "https://formspree.io/f/your-form-id) before publishing"]
    assert not (result.site / "index.html").exists()


def test_publishing_with_every_example_value_replaced_works(project):
    replaced = project.replace_example_data()
    assert replaced == EXAMPLE_KEYS
    project.review_translations()  # a translation not yet medically reviewed is never published
    result = project.build(allow_dev_receiver=False, site_url="https://user.github.io/mesotherapy/")
    assert result.returncode == 0, result.output
    extra = site_config(project.root)["extra"]
    page = soup(result.page(BOOK))
    assert page.select_one(".example-data") is None and catalog()["example.title"] not in result.page("")
    assert page.select_one("form.booking-form")["action"] == extra["booking"]["endpoint"]
    assert page.select_one('input[name="_next"]')["value"] == "https://user.github.io/mesotherapy/" + booking_url("thank_you_page")
    assert page.select_one('link[rel="canonical"]')["href"] == "https://user.github.io/mesotherapy/" + BOOK
    home = soup(result.page(""))
    assert extra["clinic"]["name"] in home.select_one(".site-footer").get_text(" ", strip=True)
    reviewer = next(iter(extra["reviewers"].values()))
    assert reviewer["name"] in home.select_one(".page-review").get_text(" ", strip=True)


def test_front_matter_mistakes_on_any_page_fail_the_build(project):
    text = project.read("docs/how-it-works.md").replace("description:", "descripton:", 1)
    project.write("docs/how-it-works.md", text)
    result = project.build(strict=False)
    assert result.returncode != 0
    assert 'docs/how-it-works.md:3: unknown front matter key "descripton" — did you mean "description"?' in result.output
    assert 'docs/how-it-works.md:1: the front matter has no "description"' in result.output


def test_gh_deploy_is_refused_with_example_data(project):
    import os
    import subprocess
    import sys

    keys, lines = marked(project)
    subprocess.run(["git", "init", "-q", str(project.root)], check=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ALLOW_DEV_RECEIVER", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--no-history"], cwd=project.root,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    for key in keys:
        assert f"mkdocs.yml:{lines[key]}: extra.{key}: is example data (" in result.stderr
    branches = subprocess.run(["git", "branch", "--list", "gh-pages"], cwd=project.root, capture_output=True, text=True)
    assert branches.stdout.strip() == ""


# ---------------------------------------------------------------- the form promises only what any form service does

RETRY = ("The clinic's form service did not answer in time, so we cannot tell whether your request arrived. "
         "Trying again is fine: at worst the clinic receives your request twice.")


@pytest.mark.parametrize("endpoint", [site_config()["extra"]["booking"]["endpoint"], "https://formspree.io/f/xyzabc"],
                         ids=["as-configured", "a-form-service"])
def test_the_timeout_message_promises_no_de_duplication(project, endpoint):
    """Only the development receiver de-duplicates on submission_id; a form service may record a retry twice."""
    project.set_extra("booking", {"endpoint": endpoint})
    result = project.build()
    assert result.returncode == 0, result.output
    page = soup(result.page(BOOK))
    assert page.select_one("form.booking-form")["action"] == endpoint
    messages = json.loads(page.select_one("#booking-form-messages").string)
    assert messages["timeout"] == RETRY
    assert "not receive it twice" not in result.page(BOOK)
