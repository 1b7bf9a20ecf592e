"""``cliques`` against its definition, read the slow way: take the heaviest point (leftmost on
ties, depth counted exactly), every interval through it is a group, repeat with the rest."""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from writer.data.cliques import cliques


def by_definition(intervals: list[tuple[float, float]], weights: list[float]) -> list[list[int]]:
    points = sorted({lo for lo, _ in intervals})
    spans = [(a := bisect.bisect_left(points, lo), max(a, bisect.bisect_right(points, hi) - 1)) for lo, hi in intervals]
    alive = set(range(len(intervals)))
    groups = []
    while alive:
        weight = {i: round(weights[i] * 1_000_000) + 1 for i in alive}  # as the tree's 1e-6, in integers
        depth = [sum(w for i, w in weight.items() if spans[i][0] <= p <= spans[i][1]) for p in range(len(points))]
        heaviest = depth.index(max(depth))
        group = sorted(i for i in alive if spans[i][0] <= heaviest <= spans[i][1])
        groups.append(group)
        alive -= set(group)
    return groups


_ends = st.integers(min_value=-20, max_value=20).map(float)
_interval = st.tuples(_ends, st.integers(min_value=-2, max_value=8).map(float)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(_interval, st.sampled_from([0.0, 1.0])), min_size=0, max_size=9))
def test_cliques_follow_their_definition(rows):
    intervals = [i for i, _ in rows]
    weights = [w for _, w in rows]
    # the same groups (their order is _clusters' to decide, by sources and rank)
    assert sorted(cliques(intervals, weights)) == sorted(by_definition(intervals, weights))


def test_intervals_through_one_point_are_one_group_and_others_are_not():
    assert cliques([(1.0, 3.0), (2.0, 5.0), (2.5, 2.6)], [1.0, 1.0, 1.0]) == [[0, 1, 2]]
    assert cliques([(1.0, 2.0), (3.0, 4.0), (3.5, 6.0)], [1.0, 1.0, 1.0]) == [[1, 2], [0]]
