"""Table-driven tests of extra.policy validation (same style as the clinic settings)."""
import pytest

from sitekit import policy
from sitekit import settings as s

YAML = """\
extra:
  policy:
    preset: uk
    readability_max_grade: 9
    disable:
      - hipe
    extra_rules:
      - id: no-before-after
        phrases: [before and after]
"""


def run(raw):
    settings = s.Settings("mkdocs.yml", YAML)
    out = s.validate_policy({"policy": raw} if raw is not None else {}, settings, policy.ALL_RULE_IDS)
    return out, [str(p) for p in settings.problems]


def test_defaults_and_a_good_section():
    assert run(None) == ({"preset": "generic", "readability_max_grade": 9, "disable": [], "extra_rules": []}, [])
    rule = {"id": "no-before-after", "phrases": ["before and after"], "why": "w", "instead": "i"}
    out, problems = run({"preset": "uk", "readability_max_grade": 8, "disable": ["hype"], "extra_rules": [rule]})
    assert problems == []
    assert out == {"preset": "uk", "readability_max_grade": 8, "disable": ["hype"],
                   "extra_rules": [dict(rule, severity="error")]}


CASES = [
    ("uk", 'mkdocs.yml:2: extra.policy: is "uk", not a section of settings — make extra.policy a section with preset '
           "(generic, uk, us or eu) and readability_max_grade"),
    ({"preset": "fr"}, 'mkdocs.yml:3: extra.policy.preset: "fr" is not one of generic, uk, us, eu — set '
                       "extra.policy.preset to generic, uk, us or eu (the rules for the clinic's country)"),
    ({"presett": "uk"}, 'mkdocs.yml:2: extra.policy.presett: is not a known setting — did you mean "extra.policy.preset"?'),
    ({"readability_max_grade": "nine"},
     "mkdocs.yml:4: extra.policy.readability_max_grade: is text, not a whole number — set "
     "extra.policy.readability_max_grade to a whole number from 5 to 16 (9 is about reading age 14)"),
    ({"readability_max_grade": 30},
     "mkdocs.yml:4: extra.policy.readability_max_grade: 30 is outside 5–16 — set extra.policy.readability_max_grade "
     "to a whole number from 5 to 16 (9 is about reading age 14)"),
    ({"disable": ["hipe"]}, 'mkdocs.yml:6: extra.policy.disable[0]: "hipe" is not a rule — did you mean "hype"?'),
    ({"extra_rules": [{"id": "no-before-after", "phrases": ["before and after"], "instead": "i"}]},
     "mkdocs.yml:8: extra.policy.extra_rules[0].why: is missing — say in one line why the words are a problem"),
    ({"extra_rules": [{"id": "No Before", "phrases": ["x"], "why": "w", "instead": "i"}]},
     'mkdocs.yml:8: extra.policy.extra_rules[0].id: "No Before" is not a name like "no-before-after" — give the rule '
     "a short name of lower-case letters and hyphens, e.g. no-before-after"),
    ({"extra_rules": [{"id": "x", "phrases": [" "], "why": "w", "instead": "i"}]},
     'mkdocs.yml:9: extra.policy.extra_rules[0].phrases: is empty — list the words or phrases the rule forbids, '
     'e.g. ["before and after"]'),
]


@pytest.mark.parametrize("raw, expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_each_mistake(raw, expected):
    assert run(raw)[1] == [expected]
