"""Constructions the claims reader learned on its fourth held-out measurement: places and groups the
actor book knows though the parser calls them persons, juntas and regimes, names in apposition that
carry an organisation word or a trade, the writer's discourse markers ("let me be blunt:", "as I read
it"), and "and, according to X, VP". Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from claim_checks import triples


@pytest.fixture(scope="module")
def claims(read_claims):
    return lambda text, when="2025-03-04": triples(read_claims(text, when))


# -- the actor book over the parser's PERSON label ----------------------------------------------

def test_capital_the_parser_takes_for_a_person_is_official(claims):
    found = claims("Talks stalled again. Baku said it would recall its envoy for consultations.")
    assert ("official", "Baku", "it would recall its envoy for consultations") in found


def test_armed_group_with_a_possessive_in_its_name_is_an_organisation(claims):
    found = claims("The Tigray People's Liberation Front said its units had left the town.")
    assert found == [("named_org", "The Tigray People's Liberation Front", "its units had left the town")]


def test_title_in_apposition_keeps_the_named_person(claims):
    found = claims("Vladimir Saldo, the Russian-installed governor of the region, said the ferry had stopped.")
    assert found[0][0] == "named_person"


# -- word classes -------------------------------------------------------------------------------

@pytest.mark.parametrize("body", ["The junta", "The regime"])
def test_junta_and_regime_speak_as_a_government(claims, body):
    found = claims(f"{body} warned that foreign troops would be treated as invaders.")
    assert found == [("official", body, "foreign troops would be treated as invaders")]


def test_a_name_with_an_organisation_word_in_apposition_is_an_organisation(claims):
    found = claims("The tanker's operator, Aegean Crest Maritime, said none of the crew had been hurt.")
    assert found[0][0] == "named_org"


def test_a_name_with_a_trade_in_apposition_is_a_person(claims):
    found = claims("Nadia Brennan, a trader at a Rotterdam commodities house, said freight rates had doubled.")
    assert found[0][:1] == ("named_person",)


# -- the writer's discourse markers -------------------------------------------------------------

def test_let_me_be_frank_before_a_colon_is_the_author(claims):
    found = claims("Let me be frank: the embargo will not survive the winter.")
    assert found == [("author", "Let me be frank", "the embargo will not survive the winter")]


def test_let_me_be_clear_about_a_noun_is_no_claim(claims):
    assert claims("Let me be clear about where the money went.") == []


def test_as_i_read_it_is_the_author(claims):
    found = claims("As I read it, the blockade failed because the smugglers simply moved east.")
    assert found == [("author", "As I read it", "the blockade failed because the smugglers simply moved east")]


def test_heres_my_read_takes_the_next_sentence(claims):
    found = claims("The summit broke up early.\n\nHere's my read. Both delegations wanted to walk out first.")
    assert ("author", "Here's my read", "Both delegations wanted to walk out first") in found


# -- "and, according to X, VP" ------------------------------------------------------------------

def test_according_to_between_two_predicates_reports_the_second(claims):
    found = claims("The cabinet met on Sunday and, according to two ministers, agreed to delay the vote.")
    assert found == [("anonymous", "two ministers", "agreed to delay the vote")]


def test_a_name_the_book_knows_only_the_end_of_stays_a_person(claims):
    found = claims("Ahmed Salim al-Houthi, a member of the movement's council, said the port would reopen.")
    assert found[0][0] == "named_person"


def test_s_comma_title_name_told_is_still_the_official_s_claim(claims):
    found = claims("Inspectors later found rifles and drones in the warehouse, the interior minister, "
                   "Dardan Keqa, told a news conference.")
    assert found and found[0][1].endswith("Dardan Keqa")


def test_telling_oneself_is_no_statement(claims):
    assert claims("For years the colonels told themselves that the rebels would never reach the capital.") == []
    found = claims("The commander told reporters that the rebels would never reach the capital.")
    assert found == [("official", "The commander", "the rebels would never reach the capital")]
