"""Views of coded events shared by the event coder's tests."""
from __future__ import annotations


def coded(coder, parse, text, when):
    """(source country, target country, root) of every event the text reports as having happened."""
    return {(e.source.country, e.target.country, e.root) for e in coder.read(parse(text, when)) if e.happened}
