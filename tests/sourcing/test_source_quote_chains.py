"""Sources and speakers, second grammar: outlets that project or call, conjoined and cited
sources, who counts as anonymous, quotes that continue the last speaker, inverted and
relative speakers, documents that are read out. Every table has rows where the rule must not
fire."""

from __future__ import annotations

import pytest

from sitroom.actors.resolve import find_actors
from sitroom.sourcing.quotes import find_quotes
from sitroom.sourcing.sources import distinct_sources, find_sources


def _sources(nlp, text):
    doc = nlp(text)
    actors = find_actors(doc)
    return distinct_sources(find_sources(doc, actors))


def _speakers(nlp, text):
    doc = nlp(text)
    actors = find_actors(doc)
    return [(q.text, actors.actor(q.speaker).name if q.speaker else None)
            for q in find_quotes(doc, actors)]


# sentence, texts (contained) of the sources it must have, texts it must not have
SOURCES = [
    # a news outlet that projects or calls a result
    ("The winner was projected by several media outlets on Saturday.", ["media outlets"], []),
    ("The vote, which two news networks have projected the senator won, was close.",
     ["news networks"], []),
    ("The farmers called the meeting on Monday.", [], ["farmers"]),
    # a second agent conjoined to the first
    ("The suspect was reported by The Guardian as a thief and by Reuters as a robber.",
     ["Guardian", "Reuters"], []),
    # a report citing an office: both are sources; a reason cited is none
    ("According to a report citing the mayor's office, twenty people were held.",
     ["a report", "mayor's office"], []),
    ("The minister resigned, citing health reasons.", [], ["reasons"]),
    # the named outlet a statement was given to or published in
    ("A government source told Reuters the ban was coming.", ["government source", "Reuters"], []),
    ("Dana Orr said in an interview with the BBC that the ban was coming.",
     ["Dana Orr", "BBC"], []),
    ("Dana Orr told reporters that the ban was coming.", ["Dana Orr"], ["reporters"]),
    ("Dana Orr told Tomas Vell that the ban was coming.", ["Dana Orr"], ["Tomas Vell"]),
    # critics and other people who claim are sources; a thing that claims is none
    ("Critics have claimed the move is unlawful.", ["Critics"], []),
    ("The storm claimed three lives.", [], ["storm"]),
]


@pytest.mark.parametrize(("text", "present", "absent"), SOURCES)
def test_source_grammar_rows(nlp, text, present, absent):
    texts = [s.text for s in _sources(nlp, text)]
    for want in present:
        assert any(want in t for t in texts), texts
    for unwanted in absent:
        assert not any(unwanted in t for t in texts), texts


# sentence, the contained text of a source, whether it is anonymous
ANONYMITY = [
    # a spokesperson speaks on the record for a body: not anonymous
    ("A hospital spokesperson said the minister had two wounds.", "hospital spokesperson", False),
    # an unnamed source, or one who asked not to be named, is
    ("A government source said the talks had failed.", "government source", True),
    ("An official, who asked not to be named, said the talks had failed.", "official", True),
]


@pytest.mark.parametrize(("text", "contains", "anonymous"), ANONYMITY)
def test_who_is_anonymous(nlp, text, contains, anonymous):
    found = [s for s in _sources(nlp, text) if contains in s.text]
    assert found and all(s.anonymous is anonymous for s in found)


# text, contained text of one quote, its speaker (None: no speaker)
SPEAKERS = [
    # a quote standing alone right after an attributed one continues its speaker
    ('"The plan is sound," Dana Orr told reporters on Monday. "We will not change it."',
     "We will not change", "Dana Orr"),
    ('"The plan is sound," Dana Orr said.\n"We will not change it. The vote is next week."',
     "We will not change", "Dana Orr"),
    # negative: a sentence of narration between them breaks the chain
    ('"The plan is sound," Dana Orr said. The vote was delayed. "Nobody knows why it failed."',
     "Nobody knows why", None),
    # "…," wrote X: the name after the verb is its subject even when parsed as an object
    ('"I asked the adviser to leave last night and he agreed," wrote Dana Orr on her blog.',
     "I asked the adviser", "Dana Orr"),
    # negative: "…," told X: X is spoken to
    ('"We have to leave now," told Dana Orr nothing new.', "We have to leave", None),
    # a relative pronoun stands for the person it follows
    ('The crowd cheered Dana Orr, who called the ruling a "shameful mistake".',
     "shameful mistake", "Dana Orr"),
    # a document read out gives the words of whoever issued it
    ('The decree signed by Dana Orr read "All ports will stay closed until further notice."',
     "All ports will stay", "Dana Orr"),
    ('"All ports will stay closed until further notice," reads Dana Orr\'s statement.',
     "All ports will stay", "Dana Orr"),
    # negative: a document read out by an issuer the text does not name has no speaker,
    # not the last person quoted
    ('Dana Orr spoke first. A statement released later read "All ports will stay closed until '
     'further notice."', "All ports will stay", None),
    # "she was told by X of …": the agent speaks, the passive subject listens
    ('Dana Orr arrived late. She was told by the minister Tomas Vell of "between 36 and 40 people '
     'under the rubble".', "between 36 and 40", "Tomas Vell"),
    # negative: a book being read is no document speaking
    ('Pupils read "The Long Way Home and Other Tales" in class.', "The Long Way Home", None),
    # a short quote credited by "according to" in its own sentence
    ('The minister suffered "two deep wounds" according to Dana Orr.', "two deep wounds",
     "Dana Orr"),
    # "the archbishop": an unnamed title stands for the person last introduced with it
    ('The plan was criticised by archbishop Tomas Vell. Later the archbishop said "We must pray '
     'for peace in the region."', "We must pray", "Tomas Vell"),
]


@pytest.mark.parametrize(("text", "contains", "speaker"), SPEAKERS)
def test_speaker_rows(nlp, text, contains, speaker):
    found = [s for q, s in _speakers(nlp, text) if contains in q]
    if speaker is None:
        assert all(s is None for s in found)
    else:
        assert found == [speaker]


# sentence, the kind of its one source
KINDS = [
    # an outlet known by the last word of its name
    ("According to the Lakeside Post, six people died.", "media"),
    ("The Northgate Globe reported that six people died.", "media"),
    # negative: a name ending in an outlet word that is not the head stays what it is
    ("The Post Office said letters were delayed.", "official"),
    # a rights group or watchdog is a monitoring group
    ("Human rights group Vell Watch said six people died.", "monitoring"),
    # a think tank described by apposition is an expert source
    ("The Kemp Foundation, a think tank, said the move was risky.", "expert"),
    # a company speaks for itself, not as an official
    ("The company said in a statement that six workers died.", "observer"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_source_kinds(nlp, text, kind):
    assert [s.kind for s in _sources(nlp, text)] == [kind]
