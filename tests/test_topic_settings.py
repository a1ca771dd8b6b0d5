"""Table-driven tests of the settings the required information uses: extra.policy.topics, the clinic's
out_of_hours, complaints, prices, cooling_off_days and emergency, and extra.practitioners."""
import copy

import pytest

from sitekit import policy
from sitekit import settings as s
from sitekit.topics import DEFAULT_PAGES

from conftest import ROOT
from test_settings import GOOD

DOCS = str(ROOT / "docs")

PERSON = {"name": "Jordan Ellis", "profession": "nurse prescriber", "register": "Nursing and Midwifery Council",
          "number": "12A3456E", "register_url": "https://www.nmc.org.uk/registration/search-the-register/"}

YAML = """\
extra:
  clinic:
    name: Northlight
    out_of_hours: x
    complaints: x
    prices:
      - item: Face
        price: x
    cooling_off_days: 14
    emergency: "000"
  practitioners:
    - name: Jordan Ellis
      number: 1
      register_url: x
  policy:
    preset: uk
    topics:
      evidence: what-it-treats.md
"""


def run(changes: dict, preset: str = "uk", docs_dir=None, hooks=None):
    """validate_all on the good settings with ``changes`` (dotted key -> value; None deletes)."""
    extra = copy.deepcopy(GOOD) | {"practitioners": [dict(PERSON)], "policy": {"preset": preset}}
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = extra
        for key in parents:
            node = node.setdefault(key, {}) if isinstance(node, dict) else node[int(key)]
        if value is None:
            node.pop(last, None)
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    settings = s.Settings("mkdocs.yml", YAML)
    out = s.validate_all(extra, settings, site_name="Guide", asset_dirs=["overrides"], features=["navigation.path"],
                         known_rules=policy.ALL_RULE_IDS, hooks=hooks, docs_dir=docs_dir)
    return out, [str(p) for p in settings.problems if "extra.seo" not in str(p)]


def test_defaults_keep_an_older_mkdocs_yml_working():
    out, problems = run({})
    assert problems == []
    assert out["topics"] == DEFAULT_PAGES
    clinic = out["clinic"]
    assert (clinic["out_of_hours"], clinic["complaints"], clinic["prices"], clinic["cooling_off_days"],
            clinic["emergency"]) == (None, None, [], None, None)
    assert out["practitioners"] == [PERSON]


def test_good_values_are_kept():
    out, problems = run({"clinic.out_of_hours": "call 020 7946 0998", "clinic.complaints": "Write to us.",
                         "clinic.prices": [{"item": "Face", "price": "£150"}], "clinic.cooling_off_days": 14,
                         "policy.topics": dict(DEFAULT_PAGES, evidence="faq.md"),
                         "practitioners": [dict(PERSON, number=1234567)]}, docs_dir=DOCS)
    assert problems == []
    assert out["topics"]["evidence"] == "faq.md"
    assert out["clinic"]["prices"] == [{"item": "Face", "price": "£150"}]
    assert out["practitioners"][0]["number"] == "1234567"


def test_the_generic_preset_takes_its_emergency_number_from_the_settings():
    out, problems = run({"clinic.emergency": "000"}, preset="generic")
    assert problems == [] and out["clinic"]["emergency"] == "000"


CASES = [
    pytest.param({"policy.topics": dict(DEFAULT_PAGES, **{"warning-sign": "side-effects.md"})},
                 ['mkdocs.yml:17: extra.policy.topics.warning-sign: "warning-sign" is not a topic — did you mean '
                  '"warning-signs"?'], id="unknown-topic"),
    pytest.param({"policy.topics": dict(DEFAULT_PAGES, money="side-effects.md")},
                 ['mkdocs.yml:17: extra.policy.topics.money: "money" is not a topic — use one of: who-should-not, '
                  "side-effects, serious-risks, warning-signs, aftercare, practicalities, cost, who-treats-you, "
                  "evidence, complaints"], id="unknown-topic-no-guess"),
    pytest.param({"policy.topics": {k: v for k, v in DEFAULT_PAGES.items() if k != "cost"}},
                 ['mkdocs.yml:17: extra.policy.topics: has no page for "cost" (cost), which the uk preset requires — '
                  'add the line "cost: treatment-plan.md" under extra.policy.topics (the page whose section covers '
                  "cost)"], id="required-topic-missing"),
    pytest.param({"policy.topics": dict(DEFAULT_PAGES, evidence="evidence.md")},
                 ["mkdocs.yml:18: extra.policy.topics.evidence: docs/evidence.md does not exist — create "
                  "docs/evidence.md, or set extra.policy.topics.evidence to the page whose section covers how good "
                  "the evidence is, e.g. what-it-treats.md"], id="page-does-not-exist"),
    pytest.param({"policy.topics": dict(DEFAULT_PAGES, evidence="what-it-treats")},
                 ['mkdocs.yml:18: extra.policy.topics.evidence: "what-it-treats" is not a Markdown file — set '
                  "extra.policy.topics.evidence to the page whose section covers how good the evidence is, e.g. "
                  "what-it-treats.md"], id="not-markdown"),
    pytest.param({"policy.topics": ["side-effects.md"]},
                 ["mkdocs.yml:17: extra.policy.topics: is a list, not a list of entries — list each required topic "
                  "with the page whose section covers it, e.g. warning-signs: side-effects.md (EDITING.md, "
                  '"Required information")'], id="not-a-map"),
    pytest.param({"clinic.out_of_hours": " "},
                 ["mkdocs.yml:4: extra.clinic.out_of_hours: is empty — say in a sentence how patients reach help when "
                  'the clinic is closed, e.g. "call 020 7946 0322 and follow the message to reach the nurse on call"'],
                 id="out-of-hours-empty"),
    pytest.param({"clinic.complaints": 5},
                 ["mkdocs.yml:5: extra.clinic.complaints: is a whole number, not text — say in a sentence how "
                  'patients complain to the clinic, e.g. "write to the practice manager at complaints@clinic.example; '
                  'we reply within 5 working days"'], id="complaints-not-text"),
    pytest.param({"clinic.prices": [{"item": "Face", "price": 150}]},
                 ["mkdocs.yml:8: extra.clinic.prices[0].price: is a whole number, not text — write the price in "
                  'quotes, e.g. "£150"'], id="price-not-text"),
    pytest.param({"clinic.prices": "ask us"},
                 ['mkdocs.yml:6: extra.clinic.prices: is text, not a list — list each price as {item: "Face, one '
                  'session", price: "£150"}, or write prices: [] to say that patients get a written quote at their '
                  "consultation"], id="prices-not-a-list"),
    pytest.param({"clinic.cooling_off_days": 0},
                 ["mkdocs.yml:9: extra.clinic.cooling_off_days: 0 is outside 1–60 days — set "
                  "extra.clinic.cooling_off_days to the whole number of days between the consultation and the first "
                  "treatment, from 1 to 60"], id="cooling-off-too-short"),
    pytest.param({"clinic.cooling_off_days": "two weeks"},
                 ["mkdocs.yml:9: extra.clinic.cooling_off_days: is text, not a whole number — set "
                  "extra.clinic.cooling_off_days to the whole number of days between the consultation and the first "
                  "treatment, from 1 to 60"], id="cooling-off-not-a-number"),
    pytest.param({"clinic.emergency": "000"},
                 ["mkdocs.yml:10: extra.clinic.emergency: is only used with the generic preset (this site uses uk, "
                  "which has its own emergency number) — delete extra.clinic.emergency, or set extra.policy.preset "
                  "to generic"], id="emergency-with-uk"),
    pytest.param({"clinic.emergency": "the police"},
                 ['mkdocs.yml:10: extra.clinic.emergency: "the police" is not a phone number like "000" — set '
                  'extra.clinic.emergency to the emergency number of the clinic\'s country, e.g. "000"'],
                 id="emergency-not-a-number"),
    pytest.param({"practitioners": None},
                 ['mkdocs.yml:11: extra.practitioners: is missing — list who carries out treatment, each with name, '
                  'profession, register, number and register_url (README, "Configure the clinic and the booking '
                  'form")'], id="practitioners-missing"),
    pytest.param({"practitioners.0.register_url": "http://www.nmc.org.uk/"},
                 ['mkdocs.yml:14: extra.practitioners[0].register_url: "http://www.nmc.org.uk/" is not an https:// '
                  "address — set the https address of the public register where patients can check it, e.g. "
                  "https://www.nmc.org.uk/registration/search-the-register/"], id="register-url-not-https"),
    pytest.param({"practitioners.0.register": None},
                 ["mkdocs.yml:12: extra.practitioners[0].register: is missing — name the body they are registered "
                  'with, e.g. "Nursing and Midwifery Council"'], id="register-missing"),
    pytest.param({"practitioners.0.number": ["1"]},
                 ["mkdocs.yml:13: extra.practitioners[0].number: is a list, not a registration number — set the "
                  'registration number as the register shows it, e.g. "12A3456E"'], id="number-not-text"),
    pytest.param({"practitioners.0.nmae": "x"},
                 ['mkdocs.yml:12: extra.practitioners[0].nmae: is not a known setting — did you mean '
                  '"extra.practitioners[0].name"?'], id="practitioner-typo"),
]


@pytest.mark.parametrize("changes, expected", CASES)
def test_each_mistake_is_one_message_with_its_line_and_fix(changes, expected):
    preset = "generic" if "emergency-not" in str(changes) else "uk"
    _, problems = run(changes, preset=preset, docs_dir=DOCS)
    assert problems == expected


def test_practitioners_are_needed_only_with_the_required_information_hook():
    _, problems = run({"practitioners": None}, hooks={"site", "policy"})
    assert problems == []


def test_the_new_example_keys_are_refused_when_publishing():
    extra = dict(copy.deepcopy(GOOD), practitioners=[PERSON],
                 example_data=["clinic.out_of_hours", "clinic.complaints", "practitioners"])
    extra["clinic"].update(out_of_hours="call 020 7946 0998", complaints="Write to us.")
    settings = s.Settings("mkdocs.yml", YAML)
    s.refuse_example_data(s.validate_example_data(extra, settings), settings)
    assert [str(p) for p in settings.problems] == [
        'mkdocs.yml:4: extra.clinic.out_of_hours: is example data ("call 020 7946 0998"), not the clinic\'s own — '
        "replace it with how the clinic's patients really reach help when it is closed, then delete "
        '"clinic.out_of_hours" from extra.example_data',
        'mkdocs.yml:5: extra.clinic.complaints: is example data ("Write to us."), not the clinic\'s own — replace it '
        'with the clinic\'s real complaints route, then delete "clinic.complaints" from extra.example_data',
        'mkdocs.yml:11: extra.practitioners: is example data ("Jordan Ellis, nurse prescriber, Nursing and Midwifery '
        'Counc…"), not the clinic\'s own — replace it with the name, profession, register, number and register '
        "address of each person who really treats patients at the clinic, then delete \"practitioners\" from "
        "extra.example_data"]
