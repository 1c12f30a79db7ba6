"""Plain text → article body plus the metadata its header gives (title, author, outlet, date).

Pasted articles open with a title, a byline ("By Pepe Escobar"), an outlet-and-date line
("Global Research, January 09, 2020") or a dateline ("BAGHDAD, Jan 6 —"). Those are
lifted into fields before the boilerplate is dropped, so the stored text is the body.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

from .boilerplate import Rules, _lines, load_rules, markdown_to_text, strip_boilerplate
from .dates import parse_date

_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_MARKDOWN_QUOTE = re.compile(r"^\s{0,3}>\s?", re.M)
_MARKDOWN_LIST = re.compile(r"^\s{0,3}[-*+]\s+(?=\S)", re.M)


@dataclass
class Cleaned:
    body: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: date | None = None
    date_source: str | None = None
    place: str | None = None


def from_markdown(text: str) -> str:
    """Markdown reduced to text: headings, quotes and list marks dropped, links to their text."""
    text = _MARKDOWN_HEADING.sub("", text)
    text = _MARKDOWN_QUOTE.sub("", text)
    return markdown_to_text(_MARKDOWN_LIST.sub("", text))


def _title_like(line: str) -> bool:
    words = len(line.split())
    return 0 < words <= 30 and not (line.endswith(".") and words > 12)


def _first(patterns, lines: list[str], group: str) -> tuple[str, str] | None:
    """(value, line) of the first line where a pattern matches with ``group``."""
    for line in lines:
        for pattern in patterns:
            m = pattern.search(line)
            if m and m.group(group):
                return m.group(group).strip(), line
    return None


def lift_header(text: str, rules: Rules | None = None) -> Cleaned:
    """Read title, author, outlet and date from the first lines of ``text`` (already plain)."""
    rules = rules or load_rules()
    meta = rules.metadata
    lines = [text[s:e] for s, e in _lines(text)][:rules.header_lines]
    head = []  # title, byline, outlet and date lines, up to the body: a date in the body is an event's
    prose = 0
    for line in lines:
        if len(line.split()) >= rules.body_words and line.rstrip()[-1:] in ".!?\"”":
            prose += 1  # the first may be a standfirst; the second is the body
            if prose == 2:
                break
            continue
        head.append(line)
    out = Cleaned(body=text)
    if head and _title_like(head[0]) and not any(p.search(head[0]) for k in ("author", "date") for p in meta.get(k, ())):
        out.title = head[0].strip()
    found = _first(meta.get("author", ()), head, "author")
    out.author = found[0] if found else None
    found = _first(meta.get("outlet", ()), head, "outlet")
    out.outlet = found[0] if found else None
    found = _first(meta.get("date", ()), head, "date")
    if found and (day := parse_date(found[0])):
        out.date, out.date_source = day, "text"
        return out
    dateline = next(((m, line) for line in lines for p in meta.get("dateline", ()) if (m := p.search(line))), None)
    if dateline:
        m, line = dateline
        out.place = line[:m.start("date")].strip(" ,")
        out.outlet = out.outlet or (m.groupdict().get("outlet") or "").strip() or None
        year = _year(text, meta.get("copyright_year", ()))
        if year and (day := parse_date(m.group("date"), year)):
            out.date, out.date_source = day, "text"
    return out


def _year(text: str, copyright_patterns) -> int | None:
    """The year of a copyright line; years named in the text are the events', not the article's."""
    for pattern in copyright_patterns:
        m = pattern.search(text)
        if m:
            return int(m.group("year"))
    return None


def clean_text(text: str, *, markdown: bool = True, rules: Rules | None = None) -> Cleaned:
    """Header metadata lifted, boilerplate dropped, the title line taken out of the body."""
    rules = rules or load_rules()
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if markdown:
        text = from_markdown(text)
    out = lift_header(text, rules)
    body = strip_boilerplate(text, rules)
    if out.title:
        first, _, rest = body.lstrip().partition("\n")
        if first.strip() == out.title:
            body = rest.strip() + "\n" if rest.strip() else ""
    out.body = body
    return out
