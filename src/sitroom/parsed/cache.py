"""Per-document memos of what spaCy recomputes on every access.

``Doc.text``, ``Doc.ents`` and ``Doc.sents`` are rebuilt each time they are read; in a
long document, stages that read them per event or per actor become quadratic. After the
parse none of them changes, so each is computed once per document and kept in
``doc.user_data``.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc, Span

_KEY = "sitroom.cache"


def _memo(doc: Doc) -> dict[str, object]:
    memo = doc.user_data.get(_KEY)
    if memo is None or memo.get("length") != len(doc):  # type: ignore[union-attr]
        memo = {"length": len(doc)}
        doc.user_data[_KEY] = memo
    return memo  # type: ignore[return-value]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once."""
    memo = _memo(doc)
    if "text" not in memo:
        memo["text"] = doc.text
    return memo["text"]  # type: ignore[return-value]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once (call only after the entity recogniser)."""
    memo = _memo(doc)
    if "ents" not in memo:
        memo["ents"] = tuple(doc.ents)
    return memo["ents"]  # type: ignore[return-value]


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, computed once (call only after the parser)."""
    memo = _memo(doc)
    if "sents" not in memo:
        memo["sents"] = tuple(doc.sents)
    return memo["sents"]  # type: ignore[return-value]


def _forms(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    """Each token's ``text``, ``lower_`` and ``lemma_.lower()``, read from one array: no
    ``Token`` is built and each distinct string is decoded once."""
    memo = _memo(doc)
    if "forms" not in memo:
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LOWER, LEMMA]).tolist() if len(doc) else []
        columns = [[row[k] for row in rows] for k in range(3)]
        texts = {key: strings[key] for key in set(columns[0]) | set(columns[1])}
        lemma_text = {key: strings[key].lower() for key in set(columns[2])}
        memo["forms"] = ([texts[key] for key in columns[0]], [texts[key] for key in columns[1]],
                         [lemma_text[key] for key in columns[2]])
    return memo["forms"]  # type: ignore[return-value]


def token_texts(doc: Doc) -> list[str]:
    """``token.text`` of every token, by index, computed once (do not modify the list)."""
    return _forms(doc)[0]


def token_lowers(doc: Doc) -> list[str]:
    """``token.lower_`` of every token, by index, computed once (do not modify the list)."""
    return _forms(doc)[1]


def lemma_lowers(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token, by index, computed once (call only after
    the lemmatiser; do not modify the list)."""
    return _forms(doc)[2]


class TokenTags(NamedTuple):
    """Parse attributes of every token, by index (see :func:`token_tags`)."""

    pos: list[str]  # ``token.pos_``
    tag: list[str]  # ``token.tag_``
    dep: list[str]  # ``token.dep_``
    head: list[int]  # ``token.head.i``
    sent_start: list[bool]  # ``bool(token.is_sent_start)``
    punct: list[bool]  # ``token.is_punct``
    alpha: list[bool]  # ``token.is_alpha``
    lemma: list[str]  # ``token.lemma_``


def token_tags(doc: Doc) -> TokenTags:
    """The parse attributes of every token, read from one array and computed once (call
    only after the parser; do not modify the lists): a stage can pick the few tokens it
    needs before building any ``Token``."""
    memo = _memo(doc)
    if "tags" not in memo:
        attrs = [POS, TAG, DEP, HEAD, SENT_START, IS_PUNCT, IS_ALPHA, LEMMA]
        rows = doc.to_array(attrs).tolist() if len(doc) else []  # unsigned: -1 is 2**64 - 1
        columns = [[row[k] for row in rows] for k in range(len(attrs))]
        strings = doc.vocab.strings
        names = {key: strings[key] for key in {*columns[0], *columns[1], *columns[2], *columns[7]}}
        memo["tags"] = TokenTags(
            [names[key] for key in columns[0]], [names[key] for key in columns[1]],
            [names[key] for key in columns[2]],
            [(i + off) % 2**64 for i, off in enumerate(columns[3])],
            [value == 1 for value in columns[4]], [bool(v) for v in columns[5]],
            [bool(v) for v in columns[6]], [names[key] for key in columns[7]])
    return memo["tags"]  # type: ignore[return-value]
