from detente.records import Document
from detente.store import Store


def _doc(i: int) -> Document:
    return Document(id=f"d{i}", text=f"Iran fired missiles number {i}.", title=f"T{i}")


def _roundtrip(url: str) -> None:
    with Store(url) as s:
        s.add_document(_doc(1))
        assert s.has_document("d1") and not s.has_document("d2")
        s.save_readings("d1", {"claims": ("1", [{"speaker_kind": "author", "content_text": "x"}])})
        assert s.processed("d1") == {"claims": "1"}
        assert [r["content_text"] for r in s.rows("claims")] == ["x"]
    with Store(url) as again:  # reopening migrates nothing twice and keeps the data
        assert again.document("d1").title == "T1"


def test_sqlite_roundtrip(tmp_path):
    _roundtrip(f"sqlite:///{tmp_path / 'x.db'}")


def test_postgres_roundtrip(pg_url):
    _roundtrip(pg_url)
