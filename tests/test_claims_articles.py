"""Whole-article constructions of the claims reader: datelines the parser hangs on a verb, unmarked
block quotes after an introducing line, outlets that carry a statement, answers after a colon.
Every text here is written for these tests."""
from __future__ import annotations

import pytest

from claim_checks import triples


@pytest.fixture(scope="module")
def claims(read_claims):
    return lambda text, when="2025-03-11": read_claims(text, when)



# -- datelines and run-on sentences ---------------------------------------------------------------

def test_dateline_word_is_never_a_subject(parse):
    from detente.claims.attributor import _dateline
    doc = parse("KHARTOUM, May 3 (Reuters) - The army said it had retaken two bridges.\n\n"
                "HODEIDAH — Port workers said three cranes were hit.").doc
    assert _dateline(doc[0])
    assert not _dateline(next(t for t in doc if t.text == "army"))
    assert _dateline(next(t for t in doc if t.text == "HODEIDAH"))


def test_full_stop_read_into_a_code_name_ends_the_speaker_phrase(claims):
    text = ("Fleet exercises resume off Okinawa\n\n"
            "NAHA — For a third straight morning, destroyers and patrol planes circled the islands in a drill the "
            "regional command named Iron Tide-7B. Japan's defence ministry said it had counted 41 aircraft, "
            "nine frigates and three supply ships over 48 hours.")
    found = claims(text)
    assert [c.speaker.span.text for c in found] == ["Japan's defence ministry"]
    assert found[0].speaker.kind == "official"
    assert [q.value for q in found[0].numbers] == [41, 9, 3, 48]


# -- block quotes without quote marks ------------------------------------------------------------

def test_unmarked_block_after_he_said_colon_is_his_claim(claims):
    text = ("Can the new governor, Omar Haddad, keep the militias apart? On Monday, he said:\n\n"
            "The province is tired of fighting and will not host foreign armies. We will not let anyone use "
            "our roads to attack our neighbours.\n\n"
            "Few in the capital believe him.")
    found = claims(text)
    assert len(found) == 1
    assert found[0].speaker.span.text == "he"
    assert found[0].content.text.startswith("The province is tired of fighting")
    assert found[0].content.text.endswith("attack our neighbours")


def test_unmarked_block_after_a_statement_line_and_its_first_person_is_the_speakers(claims):
    text = ("The monitoring agency said its inspectors had seen no sign of damage. In a statement, its director, "
            "Lena Marsh, added:\n\n"
            "Our teams have reached most of the site but not the cooling towers. I am confident that we will "
            "see them before the week is out.\n\n"
            "Officials in the capital declined to comment.")
    found = claims(text)
    assert [c.speaker.kind for c in found][1:] == ["named_person"]
    assert found[1].content.text.startswith("Our teams have reached")
    assert not any(c.speaker.kind == "author" for c in found)


def test_unmarked_paragraph_after_a_plain_colon_line_is_no_claim(claims):
    text = ("The ministry faces three problems:\n\n"
            "Its budget is spent, its trucks are old and its depots are empty.")
    assert claims(text) == []


# -- outlets that carry a statement ------------------------------------------------------------

def test_statement_carried_by_a_channel_gives_the_channel_a_claim(claims):
    found = claims("“No attack on our ports will go unanswered,” Saleh Amer, the movement's spokesman, said in a "
                   "statement carried by the rebel-run Al Fajr channel.")
    assert triples(found) == [
        ("named_person", "Saleh Amer, the movement's spokesman", "No attack on our ports will go unanswered"),
        ("outlet", "the rebel-run Al Fajr channel", "No attack on our ports will go unanswered")]


def test_according_to_a_statement_carried_by_an_agency(claims):
    found = claims("Oman and Qatar will open a joint border post within three weeks, according to a joint "
                   "communique carried by the state news agency ONA.")
    assert [c.speaker.span.text for c in found] == ["a joint communique", "the state news agency ONA"]
    assert found[1].speaker.kind == "outlet"
    assert all(c.content.text == "Oman and Qatar will open a joint border post within three weeks" for c in found)
    assert [q.value for q in found[1].numbers] == [3]


def test_report_carried_by_a_paper_after_a_participle_aside(claims):
    found = claims("Beijing said on Monday that six of its sailors had been injured in the collision, listing "
                   "them in a report carried by the Global Times.")
    assert [(c.speaker.span.text, c.content.text) for c in found] == [
        ("Beijing", "six of its sailors had been injured in the collision"),
        ("the Global Times", "six of its sailors had been injured in the collision")]


# -- an answer after a colon ---------------------------------------------------------------------

def test_asked_whether_then_replied_colon_quote_is_the_answer(claims):
    found = claims("Asked whether the talks would resume this month, the envoy replied: “Not before the "
                   "elections.”")
    assert triples(found) == [("official", "the envoy", "Not before the elections")]


def test_quote_after_a_comma_still_continues_the_clause_before(claims):
    found = claims("The detainees will be freed within days, the minister said, “as a gesture of good will”.")
    assert len(found) == 1
    assert found[0].content.text.startswith("The detainees will be freed")


# -- the writer's own cues -------------------------------------------------------------------------

def test_i_very_much_doubt_with_doubt_tagged_a_noun(claims):
    found = claims("Will the junta hand over power? I very much doubt that the generals would allow it.")
    assert triples(found) == [("author", "I very much doubt", "the generals would allow it")]


def test_what_i_do_expect_is(claims):
    found = claims("What I do expect is a slow squeeze: fewer flights, tighter visas and a frozen border.")
    assert [(c.speaker.kind, c.speaker.span.text) for c in found] == [("author", "What I do expect is")]
    assert found[0].content.text.startswith("a slow squeeze")


# -- subjects and clauses the parser misplaces ---------------------------------------------------------

def test_contact_clause_with_the_verb_read_as_the_object_of_to(claims):
    found = claims("A Turkish diplomat I spoke to insisted the patrols were 'routine and temporary'.")
    assert [(c.speaker.kind, c.content.text) for c in found] == [
        ("anonymous", "the patrols were 'routine and temporary'")]
    assert found[0].speaker.span.text.startswith("A Turkish diplomat")


def test_opposition_figures_speak_but_figures_do_not(claims):
    found = claims("The board said 80% of members had voted, but opposition figures said the count was rigged. "
                   "Figures released later suggested the vote was close.")
    assert [(c.speaker.kind, c.speaker.span.text, c.content.text) for c in found] == [
        ("official", "The board", "80% of members had voted"),
        ("anonymous", "opposition figures", "the count was rigged")]


def test_second_speaker_joined_by_and_inside_the_first_clause(claims):
    found = claims("Kenya's energy minister says the dam now stores 12 billion cubic metres, and Somali "
                   "officials privately estimate that a drought could halve their harvest by 30%.")
    assert [(c.speaker.span.text, c.content.text) for c in found] == [
        ("Kenya's energy minister", "the dam now stores 12 billion cubic metres"),
        ("Somali officials", "a drought could halve their harvest by 30%")]
    assert [q.value for q in found[1].numbers] == [30]


def test_according_to_after_and_takes_the_clause_that_follows(claims):
    found = claims("Residents were asked three questions on Sunday, and according to the electoral board they "
                   "approved all of them.")
    assert triples(found) == [("official", "the electoral board", "they approved all of them")]


def test_briefed_lawmakers_that_and_the_according_to_source(claims):
    found = claims("Japan's intelligence agency briefed lawmakers in private that two Chinese submarines had "
                   "entered the strait, according to three legislators who attended.")
    agency = [c for c in found if c.speaker.span.text == "Japan's intelligence agency"]
    assert agency and agency[0].content.text == "two Chinese submarines had entered the strait"
    assert any(c.speaker.span.text.startswith("three legislators") for c in found)


def test_briefed_on_the_condition_that_is_no_content(claims):
    found = claims("A senior European official, who briefed reporters on the condition that he not be named, "
                   "said the sanctions would be renewed.")
    assert triples(found) == [("anonymous", "A senior European official", "the sanctions would be renewed")]


def test_declined_to_say_whether_is_no_claim(claims):
    found = claims("The ministry said its sailors had left the port. It declined to say whether any had been hurt, "
                   "and refused to confirm that a second ship was hit.")
    assert [c.content.text for c in found] == ["its sailors had left the port"]


# -- typing speakers -------------------------------------------------------------------------------

def test_name_after_a_descriptive_noun_takes_the_nouns_kind(claims):
    found = claims("Nine bulk carriers have diverted since Monday, according to the maritime-data firm Seatrace. "
                   "Reporters for the independent outlet La Brujula said the port was empty.")
    assert [(c.speaker.kind, c.speaker.span.text) for c in found] == [
        ("named_org", "the maritime-data firm Seatrace"),
        ("outlet", "Reporters for the independent outlet La Brujula")]


def test_correspondent_for_an_outlet_speaks_as_the_outlet_but_not_one_for_a_ministry(claims):
    found = claims("A correspondent for state television said the bridge was closed. A spokesman for the "
                   "ministry said it was open.")
    assert [c.speaker.kind for c in found] == ["outlet", "anonymous"]


def test_known_group_name_as_head_and_kim_jong_un(claims):
    found = claims("Kataib Hezbollah said 12 of its fighters had died. Kim Jong Un said the tests would continue.")
    assert [c.speaker.kind for c in found] == ["named_org", "named_person"]


def test_customs_service_is_official(claims):
    found = claims("The tanker carried sanctioned crude, Estonian customs said on Monday.")
    assert [(c.speaker.kind, c.speaker.span.text) for c in found] == [("official", "Estonian customs")]


def test_title_then_a_two_word_name_is_a_person_whatever_its_entity_label(claims):
    found = claims("Hamas official Bassem Naim said the group would not disarm. Hezbollah lawmaker Hassan "
                   "Fadlallah said the party would answer.")
    assert [c.speaker.kind for c in found] == ["named_person", "named_person"]


def test_minister_and_name_in_apposition_after_a_place_before_told(claims):
    found = claims("Ukrainian units have clashed with foreign troops for the first time, in Russia's Bryansk "
                   "region, Ukraine's interior minister, Ihor Klymenko, told the broadcaster KBS.")
    assert [(c.speaker.kind, c.speaker.span.text) for c in found] == [
        ("named_person", "Ukraine's interior minister, Ihor Klymenko")]
    assert found[0].content.text.startswith("Ukrainian units have clashed")


# -- speakers referred back to across sentences --------------------------------------------------

def test_the_spokesman_refers_back_to_a_named_spokesman(claims):
    found = claims("Maria Zakharova, the foreign ministry spokeswoman, said the ships were in neutral waters. "
                   "The spokeswoman added that no vessel had been boarded.\n\n"
                   "Navy spokesman Tim Hawkins said the drills had ended. The spokesman said more were planned.")
    assert [c.speaker.kind for c in found] == ["named_person"] * 4


def test_he_refers_back_to_an_unnamed_person_who_made_no_claim(claims):
    found = claims("Mustafa Kemal Arslan has little reason to back down.\n\n"
                   "A retired Turkish admiral, who asked that his name not be used, put it more bluntly. "
                   "\"The window is closed,\" he said.")
    assert [(c.speaker.kind, c.speaker.span.text) for c in found] == [("anonymous", "he")]


def test_a_signature_run_into_the_next_paragraph_is_not_remembered(claims):
    text = ("The post that set the tone came from a former air force chief:\n\n"
            "Our pilots came home. That is all that matters tonight.\n"
            "— Air Marshal R. Kohli (retd) (@rkohli_retd) March 2, 2024\n\n"
            "An Indian official, speaking on condition of anonymity, told me the government wanted visible action. "
            "The official said Delhi was in no hurry.")
    found = claims(text)
    assert [c.speaker.kind for c in found] == ["named_person", "anonymous", "anonymous"]


def test_hyphenated_name_in_apposition_to_a_title(claims):
    found = claims("\"We hold every position,\" the group's spokesman, Al-Fateh Qurashi, told Reuters. "
                   "He said 30 soldiers had been captured.")
    assert [c.speaker.kind for c in found] == ["named_person", "named_person"]


def test_name_after_close_to_phrase_names_that_phrases_noun(claims):
    found = claims("A Kurdish commander close to the head of the council, Ilham Ahmed, told me the front was quiet. "
                   "An adviser to the president, Chen Hao, said the talks were over.")
    assert [c.speaker.kind for c in found] == ["anonymous", "named_person"]


# -- numbers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, values", [
    ("between 4-6 drones were downed", [4, 6]),
    ("a convoy of 1,000–1,500 trucks", [1000, 1500]),
    ("aid worth $2.5bn", [2_500_000_000]),
    ("a loan of £400m", [400_000_000]),
    ("a 60km buffer", [60]),
    ("speeds of 30km/h", [30]),
    ("the 2025-26 budget", []),
    ("Hwasong-18 and F-35 jets", []),
    ("a 5m wall", []),
])
def test_ranges_glued_scales_and_units(phrase, values):
    from detente.claims.numbers import NumberWords
    assert [q.value for q in NumberWords.load().find(phrase)] == values


# -- headlines -------------------------------------------------------------------------------------------

def test_headline_vowing_a_noun_hung_on_the_next_line_is_no_claim(claims):
    text = ("Navy shells coastal radar; Caracas vows answer - live\n\n"
            "Updated 09:10 GMT · 4 March 2025\n\n"
            "09:10 The defence ministry says the strikes hit two empty buildings.")
    found = claims(text)
    assert [(c.speaker.span.text, c.content.text) for c in found] == [
        ("The defence ministry", "the strikes hit two empty buildings")]


def test_headline_saying_a_clause_keeps_its_content(claims):
    found = claims("Ministry says troops crossed the border\n\nBy Staff\n\nKYIV — Fighting went on overnight.")
    assert [c.content.text for c in found] == ["troops crossed the border"]


def test_writers_aside_in_a_relative_clause_is_the_authors_claim(claims):
    found = claims("The grid ministry said power would be restored by Friday, which I suspect is too hopeful.")
    assert triples(found) == [("official", "The grid ministry", "power would be restored by Friday"),
                              ("author", "I suspect", "is too hopeful")]


def test_speaker_phrase_stops_at_a_dateline_with_an_agency(claims):
    text = ("Seoul says troops are digging in\n\nBy Staff\n\n"
            "SEOUL, Oct 15 (Reuters) - South Korea's military said on Tuesday that North Korea had blown up sections "
            "of two roads linking the countries, and that its troops had fired warning shots in response.")
    found = claims(text)
    assert [(c.speaker.kind, c.speaker.span.text) for c in found][-1] == ("official", "South Korea's military")


def test_speakers_aside_in_a_which_clause_is_their_own_claim(claims):
    found = claims("The brigade, which Baghdad says is funded by Tehran, denied any role in the attack.")
    assert [(c.speaker.span.text, c.content.text) for c in found] == [
        ("Baghdad", "is funded by Tehran"), ("The brigade", "any role in the attack")]


def test_pronoun_in_a_which_aside_is_the_sentences_subject(claims):
    found = claims("China's defence ministry warned Manila against any new deployment, which it said would "
                   "bring grave consequences.")
    assert triples(found) == [("official", "China's defence ministry", "would bring grave consequences")]
