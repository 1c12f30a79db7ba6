"""The forecasts reader on sentences and an article written for these tests, plus the seeds.

Each test states one behaviour of the guidelines in ../shared/eval/README.md: what is a
forecast and what is not, the proposition span, the probability as read from the phrase, the
forecaster's kind, conditions and deadlines.
"""
from __future__ import annotations

from datetime import date

import pytest

from forecast_checks import one, within
from detente.forecasts.deadlines import Deadlines
from detente.forecasts.phrases import PhraseTable
from detente.knowledge import DataError


@pytest.fixture(scope="module")
def read(read_forecasts):
    return read_forecasts



# -- what is a forecast ------------------------------------------------------------------------
def test_hedged_future_in_reported_speech(read):
    f = one(read("The junta will almost certainly extend the curfew into next month, a regional diplomat said on Friday."))
    assert f.proposition.text.startswith("The junta will almost certainly extend the curfew")
    assert f.forecaster.kind == "anonymous" and within(f, 0.95, 0.99) and f.phrase == "almost certainly"


def test_expletive_unlikely_keeps_only_the_clause(read):
    f = one(read("It is most unlikely that Minsk will send its own troops across the border."))
    assert f.proposition.text == "Minsk will send its own troops across the border"
    assert f.forecaster.kind == "author" and within(f, 0.02, 0.30)


def test_negation_inside_the_proposition_is_kept(read):
    f = one(read("I expect the talks in Doha will not resume before the holiday."))
    assert "will not resume" in f.proposition.text and within(f, 0.6, 0.9)


def test_doubt_and_deadline_by_weekday(read):
    f = one(read("I doubt the summit will produce a joint statement by Thursday.", "2024-03-04"))
    assert f.proposition.text == "the summit will produce a joint statement by Thursday"
    assert within(f, 0.1, 0.4) and f.deadline == date(2024, 3, 7)


def test_would_surprise_and_no_way(read):
    f = one(read("I'd be surprised if the navy left the strait before the autumn."))
    assert f.proposition.text.startswith("the navy left the strait") and within(f, 0.05, 0.3)
    g = one(read("There is no way the parliament will ratify the treaty this month.", "2024-03-04"))
    assert within(g, 0.0, 0.05) and g.deadline == date(2024, 3, 31)


def test_coin_toss_and_explicit_figure(read):
    f = one(read("Whether the blockade lasts into the spring is a coin toss."))
    assert f.proposition.text == "the blockade lasts into the spring" and within(f, 0.45, 0.55)
    g = one(read("Bookmakers put the chance of a ceasefire before the harvest at about 30 percent."))
    assert "a ceasefire" in g.proposition.text and within(g, 0.2, 0.4) and g.forecaster.kind == "anonymous"


def test_noun_phrase_called_likely_is_the_proposition(read):
    f = one(read("A second round of sanctions is very likely, the envoy's office said."))
    assert f.proposition.text == "A second round of sanctions" and within(f, 0.8, 0.95)


def test_condition_and_relative_deadline(read):
    f = one(read("If the rebels take the airport, the government will probably fall within a month.", "2024-03-04"))
    assert f.condition == "If the rebels take the airport"
    assert within(f, 0.55, 0.8) and f.deadline == date(2024, 4, 4)


def test_scheduled_event(read):
    f = one(read("The cabinet is set to approve the defence budget on Wednesday.", "2023-05-01"))
    assert within(f, 0.75, 0.95) and f.deadline == date(2023, 5, 3) and f.forecaster.kind == "author"


def test_answered_question(read):
    f = one(read("Will the truce survive the winter? Probably not, in my view."))
    assert f.proposition.text == "the truce survive the winter" and within(f, 0.2, 0.45)
    g = one(read("Can the coalition pass the budget? I think it will."))
    assert g.proposition.text == "the coalition pass the budget" and within(g, 0.6, 0.9)


@pytest.mark.parametrize("text", [
    "Will the talks resume next week? Nobody in the delegation would say.",  # unanswered
    "Will the general step down? He should.",  # a normative answer
    "'We will defend every metre of our coast,' the navy commander said.",  # a pledge
    "Tehran will retaliate against any aggression, Iran's foreign ministry said on Monday.",  # own side
    "The rebels vowed that the massacre will not go unpunished.",  # a vow
    "Brussels must send more air defence systems to Kyiv now.",  # normative
    "Two years ago, several generals predicted that the port would fall within a week.",  # history
    "The drone was probably launched from a barge offshore, an official said.",  # hedge about the past
    "Had the warning come sooner, the evacuation would have saved hundreds.",  # counterfactual
])
def test_not_forecasts(read, text):
    assert read(text) == []


def test_quoted_forecast_takes_the_quote_speaker(read):
    f = one(read('"The ceasefire is unlikely to last the week. Both sides are rearming," a Western mediator said.'))
    assert f.forecaster.kind == "anonymous" and within(f, 0.2, 0.45)


def test_first_person_in_a_quote_is_the_quoted_speaker(read):
    f = one(read('"I expect the truce to collapse within a week," said Ana Ruiz, an analyst in Madrid.', "2024-03-06"))
    assert f.forecaster.kind == "named_person" and within(f, 0.6, 0.9) and f.deadline == date(2024, 3, 13)


def test_phrases_outside_icd203(read):
    f = one(read("It would surprise me if the junta held elections this year."))
    assert f.proposition.text == "the junta held elections this year" and within(f, 0.05, 0.3)
    g = one(read("The odds of a deal before the harvest are slim, according to a think tank in Oslo."))
    assert g.proposition.text.startswith("a deal") and within(g, 0.05, 0.25)


ARTICLE = """\
Border talks teeter as militia buildup grows

By Staff Writer

March 4, 2024

Negotiators from both capitals met again on Monday in Tashkent, but the mood was grim. Dilnoza Karimova, a regional analyst at a Tashkent research institute, said the border talks in Tashkent will collapse before Friday. She predicted that the militia would move its artillery closer to the river within days.

The interior minister struck a defiant note. "We will protect every village on our side of the line," he told reporters.

Will the ceasefire hold through Ramadan? Probably, in my view. Neither army has the fuel for a spring campaign.

It is unlikely that the mediators will return before the summer, a diplomat in the capital said.

I expect the donors to pledge fresh money when they meet in Geneva on Thursday.

Subscribe to our newsletter. We use cookies to improve your experience; you will be asked to accept them.
"""


def test_whole_article(read):
    found = read(ARTICLE, "2024-03-04")
    props = {f.proposition.text: f for f in found}
    assert len(found) == 5, list(props)
    talks = props["the border talks in Tashkent will collapse before Friday"]
    assert talks.forecaster.kind == "named_person" and talks.deadline == date(2024, 3, 8)
    pronoun = next(f for p, f in props.items() if p.startswith("the militia would"))
    assert pronoun.forecaster.kind == "named_person"  # "she predicted", after her name
    answer = props["the ceasefire hold through Ramadan"]
    assert answer.forecaster.kind == "author" and within(answer, 0.55, 0.8)
    assert not any("subscribe" in p.lower() or "cookies" in p.lower() for p in props)  # boilerplate
    assert not any(p.startswith("we will") for p in props)  # the minister's pledge


# -- the phrase table and deadlines ---------------------------------------------------------------
def test_phrase_table_readings():
    table = PhraseTable.load()
    assert table.read("very unlikely").band == (0.05, 0.2)
    assert table.read("extremely likely").band == (0.8, 0.95)  # an intensifier moves one rung
    assert table.read("likely", negated=True).band == (0.2, 0.45)  # negation gives the complement
    assert table.read("most unlikely").band == (0.02, 0.3)
    assert table.get("a coin toss") is None and table.read("a coin toss").point == 0.5


def test_user_phrase_file_is_validated(tmp_path):
    bad = tmp_path / "forecasts"
    bad.mkdir()
    (bad / "estimative.yaml").write_text("version: x\nphrases:\n  odds-on: {point: 0.9, band: [0.5, 0.8]}\n")
    with pytest.raises(DataError, match="odds-on"):
        PhraseTable.load([tmp_path])


@pytest.mark.parametrize("text,when,expected", [
    ("over the weekend", "2024-03-06", "2024-03-10"),
    ("within two weeks", "2024-03-04", "2024-03-18"),
    ("by the end of the month", "2024-02-10", "2024-02-29"),
    ("before Christmas", "2024-03-04", "2024-12-25"),
    ("as early as Monday", "2024-03-06", None),
    ("within days", "2024-03-06", None),
])
def test_deadlines(text, when, expected):
    found = Deadlines.load().find(text, date.fromisoformat(when))
    assert (found.isoformat() if found else None) == expected


# -- the seeds (../shared) ----------------------------------------------------------------------------
def _seed(shared, name):
    path = next((shared / "corpus" / "seeds").glob(f"*{name}*"))
    return path.read_text(encoding="utf-8"), date.fromisoformat(path.name[:10])


def test_seed_intelligence_source(read, shared):
    text, when = _seed(shared, "de-escalate")
    found = read(text, when)
    escalate = next(f for f in found if f.proposition.text.startswith("Trump will escalate"))
    assert escalate.probability <= 0.3 and escalate.forecaster.kind == "anonymous"
    deescalate = next(f for f in found if "will de-escalate" in f.proposition.text)
    assert deescalate.probability >= 0.7 and deescalate.deadline is not None


def test_seed_answered_question(read, shared):
    text, when = _seed(shared, "flinch")
    hold = next(f for f in read(text, when) if f.proposition.text.startswith("the ceasefire hold"))
    assert 0.55 <= hold.probability <= 0.9
