"""Named people and who they are: rules ``person.name``, ``person.title``, ``person.apposition``.

The text decides first: a title before the name ("Kenyan Foreign Minister X"), an
apposition ("X, a spokesperson for Y"), a relative clause ("X, who was the envoy to Y") or an
"of" complement ("X of Nigeria"). A known leader's lexicon entry is only a fallback.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.actors.clues import (
    DESTINATION_PREPS,
    GIVERS,
    affiliation,
    based_in,
    clue_of_head,
    clue_of_match,
    is_destination,
    listed_under,
    names_a_thing,
    np_start,
    org_name_head,
)
from sitroom.actors.knowledge import NON_STATE_CODES
from sitroom.actors.lexicon import Entry, normalize
from sitroom.actors.mentions import COMPANY_NAME_WORDS, NAME_PARTICLES, TITLE_MODIFIERS
from sitroom.actors.scan import Cand, Clue, Match, NounSpan, Scan, first_country, title_case
from sitroom.lexicons import table, words

#: Sectors of a group that a title inside it takes over ("Taliban spokesperson" is REB).
GROUP_SECTORS = frozenset(
    {"REB", "OPP", "MED", "BUS", "NGO", "CVL", "MIL", "SPY", "COP", "JUD", "LEG", "REL"}
)
#: Sectors of a state's own bodies: a title "for" one of them may take a country from context.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
#: Sectors of a body whose named staff ("Labour Party leader") are of the country around them.
POLITICAL_SECTORS = STATE_SECTORS | {"OPP"}
#: Nouns of people who follow someone: "supporters of X" are of X's country.
FOLLOWER_NOUNS = words("actors_follower_nouns")
#: Words that link the parts of a title ("Secretary of State"); a title never starts with one.
TITLE_LINKS = words("actors_title_links")
#: Prepositions after a name that say whose the person is ("NAME of Nigeria").
ORIGIN_PREPS = words("actors_person_origin_preps")
#: Relative pronouns of a clause on a name ("NAME, who was the envoy to X").
RELATIVE_PRONOUNS = words("actors_relative_pronouns")
#: Adjectives of a state's offices ("Presidential Spokesperson"): no company's name.
OFFICE_ADJECTIVES = words("actors_office_adjectives")
#: Spelling variants of a name particle ("el-Sisi" is also "al-Sisi").
PARTICLE_VARIANTS = table("actors_name_particle_variants")


def find_people(scan: Scan) -> None:
    """A candidate for every person name, with its title, country and sector."""
    doc = scan.doc
    for start, end in scan.person_ents:
        if start in scan.claimed:
            continue  # a ship's name ("the tanker Coral Star")
        name_span = doc[start:end]
        root = name_span.root
        if listed_under(scan, root) is not None:
            continue  # a company in "firms including A, B": an organisation
        if names_a_thing(root):
            continue  # "the Tarlin gas field", "Norvik, a pipeline project": no person
        if start > 0 and org_name_head(scan, doc[start - 1]) is not None:
            continue  # "airline Foo Air": the name of an organisation
        title_start = title_prefix(scan, start)
        clues: list[Clue] = []
        title_noun: NounSpan | None = None
        body_sector: str | None = None
        for j in range(title_start, start):
            noun = scan.nouns.get(j)
            if noun:
                if noun.noun.kind == "person":
                    title_noun = noun
                elif noun.noun.sector:
                    body_sector = noun.noun.sector
        seen: set[int] = set()
        for j in range(title_start, start):
            match = scan.matches.get(j)
            if match and id(match) not in seen:
                seen.add(id(match))
                if is_destination(scan, match.start):
                    continue  # "Ambassador to Germany": not whose she is
                clue = clue_of_match(scan, match)
                if clue:
                    clues.append(clue)
                    if clue.kind in ("body", "seat") and clue.sector in GROUP_SECTORS:
                        body_sector = body_sector or clue.sector
        if title_noun is None and root.dep_ == "conj":
            # "Presidents A of X and B of Y": B shares A's plural title
            first = root.head
            if first.dep_ == "pobj" and first.head.lower_ == "of":
                first = first.head.head  # "A of X and B": B hangs off X in the parse
            for s2, e2 in scan.person_ents:
                if s2 <= first.i < e2:
                    shared = title_noun_of(scan, s2)
                    if shared and doc[shared.root].tag_ in ("NNS", "NNPS"):
                        title_noun = shared
        rule, reason = "person.name", "named person"
        title = title_noun.text if title_noun else None
        sector = None
        if title_noun:
            rule = "person.title"
            sector = title_noun.noun.sector
            reason = f"title '{title}'"
        mention_start = title_start if (title_noun or clues) else start
        # apposition: "NAME, a spokesperson for X," or "the spokesperson, NAME,"
        appos = [c for c in root.children if c.dep_ == "appos" and c.i >= end]
        if root.dep_ == "appos" and root.head.i < start and root.head.i in scan.nouns:
            appos.append(root.head)
        office = office_of_region(scan, root, start)
        if office is not None:
            appos.append(office)
        # "NAME, who was the envoy to X,": the predicate of a relative clause on the name
        for rel in root.children:
            if rel.dep_ != "relcl" or rel.lemma_ != "be" or rel.i < end:
                continue
            if any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in rel.children):
                appos += [c for c in rel.children if c.dep_ == "attr" and c.i in scan.nouns]
        for app in appos:
            noun = scan.nouns.get(app.i)
            if noun is None or noun.noun.kind != "person":
                continue
            app_start = np_start(scan, app)
            app_clues = affiliation(scan, app, app_start, set())
            for j in range(app_start, app.i):
                body = scan.nouns.get(j)
                if body is not None and body.noun.kind != "person" and body.noun.sector:
                    body_sector = body_sector or body.noun.sector  # "the Senate leader, NAME"
            if not title_noun:
                title_noun, title = noun, noun.text
                sector = noun.noun.sector
            clues.extend(app_clues)
            for clue in app_clues:
                if clue.sector and clue.kind in ("body", "seat", "igo"):
                    body_sector = body_sector or clue.sector
            rule = "person.apposition"
            reason = f"apposition '{doc[app_start : app.i + 1].text}'"
            if app.i not in scan.claimed:
                scan.add(Cand(app_start, noun.end if noun.root == app.i else app.i + 1,
                              app.i, "person.apposition", reason, "person", None, None,
                              person=name_span.text, appositive=True))
        # "NAME of Nigeria", "NAME of the provincial council": whose the person is
        for child in root.rights:
            if child.dep_ != "prep" or child.lower_ not in ORIGIN_PREPS:
                continue
            for obj in child.children:
                clue = clue_of_head(scan, obj) if obj.dep_ == "pobj" else None
                if clue and clue.country:
                    clues.append(clue)
                    if clue.kind in ("body", "seat") and clue.sector:
                        body_sector = body_sector or clue.sector
                body = scan.nouns.get(obj.i) if obj.dep_ == "pobj" else None
                if body is not None and body.noun.kind != "person" and body.noun.sector:
                    body_sector = body_sector or body.noun.sector
        clues.extend(demonym_apposition(scan, root, end))
        country, code, clue_text = first_country(clues)
        if title_noun and body_sector and title_noun.noun.sector in ("GOV", None):
            sector = body_sector
        if title_noun is None and sector is None and body_sector:
            sector = body_sector  # "NAME, of the provincial council": a member of it
        if sector in ("GOV", None) and (any(c.country == "NGO" for c in clues) or any(
            ngo_in(scan, np_start(scan, app), app.right_edge.i + 1) for app in appos
        ) or ngo_in(scan, title_start, start)):
            # "the director of Amnesty International Argentina": staff of a
            # non-governmental organisation speak for no government
            sector = None if country == "NGO" else "NGO"
        if clue_text:
            reason += f" + '{clue_text}'"
        leader = leader_for(scan, name_span)
        if leader is not None:
            if country is None and not clues:
                country, code = leader.country, leader.code
                reason += f"; known person ({leader.name})"
            sector = sector or leader.sector
            title = title or leader.title
        if title_noun is None and not clues and leader is None:
            rule = "person.name"
        owner, base = (None, None) if body_sector in POLITICAL_SECTORS else private_owner(
            scan, title_start, [doc[title_noun.root]] if title_noun else [], appos)
        if owner is not None and country is None:
            if base is not None and base.entry.country not in (None, *NON_STATE_CODES):
                country = base.entry.country  # "the ship's Oslo-based owner": where it is based
                reason += f"; of '{owner}', based in '{doc[base.start : base.end].text}'"
            else:
                reason += f"; of '{owner}': no country from context"
            if sector == "GOV" and body_sector is None:
                sector = None  # "a spokesperson for the ship's owner" speaks for no government
        scan.add(Cand(mention_start, end, root.i, rule, reason, "person", country, sector,
                      code, name=name_span.text, title=title_case(title),
                      context=bool(title_noun) and country is None and not clues
                      and owner is None,
                      person=name_span.text))


def ngo_in(scan: Scan, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` name a non-governmental organisation."""
    return any((m := scan.matches.get(j)) is not None and m.entry.country == "NGO"
               for j in range(start, end))


#: Entry types of a nationality word used as a noun ("an Australian").
_DEMONYM_TYPES = ("adjective", "people")


def demonym_apposition(scan: Scan, root: Token, end: int) -> list[Clue]:
    """"An Australian, NAME," and "NAME, a Kenyan,": a nationality in apposition to a name
    says whose the person is. Only a bare nationality (with "a"/"an") qualifies: "NAME, a
    Kenyan firm's lawyer" says nothing of the kind."""
    doc = scan.doc
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= end]
    if root.dep_ == "appos" and root.head.i < root.i:
        heads.append(root.head)
    out: list[Clue] = []
    for head in heads:
        match = scan.matches.get(head.i)
        if match is None or match.entry.type not in _DEMONYM_TYPES or not match.entry.country:
            continue
        extra = [c for c in head.children
                 if c.dep_ not in ("det", "punct", "appos", "acl", "relcl", "amod")
                 and not match.start <= c.i < match.end]
        if extra or any(c.dep_ == "amod" and c.pos_ != "ADJ" for c in head.children):
            continue
        out.append(Clue(match.entry.country, None, None,
                        doc[match.start : match.end].text, "demonym"))
    return out


def private_owner(scan: Scan, title_start: int, titles: list[Token],
                  appos: list[Token]) -> tuple[str | None, Match | None]:
    """The organisation a titled person works for when it is no state's ("Ocean Line chief
    executive", "a spokesperson for the ship's owner"), and the place it is said to be
    based in ("the ship's Oslo-based owner"), else (None, None).

    Such a person takes no country from the words around them: the document's country or a
    place nearby says nothing about a company's or an owner's staff; only the owner's own
    base does.
    """
    doc = scan.doc
    before = title_start - 1
    if before >= 0 and before not in scan.matches and doc[before].pos_ == "PROPN" \
            and doc[before].lower_ not in OFFICE_ADJECTIVES \
            and (doc[before].ent_type_ in ("ORG", "FAC", "PRODUCT")
                 or doc[before].text in COMPANY_NAME_WORDS) \
            and before not in scan.noun_tokens and doc[before].head.i >= title_start:
        return doc[doc[before].left_edge.i : before + 1].text, None
    for title in [*titles, *appos]:
        for child in title.children:
            if child.dep_ != "prep" or child.lower_ not in ("for", "of"):
                continue
            for obj in child.children:
                if obj.dep_ != "pobj" or obj.pos_ != "NOUN" or obj.i in scan.matches:
                    continue
                body = next((n for n in scan.nouns.values() if n.start <= obj.i < n.end), None)
                if body is not None and (body.noun.kind == "person" or title.i < body.end):
                    continue  # "the secretary of state": one title
                places = [scan.matches[t.i] for t in obj.subtree if t.i in scan.matches]
                bases = [m for m in places if based_in(scan, m)]
                if (body is None or body.noun.sector not in STATE_SECTORS) \
                        and len(bases) == len(places):
                    return doc[obj.left_edge.i : obj.i + 1].text, (bases[0] if bases else None)
    return None, None


def office_of_region(scan: Scan, root: Token, start: int) -> Token | None:
    """The title a name stands beside in "[office] for [region], NAME": rule ``person.apposition``.

    The parser often hangs the name on the object of the preposition ("the envoy for the
    Sahel, NAME": NAME in apposition to "Sahel"); a person is no place, so the name is the
    apposition of the title noun that governs the preposition. Only a role noun qualifies,
    and only across a comma right before the name.
    """
    host = root.head
    if root.dep_ != "appos" or host.dep_ != "pobj" or host.i >= start:
        return None
    prep = host.head
    title = prep.head
    if prep.dep_ != "prep" or title.i >= prep.i or start == 0 or scan.doc[start - 1].text != ",":
        return None
    noun = scan.nouns.get(title.i)
    if noun is None or noun.noun.kind != "person":
        return None
    return title


def leader_for(scan: Scan, name: Span) -> Entry | None:
    """The known leader a name is (also "al-" for "el-", or the part from a particle on)."""
    parts = normalize(name.text).split()
    tries = [" ".join(parts)]
    tries.append(" ".join(PARTICLE_VARIANTS.get(w, w) for w in parts))
    # "Abdel Fattah el-Sisi": the part from the particle on is a known short form
    at = next((k for k, w in enumerate(parts) if k and w in NAME_PARTICLES), None)
    if at is not None:
        tries += [" ".join(parts[at:]),
                  " ".join(PARTICLE_VARIANTS.get(w, w) for w in parts[at:])]
    for key in tries:
        for entry in scan.lex.proper.get(key, ()):
            if entry.type == "leader":
                return entry
    return None


def title_noun_of(scan: Scan, start: int) -> NounSpan | None:
    """The role noun in the title right before a name at ``start``, if any."""
    found = None
    for j in range(title_prefix(scan, start), start):
        noun = scan.nouns.get(j)
        if noun and noun.noun.kind == "person":
            found = noun
    return found


def starts_role(scan: Scan, i: int) -> bool:
    """Whether a role noun (or the hyphen of "Under-Secretary") starts at token ``i``."""
    doc = scan.doc
    if i >= len(doc):
        return False
    noun = scan.nouns.get(i)
    return doc[i].text == "-" or (noun is not None and noun.noun.kind == "person") or (
        (found := scan.lex.noun(doc[i].text)) is not None and found.kind == "person")


#: The most capitalised words of a portfolio in a title ("of Foreign and Expatriate Affairs").
_PORTFOLIO_WORDS = 5


def portfolio_start(scan: Scan, j: int, sent_start: int) -> int | None:
    """The role noun before "of" when tokens up to ``j`` are a capitalised portfolio
    ("Minister of Information", "Secretary of Homeland Security"), else None.

    Only capitalised words (and "and") no lexicon name claims qualify, and only after
    "of" right behind a role noun: "Bank of Ghana NAME" or "Ministry of Health" is no title.
    """
    doc = scan.doc
    k = j
    while k >= sent_start and j - k < _PORTFOLIO_WORDS and k not in scan.matches and (
        (doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].is_sent_start)
        or (doc[k].lower_ == "and" and k < j)
    ):
        k -= 1
    if k == j or k - 1 < sent_start or doc[k].lower_ != "of" or doc[k + 1].lower_ == "and":
        return None
    role = scan.lex.noun(doc[k - 1].text)
    if role is None or role.kind != "person":
        return None
    return k - 1


def title_prefix(scan: Scan, start: int) -> int:
    """Leftmost token of the title words right before a name ("U.S. Secretary of State")."""
    doc = scan.doc
    lex = scan.lex
    j = start - 1
    first = start
    gave = False
    sent_start = doc[start].sent.start
    while j >= sent_start:
        tok = doc[j]
        match = scan.matches.get(j)
        if match and match.entry.type in GIVERS | {"ethnic"}:
            j = match.start - 1
            first = match.start
            gave = True
            continue
        if (tok.lemma_.lower() in FOLLOWER_NOUNS or tok.lower_ in FOLLOWER_NOUNS) or (
            tok.tag_ in ("NNS", "NNPS") and doc[j + 1].lower_ == "of"
        ):
            break  # "supporters of X", "members of X": not a title of X
        if lex.noun(tok.text) is not None or j in scan.noun_tokens:
            first = j
            j -= 1
            continue
        if tok.lower_ in TITLE_MODIFIERS and (tok.pos_ != "ADP" or starts_role(scan, j + 1)):
            # "Under Secretary NAME"; never "ambassador ... under former president NAME"
            first = j
            j -= 1
            continue
        if (
            tok.pos_ in ("NOUN", "ADJ", "CCONJ")
            and tok.text.islower()
            and tok.dep_ in ("compound", "amod", "nmod", "cc", "conj")
            and tok.head.pos_ in ("NOUN", "PROPN")
            and sent_start <= tok.head.i < start + 3
            and first < start
            and (tok.pos_ != "CCONJ" or (
                not gave and j - 1 >= sent_start
                and doc[j - 1].pos_ == "NOUN" and doc[j - 1].text.islower()
                and j - 1 not in scan.noun_tokens
                and lex.noun(doc[j - 1].text) is None
            ))
        ):
            j -= 1  # "trade and industry commissioner": the portfolio stays in the title
            continue
        if tok.lower_ in TITLE_LINKS or tok.tag_ == "POS":
            j -= 1
            continue
        portfolio = portfolio_start(scan, j, sent_start)
        if portfolio is not None:
            j = portfolio  # "Minister of Information NAME": the portfolio is in the title
            continue
        if (
            tok.lower_ in DESTINATION_PREPS
            and j - 1 >= sent_start
            and lex.noun(doc[j - 1].text) is not None
        ):
            j -= 1  # "Ambassador to Germany": the destination stays in the title
            continue
        break
    while first < start and (doc[first].lower_ in TITLE_LINKS or doc[first].tag_ == "POS"):
        first += 1
    return first
