"""Constructions the event coder once missed on unseen text, one sentence (written for this file) each.

Each case: (article date, text, events that must be among those coded as happened (source, target,
root)). ``ABSENT`` lists events that must not be coded.
"""
from __future__ import annotations

import pytest

CASES = [
    # a speech act about an act told earlier in the same sentence is aimed at that act's agent
    ("2024-02-10", "Turkish drones struck a convoy in northern Iraq near the Iranian border on Sunday, and Baghdad "
                   "condemned the raid.", [("TUR", "IRQ", "19"), ("IRQ", "TUR", "11")]),
    # ... and at every agent of it
    ("2024-02-10", "Dutch and Belgian warships shelled smugglers' depots on the Libyan coast, and Tripoli denounced "
                   "the attack.", [("LBY", "NLD", "11"), ("LBY", "BEL", "11")]),
    ("2024-03-03", "Saudi and Emirati jets bombed Houthi positions near Saada on Sunday, and the group vowed that the "
                   "attack would not go unpunished.", [("YEM", "SAU", "13"), ("YEM", "ARE", "13")]),
    # a target named only by places in two countries: one event per country
    ("2024-09-09", "Israeli jets bombed weapons depots in Lebanon and Syria on Monday.",
     [("ISR", "LBN", "19"), ("ISR", "SYR", "19")]),
    # a parse that makes the first of coordinated verbs a clause before the others keeps the subject there
    ("2025-04-24", "In a swift reprisal, Moscow on Monday held the 2010 fisheries pact in abeyance, suspended all "
                   "trade with Norway and expelled three Norwegian diplomats.", [("RUS", "NOR", "16"), ("RUS", "NOR", "17")]),
    # sanctions in other words
    ("2022-03-02", "Japan froze the assets of Russia's central bank on Wednesday.", [("JPN", "RUS", "16")]),
    ("2020-07-01", "Pakistan banned several Indian companies and their apps on Tuesday.",
     [("PAK", "IND", "16")]),
    ("2023-05-16", "Washington added 31 Chinese firms to its trade blacklist on Tuesday.", [("USA", "CHN", "16")]),
    # people captured are detained, places captured occupied
    ("2023-06-12", "Ukrainian marines captured four Russian paratroopers near Bakhmut on Sunday.", [("UKR", "RUS", "17")]),
    # "X and Y (on Friday) each signed": a bare "each" subject stands for the actors just named together
    ("2022-07-22", "At talks chaired by the UN chief, Serbia and Kosovo on Thursday each signed an accord on "
                   "rail links.", [("SRB", "XKX", "05"), ("XKX", "SRB", "05")]),
    # a state and an armed group of one country are two parties
    ("2023-05-21", "Sudan's army and the Rapid Support Forces signed a Saudi-brokered cessation of hostilities in "
                   "Jeddah on Saturday.", [("SAU", "SDN", "04"), ("SDN", "SDN", "08")]),
]

ABSENT = [
    ("2024-02-10", "Turkish drones struck a convoy in northern Iraq near the Iranian border on Sunday, and Baghdad "
                   "condemned the raid.", ("IRQ", "IRN", "11")),
    ("2023-06-12", "Ukrainian marines captured four Russian paratroopers near Bakhmut on Sunday.", ("UKR", "RUS", "19")),
    ("2022-03-02", "Japan froze the assets of Russia's central bank on Wednesday.", ("JPN", "RUS", "17")),
    ("2024-09-09", "Israeli jets struck Iranian bases in Iraq and Syria on Monday.", ("ISR", "SYR", "19")),
]


@pytest.fixture(scope="module")
def coder():
    from detente.events import Coder
    return Coder.load()


def coded(coder, parse, text, when):
    return {(e.source.country, e.target.country, e.root) for e in coder.read(parse(text, when)) if e.happened}


@pytest.mark.parametrize("when,text,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_construction_is_coded(coder, parse, when, text, expected):
    got = coded(coder, parse, text, when)
    assert set(expected) <= got, f"{text}\nexpected {sorted(expected)}\ngot {sorted(got)}"


@pytest.mark.parametrize("when,text,wrong", ABSENT, ids=[c[1][:40] for c in ABSENT])
def test_construction_is_not_miscoded(coder, parse, when, text, wrong):
    assert wrong not in coded(coder, parse, text, when)


def test_state_and_group_of_one_country_each_get_the_mediation(coder, parse):
    events = [e for e in coder.read(parse("Sudan's army and the Rapid Support Forces signed a Saudi-brokered "
                                          "cessation of hostilities in Jeddah on Saturday.", "2023-05-21"))
              if e.happened and e.root == "04"]
    assert {e.target.sector for e in events} >= {"MIL", "REB"}
