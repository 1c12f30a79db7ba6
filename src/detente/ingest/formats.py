"""Bytes of one item → raw articles: text, markdown, HTML, JSON lines, WARC and feeds.

Every reader yields ``Article`` records or ``Problem`` lines (one per bad item or
line), so one bad record never stops the rest. Nothing here touches the store.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import BinaryIO

from .dates import parse_date

TEXT_EXT = (".txt", ".text")
MARKDOWN_EXT = (".md", ".markdown")
HTML_EXT = (".html", ".htm", ".xhtml")
JSON_EXT = (".jsonl", ".ndjson", ".json")
WARC_EXT = (".warc", ".warc.gz")
FEED_EXT = (".rss", ".atom", ".xml")
MIN_ARTICLE_WORDS = 20


@dataclass
class Article:
    """One article as read, before cleaning: its text or HTML and whatever metadata came with it."""

    source: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: date | None = None
    date_source: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Problem:
    """One line for the user: the item and the reason, e.g. "bad.jsonl:2: malformed JSON"."""

    item: str
    reason: str
    skipped: bool = False  # stored-but-skipped or harmless (True) versus failed (False)

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


class NotText(ValueError):
    """The bytes are not text we can read (empty, binary, undecodable)."""


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM), else cp1252 or Latin-1 when plausible."""
    if not data.strip():
        raise NotText("empty")
    sample = data[:65536]
    if b"\x00" in sample:
        raise NotText("binary (NUL bytes), not text")
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    if controls / len(sample) > 0.02:
        raise NotText("binary (control bytes), not text")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(c.isprintable() or c.isspace() for c in text[:65536])
        if printable / max(1, len(text[:65536])) > 0.97:
            return text, ("utf-8" if encoding == "utf-8-sig" else encoding)
    raise NotText("undecodable: not UTF-8, cp1252 or Latin-1 text")


def kind_of(name: str, data: bytes, content_type: str = "") -> str:
    """text, markdown, html, json, warc or feed, from the name, the content type or the bytes."""
    lower = name.lower().split("?", 1)[0]
    for kind, exts in (("warc", WARC_EXT), ("json", JSON_EXT), ("html", HTML_EXT), ("markdown", MARKDOWN_EXT),
                       ("feed", FEED_EXT), ("text", TEXT_EXT)):
        if lower.endswith(exts):
            return kind
    ctype = content_type.lower()
    if "html" in ctype:
        return "html"
    if any(t in ctype for t in ("rss", "atom", "xml")):
        return "feed"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed")) and (b"<rss" in head or b"<feed" in head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        return "html"
    return "text"


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(str(value)) if value else None


def read_json_lines(name: str, lines: Iterable[bytes | str], max_bytes: int) -> Iterator[Article | Problem]:
    """One article per line of a JSON Lines stream, read a line at a time."""
    for number, line in enumerate(lines, 1):
        item = f"{name}:{number}"
        if len(line) > max_bytes:
            yield Problem(item, f"line too large (over the limit of {max_bytes:,} bytes)")
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield Problem(item, "line is not UTF-8")
                continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(item, f"malformed JSON line ({exc.msg})")
            continue
        yield _record(item, record)


def read_json(name: str, text: str, max_bytes: int) -> Iterator[Article | Problem]:
    """A JSON array of articles, one JSON object, or JSON Lines under a .json name."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        yield from read_json_lines(name, text.splitlines(), max_bytes)
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, 1):
        yield _record(f"{name}[{number}]" if isinstance(data, list) else name, record)


def _record(item: str, record: object) -> Article | Problem:
    if not isinstance(record, dict):
        return Problem(item, "not a JSON object")
    body = record.get("text") or record.get("content") or record.get("body")
    markup = record.get("html")
    has_body = isinstance(body, str) and body.strip()
    if not has_body and not (isinstance(markup, str) and markup.strip()):
        return Problem(item, "no text or html field")
    day = _as_date(record.get("date") or record.get("published"))
    return Article(source=item, text=body if has_body else None, html=None if has_body else markup,
                   title=record.get("title"), author=record.get("author"),
                   outlet=record.get("outlet") or record.get("site"), url=record.get("url"),
                   date=day, date_source="meta" if day else None)


def read_warc(name: str, stream: BinaryIO, max_bytes: int) -> Iterator[Article | Problem]:
    """HTML response records of a WARC stream, read a record at a time, each with its target URL."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type != "response" or not record.http_headers:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Problem(f"{name}#{number} {url}", f"too large (over the limit of {max_bytes:,} bytes)")
                continue
            try:
                markup, _ = decode(payload)
            except NotText as exc:
                yield Problem(f"{name}#{number} {url}", str(exc))
                continue
            yield Article(source=url or f"{name}#{number}", html=markup, url=url)
    except ArchiveLoadFailed as exc:
        yield Problem(name, f"not a readable WARC file ({exc})")


def read_feed_entries(name: str, data: bytes) -> Iterator[Article | Problem | tuple[str, dict]]:
    """Feed entries: an Article when the entry carries the article, else (link, metadata) to fetch."""
    import feedparser

    feed = feedparser.parse(data)
    outlet = feed.feed.get("title")
    if not feed.entries:
        yield Problem(name, "feed has no entries" if not feed.bozo else f"not a readable feed ({feed.bozo_exception})")
        return
    for entry in feed.entries:
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        day = date(*parsed[:3]) if parsed else None
        content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        link = entry.get("link")
        meta = dict(title=entry.get("title"), author=entry.get("author"), outlet=outlet, url=link,
                    date=day, date_source="feed" if day else None)
        if len(content.split()) >= 150 or not (link and link.startswith(("http://", "https://"))):
            if content.strip():
                yield Article(source=link or f"{name}: {entry.get('title', '')}", html=content, **meta)
            else:
                yield Problem(f"{name}: {entry.get('title', '?')}", "feed entry with neither content nor link")
        else:
            yield (link, meta)
