"""Constructions the event coder once missed on unseen text, one sentence (written for this file) each.

Each case: (article date, text, events that must be among those coded as happened (source, target,
root)). ``ABSENT`` lists events that must not be coded.
"""
from __future__ import annotations

import pytest

from event_checks import coded

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
    # denying a charge denies responsibility for the act charged
    ("2024-04-02", "Niger accused Benin on Monday of hosting French troops. Benin's government denied the accusation.",
     [("NER", "BEN", "11"), ("BEN", "NER", "01")]),
    # admitting one's own act
    ("2020-01-11", "Sudan's army admitted on Friday that its gunners had shelled a refugee camp in Chad by mistake.",
     [("SDN", "TCD", "01")]),
    # an agreement to cut tariffs is an intent to cooperate, not a threat of sanctions
    ("2025-05-12", "Ottawa and Washington agreed on Monday to lower the tariffs on each other's steel.",
     [("CAN", "USA", "03"), ("USA", "CAN", "03")]),
    ("2025-04-04", "Canada hit back on Friday with a 25% levy on cars from the United States.", [("CAN", "USA", "16")]),
    # aircraft that destroy something strike it from the air
    ("2024-07-20", "Israeli jets destroyed two cranes at the port of Hodeidah on Saturday.", [("ISR", "YEM", "19")]),
    # one's own envoy is recalled from the host country, whatever "its" might be taken to mean
    ("2024-03-30", "The UN condemned the vote. Riyadh recalled its envoys to Sweden and Denmark on Sunday.",
     [("SAU", "SWE", "16"), ("SAU", "DNK", "16")]),
    # crowds that clash with troops riot
    ("2023-05-30", "Albanian protesters clashed with Serbian police in Presevo on Monday, injuring a dozen officers.",
     [("ALB", "SRB", "14")]),
    # "X and Y troops fought with stones in the valley": each way, the valley is no party
    ("2022-12-12", "Thai and Cambodian soldiers fought with stones and sticks near the Preah Vihear temple on Friday.",
     [("THA", "KHM", "19"), ("KHM", "THA", "19")]),
    # a speech-act noun's speaker after "from", and its target the agent of the act it answers
    ("2024-02-12", "Serbian police raided a Kosovo border post on Sunday, a move that drew a sharp rebuke from Brussels.",
     [("EUR", "SRB", "11")]),
    ("2024-02-12", "Minsk expelled two Lithuanian diplomats on Monday. The expulsions drew a warning from Vilnius.",
     [("LTU", "BLR", "13")]),
    # intercepting a vessel seizes it; a vessel stands for whom or what it carries
    ("2010-05-31", "Turkish frigates intercepted a Greek-flagged ferry near Rhodes on Monday.", [("TUR", "GRC", "17")]),
    ("2025-01-09", "Iranian marines seized a freighter loaded with Saudi fertiliser in the Gulf on Thursday.",
     [("IRN", "SAU", "17")]),
    ("2024-06-03", "Colombian commandos blew up a launch carrying members of the Clan del Golfo near Turbo on Monday, "
                   "killing four.", [("COL", "COL", "19")]),
    # a hyphenated act noun the tokenizer splits, and a verb's act named as an "-ing" noun
    ("2023-02-05", "A Canadian jet brought down a Russian drone over the Yukon on Sunday. Moscow denounced the "
                   "shoot-down as piracy.", [("CAN", "RUS", "19"), ("RUS", "CAN", "11")]),
    ("2023-08-14", "Turkey announced on Monday that it had finished the damming of the Tigris upstream, and Baghdad "
                   "condemned the damming as theft of Iraqi water.", [("IRQ", "TUR", "11")]),
    # an intent toward each of the parties a complement names with "with"
    ("2024-10-02", "Kigali said on Wednesday that Rwanda was ready to negotiate with Burundi and Uganda.",
     [("RWA", "BDI", "03"), ("RWA", "UGA", "03")]),
    # "X and Y sat down together": a meeting each way
    ("2025-03-11", "Serbian and Kosovan negotiators sat down together in Brussels on Tuesday.",
     [("SRB", "XKX", "04"), ("XKX", "SRB", "04")]),
    # a past scene told beside a speech act ("… as crowds gathered") is no content of it
    ("2023-03-01", "Israel's cabinet voted on Monday to press ahead with the judicial overhaul as demonstrators "
                   "massed outside the Knesset.", [("ISR", "ISR", "14")]),
    # "defied a ban to rally": the defiers rally
    ("2024-05-10", "Georgian police arrested two opposition leaders on Thursday. Thousands of people defied a ban "
                   "to rally outside parliament in Tbilisi that night.", [("GEO", "GEO", "14")]),
    # the act a group claims is coded with the claim; an armed group may claim an attack on its own state
    ("2024-03-19", "Al-Shabaab claimed responsibility on Tuesday for bombing a Kenyan army convoy near Lamu.",
     [("SOM", "KEN", "19"), ("SOM", "KEN", "01")]),
    ("2024-03-19", "Gunmen ambushed a police patrol near Mopti on Monday. JNIM claimed responsibility on Tuesday.",
     [("MLI", "MLI", "19"), ("MLI", "MLI", "01")]),
    # a mediator named in a relative clause mediates between the parties of the joint act of its sentence
    ("2025-02-20", "Kenya, which mediated the talks, announced on Thursday that Ethiopia and Eritrea had agreed to "
                   "a truce.", [("KEN", "ETH", "04"), ("KEN", "ERI", "04"), ("ETH", "ERI", "08")]),
]

NOT_CODED = [
    # "as soon as" keeps the clause under its head's modal
    ("2024-04-14", "Tehran said it would retaliate against Israel as soon as Israel attacked Iranian soil again.",
     ("ISR", "IRN", "19")),
]

ABSENT = [
    ("2024-06-03", "Colombian commandos blew up a launch carrying members of the Clan del Golfo near Turbo on Monday, "
                   "killing four.", ("COL", "COL", "17")),
    ("2024-06-17", "Chinese sailors boarded a Philippine navy boat near the shoal on Monday, seizing several rifles.",
     ("CHN", "PHL", "19")),
    ("2024-06-17", "The Israeli navy intercepted a Houthi missile over the Red Sea on Monday.", ("ISR", "YEM", "17")),
    ("2023-05-30", "Albanian protesters clashed with Serbian police in Presevo on Monday, injuring a dozen officers.",
     ("ALB", "SRB", "19")),
    ("2024-07-20", "Israeli jets destroyed two cranes at the port of Hodeidah on Saturday.", ("ISR", "YEM", "17")),
    ("2025-05-12", "Ottawa and Washington agreed on Monday to lower the tariffs on each other's steel.", ("CAN", "USA", "13")),
    ("2020-01-11", "In an interview, Ethiopia's army chief admitted that Eritrea had suffered heavy losses in the war.",
     ("ETH", "ERI", "01")),
    ("2024-04-02", "Niger accused Benin on Monday of hosting French troops. Benin's government denied the accusation.",
     ("BEN", "NER", "12")),
    # a relative clause naming the drills ("called a warning to X") is no appeal; one show of force per pair
    ("2023-04-08", "China's navy sent warships and bombers to surround Taiwan on Saturday in drills that it called a "
                   "stern warning to separatists.", ("CHN", "TWN", "02")),
    ("2023-04-08", "China's navy sent warships and bombers to surround Taiwan on Saturday in drills that it called a "
                   "stern warning to separatists.", ("CHN", "TWN", "19")),
    ("2024-02-10", "Turkish drones struck a convoy in northern Iraq near the Iranian border on Sunday, and Baghdad "
                   "condemned the raid.", ("IRQ", "IRN", "11")),
    ("2023-06-12", "Ukrainian marines captured four Russian paratroopers near Bakhmut on Sunday.", ("UKR", "RUS", "19")),
    ("2022-03-02", "Japan froze the assets of Russia's central bank on Wednesday.", ("JPN", "RUS", "17")),
    ("2024-09-09", "Israeli jets struck Iranian bases in Iraq and Syria on Monday.", ("ISR", "SYR", "19")),
]


@pytest.mark.parametrize("when,text,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_construction_is_coded(coder, parse, when, text, expected):
    got = coded(coder, parse, text, when)
    assert set(expected) <= got, f"{text}\nexpected {sorted(expected)}\ngot {sorted(got)}"


NOT_HAPPENED = [
    ("2024-08-10", "Neither Hezbollah nor Iran had struck Israel by Saturday."),
    ("2015-03-18", "A year on, not one member of the African Union has recognised Somaliland as independent of Somalia."),
    ("2015-03-18", "Not a single Arab state has recognised the breakaway region's independence from Georgia."),
]


@pytest.mark.parametrize("when,text", NOT_HAPPENED, ids=[c[1][:40] for c in NOT_HAPPENED])
def test_a_subject_that_denies_anyone_acts_negates(coder, parse, when, text):
    assert coded(coder, parse, text, when) == set()


def test_one_show_of_force_per_pair(coder, parse):
    events = [e for e in coder.read(parse("China's navy sent warships and bombers to surround Taiwan on Saturday in "
                                          "drills.", "2023-04-08")) if e.happened]
    assert [e.root for e in events] == ["15"]


@pytest.mark.parametrize("when,text,wrong", NOT_CODED, ids=[c[1][:40] for c in NOT_CODED])
def test_clause_under_a_modal_is_not_coded(coder, parse, when, text, wrong):
    assert wrong not in coded(coder, parse, text, when)


@pytest.mark.parametrize("when,text,wrong", ABSENT, ids=[c[1][:40] for c in ABSENT])
def test_construction_is_not_miscoded(coder, parse, when, text, wrong):
    assert wrong not in coded(coder, parse, text, when)


def test_state_and_group_of_one_country_each_get_the_mediation(coder, parse):
    events = [e for e in coder.read(parse("Sudan's army and the Rapid Support Forces signed a Saudi-brokered "
                                          "cessation of hostilities in Jeddah on Saturday.", "2023-05-21"))
              if e.happened and e.root == "04"]
    assert {e.target.sector for e in events} >= {"MIL", "REB"}
