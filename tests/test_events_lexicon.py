"""The broader verb lexicon (data/events/verbs-more.yaml) on sentences written for these tests.

Each family of CAMEO acts is tried on phrasings the base lexicon lacked, across several crises;
each case names the (source country, target country, CAMEO root) events that must be found. The
traps at the end are sentences where the same words carry no event, or a different one.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.readers import load

WHEN = "2024-05-01"

FORCE = [
    ("Russian missiles knocked out power stations across western Ukraine on Sunday.", {("RUS", "UKR", "19")}),
    ("Ukrainian drones took out a Russian radar station in Crimea overnight.", {("UKR", "RUS", "19")}),
    ("Ukrainian special forces took out a Russian S-400 battery near Yevpatoria.", {("UKR", "RUS", "19")}),
    ("Russian missiles rained down on Kharkiv overnight.", {("RUS", "UKR", "19")}),
    ("Russian shells slammed into a school in Kherson.", {("RUS", "UKR", "19")}),
    ("Israeli troops gunned down two Palestinian teenagers near Nablus.", {("ISR", "PSE", "19")}),
    ("Ukrainian forces repelled a Russian assault on Pokrovsk.", {("UKR", "RUS", "19")}),
    ("Russian forces pressed their offensive on Pokrovsk.", {("RUS", "UKR", "19")}),
    ("Russian forces walked into the city of Avdiivka after a four-month battle.", {("RUS", "UKR", "19")}),
    ("The Indian army took control of three Pakistani posts.", {("IND", "PAK", "19")}),
    ("Hezbollah retaliated with rockets against northern Israel.", {("LBN", "ISR", "19")}),
    ("Pakistani troops shot a suspected Indian spy drone over Kashmir.", {("PAK", "IND", "19")}),
    ("Sudanese army jets dropped barrel bombs on a market in Nyala.", {("SDN", "SDN", "19")}),
    ("A Russian strike flattened an apartment block in Dnipro.", {("RUS", "UKR", "19")}),
    ("Russian troops advanced on the town of Kupiansk.", {("RUS", "UKR", "19")}),
]

ASSAULT_AND_COERCION = [
    ("Al-Shabaab militants beheaded two Kenyan police officers.", {("SOM", "KEN", "18")}),
    ("Houthi militants seized two British journalists in Sanaa.", {("YEM", "GBR", "18")}),
    ("Pakistani police took five Afghan nationals into custody.", {("PAK", "AFG", "17")}),
    ("Russia charged an American journalist with espionage.", {("RUS", "USA", "17")}),
    ("China declared a Canadian diplomat persona non grata.", {("CHN", "CAN", "17")}),
    ("Russia banned Ukrainian media outlets.", {("RUS", "UKR", "17")}),
    ("Mali suspended French broadcasters RFI and France 24.", {("MLI", "FRA", "17")}),
    ("Israeli bulldozers flattened Palestinian homes in Masafer Yatta.", {("ISR", "PSE", "17")}),
    ("Israel imposed a curfew on the West Bank town of Huwara.", {("ISR", "PSE", "17")}),
]

REDUCE_RELATIONS = [
    ("Mali expelled UN peacekeepers.", {("MLI", "UNO", "16")}),
    ("North Korea expelled IAEA inspectors.", {("PRK", "IAE", "16")}),
    ("Niger scrapped its military agreement with the United States.", {("NER", "USA", "16")}),
    ("Washington tore up the nuclear deal with Iran.", {("USA", "IRN", "16")}),
    ("Pakistan sealed its border with Afghanistan.", {("PAK", "AFG", "16")}),
    ("India shut its border with Pakistan at Attari.", {("IND", "PAK", "16")}),
    ("Burkina Faso scrapped a defence accord with France.", {("BFA", "FRA", "16")}),
    ("Ukraine pulled out of the grain talks with Russia.", {("UKR", "RUS", "16")}),
]

POSTURE_AND_PROTEST = [
    ("India put its air force on high alert along the border with Pakistan.", {("IND", "PAK", "15")}),
    ("Russian Tu-95 bombers flew near Japan's coast on Wednesday.", {("RUS", "JPN", "15")}),
    ("China flew 30 warplanes near Taiwan on Tuesday.", {("CHN", "TWN", "15")}),
    ("Chinese warships sailed through the Taiwan Strait on Sunday.", {("CHN", "TWN", "15")}),
    ("Protesters stormed the French embassy in Niamey.", {("NER", "FRA", "14")}),
    ("Students marched on the Pakistani embassy in Dhaka.", {("BGD", "PAK", "14")}),
    ("Angry crowds ransacked the Danish embassy in Islamabad.", {("PAK", "DNK", "14")}),
    ("Russian drones flew into Polish airspace overnight.", {("RUS", "POL", "15")}),
]

VERBAL = [
    ("Seoul lodged a protest with Tokyo over the textbook.", {("KOR", "JPN", "11")}),
    ("Beijing hit out at Washington over the arms sale to Taiwan.", {("CHN", "USA", "11")}),
    ("India held Pakistan responsible for the Pulwama attack.", {("IND", "PAK", "11")}),
    ("Pakistan put the blame on India for the train hijacking.", {("PAK", "IND", "11")}),
    ("Islamabad turned down New Delhi's offer of talks.", {("PAK", "IND", "12")}),
    ("Islamabad vowed a befitting reply to India's strikes.", {("PAK", "IND", "13")}),
    ("Pyongyang snubbed Seoul's invitation to the summit.", {("PRK", "KOR", "12")}),
    ("Ukraine pleaded with Germany for Taurus missiles.", {("UKR", "DEU", "02")}),
    ("The Philippines proposed talks with China on the shoal dispute.", {("PHL", "CHN", "03")}),
    ("Blinken discussed the Gaza crisis with Egypt's foreign minister on Monday.", {("USA", "EGY", "04")}),
    ("Washington reached out to Tehran through Omani mediators.", {("USA", "IRN", "04")}),
    ("Egypt's foreign minister touched down in Khartoum on Monday.", {("EGY", "SDN", "04")}),
    ("Macron jetted to Beijing for a three-day state visit.", {("FRA", "CHN", "04")}),
    ("Doha played host to Sudanese and Chadian envoys this week.", {("QAT", "SDN", "04"), ("SDN", "QAT", "04")}),
    ("Witkoff huddled with Putin for three hours in St Petersburg.", {("USA", "RUS", "04")}),
    ("Erdogan voiced support for Ukraine's territorial integrity.", {("TUR", "UKR", "05")}),
    ("Japan expressed regret to South Korea over the remarks.", {("JPN", "KOR", "05")}),
]

MATERIAL_COOPERATION = [
    ("American instructors trained Ukrainian pilots on F-16s in Arizona.", {("USA", "UKR", "06")}),
    ("Jordan airdropped food into Gaza on Monday.", {("JOR", "PSE", "07")}),
    ("Congress cleared a weapons package for Israel on Thursday.", {("USA", "ISR", "06")}),
    ("Israel paused its strikes on Gaza for the hostage exchange.", {("ISR", "PSE", "08")}),
    ("Hamas freed four Thai farmworkers on Friday.", {("PSE", "THA", "08")}),
    ("North Korea switched off its loudspeakers after talks with South Korea.", {("PRK", "KOR", "08")}),
]

# Same words, no event (or not the event a naive rule would code).
TRAPS = [
    "Ukraine took out a loan from the IMF last month.",
    "A storm knocked out power across Taiwan on Monday.",
    "Analysts held the view that the talks would fail.",
    "The court held the former prime minister guilty of corruption.",
    "Russian jets flew over the Black Sea on a routine mission.",
    "The Indian team trained in Dubai ahead of the match.",
    "Iran could put its forces on alert if Israel strikes.",
    "Hamas will not lay down its arms, its leader said.",
    "Seoul will switch off its loudspeakers if Pyongyang stops the balloons.",
    "Ukraine hopes to take control of the Zaporizhzhia plant one day.",
    "The minister took aim at critics of the budget at home.",
    "Iran leveled the playing field in the regional football league.",
]


@pytest.fixture(scope="module")
def coder():
    return load("events")


def found(coder, parse, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.country, e.target.country, e.root) for e in coder.read(parse(text, WHEN)) if e.happened}


@pytest.mark.parametrize("text,expected", FORCE)
def test_force(coder, parse, text, expected):
    assert expected <= found(coder, parse, text)


@pytest.mark.parametrize("text,expected", ASSAULT_AND_COERCION)
def test_assault_and_coercion(coder, parse, text, expected):
    assert expected <= found(coder, parse, text)


@pytest.mark.parametrize("text,expected", REDUCE_RELATIONS)
def test_reduce_relations(coder, parse, text, expected):
    assert expected <= found(coder, parse, text)


@pytest.mark.parametrize("text,expected", POSTURE_AND_PROTEST)
def test_posture_and_protest(coder, parse, text, expected):
    assert expected <= found(coder, parse, text)


@pytest.mark.parametrize("text,expected", VERBAL)
def test_verbal_acts(coder, parse, text, expected):
    assert expected <= found(coder, parse, text)


@pytest.mark.parametrize("text,expected", MATERIAL_COOPERATION)
def test_material_cooperation(coder, parse, text, expected):
    assert expected <= found(coder, parse, text)


@pytest.mark.parametrize("text", TRAPS)
def test_same_words_without_the_act(coder, parse, text):
    assert found(coder, parse, text) == set()


def test_a_narrower_reading_wins_only_where_its_constraint_holds(coder, parse):
    """"slammed" an army's positions is an attack; "slammed" a decision stays a criticism."""
    assert ("RUS", "UKR", "19") in found(coder, parse, "Russian troops slammed Ukrainian positions near Chasiv Yar.")
    assert ("CHN", "PHL", "11") in found(coder, parse, "Beijing slammed Manila's decision to host more U.S. troops.")


def test_charging_a_state_with_a_crime_stays_an_accusation(coder, parse):
    assert found(coder, parse, "South Africa charged Israel with genocide at the World Court.") == {("ZAF", "ISR", "11")}


def test_rules_are_prefixed_and_ids_unique():
    """Rule ids here start with "more-" and never reuse an id of another pattern file."""
    folder = Path(__file__).resolve().parents[1] / "src" / "detente" / "data" / "events"
    mine = yaml.safe_load((folder / "verbs-more.yaml").read_text())["rules"]
    ids = [r["id"] for r in mine]
    assert all(i.startswith("more-") for i in ids) and len(ids) == len(set(ids))
    others = {r["id"] for p in folder.glob("*.yaml") if p.name != "verbs-more.yaml"
              for r in (yaml.safe_load(p.read_text()) or {}).get("rules") or []}
    assert not set(ids) & others
