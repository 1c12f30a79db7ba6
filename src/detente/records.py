"""Plain typed records that the pipeline stages hand to each other.

Stages never share internals: each one takes records (and, for readers, a parsed
spaCy ``Doc``) and returns records. Everything here is JSON-friendly through
``to_dict`` so the CLI, the store and the batch interface speak one shape.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class TextRecord:
    """One text to read: the unit of the batch interface and of a stored document."""

    id: str
    text: str
    date: date | None = None


@dataclass(frozen=True)
class Span:
    """A character span of the text a record was read from."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Actor:
    """A resolved actor: country (ISO alpha-3, IGO code or '---'), sector, surface text, name.

    ``role`` is the office or role the text gave ("foreign minister"), ``name`` the
    person or body it resolves to on the article's date, when known.
    """

    country: str
    sector: str = ""
    text: str = ""
    name: str | None = None
    role: str | None = None
    kind: str | None = None  # person, body, group, country, igo, role

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.country, "sector": self.sector, "text": self.text, "name": self.name}


@dataclass
class Event:
    """A coded event: who did what to whom, with its evidence and modality."""

    source: Actor
    target: Actor
    code: str
    root: str
    quad: int
    goldstein: float
    modality: str  # asserted, reported, negated, hypothetical, future, question
    confidence: float
    date: date | None
    trigger: Span
    sentence: Span | None = None
    date_precision: str = "day"  # day, week, month, unknown
    place: str | None = None
    pattern: str = ""

    @property
    def happened(self) -> bool:
        return self.modality in ("asserted", "reported")

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "code": self.code,
            "root": self.root,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "date": _iso(self.date),
            "date_precision": self.date_precision,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.text if self.sentence else None,
            "place": self.place,
            "pattern": self.pattern,
        }


@dataclass(frozen=True)
class Speaker:
    kind: str  # named_person, named_org, official, outlet, anonymous, author
    span: Span | None  # None for the author when no first-person cue is given
    actor: Actor | None = None
    description: str | None = None  # what the text says of an anonymous source

    def to_dict(self) -> dict[str, Any]:
        span = self.span
        return {
            "kind": self.kind,
            "text": span.text if span else "",
            "start": span.start if span else None,
            "end": span.end if span else None,
        }


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "text": self.text}


@dataclass
class Claim:
    speaker: Speaker
    content: Span
    cue: str = ""
    numbers: list[Quantity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict(),
            "content": self.content.to_dict(),
            "cue": self.cue,
            "numbers": [q.to_dict() for q in self.numbers],
        }


@dataclass
class Forecast:
    proposition: Span
    forecaster: Speaker
    phrase: str | None
    probability: float
    band: tuple[float, float]
    condition: str | None = None
    deadline: date | None = None
    event: dict[str, Any] | None = None  # actor–action–target triple in CAMEO terms, when coded

    def to_dict(self) -> dict[str, Any]:
        return {
            "proposition": self.proposition.to_dict(),
            "forecaster": {"kind": self.forecaster.kind, "text": self.forecaster.span.text if self.forecaster.span else ""},
            "phrase": self.phrase,
            "probability": round(self.probability, 3),
            "band": [round(self.band[0], 3), round(self.band[1], 3)],
            "condition": self.condition,
            "deadline": _iso(self.deadline),
            "event": self.event,
        }


@dataclass
class Document:
    """An ingested article: cleaned text plus the metadata ingest could establish."""

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: date | None = None
    date_source: str | None = None  # meta, filename, text, option, feed, None = unknown
    language: str = "en"
    source: str = ""  # the path or URL it came from
    status: str = "ok"  # ok, non_english, duplicate
    duplicate_of: str | None = None
    minhash: list[int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        out = {
            "id": self.id, "date": _iso(self.date), "title": self.title, "author": self.author,
            "outlet": self.outlet, "url": self.url, "language": self.language, "words": self.words,
            "status": self.status, "duplicate_of": self.duplicate_of, "source": self.source,
            "date_source": self.date_source,
        }
        if with_text:
            out["text"] = self.text
        return out


def as_plain(value: Any) -> Any:
    """Dataclass → dict, for the generic cases where to_dict is not defined."""
    return asdict(value)
