"""Case-insensitive cue patterns matched faster, with exactly the same spans (issue 3).

Five speed-ups, all exact:

* **Lowercase twins.** A case-insensitive scan cannot use the regex engine's literal-prefix
  search. For text whose every character is in SAFE_TEXT (ASCII, Latin-1 without the micro sign,
  common typographic punctuation) and a pattern whose literals are all lowercase safe characters,
  matching the pattern case-sensitively against ``text.lower()`` finds exactly the spans
  IGNORECASE finds in ``text``: the engine compares ``lower(char)`` with the (lowercased) pattern
  under IGNORECASE, these characters lowercase to one character of the same kind (letter, digit,
  space), and none takes part in the engine's special case equivalences (ı/i, ſ/s, K/k, µ/μ ...).
* **Needles.** From the twin's parsed form follow strings ("probleemanalyse", "pa") of which
  every match holds at least one. Where the lowercased text holds none, the twin cannot match
  and the scan is skipped: a plain substring test costs a fraction of a regex scan.
* **Live alternatives** (``AnyScanner``). An alternation of the vocabulary's patterns is scanned
  with only the alternatives whose needles the text holds: one that matches nowhere in a text
  never takes part in a match, so the others, in the same order, find the same spans.
* **Dead optional heads** (``AnyScanner``). An alternative that opens with an optional group
  ("(?:voortgangs|zeswekelijkse )?evaluatie") whose needles a text lacks matches there as
  its rest alone ("evaluatie..."): the group can match only the empty string. The rest opens with
  a literal, which the engine searches for instead of trying the group at every position.
* **Lines that hold a needle** (``LowerTexts``). A document's lines are lowered once, and one
  pass over them all finds the lines that hold a needle of a pattern; the others are passed by.

Anything else (unsafe text, a pattern the rewrite does not understand) keeps the
case-insensitive pattern. The twins are built from ``re._parser`` (CPython's own parser): any
surprise there (an unknown node, a changed layout) raises, and the pattern keeps its slow path.
"""
from __future__ import annotations

import re
import re._compiler as _compiler
import re._constants as _c
import re._parser as _parser
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

SAFE_PUNCTUATION = "\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac\u2032\u2033\u2212"
SAFE_TEXT = frozenset(chr(c) for c in range(0x100) if c != 0xB5) | frozenset(SAFE_PUNCTUATION)
_UNSAFE_CHAR = re.compile("[^" + re.escape("".join(sorted(SAFE_TEXT))) + "]")
_RANGE_LIMIT = 1024
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


def lowered(text: str) -> str | None:
    """``text.lower()`` when lowercase matching is exact for it (see SAFE_TEXT), else None."""
    if text.isascii():  # every ASCII character is safe; the common case, tested cheaply
        return text.lower()
    if _UNSAFE_CHAR.search(text) is not None:
        return None
    return text.lower()


class _NoTwin(Exception):
    """The pattern uses something whose case-insensitive meaning lowercase matching might not keep."""


def _lower_code(code: int) -> int:
    """A literal as IGNORECASE compares it: its lowercase (one safe character)."""
    char = chr(code)
    if char not in SAFE_TEXT:
        raise _NoTwin
    return ord(char.lower())


def _lower_class(items: list) -> list:
    """A character class as IGNORECASE reads it (lowercase members), for lowercased text."""
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append((op, _lower_code(av)))
        elif op is _c.RANGE:
            low, high = av
            if high - low > _RANGE_LIMIT:
                raise _NoTwin
            out += [(_c.LITERAL, _lower_code(code)) for code in range(low, high + 1)]
        elif op in (_c.CATEGORY, _c.NEGATE):
            out.append((op, av))
        else:
            raise _NoTwin
    return out


def _lower_tree(sub) -> None:
    """Rewrite a parsed pattern in place into its case-sensitive twin for lowercased text."""
    for i, (op, av) in enumerate(sub.data):
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            sub.data[i] = (op, _lower_code(av))
        elif op is _c.IN:
            sub.data[i] = (op, _lower_class(av))
        elif op is _c.BRANCH:
            for branch in av[1]:
                _lower_tree(branch)
        elif op is _c.SUBPATTERN:
            if av[1] & ~re.IGNORECASE or av[2]:
                raise _NoTwin
            _lower_tree(av[3])
        elif op in _REPEATS:
            _lower_tree(av[2])
        elif op is _c.ATOMIC_GROUP:
            _lower_tree(av)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _lower_tree(av[1])
        elif op not in (_c.ANY, _c.AT, _c.GROUPREF):
            raise _NoTwin


# --------------------------------------------------------------------------- needles
# A clause is a set of strings of which every match holds at least one; a pattern's clauses
# all hold in each of its matches ("plan\s+van\s+aanpak": "plan", "van" and "aanpak").
MAX_CLAUSES = 3


def _strength(clause: frozenset[str]) -> tuple[int, int]:
    """How seldom a text holds a clause by chance: longest shortest needle, then fewest needles."""
    return min(map(len, clause)), -len(clause)


def _clauses(sub) -> list[frozenset[str]]:
    """The clauses of the parsed (case-sensitive) ``sub``. A match of a sequence holds the match
    of each of its items, a run of literals holds itself, a match of an alternation holds one
    branch's match; anything not understood (an optional part, a lookaround) promises nothing."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in sub.data:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset(("".join(run),)))
            run = []
        if op is _c.SUBPATTERN:
            out += _clauses(av[3])
        elif op is _c.BRANCH:
            best = [max(_clauses(branch), key=_strength, default=None) for branch in av[1]]
            if best and all(c is not None for c in best):
                out.append(frozenset().union(*best))
        elif op in _REPEATS and av[0] >= 1:
            out += _clauses(av[2])
        elif op is _c.ATOMIC_GROUP:
            out += _clauses(av)
    if run:
        out.append(frozenset(("".join(run),)))
    return out


def _prepared(clauses: list[frozenset[str]]) -> tuple[tuple[str, ...], ...]:
    """The strongest few clauses, strongest first (a text that lacks one is passed by sooner),
    each without the needles that hold another (a text with "evaluatiegesprek" holds "evaluatie")."""
    if not all(all(clause) for clause in clauses):
        return ()  # an empty needle promises nothing (it cannot happen: literal runs are not empty)
    kept = sorted(set(clauses), key=_strength, reverse=True)[:MAX_CLAUSES]
    return tuple(tuple(sorted(n for n in c if not any(o != n and o in n for o in c))) for c in kept)


# --------------------------------------------------------------------------- scanners
Clauses = tuple[tuple[str, ...], ...]


def _holds(clauses: Clauses, lower: str) -> bool:
    """Whether ``lower`` holds a needle of every clause."""
    for clause in clauses:
        for needle in clause:
            if needle in lower:
                break
        else:
            return False
    return True


class Scanner:
    """A case-insensitive pattern with its lowercase twin and clauses. Callers pass the text and
    ``lowered(text)``; the matches give the same spans as ``pattern`` on ``text``, but where the
    twin ran their group texts are lowercase: read ``m.span()``, or the original text."""

    __slots__ = ("pattern", "twin", "clauses")

    def __init__(self, pattern: re.Pattern[str], twin: re.Pattern[str] | None = None, clauses: Clauses = ()) -> None:
        self.pattern, self.twin, self.clauses = pattern, twin, clauses if twin is not None else ()

    def may_match(self, lower: str | None) -> bool:
        """False only where ``pattern`` provably finds nothing in a text lowered to ``lower``."""
        return lower is None or _holds(self.clauses, lower)

    def found(self, text: str) -> bool:
        """Whether ``pattern`` finds anything in ``text``."""
        if self.twin is None:
            return self.pattern.search(text) is not None
        return self.search(text, lowered(text)) is not None

    def finditer(self, text: str, lower: str | None) -> Iterator[re.Match[str]]:
        if lower is None or self.twin is None:
            return self.pattern.finditer(text)
        if not _holds(self.clauses, lower):
            return iter(())
        return self.twin.finditer(lower)

    def search(self, text: str, lower: str | None) -> re.Match[str] | None:
        if lower is None or self.twin is None:
            return self.pattern.search(text)
        if not _holds(self.clauses, lower):
            return None
        return self.twin.search(lower)


@lru_cache(maxsize=512)
def scanner(pattern: re.Pattern[str]) -> Scanner:
    """The Scanner of a case-insensitive ``pattern`` (without a twin where none can be built)."""
    if not pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return Scanner(pattern)
    tree = _lowered_tree(pattern.pattern, pattern.flags)
    if tree is None:
        return Scanner(pattern)
    return Scanner(pattern, _compiled(tree, pattern.flags), _clauses_of(tree))


def lower_twin(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive ``pattern``, for ``lowered`` text; None
    where the pattern uses anything whose meaning lowercase matching might not keep."""
    return None if pattern is None else scanner(pattern).twin


_CPYTHON_SURPRISES = (_NoTwin, re.error, RecursionError, TypeError, ValueError, IndexError, KeyError, AttributeError)


def _clauses_of(tree) -> Clauses:
    """The prepared clauses of a lowered tree; none (no promise) where its layout surprises."""
    try:
        return _prepared(_clauses(tree))
    except _CPYTHON_SURPRISES:
        return ()


def _lowered_tree(source: str, flags: int):
    """The parsed ``source`` rewritten for lowercased text (``_lower_tree``), or None."""
    try:
        tree = _parser.parse(source, flags & ~re.IGNORECASE)
        if tree.state.flags & (re.IGNORECASE | re.ASCII | re.LOCALE | re.DEBUG):
            return None
        _lower_tree(tree)
        return tree
    except _CPYTHON_SURPRISES:
        return None


def _compiled(tree, flags: int) -> re.Pattern[str] | None:
    try:
        return _compiler.compile(tree, flags & ~re.IGNORECASE)
    except _CPYTHON_SURPRISES:
        return None


@lru_cache(maxsize=1024)
def _twin_of(source: str) -> re.Pattern[str] | None:
    """The lowercase twin of ``re.compile(source, ANY_FLAGS)``, without compiling that."""
    tree = _lowered_tree(source, ANY_FLAGS)
    return None if tree is None else _compiled(tree, ANY_FLAGS)


class LowerTexts:
    """Texts lowered once (``each``, parallel to them; None where unsafe) and the safe ones joined
    by newlines, to find in one pass which texts hold a needle: a text that holds no needle of a
    pattern's first clause cannot match it, so a scan over many lines can pass such lines by."""

    __slots__ = ("each", "_joined", "_starts", "_safe", "_unsafe", "_where")

    def __init__(self, texts: Iterable[str]) -> None:
        self.each = [lowered(text) for text in texts]
        self._safe = [n for n, low in enumerate(self.each) if low is not None]
        self._unsafe = [n for n, low in enumerate(self.each) if low is None]
        self._starts, at = [], 0
        for n in self._safe:
            self._starts.append(at)
            at += len(self.each[n]) + 1
        self._joined = "\n".join(self.each[n] for n in self._safe)
        self._where: dict[str, list[int]] = {}

    def worth(self, scan: Scanner | AnyScanner) -> Sequence[int]:
        """The indices, in order, of the texts where ``scan`` may match: the unsafe ones and those
        that hold a needle of its first clause (all of them where it promises none)."""
        clauses = scan.clauses
        if not clauses:
            return range(len(self.each))
        if len(clauses[0]) == 1 and not self._unsafe:
            return self.holding(clauses[0][0])  # in order, each text once (the memo: not to be changed)
        found = set(self._unsafe)
        for needle in clauses[0]:
            found.update(self.holding(needle))
        return sorted(found)

    def holding(self, needle: str) -> list[int]:
        """The indices of the safe texts that hold ``needle`` (a needle across the newline between
        two texts counts for the first: a spare candidate, never a missed one)."""
        where = self._where.get(needle)
        if where is None:
            where = self._where[needle] = []
            joined, starts = self._joined, self._starts
            at = joined.find(needle)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                where.append(self._safe[k])
                at = joined.find(needle, starts[k + 1]) if k + 1 < len(starts) else -1
        return where


# --------------------------------------------------------------------------- alternations
# A backreference counts groups over the whole alternation: such an alternative means something
# else alone (conservative: an escaped backslash before a digit counts too).
_GROUP_REFERENCE = re.compile(r"\\(?:[1-9]|g)|\(\?P=")
ANY_FLAGS = re.IGNORECASE | re.MULTILINE
MAX_SUBSETS = 128  # alternations compiled per AnyScanner, each on first need


def _alternation(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=512)
def compile_any(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive alternation of the vocabulary's regular expressions."""
    if not patterns:
        return None
    return re.compile(_alternation(patterns), ANY_FLAGS)


class AnyScanner:
    """``compile_any(patterns)`` scanned with only the alternatives that can match in a text. An
    alternative that matches nowhere in a text never takes part in a match, so the alternation of
    the others, in the same order, finds the same spans. Each such alternation's twin is compiled
    on first need, for at most MAX_SUBSETS sets of alternatives (then the whole one serves)."""

    __slots__ = ("whole", "patterns", "parts", "heads", "_twins")

    def __init__(self, whole: Scanner, patterns: tuple[str, ...], parts: tuple[Clauses, ...] | None,
                 heads: tuple[Head | None, ...] = ()) -> None:
        self.whole, self.patterns, self.parts = whole, patterns, parts
        self.heads = heads or (None,) * len(patterns)
        self._twins: dict[tuple[tuple[int, ...], tuple[int, ...]], re.Pattern[str]] = {}

    @property
    def clauses(self) -> Clauses:
        return self.whole.clauses

    def may_match(self, lower: str | None) -> bool:
        """False only where the alternation provably finds nothing in a text lowered to ``lower``."""
        return self.whole.may_match(lower)

    def finditer(self, text: str, lower: str | None) -> Iterator[re.Match[str]]:
        """Spans as ``whole.pattern.finditer(text)``; the matches' groups are not the whole's."""
        if lower is None or self.parts is None:
            return self.whole.finditer(text, lower)
        twin = self._live_twin(lower)
        return iter(()) if twin is None else twin.finditer(lower)

    def search(self, text: str, lower: str | None) -> re.Match[str] | None:
        """The span of ``whole.pattern.search(text)``; the match's groups are not the whole's."""
        if lower is None or self.parts is None:
            return self.whole.search(text, lower)
        twin = self._live_twin(lower)
        return None if twin is None else twin.search(lower)

    def found(self, text: str) -> bool:
        """Whether ``whole.pattern`` finds anything in ``text``."""
        return self.search(text, lowered(text)) is not None

    def _live_twin(self, lower: str) -> re.Pattern[str] | None:
        """The twin that scans ``lower`` with the live alternatives only; None where none lives."""
        if not _holds(self.whole.clauses, lower):
            return None
        alive = tuple(n for n, clauses in enumerate(self.parts) if _holds(clauses, lower))
        if not alive:
            return None
        heads = self.heads
        bare = tuple(n for n in alive if heads[n] is not None and not _holds(heads[n][0], lower))
        return self._twin(alive, bare)

    def _twin(self, alive: tuple[int, ...], bare: tuple[int, ...]) -> re.Pattern[str]:
        """The twin of the alternation of the ``alive`` alternatives, those in ``bare`` without their
        dead optional head (the whole twin where that alternation could mean anything else, or
        when enough have been compiled)."""
        twin = self._twins.get((alive, bare))
        if twin is not None:
            return twin
        whole = self.whole.twin
        if (len(alive) == len(self.parts) and not bare) or len(self._twins) >= MAX_SUBSETS:
            return whole
        twin = _twin_of(_alternation(tuple(self.heads[n][1] if n in bare else self.patterns[n] for n in alive)))
        if twin is None or twin.flags != whole.flags:
            twin = whole
        self._twins[(alive, bare)] = twin
        return twin


@lru_cache(maxsize=512)
def any_scanner(patterns: tuple[str, ...]) -> AnyScanner | None:
    """The AnyScanner of ``compile_any(patterns)``; alternatives are told apart only where each
    alone keeps its meaning (no backreference) and promises needles."""
    pattern = compile_any(patterns)
    if pattern is None:
        return None
    whole = scanner(pattern)
    if whole.twin is None or len(patterns) < 2 or any(_GROUP_REFERENCE.search(p) for p in patterns):
        return AnyScanner(whole, patterns, None)
    alone = [_alone(p) for p in patterns]
    if all(opens for _, opens in alone) or not all(clauses for clauses, _ in alone):
        return AnyScanner(whole, patterns, None)
    return AnyScanner(whole, patterns, tuple(clauses for clauses, _ in alone), tuple(map(optional_head, patterns)))


@lru_cache(maxsize=1024)
def _alone(pattern: str) -> tuple[Clauses, bool]:
    """The clauses of one alternative (parsed alone: its twin is compiled only where needed), and
    whether it opens with a letter. Speed only: where every alternative does, the engine skips to
    the positions of those letters by itself, and scanning the alternatives apart costs more."""
    tree = _lowered_tree(_alternation((pattern,)), ANY_FLAGS)
    if tree is None:
        return (), False
    return _clauses_of(tree), bool(tree.data) and tree.data[0][0] is _c.LITERAL


# The needles of an alternative's optional head and the alternative without it.
Head = tuple[Clauses, str]
_HEAD_ENDS = (")?", ")*", ")??", ")*?", ")?+", ")*+")


@lru_cache(maxsize=1024)
def optional_head(pattern: str) -> Head | None:
    """Where ``pattern`` opens with an optional group whose every match holds a needle of each of
    its clauses, those clauses and the pattern's rest: in a text without them the group matches
    only the empty string, so the rest finds the same spans. The split is the parser's own: the
    head parses to the pattern's first item alone, the rest to all its others."""
    tree = _lowered_tree(_alternation((pattern,)), ANY_FLAGS)
    if tree is None or not tree.data or tree.data[0][0] not in _REPEATS or tree.data[0][1][0] != 0:
        return None
    clauses = _clauses_of(tree.data[0][1][2])
    if not clauses:
        return None
    first, others = repr(tree.data[:1]), repr(tree.data[1:])
    for k in range(2, len(pattern)):
        if not pattern[:k].endswith(_HEAD_ENDS):
            continue
        head = _lowered_tree(_alternation((pattern[:k],)), ANY_FLAGS)
        rest = _lowered_tree(_alternation((pattern[k:],)), ANY_FLAGS)
        if head is not None and rest is not None and repr(head.data) == first and repr(rest.data) == others:
            return clauses, pattern[k:]
    return None
