"""Sorted disjoint intervals, for the overlap and containment tests of the entities pass."""
from __future__ import annotations

from bisect import bisect_left, bisect_right


class Intervals:
    """Pairwise disjoint, non-empty [start, end) intervals, sorted, for overlap and containment tests."""

    def __init__(self, intervals: list[tuple[int, int]] = ()):
        """Start with `intervals`, already sorted (a matcher's hits are)."""
        self.starts: list[int] = [start for start, _ in intervals]
        self.ends: list[int] = [end for _, end in intervals]

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)

    def _last_before(self, pos: int) -> int:
        """Index of the interval with the greatest start < pos (-1 if none)."""
        return bisect_left(self.starts, pos) - 1

    def overlaps(self, start: int, end: int) -> bool:
        """Does an interval overlap [start, end)? Only the last one starting before `end` can."""
        k = self._last_before(end)
        return k >= 0 and self.ends[k] > start

    def contains(self, start: int, end: int) -> bool:
        """Is [start, end) within one interval ("Comrade Liu" inside a contextual name: round two decides)?"""
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.ends[k]
