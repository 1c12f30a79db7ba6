"""Argument structure: coordination, anaphoric act nouns, flag states, hosts and vowed responses.

Sentences written for this file, about crises other than the eval sets'. Each case: (article date, text,
events that must be among the coded ones, events that must not be), events as (source, target, root).
"""
from __future__ import annotations

import pytest

from event_checks import coded

CASES = [
    # coordinated subjects: one event per conjunct, never a conjunct as the target
    ("2023-06-05", "Latvia, Lithuania, Estonia and Poland cut diplomatic ties with Belarus on Monday.",
     [("LVA", "BLR", "16"), ("LTU", "BLR", "16"), ("EST", "BLR", "16"), ("POL", "BLR", "16")], []),
    ("2021-06-05", "Kuwait, Oman, the United Arab Emirates and Jordan suspended flights to Lebanon on Saturday.",
     [("KWT", "LBN", "16"), ("OMN", "LBN", "16"), ("ARE", "LBN", "16"), ("JOR", "LBN", "16")], []),
    ("2024-02-06", "Sweden, Norway and Finland condemned Russia on Tuesday.",
     [("SWE", "RUS", "11"), ("NOR", "RUS", "11"), ("FIN", "RUS", "11")], [("SWE", "FIN", "11"), ("NOR", "FIN", "11")]),
    ("2024-02-06", "Chile and Peru condemned the blockade.", [], [("CHL", "PER", "11")]),
    # coordinated verbs sharing a subject and an object
    ("2024-03-05", "Iranian gunboats rammed and fired on three Emirati fishing boats on Monday, then seized all three.",
     [("IRN", "ARE", "19"), ("IRN", "ARE", "17")], []),
    ("2024-03-05", "Somali pirates boarded and detained a Greek tanker on Friday.", [("SOM", "GRC", "17")], []),
    ("2024-03-05", "Venezuelan soldiers arrested two Colombian smugglers and later deported them.",
     [("VEN", "COL", "17")], []),
    # a speech act about an earlier act is aimed at its agent
    ("2024-03-05", "Turkish jets shot down a Syrian plane on Monday. Damascus called the downing a stab in the back.",
     [("TUR", "SYR", "19"), ("SYR", "TUR", "11")], []),
    ("2024-03-05", "Armenian drones hit a depot in Azerbaijan. Baku and Ankara condemned the raids.",
     [("AZE", "ARM", "11"), ("TUR", "ARM", "11")], [("AZE", "TUR", "11")]),
    ("2024-03-05", "Kenya, Uganda and Tanzania on Tuesday condemned the shelling of Goma by Rwandan-backed rebels.",
     [("KEN", "RWA", "11"), ("UGA", "RWA", "11"), ("TZA", "RWA", "11")], [("KEN", "COD", "11")]),
    ("2024-03-05", "Egypt and Jordan denounced the Israeli incursion into Rafah.",
     [("EGY", "ISR", "11"), ("JOR", "ISR", "11")], []),
    ("2024-03-05", "Caracas called Georgetown's decision a provocation.", [("VEN", "GUY", "11")], []),
    # coordinated national adjectives
    ("2024-03-05", "Polish and Dutch F-35s shot down three Russian drones over Lithuania.",
     [("POL", "RUS", "19"), ("NLD", "RUS", "19")], []),
    ("2024-03-05", "Saudi and Emirati warplanes pounded Houthi positions near Marib on Friday.",
     [("SAU", "YEM", "19"), ("ARE", "YEM", "19")], []),
    # flag states
    ("2024-03-05", "Iranian commandos seized the Cook Islands-flagged tanker in the Gulf of Oman.", [("IRN", "COK", "17")], []),
    ("2024-03-05", "A Houthi missile struck a Marshall Islands-flagged bulk carrier in the Red Sea.", [("YEM", "MHL", "19")], []),
    # recalled envoys to several capitals
    ("2024-03-05", "Tehran recalled its ambassadors to Britain, France and Germany for consultations on Saturday.",
     [("IRN", "GBR", "16"), ("IRN", "FRA", "16"), ("IRN", "DEU", "16")], []),
    # a ceremony hosted by a third party
    ("2024-03-05", "A peace deal between Armenia and Azerbaijan was signed at the White House on Friday, in a ceremony "
                   "hosted by Secretary of State Antony Blinken.",
     [("USA", "ARM", "04"), ("USA", "AZE", "04"), ("ARM", "AZE", "05"), ("AZE", "ARM", "05")], []),
    # a vowed response in a second clause is a threat toward the attacker
    ("2024-03-05", "Israeli jets bombed a Hezbollah depot near Tyre, and the group's spokesman vowed that the attack "
                   "would not go unpunished.", [("ISR", "LBN", "19"), ("LBN", "ISR", "13")], [("LBN", "ISR", "03")]),
    ("2024-03-05", "Azerbaijani troops shelled Armenian positions on Monday, and Yerevan's defence ministry warned that "
                   "the assault would not go unanswered.", [("ARM", "AZE", "13")], []),
]

KEPT_AS_THEY_WERE = [
    # a past deed under a saying is no threat, and a loose clause does not borrow the first verb's subject
    ("2024-10-02", "Iran's Revolutionary Guards said the barrage avenged the deaths of two Hezbollah commanders.",
     [("IRN", "LBN", "13")]),
    ("2022-12-21", "Volodymyr Zelensky flew to Washington on Wednesday, and President Biden, welcoming him at the door, "
                   "promised more air defences.", [("UKR", "USA", "03")]),
]


@pytest.mark.parametrize("when,text,expected,wrong", CASES, ids=[c[1][:40] for c in CASES])
def test_argument_structure(coder, parse, when, text, expected, wrong):
    found = coded(coder, parse, text, when)
    assert set(expected) <= found, found
    assert not set(wrong) & found, found


@pytest.mark.parametrize("when,text,wrong", KEPT_AS_THEY_WERE, ids=[c[1][:40] for c in KEPT_AS_THEY_WERE])
def test_no_spurious_events(coder, parse, when, text, wrong):
    assert not set(wrong) & coded(coder, parse, text, when)
