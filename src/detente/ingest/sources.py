"""Command-line sources → items to read: files, folders (recursive), globs, stdin and URLs.

Items are produced lazily, one at a time, and their bytes are read only when the item
is read, so a folder of a million files costs a directory walk, not a million buffers.
"""
from __future__ import annotations

import glob
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .formats import Problem

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = 20
USER_AGENT = "detente-ingest/0.1 (+https://github.com/detente)"
READABLE_TYPES = ("text/html", "application/xhtml", "text/plain", "text/markdown", "rss", "atom", "xml", "json")


class FetchError(OSError):
    """A URL could not be fetched, or what it returned is not something we read."""


@dataclass(frozen=True)
class Item:
    """One thing to read: a path, "-" for stdin, or a URL."""

    name: str

    @property
    def is_url(self) -> bool:
        return self.name.startswith(("http://", "https://"))


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def expand(sources: list[str]) -> Iterator[Item | Problem]:
    """Items in command-line order; folders walked in sorted order, hidden files skipped."""
    for source in sources:
        if source == "-" or is_url(source):
            yield Item(source)
            continue
        path = Path(source)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield Item(str(path))
        elif glob.has_magic(source):
            matches = sorted(glob.iglob(source, recursive=True))
            if not matches:
                yield Problem(source, "no file matches this pattern")
            for match in matches:
                yield from (_walk(Path(match)) if Path(match).is_dir() else [Item(match)])
        else:
            yield Problem(source, "no such file, folder or URL")


# a folder's own documentation is not an article
FOLDER_DOCS = re.compile(r"^(readme|license|licence|changelog|contributing|notice)(\.\w+)?$", re.I)


def _walk(folder: Path) -> Iterator[Item]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and not FOLDER_DOCS.match(name):
                yield Item(os.path.join(root, name))


def read_item(item: Item, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """(bytes, content type) of an item; raises FetchError or ValueError with the reason."""
    if item.is_url:
        return fetch(item.name, max_bytes)
    if item.name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        size = os.path.getsize(item.name)
        if size > max_bytes:
            raise ValueError(f"too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = Path(item.name).read_bytes()
    if len(data) > max_bytes:
        raise ValueError(f"too large (over the limit of {max_bytes:,} bytes)")
    return data, ""


def fetch(url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """GET a URL with a timeout and a byte limit; only HTML, text, feeds and JSON are accepted."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            ctype = response.headers.get("Content-Type", "")
            if ctype and not any(t in ctype.lower() for t in READABLE_TYPES):
                raise FetchError(f"not an article page (content type {ctype.split(';')[0]})")
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"unreachable (HTTP {exc.code} {exc.reason})") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        if isinstance(exc, FetchError):
            raise
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"unreachable ({reason})") from exc
    if len(data) > max_bytes:
        raise FetchError(f"too large (over the limit of {max_bytes:,} bytes)")
    return data, ctype
