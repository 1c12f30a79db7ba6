"""Read-only knowledge files: the bundled ones under ``detente/data`` plus the user's.

Knowledge is data, not code (CAMEO tree, actors, patterns, estimative phrases).
A user extends it by pointing ``DETENTE_DATA`` (an ``os.pathsep``-separated list of
folders) or ``extra_dirs`` at folders laid out like ``detente/data``: every file
found at the same relative path is read after the bundled one, so user entries
add to or override bundled ones. Errors name the file and the entry.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
# libyaml's parser when PyYAML was built with it: the same data as yaml.safe_load, several times faster
# (every reader, and every worker process, reads the knowledge files when it starts).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A knowledge file is unreadable or an entry in it is malformed."""


def data_dirs(extra_dirs: Iterable[str | Path] = ()) -> list[Path]:
    """The bundled data folder first, then $DETENTE_DATA folders, then ``extra_dirs``."""
    dirs = [DATA_DIR]
    env = os.environ.get("DETENTE_DATA", "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs += [Path(p) for p in extra_dirs]
    return dirs


def files(pattern: str, extra_dirs: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Every file matching ``pattern`` (a glob relative to a data folder), bundled first."""
    for folder in data_dirs(extra_dirs):
        if not folder.is_dir() and folder != DATA_DIR:
            raise DataError(f"{folder}: data folder does not exist")
        yield from sorted(folder.glob(pattern))


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from exc


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header; lines starting with '#' are comments."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from exc
    return list(csv.DictReader(lines, delimiter="\t"))


def require(entry: Any, keys: Iterable[str], where: str) -> dict[str, Any]:
    """Check that ``entry`` is a mapping with ``keys``; raise a DataError naming ``where``."""
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected a mapping, got {type(entry).__name__}")
    missing = [k for k in keys if k not in entry]
    if missing:
        raise DataError(f"{where}: missing {', '.join(missing)}")
    return entry
