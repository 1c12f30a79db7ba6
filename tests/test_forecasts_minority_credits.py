"""The forecasts reader on beliefs held by few, and on credits whose kind the parse hides.

Each test names one general construction found misread on a held-out set, with sentences written
for these tests: "few (analysts) expect S" (a forecast that S is unlikely), a credit inverted after
the verb with the speaker's place beside it ("…, predicted a European attache in Warsaw"), a
company's name behind a descriptive noun the tagger took for a person ("the shipping firm X"),
a person whose given name is spelled like a news agency's acronym, "all but impossible",
"about as likely as a coin toss", and a closing credit ("…, a Nordic diplomat estimated.") the parser
hung on the proposition's last noun, and a denied belief answering a question ("I don't think so").
"""
from __future__ import annotations

import pytest

from forecast_checks import one, within


@pytest.fixture(scope="module")
def read(read_forecasts):
    return read_forecasts


# -- beliefs held by few ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, proposition", [
    ("Few analysts in Lima expect the strike to end before the election.", "the strike to end before the election"),
    ("The truce will hold, though few in either camp expect the mistrust to fade.", "the mistrust to fade"),
])
def test_few_who_expect_make_it_unlikely(read, text, proposition):
    f = next(f for f in read(text) if f.proposition.text == proposition)
    assert within(f, 0.05, 0.35) and f.forecaster.kind == "anonymous"


def test_a_few_who_expect_is_no_minority_view(read):
    f = one(read("A few analysts expect the strike to end soon."))
    assert within(f, 0.6, 0.9)


# -- inverted credits with the speaker's place ------------------------------------------------------
@pytest.mark.parametrize("text, speaker", [
    ("The rebels will likely take the town, predicted an American official in Kabul.", "an American official in Kabul"),
    ("Kyiv's forces will retake the bridge within the month, predicted a European defence attache in Warsaw.",
     "a European defence attache in Warsaw"),
])
def test_inverted_credit_with_a_place(read, text, speaker):
    f = one(read(text))
    assert f.forecaster.kind == "anonymous" and f.forecaster.span.text == speaker


# -- kinds the entity tagger hides ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The tanker could sink within days, the Danish shipping firm Norden Larsen said.",
    "The tanker could sink within days, said security firm Kestrel Marin.",
])
def test_firm_named_after_its_description_is_an_organisation(read, text):
    assert one(read(text)).forecaster.kind == "named_org"


@pytest.mark.parametrize("text", [
    "The blockade will probably last into summer, said Irna Petrova, an economist in Riga.",
    "The blockade will probably last into summer, said Tass Ivanova.",
])
def test_given_name_spelled_like_an_agency_is_a_person(read, text):
    assert one(read(text)).forecaster.kind == "named_person"


def test_agency_acronym_is_still_an_outlet(read):
    assert one(read("The blockade will probably last into summer, TASS reported.")).forecaster.kind == "outlet"


# -- the mirror of "all but certain" ----------------------------------------------------------------
@pytest.mark.parametrize("text, proposition", [
    ("A referendum on the island is now all but impossible, said Pedro Alves, an analyst.", "A referendum on the island"),
    ("An assault on the capital is almost unthinkable, the diplomat added.", "An assault on the capital"),
])
def test_all_but_impossible_is_almost_no_chance(read, text, proposition):
    f = one(read(text))
    assert f.proposition.text == proposition and within(f, 0.01, 0.1)


# -- even odds said as a comparison ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A truce before the holiday is about as likely as a coin toss, said Pedro Alves, an analyst.",
    "A truce before the holiday is as likely as not, the mediator said.",
])
def test_as_likely_as_a_coin_toss_is_even(read, text):
    assert within(one(read(text)), 0.45, 0.55)


def test_about_to_is_no_comparison(read):
    assert read("The talks are about to collapse, the mediator said.") == []


# -- a bare verb of saying closing the sentence ------------------------------------------------------
def test_closing_credit_parsed_as_an_apposition(read):
    f = one(read("There is perhaps a one-in-five chance that the Oslo talks produce a deal on patrolling the border, "
                 "a Nordic diplomat in Oslo estimated."))
    assert f.proposition.text == "the Oslo talks produce a deal on patrolling the border"
    assert f.forecaster.kind == "anonymous" and f.forecaster.span.text == "a Nordic diplomat in Oslo"


# -- a short answer whose belief is itself denied ----------------------------------------------------
@pytest.mark.parametrize("text, lo, hi", [
    ('Will the protests spread to the capital? "I don\'t think so," said Olga Marin, a sociologist in Chisinau.', 0.1, 0.4),
    ("Will the protests spread to the capital? I do not think so.", 0.1, 0.4),
    ("Will the protests spread to the capital? I don't expect so.", 0.05, 0.35),
    ("Will the protests spread to the capital? I think so.", 0.6, 0.9),
])
def test_denied_belief_answers_no(read, text, lo, hi):
    f = one(read(text))
    assert f.proposition.text == "the protests spread to the capital" and within(f, lo, hi)


def test_denied_belief_with_a_restated_no(read):
    f = one(read("Will the rebels march on the capital? I don't think so, not before the rains."))
    assert within(f, 0.05, 0.45)
