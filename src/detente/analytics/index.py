"""The escalation index of a dyad per day or week, its ladder rung and its trend.

Method (docs/index-method.md): each incident contributes its Goldstein value with the sign
turned so that conflict is positive, cooperation counting at half weight (``cooperation_weight``)
so a round of talks does not cancel a missile strike; the index of a period is the sum over its
incidents (incidents, never raw mentions: a strike reported by forty outlets counts once). The
rung is the highest ladder rung of the period's incidents. The trend is a two-sided CUSUM of the
index against its own EWMA baseline: an alarm above the baseline turns the trend to "escalating",
one below to "de-escalating", and the regime holds while the index stays on that side; the
incidents accumulated since that side of the CUSUM was last at zero are the ones that drove the
turn.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select

from ..store import Store, schema
from . import ladder as ladder_mod

SPAN = {"D": 7, "W": 4}


@dataclass(frozen=True)
class TrendParams:
    """EWMA span (periods); CUSUM slack ``drift`` and alarm ``threshold`` in units of the series'
    robust scale (``robust_scale``: one index point on a sparse series)."""

    span: int | None = None  # None: 7 for days, 4 for weeks
    drift: float = 1.0
    threshold: float = 5.0
    cooperation_weight: float = 0.5


def period_of(day: date, freq: str) -> date:
    """The first day of the period ``day`` falls in: itself, or the Monday of its ISO week."""
    return day - timedelta(days=day.weekday()) if freq == "W" else day


def weight(goldstein: float, cooperation_weight: float) -> float:
    """An incident's contribution to the index: conflict positive, cooperation damped and negative."""
    return -goldstein if goldstein < 0 else -cooperation_weight * goldstein


def dyad_filter(a: str, b: str, directed: bool):
    """Incidents of a→b, and of b→a too unless ``directed``."""
    t = schema.incidents
    forward = and_(t.c.source_country == a, t.c.target_country == b)
    return forward if directed else or_(forward, and_(t.c.source_country == b, t.c.target_country == a))


def _periods(first: date, last: date, freq: str) -> list[date]:
    step = timedelta(days=7 if freq == "W" else 1)
    out, day = [], period_of(first, freq)
    while day <= last:
        out.append(day)
        day += step
    return out


def index_series(store: Store, a: str, b: str, freq: str = "D", start: date | None = None, end: date | None = None,
                 directed: bool = False, params: TrendParams = TrendParams(),
                 extra_dirs: Iterable = ()) -> list[dict[str, Any]]:
    """One row per period: {period, index, rung, trend, incidents, ewma, turn, drivers}.

    Periods run from ``start`` (else the first incident) to ``end`` (else the last), empty ones
    included (index 0, rung None) so the trend sees quiet days as quiet.
    """
    if freq not in SPAN:
        raise ValueError(f"freq must be 'D' or 'W', not {freq!r}")
    t = schema.incidents
    query = select(t.c.id, t.c.date, t.c.goldstein, t.c.root).where(dyad_filter(a, b, directed), t.c.date.is_not(None))
    if start:
        query = query.where(t.c.date >= start)
    if end:
        query = query.where(t.c.date <= end)
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(t.c.date, t.c.id)).all()
    if not rows and not (start and end):
        return []
    ladder = ladder_mod.load(extra_dirs)
    buckets: dict[date, list] = {}
    for row in rows:
        buckets.setdefault(period_of(row.date, freq), []).append(row)
    periods = _periods(start or rows[0].date, end or rows[-1].date, freq)
    series = []
    for p in periods:
        found = buckets.get(p, [])
        rungs = [r for r in (ladder.rung_of(x.root) for x in found) if r is not None]
        series.append({
            "period": p.isoformat(),
            "index": round(float(sum(weight(x.goldstein, params.cooperation_weight) for x in found)), 2),
            "rung": max(rungs) if rungs else None,
            "incidents": [x.id for x in found],
        })
    return add_trend(series, params, SPAN[freq])


def robust_scale(values: list[float]) -> float:
    """1.4826 × the median absolute deviation, at least 1: the unit of the CUSUM's slack and threshold.

    On a sparse news series (mostly quiet days) it is 1, so they read as index points; on a dense
    series it grows with the noise, so ordinary week-to-week swings do not read as turns.
    """
    if not values:
        return 1.0
    ordered = sorted(values)
    median = ordered[len(ordered) // 2]
    deviations = sorted(abs(v - median) for v in values)
    return max(1.0, 1.4826 * deviations[len(deviations) // 2])


def add_trend(series: list[dict[str, Any]], params: TrendParams = TrendParams(), default_span: int = 7) -> list[dict]:
    """Label each period escalating / de-escalating / stable (EWMA baseline + two-sided CUSUM).

    A CUSUM alarm sets the regime; it holds while the index stays on its side of the baseline
    (an escalation while periods come in above the baseline, a de-escalation while they stay
    below it and the baseline has not yet sunk to the slack). ``turn`` marks the periods where
    the regime changed and ``drivers`` the incidents that built the alarm.
    """
    alpha = 2.0 / ((params.span or default_span) + 1)
    scale = robust_scale([row["index"] for row in series])
    drift, threshold = params.drift * scale, params.threshold * scale
    baseline = up = down = 0.0
    up_ids: list[int] = []
    down_ids: list[int] = []
    regime = "stable"
    for row in series:
        x = row["index"]
        deviation = x - baseline
        up = max(0.0, up + deviation - drift)
        down = max(0.0, down - deviation - drift)
        up_ids = up_ids + row["incidents"] if up > 0 else []
        down_ids = down_ids + row["incidents"] if down > 0 else []
        before, drivers = regime, []
        if up > threshold:
            regime, drivers, up, up_ids = "escalating", up_ids, 0.0, []
        elif down > threshold:
            regime, drivers, down, down_ids = "de-escalating", down_ids, 0.0, []
        elif regime == "escalating" and deviation < 0:
            regime = "stable"
        baseline = alpha * x + (1 - alpha) * baseline
        if regime == "de-escalating" and before == regime and (deviation > 0 or baseline < drift):
            regime = "stable"
        row["trend"], row["turn"] = regime, regime != before and regime != "stable"
        row["drivers"] = drivers if row["turn"] else []
        row["ewma"] = round(baseline, 2)
    return series


def turning_points(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The periods where the trend turned, with the incidents that drove each turn."""
    return [row for row in series if row["turn"]]


def dyads(store: Store, limit: int = 20, *, include_unknown: bool = False,
          extra_dirs: Iterable = ()) -> list[dict[str, Any]]:
    """The most active directed dyads: incident count, latest index, rung and trend."""
    t = schema.incidents
    query = (select(t.c.source_country, t.c.target_country, func.count().label("n"),
                    func.min(t.c.date).label("first"), func.max(t.c.date).label("last"))
             .where(t.c.source_country != t.c.target_country)
             .group_by(t.c.source_country, t.c.target_country)
             .order_by(func.count().desc(), t.c.source_country, t.c.target_country))
    if not include_unknown:
        query = query.where(t.c.source_country != "---", t.c.target_country != "---")
    with store.engine.connect() as conn:
        rows = conn.execute(query.limit(limit)).all()
    out = []
    for r in rows:
        latest: dict[str, Any] = {}
        if r.last:
            series = index_series(store, r.source_country, r.target_country, start=r.last - timedelta(days=60),
                                  end=r.last, directed=True, extra_dirs=extra_dirs)
            latest = series[-1] if series else {}
        out.append({"source": r.source_country, "target": r.target_country, "incidents": r.n,
                    "index": latest.get("index"), "rung": latest.get("rung"), "trend": latest.get("trend"),
                    "first": r.first, "last": r.last})
    return out
