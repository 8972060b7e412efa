"""Organisations that share a short name ("RSF") are told apart by the document only, and
refused when it cannot tell; non-governmental organisations come from ``ngos.json``."""

from __future__ import annotations

import pytest
from tests.actors.actor_helpers import run


def _by_mention(text: str, word: str):
    index = run(text)
    found = [a for a in index.actors if any(m.text.endswith(word) for m in a.mentions)]
    return found[0] if found else None


# text, the shared short name, the name it must resolve to (None: refused)
SHARED_ACRONYMS = [
    # the full name in the document decides
    ("Reporters Without Borders condemned the arrest. RSF said the editor was held.",
     "RSF", "Reporters Without Borders"),
    ("The Rapid Support Forces moved north. The RSF shelled the town.",
     "RSF", "Rapid Support Forces"),
    # else a cue word of one reading only
    ("The RSF said two journalists were detained.", "RSF", "Reporters Without Borders"),
    ("The RSF shelled a market in Darfur.", "RSF", "Rapid Support Forces"),
    # negative rows: no cue, or cues of both readings: no actor rather than a guess
    ("The RSF said on Monday it would hold talks.", "RSF", None),
    ("The RSF said journalists in Khartoum were safe.", "RSF", None),
]


@pytest.mark.parametrize(("text", "word", "name"), SHARED_ACRONYMS)
def test_a_shared_acronym_is_read_from_the_document(text, word, name):
    actor = _by_mention(text, word)
    assert (actor.name if actor else None) == name


# text, the organisation's name, country, sector
NGOS = [
    ("The Committee to Protect Journalists called for an inquiry.",
     "Committee to Protect Journalists", "NGO", None),
    ("Viasna said forty people were detained.", "Viasna", "BLR", "NGO"),
    ("Freedom House published its annual report.", "Freedom House", "USA", "NGO"),
    ("Transparency International ranked the country low.", "Transparency International",
     "NGO", None),
]


@pytest.mark.parametrize(("text", "name", "country", "sector"), NGOS)
def test_ngos_resolve(text, name, country, sector):
    found = [a for a in run(text).actors if a.name == name]
    assert found and (found[0].country, found[0].sector) == (country, sector)


def test_a_common_word_is_no_ngo():
    # negative: "article 19" in lower case and "freedom" alone name no organisation
    index = run("Under article 19 of the law, freedom of the house was limited.")
    assert not [a for a in index.actors if a.country == "NGO" or a.sector == "NGO"]


def test_staff_of_an_ngo_take_it_over_nearby_words():
    index = run("Reporters Without Borders condemned the killing in Yemen. Its Middle East "
                "head, Dana Lee, said RSF had warned of threats to journalists.")
    person = next(a for a in index.actors if a.name == "Dana Lee")
    assert person.country != "SDN"
