"""Table-driven tests of the claims policy: presets, matching, allow comments, exact messages."""
from pathlib import Path

import pytest

from sitekit import policy

ROOT = Path(__file__).resolve().parents[1]

UK = policy.rules_for("uk")
GENERIC = policy.rules_for("generic")
US = policy.rules_for("us")
EU = policy.rules_for("eu")


def found(text, rules=UK):
    return [str(p) for p in policy.check(text, "docs/page.md", rules)]


def hits(text, rules):
    """(line, col, rule) of each claim found."""
    return [(p.line, p.col, p.message.split('"')[3]) for p in policy.check(text, "docs/page.md", rules)
            if "breaks the" in p.message]


PAINLESS = ('docs/page.md:1:13: "painless" breaks the "painless" rule: most people feel some discomfort from '
            'injections, so promising none misleads patients — say "most people feel only mild discomfort" (or, if it '
            'is acceptable here, end the line with <!-- policy: allow painless — the reason -->)')


def test_exact_message_with_rule_why_and_safer_phrasing():
    assert found("The session painless for most.") == [PAINLESS]


CLAIMS = [
    # text, preset rules, expected (line, col, rule) hits
    ("It is Painless.", GENERIC, [(1, 7, "painless")]),
    ("It is PAIN-FREE and pain free.", GENERIC, [(1, 7, "painless"), (1, 21, "painless")]),
    ("Results are permanent.", GENERIC, [(1, 13, "permanent")]),
    ("Results are guaranteed.", GENERIC, [(1, 13, "guaranteed")]),
    ("A risk-free treatment.", GENERIC, [(1, 3, "risk-free")]),
    ("It is 100% safe.", GENERIC, [(1, 7, "safe")]),
    ("It is completely safe.", GENERIC, [(1, 7, "safe")]),
    ("There are no side effects.", GENERIC, [(1, 11, "no-side-effects")]),
    ("There is no downtime.", GENERIC, [(1, 10, "no-downtime")]),
    ("A miracle for skin.", GENERIC, [(1, 3, "miracle")]),
    ("It will cure hair loss.", GENERIC, [(1, 9, "cure")]),
    ("Instant results!", GENERIC, [(1, 1, "instant-results")]),
    ("Dramatic change.", GENERIC, [(1, 1, "hype")]),
    ("It works for everyone.", GENERIC, [(1, 4, "for-everyone")]),
    # word boundaries: parts of other words are not claims
    ("Safety first; secure your seat; a permanently-named shop.", GENERIC, []),
    ("Do the results last for ever? No.", GENERIC, []),
    ("Careful, sterile (germ-free) technique.", GENERIC, []),
    # a phrase split over two lines still counts, at the line where it starts
    ("There are no side\neffects at all.", GENERIC, [(1, 11, "no-side-effects")]),
    # uk: prescription-only medicines, by brand and by name
    ("Ask about Botox today.", UK, [(1, 11, "pom-brand")]),
    ("We offer Azzalure, Bocouture and Dysport.", UK, [(1, 10, "pom-brand"), (1, 20, "pom-brand"), (1, 34, "pom-brand")]),
    ("Botulinum toxin smooths lines.", UK, [(1, 1, "pom-botulinum-toxin")]),
    ("Botox is not in the generic preset.", GENERIC, []),
    # uk: fat loss from a chosen part of the body
    ("Lose fat from your thighs.", UK, [(1, 1, "spot-fat-loss")]),
    ("It melts stubborn belly fat.", UK, [(1, 4, "spot-fat-loss")]),
    ("Fat-dissolving injections.", UK, [(1, 1, "spot-fat-loss")]),
    ("Targeted fat loss for you.", UK, [(1, 1, "spot-fat-loss")]),
    ("It aims to reshape small areas of fat, not to help you lose weight.", UK, []),
    # eu
    ("All-natural ingredients.", EU, [(1, 1, "natural-so-safe")]),
    ("No consultation needed.", EU, [(1, 1, "no-consultation-needed")]),
    ("Better than surgery.", EU, [(1, 1, "better-than")]),
    ("Doctor-recommended care.", EU, [(1, 1, "expert-endorsement")]),
    ("Dysport is a brand.", EU, [(1, 1, "pom-brand")]),
    # us
    ("Clinically proven results.", US, [(1, 1, "proven")]),
    ("They are not proven.", US, []),
    ("An FDA-approved mix.", US, [(1, 4, "fda-approved")]),
    ("Lose 10 pounds without dieting or exercise.", US, [(1, 1, "weight-loss"), (1, 16, "weight-loss")]),
    ("It burns fat.", US, [(1, 4, "weight-loss")]),
]


@pytest.mark.parametrize("text, rules, expected", CLAIMS, ids=[c[0][:30] for c in CLAIMS])
def test_claims(text, rules, expected):
    assert hits(text, rules) == expected


IGNORED = [
    "```\nIt is painless.\n```\n",
    "~~~text\nguaranteed\n~~~\n",
    "Type `painless` to search.",
    "See https://example.com/painless-miracle for the page.",
    "A [link](https://example.com/guaranteed) and [another](miracle.md).",
    "[ref]: https://example.com/cure",
    "<!-- a note: painless -->",
    "## Results {#guaranteed}",
]


@pytest.mark.parametrize("text", IGNORED)
def test_code_urls_comments_and_attribute_lists_are_ignored(text):
    assert found(text, GENERIC) == []


def test_front_matter_is_checked_too_with_real_line_numbers():
    text = "---\ntitle: A painless treatment\n---\n# A page\n"
    assert [(p.line, p.col) for p in policy.check(text, "docs/page.md", GENERIC)] == [(2, 10)]


ALLOWS = [
    # the allow comment covers one occurrence of its rule on its own line
    ('"Is it painless?" <!-- policy: allow painless — quoting a patient\'s question -->', []),
    ('"Is it painless?" <!-- policy: allow painless: quoting a patient\'s question -->', []),
    ('Painless? Painless! <!-- policy: allow painless — quoting two patients -->',
     ['docs/page.md:1:11: "Painless" breaks the "painless" rule: most people feel some discomfort from injections, '
      'so promising none misleads patients — say "most people feel only mild discomfort" (or, if it is acceptable '
      'here, end the line with <!-- policy: allow painless — the reason -->)']),
    ("It is painless.\n<!-- policy: allow painless — on the wrong line -->",
     ['docs/page.md:1:7: "painless" breaks the "painless" rule: most people feel some discomfort from injections, so '
      'promising none misleads patients — say "most people feel only mild discomfort" (or, if it is acceptable here, '
      'end the line with <!-- policy: allow painless — the reason -->)',
      'docs/page.md:2:1: the allow comment for "painless" matches nothing on this line — remove it, or move it to '
      "the line with the words it allows"]),
    ("Is it safe? <!-- policy: allow painless — quoting a patient -->",
     ['docs/page.md:1:7: "safe" breaks the "safe" rule: no treatment is safe for everyone; calling it safe hides its '
      'real risks — describe the risks and how they are kept low, e.g. "side effects are usually mild and '
      'short-lived" (or, if it is acceptable here, end the line with <!-- policy: allow safe — the reason -->)',
      'docs/page.md:1:13: the allow comment for "painless" matches nothing on this line — remove it, or move it to '
      "the line with the words it allows"]),
]


@pytest.mark.parametrize("text, expected", ALLOWS, ids=[str(i) for i in range(len(ALLOWS))])
def test_allow_comments(text, expected):
    assert found(text, GENERIC) == expected


ALLOW_MISTAKES = [
    ("Painless. <!-- policy: allow painless -->",
     'docs/page.md:1:11: the allow comment for "painless" gives no reason — say why it is acceptable here, e.g. '
     "<!-- policy: allow painless — quoting a patient's question -->"),
    ("Painless. <!-- policy: allow painless — ok -->",
     'docs/page.md:1:11: the allow comment for "painless" gives no reason — say why it is acceptable here, e.g. '
     "<!-- policy: allow painless — quoting a patient's question -->"),
    ("Painless. <!-- policy: allow painles — quoting a patient -->",
     'docs/page.md:1:11: the allow comment names an unknown rule "painles" — did you mean "painless"?'),
    ("Painless. <!-- policy: permit painless -->",
     'docs/page.md:1:11: the policy comment "<!-- policy: permit painless -->" is not understood — write it as '
     "<!-- policy: allow RULE — the reason it is acceptable here -->"),
]


@pytest.mark.parametrize("text, expected", ALLOW_MISTAKES, ids=[str(i) for i in range(len(ALLOW_MISTAKES))])
def test_allow_comment_mistakes_are_errors(text, expected):
    problems = policy.check(text, "docs/page.md", GENERIC)
    mistakes = [p for p in problems if "breaks the" not in p.message]
    assert [str(p) for p in mistakes] == [expected]
    assert mistakes[0].severity == "error"
    # and the claim itself is still reported, because nothing allowed it
    assert any("breaks the" in p.message for p in problems)


def test_presets_build_on_generic_and_disable_and_extra_rules_work():
    generic_ids = {r.id for r in GENERIC}
    for preset in policy.PRESETS:
        assert generic_ids <= {r.id for r in policy.rules_for(preset)}
    rules = policy.rules_for("uk", [{"id": "no-before-after", "phrases": ["before and after"], "why": "w", "instead": "i"}],
                             ["hype"])
    assert "hype" not in {r.id for r in rules}
    assert hits("Dramatic before-and-after photos.", rules) == [(1, 10, "no-before-after")]
    assert found("See the before  and after.", rules) == [
        'docs/page.md:1:9: "before and after" breaks the "no-before-after" rule: w — i (or, if it is acceptable '
        "here, end the line with <!-- policy: allow no-before-after — the reason -->)"]


def test_every_rule_explains_itself_in_one_line():
    for rules in policy.BY_PRESET.values():
        for rule in rules:
            assert rule.why and "\n" not in rule.why and rule.instead, rule.id
            assert rule.regex.pattern


def test_allow_comments_are_removed_from_the_page_but_not_from_code():
    markdown = ("Is it painless? <!-- policy: allow painless — a patient's words -->\n"
                "```\n<!-- policy: allow painless — an example -->\n```\n")
    assert policy.strip_allow_comments(markdown) == (
        "Is it painless?\n```\n<!-- policy: allow painless — an example -->\n```\n")


def test_lower_case_matching_finds_exactly_what_ignorecase_finds():
    """check() matches rules on lower-cased text without IGNORECASE (faster); it must find the same spans."""
    Rule, prose, rules_for = policy.Rule, policy.prose, policy.rules_for
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md"))]
    texts.append("PAINLESS, Painless and painLESS. It is 100% SAFE. Lose Belly Fat fast with No Side-Effects!")
    rules = rules_for("uk", [], [])
    for text in texts:
        searchable = prose(text)
        for rule in rules:
            assert rule.lower_case_regex is not None, rule.id
            slow = [m.span() for m in rule.regex.finditer(searchable)]
            fast = [m.span() for m in rule.lower_case_regex.finditer(searchable.lower())]
            assert fast == slow, rule.id
    assert Rule("x", (r"\Sfoo",), "why", "instead").lower_case_regex is None, "a capital escape keeps IGNORECASE"


# ---------------------------------------------------------------- the keyword prefilter changes nothing

TRICKY_TEXTS = [
    "PAINLESS, Painless and painLESS. It is 100% SAFE. Lose Belly Fat fast with No Side-Effects!",
    "It won't hurt. It will  not hurt. Pain-free, pain free, no\npain.", "Guaranteed; guarantees; guaranteeing.",
    "Lifelong results, life-long result, results that last forever.", "Risk-free? zero risk, without any risks.",
    "Completely safe, the safest, safe-ish, unsafe, safe.", "No side effects, side-effect-free, free of side effects.",
    "Miraculous magical wonder drug; a cure-all that cures.", "Instantly younger, overnight results, immediate result.",
    "Dramatically life-changing breakthrough; amazing results.", "Works for everyone; results for everyone.",
    "BOTOX and Botulinum toxins, neurotoxin; Xeomin, Letybo.", "Melt stubborn belly fat; trim down your thighs.",
    "Lose 10 kg; drop a dress size; inches off; blocks the absorption of fat.", "Spot-reduction and spot reducing.",
    "İstanbul: painless and safe (İ changes the length when lower-cased).", "ſafe and K are not s and k.",
    "Doctor-recommended, as used by the stars, celebrity favourite.", "Better than a facelift; liquid face-lift.",
    "No need for a consultation required; without seeing a doctor.", "All natural, 100% natural, natural so it's safe.",
    "Clinically proven; studies show; FDA-cleared, approved by the FDA.", "painless-ish pain_free -safe- safe_",
    "Is it painless? <!-- policy: allow painless — a patient's words -->\nSafe. <!-- policy: allow safe -->",
    "`painless` and ```\nsafe\n``` and https://example.com/guaranteed and <!-- miracle -->", "", "\n\n",
    "before and after; before-and-after; BEFORE  AND\nAFTER", "ünïcödé cure; CURE; Cure.",
]


def _all_rule_sets():
    extra = [{"id": "no-before-after", "phrases": ["before and after"], "why": "w", "instead": "i"},
             {"id": "brand", "phrases": ["Brand X"], "why": "w", "instead": "i"}]  # capitals: always run
    return [policy.rules_for(preset) for preset in policy.PRESETS] + [policy.rules_for("uk", extra, ["hype"])]


def _texts():
    docs = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    assert docs
    return docs + TRICKY_TEXTS + [c[0] for c in CLAIMS] + IGNORED + [a[0] for a in ALLOWS] + [a[0] for a in ALLOW_MISTAKES]


def test_prefilter_gives_the_same_problems_in_the_same_order():
    from sitekit.page import read

    for rules in _all_rule_sets():
        for text in _texts():
            with_filter = policy.check_page(read(text, "docs/page.md"), rules)
            without = policy.check_page(read(text, "docs/page.md"), rules, prefilter=False)
            assert [(str(p), p.severity) for p in with_filter] == [(str(p), p.severity) for p in without], text[:60]


def test_every_match_holds_one_of_its_rules_keywords():
    """What makes the prefilter safe, rule by rule: wherever a rule matches, one of its keywords is in the match."""
    for rules in _all_rule_sets():
        for text in _texts():
            lower = policy.prose(text).lower()
            for rule in rules:
                # check_page filters only rules it matches without IGNORECASE; it tells them by their patterns
                assert (rule.lower_case_regex is not None) == all(p == p.lower() for p in rule.patterns), rule.id
                if rule.keywords is None or rule.lower_case_regex is None:
                    continue
                for match in rule.lower_case_regex.finditer(lower):
                    assert any(word in match.group() for word in rule.keywords), (rule.id, match.group())


@pytest.mark.parametrize("patterns, expected", [
    ((r"painless(?:ly)?", r"no\s+pain"), {"pain"}),  # "painless" holds "pain"
    ((r"guarantee[sd]?", r"guaranteeing"), {"guarantee"}),
    ((r"(?:won't|does\s+not)\s+hurt",), {"hurt"}),
    ((r"(?:aa|bbbb)\s+x",), {"aa", "bbbb"}),
    ((r"(?:foo)+bar?",), {"foo"}),
    ((r"(?:foo)*x",), {"x"}),
    ((r"\w+",), None),
    ((r"fine", r"\d+"), None),
    ((r"(?:abc|\w)",), None),
    ((r"(?i:abc)",), None),
    ((r"[(",), None),
])
def test_keywords_of_patterns(patterns, expected):
    assert policy.keywords(patterns) == (frozenset(expected) if expected is not None else None)
