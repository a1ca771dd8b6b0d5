"""Material's search index as UTF-8 JSON (see hooks/searchindex.py)."""
from __future__ import annotations

import json
from pathlib import Path


def compact_text(text: str) -> str:
    """The index's JSON with non-ASCII letters written as themselves; the same data, the same separators."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


def compact(path: Path) -> bool:
    """Rewrite the index at ``path`` in place, if there is one; whether it was rewritten."""
    if not path.is_file():
        return False
    text = path.read_text(encoding="utf-8")
    smaller = compact_text(text)
    if smaller != text:
        path.write_text(smaller, encoding="utf-8")
    return True
