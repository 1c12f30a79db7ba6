"""The claims reader on sentences and one whole article written for these tests."""
from __future__ import annotations

import pytest

from detente.claims.numbers import default_words
from detente.claims.speakers import SpeakerTyper, type_speaker
from detente.knowledge import DataError


@pytest.fixture(scope="module")
def claims(read_claims):
    return read_claims


def pairs(found):
    return [(c.speaker.kind, c.speaker.span.text) for c in found]


# -- reported speech -------------------------------------------------------------------------

def test_reported_speech_with_said_and_told_reporters(claims):
    found = claims("The Turkish defence ministry said its jets had hit 14 targets in northern Iraq. "
                   "A senior Kurdish commander told reporters that two of his fighters had been wounded.")
    assert pairs(found) == [("official", "The Turkish defence ministry"),
                            ("anonymous", "A senior Kurdish commander")]
    assert found[0].content.text == "its jets had hit 14 targets in northern Iraq"
    assert [q.value for q in found[0].numbers] == [14]
    assert [q.value for q in found[1].numbers] == [2]


def test_inverted_attribution_and_adding_is_one_claim(claims):
    found = claims("Eleven drones were shot down over the Black Sea overnight, Romania's air force said, "
                   "adding that debris had fallen near a village.")
    assert len(found) == 1
    assert found[0].speaker.kind == "official"
    assert "Eleven drones were shot down" in found[0].content.text
    assert [q.value for q in found[0].numbers] == [11]


def test_inverted_attribution_after_a_dateline(claims):
    found = claims("Kremlin rejects talks offer\n\nMOSCOW, May 4 (Wire) - Russia will not attend talks "
                   "while troops are \"on its soil\", Deputy Foreign Minister Sergei Ryabkov said on Sunday.")
    ryabkov = next(c for c in found if "Ryabkov" in c.speaker.span.text)
    assert ryabkov.speaker.kind == "named_person"
    assert ryabkov.content.text.startswith("Russia will not attend talks")


def test_according_to_and_estimate(claims):
    found = claims("At least nine sailors were missing, according to the Filipino coast guard. "
                   "A Japanese analyst estimated the damage at $40 million.")
    assert pairs(found) == [("official", "the Filipino coast guard"), ("anonymous", "A Japanese analyst")]
    assert [q.value for q in found[1].numbers] == [40_000_000]


def test_beliefs_and_denials_are_claims(claims):
    found = claims("Several European diplomats believe Minsk is preparing a new migrant push. "
                   "The Belarusian foreign ministry denied that it had any such plan.")
    assert pairs(found) == [("anonymous", "Several European diplomats"),
                            ("official", "The Belarusian foreign ministry")]


# -- quotes ----------------------------------------------------------------------------------

def test_quote_before_the_speaker_and_continuing_after_he_said(claims):
    text = ("“We will not be the first to fire,” the Serbian president, Aleksandar Vucic, said on Sunday. "
            "“But nobody should test our patience,” he said. “Nobody.”")
    found = claims(text)
    assert found[0].speaker.kind == "named_person"
    assert found[0].content.text == "We will not be the first to fire"
    assert found[1].speaker.span.text == "he" and found[1].speaker.kind == "named_person"
    assert found[1].content.text.endswith("Nobody")


def test_quote_after_a_colon_with_straight_marks(claims):
    found = claims('The Estonian prime minister wrote on X: "Three airspace violations in ten days are no accident. '
                   'It is a test."')
    assert len(found) == 1
    assert found[0].speaker.kind == "official"
    assert found[0].content.text.startswith("Three airspace violations")
    assert found[0].content.text.endswith("It is a test")
    assert [q.value for q in found[0].numbers] == [3, 10]


def test_multi_paragraph_quote_is_one_claim(claims):
    text = ("“The convoy was clearly marked,” said Ingrid Solberg, who leads the relief agency's team.\n\n"
            "“We shared its route with both sides two days in advance.\n\n"
            "“Nobody can say they did not know,” she said.")
    found = claims(text)
    assert found[0].speaker.kind == "named_person"
    assert found[1].speaker.span.text == "she" and found[1].speaker.kind == "named_person"
    assert found[1].content.start <= text.index("We shared") < text.index("Nobody can") < found[1].content.end


def test_signed_post_is_keyed_to_its_signature(claims):
    text = ("Our air defence worked all night. Forty drones were destroyed over the capital.\n\n"
            "— Maia Sandu (@sandumaiamd) March 3, 2025")
    found = claims(text)
    assert len(found) == 1
    assert found[0].speaker.span.text == "Maia Sandu (@sandumaiamd)"
    assert found[0].speaker.kind == "named_person"
    assert [q.value for q in found[0].numbers] == [40]


def test_signature_with_parentheses_and_the_sentence_after_it(claims):
    text = ("Every pilot came home tonight. That is all that matters.\n"
            "— Col. A. Rana (retd) (@arana_retd) May 2, 2024\n\n"
            "A Nepali official, speaking on condition of anonymity, told me the border was calm.")
    found = claims(text)
    assert [(c.speaker.kind, c.speaker.span.text) for c in found] == [
        ("named_person", "Col. A. Rana (retd) (@arana_retd)"), ("anonymous", "A Nepali official")]
    assert found[0].content.text.startswith("Every pilot came home tonight")


# -- nested attribution ----------------------------------------------------------------------

def test_outlet_quoting_a_source_gives_two_claims(claims):
    found = claims("The Hindu quoted three police officers as saying the attackers had crossed the river at night.")
    assert sorted(pairs(found)) == [("anonymous", "three police officers"), ("outlet", "The Hindu")]
    assert found[0].content.text == found[1].content.text


def test_outlet_citing_a_source_gives_two_claims(claims):
    found = claims("Bloomberg reported, citing people familiar with the matter, that the tanker had switched off "
                   "its transponder.")
    assert sorted(pairs(found)) == [("anonymous", "people familiar with the matter"), ("outlet", "Bloomberg")]
    assert all(c.content.text == "the tanker had switched off its transponder" for c in found)


def test_a_second_speaker_beside_the_first(claims):
    found = claims("The Azerbaijani defence ministry said two soldiers had been wounded, while the separatists "
                   "claimed to have destroyed three armoured vehicles.")
    assert [c.speaker.kind for c in found] == ["official", "anonymous"]
    assert found[0].content.text == "two soldiers had been wounded"
    assert [q.value for q in found[1].numbers] == [3]


def test_parenthetical_attribution_and_statement_heading(claims):
    found = claims("Kazakhstan's border service said 60 trucks were stuck. Of those, it said, 12 carried grain.\n\n"
                   "14:05 Statement from President Kassym-Jomart Tokayev: the border will reopen on Monday.")
    assert [(c.speaker.kind, c.speaker.span.text) for c in found][1:] == [
        ("official", "it"), ("named_person", "President Kassym-Jomart Tokayev")]
    assert [q.value for q in found[1].numbers] == [12]


def test_who_clause_is_keyed_to_who_and_typed_as_its_antecedent(claims):
    found = claims("The ceasefire is unlikely to last, said Ana Ferreira, an analyst in Lisbon, who expects "
                   "fighting to resume within weeks.")
    assert [(c.speaker.kind, c.speaker.span.text) for c in found] == [
        ("named_person", "Ana Ferreira, an analyst in Lisbon"), ("named_person", "who")]


def test_a_report_speaks_for_its_issuer(claims):
    found = claims("A report by the UN refugee agency said 40,000 people had crossed into Chad in a week.")
    assert found[0].speaker.kind == "named_org"
    assert 40_000 in [q.value for q in found[0].numbers]


# -- the author ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue", [
    ("In my view, the blockade is a bluff that Beijing cannot afford to call.", "In my view"),
    ("I suspect the talks will stall before the summer.", "I suspect"),
    ("I see it as a warning rather than a threat.", "I see"),
    ("I doubt the militia will hand over its heavy weapons.", "I doubt"),
])
def test_author_cues(claims, text, cue):
    found = claims(text)
    assert len(found) == 1
    assert found[0].speaker.kind == "author" and found[0].speaker.span.text.startswith(cue)


def test_first_person_inside_a_quote_is_the_quoted_speaker(claims):
    found = claims("“I think they will try again,” the Kenyan interior minister said.")
    assert pairs(found) == [("official", "the Kenyan interior minister")]


# -- not claims ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Armoured columns crossed the border before dawn and shelled two villages.",
    "The two foreign ministers spoke by phone on Tuesday.",
    "The Egyptian government condemned the attack.",
    "Reports indicated that the pipeline had been damaged.",
    "The ministry did not respond to a request for comment.",
    "Share this article: Facebook | X | Email",
])
def test_not_claims(claims, text):
    assert claims(text) == []


def test_outlet_spoken_to_is_no_speaker(claims):
    found = claims("A Sudanese army officer told Reuters that the bridge had been destroyed.")
    assert pairs(found) == [("anonymous", "A Sudanese army officer")]


# -- speaker kinds ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Ankara said the border would stay closed.", "official"),
    ("Venezuela said the border would stay closed.", "official"),
    ("NATO said the border would stay closed.", "named_org"),
    ("The Carnegie Endowment said the border would stay closed.", "named_org"),
    ("Erdogan's office said the border would stay closed.", "official"),
    ("Turkey's interior minister said the border would stay closed.", "official"),
    ("Officials familiar with the plan said the border would stay closed.", "anonymous"),
    ("Local residents said the border would stay closed.", "anonymous"),
    ("Reuters said the border would stay closed.", "outlet"),
    ("Turkish state television said the border would stay closed.", "outlet"),
    ("Interior Minister Ali Yerlikaya said the border would stay closed.", "named_person"),
])
def test_speaker_kinds(claims, text, kind):
    found = claims(text)
    assert len(found) == 1 and found[0].speaker.kind == kind


def test_pronoun_takes_its_antecedents_kind(claims):
    found = claims("A NATO diplomat said the drills had been planned for months. "
                   "He added that no allied ship had entered the zone.")
    assert [c.speaker.kind for c in found] == ["anonymous", "anonymous"]
    assert found[1].speaker.span.text == "He"


def test_anonymous_description_is_kept(claims):
    found = claims("A Gulf official close to the mediators said the draft had two annexes.")
    assert found[0].speaker.kind == "anonymous"
    assert "close to the mediators" in found[0].speaker.description


def test_type_speaker_is_callable_on_a_span(parse):
    doc = parse("Iran's foreign ministry spokesman said nothing.").doc
    speaker = type_speaker(doc[0:5])
    assert speaker.kind == "official" and speaker.span.text == "Iran's foreign ministry spokesman"


# -- numbers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, values", [
    ("five ships and a dozen drones", [5, 12]),
    ("a $2 billion package over 72 hours", [2_000_000_000, 72]),
    ("a range of 1,350 km and 40% of the stock", [1350, 40]),
    ("flew 233 km (144 miles)", [233, 144]),
    ("twenty-four people and a 60-day truce", [24, 60]),
    ("hundreds of troops, the third wave, F-35 jets, at 10:30 on June 4, 2024, in 2015", []),
])
def test_numbers(text, values):
    assert [q.value for q in default_words().find(text)] == values


# -- a whole article -------------------------------------------------------------------------

ARTICLE = """Georgia says Russian-backed forces moved border markers overnight

By Staff Reporter

TBILISI, Aug 12 — Georgia's State Security Service said on Monday that Russian-backed forces had moved border markers about 400 metres deeper into Georgian-controlled territory near the village of Khurvaleti.

Irakli Beraia, a member of parliament for the governing party, said the move was "creeping annexation". "They take a field one week and a road the next," he told reporters. "Nobody in Moscow is punished for it."

The European Union Monitoring Mission said its patrols had confirmed new fencing along a 2 km stretch. A Western diplomat in Tbilisi, who spoke on condition of anonymity, said the timing was meant to test the new government. The diplomat added that no shots had been fired.

Imedi TV quoted two local farmers as saying they had lost access to their orchards.

Residents gathered near the fence on Monday afternoon.

In my view, the quiet response from the West will only invite the next move.

Share this story: Facebook | X | Email
"""


def test_whole_article(claims):
    found = claims(ARTICLE, "2024-08-12")
    got = pairs(found)
    assert ("official", "Georgia") in got  # the headline states a claim
    assert ("official", "Georgia's State Security Service") in got
    assert ("named_person", "Irakli Beraia, a member of parliament for the governing party") in got
    assert ("named_person", "he") in got
    assert ("named_org", "The European Union Monitoring Mission") in got
    assert ("anonymous", "The diplomat") in got
    assert ("outlet", "Imedi TV") in got and ("anonymous", "two local farmers") in got
    assert ("author", "In my view") in got
    assert len(found) == 10
    beraia_quote = next(c for c in found if c.speaker.span.text == "he")
    assert beraia_quote.content.text.endswith("Nobody in Moscow is punished for it")
    marker = next(c for c in found if c.speaker.span.text == "Georgia's State Security Service")
    assert [q.value for q in marker.numbers] == [400]


# -- knowledge files -------------------------------------------------------------------------

def test_user_word_lists_extend_and_bad_entries_are_named(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "speakers.yaml").write_text("anonymous_nouns: [shepherds]\n", encoding="utf-8")
    assert "shepherds" in SpeakerTyper.load([tmp_path]).words["anonymous_nouns"]
    (folder / "speakers.yaml").write_text("titles: [minister, 12]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"speakers\.yaml: titles\[1\]"):
        SpeakerTyper.load([tmp_path])
    (folder / "speakers.yaml").write_text("colours: [red]\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown list 'colours'"):
        SpeakerTyper.load([tmp_path])
