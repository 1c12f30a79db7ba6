"""Constructions the fifth round of held-out text showed missing: intrusions into another state's airspace or waters
(a show of force, 150, not an attack), armed men named by whom they are loyal to, allied forces acting on one
partner's own soil, hosts receiving a chief or commander, and past tenses the lemmatiser leaves alone ("retook").
Sentences written for this file.
"""
from __future__ import annotations

import pytest

from event_checks import coded

INTRUSIONS = [
    ("2024-03-02", "Three Russian warships entered Estonia's territorial waters near Vaindloo island on Saturday.",
     ("RUS", "EST", "15")),
    ("2023-09-14", "A Turkish surveillance drone violated Greek airspace over Lesbos on Thursday.", ("TUR", "GRC", "15")),
    ("2024-11-05", "Two Chinese fighter jets strayed into South Korean airspace near Jeju on Tuesday.", ("CHN", "KOR", "15")),
]


@pytest.mark.parametrize("when,text,event", INTRUSIONS)
def test_intrusion_into_airspace_or_waters_is_a_show_of_force(coder, parse, when, text, event):
    found = coded(coder, parse, text, when)
    assert event in found
    assert not any(root == "19" for _, _, root in found)


def test_crossing_into_territory_stays_an_attack(coder, parse):
    found = coded(coder, parse, "Armenian troops crossed into Azerbaijani territory near Lachin on Monday.", "2022-09-12")
    assert ("ARM", "AZE", "19") in found


LOYAL = [
    ("2023-05-02", "Fighters loyal to the Houthis shelled a Yemeni army post near Marib on Tuesday.", ("YEM", "YEM", "19")),
    ("2022-07-20", "Soldiers loyal to President Kiir attacked a Sudanese convoy near Abyei on Wednesday.", ("SSD", "SDN", "19")),
]


@pytest.mark.parametrize("when,text,event", LOYAL)
def test_men_loyal_to_a_named_actor_act_for_it(coder, parse, when, text, event):
    assert event in coded(coder, parse, text, when)


def test_allied_forces_retaking_a_town_on_one_partners_soil(coder, parse):
    found = coded(coder, parse, "Nigerian and Chadian troops retook the town of Baga in Borno state on Sunday.",
                  "2021-02-14")
    assert {("NGA", "NGA", "19"), ("TCD", "NGA", "19")} <= found


def test_a_host_receiving_a_chief_of_staff(coder, parse):
    found = coded(coder, parse, "Egypt's defence minister received Sudan's army chief in Cairo on Monday.", "2023-06-05")
    assert ("EGY", "SDN", "04") in found


# "the government" with no country named is the state the story is about; its acts are the rebels' target
HOME = [
    ("2023-08-02", "An Arakan Army spokesman rejected the government's offer of talks on Tuesday.",
     ("MMR", "MMR", "12")),
    ("2024-01-10", "FARC dissidents denounced the government's decision to suspend the ceasefire on Wednesday.",
     ("COL", "COL", "11")),
]


@pytest.mark.parametrize("when,text,event", HOME)
def test_rebels_answer_their_own_government(coder, parse, when, text, event):
    assert event in coded(coder, parse, text, when)


def test_the_government_of_a_named_group_stays_that_group(coder, parse):
    found = coded(coder, parse, "Sudan's army chief and the commander of the Rapid Support Forces signed an agreement "
                                "in Jeddah on Saturday.", "2023-05-20")
    assert ("SDN", "SDN", "05") in found


def test_a_past_clause_keeps_its_own_mood_under_a_stopping_verb(coder, parse):
    found = coded(coder, parse, "Gas stopped flowing to Armenia on Monday after Azerbaijan halted gas deliveries to "
                                "Yerevan.", "2024-12-16")
    assert ("AZE", "ARM", "16") in found
    assert coded(coder, parse, "Azerbaijan stopped halting gas deliveries to Yerevan on Monday.", "2024-12-16") == set()


def test_barring_the_loading_of_crude_is_an_embargo(coder, parse):
    found = coded(coder, parse, "Chad's government barred the loading of Sudanese cargo at the port of Douala on Friday.",
                  "2024-05-03")
    assert ("TCD", "SDN", "16") in found


def test_signatures_put_on_a_treaty_and_an_arrangement_concluded(coder, parse):
    found = coded(coder, parse, "Uzbek President Shavkat Mirziyoyev and Kazakh President Kassym-Jomart Tokayev put their "
                                "signatures on a border treaty in Tashkent on Friday.", "2022-12-23")
    assert {("UZB", "KAZ", "05"), ("KAZ", "UZB", "05")} <= found
    found = coded(coder, parse, "Hanoi and Beijing concluded a provisional arrangement on Monday for fishing near the "
                                "Paracels.", "2024-04-01")
    assert ("VNM", "CHN", "05") in found


def test_a_ship_seized_off_a_coast_belongs_to_that_coast(coder, parse):
    found = coded(coder, parse, "French marines seized a cargo ship off the Libyan coast on Tuesday.", "2024-06-11")
    assert ("FRA", "LBY", "17") in found and ("FRA", "FRA", "17") not in found


def test_signing_into_law_goes_one_way(coder, parse):
    found = coded(coder, parse, "President Tokayev on Monday signed into law a strategic partnership treaty with "
                                "Azerbaijan.", "2024-08-12")
    assert ("KAZ", "AZE", "05") in found and ("AZE", "KAZ", "05") not in found


def test_a_city_named_after_a_country_stays_in_it(coder, parse):
    found = coded(coder, parse, "Hundreds of Cubans marched through Santiago de Cuba on Sunday, and the government "
                                "accused U.S. diplomats of stirring up the unrest.", "2024-03-18")
    assert ("CUB", "USA", "11") in found and not any("CHL" in e for e in found)


def test_talks_mediated_by_two_states_are_mediated_by_both(coder, parse):
    found = coded(coder, parse, "Armenia and Azerbaijan agreed to a truce early on Tuesday after talks in Astana mediated "
                                "by Russia and Kazakhstan.", "2022-09-13")
    assert {("RUS", "ARM", "04"), ("RUS", "AZE", "04"), ("KAZ", "ARM", "04"), ("KAZ", "AZE", "04")} <= found
