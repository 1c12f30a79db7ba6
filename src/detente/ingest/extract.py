"""Raw article → ``Document``: main text out of HTML, header metadata, cleaning, date, id.

Dates come, in order of trust, from the record itself (HTML meta, JSON field, feed entry),
a "YYYY-MM-DD_" file-name prefix, the header or dateline of the text, and the --date
fallback; otherwise they stay unknown (None) with no date_source, never today.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
from datetime import date

from ..records import Document
from .clean import clean_text
from .dates import filename_date, parse_date
from .formats import MIN_ARTICLE_WORDS, Article

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})
_SPACE = re.compile(r"\s+")
for _name in ("trafilatura", "htmldate", "courlan"):  # their warnings repeat our own error lines
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


class NoArticle(ValueError):
    """Nothing that reads as an article was found in the item."""


def doc_id(text: str) -> str:
    """16 hex digits of sha256 over the text with case, whitespace and quote styles folded."""
    normal = _SPACE.sub(" ", text.translate(_QUOTES).casefold()).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _from_html(markup: str, url: str | None) -> dict:
    import trafilatura

    found = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False, favor_precision=True,
                                        date_extraction_params={"extensive_search": False, "original_date": True})
    if found is None:
        return {}
    meta = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    return {k: meta.get(k) for k in ("text", "title", "author", "sitename", "date", "url")}


def _fragment_text(markup: str) -> str:
    """Text of an HTML fragment (a feed entry's content) that trafilatura finds no page in."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//nav|//footer"):
        bad.drop_tree()
    blocks = [b.text_content().strip() for b in root.xpath("//p|//h1|//h2|//h3|//li|//blockquote")]
    return "\n\n".join(b for b in blocks if b) or root.text_content().strip()


def to_document(article: Article, *, fallback_date: date | None = None, fallback_outlet: str | None = None) -> Document:
    """Clean one article into a document (language, status and minhash are set by the caller)."""
    page: dict = {}
    text = article.text
    if article.html and not text:
        page = _from_html(article.html, article.url)
        text = page.get("text") or _fragment_text(article.html)
        if len(text.split()) < MIN_ARTICLE_WORDS:
            raise NoArticle("no article text found in the HTML")
    cleaned = clean_text(text or "", markdown=not page)
    if len(cleaned.body.split()) < MIN_ARTICLE_WORDS // 2:
        raise NoArticle("no article text left after removing boilerplate")
    title = _clean(article.title or page.get("title") or cleaned.title)
    first, _, rest = cleaned.body.partition("\n")
    if title and rest.strip() and _fold(first) == _fold(title):  # extracted text often repeats the headline
        cleaned.body = rest.strip() + "\n"
    day, source = article.date, article.date_source
    if day is None and page.get("date"):
        day, source = parse_date(page["date"]), "meta"
    if day is None and (day := filename_date(os.path.basename(article.source))):
        source = "filename"
    if day is None and cleaned.date:
        day, source = cleaned.date, cleaned.date_source
    if day is None and fallback_date:
        day, source = fallback_date, "option"
    extra = dict(article.extra)
    if cleaned.place:
        extra["place"] = cleaned.place
    return Document(
        id=doc_id(cleaned.body), text=cleaned.body,
        title=title,
        author=_clean(article.author or page.get("author") or cleaned.author),
        outlet=_clean(article.outlet or page.get("sitename") or cleaned.outlet or fallback_outlet),
        url=article.url or page.get("url"), date=day, date_source=source if day else None,
        source=article.source, extra=extra,
    )


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTES).casefold()).strip(" .")


def _clean(value: object) -> str | None:
    text = _SPACE.sub(" ", str(value)).strip() if value else ""
    return text or None
