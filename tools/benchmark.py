"""Benchmark: Lighthouse scores, build times and live-reload time, ours beside plain mkdocs-material.

Run with `make benchmark` (installs Lighthouse from tools/benchmark/package-lock.json first) or
`.venv/bin/python tools/benchmark.py [--quick] [--skip-lighthouse] [--skip-build] [--skip-serve]`.
Prints one table and writes the raw figures to test-artifacts/benchmark.json (or --out).

1. Lighthouse (mobile, default simulated throttling) on every page of our built site, served with gzip
   on loopback (tools/static_server.py), and on a plain mkdocs-material build of the same Markdown
   (default theme settings, no hooks, no overrides, no extra CSS; same nav and Markdown extensions).
   Chromium may only reach 127.0.0.1: any other host fails to resolve and is counted as a third-party
   request (plain Material asks Google Fonts for Roboto; those requests fail here, so the reference is
   spared the fonts' bytes and time).
2. Build time (`mkdocs build`, CPU time, median of several interleaved runs): the guide with our hooks
   and overrides versus the same mkdocs.yml without them; a synthetic site made from the guide's pages
   at 100 and 1,000 pages: our configuration versus plain Material with navigation.prune (and plain
   Material without it at 1,000 pages for reference). Ours is timed twice: "cold", with the hooks' cache
   (.cache/ beside the configuration) deleted before each build, as on a first build or in CI, and
   "warm", right after a cold build, as on every rebuild.
3. `mkdocs serve --livereload`: seconds from saving one page to the server handing out the changed page
   (waits on the livereload endpoint, then fetches the page).

Nothing here depends on which hooks mkdocs.yml lists: the "without hooks" variants drop `hooks:` and
`theme.custom_dir` from a copy of the configuration.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from static_server import StaticServer  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from sitekit.settings import in_language  # noqa: E402
from sitekit.topics import BY_ID as TOPICS  # noqa: E402

LIGHTHOUSE_DIR = ROOT / "tools" / "benchmark"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update",
                # Nothing leaves the machine: every host but loopback fails to resolve.
                '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"']
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Build-time targets (CPU time, ours over the reference): the guide within 1.25 with a cold cache and 1.10 with a
# warm one; the synthetic sites within 1.25 (shown cold and warm); a serve rebuild within 1.25.
TARGETS = {"score": 100, "lcp_s": 1.2, "guide_cold": 1.25, "guide_warm": 1.10, "synthetic": 1.25, "growth": 11.0,
           "serve_ratio": 1.25}
COLD = "-cold"  # a variant whose name ends so is built with the hooks' cache deleted first
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Builds run as in an ordinary Python environment: Python keeps the compiled form of our hooks in __pycache__,
# as pip did for MkDocs' and Material's modules when it installed them (PYTHONDONTWRITEBYTECODE, which some
# sandboxes set, would make every build compile hooks/ from source again, about 45 ms, and only ours).
BASE_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
BASE_ENV.update(NO_MKDOCS_2_WARNING="1", ALLOW_DEV_RECEIVER="1")
BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


# ----------------------------------------------------------------------------- configurations

def load_config(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml_load(handle)


def write_config(path: Path, config: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def other_languages(base: dict) -> list[str]:
    """The codes of extra.languages after the first (their pages are in docs/CODE/)."""
    entries = (base.get("extra") or {}).get("languages") or []
    return [str(entry["code"]) for entry in entries[1:] if isinstance(entry, dict) and entry.get("code")]


def ours_config(base: dict, root: Path, docs_dir: Path, site_url: str, nav=None, not_in_nav=None,
                one_language: bool = False) -> dict:
    """Our mkdocs.yml with absolute paths (so it can live anywhere), a given docs folder and address;
    ``one_language``: without extra.languages (the synthetic sites are the default language's pages only)."""
    config = json.loads(json.dumps(base))
    if one_language:
        codes = [entry.get("code") for entry in config.get("extra", {}).pop("languages", None) or []]
        config["extra"] = in_language(config.get("extra", {}), codes)
    config["docs_dir"] = str(docs_dir)
    config["site_url"] = site_url
    config["hooks"] = [str(root / hook) for hook in config.get("hooks") or []]
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(root / theme["custom_dir"])
    config["watch"] = [str(root / folder) for folder in config.get("watch") or []]
    if nav is not None:
        config["nav"] = nav
    if not_in_nav is not None:
        config["not_in_nav"] = not_in_nav
    return config


def without_hooks_config(ours: dict) -> dict:
    """The same configuration with our hooks and theme overrides (and their CSS) switched off."""
    config = json.loads(json.dumps(ours))
    config.pop("hooks", None)
    config.pop("watch", None)
    config.pop("extra_css", None)
    config.get("theme", {}).pop("custom_dir", None)
    return config


def plain_material_config(ours: dict, features: list[str] | None = None) -> dict:
    """Plain mkdocs-material: default theme settings, search, same content, nav and Markdown extensions."""
    theme: dict = {"name": "material"}
    if features:
        theme["features"] = features
    config = {key: ours[key] for key in ("site_name", "site_description", "site_url", "copyright", "docs_dir")
              if key in ours}
    config.update(theme=theme, plugins=["search"], markdown_extensions=ours.get("markdown_extensions") or [])
    for key in ("nav", "not_in_nav", "validation"):
        if key in ours:
            config[key] = ours[key]
    return config


# ----------------------------------------------------------------------------- helpers

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(config_file: Path, site_dir: Path) -> tuple[float, float, float | None]:
    """Run `mkdocs build` once; return (wall seconds, CPU seconds, MkDocs' own "built in" seconds)."""
    command = [*MKDOCS, "build", "-f", str(config_file), "-d", str(site_dir)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config_file.parent, env=BASE_ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build -f {config_file} failed:\n{result.stderr[-3000:]}")
    found = BUILT_IN.search(result.stderr + result.stdout)
    return wall, cpu, float(found.group(1)) if found else None


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def build_all(config_files: Path | tuple[Path, ...], site_dir: Path) -> tuple[float, float, float | None]:
    """One variant's build: one configuration, or several built one after the other (one site per language),
    their times added up."""
    if isinstance(config_files, Path):
        return build(config_files, site_dir)
    results = [build(config_file, site_dir / str(i)) for i, config_file in enumerate(config_files)]
    built = [r[2] for r in results]
    return (sum(r[0] for r in results), sum(r[1] for r in results),
            sum(built) if all(b is not None for b in built) else None)


def time_builds(variants: dict[str, Path | tuple[Path, ...]], repeats: int, work: Path, label: str) -> dict:
    """Build each variant `repeats` times, interleaved, after one warm-up build each; medians."""
    runs: dict[str, dict[str, list]] = {name: {"wall": [], "cpu": [], "built_in": []} for name in variants}
    for name, config_file in variants.items():  # warm-up: file cache, .pyc files
        build_all(config_file, work / f"site-{name}")
    for round_number in range(repeats):
        for name, config_file in variants.items():
            if name.endswith(COLD):
                shutil.rmtree(config_file.parent / ".cache", ignore_errors=True)
            wall, cpu, built_in = build_all(config_file, work / f"site-{name}")
            runs[name]["wall"].append(round(wall, 3))
            runs[name]["cpu"].append(round(cpu, 3))
            runs[name]["built_in"].append(built_in)
            print(f"  {label}: {name} run {round_number + 1}/{repeats}: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)
    return {name: {**r, "median_wall": median(r["wall"]), "median_cpu": median(r["cpu"]),
                   "median_built_in": median(r["built_in"])}
            for name, r in runs.items()}


def count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


# ----------------------------------------------------------------------------- synthetic site

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
PROCEDURE_MARK = re.compile(r"\s*\{[^}\n]*data-procedure=[^}\n]*\}")


def front_matter(text: str) -> dict:
    found = FRONT_MATTER.match(text)
    return (yaml.safe_load(found.group(1)) or {}) if found else {}


def nav_files(nav) -> list[str]:
    files = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        files.extend(nav_files(value) if isinstance(value, list) else [value])
    return files


def nav_title(nav, file: str) -> str | None:
    for item in nav or []:
        if isinstance(item, dict):
            (title, value), = item.items()
            if value == file:
                return title
            if isinstance(value, list) and (found := nav_title(value, file)):
                return found
    return None


def retitle(text: str, title: str) -> str:
    """Give a copy of a page its own title (front matter and first heading) and no one-per-site marks."""
    text = re.sub(r"(?m)^title:.*$", "title: " + json.dumps(title, ensure_ascii=False), text, count=1)
    text = re.sub(r"(?m)^# .*$", "# " + title, text, count=1)
    # A required topic's section is one page's (its id is the section's address): a copy's sections get ids of
    # their own, and the copy's links to them follow (links to another page's section, "page.md#id", do not).
    for topic in TOPICS:
        text = re.sub(r"(?<!\.md)#" + re.escape(topic) + r"(?![\w-])", f"#{topic}-copy", text)
    return PROCEDURE_MARK.sub("", text)


def group_nav(entries: list, size: int = 10, prefix: str = "Section") -> list:
    """Nest a long list of nav entries into sections of at most `size` (recursively)."""
    if len(entries) <= size:
        return entries
    chunk = -(-len(entries) // size)  # ceil: at most `size` sections of `chunk` entries
    sections = []
    for number, start in enumerate(range(0, len(entries), chunk), 1):
        name = f"{prefix} {number}"
        sections.append({name: group_nav(entries[start:start + chunk], size, name + ".")})
    return sections


def make_synthetic(pages: int, base: dict, target: Path) -> tuple[list, list[str]]:
    """docs/ with `pages` pages made from the guide's: the home, FAQ, booking, thank-you and privacy
    pages once (the hooks allow one of each), every other guide page copied with a unique title and
    slug (the first copy keeps its name so the guide's links resolve). Returns (nav, not_in_nav)."""
    docs = ROOT / base.get("docs_dir", "docs")
    if target.exists():
        shutil.rmtree(target)
    # The default language's pages only (the other languages' folders, docs/CODE/, stay out: see ours_config).
    others = set(other_languages(base))
    shutil.copytree(docs, target, ignore=lambda folder, names: [
        name for name in names if name.endswith(".md") or (Path(folder) == docs and name in others)])
    booking = (base.get("extra") or {}).get("booking") or {}
    in_nav = nav_files(base.get("nav"))
    sources = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                     if p.relative_to(docs).parts[0] not in others)
    defaults = {"page": "book.md", "thank_you_page": "thank-you.md", "privacy_page": "privacy.md"}  # README
    single = {"index.md", *(booking.get(key, default) for key, default in defaults.items())}
    for name in sources:
        meta = front_matter((docs / name).read_text(encoding="utf-8"))
        if meta.get("faq") is True or meta.get("booking") is True or name not in in_nav:
            single.add(name)
    single &= set(sources)
    copyable = [name for name in in_nav if name not in single and name in sources]
    if not copyable or pages < len(single) + len(copyable):
        raise SystemExit(f"cannot make a {pages}-page site from {len(single)} single and {len(copyable)} copyable pages")
    for name in single:
        shutil.copy2(docs / name, target / name)
    entries = []
    for number in range(pages - len(single)):
        name = copyable[number % len(copyable)]
        copy = number // len(copyable)
        text = (docs / name).read_text(encoding="utf-8")
        title = front_matter(text).get("title") or nav_title(base.get("nav"), name) or name
        slug = name
        if copy > 0:
            slug = f"{name[:-3]}-{copy:04d}.md"
            title = f"{title} (copy {copy})"
            text = retitle(text, title)
        (target / slug).write_text(text, encoding="utf-8")
        entries.append({title: slug})
    top = [item for item in base.get("nav") or [] if isinstance(item, dict) and next(iter(item.values())) in single]
    not_in_nav = "\n".join("/" + name for name in sorted(single - set(in_nav))) + "\n"
    return top + group_nav(entries), not_in_nav


# ----------------------------------------------------------------------------- 1. Lighthouse

def site_pages(site_dir: Path) -> list[str]:
    paths = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in paths]


def lighthouse(url: str, out: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}", "--form-factor=mobile",
               "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=" + " ".join(CHROME_FLAGS)]
    result = subprocess.run(command, cwd=LIGHTHOUSE_DIR, env=dict(os.environ, CHROME_PATH=CHROME_PATH),
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not out.is_file():
        return {"url": url, "error": (result.stderr or result.stdout)[-2000:]}
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    requests = [item for item in audits["network-requests"]["details"]["items"]
                if urlsplit(item["url"]).scheme in ("http", "https", "ws", "wss")]
    third = [item["url"] for item in requests if "{0.scheme}://{0.netloc}".format(urlsplit(item["url"])) != origin]
    scores = {name: (round(report["categories"][name]["score"] * 100)
                     if report["categories"][name]["score"] is not None else None) for name in CATEGORIES}
    below = {name: [ref["id"] for ref in audit["auditRefs"]
                    if ref["weight"] and (audits[ref["id"]].get("score") is not None) and audits[ref["id"]]["score"] < 1]
             for name, audit in report["categories"].items()}
    return {
        "url": url, "scores": scores,
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 3),
        "bytes": int(audits["total-byte-weight"]["numericValue"]),
        "requests": len(requests), "third_party": len(third), "third_party_urls": third,
        "failed_requests": sum(1 for item in requests if item.get("statusCode", 0) < 0),
        "audits_below_1": below, "runtime_error": report.get("runtimeError"),
        "lighthouse": report.get("lighthouseVersion"), "user_agent": report.get("userAgent"),
        "warnings": report.get("runWarnings"),
    }


def run_lighthouse(base: dict, work: Path, quick: bool) -> dict:
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make benchmark` (npm ci in tools/benchmark)")
    results = {}
    for variant in ("ours", "material"):
        server = StaticServer(work / f"lh-{variant}")  # bound now, so its address is known before the build
        url = server.url
        site = work / f"lh-{variant}"
        if variant == "ours":
            config_file = write_config(work / "lh-ours.yml", ours_config(base, ROOT, ROOT / base.get("docs_dir", "docs"), url))
        else:
            ours = ours_config(base, ROOT, ROOT / base.get("docs_dir", "docs"), url)
            config_file = write_config(work / "lh-material.yml", plain_material_config(ours))
        build(config_file, site)
        server.start_in_thread()
        pages = site_pages(site)
        if quick:
            pages = pages[:3]
        rows = []
        try:
            for page in pages:
                print(f"  lighthouse {variant}: /{page}", flush=True)
                rows.append(lighthouse(url + page, work / f"lh-{variant}-{page.strip('/').replace('/', '-') or 'home'}.json"))
        finally:
            server.shutdown()
            server.server_close()
        results[variant] = rows
    return results


# ----------------------------------------------------------------------------- 2. build time

def run_builds(base: dict, work: Path, quick: bool, repeats: int) -> dict:
    url = "http://127.0.0.1:8000/"
    docs = ROOT / base.get("docs_dir", "docs")
    ours = ours_config(base, ROOT, docs, url)
    # "ours" runs right after "ours-cold" (same folder, same cache): a warm build.
    guide = {"ours-cold": write_config(work / "guide" / "ours-cold.yml", ours),
             "ours": write_config(work / "guide" / "ours.yml", ours),
             "no-hooks": write_config(work / "guide" / "no-hooks.yml", without_hooks_config(ours))}
    others = other_languages(base)
    if others:  # for reference: the same, one plain build per language, as Material builds one language per build
        plain = without_hooks_config(ours)
        own = dict(plain, exclude_docs="\n".join(f"/{code}/" for code in others) + "\n")
        guide["no-hooks-per-language"] = (write_config(work / "guide" / "no-hooks-default.yml", own), *(
            write_config(work / "guide" / f"no-hooks-{code}.yml",
                         dict(plain, docs_dir=str(docs / code), theme=dict(plain.get("theme", {}), language=code),
                              nav=None))
            for code in others))
    results = {"guide": time_builds(guide, repeats, work / "guide", "guide")}
    results["guide"]["pages"] = count_pages(work / "guide" / "site-ours")
    sizes = [100] if quick else [100, 1000]
    for size in sizes:
        folder = work / f"synthetic-{size}"
        nav, not_in_nav = make_synthetic(size, base, folder / "docs")
        ours = ours_config(base, ROOT, folder / "docs", url, nav=nav, not_in_nav=not_in_nav, one_language=True)
        plain = plain_material_config(ours, ["navigation.prune"])
        variants = {"ours-cold": write_config(folder / "ours-cold.yml", ours),
                    "ours": write_config(folder / "ours.yml", ours),
                    "material-prune": write_config(folder / "material-prune.yml", plain)}
        if size == 1000:
            variants["material"] = write_config(folder / "material.yml", plain_material_config(ours))
        count = max(1, repeats - 2) if size >= 1000 else repeats
        results[f"synthetic-{size}"] = time_builds(variants, count, folder, f"{size} pages")
        results[f"synthetic-{size}"]["pages"] = count_pages(folder / "site-ours")
    return results


# ----------------------------------------------------------------------------- 3. live reload

def fetch(url: str, timeout: float = 90) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # loopback only
        return response.read().decode("utf-8", "replace")


def run_serve(base: dict, work: Path, edits: int) -> dict:
    project = work / "serve"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    docs = project / "docs"
    shutil.copytree(ROOT / base.get("docs_dir", "docs"), docs)
    in_nav = [name for name in nav_files(base.get("nav")) if name != "index.md"]
    page = in_nav[0] if in_nav else "index.md"
    page_url = "" if page == "index.md" else page[:-3] + "/"
    ours = ours_config(base, ROOT, docs, "http://127.0.0.1:8000/")
    variants = {"ours": write_config(project / "ours.yml", ours),
                "no-hooks": write_config(project / "no-hooks.yml", without_hooks_config(ours))}
    results = {"page": page}
    original = (docs / page).read_text(encoding="utf-8")
    for name, config_file in variants.items():
        port = free_port()
        address = f"http://127.0.0.1:{port}/"
        log = open(project / f"serve-{name}.log", "w", encoding="utf-8")
        process = subprocess.Popen([*MKDOCS, "serve", "--livereload", "-f", str(config_file), "-a", f"127.0.0.1:{port}"],
                                   cwd=project, env=BASE_ENV, stdout=log, stderr=subprocess.STDOUT)
        times = []
        try:
            deadline = time.monotonic() + 120
            html = None
            while html is None:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"mkdocs serve did not start; see {log.name}")
                try:
                    html = fetch(address + page_url, timeout=5)
                except OSError:
                    time.sleep(0.2)
            for number in range(edits):
                epoch = int(re.search(r"livereload\((\d+),", html).group(1))
                marker = f"Saved for timing run {name} {number}."
                time.sleep(1.0)  # let the watcher settle
                (docs / page).write_text(original + f"\n{marker}\n", encoding="utf-8")
                saved = time.perf_counter()
                while True:
                    fetch(f"{address}livereload/{epoch}/{number}", timeout=90)  # returns when a newer build is visible
                    html = fetch(address + page_url)
                    if marker in html:
                        break
                    epoch = int(re.search(r"livereload\((\d+),", html).group(1))
                    if time.perf_counter() - saved > 90:
                        raise SystemExit(f"the edit never showed up; see {log.name}")
                times.append(round(time.perf_counter() - saved, 3))
                print(f"  serve {name}: edit {number + 1}/{edits}: {times[-1]:.2f} s", flush=True)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()
            (docs / page).write_text(original, encoding="utf-8")
        results[name] = {"seconds": times, "median": median(times)}
    return results


# ----------------------------------------------------------------------------- report

def machine() -> dict:
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        chromium = subprocess.run([CHROME_PATH, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        chromium = None
    cpu = None
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), None)
    except OSError:
        pass
    versions = {}
    for package in ("mkdocs", "mkdocs-material"):
        try:
            from importlib.metadata import version
            versions[package] = version(package)
        except Exception:  # noqa: BLE001
            versions[package] = None
    return {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "cores": os.cpu_count(),
            "cpu": cpu, "ram_gb": memory, "chromium": chromium, "python": platform.python_version(),
            "node": shutil.which("node") and subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip(),
            **versions}


def mark(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISSED")


def fmt(value, spec: str, missing: str = "–") -> str:
    return missing if value is None else format(value, spec)


def lighthouse_table(results: dict) -> list[str]:
    lines = ["1. Lighthouse, mobile, simulated throttling (perf / a11y / best practices / SEO; LCP; "
             "transferred KB; requests; third-party requests)",
             f"   targets for ours: {TARGETS['score']} / {TARGETS['score']} / {TARGETS['score']} / {TARGETS['score']}, "
             f"LCP ≤ {TARGETS['lcp_s']} s, 0 third-party"]
    header = f"   {'page':<24} {'ours':<34} {'':7} | {'plain Material':<34}"
    sub = f"   {'':<24} {'scores':<15} {'LCP':>5} {'KB':>5} {'req':>3} {'3p':>3} {'':7} | {'scores':<15} {'LCP':>5} {'KB':>5} {'req':>3} {'3p':>3}"
    lines += [header, sub]
    ours = {urlsplit(r["url"]).path: r for r in results.get("ours", [])}
    plain = {urlsplit(r["url"]).path: r for r in results.get("material", [])}

    def cells(row):
        if row is None:
            return f"{'(none)':<15} {'':>5} {'':>5} {'':>3} {'':>3}"
        if "error" in row:
            return f"{'error':<15} {'':>5} {'':>5} {'':>3} {'':>3}"
        scores = "/".join(fmt(row["scores"][c], "d") for c in CATEGORIES)
        return f"{scores:<15} {row['lcp_s']:>5.2f} {row['bytes'] / 1024:>5.0f} {row['requests']:>3} {row['third_party']:>3}"

    for path in sorted(set(ours) | set(plain), key=lambda p: (p != "/", p)):
        row = ours.get(path)
        ok = None
        if row is not None and "error" not in row:
            ok = (all(row["scores"][c] == TARGETS["score"] for c in CATEGORIES)
                  and row["lcp_s"] <= TARGETS["lcp_s"] and row["third_party"] == 0)
        lines.append(f"   {path:<24} {cells(row)} {mark(ok):<7} | {cells(plain.get(path))}")
    for name, rows in (("ours", results.get("ours", [])), ("plain Material", results.get("material", []))):
        good = [r for r in rows if "error" not in r]
        if good:
            lines.append(f"   {name}: {len(good)} pages; worst scores "
                         + "/".join(str(min(r['scores'][c] for r in good)) for c in CATEGORIES)
                         + f", LCP {min(r['lcp_s'] for r in good):.2f}–{max(r['lcp_s'] for r in good):.2f} s, "
                         f"median {median([r['bytes'] for r in good]) / 1024:.0f} KB, "
                         f"third-party requests {sum(r['third_party'] for r in good)}"
                         + f" ({sum(r['failed_requests'] for r in good)} requests failed: only loopback resolves)")
        errors = [r for r in rows if "error" in r]
        for row in errors:
            lines.append(f"   {name} {row['url']}: Lighthouse failed: {row['error'].strip().splitlines()[-1:]}")
    return lines


def build_table(results: dict) -> list[str]:
    lines = ["2. Build time of `mkdocs build`, median: CPU seconds of the whole command (wall clock in brackets).",
             "   Ratios and growth use CPU time: MkDocs builds on one core, so on an idle machine CPU ≈ wall,",
             "   and CPU time is not inflated by whatever else the machine runs."]

    def t(entry):
        return f"{entry['median_cpu']:6.2f} s ({entry['median_wall']:.2f})"

    def ratio_of(entry, reference):
        value = entry["median_cpu"] / reference["median_cpu"]
        return value, entry["median_wall"] / reference["median_wall"]

    def compare(label: str, entry: dict, reference_name: str, reference_label: str, targets: dict) -> None:
        reference = entry[reference_name]
        entry["ratio"] = {}
        for name, kind in (("ours-cold", "cold"), ("ours", "warm")):
            if name not in entry:
                continue
            ratio, wall = ratio_of(entry[name], reference)
            entry["ratio"][kind] = {"cpu": round(ratio, 3), "wall": round(wall, 3)}
            target = targets[kind]
            lines.append(f"   {label}, n={len(entry[name]['cpu'])}: ours {kind} {t(entry[name])}, {reference_label} "
                         f"{t(reference)}: ratio {ratio:.2f} ({wall:.2f}), target ≤ {target:.2f} {mark(ratio <= target)}")

    guide = results.get("guide")
    if guide:
        compare(f"guide, {guide['pages']} pages", guide, "no-hooks", "hooks+overrides off",
                {"cold": TARGETS["guide_cold"], "warm": TARGETS["guide_warm"]})
        apart = guide.get("no-hooks-per-language")
        if apart:  # not a target: what one plain build per language costs, the way our builds are made
            cold, _ = ratio_of(guide["ours-cold"], apart)
            warm, _ = ratio_of(guide["ours"], apart)
            guide["ratio_per_language"] = {"cold": round(cold, 3), "warm": round(warm, 3)}
            lines.append(f"   for reference, hooks+overrides off built as one site per language (as ours is): "
                         f"{t(apart)}; ours cold {cold:.2f}×, warm {warm:.2f}× of that")
    for size in (100, 1000):
        entry = results.get(f"synthetic-{size}")
        if not entry:
            continue
        compare(f"synthetic, {entry['pages']} pages", entry, "material-prune", "Material+prune",
                {"cold": TARGETS["synthetic"], "warm": TARGETS["synthetic"]})
        if "material" in entry:
            lines.append(f"   synthetic, {entry['pages']} pages: plain Material without navigation.prune {t(entry['material'])}")
    small, large = results.get("synthetic-100"), results.get("synthetic-1000")
    if small and large:
        growth, wall = ratio_of(large["ours"], small["ours"])
        plain, _ = ratio_of(large["material-prune"], small["material-prune"])
        results["growth"] = {"ours_cpu": round(growth, 2), "ours_wall": round(wall, 2), "material_prune_cpu": round(plain, 2)}
        lines.append(f"   growth from 100 to 1,000 pages: ours {growth:.1f}× ({wall:.1f}×), target ≤ {TARGETS['growth']:.0f}× "
                     f"{mark(growth <= TARGETS['growth'])}; Material+prune {plain:.1f}×")
    return lines


def serve_table(results: dict) -> list[str]:
    lines = [f"3. mkdocs serve --livereload: save docs/{results['page']} → changed page served, median (min–max, n)"]
    for name, label in (("ours", "ours"), ("no-hooks", "hooks+overrides off")):
        entry = results.get(name)
        if entry and entry["seconds"]:
            lines.append(f"   {label:<20} {entry['median']:.2f} s ({min(entry['seconds']):.2f}–{max(entry['seconds']):.2f}, "
                         f"n={len(entry['seconds'])})")
    ours, plain = results.get("ours") or {}, results.get("no-hooks") or {}
    if ours.get("seconds") and plain.get("seconds"):
        ratio = ours["median"] / plain["median"]
        results["ratio"] = round(ratio, 3)
        lines.append(f"   ratio {ratio:.2f}, target ≤ {TARGETS['serve_ratio']:.2f} {mark(ratio <= TARGETS['serve_ratio'])}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 pages in Lighthouse, 3 builds, 100 pages only, 2 edits")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--repeats", type=int, help="builds per variant (default 5, quick 3; 1,000 pages: 2 fewer)")
    parser.add_argument("--edits", type=int, help="edits timed in mkdocs serve (default 5, quick 2)")
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "benchmark.json")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (sites, Lighthouse reports)")
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 5)
    edits = args.edits or (2 if args.quick else 5)
    base = load_config(ROOT / "mkdocs.yml")
    work = Path(tempfile.mkdtemp(prefix="benchmark-"))
    started = time.perf_counter()
    results: dict = {"machine": machine(), "quick": args.quick}
    try:
        # Each part's figures are written as soon as it ends, so a later part's failure keeps them.
        if not args.skip_lighthouse:
            print("Lighthouse …", flush=True)
            results["lighthouse"] = run_lighthouse(base, work, args.quick)
            save(args.out, results)
        if not args.skip_build:
            print("Build times …", flush=True)
            results["build"] = run_builds(base, work, args.quick, repeats)
            save(args.out, results)
        if not args.skip_serve:
            print("Live reload …", flush=True)
            results["serve"] = run_serve(base, work, edits)
    finally:
        if args.keep:
            print(f"Work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["seconds"] = round(time.perf_counter() - started, 1)
    m = results["machine"]
    lines = ["", f"Benchmark {m['date']} — {m['cores']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, {m['chromium']}, "
             f"Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['mkdocs-material']}"
             + (" — QUICK mode" if args.quick else ""), ""]
    if "lighthouse" in results:
        lines += lighthouse_table(results["lighthouse"]) + [""]
    if "build" in results:
        lines += build_table(results["build"]) + [""]
    if "serve" in results:
        lines += serve_table(results["serve"]) + [""]
    lines.append(f"Whole run: {results['seconds']:.0f} s. Raw figures: {args.out}")
    print("\n".join(lines))
    save(args.out, results)
    return 0


def save(out: Path, results: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
