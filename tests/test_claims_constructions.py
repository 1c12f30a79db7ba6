"""Constructions the claims reader learned after its first held-out measurement: parser slips,
answers to questions, block quotes without a handle, quotes introduced by a non-speech line.
Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from claim_checks import triples


@pytest.fixture(scope="module")
def claims(read_claims):
    return read_claims



# -- the parser leaves the verb of saying without its subject -------------------------------

def test_source_hung_on_the_clause_before_told(claims):
    found = claims("Oman will lend Yemen $40 million over six months to keep its power plants running, "
                   "an official at Oman's treasury told Reuters.")
    assert triples(found) == [("anonymous", "an official at Oman's treasury",
                               "Oman will lend Yemen $40 million over six months to keep its power plants running")]
    assert [q.value for q in found[0].numbers] == [40_000_000, 6]


def test_minister_in_apposition_after_a_list_told_a_news_conference(claims):
    found = claims("Police later seized rifles, grenades and thousands of rounds in a warehouse near the port, "
                   "the security minister, Ilir Dervishi, told a news conference.")
    assert len(found) == 1
    assert found[0].speaker.kind == "named_person"
    assert "Ilir Dervishi" in found[0].speaker.span.text
    assert found[0].content.text.startswith("Police later seized rifles")
    assert "minister" not in found[0].content.text


def test_plural_subject_with_say_and_a_misread_object(claims):
    found = claims("Japan's coast guard say the Chinese vessels entered the contiguous zone near dawn.")
    assert triples(found) == [("official", "Japan's coast guard",
                               "the Chinese vessels entered the contiguous zone near dawn")]


# -- modal, negation, passive carriers -------------------------------------------------------

def test_would_say_only_that_is_a_statement_but_could_say_is_not(claims):
    found = claims("A Turkish security source, pressed on the report, would say only that several "
                   "depots had been damaged.")
    assert triples(found) == [("anonymous", "A Turkish security source, pressed on the report",
                               "several depots had been damaged")]
    assert claims("Ankara could say that the depots were empty.") == []


def test_neither_confirmed_nor_denied_is_no_claim(claims):
    assert claims("The navy has neither confirmed nor denied that its submarine entered the bay.") == []


def test_quoted_by_an_outlet_gives_the_outlet_a_claim_too(claims):
    found = claims("Choe Son Hui was quoted by KCNA as saying that the drills were a rehearsal for invasion.")
    assert [(k, s) for k, s, _ in triples(found)] == [("named_person", "Choe Son Hui"), ("outlet", "KCNA")]
    assert {c.content.text for c in found} == {"the drills were a rehearsal for invasion"}


# -- answers to questions --------------------------------------------------------------------

def test_short_answer_before_says_is_the_content(claims):
    found = claims("Will Baku press its advantage? Almost certainly not, says Leyla Hasanova, an analyst in Tbilisi. "
                   "She added that the army was exhausted.")
    assert triples(found) == [("named_person", "Leyla Hasanova, an analyst in Tbilisi", "Almost certainly not"),
                              ("named_person", "She", "the army was exhausted")]


def test_elliptical_first_person_answer_takes_the_question(claims):
    found = claims("Will the truce survive the winter? I think it will.")
    assert triples(found) == [("author", "I think", "the truce survive the winter")]
    longer = claims("Will the truce survive the winter? I suspect it will, for a while at least.")
    assert longer[0].content.text.startswith("it will")


def test_author_cues_as_far_as_i_can_tell(claims):
    found = claims("As far as I can tell, the embargo has barely dented the junta's revenue.")
    assert triples(found) == [("author", "As far as I can tell", "the embargo has barely dented the junta's revenue")]


# -- block quotes and introduced quotes ------------------------------------------------------

def test_block_quote_signed_with_a_dash_and_no_handle(claims):
    text = ("The convoy was stopped twice.\n\n"
            "> \u201cWe will close every road into the city until they negotiate.\u201d \u2014 a militia leader, "
            "speaking in a recorded message\n\nThe army did not comment.")
    found = claims(text)
    assert triples(found) == [("anonymous", "a militia leader",
                               "We will close every road into the city until they negotiate")]


def test_quote_paragraph_after_a_line_ending_in_a_colon(claims):
    text = ("The president's reply, broadcast late on Friday, was blunt:\n\n"
            "\u201cWe will not hand over a single village. Let them try.\u201d\n\n"
            "The shelling resumed at dawn.")
    found = claims(text)
    assert triples(found) == [("official", "The president's reply, broadcast late on Friday",
                               "We will not hand over a single village. Let them try")]


def test_what_someone_told_me_followed_by_a_colon(claims):
    found = claims("Here is what a retired general told me: the front will not move before spring.")
    assert triples(found) == [("anonymous", "a retired general", "the front will not move before spring")]


def test_newspaper_named_by_its_masthead_word_is_an_outlet(claims):
    found = claims("The Harbin Evening Herald reported that two ferries had been detained.")
    assert [c.speaker.kind for c in found] == ["outlet"]


def test_a_poll_speaks_for_the_institute_that_ran_it(claims):
    found = claims("About 58% of Georgians oppose the new law, according to an International Republican Institute "
                   "poll released on Monday.")
    assert [c.speaker.kind for c in found] == ["named_org"]
    assert [q.value for q in found[0].numbers] == [58]
