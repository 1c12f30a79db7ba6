"""Analytics over stored events: incidents (mentions of one real-world event merged across
articles) and the escalation index of a dyad with its ladder rung and trend.

Every stage here is a function over a store: no global state, safe to rerun.
"""
from __future__ import annotations

from .incidents import rebuild
from .index import TrendParams, dyads, index_series, turning_points
from .views import incident_records, parse_dyad

__all__ = ["rebuild", "index_series", "dyads", "turning_points", "TrendParams", "incident_records", "parse_dyad"]
