"""Coreference: bare surnames, he/she pronouns and "the group".

Rules: ``coref.surname`` ("Ward said…" after "Jane Ward"), ``coref.pronoun``,
``coref.group`` ("a spokesman for the group" is of the group named before) and
``coref.plural`` ("the rebels" after "Houthi rebels").
:func:`resolve_people` links every person mention to one person and gives it that
person's country, sector and title.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitroom.actors.clues import listed_under, names_a_thing, org_name_head
from sitroom.actors.context import context_country
from sitroom.actors.lexicon import normalize
from sitroom.actors.mentions import NAME_PARTICLES
from sitroom.actors.scan import Cand, Context, Scan, quote_ids
from sitroom.lexicons import words
from sitroom.parsed.cache import token_lowers, token_texts

#: Personal pronouns that refer back to a person.
PERSON_PRONOUNS = words("actors_person_pronouns")
#: Object pronouns that cannot be the subject of their own clause ("Smith praised him").
OBJECT_PRONOUNS = words("actors_object_pronouns")
#: Noun lemmas by which a later mention refers back to a named group ("the group's leader").
GROUP_ANAPHORS = words("actors_group_anaphors")
#: Determiners of a group noun that refers back ("the group", "this movement").
GROUP_ANAPHOR_DETERMINERS = words("actors_group_anaphor_determiners")
#: Prepositions whose object "the group" says whose a person is ("a spokesman for the group").
GROUP_ANAPHOR_PREPS = words("actors_group_anaphor_preps")
#: Kinds of candidates that "the group" can refer back to.
GROUP_ANTECEDENT_KINDS = frozenset({"nonstate", "organization"})
#: Sectors of a group of people that "the group" can refer back to (rebels, opposition).
_GROUP_ANTECEDENT_SECTORS = ("REB", "OPP")
#: Quotation marks that open a quoted sentence.
_OPENING_QUOTES = ('"', "\u201c")
#: Dependency labels of a subject.
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def find_surnames(scan: Scan) -> None:
    """Bare surnames the NER missed ("Ward said…") after a full name was seen."""
    doc = scan.doc
    first_seen: dict[str, int] = {}
    for start, end in scan.person_ents:
        root = doc[start:end].root
        if end - start > 1 and listed_under(scan, root) is None and not names_a_thing(root) \
                and not (start > 0 and org_name_head(scan, doc[start - 1]) is not None):
            first_seen.setdefault(doc[end - 1].text, start)
    for i, text in enumerate(token_texts(doc) if first_seen else ()):
        seen_at = first_seen.get(text)
        if seen_at is None:
            continue  # no surname seen before: the word is not read
        token = doc[i]
        if (
            seen_at >= token.i
            or token.i in scan.claimed
            or token.pos_ != "PROPN"
            or token.dep_ == "compound"
        ):
            continue
        scan.add(Cand(token.i, token.i + 1, token.i, "coref.surname", "surname", "person",
                      None, None, name=token.text, person=token.text))


#: Rules of organisations whose first word may stand for the whole name later.
_SHORT_NAMED_RULES = ("org.sector_noun", "org.ner", "org.listed", "organization.noun")


def org_short_names(scan: Scan) -> None:
    """"Mahan" after "the airline Mahan Air": a one-word name the NER took for a person that
    is the first word of an organisation named in the document is that organisation
    (rule ``coref.org_short``); a person's full name never shortens this way."""
    firsts: dict[str, Cand] = {}
    for cand in scan.cands:
        if cand.rule in _SHORT_NAMED_RULES and cand.kind == "organization" and cand.name:
            word = cand.name.split()[0]
            if word[:1].isupper() and len(cand.name.split()) > 1:
                firsts.setdefault(word, cand)
    people = {c.person for c in scan.cands if c.kind == "person" and c.person
              and c.end - c.start > 1}
    for k, cand in enumerate(scan.cands):
        org = firsts.get(cand.name) if cand.rule == "person.name" and cand.end - cand.start == 1 \
            else None
        if org is None or any(p.split()[0] == cand.name for p in people if p):
            continue
        scan.cands[k] = replace(
            cand, rule="coref.org_short", kind=org.kind, country=org.country,
            sector=org.sector, code=org.code, name=org.name, key=org.key, person=None,
            reason=f"short name of '{org.name}'",
        )


def find_pronouns(scan: Scan) -> None:
    """A candidate for every unclaimed he/she pronoun (resolved in :func:`resolve_people`)."""
    for i, lower in enumerate(token_lowers(scan.doc)):
        if lower not in PERSON_PRONOUNS:
            continue  # no pronoun: the word is not read
        token = scan.doc[i]
        if token.pos_ == "PRON" and token.i not in scan.claimed:
            scan.add(Cand(token.i, token.i + 1, token.i, "coref.pronoun", "", "person",
                          None, None))


def group_people(scan: Scan, tok: Token) -> list[int]:
    """Indices of the person candidates that "the group" at ``tok`` describes:
    "NAME, a member of the group's bureau", "a spokesman for the group, NAME"."""
    doc = scan.doc
    by_head: dict[int, list[int]] = {}
    for k, cand in enumerate(scan.cands):
        if cand.kind == "person":
            by_head.setdefault(cand.head, []).append(k)
    found: list[int] = []
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i or cur.head.pos_ in ("VERB", "AUX"):
            break
        cur = cur.head
        if cur.i in by_head:
            found += by_head[cur.i]
            break
    heads = {tok.i} | ({cur.i} if found else set())
    for k, cand in enumerate(scan.cands):
        head = doc[cand.head]
        if cand.kind == "person" and head.dep_ == "appos" and head.head.i in heads:
            found.append(k)
    names = {scan.cands[k].person for k in found if scan.cands[k].appositive}
    for k, cand in enumerate(scan.cands):
        if cand.kind == "person" and not cand.appositive and cand.person in names:
            found.append(k)
    return sorted(set(found))


def group_coref(scan: Scan) -> None:
    """"The group" after a named group ("coref.group"): "NAME, a member of the group's
    political bureau" and "a spokesman for the group" are of the most recent group,
    movement or organisation named before it (this or the previous two sentences) and
    take its country and sector, over a country guessed from context."""
    doc = scan.doc
    quoted = [
        next((t.text for t in sent if not t.is_space), "") in _OPENING_QUOTES
        for sent in doc.sents
    ]
    for tok in doc:
        if tok.lemma_.lower() not in GROUP_ANAPHORS or tok.tag_ != "NN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in GROUP_ANAPHOR_DETERMINERS
                   for c in tok.children):
            continue
        if not (tok.dep_ == "poss" or (
            tok.dep_ == "pobj" and tok.head.lower_ in GROUP_ANAPHOR_PREPS
        )):
            continue
        people = group_people(scan, tok)
        if not people:
            continue
        here = scan.sent_ids[tok.i]
        ante = None
        for cand in scan.cands:
            if cand.start >= tok.i or cand.start <= tok.i < cand.end:
                continue
            there = scan.sent_ids[cand.start]
            # sentences that open with a quotation do not count towards the distance
            between = sum(1 for k in range(there + 1, here) if not quoted[k])
            if (there < here and between > 1) or cand.rule == "org.vessel":
                continue
            generic = cand.rule.endswith(".noun") or cand.rule == "group.count"
            if generic and (cand.sector not in _GROUP_ANTECEDENT_SECTORS
                            or doc[cand.head].tag_ != "NN"):
                continue  # "companies", "protesters": not a group "the group" names
            groupish = cand.kind in GROUP_ANTECEDENT_KINDS or (
                cand.kind == "group" and cand.sector in _GROUP_ANTECEDENT_SECTORS
            )
            if groupish and (ante is None or cand.start > ante.start):
                ante = cand
        if ante is None:
            continue
        ante_name = ante.name or doc[ante.start : ante.end].text
        for k in people:
            cand = scan.cands[k]
            if cand.country is not None and not cand.context:
                continue  # "a Lebanese member of the group": said outright
            scan.cands[k] = replace(
                cand, country=ante.country, sector=ante.sector, code=ante.code,
                context=False, key=(),
                reason=cand.reason + f"; coref.group: 'the {tok.text}' -> '{ante_name}'",
            )


def plural_anaphors(scan: Scan) -> None:
    """"The rebels" after "Houthi rebels" ("coref.plural"): a bare definite plural noun
    with no country of its own is the actor last named with the same head noun in this or
    the previous two sentences; two such actors of different countries: no link."""
    doc = scan.doc
    for k, cand in enumerate(scan.cands):
        head = doc[cand.head]
        if cand.country is not None or cand.kind == "person" or head.tag_ != "NNS":
            continue
        if cand.end - cand.start != 2 or doc[cand.start].lower_ != "the":
            continue
        here = scan.sent_ids[cand.head]
        antes = [
            other for other in scan.cands
            if other.end <= cand.start and other.country is not None and other is not cand
            and here - scan.sent_ids[other.head] <= 2 and other.end - other.start > 1
            and doc[other.end - 1].lemma_.lower() == head.lemma_.lower()
        ]
        if not antes or len({a.country for a in antes}) != 1:
            continue
        ante = max(antes, key=lambda a: a.start)
        key = ante.key or ("generic", ante.kind, ante.country, ante.sector,
                           ante.phrase or ante.name)
        scan.cands[k] = replace(
            cand, country=ante.country, sector=ante.sector, code=ante.code, kind=ante.kind,
            key=key, name=ante.name, context=False, rule="coref.plural",
            reason=cand.reason + f"; coref.plural: '{doc[cand.start:cand.end].text}' -> "
                   f"'{doc[ante.start:ante.end].text}'",
        )


def resolve_people(doc: Doc, cands: list[Cand], ctx: Context) -> list[Cand]:
    """Link surnames and he/she pronouns to people; fill a title's country from context."""
    people: dict[str, Cand] = {}  # person key -> representative candidate
    surname: dict[str, str] = {}
    firsts: dict[str, str] = {}  # first word of a full name -> its person ("" if shared)
    out: list[Cand] = []
    last_person: str | None = None
    subject_by_sent: dict[int, str] = {}
    quote_of = quote_ids(doc)
    recent: list[str] = []  # person keys, most recent last
    quotes_of: dict[str, set[int]] = {}  # person key -> quotes (0: outside) it is named in
    person_at: dict[int, str] = {}  # token -> person key of the mention covering it

    def seen(key: str, c: Cand) -> None:
        if key in recent:
            recent.remove(key)
        recent.append(key)
        quotes_of.setdefault(key, set()).add(quote_of[c.start])
        for j in range(c.start, c.end):
            person_at[j] = key
    sent_index = {s.start: k for k, s in enumerate(doc.sents)}

    def sent_of(i: int) -> int:
        return sent_index[doc[i].sent.start]

    for cand in cands:
        if cand.context and cand.kind != "person" and cand.country is None:
            cand = context_country(doc, cand, ctx, sent_of)
            if cand.country is None and cand.weak:
                continue
        if cand.country is None and (cand.rule == "body.shared_name" or cand.sole):
            # "the National Congress", "police", "senators" of a one-country report
            cand = sole_country(cand, ctx)
            if cand.country is None and cand.weak:
                continue
        if cand.rule == "coref.pronoun":
            target = pronoun_target(cand, subject_by_sent, last_person, sent_of)
            banned = coarguments(doc[cand.head], person_at)
            here_quote = quote_of[cand.start]
            options = [t for t in (target, *reversed(recent)) if t is not None]
            target = next(
                (t for t in options
                 if t not in banned and here_quote in quotes_of.get(t, {0})),
                None,
            )
            if target is None:
                continue
            seen(target, cand)
            rep = people[target]
            cand = replace(cand, person=target, reason=f"pronoun -> {rep.name}", kind="person",
                           country=rep.country, name=rep.name)
            if doc[cand.head].dep_ in _SUBJECT_DEPS:
                subject_by_sent.setdefault(sent_of(cand.start), target)
            out.append(cand)
            continue
        if cand.kind == "person" and cand.person and not cand.appositive:
            name = cand.person
            key = normalize(name)
            parts = key.split()
            bare = " ".join(w for w in parts if w not in NAME_PARTICLES)
            if key not in surname and key not in people and bare in surname:
                key = bare  # "el-Sisi" after "Abdel Fattah el-Sisi"
            if key not in surname and key not in people and firsts.get(key):
                surname[key] = firsts[key]  # "Lin" after "Lin Daowei": a family name first
            if key in surname and key not in people:
                cand = replace(cand, person=surname[key], rule="coref.surname",
                               reason=f"surname of {people[surname[key]].name}")
                key = surname[key]
            else:
                cand = replace(cand, person=key)
                if cand.context and cand.country is None:
                    cand = context_country(doc, cand, ctx, sent_of, before=out, people=people)
                elif cand.country is None and cand.rule == "person.name":
                    cand = sole_country(cand, ctx)
                if key in people:
                    people[key] = merge_person(people[key], cand)
                else:
                    people[key] = cand
                # "Sisi", "el-Sisi", "Tayyip Erdogan": shorter forms of this name
                for k in range(1, len(parts)):
                    surname[" ".join(parts[k:])] = key
                if len(parts) >= 2:
                    # the first word of a full name, only while no other person shares it
                    firsts[parts[0]] = key if firsts.get(parts[0], key) == key else ""
            last_person = key
            seen(key, cand)
            if doc[cand.head].dep_ in _SUBJECT_DEPS:
                subject_by_sent.setdefault(sent_of(cand.start), key)
        elif cand.appositive and cand.person:
            cand = replace(cand, person=normalize(cand.person))
        out.append(cand)
    # give every person mention the resolved attributes of its person
    final: list[Cand] = []
    for cand in out:
        if cand.person and cand.person in people:
            rep = people[cand.person]
            cand = replace(cand, kind="person", country=rep.country, sector=rep.sector,
                           code=rep.code, name=rep.name, title=rep.title,
                           key=("person", cand.person))
        final.append(cand)
    return final


def sole_country(cand: Cand, ctx: Context) -> Cand:
    """A named person with no clue at all, a body whose shared name is not the lexicon's
    ("the National Congress"), or a state role or group with no clue ("police",
    "senators", ``Cand.sole``) takes the country of a document about one country alone
    (``Context.sole``: most of its place mentions, the others barely named); in any other
    document it keeps no country. Any explicit clue said later wins."""
    if ctx.sole is None:
        return cand
    country, text = ctx.sole
    return replace(cand, country=country, context=True,
                   reason=cand.reason + f"; context: the document is about '{text}' alone")


def merge_person(prior: Cand, new: Cand) -> Cand:
    """One person's candidate after a new mention: an explicit country beats a guessed one."""
    if prior.context and new.country is not None and not new.context:
        # an explicit country said later beats one guessed from context
        return replace(prior, country=new.country, sector=new.sector or prior.sector,
                       code=new.code, title=prior.title or new.title, context=False,
                       reason=new.reason)
    if prior.country is None and new.country is not None:
        return replace(prior, country=new.country, sector=new.sector or prior.sector,
                       code=new.code, title=prior.title or new.title,
                       reason=prior.reason + "; " + new.reason)
    if prior.title is None and new.title:
        return replace(prior, title=new.title, sector=prior.sector or new.sector)
    return prior


def coarguments(token: Token, person_at: dict[int, str]) -> set[str]:
    """Persons a non-reflexive object pronoun cannot be: the subject of its own clause
    ("Smith praised him": him is not Smith)."""
    if token.lower_ not in OBJECT_PRONOUNS or token.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS]
    return {person_at[s.i] for s in subjects if s.i in person_at}


def pronoun_target(cand: Cand, subjects: dict[int, str], last: str | None,
                   sent_of: Callable[[int], int]) -> str | None:
    """The person a pronoun most likely is: the subject of its sentence or the one before,
    else the last person named."""
    here = sent_of(cand.start)
    if here in subjects:
        return subjects[here]
    if here - 1 in subjects:
        return subjects[here - 1]
    return last
