"""Screenshots of the pages a change touches, at phone and desktop size, for staff to see before it goes live.

    python tools/preview_shots.py --site preview/site --out preview [--base origin/main]

With ``--base``, the pages are those whose file changed since that git ref (committed, staged, unstaged or new);
a change to the settings, the theme overrides, the hooks or a shared asset changes every page, so all are shot.
Without it, every page is shot. Each page gives ``OUT/phone/NAME.png`` (390 px wide) and ``OUT/desktop/NAME.png``
(1280 px), full length, and ``OUT/summary.md`` lists them (the pull-request workflow shows it in the job summary
and uploads OUT as an artifact). `make preview-shots` builds the site first. Only loopback is contacted.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from static_server import StaticServer  # noqa: E402

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
#: Files outside docs/ whose change can change how any page looks.
SITE_WIDE = ("mkdocs.yml", "overrides/", "hooks/", "requirements.txt")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@dataclass(frozen=True)
class Plan:
    pages: list[str]  # URLs relative to the site root ("" is the home page), in the order shot
    reason: str  # one line for the summary: why these pages
    removed: list[str]  # docs pages the change deletes (nothing to shoot)


def page_url(src: str) -> str:
    """The built URL of a docs page (MkDocs' use_directory_urls): "index.md" → "", "faq.md" → "faq/"."""
    path = PurePosixPath(src)
    if path.stem == "index":
        parent = path.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return path.with_suffix("").as_posix() + "/"


def plan(changed: list[str] | None, pages: list[str], docs_dir: str = "docs") -> Plan:
    """Which pages to shoot. ``changed``: files changed, relative to the project (None: no base, shoot all);
    ``pages``: the site's Markdown pages relative to ``docs_dir``."""
    everything = [page_url(p) for p in sorted(pages, key=lambda p: (p != "index.md", p))]
    if changed is None:
        return Plan(everything, "every page (no base to compare with)", [])
    prefix = docs_dir.rstrip("/") + "/"
    wide = [f for f in changed if f.startswith(SITE_WIDE) or (f.startswith(prefix) and not f.endswith(".md"))]
    removed = sorted(f[len(prefix):] for f in changed if f.startswith(prefix) and f.endswith(".md")
                     and f[len(prefix):] not in pages)
    if wide:
        shown = ", ".join(wide[:3]) + (f" and {len(wide) - 3} more" if len(wide) > 3 else "")
        return Plan(everything, f"every page: {shown} changed, which can change any page", removed)
    touched = {f[len(prefix):] for f in changed if f.startswith(prefix) and f.endswith(".md")} & set(pages)
    chosen = [page_url(p) for p in sorted(touched, key=lambda p: (p != "index.md", p))]
    reason = f"the {len(chosen)} page{'s' if len(chosen) != 1 else ''} this change edits" if chosen else \
        "none: the change touches no page of the site"
    return Plan(chosen, reason, removed)


def changed_files(base: str, cwd: Path) -> list[str]:
    """Files that differ from ``base`` (committed since it, staged, unstaged) plus untracked ones."""
    def git(*args: str) -> list[str]:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
        if out.returncode:
            sys.exit(f"git {' '.join(args)} failed: {out.stderr.strip()}")
        return [line for line in out.stdout.splitlines() if line]
    since = git("merge-base", base, "HEAD")[0]
    return sorted(set(git("diff", "--name-only", since)) | set(git("ls-files", "--others", "--exclude-standard")))


def chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                      shutil.which("chromium"), shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file():
            return candidate
    sys.exit("Chromium is needed for the screenshots: `make test-system` installs it (Debian package 'chromium')")


def name_of(url: str) -> str:
    return url.strip("/").replace("/", "--") or "home"


def shoot(site: Path, urls: list[str], out: Path, browser=None) -> list[dict]:
    """Full-length screenshots of ``urls`` of the built ``site`` at each size; returns one entry per page.
    ``browser``: a Playwright browser to use (the tests pass theirs); by default Chromium is started here."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            try:
                return shoot(site, urls, out, browser)
            finally:
                browser.close()
    server = StaticServer(site)
    server.start_in_thread()
    shots: dict[str, dict] = {}
    try:
        for size, (width, height) in SIZES.items():
            (out / size).mkdir(parents=True, exist_ok=True)
            context = browser.new_context(viewport={"width": width, "height": height},
                                          color_scheme="light", reduced_motion="reduce")
            page = context.new_page()
            for url in urls:
                response = page.goto(server.url + url)
                page.wait_for_load_state("load")
                page.evaluate("document.fonts.ready")
                file = out / size / f"{name_of(url)}.png"
                page.screenshot(path=str(file), full_page=True)
                entry = shots.setdefault(url, {"url": url, "status": response.status if response else None})
                entry[size] = file.relative_to(out).as_posix()
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return list(shots.values())


def summary(result: Plan, shots: list[dict]) -> str:
    lines = ["## Preview of this change", ""]
    if shots:
        lines += [f"Screenshots of {result.reason}, at phone ({SIZES['phone'][0]} px) and desktop "
                  f"({SIZES['desktop'][0]} px) width. They are in the **preview** artifact of this run (with the "
                  "built site in `site/`): download it, unzip it and open the pictures.", ""]
    else:
        lines += [f"No screenshots: {result.reason}. The built site is in the **preview** artifact (`site/`).", ""]
    if shots:
        lines += ["| Page | Phone | Desktop |", "|---|---|---|"]
        for shot in shots:
            flag = "" if shot["status"] == 200 else f" (HTTP {shot['status']})"
            lines.append(f"| `/{shot['url']}`{flag} | `{shot['phone']}` | `{shot['desktop']}` |")
    if result.removed:
        lines += ["", "Pages removed by this change: " + ", ".join(f"`docs/{p}`" for p in result.removed)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("preview/site"), help="the built site")
    parser.add_argument("--out", type=Path, default=Path("preview"), help="where the pictures and summary go")
    parser.add_argument("--base", help="git ref to compare with (default: shoot every page)")
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site}/index.html is missing: build the site first (make preview-shots does)")
    pages = sorted(p.relative_to(args.docs).as_posix() for p in args.docs.rglob("*.md"))
    root = Path.cwd()
    result = plan(changed_files(args.base, root) if args.base else None, pages, args.docs.as_posix())
    for size in SIZES:
        shutil.rmtree(args.out / size, ignore_errors=True)
    shots = shoot(args.site, result.pages, args.out) if result.pages else []
    text = summary(result, shots)
    (args.out / "summary.md").write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
