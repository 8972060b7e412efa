"""Speakers and sources on constructions that fooled the stage on unseen news: a passive
reporting verb, a possessor, an ``according to`` early in a long sentence, a verb of
thanking, a person's title, coordinated titles of one person. A wrong speaker is worse
than none, so several rows expect no speaker. Every table has rows where the rule must
not fire."""

from __future__ import annotations

import pytest

from sitroom.actors.resolve import find_actors
from sitroom.sourcing.quotes import find_quotes
from sitroom.sourcing.sources import distinct_sources, find_sources


def _speakers(nlp, text, contains):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors = find_actors(doc)
    hits = [q for q in find_quotes(doc, actors) if contains in q.text]
    return [actors.actor(q.speaker).name if q.speaker else None for q in hits]  # type: ignore[union-attr]


# sentence, words of the quote, a word of the speaker's name or None for no speaker
SPEAKERS = [
    # passive "described as": the one who speaks is the "by" agent, never the subject
    ('Lena Ortiz, who was described as "reckless" by the police, left the city.', "reckless",
     "police"),
    ('Lena Ortiz was described as "a careful and patient negotiator" in the capital.',
     "careful and patient", None),
    # negative: with "quoted" the passive subject is the speaker, the "by" is the outlet
    ('Tomas Brandt was quoted by the Harbor Post as "deeply worried".', "deeply worried",
     "Brandt"),
    # a possessor is someone else: "his daughter" is not he
    ("Mayor Tomas Brandt was reported missing on Monday. At noon his daughter told the police "
     'he "left home early this morning without his phone."', "left home early", None),
    # negative: the pronoun itself still stands for the person
    ('Tomas Brandt spoke at noon. He told the police he "had left home early that morning."',
     "left home early", "Brandt"),
    # "according to X" opening a long sentence credits a quote at its end
    ("According to the prosecutor Dana Wolff, the diary, if it was kept by the suspect, would "
     'help the case against the three men: "What matters is that it shows a plan made weeks '
     'ahead."', "What matters", "Wolff"),
    ("Omar Haddad spoke on the radio. According to him, the raid was one of the largest "
     'operations of the year and was done with the help of "loyal friends inside the port".',
     "loyal friends", "Haddad"),
    # the one spoken to in a clause of saying on the subject is not the speaker
    ('A witness who talked to the BBC on Monday said, "I saw a man running with a bag from '
     'the store."', "I saw a man", None),
    # negative: a body in a plain phrase of the subject still speaks through it
    ('An official from the Interior Ministry said, "The border will stay closed all week."',
     "border will stay", "Interior Ministry"),
    # a verb of thanking governs the quoted words of its subject
    ('The mayor of the city, Ana Lind, thanked "the firefighters and nurses for their quick and '
     'brave work".', "firefighters and nurses", "Lind"),
]


@pytest.mark.parametrize(("text", "contains", "speaker"), SPEAKERS)
def test_speaker_or_refusal(nlp, text, contains, speaker):  # type: ignore[no-untyped-def]
    names = _speakers(nlp, text, contains)
    assert len(names) == 1, names
    if speaker is None:
        assert names == [None]
    else:
        assert names[0] is not None and speaker in names[0]


def test_according_to_in_an_earlier_sentence_credits_no_quote(nlp):  # type: ignore[no-untyped-def]
    text = ("According to Omar Haddad, the raid failed. The next morning the port was calm, and "
            'the walls carried the words "loyal friends inside the port".')
    names = _speakers(nlp, text, "loyal friends")
    assert all(name is None or "Haddad" not in name for name in names)


def _sources(nlp, text):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return distinct_sources(find_sources(doc, find_actors(doc)))


# sentence, (text contained in the one source, its kind), or None for no source
SOURCES = [
    ("His associates had alleged that the banker Tomas Brandt was poisoned.",
     ("associates", "observer")),
    ('"There is a pattern here," criminology professor Ana Lind told reporters.',
     ("Ana Lind", "expert")),
    # negative: an office before the name keeps the person an official
    ("Deputy governor Ana Lind told reporters the road was open.", ("Ana Lind", "official")),
    ("The Harbor Mail reported that the bridge was closed.", ("Harbor Mail", "media")),
    ("According to witness accounts, a man stabbed two people.", ("witness accounts", "document")),
    # negatives: a noun of the lists that reports nothing, a verb of thanking
    ("The bank froze his accounts on Monday.", None),
    ("Ana Lind thanked the nurses on Monday.", None),
]


@pytest.mark.parametrize(("text", "want"), SOURCES)
def test_source_and_kind(nlp, text, want):  # type: ignore[no-untyped-def]
    sources = _sources(nlp, text)
    if want is None:
        assert sources == []
    else:
        assert [(want[0] in s.text, s.kind) for s in sources] == [(True, want[1])]


# sentence, how many sources it names
COORDINATED = [
    # two titles of one person before her name: one source, not an extra unnamed one
    ("Harbor University history expert and former army official, Ana Lind, said the plan "
     "would fail.", 1),
    # negative: a conjunct with its own determiner is another person
    ("The minister and his deputy, Ana Lind, said the plan would fail.", 2),
    ("Ana Lind and a local official said the plan would fail.", 2),
]


@pytest.mark.parametrize(("text", "count"), COORDINATED)
def test_coordinated_titles_of_one_person(nlp, text, count):  # type: ignore[no-untyped-def]
    sources = _sources(nlp, text)
    assert len(sources) == count, sources
    assert any("Ana Lind" in s.text for s in sources)


# sentence, the text a source must have exactly
EXTENTS = [
    # a clause on the noun whose first words come before its verb is cut off
    ("The Harbor Post cited a security source that money may be a motive in the attack.",
     "a security source"),
    # negative: a name with a verb inside it stays whole
    ("The Committee to Protect Journalists said two reporters were held.",
     "The Committee to Protect Journalists"),
]


@pytest.mark.parametrize(("text", "exact"), EXTENTS)
def test_source_phrase_ends_where_a_clause_begins(nlp, text, exact):  # type: ignore[no-untyped-def]
    assert exact in [s.text for s in _sources(nlp, text)]


def _hand_parsed(nlp, verb: str, lemma: str):  # type: ignore[no-untyped-def]
    """A quote followed by ``VERB Mayor Rosa Berg``, parsed the way the parser sometimes
    gets it wrong: the verb hangs under the name, the name under the quoted clause."""
    from spacy.tokens import Doc

    words = ["Ana", "Lind", "left", ".", '"', "He", "stayed", "with", "the", "nurses", "all",
             "night", '"', verb, "Mayor", "Rosa", "Berg", "."]
    spaces = [True, True, False, True, False, True, True, True, True, True, True, False, True,
              True, True, True, False, False]
    heads = [1, 2, 2, 2, 6, 6, 6, 6, 9, 7, 11, 6, 6, 14, 6, 16, 14, 6]
    deps = ["compound", "nsubj", "ROOT", "punct", "punct", "nsubj", "ROOT", "prep", "det", "pobj",
            "det", "npadvmod", "punct", "amod", "npadvmod", "compound", "appos", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "ADP", "DET", "NOUN",
           "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"]
    lemmas = ["Ana", "Lind", "leave", ".", '"', "he", "stay", "with", "the", "nurse", "all",
              "night", '"', lemma, "Mayor", "Rosa", "Berg", "."]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas)


# the verb after the quote, its lemma, the speaker's name or None
AFTER_QUOTE = [
    # a subject inside the quotation ("He") is the quote's words: the name after the verb speaks
    ("tweeted", "tweet", "Mayor Rosa Berg"),
    # negative: after "told" the name is the one spoken to, so nobody is the speaker
    ("told", "tell", None),
]


@pytest.mark.parametrize(("verb", "lemma", "speaker"), AFTER_QUOTE)
def test_a_subject_inside_the_quote_never_speaks(nlp, verb, lemma, speaker):  # type: ignore[no-untyped-def]
    from tests.sourcing.conftest import index_for

    doc = _hand_parsed(nlp, verb, lemma)
    actors = index_for(doc, {"Ana Lind": ("person", None), "Mayor Rosa Berg": ("person", None)})
    quotes = [q for q in find_quotes(doc, actors) if "stayed with the nurses" in q.text]
    assert len(quotes) == 1, quotes
    name = actors.actor(quotes[0].speaker).name if quotes[0].speaker else None  # type: ignore[union-attr]
    assert name == speaker
