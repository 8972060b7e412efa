"""Actor finding and resolution on our own sentences (table-driven, with negatives)."""

from __future__ import annotations

from functools import lru_cache

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sitroom.actors.lexicon import load_lexicon
from sitroom.actors.model import ActorIndex
from sitroom.actors.resolve import find_actors
from sitroom.pipeline.loader import load_base_nlp
from sitroom.record import Actor


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return load_base_nlp()


def _run(text: str) -> tuple[Doc, ActorIndex]:
    doc = _nlp()(text)
    return doc, find_actors(doc)


def _by_mention(index: ActorIndex, text: str) -> Actor:
    for mention in index.mentions:
        if mention.text == text:
            actor = index.actor(mention.actor_id)
            assert actor is not None
            return actor
    raise AssertionError(f"no mention {text!r} in {[m.text for m in index.mentions]}")


# sentence, mention text, kind, country, sector, extra (title / count)
CASES = [
    ("The United States and Jordan signed a trade pact.", "United States",
     "state", "USA", None, {}),
    ("The United States and Jordan signed a trade pact.", "Jordan", "state", "JOR", None, {}),
    ("Two senior French diplomats arrived in Lagos on Monday.", "Two senior French diplomats",
     "group", "FRA", "GOV", {"count": 2}),
    ("Some 1,200 Ethiopian soldiers crossed the border.", "Some 1,200 Ethiopian soldiers",
     "group", "ETH", "MIL", {"count": 1200}),
    ("Brazilian Foreign Minister Ana Costa met her counterpart.",
     "Brazilian Foreign Minister Ana Costa",
     "person", "BRA", "GOV", {"title": "Foreign Minister"}),
    ("Tom Reyes, a spokesman for the Mexican Embassy in Madrid, declined to comment.",
     "Tom Reyes", "person", "MEX", "GOV", {"title": "Spokesman"}),
    ("Tom Reyes, a spokesman for the Mexican Embassy in Madrid, declined to comment.",
     "the Mexican Embassy", "organization", "MEX", "GOV", {}),
    ("India's envoy to Tokyo was summoned.", "India's envoy", "person", "IND", "GOV", {}),
    ("The State Department said the talks would continue.", "The State Department",
     "organization", "USA", "GOV", {}),
    ("Moscow rejected the proposal on Friday.", "Moscow", "state", "RUS", "GOV", {}),
    ("The Kremlin said it would respond.", "The Kremlin", "state", "RUS", "GOV", {}),
    ("Iraqi state media reported the blast.", "Iraqi state media",
     "organization", "IRQ", "MED", {}),
    ("The Kurdish-led Syrian Democratic Forces captured the town.", "Syrian Democratic Forces",
     "nonstate", "SYR", "REB", {}),
    ("The IAEA urged Tehran to allow inspections.", "The IAEA", "igo", "IGO", None, {}),
    ("The IAEA urged Tehran to allow inspections.", "Tehran", "state", "IRN", "GOV", {}),
    ("Xinhua said the visit was a success.", "Xinhua", "organization", "CHN", "MED", {}),
    ("China Daily criticised the report.", "China Daily", "organization", "CHN", "MED", {}),
    ("Jordan Peterson spoke at the event.", "Jordan Peterson", "person", None, None, {}),
    ("Kenyan police dispersed protesters in Nairobi.", "Kenyan police", "group", "KEN", "COP", {}),
    ("Kenyan police dispersed protesters in Nairobi.", "protesters", "group", "KEN", "CVL", {}),
    ("Polish and Czech officials agreed to cooperate.", "Czech", "group", "CZE", "GOV", {}),
    ("Helmand police arrested two men.", "Helmand police", "group", "AFG", "COP", {}),
    ("The government of Sindh province imposed a curfew.", "The government",
     "state", "PAK", "GOV", {}),
    ("Hezbollah fired rockets at northern Israel.", "Hezbollah", "nonstate", "LBN", "REB", {}),
    ("The U.N. Security Council met on Tuesday.", "The U.N. Security Council",
     "igo", "IGO", None, {}),
    # an international NGO shares the IGO list but is no intergovernmental body
    ("Amnesty International criticised the verdict.", "Amnesty International",
     "organization", "NGO", None, {}),
]


@pytest.mark.parametrize(("text", "mention", "kind", "country", "sector", "extra"), CASES)
def test_resolution(text: str, mention: str, kind: str, country: str | None,
                    sector: str | None, extra: dict[str, object]) -> None:
    _, index = _run(text)
    actor = _by_mention(index, mention)
    assert (actor.kind, actor.country, actor.sector) == (kind, country, sector), actor
    for field, value in extra.items():
        assert getattr(actor, field) == value, actor


NEGATIVES = [
    ("We ate roast turkey in May.", ["turkey", "May"]),
    ("The talks resume in May.", ["May"]),
    ("He was born in Atlanta, Georgia, in 1970.", ["Georgia", "Atlanta"]),
    ("Tom Reyes, a spokesman for the Mexican Embassy in Madrid, declined to comment.", ["Madrid"]),
    ("India's envoy to Tokyo was summoned.", ["Tokyo", "India"]),
    ("Three senior Dutch diplomats met the minister.", ["Dutch"]),
    ("Washington: The storm hit the coast.", ["Washington"]),
    ("Tensions are rising in the South China Sea.", ["China"]),
]


@pytest.mark.parametrize(("text", "absent"), NEGATIVES)
def test_not_actor_mentions(text: str, absent: list[str]) -> None:
    _, index = _run(text)
    texts = {m.text for m in index.mentions}
    for word in absent:
        assert word not in texts, texts


def test_georgia_state_is_not_the_country() -> None:
    _, index = _run("The governor of the state of Georgia met farmers in Atlanta, Georgia.")
    assert all(a.country != "GEO" for a in index.actors)


def test_georgia_country() -> None:
    _, index = _run("Georgia and Armenia signed a border deal.")
    assert {a.country for a in index.actors} == {"GEO", "ARM"}


def test_turkey_sandwich_does_not_crash() -> None:
    _run("Turkey sandwich sales rose.")


def test_offsets_give_back_text() -> None:
    text = ("Canadian Prime Minister Ella Ward met Japan’s ambassador to Ottawa. "
            "Ward said she was hopeful. Ottawa and Tokyo later issued a statement.")
    doc, index = _run(text)
    assert index.mentions
    for actor in index.actors:
        for span in actor.mentions:
            assert text[span.start : span.end] == span.text
    for mention in index.mentions:
        assert doc.text[mention.start_char : mention.end_char] == mention.text
        assert mention.start <= mention.head < mention.end


def test_person_coreference() -> None:
    text = ("Canadian Prime Minister Ella Ward met Japan’s ambassador on Monday. "
            "Ward said she was hopeful. It was raining.")
    _, index = _run(text)
    ward = _by_mention(index, "Canadian Prime Minister Ella Ward")
    assert (ward.country, ward.sector, ward.title) == ("CAN", "GOV", "Prime Minister")
    ids = {m.text: m.actor_id for m in index.mentions}
    assert ids["Ward"] == ward.id
    assert ids["she"] == ward.id
    assert "It" not in ids
    rules = {m.text: m.rule for m in index.mentions}
    assert rules["she"] == "coref.pronoun"
    assert rules["Ward"] == "coref.surname"


def test_title_country_from_context() -> None:
    text = "Germany announced new aid. Defence Minister Karl Brandt visited the troops."
    _, index = _run(text)
    person = _by_mention(index, "Defence Minister Karl Brandt")
    assert person.country == "DEU"
    assert person.reason and "context" in person.reason


def test_person_without_clue_has_no_country() -> None:
    _, index = _run("Maria Lopez arrived late on Tuesday.")
    assert _by_mention(index, "Maria Lopez").country is None


def test_modifier_is_not_a_separate_actor() -> None:
    doc, index = _run("Three senior Dutch diplomats met the minister.")
    group = _by_mention(index, "Three senior Dutch diplomats")
    head = next(t for t in doc if t.text == "diplomats")
    adjective = next(t for t in doc if t.text == "Dutch")
    assert index.at_token(head.i) == group.id
    assert index.at_token(adjective.i) == group.id
    assert len([a for a in index.actors if a.country == "NLD"]) == 1


def test_coordinated_states_are_two_actors() -> None:
    doc, index = _run("Russia and North Korea signed a defence pact.")
    ids = index.in_tokens(0, len(doc))
    assert [index.actor(i).country for i in ids] == ["RUS", "PRK"]  # type: ignore[union-attr]


def test_merging_and_ids() -> None:
    _, index = _run("Peru protested. Lima recalled its envoy. Peru later relented.")
    assert [a.id for a in index.actors] == [f"A{k + 1}" for k in range(len(index.actors))]
    peru = _by_mention(index, "Peru")
    assert len(peru.mentions) == 2 and peru.code == "PER"
    lima = _by_mention(index, "Lima")
    assert lima.id != peru.id and lima.code == "PERGOV"


def test_actor_provenance() -> None:
    _, index = _run("Chilean troops entered the town.")
    actor = _by_mention(index, "Chilean troops")
    assert actor.rule and actor.reason and actor.lexicon == load_lexicon().version
    assert actor.code == "CHLMIL"


def test_empty_document() -> None:
    _, index = _run("")
    assert index.actors == () and index.mentions == ()
