"""The site's settings: everything under ``extra:`` in mkdocs.yml, validated once, at start-up, against one schema.

Each section is a MkDocs ``Config`` class whose options are this module's own option classes (subclasses of
MkDocs' public ``BaseConfigOption``), so every message is written here in the words staff use, never taken
from MkDocs' English. :meth:`Settings.section` walks a section with ``mkdocs.config.base.get_schema`` (and the
nested sections) so that *every* mistake is reported at once, each as
``mkdocs.yml:LINE: extra.KEY: problem — fix``. :func:`validate_all` is the one entry point the build uses.
"""
from __future__ import annotations

import copy
import difflib
import functools
import ipaddress
import os
import re
import struct
from typing import Any, Callable
from urllib.parse import urlsplit

import yaml
from mkdocs.config import base
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import BaseConfigOption

from . import brand as brands, colour
from .problems import Problem, quote
from .topics import BY_ID as TOPICS, DEFAULT_PAGES as TOPIC_PAGES, REQUIRED as REQUIRED_TOPICS
from .yamlfast import FAST_LOADER

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEV_RECEIVER = "http://127.0.0.1:8025/f/dev"
PROVIDERS = ("form", "embed", "contact")
POLICY_PRESETS = ("generic", "uk", "us", "eu")
DEFAULT_LOCALE = "en_GB"
DEFAULT_IMAGE = "assets/images/share.png"
DEFAULT_PROCEDURE = "Mesotherapy"
#: Keys of extra: that mkdocs-material itself reads; they pass through unchecked.
THEME_EXTRA_KEYS = ("generator", "social", "analytics", "consent", "alternate", "version", "homepage", "tags",
                    "status", "annotate")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")  # en_GB, or a language alone (ar)
_CODE = re.compile(r"^[a-z]{2,3}$")
_RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# ---------------------------------------------------------------- options: our types, our messages

_REQUIRED = object()
_WORDS = {str: "text", int: "a whole number", dict: "a section of settings", list: "a list", bool: "true or false",
          float: "a number", type(None): "empty"}


def describe(value: Any) -> str:
    """What kind of value an editor wrote, in plain words ("text", "a whole number" …)."""
    return _WORDS.get(type(value), type(value).__name__)


class Option(BaseConfigOption):
    """A setting: required unless it has a default; ``convert`` checks and returns a present value."""

    def __init__(self, default: Any = _REQUIRED):
        super().__init__()
        # (not "required": MkDocs' Config sets that attribute to True on every option of a class-based config)
        self.needed = default is _REQUIRED
        self.default = None if self.needed else default

    def run_validation(self, value: object) -> Any:
        if value is None:
            if self.needed:
                raise ValidationError("is missing")
            return copy.deepcopy(self.default)
        return self.convert(value)

    def convert(self, value: Any) -> Any:
        return value


class Text(Option):
    def convert(self, value):
        if not isinstance(value, str):
            raise ValidationError(f"is {describe(value)}, not text")
        return value


class WholeNumber(Option):
    def __init__(self, default: Any = _REQUIRED, low: int | None = None, high: int | None = None, unit: str = ""):
        super().__init__(default)
        self.low, self.high, self.unit = low, high, unit

    def convert(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"is {describe(value)}, not a whole number")
        if self.low is not None and not self.low <= value <= self.high:
            raise ValidationError(f"{value} is outside {self.low}–{self.high}{self.unit}")
        return value


class OneOf(Option):
    def __init__(self, choices: tuple, default: Any = _REQUIRED):
        super().__init__(default)
        self.choices = choices

    def convert(self, value):
        if value not in self.choices:
            raise ValidationError(f"{quote(value)} is not one of {', '.join(self.choices)}")
        return value


class ListOf(Option):
    def __init__(self, item: Option, default: Any = _REQUIRED):
        super().__init__(default)
        self.item = item

    def convert(self, value):
        if not isinstance(value, list):
            raise ValidationError(f"is {describe(value)}, not a list")
        return [self.item.validate(item) for item in value]


class Checked(Text):
    """Text that ``valid`` accepts; otherwise "QUOTED-VALUE ``problem``" (e.g. "is not an email address")."""

    def __init__(self, valid: Callable[[str], Any], problem: str, default: Any = _REQUIRED):
        super().__init__(default)
        self.valid, self.problem = valid, problem

    def convert(self, value):
        value = super().convert(value)
        if not self.valid(value):
            raise ValidationError(f"{quote(value)} {self.problem}")
        return value


def Email(default: Any = _REQUIRED) -> Checked:  # noqa: N802  (reads like the other option classes)
    return Checked(_EMAIL.match, "is not an email address", default)


def Phone(default: Any = _REQUIRED) -> Checked:  # noqa: N802
    return Checked(lambda text: len(re.sub(r"\D", "", text)) >= 6, "is not a phone number", default)


def Time(default: Any = _REQUIRED) -> Checked:  # noqa: N802
    return Checked(_TIME.match, 'is not a time like "09:00"', default)


def MarkdownFile(default: Any = _REQUIRED) -> Checked:  # noqa: N802
    return Checked(lambda text: text.endswith(".md"), "is not a Markdown file", default)


class WebAddress(Text):
    """An https:// address (http:// only on this computer, for previews and tests)."""

    def convert(self, value):
        value = super().convert(value)
        parts = urlsplit(value)
        if parts.hostname and (parts.scheme == "https" or (parts.scheme == "http" and is_loopback(value))):
            return value
        raise ValidationError(f"{quote(value)} is not an https:// address")


class Locale(Option):
    def convert(self, value):
        if not isinstance(value, str) or not _LOCALE.match(value):
            raise ValidationError(f"{value!r} is not a locale like en_GB")
        return value


class YesNo(Option):
    def convert(self, value):
        if not isinstance(value, bool):
            raise ValidationError(f"is {describe(value)}, not true or false")
        return value


class NonEmptyText(Text):
    def convert(self, value):
        value = super().convert(value)
        if not value.strip():
            raise ValidationError("is empty")
        return value


class Words(Option):
    """Text a visitor reads, in the site's languages (README, "Languages"): the text itself (the same in every
    language), or one text per language code of ``extra.languages`` (``{en: "…", ar: "…"}``), the default
    language's required. Walked by :meth:`Settings.words`, which picks the build's language. ``each_language``:
    a sentence that every language needs in its own words (a name may stay the same in every language)."""

    def __init__(self, text: Option, default: Any = _REQUIRED, each_language: bool = True):
        super().__init__(default)
        self.text, self.each_language = text, each_language


class Section(Option):
    """A nested section (walked by :meth:`Settings.section`, not validated as one value)."""

    def __init__(self, schema: type[base.Config], default: Any = _REQUIRED):
        super().__init__(default)
        self.schema = schema


class SectionList(Section):
    """A list of sections of the same shape (e.g. opening hours)."""


class SectionMap(Section):
    """Named sections of the same shape (e.g. reviewers by key); at least one is required."""


# ---------------------------------------------------------------- the schema

class Address(base.Config):
    street = Text()
    locality = Text()
    region = Text(default=None)
    postcode = Text()
    country = Text()


class Hours(base.Config):
    days = ListOf(OneOf(DAYS))
    opens = Time()
    closes = Time()

    @staticmethod
    def check(values: dict, add: Callable[..., None]) -> None:
        if values.get("opens") and values.get("closes") and values["closes"] <= values["opens"]:
            add("closes", f"closing time {values['closes']} is not after opening time {values['opens']}")


class Price(base.Config):
    item = Words(Text())
    price = Words(Text(), each_language=False)
class Brand(base.Config):
    """extra.clinic.brand: the logo and colours (sitekit.brand says where each colour goes and checks it)."""
    logo = Text(default=None)
    primary = Checked(colour.is_hex, 'is not a colour like "#0f766e"', default=None)
    accent = Checked(colour.is_hex, 'is not a colour like "#b45309"', default=None)
    dark_links = Checked(colour.is_hex, 'is not a colour like "#2dd4bf"', default=None)
    dark_accent = Checked(colour.is_hex, 'is not a colour like "#fb923c"', default=None)

    @staticmethod
    def check(values: dict, add: Callable[..., None]) -> None:
        for key, problem, fix in brands.contrast_problems(values):
            add(key, problem, fix)


def complete_brand(raw: Any, brand: dict[str, Any] | None, settings: "Settings") -> dict[str, Any]:
    """``extra.clinic.brand`` as checked by the walker (``brand``), with every colour filled in
    (sitekit.brand.complete). A colour written without quotes is empty to YAML (``#`` starts a comment): said,
    not silently replaced by the default."""
    if isinstance(raw, dict):
        for key in brands.COLOURS:
            if key in raw and raw[key] is None:
                settings.add(f"extra.clinic.brand.{key}", "is empty",
                             f'write the colour in quotes, e.g. {key}: "#0f766e" (without quotes, YAML reads # as '
                             "the start of a comment)")
    return brands.complete(brand)


class Clinic(base.Config):
    name = Words(Text(), each_language=False)
    phone = Phone()
    email = Email()
    address = Section(Address)
    opening_hours = SectionList(Hours)
    services = ListOf(Text(), default=[])
    out_of_hours = Words(NonEmptyText(), default=None)
    complaints = Words(NonEmptyText(), default=None)
    prices = SectionList(Price, default=[])
    cooling_off_days = WholeNumber(default=None, low=1, high=60, unit=" days")
    emergency = Checked(lambda text: bool(re.fullmatch(r"\+?[\d ]{2,20}", text.strip())),
                        'is not a phone number like "000"', default=None)
    brand = Section(Brand, default={})


class Code(Option):
    """A registration number: text, or a whole number written without quotes."""

    def convert(self, value):
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
            raise ValidationError(f"is {describe(value)}, not a registration number")
        return str(value)


class Practitioner(base.Config):
    name = Text()
    profession = Words(Text())
    register = Words(Text(), each_language=False)
    number = Code()
    register_url = WebAddress()


class Reviewer(base.Config):
    name = Text()
    qualification = Words(Text())


class Booking(base.Config):
    provider = OneOf(PROVIDERS, default="form")
    endpoint = WebAddress(default=DEV_RECEIVER)
    timeout_seconds = WholeNumber(default=15, low=3, high=120, unit=" seconds")
    treatments = ListOf(Words(Text()), default=[])
    page = MarkdownFile(default="book.md")
    thank_you_page = MarkdownFile(default="thank-you.md")
    privacy_page = MarkdownFile(default="privacy.md")
    embed_url = WebAddress(default=None)
    embed_title = Text(default="Online booking calendar")
    embed_height = WholeNumber(default=720)

    @staticmethod
    def check(values: dict, add: Callable[..., None]) -> None:
        if values.get("provider") == "embed" and not values.get("embed_url"):
            add("embed_url", "is missing, but provider is embed")


class PolicyRule(base.Config):
    id = Text()
    phrases = ListOf(Text())
    why = Text()
    instead = Text()
    severity = OneOf(("error", "warning"), default="error")

    @staticmethod
    def check(values: dict, add: Callable[..., None]) -> None:
        if values.get("id") is not None and not _RULE_ID.fullmatch(values["id"]):
            add("id", f'{quote(values["id"])} is not a name like "no-before-after"')
        if values.get("phrases") is not None and not [p for p in values["phrases"] if p.strip()]:
            add("phrases", "is empty")


class Policy(base.Config):
    preset = OneOf(POLICY_PRESETS, default="generic")
    readability_max_grade = WholeNumber(default=9, low=5, high=16)
    disable = ListOf(Text(), default=[])
    extra_rules = SectionList(PolicyRule, default=[])
    topics = Option(default=None)  # checked by validate_topics


class Seo(base.Config):
    locale = Locale(default=DEFAULT_LOCALE)
    image = Text(default=DEFAULT_IMAGE)
    image_alt = Words(NonEmptyText(), default=None)
    procedure = Text(default=DEFAULT_PROCEDURE)


class LanguageEntry(base.Config):
    """One of extra.languages (sitekit.languages): the first is the default language, published at the root."""
    code = Checked(_CODE.match, 'is not a language code like "ar" (two or three lower-case letters)')
    locale = Locale()
    name = NonEmptyText()
    dir = OneOf(("ltr", "rtl"), default=None)
    publish_stale = YesNo(default=False)
    site_name = NonEmptyText(default=None)         # the site's name in this language (the default's: site_name)
    site_description = NonEmptyText(default=None)  # and its description (the default's: site_description)
    copyright = NonEmptyText(default=None)         # and the footer's line (the default's: copyright)


#: The keys of mkdocs.yml's top level that a visitor reads, which each other language gives in its entry.
SITE_TEXTS = {"site_name": "the site's name", "site_description": "the site's description",
              "copyright": "the footer's line (copyright)"}


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
    "extra.clinic.brand": "give extra.clinic.brand the keys logo, primary and accent (README, \"Set up your clinic\")",
    "extra.clinic.brand.logo": "set extra.clinic.brand.logo to the logo's path under docs/, e.g. assets/images/logo.svg",
    "extra.clinic.brand.primary": 'set extra.clinic.brand.primary to the colour of the header and links, in quotes, e.g. "#0f766e"',
    "extra.clinic.brand.accent": 'set extra.clinic.brand.accent to the colour of hovered links and focus outlines, in quotes, e.g. "#b45309"',
    "extra.clinic.brand.dark_links": 'set extra.clinic.brand.dark_links to a light shade of the primary colour, in quotes, e.g. "#2dd4bf", or delete it',
    "extra.clinic.brand.dark_accent": 'set extra.clinic.brand.dark_accent to a light shade of the accent colour, in quotes, e.g. "#fb923c", or delete it',
    "extra.reviewers": "add extra.reviewers with one entry per medical reviewer: a key, then name and qualification",
    "extra.reviewers[].name": 'set the reviewer\'s full name, e.g. "Dr Alex Morgan"',
    "extra.reviewers[].qualification": 'set the reviewer\'s qualification, e.g. "MBBS, aesthetic physician"',
    "extra.example_data": "list the keys under extra: that still hold the project's example values, one per line "
                          "(e.g. - clinic.name), or delete extra.example_data once every real value is in",
    "extra.booking": "make extra.booking a section with provider, endpoint and the other booking keys",
    "extra.booking.provider": "set extra.booking.provider to form (our own form), embed (an online booking page) or contact (contact details only)",
    "extra.booking.endpoint": "set extra.booking.endpoint to your form service's https address, e.g. https://formspree.io/f/your-form-id",
    "extra.booking.timeout_seconds": "set extra.booking.timeout_seconds to a whole number of seconds from 3 to 120",
    "extra.booking.treatments": "list the treatments a patient can choose from, one per line",
    "extra.booking.treatments[]": "write the treatment's name as text, e.g. - Mesotherapy for the face",
    "extra.booking.page": "set extra.booking.page to the Markdown file of the booking page, e.g. book.md",
    "extra.booking.thank_you_page": "set extra.booking.thank_you_page to the Markdown file of the thank-you page, e.g. thank-you.md",
    "extra.booking.privacy_page": "set extra.booking.privacy_page to the Markdown file of the privacy notice, e.g. privacy.md",
    "extra.booking.embed_url": "set extra.booking.embed_url to the https address of your online booking page (Calendly, Cal.com …)",
    "extra.booking.embed_title": "set extra.booking.embed_title to a short name for the booking calendar",
    "extra.booking.embed_height": "set extra.booking.embed_height to the calendar's height in pixels, e.g. 720",
    "extra.clinic.out_of_hours": 'say in a sentence how patients reach help when the clinic is closed, e.g. "call '
                                 '020 7946 0322 and follow the message to reach the nurse on call"',
    "extra.clinic.complaints": 'say in a sentence how patients complain to the clinic, e.g. "write to the practice '
                               'manager at complaints@clinic.example; we reply within 5 working days"',
    "extra.clinic.prices": 'list each price as {item: "Face, one session", price: "£150"}, or write prices: [] to '
                           "say that patients get a written quote at their consultation",
    "extra.clinic.prices[].item": 'name what the price is for, e.g. "Face, one session"',
    "extra.clinic.prices[].price": 'write the price in quotes, e.g. "£150"',
    "extra.clinic.cooling_off_days": "set extra.clinic.cooling_off_days to the whole number of days between the "
                                     "consultation and the first treatment, from 1 to 60",
    "extra.clinic.emergency": 'set extra.clinic.emergency to the emergency number of the clinic\'s country, e.g. "000"',
    "extra.practitioners": "list who carries out treatment, each with name, profession, register, number and "
                           "register_url (README, \"Configure the clinic and the booking form\")",
    "extra.practitioners[].name": 'set the practitioner\'s full name, e.g. "Jordan Lee"',
    "extra.practitioners[].profession": 'set the practitioner\'s profession, e.g. "nurse prescriber"',
    "extra.practitioners[].register": 'name the body they are registered with, e.g. "Nursing and Midwifery Council"',
    "extra.practitioners[].number": 'set the registration number as the register shows it, e.g. "12A3456E"',
    "extra.practitioners[].register_url": "set the https address of the public register where patients can check it, "
                                          "e.g. https://www.nmc.org.uk/registration/search-the-register/",
}



HINTS.update({
    "extra.seo.locale": "set extra.seo.locale to language_COUNTRY, e.g. en_GB",
    "extra.seo.image": "set extra.seo.image to a 1200×630 PNG, e.g. assets/images/share.png (see tools/make_share_image.py)",
    "extra.seo.image_alt": "describe the share image in a few words",
    "extra.seo.procedure": "set extra.seo.procedure to the treatment the guide is about, e.g. Mesotherapy",
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
    "extra.languages": "list the languages, the default first, each as {code: ar, locale: ar, name: العربية} "
                       "(README, \"Languages\")",
    "extra.languages[].code": "set code to the language's two-letter code in lower case, e.g. ar (its pages go in "
                              "docs/ar/)",
    "extra.languages[].locale": "set locale to language_COUNTRY, e.g. en_GB, or the language alone, e.g. ar",
    "extra.languages[].name": "set name to the language's name in its own script, e.g. العربية (the language switcher)",
    "extra.languages[].dir": "set dir to rtl (right to left) or ltr, or delete it (the language says which)",
    "extra.languages[].publish_stale": "set publish_stale to true (an outdated translation may publish, with a "
                                       "notice) or false",
    "theme.language": "set theme.language to the code of the first language in extra.languages",
    "extra.policy.topics": "list each required topic with the page whose section covers it, e.g. "
                           "warning-signs: side-effects.md (EDITING.md, \"Required information\")",
})




def _hint(path: str) -> str:
    generic = re.sub(r"\[\d+\]", "[]", path)
    generic = re.sub(r"^extra\.reviewers\.[^.]+\.", "extra.reviewers[].", generic)
    if generic not in HINTS and _CODE.fullmatch(generic.rsplit(".", 1)[-1]):
        generic = generic.rsplit(".", 1)[0]  # one language's text of a setting (out_of_hours.ar): its setting's fix
    return HINTS.get(generic, f"check {path} against the README's booking and clinic settings")


# ---------------------------------------------------------------- where each key is in mkdocs.yml

def key_lines(config_text: str) -> dict[str, int]:
    """Line of every key in a YAML file, by dotted path (``extra.booking.endpoint``)."""
    return dict(_key_lines(config_text))


@functools.lru_cache(maxsize=8)
def _key_lines(config_text: str) -> dict[str, int]:
    for loader in (FAST_LOADER, yaml.SafeLoader, TolerantLoader):
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


class TolerantLoader(yaml.SafeLoader):
    """Composes files with tags such as ``!!python/name`` and ``!ENV`` without running them."""


TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader = TolerantLoader  # the name tools used before


# ---------------------------------------------------------------- the walker

class Settings:
    """Validates sections of one mkdocs.yml and collects every problem, each with its line and fix."""

    def __init__(self, config_path: str = "mkdocs.yml", config_text: str = ""):
        self.config_path = config_path
        self.lines = key_lines(config_text) if config_text else {}
        self.problems: list[Problem] = []
        #: The codes of extra.languages (the default first) and the build's language: which text of a Words
        #: setting the build uses. Set by validate_all once the languages are checked.
        self.language_codes: list[str] = []
        self.language: str | None = None
        #: (key, language code) of each Words setting with no text of its own in that language.
        self.untranslated: list[tuple[str, str]] = []
        #: The default language's text of each Words setting written per language, by key.
        self.default_texts: dict[str, str] = {}

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
        self.problems.append(Problem(self.config_path, self.line(path), f"{path}: {message}", fix or _hint(path)))

    def line(self, path: str) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path)
            path = "" if parent == path else parent  # a top-level key not in the file
        return 1

    def unknown_keys(self, raw: dict, known: list[str], path: str) -> None:
        for key in raw:
            if key not in known:
                guess = difflib.get_close_matches(str(key), known, n=1)
                fix = f'did you mean "{path}.{guess[0]}"?' if guess else f"remove it; known keys are {', '.join(known)}"
                self.add(f"{path}.{key}", "is not a known setting", fix)

    def section(self, schema: type[base.Config], raw: Any, path: str) -> dict | None:
        """``raw`` checked against ``schema``, with defaults filled in; ``None`` if it is not a section at all.
        A key whose value is wrong is reported and set to ``None``."""
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            self.add(path, f"is {quote(raw)}, not a section of settings")
            return None
        options = base.get_schema(schema)
        self.unknown_keys(raw, [name for name, _ in options], path)
        out: dict[str, Any] = {}
        for key, option in options:
            out[key] = self.value(option, raw.get(key), f"{path}.{key}")
        check = getattr(schema, "check", None)
        if check is not None:
            check(out, lambda key, message, fix=None: self.add(f"{path}.{key}", message, fix))
        return out

    def words(self, option: Words, raw: Any, path: str) -> Any:
        """A :class:`Words` setting's text in the build's language (the default language's where it has none)."""
        if raw is None:
            return self.value(option.text if option.needed else Option(option.default), raw, path)
        codes = self.language_codes
        if isinstance(raw, dict) and not codes:
            self.add(path, f"is written per language ({', '.join(map(str, raw))}), but extra.languages lists no "
                     "languages", f"write the text itself, {path.rsplit('.', 1)[-1]}: \"…\", or list the site's "
                     'languages in extra.languages (README, "Languages")')
            return None
        if not isinstance(raw, dict):
            text = self.value(option.text, raw, path)
            if text is not None and option.each_language:
                self.untranslated += [(path, code) for code in codes[1:]]
            return text
        key = path.rsplit(".", 1)[-1]
        texts: dict[str, Any] = {}
        for code, value in raw.items():
            if str(code) not in codes:
                self.add(f"{path}.{code}", f"is not one of the site's languages ({', '.join(codes)})",
                         f"write the text for each language under its code in extra.languages, e.g. "
                         f"{key}: {{{codes[0]}: \"…\", {codes[-1]}: \"…\"}}, or delete this line")
                continue
            texts[str(code)] = self.value(option.text, value, f"{path}.{code}")
        default = codes[0]
        if default not in raw:
            self.add(path, f"has no text in the default language ({default})",
                     f"add {default}: \"…\" under {key} (the text in {default}), beside the other languages'")
            return None
        if texts.get(default) is None:
            return None
        self.default_texts[path] = texts[default]
        if option.each_language:
            self.untranslated += [(path, code) for code in codes[1:] if code not in texts]
        chosen = texts.get(self.language or default)
        return texts[default] if chosen is None else chosen

    def value(self, option: Option, raw: Any, path: str) -> Any:
        if isinstance(option, Words):
            return self.words(option, raw, path)
        if isinstance(option, ListOf) and isinstance(option.item, Words) and isinstance(raw, list):
            items = [self.words(option.item, item, f"{path}[{i}]") for i, item in enumerate(raw)]
            return [item for item in items if item is not None]
        if isinstance(option, Section):
            if raw is None:
                if option.needed:
                    self.add(path, "is missing")
                    return None
                raw = copy.deepcopy(option.default)
            if isinstance(option, SectionList):
                if not isinstance(raw, list):
                    self.add(path, f"is {describe(raw)}, not a list")
                    return None
                items = (self.section(option.schema, item, f"{path}[{i}]") for i, item in enumerate(raw))
                return [item for item in items if item is not None]
            if isinstance(option, SectionMap):
                if not isinstance(raw, dict) or not raw:
                    self.add(path, "is missing" if not raw else f"is {describe(raw)}, not a list of entries")
                    return {}
                items = {str(key): self.section(option.schema, item, f"{path}.{key}") for key, item in raw.items()}
                return {key: item for key, item in items.items() if item is not None}
            return self.section(option.schema, raw, path)
        try:
            return option.validate(raw)
        except ValidationError as error:
            self.add(path, str(error))
            return None


# ---------------------------------------------------------------- each part of extra:

def validate(extra: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """``clinic``, ``reviewers`` and ``booking``, checked and typed (with derived values the templates use)."""
    out: dict[str, Any] = {}
    if "clinic" not in extra:
        settings.add("extra.clinic", "is missing")
    else:
        clinic = settings.section(Clinic, extra.get("clinic"), "extra.clinic")
        if clinic is not None:
            clinic["address"] = clinic.get("address") or {}
            clinic["opening_hours"] = clinic.get("opening_hours") or []
            clinic["services"] = clinic.get("services") or []
            clinic["prices"] = clinic.get("prices") or []
            clinic["phone_link"] = "tel:" + re.sub(r"[^\d+]", "", clinic.get("phone") or "")
            clinic["hours_text"] = opening_hours_text(clinic["opening_hours"])
            clinic["brand"] = complete_brand((extra.get("clinic") or {}).get("brand"), clinic.get("brand"), settings)
            out["clinic"] = clinic
    reviewers_raw = extra.get("reviewers")
    if not isinstance(reviewers_raw, dict) or not reviewers_raw:
        settings.add("extra.reviewers", "is missing" if reviewers_raw is None else "is not a list of reviewers")
        out["reviewers"] = {}
    else:
        reviewers = settings.value(SectionMap(Reviewer), reviewers_raw, "extra.reviewers")
        out["reviewers"] = {key: dict(item, key=key) for key, item in reviewers.items()}
    booking = settings.section(Booking, extra.get("booking"), "extra.booking")
    if booking is not None:
        # What the form sends for each treatment: the default language's text, whatever the page's language.
        booking["treatments_sent"] = [settings.default_texts.get(f"extra.booking.treatments[{i}]", text)
                                      for i, text in enumerate(booking.get("treatments") or [])]
        out["booking"] = booking
    return out


_POLICY_DEFAULTS = {"preset": "generic", "readability_max_grade": 9, "disable": [], "extra_rules": []}


def validate_policy(extra: dict[str, Any], settings: Settings, known_rules: list[str]) -> dict[str, Any]:
    """``extra.policy``, checked and typed, or the defaults alone if it is broken."""
    policy = settings.section(Policy, extra.get("policy"), "extra.policy")
    if policy is None:
        return dict(_POLICY_DEFAULTS)
    for i, rule_id in enumerate(policy["disable"] or []):
        if rule_id not in known_rules:
            guess = difflib.get_close_matches(rule_id, known_rules, n=1)
            settings.add(f"extra.policy.disable[{i}]", f"{quote(rule_id)} is not a rule",
                         f'did you mean "{guess[0]}"?' if guess else f"use one of: {', '.join(known_rules)}")
    rules = [rule for rule in policy["extra_rules"] or []
             if all(rule[key] for key in ("id", "phrases", "why", "instead"))
             and _RULE_ID.fullmatch(rule["id"]) and any(p.strip() for p in rule["phrases"])]
    return {key: policy[key] if policy[key] is not None else _POLICY_DEFAULTS[key] for key in _POLICY_DEFAULTS} | {
        "disable": list(policy["disable"] or []), "extra_rules": rules}


def validate_topics(extra: dict[str, Any], settings: Settings, preset: str,
                    docs_dir: str | None = None) -> dict[str, str]:
    """``extra.policy.topics``: the page whose section covers each required topic (sitekit.topics), by topic id.
    Without the key, the default pages; every topic the preset requires must have a page that exists."""
    policy = extra.get("policy")
    raw = policy.get("topics") if isinstance(policy, dict) else None
    if raw is None:
        return dict(TOPIC_PAGES)
    path = "extra.policy.topics"
    if not isinstance(raw, dict):
        settings.add(path, f"is {describe(raw)}, not a list of entries")
        return dict(TOPIC_PAGES)
    out: dict[str, str] = {}
    known = list(TOPICS)
    for key, page in raw.items():
        key = str(key)
        if key not in TOPICS:
            guess = difflib.get_close_matches(key, known, n=1)
            settings.add(f"{path}.{key}", f"{quote(key)} is not a topic",
                         f'did you mean "{guess[0]}"?' if guess else f"use one of: {', '.join(known)}")
            continue
        fix = (f"set {path}.{key} to the page whose section covers {TOPICS[key].name}, "
               f"e.g. {TOPIC_PAGES[key]}")
        if not isinstance(page, str) or not page.endswith(".md"):
            settings.add(f"{path}.{key}", f"{quote(page)} is not a Markdown file", fix)
            continue
        if docs_dir is not None and not os.path.isfile(os.path.join(docs_dir, page)):
            settings.add(f"{path}.{key}", f"docs/{page} does not exist", f"create docs/{page}, or {fix}")
            continue
        out[key] = page
    for key in REQUIRED_TOPICS.get(preset, ()):
        if key not in raw:
            settings.add(path, f'has no page for "{key}" ({TOPICS[key].name}), which the {preset} preset requires',
                         f'add the line "{key}: {TOPIC_PAGES[key]}" under {path} (the page whose section covers '
                         f"{TOPICS[key].name})")
    return {key: out.get(key, TOPIC_PAGES[key]) for key in TOPICS}


def validate_practitioners(extra: dict[str, Any], settings: Settings, needed: bool = True) -> list[dict[str, Any]]:
    """``extra.practitioners``: who carries out treatment at the clinic, with the register that shows it
    (``needed`` by the required-information hook, whose "who carries out the treatment" box lists them)."""
    raw = extra.get("practitioners")
    if raw is None or raw == []:
        if needed:
            settings.add("extra.practitioners", "is missing")
        return []
    items = settings.value(SectionList(Practitioner), raw, "extra.practitioners")
    return [item for item in items or [] if all(item.get(key) for key in ("name", "profession", "register",
                                                                            "number", "register_url"))]


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG from its header, or ``None`` if it is not a PNG."""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def find_asset(folders: list[str], path: str) -> str | None:
    """The first of ``folders`` (docs_dir, then the theme's folders) that holds ``path``."""
    for folder in folders:
        candidate = os.path.join(folder, path)
        if os.path.isfile(candidate):
            return candidate
    return None


def validate_seo(extra: dict[str, Any], settings: Settings, site_name: str, asset_dirs: list[str]) -> dict[str, Any]:
    """``extra.seo``, checked, with the share image's size (``image_size``) read from the file."""
    raw = extra.get("seo")
    if raw is not None and not isinstance(raw, dict):
        settings.add("extra.seo", "is not a section of settings", "give extra.seo the keys locale, image and image_alt")
        raw = {}
    seo = settings.section(Seo, raw, "extra.seo") or {}
    if seo.get("locale") is None:
        seo["locale"] = DEFAULT_LOCALE
    if seo.get("image_alt") is None and "image_alt" not in (raw or {}):
        seo["image_alt"] = site_name
    seo["procedure"] = seo.get("procedure") or DEFAULT_PROCEDURE
    image = seo.get("image")
    found = find_asset(asset_dirs, image) if isinstance(image, str) else None
    seo["image_size"] = None
    if found is None:
        settings.add("extra.seo.image", f"{image!r} is not a file in docs/ or overrides/",
                     "set extra.seo.image to a 1200×630 PNG, e.g. assets/images/share.png (see tools/make_share_image.py)")
    else:
        with open(found, "rb") as handle:
            seo["image_size"] = png_size(handle.read(32))
        if seo["image_size"] is None:
            settings.add("extra.seo.image", f"{image!r} is not a PNG image", "use a 1200×630 PNG")
    return seo


def validate_languages(extra: dict[str, Any], settings: Settings, *, docs_dir: str | None = None,
                       theme_dirs: list[str] | tuple = (), theme_language: str | None = None) -> list[dict[str, Any]]:
    """``extra.languages``: the site's languages, the default first (``[]`` without the key: one language, as
    before). Codes are unique; every other language has its folder ``docs/CODE/``; ``dir`` comes from the
    language (Material's translations) unless set; ``theme.language`` (of the default build) is the first code."""
    from . import languages as langs

    raw = extra.get("languages")
    if raw is None:
        return []
    path = "extra.languages"
    if not isinstance(raw, list) or not raw:
        settings.add(path, "is empty" if raw in ([], "") else f"is {describe(raw)}, not a list")
        return []
    items = settings.value(SectionList(LanguageEntry), raw, path) or []
    if len(items) != len(raw):
        return []
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        code = item.get("code")
        if code is None or item.get("locale") is None or item.get("name") is None:
            continue
        if code in seen:
            settings.add(f"{path}[{i}].code", f"{quote(code)} is listed twice (also extra.languages[{seen[code]}])",
                         "give each language its own code, or delete one of the two entries")
            continue
        seen[code] = i
        if i and docs_dir is not None and not os.path.isdir(os.path.join(docs_dir, code)):
            settings.add(f"{path}[{i}].code", f"docs/{code}/ does not exist",
                         f"create docs/{code}/ with the translated pages (docs/{code}/index.md …), or delete this entry")
            continue
        out.append(dict(item, dir=item.get("dir") or langs.direction(code, theme_dirs)))
    if len(out) != len(items):
        return []
    if theme_language is not None and theme_language != out[0]["code"]:
        settings.add("theme.language", f"is {quote(theme_language)}, but the first of extra.languages (the default "
                     f"language) is {quote(out[0]['code'])}", f"set theme.language: {out[0]['code']}, or put "
                     f"{theme_language} first in extra.languages")
    return out


def validate_all(extra: dict[str, Any], settings: Settings, *, site_name: str, asset_dirs: list[str],
                 features: list[str], known_rules: list[str], hooks: set[str] | None = None,
                 docs_dir: str | None = None, theme_dirs: list[str] | tuple = (),
                 theme_language: str | None = None, language: str | None = None) -> dict[str, Any]:
    """Everything under ``extra:`` (and the theme features the hooks rely on), once; problems go to ``settings``.
    ``hooks``: the names of the hook files in use (``structured_data`` needs the breadcrumbs feature);
    ``docs_dir``: where the pages named in settings must exist (not checked when ``None``; the default
    language's folder); ``theme_language``: the default build's ``theme.language`` (None: not checked);
    ``language``: the code of the build's language (None: the default language), whose texts the build uses."""
    settings.unknown_keys(extra, ["clinic", "reviewers", "booking", "seo", "policy", "practitioners", "example_data",
                                  "languages", *THEME_EXTRA_KEYS], "extra")
    languages = validate_languages(extra, settings, docs_dir=docs_dir, theme_dirs=theme_dirs,
                                   theme_language=theme_language)
    settings.language_codes = [entry["code"] for entry in languages]
    settings.language = language
    out = validate(extra, settings)
    out["languages"] = languages
    out["example_data"] = validate_example_data(extra, settings)
    out["policy"] = validate_policy(extra, settings, known_rules)
    out["topics"] = validate_topics(extra, settings, out["policy"]["preset"], docs_dir)
    out["practitioners"] = validate_practitioners(extra, settings, needed=hooks is None or "topics" in hooks)
    if out.get("clinic", {}).get("emergency") and out["policy"]["preset"] != "generic":
        settings.add("extra.clinic.emergency", f"is only used with the generic preset (this site uses "
                     f"{out['policy']['preset']}, which has its own emergency number)",
                     "delete extra.clinic.emergency, or set extra.policy.preset to generic")
    out["seo"] = validate_seo(extra, settings, site_name, asset_dirs)
    if (hooks is None or "structured_data" in hooks) and "navigation.path" not in features:
        settings.add("theme.features", 'has no "navigation.path"',
                     'add "- navigation.path": it shows the breadcrumbs that the structured data describes')
    return out


# ---------------------------------------------------------------- values the templates show

def _day_runs(days: list[str]) -> list[list[str]]:
    ordered = sorted({d for d in days if d in DAYS}, key=DAYS.index)
    runs: list[list[str]] = []
    for day in ordered:
        if runs and DAYS.index(runs[-1][-1]) + 1 == DAYS.index(day):
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def opening_hours_text(hours: list[dict]) -> list[str]:
    """``[{days: [Monday … Friday], opens: "09:00", closes: "18:00"}]`` as ``["Monday to Friday 09:00–18:00"]``."""
    lines = []
    for slot in hours:
        parts = []
        for run in _day_runs(slot.get("days") or []):
            if len(run) == 1:
                parts.append(run[0])
            elif len(run) == 2:
                parts.append(f"{run[0]} and {run[1]}")
            else:
                parts.append(f"{run[0]} to {run[-1]}")
        if parts and slot.get("opens") and slot.get("closes"):
            lines.append(f"{', '.join(parts)} {slot['opens']}–{slot['closes']}")
    return lines


# ---------------------------------------------------------------- publishing

def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_publishing(command: str | None, site_url: str | None, allowed: bool = False) -> bool:
    """Whether this run makes a site for the public: ``gh-deploy`` always; ``build`` when ``site_url`` is not a
    loopback address (the Pages workflow sets SITE_URL to the published address). A build for the local
    address (the default site_url) and ``serve`` are previews; ``allowed`` (ALLOW_DEV_RECEIVER=1) is for tests."""
    if allowed or command == "serve":
        return False
    return command == "gh-deploy" or not (site_url and is_loopback(site_url))


def refuse_dev_endpoint(booking: dict[str, Any], settings: Settings) -> None:
    """Publishing with the local development receiver would lose every request. (Not said again when the
    endpoint is still listed as example data: :func:`refuse_example_data` has said it, one problem per key.)"""
    if any(problem.message.startswith("extra.booking.endpoint: ") for problem in settings.problems):
        return
    if booking.get("provider") == "form" and is_loopback(booking.get("endpoint") or ""):
        settings.add("extra.booking.endpoint",
                     f"is the local development receiver ({booking['endpoint']}), which only works on this computer; "
                     "requests sent from the published site would be lost",
                     "set extra.booking.endpoint to your form service's https address (e.g. "
                     "https://formspree.io/f/your-form-id) before publishing")


# ---------------------------------------------------------------- example data

#: What the clinic's real value of each example key is, for the fix ("replace it with the clinic's real …").
#: Keys not listed (another reviewer, a key staff marked themselves) get a wording made from the key.
EXAMPLE_REAL = {
    "clinic.name": "the clinic's real name",
    "clinic.phone": "the clinic's real phone number",
    "clinic.email": "the clinic's real email address",
    "clinic.address": "the clinic's real address",
    "clinic.opening_hours": "the clinic's real opening hours",
    "booking.endpoint": "your form service's https address (e.g. https://formspree.io/f/your-form-id)",
    "seo.image_alt": "a description of the clinic's real share image",
    "clinic.brand.logo": "the path of the clinic's own logo, an SVG or PNG uploaded to docs/assets/images/ (or delete the "
                         "logo line to show no logo)",
    "seo.image": "the path of a 1200×630 PNG that shows the clinic's real name (upload it to docs/assets/images/)",
    "clinic.out_of_hours": "how the clinic's patients really reach help when it is closed",
    "clinic.complaints": "the clinic's real complaints route",
    "clinic.prices": "the clinic's real prices (or prices: [] for a written quote at the consultation)",
    "clinic.cooling_off_days": "the clinic's real number of days between consultation and first treatment",
    "practitioners": "the name, profession, register, number and register address of each person who really "
                     "treats patients at the clinic",
}


def _real(entry: str) -> str:
    if entry in EXAMPLE_REAL:
        return EXAMPLE_REAL[entry]
    if entry.startswith("reviewers."):
        return "the real name and qualification of the doctor who reviews the guide"
    return f"the clinic's real {entry.rsplit('.', 1)[-1].replace('_', ' ')}"


def _lookup(extra: dict[str, Any], entry: str) -> tuple[bool, Any]:
    """Whether ``entry`` (``clinic.name``) names a key under ``extra``, and its value."""
    node: Any = extra
    for part in entry.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node


def _keys(extra: dict[str, Any], path: str = "") -> list[str]:
    out = []
    for key, value in extra.items():
        sub = f"{path}.{key}" if path else str(key)
        out.append(sub)
        if isinstance(value, dict):
            out.extend(_keys(value, sub))
    return out


def _summary(value: Any) -> str:
    """A short, quoted summary of an example value for a message: its text, or the texts inside it."""
    if isinstance(value, dict):
        return ", ".join(_summary(item) for item in value.values() if item not in (None, "", [], {}))
    if isinstance(value, list):
        return ", ".join(_summary(item) for item in value)
    return str(value)


def validate_example_data(extra: dict[str, Any], settings: Settings) -> list[dict[str, Any]]:
    """``extra.example_data``: the keys that still hold the project's example values. Each entry must name a key
    under ``extra:``; returns ``[{"entry": "clinic.name", "key": "extra.clinic.name", "line": 78, "value": …}]``
    for the banner (overrides/partials/example-data.html) and :func:`refuse_example_data`."""
    entries = settings.value(ListOf(Text(), default=[]), extra.get("example_data"), "extra.example_data")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries or []):
        path = f"extra.example_data[{i}]"
        if entry in seen:
            settings.add(path, f"{quote(entry)} is listed twice", "delete one of the two lines")
            continue
        seen.add(entry)
        found, value = _lookup(extra, entry)
        if not found:
            known = [key for key in _keys(extra) if key.count(".") == 1  # clinic.name, reviewers.KEY …
                     and not key.startswith(("example_data.", "policy.", *THEME_EXTRA_KEYS))]
            guess = difflib.get_close_matches(entry.removeprefix("extra."), known, n=1)
            settings.add(path, f"{quote(entry)} is not a key under extra:",
                         (f'did you mean "{guess[0]}"? Or, ' if guess else "write the key as it is under extra:, "
                          "e.g. clinic.name, or, ") + "if the real value is already in, delete this entry")
            continue
        out.append({"entry": entry, "key": f"extra.{entry}", "line": settings.line(f"extra.{entry}"),
                    "value": _summary(value)})
    return out


def refuse_example_data(example_data: list[dict[str, Any]], settings: Settings) -> None:
    """Publishing any example value would put made-up details (a made-up medical reviewer) on a live site."""
    for item in example_data:
        settings.add(item["key"], f"is example data ({quote(item['value'])}), not the clinic's own",
                     f"replace it with {_real(item['entry'])}, then delete \"{item['entry']}\" from "
                     "extra.example_data")


def in_language(value: Any, codes: list[str], code: str | None = None) -> Any:
    """``extra`` (or any part of it) as a page in language ``code`` shows it (the default language, ``codes[0]``,
    when None): each text written per language (``{en: …, ar: …}``) replaced by that language's text (the default
    language's where it has none). For tools and tests that read mkdocs.yml as written."""
    if isinstance(value, dict) and codes and codes[0] in value and set(value) <= set(codes):
        return value.get(code or codes[0], value[codes[0]])
    if isinstance(value, dict):
        return {key: in_language(item, codes, code) for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, codes, code) for item in value]
    return value


def refuse_untranslated(untranslated: list[tuple[str, str]], languages: list[dict[str, Any]],
                        settings: Settings, site_texts: tuple[str, ...] = ("site_name", "site_description")) -> None:
    """A setting a visitor reads with no text in one of the site's languages: that language's pages would show the
    default language's words (a patient who reads only Arabic, told in English how to reach the nurse on call).
    Also each other language's entry without one of ``site_texts`` (the top-level keys the site sets)."""
    if len(languages) < 2:
        return
    default = languages[0]
    names = {entry["code"]: entry["name"] for entry in languages}
    for path, code in untranslated:
        languages_text = f"{{{default['code']}: \"…\", {code}: \"…\"}}"
        key = path.rsplit(".", 1)[-1]
        fix = (f"write this item per language, - {languages_text}" if key.endswith("]") else
               f"write it per language, {key}: {languages_text}")
        settings.add(path, f"has no text in {names[code]} ({code}): its pages would show the {default['name']} one",
                     fix + ' (README, "Languages")')
    for i, entry in enumerate(languages[1:], start=1):
        for key, what in SITE_TEXTS.items():
            if key in site_texts and not entry.get(key):
                settings.add(f"extra.languages[{i}]", f"has no {key}: the {entry['name']} ({entry['code']}) pages "
                             f"would show {what} in {default['name']}",
                             f"add {key}: \"…\" to this entry, {what} in {entry['name']}")
