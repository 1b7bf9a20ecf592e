"""Groups of mutually agreeing rows in O(n log n): intervals that share a point.

Each row is an interval of signed values its text allows (widened by half
the relative tolerance of its value on each side). Rows agree when their
intervals overlap, and a set of intervals on a line agrees pairwise exactly
when one point lies in all of them. So the best-supported group is the
deepest point; take the rows through it, and repeat. A segment tree over
the interval ends keeps the depth of every point under range updates, and a
second one finds the rows through a point, so every row is added, found and
removed O(log n) times: 400 rows for one figure take milliseconds, where
comparing every pair per round was cubic.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


class _MaxTree:
    """Range add, global maximum with its leftmost index."""

    def __init__(self, size: int) -> None:
        self.n = 1
        while self.n < size:
            self.n *= 2
        self.best = [0.0] * (2 * self.n)
        self.add_ = [0.0] * (2 * self.n)
        self.at = [0] * (2 * self.n)  # leftmost index of each node's maximum
        for i in range(self.n):
            self.at[self.n + i] = i
            if i >= size:  # padding leaves never win
                self.best[self.n + i] = float("-inf")
        for i in range(self.n - 1, 0, -1):
            self._pull(i)

    def _pull(self, i: int) -> None:
        left, right = 2 * i, 2 * i + 1
        if self.best[left] >= self.best[right]:
            self.best[i], self.at[i] = self.best[left] + self.add_[i], self.at[left]
        else:
            self.best[i], self.at[i] = self.best[right] + self.add_[i], self.at[right]

    def add(self, lo: int, hi: int, value: float, node: int = 1, a: int = 0, b: int | None = None) -> None:
        """Add ``value`` to every index in [lo, hi]."""
        b = self.n - 1 if b is None else b
        if hi < a or b < lo:
            return
        if lo <= a and b <= hi:
            self.best[node] += value
            self.add_[node] += value
            return
        mid = (a + b) // 2
        self.add(lo, hi, value, 2 * node, a, mid)
        self.add(lo, hi, value, 2 * node + 1, mid + 1, b)
        self._pull(node)

    def top(self) -> tuple[float, int]:
        return self.best[1], self.at[1]


class _Stabbing:
    """Which intervals contain a point: each interval sits in O(log n) nodes covering its range."""

    def __init__(self, size: int) -> None:
        self.n = 1
        while self.n < size:
            self.n *= 2
        self.lists: list[list[int]] = [[] for _ in range(2 * self.n)]

    def insert(self, lo: int, hi: int, item: int) -> None:
        lo += self.n
        hi += self.n + 1
        while lo < hi:
            if lo & 1:
                self.lists[lo].append(item)
                lo += 1
            if hi & 1:
                hi -= 1
                self.lists[hi].append(item)
            lo //= 2
            hi //= 2

    def take(self, index: int, alive: list[bool]) -> list[int]:
        """Every live interval through ``index``; the lists on its path are emptied (each entry read once)."""
        found = []
        node = index + self.n
        while node:
            for item in self.lists[node]:
                if alive[item]:
                    alive[item] = False
                    found.append(item)
            self.lists[node] = []
            node //= 2
        return found


def cliques(intervals: Sequence[tuple[float, float]], weights: Sequence[float]) -> list[list[int]]:
    """Partition intervals into groups sharing a point, heaviest point first (ties: leftmost).

    ``weights`` lets a row that repeats another of its publication count for nothing.
    """
    if len(intervals) <= 1:  # half the figures of a history have one row: nothing to build a tree for
        return [[0]] if intervals else []
    if max(lo for lo, _ in intervals) <= min(hi for _, hi in intervals):
        return [list(range(len(intervals)))]  # all through one point (most figures): that point is heaviest
    points = sorted({lo for lo, _ in intervals})
    # an empty interval (hi < lo) would sit in no node and never be taken: it stands at its lo
    spans = [(a := bisect.bisect_left(points, lo), max(a, bisect.bisect_right(points, hi) - 1)) for lo, hi in intervals]
    depth, stab = _MaxTree(len(points)), _Stabbing(len(points))
    for item, ((lo, hi), weight) in enumerate(zip(spans, weights, strict=True)):
        depth.add(lo, hi, weight + 1e-6)  # the tiny part: an interval counts even when its weight is 0
        stab.insert(lo, hi, item)
    alive = [True] * len(intervals)
    groups: list[list[int]] = []
    left = len(intervals)
    while left:
        _, index = depth.top()
        group = sorted(stab.take(index, alive))
        for item in group:
            depth.add(*spans[item], -(weights[item] + 1e-6))
        groups.append(group)
        left -= len(group)
    return groups
