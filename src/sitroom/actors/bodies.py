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
    based_in,
    clue_of_match,
    in_location_pp,
    is_actor_head,
    is_dateline,
    is_stance,
    location_country,
    modifier_country,
    np_start,
    org_name_head,
)
from sitroom.actors.knowledge import NON_STATE_CODES
from sitroom.actors.lexicon import normalize
from sitroom.actors.mentions import token_ents
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

#: Body names several states use ("Congress", "Senate"): the lexicon's state only when
#: nothing in the phrase names another.
SHARED_BODY_NAMES = frozenset(normalize(w) for w in words("actors_shared_body_names"))
#: Words that open the name of a military operation ("Operation Harbor Shield").
OPERATION_WORDS = words("actors_operation_words")

#: Nouns of a part or the surroundings of a place ("a suburb of X", "the capital, X").
PLACE_PART_NOUNS = words("actors_place_part_nouns")
#: Place-part nouns that name the place itself ("the capital city of X").
_SAME_PLACE_NOUNS = ("capital", "city")

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
    ent = token_ents(doc)[match.start]
    if (
        entry.type == "adjective" and ent is not None
        and ent.label_ in _TITLE_LABELS and len(ent) > len(span) and match.end <= ent.end
        and not is_actor_head(scan, ent.root)
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
    country, reason = entry.country, f"lexicon {entry.type} '{span.text}'"
    if entry.type == "body" and normalize(span.text) in SHARED_BODY_NAMES:
        owner, said = shared_body_owner(scan, match, head)
        if said is not None and owner != entry.country:
            # "Argentina's National Congress", "the Congress of Peru": not the U.S. one
            country, rule = owner, "body.shared_name"
            before = match.start - 1
            if before > 0 and doc[before].text[:1].isupper() and doc[before].is_alpha \
                    and doc[before].head.i == head.i and not doc[before].is_sent_start:
                # "the National Congress": the capitalised word is part of the body's name
                span = doc[before : match.end]
                start = before - 1 if doc[before - 1].lower_ == "the" else before
            name = f"{span.text} ({owner})" if owner else span.text
            key = ("org", name, owner)
            reason = f"'{span.text}' is a name several states use; {said}"
    scan.add(Cand(start, match.end, head.i, rule, reason,
                  kind, country, entry.sector, entry.code, name=name, key=key))


#: Places whose mention in a body's "of"/"in" complement says whose the body is
#: ("the Congress of Peru", "the National Congress in Buenos Aires").
_OWNER_PLACE_TYPES = ("country", "adjective", "capital", "city", "province")


def shared_body_owner(scan: Scan, match: Match, head: Token) -> tuple[str | None, str | None]:
    """Whose a body with a shared name is, from its own phrase: (country, why) or (None, why)
    when something else names it, (None, None) when nothing does.

    A possessor or an "of/in" complement naming a country, or a nationality adjective
    before the name, says whose it is; another capitalised word before it ("National
    Congress") makes it a different body of unknown country.
    """
    doc = scan.doc
    owners: list[tuple[str | None, str]] = []
    children = [c for j in range(match.start, match.end) for c in doc[j].children
                if not match.start <= c.i < match.end]
    for child in children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("of", "in")):
            tok = child if child.dep_ == "poss" else next(
                (g for g in child.children if g.dep_ == "pobj"), None)
            other = scan.matches.get(tok.i) if tok is not None else None
            if other is not None and other.entry.type in _OWNER_PLACE_TYPES:
                owners.append((other.entry.country, f"'{doc[other.start:other.end].text}'"))
    before = match.start - 1
    prev = scan.matches.get(before) if before >= 0 else None
    if prev is not None and prev.entry.type in ("country", "adjective"):
        owners.append((prev.entry.country, f"'{doc[prev.start:prev.end].text}'"))
    elif before >= 0 and doc[before].text[:1].isupper() and doc[before].is_alpha \
            and doc[before].head.i == head.i and not doc[before].is_sent_start:
        owners.append((None, f"'{doc[before].text} {doc[match.start:match.end].text}'"))
    if not owners:
        return None, None
    named_by = [(c, w) for c, w in owners if c]
    if len({c for c, _ in named_by}) == 1:
        return named_by[0][0], "named by " + named_by[0][1]
    return None, "named by " + " and ".join(w for _, w in owners)  # none or several: refuse


def capital(scan: Scan, match: Match, head: Token) -> None:
    """A capital used for its government ("Moscow said"), never a place ("in Moscow"),
    a dateline, a destination, part of a longer name or "Paris, Texas"."""
    doc = scan.doc
    entry = match.entry
    span = doc[match.start : match.end]
    governor = head.head
    if in_location_pp(head) or is_dateline(scan, match) or based_in(scan, match):
        return  # "in Moscow", a dateline, "an Oslo-based firm": a place
    if place_part(scan, match.start):
        return  # "a suburb of Moscow", "the capital, Moscow", "pro-Moscow"
    if head.dep_ == "compound" and not is_actor_head(scan, governor):
        return
    if head.dep_ == "dobj" and governor.lemma_.lower() in MOTION_VERBS:
        return
    ent = token_ents(doc)[match.start]
    if ent is not None and ent.label_ in _NAME_LABELS and len(ent) > len(span) \
            and match.end <= ent.end:
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


def place_part(scan: Scan, start: int) -> bool:
    """Whether the capital at ``start`` is a place by the words just before it: "a
    suburb of X", "the north of X" (a part of the place), "the capital, X" (the place a
    noun names) or a stance ("pro-X", "anti-X")."""
    doc = scan.doc
    before = list(doc[max(0, start - 3) : start])
    words_ = [t.lower_ for t in before]
    part = before[-2].lemma_.lower() if len(before) >= 2 else ""
    if words_[-1:] == ["of"] and part in PLACE_PART_NOUNS and part not in _SAME_PLACE_NOUNS:
        return True  # "the city of X" is X itself: it stays what X would be
    if len(before) >= 2 and words_[-1] == "," and words_[-2] in PLACE_PART_NOUNS:
        return True
    return is_stance(doc, start)


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
    ent = token_ents(doc)[token.i]
    if ent is None or ent.start != token.i or any(
        j in scan.claimed for j in range(ent.start, ent.end)
    ):
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


def operation_name(scan: Scan, token: Token) -> tuple[int, int] | None:
    """``Operation Harbor Shield``: an operation word and the capitalised names after it."""
    doc = scan.doc
    if token.text not in OPERATION_WORDS or token.i in scan.claimed:
        return None
    end = token.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
            and end not in scan.matches and not doc[end].is_sent_start:
        end += 1
    return (token.i, end) if end - token.i >= 2 else None


def operation(scan: Scan, start: int, end: int) -> None:
    """A named military operation (rule ``org.operation``): an actor of sector MIL that may
    speak ("Operation Harbor Shield said"); its country or IGO only from words in its own
    phrase ("the EU naval mission Operation X"), never from the sentence around it."""
    doc = scan.doc
    head = doc[start:end].root
    left = min(head.left_edge.i, start)
    clues = affiliation(scan, head, left, set(range(start, end)))
    country, code, clue_text = first_country(clues)
    name = doc[start:end].text
    reason = f"named operation '{name}'" + (f" + '{clue_text}'" if clue_text else "")
    scan.add(Cand(start, end, head.i, "org.operation", reason, "organization", country, "MIL",
                  code if country in NON_STATE_CODES else None, name=name,
                  key=("org", name)))
