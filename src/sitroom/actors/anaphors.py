"""A definite body noun that stands for a body named earlier ("coref.body").

"The Lakeside Electoral Commission published the results. The commission said …": "the
commission" is the one commission named before it in the document, and joins that actor
(its country, sector and name). The link is made only when exactly one earlier body named
with a country of its own has that head noun, and only for a bare "the" + noun; with two or
more (or none), the noun keeps whatever the context rules give it, which for a weak noun is
often nothing. Never across head nouns ("the ministry" does not join a named commission),
and a person noun is never such an anaphor.
"""

from __future__ import annotations

from dataclasses import replace

from sitroom.actors.lexicon import normalize
from sitroom.actors.scan import Cand, Scan


def _named(scan: Scan, cand: Cand) -> bool:
    """Whether a candidate is a body called by its proper name (capitalised head noun
    inside the name, not at a sentence start; not itself a context guess)."""
    head = scan.doc[cand.head]
    return (
        cand.kind == "organization"
        and not cand.context
        and head.text[:1].isupper()
        and not head.is_sent_start
        and cand.start < cand.head
    )


def body_anaphors(scan: Scan) -> None:
    """Join "the commission" to the one commission named earlier (see the module)."""
    doc = scan.doc
    by_head = {cand.head: k for k, cand in enumerate(scan.cands)}
    for i, span in sorted(scan.nouns.items()):
        head = doc[i]
        if span.noun.kind != "organization" or span.end - span.start != 1 \
                or not head.text[:1].islower():
            continue
        det = next((c for c in head.children if c.dep_ == "det" and c.lower_ == "the"), None)
        if det is None or det.i != i - 1:
            continue  # "the commission" only: no modifier that could name another body
        k = by_head.get(i)
        own = scan.cands[k] if k is not None else None
        if own is not None and not (own.context and own.country is None):
            continue  # a body with a country of its own
        if own is None and any(j in scan.claimed for j in (det.i, i)):
            continue
        ante = _one_antecedent(scan, i, head.lemma_.lower())
        if ante is None:
            continue
        name = ante.name or doc[ante.start : ante.end].text
        reason = f"noun '{head.text}'; coref.body: 'the {head.text}' -> '{name}'"
        joined = Cand(det.i, i + 1, i, "coref.body", reason, ante.kind, ante.country,
                      ante.sector, ante.code, name=ante.name, phrase=ante.phrase, key=ante.key)
        if own is None:
            scan.add(joined)
        else:
            assert k is not None
            scan.cands[k] = replace(joined, start=own.start, end=own.end)


def _one_antecedent(scan: Scan, before: int, lemma: str) -> Cand | None:
    """The one body named before token ``before`` whose head noun has this lemma; None
    when there is none or more than one."""
    doc = scan.doc
    earlier: dict[tuple[str, str | None], Cand] = {}
    for other in scan.cands:
        if other.start >= before or not _named(scan, other):
            continue
        if doc[other.head].lemma_.lower() != lemma:
            continue
        name = other.name or doc[other.start : other.end].text
        earlier.setdefault((normalize(name), other.country), other)
    return next(iter(earlier.values())) if len(earlier) == 1 else None
