"""Whom an attack is aimed at, and whether it has an agent at all: a site described by a housing clause the
parser hung on another noun, the people an attack killed or hurt, and a weapon named alone as the first word
of a sentence. Sentences written for this file; each case is (article date, text, events that must be coded,
events that must not be)."""
from __future__ import annotations

import pytest

from event_checks import coded

CASES = [
    # a housing clause after the site, hung by the parser on the measure noun ("barrage", "volley")
    ("2024-03-05", "Israel fired a barrage of rockets at two depots in Syria that house Iranian forces late on Tuesday.",
     [("ISR", "IRN", "19")], [("ISR", "SYR", "19")]),
    ("2024-03-05", "Azerbaijan launched a volley of drones at three posts in Armenia that house Russian peacekeepers "
                   "early on Friday.", [("AZE", "RUS", "19")], [("AZE", "ARM", "19")]),
    # the people an attack killed or wounded are its target, before the place where it hit
    ("2024-03-05", "A Turkish drone strike near Sinjar late on Tuesday killed two senior Iranian commanders, Iraqi "
                   "officials said.", [("TUR", "IRN", "19")], [("TUR", "IRQ", "19")]),
    ("2024-03-05", "An Israeli airstrike on a farm outside Damascus on Sunday wounded three Iranian military advisers.",
     [("ISR", "IRN", "19")], [("ISR", "SYR", "19")]),
    ("2024-03-05", "A Saudi air raid near Hodeidah killed an Omani diplomat along with a Yemeni rebel commander.",
     [("SAU", "OMN", "19")], []),
    ("2024-03-05", "Two Emirati soldiers were wounded in a Houthi missile attack on a base in Yemen.",
     [("YEM", "ARE", "19")], []),
    # no victim of known country: the place stays the target
    ("2024-03-05", "A Turkish drone strike near Sinjar late on Tuesday killed two fighters.", [("TUR", "IRQ", "19")], []),
    # a weapon alone, capitalised at the start of the sentence, names no agent: no source from the context
    ("2024-03-05", "The Afghan interior ministry condemned Pakistan on Monday. Rockets struck a convoy on the highway "
                   "near Kandahar late on Monday, local police said.", [("AFG", "PAK", "11")], [("PAK", "AFG", "19")]),
    ("2024-03-05", "Ukraine accused Russia of war crimes on Monday. Howitzers shelled a village near Kherson overnight, "
                   "local officials said.", [("UKR", "RUS", "11")], [("RUS", "UKR", "19")]),
    # ... while "the howitzers" refers back to the side said to have brought them
    ("2024-03-05", "Russia moved howitzers to the front on Monday. The howitzers shelled a village near Kherson "
                   "overnight, local officials said.", [("RUS", "UKR", "19")], []),
    # ... and a weapon with its owner named still codes its owner
    ("2024-03-05", "The Afghan interior ministry condemned Pakistan on Monday. Pakistani rockets struck a convoy near "
                   "Kandahar late on Monday, local police said.", [("PAK", "AFG", "19")], []),
]


@pytest.mark.parametrize("when,text,present,absent", CASES, ids=[c[1][:40] for c in CASES])
def test_attack_target_case(coder, parse, when, text, present, absent):
    found = coded(coder, parse, text, when)
    assert set(present) <= found, f"missing {set(present) - found}; coded {found}"
    assert not set(absent) & found, f"coded {set(absent) & found} that should not be"


def test_a_capitalised_first_weapon_is_the_common_noun(parse):
    from detente.events.syntax import noun_forms
    doc = parse("Greece protested on Monday.\n\nRockets landed near the port.").doc
    rockets = next(t for t in doc if t.text == "Rockets")
    assert "rocket" in noun_forms(rockets)
    assert noun_forms(next(t for t in doc if t.text == "Greece")) == {"greece"}
