"""Ships as actors, "the group" after a named group, and titled people beside a target
state (own sentences, with negative cases)."""

from __future__ import annotations

import pytest
from actor_helpers import find as _find
from actor_helpers import run as _run

# ---- 1. "the group" refers back to the last named group ---------------------------------

GROUP_COREF = [
    ("Hezbollah fired rockets at an army post. Ali Mansour, a member of the group's "
     "executive council, said the strikes would go on.", "Mansour", "LBN", "REB"),
    ("Hamas rejected the offer on Sunday. A spokesman for the group, Yusuf Nader, called it "
     "a trap.", "Nader", "PSE", "REB"),
    ("Hamas rejected the plan in Cairo on Tuesday. Talks stalled. Omar Khalil, a member of the "
     "movement's political office, blamed Egypt.", "Khalil", "PSE", "REB"),
]


@pytest.mark.parametrize("text,word,country,sector", GROUP_COREF)
def test_the_group_takes_the_named_group(text: str, word: str, country: str,
                                         sector: str) -> None:
    actor = _find(_run(text), word)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)
    assert "coref.group" in actor.reason


def test_the_group_beats_a_context_country() -> None:
    text = ("In Beirut, Hezbollah held a rally near the Israeli border. Sami Haddad, a member "
            "of the group's political office, spoke in Damascus.")
    actor = _find(_run(text), "Haddad")
    assert actor is not None and actor.country == "LBN" and "coref.group" in actor.reason


def test_the_group_needs_a_recent_named_group() -> None:
    # the only group is four sentences back: too far to be "the group"
    text = ("Hezbollah held a rally. Prices rose in Beirut. Schools reopened. Traffic was heavy. "
            "Karim Saad, a member of the group's council, spoke in Paris.")
    actor = _find(_run(text), "Saad")
    assert actor is not None and "coref.group" not in actor.reason


def test_the_group_is_not_a_generic_plural() -> None:
    # "companies" is no group that "the group" could name
    text = "Shipping companies paused routes. Lena Berg, a member of the group's board, spoke."
    actor = _find(_run(text), "Berg")
    assert actor is None or "coref.group" not in actor.reason


def test_an_explicit_country_is_kept() -> None:
    text = ("Hezbollah fired rockets. French lawyer Marc Dubois, a member of the group's "
            "legal team, objected.")
    actor = _find(_run(text), "Dubois")
    assert actor is not None and actor.country == "FRA"


# ---- 2. ships -------------------------------------------------------------------------

SHIPS = [
    ("A Danish tanker was hit by a drone.", "tanker", "DNK", "BUS", "flag"),
    ("The Maltese-flagged container ship was boarded.", "container ship", "MLT", "BUS", "flag"),
    ("A Japanese-owned bulk carrier was seized.", "bulk carrier", "JPN", "BUS", "owner"),
    ("Gunmen attacked a tanker flagged in Panama and owned by a Greek firm.", "tanker", "GRC",
     "BUS", "owner"),
    ("A Dutch frigate escorted the convoy.", "frigate", "NLD", "MIL", "flag"),
    ("An Italian aircraft carrier sailed east.", "carrier", "ITA", "MIL", "flag"),
]


@pytest.mark.parametrize("text,word,country,sector,which", SHIPS)
def test_ship_country_and_sector(text: str, word: str, country: str, sector: str,
                                 which: str) -> None:
    actor = _find(_run(text), word)
    assert actor is not None
    assert actor.kind == "organization" and actor.rule == "org.vessel"
    assert (actor.country, actor.sector) == (country, sector)
    assert f"{which} country" in actor.reason


def test_named_ship_without_country() -> None:
    actor = _find(_run("Gunmen boarded the cargo ship Blue Heron at dawn."), "Blue Heron")
    assert actor is not None and actor.rule == "org.vessel" and actor.country is None
    assert actor.kind == "organization"


@pytest.mark.parametrize("text", [
    "A tanker was hit by a drone.",  # no country, no name
    "Tanker traffic fell sharply.",  # a modifier, not a ship
    "The airline carrier cut flights.",  # not a ship
    "Officials plan to ship grain to Egypt.",  # a verb
])
def test_no_ship_actor(text: str) -> None:
    assert all(a.rule != "org.vessel" for a in _run(text).actors)


# ---- 3. a titled person is not of the target state --------------------------------------

def test_title_skips_the_target_of_against() -> None:
    text = ("Ukraine's army said it repelled an assault near Kharkiv. The strikes against "
            "Russia will continue, Commander Taras Bilyk said.")
    actor = _find(_run(text), "Bilyk")
    assert actor is not None and actor.country == "UKR"


def test_title_skips_the_object_of_targeting() -> None:
    text = ("Kyiv announced new talks. Drones targeting Russia were launched overnight, said "
            "General Oleksandr Kovalenko.")
    actor = _find(_run(text), "Kovalenko")
    assert actor is not None and actor.country == "UKR"


def test_title_still_takes_a_plain_place() -> None:
    # negative: "in Russia" is where the sentence is, not a target
    text = "Ukraine said it would talk. In Russia, General Ivan Lebed said troops were ready."
    actor = _find(_run(text), "Lebed")
    assert actor is not None and actor.country == "RUS"
