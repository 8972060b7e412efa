"""``parsed.cache.token_tags`` reads the parse of every token from one array: it must give
what the ``Token`` attributes give, for every token, or the stages that pre-filter tokens
with it would pick other tokens than before."""

from __future__ import annotations

import pytest
from tests.actors.actor_helpers import nlp

from sitroom.parsed.cache import token_tags

TEXTS = [
    # several sentences: sentence starts, roots whose head is themselves
    "Soldiers crossed the river. The ministry denied it! Talks resumed on Monday.",
    # hyphenated prefix, punctuation inside, a possessive, a number
    "Ex-soldiers and counter-protesters met in Lakeview; the mayor's office said 12 left.",
    # a token that is no sentence start after a colon, quotes, a lone dash
    "He said: \"We will not leave\" - and the crowd cheered.",
]


def _expected(doc):
    return [(t.pos_, t.tag_, t.dep_, t.head.i, bool(t.is_sent_start), t.is_punct, t.is_alpha,
             t.lemma_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_token_tags_match_token_attributes(text):
    doc = nlp()(text)
    tags = token_tags(doc)
    got = list(zip(tags.pos, tags.tag, tags.dep, tags.head, tags.sent_start, tags.punct,
                   tags.alpha, tags.lemma, strict=True))
    assert got == _expected(doc)


def test_heads_point_left_and_right():
    # negative offsets (a head before its token) must not wrap around
    doc = nlp()("The old soldiers of the northern unit crossed quickly.")
    heads = token_tags(doc).head
    assert any(h < i for i, h in enumerate(heads)) and any(h > i for i, h in enumerate(heads))
    assert all(0 <= h < len(doc) for h in heads)


def test_only_first_tokens_of_sentences_start_one():
    doc = nlp()("Rain fell. Roads closed.")
    assert [i for i, s in enumerate(token_tags(doc).sent_start) if s] == [0, 3]


def test_empty_document():
    assert token_tags(nlp()("")) == ([], [], [], [], [], [], [], [])
