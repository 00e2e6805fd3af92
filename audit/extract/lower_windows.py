"""A short pattern scanned only in windows around its needles, with exactly the matches of a scan
of the whole lowered text (issue 3; used where one pattern is scanned over long lines).

* **Windows.** Every match holds a needle of the pattern's first clause (``lower_match``). Where
  no match is wider than WIDTH characters, one that holds a needle at ``q`` starts in
  ``[q + len(needle) - WIDTH, q]``: only those starts need trying.
* **Width.** A pattern whose unbounded repeats each take one character (``\\s+``) has a widest
  match once each such repeat takes at most RUN characters: WIDTH (``_widest``). That bound holds
  where no run of more than RUN such characters stands near the needle: every try the engine
  makes from a start in the window reaches such a run within WIDTH characters of that start, so
  a longer run shows in the guarded stretch (``guard``, to WIDTH + RUN + 1 past the window).
  Where the guard finds one, the text is scanned whole.
* **Ends.** Within a window the engine runs with an end (``endpos``) WIDTH + 2 past the window's
  last start: every character a try from the window reads (``\\b`` or ``$`` read one past the
  match) lies before it, so those tries find what they find in the whole text. A match the
  engine finds past the window's last start is not trusted: a true one there is in a later window.

Anything whose reach the parser cannot tell (a lookahead, a backreference, an unbounded repeat of
more than one character) keeps the scan of the whole text.
"""
from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from audit.extract.lower_match import CPYTHON_SURPRISES, REPEATS, compile_tree, lowered_tree, scanner

RUN = 16  # the longest run of one character class an unbounded repeat may take for the windows
_ONE_CHAR = (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY)


class _Unbounded(Exception):
    """The pattern's reach cannot be told from its parsed form."""


@dataclass(frozen=True)
class Windowed:
    """A lowercase twin scanned in windows around the ``needles`` (its first clause)."""

    twin: re.Pattern[str]
    needles: tuple[str, ...]
    width: int
    guard: re.Pattern[str] | None  # a run of more than RUN characters an unbounded repeat takes

    def finditer(self, lower: str) -> Iterator[re.Match[str]]:
        """The matches of ``twin.finditer(lower)``: the same spans and groups."""
        windows = self._windows(lower)
        if windows is None:
            yield from self.twin.finditer(lower)
            return
        cursor = 0
        for first, last in windows:
            end = min(len(lower), last + self.width + 2)
            at = max(first, cursor)
            while at <= last:
                m = self.twin.search(lower, at, end)
                if m is None or m.start() > last:
                    break
                yield m
                at = cursor = m.end()  # never empty: a match holds a needle

    def _windows(self, lower: str) -> list[tuple[int, int]] | None:
        """The stretches ``(first, last)`` where a match may start, ascending and apart; None where
        the guard finds a long run near one."""
        spans = []
        for needle in self.needles:
            at = lower.find(needle)
            while at >= 0:
                spans.append((max(0, at + len(needle) - self.width), at))
                at = lower.find(needle, at + 1)
        merged: list[tuple[int, int]] = []
        for first, last in sorted(spans):
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
            else:
                merged.append((first, last))
        if self.guard is not None:
            for first, last in merged:
                if self.guard.search(lower, first, last + self.width + RUN + 1) is not None:
                    return None
        return merged


@lru_cache(maxsize=64)
def windowed(pattern: re.Pattern[str]) -> Windowed | None:
    """The Windowed scan of a case-insensitive ``pattern``'s twin; None where it has none (no twin,
    no needles, a reach the parser cannot tell)."""
    scan = scanner(pattern)
    if scan.twin is None or not scan.clauses:
        return None
    try:
        tree = lowered_tree(pattern.pattern, pattern.flags)
        if tree is None:
            return None
        runs: dict[str, tuple] = {}
        width = _widest(tree, runs)
        guard = _guard(tree.state, list(runs.values()), pattern.flags) if runs else None
    except (_Unbounded, *CPYTHON_SURPRISES):
        return None
    if runs and guard is None:
        return None
    return Windowed(scan.twin, scan.clauses[0], width, guard)


def _widest(sub, runs: dict[str, tuple]) -> int:
    """The widest match of a parsed (lowered) pattern where each unbounded repeat of one character
    takes at most RUN; those characters' items go to ``runs``. Raises _Unbounded otherwise."""
    width = 0
    for op, av in sub.data:
        if op in _ONE_CHAR:
            width += 1
        elif op is _c.BRANCH:
            width += max(_widest(branch, runs) for branch in av[1])
        elif op is _c.SUBPATTERN:
            width += _widest(av[3], runs)
        elif op is _c.ATOMIC_GROUP:
            width += _widest(av, runs)
        elif op in REPEATS and av[1] != _c.MAXREPEAT:
            width += av[1] * _widest(av[2], runs)
        elif op in REPEATS and len(av[2].data) == 1 and av[2].data[0][0] in _ONE_CHAR:
            runs[repr(av[2].data[0])] = av[2].data[0]
            width += RUN
        elif op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] < 0:
            continue  # a lookbehind reads before the try's start, which the windows never cut off
        elif op is not _c.AT:
            raise _Unbounded
    return width


def _guard(state, items: list[tuple], flags: int) -> re.Pattern[str] | None:
    """A pattern that finds a run of more than RUN characters matched by one of the ``items``."""
    runs = [_parser.SubPattern(state, [(_c.MAX_REPEAT, (RUN + 1, RUN + 1, _parser.SubPattern(state, [item])))])
            for item in items]
    tree = runs[0] if len(runs) == 1 else _parser.SubPattern(state, [(_c.BRANCH, (None, runs))])
    return compile_tree(tree, flags)
