"""The claims reader (stub: the real reader replaces this)."""
from __future__ import annotations

from ..nlp import Parsed


class Attributor:
    key = "claims"
    version = "0"

    @classmethod
    def load(cls, extra_dirs=()) -> "Attributor":
        return cls()

    def read(self, parsed: Parsed) -> list:
        return []
