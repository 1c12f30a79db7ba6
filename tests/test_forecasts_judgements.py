"""The forecasts reader on judgements phrased around the proposition, and on "would" that forecasts nothing.

Constructions found misread on a held-out set, with sentences written for these tests: a judging verb with a
placeholder "it" ("judged it highly improbable that S"), a closing "in the judgement of X" the parser hung deep
inside the clause, a perfect infinitive set against a date ahead ("expected to have left by Sunday"), a
parenthetical credit inside a conditional ("If A, they said, B"), a second verb of belief sharing its subject
("X thinks A, and expects B"); and, as no forecasts, a refusal already made ("officials would not confirm it"),
a preference ("would rather watch the region freeze"), and a prediction dated last winter.
"""
from __future__ import annotations

from forecast_checks import one, within


def test_judged_it_improbable_that(read_forecasts):
    f = one(read_forecasts("Researchers at the Clingendael Institute judged it highly improbable that the truce "
                           "would survive the harvest season."))
    assert f.proposition.text == "the truce would survive the harvest season"
    assert within(f, 0.02, 0.2) and f.forecaster.span.text.startswith("Researchers")


def test_consider_it_likely_that(read_forecasts):
    f = one(read_forecasts("Diplomats in Vienna consider it likely that the inspectors will return in May."))
    assert within(f, 0.55, 0.85) and f.forecaster.kind == "anonymous"


def test_closing_judgement_of_a_named_person(read_forecasts):
    f = one(read_forecasts("Georgia is more likely than not to freeze its EU bid before the vote, in the judgement "
                           "of Nino Beridze, a former ambassador who now teaches in Tbilisi."))
    assert f.forecaster.span.text == "Nino Beridze" and f.forecaster.kind == "named_person"


def test_perfect_infinitive_by_a_date_is_ahead(read_forecasts):
    f = one(read_forecasts("The last convoys are expected to have left the enclave by Sunday, a senior official in "
                           "Baku said on Thursday."))
    assert f.deadline is not None and f.forecaster.kind == "anonymous"
    assert read_forecasts("The drone is unlikely to have been launched from the island.") == []


def test_credit_between_commas_inside_a_conditional(read_forecasts):
    f = one(read_forecasts("If the reservoir runs dry, engineers said, the northern towns could lose power by the end "
                           "of April."))
    assert f.forecaster.span.text == "engineers" and f.condition is not None


def test_second_belief_verb_shares_its_subject(read_forecasts):
    found = read_forecasts("Lena Okafor, who studies the Sahel at Bayreuth, thinks the junta is likely to extend its "
                           "term, and expects the question to come up at the next summit in July.")
    assert {f.forecaster.span.text for f in found} == {"Lena Okafor"} and len(found) == 2


def test_refusals_preferences_and_old_predictions_are_no_forecasts(read_forecasts):
    assert read_forecasts("The ministry in Ankara would not confirm the report on Tuesday.") == []
    assert read_forecasts("One Georgian official said privately that Moscow would rather see the pipeline rust than "
                          "lower its price.") == []
    assert read_forecasts("Last winter several analysts forecast that the port would close before spring. "
                          "They were right.") == []


def test_a_long_credited_answer_still_answers(read_forecasts):
    f = one(read_forecasts("Will the monitors be able to stay in the valley? Probably not without more money, according "
                           "to a senior mission officer who spoke on condition of anonymity because he was not allowed "
                           "to brief reporters."))
    assert f.proposition.text.startswith("the monitors be able") and within(f, 0.1, 0.45)
    assert f.forecaster.kind == "anonymous"


def test_an_answer_nobody_seems_to_expect(read_forecasts):
    f = one(read_forecasts("Will Baku lift the blockade before winter? Nobody in Yerevan seems to expect it."))
    assert f.forecaster.span.text == "Nobody in Yerevan" and f.probability < 0.5


def test_the_condition_after_unless_is_no_forecast_of_its_own(read_forecasts):
    f = one(read_forecasts("He said the militias would likely return within weeks unless the police could keep men in "
                           "the villages."))
    assert f.proposition.text.startswith("the militias would likely return")


def test_a_chance_given_by_a_market(read_forecasts):
    f = one(read_forecasts("Polymarket gave a 41 percent chance on Monday that Serbia would hold early elections by "
                           "the end of June."))
    assert f.forecaster.span.text == "Polymarket" and abs(f.probability - 0.41) < 0.01 and f.deadline is not None


def test_a_second_imperative_expect(read_forecasts):
    found = read_forecasts("Expect the junta to stall, as it has stalled before, and expect ECOWAS to extend the "
                           "deadline again.")
    assert len(found) == 2 and {f.forecaster.kind for f in found} == {"author"}


def test_another_sides_forces_being_sent_is_a_forecast(read_forecasts):
    f = one(read_forecasts("More Russian troops will almost certainly be sent to Belarus this winter, Lithuania's "
                           "intelligence service told parliament."))
    assert f.forecaster.kind == "official"
    assert read_forecasts("The detained sailors would be released on Friday, Iran's foreign ministry said.") == []


def test_a_political_scientist_comments_rather_than_pledges(read_forecasts):
    f = one(read_forecasts("Hamas will not give up its rifles this year, said Rana Khoury, a political scientist at a "
                           "Gaza university."))
    assert f.forecaster.kind == "named_person"
