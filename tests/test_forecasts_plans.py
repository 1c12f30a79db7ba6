"""The forecasts reader on causes found with a second independent held-out set: parties announcing
their own arrangements and terms, reasoning told with "would", threats of responsibility, history
set before a turn of events, evidence cited as if it were a speaker, and deadlines (Easter, "next
weekend", dates of a past modifier). Sentences written for these tests.
"""
from __future__ import annotations

from datetime import date

import pytest



@pytest.fixture(scope="module")
def read(read_forecasts):
    return lambda text, when="2025-03-04": read_forecasts(text, when)


def props(found):
    return [f.proposition.text for f in found]


# -- own arrangements and stated terms are plans, not forecasts -----------------------------------
@pytest.mark.parametrize("text", [
    "Regional leaders will meet in Nairobi on Friday for crisis talks, Uganda's foreign minister said.",
    "The border crossing would reopen to trucks next Monday, the interior minister told reporters.",
    "The navy's spokeswoman, Captain Lena Hart, told reporters the frigate would remain at the reef.",
    "A senior official involved in the negotiations said the donors would release the funds only if the "
    "government published its audit.",
])
def test_party_announcing_an_arrangement_or_its_terms_is_no_forecast(read, text):
    assert read(text) == []


@pytest.mark.parametrize("text, proposition", [
    ("The rebels will meet the mediators in Doha next week, a European diplomat said.",
     "The rebels will meet the mediators in Doha next week"),
    ("Talks will resume in Vienna next week, a Western diplomat said.", "Talks will resume in Vienna next week"),
    ("The truce will probably hold until the spring, the foreign minister said.",
     "The truce will probably hold until the spring"),
])
def test_schedules_of_others_and_hedged_arrangements_stay_forecasts(read, text, proposition):
    assert props(read(text)) == [proposition]


# -- reasoning and threats ----------------------------------------------------------------------
def test_would_in_a_because_clause_is_reasoning(read):
    found = read("A second diplomat said a blockade was very unlikely because it would invite sanctions from Brussels.")
    assert all("invite sanctions" not in p for p in props(found))


def test_bear_responsibility_is_a_threat(read):
    assert read("The interior minister said the protest leaders would bear full responsibility for any violence.") == []


# -- history and cited evidence ------------------------------------------------------------------
def test_prediction_set_before_a_turn_of_events_is_history(read):
    assert read("Before the spring, most officers in Minsk said the border would never be crossed.", "2024-08-15") == []


def test_past_time_of_a_noun_modifier_does_not_make_history(read):
    found = read("The port is likely to close before the summer, two aid officials said, despite the deal agreed last week.")
    assert props(found) == ["The port is likely to close before the summer"]


def test_cited_evidence_is_not_the_forecaster(read):
    f = read("Iraq will probably ask the coalition to leave within a year, the country's intelligence service told "
             "parliament on Monday, citing drafts seen by its officers.")[0]
    assert f.forecaster.kind == "official" and "service" in f.forecaster.span.text


def test_cited_people_are_the_forecaster(read):
    f = read("The ceasefire is likely to collapse within weeks, the agency said, citing two senior officials.")[0]
    assert f.forecaster.span.text.endswith("officials")


# -- frames and answers ---------------------------------------------------------------------------
def test_a_view_on_the_past_is_no_forecast_but_its_future_conjunct_is(read):
    found = read("My own view is that the cartel has decided the port is fair game, and that it will not stop at the river.")
    assert props(found) == ["it will not stop at the river"]


def test_odds_put_on_a_clause_read_the_figure(read):
    f = read("Traders now put the odds that the governor resigns by the end of June at roughly 30 percent.")[0]
    assert f.proposition.text == "the governor resigns by the end of June"
    assert 0.25 <= f.probability <= 0.35 and f.deadline == date(2025, 6, 30)


def test_answer_giving_odds(read):
    f = read("Will the junta call elections this year? I'd put the odds at about one in four.")[0]
    assert f.proposition.text == "the junta call elections this year" and 0.2 <= f.probability <= 0.3


def test_no_limited_to_a_time_window_is_less_sure_than_a_flat_no(read):
    f = read("Will Belgrade recognise Pristina? Not this decade, in my view: the church would never accept it.")[0]
    assert 0.1 <= f.probability <= 0.3


# -- deadlines -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, when, deadline", [
    ("The army is unlikely to leave the valley before Easter, said a retired general in Lahore.", "2025-02-20",
     date(2025, 4, 20)),
    ("Talks are very likely to resume in Geneva next weekend, a Western diplomat said.", "2025-04-13", date(2025, 4, 20)),
    ("The sanctions that Brussels adopted on Monday will very likely halve the country's gas exports within a month, "
     "according to traders in Rotterdam.", "2025-12-17", date(2026, 1, 17)),
    ("Will Hanoi and Manila pull back from the reef this weekend? Probably not.", "2025-05-09", date(2025, 5, 11)),
])
def test_deadlines(read, text, when, deadline):
    assert read(text, when)[0].deadline == deadline


def test_earlier_sentence_gives_the_deadline_a_proposition_refers_back_to(read):
    found = read("The council is due to vote on the draft on Thursday. It will almost certainly fail.", "2025-09-22")
    assert found[-1].proposition.text == "It will almost certainly fail" and found[-1].deadline == date(2025, 9, 25)


# -- frames and credits the parser misplaces --------------------------------------------------------
@pytest.mark.parametrize("text, proposition, phrase", [
    ("Drone strikes on the depots are coming, and soon, I suspect; nobody moves tankers like that for fun.",
     "Drone strikes on the depots are coming, and soon", "I suspect"),
    ("The junta will fold before the rains, I think.", "The junta will fold before the rains", "I think"),
])
def test_trailing_belief_frames_the_clause_before_it(read, text, proposition, phrase):
    f = read(text)[0]
    assert (f.proposition.text, f.phrase, f.forecaster.kind) == (proposition, phrase, "author")


def test_trailing_belief_about_the_present_is_no_forecast(read):
    assert read("The talks are stalled, I think, and nobody knows why.") == []


def test_outlet_credited_after_an_aside_is_the_forecaster(read):
    f = read("The militia is poised to announce that it is laying down its arms, the Rudaw news agency, which is close "
             "to the party, reported on Sunday after a meeting in Erbil.")[0]
    assert f.forecaster.kind == "outlet" and "agency" in f.forecaster.span.text


def test_official_reporting_the_army_belief_is_the_forecaster(read):
    f = read("A senior military official, who briefed reporters, said the army did not believe the rebels would attack "
             "again this week.")[0]
    assert f.forecaster.kind == "anonymous" and "official" in f.forecaster.span.text
