"""The speed paths give what the plain paths give: cached entity bounds, libyaml, the marker test
of markdown_to_text, and reading in a pool of worker processes."""
from __future__ import annotations

import json

import yaml

from detente import knowledge, nlp, readers
from detente.ingest.boilerplate import _EMPHASIS, _MARKDOWN_LINK, markdown_to_text
from detente.pipeline import read_documents
from detente.records import TextRecord

TEXT = ("Harbour officials in Valdoria said on Friday that Prime Minister Ilse Marrow had met the envoy of the "
        "Northern League, Tomas Varga, in Port Sellen. The Valdorian navy seized a cargo ship off Cape Orrin, "
        "and the foreign ministry of Estmark condemned the seizure.")


def _bounds(spans) -> list[tuple]:
    return [(e.start, e.end, e.label_, e.kb_id, e.id) for e in spans]


def test_span_ents_match_spacy_for_every_span(parse):
    doc = parse(TEXT).doc
    assert doc.ents, "the model should find entities in this text"
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert _bounds(nlp.span_ents(span)) == _bounds(span.ents), (start, end)


def test_span_ents_keeps_plain_numbers_on_the_doc(parse):
    doc = parse(TEXT).doc
    nlp.span_ents(doc[0:5])
    starts, rest = doc.user_data["ents"]
    assert all(isinstance(s, int) for s in starts) and all(isinstance(x, int) for r in rest for x in r)


def test_read_yaml_gives_what_safe_load_gives(tmp_path):
    source = "name: test\nitems:\n  - {lemma: seize, code: '171'}\n  - [a, 'b: c', 3.5, null, yes]\nwhen: 2020-01-08\n"
    path = tmp_path / "k.yaml"
    path.write_text(source, encoding="utf-8")
    assert knowledge.read_yaml(path) == yaml.safe_load(source)


def test_markdown_to_text_fast_path_agrees_with_the_expressions():
    lines = ["A plain line with no markup at all.", "**Breaking** news from the _coast_", "[Share](https://x.example)",
             "![a map](m.png) of the strait", "snake_case_word and 2*3", "*****", "[Related]", "__init__ file", ""]
    for line in lines:
        assert markdown_to_text(line) == _EMPHASIS.sub("", _MARKDOWN_LINK.sub(r"\1", line)), line


def test_read_records_in_two_processes_equals_one(tmp_path):
    texts = [TEXT, "The Turkish navy seized a Greek fishing boat off Lesbos on Monday.",
             "Norway's defence minister said Russia had violated its airspace twice this week.", ""]
    records = [TextRecord(id=str(i), text=t) for i, t in enumerate(texts)]
    chosen = [readers.load("events"), readers.load("claims")]

    def dicts(n_process: int) -> list:
        return [(r.id, [[x.to_dict() for x in found] for found in result])
                for r, result in readers.read_records(chosen, records, batch_size=2, n_process=n_process)]

    one = dicts(1)
    assert [r for r, _ in one] == ["0", "1", "2", "3"]
    assert all(any(found) for _, found in one[1:3]), "events and claims in the second and third texts"
    assert dicts(2) == one


def test_read_documents_in_two_processes_stores_the_same_events(tmp_path):
    from detente.ingest import ingest
    from detente.store import Store

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": str(i), "date": "2021-03-0%d" % (i + 1), "text": t}) for i, t in enumerate([
        TEXT, "The Turkish navy seized a Greek fishing boat off Lesbos on Monday, and Athens condemned the seizure.",
        "Norway's defence minister warned Russia against further flights over the Barents Sea, officials said."])) + "\n")

    def stored(n_process: int, name: str) -> list:
        with Store(f"sqlite:///{tmp_path / name}") as store:
            ingest([str(feed)], store, progress=False)
            read_documents(store, ("events",), n_process=n_process, progress=False)
            return sorted((r["doc_id"], r["trigger_start"], r["code"], r["source_country"], r["target_country"])
                          for r in store.rows("events"))

    one = stored(1, "one.db")
    assert one
    assert stored(2, "two.db") == one
