"""A report about one country alone: its unnamed-clue people, state roles and groups take
that country; in a report about several countries they keep none (refuse, never guess)."""

from __future__ import annotations

import pytest
from tests.actors.actor_helpers import run


def _actor(text: str, word: str):
    index = run(text)
    found = [a for a in index.actors if any(word in m.text for m in a.mentions)]
    return found[0] if found else None


ONE = ("Floods hit Moldova on Monday. Rescue teams in Moldova searched villages. "
       "Moldova asked for help. ")
TWO = ("Floods hit Moldova and Romania on Monday. Romania sent boats to Moldova. "
       "Teams from Romania and Moldova searched villages. ")

# text, a word of the actor's mention, the country it must get (None: refused)
SOLE = [
    # a named person with no clue
    (ONE + "Ivan Dobre said the water was rising.", "Ivan Dobre", "MDA"),
    (TWO + "Ivan Dobre said the water was rising.", "Ivan Dobre", None),
    # state roles and groups with no clue
    (ONE + "Police closed the main road.", "Police", "MDA"),
    (TWO + "Police closed the main road.", "Police", None),
    (ONE + "Senators demanded an inquiry.", "Senators", "MDA"),
    (TWO + "Senators demanded an inquiry.", "Senators", None),
    (ONE + "Election officials delayed the vote.", "officials", "MDA"),
    # a weak noun with no clue in a report about several countries is no actor at all
    (TWO + "Election officials delayed the vote.", "officials", None),
    # a clue in the text still wins over the report's country
    (ONE + "Romanian police closed the main road.", "police", "ROU"),
    # soldiers and journalists may be anyone's: never from the report's country
    (ONE + "Soldiers cleared the road.", "Soldiers", None),
    # a report that names no place gives the police none
    ("Floods hit the valley. Police closed the main road.", "Police", None),
    # a country named as often as a possessor or destination counts against "alone"
    ("Chad's president will visit Niger. Chad's army will visit Niger. Chad's envoy will "
     "visit Niger. Police closed the road.", "Police", None),
]


@pytest.mark.parametrize(("text", "word", "country"), SOLE)
def test_a_report_about_one_country_alone(text, word, country):
    actor = _actor(text, word)
    assert (actor.country if actor else None) == country


def test_the_reason_says_the_report_is_about_one_country():
    actor = _actor(ONE + "Ivan Dobre said the water was rising.", "Ivan Dobre")
    assert actor is not None and "alone" in (actor.reason or "")
