"""Ships as actors: rule ``org.vessel``.

"a Norwegian tanker", "the Liberian-flagged container ship", "a tanker owned by a Greek
firm", "the merchant vessel Coral Star". Warships are MIL, other ships BUS; the owner's
country wins over the flag's.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.actors.clues import MODIFIER_DEPS, clue_of_head, np_start
from sitroom.actors.knowledge import NON_STATE_CODES
from sitroom.actors.scan import Cand, Scan, strip_det
from sitroom.lexicons import words
from sitroom.parsed.cache import lemma_lowers

#: Head noun lemmas of commercial ships (sector BUS when flagged, owned or named).
SHIP_NOUNS = words("actors_ship_nouns")
#: Ship nouns that are a ship only after a ship word ("bulk carrier", "fishing boat").
AMBIGUOUS_SHIP_NOUNS = words("actors_ambiguous_ship_nouns")
#: Head noun lemmas of warships (sector MIL).
WARSHIP_NOUNS = words("actors_warship_nouns")
#: Words that must precede an ambiguous ship noun for it to be a ship ("aircraft carrier").
SHIP_CARRIER_WORDS = words("actors_ship_carrier_words")
#: Words before a ship noun that make it a warship ("aircraft carrier", "patrol boat").
WARSHIP_WORDS = words("actors_warship_words")
#: Participles after a country that say a ship's flag ("Liberian-flagged").
FLAG_WORDS = words("actors_flag_words")
#: Participles after a country that say a ship's owner ("Greek-owned").
OWNER_WORDS = words("actors_owner_words")


def ship_country(scan: Scan, token: Token) -> tuple[str, str, str] | None:
    """(country, 'flag'|'owner', text) said by a modifier of a ship: "Norwegian",
    "Liberian-flagged", "U.S.-owned"."""
    doc = scan.doc
    text = token.text
    if "-" in text and text.rsplit("-", 1)[1].lower() in FLAG_WORDS | OWNER_WORDS:
        prefix, word = text.rsplit("-", 1)
        for entry in scan.lex.lookup(prefix, prefix):
            if entry.type in ("country", "adjective") and entry.country:
                kind = "owner" if word.lower() in OWNER_WORDS else "flag"
                return entry.country, kind, text
        return None
    match = scan.matches.get(token.i)
    if match is None or match.entry.type not in ("country", "adjective"):
        return None
    country = match.entry.country
    if not country or country in NON_STATE_CODES:
        return None
    after = match.end
    if after + 1 < len(doc) and doc[after].text == "-":
        word = doc[after + 1].lower_
        if word in OWNER_WORDS:
            return country, "owner", doc[match.start : after + 2].text
        if word in FLAG_WORDS:
            return country, "flag", doc[match.start : after + 2].text
    return country, "flag", doc[match.start : match.end].text


def find_vessels(scan: Scan) -> None:
    """Ships as actors (rule "org.vessel"). A ship with neither a country nor a name is
    not an actor; the reason says whether the country is the owner's or the flag's."""
    doc = scan.doc
    ships = WARSHIP_NOUNS | SHIP_NOUNS
    for i, lemma in enumerate(lemma_lowers(doc)):
        if lemma not in ships:
            continue  # no ship: the word is not read
        tok = doc[i]
        if tok.pos_ != "NOUN" or tok.i in scan.claimed:
            continue
        left = {c.lower_ for c in tok.lefts if c.dep_ in MODIFIER_DEPS | {"amod"}}
        if lemma in WARSHIP_NOUNS:
            sector = "MIL"
        elif lemma in SHIP_NOUNS:
            if lemma in AMBIGUOUS_SHIP_NOUNS and not left & SHIP_CARRIER_WORDS:
                continue
            sector = "MIL" if left & WARSHIP_WORDS else "BUS"
        else:
            continue
        # a name right after the noun: "the tanker Coral Star"
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and end not in scan.matches:
            end += 1
        named = end > tok.i + 1
        if tok.dep_ == "compound" and not named:
            continue  # "tanker traffic", "ship owners"
        start = np_start(scan, tok)
        if named:
            start = min(start, np_start(scan, doc[end - 1]))
        found: dict[str, tuple[str, str]] = {}
        for j in range(start, tok.i):
            got = ship_country(scan, doc[j])
            if got is not None:
                found.setdefault(got[1], (got[0], got[2]))
        # "flagged in Panama", "owned by a Greek company"
        parts = [c for c in tok.rights if c.dep_ in ("acl", "relcl")]
        for child in parts + [j for c in parts for j in c.conjuncts]:
            word = child.lower_
            if word not in FLAG_WORDS | OWNER_WORDS:
                continue
            for prep in child.children:
                if prep.dep_ not in ("prep", "agent"):
                    continue
                for obj in prep.children:
                    clue = clue_of_head(scan, obj) if obj.dep_ == "pobj" else None
                    if clue and clue.country and clue.country not in NON_STATE_CODES:
                        kind = "owner" if word in OWNER_WORDS else "flag"
                        found.setdefault(kind, (clue.country, f"{word} {prep.text} "
                                                f"{doc[obj.left_edge.i : obj.i + 1].text}"))
        choice = found.get("owner") or found.get("flag")
        if choice is None and not named:
            continue
        span = doc[start:end]
        reason = f"ship '{span.text}'"
        country = None
        if choice is not None:
            country = choice[0]
            which = "owner" if "owner" in found else "flag"
            reason += f"; {which} country from '{choice[1]}'"
        name = doc[tok.i + 1 : end].text if named else strip_det(span)
        scan.add(Cand(start, end, tok.i, "org.vessel", reason, "organization", country,
                      sector, name=name, phrase=name))
