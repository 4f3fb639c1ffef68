"""Time for the model: each bell schedule is a grid of (day, period) with clock start and end.

Two lessons of different bell schedules clash when their clock times overlap; the sets of periods
that pairwise overlap (cliques) are where a teacher, a room or the canteen can only be used once.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from keste.models.school import BellSchedule

Key = TypeVar("Key", bound=Hashable)


def overlap_cliques(intervals: Iterable[tuple[Key, int, int]]) -> list[list[Key]]:
    """Maximal groups of pairwise-overlapping intervals (start, end), for 1-D intervals.

    Every maximal clique of an interval graph is the set of intervals covering some start point.
    """
    items = sorted(set(intervals), key=lambda item: (item[1], item[2]))
    cliques: list[list[Key]] = []
    previous: set[Key] = set()
    for _, start, _ in items:
        covering = {key for key, s, e in items if s <= start < e}
        if covering and not covering <= previous:
            cliques.append(sorted(covering, key=str))
        previous = covering
    return _maximal(cliques)


def _maximal(cliques: list[list[Key]]) -> list[list[Key]]:
    sets = [set(c) for c in cliques]
    return [
        c
        for i, c in enumerate(cliques)
        if not any(i != j and sets[i] < sets[j] for j in range(len(sets)))
    ]


def period_intervals(
    schedules: dict[str, BellSchedule], names: Iterable[str]
) -> list[tuple[tuple[str, int], int, int]]:
    """((bells, period), start, end) for every period of the named schedules."""
    return [
        ((name, p.number), p.start, p.end)
        for name in sorted(set(names))
        for p in schedules[name].periods
    ]


def time_buckets(
    schedules: dict[str, BellSchedule], names: Iterable[str]
) -> list[list[tuple[str, int]]]:
    """The periods of the named schedules in time order, overlapping ones merged into a bucket.

    With one schedule each period is its own bucket; two shifts give the periods of both in order.
    Teacher gaps are idle buckets between busy ones.
    """
    buckets: list[list[tuple[str, int]]] = []
    end = -1
    for key, start, finish in sorted(period_intervals(schedules, names), key=lambda i: i[1:]):
        if buckets and start < end:
            buckets[-1].append(key)
            end = max(end, finish)
        else:
            buckets.append([key])
            end = finish
    return buckets
