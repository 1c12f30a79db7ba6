"""The event coder on the three seed articles of ../shared/corpus/seeds (skipped where ../shared is absent)."""
from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def seed_events(shared, parse):
    from detente.events import Coder

    coder = Coder.load()
    out = {}
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        parsed = parse(path.read_text(encoding="utf-8"), date.fromisoformat(path.name[:10]))
        out[path.name] = coder.read(parsed)
    if not out:
        pytest.skip("no seed articles")
    return out


def _happened(events):
    return {(e.source.country, e.target.country, e.root) for e in events if e.happened}


def _all(seed_events):
    return {t for events in seed_events.values() for t in _happened(events)}


def test_iran_missiles_at_us_forces(seed_events):
    found = _all(seed_events)
    assert ("IRN", "USA", "19") in found


def test_iran_missiles_at_israel_and_israel_strikes_in_tehran(seed_events):
    found = _all(seed_events)
    assert ("IRN", "ISR", "19") in found
    assert ("ISR", "IRN", "19") in found


def test_phone_calls_and_new_sanctions(seed_events):
    found = _all(seed_events)
    assert any(root == "04" for _, _, root in found)
    assert ("USA", "IRN", "16") in found


def test_trump_not_going_on_tv_is_no_event(seed_events):
    for events in seed_events.values():
        for event in events:
            if "did not go on TV" in (event.sentence.text if event.sentence else ""):
                assert not event.happened, event
