"""`make links`: list every external link in docs/ and ask each address whether it still answers.

Optional and needs the internet, so it never runs in CI or in the tests (only
:func:`external_links`, which reads the files, is tested). Internal links and
anchors are checked by `make check` (the strict build) instead.

    python tools/links.py [--list] [--project DIR]

--list only prints the links, without going online.
"""
from __future__ import annotations

import argparse
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sitekit.markdown_text import blank_code, blank_comments  # noqa: E402

_URL = re.compile(r"https?://[^\s)>\]\"'`]+", re.IGNORECASE)


def external_links(text: str) -> list[tuple[int, int, str]]:
    """(line, column, address) of each http(s) address outside code and comments."""
    searchable = blank_comments(blank_code(text))
    found = []
    for match in _URL.finditer(searchable):
        url = match.group(0).rstrip(".,;:!?")
        at = match.start()
        found.append((text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1, url))
    return found


def status(url: str, timeout: float = 10) -> str | None:
    """None if the address answers, else what went wrong."""
    headers = {"User-Agent": "clinic-site-link-check/1.0"}
    for method in ("HEAD", "GET"):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method=method, headers=headers), timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue  # some servers refuse HEAD; ask again with GET
            return f"answered {error.code} {error.reason}"
        except (urllib.error.URLError, OSError) as error:
            return f"could not be reached ({getattr(error, 'reason', error)})"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List and test the external links in docs/ (needs the internet).")
    parser.add_argument("--list", action="store_true", help="only list the links")
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    broken = 0
    for page in sorted((args.project / "docs").rglob("*.md")):
        path = page.relative_to(args.project).as_posix()
        for line, col, url in external_links(page.read_text(encoding="utf-8")):
            if args.list:
                print(f"{path}:{line}:{col}: {url}")
                continue
            problem = status(url)
            if problem:
                broken += 1
                print(f"{path}:{line}:{col}: {url} {problem} — check the address in a browser and correct or remove it")
            else:
                print(f"{path}:{line}:{col}: {url} ok")
    if not args.list:
        print(f"{broken} broken external link{'s' if broken != 1 else ''}.")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
