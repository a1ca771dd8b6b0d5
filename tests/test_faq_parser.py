"""Table-driven tests of the FAQ parser: every mistake, its exact message and its line."""
import pytest

from sitekit.faq import add_anchors, answers_from_html, declares_faq, faq_jsonld, parse_faq, slugify

FM = "---\ntitle: Questions\nfaq: true\n---\n"  # 4 lines, so the body starts on line 5


def messages(text):
    _, problems = parse_faq(text, "docs/faq.md")
    return [str(p) for p in problems]


GOOD = FM + "# Questions\n\nShort intro.\n\n## Does it hurt?\n\nA little.\n\n## How many sessions?\n\nUsually 4–6.\n"


def test_good_faq_has_items_anchors_and_lines():
    items, problems = parse_faq(GOOD, "docs/faq.md")
    assert problems == []
    assert [(i.question, i.anchor, i.answer, i.line) for i in items] == [
        ("Does it hurt?", "does-it-hurt", "A little.", 9),
        ("How many sessions?", "how-many-sessions", "Usually 4–6.", 13),
    ]


CASES = [
    pytest.param(
        FM + "# Questions\n\nJust an intro.\n",
        ['docs/faq.md:5: the FAQ has no questions — add each question as a "## " heading ending in "?", with its answer below it'],
        id="no-questions"),
    pytest.param(
        FM + "# Questions\n\n## How many sessions\n\nUsually 4–6.\n",
        ['docs/faq.md:7: question "How many sessions" does not end with "?" — end the heading with a question mark; '
         'if it is not a question, move it into an answer as plain text'],
        id="no-question-mark"),
    pytest.param(
        FM + "# Questions\n\n## Does it hurt?\n\n## How many sessions?\n\nUsually 4–6.\n",
        ['docs/faq.md:7: question "Does it hurt?" has no answer — write the answer below the heading, '
         'before the next "## " heading'],
        id="empty-answer"),
    pytest.param(
        FM + "# Questions\n\n## Does it hurt?\n\n<!-- todo -->\n\n## Next?\n\nYes.\n",
        ['docs/faq.md:7: question "Does it hurt?" has no answer — write the answer below the heading, '
         'before the next "## " heading'],
        id="answer-only-a-comment"),
    pytest.param(
        FM + "# Questions\n\n## Does it hurt?\n\nA little.\n\n##   does IT   hurt ?\n\nSame.\n",
        ['docs/faq.md:11: question "does IT hurt ?" is already asked on line 7 — delete one of them, '
         'or merge the two answers into one'],
        id="duplicate-case-and-spacing"),
    pytest.param(
        FM + "# Questions\n\n## Does it hurt?\n\nA little.\n\n# More questions\n\n## Is it quick?\n\nYes.\n",
        ['docs/faq.md:11: second "# " title "More questions" — an FAQ page has one "# " title; make this a "## " '
         'question ending in "?", or remove it'],
        id="second-title"),
    pytest.param(
        FM + "# Questions\n\nIs it right for me?\n\n## Does it hurt?\n\nA little.\n",
        ['docs/faq.md:7: the introduction asks "Is it right for me?" — make it a question heading: '
         '"## Is it right for me?" with its answer below'],
        id="question-in-intro"),
    pytest.param(
        FM + "# Questions\n\nQ: Does it hurt?\nA: A little.\n\nQ: How many?\nA: 4–6.\n",
        ['docs/faq.md:7: old "Q:" / "A:" format (4 lines from line 7) — turn each "Q: …" line into a "## …?" '
         'heading and delete the "A:" in front of its answer'],
        id="old-qa-format"),
    pytest.param(
        FM + "# Questions\n\n## Does it hurt?\n\n**Q:** really?\n**A:** yes\n",
        ['docs/faq.md:9: old "Q:" / "A:" format (2 lines from line 9) — turn each "Q: …" line into a "## …?" '
         'heading and delete the "A:" in front of its answer'],
        id="old-qa-bold-inside-answer"),
    pytest.param(
        "---\ntitle: Questions\nfaq: true\ndescription: [unclosed\n---\n# Questions\n\n## Does it hurt?\n\nA little.\n",
        ['docs/faq.md:4: the front matter is not valid YAML (expected \',\' or \']\', but got \'<stream end>\'), '
         'noticed on line 5 — '
         'write each entry as "key: value" on its own line, and put quotes around a value that contains a colon '
         'or starts with a special character'],
        id="broken-yaml"),
    pytest.param(
        FM + "Intro without title.\n\n## Does it hurt?\n\nA little.\n",
        ['docs/faq.md:5: the page has no "# " title — add a first line such as "# Questions and answers"'],
        id="no-title"),
    pytest.param(
        FM + "# Questions\n\n##\n\nSomething.\n\n## Fine?\n\nYes.\n",
        ['docs/faq.md:7: a "## " heading has no question — write the question after "## ", ending in "?"'],
        id="empty-heading"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_each_mistake_is_reported_with_line_and_fix(text, expected):
    assert messages(text) == expected


def test_every_problem_is_reported_in_one_run():
    text = FM + "# Questions\n\nWhy read this?\n\n## One\n\nA.\n\n## Two?\n\n## two?\n\nB.\n\n# Again\n"
    lines = [p.line for p in parse_faq(text, "docs/faq.md")[1]]
    assert lines == [7, 9, 13, 15, 19]


def test_headings_inside_code_blocks_are_not_questions():
    text = FM + "# Questions\n\n## Is it code?\n\n```md\n# not a title\n## Not a question\nQ: not old format\n```\n"
    items, problems = parse_faq(text, "docs/faq.md")
    assert problems == []
    assert [i.question for i in items] == ["Is it code?"]


def test_crlf_line_endings_count_the_same_lines():
    items, problems = parse_faq(GOOD.replace("\n", "\r\n"), "docs/faq.md")
    assert problems == [] and [i.line for i in items] == [9, 13]


@pytest.mark.parametrize("question, anchor", [
    ("Does mesotherapy hurt?", "does-mesotherapy-hurt"),
    ("Is it OK if I’m 18?", "is-it-ok-if-im-18"),
    ("Crème or injection — which?", "creme-or-injection-which"),
    ("???", "question"),
])
def test_slugify_is_stable_and_ascii(question, anchor):
    assert slugify(question) == anchor


def test_add_anchors_writes_attribute_lists_once():
    items, _ = parse_faq(GOOD, "docs/faq.md")
    body = GOOD.split("---\n", 2)[2]
    out = add_anchors(body, items)
    assert "## Does it hurt? {#does-it-hurt}" in out
    assert "## How many sessions? {#how-many-sessions}" in out
    assert add_anchors(out, items) == out


def test_jsonld_uses_rendered_answers():
    items, _ = parse_faq(GOOD, "docs/faq.md")
    html = ('<h1 id="questions">Questions</h1><p>Short intro.</p>'
            '<h2 id="does-it-hurt">Does it hurt?<a class="headerlink" href="#does-it-hurt">¶</a></h2><p>A <em>little</em>.</p>'
            '<h2 id="how-many-sessions">How many sessions?</h2><p>Usually 4–6.</p><ul><li>Then maintenance.</li></ul>')
    answers = answers_from_html(html, items)
    assert answers == {"does-it-hurt": "A little.", "how-many-sessions": "Usually 4–6.\n\nThen maintenance."}
    data = faq_jsonld(items, answers, "https://x.example/faq/")
    assert data["@type"] == "FAQPage"
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]] == [
        ("Does it hurt?", "A little."), ("How many sessions?", "Usually 4–6.\n\nThen maintenance.")]


@pytest.mark.parametrize("text, expected", [
    ("---\nfaq: true\n---\n", True),
    ("---\ntitle: x\nfaq: yes\ndescription: [broken\n---\n", True),
    ("---\ntitle: x\n---\nfaq: true\n", False),
    ("# no front matter\n", False),
])
def test_declares_faq_survives_broken_yaml(text, expected):
    assert declares_faq(text) is expected
