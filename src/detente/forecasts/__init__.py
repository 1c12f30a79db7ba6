"""The forecasts reader (stub: the real reader replaces this)."""
from __future__ import annotations

from ..nlp import Parsed


class ForecastReader:
    key = "forecasts"
    version = "0"

    @classmethod
    def load(cls, extra_dirs=()) -> "ForecastReader":
        return cls()

    def read(self, parsed: Parsed) -> list:
        return []
