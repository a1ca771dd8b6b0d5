"""Small, exact repairs to the HTML that mkdocs-material writes outside any template block.

Material's base.html (not a partial, so it cannot be overridden piece by piece) writes its two
state checkboxes as ``<input … type="checkbox" … autocomplete="off">``. The HTML standard allows
``autocomplete`` only on text-like inputs, so the Nu Html Checker reports one error per checkbox.
Material added it to stop Firefox restoring a ticked drawer/search box after "back"; the theme's
JavaScript resets both boxes on load anyway, so dropping the attribute changes nothing visible.
"""
from __future__ import annotations

import re

# One <input …> start tag (attribute values never contain ">" in Material's markup, but quoted
# values are skipped as a whole to be safe).
_INPUT = re.compile(r"""<input\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
_TYPE_CHECKBOX = re.compile(r"""\stype\s*=\s*(["']?)(checkbox|radio)\1(?=[\s/>])""", re.IGNORECASE)
_AUTOCOMPLETE = re.compile(r"""\s+autocomplete(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>/]+))?(?=[\s/>])""", re.IGNORECASE)


def drop_checkbox_autocomplete(html: str) -> str:
    """Remove the ``autocomplete`` attribute from checkbox and radio inputs; leave every other byte alone."""

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        if not _TYPE_CHECKBOX.search(tag):
            return tag
        return _AUTOCOMPLETE.sub("", tag)

    return _INPUT.sub(fix, html)
