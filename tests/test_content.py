"""Content checks for the patient-facing mesotherapy guide (docs/*.md).

These tests need only pytest and PyYAML (no MkDocs). They check that:

(a) no page shares a run of 8 or more words with the clinic's original page
    (the "seed"), so nothing has been copied;
(b) banned claim words (painless, permanent, guaranteed, safe, ...) are absent;
(c) every page has the required front matter, a valid description and a
    single H1 equal to its title;
(d) the seed's key facts all appear somewhere in the guide;
(e) the interval "2–4 weeks" is never contradicted;
plus a few cheap guards (en dash ranges, no raw HTML, the strict FAQ format,
no seed errors such as "mesoderm" or "hormones", no overly long sentences).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SEED = Path(__file__).resolve().parents[1].parent / "shared/seed/mesotherapy-guide.txt"

PAGES = sorted(DOCS.glob("*.md"))
PAGE_IDS = [p.name for p in PAGES]

EXPECTED_PAGES = [
    "index.md",
    "how-it-works.md",
    "what-it-treats.md",
    "treatment-plan.md",
    "side-effects.md",
    "combining-treatments.md",
    "future.md",
    "conclusion.md",
    "faq.md",
    "book.md",
    "thank-you.md",
]

# Pages that are not reviewed guide content (no review fields required).
UNREVIEWED = {"thank-you.md"}

REVIEW_KEYS = {"reviewed_by": "medical-director", "last_reviewed": dt.date(2026, 11, 20)}
BASE_KEYS = {"title", "description"}
EXTRA_KEYS = {  # page-specific keys, with their required values
    "faq.md": {"faq": True},
    "book.md": {"booking": True},
    "thank-you.md": {"search": {"exclude": True}},
}

NGRAM = 8

BANNED = [
    "painless",
    "pain-free",
    "permanent",
    "permanently",
    "guaranteed",
    "guarantee",
    "risk-free",
    "no side effects",
    "safe",
    "100% safe",
    "miracle",
    "cure",
    "dramatic",
]

# Seed mistakes that must not come back.
SEED_ERRORS = [
    "mesoderm",          # the middle layer of the skin is the dermis
    "hormone",           # only in the seed's conclusion; dropped
    "hormones",
    "board-certified",   # US wording
    "botox",             # no brand names for a prescription-only medicine
]

CONTRADICTIONS = [
    r"\b3\s*[-\u2013\u2014]\s*4\s+weeks\b",
    r"\bthree\s+(?:or|to)\s+four\s+weeks\b",
    r"\b3\s+(?:or|to)\s+4\s+weeks\b",
]

KEY_FACTS = [
    # how it works
    "dermis", "stratum corneum", "hyaluronic acid", "collagen", "elastin",
    "vitamin C", "antioxidant", "growth factors", "amino acids", "enzymes",
    "plant extracts",
    # what it treats
    "androgenetic alopecia", "pattern hair loss", "vasodilators", "growth phase",
    "circulation", "phosphatidylcholine", "deoxycholate", "microcirculation",
    "fibrous bands", "fluid retention", "cellulite", "body contouring",
    "not a weight-loss treatment", "melasma", "sun spots", "glutathione",
    "tranexamic acid", "acne scars",
    # treatment plan
    "medical history", "allergies", "elasticity", "peptides",
    "vitamins A, C and E", "B vitamins", "nappage", "point-by-point",
    "derma-rolling", "4–6 sessions", "2–4 weeks", "after one session",
    "maintenance sessions", "every few months",
    # side effects
    "redness", "swelling", "bruising", "welts", "infection", "allergic reaction",
    "uneven", "discolouration", "qualified, registered and experienced",
    "aspirin", "ibuprofen", "supplements", "a week before", "24–48 hours",
    "a few hours up to a couple of days", "direct sun", "strenuous exercise",
    "make-up", "water", "never stop a medicine your doctor prescribed",
    "difficulty breathing",
    # combining treatments
    "chemical peel", "microdermabrasion", "dermal fillers", "botulinum toxin",
    "prescription-only medicine", "face-to-face consultation", "laser", "IPL",
    "melanin",
    # future
    "exosomes", "stem-cell-derived", "automated devices", "suction",
    "radiofrequency", "ultrasound", "genetic testing", "skin analysis",
    "artificial intelligence", "not proven",
    # FAQ / booking
    "numbing cream", "free consultation",
]

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)


# --------------------------------------------------------------------------- helpers


@functools.lru_cache(maxsize=None)
def raw(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def split_page(path: Path) -> tuple[dict | None, str]:
    """Return (front matter dict or None, body)."""
    text = raw(path)
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return None, text
    meta = yaml.safe_load(m.group(1))
    return (meta if isinstance(meta, dict) else None), text[m.end():]


def words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return re.findall(r"[a-z0-9]+", text)


def ngrams(tokens: list[str], n: int = NGRAM) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


@functools.lru_cache(maxsize=1)
def seed_ngrams() -> frozenset:
    return frozenset(ngrams(words(SEED.read_text(encoding="utf-8"))))


def normalise(text: str) -> str:
    """Lower-case, strip Markdown emphasis and collapse whitespace."""
    text = text.replace("**", "").replace("__", "").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).lower()


@functools.lru_cache(maxsize=1)
def whole_guide() -> str:
    return normalise("\n".join(split_page(p)[1] for p in PAGES))


def strip_code(body: str) -> str:
    return re.sub(r"^```.*?^```", "", body, flags=re.S | re.M)


# --------------------------------------------------------------------------- tests


def test_expected_pages_exist():
    missing = [name for name in EXPECTED_PAGES if not (DOCS / name).is_file()]
    assert not missing, f"missing pages in docs/: {missing}"


# (a) ---------------------------------------------------------------------------
@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_no_eight_word_run_from_seed(page):
    if not SEED.is_file():
        pytest.skip(f"seed not found at {SEED}")
    shared = ngrams(words(raw(page))) & seed_ngrams()
    runs = sorted(" ".join(g) for g in shared)
    assert not runs, (
        f"{page.name} shares {len(runs)} run(s) of {NGRAM}+ words with the seed; "
        f"reword these: {runs[:10]}"
    )


# (b) ---------------------------------------------------------------------------
@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
@pytest.mark.parametrize("term", BANNED)
def test_banned_claim_words_absent(page, term):
    pattern = r"(?<![\w-])" + re.escape(term) + r"(?![\w-])"
    hits = [
        f"line {n}: {line.strip()}"
        for n, line in enumerate(raw(page).splitlines(), 1)
        if re.search(pattern, line, re.I)
    ]
    assert not hits, f"{page.name}: banned claim word {term!r} found:\n" + "\n".join(hits)


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
@pytest.mark.parametrize("term", SEED_ERRORS)
def test_seed_mistakes_not_repeated(page, term):
    pattern = r"\b" + re.escape(term) + r"\b"
    assert not re.search(pattern, raw(page), re.I), (
        f"{page.name}: contains {term!r}, a mistake from the seed that must be fixed"
    )


# (c) ---------------------------------------------------------------------------
@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_front_matter(page):
    meta, _ = split_page(page)
    assert meta is not None, f"{page.name}: no YAML front matter block (--- ... ---) at the top"

    required = dict.fromkeys(BASE_KEYS)
    if page.name not in UNREVIEWED:
        required.update(REVIEW_KEYS)
    required.update(EXTRA_KEYS.get(page.name, {}))

    allowed = set(required)
    if page.name in UNREVIEWED:  # review fields are optional there, but must be right if present
        allowed |= set(REVIEW_KEYS)
        required.update({k: v for k, v in REVIEW_KEYS.items() if k in meta})
    missing = sorted(set(required) - set(meta))
    extra = sorted(set(meta) - allowed)
    assert not missing, f"{page.name}: front matter is missing keys {missing}"
    assert not extra, f"{page.name}: unexpected front matter keys {extra}"

    for key, value in required.items():
        if value is not None:
            assert meta[key] == value, f"{page.name}: {key} should be {value!r}, got {meta[key]!r}"

    title = meta["title"]
    assert isinstance(title, str) and title.strip(), f"{page.name}: title must be a non-empty string"

    desc = meta["description"]
    assert isinstance(desc, str), f"{page.name}: description must be a string"
    assert 50 <= len(desc) <= 160, (
        f"{page.name}: description is {len(desc)} characters; it must be 50–160"
    )


def test_descriptions_and_titles_unique():
    seen_desc: dict[str, str] = {}
    seen_title: dict[str, str] = {}
    for page in PAGES:
        meta, _ = split_page(page)
        if not meta:
            continue
        d, t = meta.get("description"), meta.get("title")
        assert d not in seen_desc, f"{page.name} repeats the description of {seen_desc[d]}"
        assert t not in seen_title, f"{page.name} repeats the title of {seen_title[t]}"
        seen_desc[d], seen_title[t] = page.name, page.name


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_single_h1_equal_to_title(page):
    meta, body = split_page(page)
    body = strip_code(body)
    h1 = re.findall(r"^# (.+)$", body, re.M)
    assert len(h1) == 1, f"{page.name}: expected exactly one '# ' heading, found {len(h1)}"
    first = next(line for line in body.splitlines() if line.strip())
    assert first.startswith("# "), f"{page.name}: the page must start with its '# ' heading"
    if meta:
        assert h1[0].strip() == str(meta.get("title", "")).strip(), (
            f"{page.name}: H1 {h1[0]!r} differs from title {meta.get('title')!r}"
        )


# (d) ---------------------------------------------------------------------------
@pytest.mark.parametrize("fact", KEY_FACTS)
def test_key_fact_present(fact):
    assert normalise(fact) in whole_guide(), (
        f"key fact from the seed not found anywhere in docs/*.md: {fact!r}"
    )


# (e) ---------------------------------------------------------------------------
@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_interval_not_contradicted(page):
    text = raw(page)
    for pattern in CONTRADICTIONS:
        m = re.search(pattern, text, re.I)
        assert not m, (
            f"{page.name}: {m.group(0)!r} contradicts the 2–4 week interval used in the guide"
        )


# extra cheap guards -------------------------------------------------------------
@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_ranges_use_en_dash(page):
    _, body = split_page(page)
    bad = re.findall(r"\b\d+\s*(?:-|\u2014|\bto\b)\s*\d+\s+(?:weeks|sessions|hours|days)\b", body)
    assert not bad, f"{page.name}: write number ranges with an en dash (e.g. '2–4 weeks'): {bad}"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_no_raw_html(page):
    _, body = split_page(page)
    # The one comment editors may write: a claims-policy allow (the build removes it; see EDITING.md).
    body = re.sub(r"[ \t]*<!-- policy: allow [a-z0-9-]+ — [^<>]+ -->", "", body)
    m = re.search(r"<\s*/?\s*[a-zA-Z!][^>]*>", strip_code(body))
    assert not m, f"{page.name}: raw HTML is not allowed in content pages: {m.group(0)!r}"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_no_overlong_sentences(page):
    """A cheap readability guard: no sentence over 30 words."""
    _, body = split_page(page)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
    long_ones = []
    for block in re.split(r"\n\s*\n|\n\s*[-*|#]", text):
        for sentence in re.split(r"(?<=[.?!:])\s+", block):
            n = len(words(sentence))
            if n > 30:
                long_ones.append(f"({n} words) {sentence.strip()[:90]}...")
    assert not long_ones, f"{page.name}: shorten these sentences:\n" + "\n".join(long_ones)


def test_faq_format():
    page = DOCS / "faq.md"
    if not page.is_file():
        pytest.fail("docs/faq.md is missing")
    meta, body = split_page(page)
    assert meta and meta.get("faq") is True, "faq.md: front matter must contain 'faq: true'"

    lines = body.splitlines()
    assert not [l for l in lines if re.match(r"^\s*\**[QA]\s*:", l)], "faq.md: no 'Q:'/'A:' lines allowed"
    assert len([l for l in lines if re.match(r"^# ", l)]) == 1, "faq.md: exactly one '# ' title line"

    parts = re.split(r"^## ", body, flags=re.M)
    intro = re.sub(r"^# .*$", "", parts[0], flags=re.M).strip()
    assert not intro.endswith("?"), "faq.md: the intro must not itself be a question"
    assert not re.search(r"^#{3,} ", body, re.M), "faq.md: use only '## ' headings for questions"

    questions = []
    for part in parts[1:]:
        heading, _, answer = part.partition("\n")
        q = heading.strip()
        assert q.endswith("?"), f"faq.md: question heading must end with '?': {q!r}"
        assert answer.strip(), f"faq.md: answer to {q!r} is empty"
        questions.append(q.lower())
    assert len(questions) >= 3, "faq.md: expected at least the seed's three questions"
    dupes = {q for q in questions if questions.count(q) > 1}
    assert not dupes, f"faq.md: duplicate questions: {sorted(dupes)}"
