"""Shared fixtures: the ../shared folder, a parsed text, a fresh store, the PostgreSQL URL."""
from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's ../shared folder (seeds and eval sets); tests needing it skip where it is absent."""
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"../shared is not beside the checkout ({SHARED}); seeds and eval sets are read from there")
    return SHARED


@pytest.fixture(scope="session")
def parse():
    """parse(text, date) -> nlp.Parsed, with the project's one pipeline."""
    from detente import nlp
    from detente.records import TextRecord

    def _parse(text: str, when: str | date | None = "2020-01-08"):
        day = date.fromisoformat(when) if isinstance(when, str) else when
        return next(nlp.parse([TextRecord(id="t", text=text, date=day)]))

    return _parse


@pytest.fixture(scope="session")
def coder():
    """The event coder with the bundled knowledge, loaded once for the whole run."""
    from detente.events import Coder

    return Coder.load()


@pytest.fixture(scope="session")
def read_claims(parse):
    """read_claims(text, date) -> the claims the reader finds in that one text."""
    from detente.claims import Attributor

    reader = Attributor.load()

    def _read(text: str, when: str = "2024-05-02"):
        return reader.read(parse(text, when))

    return _read


@pytest.fixture(scope="session")
def read_forecasts(parse):
    """read_forecasts(text, date) -> the forecasts the reader finds in that one text."""
    from detente.forecasts import ForecastReader

    reader = ForecastReader.load()

    def _read(text: str, when: str = "2024-03-04"):
        return reader.read(parse(text, when))

    return _read


@pytest.fixture
def store(tmp_path):
    from detente.store import Store

    s = Store(f"sqlite:///{tmp_path / 'test.db'}")
    yield s
    s.close()


@pytest.fixture
def pg_url():
    """A fresh schema-less database URL on the PostgreSQL server of $DETENTE_TEST_PG, or skip."""
    url = os.environ.get("DETENTE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # no server answering: skip with the reason
        pytest.skip(f"no PostgreSQL server answers at {url}: {exc.__class__.__name__}")
    name = f"detente_test_{uuid.uuid4().hex[:8]}"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    test_url = url.rsplit("/", 1)[0] + "/" + name
    yield test_url
    engine = create_engine(url)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()
