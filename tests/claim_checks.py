"""Views of found claims shared by the claims reader's tests."""
from __future__ import annotations


def triples(found):
    """(speaker kind, speaker text, content text) of each claim, in order."""
    return [(c.speaker.kind, c.speaker.span.text, c.content.text) for c in found]
