"""Precision of the event coder on long wire-style sentences: words in a non-event sense, sites named by
whose forces they hold, patrons that are not actors, audiences that are no counterpart. Sentences written
for this file; each case is (article date, text, events that must be coded, events that must not be)."""
from __future__ import annotations

import pytest

from event_checks import coded

CASES = [
    # sanctions "targeting" sectors of an economy are no attack
    ("2024-03-04", "Emirati officials said the cabinet had imposed new sanctions on Myanmar on Monday, targeting its "
                   "timber and jade industries.", [("ARE", "MMR", "16")], [("ARE", "MMR", "19")]),
    # a fronted passive participle: the minister was pressed, he pressed no one
    ("2024-05-02", "Pressed for a timetable, the Pakistani minister said talks with India would resume soon.",
     [], [("PAK", "IND", "02")]),
    # passengers travelling home pay no state visit
    ("2023-07-19", "Greece says 40 of its nationals were on the ferry, and 90 passengers were travelling on to Greece.",
     [], [("GRC", "GRC", "04")]),
    # police who disperse a crowd repress it (a crowd that disperses: test_a_dispersing_crowd_represses_no_one)
    ("2024-08-11", "Peruvian police dispersed the marchers with tear gas in Lima.", [("PER", "PER", "17")], []),
    # a closure with no one it is closed to is a precaution, not a ban on the latest country named
    ("2024-04-14", "Iran fired drones at Israel overnight. Jordan and Lebanon briefly closed their airspace.",
     [("IRN", "ISR", "19")], [("JOR", "ISR", "16"), ("LBN", "ISR", "16"), ("JOR", "IRN", "16")]),
    # the target of an attack is whose forces the site holds
    ("2024-02-02", "Turkish drones struck a Syrian airbase that houses Russian advisers on Sunday.",
     [("TUR", "RUS", "19")], [("TUR", "SYR", "19")]),
    ("2024-02-02", "Iraqi militias fired rockets at two Syrian bases housing Russian forces on Tuesday.",
     [("IRQ", "RUS", "19")], [("IRQ", "SYR", "19")]),
    # a patron ("Russian-backed") is neither the crowd nor where it is
    ("2022-05-09", "Hundreds of supporters of Russian-backed militias pulled back from the Polish embassy in Minsk "
                   "on Monday.", [], [("RUS", "POL", "08"), ("RUS", "BLR", "08")]),
    # an audience asked to act is of the speaker's own country, not the latest foreign actor named
    ("2023-11-15", "The Peruvian president urged lawmakers to pass the budget, a day after Chile condemned the vote.",
     [], [("PER", "CHL", "02")]),
    # a vow whose clause is about the reprisal is a threat, not a pledge
    ("2024-01-29", "Rwanda shelled Goma on Monday. The Congolese army vowed that its response would be swift.",
     [("RWA", "COD", "19"), ("COD", "RWA", "13")], [("COD", "RWA", "03")]),
    ("2024-01-29", "Kenya vowed that its response to the drought would be generous.", [], [("KEN", "---", "13")]),
    # "sanctioned everything" aims at no one in particular
    ("2019-02-01", "Chavez denounced the United States. \"They have sanctioned everything there is to sanction,\" one "
                   "Venezuelan diplomat said.", [], [("USA", "VEN", "16")]),
    # ... while "denied firing anything" still denies the act told before
    ("2024-04-19", "Israel said Iranian missiles had struck Haifa overnight. Iran denied firing anything.",
     [("IRN", "ISR", "01")], []),
    # ... and a warning that "anyone who" attacks will pay is a threat to the attacker
    ("2024-05-13", "Hamas fired rockets at Sderot on Monday. Israel's defence minister warned that anyone who fired at "
                   "Israeli towns would pay a heavy price.", [("ISR", "PSE", "13")], []),
    # "with more ready to follow" describes troops; it states no one's readiness
    ("2024-02-20", "Austin said about 500 marines would be sent to Poland immediately, with more ready to follow.",
     [], [("USA", "POL", "03")]),
    ("2024-02-20", "Putin said Russia was ready to observe a truce with Ukraine.", [("RUS", "UKR", "03")], []),
    # a meeting with parties of no known country codes no one ("Western envoys"); a named pair meets both ways
    ("2024-08-02", "The summit in Bogota ended on Friday. It was the first meeting between Caracas and Western envoys "
                   "since the disputed election.", [], [("VEN", "---", "04"), ("---", "VEN", "04")]),
    ("2018-09-19", "Kim Jong Un and Moon Jae-in met in Pyongyang on Wednesday.", [("PRK", "KOR", "04"), ("KOR", "PRK", "04")], []),
    # a dateline is where the report was filed from, not who killed
    ("2024-03-04", "KABUL, March 4 (Harbour Wire) - A Pakistani drone strike near Kabul airport early on Friday killed "
                   "a senior Taliban commander.", [("PAK", "AFG", "19")], [("AFG", "AFG", "19")]),
    # a negated plan to cooperate is no pledge; the plain one is
    ("2024-06-01", "The Foreign Office said a British delegation would not discuss a troop withdrawal with Kenya.",
     [], [("GBR", "KEN", "03")]),
    ("2024-06-01", "The Foreign Office said a British delegation would discuss a troop withdrawal with Kenya.",
     [("GBR", "KEN", "03")], []),
    # "wanted to thank": the thanks are given in the saying
    ("2021-08-30", "Biden wrote that he wanted to thank Qatar for its help with the evacuation.",
     [("USA", "QAT", "05")], [("USA", "QAT", "03")]),
    # a plan ("had been due to") or a capability ("ability to launch") is no stated intent
    ("2023-10-02", "The Kurdish commander said he had been due to meet Erdogan on Friday, before the strike.",
     [], [("---", "TUR", "03")]),
    ("2023-10-02", "Turkey said it had been due to hold drills near Crete.", [], [("TUR", "GRC", "13")]),
    # ... while reserving "the right to respond" stays a threat
    ("2024-01-29", "Rwanda shelled Goma on Monday. Congo condemned the strike and said it reserved the right to "
                   "respond.", [("COD", "RWA", "13"), ("COD", "RWA", "11")], []),
    # destroying a radar is an attack, not damage to property
    ("2024-10-26", "Israel said it had refrained from further attacks, having destroyed a radar installation "
                   "near Tehran.", [("ISR", "IRN", "19")], [("ISR", "IRN", "17")]),
    # an unnamed site hit by the same attacker is its earlier victim's, not the latest third party's
    ("2025-05-08", "Indian jets bombed Pakistani positions on Monday. Indian jets were already in the air when "
                   "President Trump told them to turn around. They did, after hitting a single radar site.",
     [("IND", "PAK", "19")], [("IND", "USA", "19")]),
    # a relative clause without "that": the noun is blamed, the name before the verb blames
    ("2024-02-01", "Muhandis founded Kataib Hezbollah, the militia Washington blamed for the rocket attack on Kirkuk.",
     [("USA", "IRQ", "11")], [("IRQ", "USA", "11")]),
    # a crowd belongs where it gathers, not to the latest country named
    ("2022-09-21", "Canada says 30 of its citizens were among the dead. By evening, hundreds of people had gathered "
                   "outside Amir Kabir and Sharif universities in Tehran.", [("IRN", "IRN", "14")],
     [("CAN", "CAN", "14")]),
]


@pytest.mark.parametrize("when,text,present,absent", CASES, ids=[c[1][:40] for c in CASES])
def test_precision_case(coder, parse, when, text, present, absent):
    found = coded(coder, parse, text, when)
    assert set(present) <= found, f"missing {set(present) - found}; coded {found}"
    assert not set(absent) & found, f"coded {set(absent) & found} that did not happen"


def test_no_event_with_a_patron_as_source(coder, parse):
    text = "Hundreds of supporters of Russian-backed militias pulled back from the Polish embassy in Minsk on Monday."
    assert all(src != "RUS" for src, _, _ in coded(coder, parse, text, "2022-05-09"))


def test_patron_or_maker_places_nothing():
    from detente.actors import ActorBook
    book = ActorBook.load()
    assert book.place("Iran-backed militias") is None
    assert book.place("Russian-made drones") is None
    assert book.place("southern Lebanon") == "LBN"


def test_hosted_forces_are_the_target(coder, parse):
    found = coded(coder, parse, "Saudi jets struck two camps in Yemen that host Iranian advisers.", "2021-03-10")
    assert ("SAU", "IRN", "19") in found and ("SAU", "YEM", "19") not in found


def test_a_name_before_an_institution_is_no_person():
    from detente.actors import ActorBook
    book = ActorBook.load()
    assert book.resolve("Sharif University", None).country == "---"
    assert book.resolve("Aliyev's office", None).country == "AZE"


def test_dateline_is_recognised(parse):
    from detente.events.syntax import is_dateline
    doc = parse("KABUL, March 4 (Harbour Wire) - Pakistani jets bombed camps.").doc
    assert is_dateline(doc[0])
    doc = parse("NATO, the EU and Britain condemned the strike.").doc
    assert not is_dateline(doc[0])
    doc = parse("ISLAMABAD — Pakistani jets bombed camps near Kabul.").doc
    assert is_dateline(doc[0])


def test_a_dispersing_crowd_represses_no_one(coder, parse):
    text = ("Police fired tear gas at the crowd outside the parliament in Lima. Later most of the crowd dispersed "
            "to a camp outside the city.")
    events = [e for e in coder.read(parse(text, "2024-08-11")) if e.happened]
    assert any(e.source.sector == "COP" and e.root == "17" for e in events)
    assert not any(e.source.sector == "CVL" and e.root == "17" for e in events)
