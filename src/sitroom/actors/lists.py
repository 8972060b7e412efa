"""People named in a list after a plural title: rule ``person.respectively``.

"The foreign ministers of Chad and Niger, A and B respectively, …" and "the Chadian and
Nigerien ministers, A and B respectively": with "respectively" the text pairs the names
with the countries in order. The rule fills a person's country and title only when the
counts agree exactly and the person has no country of their own; any other list is left
alone (a wrong country is worse than none).
"""

from __future__ import annotations

from dataclasses import replace

from sitroom.actors.scan import NounSpan, Scan, title_case
from sitroom.lexicons import words

#: The adverb that pairs two lists in order.
PAIRING_ADVERBS = words("actors_pairing_adverbs")
#: Lexicon entry types that name a country in a title ("of Chad", "Chadian").
_COUNTRY_TYPES = ("country", "adjective")
#: Tokens that may separate the names of one list.
_LIST_JOINERS = (",", "and", "&")


def pair_respectively(scan: Scan) -> None:
    """Give each person of a "respectively" list the country of the same rank."""
    doc = scan.doc
    for token in doc:
        if token.lower_ not in PAIRING_ADVERBS:
            continue
        people = _names_before(scan, token.i)
        if len(people) < 2:
            continue
        first = min(scan.cands[k].start for k in people)
        title = _plural_title(scan, first)
        if title is None:
            continue
        countries = _countries_of(scan, title, first)
        if len(countries) != len(people):
            continue  # "ministers of A, B and C, X and Y respectively": no pairing is safe
        listed = {country for country, _ in countries}
        plural = title_case(title.text)
        for k, (country, text) in zip(people, countries, strict=True):
            cand = scan.cands[k]
            if cand.country is not None and cand.country not in listed:
                continue  # a country of the person's own ("Kenyan-born A"): kept
            own_title = cand.title if cand.title and cand.title != plural else None
            scan.cands[k] = replace(
                cand, country=country, sector=cand.sector or title.noun.sector,
                title=own_title or title_case(title.noun.phrase), rule="person.respectively",
                reason=f"'{title.text}' with '{text}' paired by '{token.text}'", context=False,
            )


def _names_before(scan: Scan, at: int) -> list[int]:
    """Indexes of the person candidates listed right before ``at`` ("A, B and C")."""
    doc = scan.doc
    by_end = {
        c.end: k for k, c in enumerate(scan.cands)
        if c.kind == "person" and c.person and not c.appositive
    }
    found: list[int] = []
    j = at
    while j > 0 and doc[j - 1].text == ",":
        j -= 1
    while True:
        k = by_end.get(j)
        if k is None:
            break
        found.append(k)
        j = scan.cands[k].start
        gap = j
        while gap > 0 and doc[gap - 1].lower_ in _LIST_JOINERS:
            gap -= 1
        if gap == j:
            break
        j = gap
    return sorted(found, key=lambda k: scan.cands[k].start)


def _plural_title(scan: Scan, first: int) -> NounSpan | None:
    """The plural role noun the list stands beside, in the same sentence before it."""
    doc = scan.doc
    sent_start = doc[first].sent.start
    best: NounSpan | None = None
    for noun in scan.nouns.values():
        root = doc[noun.root]
        if (
            noun.noun.kind == "person" and sent_start <= noun.start and noun.end <= first
            and root.tag_ in ("NNS", "NNPS") and (best is None or noun.start > best.start)
        ):
            best = noun
    return best


def _countries_of(scan: Scan, title: NounSpan, first: int) -> list[tuple[str, str]]:
    """Distinct countries named in the title's phrase before the list, in order."""
    doc = scan.doc
    root = doc[title.root]
    tokens = sorted(t.i for t in root.subtree if t.i < first)
    out: list[tuple[str, str]] = []
    seen: set[int] = set()
    for i in tokens:
        match = scan.matches.get(i)
        if match is None or match.start in seen or match.entry.type not in _COUNTRY_TYPES:
            continue
        seen.add(match.start)
        if match.entry.country and all(c != match.entry.country for c, _ in out):
            out.append((match.entry.country, doc[match.start : match.end].text))
    return out


__all__ = ["pair_respectively"]
