"""The actors stage: the dictionary resolves noun phrases to country, sector, person and office on a date."""
from __future__ import annotations

from datetime import date

import pytest

from detente.actors import ActorBook, DataError


@pytest.fixture(scope="module")
def book() -> ActorBook:
    return ActorBook.load()


def who(book: ActorBook, text: str, when: str | None = None):
    actor = book.resolve(text, date.fromisoformat(when) if when else None)
    assert actor is not None, f"{text!r} resolved to nothing"
    return actor


def code(book: ActorBook, text: str, when: str | None = None) -> tuple[str, str]:
    actor = who(book, text, when)
    return actor.country, actor.sector


# ---------------------------------------------------------------- dates decide who holds an office

def test_secretary_of_state_depends_on_the_date(book):
    assert who(book, "the U.S. secretary of state", "2020-03-02").name == "Mike Pompeo"
    assert who(book, "the US Secretary of State", "2024-02-11").name == "Antony Blinken"
    assert who(book, "America's top diplomat", "2025-04-01").name == "Marco Rubio"


def test_a_former_office_holder_keeps_his_country_but_not_the_sector(book):
    in_office = who(book, "Trump", "2020-01-08")
    assert (in_office.country, in_office.sector, in_office.role) == ("USA", "GOV", "president")
    out_of_office = who(book, "Trump", "2022-05-01")
    assert (out_of_office.country, out_of_office.sector, out_of_office.kind) == ("USA", "", "person")
    assert out_of_office.name == "Donald Trump"


def test_iranian_foreign_ministers_change_over_time(book):
    assert who(book, "Iran's foreign minister", "2019-06-30").name == "Mohammad Javad Zarif"
    assert who(book, "the Iranian foreign minister", "2025-03-15").name == "Abbas Araghchi"
    zarif = who(book, "Iran's foreign minister, Javad Zarif", "2020-01-05")
    assert (zarif.country, zarif.sector, zarif.name, zarif.role, zarif.kind) == (
        "IRN", "GOV", "Mohammad Javad Zarif", "foreign minister", "person")


def test_namesakes_are_told_apart_by_the_date(book):
    assert who(book, "Johnson", "2021-03-01").country == "GBR"
    assert who(book, "Johnson", "2024-05-01").country == "USA"


def test_holder_lookup_accepts_any_alias_of_the_office(book):
    assert book.holder("USA", "secretary of state", date(2019, 5, 1))["name"] == "Mike Pompeo"
    assert book.holder("RUS", "defence minister", date(2023, 1, 1))["name"] == "Sergei Shoigu"
    assert book.holder("RUS", "defense minister", date(2025, 1, 1))["name"] == "Andrei Belousov"
    assert book.holder("ISR", "prime minister", date(2022, 1, 1))["name"] == "Naftali Bennett"
    assert book.holder("TUV", "prime minister", date(2022, 1, 1)) is None


def test_title_with_a_name_the_book_lacks_still_gives_country_and_office(book):
    actor = who(book, "Bolivian Foreign Minister Ana Example", "2023-04-01")
    assert (actor.country, actor.sector, actor.name, actor.role, actor.kind) == (
        "BOL", "GOV", "Ana Example", "foreign minister", "person")


def test_titles_that_imply_a_country(book):
    assert who(book, "the supreme leader", "2022-10-01").name == "Ali Khamenei"
    assert code(book, "the UN chief", "2023-06-01") == ("UNO", "IGO")
    assert who(book, "the NATO chief", "2023-06-01").name == "Jens Stoltenberg"


# ---------------------------------------------------------------- countries, metonyms, bodies

@pytest.mark.parametrize("text, expected", [
    ("the United States", ("USA", "")),
    ("U.S.", ("USA", "")),
    ("US", ("USA", "")),
    ("Iran's", ("IRN", "")),
    ("the Islamic Republic", ("IRN", "")),
    ("Tehran", ("IRN", "GOV")),
    ("the White House", ("USA", "GOV")),
    ("the Kremlin", ("RUS", "GOV")),
    ("Downing Street", ("GBR", "GOV")),
    ("the Élysée", ("FRA", "GOV")),
    ("Zhongnanhai", ("CHN", "GOV")),
    ("the Pentagon", ("USA", "MIL")),
    ("the State Department", ("USA", "GOV")),
    ("the Revolutionary Guards", ("IRN", "MIL")),
    ("Israel's Mossad", ("ISR", "GOV")),
    ("the Knesset", ("ISR", "LEG")),
    ("Congress", ("USA", "LEG")),
    ("Emirati interests", ("ARE", "")),
    ("Emirati mediators", ("ARE", "GOV")),
])
def test_countries_capitals_and_bodies(book, text, expected):
    assert code(book, text) == expected


def test_case_traps_are_not_countries(book):
    for text in ("us", "Us", "turkey", "jordan", "chad"):
        assert book.resolve(text) is None, text
    assert code(book, "Turkey") == ("TUR", "")


def test_sea_and_gulf_names_do_not_turn_into_countries(book):
    assert book.resolve("the Persian Gulf") is None
    assert book.resolve("the Indian Ocean") is None


# ---------------------------------------------------------------- role nouns and sectors

@pytest.mark.parametrize("text, expected", [
    ("Israeli warplanes", ("ISR", "MIL")),
    ("Iranian police", ("IRN", "COP")),
    ("Iranian state media", ("IRN", "MED")),
    ("Israeli troops", ("ISR", "MIL")),
    ("Russian lawmakers", ("RUS", "LEG")),
    ("a Pakistani court", ("PAK", "JUD")),
    ("Japanese shipping firms", ("JPN", "BUS")),
    ("Venezuelan opposition leaders", ("VEN", "OPP")),
    ("protesters", ("---", "CVL")),
    ("Ukrainian officials", ("UKR", "GOV")),
    ("an Israeli military spokesman", ("ISR", "MIL")),
    ("the Pentagon spokesman", ("USA", "MIL")),
])
def test_role_nouns_set_the_sector(book, text, expected):
    assert code(book, text) == expected


def test_the_possessor_not_the_location_owns_the_phrase(book):
    assert code(book, "U.S. bases in Iraq") == ("USA", "MIL")
    assert code(book, "residents of villages near Kharkiv") == ("UKR", "CVL")
    assert code(book, "families sheltering in Gaza") == ("PSE", "CVL")


def test_a_patron_is_not_the_actor(book):
    assert code(book, "Iran-backed militias")[0] == "---"
    assert code(book, "Russian-allied fighters")[0] == "---"


def test_owner_after_of_or_for(book):
    assert code(book, "a spokesman for the Houthis") == ("YEM", "REB")
    assert who(book, "the prime minister of Israel", "2024-03-01").name == "Benjamin Netanyahu"


# ---------------------------------------------------------------- groups, IGOs, outlets, places

@pytest.mark.parametrize("text, expected", [
    ("the Houthis", ("YEM", "REB")),
    ("Ansar Allah", ("YEM", "REB")),
    ("Hezbollah fighters", ("LBN", "REB")),
    ("Hamas's armed wing", ("PSE", "REB")),
    ("Kataib Hezbollah", ("IRQ", "REB")),
    ("the Taliban", ("AFG", "REB")),
    ("Islamic State", ("---", "REB")),
    ("Islamic State cells in Syria", ("SYR", "REB")),
])
def test_armed_groups_carry_their_base_country(book, text, expected):
    actor = who(book, text)
    assert (actor.country, actor.sector) == expected
    assert actor.kind == "group"


@pytest.mark.parametrize("text, expected", [
    ("the UN Security Council", "UNO"),
    ("the U.N.", "UNO"),
    ("the European Union", "EUR"),
    ("Nato", "NAT"),
    ("the UN nuclear watchdog", "IAE"),
    ("the African Union", "AFR"),
    ("the Arab League", "ARL"),
    ("the GCC", "GCC"),
])
def test_igos(book, text, expected):
    actor = who(book, text)
    assert (actor.country, actor.sector, actor.kind) == (expected, "IGO", "igo")


def test_outlets(book):
    reuters = who(book, "Reuters")
    assert (reuters.kind, reuters.sector, reuters.country) == ("outlet", "MED", "GBR")
    assert book.outlet("according to the semi-official Tasnim news agency") == "Tasnim"
    assert book.outlet("The Wall Street Journal reported") == "The Wall Street Journal"
    tv = who(book, "Iranian state TV")
    assert (tv.kind, tv.country, tv.sector) == ("outlet", "IRN", "MED")
    assert book.outlet("the foreign ministry") is None


@pytest.mark.parametrize("text, expected", [
    ("Natanz", "IRN"),
    ("Fordow", "IRN"),
    ("Al Udeid", "QAT"),
    ("Ain al-Asad air base", "IRQ"),
    ("Erbil", "IRQ"),
    ("Gaza", "PSE"),
    ("Crimea", "UKR"),
    ("southern Lebanon", "LBN"),
    ("Taipei", "TWN"),
    ("the Red Sea", None),
    ("Atlantis", None),
])
def test_places(book, text, expected):
    assert book.place(text) == expected


def test_a_place_alone_gives_its_country(book):
    actor = who(book, "the enrichment halls at Natanz")
    assert (actor.country, actor.kind) == ("IRN", "place")


# ---------------------------------------------------------------- spaCy spans

def test_resolve_span_uses_entity_labels_for_unknown_names(book, parse):
    parsed = parse("Ambassador Horatio Quillfeather met Iranian diplomats in Muscat.", "2021-05-04")
    doc = parsed.doc
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    if persons:  # the small model may miss an invented name; the rule only applies when it does not
        actor = book.resolve_span(persons[0], parsed.record.date)
        assert actor.kind == "person"
    chunk = next(c for c in doc.noun_chunks if "diplomats" in c.text)
    assert (book.resolve_span(chunk, parsed.record.date).country, book.resolve_span(chunk).sector) == ("IRN", "GOV")


# ---------------------------------------------------------------- user data

def test_user_folder_adds_a_person(tmp_path):
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "mine.yaml").write_text(
        "version: 1\n"
        "people:\n"
        "  - {name: Tomas Invented, aliases: [Invented], country: EST, role: foreign minister,"
        " start: 2030-01-01, end: null}\n"
        "groups:\n"
        "  - {name: the Northern Lantern Front, country: FIN, aliases: [Lantern Front]}\n",
        encoding="utf-8")
    book = ActorBook.load(extra_dirs=[tmp_path])
    actor = book.resolve("Invented", date(2031, 1, 1))
    assert (actor.country, actor.sector, actor.name) == ("EST", "GOV", "Tomas Invented")
    assert book.holder("EST", "foreign minister", date(2031, 1, 1))["name"] == "Tomas Invented"
    assert book.resolve("the Lantern Front").country == "FIN"


def test_malformed_user_file_names_file_and_entry(tmp_path):
    folder = tmp_path / "actors"
    folder.mkdir()
    bad = folder / "broken.yaml"
    bad.write_text("version: 1\npeople:\n  - {name: Nobody, country: Narnia}\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        ActorBook.load(extra_dirs=[tmp_path])
    message = str(error.value)
    assert "broken.yaml" in message and "Nobody" in message


def test_unknown_section_and_missing_version_are_errors(tmp_path):
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "typo.yaml").write_text("version: 1\ncountrys: []\n", encoding="utf-8")
    with pytest.raises(DataError, match="typo.yaml"):
        ActorBook.load(extra_dirs=[tmp_path])
    (folder / "typo.yaml").write_text("people: []\n", encoding="utf-8")
    with pytest.raises(DataError, match="version"):
        ActorBook.load(extra_dirs=[tmp_path])


def test_every_un_member_is_there(book):
    codes = {e.country for _, e in book.catalog.aliases if e.kind == "country"}
    assert len(codes) >= 196
    assert {"PSE", "TWN", "XKX", "TUV", "SUR"} <= codes


# ---------------------------------------------------------------- bases, organisations, possessors

def test_a_base_used_by_foreign_forces_stands_for_them(book):
    base = who(book, "the Al Udeid air base")
    assert (base.country, base.sector, base.kind) == ("USA", "MIL", "base")
    assert book.place("Al Udeid") == "QAT"
    assert code(book, "the runway at Hmeimim") == ("SYR", "")


def test_named_organisations_that_are_not_armed(book):
    assert who(book, "Human Rights Watch").kind == "group"
    assert code(book, "Human Rights Watch") == ("USA", "CVL")
    firm = who(book, "the Norwegian shipping firm Fjordline Tankers")
    assert (firm.country, firm.sector, firm.kind, firm.name) == ("NOR", "BUS", "org", "Fjordline Tankers")
    board = who(book, "the Dutch Safety Board")
    assert (board.country, board.sector, board.kind) == ("NLD", "GOV", "body")


def test_a_person_before_a_role_noun_is_a_possessor(book):
    office = who(book, "Erdogan's office", "2023-02-01")
    assert (office.country, office.sector, office.kind) == ("TUR", "GOV", "role")
    aide = who(book, "Putin's spokesman", "2023-02-01")
    assert (aide.country, aide.kind) == ("RUS", "role")
    envoy = who(book, "Trump's envoy Steve Witkoff", "2025-05-01")
    assert (envoy.name, envoy.kind) == ("Steve Witkoff", "person")


def test_unknown_names_after_titles_keep_their_particles(book):
    actor = who(book, "Prime Minister Rashid bin Example al-Testi", "2024-01-01")
    assert actor.name == "Rashid bin Example al Testi"
    assert actor.role == "prime minister" and actor.kind == "person"
    general = who(book, "Maj. Gen. Imaginary Person")
    assert (general.sector, general.name) == ("MIL", "Imaginary Person")


def test_a_hyphenated_title_is_not_a_location(book):
    chief = who(book, "Ukraine's commander-in-chief", "2024-06-01")
    assert (chief.country, chief.sector, chief.name) == ("UKR", "MIL", "Oleksandr Syrskyi")


def test_loading_twice_reuses_the_book_and_resolving_is_fast(book):
    import time

    assert ActorBook.load() is book
    phrases = [f"{a} {b}" for a in ("Iranian", "the U.S.", "Israel's", "Chinese", "Hezbollah")
               for b in ("troops", "foreign minister", "state media", "drones", "officials", "leader")]
    start = time.perf_counter()
    for day in range(1, 29):
        for phrase in phrases:
            book.resolve(phrase, date(2024, 2, day))
    assert time.perf_counter() - start < 1.0


def test_an_implied_country_does_not_stick_to_the_generic_title(book):
    assert who(book, "the foreign minister", "2020-01-01").country == "---"
    assert who(book, "the secretary of state", "2020-01-01").country == "USA"


def test_makers_and_sympathisers_are_not_the_actor(book):
    assert code(book, "Iranian-made drones") == ("---", "MIL")
    assert code(book, "pro-Western protesters") == ("---", "CVL")
    assert code(book, "anti-Iranian militias")[0] == "---"
    assert code(book, "Russian-occupied Kherson")[0] == "UKR"


def test_a_person_entity_is_not_the_country_in_his_name(book, parse):
    parsed = parse("Basketball great Michael Jordan visited Chicago.", "2021-05-04")
    span = next(e for e in parsed.doc.ents if "Jordan" in e.text)
    actor = book.resolve_span(span, parsed.record.date)
    if span.label_ == "PERSON" and len(span) > 1:
        assert actor.kind == "person" and actor.country == "---"
    assert book.resolve("Jordan").country == "JOR"


def test_every_code_in_the_data_is_a_known_country_or_igo(book):
    known = {e.country for _, e in book.catalog.aliases if e.kind in ("country", "igo")} | {"---", None}
    entries = book.catalog.aliases + book.catalog.derived
    assert [a for a, e in entries if e.country not in known or (e.host or None) not in known] == []
    assert [o.person for o in book.catalog.offices if o.country not in known] == []


def test_plural_demonyms_are_people_unless_they_stand_for_the_state(book):
    assert code(book, "thousands of Israelis") == ("ISR", "CVL")
    assert code(book, "Ukrainians") == ("UKR", "CVL")
    assert code(book, "the Saudis") == ("SAU", "")


def test_allies_and_proxies_of_a_country_are_not_that_country(book):
    assert book.resolve("Ukraine's Western allies") is None
    assert code(book, "Iran's regional proxies") == ("---", "REB")
    assert code(book, "Israel's Iron Dome") == ("ISR", "MIL")
