"""Hook: the booking form (or embed, or contact details) on pages with ``booking: true``.

The markup is in overrides/partials/booking/*.html, included by overrides/main.html's content block on those
pages, so it renders in the theme's own Jinja environment (and its escaping); this file only works out the
values the template needs and checks that the pages the form links to exist.
"""
from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from sitekit import state
from sitekit.problems import Problem
from sitekit.settings import DAYS

_PAGES = {"page": "page_url", "thank_you_page": "thank_you_url", "privacy_page": "privacy_url"}


def on_files(files, config):
    site = state.of(config)
    booking = site.extra["booking"]
    problems = []
    for key, url_key in _PAGES.items():
        found = files.get_file_from_path(booking[key])
        if found is None:
            problems.append(Problem(site.config_path, site.settings.line(f"extra.booking.{key}"),
                                    f"extra.booking.{key}: docs/{booking[key]} does not exist",
                                    f"create docs/{booking[key]}, or set extra.booking.{key} to a page that exists"))
        else:
            booking[url_key] = found.url
    state.fail_now(problems, "booking")
    return files


def booking_context(booking: dict, clinic: dict, page_url: str, site_url: str | None,
                    thank_you_url: str, privacy_url: str | None) -> dict:
    """Everything the booking partial needs, computed without MkDocs templates."""
    base = site_url or "/"
    open_days = {day for slot in clinic.get("opening_hours", []) for day in slot.get("days") or []}
    return {
        "booking": booking,
        "clinic": clinic,
        "thank_you_absolute": urljoin(base if base.endswith("/") else base + "/", thank_you_url),
        "privacy_href": get_relative_url(privacy_url, page_url) if privacy_url else None,
        "open_days": [day for day in DAYS if day in open_days] or list(DAYS[:6]),
        "form_id": "booking-form",
    }


def on_page_context(context, page, config, nav):
    if page.meta.get("booking") is True:
        extra = state.of(config).extra
        booking = extra["booking"]
        context.update(booking_context(booking, extra["clinic"], page.url, config.site_url,
                                       booking["thank_you_url"], booking["privacy_url"]))
    return context
