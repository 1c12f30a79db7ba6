"""Ingest: every format, bad input, dates, identity, near-duplicates, URLs and feeds, seeds and corpus."""
from __future__ import annotations

import http.server
import io
import json
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest

from detente.ingest import ingest
from detente.ingest.extract import doc_id
from detente.ingest.language import detect_language
from detente.ingest.minhash import signature, similarity

PARAGRAPHS = [
    "Coastguard vessels from both countries shadowed each other near the disputed reef for most of Thursday, "
    "officials in the capital said, after a fishing boat was rammed overnight.",
    "The foreign ministry summoned the ambassador and demanded an explanation, while the defence ministry "
    "said it had moved two frigates closer to the reef as a precaution.",
    "A regional analyst said both governments wanted to avoid a wider clash before the summit next month, "
    "but that a collision at sea could quickly get out of hand.",
]
BODY = "\n\n".join(PARAGRAPHS)


def article(title: str = "Ships shadow each other near disputed reef", body: str = BODY, head: str = "") -> str:
    return f"{title}\n\n{head}{body}\n\nShare | Tweet | Email\n"


def html_page(body: str = BODY, published: str = "2026-04-02T09:00:00+02:00") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<html><head><title>Reef standoff | The Harbour Post</title>"
            f'<meta property="og:title" content="Reef standoff deepens">'
            f'<meta property="og:site_name" content="The Harbour Post">'
            f'<meta name="author" content="Ines Koh">'
            f'<meta property="article:published_time" content="{published}"></head>'
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<div class='cookie'>We use cookies to improve your experience.</div>"
            f"<article><h1>Reef standoff deepens</h1>{paragraphs}</article>"
            f"<footer>© 2026 The Harbour Post</footer></body></html>")


def docs(store):
    return list(store.documents())


def test_plain_text_with_header(tmp_path, store):
    path = tmp_path / "reef.txt"
    path.write_text(article(head="By Ines Koh\nHarbour Post, April 2, 2026\n\n"))
    result = ingest([str(path)], store, progress=False)
    assert len(result.added) == 1 and not result.errors
    doc = docs(store)[0]
    assert (doc.title, doc.author, doc.outlet) == ("Ships shadow each other near disputed reef", "Ines Koh", "Harbour Post")
    assert (doc.date, doc.date_source) == (date(2026, 4, 2), "text")
    assert doc.text.startswith("Coastguard vessels") and "Tweet" not in doc.text and "Ines Koh" not in doc.text
    assert doc.language == "en" and doc.status == "ok" and len(doc.minhash) == 128


def test_markdown_is_read_as_text(tmp_path, store):
    path = tmp_path / "reef.md"
    path.write_text("# Ships shadow each other\n\nBy [Ines Koh](https://example.org/ines)\n\n"
                    + BODY.replace("foreign ministry", "**foreign ministry**").replace("analyst", "[analyst](#)") + "\n")
    ingest([str(path)], store, progress=False)
    doc = docs(store)[0]
    assert doc.author == "Ines Koh" and doc.title == "Ships shadow each other"
    assert "The foreign ministry summoned" in doc.text and "[" not in doc.text and "**" not in doc.text


def test_html_main_text_and_meta(tmp_path, store):
    path = tmp_path / "reef.html"
    path.write_text(html_page())
    result = ingest([str(path)], store, progress=False)
    assert not result.errors
    doc = docs(store)[0]
    assert (doc.date, doc.date_source) == (date(2026, 4, 2), "meta")
    assert doc.author == "Ines Koh" and doc.outlet == "The Harbour Post"
    assert "Coastguard vessels" in doc.text and "cookies" not in doc.text and "Home" not in doc.text


def test_jsonl_records_and_a_malformed_line(tmp_path, store):
    path = tmp_path / "export.jsonl"
    lines = [json.dumps({"text": BODY, "title": "Reef", "outlet": "Wire", "date": "2026-04-03T10:00:00Z",
                         "url": "https://example.org/a"}),
             '{"text": "cut off',
             json.dumps({"html": html_page(BODY.replace("Thursday", "Friday")), "date": "2026-04-04"}),
             json.dumps({"title": "no body"})]
    path.write_text("\n".join(lines) + "\n")
    result = ingest([str(path)], store, progress=False)
    assert len(result.added) == 2
    assert any(e.startswith(f"{path}:2: malformed JSON") for e in result.errors)
    assert any(e.startswith(f"{path}:4: no text or html") for e in result.errors)
    first = next(d for d in docs(store) if d.outlet == "Wire")
    assert (first.date, first.date_source, first.url) == (date(2026, 4, 3), "meta", "https://example.org/a")


def test_json_array(tmp_path, store):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"text": BODY, "date": "2026-04-03"}]))
    assert len(ingest([str(path)], store, progress=False).added) == 1


def test_warc_response_records(tmp_path, store):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        payload = html_page().encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/reef", "response",
                                                      payload=io.BytesIO(payload), http_headers=headers))
    result = ingest([str(path)], store, progress=False)
    assert len(result.added) == 1 and not result.errors
    assert docs(store)[0].url == "https://example.org/reef"


def test_stdin(monkeypatch, store):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(article().encode())))
    assert len(ingest(["-"], store, progress=False).added) == 1


def test_bad_inputs_each_get_one_line_and_the_rest_goes_on(tmp_path, store):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"II*\x00" + bytes(range(256)) * 3)
    (tmp_path / "shell.html").write_text("<html><body><div id='root'></div><script>boot()</script></body></html>")
    (tmp_path / "big.txt").write_text(BODY * 40)
    (tmp_path / "good.txt").write_text(article())
    result = ingest([str(tmp_path), str(tmp_path / "missing.txt")], store, progress=False, max_bytes=10_000)
    reasons = {Path(e.split(":")[0]).name: e for e in result.errors}
    assert set(reasons) == {"empty.txt", "scan.txt", "shell.html", "big.txt", "missing.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["scan.txt"]
    assert "no article text" in reasons["shell.html"] and "too large" in reasons["big.txt"]
    assert len(result.added) == 1


def test_latin1_text_is_read_with_a_note(tmp_path, store):
    path = tmp_path / "note.txt"
    path.write_bytes(article(body=BODY.replace("reef", "récif")).encode("latin-1"))
    result = ingest([str(path)], store, progress=False)
    assert len(result.added) == 1 and any("cp1252" in n for n in result.notes)
    assert "récif" in docs(store)[0].text


def test_non_english_is_stored_and_reported(tmp_path, store):
    path = tmp_path / "note.txt"
    path.write_text("Les navires se sont suivis toute la journée près du récif contesté, a déclaré le ministère. "
                    "Le ministre a convoqué l'ambassadeur et il a demandé des explications sur la collision de la nuit.\n")
    result = ingest([str(path)], store, progress=False)
    assert len(result.added) == 1 and "not English (fr)" in result.skipped[0]
    assert docs(store)[0].status == "non_english"


def test_language_by_script():
    assert detect_language("Корабли двух стран весь день следили друг за другом у спорного рифа.") == "ru"
    assert detect_language(BODY) == "en"


def test_reingest_is_idempotent_and_ids_fold_case_space_quotes(tmp_path, store):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(article())
    first = ingest([str(tmp_path)], store, progress=False)
    again = ingest([str(tmp_path)], store, progress=False)
    assert len(first.added) == 1 and (len(again.added), again.already) == (0, 1)
    assert doc_id("He said “no”  today") == doc_id("he said \"no\" today")


def test_cross_post_is_linked_to_the_original(tmp_path, store):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "2026-04-02_original.txt").write_text(article(head="By Ines Koh\n\n"))
    edited = BODY.replace("most of Thursday", "much of Thursday")
    (tmp_path / "repost.txt").write_text(article(title="Reef standoff: a republished view", head="By Ines Koh\n\n",
                                                 body=edited + "\n\nThis article first appeared on The Harbour Post."))
    (tmp_path / "other.txt").write_text(article(title="Other", body=BODY.replace("reef", "island").replace(
        "Coastguard", "Naval").replace("fishing boat", "patrol craft").replace("summit", "election")))
    result = ingest([str(tmp_path)], store, progress=False)
    assert result.near_duplicates == 1
    by_source = {Path(d.source).name: d for d in docs(store)}
    assert by_source["repost.txt"].status == "duplicate"
    assert by_source["repost.txt"].duplicate_of == by_source["2026-04-02_original.txt"].id
    assert by_source["other.txt"].status == "ok"


def test_an_earlier_copy_found_later_becomes_the_original(tmp_path, store):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "2026-04-05_repost.txt").write_text(article(body=BODY + "\n\nThis article first appeared on The Harbour Post."))
    ingest([str(tmp_path / "2026-04-05_repost.txt")], store, progress=False)
    (tmp_path / "2026-04-02_original.txt").write_text(article(body=BODY.replace("most of", "much of")))
    result = ingest([str(tmp_path / "2026-04-02_original.txt")], store, progress=False)
    assert result.near_duplicates == 1
    by_source = {Path(d.source).name: d for d in docs(store)}
    assert by_source["2026-04-02_original.txt"].status == "ok"
    assert by_source["2026-04-05_repost.txt"].duplicate_of == by_source["2026-04-02_original.txt"].id


def test_minhash_estimates_overlap():
    a, b = signature(BODY), signature(BODY.replace("Thursday", "Friday"))
    assert similarity(a, b) > 0.7 and similarity(a, signature("An entirely different text about trade.")) < 0.1


@pytest.mark.parametrize("name, head, option, expected, source", [
    ("2026-05-06_reef.txt", "", None, date(2026, 5, 6), "filename"),
    ("reef.txt", "Posted on May 7, 2026 by Ines Koh\n\n", None, date(2026, 5, 7), "text"),
    ("reef.txt", "", date(2026, 5, 8), date(2026, 5, 8), "option"),
    ("reef.txt", "", None, None, None),
])
def test_dates(tmp_path, store, name, head, option, expected, source):
    (tmp_path / name).write_text(article(head=head))
    result = ingest([str(tmp_path / name)], store, date=option, progress=False)
    doc = docs(store)[0]
    assert (doc.date, doc.date_source) == (expected, source)
    assert any("date unknown" in n for n in result.notes) == (expected is None)


def test_dateline_takes_its_year_from_the_copyright_line(tmp_path, store):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    body = BODY.replace("Coastguard vessels", "MANILA, Apr 9 (Harbour Wire) - Coastguard vessels")
    (tmp_path / "wire.txt").write_text(article(body=body + "\n\n© Harbour Wire 2026"))
    ingest([str(tmp_path)], store, progress=False)
    doc = docs(store)[0]
    assert (doc.date, doc.outlet, doc.extra.get("place")) == (date(2026, 4, 9), "Harbour Wire", "MANILA")


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        ctype, body = self.pages.get(self.path, ("text/plain", b""))
        self.send_response(200 if self.path in self.pages else 404)
        self.send_header("Content-Type", ctype)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_html_non_html_and_unreachable(server, store):
    _Handler.pages = {"/reef": ("text/html", html_page().encode()), "/logo.png": ("image/png", b"\x89PNG")}
    result = ingest([f"{server}/reef", f"{server}/logo.png", f"{server}/gone"], store, progress=False)
    assert len(result.added) == 1
    assert any("logo.png" in e and "content type image/png" in e for e in result.errors)
    assert any("/gone" in e and "unreachable" in e for e in result.errors)
    assert docs(store)[0].url.endswith("/reef")


def test_feed_entries_fetched_or_read_from_content(server, tmp_path, store):
    _Handler.pages = {"/reef": ("text/html", html_page().encode())}
    long_content = " ".join([BODY.replace("reef", "atoll")] * 3)
    feed = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour Post</title>"
            f"<item><title>Reef</title><link>{server}/reef</link><pubDate>Thu, 03 Apr 2026 08:00:00 GMT</pubDate></item>"
            f"<item><title>Atoll</title><link>https://example.invalid/atoll</link>"
            f"<description><![CDATA[<p>{long_content}</p>]]></description></item>"
            f"<item><title>Gone</title><link>{server}/missing</link></item>"
            f"</channel></rss>")
    path = tmp_path / "feed.xml"
    path.write_text(feed)
    result = ingest([str(path)], store, progress=False)
    assert len(result.added) == 2 and len(result.errors) == 1 and "unreachable" in result.errors[0]
    fetched = next(d for d in docs(store) if d.title == "Reef")
    assert (fetched.date, fetched.date_source, fetched.outlet) == (date(2026, 4, 3), "feed", "Harbour Post")


def test_feed_by_url_and_glob_sources(server, tmp_path, store):
    _Handler.pages = {"/reef": ("text/html", html_page().encode()),
                      "/feed": ("application/rss+xml", (f"<?xml version='1.0'?><rss version='2.0'><channel>"
                                f"<title>Harbour Post</title><item><title>Reef</title><link>{server}/reef</link>"
                                f"</item></channel></rss>").encode())}
    assert len(ingest([f"{server}/feed"], store, progress=False).added) == 1
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(article(body=BODY.replace("reef", "shoal")))
    result = ingest([str(tmp_path / "in" / "*.txt"), str(tmp_path / "in" / "*.none")], store, outlet="Shoal News",
                    progress=False)
    assert len(result.added) == 1 and "no file matches" in result.errors[0]
    assert any(d.outlet == "Shoal News" for d in docs(store))


def test_seeds(shared, store):
    result = ingest([str(shared / "corpus" / "seeds")], store, progress=False)
    assert len(result.added) == 3 and not result.errors
    by_name = {Path(d.source).name: d for d in docs(store)}
    escobar = by_name["2020-01-09_global-research_trump-to-de-escalate.txt"]
    assert (escobar.author, escobar.outlet, escobar.date) == ("Pepe Escobar", "Global Research", date(2020, 1, 9))
    assert escobar.title == "Trump to De-Escalate: Intelligence Source"
    for gone in ("click the share buttons", "Become a Member", "Disclaimer", "Copyright", "Global Research, January"):
        assert gone not in escobar.text, gone
    flinch = by_name["2025-06-24_did-trump-flinch.txt"]
    assert flinch.author == "David Mark" and "views" not in flinch.text[:200] and "cookies" not in flinch.text
    assert all(d.date for d in by_name.values())  # each seed's file name dates it


def test_seed_without_a_dated_name_has_an_unknown_date(shared, tmp_path, store):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    shutil.copy(shared / "corpus" / "seeds" / "2020-01-08_peace-through-strength.txt", tmp_path / "peace.txt")
    result = ingest([str(tmp_path)], store, progress=False)
    doc = docs(store)[0]
    assert (doc.date, doc.date_source) == (None, None) and any("date unknown" in n for n in result.notes)


def test_example_corpus_reports_exactly_the_bad_files(store):
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    if not (corpus / "bad").is_dir():
        pytest.skip("examples/corpus/bad is not there yet")
    result = ingest([str(corpus)], store, progress=False)
    failed = {Path(e.split(":")[0]).name for e in result.errors}
    assert failed == {"broken.jsonl", "empty-page.html", "empty.txt", "scan.txt"}
    assert any("rapport-fr.txt" in s for s in result.skipped)
    assert result.near_duplicates == 1 and result.already == 1
    assert all("/bad/" in e for e in result.errors)


def test_postgresql(pg_url, tmp_path):
    from detente.store import Store

    (tmp_path / "2026-04-02_reef.txt").write_text(article())
    with Store(pg_url) as pg:
        assert len(ingest([str(tmp_path)], pg, progress=False).added) == 1
        assert ingest([str(tmp_path)], pg, progress=False).already == 1
        assert next(pg.documents()).date == date(2026, 4, 2)
