"""The claims policy: words and phrases a medical clinic must not use when it talks to patients.

Rules come in presets chosen in mkdocs.yml (``extra.policy.preset``):

- ``generic``: claims no medical treatment can honestly make anywhere (absolute or guaranteed results, proof it
  does not have, a time by which results show, ranking the clinic, testimonials, risks played down);
- ``uk``: generic (its messages naming the CAP Code) + the UK rules for prescription-only and unlicensed medicines,
  approval claims and slimming claims;
- ``eu``: generic + the EU rules on advertising medicines to the public (Directive 2001/83/EC);
- ``us``: generic (its messages naming the FTC) + claims the FTC and FDA single out.

EDITING.md ("Where each rule comes from") lists the source of every rule and the pages it was read on.

Matching is case-insensitive, on whole words, and ignores code, HTML comments and web
addresses. An editor can allow one occurrence on a line with a comment that gives a reason::

    "Is it painless?" <!-- policy: allow painless — quoting a patient's question -->
"""
from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, replace
from typing import Callable

try:  # Python 3.11+
    import re._constants as _sre_constants
    import re._parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

from . import arabic
from .markdown_text import line_col, prose  # noqa: F401  (prose: the text the rules search, see Page.prose)
from .page import Page, read
from .problems import ERROR, WARNING, Problem, quote, tag

PRESETS = ("generic", "uk", "us", "eu")


@dataclass(frozen=True)
class Rule:
    id: str
    patterns: tuple[str, ...]  # regular expressions, matched case-insensitively on whole words
    why: str  # why it matters, in one line
    instead: str  # a safer phrasing, as an instruction
    severity: str = ERROR
    arabic: tuple[str, ...] = ()  # the same claims in Arabic (AR_FORMS), for pages of an Arabic build
    arabic_instead: str = ""  # an example rewrite in Arabic, shown with `instead` on Arabic pages

    @property
    def regex(self) -> re.Pattern:
        return _compile(self.patterns)

    @property
    def lower_case_regex(self) -> re.Pattern | None:
        """The same rule for text already in lower case, without IGNORECASE (about twice as fast), when that
        is equivalent: the patterns hold no capital letter (a capital escape such as \\S means something else)."""
        return _compile(self.patterns, lower_case=True)

    @property
    def keywords(self) -> frozenset[str] | None:
        """Literal words one of which any match holds (on lower-case text), or None (see :func:`keywords`)."""
        return keywords(self.patterns)

    @property
    def anchors(self) -> tuple[tuple[str, int, int], ...] | None:
        """Where a match of the patterns can start, on lower-case text (see :func:`anchors`)."""
        return anchors(self.patterns)

    @property
    def arabic_regex(self) -> re.Pattern | None:
        """The Arabic forms, for text normalised by :func:`sitekit.arabic.normalise` and lower-cased."""
        return _compile_arabic(self.arabic) if self.arabic else None

    @property
    def arabic_keywords(self) -> frozenset[str] | None:
        """Words of which a match of the Arabic forms holds one (in the normalised, lower-case text)."""
        return keywords(_normal(self.arabic)) if self.arabic else None

    @property
    def arabic_anchors(self) -> tuple[tuple[str, int, int], ...] | None:
        """Where a match of the Arabic forms can start (their words come after arabic.PREFIX), or None; only
        words without Latin letters, which IGNORECASE (the Arabic forms use it) matches only as written."""
        found = anchors(_normal(self.arabic), _PREFIX_WIDTH) if self.arabic else None
        if found is None or not all(_caseless(word) for word, _, _ in found):
            return None
        return found


_CACHE: dict[tuple[tuple[str, ...], bool], re.Pattern | None] = {}
_KEYWORDS: dict[tuple[str, ...], frozenset[str] | None] = {}
_ANCHORS: dict[tuple[tuple[str, ...], tuple[int, int]], tuple[tuple[str, int, int], ...] | None] = {}


@functools.lru_cache(maxsize=None)
def _parse(pattern: str):
    """The parsed pattern (once per process, for :func:`keywords` and :func:`anchors`), or None if it is not
    a regular expression."""
    try:
        return _sre_parser.parse(pattern)
    except re.error:
        return None


def keywords(patterns: tuple[str, ...]) -> frozenset[str] | None:
    """Words of which a match of the patterns must contain at least one, exactly as written (for the patterns
    run on lower-case text without IGNORECASE: see :attr:`Rule.lower_case_regex`); None when some pattern
    gives none, so the rule always runs. A rule whose keywords are all absent from the text cannot match it."""
    if patterns not in _KEYWORDS:
        each = _each_pattern(patterns, _needed)
        found = set().union(*each) if each is not None else None
        if found is not None:  # a word that holds another is not needed: where it is, the other is too
            found = {word for word in found if not any(other != word and other in word for other in found)}
        _KEYWORDS[patterns] = frozenset(found) if found is not None else None
    return _KEYWORDS[patterns]


def _each_pattern(patterns: tuple[str, ...], read: Callable) -> list | None:
    """``read(parsed pattern)`` for each pattern, or None when one of them is not a regular expression, uses
    IGNORECASE (the readers are for patterns run on lower-case text without it) or gives None."""
    results = []
    for pattern in patterns:
        parsed = _parse(pattern)
        result = None if parsed is None or parsed.state.flags & re.IGNORECASE else read(parsed)
        if result is None:
            return None
        results.append(result)
    return results


def _needed(sequence) -> set[str] | None:
    """For a parsed regular expression (a sequence of items): a set of literal strings of which every match
    holds at least one (the longest such choice found), or None. Only literal characters next to each other
    in the sequence, mandatory groups and alternations whose every branch gives some are used."""
    choices, run = [], ""
    for op, value in sequence:
        if op is _sre_constants.LITERAL:
            run += chr(value)
            continue
        if run:
            choices.append({run})
            run = ""
        inner = None
        if op is _sre_constants.SUBPATTERN and not value[1] and not value[2]:  # a group without inline flags
            inner = _needed(value[3])
        elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT) and value[0] >= 1:
            inner = _needed(value[2])
        elif op is _sre_constants.BRANCH:
            branches = [_needed(branch) for branch in value[1]]
            inner = set().union(*branches) if all(b is not None for b in branches) else None
        if inner:
            choices.append(inner)
    if run:
        choices.append({run})
    # Longer words are rarer, fewer words are quicker to look for.
    return max(choices, key=lambda words: (min(5, *(len(w) for w in words)), -len(words)), default=None)


#: How far into a match :func:`anchors` looks for its words: a word further in gives too many places to try.
_ANCHOR_REACH = 8
_PREFIX_WIDTH = _sre_parser.parse(arabic.PREFIX).getwidth()  # (0, 4): the letters before an Arabic form's word


def anchors(patterns: tuple[str, ...], before: tuple[int, int] = (0, 0)) -> tuple[tuple[str, int, int], ...] | None:
    """Where a match of the patterns (run on lower-case text without IGNORECASE, after something ``before[0]`` to
    ``before[1]`` characters long) can start: (word, lo, hi) such that every match holds one of the words, exactly
    as written, lo to hi characters after its start. None when some pattern gives none (see :func:`_anchor`)."""
    key = (patterns, before)
    if key not in _ANCHORS:
        each = _each_pattern(patterns, _anchor)
        _ANCHORS[key] = None if each is None else tuple(sorted(
            {(word, lo + before[0], hi + before[1]) for words, lo, hi in each for word in words}))
    return _ANCHORS[key]


def _anchor(sequence) -> tuple[set[str], int, int] | None:
    """For a parsed regular expression (a sequence of items): (words, lo, hi) such that every match holds one of
    the words lo to hi characters after its start, or None. Like :func:`_needed` it uses literal characters next to
    each other, mandatory groups and alternations whose every branch gives some, but only while what comes before
    them has a known length of at most _ANCHOR_REACH; of several, the one likely to give fewest places to try."""
    best, lo, hi, run = None, 0, 0, ""

    def keep(found):
        nonlocal best
        words, found_lo, found_hi = found
        # Longer words are rarer; fewer words and a narrower span are fewer places to try.
        rank = (min(5, *(len(w) for w in words)), -len(words) * (found_hi - found_lo + 1))
        if best is None or rank > best[0]:
            best = (rank, found)

    for op, value in sequence:
        if op is _sre_constants.LITERAL:
            if not run:
                run_lo, run_hi = lo, hi
            run += chr(value)
            lo, hi = lo + 1, hi + 1
            continue
        if run:
            keep(({run}, run_lo, run_hi))
            run = ""
        inner = None
        if op is _sre_constants.SUBPATTERN and not value[1] and not value[2]:  # a group without inline flags
            inner = _anchor(value[3])
        elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT) and value[0] >= 1:
            inner = _anchor(value[2])  # its first time
        elif op is _sre_constants.BRANCH:
            branches = [_anchor(branch) for branch in value[1]]
            if all(branches):
                inner = (set().union(*(b[0] for b in branches)), min(b[1] for b in branches), max(b[2] for b in branches))
        if inner:
            keep((inner[0], lo + inner[1], hi + inner[2]))
        width = _sre_parser.SubPattern(sequence.state, [(op, value)]).getwidth()
        lo, hi = lo + width[0], hi + width[1]
        if hi > _ANCHOR_REACH:
            break
    if run:
        keep(({run}, run_lo, run_hi))
    return best[1] if best else None


def _caseless(word: str) -> bool:
    """Whether IGNORECASE matches each character of ``word`` only as itself in lower-case text (Arabic letters,
    digits, punctuation: no Latin letters, such as i, which IGNORECASE also matches with ı)."""
    return all("\u0600" <= c <= "\u06ff" or (c.isascii() and not c.isalpha()) for c in word)


#: Trying a rule's expression at each place its anchors give is quicker than a search of the whole text while
#: there is at most one such place for every _CHARS_PER_START characters of the text.
_CHARS_PER_START = 25


def _starts(text: str, found: tuple[tuple[str, int, int], ...]) -> list[int] | None:
    """The places in ``text`` where a match with these anchors can start, in order; None when there are too many."""
    limit = len(text) // _CHARS_PER_START
    starts: set[int] = set()
    for word, lo, hi in found:
        at = text.find(word)
        while at >= 0:
            starts.update(range(max(0, at - hi), at - lo + 1))
            if len(starts) > limit:
                return None
            at = text.find(word, at + 1)
    return sorted(starts)


def _matches_at(regex: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """What ``regex.finditer(text)`` gives when every match starts at one of ``starts``: the first match, then
    the first that starts at or after its end, and so on."""
    matches, end = [], 0
    for start in starts:
        if start >= end:
            match = regex.match(text, start)
            if match:
                matches.append(match)
                end = match.end()
    return matches


def _search(regex: Callable[[], re.Pattern], text: str, found: tuple[tuple[str, int, int], ...] | None):
    """The matches of ``regex()`` in ``text``, as ``finditer`` gives them. Where a rule's anchors (``found``; None:
    none to use) leave few places a match can start, the expression is tried only there, and not even compiled
    when they leave none."""
    starts = _starts(text, found) if found is not None else None
    if starts == []:
        return []
    return regex().finditer(text) if starts is None else _matches_at(regex(), text, starts)


def _compile(patterns: tuple[str, ...], lower_case: bool = False) -> re.Pattern | None:
    if (patterns, lower_case) not in _CACHE:
        alternatives = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
        pattern = rf"(?<![\w-])(?:{alternatives})(?![\w-])"
        if not lower_case:
            _CACHE[patterns, lower_case] = re.compile(pattern, re.IGNORECASE)
        else:
            _CACHE[patterns, lower_case] = None if pattern != pattern.lower() else re.compile(pattern)
    return _CACHE[patterns, lower_case]


@functools.lru_cache(maxsize=None)
def _normal(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """The Arabic patterns normalised (once per process: the rules do not change while it runs)."""
    return tuple(arabic.normalise(p) for p in patterns)


def _compile_arabic(patterns: tuple[str, ...]) -> re.Pattern:
    key = (("arabic",) + patterns, False)
    if key not in _CACHE:
        alternatives = "|".join(f"(?:{p})" for p in sorted(_normal(patterns), key=len, reverse=True))
        _CACHE[key] = re.compile(rf"(?<![\w-]){arabic.PREFIX}(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return _CACHE[key]


def phrase_pattern(phrase: str) -> str:
    """A plain word or phrase from mkdocs.yml as a pattern: any spacing, hyphen or space alike."""
    words = re.split(r"[\s-]+", phrase.strip())
    return r"[\s-]+".join(re.escape(word) for word in words if word)


_BODY = (r"(?:tummy|belly|stomach|abdomen|waist|waistline|hips?|thighs?|(?:upper\s+)?arms?|bingo\s+wings|"
         r"(?:double\s+)?chins?|jowls|neck|back|love\s+handles|muffin\s+tops?|knees?|ankles?|bottom|buttocks|"
         r"bum|flanks|face|cheeks|bra\s+(?:line|bulge))")
_LOSE = (r"(?:lose|loses|losing|lost|loss\s+of|burn|burns|burning|melt|melts|melting|dissolve|dissolves|"
         r"dissolving|blast|blasts|zap|zaps|shift|shifts|banish|banishes|eliminate|eliminates|remove|removes|"
         r"removing|get\s+rid\s+of|target|targets|targeting|reduce|reduces|reducing|shrink|shrinks)")

_NEARLY = r"(?<!virtually\s)(?<!practically\s)(?<!almost\s)"  # "virtually no risk" is understated-risk's

GENERIC = (
    Rule("painless", (r"painless(?:ly)?", r"pain[\s-]free", r"no\s+pain", r"(?:won't|will\s+not|doesn't|does\s+not)\s+hurt"),
         "most people feel some discomfort from injections, so promising none misleads patients",
         'say "most people feel only mild discomfort"'),
    Rule("permanent", (r"permanent(?:ly)?", r"life[\s-]?long\s+results?", r"results?\s+that\s+lasts?\s+(?:for\s+ever|forever)"),
         "results fade over time and need maintenance sessions, so a permanent result cannot be promised",
         'say "results fade over time; maintenance sessions can help"'),
    Rule("guaranteed", (r"guarantee[sd]?", r"guaranteeing"),
         "no medical treatment can guarantee a result, and results vary from person to person",
         'say "results vary from person to person"'),
    Rule("risk-free", (r"risk[\s-]free", _NEARLY + r"no\s+risks?", _NEARLY + r"zero\s+risk", r"without\s+(?:any\s+)?risks?"),
         "every injection carries some risk (bruising, infection, allergic reaction)",
         'say "a qualified practitioner keeps the risks low"'),
    Rule("safe", (r"(?:100\s*%|completely|totally|perfectly|absolutely|entirely|very)\s+safe", r"safe", r"safest"),
         "no treatment is safe for everyone; calling it safe hides its real risks",
         'describe the risks and how they are kept low, e.g. "side effects are usually mild and short-lived"'),
    Rule("no-side-effects", (_NEARLY + r"no\s+side[\s-]effects?", r"without\s+(?:any\s+)?side[\s-]effects?",
                             r"free\s+(?:of|from)\s+side[\s-]effects?", r"side[\s-]effect[\s-]free"),
         "redness, swelling and bruising are common after mesotherapy, so this is untrue",
         'say "side effects are usually mild and last a few hours to a couple of days"'),
    Rule("no-downtime", (r"no\s+downtime", r"zero\s+downtime"),
         "many people have redness or small bumps for a day or two, which some will see as downtime",
         'say "most people go back to their usual day soon after, though some redness is common"'),
    Rule("miracle", (r"miracle", r"miraculous", r"magic(?:al)?", r"wonder\s+(?:treatment|drug|cure)"),
         "it promises a result far beyond what the evidence shows",
         "describe what the treatment aims to do and that results vary"),
    Rule("cure", (r"cures?", r"cured", r"cure[\s-]all"),
         "mesotherapy is not a cure for any condition; claiming one is misleading",
         'say "may help with" or "aims to improve"'),
    Rule("instant-results", (r"instant\s+results?", r"immediate\s+results?", r"overnight\s+results?",
                             r"instantly\s+(?:younger|smoother|slimmer|thinner|tighter|firmer)"),
         "changes usually build up over a course of sessions, and some people see little change",
         'say "some people notice a change after one session; for others it builds up over the course"'),
    Rule("hype", (r"dramatic(?:ally)?", r"revolutionary", r"breakthrough", r"life[\s-]changing", r"amazing\s+results?"),
         "superlatives promise more than a medical treatment can deliver and read as a claim about results",
         "describe the aim plainly and say that results vary"),
    Rule("for-everyone", (r"works\s+for\s+everyone", r"suitable\s+for\s+everyone", r"results?\s+for\s+everyone",
                          r"works\s+for\s+all"),
         "mesotherapy is not right for everyone; suitability is decided at a consultation",
         'say "a consultation decides whether it is right for you"'),
)

# ---------------------------------------------------------------- honesty rules for every preset
# Each rule has a plain version here (the generic preset) and, where a country's code says it, a version per
# preset whose `why` names that code (see EDITING.md, "Where each rule comes from"). A preset's version of a
# rule replaces the plain one in place (see _preset), so every preset keeps every generic rule id.

_NOT = r"(?<!not\s)(?<!n't\s)(?<!never\s)(?<!not\sbeen\s)(?<!n't\sbeen\s)(?<!never\sbeen\s)(?<!not\syet\s)"
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|a\s+single|a\s+few|few)"
_SPAN = r"(?:hours?|days?|weeks?|months?|sessions?|treatments?|visits?|appointments?)"
_ONLY = r"(?:just\s+|only\s+|as\s+(?:little|few)\s+as\s+)?"
# "results in" as a noun ("see results in 2 weeks", a heading "Results in 2 weeks"), not the verb ("this results in")
_RESULTS_IN = ("(?:" + "|".join([r"(?<![\w,]\s)"] + [rf"(?<={word}\s)" for word in (
    "see", "seeing", "notice", "noticing", "get", "getting", "expect", "show", "shows", "showing", "visible",
    "noticeable", "real", "lasting", "first", "with")]) + r")results?\s+in")
_WHO = (r"(?:clinics?|practices?|practitioners?|doctors?|nurses?|injectors?|providers?|teams?|specialists?|"
        r"experts?|centres?|centers?|surgeons?|prescribers?|aesthetics\s+clinic)")
_PLACE = r"(?:the\s+)?(?:uk|london|britain|england|scotland|wales|ireland|europe|country|world|city|town|area|region|business|industry)"

PROVEN_PATTERNS = (
    _NOT + r"(?:clinically|scientifically|medically)\s+(?:proven|tested)", _NOT + r"proven\s+to",
    _NOT + r"proven\s+(?:results?|effective|treatments?|techniques?|methods?|ways?)",
    _NOT + r"(?:studies|trials|research|science)\s+(?:show|shows|prove|proves|has\s+shown|have\s+shown)",
    r"backed\s+by\s+(?:science|research|studies|clinical\s+trials)", r"scientifically\s+backed",
)
PROVEN_INSTEAD = 'say what the treatment aims to do and how good the evidence is, e.g. "the evidence is limited; results vary"'

TIMED_PATTERNS = (
    rf"results?\s+(?:within|after|from)\s+{_ONLY}{_COUNT}\s+{_SPAN}",
    rf"{_RESULTS_IN}\s+{_ONLY}{_COUNT}\s+{_SPAN}",
    rf"results?\s+(?:from|after)\s+(?:the\s+|your\s+)?(?:very\s+)?(?:first|1st)\s+{_SPAN}",
    rf"(?:in|within|after)\s+(?:just|only)\s+{_COUNT}\s+{_SPAN}",
    r"(?:results?|(?:a|the)\s+difference)\s+within\s+(?:hours|days|weeks|a\s+week)",
    rf"{_RESULTS_IN}\s+(?:hours|days|weeks|a\s+week)",
)
TIMED_INSTEAD = 'say "some people notice a change after one session; for others it builds up over the course, and results vary"'

SUPERLATIVE_PATTERNS = (
    rf"best\s+(?:[\w-]+\s+)?{_WHO}", rf"best\s+in\s+{_PLACE}",
    # the ranking word alone (its keywords, not the common "clinic", decide whether the rule runs on a page)
    rf"(?:leading|top|top[\s-]rated|best[\s-]rated|highest[\s-]rated|premier|finest|most\s+trusted|"
    rf"most\s+experienced|world[\s-]class|award[\s-]winning|number[\s-]one|no\.\s?1|#\s?1)"
    rf"(?=\s+(?:[\w-]+\s+){{0,2}}?{_WHO}(?![\w-]))",
    r"award[\s-]winning", r"top[\s-]rated", r"number[\s-]one\s+(?:for|in|choice)", r"no\.\s?1", r"#\s?1",
    rf"{_PLACE}['’]s\s+(?:leading|best|top|number[\s-]one|favourite|favorite)",
)
SUPERLATIVE_WHY = "calling the clinic the best or leading is a comparison with every other clinic, which needs evidence"
SUPERLATIVE_INSTEAD = ("say what the clinic does and who does it (training, registration), without ranking it; "
                       'e.g. "our nurse prescribers are registered with the Nursing and Midwifery Council"')

TESTIMONIAL_PATTERNS = (
    r"testimonials?", r"(?:our|my|the)\s+(?:patients|clients|customers)\s+(?:say|said|tell\s+us|agree|swear\s+by)",
    r"(?:patients|clients|customers)\s+(?:love|adore|rave\s+about)", r"(?:rave|glowing)\s+reviews?",
    r"(?:4|5|four|five)[\s-]stars?(?:\s+(?:reviews?|ratings?|rated))?",
    r"(?:read|see)\s+(?:our\s+|the\s+)?(?:patients['’]?\s+|clients['’]?\s+|real\s+)?reviews",
    r"reviews?\s+from\s+(?:our\s+)?(?:happy\s+|real\s+|satisfied\s+)?(?:patients|clients|customers)",
    r"(?:happy|satisfied|delighted)\s+(?:patients|clients|customers)", r"hear\s+from\s+(?:our\s+)?(?:patients|clients)",
    r"trustpilot", r"google\s+reviews",
)
TESTIMONIAL_WHY = "one patient's verdict on their result reads as a promise of what is typical, and results vary from person to person"
TESTIMONIAL_INSTEAD = "describe what is typical and that results vary; leave out patients' verdicts on their results"

RISK_PATTERNS = (
    r"(?:extremely|incredibly|exceptionally|vanishingly)\s+rare(?:ly)?",
    r"(?:virtually|practically|almost)\s+(?:no|zero|nil)\s+(?:risks?|side[\s-]effects?|complications?|chance\s+of\s+\w+)",
    r"(?:minimal|negligible|tiny|minuscule)\s+(?:risks?|chance\s+of\s+(?:complications?|side[\s-]effects?|problems?))",
    r"risks?\s+(?:is|are)\s+(?:minimal|negligible|tiny|non[\s-]existent)",
    r"no\s+(?:real|serious|significant)\s+risks?", r"nothing\s+to\s+(?:worry|be\s+worried|fear)\s+about",
    r"no\s+need\s+to\s+worry", r"harmless",
)
RISK_WHY = "playing risks down stops patients weighing them before they decide"
RISK_INSTEAD = 'say how often a risk happens in plain words, e.g. "serious problems are rare", and what to do if it happens'

HONESTY = (
    Rule("proven", PROVEN_PATTERNS,
         "a claim that a treatment is proven needs strong evidence from trials in people, and for mesotherapy that "
         "evidence is limited", PROVEN_INSTEAD),
    Rule("timed-result", TIMED_PATTERNS,
         "how soon a change shows, if it shows at all, differs from person to person, so a time cannot be promised",
         TIMED_INSTEAD),
    Rule("superlative-clinic", SUPERLATIVE_PATTERNS, SUPERLATIVE_WHY, SUPERLATIVE_INSTEAD),
    Rule("testimonial", TESTIMONIAL_PATTERNS, TESTIMONIAL_WHY, TESTIMONIAL_INSTEAD),
    Rule("understated-risk", RISK_PATTERNS, RISK_WHY, RISK_INSTEAD),
)

# ---------------------------------------------------------------- prescription-only and unlicensed medicines

POM_BRANDS = (r"(?<!baby\s)botox", r"vistabel", r"azzalure", r"bocouture", r"dysport", r"xeomin", r"letybo",
              r"alluzience", r"relfydess", r"nuceiva")
POM_TOXIN = (r"botulinum(?:[\s-]+toxins?)?", r"neurotoxins?", r"neuro[\s-]?modulators?")
POM_EUPHEMISMS = (
    r"anti[\s-]?wrinkle\s+(?:injections?|injectables?|jabs?|shots?|toxins?)",
    r"(?:muscle|line|wrinkle|frown[\s-]line)[\s-]+(?:relaxing|relaxant|relaxation)\s+(?:injections?|injectables?|jabs?|shots?|treatments?|toxins?)",
    r"(?:wrinkle|line)[\s-]+relax(?:er|ers|ant|ants)", r"baby[\s-]+(?:botox|tox)", r"tox", r"brotox",
    r"(?:wrinkle|toxin)\s+(?:injections?|jabs?|shots?)",
    r"(?:frown|forehead|laughter|smile|worry)[\s-]+lines?\s+(?:injections?|jabs?|shots?)",
    r"crow['’]?s[\s-]+feet\s+(?:injections?|jabs?|shots?)",
    r"(?:anti[\s-]?sweat(?:ing)?|sweating|hyperhidrosis|jaw[\s-]?(?:line)?[\s-]slimming|masseter|gummy[\s-]smile|"
    r"teeth[\s-]grinding|bruxism)\s+(?:injections?|jabs?|shots?)",
    r"lip[\s-]flips?",
)
POM_INSTEAD = ('promote a consultation about the concern, not a medicine, e.g. "a consultation about lines and wrinkles"; '
               "name a prescription-only medicine only in factual safety information, with an allow comment giving the reason")
UNLICENSED = (
    r"phosphatidyl[\s-]?cholines?", r"(?:sodium\s+)?deoxycholates?", r"deoxycholic\s+acid", r"lipo[\s-]?dissolve",
    r"lipostabil", r"aqualyx", r"kybella", r"belkyra", r"desoface", r"lipo[\s-]?lab", r"kabelline",
    r"tranexamic\s+acid",
    r"glutathione\s+(?:injections?|drips?|iv|infusions?|shots?|jabs?|mesotherapy|boosters?)",
    r"(?:injected|injectable|injecting|iv|intravenous)\s+glutathione",
)
UNLICENSED_US = (
    r"phosphatidyl[\s-]?cholines?", r"(?:sodium\s+)?deoxycholates?", r"lipo[\s-]?dissolve", r"lipostabil", r"aqualyx",
    r"lipo[\s-]?lab", r"kabelline", r"pcdc",
)
UNLICENSED_INSTEAD = ('describe what the treatment aims to do without naming the product (e.g. "injections that aim to '
                      'reduce a small area of fat"); where factual safety information must name it, say it is not '
                      "licensed for this use and add an allow comment with the reason")
APPROVAL_PATTERNS = (
    r"(?:mhra|fda|ce|ukca|nhs|nice|ema|eu|government)[\s-]+(?:approved|cleared|certified|endorsed|licensed|marked|recommended)",
    r"(?:approved|endorsed|licensed|recommended|certified)\s+by\s+(?:the\s+)?(?:mhra|fda|nhs|nice|ema|"
    r"european\s+medicines\s+agency|food\s+and\s+drug\s+administration|government|department\s+of\s+health)",
)
APPROVAL_INSTEAD = ("describe the treatment without claiming an approval; the consultation explains which products are "
                    "used and what they are licensed for")

def _generic(rule_id: str) -> Rule:
    return next(rule for rule in GENERIC if rule.id == rule_id)


UK = (
    replace(_generic("safe"), why="no treatment is safe for everyone; calling it safe hides its real risks, and the CAP "
                                  "Code (rule 12.9) needs proof before suggesting a treatment is absolutely safe"),
    Rule("proven", PROVEN_PATTERNS,
         "the CAP Code (rule 12.1) needs evidence, from trials in people where relevant, for any claim that a treatment "
         "works, and 'proven' claims the strongest", PROVEN_INSTEAD),
    Rule("timed-result", TIMED_PATTERNS,
         "a time by which results show is a claim the CAP Code (rules 3.7 and 12.1) needs evidence for, and results "
         "vary from person to person", TIMED_INSTEAD),
    Rule("superlative-clinic", SUPERLATIVE_PATTERNS,
         "the CAP Code treats 'the best' or 'leading' as a comparison with every other clinic, which needs evidence "
         "(rules 3.7 and 3.33)", SUPERLATIVE_INSTEAD),
    Rule("testimonial", TESTIMONIAL_PATTERNS,
         "the CAP Code requires testimonials to be genuine and not misleading (rules 3.45 and 3.47), and a patient's "
         "verdict is not evidence that a treatment works (rule 12.1)", TESTIMONIAL_INSTEAD),
    Rule("understated-risk", RISK_PATTERNS,
         "the ASA's guidance on cosmetic procedures says ads must not play down their risks or present them as "
         "trivial (e.g. 'minimal risk of complications')", RISK_INSTEAD),
    Rule("pom-brand", POM_BRANDS,
         "this is a prescription-only medicine, and the CAP Code (rule 12.12) does not allow prescription-only "
         "medicines to be advertised to the public, by brand or by name", POM_INSTEAD),
    Rule("pom-botulinum-toxin", POM_TOXIN,
         "botulinum toxin is a prescription-only medicine, and the CAP Code (rule 12.12) does not allow it to be "
         "advertised to the public, by brand or by its general name", POM_INSTEAD),
    Rule("pom-euphemism", POM_EUPHEMISMS,
         "the CAP Code (rule 12.12) does not allow prescription-only medicines to be advertised to the public, and the "
         "ASA treats a name that points to one, such as 'anti-wrinkle injections', as advertising it", POM_INSTEAD),
    Rule("unlicensed-product", UNLICENSED,
         "naming this product as a treatment promotes it, and the CAP Code allows medical claims only for a product "
         "licensed or marked for that use (rules 12.1 and 12.11), never for a prescription-only medicine (rule 12.12)",
         UNLICENSED_INSTEAD),
    Rule("approval-claim", APPROVAL_PATTERNS,
         "a licence or a CE/UKCA mark covers one product for set uses, not a clinic's treatment, and does not show it "
         "works; claiming an approval misleads (the CAP Code, section 3 and rule 12.1)", APPROVAL_INSTEAD),
)

SPOT_FAT = Rule(
    "spot-fat-loss",
    (rf"{_LOSE}\s+(?:[\w'-]+\s+){{0,3}}?fat\s+(?:from|on|around|in|off)\s+(?:(?:your|the|their|a)\s+)?(?:[\w-]+\s+)?{_BODY}",
     rf"{_LOSE}\s+(?:(?:your|the|that|stubborn)\s+)*{_BODY}\s+fat",
     rf"{_BODY}\s+fat\s+(?:loss|removal|reduction|burning)",
     r"(?:slim|slims|slimmer|trim|trims)\s+(?:down\s+)?(?:(?:your|the)\s+)?" + _BODY,
     r"spot[\s-]reduc\w*", r"targeted\s+fat[\s-](?:loss|reduction)",
     r"fat[\s-](?:dissolving|melting|burning|busting|blasting)"),
    "UK advertising rules do not allow claims that fat can be lost from a particular part of the body",
    'say "it aims to reshape small, chosen areas; it is not a weight-loss treatment"',
)

UK_ONLY = UK + (SPOT_FAT,)

_DIRECTIVE = "Directive 2001/83/EC"
EU_ONLY = (
    Rule("testimonial", TESTIMONIAL_PATTERNS,
         f"EU medicines-advertising rules forbid misleading claims of recovery and case histories that could lead to "
         f"self-diagnosis ({_DIRECTIVE}, article 90(i) and (j))", TESTIMONIAL_INSTEAD),
    Rule("understated-risk", RISK_PATTERNS,
         f"EU medicines-advertising rules forbid suggesting that a treatment comes without adverse reactions "
         f"({_DIRECTIVE}, article 90(b))", RISK_INSTEAD),
    Rule("pom-brand", POM_BRANDS,
         f"this is a prescription-only medicine, and {_DIRECTIVE} (article 88) bans advertising prescription-only "
         "medicines to the public", POM_INSTEAD),
    Rule("pom-botulinum-toxin", POM_TOXIN,
         f"botulinum toxin is a prescription-only medicine, and {_DIRECTIVE} (article 88) bans advertising it to the "
         "public, by brand or by its general name", POM_INSTEAD),
    Rule("pom-euphemism", POM_EUPHEMISMS,
         f"{_DIRECTIVE} (article 88) bans advertising prescription-only medicines to the public, and a name that "
         "points to one still advertises it", POM_INSTEAD),
    Rule("unlicensed-product", UNLICENSED,
         f"{_DIRECTIVE} bans advertising a medicine without a marketing authorisation or beyond what it is "
         "authorised for (article 87), and prescription-only medicines to the public (article 88)", UNLICENSED_INSTEAD),
    Rule("approval-claim", APPROVAL_PATTERNS,
         f"an authorisation or a CE mark covers one product for set uses, not a clinic's treatment, and advertising "
         f"may claim nothing beyond it ({_DIRECTIVE}, article 87)", APPROVAL_INSTEAD),
    Rule("natural-so-safe", (r"all[\s-]natural", r"100\s*%\s+natural", r"natural\s+(?:and|so|,)\s*(?:it's\s+|it\s+is\s+)?(?:safe|harmless|gentle)",
                             r"(?:because|as)\s+it\s+is\s+natural"),
         "EU medicines-advertising rules forbid suggesting a treatment is safe or works because it is natural",
         "name the ingredients and what they aim to do, without calling them natural"),
    Rule("no-consultation-needed", (r"no\s+(?:need\s+for\s+(?:a\s+)?)?consultation\s+(?:needed|required|necessary)?",
                                    r"without\s+(?:a\s+)?(?:consultation|seeing\s+a\s+doctor)",
                                    r"no\s+need\s+(?:for\s+a|to\s+see\s+a)\s+doctor"),
         "EU medicines-advertising rules forbid suggesting that a medical consultation is unnecessary",
         'say "a face-to-face consultation decides whether it is right for you"'),
    Rule("better-than", (r"(?:better|more\s+effective|safer|as\s+good|as\s+effective)\s+(?:than|as)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:surgery|a\s+facelift|facelifts|fillers|injections|botox|other\s+treatments|liposuction)",
                         r"(?:non[\s-]surgical|liquid)\s+face[\s-]?lift"),
         "comparing a treatment favourably with another is not allowed in medicines advertising to the public",
         "say how the treatment differs from others, without ranking them"),
    Rule("expert-endorsement", (r"(?:doctor|dermatologist|expert|scientist|celebrity)[\s-]+(?:recommended|approved|endorsed)",
                                r"recommended\s+by\s+(?:doctors|dermatologists|experts|scientists|celebrities)",
                                r"(?:as\s+)?used\s+by\s+(?:the\s+)?(?:celebrities|the\s+stars)", r"celebrity\s+favourite"),
         "EU medicines-advertising rules forbid recommendations by scientists, health professionals or celebrities",
         "describe the treatment itself; let the consultation answer questions about suitability"),
)

US_ONLY = (
    Rule("proven", PROVEN_PATTERNS,
         "the FTC expects competent and reliable scientific evidence for any health claim, and 'proven' claims the strongest",
         'say "may help" and, where it is true, "the evidence is limited"'),
    Rule("timed-result", TIMED_PATTERNS,
         "a time by which results show is a health claim the FTC expects competent and reliable scientific evidence for",
         TIMED_INSTEAD),
    Rule("testimonial", TESTIMONIAL_PATTERNS,
         "under the FTC's Endorsement Guides (16 CFR Part 255) a patient's story is taken as the typical result, "
         "which the clinic must be able to show it is", TESTIMONIAL_INSTEAD),
    Rule("understated-risk", RISK_PATTERNS,
         "the FTC expects claims about a health product's safety, like claims about its benefits, to be backed by "
         "scientific evidence", RISK_INSTEAD),
    Rule("unlicensed-product", UNLICENSED_US,
         "the FDA has warned that fat-dissolving injections it has not approved (it has approved one, for under-chin "
         "fat) have caused scars, serious infections and skin deformities", UNLICENSED_INSTEAD),
    Rule("fda-approved", (r"fda[\s-](?:approved|cleared)", r"approved\s+by\s+the\s+fda"),
         "FDA approval covers particular products for particular uses, not a treatment or a clinic's own mix",
         "describe the treatment without claiming an approval you have not checked for that exact product and use"),
    Rule("expert-endorsement", (r"(?:doctor|dermatologist|expert|scientist|celebrity)[\s-]+(?:recommended|approved|endorsed)",
                                r"recommended\s+by\s+(?:doctors|dermatologists|experts|scientists|celebrities)"),
         "the FTC treats an expert's endorsement as a claim that needs the expert's own evidence-based judgement",
         "describe the treatment itself; let the consultation answer questions about suitability"),
    Rule("weight-loss", (r"lose\s+(?:up\s+to\s+)?\d+\s*(?:pounds|lbs?|kg|kilos|inches|dress\s+sizes?)",
                         r"inches\s+off", r"drop\s+(?:a\s+)?dress\s+sizes?", r"without\s+diet(?:ing)?\s+or\s+exercise",
                         r"burns?\s+fat", r"fat[\s-]burning", r"blocks?\s+(?:the\s+)?absorption\s+of\s+fat"),
         "these are among the weight-loss claims the FTC's 'Gut Check' guide lists as almost always false",
         'say "it is not a weight-loss treatment; it aims to reshape small areas"'),
)


# ---------------------------------------------------------------- the same rules in Arabic
# Each rule id above has Arabic forms here (EDITING.md, "Arabic pages"): they join the rule of the same id, so
# its message, its allow comment and the presets it belongs to stay the same. They run on pages of an Arabic
# build (Page.language), on the text normalised by sitekit.arabic (no tashkeel or tatweel, one alef, ى = ي,
# ة = ه, Western digits): write them in plain spelling, without marks. Each pattern also matches its first
# word with the letters that join the front of a word (و ف ب ك ل and the article ال: arabic.PREFIX), so
# "والبوتوكس" is "البوتوكس" is "بوتوكس". Latin letters in them are lower case.

_AR_NOT = r"(?<!غير\s)(?<!لم\s)(?<!لن\s)(?<!ليس\s)(?<!ليست\s)(?<!لا\s)"  # "غير مثبت علميا": not a claim
_AR_NEARLY = r"(?<!تكاد\s)(?<!يكاد\s)(?<!تقريبا\s)"  # "تكاد لا توجد مخاطر" is understated-risk's
_AR_WITHOUT = r"(?:بدون|بلا|دون|من\s+غير|خال|خالي|خاليه|خالية)\s+(?:من\s+)?(?:اي\s+)?"
_AR_SIDE_EFFECTS = r"(?:ال)?(?:اثار|اثارا|اعراض|اعراضا|تاثيرات)\s+(?:ال)?جانبيه"
_AR_RISK = r"(?:ال)?(?:مخاطر|خطر|خطوره|اخطار)"
_AR_COUNT = (r"(?:\d+\s+|(?:واحد|واحده|اثنين|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|عشر|عشره|عده|بضع|بضعه|"
             r"بضعة|اول|اولى)\s+)?")
_AR_SPAN = (r"(?:ال)?(?:ساعه|ساعات|ساعتين|يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|شهور|جلسه|جلستين|"
            r"جلسات|زياره|زيارتين|زيارات)(?:\s+(?:ال)?(?:واحد|واحده|اولى|اول))?")
_AR_WHO = (r"(?:ال)?(?:عياده|عيادات|طبيب|طبيبه|اطباء|ممارس|ممارسه|ممارسين|اخصائي|اخصائيه|اخصائيين|اختصاصي|"
           r"اختصاصيين|خبير|خبراء|فريق|مركز|مراكز|ممرض|ممرضه|ممرضين|ممرضات|جراح|جراحين)")
_AR_PLACE = (r"(?:ال)?(?:مملكه\s+(?:ال)?متحده|بريطانيا|لندن|انجلترا|اوروبا|عالم|منطقه|بلد|مدينه|خليج|"
             r"شرق\s+(?:ال)?اوسط|مجال)")
_AR_INJECTION = r"(?:حقن|حقنه|ابر|ابره)"
_AR_FAT_VERB = r"(?:اذابه|حرق|تذويب|تكسير|تفتيت|ذوبان|تذيب|يذيب|تحرق|يحرق|تفتت|يفتت)"
_AR_BODY = (r"(?:ال)?(?:بطن|كرش|خصر|ارداف|افخاذ|فخذين|فخذ|ذراعين|ذراع|اذرع|ذقن|لغد|رقبه|ظهر|وجه|خدين|خدود|"
            r"ركبتين|ركبه|مؤخره|جوانب|اجناب)")
_AR_AUTHORITY = (r"(?:mhra|fda|ema|nhs|nice|ce|ukca|(?:ال)?اتحاد\s+(?:ال)?اوروبي|(?:ال)?حكومه|وزاره\s+(?:ال)?صحه|"
                 r"(?:ال)?(?:هيئه|اداره)\s+(?:ال)?غذاء\s+و(?:ال)?دواء|(?:ال)?وكاله\s+(?:ال)?اوروبيه\s+(?:لل|ل)ادويه|"
                 r"(?:ال)?هيئه\s+(?:ال)?تنظيميه\s+(?:لل|ل)ادويه|(?:ال)?خدمات\s+(?:ال)?صحيه\s+(?:ال)?وطنيه|"
                 r"هيئه\s+(?:ال)?خدمات\s+(?:ال)?صحيه)")
_AR_FDA = r"(?:fda|(?:ال)?(?:هيئه|اداره)\s+(?:ال)?غذاء\s+و(?:ال)?دواء(?:\s+(?:ال)?امريكيه)?)"
_AR_EXPERTS = (r"(?:ال)?(?:اطباء(?:\s+(?:ال)?جلد(?:يه)?)?|خبراء|علماء|مشاهير|نجوم|اخصائيين|اختصاصيين|"
               r"اطباء\s+(?:ال)?جلديه)")
_AR_OTHER = (r"(?:ال)?(?:جراحه|عمليات|عمليه|شد\s+(?:ال)?وجه|فيلر|فيلرز|مالئات|حقن|بوتوكس|شفط\s+(?:ال)?دهون|"
             r"علاجات\s+(?:ال)?اخرى|علاج\s+اخر)")

AR_PROVEN = (
    _AR_NOT + r"(?:مثبت|مثبته|مثبتا|ثبت|يثبت|تثبت|ثابت|مجرب|مجربه|مختبر|مختبره)\s+(?:علميا|سريريا|طبيا)",
    _AR_NOT + r"مثبت(?:ه|ا)?(?:\s+(?:ال)?فعاليه)?",
    _AR_NOT + r"(?:اثبتت|تثبت|يثبت|اظهرت|تظهر|اكدت|تؤكد)\s+(?:ال)?(?:دراسات|ابحاث|تجارب|بحوث)",
    r"(?:ال)?(?:دراسات|ابحاث|تجارب|بحوث|علم)\s+(?:ال)?(?:سريريه\s+|علميه\s+)?(?:تثبت|اثبتت|تظهر|اظهرت|تؤكد|اكدت|يثبت|اثبت)",
    r"مدعوم(?:ه|ا)?\s+(?:علميا|بالعلم|بالابحاث|بالدراسات|بالادله(?:\s+(?:ال)?علميه)?)",
)
AR_TIMED = (
    rf"(?:نتائج|نتيجه)(?:ها)?\s+(?:(?:ال)?(?:ملحوظه|واضحه|مرئيه)\s+)?(?:تظهر\s+)?(?:خلال|بعد|في\s+غضون|من|في)\s+{_AR_COUNT}{_AR_SPAN}",
    rf"(?:فرق|فرقا|تغيير|تغييرا|تحسن|تحسنا)\s+(?:(?:واضح|واضحا|ملحوظ|ملحوظا)\s+)?(?:خلال|في\s+غضون)\s+{_AR_COUNT}{_AR_SPAN}",
    rf"(?:خلال|في|بعد|غضون)\s+{_AR_COUNT}{_AR_SPAN}\s+فقط",
)
AR_SUPERLATIVE = (
    rf"افضل\s+{_AR_WHO}",
    rf"{_AR_WHO}\s+(?:ال)?(?:افضل|رائده|رائد|اكثر\s+خبره|اعلى\s+تقييما|اشهر|اكثر\s+ثقه|رقم\s*(?:1|واحد))",
    r"(?:عياده|مركز)\s+(?:ال)?(?:اولى|اول)",
    rf"(?:ال)?(?:افضل|اولى|اول|رائده|رائد|رقم\s*(?:1|واحد))\s+في\s+{_AR_PLACE}",
    r"(?:حائز|حائزه|حاصل|حاصله)\s+على\s+(?:عده\s+)?جوائز", r"(?:ال)?اعلى\s+تقييما",
    r"(?:ال)?خيار\s+(?:ال)?(?:اول|رقم\s*(?:1|واحد))",
)
AR_TESTIMONIAL = (
    r"(?:اراء|شهادات|تقييمات|مراجعات|قصص)\s+(?:ال)?(?:مرضانا|مرضى|عملائنا|عملاء|زبائننا|زبائن|مراجعينا|مراجعين)",
    r"قصص\s+(?:ال)?نجاح", r"(?:خمس|5|اربع|4)\s+نجوم",
    r"(?:مرضانا|عملاؤنا|عملائنا|زبائننا)\s+(?:يقولون|يحبون|يشهدون|يعشقون|ينصحون|يؤكدون|راضون|سعداء)",
    r"(?:يقول|يؤكد|يشهد)\s+(?:مرضانا|عملاؤنا|عملائنا|زبائننا)",
    r"(?:مرضى|عملاء|زبائن)\s+(?:سعداء|راضون|راضين|سعيدين)", r"تقييمات\s+(?:جوجل|غوغل|google)",
)
AR_RISK = (
    r"نادر(?:ه)?\s+(?:جدا\s+جدا|للغايه|بشكل\s+استثنائي|الى\s+حد\s+كبير)",
    r"(?:شبه|تكاد\s+تكون|يكاد\s+يكون)\s+(?:معدوم|معدومه|منعدم|منعدمه|صفر|صفرا)",
    rf"(?:تكاد|يكاد)\s+لا\s+(?:توجد|يوجد)(?:\s+(?:اي\s+)?(?:{_AR_RISK}|{_AR_SIDE_EFFECTS}|(?:ال)?مضاعفات))?",
    rf"(?:{_AR_RISK}|(?:ال)?مضاعفات|(?:ال)?احتمال(?:\s+حدوث)?\s+(?:ال)?مضاعفات)\s+(?:ال)?(?:ضئيل|ضئيله|معدوم|معدومه|"
    r"لا\s+تذكر|لا\s+يذكر)",
    r"لا\s+(?:داعي|حاجه)\s+(?:الى\s+(?:ال)?|لل|ل)?(?:قلق|خوف)",
    r"لا\s+يوجد\s+ما\s+(?:يدعو|يستدعي)\s+(?:الى\s+(?:ال)?|لل|ل)?(?:قلق|خوف)",
    r"غير\s+ضار(?:ه)?", r"لا\s+ضرر\s+(?:منه|منها|فيه|فيها)",
)

AR_FORMS: dict[str, tuple[str, ...]] = {
    "painless": (
        _AR_WITHOUT + r"(?:ال)?(?:الم|الام|وجع)", r"لا\s+(?:ال)?(?:الم|وجع)",
        r"(?:لا|لن|ليس|ليست)\s+(?:يؤلم|تؤلم|مؤلم|مؤلمه|مؤلما)", r"غير\s+مؤلم(?:ه|ا)?",
    ),
    "permanent": (r"دائم(?:ه|ين|ون|ات)?", r"(?:تدوم|يدوم)\s+(?:مدى\s+(?:ال)?حياه|الى\s+(?:ال)?ابد|للابد)",
                  r"(?:نتائج|نتيجه)\s+(?:ال)?ابديه"),
    "guaranteed": (r"مضمون(?:ه|ين|ون|ات|ا)?", r"(?<!ل)ضمان(?:ه|ات|ا)?", r"(?:س)?نضمن", r"(?:يضمن|تضمن)\s+لك(?:م)?",
                   r"(?:نتائج|نتيجه)\s+(?:ال)?مؤكده"),
    "risk-free": (_AR_NEARLY + _AR_WITHOUT + _AR_RISK,
                  _AR_NEARLY + r"(?:لا|ليس\s+له|ليس\s+لها)\s+(?:(?:توجد|يوجد)\s+)?(?:اي\s+)?" + _AR_RISK,
                  r"صفر\s+(?:مخاطر|خطر)", r"مخاطر\s+صفر"),
    "safe": (r"امن(?:ه|ا|ين|ون|ات)?(?:\s+(?:تماما|كليا|جدا|بالكامل|(?:بنسبه\s+)?100\s*%))?",
             r"(?:ال)?اكثر\s+امانا", r"امان\s+(?:تام|مطلق|كامل)", r"مامون(?:ه)?"),
    "no-side-effects": (
        _AR_NEARLY + _AR_WITHOUT + _AR_SIDE_EFFECTS,
        _AR_NEARLY + r"(?:لا|ليس\s+له|ليس\s+لها|ليست\s+له|ليست\s+لها)\s+(?:(?:توجد|يوجد|يسبب|تسبب|يترك|تترك)\s+)?(?:اي\s+)?"
        + _AR_SIDE_EFFECTS,
    ),
    "no-downtime": (r"(?:بدون|بلا|دون|لا)\s+(?:اي\s+)?(?:فتره|وقت)\s+(?:ال)?(?:نقاهه|تعافي|تعاف|توقف)",
                    r"لا\s+(?:حاجه|داعي)\s+(?:الى\s+|ل)(?:ال)?(?:فتره|وقت)\s+(?:ال)?(?:نقاهه|تعافي|تعاف)"),
    "miracle": (r"معجز(?:ه|ات)", r"سحري(?:ه)?", r"(?:علاج|دواء)\s+(?:ال)?عجيب", r"خارق(?:ه)?"),
    "cure": (r"(?:علاج|علاجا|حل|حلا)\s+(?:ال)?(?:نهائي|نهائيا|شاف|شافي|جذري|جذريا)", r"(?:يشفيك|تشفيك|يشفيكم|تشفيكم)",
             r"(?:ال)?شفاء\s+(?:ال)?(?:تام|نهائي|كامل)", r"(?:يعالج|تعالج)\s+(?:\w+\s+)?نهائيا",
             r"(?:يقضي|تقضي)\s+نهائيا\s+على"),
    # "لا تظهر النتائج فورا" (results do not show at once) is honest: only the adjective, or "تظهر" after the noun
    "instant-results": (r"(?:نتائج|نتيجه)\s+(?:ال)?(?:فوريه|فوري|لحظيه|انيه)",
                        r"(?:نتائج|نتيجه)\s+(?:تظهر|يظهر)\s+(?:فورا|على\s+(?:ال)?فور|في\s+(?:ال)?حال)",
                        r"(?:اصغر|انعم|انحف|انضر|اكثر\s+شبابا)\s+(?:فورا|على\s+(?:ال)?فور|في\s+(?:ال)?حال)"),
    "hype": (r"مذهل(?:ه|ا)?", r"مدهش(?:ه|ا)?", r"ثوري(?:ه|ا)?", r"(?:يغير|تغير|سيغير|ستغير)\s+حياتك(?:م)?",
             r"(?:تغيير|تغييرا|تحول|تحولا)\s+(?:ال)?جذري(?:ا)?", r"بشكل\s+جذري",
             r"(?:نتائج|نتيجه)\s+(?:ال)?(?:رائعه|خياليه|مبهره)", r"مبهر(?:ه|ا)?", r"طفره\s+(?:في|علميه)"),
    "for-everyone": (
        r"(?<!غير\s)(?<!ليس\s)(?<!ليست\s)(?<!لا\s)(?:مناسب|مناسبه|مناسبا|يناسب|تناسب|يصلح|تصلح|ينجح|تنجح|فعال|فعاله)\s+"
        r"(?:مع\s+|ل)?(?:(?:ال|ل)?جميع|كل\s+(?:ال)?(?:ناس|شخص|اشخاص)|جميع\s+(?:ال)?(?:ناس|اشخاص))",
        r"(?:نتائج|نتيجه)\s+(?:لل|ل)جميع",
    ),
    "proven": AR_PROVEN,
    "timed-result": AR_TIMED,
    "superlative-clinic": AR_SUPERLATIVE,
    "testimonial": AR_TESTIMONIAL,
    "understated-risk": AR_RISK,
    "pom-brand": (r"(?<!بيبي\s)(?<!بايبي\s)بوتوكس", r"بوتكس", r"ديسبورت", r"زيومين", r"ازالور", r"بوكوتور",
                  r"فيستابيل", r"فيستابل", r"ليتيبو"),
    "pom-botulinum-toxin": (r"(?:(?:توكسين|ذيفان|سم|سموم)\s+(?:ال)?)?بوتي?ولينيوم", r"(?:(?:توكسين|ذيفان|سم|سموم)\s+(?:ال)?)?بوتي?ولينوم",
                            r"(?:ال)?ذيفان\s+(?:ال)?وشيقي", r"(?:ذيفان|ذيفانات|سم|سموم)\s+(?:ال)?عصبي(?:ه)?"),
    "pom-euphemism": (
        rf"{_AR_INJECTION}\s+(?:(?:ال)?تجاعيد|ازاله\s+(?:ال)?تجاعيد|مضاده\s+(?:لل|ل)تجاعيد|ضد\s+(?:ال)?تجاعيد|"
        r"مرخيه\s+(?:لل|ل)عضلات|ارخاء\s+(?:ال)?عضلات|(?:فرط\s+)?(?:ال)?تعرق|تنحيف\s+(?:ال)?فك|صرير\s+(?:ال)?اسنان|"
        r"(?:ال)?ابتسامه\s+(?:ال)?لثويه|خطوط\s+(?:ال)?(?:عبوس|جبهه|ضحك|تعبير)|(?:ال)?عبوس|اقدام\s+(?:ال)?غراب)",
        r"(?:بيبي|بايبي)\s+(?:بوتوكس|توكس)", r"توكس", r"بروتوكس", r"(?:مرخي|مرخيات|مرخيه)\s+(?:لل|ال|ل)?عضلات",
        r"ليب\s+فليب",
    ),
    "unlicensed-product": (
        r"فوسفاتيديل\s*كولين", r"(?:صوديوم\s+)?دي\s*اوكسي\s*كولات", r"(?:صوديوم\s+)?ديوكسي\s*كولات",
        r"(?:حمض|حامض)\s+(?:ال)?(?:دي\s*اوكسي\s*كوليك|ديوكسي\s*كوليك)", r"ليبو\s*ديزولف", r"ليبو\s*ديسولف",
        r"ليبوستابيل", r"اكواليكس", r"كايبيلا", r"كيبيلا", r"بيلكيرا", r"ديسوفيس", r"ليبو\s*لاب", r"كابيلين",
        r"(?:حمض|حامض)\s+(?:ال)?ترانيكساميك",
        r"(?:حقن|حقنه|ابر|تنقيط|جلسات)\s+(?:ال)?(?:جلوتاثيون|غلوتاثيون)",
        r"(?:ال)?(?:جلوتاثيون|غلوتاثيون)\s+(?:ال)?(?:وريدي|بالحقن|عن\s+طريق\s+(?:ال)?وريد)",
    ),
    "approval-claim": (
        r"(?:معتمد|مرخص|مصرح|مصادق|موافق|موصى|مسجل)(?:ه)?(?:\s+(?:به|بها|عليه|عليها))?\s+(?:من\s+(?:قبل\s+)?|لدى\s+)"
        + _AR_AUTHORITY,
        r"(?:بموافقه|موافقه|باعتماد|اعتماد|ترخيص|علامه)\s+(?:من\s+)?" + _AR_AUTHORITY,
    ),
    "spot-fat-loss": (
        rf"{_AR_FAT_VERB}\s+(?:ال)?دهون",
        rf"(?:ازاله|التخلص\s+من|خساره|فقدان|تقليل|انقاص|تزيل|يزيل)\s+(?:ال)?دهون\s+(?:(?:ال)?(?:عنيده|متراكمه|زائده)\s+)?"
        rf"(?:(?:في|من|حول|على)\s+(?:منطقه\s+)?)?{_AR_BODY}",
        r"(?:ازاله|التخلص\s+من|خساره|فقدان|تقليل|انقاص)\s+(?:ال)?دهون\s+(?:ال)?موضعيه",
        rf"(?:تنحيف|نحت)\s+{_AR_BODY}", r"(?:ال)?تنحيف\s+(?:ال)?موضعي",
    ),
    "natural-so-safe": (r"طبيعي(?:ه)?\s+(?:100\s*%|تماما|بالكامل|بنسبه\s+100\s*%)", r"100\s*%\s+طبيعي(?:ه)?",
                        r"طبيعي(?:ه)?\s+و(?:امن|امنه|لطيف|لطيفه|غير\s+ضار|غير\s+ضاره)",
                        r"(?:لانه|لانها|كونه|كونها)\s+(?:مكونات\s+)?طبيعي(?:ه)?"),
    "no-consultation-needed": (
        r"(?:بدون|دون|من\s+غير)\s+(?:اي\s+|حاجه\s+(?:الى\s+|ل))?(?:ال)?(?:استشاره|زياره\s+(?:ال)?طبيب|مراجعه\s+(?:ال)?طبيب)",
        r"لا\s+(?:حاجه|داعي)\s+(?:الى\s+(?:ال)?|لل|ل)?(?:استشاره|زياره\s+(?:ال)?طبيب|رؤيه\s+(?:ال)?طبيب)",
    ),
    "better-than": (
        r"(?:افضل|اكثر\s+فعاليه|اكثر\s+امانا|اامن|بنفس\s+فعاليه|يضاهي|تضاهي)\s+(?:من\s+)?(?:\w+\s+){0,2}?" + _AR_OTHER,
        r"شد\s+(?:ال)?وجه\s+(?:بدون|دون|بلا|من\s+غير)\s+(?:ال)?جراحه", r"شد\s+(?:ال)?وجه\s+(?:غير\s+(?:ال)?جراحي|(?:ال)?سائل)",
    ),
    "expert-endorsement": (
        rf"(?:موصى\s+(?:به|بها)|ينصح\s+(?:به|بها)|يوصي\s+(?:به|بها)|معتمد|معتمده|مجرب|مجربه)\s+(?:من\s+(?:قبل\s+)?)?{_AR_EXPERTS}",
        rf"(?:ينصح|يوصي)\s+(?:به|بها)\s+{_AR_EXPERTS}",
        r"(?:يستخدمه|تستخدمه|يستخدمها|تستخدمها)\s+(?:ال)?(?:مشاهير|نجوم)",
        r"(?:ال)?(?:مفضل|مفضله)\s+(?:لدى|عند)\s+(?:ال)?(?:مشاهير|نجوم)", r"(?:سر|اسرار)\s+(?:ال)?(?:مشاهير|نجوم)",
    ),
    "fda-approved": (
        r"(?:معتمد|معتمده|مرخص|مرخصه|موافق\s+عليه|موافق\s+عليها|مصرح\s+به|مصرح\s+بها)\s+(?:من\s+(?:قبل\s+)?)?" + _AR_FDA,
        r"(?:بموافقه|موافقه|اعتماد|باعتماد)\s+(?:من\s+)?" + _AR_FDA,
    ),
    "weight-loss": (
        r"(?:خساره|فقدان|انقاص|تخسر|تفقد|تخسري|تفقدي|اخسر|اخسري)\s+(?:حتى\s+)?\d+\s*(?:كيلو(?:غرام|جرام)?(?:ات)?|كغ|كجم|كلغ|"
        r"رطل|ارطال|سم|سنتيمتر(?:ات)?|بوصه|بوصات|انش|مقاس|مقاسات)",
        r"(?:بدون|دون|من\s+غير)\s+(?:حميه|رجيم|ريجيم)\s+(?:او|و)\s*(?:رياضه|تمارين|تمرين)",
        r"(?:حرق|يحرق|تحرق)\s+(?:ال)?دهون", r"(?:يمنع|تمنع)\s+امتصاص\s+(?:ال)?دهون",
    ),
}

#: Rules whose Arabic match does not count after a negation earlier in its clause: "لا يوجد مزيج واحد يناسب
#: الجميع" (no single mix suits everyone) says the opposite of "يناسب الجميع".
AR_NEGATABLE = frozenset({"for-everyone"})
_AR_NEGATION = frozenset(arabic.normalise(w) for w in ("لا", "ليس", "ليست", "لن", "لم", "غير", "بلا", "وليس", "ولا"))
_AR_CLAUSE_END = re.compile(r"[.!?؟؛،,:\n]")


def _negated(normal: str, start: int) -> bool:
    """Whether the clause of ``normal`` (the normalised text) before ``start`` holds a negation."""
    clause_start = max((m.end() for m in _AR_CLAUSE_END.finditer(normal, max(0, start - 200), start)), default=0)
    return any(word in _AR_NEGATION for word in re.findall(r"\w+", normal[clause_start:start]))


#: A preset whose English patterns for a rule differ has its own Arabic forms (the same products, the same claims).
AR_FORMS_BY_PATTERNS: dict[tuple[str, ...], tuple[str, ...]] = {
    # the US version names fewer fat-dissolving products, and its expert rule has no "used by celebrities"
    UNLICENSED_US: (r"فوسفاتيديل\s*كولين", r"(?:صوديوم\s+)?دي\s*اوكسي\s*كولات", r"(?:صوديوم\s+)?ديوكسي\s*كولات",
                    r"ليبو\s*ديزولف", r"ليبو\s*ديسولف", r"ليبوستابيل", r"اكواليكس", r"ليبو\s*لاب", r"كابيلين"),
}
AR_FORMS_BY_PATTERNS[next(rule.patterns for rule in US_ONLY if rule.id == "expert-endorsement")] = (
    AR_FORMS["expert-endorsement"][:2])

#: An example rewrite in Arabic for the message (the English `instead` is the instruction).
AR_INSTEAD: dict[str, str] = {
    "painless": "يشعر معظم الناس بانزعاج خفيف فقط",
    "permanent": "تتلاشى النتائج مع الوقت، وقد تساعد جلسات المتابعة",
    "guaranteed": "تختلف النتائج من شخص لآخر",
    "risk-free": "يساعد الممارس المؤهل على إبقاء المخاطر منخفضة",
    "safe": "الآثار الجانبية عادةً خفيفة وقصيرة",
    "no-side-effects": "الآثار الجانبية عادةً خفيفة وتستمر من بضع ساعات إلى يومين تقريباً",
    "no-downtime": "يعود معظم الناس إلى يومهم المعتاد بعد الجلسة بوقت قصير، مع أن الاحمرار شائع",
    "miracle": "يهدف العلاج إلى تحسين مظهر البشرة، وتختلف النتائج",
    "cure": "قد يساعد على تحسين المظهر",
    "instant-results": "يلاحظ بعض الناس تغيراً بعد جلسة واحدة، وعند آخرين يظهر التغير تدريجياً على مدى الجلسات",
    "hype": "يهدف العلاج إلى تحسين مظهر البشرة، وتختلف النتائج",
    "for-everyone": "تحدد الاستشارة ما إذا كان العلاج مناسباً لك",
    "proven": "الأدلة محدودة، وتختلف النتائج",
    "timed-result": "يلاحظ بعض الناس تغيراً بعد جلسة واحدة، وعند آخرين يظهر التغير تدريجياً، وتختلف النتائج",
    "superlative-clinic": "يعمل في العيادة ممرضون مسجلون لدى مجلس التمريض والقبالة",
    "testimonial": "اذكر ما هو معتاد، وأن النتائج تختلف من شخص لآخر",
    "understated-risk": "المشكلات الخطيرة قليلة الحدوث، وإذا حدثت فاتصل بالعيادة",
    "pom-brand": "استشارة حول الخطوط والتجاعيد",
    "pom-botulinum-toxin": "استشارة حول الخطوط والتجاعيد",
    "pom-euphemism": "استشارة حول الخطوط والتجاعيد",
    "unlicensed-product": "حقن تهدف إلى تقليل منطقة صغيرة من الدهون",
    "spot-fat-loss": "يهدف إلى إعادة تشكيل مناطق صغيرة مختارة، وهو ليس علاجاً لإنقاص الوزن",
    "no-consultation-needed": "تحدد الاستشارة وجهاً لوجه ما إذا كان العلاج مناسباً لك",
    "weight-loss": "ليس علاجاً لإنقاص الوزن، بل يهدف إلى إعادة تشكيل مناطق صغيرة",
}


def _with_arabic(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The rules with their Arabic forms and Arabic example rewrite (by id; by English patterns where a preset's
    own version of a rule names other products)."""
    return tuple(replace(rule, arabic=AR_FORMS_BY_PATTERNS.get(rule.patterns, AR_FORMS.get(rule.id, ())),
                         arabic_instead=AR_INSTEAD.get(rule.id, "")) for rule in rules)


def _preset(*groups: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The rules of the groups in order; a later rule with the id of an earlier one replaces it in its place (a
    preset's own version of a generic rule, whose `why` names the preset's code)."""
    rules: dict[str, Rule] = {}
    for group in groups:
        for rule in group:
            rules[rule.id] = rule  # a dict keeps the first insertion's position when a key is replaced
    return tuple(rules.values())


BY_PRESET = {
    "generic": _with_arabic(_preset(GENERIC, HONESTY)),
    "uk": _with_arabic(_preset(GENERIC, HONESTY, UK_ONLY)),
    "eu": _with_arabic(_preset(GENERIC, HONESTY, EU_ONLY)),
    "us": _with_arabic(_preset(GENERIC, HONESTY, US_ONLY)),
}

ALL_RULE_IDS = sorted({rule.id for rules in BY_PRESET.values() for rule in rules})


def rules_for(preset: str = "generic", extra_rules: list[dict] | None = None,
              disable: list[str] | None = None) -> list[Rule]:
    """The rules of a preset, less the disabled ones, plus the clinic's own rules from mkdocs.yml."""
    rules = [rule for rule in BY_PRESET[preset] if rule.id not in set(disable or [])]
    for raw in extra_rules or []:
        phrases = [phrase_pattern(p) for p in raw["phrases"]]
        # a phrase in Arabic script is matched like the built-in Arabic forms (any spelling, joined letters)
        rules.append(Rule(raw["id"], tuple(phrases), raw["why"], raw["instead"], raw.get("severity") or ERROR,
                          arabic=tuple(p.lower() for p in phrases if arabic.ARABIC_LETTER.search(p))))
    return rules


_ALLOW = re.compile(r"^\s*allow\s+([A-Za-z0-9_-]+)\s*(?:(?:—|–|--|-|:)\s*)?(.*?)\s*$", re.IGNORECASE | re.DOTALL)


@dataclass
class _Allow:
    rule: str
    line: int
    col: int
    used: bool = False


def _allows(page: Page, known: list[str]) -> tuple[list[_Allow], list[Problem]]:
    """Every ``<!-- policy: allow RULE — reason -->`` comment outside code, and its mistakes."""
    allows, problems = [], []
    path = page.path
    for comment in page.policy_comments:
        line, col = comment.line, comment.col
        inner = _ALLOW.match(comment.inner)
        if not inner:
            problems.append(Problem(path, line, f"the policy comment {quote(comment.text)} is not understood",
                                    "write it as <!-- policy: allow RULE — the reason it is acceptable here -->",
                                    col=col))
            continue
        rule, reason = inner.group(1).lower(), inner.group(2)
        if rule not in known:
            guess = difflib.get_close_matches(rule, known, n=1)
            fix = f'did you mean "{guess[0]}"?' if guess else "use a rule name from the message you are allowing (see EDITING.md)"
            problems.append(Problem(path, line, f'the allow comment names an unknown rule "{rule}"', fix, col=col))
            continue
        if len(re.findall(r"[^\W\d_]{2,}", reason)) < 2:
            problems.append(Problem(path, line, f'the allow comment for "{rule}" gives no reason',
                                    f"say why it is acceptable here, e.g. <!-- policy: allow {rule} — quoting a "
                                    "patient's question -->", col=col))
            continue
        allows.append(_Allow(rule, line, col))
    return allows, problems


def check(text: str, path: str, rules: list[Rule]) -> list[Problem]:
    """Every claim in ``text`` (a whole Markdown file) that breaks one of ``rules``, with line and column."""
    return check_page(read(text, path), rules)


def check_page(page: Page, rules: list[Rule], prefilter: bool = True) -> list[Problem]:
    """Every claim on the page that breaks one of ``rules``, with line and column. ``prefilter``: skip a rule
    when none of its keywords is on the page (the same result, faster; False runs every rule's expression)."""
    known = sorted({rule.id for rule in rules} | set(ALL_RULE_IDS))
    allows, problems = _allows(page, known)
    path, text = page.path, page.text
    searchable = page.prose
    lower = searchable.lower()
    same_offsets = len(lower) == len(searchable)   # lower() changes the length of a few letters (İ)
    in_arabic = arabic.is_arabic_script(page.language)
    if in_arabic:  # the Arabic forms run on one spelling of the text, mapped back to the editor's columns
        normal, origin = arabic.normalise(searchable), None  # origin: worked out at the first Arabic match
        normal_lower = normal.lower()
        if len(normal_lower) != len(normal):
            normal_lower = None
    hits = []
    for rule in rules:
        hits += _english_hits(rule, searchable, lower, text, same_offsets, prefilter)
        if in_arabic and rule.arabic:
            words = rule.arabic_keywords
            haystack = normal_lower if normal_lower is not None else normal
            fast = prefilter and normal_lower is not None
            if fast and words is not None and not any(w in haystack for w in words):
                continue  # as for the English patterns: none of the words a match needs is on the page
            for match in _search(lambda: rule.arabic_regex, haystack, rule.arabic_anchors if fast else None):
                if rule.id in AR_NEGATABLE and _negated(haystack, match.start()):
                    continue
                if origin is None:
                    origin = arabic.normalise_map(searchable)[1]
                start, end = arabic.span_in_original(origin, match.start(), match.end())
                line, col = line_col(searchable, start)
                hits.append((line, col, rule, text[start:end]))
    hits = list({(h[0], h[1], h[2].id): h for h in hits}.values())
    for line, col, rule, found in sorted(hits, key=lambda h: (h[0], h[1])):
        allow = next((a for a in allows if a.line == line and a.rule == rule.id and not a.used), None)
        if allow:
            allow.used = True
            continue
        instead = rule.instead
        if in_arabic and rule.arabic_instead:
            instead += f', in Arabic e.g. "{rule.arabic_instead}"'
        problems.append(Problem(
            path, line, f'{quote(found)} breaks the "{rule.id}" rule: {rule.why}',
            f"{instead} (or, if it is acceptable here, end the line with "
            f"<!-- policy: allow {rule.id} — the reason -->)", severity=rule.severity, col=col))
    for allow in allows:
        if not allow.used:
            problems.append(Problem(path, allow.line, f'the allow comment for "{allow.rule}" matches nothing on this line',
                                    "remove it, or move it to the line with the words it allows",
                                    severity=WARNING, col=allow.col))
    return sorted(tag(problems, "policy"), key=lambda p: p.sort_key)


def _english_hits(rule: Rule, searchable: str, lower: str, text: str, same_offsets: bool, prefilter: bool) -> list:
    """(line, col, rule, text) of each match of the rule's English patterns."""
    if prefilter and same_offsets and all(p == p.lower() for p in rule.patterns):  # lower_case_regex is used
        words = rule.keywords
        if words is not None and not any(word in lower for word in words):
            return []  # none of the words every match holds is on the page: it cannot match (nor is compiled)
        matches = _search(lambda: rule.lower_case_regex, lower, rule.anchors)
    else:
        fast = rule.lower_case_regex if same_offsets else None
        matches = fast.finditer(lower) if fast else rule.regex.finditer(searchable)
    hits = []
    for match in matches:
        line, col = line_col(searchable, match.start())
        hits.append((line, col, rule, text[match.start():match.end()]))
    return hits


def strip_allow_comments(markdown: str) -> str:
    """The page without its policy comments (outside code), so they never reach the published HTML."""
    return read(markdown, "").without_policy_comments(markdown)
