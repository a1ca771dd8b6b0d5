"""Diagrams: hand-written SVG files in docs/assets/diagrams/, shown inline so they take the theme's colours.

A page shows a diagram with an ordinary Markdown image, ``![Short alt](assets/diagrams/NAME.svg)``.
``inline`` swaps that <img> for the file's own <svg> (so ``currentColor`` follows light and dark mode and the
labels stay real, selectable text); ``check_svg`` lists what is wrong with a diagram file, each as
``(what is wrong, how to fix it)``.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Callable

from . import htmlscan

SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 15 * 1024
FOLDER = "assets/diagrams/"
# Elements a diagram must never contain: active content, embedded HTML or pictures, inline styles (CSP).
FORBIDDEN = ("script", "foreignObject", "iframe", "image", "style", "use")

#: The src of a diagram <img> (a regular expression over one attribute value, not over HTML).
SRC_RE = re.compile(r".*?" + re.escape(FOLDER) + r"(?P<name>[A-Za-z0-9_-]+)\.svg", re.S)
PROLOG_RE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?")


def check_svg(text: str) -> list[tuple[str, str]]:
    """Everything wrong with one diagram file, as (what is wrong, how to fix it)."""
    size = len(text.encode("utf-8"))
    problems = []
    if size > MAX_BYTES:
        problems.append((f"is {size} bytes, over the 15 KB limit ({MAX_BYTES} bytes)",
                         "simplify the drawing: fewer points, shared <g> attributes, no editor metadata"))
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return problems + [(f"is not well-formed SVG ({error})", "fix the markup so that it parses as XML")]
    if root.tag != SVG_NS + "svg":
        return problems + [("does not start with <svg xmlns=\"http://www.w3.org/2000/svg\">",
                            "make <svg> with that xmlns the file's outer element")]
    ids = {el.get("id"): el.tag for el in root.iter() if el.get("id")}
    title = root.find(SVG_NS + "title")
    desc = root.find(SVG_NS + "desc")
    if title is None or not (title.text or "").strip() or not title.get("id"):
        problems.append(("has no <title id=\"…\"> with text", "add a short <title id=\"NAME-title\"> as the first child of <svg>"))
    if desc is None or not (desc.text or "").strip() or not desc.get("id"):
        problems.append(("has no <desc id=\"…\"> with text",
                         "add <desc id=\"NAME-desc\"> that says in words everything the picture shows"))
    if root.get("role") != "img":
        problems.append(("has no role=\"img\" on <svg>", "add role=\"img\" to the <svg> element"))
    wanted = [el.get("id") for el in (title, desc) if el is not None and el.get("id")]
    labelled = (root.get("aria-labelledby") or "").split()
    if wanted and labelled != wanted:
        problems.append((f"aria-labelledby is \"{' '.join(labelled)}\", not the ids of its <title> and <desc>",
                         f"set aria-labelledby=\"{' '.join(wanted)}\" on <svg>"))
    if len(ids) != len([el for el in root.iter() if el.get("id")]):
        problems.append(("uses the same id twice", "give every id in the file a different name"))
    found = sorted({el.tag.removeprefix(SVG_NS) for el in root.iter()
                    if el.tag.removeprefix(SVG_NS) in FORBIDDEN})
    if found:
        problems.append((f"contains <{'>, <'.join(found)}>",
                         "remove them: diagrams are plain drawings and <text> (colours go in site.css)"))
    if not any((el.text or "").strip() for el in root.iter(SVG_NS + "text")):
        problems.append(("has no <text> labels", "write the labels as <text> elements, never as outlines (<path>)"))
    if re.search(r"""(?:href|src)\s*=\s*["'](?:https?:)?//""", text):
        problems.append(("links to another site", "remove the link: diagrams load nothing from elsewhere"))
    return problems


def inline(html: str, load: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """Replace each diagram <img> with the SVG file's text; returns (html, names used in order).

    ``load(name)`` returns the text of docs/assets/diagrams/NAME.svg, or None if there is no such file
    (the <img> is then left as it is, so the build can report the problem).
    """
    used: list[str] = []
    if FOLDER not in html:  # no diagram on this page (the folder is written out in every diagram's src)
        return html, used
    page = htmlscan.scan(html)
    edits = []
    for tag in page.start_tags("img"):
        match = SRC_RE.fullmatch(tag.get("src") or "")
        if match is None:
            continue
        name = match.group("name")
        used.append(name)
        text = load(name)
        if text is not None:
            edits.append((tag.start, tag.end, PROLOG_RE.sub("", text).strip()))
    return page.splice(edits), used
