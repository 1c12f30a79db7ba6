"""Constructions that held-out text showed the coder missing or miscoding (naming, answering, purposes, crashes).

Censure by naming ("X called the raid unacceptable", "drills that Y called an attempt to intimidate it"):
a speaker who gives someone's act a condemning name or adjective criticises its agent (111), whether the
act is the verb's object or the noun a relative clause hangs on. Answering with force ("Y answered with
shelling into X"): the attack noun is the answerer's own act, aimed where the verb points.
Sentences written for this file.
"""
from __future__ import annotations

import pytest

from event_checks import coded

CENSURED = [
    ("2024-05-14", "Russian warships sailed into Norwegian waters on Tuesday, a move that Oslo's "
                   "defence ministry called reckless and provocative.", ("NOR", "RUS", "11")),
    ("2023-10-02", "Azerbaijani troops massed near the Armenian border on Monday in a deployment that Yerevan "
                   "called an attempt to blackmail it.", ("ARM", "AZE", "11")),
    ("2024-02-19", "Serbian jets flew low over Kosovo on Monday. Kosovo's prime minister called the flights a "
                   "dangerous provocation.", ("XKX", "SRB", "11")),
]

ANSWERED = [
    ("2024-08-04", "Azerbaijani gunners shelled an Armenian village on Sunday, and Armenia answered with mortar fire "
                   "into the Tovuz district.", ("ARM", "AZE", "19")),
    ("2023-03-12", "Sudanese troops raided a market in Chad's Ouaddai region, and Chad's army responded overnight "
                   "with air strikes on Geneina.", ("TCD", "SDN", "19")),
]

# talks named as the aim of a trip or a recall ("for talks") are not talks that took place
PURPOSE_ONLY = [
    ("2024-04-11", "Chile recalled its ambassador from Caracas for consultations on Thursday.", ("CHL", "VEN", "04")),
    ("2024-04-11", "Ghana's foreign minister flew to Lome on Monday for negotiations with Togo's government.",
     ("TGO", "GHA", "04")),
]

# "agreed (in X on Monday) to open talks": the talks are planned, whatever the parse hangs them on
PLANNED = [
    ("2024-06-20", "Kenya and Ethiopia agreed in Nairobi on Friday to open talks on water rights by March.",
     ("KEN", "ETH", "04")),
]

# an exchange of fire is both sides firing, also when only a victim on one side is the clause's subject
EXCHANGES = [
    ("2024-09-03", "A Peruvian soldier was wounded in an exchange of fire with Ecuadorian troops near the border on "
                   "Tuesday.", {("PER", "ECU", "19"), ("ECU", "PER", "19")}),
    ("2024-09-03", "Three Sudanese soldiers died in an exchange of gunfire between Sudanese and Ethiopian forces.",
     {("SDN", "ETH", "19"), ("ETH", "SDN", "19")}),
]

NOT_CENSURE = [
    # a neutral or approving name is no criticism
    ("2024-06-03", "Japan's prime minister called the summit with South Korea a success.", ("JPN", "KOR", "11")),
    ("2024-06-03", "Kenya's president called the Ethiopian offer of talks a welcome step.", ("KEN", "ETH", "11")),
]


@pytest.mark.parametrize("when,text,expected", CENSURED, ids=[c[1][:40] for c in CENSURED])
def test_a_condemning_name_criticises_the_agent(coder, parse, when, text, expected):
    got = coded(coder, parse, text, when)
    assert expected in got, f"{text}\nexpected {expected}\ngot {sorted(got)}"


@pytest.mark.parametrize("when,text,wrong", NOT_CENSURE, ids=[c[1][:40] for c in NOT_CENSURE])
def test_a_neutral_name_is_no_criticism(coder, parse, when, text, wrong):
    assert wrong not in coded(coder, parse, text, when)


@pytest.mark.parametrize("when,text,expected", ANSWERED, ids=[c[1][:40] for c in ANSWERED])
def test_an_answer_with_force_is_the_answerers_attack(coder, parse, when, text, expected):
    got = coded(coder, parse, text, when)
    assert expected in got, f"{text}\nexpected {expected}\ngot {sorted(got)}"


def test_in_response_to_an_attack_is_still_someone_elses(coder, parse):
    got = coded(coder, parse, "Kenya closed its border with Somalia on Friday in response to a raid by "
                              "al-Shabaab fighters.", "2024-01-05")
    assert ("KEN", "SOM", "19") not in got


@pytest.mark.parametrize("when,text,wrong", PURPOSE_ONLY, ids=[c[1][:40] for c in PURPOSE_ONLY])
def test_talks_that_are_only_a_purpose_are_not_coded(coder, parse, when, text, wrong):
    assert wrong not in coded(coder, parse, text, when)


def test_talks_that_were_held_are_coded(coder, parse):
    got = coded(coder, parse, "Ghana held negotiations with Togo in Accra on Monday.", "2024-04-11")
    assert ("GHA", "TGO", "04") in got


@pytest.mark.parametrize("when,text,wrong", PLANNED, ids=[c[1][:40] for c in PLANNED])
def test_talks_agreed_to_are_planned(coder, parse, when, text, wrong):
    got = coded(coder, parse, text, when)
    assert wrong not in got and ("KEN", "ETH", "03") in got


@pytest.mark.parametrize("when,text,expected", EXCHANGES, ids=[c[1][:40] for c in EXCHANGES])
def test_an_exchange_of_fire_is_coded_both_ways(coder, parse, when, text, expected):
    got = coded(coder, parse, text, when)
    assert expected <= got, f"{text}\nexpected {sorted(expected)}\ngot {sorted(got)}"


def test_a_chance_meeting_of_a_victim_is_no_meeting(coder, parse):
    got = coded(coder, parse, "A Malian rebel commander was shot dead in a chance encounter with an army patrol "
                              "near Kidal.", "2024-09-03")
    assert not any(root == "04" for _, _, root in got)


@pytest.mark.parametrize("text", [
    "Chile's defence minister was killed when his helicopter came down in fog in the mountains of Argentina's "
    "Mendoza province.",
    "A Nigerian air force jet went down in Niger on Friday.",
])
def test_an_aircraft_that_comes_down_is_no_visit(coder, parse, text):
    assert not any(root == "04" for _, _, root in coded(coder, parse, text, "2024-01-05"))


def test_an_official_who_comes_to_a_capital_visits(coder, parse):
    got = coded(coder, parse, "Chile's foreign minister came to Buenos Aires on Monday.", "2024-01-05")
    assert ("CHL", "ARG", "04") in got


@pytest.mark.parametrize("text,expected", [
    ("Seoul lodged a formal complaint with Tokyo on Tuesday over the new textbooks.", ("KOR", "JPN", "11")),
    ("Hungary filed a complaint against Ukraine on Monday over its language law.", ("HUN", "UKR", "11")),
])
def test_a_lodged_complaint_is_an_official_protest(coder, parse, text, expected):
    got = coded(coder, parse, text, "2024-01-05")
    assert expected in got, f"{text}\ngot {sorted(got)}"


# a side the actor book cannot place but the text names is kept as of unknown country, at lower confidence
UNPLACED = [
    ("2021-08-24", "Foreign Minister Ramtane Lamamra accused Morocco of hostile actions on Tuesday.", "MAR", "11"),
    ("2019-03-02", "Interior Minister Kofi Asamoah-Mensah condemned Togo on Saturday for the border closure.", "TGO", "11"),
]


@pytest.mark.parametrize("when,text,target,root", UNPLACED)
def test_named_but_unknown_actor_keeps_the_event(coder, parse, when, text, target, root):
    events = [e for e in coder.read(parse(text, when)) if e.happened]
    assert [(e.source.country, e.target.country, e.root) for e in events] == [("---", target, root)]
    assert "Minister" in events[0].source.text and events[0].confidence < 0.5


def test_unknown_actor_needs_a_name(coder, parse):
    assert coded(coder, parse, "Officials accused them of hostile actions on Tuesday.", "2021-08-24") == set()
