"""Constructions the claims reader learned on its second held-out measurement: parses that run
over paragraph breaks (headlines, live-blog timestamps), reduced relatives ("diplomats I spoke
to say"), asides, single quotes, predicates of "call", asides with their own speaker, acronyms,
figures given or counted, and cues found twice. Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from claim_checks import triples

from detente.claims import Attributor
from detente.claims.quotes import find_quotes
from detente.knowledge import DataError


@pytest.fixture(scope="module")
def claims(read_claims):
    return lambda text, when="2025-03-04": read_claims(text, when)


# -- parses that run over a paragraph break -----------------------------------------------------

WIRE = ("Ministry says drones struck two fuel depots near the coast\n\nBy Wire Staff\n\n"
        "ODESA, March 4 (Wire) — Drones struck two fuel depots near the coast overnight, starting fires that "
        "burned until dawn, the regional governor's office said.\n\n"
        "The navy said it had no information about casualties.")


def test_headline_and_lead_run_together_by_the_parser(claims):
    found = triples(claims(WIRE))
    assert ("official", "Ministry", "drones struck two fuel depots near the coast") in found
    lead = [t for t in found if t[1] == "the regional governor's office"]
    assert lead and lead[0][2].startswith("Drones struck two fuel depots near the coast overnight")
    assert ("official", "The navy", "it had no information about casualties") in found


def test_live_blog_entry_after_a_cookie_line(claims):
    text = ("Live updates\n\nAccept all | Manage settings\n\n02:05 Georgia's interior ministry says 21 police "
            "officers were injured during the evening and that five organisers of the rally have been detained. "
            "It has opened a criminal case.")
    found = claims(text)
    assert triples(found)[0][:2] == ("official", "Georgia's interior ministry")
    assert [q.value for q in found[0].numbers] == [21, 5]


def test_timestamp_is_not_the_subject(claims):
    found = triples(claims("10:00 In a televised address, the president called the revolt \"a betrayal\" "
                           "and promised harsh punishment."))
    assert found == [("official", "the president", 'the revolt "a betrayal"')]


def test_headline_claim_beside_another_after_as(claims):
    found = triples(claims("Congo says Rwandan troops entered Goma as M23 claims control of city\n\n"
                           "By Wire Staff\n\nGOMA, Jan 27 (Wire) — Rebels of the M23 group said on Monday they held "
                           "the airport."))
    assert ("official", "Congo", "Rwandan troops entered Goma") in found
    assert ("named_org", "M23", "control of city") in found


# -- clause boundaries --------------------------------------------------------------------------

def test_writer_clause_after_a_semicolon_is_not_content(claims):
    found = triples(claims("The Rwandan government said in a statement that Kinshasa's refusal to negotiate "
                           "with the rebels had prolonged the conflict; it did not address the accusation."))
    assert found == [("official", "The Rwandan government",
                      "Kinshasa's refusal to negotiate with the rebels had prolonged the conflict")]


def test_second_that_clause_hung_on_the_verb(claims):
    found = claims("The general told the president in a televised meeting that the district had been "
                   "'fully cleared' and that the enemy had lost more than 12,000 men there.")
    assert found[0].content.text.endswith("lost more than 12,000 men there")
    assert [q.value for q in found[0].numbers] == [12_000]


def test_another_speaker_after_the_authors_colon(claims):
    found = triples(claims("I think the truce will not survive the winter: the defence minister has already "
                           "threatened to resign if the prisoners are freed, and the finance minister wants guarantees."))
    assert ("author", "I think", "the truce will not survive the winter") in found
    assert ("official", "the defence minister", "to resign if the prisoners are freed") in found


def test_what_i_expect_is_stops_at_the_semicolon(claims):
    found = triples(claims("What I expect is that both sides will stall until spring; neither can afford more."))
    assert found == [("author", "What I expect is", "both sides will stall until spring")]


def test_short_answer_before_in_my_view_and_a_colon(claims):
    found = triples(claims("Will the ceasefire hold? Not past March, in my view: both armies are rearming "
                           "and neither trusts the monitors."))
    assert found == [("author", "in my view", "Not past March")]


# -- speakers the parser misplaces --------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, content", [
    ("Bankers I spoke to expect the central bank to cut rates by June.",
     "Bankers", "the central bank to cut rates by June"),
    ("Lloyd's-market brokers I spoke to expect premiums to rise by May 3.",
     "Lloyd's-market brokers", "premiums to rise by May 3"),
    ("Military officers I have talked with say the brigade is exhausted.",
     "Military officers", "the brigade is exhausted"),
])
def test_people_the_writer_spoke_to(claims, text, speaker, content):
    assert triples(claims(text)) == [("anonymous", speaker, content)]


def test_subject_before_an_asked_aside(claims):
    found = triples(claims("A third, asked whether the talks would resume, said that was unlikely because "
                           "the envoy had left."))
    assert found == [("anonymous", "A third", "was unlikely because the envoy had left")]


def test_saying_in_a_relative_clause_with_its_own_subject(claims):
    found = triples(claims("The rebels said they had fired on the tanker because it was \"Israeli\" — a label its "
                           "Cypriot owner, Blue Meridian Shipping, rejected, saying the vessel had no Israeli links."))
    assert found[0][1:] == ("The rebels", 'they had fired on the tanker because it was "Israeli"')
    assert found[1][1:] == ("its Cypriot owner, Blue Meridian Shipping", "the vessel had no Israeli links")


def test_statement_carried_from_a_ministry(claims):
    found = triples(claims("Xinhua carried a statement from the foreign ministry on Monday saying the drills "
                           "were a warning."))
    assert found == [("outlet", "Xinhua", "the drills were a warning"),
                     ("official", "the foreign ministry", "the drills were a warning")]


def test_report_parsed_upside_down(claims):
    found = triples(claims("07:45 Sky News is reporting, citing a senior army officer, that the general told the "
                           "cabinet the navy would not take part in the blockade."))
    content = "the general told the cabinet the navy would not take part in the blockade"
    assert ("outlet", "Sky News", content) in found
    assert ("anonymous", "a senior army officer", content) in found


def test_verb_hung_on_the_name_as_a_modifier(claims):
    found = triples(claims("Mohammed Abdulsalam, the Houthis' chief negotiator, posted on X that the strikes were "
                           "\"completely unjustified\" and would not stop the group."))
    assert found == [("named_person", "Mohammed Abdulsalam, the Houthis' chief negotiator",
                      'the strikes were "completely unjustified" and would not stop the group')]


# -- kinds ----------------------------------------------------------------------------------------

def test_acronym_takes_the_kind_of_its_full_name(claims):
    found = triples(claims("South Korea's Joint Chiefs of Staff said the blasts hit two roads. "
                           "Troops fired warning shots, the JCS said."))
    assert found[1] == ("official", "the JCS", "Troops fired warning shots")


@pytest.mark.parametrize("text, kind", [
    ("The Central Election Commission said turnout was 41%.", "official"),
    ("The minister met her Rwandan counterpart, who warned that the deal was fragile.", "official"),
    ("The Committee to Defend Reporters said the drills had emptied two villages.", "named_org"),
    ("Sweden's Ministry for Foreign Affairs said the embassy would stay open.", "official"),
    ("Russia's National Anti-Terrorist Committee said the raid was over.", "official"),
])
def test_bodies_and_counterparts(claims, text, kind):
    assert claims(text)[0].speaker.kind == kind


# -- quotes and predicates ---------------------------------------------------------------------

def test_single_quotes_pair_and_apostrophes_do_not():
    text = "Iran's envoy said 'the rebels' lines are broken,' and left. 'We are ready,' he said. Don't."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["'the rebels' lines are broken,'", "'We are ready,'"]


def test_single_quoted_statement_before_the_speaker(claims):
    found = triples(claims("'The people who planned this attack have made a grave error,' the minister said "
                           "in a recorded message."))
    assert found == [("official", "the minister", "The people who planned this attack have made a grave error")]


@pytest.mark.parametrize("text, content", [
    ("Caracas called the seizure 'an act of piracy'.", "the seizure 'an act of piracy'"),
    ("Syria's government calls the raids war crimes.", "the raids war crimes"),
])
def test_predicate_of_call_misread(claims, text, content):
    assert [c.content.text for c in claims(text)] == [content]


def test_naming_is_no_claim(claims):
    assert claims("Delhi called the strikes Operation Dawn.") == []


def test_what_it_described_as(claims):
    found = triples(claims("The army said it had struck rebel bases, hours after what it described as a mortar "
                           "attack on its positions near the river."))
    assert found[1] == ("official", "it", "a mortar attack on its positions near the river")


# -- figures given, counted, recorded ---------------------------------------------------------

def test_figures_given_counted_and_recorded(claims):
    found = triples(claims("A rebel spokesman gave a higher death toll but offered no figure. By evening the "
                           "ministry's spokesman, Omar Haddad, was giving a figure of 312. The monitor counted more "
                           "than 90 drone strikes over the weekend. The president gave a speech. Officials counted "
                           "the votes. The band recorded a new album."))
    assert [t[2] for t in found] == ["a higher death toll", "a figure of 312",
                                     "more than 90 drone strikes over the weekend"]


def test_count_inside_an_according_to_sentence_is_the_sources(claims):
    found = triples(claims("Manila counted 31 vessels near the reef over the day, according to its coast guard."))
    assert found == [("official", "its coast guard", "Manila counted 31 vessels near the reef over the day")]


def test_bad_object_list_names_the_verb(tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "verbs.yaml").write_text("reporting:\n  give: {objects: toll}\n")
    with pytest.raises(DataError, match="give"):
        Attributor.load([tmp_path])


# -- one claim where two cues find it ----------------------------------------------------------

def test_block_quote_introduced_by_put_it_this_way(claims):
    found = claims("In a statement on Monday, the foreign ministry in Hanoi put it this way:\n\n"
                   "“Any vessel that enters our waters without permission will be escorted out. "
                   "We will not accept provocations.”")
    assert len(found) == 1
    assert found[0].speaker.span.text == "the foreign ministry in Hanoi"


# -- demands with a clause of their own ---------------------------------------------------------

def test_demands_with_a_clause_and_without(claims):
    found = triples(claims("The opposition called for an immediate ceasefire in the north. The envoy urged Moscow "
                           "to withdraw its troops from the border. The pope urged restraint. The army vowed to "
                           "retaliate."))
    assert [t[1:] for t in found] == [("The envoy", "Moscow to withdraw its troops from the border"),
                                      ("The army", "to retaliate")]


def test_call_for_someone_to_act(claims):
    found = claims("Students at the university called for the rector to resign.")
    assert [c.content.text for c in found] == ["for the rector to resign"]


def test_content_stops_before_a_passive_while_clause(claims):
    found = triples(claims("The president urged Tehran to \"make a deal\" soon, while a new round of talks, "
                           "planned for Sunday, was thrown into doubt."))
    assert found[0][2] == 'Tehran to "make a deal" soon'
