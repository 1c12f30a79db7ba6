"""Loading the claims stage's word lists from ``data/claims/*.yaml`` (bundled plus the user's).

Every file is a mapping of list names to lists of lower-case strings; a user file at the
same relative path adds its entries to the bundled lists. Errors name the file and the key.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import knowledge
from ..knowledge import DataError


def word_lists(name: str, keys: Iterable[str], extra_dirs: Iterable[str | Path] = ()) -> dict[str, set[str]]:
    """The merged lists ``keys`` of every ``claims/<name>.yaml``; unknown keys are an error."""
    wanted = tuple(keys)
    merged: dict[str, set[str]] = {k: set() for k in wanted}
    found = False
    for path in knowledge.files(f"claims/{name}.yaml", extra_dirs):
        found = True
        content = knowledge.read_yaml(path) or {}
        if not isinstance(content, dict):
            raise DataError(f"{path}: expected a mapping of lists, got {type(content).__name__}")
        for key, values in content.items():
            if key not in merged:
                raise DataError(f"{path}: unknown list {key!r} (expected one of {', '.join(wanted)})")
            if not isinstance(values, list):
                raise DataError(f"{path}: {key}: expected a list, got {type(values).__name__}")
            for index, value in enumerate(values):
                if not isinstance(value, str) or not value.strip():
                    raise DataError(f"{path}: {key}[{index}]: expected a non-empty string, got {value!r} "
                                    "(quote entries that contain ': ')")
            merged[key] |= {v.strip().lower() for v in values}
    if not found:
        raise DataError(f"claims/{name}.yaml: not found in any data folder")
    return merged


def mappings(name: str, key: str, extra_dirs: Iterable[str | Path] = ()) -> dict[str, dict]:
    """The merged mapping ``key`` (entry → settings) of every ``claims/<name>.yaml``."""
    merged: dict[str, dict] = {}
    for path in knowledge.files(f"claims/{name}.yaml", extra_dirs):
        content = knowledge.read_yaml(path) or {}
        entries = content.get(key, {}) if isinstance(content, dict) else None
        if not isinstance(entries, dict):
            raise DataError(f"{path}: {key}: expected a mapping")
        for entry, settings in entries.items():
            if settings is None:
                settings = {}
            if not isinstance(settings, dict):
                raise DataError(f"{path}: {key}: {entry}: expected a mapping of settings")
            merged[str(entry).lower()] = settings
    return merged
