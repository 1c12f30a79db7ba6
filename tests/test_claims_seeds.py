"""The claims reader on the three seed articles of ../shared/corpus/seeds (skipped where ../shared is absent).

Issue 6 names the sources an analyst must see in them: the anonymous sources of the January
2020 article, the named spokesman, the foreign minister's tweet, the outlet's report of Iraqi
injuries and the Prime Minister's Office statement.
"""
from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def seed_claims(shared, parse):
    from detente.claims import Attributor

    reader = Attributor.load()
    found = []
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        found += reader.read(parse(path.read_text(encoding="utf-8"), date.fromisoformat(path.name[:10])))
    if not found:
        pytest.skip("no seed articles")
    return [(c.speaker.kind, c.speaker.span.text, c.content.text) for c in found]


def _speaking(seed_claims, words: str) -> set[str]:
    """The kinds given to every speaker phrase that holds these words."""
    return {kind for kind, speaker, _ in seed_claims if words.lower() in speaker.lower()}


@pytest.mark.parametrize("words, kind", [
    ("intelligence source", "anonymous"),
    ("intel source", "anonymous"),
    ("very close to the Qatari royal family", "anonymous"),
    ("Judd Deere", "named_person"),
    ("@JZarif", "named_person"),
    ("Sky News Arabia", "outlet"),
    ("Prime Minister’s Office", "official"),
])
def test_seed_sources_found_and_typed(seed_claims, words, kind):
    assert _speaking(seed_claims, words) == {kind}


def test_seed_outlet_report_carries_its_number(seed_claims):
    assert any("Sky News Arabia" in speaker and "5 Iraqi injuries" in content for _, speaker, content in seed_claims)


def test_seed_tweet_content_is_the_tweet(seed_claims):
    assert any("@JZarif" in speaker and "We do not seek escalation or war" in content for _, speaker, content in seed_claims)
