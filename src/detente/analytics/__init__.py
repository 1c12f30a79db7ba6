"""Analytics over stored events: incidents and the escalation index (stub)."""
from __future__ import annotations


def rebuild(store) -> None:
    """Rebuild incidents from stored events (stub: the analytics stage replaces this)."""
