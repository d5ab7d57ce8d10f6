"""Tests of where a reply's spans lie: is a piece of evidence inside a rebuke, a template blank,
a set's match? Spans are ``(start, end)`` offsets in the normalised text; each test merges its
spans once and answers by bisection, as ``carecourse.score`` asks it for every finding."""

from __future__ import annotations

import bisect
from collections.abc import Callable

__all__ = ["covered_by", "overlap_test"]


def overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``[start, end)`` overlaps one of ``spans`` (an empty span ``(p, p)``
    counts where it lies strictly inside)."""
    if not spans:
        return _nowhere
    merged = _merged(spans)
    ends = [e for _, e in merged]
    points = sorted(s for s, e in spans if e == s)

    def test(start: int, end: int) -> bool:
        if end <= start:  # (never asked: evidence and clauses are not empty)
            return any(s < end and start < e for s, e in spans)
        k = bisect.bisect_right(ends, start)
        if k < len(merged) and merged[k][0] < end:
            return True
        p = bisect.bisect_right(points, start)
        return p < len(points) and points[p] < end

    return test


def _nowhere(*_span) -> bool:
    return False


def _merged(spans: list[tuple[int, int]]) -> list[list[int]]:
    """The union of the non-empty ``spans`` as sorted, disjoint spans."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def covered_by(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether a position lies inside one of ``spans``."""
    if not spans:
        return _nowhere
    merged = _merged(spans)
    starts = [s for s, _ in merged]

    def test(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and pos < merged[k][1]

    return test
