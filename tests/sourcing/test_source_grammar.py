"""Sources as a grammar: evidence as subject, the kind an apposition says, an outlet named
beside its common noun, naming verbs for quoted words, and arguing inside a quotation.
Every table has rows where the rule must not fire."""

from __future__ import annotations

import pytest

from sitroom.actors.resolve import find_actors
from sitroom.sourcing.quotes import find_quotes
from sitroom.sourcing.sources import distinct_sources, find_sources


def _sources(nlp, text):
    doc = nlp(text)
    actors = find_actors(doc)
    return distinct_sources(find_sources(doc, actors)), actors, doc


# sentence, (text contained in the source, kind) or None for no source
EVIDENCE = [
    ("Satellite imagery showed new trenches near the border.", ("Satellite imagery", "imagery")),
    ("Photos reveal damage to the bridge.", ("Photos", "imagery")),
    ("The figures showed a rise in arrests.", ("figures", "document")),
    # negative: a subject that is no evidence
    ("The results show the plan worked.", None),
    ("The army showed its new tanks.", None),
]


@pytest.mark.parametrize(("text", "want"), EVIDENCE)
def test_evidence_as_source(nlp, text, want):
    sources, _, _ = _sources(nlp, text)
    if want is None:
        assert sources == []
    else:
        assert [(want[0] in s.text, s.kind) for s in sources] == [(True, want[1])]


# sentence, the kind of its one source
KINDS = [
    ("The Orla Observatory, a war monitor, said 12 fighters died.", "monitoring"),
    ("The Vantor Institute, a watchdog, said the vote was fair.", "monitoring"),
    # negative: the apposition names an official, the kind stays official
    ("Tom Birk, a spokesman, said the vote was fair.", "official"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_apposition_gives_the_kind(nlp, text, kind):
    sources, _, _ = _sources(nlp, text)
    assert [s.kind for s in sources] == [kind]


# sentence, text the one source must contain, its kind
OUTLETS = [
    ("The Polish broadcaster TVN24 reported that two men were held.", "TVN24", "media"),
    ("According to the Hungarian daily Nepszava, the deal was signed.", "Nepszava", "media"),
    ("Deutsche Welle reported that the border was closed.", "Deutsche Welle", "media"),
    ("The Italian daily newspaper Corriere della Sera revealed the plan.", "Corriere della Sera",
     "media"),
    # negative: a person beside a noun is named, but no outlet
    ("The spokesman, Tom Birk, said no.", "Tom Birk", "official"),
]


@pytest.mark.parametrize(("text", "contains", "kind"), OUTLETS)
def test_outlet_named_beside_its_noun(nlp, text, contains, kind):
    sources, _actors, _ = _sources(nlp, text)
    assert len(sources) == 1
    assert contains in sources[0].text and sources[0].kind == kind
    assert sources[0].actor is not None


def test_arguing_inside_a_quotation_is_no_source(nlp):
    text = '"The army is tired, as Smith argued last year," said Ana Ruiz.'
    sources, _, _ = _sources(nlp, text)
    assert [s.text for s in sources] == ["Ana Ruiz"]


def test_arguing_outside_a_quotation_is_a_source(nlp):
    sources, _, _ = _sources(nlp, "Smith argued last year that the army was tired.")
    assert [s.text for s in sources] == ["Smith"]


# sentence, the speaker's name or None
NAMING = [
    ('Opposition leader Ana Ruiz called the decision a "theft of our rights".', "Ana Ruiz"),
    ('The envoy Tom Birk labelled the vote a "sham".', "Tom Birk"),
    # negative: a quoted term nobody governs has no speaker
    ('The "peace plan" was rejected.', None),
]


@pytest.mark.parametrize(("text", "speaker"), NAMING)
def test_naming_verbs_give_the_speaker(nlp, text, speaker):
    doc = nlp(text)
    actors = find_actors(doc)
    quotes = find_quotes(doc, actors)
    speakers = [actors.actor(q.speaker).name if q.speaker else None for q in quotes]
    if speaker is None:
        assert all(s is None for s in speakers)
    else:
        assert speakers == [speaker]


# sentence, the texts of its sources
CITED = [
    ("The network cited Dana Orr, chief of the police, as saying two men were held.",
     ["The network", "Dana Orr"]),
    # negative: a cited document is no person quoted
    ("The network cited a report on the deal.", ["The network"]),
]


@pytest.mark.parametrize(("text", "want"), CITED)
def test_cited_as_saying(nlp, text, want):
    sources, _, _ = _sources(nlp, text)
    assert [s.text for s in sources] == want


# text, the speaker of its one quotation (None: not linked to any full name)
FAMILY_NAME_FIRST = [
    ('Foreign Ministry spokesperson Lin Daowei spoke on Monday. "We oppose it," Lin said.',
     "Lin Daowei"),
    ('Haitham bin Tariq attended the prayers. "We will go on," Haitham said.', "Haitham bin Tariq"),
    # negative: two people share the first name, so the bare name joins neither
    ('Lin Daowei and Lin Bao met on Monday. "We oppose it," Lin said.', "Lin"),
]


@pytest.mark.parametrize(("text", "speaker"), FAMILY_NAME_FIRST)
def test_a_bare_first_name_joins_one_full_name_only(nlp, text, speaker):
    doc = nlp(text)
    actors = find_actors(doc)
    quotes = find_quotes(doc, actors)
    assert [actors.actor(q.speaker).name for q in quotes if q.speaker] == [speaker]
