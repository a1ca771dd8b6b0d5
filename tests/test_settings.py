"""Table-driven tests of the clinic settings validation (extra.clinic, extra.reviewers, extra.booking)."""
import copy

import pytest

from sitekit import settings as s

GOOD = {
    "clinic": {
        "name": "Northlight", "phone": "020 7946 0999", "email": "hi@clinic.example",
        "address": {"street": "1 High St", "locality": "London", "postcode": "SE1 1AA", "country": "GB"},
        "opening_hours": [{"days": ["Monday"], "opens": "09:00", "closes": "17:00"}],
    },
    "reviewers": {"md": {"name": "Dr A", "qualification": "MBBS"}},
    "booking": {"provider": "form", "endpoint": "https://formspree.io/f/abc"},
}

YAML = """\
extra:
  clinic:
    name: Northlight
  reviewers:
    md:
      name: Dr A
  booking:
    provider: form
    endpoint: https://formspree.io/f/abc
"""


def run(extra, text=YAML):
    settings = s.Settings("mkdocs.yml", text)
    out = s.validate(extra, settings)
    return out, [str(p) for p in settings.problems]


def changed(path, value):
    extra = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    node = extra
    for key in parents:
        node = node[key]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return extra


DELETE = object()


def test_good_settings_pass_and_get_defaults():
    out, problems = run(GOOD)
    assert problems == []
    assert out["booking"]["timeout_seconds"] == 15
    assert out["booking"]["thank_you_page"] == "thank-you.md"
    assert out["clinic"]["phone_link"] == "tel:02079460999"
    assert out["reviewers"]["md"]["name"] == "Dr A"


CASES = [
    ("booking.provider", "calendly",
     'mkdocs.yml:8: extra.booking.provider: "calendly" is not one of form, embed, contact — set extra.booking.provider '
     "to form (our own form), embed (an online booking page) or contact (contact details only)"),
    ("booking.endpoint", "http://forms.example.com/x",
     'mkdocs.yml:9: extra.booking.endpoint: "http://forms.example.com/x" is not an https:// address — set '
     "extra.booking.endpoint to your form service's https address, e.g. https://formspree.io/f/your-form-id"),
    ("booking.endpoint", 42,
     "mkdocs.yml:9: extra.booking.endpoint: is a whole number, not text — set extra.booking.endpoint to your form "
     "service's https address, e.g. https://formspree.io/f/your-form-id"),
    ("booking.endpont", "https://x.example/f",
     'mkdocs.yml:7: extra.booking.endpont: is not a known setting — did you mean "extra.booking.endpoint"?'),
    ("booking.timeout_seconds", "ten",
     "mkdocs.yml:7: extra.booking.timeout_seconds: is text, not a whole number — set extra.booking.timeout_seconds "
     "to a whole number of seconds from 3 to 120"),
    ("booking.timeout_seconds", 600,
     "mkdocs.yml:7: extra.booking.timeout_seconds: 600 is outside 3–120 seconds — set extra.booking.timeout_seconds "
     "to a whole number of seconds from 3 to 120"),
    ("booking.provider", "embed",
     "mkdocs.yml:7: extra.booking.embed_url: is missing, but provider is embed — set extra.booking.embed_url to the "
     "https address of your online booking page (Calendly, Cal.com …)"),
    ("booking.thank_you_page", "thanks.html",
     'mkdocs.yml:7: extra.booking.thank_you_page: "thanks.html" is not a Markdown file — set '
     "extra.booking.thank_you_page to the Markdown file of the thank-you page, e.g. thank-you.md"),
    ("clinic.name", DELETE,
     "mkdocs.yml:3: extra.clinic.name: is missing — set extra.clinic.name to the clinic's name, e.g. "
     '"Northlight Aesthetics"'),
    ("clinic.email", "not-an-email",
     'mkdocs.yml:2: extra.clinic.email: "not-an-email" is not an email address — set extra.clinic.email to the '
     'address patients should write to, e.g. "hello@example.com"'),
    ("clinic.colour", "teal",
     "mkdocs.yml:2: extra.clinic.colour: is not a known setting — remove it; known keys are name, phone, email, "
     "address, opening_hours, services, out_of_hours, complaints, prices, cooling_off_days, emergency, brand"),
    ("clinic.opening_hours", [{"days": ["Mon"], "opens": "9am", "closes": "17:00"}],
     'mkdocs.yml:2: extra.clinic.opening_hours[0].days: "Mon" is not one of Monday, Tuesday, Wednesday, Thursday, '
     "Friday, Saturday, Sunday — list the days by their full English names (Monday, Tuesday, Wednesday, Thursday, "
     "Friday, Saturday, Sunday)"),
    ("reviewers", DELETE,
     "mkdocs.yml:4: extra.reviewers: is missing — add extra.reviewers with one entry per medical reviewer: a key, "
     "then name and qualification"),
    ("booking", "form",
     'mkdocs.yml:7: extra.booking: is "form", not a section of settings — make extra.booking a section with '
     "provider, endpoint and the other booking keys"),
]


@pytest.mark.parametrize("path, value, expected", CASES, ids=[c[0] + "=" + str(c[1])[:20] for c in CASES])
def test_each_mistake_names_the_key_line_and_fix(path, value, expected):
    _, problems = run(changed(path, value))
    assert expected in problems
    assert len(problems) == 1 or path == "clinic.opening_hours"


def test_all_mistakes_are_reported_together():
    extra = changed("booking.provider", "nope")
    extra["booking"]["endpoint"] = "ftp://x"
    extra["clinic"]["email"] = "bad"
    _, problems = run(extra)
    assert len(problems) == 3


@pytest.mark.parametrize("endpoint, ok", [
    ("https://formspree.io/f/abc", True),
    ("http://127.0.0.1:8025/f/dev", True),
    ("http://localhost:9000/x", True),
    ("http://[::1]:9000/x", True),
    ("http://192.168.1.10/x", False),
    ("https:///nohost", False),
    ("javascript:alert(1)", False),
])
def test_endpoint_must_be_https_except_loopback(endpoint, ok):
    _, problems = run(changed("booking.endpoint", endpoint))
    assert (problems == []) is ok


def test_publishing_with_the_dev_receiver_is_refused():
    extra = changed("booking.endpoint", s.DEV_RECEIVER)
    settings = s.Settings("mkdocs.yml", YAML)
    out = s.validate(extra, settings)
    s.refuse_dev_endpoint(out["booking"], settings)
    assert [str(p) for p in settings.problems] == [
        "mkdocs.yml:9: extra.booking.endpoint: is the local development receiver (http://127.0.0.1:8025/f/dev), "
        "which only works on this computer; requests sent from the published site would be lost — set "
        "extra.booking.endpoint to your form service's https address (e.g. https://formspree.io/f/your-form-id) "
        "before publishing"]


@pytest.mark.parametrize("command, site_url, allowed, expected", [
    pytest.param("build", "https://user.github.io/repo/", False, True, id="build-for-the-public-address"),
    pytest.param("build", "https://clinic.example/", False, True, id="build-for-a-custom-domain"),
    pytest.param("build", None, False, True, id="build-without-site-url"),
    pytest.param("build", "http://127.0.0.1:8000/", False, False, id="local-build"),
    pytest.param("build", "http://localhost:8000/", False, False, id="local-build-localhost"),
    pytest.param("gh-deploy", "http://127.0.0.1:8000/", False, True, id="gh-deploy-always"),
    pytest.param("serve", "https://user.github.io/repo/", False, False, id="serve-never"),
    pytest.param("build", "https://user.github.io/repo/", True, False, id="tests-opt-in"),
    pytest.param("gh-deploy", "https://user.github.io/repo/", True, False, id="tests-opt-in-deploy"),
])
def test_is_publishing(command, site_url, allowed, expected):
    assert s.is_publishing(command, site_url, allowed) is expected


def test_key_lines_reads_tags_that_mkdocs_uses():
    text = "site_url: !ENV [SITE_URL, 'x']\nmarkdown_extensions:\n  - e:\n      f: !!python/name:os.path\nextra:\n  a: 1\n"
    lines = s.key_lines(text)
    assert lines["extra.a"] == 6 and lines["site_url"] == 1


# ---------------------------------------------------------------- example data (extra.example_data)

EXAMPLE_YAML = YAML + """\
  example_data:
    - clinic.name
"""


def example_run(entries, publishing=True):
    extra = dict(copy.deepcopy(GOOD), example_data=entries)
    settings = s.Settings("mkdocs.yml", EXAMPLE_YAML)
    out = s.validate(extra, settings)
    items = s.validate_example_data(extra, settings)
    if publishing:
        s.refuse_example_data(items, settings)
        s.refuse_dev_endpoint(out["booking"], settings)
    return items, [str(p) for p in settings.problems]


EXAMPLE_REFUSALS = [
    ("clinic.name",
     'mkdocs.yml:3: extra.clinic.name: is example data ("Northlight"), not the clinic\'s own — replace it with the '
     'clinic\'s real name, then delete "clinic.name" from extra.example_data'),
    ("clinic.phone",
     'mkdocs.yml:2: extra.clinic.phone: is example data ("020 7946 0999"), not the clinic\'s own — replace it with '
     'the clinic\'s real phone number, then delete "clinic.phone" from extra.example_data'),
    ("clinic.email",
     'mkdocs.yml:2: extra.clinic.email: is example data ("hi@clinic.example"), not the clinic\'s own — replace it '
     'with the clinic\'s real email address, then delete "clinic.email" from extra.example_data'),
    ("clinic.address",
     'mkdocs.yml:2: extra.clinic.address: is example data ("1 High St, London, SE1 1AA, GB"), not the clinic\'s own '
     '— replace it with the clinic\'s real address, then delete "clinic.address" from extra.example_data'),
    ("clinic.opening_hours",
     'mkdocs.yml:2: extra.clinic.opening_hours: is example data ("Monday, 09:00, 17:00"), not the clinic\'s own — '
     'replace it with the clinic\'s real opening hours, then delete "clinic.opening_hours" from extra.example_data'),
    ("reviewers.md",
     'mkdocs.yml:5: extra.reviewers.md: is example data ("Dr A, MBBS"), not the clinic\'s own — replace it with the '
     'real name and qualification of the doctor who reviews the guide, then delete "reviewers.md" from '
     "extra.example_data"),
    ("booking.endpoint",
     'mkdocs.yml:9: extra.booking.endpoint: is example data ("https://formspree.io/f/abc"), not the clinic\'s own — '
     "replace it with your form service's https address (e.g. https://formspree.io/f/your-form-id), then delete "
     '"booking.endpoint" from extra.example_data'),
    ("booking.provider",
     'mkdocs.yml:8: extra.booking.provider: is example data ("form"), not the clinic\'s own — replace it with the '
     'clinic\'s real provider, then delete "booking.provider" from extra.example_data'),
]


@pytest.mark.parametrize("entry, expected", EXAMPLE_REFUSALS, ids=[c[0] for c in EXAMPLE_REFUSALS])
def test_publishing_refuses_each_example_key_once(entry, expected):
    assert example_run([entry]) == ([{"entry": entry, "key": f"extra.{entry}", "line": int(expected.split(":")[1]),
                                      "value": expected.split('("')[1].split('")')[0]}], [expected])


def test_a_preview_lists_the_example_keys_and_refuses_nothing():
    items, problems = example_run(["clinic.name", "booking.endpoint"], publishing=False)
    assert problems == []
    assert [(item["key"], item["line"]) for item in items] == [("extra.clinic.name", 3), ("extra.booking.endpoint", 9)]


def test_the_dev_receiver_marked_as_example_data_is_one_problem():
    extra = dict(changed("booking.endpoint", s.DEV_RECEIVER), example_data=["booking.endpoint"])
    settings = s.Settings("mkdocs.yml", EXAMPLE_YAML)
    out = s.validate(extra, settings)
    s.refuse_example_data(s.validate_example_data(extra, settings), settings)
    s.refuse_dev_endpoint(out["booking"], settings)
    assert [str(p) for p in settings.problems] == [
        'mkdocs.yml:9: extra.booking.endpoint: is example data ("http://127.0.0.1:8025/f/dev"), not the clinic\'s own '
        "— replace it with your form service's https address (e.g. https://formspree.io/f/your-form-id), then delete "
        '"booking.endpoint" from extra.example_data']


EXAMPLE_LIST_MISTAKES = [
    pytest.param(["clinic.nmae"],
                 'mkdocs.yml:11: extra.example_data[0]: "clinic.nmae" is not a key under extra: — did you mean '
                 '"clinic.name"? Or, if the real value is already in, delete this entry', id="typo"),
    pytest.param(["extra.clinic.name"],
                 'mkdocs.yml:11: extra.example_data[0]: "extra.clinic.name" is not a key under extra: — did you mean '
                 '"clinic.name"? Or, if the real value is already in, delete this entry', id="with-extra-prefix"),
    pytest.param(["reviewers.medical-director"],
                 'mkdocs.yml:11: extra.example_data[0]: "reviewers.medical-director" is not a key under extra: — did '
                 'you mean "reviewers.md"? Or, if the real value is already in, delete this entry',
                 id="replaced-reviewer-key"),
    pytest.param(["fax"],
                 'mkdocs.yml:11: extra.example_data[0]: "fax" is not a key under extra: — write the key as it is '
                 "under extra:, e.g. clinic.name, or, if the real value is already in, delete this entry",
                 id="no-guess"),
    pytest.param(["clinic.name", "clinic.name"],
                 'mkdocs.yml:10: extra.example_data[1]: "clinic.name" is listed twice — delete one of the two lines',
                 id="twice"),
    pytest.param("clinic.name",
                 "mkdocs.yml:10: extra.example_data: is text, not a list — list the keys under extra: that still hold "
                 "the project's example values, one per line (e.g. - clinic.name), or delete extra.example_data once "
                 "every real value is in", id="not-a-list"),
]


@pytest.mark.parametrize("entries, expected", EXAMPLE_LIST_MISTAKES)
def test_each_example_data_entry_must_name_a_key(entries, expected):
    _, problems = example_run(entries, publishing=False)
    assert problems == [expected]
