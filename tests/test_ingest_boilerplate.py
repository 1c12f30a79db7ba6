"""Boilerplate spans: web furniture goes, article sentences that mention its words stay."""
from __future__ import annotations

import pytest

from detente.ingest.boilerplate import boilerplate_spans, load_rules, strip_boilerplate
from detente.knowledge import DataError

ARTICLE = """Navy says drones were shot down over the strait

By Marta Quill | Harbour Notes | March 3, 2026
2,118 views

The navy said on Tuesday that its destroyers had shot down four drones over the strait, the third such incident this month.

Officials declined to comment on where the drones were launched from. Shipping firms said their share prices fell after the attack.

Send us your tips | Privacy
Please share this story if you found it useful.
(Reporting by the Lisbon bureau; Editing by the Europe desk)
Posted in Maritime | Tagged navy, drones | 12 Comments
This website uses cookies to improve your experience. Accept
"""


def test_strip_keeps_the_body_and_drops_the_furniture():
    out = strip_boilerplate(ARTICLE)
    assert "shot down four drones" in out
    assert "declined to comment" in out and "share prices fell" in out
    for gone in ("2,118 views", "Marta Quill", "Send us your tips", "Please share", "Reporting by",
                 "Tagged navy", "cookies"):
        assert gone not in out, gone


def test_spans_are_character_offsets_of_whole_lines():
    spans = boilerplate_spans(ARTICLE)
    texts = [ARTICLE[s:e] for s, e in spans]
    assert "2,118 views" in texts
    assert "Posted in Maritime | Tagged navy, drones | 12 Comments" in texts
    assert all(ARTICLE[s:e] == ARTICLE[s:e].strip() for s, e in spans)


@pytest.mark.parametrize("line", [
    "Share | Tweet | Email",
    "Like · Comment · Repost",
    "[Facebook] [X] [Email]",
    "Comments (14) | Like | Share this post",
    "The views expressed in this column are the author's own.",
    "This essay was first published on The Tidewater Review.",
    "Subscribe to get new posts by email.",
    "Become a member today and support independent reporting.",
    "Copyright © 2026 Harbour Notes. All rights reserved.",
    "Photo: Ana Ruiz/Getty Images",
    "Related: Why the strait matters",
    "Home › World › Middle East",
    "Our Standards: The Trust Principles.",
    "Reporting by Omar Faleh; editing by Jo Brand",
    "This live page is no longer being updated.",
    "Filed under: Gulf, Shipping | 3 comments",
    "Click here to subscribe",
    "Newsletter: the week's crises in your inbox every Friday.",
])
def test_boilerplate_lines(line):
    text = f"Some headline\n\nA first paragraph of the story that says what happened in many words today.\n\n{line}\n"
    assert line not in strip_boilerplate(text)


@pytest.mark.parametrize("sentence", [
    "Iran's share of the oil market fell to 3 percent, the ministry said.",
    "The spokesman declined to comment on the report.",
    "Officials said they would not subscribe to the proposal.",
    "Analysts said the views expressed by the general were widely shared in the army.",
    "Reporting by state media suggested that 40 people had died.",
    "The minister told reporters that the photo had been taken in March.",
    "He urged residents to share information with the police.",
    "Related talks in Oman were postponed until the spring, diplomats said.",
    "— Anna Lisk (@annalisk) March 3, 2026",
])
def test_article_sentences_survive(sentence):
    text = f"Some headline\n\nBy Jo Writer\n\nA first paragraph of the story that says what happened in many words today.\n\n{sentence}\n"
    assert sentence in strip_boilerplate(text)


def test_related_list_and_repeated_title_go():
    text = ("Ceasefire holds along the border\n\nThe ceasefire held for a third day, officials on both sides said on Monday.\n\n"
            "Ceasefire holds along the border\n\nRelated posts\nTalks resume in Doha\nWhy the truce is fragile\n")
    out = strip_boilerplate(text)
    assert out.count("Ceasefire holds along the border") == 1
    assert "Talks resume" not in out and "fragile" not in out


def test_promo_box_between_rules_goes():
    text = ("Title line\n\nThe army said it had pulled back from two villages after a week of shelling there.\n\n"
            "*****\nThe Tidewater Review is funded by its readers.\nDonate\n*****\n")
    out = strip_boilerplate(text)
    assert "funded" not in out and "*****" not in out and "pulled back" in out


def test_user_data_with_a_bad_regex_names_file_and_entry(tmp_path):
    (tmp_path / "boilerplate.yaml").write_text("categories:\n  mine:\n    piece:\n      - 'unclosed ('\n")
    with pytest.raises(DataError, match=r"boilerplate.yaml: categories.mine.piece\[0\]"):
        load_rules((str(tmp_path),))


def test_user_data_adds_a_category(tmp_path):
    (tmp_path / "boilerplate.yaml").write_text("categories:\n  house:\n    piece:\n      - 'brought to you by .{1,40}'\n")
    rules = load_rules((str(tmp_path),))
    text = "Title\n\nThe talks ended without a deal late on Sunday night, both delegations said.\n\nBrought to you by Acme Corp.\n"
    assert "Acme" not in strip_boilerplate(text, rules)
    assert "Acme" in strip_boilerplate(text)


def test_eval_whole_articles_keep_every_gold_cue(shared):
    """No gold claim or forecast cue of the whole-article dev sets may fall inside a span."""
    import json

    for name, keys in (("claims_docs_dev.jsonl", ("speaker_cue", "content_cue")),
                       ("forecasts_docs_dev.jsonl", ("proposition_cue",))):
        for line in (shared / "eval" / name).read_text().splitlines():
            record = json.loads(line)
            text, spans = record["text"], boilerplate_spans(record["text"])
            for gold in record.get("claims") or record.get("forecasts") or []:
                for key in keys:
                    cue = gold.get(key)
                    if cue:
                        at = text.index(cue)
                        assert not any(s < at + len(cue) and at < e for s, e in spans), (record["id"], cue)
