"""The predicted event of a forecast as an actor–action–target triple in CAMEO terms.

The event coder keeps what it reads as future, hypothetical or negated with that modality instead of
dropping it; a forecast whose proposition holds such an event predicts it. Linking the two records
here, after both readers have read the same text, keeps the readers apart: each hands over plain records.
"""
from __future__ import annotations

from ..records import Event, Forecast

UNREALISED = ("future", "hypothetical", "negated", "question")


def attach_events(forecasts: list[Forecast], events: list[Event]) -> None:
    """Set ``forecast.event`` to the coded event whose trigger lies in its proposition: an unrealised one first
    (what is predicted has not happened), then the most confident."""
    for forecast in forecasts:
        span = forecast.proposition
        inside = [e for e in events if span.start <= e.trigger.start and e.trigger.end <= span.end]
        if not inside:
            continue
        best = max(inside, key=lambda e: (e.modality in UNREALISED, e.confidence, -e.trigger.start))
        forecast.event = {"source": best.source.country, "target": best.target.country, "code": best.code,
                          "root": best.root, "quad": best.quad, "trigger": best.trigger.text, "modality": best.modality}
