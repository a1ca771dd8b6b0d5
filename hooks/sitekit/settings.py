"""Typed, validated clinic settings from ``extra:`` in mkdocs.yml.

Each section is a MkDocs ``Config`` class; :func:`validate` walks it (and the
nested sections) so that *every* mistake is reported at once, each with the
full key name (``extra.booking.endpoint``), its line in mkdocs.yml and a fix.
"""
from __future__ import annotations

import difflib
import functools
import ipaddress
import os
import re
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from .problems import Problem, quote
from .yamlfast import FAST_LOADER

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEV_RECEIVER = "http://127.0.0.1:8025/f/dev"
PROVIDERS = ("form", "embed", "contact")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Address(base.Config):
    street = c.Type(str)
    locality = c.Type(str)
    region = c.Optional(c.Type(str))
    postcode = c.Type(str)
    country = c.Type(str)


class Hours(base.Config):
    days = c.ListOfItems(c.Choice(DAYS))
    opens = c.Type(str)
    closes = c.Type(str)


class Clinic(base.Config):
    name = c.Type(str)
    phone = c.Type(str)
    email = c.Type(str)
    address = c.Type(dict)
    opening_hours = c.ListOfItems(c.Type(dict))
    services = c.ListOfItems(c.Type(str), default=[])


class Reviewer(base.Config):
    name = c.Type(str)
    qualification = c.Type(str)


class Booking(base.Config):
    provider = c.Choice(PROVIDERS, default="form")
    endpoint = c.Type(str, default=DEV_RECEIVER)
    timeout_seconds = c.Type(int, default=15)
    treatments = c.ListOfItems(c.Type(str), default=[])
    page = c.Type(str, default="book.md")
    thank_you_page = c.Type(str, default="thank-you.md")
    privacy_page = c.Type(str, default="privacy.md")
    embed_url = c.Optional(c.Type(str))
    embed_title = c.Type(str, default="Online booking calendar")
    embed_height = c.Type(int, default=720)


#: How to fix each key, in the words a clinic's staff would use.
HINTS = {
    "extra.clinic": "add an extra.clinic section with name, phone, email, address and opening_hours",
    "extra.clinic.name": 'set extra.clinic.name to the clinic\'s name, e.g. "Northlight Aesthetics"',
    "extra.clinic.phone": 'set extra.clinic.phone to the number patients should call, e.g. "020 7946 0321"',
    "extra.clinic.email": 'set extra.clinic.email to the address patients should write to, e.g. "hello@example.com"',
    "extra.clinic.address": "give extra.clinic.address the keys street, locality, postcode and country (region is optional)",
    "extra.clinic.address.street": "set extra.clinic.address.street, e.g. \"12 Harbour Street\"",
    "extra.clinic.address.locality": "set extra.clinic.address.locality to the town or city",
    "extra.clinic.address.region": "set extra.clinic.address.region to the county or region, or remove it",
    "extra.clinic.address.postcode": "set extra.clinic.address.postcode",
    "extra.clinic.address.country": 'set extra.clinic.address.country to a two-letter country code, e.g. "GB"',
    "extra.clinic.opening_hours": "list the opening hours, each as {days: [Monday, Tuesday], opens: \"09:00\", closes: \"17:30\"}",
    "extra.clinic.opening_hours[].days": f"list the days by their full English names ({', '.join(DAYS)})",
    "extra.clinic.opening_hours[].opens": 'write the opening time as 24-hour "HH:MM" in quotes, e.g. "09:00"',
    "extra.clinic.opening_hours[].closes": 'write the closing time as 24-hour "HH:MM" in quotes, e.g. "17:30"',
    "extra.clinic.services": "list the treatments the clinic offers, one per line",
    "extra.reviewers": "add extra.reviewers with one entry per medical reviewer: a key, then name and qualification",
    "extra.reviewers[].name": 'set the reviewer\'s full name, e.g. "Dr Alex Morgan"',
    "extra.reviewers[].qualification": 'set the reviewer\'s qualification, e.g. "MBBS, aesthetic physician"',
    "extra.booking": "make extra.booking a section with provider, endpoint and the other booking keys",
    "extra.booking.provider": "set extra.booking.provider to form (our own form), embed (an online booking page) or contact (contact details only)",
    "extra.booking.endpoint": "set extra.booking.endpoint to your form service's https address, e.g. https://formspree.io/f/your-form-id",
    "extra.booking.timeout_seconds": "set extra.booking.timeout_seconds to a whole number of seconds from 3 to 120",
    "extra.booking.treatments": "list the treatments a patient can choose from, one per line",
    "extra.booking.page": "set extra.booking.page to the Markdown file of the booking page, e.g. book.md",
    "extra.booking.thank_you_page": "set extra.booking.thank_you_page to the Markdown file of the thank-you page, e.g. thank-you.md",
    "extra.booking.privacy_page": "set extra.booking.privacy_page to the Markdown file of the privacy notice, e.g. privacy.md",
    "extra.booking.embed_url": "set extra.booking.embed_url to the https address of your online booking page (Calendly, Cal.com …)",
    "extra.booking.embed_title": "set extra.booking.embed_title to a short name for the booking calendar",
    "extra.booking.embed_height": "set extra.booking.embed_height to the calendar's height in pixels, e.g. 720",
}


def _hint(path: str) -> str:
    generic = re.sub(r"\[\d+\]", "[]", path)
    return HINTS.get(generic, f"check {path} against the README's booking and clinic settings")


def key_lines(config_text: str) -> dict[str, int]:
    """Line of every key in a YAML file, by dotted path (``extra.booking.endpoint``)."""
    return dict(_key_lines(config_text))


@functools.lru_cache(maxsize=8)
def _key_lines(config_text: str) -> dict[str, int]:
    # Several hooks read the same mkdocs.yml on every build: read each text once, with the first reader that can.
    for loader in (FAST_LOADER, yaml.SafeLoader, _TolerantLoader):
        if loader is None:
            continue
        try:
            root = yaml.compose(config_text, Loader=loader)
            break
        except yaml.YAMLError:
            continue
    else:
        return {}
    lines: dict[str, int] = {}

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                sub = f"{path}.{key.value}" if path else str(key.value)
                lines[sub] = key.start_mark.line + 1
                walk(value, sub)
        elif isinstance(node, yaml.SequenceNode):
            for i, value in enumerate(node.value):
                sub = f"{path}[{i}]"
                lines[sub] = value.start_mark.line + 1
                walk(value, sub)

    walk(root, "")
    return lines


class _TolerantLoader(yaml.SafeLoader):
    """Composes files with tags such as ``!!python/name`` and ``!ENV`` without running them."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


class Settings:
    """Collects problems for one mkdocs.yml, each with its line and fix."""

    def __init__(self, config_path: str = "mkdocs.yml", config_text: str = ""):
        self.config_path = config_path
        self.lines = key_lines(config_text) if config_text else {}
        self.problems: list[Problem] = []

    @classmethod
    def for_config_file(cls, config_file_path: str | None) -> "Settings":
        """Settings for the project's mkdocs.yml, shown by its path relative to the working directory."""
        path = config_file_path or "mkdocs.yml"
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except OSError:
            text = ""
        shown = os.path.relpath(path) if os.path.isabs(path) else path
        return cls(shown.replace(os.sep, "/"), text)

    def add(self, path: str, message: str, fix: str | None = None) -> None:
        line = self.line(path)
        self.problems.append(Problem(self.config_path, line, f"{path}: {message}", fix or _hint(path)))

    def line(self, path: str) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path)
            path = "" if parent == path else parent  # a top-level key not in the file
        return 1

    def section(self, cls: type[base.Config], raw: Any, path: str) -> base.Config | None:
        """Validate ``raw`` against ``cls``; report unknown keys with a suggestion."""
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            self.add(path, f"is {quote(raw)}, not a section of settings")
            return None
        known = [name for name, _ in cls._schema]
        for key in raw:
            if key not in known:
                guess = difflib.get_close_matches(str(key), known, n=1)
                fix = f'did you mean "{path}.{guess[0]}"?' if guess else f"remove it; known keys are {', '.join(known)}"
                self.add(f"{path}.{key}", "is not a known setting", fix)
        config = cls()
        for key, option in cls._schema:
            try:
                config[key] = option.validate(raw[key] if key in raw else option.default)
            except ValidationError as error:
                config[key] = None
                self.add(f"{path}.{key}", _plain(str(error), raw.get(key)))
            finally:
                option.reset_warnings()
        return config


def _plain(error: str, value: Any) -> str:
    """MkDocs' validation message, in plainer words."""
    if "Required configuration not provided" in error:
        return "is missing"
    match = re.search(r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>", error)
    if match:
        words = {"str": "text", "int": "a whole number", "dict": "a section of settings", "list": "a list",
                 "bool": "true or false", "float": "a number", "NoneType": "empty"}
        return f"is {words.get(match.group(2), match.group(2))}, not {words.get(match.group(1), match.group(1))}"
    match = re.search(r"Expected one of: (\(.*\)) but received: (.*)$", error)
    if match:
        return f"{quote(match.group(2).strip(chr(39)))} is not one of {', '.join(eval_tuple(match.group(1)))}"
    return error.rstrip(".")


def eval_tuple(text: str) -> list[str]:
    return re.findall(r"'([^']*)'", text)


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_url(settings: Settings, path: str, url: str | None) -> None:
    if url is None:
        return
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and is_loopback(url):
        return
    settings.add(path, f"{quote(url)} is not an https:// address")


def validate(extra: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """Validate ``clinic``, ``reviewers`` and ``booking`` in ``extra``; return them typed."""
    out: dict[str, Any] = {}
    clinic = None
    if "clinic" not in extra:
        settings.add("extra.clinic", "is missing")
    else:
        clinic = settings.section(Clinic, extra.get("clinic"), "extra.clinic")
    if clinic is not None:
        if clinic.email and not _EMAIL.match(clinic.email):
            settings.add("extra.clinic.email", f"{quote(clinic.email)} is not an email address")
        if clinic.phone and len(re.sub(r"\D", "", clinic.phone)) < 6:
            settings.add("extra.clinic.phone", f"{quote(clinic.phone)} is not a phone number")
        address = settings.section(Address, clinic.address, "extra.clinic.address") if clinic.address is not None else None
        hours = []
        for i, raw in enumerate(clinic.opening_hours or []):
            path = f"extra.clinic.opening_hours[{i}]"
            item = settings.section(Hours, raw, path)
            if item is None:
                continue
            times_ok = True
            for key in ("opens", "closes"):
                if item[key] is not None and not _TIME.match(item[key]):
                    settings.add(f"{path}.{key}", f"{quote(item[key])} is not a time like \"09:00\"")
                times_ok = times_ok and bool(item[key]) and bool(_TIME.match(item[key]))
            if times_ok and item.closes <= item.opens:
                settings.add(f"{path}.closes", f"closing time {item.closes} is not after opening time {item.opens}")
            hours.append(dict(item))
        out["clinic"] = dict(clinic, address=dict(address or {}), opening_hours=hours,
                             phone_link="tel:" + re.sub(r"[^\d+]", "", clinic.phone or ""))
    reviewers_raw = extra.get("reviewers")
    reviewers: dict[str, Any] = {}
    if not isinstance(reviewers_raw, dict) or not reviewers_raw:
        settings.add("extra.reviewers", "is missing" if reviewers_raw is None else "is not a list of reviewers")
    else:
        for key, raw in reviewers_raw.items():
            item = settings.section(Reviewer, raw, f"extra.reviewers.{key}")
            if item is not None:
                reviewers[str(key)] = dict(item, key=str(key))
    out["reviewers"] = reviewers
    booking = settings.section(Booking, extra.get("booking"), "extra.booking")
    if booking is not None:
        _check_url(settings, "extra.booking.endpoint", booking.endpoint)
        _check_url(settings, "extra.booking.embed_url", booking.embed_url)
        if booking.provider == "embed" and not booking.embed_url:
            settings.add("extra.booking.embed_url", "is missing, but provider is embed")
        if booking.timeout_seconds is not None and not 3 <= booking.timeout_seconds <= 120:
            settings.add("extra.booking.timeout_seconds", f"{booking.timeout_seconds} is outside 3–120 seconds")
        for key in ("page", "thank_you_page", "privacy_page"):
            if booking[key] and not booking[key].endswith(".md"):
                settings.add(f"extra.booking.{key}", f"{quote(booking[key])} is not a Markdown file")
        out["booking"] = dict(booking)
    return out


def is_publishing(command: str | None, site_url: str | None, allowed: bool = False) -> bool:
    """Whether this run makes a site for the public: ``gh-deploy`` always; ``build`` when ``site_url`` is not a
    loopback address (the Pages workflow sets SITE_URL to the published address). A build for the local
    address (the default site_url) and ``serve`` are previews; ``allowed`` (ALLOW_DEV_RECEIVER=1) is for tests."""
    if allowed or command == "serve":
        return False
    return command == "gh-deploy" or not (site_url and is_loopback(site_url))


def refuse_dev_endpoint(booking: dict[str, Any], settings: Settings) -> None:
    """Publishing with the local development receiver would lose every request."""
    if booking.get("provider") == "form" and is_loopback(booking.get("endpoint", "")):
        settings.add("extra.booking.endpoint",
                     f"is the local development receiver ({booking['endpoint']}), which only works on this computer; "
                     "requests sent from the published site would be lost",
                     "set extra.booking.endpoint to your form service's https address (e.g. "
                     "https://formspree.io/f/your-form-id) before publishing")


# ---------------------------------------------------------------- extra.policy (the claims policy and readability)

POLICY_PRESETS = ("generic", "uk", "us", "eu")


class Policy(base.Config):
    preset = c.Choice(POLICY_PRESETS, default="generic")
    readability_max_grade = c.Type(int, default=9)
    disable = c.ListOfItems(c.Type(str), default=[])
    extra_rules = c.ListOfItems(c.Type(dict), default=[])


class PolicyRule(base.Config):
    id = c.Type(str)
    phrases = c.ListOfItems(c.Type(str))
    why = c.Type(str)
    instead = c.Type(str)
    severity = c.Choice(("error", "warning"), default="error")


HINTS.update({
    "extra.policy": "make extra.policy a section with preset (generic, uk, us or eu) and readability_max_grade",
    "extra.policy.preset": "set extra.policy.preset to generic, uk, us or eu (the rules for the clinic's country)",
    "extra.policy.readability_max_grade": "set extra.policy.readability_max_grade to a whole number from 5 to 16 (9 is about reading age 14)",
    "extra.policy.disable": "list the names of rules to switch off, e.g. [hype]",
    "extra.policy.extra_rules": "list the clinic's own rules, each with id, phrases, why and instead",
    "extra.policy.extra_rules[].id": "give the rule a short name of lower-case letters and hyphens, e.g. no-before-after",
    "extra.policy.extra_rules[].phrases": 'list the words or phrases the rule forbids, e.g. ["before and after"]',
    "extra.policy.extra_rules[].why": "say in one line why the words are a problem",
    "extra.policy.extra_rules[].instead": "say in one line what to write instead",
    "extra.policy.extra_rules[].severity": "set severity to error (stops publishing) or warning",
})


def validate_policy(extra: dict[str, Any], settings: Settings, known_rules: list[str]) -> dict[str, Any]:
    """Validate ``extra.policy``; return it typed, with defaults, or the defaults alone if it is broken."""
    policy = settings.section(Policy, extra.get("policy"), "extra.policy")
    if policy is None:
        return {"preset": "generic", "readability_max_grade": 9, "disable": [], "extra_rules": []}
    out = dict(policy)
    if policy.readability_max_grade is not None and not 5 <= policy.readability_max_grade <= 16:
        settings.add("extra.policy.readability_max_grade", f"{policy.readability_max_grade} is outside 5–16")
    for i, rule_id in enumerate(policy.disable or []):
        if rule_id not in known_rules:
            guess = difflib.get_close_matches(rule_id, known_rules, n=1)
            settings.add(f"extra.policy.disable[{i}]", f"{quote(rule_id)} is not a rule",
                         f'did you mean "{guess[0]}"?' if guess else f"use one of: {', '.join(known_rules)}")
    rules = []
    for i, raw in enumerate(policy.extra_rules or []):
        path = f"extra.policy.extra_rules[{i}]"
        item = settings.section(PolicyRule, raw, path)
        if item is None:
            continue
        if item.id is not None and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", item.id):
            settings.add(f"{path}.id", f"{quote(item.id)} is not a name like \"no-before-after\"")
        if item.phrases is not None and not [p for p in item.phrases if p.strip()]:
            settings.add(f"{path}.phrases", "is empty")
        if all(item[key] for key in ("id", "phrases", "why", "instead")):
            rules.append(dict(item))
    out["readability_max_grade"] = policy.readability_max_grade or 9
    out["preset"] = policy.preset or "generic"
    out["disable"] = list(policy.disable or [])
    out["extra_rules"] = rules
    return out
