"""Case-insensitive cue patterns matched faster, with exactly the same spans (issue 3).

Three speed-ups, all exact (the alternations of a vocabulary's patterns get two more in
``lower_any``):

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
* **Lines that hold a needle** (``LowerTexts``). A document's lines are lowered once, and one
  pass over them all finds the lines that hold a needle of a pattern; the others are passed by
  (or where in each line a set of needles stands: ``starts``).

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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for an annotation: lower_any builds on this module
    from audit.extract.lower_any import AnyScanner

SAFE_PUNCTUATION = "\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac\u2032\u2033\u2212"
SAFE_TEXT = frozenset(chr(c) for c in range(0x100) if c != 0xB5) | frozenset(SAFE_PUNCTUATION)
_UNSAFE_CHAR = re.compile("[^" + re.escape("".join(sorted(SAFE_TEXT))) + "]")
_RANGE_LIMIT = 1024
REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


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
        elif op in REPEATS:
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
        elif op in REPEATS and av[0] >= 1:
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


def holds(clauses: Clauses, lower: str) -> bool:
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
        return lower is None or holds(self.clauses, lower)

    def found(self, text: str) -> bool:
        """Whether ``pattern`` finds anything in ``text``."""
        if self.twin is None:
            return self.pattern.search(text) is not None
        return self.search(text, lowered(text)) is not None

    def finditer(self, text: str, lower: str | None) -> Iterator[re.Match[str]]:
        if lower is None or self.twin is None:
            return self.pattern.finditer(text)
        if not holds(self.clauses, lower):
            return iter(())
        return self.twin.finditer(lower)

    def search(self, text: str, lower: str | None) -> re.Match[str] | None:
        if lower is None or self.twin is None:
            return self.pattern.search(text)
        if not holds(self.clauses, lower):
            return None
        return self.twin.search(lower)


@lru_cache(maxsize=512)
def scanner(pattern: re.Pattern[str]) -> Scanner:
    """The Scanner of a case-insensitive ``pattern`` (without a twin where none can be built)."""
    if not pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return Scanner(pattern)
    tree = lowered_tree(pattern.pattern, pattern.flags)
    if tree is None:
        return Scanner(pattern)
    return Scanner(pattern, compile_tree(tree, pattern.flags), clauses_of(tree))


def lower_twin(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive ``pattern``, for ``lowered`` text; None
    where the pattern uses anything whose meaning lowercase matching might not keep."""
    return None if pattern is None else scanner(pattern).twin


_CPYTHON_SURPRISES = (_NoTwin, re.error, RecursionError, TypeError, ValueError, IndexError, KeyError, AttributeError)


def clauses_of(tree) -> Clauses:
    """The prepared clauses of a lowered tree; none (no promise) where its layout surprises."""
    try:
        return _prepared(_clauses(tree))
    except _CPYTHON_SURPRISES:
        return ()


def lowered_tree(source: str, flags: int):
    """The parsed ``source`` rewritten for lowercased text (``_lower_tree``), or None."""
    try:
        tree = _parser.parse(source, flags & ~re.IGNORECASE)
        if tree.state.flags & (re.IGNORECASE | re.ASCII | re.LOCALE | re.DEBUG):
            return None
        _lower_tree(tree)
        return tree
    except _CPYTHON_SURPRISES:
        return None


def compile_tree(tree, flags: int) -> re.Pattern[str] | None:
    try:
        return _compiler.compile(tree, flags & ~re.IGNORECASE)
    except _CPYTHON_SURPRISES:
        return None


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
        first = clauses[0]
        if len(first) == 1 and not self._unsafe:
            return self.holding(first[0])  # in order, each text once (the memo: not to be changed)
        # Most needles of a long clause stand nowhere: one `in` each passes them by, cheaper than
        # holding(); it looks in the same joined text, so it keeps exactly the needles holding() finds.
        joined = self._joined
        held = [needle for needle in first if needle in joined]
        if len(held) == 1 and not self._unsafe:
            return self.holding(held[0])
        found = set(self._unsafe)
        for needle in held:
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

    def starts(self, needles: Iterable[str]) -> list[list[int] | None]:
        """Per text, the offsets where one of ``needles`` (newline-free) starts, ascending, overlaps
        included; None for the unsafe texts, where lowercase search does not tell."""
        out: list[list[int] | None] = [None if low is None else [] for low in self.each]
        joined, starts, found = self._joined, self._starts, set()
        for needle in set(needles):
            at = joined.find(needle)
            while at >= 0:
                found.add(at)
                at = joined.find(needle, at + 1)
        for at in sorted(found):
            k = bisect_right(starts, at) - 1
            out[self._safe[k]].append(at - starts[k])  # type: ignore[union-attr]
        return out
