"""Alternations of a vocabulary's case-insensitive patterns, scanned faster with exactly the
same spans (issue 3). Builds on the lowercase twins and needles of ``lower_match``:

* **Live alternatives** (``AnyScanner``). An alternation of the vocabulary's patterns is scanned
  with only the alternatives whose needles the text holds: one that matches nowhere in a text
  never takes part in a match, so the others, in the same order, find the same spans.
* **Dead optional heads** (``AnyScanner``, ``optional_head``). An alternative that opens with an
  optional group ("(?:voortgangs|zeswekelijkse )?evaluatie") whose needles a text lacks matches
  there as its rest alone ("evaluatie..."): the group can match only the empty string. The rest
  opens with a literal, which the engine searches for instead of trying the group at every position.

Where an alternative alone might mean something else (a backreference) or promises no needle,
the whole alternation's twin (or the case-insensitive pattern) serves, as in ``lower_match``.
"""
from __future__ import annotations

import re
import re._constants as _c
from collections.abc import Iterator
from functools import lru_cache

from audit.extract.lower_match import (REPEATS, Clauses, Scanner, clauses_of, compile_tree, holds, lowered,
                                       lowered_tree, scanner)

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


@lru_cache(maxsize=1024)
def _twin_of(source: str) -> re.Pattern[str] | None:
    """The lowercase twin of ``re.compile(source, ANY_FLAGS)``, without compiling that."""
    tree = lowered_tree(source, ANY_FLAGS)
    return None if tree is None else compile_tree(tree, ANY_FLAGS)


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
        if not holds(self.whole.clauses, lower):
            return None
        alive = tuple(n for n, clauses in enumerate(self.parts) if holds(clauses, lower))
        if not alive:
            return None
        heads = self.heads
        bare = tuple(n for n in alive if heads[n] is not None and not holds(heads[n][0], lower))
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
    tree = lowered_tree(_alternation((pattern,)), ANY_FLAGS)
    if tree is None:
        return (), False
    return clauses_of(tree), bool(tree.data) and tree.data[0][0] is _c.LITERAL


# The needles of an alternative's optional head and the alternative without it.
Head = tuple[Clauses, str]
_HEAD_ENDS = (")?", ")*", ")??", ")*?", ")?+", ")*+")


@lru_cache(maxsize=1024)
def optional_head(pattern: str) -> Head | None:
    """Where ``pattern`` opens with an optional group whose every match holds a needle of each of
    its clauses, those clauses and the pattern's rest: in a text without them the group matches
    only the empty string, so the rest finds the same spans. The split is the parser's own: the
    head parses to the pattern's first item alone, the rest to all its others."""
    tree = lowered_tree(_alternation((pattern,)), ANY_FLAGS)
    if tree is None or not tree.data or tree.data[0][0] not in REPEATS or tree.data[0][1][0] != 0:
        return None
    clauses = clauses_of(tree.data[0][1][2])
    if not clauses:
        return None
    first, others = repr(tree.data[:1]), repr(tree.data[1:])
    for k in range(2, len(pattern)):
        if not pattern[:k].endswith(_HEAD_ENDS):
            continue
        head = lowered_tree(_alternation((pattern[:k],)), ANY_FLAGS)
        rest = lowered_tree(_alternation((pattern[k:],)), ANY_FLAGS)
        if head is not None and rest is not None and repr(head.data) == first and repr(rest.data) == others:
            return clauses, pattern[k:]
    return None
