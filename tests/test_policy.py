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
    # issue 11, point 2: every kind of phrase, in the presets that have its rule
    ("Ask about anti-wrinkle injections.", UK, [(1, 11, "pom-euphemism")]),
    ("Muscle-relaxing injections, muscle relaxant injections.", UK, [(1, 1, "pom-euphemism"), (1, 29, "pom-euphemism")]),
    ("Wrinkle relaxers; wrinkle-relaxing injections.", EU, [(1, 1, "pom-euphemism"), (1, 19, "pom-euphemism")]),
    ("Baby Botox, tox and frown-line injections.", UK, [(1, 1, "pom-euphemism"), (1, 13, "pom-euphemism"),
                                                         (1, 21, "pom-euphemism")]),
    ("Anti-wrinkle injections are not in the generic or us presets.", GENERIC, []),
    ("Anti-wrinkle injections are not in the generic or us presets.", US, []),
    ("Phosphatidylcholine and deoxycholic acid.", UK, [(1, 1, "unlicensed-product"), (1, 25, "unlicensed-product")]),
    ("Sodium deoxycholate, Lipodissolve, Aqualyx.", EU, [(1, 1, "unlicensed-product"), (1, 22, "unlicensed-product"),
                                                        (1, 36, "unlicensed-product")]),
    ("Kybella or Belkyra; injected tranexamic acid.", UK, [(1, 1, "unlicensed-product"), (1, 12, "unlicensed-product"),
                                                          (1, 30, "unlicensed-product")]),
    ("Glutathione drips and glutathione injections.", UK, [(1, 1, "unlicensed-product"), (1, 23, "unlicensed-product")]),
    ("Phosphatidylcholine and Aqualyx.", US, [(1, 1, "unlicensed-product"), (1, 25, "unlicensed-product")]),
    ("Kybella is approved in the US for under-chin fat.", US, []),
    ("Clinically proven, proven to work.", GENERIC, [(1, 1, "proven"), (1, 20, "proven")]),
    ("Studies show it works.", UK, [(1, 1, "proven")]),
    ("MHRA approved, CE marked and NHS-approved.", UK, [(1, 1, "approval-claim"), (1, 16, "approval-claim"),
                                                       (1, 30, "approval-claim")]),
    ("FDA approved and NICE approved; licensed by the MHRA.", UK, [(1, 1, "approval-claim"), (1, 18, "approval-claim"),
                                                                  (1, 33, "approval-claim")]),
    ("CE approved.", EU, [(1, 1, "approval-claim")]),
    ("Results in 2 weeks.", GENERIC, [(1, 1, "timed-result")]),
    ("See results after one session.", UK, [(1, 5, "timed-result")]),
    ("Smoother skin in just 3 sessions.", UK, [(1, 15, "timed-result")]),
    ("Visible results within days.", US, [(1, 9, "timed-result")]),
    ("The best clinic; a leading clinic.", GENERIC, [(1, 5, "superlative-clinic"), (1, 20, "superlative-clinic")]),
    ("We are number one in Leeds, the No. 1 and #1 clinic.", UK, [(1, 8, "superlative-clinic"),
                                                                  (1, 33, "superlative-clinic"),
                                                                  (1, 43, "superlative-clinic")]),
    ("Top-rated, award-winning, the best in London.", UK, [(1, 1, "superlative-clinic"), (1, 12, "superlative-clinic"),
                                                          (1, 31, "superlative-clinic")]),
    ("Our patients say so; patients love it.", GENERIC, [(1, 1, "testimonial"), (1, 22, "testimonial")]),
    ("5-star reviews, five-star care.", UK, [(1, 1, "testimonial"), (1, 17, "testimonial")]),
    ("Read the testimonials and rave reviews.", EU, [(1, 10, "testimonial"), (1, 27, "testimonial")]),
    ("Problems are extremely rare; virtually no risk.", GENERIC, [(1, 14, "understated-risk"), (1, 30, "understated-risk")]),
    ("Minimal risk and nothing to worry about.", UK, [(1, 1, "understated-risk"), (1, 18, "understated-risk")]),
    ("It is harmless and completely safe.", UK, [(1, 7, "understated-risk"), (1, 20, "safe")]),
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



@pytest.mark.parametrize("patterns, before, expected", [
    ((r"painless(?:ly)?", r"no\s+pain"), (0, 0), [("no", 0, 0), ("painless", 0, 0)]),
    ((r"results?\s+within",), (0, 0), [("result", 0, 0)]),  # "within" is after a space of any length
    ((r"(?<!not\s)proven",), (0, 4), [("proven", 0, 4)]),  # a lookbehind takes no room; after 0 to 4 letters
    ((r"(?:aa|bbbb)\s+x",), (0, 0), [("aa", 0, 0), ("bbbb", 0, 0)]),
    ((r"a?cure",), (0, 0), [("cure", 0, 1)]),
    ((r"[ab]cure",), (0, 0), [("cure", 1, 1)]),
    ((r"(?:foo)+bar",), (0, 0), [("foo", 0, 0)]),
    ((r"\d+\s+kg",), (0, 0), None),  # "kg" may be any distance in
    ((r"fine", r"\w+"), (0, 0), None),
    ((r"(?i:abc)",), (0, 0), None),
    ((r"[(",), (0, 0), None),
])
def test_anchors_of_patterns(patterns, before, expected):
    assert policy.anchors(patterns, before) == (tuple(expected) if expected is not None else None)


# ---------------------------------------------------------------- issue 11, point 2: the exact messages

def message(col, found, rule, why, instead):
    return (f'docs/page.md:1:{col}: "{found}" breaks the "{rule}" rule: {why} — {instead} (or, if it is acceptable '
            f"here, end the line with <!-- policy: allow {rule} — the reason -->)")


POM_INSTEAD = ('promote a consultation about the concern, not a medicine, e.g. "a consultation about lines and wrinkles"; '
               "name a prescription-only medicine only in factual safety information, with an allow comment giving the "
               "reason")
UNLICENSED_INSTEAD = ('describe what the treatment aims to do without naming the product (e.g. "injections that aim to '
                      'reduce a small area of fat"); where factual safety information must name it, say it is not '
                      "licensed for this use and add an allow comment with the reason")
PROVEN_INSTEAD = 'say what the treatment aims to do and how good the evidence is, e.g. "the evidence is limited; results vary"'
APPROVAL_INSTEAD = ("describe the treatment without claiming an approval; the consultation explains which products are "
                    "used and what they are licensed for")
TIMED_INSTEAD = ('say "some people notice a change after one session; for others it builds up over the course, and results '
                 'vary"')
SUPERLATIVE_INSTEAD = ("say what the clinic does and who does it (training, registration), without ranking it; e.g. "
                       '"our nurse prescribers are registered with the Nursing and Midwifery Council"')
TESTIMONIAL_INSTEAD = "describe what is typical and that results vary; leave out patients' verdicts on their results"
RISK_INSTEAD = ('say how often a risk happens in plain words, e.g. "serious problems are rare", and what to do if it '
                "happens")
SAFE_INSTEAD = 'describe the risks and how they are kept low, e.g. "side effects are usually mild and short-lived"'

MESSAGES = [
    # text, preset, expected message (one per text)
    ("Botox for lines.", "uk", message(
        1, "Botox", "pom-brand", "this is a prescription-only medicine, and the CAP Code (rule 12.12) does not allow "
        "prescription-only medicines to be advertised to the public, by brand or by name", POM_INSTEAD)),
    ("Botox for lines.", "eu", message(
        1, "Botox", "pom-brand", "this is a prescription-only medicine, and Directive 2001/83/EC (article 88) bans "
        "advertising prescription-only medicines to the public", POM_INSTEAD)),
    ("Botulinum toxin for lines.", "uk", message(
        1, "Botulinum toxin", "pom-botulinum-toxin", "botulinum toxin is a prescription-only medicine, and the CAP Code "
        "(rule 12.12) does not allow it to be advertised to the public, by brand or by its general name", POM_INSTEAD)),
    ("Botulinum toxin for lines.", "eu", message(
        1, "Botulinum toxin", "pom-botulinum-toxin", "botulinum toxin is a prescription-only medicine, and Directive "
        "2001/83/EC (article 88) bans advertising it to the public, by brand or by its general name", POM_INSTEAD)),
    ("Muscle-relaxing injections for lines.", "uk", message(
        1, "Muscle-relaxing injections", "pom-euphemism", "the CAP Code (rule 12.12) does not allow prescription-only "
        "medicines to be advertised to the public, and the ASA treats a name that points to one, such as "
        "'anti-wrinkle injections', as advertising it", POM_INSTEAD)),
    ("Baby botox for lines.", "eu", message(
        1, "Baby botox", "pom-euphemism", "Directive 2001/83/EC (article 88) bans advertising prescription-only "
        "medicines to the public, and a name that points to one still advertises it", POM_INSTEAD)),
    ("Phosphatidylcholine melts away fat cells.", "uk", message(
        1, "Phosphatidylcholine", "unlicensed-product", "naming this product as a treatment promotes it, and the CAP "
        "Code allows medical claims only for a product licensed or marked for that use (rules 12.1 and 12.11), never "
        "for a prescription-only medicine (rule 12.12)", UNLICENSED_INSTEAD)),
    ("Tranexamic acid fades spots.", "eu", message(
        1, "Tranexamic acid", "unlicensed-product", "Directive 2001/83/EC bans advertising a medicine without a "
        "marketing authorisation or beyond what it is authorised for (article 87), and prescription-only medicines to "
        "the public (article 88)", UNLICENSED_INSTEAD)),
    ("Aqualyx for the chin.", "us", message(
        1, "Aqualyx", "unlicensed-product", "the FDA has warned that fat-dissolving injections it has not approved (it "
        "has approved one, for under-chin fat) have caused scars, serious infections and skin deformities",
        UNLICENSED_INSTEAD)),
    ("Clinically proven.", "generic", message(
        1, "Clinically proven", "proven", "a claim that a treatment is proven needs strong evidence from trials in "
        "people, and for mesotherapy that evidence is limited", PROVEN_INSTEAD)),
    ("Clinically proven.", "uk", message(
        1, "Clinically proven", "proven", "the CAP Code (rule 12.1) needs evidence, from trials in people where "
        "relevant, for any claim that a treatment works, and 'proven' claims the strongest", PROVEN_INSTEAD)),
    ("Clinically proven.", "eu", message(
        1, "Clinically proven", "proven", "a claim that a treatment is proven needs strong evidence from trials in "
        "people, and for mesotherapy that evidence is limited", PROVEN_INSTEAD)),
    ("Clinically proven.", "us", message(
        1, "Clinically proven", "proven", "the FTC expects competent and reliable scientific evidence for any health "
        "claim, and 'proven' claims the strongest", 'say "may help" and, where it is true, "the evidence is limited"')),
    ("MHRA approved.", "uk", message(
        1, "MHRA approved", "approval-claim", "a licence or a CE/UKCA mark covers one product for set uses, not a "
        "clinic's treatment, and does not show it works; claiming an approval misleads (the CAP Code, section 3 and "
        "rule 12.1)", APPROVAL_INSTEAD)),
    ("CE marked.", "eu", message(
        1, "CE marked", "approval-claim", "an authorisation or a CE mark covers one product for set uses, not a "
        "clinic's treatment, and advertising may claim nothing beyond it (Directive 2001/83/EC, article 87)",
        APPROVAL_INSTEAD)),
    ("FDA approved.", "us", message(
        1, "FDA approved", "fda-approved", "FDA approval covers particular products for particular uses, not a "
        "treatment or a clinic's own mix", "describe the treatment without claiming an approval you have not checked "
        "for that exact product and use")),
    ("Results in 2 weeks.", "generic", message(
        1, "Results in 2 weeks", "timed-result", "how soon a change shows, if it shows at all, differs from person to "
        "person, so a time cannot be promised", TIMED_INSTEAD)),
    ("Results in 2 weeks.", "uk", message(
        1, "Results in 2 weeks", "timed-result", "a time by which results show is a claim the CAP Code (rules 3.7 and "
        "12.1) needs evidence for, and results vary from person to person", TIMED_INSTEAD)),
    ("Results in 2 weeks.", "us", message(
        1, "Results in 2 weeks", "timed-result", "a time by which results show is a health claim the FTC expects "
        "competent and reliable scientific evidence for", TIMED_INSTEAD)),
    ("The best clinic.", "generic", message(
        5, "best clinic", "superlative-clinic", "calling the clinic the best or leading is a comparison with every "
        "other clinic, which needs evidence", SUPERLATIVE_INSTEAD)),
    ("The best clinic.", "uk", message(
        5, "best clinic", "superlative-clinic", "the CAP Code treats 'the best' or 'leading' as a comparison with "
        "every other clinic, which needs evidence (rules 3.7 and 3.33)", SUPERLATIVE_INSTEAD)),
    ("Our patients say so.", "generic", message(
        1, "Our patients say", "testimonial", "one patient's verdict on their result reads as a promise of what is "
        "typical, and results vary from person to person", TESTIMONIAL_INSTEAD)),
    ("Our patients say so.", "uk", message(
        1, "Our patients say", "testimonial", "the CAP Code requires testimonials to be genuine and not misleading "
        "(rules 3.45 and 3.47), and a patient's verdict is not evidence that a treatment works (rule 12.1)",
        TESTIMONIAL_INSTEAD)),
    ("Our patients say so.", "eu", message(
        1, "Our patients say", "testimonial", "EU medicines-advertising rules forbid misleading claims of recovery and "
        "case histories that could lead to self-diagnosis (Directive 2001/83/EC, article 90(i) and (j))",
        TESTIMONIAL_INSTEAD)),
    ("Our patients say so.", "us", message(
        1, "Our patients say", "testimonial", "under the FTC's Endorsement Guides (16 CFR Part 255) a patient's story "
        "is taken as the typical result, which the clinic must be able to show it is", TESTIMONIAL_INSTEAD)),
    ("Extremely rare.", "generic", message(
        1, "Extremely rare", "understated-risk", "playing risks down stops patients weighing them before they decide",
        RISK_INSTEAD)),
    ("Extremely rare.", "uk", message(
        1, "Extremely rare", "understated-risk", "the ASA's guidance on cosmetic procedures says ads must not play down "
        "their risks or present them as trivial (e.g. 'minimal risk of complications')", RISK_INSTEAD)),
    ("Extremely rare.", "eu", message(
        1, "Extremely rare", "understated-risk", "EU medicines-advertising rules forbid suggesting that a treatment "
        "comes without adverse reactions (Directive 2001/83/EC, article 90(b))", RISK_INSTEAD)),
    ("Extremely rare.", "us", message(
        1, "Extremely rare", "understated-risk", "the FTC expects claims about a health product's safety, like claims "
        "about its benefits, to be backed by scientific evidence", RISK_INSTEAD)),
    ("Completely safe.", "generic", message(
        1, "Completely safe", "safe", "no treatment is safe for everyone; calling it safe hides its real risks",
        SAFE_INSTEAD)),
    ("Completely safe.", "uk", message(
        1, "Completely safe", "safe", "no treatment is safe for everyone; calling it safe hides its real risks, and the "
        "CAP Code (rule 12.9) needs proof before suggesting a treatment is absolutely safe", SAFE_INSTEAD)),
]


@pytest.mark.parametrize("text, preset, expected", MESSAGES, ids=[f"{m[1]}-{m[0][:24]}" for m in MESSAGES])
def test_each_claims_rule_states_its_source_and_a_rewrite(text, preset, expected):
    assert found(text, policy.rules_for(preset)) == [expected]


HONEST = [
    # honest sentences a careful guide writes: no preset may flag them
    "Serious problems are rare.", "Infection is uncommon.", "Very rare side effects can happen.", "Results vary.",
    "Some people notice a change after one session; for others it builds up over the course.",
    "Most people need 4–6 sessions, one every 2 weeks.", "Swelling usually settles within days.",
    "This results in a few days of redness for some people.", "A nurse prescriber carries out the treatment.",
    "The clinic uses licensed medicines in neutral, factual terms.", "The medicine is licensed for this use.",
    "The best next step is a consultation.", "For the best results, follow the aftercare advice.",
    "It is not proven to work for hair loss.", "It has not been proven to reduce cellulite.",
    "These mixes are not clinically proven.", "The evidence is limited.", "Patients often ask about cost.",
    "Redness can spread, leading to swelling.", "The top layer of skin.", "Question number one is cost.",
    "A low risk of infection remains.", "Our clinic is registered with the Care Quality Commission.",
    "A detox diet will not help, and toxins are not the cause.", "Ask us how we keep the risks low.",
]


@pytest.mark.parametrize("text", HONEST)
def test_honest_sentences_are_not_flagged(text):
    for preset in policy.PRESETS:
        assert found(text, policy.rules_for(preset)) == [], preset


def test_no_rewrite_breaks_a_rule_of_its_own_preset():
    """The "write instead" of every rule passes its preset (so pom-brand no longer suggests a euphemism such as
    "muscle-relaxing injections", itself a way of advertising a prescription-only medicine)."""
    for preset in policy.PRESETS:
        rules = policy.rules_for(preset)
        for rule in rules:
            assert found(rule.instead, rules) == [], (preset, rule.id)
            assert "muscle-relaxing" not in rule.instead, (preset, rule.id)


SOURCES = {"uk": ("CAP Code", "ASA"), "eu": ("Directive 2001/83/EC", "EU medicines-advertising rules"),
           "us": ("FTC", "FDA")}


def test_a_presets_own_version_of_a_rule_names_where_it_comes_from():
    generic = {rule.id: rule for rule in GENERIC}
    for preset, sources in SOURCES.items():
        own = [rule for rule in policy.rules_for(preset) if rule.id not in generic or rule.why != generic[rule.id].why]
        for rule in own:
            if rule.id in {"spot-fat-loss", "natural-so-safe", "no-consultation-needed", "better-than"}:
                continue  # older rules that name their source in general words (see EDITING.md)
            assert any(source in rule.why for source in sources), (preset, rule.id, rule.why)
    uk = {rule.id: rule for rule in UK}
    assert "rule 12.12" in uk["pom-brand"].why and "rule 12.12" in uk["pom-euphemism"].why


def test_every_rule_is_prefiltered_by_keywords_and_matched_in_lower_case():
    """The policy runs on every page: each built-in rule has keywords, so a page without them skips the rule."""
    for preset in policy.PRESETS:
        for rule in policy.rules_for(preset):
            assert rule.keywords, (preset, rule.id)
            assert rule.lower_case_regex is not None, (preset, rule.id)


def test_the_same_rule_id_means_the_same_words_in_every_preset_that_has_it():
    """A preset's version of a rule may cite its own code, but it catches the same phrases (so an allow comment
    means the same everywhere), except unlicensed-product in us, which names only what the FDA has warned about, and
    expert-endorsement, whose eu version also covers celebrities as the EU directive does."""
    by_id = {}
    for preset in policy.PRESETS:
        for rule in policy.rules_for(preset):
            if (rule.id, preset) not in {("unlicensed-product", "us"), ("expert-endorsement", "eu")}:
                assert by_id.setdefault(rule.id, rule.patterns) == rule.patterns, (preset, rule.id)
