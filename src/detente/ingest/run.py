"""The ingest run: sources in, one committed document per article, a result to report.

Each document is written in its own transaction, so an interrupted run keeps what it
wrote and a re-run counts those as already stored. Across documents only the LSH
band keys are kept in memory (about 1-2 kB a document); texts and signatures stream.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import SQLAlchemyError

from ..records import Document
from ..store import Store
from .extract import NoArticle, to_document
from .formats import (WARC_EXT, Article, NotText, Problem, decode, kind_of, read_feed_entries, read_json,
                      read_json_lines, read_warc)
from .language import detect_language
from .minhash import THRESHOLD, LSHIndex, signature, similarity
from .sources import DEFAULT_MAX_BYTES, FetchError, Item, expand, fetch, read_item


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)  # ids of new documents (duplicates and non-English included)
    already: int = 0
    near_duplicates: int = 0
    skipped: list[str] = field(default_factory=list)  # stored but not for reading (non-English), one line each
    errors: list[str] = field(default_factory=list)  # not stored, one line each: the item and the reason
    notes: list[str] = field(default_factory=list)  # stored with a remark (a legacy encoding)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def _articles(item: Item, max_bytes: int, result: IngestResult) -> Iterator[Article | Problem]:
    """The articles of one item, or the problems that kept them from being read."""
    name = item.name if item.name != "-" else "<stdin>"
    lower = item.name.lower()
    if not item.is_url and item.name != "-" and lower.endswith((*WARC_EXT, ".jsonl", ".ndjson")):
        yield from _stream_file(item.name, max_bytes)  # containers: the limit is per record, not per file
        return
    try:
        data, ctype = read_item(item, max_bytes)
    except (OSError, ValueError) as exc:
        yield Problem(name, str(exc))
        return
    kind = kind_of(item.name, data, ctype)
    if kind == "warc":
        yield from read_warc(name, io.BytesIO(data), max_bytes)
        return
    if kind == "feed":
        for entry in read_feed_entries(name, data):
            yield from (_linked(entry, max_bytes) if isinstance(entry, tuple) else [entry])
        return
    try:
        text, encoding = decode(data)
    except NotText as exc:
        yield Problem(name, str(exc))
        return
    if encoding != "utf-8":
        result.notes.append(f"{name}: not UTF-8; read as {encoding}")
    url = item.name if item.is_url else None
    if kind == "json":
        yield from read_json(name, text, max_bytes)
    elif kind == "html":
        yield Article(source=name, html=text, url=url)
    else:
        yield Article(source=name, text=text, url=url, extra={"encoding": encoding} if encoding != "utf-8" else {})


def _stream_file(path: str, max_bytes: int) -> Iterator[Article | Problem]:
    try:
        with open(path, "rb") as stream:
            if path.lower().endswith(WARC_EXT):
                yield from read_warc(path, stream, max_bytes)
            else:
                yield from read_json_lines(path, stream, max_bytes)
    except OSError as exc:
        yield Problem(path, f"cannot read ({exc.strerror or exc})")


def _linked(entry: tuple[str, dict], max_bytes: int) -> Iterator[Article | Problem]:
    link, meta = entry
    try:
        data, ctype = fetch(link, max_bytes)
        markup, _ = decode(data)
    except (FetchError, NotText) as exc:
        yield Problem(link, str(exc))
        return
    if kind_of(link, data, ctype) != "html":
        yield Article(source=link, text=markup, **meta)
    else:
        yield Article(source=link, html=markup, **meta)


class _Ingester:
    def __init__(self, store: Store, *, fallback_date, outlet, lang, max_bytes) -> None:
        self.store, self.fallback_date, self.outlet, self.lang, self.max_bytes = store, fallback_date, outlet, lang, max_bytes
        self.result = IngestResult()
        self.index = LSHIndex()
        for doc_id, sig in store.minhashes():
            self.index.add(doc_id, sig)

    def item(self, item: Item | Problem) -> None:
        if isinstance(item, Problem):
            self.result.errors.append(str(item))
            return
        for article in _articles(item, self.max_bytes, self.result):
            if isinstance(article, Problem):
                self.result.errors.append(str(article))
            else:
                self.article(article)

    def article(self, article: Article) -> None:
        try:
            doc = to_document(article, fallback_date=self.fallback_date, fallback_outlet=self.outlet)
        except NoArticle as exc:
            self.result.errors.append(f"{article.source}: {exc}")
            return
        if self.store.has_document(doc.id):
            self.result.already += 1
            return
        doc.language = self.lang or detect_language(doc.text)
        if doc.language != "en":
            doc.status = "non_english"
            self.result.skipped.append(f"{doc.source}: not English ({doc.language}); stored as non_english, not read")
        else:
            doc.minhash = signature(doc.text)
            original = self._original(doc)
            if original and original.id != doc.id:
                doc.status, doc.duplicate_of = "duplicate", original.id
                self.result.near_duplicates += 1
        replaced = doc.extra.get("replaced_original") if doc.status == "ok" else None
        try:
            with self.store.transaction() as conn:
                self.store.add_document(doc, conn)
                if replaced:
                    self.store.relink_duplicates(replaced, doc.id, conn)
        except SQLAlchemyError as exc:
            self.result.errors.append(f"{doc.source}: not stored ({exc.__class__.__name__}: {str(exc).splitlines()[0]})")
            return
        self.result.near_duplicates += bool(replaced)
        self.result.added.append(doc.id)
        if doc.date is None:
            self.result.notes.append(f"{doc.source}: date unknown (none in metadata, file name or text)")

    def _original(self, doc: Document) -> Document | None:
        """The earliest stored copy ``doc`` duplicates, or None; an earlier ``doc`` takes its place."""
        stored = (self.store.document(doc_id) for doc_id in self.index.candidates(doc.minhash))
        matches = [m for m in stored if m is not None and m.minhash and similarity(doc.minhash, m.minhash) >= THRESHOLD]
        if not matches:
            self.index.add(doc.id, doc.minhash)
            return None
        earliest = min(matches, key=_age)
        if doc.date and earliest.date and doc.date < earliest.date:
            self.index.remove(earliest.id, earliest.minhash)  # the new, earlier copy becomes the original
            self.index.add(doc.id, doc.minhash)
            doc.extra["replaced_original"] = earliest.id
            return doc
        return earliest


def _age(doc: Document) -> tuple:
    """Sort key: dated documents by date, undated ones after them."""
    return (doc.date is None, doc.date or date.min)


def ingest(sources: list[str], store: Store, *, date: date | None = None, outlet: str | None = None,
           lang: str | None = None, progress: bool = True, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """Read ``sources`` into ``store``: new documents added, known ones counted, bad items reported.

    ``date`` and ``outlet`` fill in what an article does not say itself; ``lang`` skips
    language detection and sets the language of every article.
    """
    ingester = _Ingester(store, fallback_date=date, outlet=outlet, lang=lang, max_bytes=max_bytes)
    columns = (SpinnerColumn(), TextColumn("ingesting {task.completed} items"), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, disable=not progress, transient=True) as bar:
        task = bar.add_task("", total=None)
        for item in expand(list(sources)):
            bar.update(task, description=getattr(item, "name", "")[-60:])
            ingester.item(item)
            bar.advance(task)
    return ingester.result
