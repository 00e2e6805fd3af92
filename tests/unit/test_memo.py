"""ByObject: one value per object, made again for another object or other companions."""
from __future__ import annotations

from audit.memo import ByObject


class Thing:
    __hash__ = None  # unhashable, as a loaded checklist or a document with dicts inside


def test_value_kept_for_the_same_object_and_companions():
    memo: ByObject[int] = ByObject(4)
    made = []
    a, b, companion = Thing(), Thing(), Thing()

    def build(n):
        made.append(n)
        return n

    assert memo.get(a, lambda: build(1), companion) == 1
    assert memo.get(a, lambda: build(2), companion) == 1  # kept
    assert memo.get(a, lambda: build(3), Thing()) == 3  # another companion: made anew
    assert memo.get(a, lambda: build(4)) == 4  # no companion: made anew
    assert memo.get(b, lambda: build(5)) == 5
    assert made == [1, 3, 4, 5]
    memo.clear()
    assert memo.get(b, lambda: build(6)) == 6


def test_full_memo_is_emptied_and_holds_its_objects():
    memo: ByObject[int] = ByObject(2)
    for n in range(5):
        memo.get(Thing(), lambda n=n: n)  # the object dies with the caller's reference, not in the memo
    assert len(list(memo.values())) <= 2
    memo.clear()
    keys = [Thing() for _ in range(2)]
    for n, key in enumerate(keys):
        memo.get(key, lambda n=n: n)
    assert sorted(memo.values()) == [0, 1]  # two fit; the values are those of the held objects
    assert [memo.get(key, lambda: -1) for key in keys] == [0, 1]
