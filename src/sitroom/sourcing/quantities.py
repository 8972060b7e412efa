"""Numbers tied to events and actors: counts, casualties, money, percentages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitroom.parsed.cache import doc_ents
from sitroom.record import Quantity
from sitroom.sourcing.common import lexicon
from sitroom.sourcing.lexicon import number_parts

NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
EXCLUDED_LABELS = {
    "DATE",
    "TIME",
    "ORDINAL",
    "PERSON",
    "ORG",
    "LAW",
    "PRODUCT",
    "FAC",
    "WORK_OF_ART",
    "EVENT",
    "GPE",
    "LOC",
}
NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "conj"}
CACHE_KEY = "sitroom.sourcing.quantities"


@dataclass(frozen=True)
class QuantityFinding:
    """A quantity with its token span and the token it counts (``head``), if any."""

    quantity: Quantity
    token_start: int
    token_end: int
    head: int | None


def _num_lex() -> dict[str, object]:
    """The ``numbers`` block of the sourcing lexicon."""
    data: dict[str, object] = lexicon()["numbers"]
    return data


def parse_number(words: list[str]) -> float | None:
    """The value of number words/digits (``1.5 million``, ``three``, ``8,000``), or None."""
    units, scales = number_parts()
    total = 0.0
    current: float | None = None
    seen = False
    for raw in words:
        word = raw.lower().strip(",")
        for part in re.split(r"-(?=[a-z])", word) if not NUMBER_RE.fullmatch(word) else [word]:
            if not part or (part in {"and", "a", "an"} and seen):
                continue
            if NUMBER_RE.fullmatch(part):
                current = (current or 0) + float(part.replace(",", ""))
                seen = True
            elif (part in units and part not in {"a", "an"}) or (part in {"a", "an"} and not seen):
                current = (current or 0) + units[part]
                seen = True
            elif part in scales:
                current = (current if current is not None else 1) * scales[part]
                if scales[part] >= 1000:
                    total += current
                    current = None
                seen = True
            else:
                return None
    if not seen:
        return None
    value = total + (current or 0)
    return value


def _clean(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _is_year(token: Token) -> bool:
    """A bare four-digit number read as a year unless it counts a plural noun."""
    if not re.fullmatch(r"(1[5-9]|20)\d\d", token.text):
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not (nxt is not None and nxt.tag_ == "NNS" and token.dep_ == "nummod")


def _is_age(tokens: list[Token]) -> bool:
    doc = tokens[0].doc
    end = tokens[-1].i + 1
    after = doc[end : end + 3].text.lower().replace(" - ", "-").replace(" ", " ")
    before = doc[max(0, tokens[0].i - 1) : tokens[0].i].text.lower()
    cues: dict[str, list[str]] = _num_lex()["age_cues"]  # type: ignore[assignment]
    return after.startswith(tuple(cues["after"])) or before in cues["before"]


def _unit(first: Token, last: Token, head_hint: Token | None) -> tuple[str | None, Token | None]:
    """The thing counted: the noun a number modifies, ``thousands of X``, or the verb."""
    doc = first.doc
    span_ids = set(range(first.i, last.i + 1))
    root = head_hint or last
    # 8,000 soldiers / three senior diplomats
    if root.dep_ in {"nummod", "quantmod", "compound", "amod"} and root.head.i not in span_ids:
        head = root.head
        if head.pos_ in {"NOUN", "PROPN"}:
            return head.lemma_.lower() if head.tag_ == "NNS" else head.text.lower(), head
    # thousands of soldiers
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}:
                    return obj.lemma_.lower(), obj
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if (
        nxt is not None
        and nxt.pos_ == "NOUN"
        and nxt.dep_ in {"nsubj", "dobj", "pobj", "nsubjpass", "attr", "conj", "appos"}
    ):
        return nxt.lemma_.lower(), nxt
    # 190 were dead / killed twelve
    if root.dep_ in {"nsubj", "nsubjpass"}:
        for sib in root.head.children:
            if sib.dep_ in {"acomp", "attr"} and sib.pos_ in {"ADJ", "VERB"}:
                return sib.text.lower(), root.head
        if root.head.pos_ == "VERB" and root.dep_ == "nsubjpass":
            return root.head.text.lower(), root.head
    if root.dep_ in {"dobj", "conj", "npadvmod", "attr"} and root.head.pos_ == "VERB":
        return root.head.text.lower(), root.head
    return None, root.head if root.head is not root else None


def _build(doc: Doc, start: int, end: int) -> QuantityFinding | None:
    lex = _num_lex()
    tokens = [doc[i] for i in range(start, end)]
    text_low = " ".join(t.lower_ for t in tokens)
    approx = False
    unit: str | None = None
    words: list[str] = []
    approximators: list[str] = lex["approximators"]  # type: ignore[assignment]
    currencies: dict[str, str] = lex["currencies"]  # type: ignore[assignment]
    vague: list[str] = lex["vague_plurals"]  # type: ignore[assignment]
    approx_words: list[str] = lex["approximator_words"]  # type: ignore[assignment]
    percent: list[str] = lex["percent"]  # type: ignore[assignment]
    scales = number_parts()[1]
    # approximators just before the span (not covered by the entity)
    before = doc[max(0, start - 3) : start]
    for size in (3, 2, 1):
        if len(before) >= size and " ".join(t.lower_ for t in before[-size:]) in approximators:
            approx = True
            start -= size
            tokens = [doc[i] for i in range(start, end)]
            break
    range_seen = False
    for token in tokens:
        low = token.lower_
        if low in currencies and not words:
            unit = currencies[low]
            continue
        if low in currencies and words:
            unit = currencies[low]
            continue
        if low in percent:
            unit = "percent"
            continue
        joiner = low in {"and", "to", "\u2013", "-", "\u2014"} and words and token.i < tokens[-1].i
        if joiner and (doc[token.i + 1].like_num or doc[token.i + 1].lower_ in currencies):
            range_seen = True
            approx = True
            break
        if not words and (low in approximators or low in approx_words):
            approx = True
            continue
        m = re.fullmatch(r"(\d[\d,.]*)[\u2013-](\d[\d,.]*)", token.text)
        if m:
            words.append(m.group(1))
            approx = True
            range_seen = True
            break
        words.append(token.text)
    if range_seen:
        # take the scale of the upper bound (``between $5 and $7 billion``)
        tail = [t.lower_ for t in tokens if t.lower_ in scales]
        words += tail[-1:] if tail and not any(w.lower() in scales for w in words) else []
        for t in tokens:
            if t.lower_ in percent:
                unit = "percent"
            elif t.lower_ in currencies:
                unit = currencies[t.lower_]
    if not words:
        return None
    if text_low in vague or (len(words) == 1 and words[0].lower() in vague):
        value = None
        approx = True
    else:
        if any(w.lower() in vague for w in words):
            value = None
            approx = True
        else:
            value = parse_number(words)
            if value is None:
                return None
    last = doc[end - 1]
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ in percent:
        unit = "percent"
        end += 1
    elif after is not None and after.lower_ in currencies and unit is None:
        unit = currencies[after.lower_]
        end += 1
    num_tokens = [t for t in tokens if t.like_num or t.lower_ in vague or t.lower_ in scales]
    head_hint = num_tokens[-1] if num_tokens else last
    head_tok: Token | None
    if unit is None:
        unit, head_tok = _unit(doc[start], doc[end - 1], head_hint)
    else:
        _, head_tok = _unit(doc[start], doc[end - 1], head_hint)
    span = doc[start:end]
    quantity = Quantity(
        value=_clean(value),
        approximate=approx,
        unit=unit,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
    )
    return QuantityFinding(quantity, start, end, head_tok.i if head_tok is not None else None)


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    covered: set[int] = set()
    vague: list[str] = _num_lex()["vague_plurals"]  # type: ignore[assignment]
    for ent in doc_ents(doc):
        if ent.label_ in NUMERIC_LABELS:
            spans.append((ent.start, ent.end))
            covered.update(range(ent.start, ent.end))
        elif ent.label_ in EXCLUDED_LABELS:
            covered.update(range(ent.start, ent.end))
    for token in doc:
        if token.i in covered:
            continue
        if token.like_num or token.lower_ in vague:
            end = token.i + 1
            while end < len(doc) and doc[end].like_num and end not in covered:
                end += 1
            spans.append((token.i, end))
            covered.update(range(token.i, end))
    return sorted(spans)


def find_quantities(doc: Doc) -> list[QuantityFinding]:
    """Every quantity in the document (years, dates, times, ordinals and ages left out)."""
    cached = doc.user_data.get(CACHE_KEY)
    if cached is not None:
        return list(cached)
    findings: list[QuantityFinding] = []
    for start, end in _candidates(doc):
        tokens = [doc[i] for i in range(start, end)]
        if len(tokens) == 1 and _is_year(tokens[0]) and tokens[0].ent_type_ != "MONEY":
            continue
        if _is_age(tokens):
            continue
        lone = all(t.lower_ in {"one", "a", "an"} for t in tokens if not t.is_punct)
        if lone and tokens[-1].dep_ != "nummod":
            continue
        if any(t.pos_ == "PROPN" and not t.like_num for t in tokens):
            continue
        # "the two" standing for actors named before is a reference, not a count
        if start > 0 and doc[start - 1].lower_ == "the" and tokens[-1].dep_ not in {"nummod"}:
            continue
        finding = _build(doc, start, end)
        if finding is not None:
            findings.append(finding)
    doc.user_data[CACHE_KEY] = tuple(findings)
    return findings


def quantities_for(tokens: Iterable[Token]) -> tuple[Quantity, ...]:
    """Quantities tied to the given tokens (a trigger and its argument heads).

    A quantity is tied to a token when it lies on it, counts it, or counts one of its
    subject/object children (``12 people were killed``: passing ``killed`` is enough).
    """
    toks = list(tokens)
    if not toks:
        return ()
    doc = toks[0].doc
    ids = {t.i for t in toks}
    for t in toks:
        ids.update(c.i for c in t.children if c.dep_ in ARGUMENT_DEPS)
    found: list[Quantity] = []
    for finding in find_quantities(doc):
        span_ids = set(range(finding.token_start, finding.token_end))
        tied = bool(span_ids & ids) or (finding.head is not None and finding.head in ids)
        if tied and finding.quantity not in found:
            found.append(finding.quantity)
    return tuple(found)
