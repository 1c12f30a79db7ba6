"""The broad lexicon (data/events/verbs-broad.yaml, nouns-broad.yaml): wire-service wording across the twenty
roots that the narrower files lack, with the readings that keep it precise: what a signed deal is *for* has not
happened yet, and a single subject restoring ties with another acts one way. Sentences written for this file.
"""
from __future__ import annotations

import pytest

from event_checks import coded

BROAD = [
    ("2024-08-26", "Kenya restored diplomatic relations with Somalia on Thursday.", ("KEN", "SOM", "05")),
    ("2024-08-26", "Sweden reopened its embassy in Tehran on Monday.", ("SWE", "IRN", "05")),
    ("2023-04-22", "Canada evacuated its embassy staff from Khartoum on Saturday.", ("CAN", "SDN", "16")),
    ("2023-10-21", "Egypt airlifted medical supplies to Gaza on Sunday.", ("EGY", "PSE", "07")),
    ("2022-03-16", "The International Court of Justice ordered Russia on Wednesday to halt its offensive.",
     ("UNO", "RUS", "10")),
]


@pytest.mark.parametrize("when,text,event", BROAD)
def test_broad_wording_is_coded(coder, parse, when, text, event):
    assert event in coded(coder, parse, text, when)


def test_restoring_ties_with_one_partner_goes_one_way(coder, parse):
    found = coded(coder, parse, "Kenya restored diplomatic relations with Somalia on Thursday.", "2024-08-26")
    assert ("SOM", "KEN", "05") not in found


def test_what_a_signed_deal_is_for_has_not_happened(coder, parse):
    found = coded(coder, parse, "Qatar and Bahrain signed an accord in Riyadh on Tuesday to restore diplomatic relations "
                                "and reopen their embassies.", "2023-04-11")
    assert ("QAT", "BHR", "05") in found  # the signing itself (057)
    events = [e for e in coder.read(parse("Qatar and Bahrain signed an accord in Riyadh on Tuesday to restore diplomatic "
                                          "relations and reopen their embassies.", "2023-04-11"))]
    assert {e.code for e in events if e.happened} == {"057"}


def test_a_call_made_to_apologise_is_an_apology(coder, parse):
    found = coded(coder, parse, "Lukashenko phoned Tokayev on Friday to apologise for the border incident.", "2024-02-09")
    assert ("BLR", "KAZ", "05") in found
