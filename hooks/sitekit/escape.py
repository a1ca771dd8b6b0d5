"""Text from mkdocs.yml and front matter stays text wherever a template prints it.

mkdocs-material's templates print titles and the site name without escaping (its Jinja
environment has autoescape off), so ``title: Before <b>& after</b>`` would become markup.
Rather than copy and maintain Material's templates, such values are marked as :class:`Text`
and the environment's ``finalize`` escapes a Text exactly once wherever it is printed:

- ``{{ value }}`` with autoescape off or on, ``{{ value | e }}`` and ``{{ value | d(...) }}``
  all print ``&lt;b&gt;`` (a Text also has ``__html__``, so escaping it twice cannot happen);
- ``{{ value | striptags }}`` stays Text (see :func:`striptags`), so it is escaped too;
- to Python and to JSON (``tojson``, JSON-LD) a Text is the plain string. (Material's search
  index takes titles from the rendered headings, which Python-Markdown has escaped already.)
"""
from __future__ import annotations

from typing import Any, Callable

from jinja2.filters import do_striptags
from markupsafe import Markup, escape


class Text(str):
    """A plain-text value that templates must escape."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return escape(str.__str__(self))


def as_text(value: Any) -> Any:
    """Mark a string as Text; leave None, markup and other types alone."""
    if isinstance(value, str) and not isinstance(value, (Text, Markup)):
        return Text(value)
    return value


def finalize(value: Any) -> Any:
    """Jinja ``finalize``: escape Text once; every other value is printed as before."""
    if isinstance(value, Text):
        return value.__html__()
    return value


def chain_finalize(previous: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """A finalize that escapes Text, then applies an environment's existing finalize (if any)."""
    if previous is None or getattr(previous, "escapes_text", False):
        return previous or finalize

    def both(value: Any) -> Any:
        return previous(finalize(value))

    both.escapes_text = True  # type: ignore[attr-defined]
    return both


def striptags(value: Any) -> Any:
    """Jinja's striptags, except that Text stays Text (Jinja's version would unescape it)."""
    if isinstance(value, Text):
        return Text(do_striptags(str.__str__(value)))
    return do_striptags(value)

