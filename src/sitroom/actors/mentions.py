"""Finding what the lexicon and the NER name in a document: the first step of the actor stage.

- :func:`lexicon_matches`: greedy longest matches of lexicon names (and a misspelt country);
- :func:`drop_bad_matches`: matches that are no actor here (a month, a currency, "South
  American") and "Georgia" the US state;
- :func:`noun_spans`: generic actor nouns ("foreign ministry", "soldiers");
- :func:`person_names`: person names (NER PERSON spans without titles, known leaders);
- :func:`scan_document`: all of the above as the :class:`~sitroom.actors.scan.Scan` the
  finders work on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sitroom.actors.knowledge import valid_on
from sitroom.actors.lexicon import Entry, EntryType, Lexicon, Noun, normalize
from sitroom.actors.scan import Match, NounSpan, Scan
from sitroom.lexicons import table, words
from sitroom.lexicons.files import on_clear
from sitroom.parsed.cache import doc_ents, doc_sents, token_lowers, token_tags, token_texts

#: Full month names ("May", "March" are months, not names); the longest name of each month.
MONTHS = frozenset(
    max((name for name, number in table("months").items() if number == month), key=len)
    for month in set(table("months").values())
)
#: Currency signs: "US$", "HK$" are currencies, not states.
CURRENCY_SIGNS = "".join(sorted(words("actors_currency_signs")))
#: Compass and area words that make a demonym a region's ("South American").
AREA_WORDS = words("actors_area_words")
#: Words after "Georgia" that make it the US state ("Georgia governor").
US_STATE_CUES = words("actors_us_state_cues")
#: Words that may sit inside a title before a name ("former", "senior", "deputy"…).
TITLE_MODIFIERS = words("actors_title_modifiers")
#: Particles inside Arabic, Dutch, German… names ("el-Sisi", "bin Salman", "van der Berg").
NAME_PARTICLES = words("actors_name_particles")
#: Participles that give a thing its name ("code-named", "dubbed"): what follows is a name.
NAMING_PARTICIPLES = words("actors_naming_participles")
#: Nouns of a person a naming participle may follow ("a man named NAME" is a person).
PERSON_HEADS = words("actors_person_heads")
#: Adjective-tagged words that may end an actor noun phrase ("the military").
NOUN_ADJECTIVES = words("actors_noun_adjectives")
#: Past participles that stand as a person noun after a determiner ("the accused").
PARTICIPLE_NOUNS = words("actors_participle_nouns")
#: Last words of a company's name ("Foo Air"): no person's name ends in one.
COMPANY_NAME_WORDS = words("actors_company_name_words")
#: Which entry wins when a name has several ("Georgia": the country before the US state).
ENTRY_PREFERENCE = (
    EntryType.BODY, EntryType.SEAT, EntryType.IGO, EntryType.LEADER, EntryType.COUNTRY,
    EntryType.CAPITAL, EntryType.ADJECTIVE, EntryType.PEOPLE, EntryType.REGION, EntryType.ETHNIC,
    EntryType.US_STATE, EntryType.CITY, EntryType.PROVINCE,
)
#: Entry types that are never dropped by the clean-up (a name the lexicon is sure of).
_SURE_TYPES = ("leader", "body", "seat", "igo")
#: Punctuation a name's last token may not be; the colon and others end a name before a particle.
_NAME_BREAKS = (",", ";", ":")


def scan_document(doc: Doc, lex: Lexicon, published: str | None = None) -> Scan:
    """Match names and nouns, find person names and number sentences: a fresh scan.

    ``published`` (an ISO date) is the document's date: a dated entry of the knowledge
    files that did not hold on that day (a group founded later, a body dissolved
    before) matches nothing.
    """
    matches = lexicon_matches(doc, lex, published)
    drop_bad_matches(doc, matches)
    given = given_names(doc, lex)
    for j in given:
        matches.pop(j, None)
    nouns = noun_spans(doc, lex, matches)
    people = [(s, e) for s, e in person_names(doc, lex, matches) if not given & set(range(s, e))]
    scan = Scan(doc=doc, lex=lex, matches=matches, nouns=nouns, person_ents=people)
    scan.claimed.update(given)
    scan.noun_tokens = {k for n in nouns.values() for k in range(n.start, n.end)}
    scan.sent_ids = [0] * len(doc)
    for k, sent in enumerate(doc_sents(doc)):
        for j in range(sent.start, sent.end):
            scan.sent_ids[j] = k
    return scan


# ---- names given to things ----------------------------------------------------------------


def given_names(doc: Doc, lex: Lexicon) -> set[int]:
    """Tokens of a name given to a thing ("the drill, code-named Steel Falcon", "an exercise
    dubbed Northern Arrow"): a code name is no person, place or actor of its own.

    Only the object of a naming participle that modifies a noun qualifies; a naming verb
    of a clause ("they called him a traitor") and a person's name ("a man named NAME")
    are left alone.
    """
    out: set[int] = set()
    parsed = token_tags(doc)
    for k, tag in enumerate(parsed.tag):
        if tag != "VBN" or parsed.dep[k] not in ("acl", "amod", "advcl"):
            continue
        token = doc[k]
        noun = token.head
        role = lex.noun(noun.lemma_)
        if noun.lemma_.lower() in PERSON_HEADS or (role is not None and role.kind == "person"):
            continue
        lemma = token.lemma_.lower()
        if lemma not in NAMING_PARTICIPLES and token.lower_ not in NAMING_PARTICIPLES:
            continue
        for child in token.children:
            if child.dep_ in ("oprd", "dobj", "attr", "xcomp") and child.pos_ == "PROPN":
                out.update(t.i for t in child.subtree if t.pos_ == "PROPN")
    return out


# ---- lexicon names ------------------------------------------------------------------------

_TOKEN_ENTS = "sitroom.actors.token_ents"


def token_ents(doc: Doc) -> list[Span | None]:
    """The named entity covering each token (``None`` outside one), built once per document.

    ``doc.ents`` is rebuilt on every read; reading it once per match made actor resolution
    quadratic in the number of names. Every per-match look-up goes through this index.
    """
    cached = doc.user_data.get(_TOKEN_ENTS)
    if cached is not None and len(cached) == len(doc):
        return cached  # type: ignore[no-any-return]
    index = build_token_ents(doc)
    doc.user_data[_TOKEN_ENTS] = index
    return index


def build_token_ents(doc: Doc) -> list[Span | None]:
    """The index of :func:`token_ents` (tests count how often it is built)."""
    index: list[Span | None] = [None] * len(doc)
    for ent in doc_ents(doc):
        for j in range(ent.start, ent.end):
            index[j] = ent
    return index



def lexicon_matches(doc: Doc, lex: Lexicon, published: str | None = None) -> dict[int, Match]:
    """Greedy longest lexicon matches, indexed by every token they cover (only entries
    valid on the ``published`` day, see :func:`~sitroom.actors.knowledge.valid_on`)."""
    texts = token_texts(doc)
    forms = {text: normalize(text) for text in set(texts)}
    norms = [forms[text] if lower != "the" else "the"
             for text, lower in zip(texts, token_lowers(doc), strict=True)]
    tags = token_tags(doc)
    sent_starts = tags.sent_start
    found: dict[int, Match] = {}
    i = 0
    n = len(doc)
    while i < n:
        best: Match | None = None
        if norms[i] and norms[i] != "the" and texts[i][0].isalnum():
            key = ""
            comma = False
            for j in range(i, n):
                if j > i and sent_starts[j]:
                    break
                if not norms[j]:
                    comma = comma or texts[j] == ","
                    continue
                key = f"{key} {norms[j]}" if key else norms[j]
                if key not in lex.prefixes:
                    break
                if key in lex.proper and (not comma or key in lex.comma_keys):
                    entries = lex.lookup(key, doc[i : j + 1].text)
                    if published and entries:
                        entries = tuple(e for e in entries
                                        if valid_on(e.valid_from, e.valid_to, published))
                    chosen = choose(entries, norms) if entries else None
                    if chosen is not None:
                        best = Match(i, j + 1, chosen)
        if best is None and tags.pos[i] == "PROPN" and len(texts[i]) >= 6:
            best = fuzzy_country(doc, i, lex)  # the cheap part of its test first
        if best is not None:
            for j in range(best.start, best.end):
                found[j] = best
            i = best.end
        else:
            i += 1
    return found


def pick(entries: tuple[Entry, ...]) -> Entry:
    """The entry a name stands for when it has several (see ``ENTRY_PREFERENCE``)."""
    return min(entries, key=lambda e: ENTRY_PREFERENCE.index(e.type))


#: Entry types whose shared short names are read from the document, never by preference.
_ORGANISATION_TYPES = (EntryType.BODY, EntryType.IGO)


def choose(entries: tuple[Entry, ...], norms: list[str]) -> Entry | None:
    """The entry a name stands for in this document, or None when it cannot be told.

    Entries of different types go by ``ENTRY_PREFERENCE`` (:func:`pick`). Organisations that
    share a short name ("RSF": a press-freedom group and a Sudanese force) are told apart by
    the document only: the one whose full name it also uses, else the one whose cue words
    (``cues`` of the knowledge files) it uses; when neither or both readings are supported,
    the name matches nothing rather than a guess.
    """
    top = pick(entries)
    if top.type not in _ORGANISATION_TYPES:
        return top
    options: dict[tuple[str, str | None, str | None], Entry] = {}
    for entry in entries:
        if entry.type == top.type:
            options.setdefault((entry.name, entry.country, entry.sector), entry)
    if len(options) == 1:
        return top
    text = f" {' '.join(n for n in norms if n)} "
    named = [e for e in options.values() if f" {normalize(e.name)} " in text]
    if named:
        return named[0] if len(named) == 1 else None
    present = set(norms)
    cued = [e for e in options.values() if present.intersection(e.cues)]
    return cued[0] if len(cued) == 1 else None


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    if len(a) == len(b):
        if a[k + 1 :] == b[k + 1 :]:
            return True
        return k + 1 < len(a) and a[k] == b[k + 1] and a[k + 1] == b[k] and a[k + 2 :] == b[k + 2 :]
    return a[k:] == b[k + 1 :]


_COUNTRY_WORDS: dict[int, dict[str, Entry]] = {}
_COUNTRY_LENGTHS: dict[int, dict[int, list[tuple[int, str, Entry]]]] = {}


def country_words(lex: Lexicon) -> dict[str, Entry]:
    """Single-word country names of six letters or more (normalised) -> their entry."""
    cached = _COUNTRY_WORDS.get(id(lex))
    if cached is not None:
        return cached
    out: dict[str, Entry] = {}
    for key, entries in lex.proper.items():
        if " " in key or len(key) < 6 or not key.isalpha():
            continue
        for entry in entries:
            if entry.type == "country":
                out[key] = entry
    _COUNTRY_WORDS[id(lex)] = out
    return out


def _country_lengths(lex: Lexicon) -> dict[int, list[tuple[int, str, Entry]]]:
    """:func:`country_words` by length, each with its place in that dict's order."""
    cached = _COUNTRY_LENGTHS.get(id(lex))
    if cached is None:
        cached = {}
        for place, (key, entry) in enumerate(country_words(lex).items()):
            cached.setdefault(len(key), []).append((place, key, entry))
        _COUNTRY_LENGTHS[id(lex)] = cached
    return cached


def fuzzy_country(doc: Doc, i: int, lex: Lexicon) -> Match | None:
    """A misspelt country name ("Ethopia"): one edit from exactly one country name.

    Only a lone capitalised proper noun of six letters or more that is no known name, no
    person, no named region or building and no part of a longer name qualifies; common
    words never do. A misspelling keeps its first letter ("Siberia" is no "Liberia").
    """
    token = doc[i]
    text = token.text
    if (
        token.pos_ != "PROPN" or len(text) < 6 or not text.isalpha() or not text[0].isupper()
        or text.isupper() or token.ent_type_ in ("PERSON", "LOC", "FAC")
        or normalize(text) in lex.proper
    ):
        return None
    ent = token_ents(doc)[i]
    if ent is not None and len(ent) > 1:
        return None
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc) and doc[j].pos_ == "PROPN":
            return None
    word = normalize(text)
    lengths = _country_lengths(lex)  # one edit changes the length by one at most
    near = sorted(c for size in (len(word) - 1, len(word), len(word) + 1)
                  for c in lengths.get(size, ()))
    hits = {e.country: e for _, key, e in near
            if key[:1] == word[:1] and within_one_edit(word, key)}
    if len(hits) != 1:
        return None
    return Match(i, i + 1, next(iter(hits.values())), fuzzy=True)


def drop_bad_matches(doc: Doc, matches: dict[int, Match]) -> None:
    """Remove matches that name no actor here; make "Georgia" the US state where it is.

    A place or people inside a longer PERSON name, a lone month name, a name joined to a
    currency sign, and a demonym after a capitalised compass word ("South American") go;
    "Georgia" becomes the US state in a US context (:func:`us_state_context`).
    """
    dropped: set[Match] = set()
    ents = token_ents(doc)
    for match in set(matches.values()):
        entry = match.entry
        if entry.type in _SURE_TYPES:
            continue
        ent = ents[match.start]
        if (
            ent is not None and match.end <= ent.end and ent.label_ == "PERSON"
            and len(ent) > match.end - match.start
        ):
            dropped.add(match)
        if match.start == match.end - 1 and doc[match.start].lower_ in MONTHS:
            dropped.add(match)
        if currency(doc, match):
            dropped.add(match)  # "US$", "HK$": a currency, not a state
        prev = doc[match.start - 1] if match.start > 0 else None
        if (
            entry.type in ("adjective", "people")
            and prev is not None
            and prev.lower_ in AREA_WORDS
            and prev.text[:1].isupper()
            and prev.i not in matches
        ):
            dropped.add(match)  # "South American", "North African": a region's people
        if entry.type == "country" and entry.country == "GEO" and us_state_context(
            doc, matches, match
        ):
            new = Match(match.start, match.end, Entry(EntryType.US_STATE, "Georgia", "USA"))
            for j in range(match.start, match.end):
                matches[j] = new
    for match in dropped:
        for j in range(match.start, match.end):
            if matches.get(j) == match:
                del matches[j]


def currency(doc: Doc, match: Match) -> bool:
    """Whether a name is part of a currency sign ("US$", "HK $")."""
    text = doc[match.start : match.end].text
    if any(ch in text for ch in CURRENCY_SIGNS):
        return True
    last = doc[match.end - 1]
    return (
        match.end < len(doc)
        and not last.whitespace_
        and any(ch in doc[match.end].text[:1] for ch in CURRENCY_SIGNS)
    )


def us_state_context(doc: Doc, matches: dict[int, Match], match: Match) -> bool:
    """Whether "Georgia" here is the US state: "Atlanta, Georgia", "the state of Georgia"."""
    before = doc[max(0, match.start - 3) : match.start]
    after = doc[match.end : match.end + 2]
    words_before = [t.lower_ for t in before]
    if words_before[-2:] == ["state", "of"]:
        return True
    if len(before) >= 2 and before[-1].text == ",":
        prev = matches.get(before[-2].i)
        if prev and prev.entry.country == "USA":
            return True
    cues = [t.lower_ for t in after if t.tag_ != "POS"]
    if cues and cues[0] in US_STATE_CUES:
        return True
    sent = doc[match.start].sent
    return any(
        (m := matches.get(t.i)) is not None
        and m.entry.type == "city"
        and m.entry.country == "USA"
        for t in sent
    )


# ---- generic actor nouns ------------------------------------------------------------------


def word_variants(text: str) -> tuple[str, ...]:
    """The last normalised word of ``text`` and its de-pluralised forms ("" when none)."""
    parts = normalize(text).split()
    if not parts:
        return ("",)
    last = parts[-1]
    out = [last]
    if last.endswith("s"):
        out.append(last[:-1])
        if last.endswith("es"):
            out.append(last[:-2])
    return tuple(out)


#: Dependencies of a word that stands as a noun phrase.
_NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj")


def noun_spans(doc: Doc, lex: Lexicon, taken: dict[int, Match]) -> dict[int, NounSpan]:
    """Generic actor nouns (longest first, up to four words), indexed by their root token."""
    spans: dict[int, NounSpan] = {}
    covered: set[int] = set()
    n = len(doc)
    last_words = lex.noun_last_words or frozenset(k.split()[-1] for k in lex.nouns if k)
    texts, lowers, parsed = token_texts(doc), token_lowers(doc), token_tags(doc)
    lemmas_all, pos, tags, heads = parsed.lemma, parsed.pos, parsed.tag, parsed.head
    sent_start, deps = parsed.sent_start, parsed.dep
    bad_punct = [p and t != "-" for p, t in zip(parsed.punct, texts, strict=True)]
    nouny = [pos[k] in ("NOUN", "PROPN", "ADJ") or tags[k] in ("NN", "NNS") for k in range(n)]
    for k in range(n):  # "the accused appeared": a participle standing as a noun
        if not nouny[k] and tags[k] == "VBN" and lowers[k] in PARTICIPLE_NOUNS \
                and deps[k] in _NOMINAL_DEPS \
                and any(c.dep_ == "det" for c in doc[k].children):
            nouny[k] = True
    # a phrase can only be a noun when its last word ends some noun phrase of the lexicon
    can_end = [
        nouny[k]
        and (pos[k] != "ADJ" or lowers[k] in NOUN_ADJECTIVES)
        and any(
            w == "" or w in last_words
            for w in (*word_variants(texts[k]), *word_variants(lemmas_all[k]))
        )
        for k in range(n)
    ]
    memo: dict[str, Noun | None] = {}

    def noun_of(phrase: str) -> Noun | None:
        if phrase not in memo:
            memo[phrase] = lex.noun(phrase)
        return memo[phrase]

    for i in range(n):
        if i in covered or i in taken:
            continue
        for length in (4, 3, 2, 1):
            end = i + length
            if end > n or not can_end[end - 1]:
                continue
            if any(j in taken for j in range(i, end)):
                continue
            if any(bad_punct[j] for j in range(i, end)) or deps[i] == "det":
                continue
            if any(sent_start[j] for j in range(i + 1, end)):
                continue
            phrase = texts[i:end]
            noun = noun_of(" ".join(phrase)) or noun_of(
                " ".join([*lemmas_all[i : end - 1], lemmas_all[end - 1]])
            )
            if noun is None:
                continue
            roots = [j for j in range(i, end) if not (i <= heads[j] < end) or heads[j] == j]
            root = roots[0] if len(roots) == 1 else end - 1
            if length > 1 and root != end - 1 and "of" not in phrase:
                root = end - 1
            start = i
            if texts[i] == "-" and i > 0 and not doc[i - 1].whitespace_ \
                    and parsed.alpha[i - 1] and i - 1 not in taken:
                start = i - 1  # "counter-protesters", "ex-soldiers": the prefix is the noun's
            spans[root] = NounSpan(start, end, root, noun, doc[start:end].text)
            covered.update(range(i, end))
            break
    return spans


# ---- person names -------------------------------------------------------------------------


def person_names(doc: Doc, lex: Lexicon, matches: dict[int, Match]) -> list[tuple[int, int]]:
    """Person names: NER PERSON spans (titles stripped) and known leaders."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
            end -= 1
        while start < end and (
            doc[start].lower_ in TITLE_MODIFIERS
            or lex.noun(doc[start].text) is not None
            or (
                (m := matches.get(start)) is not None
                and m.entry.type not in ("leader",)
                and m.end <= end
                and m.end - start < end - start
            )
        ):
            start += 1
        if start >= end:
            continue
        inner = [matches.get(j) for j in range(start, end)]
        if all(m is not None and m.entry.type != "leader" for m in inner):
            continue
        if end - start == 1 and doc[start].lower_ in MONTHS:
            continue
        if end - start > 1 and doc[end - 1].text in COMPANY_NAME_WORDS:
            continue  # "Foo Air", "Bar Holdings": a company, not a person
        spans.append((start, end))
    spans += role_named(doc, lex, matches)
    covered = {j for s, e in spans for j in range(s, e)}
    for span in titled_names(doc, lex, matches, covered):
        spans.append(span)
        covered.update(range(*span))
    for match in set(matches.values()):
        if match.entry.type == "leader" and not covered & set(range(match.start, match.end)):
            spans.append((match.start, match.end))
    return join_particles(doc, sorted(spans))


#: NER labels a person's name is sometimes given by mistake.
_MISTAGGED_LABELS = ("GPE", "ORG", "NORP", "LOC", "FAC")


def role_named(doc: Doc, lex: Lexicon, matches: dict[int, Match]) -> list[tuple[int, int]]:
    """Names the NER took for places or organisations that an apposition calls a person
    ("NAME, an opposition candidate for ...", "NAME, a potential presidential candidate").

    Only a span of two or more capitalised proper nouns that no lexicon name touches, and
    only when a role noun ("candidate", "spokesperson") stands in apposition to it.
    """
    out: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in _MISTAGGED_LABELS or len(ent) < 2:
            continue
        tokens = [t for t in ent if not (t.lower_ == "the" or t.is_punct)]
        if len(tokens) < 2 or any(t.pos_ != "PROPN" or not t.text[:1].isupper()
                                  or t.i in matches or lex.noun(t.text) is not None
                                  for t in tokens):
            continue  # "Labour MP": a title, no name
        for child in ent.root.children:
            role = lex.noun(child.text) if child.dep_ == "appos" and child.i >= ent.end else None
            if role is not None and role.kind == "person":
                out.append((tokens[0].i, tokens[-1].i + 1))
                break
    return out


#: The most words of a name the NER missed after a title ("Queen Elizabeth II").
_UNTAGGED_NAME_WORDS = 3


def titled_names(doc: Doc, lex: Lexicon, matches: dict[int, Match],
                 covered: set[int]) -> list[tuple[int, int]]:
    """Names the NER missed right after a capitalised title: "Queen Elizabeth II".

    Only capitalised proper nouns with no entity type of their own, no lexicon name or
    noun among them and no company word at the end, right after a capitalised singular
    role noun that is no weak noun, make a name.
    """
    out: list[tuple[int, int]] = []
    n = len(doc)
    for tok in doc:
        if not tok.text[:1].isupper() or tok.tag_ != "NNP" or tok.i in matches:
            continue
        role = lex.noun(tok.text)
        if role is None or role.kind != "person" or role.weak or normalize(tok.text) != role.phrase:
            continue  # a weak noun ("the Force Awakens") is no title
        j = tok.i + 1
        while j < n and j - tok.i <= _UNTAGGED_NAME_WORDS and doc[j].pos_ == "PROPN" \
                and doc[j].text[:1].isupper() and not doc[j].ent_type_ \
                and j not in matches and j not in covered and lex.noun(doc[j].text) is None \
                and not doc[j].is_sent_start:
            j += 1
        if j > tok.i + 1 and doc[j - 1].text not in COMPANY_NAME_WORDS and (
            j >= n or doc[j].pos_ != "PROPN"
        ):
            out.append((tok.i + 1, j))
    return out


def join_particles(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One name across a particle: "Abdel Fattah" + "el-Sisi", "Ahmed" + "bin Ali"."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            s0, e0 = out[-1]
            gap = range(e0, start)
            particle = next(
                (doc[j] for j in range(e0, end) if doc[j].text != "-"), None
            )
            if (
                e0 <= start
                and all(doc[j].lower_ in NAME_PARTICLES or doc[j].text == "-" for j in gap)
                and particle is not None
                and particle.lower_ in NAME_PARTICLES
                and not doc[e0 - 1].whitespace_.count("\n")
                and doc[e0 - 1].text not in _NAME_BREAKS
                and all(not doc[j].is_sent_start for j in range(e0, start + 1))
            ):
                out[-1] = (s0, end)
                continue
        out.append((start, end))
    return out


on_clear(_COUNTRY_WORDS.clear)
on_clear(_COUNTRY_LENGTHS.clear)
