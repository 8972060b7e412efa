"""Compact read-only tables for large lexical resources (a gazetteer, WordNet's index).

A Python ``dict`` of a few hundred thousand short strings costs tens of megabytes in every
worker process. :class:`StringIndex` keeps the same keys as one string and an array of
offsets, sorted, and finds a key by binary search; :class:`Groups` keeps, for each key,
a run of integers in one flat array. Lookups are slower than a dict's (microseconds), which
is nothing for resources read a few times per document.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence


class StringIndex:
    """Sorted distinct strings in one block: ``find(key)`` gives a key's position or -1."""

    __slots__ = ("_starts", "_text")

    def __init__(self, keys: Iterable[str]) -> None:
        ordered = sorted(set(keys))
        self._text = "".join(ordered)
        self._starts = array("q", [0])
        at = 0
        for key in ordered:
            at += len(key)
            self._starts.append(at)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, position: int) -> str:
        if not 0 <= position < len(self):
            raise IndexError(position)
        return self._text[self._starts[position]:self._starts[position + 1]]

    def find(self, key: str) -> int:
        """The position of ``key`` (0-based, in sorted order), or -1 when absent."""
        position = bisect_left(self, key)  # type: ignore[arg-type]
        return position if position < len(self) and self[position] == key else -1


class Groups:
    """For each position 0..n-1, a sequence of integers (kept in one flat array)."""

    __slots__ = ("_starts", "_values")

    def __init__(self, groups: Iterable[Sequence[int]], typecode: str = "q") -> None:
        self._starts = array("q", [0])
        self._values = array(typecode)
        for group in groups:
            self._values.extend(group)
            self._starts.append(len(self._values))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, position: int) -> tuple[int, ...]:
        return tuple(self._values[self._starts[position]:self._starts[position + 1]])
