"""Settings a visitor reads, in each of the site's languages (sitekit.settings.Words): a text for all languages or
one per language code; the build's language picks; what a language lacks is listed for publishing to refuse."""
import copy
import struct

import pytest

from sitekit import settings as s

LANGUAGES = [{"code": "en", "locale": "en_GB", "name": "English"},
             {"code": "ar", "locale": "ar", "name": "العربية", "site_name": "دليل", "site_description": "وصف"}]

GOOD = {
    "languages": LANGUAGES,
    "clinic": {
        "name": "Northlight", "phone": "020 7946 0999", "email": "hi@clinic.example",
        "address": {"street": "1 High St", "locality": "London", "postcode": "SE1 1AA", "country": "GB"},
        "opening_hours": [{"days": ["Monday"], "opens": "09:00", "closes": "17:00"}],
        "out_of_hours": {"en": "call 020 7946 0998", "ar": "اتصل على 020 7946 0998"},
        "complaints": {"en": "Write to us.", "ar": "اكتب إلينا."},
        "prices": [{"item": {"en": "Face, one session", "ar": "الوجه، جلسة واحدة"}, "price": "£150"}],
    },
    "practitioners": [{"name": "Jo Lee", "profession": {"en": "nurse", "ar": "ممرضة"}, "register": "NMC",
                       "number": "12A", "register_url": "https://www.nmc.org.uk/"}],
    "reviewers": {"md": {"name": "Dr A", "qualification": {"en": "MBBS", "ar": "بكالوريوس الطب"}}},
    "booking": {"provider": "form", "endpoint": "https://formspree.io/f/abc",
                "treatments": [{"en": "Face", "ar": "الوجه"}, {"en": "Hair", "ar": "الشعر"}]},
    "seo": {"image_alt": {"en": "The guide", "ar": "الدليل"}},
}

YAML = """\
extra:
  languages:
    - code: en
    - code: ar
  clinic:
    name: Northlight
    out_of_hours:
      en: call
      ar: اتصل
    complaints: Write to us.
  practitioners:
    - name: Jo Lee
      profession: nurse
  reviewers:
    md:
      qualification: MBBS
  booking:
    treatments:
      - Face
      - Hair
  seo:
    image_alt: The guide
"""


@pytest.fixture(scope="module", autouse=True)
def share_image(tmp_path_factory):
    """A folder with the share image (a PNG header is what the settings read of it)."""
    global ASSETS
    folder = tmp_path_factory.mktemp("assets")
    (folder / "assets" / "images").mkdir(parents=True)
    (folder / s.DEFAULT_IMAGE).write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
                                           + struct.pack(">II", 1200, 630) + bytes(9))
    ASSETS = [str(folder)]


ASSETS: list = []


def run(extra, language=None, text=YAML):
    settings = s.Settings("mkdocs.yml", text)
    out = s.validate_all(extra, settings, site_name="Guide", asset_dirs=ASSETS, features=["navigation.path"],
                         known_rules=[], hooks=set(), language=language)
    refusals = s.Settings("mkdocs.yml", text)
    s.refuse_untranslated(settings.untranslated, out["languages"], refusals)
    return out, [str(p) for p in settings.problems], [str(p) for p in refusals.problems]


def changed(path, value):
    extra = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    node = extra
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return extra


@pytest.mark.parametrize("language, out_of_hours, profession, treatments, image_alt", [
    (None, "call 020 7946 0998", "nurse", ["Face", "Hair"], "The guide"),
    ("ar", "اتصل على 020 7946 0998", "ممرضة", ["الوجه", "الشعر"], "الدليل"),
])
def test_each_build_gets_its_language_s_text(language, out_of_hours, profession, treatments, image_alt):
    out, problems, _ = run(GOOD, language)
    assert problems == []
    assert out["clinic"]["out_of_hours"] == out_of_hours
    assert out["practitioners"][0]["profession"] == profession
    assert out["booking"]["treatments"] == treatments
    assert out["seo"]["image_alt"] == image_alt
    assert out["clinic"]["prices"][0]["item"] == ("الوجه، جلسة واحدة" if language else "Face, one session")
    assert out["reviewers"]["md"]["qualification"] == ("بكالوريوس الطب" if language else "MBBS")
    # What the form sends is the default language's words, whatever the page's language.
    assert out["booking"]["treatments_sent"] == ["Face", "Hair"]


MISTAKES = [
    ("clinic.out_of_hours", {"en": "call", "fr": "appelez"},
     'mkdocs.yml:7: extra.clinic.out_of_hours.fr: is not one of the site\'s languages (en, ar) — write the text for '
     'each language under its code in extra.languages, e.g. out_of_hours: {en: "…", ar: "…"}, or delete this line'),
    ("clinic.out_of_hours", {"ar": "اتصل"},
     'mkdocs.yml:7: extra.clinic.out_of_hours: has no text in the default language (en) — add en: "…" under '
     "out_of_hours (the text in en), beside the other languages'"),
    ("clinic.out_of_hours", {"en": "call", "ar": "  "},
     "mkdocs.yml:9: extra.clinic.out_of_hours.ar: is empty — say in a sentence how patients reach help when the "
     'clinic is closed, e.g. "call 020 7946 0322 and follow the message to reach the nurse on call"'),
    ("clinic.complaints", {"en": 5, "ar": "اكتب"},
     "mkdocs.yml:10: extra.clinic.complaints.en: is a whole number, not text — say in a sentence how patients "
     'complain to the clinic, e.g. "write to the practice manager at complaints@clinic.example; we reply within 5 '
     'working days"'),
]


@pytest.mark.parametrize("path, value, expected", MISTAKES, ids=[m[0] + "=" + str(m[1])[:24] for m in MISTAKES])
def test_each_mistake_in_a_text_by_language_names_the_key_line_and_fix(path, value, expected):
    _, problems, _ = run(changed(path, value))
    assert problems == [expected]


REFUSALS = [
    ("clinic.out_of_hours", "call us",
     'mkdocs.yml:7: extra.clinic.out_of_hours: has no text in العربية (ar): its pages would show the English one — '
     'write it per language, out_of_hours: {en: "…", ar: "…"} (README, "Languages")'),
    ("clinic.out_of_hours", {"en": "call us"},
     'mkdocs.yml:7: extra.clinic.out_of_hours: has no text in العربية (ar): its pages would show the English one — '
     'write it per language, out_of_hours: {en: "…", ar: "…"} (README, "Languages")'),
    ("practitioners.0.profession", "nurse",
     'mkdocs.yml:13: extra.practitioners[0].profession: has no text in العربية (ar): its pages would show the '
     'English one — write it per language, profession: {en: "…", ar: "…"} (README, "Languages")'),
    ("booking.treatments", ["Face", {"en": "Hair", "ar": "الشعر"}],
     'mkdocs.yml:19: extra.booking.treatments[0]: has no text in العربية (ar): its pages would show the English one '
     '— write this item per language, - {en: "…", ar: "…"} (README, "Languages")'),
    ("seo.image_alt", "The guide",
     'mkdocs.yml:22: extra.seo.image_alt: has no text in العربية (ar): its pages would show the English one — '
     'write it per language, image_alt: {en: "…", ar: "…"} (README, "Languages")'),
    ("languages", [LANGUAGES[0], {"code": "ar", "locale": "ar", "name": "العربية", "site_name": "دليل"}],
     "mkdocs.yml:4: extra.languages[1]: has no site_description: the العربية (ar) pages would show the site's "
     "description in English — add site_description: \"…\" to this entry, the site's description in العربية"),
]


@pytest.mark.parametrize("path, value, expected", REFUSALS, ids=[r[0] + "=" + str(r[1])[:24] for r in REFUSALS])
def test_a_text_a_language_lacks_is_listed_for_publishing_to_refuse(path, value, expected):
    out, problems, refusals = run(changed(path, value), "ar")
    assert problems == []
    assert refusals == [expected]


def test_names_may_stay_one_text_in_every_language():
    # clinic.name, the price itself and the register's name are names: one text serves every language.
    _, problems, refusals = run(GOOD, "ar")
    assert problems == [] and refusals == []
    out, _, _ = run(changed("clinic.name", {"en": "Northlight", "ar": "نورثلايت"}), "ar")
    assert out["clinic"]["name"] == "نورثلايت"


def test_with_one_language_a_text_is_just_text():
    extra = copy.deepcopy(GOOD)
    del extra["languages"]
    extra["clinic"]["out_of_hours"] = "call us"
    extra["clinic"]["prices"][0]["item"] = "Face"
    extra["practitioners"][0]["profession"] = "nurse"
    extra["reviewers"]["md"]["qualification"] = "MBBS"
    extra["booking"]["treatments"] = ["Face"]
    extra["seo"]["image_alt"] = "The guide"
    out, problems, refusals = run(extra)
    assert refusals == []
    assert out["clinic"]["out_of_hours"] == "call us"
    # A text written per language on a site of one language: said, with both ways out.
    assert problems == ['mkdocs.yml:10: extra.clinic.complaints: is written per language (en, ar), but '
                        'extra.languages lists no languages — write the text itself, complaints: "…", or list the '
                        "site's languages in extra.languages (README, \"Languages\")"]


def test_each_other_language_gives_the_site_texts_the_site_sets():
    settings = s.Settings("mkdocs.yml", YAML)
    s.refuse_untranslated([], LANGUAGES, settings, ("site_name", "copyright"))
    assert [str(p) for p in settings.problems] == [
        "mkdocs.yml:4: extra.languages[1]: has no copyright: the العربية (ar) pages would show the footer's line "
        "(copyright) in English — add copyright: \"…\" to this entry, the footer's line (copyright) in العربية"]
