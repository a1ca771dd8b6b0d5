"""Small, exact repairs to the HTML that mkdocs-material writes outside any template block.

Material's base.html (not a partial, so it cannot be overridden piece by piece) writes its two
state checkboxes as ``<input … type="checkbox" … autocomplete="off">``. The HTML standard allows
``autocomplete`` only on text-like inputs, so the Nu Html Checker reports one error per checkbox.
Material added it to stop Firefox restoring a ticked drawer/search box after "back"; the theme's
JavaScript resets both boxes on load anyway, so dropping the attribute changes nothing visible.
"""
from __future__ import annotations

from . import htmlscan

_BLANKS = "\t\n\f\r "


def drop_checkbox_autocomplete(html: str) -> str:
    """Remove the ``autocomplete`` attribute from checkbox and radio inputs; leave every other byte alone."""
    return htmlscan.scan(html).splice(checkbox_autocomplete_edits(html))


def checkbox_autocomplete_edits(html: str) -> list[tuple[int, int, str]]:
    """The edits :func:`drop_checkbox_autocomplete` makes, each ``(start, end, "")``."""
    page = htmlscan.scan(html)
    edits = []
    for tag in page.start_tags("input"):
        attributes = tag.attributes
        kind = next((a.value for a in attributes if a.name == "type"), "")  # the first one counts
        if kind.lower() not in ("checkbox", "radio"):
            continue
        previous_end = tag.attributes_at
        for attribute in attributes:
            if attribute.name == "autocomplete":
                start = attribute.start  # with the blanks before it
                while start > previous_end and html[start - 1] in _BLANKS:
                    start -= 1
                edits.append((start, attribute.end, ""))
            previous_end = attribute.end
    return edits
