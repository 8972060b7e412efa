"""Quotes and speakers: direct, partial, around the reporting clause, scare quotes, unbalanced."""

from __future__ import annotations

import pytest
from tests.sourcing.conftest import index_for

from sitroom.sourcing.quotes import find_quotes, quote_spans

PEOPLE = {
    "Maria Keller": ("person", "DEU"),
    "Tomas Rivera": ("person", "ESP"),
    "Norway": ("state", "NOR"),
    "Chile": ("state", "CHL"),
}

CASES = [
    # (text, quote contains, speaker name or None, kind)
    (
        'Maria Keller said, "We will not accept these terms."',
        "We will not accept",
        "Maria Keller",
        "direct",
    ),
    (
        "Maria Keller remarked, \u201cThe talks went well. We expect more progress soon.\u201d",
        "We expect more progress",
        "Maria Keller",
        "direct",
    ),
    (
        "\u201cThe border stays open for now,\u201d Tomas Rivera said on Friday.",
        "border stays open",
        "Tomas Rivera",
        "direct",
    ),
    (
        "\u201cWe have no plans to retaliate,\u201d said Tomas Rivera, the foreign minister.",
        "no plans to retaliate",
        "Tomas Rivera",
        "direct",
    ),
    (
        "Tomas Rivera arrived in Oslo. \u201cThe ceasefire must hold,\u201d he said.",
        "ceasefire must hold",
        "Tomas Rivera",
        "direct",
    ),
    (
        "Maria Keller stressed that Norway remains "
        "\u201cfully committed to the accord and its goals.\u201d",
        "fully committed",
        "Maria Keller",
        "partial",
    ),
    (
        "Tomas Rivera confirmed the meeting, noting that both delegations held "
        "\u201cfrank exchanges\u201d.",
        "frank exchanges",
        "Tomas Rivera",
        "partial",
    ),
]


@pytest.mark.parametrize(("text", "contains", "speaker", "kind"), CASES)
def test_quote_and_speaker(parse, text, contains, speaker, kind):  # type: ignore[no-untyped-def]
    doc = parse(text)
    actors = index_for(doc, PEOPLE)
    quotes = find_quotes(doc, actors)
    hits = [q for q in quotes if contains in q.text]
    assert len(hits) == 1, quotes
    quote = hits[0]
    assert doc.text[quote.start : quote.end] == quote.text
    name = actors.actor(quote.speaker).name if quote.speaker else None  # type: ignore[union-attr]
    assert name == speaker
    assert quote.kind == kind
    assert quote.cue


NOT_QUOTES = [
    # scare quotes and titles without a reporting verb are not quotes with a speaker
    "Norway signed an \u201ciron friendship\u201d pledge with Chile.",
    'Tomas Rivera watched the film "Dune" on the flight to Chile.',
    "Chile signed the so-called \u201cblue deal\u201d in March.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_scare_quotes_and_titles_are_skipped(parse, text):  # type: ignore[no-untyped-def]
    doc = parse(text)
    assert find_quotes(doc, index_for(doc, PEOPLE)) == []


def test_unbalanced_quote_does_not_swallow_the_document(parse):  # type: ignore[no-untyped-def]
    text = (
        'Maria Keller said "the vote was rigged in several districts.\n'
        "Chile sent observers.\n"
        'Tomas Rivera said, "We respect the result."'
    )
    doc = parse(text)
    quotes = find_quotes(doc, index_for(doc, PEOPLE))
    assert any("We respect the result" in q.text for q in quotes)
    assert all("\n" not in q.text for q in quotes)
    assert all("Chile sent observers" not in q.text for q in quotes)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ('He said "a b" and "c d".', ["a b", "c d"]),
        ("\u201cone\u201d \u201ctwo\u201d", ["one", "two"]),
        ('She wrote: "The "new" plan fails." Then left.', ['The "new" plan fails.']),
        ('A stray " mark\nnext line "quoted" here', [" mark", "quoted"]),
        ("No quotes at all.", []),
    ],
)
def test_quote_spans(text, inside):  # type: ignore[no-untyped-def]
    assert [text[s.start : s.end] for s in quote_spans(text)] == inside


def test_quote_spanning_sentences_and_surname(parse):  # type: ignore[no-untyped-def]
    text = (
        "Maria Keller met the envoy. Keller said, \u201cWe are close. "
        "A deal could come this week.\u201d"
    )
    doc = parse(text)
    actors = index_for(doc, {"Maria Keller": ("person", "DEU"), "Keller": ("person", "DEU")})
    quotes = find_quotes(doc, actors)
    assert len(quotes) == 1
    assert quotes[0].text == "We are close. A deal could come this week."
    assert quotes[0].speaker_text == "Keller"


def test_standalone_quote_takes_previous_subject(parse):  # type: ignore[no-untyped-def]
    text = (
        'Tomas Rivera criticized the plan on Sunday. "This plan ignores the farmers '
        'and the workers who depend on the port."'
    )
    doc = parse(text)
    quotes = find_quotes(doc, index_for(doc, PEOPLE))
    assert len(quotes) == 1
    assert quotes[0].speaker_text and "Tomas Rivera" in quotes[0].speaker_text
