"""How the browser first paints our pages on a slow phone: does the page's text come in the first paint, or after?

Builds the site (the preview, as `make serve` shows it) into a temporary folder, serves it on loopback with gzip
(tools/static_server.py) and loads each page several times in Debian's Chromium with a slow phone's settings
(Chrome DevTools' "Slow 4G": 150 ms latency, 1.6 Mbit/s down; CPU 4× slower; no cache). For each page it prints
the median first contentful paint, the median largest contentful paint, and in how many loads the largest
element (the text) was painted after the first paint rather than in it, with by how much.

    .venv/bin/python tools/first_paint.py [--loads N] [--site FOLDER] [PAGE ...]

PAGE is a path such as "" (the home page), "side-effects/" or "ar/"; by default the home page, a long page and
each other language's home page. --site measures a folder already built instead of building one.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark import CHROME_PATH, ROOT, build, load_config, other_languages  # noqa: E402
from static_server import StaticServer  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
# The paint entries of the page just loaded: [first contentful paint, [[start of each LCP candidate, its size]]].
PAINTS = """() => new Promise(done => { const lcp = [];
  new PerformanceObserver(list => { for (const e of list.getEntries()) lcp.push([e.startTime, e.size]); })
    .observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => done([performance.getEntriesByName('first-contentful-paint')[0].startTime, lcp]), 100); })"""


def default_pages() -> list[str]:
    return ["", "side-effects/", *(f"{code}/" for code in other_languages(load_config(ROOT / "mkdocs.yml")))]


def measure(site: Path, pages: list[str], loads: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    server = StaticServer(site)
    server.start_in_thread()
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROME_PATH, args=FLAGS)
            context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                                          is_mobile=True, has_touch=True)
            page = context.new_page()
            devtools = context.new_cdp_session(page)
            devtools.send("Network.enable")
            devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
            devtools.send("Network.emulateNetworkConditions", SLOW_4G)
            devtools.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            for path in pages:
                fcp, lcp, later = [], [], []
                for _ in range(loads):
                    page.goto(server.url + path, wait_until="load")
                    page.wait_for_timeout(300)
                    first, candidates = page.evaluate(PAINTS)
                    fcp.append(first)
                    lcp.append(candidates[-1][0])
                    later.append(candidates[-1][0] - first)
                rows.append({"page": "/" + path, "fcp": statistics.median(fcp), "lcp": statistics.median(lcp),
                             "later": [round(d) for d in later if d > 0]})
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="paths to load (default: home, side-effects/, each language's home)")
    parser.add_argument("--loads", type=int, default=12, help="loads of each page (default 12)")
    parser.add_argument("--site", type=Path, help="a built site to measure instead of building one")
    args = parser.parse_args(argv)
    pages = args.pages or default_pages()
    with tempfile.TemporaryDirectory(prefix="first-paint-") as folder:
        site = args.site
        if site is None:  # the preview, as tools/benchmark.py builds it (the development receiver allowed)
            site = Path(folder) / "site"
            build(ROOT / "mkdocs.yml", site)
        rows = measure(site, pages, args.loads)
    print(f"Slow 4G (150 ms, 1.6 Mbit/s), CPU {CPU_SLOWDOWN}× slower, no cache; {args.loads} loads a page, medians:")
    for row in rows:
        late = row["later"]
        print(f"  {row['page']:<16} FCP {row['fcp']:5.0f} ms  LCP {row['lcp']:5.0f} ms  text after the first paint in "
              f"{len(late):2} of {args.loads} loads" + (f" (by {min(late)}–{max(late)} ms)" if late else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
