"""Assertions shared by the forecast reader's tests."""
from __future__ import annotations


def one(found):
    """The single forecast found (fails with the propositions found otherwise)."""
    assert len(found) == 1, [f.proposition.text for f in found]
    return found[0]


def within(f, lo, hi):
    """The probability lies in [lo, hi] and inside the forecast's own band."""
    return lo <= f.probability <= hi and f.band[0] <= f.probability <= f.band[1]
