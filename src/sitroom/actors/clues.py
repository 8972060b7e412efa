"""Reading the syntax around a mention: noun-phrase edges, affiliations and places.

These helpers are shared by the finders. A *clue* (:class:`~sitroom.actors.scan.Clue`) is
what says whose an actor is: a country, a body or an IGO named in the modifiers of its head
noun, its possessor, or an "of/for/from" complement ("the foreign minister of Kenya").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitroom.actors.lexicon import EntryType
from sitroom.actors.scan import Clue, Match, Scan
from sitroom.lexicons import words

#: Entry types that name an actor by themselves.
NAMED = frozenset({EntryType.SEAT, EntryType.BODY, EntryType.IGO})
#: Entry types whose country can be given to a head noun they modify.
GIVERS = frozenset({
    EntryType.COUNTRY, EntryType.ADJECTIVE, EntryType.CAPITAL, EntryType.SEAT, EntryType.BODY,
    EntryType.IGO, EntryType.US_STATE, EntryType.PROVINCE, EntryType.PEOPLE, EntryType.LEADER,
})
#: Dependency labels of the modifiers that can give a head noun its country.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
#: Prepositions whose object says whose an actor is.
AFFILIATION_PREPS = words("actors_affiliation_preps")
#: Prepositions whose object is a place when it names a city or capital.
LOCATIVE_PREPS = words("actors_locative_preps")
#: Prepositions after which a capital is an addressee unless a motion verb governs them.
ADDRESSEE_PREPS = words("actors_addressee_preps")
#: Prepositions that after a verb make a capital a place only for motion verbs (or "at").
VERB_PLACE_PREPS = words("actors_verb_place_preps")
#: Verbs after which "to X" is a destination, not an addressee.
MOTION_VERBS = words("actors_motion_verbs")
#: Prepositions that introduce a destination, never the owner ("Ambassador to Germany").
DESTINATION_PREPS = words("actors_destination_preps")
#: Participles after "X-" that make X an organisation's base ("Oslo-based").
BASE_PARTICIPLES = words("actors_base_participles")
#: Words before "to" that make a compound preposition, no destination ("according to").
COMPOUND_TO_WORDS = words("actors_compound_to_words")
#: Prepositions that introduce the members of a list ("firms including A, B and C").
LIST_PREPS = words("actors_list_preps")
#: Nouns that count people: "thousands of protesters".
QUANTITY_NOUNS = words("actors_quantity_nouns")
#: Prepositions of the place an actor is in ("based in X").
PLACE_PREPS = words("actors_place_preps")
#: Entry types that are places an actor can be located in.
_LOCATION_TYPES = ("country", "capital", "city", "us_state", "province")
#: Dependency labels a noun phrase's left part does not extend over.
_NOT_LEFT_DEPS = ("punct", "cc", "conj", "appos", "prep", "advcl", "relcl")
#: Punctuation a noun phrase's left part never crosses.
_NP_BREAKS = (",", ":", ";", "—", "–", "(", ")", '"', "“", "”")
#: Punctuation after a name that makes it a dateline ("KABUL —").
_DATELINE_MARKS = (":", "—", "–", "-", "(", ",")


def np_start(scan: Scan, head: Token) -> int:
    """First token of the noun phrase headed by ``head`` (left modifiers only)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NOT_LEFT_DEPS:
            continue
        start = min(start, child.left_edge.i)
    # never cross a comma, colon or dash inside the left part
    for j in range(head.i - 1, start - 1, -1):
        if scan.doc[j].text in _NP_BREAKS:
            return j + 1
    return start


def is_actor_head(scan: Scan, token: Token) -> bool:
    """Whether ``token`` heads an actor noun phrase (a role/body noun, a person, a body)."""
    if token.i in scan.nouns:
        return True
    match = scan.matches.get(token.i)
    if match and match.entry.type in NAMED | {"leader", "people"}:
        return True
    if match and match.entry.type == "ethnic" and token.tag_ in ("NNS", "NNPS"):
        return True
    return any(s <= token.i < e for s, e in scan.person_ents)


def clue_of_match(scan: Scan, match: Match) -> Clue | None:
    """The clue a lexicon name gives ("Kenyan": KEN; "the Pentagon": USA MIL; a people: none)."""
    entry = match.entry
    text = scan.doc[match.start : match.end].text
    if entry.type == "ethnic":
        return Clue(None, None, None, text, "ethnic")
    if entry.type not in GIVERS or is_stance(scan.doc, match.start):
        return None  # "pro-Moscow candidates" are of no country by that word
    sector = entry.sector if entry.type in ("seat", "body", "igo") else None
    code = entry.code if entry.type in ("igo", "leader") else None
    return Clue(entry.country, sector, code, text, entry.type)


def backer(token: Token) -> bool:
    """Whether a name is the doer inside a participle modifier ("Iran-backed", "UN-run")."""
    verb = token.head
    return (
        token.dep_ in ("npadvmod", "compound", "nmod") and verb.tag_ == "VBN"
        and verb.dep_ in ("amod", "compound") and verb.i > token.i
    )


def affiliation(scan: Scan, head: Token, start: int, skip: set[int]) -> list[Clue]:
    """Clues in the modifiers, possessor and of/for/from complements of a head noun."""
    clues: list[Clue] = []
    seen: set[int] = set()
    for j in range(start, head.i):
        if j in skip:
            continue
        match = scan.matches.get(j)
        if match is None or id(match) in seen:
            continue
        seen.add(id(match))
        if backer(scan.doc[match.end - 1]):
            continue  # "Iran-backed militias": Iran acts on them, it is not theirs
        clue = clue_of_match(scan, match)
        if clue:
            clues.append(clue)
    for child in head.rights:
        if child.dep_ != "prep" or child.lower_ not in AFFILIATION_PREPS:
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            for tok in (obj, *[c for c in obj.conjuncts]):
                clue = clue_of_head(scan, tok)
                if clue and clue.kind not in ("capital_loc",):
                    clues.append(clue)
    return clues


def clue_of_head(scan: Scan, token: Token) -> Clue | None:
    """The clue an NP headed by ``token`` gives as an affiliation (country, body…)."""
    match = scan.matches.get(token.i)
    if match:
        return clue_of_match(scan, match)
    if token.i not in scan.nouns and token.pos_ == "NOUN":
        # "the government of Sindh province": a place name modifying a common noun
        for child in token.lefts:
            place = scan.matches.get(child.i)
            if child.dep_ in ("compound", "amod", "poss") and place is not None:
                return clue_of_match(scan, place)
    if token.i in scan.nouns:
        inner = affiliation(scan, token, np_start(scan, token), set())
        for clue in inner:
            if clue.country:
                noun = scan.nouns[token.i].noun
                sector = clue.sector or (noun.sector if noun.kind != "person" else None)
                return Clue(clue.country, sector, clue.code, clue.text, "body")
    return None


def in_location_pp(token: Token) -> bool:
    """Whether ``token`` is the object of a locative preposition ("in Washington")."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ not in LOCATIVE_PREPS:
        return False
    if prep.lower_ in ADDRESSEE_PREPS:
        gov = prep.head
        if gov.pos_ == "VERB" and gov.lemma_.lower() not in MOTION_VERBS:
            return False
    if prep.lower_ in VERB_PLACE_PREPS and prep.head.pos_ == "VERB":
        return prep.head.lemma_.lower() in MOTION_VERBS or prep.lower_ == "at"
    return True


def is_dateline(scan: Scan, match: Match) -> bool:
    """Whether a name opens a line and is followed by a dash or colon ("KABUL —")."""
    doc = scan.doc
    first = match.start == 0 or doc[match.start - 1].text.endswith("\n") or (
        "\n" in doc[match.start - 1].whitespace_ or doc[match.start - 1].is_space
    )
    nxt = doc[match.end] if match.end < len(doc) else None
    return first and nxt is not None and nxt.text in _DATELINE_MARKS


def based_in(scan: Scan, match: Match) -> bool:
    """Whether a place is the base of what follows: "Oslo-based", "London-headquartered"."""
    doc = scan.doc
    return match.end + 1 < len(doc) and doc[match.end].text == "-" \
        and doc[match.end + 1].lower_ in BASE_PARTICIPLES


def is_destination(scan: Scan, start: int) -> bool:
    """Whether the name at ``start`` is the object of "to"/"into" ("Ambassador to X")."""
    j = start - 1
    while j >= 0 and scan.doc[j].lower_ == "the":
        j -= 1
    if j >= 1 and scan.doc[j - 1].lower_ in COMPOUND_TO_WORDS:
        return False  # "according to X", "due to X": no destination
    return j >= 0 and scan.doc[j].lower_ in DESTINATION_PREPS


def modifier_country(scan: Scan, token: Token) -> tuple[str, str] | None:
    """Country of a nationality or country word modifying ``token`` ("Iraqi Kurds")."""
    for child in token.lefts:
        match = scan.matches.get(child.i)
        if child.dep_ in MODIFIER_DEPS and match and match.entry.type in (
            "adjective", "country"
        ) and match.entry.country and match.end <= token.i:
            return match.entry.country, scan.doc[match.start : match.end].text
    return None


def location_country(scan: Scan, token: Token) -> tuple[str, str] | None:
    """Country of an "in X" place attached to the noun, or to its verb."""
    places = list(token.rights)
    # "a group based in X", "fighters stationed in X": the place hangs off a participle
    for child in token.rights:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            places += list(child.rights)
    anchor = token
    for _ in range(3):  # "hundreds of thousands of people": the quantity is the subject
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and (
            anchor.head.head.like_num or anchor.head.head.lemma_.lower() in QUANTITY_NOUNS
        ):
            anchor = anchor.head.head
    if anchor.dep_ in ("dobj", "nsubj", "nsubjpass") and anchor.head.pos_ == "VERB":
        places += [c for c in anchor.head.rights if c.i > token.i]
    for child in places:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                # "in Mosul", but also "in the northern city of Mosul"
                for inner in sorted(obj.subtree, key=lambda t: abs(t.i - obj.i)):
                    match = scan.matches.get(inner.i)
                    if match and match.entry.country and match.entry.type in _LOCATION_TYPES:
                        return match.entry.country, inner.text
    return None


def org_name_head(scan: Scan, token: Token) -> Token | None:
    """The head of a name right after an organisation noun: "airline [Foo Air]"."""
    noun = scan.nouns.get(token.i)
    if noun is None or noun.noun.kind != "organization" or noun.noun.sector not in (
        "BUS", "MED", "NGO"
    ):
        return None  # "Senate Minority Whip", "Intelligence Committee" are not names
    if token.tag_ in ("NNS", "NNPS"):
        return None
    head: Token | None = None
    if token.dep_ == "compound" and token.head.i > token.i:
        head = token.head
    else:
        head = next((c for c in token.rights
                     if c.dep_ == "appos" and c.left_edge.i == token.i + 1), None)
    if head is None:
        return None
    if head.pos_ != "PROPN" or head.i in scan.matches or head.i in scan.nouns:
        return None
    return head


def listed_under(scan: Scan, token: Token) -> Token | None:
    """The organisation noun heading a list the token is in ("firms including A, B")."""
    tok = token
    for _ in range(8):
        if tok.dep_ in ("compound", "conj"):
            tok = tok.head
        else:
            break
    if tok.dep_ == "pobj" and tok.head.lower_ in LIST_PREPS:
        head = tok.head.head
    elif token.dep_ == "conj" and any(
        c.dep_ == "prep" and c.lower_ in LIST_PREPS and c.i < token.i for c in tok.children
    ):
        head = tok
    else:
        return None
    noun = scan.nouns.get(head.i)
    if noun is None or noun.noun.kind == "person" or head.tag_ not in ("NNS", "NNPS"):
        return None
    return head


#: Nouns of named installations and projects ("the Tarlin gas field"): their names are no people.
THING_NOUNS = words("actors_named_thing_nouns")


def names_a_thing(root: Token) -> bool:
    """Whether a name is that of an installation or project: it modifies a noun of one
    ("the Tarlin gas field", "the Orm and Tarlin fields") or has one in apposition
    ("Norvik, a pipeline project")."""
    tok = root.head if root.dep_ == "conj" else root
    if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in THING_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in THING_NOUNS for c in root.children)


#: Prefixes of a stance toward a state ("pro-Moscow", "anti-Washington").
STANCE_PREFIXES = words("actors_stance_prefixes")


def is_stance(doc: Doc, start: int) -> bool:
    """Whether the place at ``start`` names a stance ("pro-Moscow candidates"): no actor
    and no place the sentence is in."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES
