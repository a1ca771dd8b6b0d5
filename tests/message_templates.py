"""Every message the checks can print, collected from the code (not from a hand-kept list).

A message is the third argument of ``Problem(...)`` (or of ``BuildOutput.link(...)``), the second
of ``Settings.add(path, message, ...)``, or a string returned by ``settings._plain``. f-strings
become templates with "…" where a value goes: f'unknown front matter key "{key}"' is
'unknown front matter key "…"'.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "hooks").rglob("*.py")) + [ROOT / "tools/check.py"]
MESSAGE_ARG = {"Problem": 2, "add": 1, "link": 2}
RETURNS_MESSAGES = {"_plain"}


def template(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "…" for part in node.values)
    return None


def _name(func: ast.AST) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def collect() -> dict[str, list[str]]:
    """{template: [where it is in the code]} for every message with words in it."""
    found: dict[str, list[str]] = {}

    def keep(node, where):
        text = template(node)
        if text is not None and any(ch.isalpha() for ch in text.replace("…", "")):
            found.setdefault(text, []).append(where)

    for source in SOURCES:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        rel = source.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in MESSAGE_ARG:
                index = MESSAGE_ARG[_name(node.func)]
                args = {kw.arg: kw.value for kw in node.keywords}
                arg = node.args[index] if len(node.args) > index else args.get("message")
                if arg is not None:
                    keep(arg, f"{rel}:{node.lineno}")
            if isinstance(node, ast.FunctionDef) and node.name in RETURNS_MESSAGES:
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        keep(inner.value, f"{rel}:{inner.lineno}")
    return found


if __name__ == "__main__":
    for text, where in sorted(collect().items()):
        print(f"{text!r:110} {where[0]}")
