"""Table-driven tests: a Text value (from mkdocs.yml or front matter) prints as text in every way a
Jinja template can print it, exactly once escaped, and stays plain text for Python and JSON."""
import json

import jinja2
import pytest
from markupsafe import Markup

from sitekit.escape import Text, as_text, chain_finalize, finalize, striptags

VALUE = "Before <b>and</b> after & more"
ESCAPED = "Before &lt;b&gt;and&lt;/b&gt; after &amp; more"


def environment(previous_finalize=None) -> jinja2.Environment:
    env = jinja2.Environment(finalize=previous_finalize)   # autoescape off, like mkdocs-material's
    env.finalize = chain_finalize(env.finalize)
    env.filters["striptags"] = striptags
    return env


@pytest.mark.parametrize("template, expected", [
    pytest.param("{{ v }}", ESCAPED, id="plain"),
    pytest.param("{{ v | e }}", ESCAPED, id="escaped-once"),
    pytest.param("{{ v | d('x', true) }}", ESCAPED, id="default-filter"),
    pytest.param("{% autoescape true %}{{ v }}{% endautoescape %}", ESCAPED, id="autoescape-block"),
    pytest.param("{% autoescape true %}{{ v | e }}{% endautoescape %}", ESCAPED, id="autoescape-and-e"),
    pytest.param("{{ v | striptags }}", "Before and after &amp; more", id="striptags"),
    pytest.param("{{ v | striptags | e }}", "Before and after &amp; more", id="striptags-then-e"),
    pytest.param("{{ v | tojson }}", '"Before \\u003cb\\u003eand\\u003c/b\\u003e after \\u0026 more"', id="tojson-is-plain-text"),
    pytest.param('<a title="{{ v }}">', f'<a title="{ESCAPED}">', id="attribute"),
])
def test_text_prints_as_text(template, expected):
    assert environment().from_string(template).render(v=as_text(VALUE)) == expected


@pytest.mark.parametrize("template, value, expected", [
    pytest.param("{{ v }}", "<p>page content</p>", "<p>page content</p>", id="html-str-untouched"),
    pytest.param("{{ v }}", Markup("<em>safe</em>"), "<em>safe</em>", id="markup-untouched"),
    pytest.param("{{ v }}", 3, "3", id="number"),
    pytest.param("{{ v }}", None, "None", id="none"),
    pytest.param("{{ v | striptags }}", "<p>a &amp; b</p>", "a & b", id="striptags-on-html"),
])
def test_other_values_print_as_before(template, value, expected):
    assert environment().from_string(template).render(v=value) == expected


def test_text_is_the_plain_string_to_python_and_json():
    text = as_text(VALUE)
    assert isinstance(text, Text) and text == VALUE and str(text) == VALUE
    assert json.dumps({"name": text}) == json.dumps({"name": VALUE})
    assert text.__html__() == ESCAPED and finalize(text) == ESCAPED


@pytest.mark.parametrize("value", [None, 5, ["a"], Markup("<b>")])
def test_as_text_leaves_non_strings_and_markup_alone(value):
    assert as_text(value) is value


def test_existing_finalize_still_runs_and_is_not_stacked():
    env = environment(previous_finalize=lambda v: "(empty)" if v == "" else v)
    assert env.from_string("{{ a }}|{{ b }}").render(a="", b=as_text("<i>")) == "(empty)|&lt;i&gt;"
    assert chain_finalize(env.finalize) is env.finalize
