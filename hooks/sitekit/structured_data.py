"""schema.org structured data (JSON-LD) built from front matter, the rendered page and ``extra.clinic``.

One graph per page. Things that exist once for the whole site (the clinic, the
website, the treatment, each reviewer) have a stable ``@id`` under ``site_url``
and are described where their details are visible; other pages refer to them
by ``@id`` only. Every text value is taken from what the page shows.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from . import htmlscan
from .faq import visible_text
from .problems import Problem
from .seo import site_root
from .settings import DAYS, DEFAULT_PROCEDURE, opening_hours_text  # noqa: F401  (opening_hours_text: for callers)

SCHEMA = "https://schema.org/"

#: The treatment's properties an editor may mark on a heading, e.g.
#: ``## Before your treatment { data-procedure="preparation" }``: the section under it becomes the value.
PROCEDURE_PROPERTIES = ("howPerformed", "preparation", "followup")
MARK = "data-procedure"
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Pictures (inline SVG, figures with their captions) illustrate a section; they are not its text.
PICTURES = frozenset({"figure", "svg"})


# ---------------------------------------------------------------- identifiers

def script_json(data) -> str:
    """``data`` as JSON for a ``<script type="application/ld+json">``: like Jinja's ``tojson`` (``<``, ``>``, ``&``
    and ``'`` escaped, so the text cannot end the script), but letters outside ASCII as themselves, not as
    ``\\uXXXX`` (an Arabic page's structured data is then about a third of the bytes)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def clinic_id(root: str) -> str:
    return f"{root}#clinic"


def website_id(root: str) -> str:
    return f"{root}#website"


def procedure_id(root: str) -> str:
    return f"{root}#treatment"


def reviewer_id(root: str, key: str) -> str:
    return f"{root}#reviewer-{key}"


def ref(identifier: str) -> dict:
    return {"@id": identifier}


# ---------------------------------------------------------------- what the page shows

def _closing(tokens: list, i: int, name: str) -> int | None:
    """Index of the first end tag ``name`` after tokens[i], or None."""
    for j in range(i + 1, len(tokens)):
        if tokens[j][1] == name and tokens[j][0] == htmlscan.END:
            return j
    return None


_H1_END = re.compile(r"</h1[\t\n\f\r />]", re.I)  # where a page's title may end (to read only that far)


def visible_title(html: str, fallback: str) -> str:
    """The text of the page's first ``<h1>`` (what the visitor reads as its name)."""
    page = htmlscan.scan_to(html, _H1_END)
    tokens = page.tokens
    text = ""
    for i, tag in enumerate(tokens):
        if tag[1] == "h1" and tag[0] == htmlscan.START:
            end = _closing(tokens, i, "h1")
            if end is not None:
                text = visible_text(page, tag.end, tokens[end].start)
            break
    return " ".join(text.split()) or fallback


@dataclass(frozen=True)
class Mark:
    name: str  # the value of data-procedure, e.g. "preparation"
    heading: str
    text: str  # visible text of the section under the heading


def _picture(tag) -> bool:
    return tag[1] in PICTURES


def marked_sections(html: str) -> list[Mark]:
    """Each heading carrying ``data-procedure="…"`` and the visible text of its section
    (everything up to the next heading of the same or a higher level, without pictures)."""
    if MARK not in html.lower():  # an attribute name is written out, in any case
        return []
    page = htmlscan.scan(html)
    tokens = page.tokens
    marks = []
    for i, tag in enumerate(tokens):
        level = _HEADINGS.get(tag[1])
        if level is None or tag[0] != htmlscan.START:
            continue
        name = tag.get(MARK)
        if name is None:
            continue
        end = _closing(tokens, i, tag[1])
        if end is None:
            continue
        stop = len(html)
        for following in tokens[end + 1:]:
            if following[0] == htmlscan.START and _HEADINGS.get(following[1], 7) <= level:
                stop = following.start
                break
        marks.append(Mark(name, visible_text(page, tag.end, tokens[end].start),
                          visible_text(page, tokens[end].end, stop, drop=_picture)))
    return marks


def check_marks(found: list[tuple[str, int, Mark]]) -> list[Problem]:
    """``found`` is ``(path, line of the attribute, mark)`` for the whole site; each property is marked once,
    by its exact name."""
    problems, seen = [], {}
    for path, line, mark in found:
        if mark.name not in PROCEDURE_PROPERTIES:
            problems.append(Problem(path, line, f'{MARK}="{mark.name}" is not one of {", ".join(PROCEDURE_PROPERTIES)}',
                                    f'write {MARK}="howPerformed", "preparation" or "followup" (exact spelling), '
                                    "or remove the attribute", check="structured-data"))
        elif mark.name in seen:
            problems.append(Problem(path, line, f'{MARK}="{mark.name}" is already on {seen[mark.name]}',
                                    "mark each part of the treatment on one heading of the whole guide; remove one of them",
                                    check="structured-data"))
        elif not mark.text:
            problems.append(Problem(path, line, f'the section marked {MARK}="{mark.name}" has no text',
                                    "write the section below the heading, or move the attribute to a heading that has text",
                                    check="structured-data"))
        else:
            seen[mark.name] = f"{path}:{line}"
    return problems


def duplicate_questions(found: list[tuple[str, int, str]]) -> list[Problem]:
    """``found`` is ``(path, line, question)`` for every FAQ page; a question is marked up once site-wide."""
    problems, seen = [], {}
    for path, line, question in found:
        key = " ".join(question.casefold().split()).rstrip("?").strip()
        if key in seen:
            problems.append(Problem(path, line, f'question "{question}" is already asked on {seen[key]}',
                                    "ask each question on one FAQ page only; link to it from the other page",
                                    check="structured-data"))
        else:
            seen[key] = f"{path}:{line}"
    return problems


# ---------------------------------------------------------------- nodes

def postal_address(address: dict) -> dict:
    node = {"@type": "PostalAddress", "streetAddress": address.get("street"),
            "addressLocality": address.get("locality"), "addressRegion": address.get("region"),
            "postalCode": address.get("postcode"), "addressCountry": address.get("country")}
    return {k: v for k, v in node.items() if v}


def clinic_node(clinic: dict, root: str, procedure_name: str) -> dict:
    """The clinic, described once (on the home page, whose footer shows these details)."""
    services = []
    for service in clinic.get("services") or []:
        if service.casefold() == procedure_name.casefold():
            services.append(ref(procedure_id(root)))
        else:
            services.append({"@type": "MedicalProcedure", "name": service})
    node = {
        "@type": "MedicalClinic",
        "@id": clinic_id(root),
        "name": clinic["name"],
        "url": root,
        "telephone": clinic["phone"],
        "email": clinic["email"],
        "address": postal_address(clinic.get("address") or {}),
        "openingHoursSpecification": [
            {"@type": "OpeningHoursSpecification",
             "dayOfWeek": [SCHEMA + day for day in DAYS if day in (slot.get("days") or [])],
             "opens": slot["opens"], "closes": slot["closes"]}
            for slot in clinic.get("opening_hours") or []
        ],
    }
    if services:
        node["availableService"] = services
    return node


def website_node(root: str, site_name: str, language: str) -> dict:
    return {"@type": "WebSite", "@id": website_id(root), "url": root, "name": site_name,
            "inLanguage": language, "publisher": ref(clinic_id(root))}


def reviewer_node(root: str, review: dict, key: str) -> dict:
    node = {"@type": "Person", "@id": reviewer_id(root, key), "name": review["name"]}
    if review.get("qualification"):
        node["hasCredential"] = {"@type": "EducationalOccupationalCredential", "name": review["qualification"]}
    return node


def procedure_node(root: str, name: str, marks: list[Mark]) -> dict:
    node = {"@type": "MedicalProcedure", "@id": procedure_id(root), "name": name,
            "procedureType": SCHEMA + "PercutaneousProcedure"}
    for mark in marks:
        if mark.name in PROCEDURE_PROPERTIES:
            node[mark.name] = mark.text
    return node


def breadcrumb_node(page_url: str, trail: list[tuple[str, str]]) -> dict:
    """``trail`` is ``[(name, absolute url), …]`` from the home page to this page."""
    return {
        "@type": "BreadcrumbList",
        "@id": f"{page_url}#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(trail, 1)
        ],
    }


@dataclass
class PageFacts:
    """What one page contributes, gathered while MkDocs renders it."""

    url: str  # absolute (canonical) URL
    name: str  # visible <h1>
    description: str
    is_homepage: bool = False
    is_guide: bool = True  # a page of the medical guide (not booking, thank-you or privacy)
    review: dict | None = None  # page.meta["review"] from the front matter hook
    reviewer_key: str | None = None
    marks: list[Mark] = field(default_factory=list)
    trail: list[tuple[str, str]] = field(default_factory=list)  # visible breadcrumbs
    faq_id: str | None = None


def page_graph(facts: PageFacts, *, site_url: str, site_name: str, language: str, clinic: dict,
               procedure_name: str) -> dict:
    """The JSON-LD document for one page."""
    root = site_root(site_url)
    page = {
        "@type": "MedicalWebPage" if facts.is_guide else "WebPage",
        "@id": f"{facts.url}#webpage",
        "url": facts.url,
        "name": facts.name,
        "description": facts.description,
        "inLanguage": language,
        "isPartOf": ref(website_id(root)),
        "publisher": ref(clinic_id(root)),
    }
    graph: list[dict] = [page]
    review = facts.review
    if review and facts.reviewer_key:
        last = review["last_reviewed"]
        page["lastReviewed"] = last.isoformat() if isinstance(last, dt.date) else str(last)
        page["reviewedBy"] = ref(reviewer_id(root, facts.reviewer_key))
        graph.append(reviewer_node(root, review, facts.reviewer_key))
    if facts.is_guide:
        page["medicalAudience"] = {"@type": "Patient"}
        page["about"] = ref(procedure_id(root))
        if facts.is_homepage or facts.marks:
            graph.append(procedure_node(root, procedure_name, facts.marks))
    if facts.faq_id:
        page["mainEntity"] = ref(facts.faq_id)
    if facts.is_homepage:
        graph.append(website_node(root, site_name, language))
        graph.append(clinic_node(clinic, root, procedure_name))
    elif facts.trail:
        page["breadcrumb"] = ref(f"{facts.url}#breadcrumb")
        graph.append(breadcrumb_node(facts.url, facts.trail))
    return {"@context": "https://schema.org", "@graph": graph}
