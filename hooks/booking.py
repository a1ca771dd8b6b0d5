"""Hook: put the booking form (or embed, or contact details) on pages with ``booking: true``.

The markup lives in overrides/partials/booking/*.html; this file only works out
the values the template needs.
"""
from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.utils import get_relative_url
from sitekit.problems import Problem
from sitekit.report import fail_now

_state: dict = {}


def on_files(files, config):
    booking = config.extra["booking"]
    problems, urls = [], {}
    for key in ("page", "thank_you_page", "privacy_page"):
        found = files.get_file_from_path(booking[key])
        if found is None:
            problems.append(Problem("mkdocs.yml", 1, f"extra.booking.{key}: docs/{booking[key]} does not exist",
                                    f"create docs/{booking[key]}, or set extra.booking.{key} to a page that exists"))
        else:
            urls[key] = found.url
    fail_now(problems, "mkdocs.yml", "booking")
    booking["page_url"] = urls["page"]
    booking["thank_you_url"] = urls["thank_you_page"]
    booking["privacy_url"] = urls["privacy_page"]
    return files


def on_pre_build(config):
    _state["env"] = config.theme.get_env()


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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


def on_page_content(html, page, config, files):
    if page.meta.get("booking") is not True:
        return html
    env = _state["env"]
    booking = config.extra["booking"]
    context = booking_context(booking, config.extra["clinic"], page.url, config.site_url,
                              booking["thank_you_url"], booking["privacy_url"])
    template = env.get_template("partials/booking/booking.html")
    rendered = template.render(page=page, config=config, base_url=get_relative_url(".", page.url), **context)
    return html + rendered
