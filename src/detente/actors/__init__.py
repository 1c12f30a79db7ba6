"""The actors stage: who a noun phrase names, as country, sector, person and office on a date.

The dictionary is data (``detente/data/actors/*.yaml``, extendable with user
folders, see the README there); ``ActorBook`` indexes it once and serves every
reader:

- ``ActorBook.load(extra_dirs)`` → the book (shared per process; DataError on bad data)
- ``book.resolve(text, when)`` / ``book.resolve_span(span, when)`` → ``Actor`` or None
- ``book.place(text)`` → country code of a place; ``book.outlet(text)`` → outlet name
- ``book.holder(country, role, when)`` → who held an office that day
- ``book.scan(text)`` → the dictionary hits of a phrase, word by word
"""
from ..knowledge import DataError
from ..records import Actor
from .book import ActorBook

__all__ = ["Actor", "ActorBook", "DataError"]
