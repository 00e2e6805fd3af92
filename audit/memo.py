"""Values worked out once per object that is compared by identity: a loaded checklist, a document.

Such objects are often unhashable (frozen dataclasses holding dicts), so the entries are keyed by
``id``; each entry holds its object, so that the id cannot be taken by another object while the
entry lives. The stages ask again for the same objects (issue 3: each component, each riv part)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

V = TypeVar("V")


class ByObject(Generic[V]):
    """At most ``size`` values, each for one object (and the further objects it was made with);
    emptied when full."""

    def __init__(self, size: int):
        self.size = size
        self._entries: dict[int, tuple[object, tuple[object, ...], V]] = {}

    def get(self, obj: object, build: Callable[[], V], *also: object) -> V:
        """The value for ``obj``, made by ``build`` unless one was made for this very object with these
        very ``also`` objects (compared by identity)."""
        kept = self._entries.get(id(obj))
        if kept is None or kept[0] is not obj or len(kept[1]) != len(also) \
                or any(a is not b for a, b in zip(kept[1], also)):
            if len(self._entries) >= self.size:
                self._entries.clear()
            kept = self._entries[id(obj)] = (obj, also, build())
        return kept[2]

    def values(self) -> Iterator[V]:
        return (value for _, _, value in self._entries.values())

    def clear(self) -> None:
        self._entries.clear()
