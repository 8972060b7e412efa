"""Generic role and body nouns as actors: "two senior Kenyan diplomats", "the Chinese Embassy".

Rules: ``person.noun``, ``group.noun``, ``organization.noun``, ``state.body``,
``group.count`` (a noun with a count), ``org.listed`` ("German firms including A, B and C").
The noun's country comes from its modifiers and complements, else from a place it is in
("protesters in Bolivia") or the person it follows ("supporters of X"); a weak noun with
no such clue is no actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.actors.bodies import named_org
from sitroom.actors.clues import (
    LIST_PREPS,
    affiliation,
    clue_of_head,
    is_actor_head,
    location_country,
    np_start,
)
from sitroom.actors.knowledge import NON_STATE_CODES
from sitroom.actors.lexicon import normalize
from sitroom.actors.mentions import token_ents
from sitroom.actors.people import FOLLOWER_NOUNS
from sitroom.actors.scan import (
    Cand,
    Clue,
    Scan,
    first_country,
    lemma_key,
    number,
    strip_det,
    title_case,
)
from sitroom.lexicons import words

#: Sectors of a group that may take the country of a one-country sentence.
DOMESTIC_SECTORS = frozenset({None, "CVL", "OPP", "REB", "COP", "LAB", "EDU", "REL"})
#: Sectors of a group or role with no clue that take the country of a document about one
#: country alone (its police, legislators, judges, officials, protesters, citizens).
SOLE_SECTORS = frozenset({"COP", "LEG", "JUD", "GOV", "CVL", "OPP"})
#: Sectors of a noun that may take the country of a place it is in ("protesters in X").
_LOCATED_SECTORS = ("CVL", "OPP", "REB", "COP", "REF", None)
#: Sectors of an organisation noun that may take the country of a place it is in.
_LOCATED_ORG_SECTORS = ("MED", "BUS", "NGO", "EDU")
#: Sectors of a council that make it a government's, not a named non-governmental one.
_STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")
#: Nouns of research and policy bodies (non-governmental when named).
INSTITUTION_NOUNS = words("actors_institution_nouns")
#: Words that make a named council a government's ("Security Council", "State Council").
GOVERNMENT_COUNCIL_WORDS = words("actors_government_council_words")
#: Body nouns that are an organisation only when named or owned ("Labour Party").
NAMED_ONLY_NOUNS = words("actors_named_only_nouns")
#: Body nouns whose named instance is non-governmental unless a word says whose government.
COUNCIL_NOUNS = words("actors_council_nouns")
#: Group nouns that name a party to something, not the people of a place ("both sides").
RELATIONAL_NOUNS = words("actors_relational_nouns")
#: Singular person nouns that name a group ("police", "the crowd").
COLLECTIVE_NOUNS = words("actors_collective_nouns")
#: Modifiers that make a government noun a local one ("the city government").
LOCAL_GOVERNMENT_WORDS = words("actors_local_government_words")
#: Determiners that make a body noun definite ("the ministry", "its army").
DEFINITE_DETERMINERS = words("actors_definite_determiners")


def shared_possessor(scan: Scan, token: Token) -> list[Clue]:
    """"Iran's army, navy and air force": a possessor of the first of coordinated body
    nouns is whose the others are too (only bodies of one coordination)."""
    if token.dep_ != "conj":
        return []
    first = token.head
    while first.dep_ == "conj":
        first = first.head
    if first.i not in scan.nouns or scan.nouns[first.i].noun.kind == "person":
        return []
    for child in first.children:
        if child.dep_ == "poss":
            clue = clue_of_head(scan, child)
            if clue is not None and clue.country:
                return [clue]
    return []


#: Lexicon entry types of places inside a country.
_SUBNATIONAL_TYPES = ("province", "us_state", "city")


def federal_state(scan: Scan, token: Token) -> bool:
    """Whether "state of X" names a part of a country (a province, a US state, a city)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                match = scan.matches.get(obj.i) if obj.dep_ == "pobj" else None
                if match is not None and match.entry.type in _SUBNATIONAL_TYPES:
                    return True
    return False


def local_government(scan: Scan, token: Token, first: int) -> bool:
    """"The city government", "the Mombasa government", "the government of Ontario": a
    government noun qualified by a local word or by a place inside a country is a local
    government ("government.local": an organisation of that place's country, never the
    national government's actor); a capital ("the Nairobi government") stays the nation's.
    Adds the candidate and says whether it did."""
    local = [c for c in token.lefts if c.dep_ in ("amod", "compound")
             and c.lower_ in LOCAL_GOVERNMENT_WORDS]
    places = [m for c in token.lefts if c.dep_ in ("compound", "nmod", "amod", "poss")
              and (m := scan.matches.get(c.i)) is not None]
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            places += [m for o in child.children
                       if o.dep_ == "pobj" and (m := scan.matches.get(o.i)) is not None]
    inner = [m for m in places if m.entry.type in _SUBNATIONAL_TYPES]
    if not local and not inner:
        return False
    doc = scan.doc
    start = min(np_start(scan, token), first)
    end = max([token.i + 1, *(m.end for m in places if m.start > token.i)])
    country = next((m.entry.country for m in places if m.entry.country), None)
    name = strip_det(doc[start:end])
    reason = f"noun '{doc[token.i].text}' of a local government"
    if country:
        where = next(doc[m.start : m.end].text for m in places if m.entry.country)
        reason += f"; of '{where}'"
    elif (loc := location_country(scan, token)) is not None:
        country, where = loc
        reason += f"; located in '{where}'"
    scan.add(Cand(start, end, token.i, "government.local", reason, "organization", country,
                  "GOV", None, name=name, key=("local", normalize(name), country)))
    return True


def generic(scan: Scan, token: Token) -> None:
    """A role or body noun: "two senior Kenyan diplomats", "the Chinese Embassy"."""
    doc = scan.doc
    span = scan.nouns[token.i]
    noun = span.noun
    if token.pos_ == "ADJ" and token.dep_ == "amod":
        return
    if noun.kind == "organization" and named_org(scan, token, span):
        return
    if noun.kind == "state" and noun.phrase != "state" \
            and local_government(scan, token, span.start):
        return  # "the city government", "the Mombasa government": not the nation's
    if noun.kind == "state" and federal_state(scan, token):
        return  # "the state of Karnataka": a federal state, a place, not a government
    if token.dep_ in ("compound", "amod", "nmod") and is_actor_head(scan, token.head):
        return
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") \
            and not named_modifier(scan, token):
        return
    start = min(np_start(scan, token), span.start)
    clues = affiliation(scan, token, start, set()) or shared_possessor(scan, token)
    end = max(span.end, token.i + 1)
    # "X of Y" complements that gave the country belong to the mention
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (m := scan.matches.get(obj.i)) and (
                    m.entry.type in ("country", "capital", "people")
                ):
                    end = max(end, m.end)
    end = max(end, portfolio_end(scan, token, noun.kind, noun.sector))
    country, code, clue_text = first_country(clues)
    sector = noun.sector
    ethnic = next((c.text for c in clues if c.kind == "ethnic"), None)
    for clue in clues:
        if clue.kind in ("body", "seat", "igo") and clue.sector and noun.kind == "person":
            sector = clue.sector if noun.sector in ("GOV", None) else sector
            break
    reason = f"noun '{span.text}'"
    if clue_text:
        reason += f" + '{clue_text}'"
    if country is None and (
        noun.sector in _LOCATED_SECTORS
        or (noun.kind == "organization" and noun.sector in _LOCATED_ORG_SECTORS)
    ):
        loc = location_country(scan, token)
        if loc:
            country, where = loc
            reason += f"; located in '{where}'"
    if country is None and not ethnic and noun.phrase in FOLLOWER_NOUNS:
        owner = person_owner(scan, token)
        if owner:
            country, who = owner
            reason += f"; follows '{who}'"
    if country is None and ethnic:
        reason += f"; ethnic/religious group '{ethnic}' (no country)"
    # "the Brookings Institution", "the Refugee Council": a named non-governmental body
    named = token.text[:1].isupper() and not token.is_sent_start and (
        any(c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") for c in token.lefts)
        or named_of(scan, token)
    )
    # "the ministry", and a body called by its proper name ("in Springfield District Court")
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS
                   for c in token.children) or (named and noun.kind == "organization")
    context = country is None and noun.kind != "person" and definite and not ethnic
    if noun.phrase in NAMED_ONLY_NOUNS and not named and country is None:
        return  # "both parties", "the union of two firms": no organisation named
    if named and noun.phrase in INSTITUTION_NOUNS:
        context = False
        sector = "NGO"
    elif named and noun.phrase in COUNCIL_NOUNS and not any(
        c.lower_ in GOVERNMENT_COUNCIL_WORDS
        for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")
    ) and any(
        c.dep_ == "compound" and c.i not in scan.matches and (
            c.i not in scan.nouns or scan.nouns[c.i].noun.sector not in _STATE_SECTORS
        )
        for c in token.lefts
    ):
        context = False
        sector = "NGO"
        reason += "; a named council of no government"
    plural = token.tag_ in ("NNS", "NNPS") or (
        token.lemma_.lower() != token.lower_ and token.lower_.endswith("s")
    )
    kind = noun.kind
    if kind == "person":
        kind = "group" if plural or noun.phrase in COLLECTIVE_NOUNS else "person"
    domestic = (
        country is None and kind == "group" and not ethnic and not context and not clues
        and noun.sector in DOMESTIC_SECTORS and noun.phrase not in RELATIONAL_NOUNS
    )
    sole = (
        country is None and kind in ("group", "person") and not ethnic and not clues
        and noun.sector in SOLE_SECTORS and noun.phrase not in RELATIONAL_NOUNS
    )
    if country is None and noun.weak and not ethnic and not context and not domestic and not (
        named and sector == "NGO"
    ) and not sole:
        return
    count = None
    for child in token.children:
        if child.dep_ == "nummod":
            count = number(child)
    rule = "group.count" if count else f"{kind}.noun"
    if kind == "state":
        rule = "state.body"
    if named and sector == "NGO" and country is None and not ethnic:
        country = "NGO"  # a named non-governmental body of no country
        reason += "; non-governmental, no country"
    if country == "IGO" or country == "NGO":
        code = code or country
    if named and named_of(scan, token):
        last = token.right_edge.i
        while last > token.i and doc[last].is_punct:
            last -= 1
        end = max(end, last + 1)
    cand = Cand(start, end, token.i, rule, reason, kind, country,
                sector if kind != "state" else noun.sector, code, name=strip_det(doc[start:end]),
                title=title_case(span.text) if kind == "person" else None,
                count=count, context=context, phrase=lemma_key(span, doc),
                weak=noun.weak, domestic=domestic, sole=sole)
    scan.add(cand)
    if kind != "person":
        list_members(scan, token, cand)


def portfolio_end(scan: Scan, token: Token, kind: str, sector: str | None) -> int:
    """The end of a state body's portfolio: "the ministry of internal affairs", "the
    Department of Homeland Security" name the body with their "of" phrase, when that phrase
    is plain words (no place, actor or further phrase in it); else the noun's own end."""
    if kind == "person" or sector not in _STATE_SECTORS:
        return token.i + 1
    for child in token.rights:
        if child.dep_ != "prep" or child.lower_ != "of":
            continue
        obj = next((o for o in child.children if o.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            return token.i + 1
        words = range(obj.left_edge.i, obj.i + 1)
        if all(j not in scan.matches and j not in scan.nouns and scan.doc[j].is_alpha
               for j in words):
            return obj.i + 1
    return token.i + 1


def named_modifier(scan: Scan, token: Token) -> bool:
    """"The Tax Collection Service website": a body called by its proper name (the end of
    an NER organisation of capitalised words) is an actor even as a modifier of a thing."""
    ent = token_ents(scan.doc)[token.i]
    return ent is not None and ent.label_ == "ORG" and ent.end == token.i + 1 \
        and token.text[:1].isupper() and token.head.i >= ent.end \
        and token.head.pos_ == "NOUN" and scan.lex.noun(token.head.text) is None


def named_of(scan: Scan, token: Token) -> bool:
    """ "Association of Jurists": a capitalised body noun named by an "of" phrase whose
    words are all capitalised (no place or known actor among them)."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            inner = [t for t in child.subtree if t.i != child.i]
            return bool(inner) and all(
                (t.text[:1].isupper() or t.pos_ in ("DET", "CCONJ", "ADP"))
                and t.i not in scan.matches for t in inner
            ) and any(t.text[:1].isupper() for t in inner)
    return False


def person_owner(scan: Scan, token: Token) -> tuple[str, str] | None:
    """Country of the person a follower noun follows: "supporters of X", "X's loyalists"."""
    owners = [c for c in token.lefts if c.dep_ in ("poss", "compound")]
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            owners += [o for o in child.children if o.dep_ == "pobj"]
    for owner in owners:
        for cand in scan.cands:
            if (
                cand.start <= owner.i < cand.end
                and cand.kind == "person"
                and (cand.country is not None and cand.country not in NON_STATE_CODES)
            ):
                assert cand.country is not None
                return cand.country, cand.name or owner.text
    return None


def list_members(scan: Scan, token: Token, cand: Cand) -> None:
    """Names listed after an organisation noun: "German firms including A, B and C"."""
    doc = scan.doc
    items: list[Token] = []
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in LIST_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    items += [obj, *obj.conjuncts]
            items += [c for c in token.children if c.dep_ == "conj" and c.i > child.i]
    for item in sorted(set(items), key=lambda t: t.i):
        if item.pos_ != "PROPN" or item.i in scan.claimed or item.i in scan.matches:
            continue
        start = item.i
        while start - 1 > token.i and doc[start - 1].dep_ == "compound" and (
            doc[start - 1].pos_ == "PROPN"
        ) and doc[start - 1].i not in scan.claimed:
            start -= 1
        name = doc[start : item.i + 1].text
        scan.add(Cand(start, item.i + 1, item.i, "org.listed",
                      f"'{name}' listed among '{doc[cand.start : cand.end].text}'",
                      "organization", cand.country, cand.sector, None, name=name,
                      key=("org", normalize(name))))
