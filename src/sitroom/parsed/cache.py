"""Per-document memos of what spaCy recomputes on every access.

``Doc.text``, ``Doc.ents`` and ``Doc.sents`` are rebuilt each time they are read; in a
long document, stages that read them per event or per actor become quadratic. After the
parse none of them changes, so each is computed once per document and kept in
``doc.user_data``.
"""

from __future__ import annotations

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
