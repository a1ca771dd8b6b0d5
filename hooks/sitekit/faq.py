"""Parse and check a questions-and-answers page.

Format: one ``# `` title, an optional introduction, then each question as a
``## `` heading ending in ``?`` (in Arabic: ``؟``) followed by its answer (everything up to the
next ``## `` heading). Line numbers count from the top of the file, front
matter included, because that is what the editor sees.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import arabic, htmlscan
from .markdown_text import code_lines, heading_attrs
from .problems import Problem, quote, tag

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_QA = re.compile(r"^\s*(?:[*_]{1,2})?\s*(Q|A|Question|Answer|س|ج|سؤال|جواب|السؤال|الجواب)\s*(?:[*_]{1,2})?\s*[:：]",
                 re.IGNORECASE)

#: The question mark a language's questions end with (``?`` when not listed). Arabic questions end with ``؟``
#: (U+061F) only: a Latin ``?`` in right-to-left text is drawn facing the wrong way.
QUESTION_MARKS = {"ar": "؟"}
_ANY_MARK = ("?", "؟")


_MARK_NAMES = {"?": "a question mark", "؟": "the Arabic question mark"}


def _mark_name(mark: str) -> str:
    return "a question mark" if mark == "?" else f'{_MARK_NAMES[mark]} "{mark}"'


def question_mark(language: str = "en") -> str:
    return QUESTION_MARKS.get((language or "en").split("-")[0].lower(), "?")
_ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class FaqItem:
    question: str
    anchor: str
    answer: str  # Markdown source of the answer
    line: int  # line of the "## " heading in the file


def slugify(text: str, language: str = "en") -> str:
    """A stable, readable anchor for a question: lower case ASCII words joined by hyphens. In a language other
    than English the words keep their own letters (Arabic without its vowel marks and tatweel, so the same
    question typed with or without them has the same anchor): dropping every non-ASCII letter would leave an
    Arabic question nothing to be named by."""
    if (language or "en").split("-")[0].lower() == "en":
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        words = re.findall(r"[a-z0-9]+", text.lower())
    else:
        text = unicodedata.normalize("NFC", arabic.strip_marks(text))
        words = re.findall(r"[^\W_]+", text.lower())
    return "-".join(words) or "question"


def heading_slugify(value: str, separator: str = "-") -> str:
    """The toc extension's ``slugify`` for a build in a language other than English: every heading's anchor keeps
    its own letters (MkDocs' default drops all but ASCII, so Arabic headings would all be ``_1``, ``_2``…), the
    same way :func:`slugify` names an Arabic question. English builds keep MkDocs' default, so no English anchor
    changes."""
    text = unicodedata.normalize("NFC", arabic.strip_marks(value))
    return separator.join(re.findall(r"[^\W_]+", text.lower()))


def toc_settings(mdx_configs: dict, language: str) -> dict:
    """The toc extension's settings for a build in ``language``: :func:`heading_slugify` unless it is English or
    mkdocs.yml names a slugify of its own."""
    toc = dict(mdx_configs.get("toc") or {})
    if (language or "en").split("-")[0].lower() != "en" and "slugify" not in toc:
        toc["slugify"] = heading_slugify
    return toc


def _normalise(question: str) -> str:
    return arabic.normalise(" ".join(question.casefold().split())).rstrip("?؟").strip()


def _has_text(markdown: str) -> bool:
    return bool(re.search(r"\w", _COMMENT.sub("", markdown)))


def parse_faq(text: str, path: str = "docs/faq.md") -> tuple[list[FaqItem], list[Problem]]:
    """Return the page's questions and every problem found (front matter ones too), in file order."""
    from .page import read

    record = read(text, path)
    items, own = record.faq
    return items, sorted(record.front_problems + own, key=lambda p: p.line)


def parse_faq_body(body: str, offset: int, path: str, language: str = "en") -> tuple[list[FaqItem], list[Problem]]:
    """The questions of a FAQ page's body (``offset``: the file line of its first line) and the problems of
    its format, in file order, for a page in ``language``. Used once per page by the page record (sitekit.page)."""
    mark = question_mark(language)
    own_problems: list[Problem] = []
    title_line = None
    intro: list[tuple[int, str]] = []
    sections: list[dict] = []
    qa_lines: list[int] = []
    for index, (line, in_code) in enumerate(code_lines(body)):
        number = offset + index
        heading = None if in_code else _ATX.match(line)
        level = len(heading.group(1)) if heading else 0
        if level == 1:
            heading_text = _ATTR_LIST.sub("", heading.group(2) or "").strip()
            if title_line is None and not sections:
                title_line = number
            else:
                own_problems.append(Problem(
                    path, number, f"second \"# \" title {quote(heading_text)}",
                    'an FAQ page has one "# " title; make this a "## " question ending in "' + mark + '", or remove it'))
            continue
        if level == 2:
            question = _ATTR_LIST.sub("", heading.group(2) or "").strip()
            ids = heading_attrs(heading.group(2) or "")[1]  # its own { #id } (a translation may keep the English one)
            sections.append({"question": question, "line": number, "answer": [], "id": ids[0] if ids else None})
            continue
        if not in_code and _QA.match(line):
            qa_lines.append(number)
        if sections:
            sections[-1]["answer"].append(line)
        else:
            intro.append((number, line))
    if title_line is None:
        own_problems.append(Problem(path, offset, 'the page has no "# " title',
                                'add a first line such as "# Questions and answers"'))
    if qa_lines:
        own_problems.append(Problem(
            path, qa_lines[0],
            f'old "Q:" / "A:" format ({len(qa_lines)} line{"s" if len(qa_lines) != 1 else ""} from line {qa_lines[0]})',
            f'turn each "Q: …" line into a "## …{mark}" heading and delete the "A:" in front of its answer'))
    for number, line in intro:
        sentence = line.strip()
        if sentence.endswith(_ANY_MARK) and not _QA.match(line) and not sentence.startswith(("<!--", ">")):
            own_problems.append(Problem(
                path, number, f"the introduction asks {quote(sentence)}",
                f'make it a question heading: "## {" ".join(sentence.lstrip("#*_ ").split())}" with its answer below'))
    items: list[FaqItem] = []
    seen: dict[str, int] = {}
    anchors: set[str] = set()
    for section in sections:
        question, number = section["question"], section["line"]
        answer = "\n".join(section["answer"]).strip("\n")
        if not question:
            own_problems.append(Problem(path, number, 'a "## " heading has no question',
                                    f'write the question after "## ", ending in "{mark}"'))
            continue
        if mark != "?" and question.endswith("?"):
            own_problems.append(Problem(path, number, f"question {quote(question)} ends with the Latin \"?\"",
                                    f'end it with {_mark_name(mark)} instead (it faces the right '
                                    'way in right-to-left text)'))
        elif not question.endswith(mark):
            own_problems.append(Problem(path, number, f"question {quote(question)} does not end with \"{mark}\"",
                                    f'end the heading with {_mark_name(mark)}; if it is not a question, '
                                    'move it into an answer as plain text'))
        if not _has_text(answer):
            own_problems.append(Problem(path, number, f"question {quote(question)} has no answer",
                                    'write the answer below the heading, before the next "## " heading'))
        key = _normalise(question)
        if key in seen:
            own_problems.append(Problem(path, number, f"question {quote(question)} is already asked on line {seen[key]}",
                                    "delete one of them, or merge the two answers into one"))
            continue
        seen[key] = number
        anchor = base = section["id"] or slugify(question, language)
        counter = 2
        while anchor in anchors and not section["id"]:
            anchor, counter = f"{base}-{counter}", counter + 1
        anchors.add(anchor)
        items.append(FaqItem(question=question, anchor=anchor, answer=answer, line=number))
    if not sections and not qa_lines:
        own_problems.append(Problem(path, title_line or offset, "the FAQ has no questions",
                                f'add each question as a "## " heading ending in "{mark}", with its answer below it'))
    return items, sorted(tag(own_problems, "faq"), key=lambda p: p.line)


def add_anchors(markdown: str, items: list[FaqItem]) -> str:
    """Give each question heading its stable anchor with an attribute list (``{#anchor}``)."""
    by_question = {item.question: item.anchor for item in items}
    out = []
    for line, in_code in code_lines(markdown):
        heading = None if in_code else _ATX.match(line)
        if heading and len(heading.group(1)) == 2:
            raw = heading.group(2) or ""
            question = _ATTR_LIST.sub("", raw).strip()
            if question in by_question and not _ATTR_LIST.search(raw):
                line = f"## {question} {{#{by_question[question]}}}"
        out.append(line)
    return "\n".join(out)


#: End tags that close a block: the text on either side of one is a separate paragraph.
BLOCK_ENDS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "div", "blockquote", "pre", "table",
                        "ul", "ol", "dd", "dt"})


def _headerlink(tag: htmlscan.Token) -> bool:
    """The "¶" permalink that the toc extension adds to each heading: not part of its text."""
    return tag[1] == "a" and "headerlink" in (tag.get("class") or "").split()


def _paragraphs(text: str) -> str:
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def visible_text(page: htmlscan.Scan, start: int, stop: int, drop=None) -> str:
    """Visible text of ``page.html[start:stop]``, blocks separated by a blank line (no permalinks, comments,
    scripts or styles; ``drop(tag)`` true leaves out that element too)."""
    if drop is None:
        leave_out = _headerlink
    else:
        def leave_out(tag):
            return _headerlink(tag) or drop(tag)
    return _paragraphs(htmlscan.text(page, start, stop, breaks=BLOCK_ENDS, drop=leave_out))


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, blocks separated by a blank line."""
    return visible_text(htmlscan.scan(fragment), 0, len(fragment))


def answers_from_html(content: str, items: list[FaqItem]) -> dict[str, str]:
    """Each question's answer as the visitor sees it, cut from the rendered page by anchor: the text after
    each ``<h2 id="…">`` heading up to the next one."""
    page = htmlscan.scan(content)
    tokens = page.tokens
    marks = [(i, tag.get("id")) for i, tag in enumerate(tokens)
             if tag[1] == "h2" and tag[0] == htmlscan.START and tag.get("id")]
    answers = {}
    for number, (i, anchor) in enumerate(marks):
        following = marks[number + 1][0] if number + 1 < len(marks) else len(tokens)
        stop = tokens[following].start if following < len(tokens) else len(content)
        start = tokens[i].end
        for token in tokens[i + 1:following]:
            if token[1] == "h2" and token[0] == htmlscan.END:
                start = token.end
                break
        answers[anchor] = visible_text(page, start, stop)
    return {item.anchor: answers.get(item.anchor, "") for item in items}


def faq_jsonld(items: list[FaqItem], answers: dict[str, str], page_url: str) -> dict:
    """schema.org ``FAQPage`` data built from the parsed questions and the rendered answers."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "@id": f"{page_url}#faq",
        "url": page_url,
        "mainEntity": [
            {
                "@type": "Question",
                "@id": f"{page_url}#{item.anchor}",
                "name": item.question,
                "acceptedAnswer": {"@type": "Answer", "text": answers.get(item.anchor, "")},
            }
            for item in items
        ],
    }


def declares_faq(text: str) -> bool:
    """True when the page's front matter says ``faq: true``, even if the rest of it is broken."""
    from .page import read

    return read(text, "").is_faq
