"""Named actors: states, capitals, seats, bodies, IGOs, peoples and organisations.

Rules: ``state.name``, ``state.name.fuzzy``, ``state.adjective``, ``state.adjective.act``,
``seat.metonym`` (a seat or a capital for its government), ``body.name``, ``seat.name``,
``igo.name``, ``group.ethnic``, ``group.demonym``, ``group.coordinated`` ("Hungarian and
Romanian officials"), ``org.ner`` (an NER organisation named with a place) and
``org.sector_noun`` ("the German carmaker Bar").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.actors.clues import (
    MODIFIER_DEPS,
    MOTION_VERBS,
    NAMED,
    affiliation,
    clue_of_match,
    in_location_pp,
    is_actor_head,
    is_dateline,
    location_country,
    modifier_country,
    np_start,
    org_name_head,
)
from sitroom.actors.lexicon import normalize
from sitroom.actors.scan import (
    Cand,
    Match,
    NounSpan,
    Scan,
    first_country,
    lemma_key,
    number,
    strip_det,
)
from sitroom.lexicons import words

#: Noun lemmas for a state's act or position: "a Russian proposal" is a mention of Russia.
ACT_NOUNS = words("actors_act_nouns")
#: Entry types of places and peoples that are no actor by themselves.
_PLACE_ONLY_TYPES = ("city", "us_state", "province", "region", "ethnic")
#: NER labels of a longer name that a capital inside it belongs to.
_NAME_LABELS = ("ORG", "PERSON", "FAC")
#: NER labels of a longer name that a nationality adjective inside it belongs to.
_TITLE_LABELS = ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW")


def named(scan: Scan, match: Match) -> None:
    """A lexicon name: a state, capital, seat, body, IGO or people."""
    doc = scan.doc
    entry = match.entry
    span = doc[match.start : match.end]
    head = span.root
    modifier = head.dep_ in MODIFIER_DEPS and head.head.i not in range(match.start, match.end)
    if entry.type == "ethnic" and not modifier and head.tag_ in ("NNS", "NNPS") and (
        head.pos_ in ("PROPN", "NOUN")
    ):
        ethnic_group(scan, match, head)
        return
    if entry.type in _PLACE_ONLY_TYPES:
        return
    governor = head.head
    if head.dep_ == "conj" and entry.type in ("adjective", "country"):
        first = head.head
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ in MODIFIER_DEPS and first.head.i in scan.nouns:
            coordinated(scan, match, scan.nouns[first.head.i])
            return
    if modifier and is_actor_head(scan, governor) and governor.i not in scan.claimed:
        return  # absorbed: the country of the noun it modifies
    if modifier and governor.i in scan.claimed and governor.i in scan.nouns:
        return
    if entry.type in NAMED:
        named_body(scan, match, head)
        return
    if entry.type == "leader":
        return  # handled with people
    if entry.type == "capital":
        capital(scan, match, head)
        return
    if entry.type == "people":
        demonym(scan, match, head)
        return
    rule = "state.adjective" if entry.type == "adjective" else "state.name"
    if match.fuzzy:
        rule = "state.name.fuzzy"
    if (
        entry.type == "adjective"
        and modifier
        and head.dep_ == "amod"
        and governor.pos_ == "NOUN"
        and not is_actor_head(scan, governor)
        and governor.lemma_.lower() in ACT_NOUNS
    ):
        rule = "state.adjective.act"  # "a Russian proposal": an act of that state
    if entry.type == "adjective" and not modifier and head.pos_ not in ("PROPN", "NOUN"):
        return
    if entry.type == "adjective" and any(
        ent.label_ in _TITLE_LABELS and len(ent) > len(span)
        and ent.start <= match.start and match.end <= ent.end
        and not is_actor_head(scan, ent.root) for ent in doc.ents
    ):
        return
    scan.add(Cand(match.start, match.end, head.i, rule, f"{entry.type} '{span.text}'",
                  "state", entry.country, None, name=scan.state_name(entry.country, None),
                  key=("state", entry.country, None)))


def ethnic_group(scan: Scan, match: Match, head: Token) -> None:
    """"the Kurds": an ethnic group as an actor, with no country of its own; "Iraqi Kurds":
    the group of that country (rule ``group.ethnic``)."""
    doc = scan.doc
    span = doc[match.start : match.end]
    loc = modifier_country(scan, head) or location_country(scan, head)
    start = min(np_start(scan, head), match.start)
    count = next((number(c) for c in head.children if c.dep_ == "nummod"), None)
    name = strip_det(doc[start : match.end])
    scan.add(Cand(start, match.end, head.i, "group.ethnic",
                  f"ethnic/religious group '{span.text}'", "nonstate",
                  loc[0] if loc else None, None, name=name, count=count,
                  key=("generic", "nonstate", loc[0] if loc else None, None,
                       normalize(match.entry.name))))


def named_body(scan: Scan, match: Match, head: Token) -> None:
    """A seat, body or IGO of the lexicon ("the Kremlin", "NATO", "the Pentagon")."""
    doc = scan.doc
    entry = match.entry
    span = doc[match.start : match.end]
    kind = entry.kind or "organization"
    start = match.start
    if start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].head.i == head.i:
        start -= 1
    if entry.type == "seat" and kind == "state":
        key: tuple[object, ...] = ("state", entry.country, entry.sector)
        name = scan.state_name(entry.country, entry.sector)
        rule = "seat.metonym"
    elif entry.type == "igo":
        key = ("igo", entry.code)
        name = entry.name
        rule = "igo.name"
    else:
        key = ("org", entry.name)
        name = entry.name
        rule = f"{entry.type}.name"
    scan.add(Cand(start, match.end, head.i, rule, f"lexicon {entry.type} '{span.text}'",
                  kind, entry.country, entry.sector, entry.code, name=name, key=key))


def capital(scan: Scan, match: Match, head: Token) -> None:
    """A capital used for its government ("Moscow said"), never a place ("in Moscow"),
    a dateline, a destination, part of a longer name or "Paris, Texas"."""
    doc = scan.doc
    entry = match.entry
    span = doc[match.start : match.end]
    governor = head.head
    if in_location_pp(head) or is_dateline(scan, match):
        return
    if head.dep_ == "compound" and not is_actor_head(scan, governor):
        return
    if head.dep_ == "dobj" and governor.lemma_.lower() in MOTION_VERBS:
        return
    if any(ent.label_ in _NAME_LABELS and len(ent) > len(span)
           and ent.start <= match.start and match.end <= ent.end for ent in doc.ents):
        return
    nxt = doc[match.end] if match.end < len(doc) else None
    if nxt is not None and nxt.text == "," and match.end + 1 < len(doc):
        after = scan.matches.get(match.end + 1)
        if after and after.entry.type in ("country", "us_state"):
            return
    scan.add(Cand(match.start, match.end, head.i, "seat.metonym",
                  f"capital '{span.text}' used for its government", "state",
                  entry.country, "GOV", name=scan.state_name(entry.country, "GOV"),
                  key=("state", entry.country, "GOV")))


def demonym(scan: Scan, match: Match, head: Token) -> None:
    """A people ("Iraqis", "two Britons"); "Bosnian Serbs" are of the modifier's country."""
    doc = scan.doc
    span = doc[match.start : match.end]
    count = None
    for child in head.children:
        if child.dep_ == "nummod":
            count = number(child)
    start = np_start(scan, head)
    where = modifier_country(scan, head)
    country = where[0] if where else match.entry.country
    reason = f"demonym '{span.text}'" + (f" in '{where[1]}'" if where else "")
    scan.add(Cand(start, match.end, head.i, "group.demonym", reason, "group", country,
                  None, name=strip_det(doc[start : match.end]), count=count,
                  key=("generic", "group", country, None, normalize(span.text))))


def coordinated(scan: Scan, match: Match, noun: NounSpan) -> None:
    """The second of "Hungarian and Romanian officials": its own group of that noun."""
    doc = scan.doc
    entry = match.entry
    root = doc[noun.root]
    kind = "group" if root.tag_ in ("NNS", "NNPS") or noun.noun.kind != "person" else "person"
    if noun.noun.kind not in ("person", "group"):
        kind = noun.noun.kind
    text = doc[match.start : match.end].text
    scan.add(Cand(match.start, match.end, match.end - 1, "group.coordinated",
                  f"'{text}' coordinated with the modifier of '{noun.text}'", kind,
                  entry.country, noun.noun.sector, name=f"{text} {root.text}",
                  phrase=lemma_key(noun, doc)))


def unknown_org(scan: Scan, ent: Span) -> bool:
    """An organisation name the lexicon does not know, containing a place or country."""
    if len(ent) < 2:
        return False
    for j in range(ent.start, ent.end):
        match = scan.matches.get(j)
        if j in scan.nouns or (match and match.entry.type in NAMED | {"leader"}):
            return False
        if match and match.end > ent.end:
            return False
    plain = [
        t for t in ent
        if t.i not in scan.matches and t.is_alpha and t.lower_ != "the" and not t.is_stop
    ]
    return bool(plain) and any(
        (m := scan.matches.get(j)) is not None and m.entry.country
        for j in range(ent.start, ent.end)
    )


def org_entity(scan: Scan, token: Token) -> None:
    """An NER organisation not in the lexicon: country from a name inside it."""
    doc = scan.doc
    ent = next((e for e in doc.ents if e.start == token.i), None)
    if ent is None or any(j in scan.claimed for j in range(ent.start, ent.end)):
        return
    clues = []
    for j in range(ent.start, ent.end):
        match = scan.matches.get(j)
        if match:
            clue = clue_of_match(scan, match)
            if clue:
                clues.append(clue)
    country, code, clue_text = first_country(clues)
    if country is None:
        return
    start, end = ent.start, ent.end
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start < end and doc[start].lower_ == "the":
        start += 1
    if start >= end:
        return
    span = doc[start:end]
    scan.add(Cand(start, end, span.root.i, "org.ner", f"organisation named with '{clue_text}'",
                  "organization", country, None, code, name=span.text,
                  key=("org", normalize(span.text))))


def named_org(scan: Scan, token: Token, span: NounSpan) -> bool:
    """"Iranian airline Foo Air", "the German carmaker Bar": the name is the organisation,
    of the noun's sector and the modifier's country (rule ``org.sector_noun``)."""
    doc = scan.doc
    name_head = org_name_head(scan, token)
    if name_head is None:
        return False
    name_start = token.i + 1
    if any(doc[j].pos_ != "PROPN" or j in scan.claimed
           for j in range(name_start, name_head.i + 1)):
        return False
    start = min(np_start(scan, token), span.start)
    clues = affiliation(scan, token, start, set())
    country, code, clue_text = first_country(clues)
    name = doc[name_start : name_head.i + 1].text
    reason = f"'{name}' named as a '{span.text}'"
    if clue_text:
        reason += f" + '{clue_text}'"
    scan.add(Cand(start, name_head.i + 1, name_head.i, "org.sector_noun", reason,
                  "organization", country, span.noun.sector, code, name=name,
                  key=("org", normalize(name))))
    return True
