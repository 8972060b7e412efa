"""Find every actor mention in a parsed document and resolve it to country and sector.

``find_actors`` is a pure function of a spaCy ``Doc`` (tokens, tags, dependencies,
sentences and named entities; no custom extensions). The text is read first, the
dictionary second: a title or apposition in the text says who a person is; a known
leader's entry is only a fallback. Rules are general (syntax + lexicon), never tuned
to particular sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitroom.actors.lexicon import Entry, Lexicon, Noun, load_lexicon, normalize
from sitroom.actors.model import ActorIndex, ActorMention
from sitroom.record import Actor
from sitroom.record import Span as TextSpan


def _words(text: str) -> frozenset[str]:
    """A set of whitespace-separated words."""
    return frozenset(text.split())


#: Entry types that name an actor by themselves.
_NAMED = frozenset({"seat", "body", "igo"})
#: Entry types whose country can be given to a head noun they modify.
_GIVERS = frozenset(
    {"country", "adjective", "capital", "seat", "body", "igo", "us_state", "province", "people",
     "leader"}
)
#: Prepositions whose object says whose an actor is.
_AFFILIATION_PREPS = frozenset({"of", "for", "from", "at", "with"})
#: Prepositions whose object is a place when it names a city or capital.
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "into", "via",
     "from", "to", "toward", "towards", "through", "within", "over", "on", "beyond"}
)
#: Verbs after which "to X" is a destination, not an addressee.
_MOTION_VERBS = frozenset(
    {"send", "deploy", "travel", "go", "return", "fly", "move", "arrive", "head", "come",
     "flee", "transfer", "deliver", "ship", "export", "dispatch", "relocate", "visit", "sail"}
)
#: Words that may sit inside a title before a name ("former", "senior", "deputy"…).
_TITLE_MODIFIERS = _words(
    """former senior deputy acting top chief then outgoing incoming new vice assistant under
    first second principal special junior permanent interim caretaker exiled ousted late veteran
    lead leading powerful hardline hard-line influential longtime long-time"""
)
_OWNER_VERBS = frozenset(
    {"deploy", "send", "dispatch", "mobilize", "mobilise", "station", "withdraw", "pull",
     "amass", "mass", "commit", "position", "redeploy", "train", "arm"}
)
_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12, "a dozen": 12,
}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_MONTHS = _words(
    "january february march april may june july august september october november december"
)
_US_STATE_CUES = frozenset(
    {"governor", "senator", "state", "county", "legislature", "lawmaker", "congressman",
     "congresswoman", "republican", "democrat", "democratic", "attorney", "sheriff"}
)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
#: Entry types whose mention places a sentence in a country (for context fallbacks).
_PLACE_TYPES = frozenset(
    {"country", "adjective", "capital", "people", "city", "province", "us_state"}
)
#: Prepositions that introduce a destination, never the owner ("Ambassador to Germany").
_DESTINATION_PREPS = frozenset({"to", "toward", "towards", "into"})
#: Prepositions that introduce the members of a list ("firms including A, B and C").
_LIST_PREPS = frozenset({"including", "like"})
#: Sectors of a group that a title inside it takes over ("Taliban spokesperson" is REB).
_GROUP_SECTORS = frozenset(
    {"REB", "OPP", "MED", "BUS", "NGO", "CVL", "MIL", "SPY", "COP", "JUD", "LEG", "REL"}
)
#: Nouns of people who follow someone: "supporters of X" are of X's country.
_FOLLOWER_NOUNS = _words("supporter member follower loyalist partisan backer devotee")
#: Sectors of a group that may take the country of a one-country sentence.
_DOMESTIC_SECTORS = frozenset({None, "CVL", "OPP", "REB", "COP", "LAB", "EDU", "REL"})
#: Titles of members of a national legislature.
_NATIONAL_LEGISLATORS = _words("senator congressman congresswoman congressperson")
#: Nouns of research and policy bodies (non-governmental when named).
_INSTITUTION_NOUNS = _words("institute institution foundation forum endowment")
#: Words that make a named council a government's ("Security Council", "State Council").
_GOVERNMENT_COUNCIL_WORDS = _words(
    """security state national provincial city municipal legislative executive supreme
    revolutionary military federal privy sovereign transitional governing ruling presidential
    leadership command defense defence ministerial shura guardian guardians constitutional
    regional district county town village local tribal european"""
)
#: Body nouns that are an organisation only when named or owned ("Labour Party", "a Kenyan
#: union"), never bare ("both parties").
_NAMED_ONLY_NOUNS = _words("party union movement committee association network front")
#: Body nouns whose named instance is non-governmental unless a word says whose government.
_COUNCIL_NOUNS = _words("council committee commission")
#: Nouns that count people: "thousands of protesters".
_QUANTITY_NOUNS = _words("hundred thousand million dozen score number group lot handful")
#: Group nouns that name a party to something, not the people of a place ("both sides").
_RELATIONAL_NOUNS = _words("side party member delegation family")
#: Words of a mention that sits abroad: its country says nothing about the sentence's.
_ABROAD_WORDS = _words("embassy consulate ambassador envoy diplomat diplomats mission")
#: Nouns for a state's act or position: "a Russian proposal" is a mention of Russia.
_ACT_NOUNS = _words(
    """proposal plan change demand policy offensive operation decision position offer
    initiative strike attack aggression involvement support pressure sanction sanctions
    intervention invasion incursion occupation threat refusal response request
    bid move measure action campaign stance demand ultimatum warning veto retaliation
    crackdown blockade deployment withdrawal airstrike air-strike raid bombing shelling
    assault annexation approach stance plea call pledge commitment claim accusation
    objection protest condemnation criticism mediation proposals"""
)
#: Compass and area words that make a demonym a region's ("South American", "North African").
_AREA_WORDS = _words(
    "south north east west southern northern eastern western central latin sub-saharan "
    "southeast northeast southwest northwest middle"
)
_CURRENCY_SIGNS = "$€£¥₹"
#: Head nouns of commercial ships (an organisation, sector BUS, when flagged, owned or named).
_SHIP_NOUNS = _words("tanker supertanker ship vessel freighter boat trawler ferry carrier")
#: Head nouns of warships (sector MIL).
_WARSHIP_NOUNS = _words("destroyer frigate corvette cruiser")
#: Words that must precede "carrier"/"boat" for it to be a ship ("bulk carrier", "aircraft
#: carrier"), never an airline or a mail carrier.
_SHIP_CARRIER_WORDS = _words("bulk ore car gas lng oil aircraft cargo fishing patrol")
#: Words before "carrier" that make it a warship.
_WARSHIP_WORDS = _words("aircraft naval navy war")
#: Participles after a country that say whose a ship is: flag or owner.
_FLAG_WORDS = _words("flagged registered")
_OWNER_WORDS = _words("owned operated managed")
#: Nouns by which a later mention refers back to a named group ("the group's leader").
_GROUP_ANAPHORS = _words(
    "group movement militia party organization organisation faction outfit insurgency"
)
#: Kinds of candidates that "the group" can refer back to.
_GROUP_ANTECEDENT_KINDS = frozenset({"nonstate", "organization"})
#: Verbs whose object a sentence presents as a target or opponent.
_TARGET_VERBS = _words(
    "target attack invade bomb strike shell threaten sanction fight raid besiege"
)
#: Particles inside Arabic, Dutch, German… names ("el-Sisi", "bin Salman", "van der Berg").
_NAME_PARTICLES = _words("el al bin ibn bint ben abu van von de der den da di du la le")


@dataclass(frozen=True)
class _Match:
    """A lexicon match over tokens ``[start, end)``."""

    start: int
    end: int
    entry: Entry
    fuzzy: bool = False


@dataclass(frozen=True)
class _NounSpan:
    """A generic actor noun over tokens ``[start, end)`` with its syntactic root."""

    start: int
    end: int
    root: int
    noun: Noun
    text: str


@dataclass(frozen=True)
class _Clue:
    """What says whose an actor is: country, sector, code and the words that say it."""

    country: str | None
    sector: str | None
    code: str | None
    text: str
    kind: str


@dataclass(frozen=True)
class _Context:
    """Where a document is: free place mentions per sentence and its dominant country."""

    by_sent: dict[int, list[tuple[int, str, str]]]  # sentence -> [(token, country, text)]
    dominant: tuple[str, str] | None  # (country, text of its first mention)


@dataclass
class _Cand:
    """A mention candidate before merging."""

    start: int
    end: int
    head: int
    rule: str
    reason: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None = None
    name: str = ""
    title: str | None = None
    count: int | None = None
    key: tuple[object, ...] = ()
    context: bool = False
    person: str | None = None
    appositive: bool = False
    phrase: str = ""
    weak: bool = False
    domestic: bool = False


def _lookup_matches(doc: Doc, lex: Lexicon) -> dict[int, _Match]:
    """Greedy longest lexicon matches, indexed by every token they cover."""
    norms = [normalize(t.text) if t.lower_ != "the" else "the" for t in doc]
    sent_starts = [bool(t.is_sent_start) for t in doc]
    found: dict[int, _Match] = {}
    i = 0
    n = len(doc)
    while i < n:
        best: _Match | None = None
        if norms[i] and norms[i] != "the" and doc[i].text[0].isalnum():
            key = ""
            for j in range(i, n):
                if j > i and sent_starts[j]:
                    break
                if not norms[j]:
                    continue
                key = f"{key} {norms[j]}" if key else norms[j]
                if key not in lex.prefixes:
                    break
                if key in lex.proper:
                    entries = lex.lookup(key, doc[i : j + 1].text)
                    if entries:
                        best = _Match(i, j + 1, _pick(entries))
        if best is None:
            best = _fuzzy_country(doc, i, lex)
        if best is not None:
            for j in range(best.start, best.end):
                found[j] = best
            i = best.end
        else:
            i += 1
    return found


def _within_one_edit(a: str, b: str) -> bool:
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


def _country_words(lex: Lexicon) -> dict[str, Entry]:
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


_COUNTRY_WORDS: dict[int, dict[str, Entry]] = {}


def _fuzzy_country(doc: Doc, i: int, lex: Lexicon) -> _Match | None:
    """A misspelt country name ("Ethopia"): one edit from exactly one country name.

    Only a lone capitalised proper noun of six letters or more that is no known name, no
    person and no part of a longer name qualifies; common words never do.
    """
    token = doc[i]
    text = token.text
    if (
        token.pos_ != "PROPN" or len(text) < 6 or not text.isalpha() or not text[0].isupper()
        or text.isupper() or token.ent_type_ == "PERSON" or normalize(text) in lex.proper
    ):
        return None
    if any(ent.start <= i < ent.end and len(ent) > 1 for ent in doc.ents):
        return None
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc) and doc[j].pos_ == "PROPN":
            return None
    word = normalize(text)
    hits = {e.country: e for key, e in _country_words(lex).items() if _within_one_edit(word, key)}
    if len(hits) != 1:
        return None
    return _Match(i, i + 1, next(iter(hits.values())), fuzzy=True)


def _pick(entries: tuple[Entry, ...]) -> Entry:
    order = ("body", "seat", "igo", "leader", "country", "capital", "adjective", "people",
             "region", "ethnic", "us_state", "city", "province")
    return min(entries, key=lambda e: order.index(e.type))


def _word_variants(text: str) -> tuple[str, ...]:
    """The last normalised word of ``text`` and its de-pluralised forms ("" when none)."""
    words = normalize(text).split()
    if not words:
        return ("",)
    last = words[-1]
    out = [last]
    if last.endswith("s"):
        out.append(last[:-1])
        if last.endswith("es"):
            out.append(last[:-2])
    return tuple(out)


def _noun_spans(doc: Doc, lex: Lexicon, taken: dict[int, _Match]) -> dict[int, _NounSpan]:
    """Generic actor nouns (longest first), indexed by their root token."""
    spans: dict[int, _NounSpan] = {}
    covered: set[int] = set()
    n = len(doc)
    tokens = list(doc)
    last_words = lex.noun_last_words or frozenset(k.split()[-1] for k in lex.nouns if k)
    texts = [t.text for t in tokens]
    lemmas_all = [t.lemma_ for t in tokens]
    pos = [t.pos_ for t in tokens]
    tags = [t.tag_ for t in tokens]
    heads = [t.head.i for t in tokens]
    sent_start = [bool(t.is_sent_start) for t in tokens]
    bad_punct = [t.is_punct and t.text != "-" for t in tokens]
    nouny = [pos[k] in ("NOUN", "PROPN", "ADJ") or tags[k] in ("NN", "NNS") for k in range(n)]
    # a phrase can only be a noun when its last word ends some noun phrase of the lexicon
    can_end = [
        nouny[k]
        and (pos[k] != "ADJ" or tokens[k].lower_ in ("military", "public", "national"))
        and any(
            w == "" or w in last_words
            for w in (*_word_variants(texts[k]), *_word_variants(lemmas_all[k]))
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
            if any(bad_punct[j] for j in range(i, end)) or tokens[i].dep_ == "det":
                continue
            if any(sent_start[j] for j in range(i + 1, end)):
                continue
            words = texts[i:end]
            noun = noun_of(" ".join(words)) or noun_of(
                " ".join([*lemmas_all[i : end - 1], lemmas_all[end - 1]])
            )
            if noun is None:
                continue
            roots = [j for j in range(i, end) if not (i <= heads[j] < end) or heads[j] == j]
            root = roots[0] if len(roots) == 1 else end - 1
            if length > 1 and root != end - 1 and "of" not in words:
                root = end - 1
            span = _NounSpan(i, end, root, noun, doc[i:end].text)
            spans[root] = span
            covered.update(range(i, end))
            break
    return spans


def _number(token: Token) -> int | None:
    """The integer a number token says, or None ("thousands" has none)."""
    text = token.text.lower().replace(",", "")
    if re.fullmatch(r"\d+", text):
        value = int(text)
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in _SCALE and nxt.head == token:
            value *= _SCALE[nxt.lower_]
        return value
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return int(float(text))
    return None


class _Finder:
    """One pass over one document."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.matches = _lookup_matches(doc, lex)
        self._drop_bad_matches()
        self.nouns = _noun_spans(doc, lex, self.matches)
        self.noun_tokens = {k for n in self.nouns.values() for k in range(n.start, n.end)}
        self.person_ents = self._person_entities()
        self.claimed: set[int] = set()
        self.cands: list[_Cand] = []
        self.sent_ids = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for j in range(sent.start, sent.end):
                self.sent_ids[j] = k

    # ---- lexicon clean-up -------------------------------------------------------------

    def _drop_bad_matches(self) -> None:
        doc = self.doc
        dropped: set[_Match] = set()
        for match in set(self.matches.values()):
            entry = match.entry
            if entry.type in ("leader", "body", "seat", "igo"):
                continue
            for ent in doc.ents:
                inside = ent.start <= match.start and match.end <= ent.end
                if inside and ent.label_ == "PERSON" and len(ent) > match.end - match.start:
                    dropped.add(match)
            if match.start == match.end - 1 and doc[match.start].lower_ in _MONTHS:
                dropped.add(match)
            if self._currency(match):
                dropped.add(match)  # "US$", "HK$": a currency, not a state
            prev = doc[match.start - 1] if match.start > 0 else None
            if (
                entry.type in ("adjective", "people")
                and prev is not None
                and prev.lower_ in _AREA_WORDS
                and prev.text[:1].isupper()
                and prev.i not in self.matches
            ):
                dropped.add(match)  # "South American", "North African": a region's people
            if entry.type == "country" and entry.country == "GEO" and self._us_state_context(
                match
            ):
                new = _Match(match.start, match.end, Entry("us_state", "Georgia", "USA"))
                for j in range(match.start, match.end):
                    self.matches[j] = new
        for match in dropped:
            for j in range(match.start, match.end):
                if self.matches.get(j) == match:
                    del self.matches[j]

    def _currency(self, match: _Match) -> bool:
        """Whether a name is part of a currency sign ("US$", "HK $")."""
        doc = self.doc
        text = doc[match.start : match.end].text
        if any(ch in text for ch in _CURRENCY_SIGNS):
            return True
        last = doc[match.end - 1]
        return (
            match.end < len(doc)
            and not last.whitespace_
            and any(ch in doc[match.end].text[:1] for ch in _CURRENCY_SIGNS)
        )

    def _us_state_context(self, match: _Match) -> bool:
        """Whether "Georgia" here is the US state: "Atlanta, Georgia", "the state of Georgia"."""
        doc = self.doc
        before = doc[max(0, match.start - 3) : match.start]
        after = doc[match.end : match.end + 2]
        words_before = [t.lower_ for t in before]
        if words_before[-2:] == ["state", "of"]:
            return True
        if len(before) >= 2 and before[-1].text == ",":
            prev = self.matches.get(before[-2].i)
            if prev and prev.entry.country == "USA":
                return True
        cues = [t.lower_ for t in after if t.tag_ != "POS"]
        if cues and cues[0] in _US_STATE_CUES:
            return True
        sent = doc[match.start].sent
        return any(
            (m := self.matches.get(t.i)) is not None
            and m.entry.type == "city"
            and m.entry.country == "USA"
            for t in sent
        )

    def _person_entities(self) -> list[tuple[int, int]]:
        """Person names: NER PERSON spans (titles stripped) and known leaders."""
        doc = self.doc
        spans: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start, ent.end
            while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
                end -= 1
            while start < end and (
                doc[start].lower_ in _TITLE_MODIFIERS
                or self.lex.noun(doc[start].text) is not None
                or (
                    (m := self.matches.get(start)) is not None
                    and m.entry.type not in ("leader",)
                    and m.end <= end
                    and m.end - start < end - start
                )
            ):
                start += 1
            if start >= end:
                continue
            inner = [self.matches.get(j) for j in range(start, end)]
            if all(m is not None and m.entry.type != "leader" for m in inner):
                continue
            if end - start == 1 and doc[start].lower_ in _MONTHS:
                continue
            spans.append((start, end))
        covered = {j for s, e in spans for j in range(s, e)}
        for match in set(self.matches.values()):
            if match.entry.type == "leader" and not covered & set(range(match.start, match.end)):
                spans.append((match.start, match.end))
        return self._join_particles(sorted(spans))

    def _join_particles(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """One name across a particle: "Abdel Fattah" + "el-Sisi", "Ahmed" + "bin Ali"."""
        doc = self.doc
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
                    and all(doc[j].lower_ in _NAME_PARTICLES or doc[j].text == "-" for j in gap)
                    and particle is not None
                    and particle.lower_ in _NAME_PARTICLES
                    and not doc[e0 - 1].whitespace_.count("\n")
                    and doc[e0 - 1].text not in (",", ";", ":")
                    and all(not doc[j].is_sent_start for j in range(e0, start + 1))
                ):
                    out[-1] = (s0, end)
                    continue
            out.append((start, end))
        return out

    # ---- helpers ----------------------------------------------------------------------

    def np_start(self, head: Token) -> int:
        """First token of the noun phrase headed by ``head`` (left modifiers only)."""
        start = head.i
        for child in head.lefts:
            if child.dep_ in ("punct", "cc", "conj", "appos", "prep", "advcl", "relcl"):
                continue
            start = min(start, child.left_edge.i)
        # never cross a comma, colon or dash inside the left part
        for j in range(head.i - 1, start - 1, -1):
            if self.doc[j].text in (",", ":", ";", "—", "–", "(", ")", '"', "“", "”"):
                return j + 1
        return start

    def is_actor_head(self, token: Token) -> bool:
        """Whether ``token`` heads an actor noun phrase (a role/body noun, a person, a body)."""
        if token.i in self.nouns:
            return True
        match = self.matches.get(token.i)
        if match and match.entry.type in _NAMED | {"leader", "people"}:
            return True
        if match and match.entry.type == "ethnic" and token.tag_ in ("NNS", "NNPS"):
            return True
        return any(s <= token.i < e for s, e in self.person_ents)

    def clue_of_match(self, match: _Match) -> _Clue | None:
        entry = match.entry
        text = self.doc[match.start : match.end].text
        if entry.type == "ethnic":
            return _Clue(None, None, None, text, "ethnic")
        if entry.type not in _GIVERS:
            return None
        sector = entry.sector if entry.type in ("seat", "body", "igo") else None
        code = entry.code if entry.type in ("igo", "leader") else None
        return _Clue(entry.country, sector, code, text, entry.type)

    def affiliation(self, head: Token, start: int, skip: set[int]) -> list[_Clue]:
        """Clues in the modifiers, possessor and of/for/from complements of a head noun."""
        clues: list[_Clue] = []
        seen: set[int] = set()
        for j in range(start, head.i):
            if j in skip:
                continue
            match = self.matches.get(j)
            if match is None or id(match) in seen:
                continue
            seen.add(id(match))
            clue = self.clue_of_match(match)
            if clue:
                clues.append(clue)
        for child in head.rights:
            if child.dep_ != "prep" or child.lower_ not in _AFFILIATION_PREPS:
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                for tok in (obj, *[c for c in obj.conjuncts]):
                    clue = self.clue_of_head(tok)
                    if clue and clue.kind not in ("capital_loc",):
                        clues.append(clue)
        return clues

    def clue_of_head(self, token: Token) -> _Clue | None:
        """The clue an NP headed by ``token`` gives as an affiliation (country, body…)."""
        match = self.matches.get(token.i)
        if match:
            return self.clue_of_match(match)
        if token.i not in self.nouns and token.pos_ == "NOUN":
            # "the government of Sindh province": a place name modifying a common noun
            for child in token.lefts:
                place = self.matches.get(child.i)
                if child.dep_ in ("compound", "amod", "poss") and place is not None:
                    return self.clue_of_match(place)
        if token.i in self.nouns:
            inner = self.affiliation(token, self.np_start(token), set())
            for clue in inner:
                if clue.country:
                    noun = self.nouns[token.i].noun
                    sector = clue.sector or (noun.sector if noun.kind != "person" else None)
                    return _Clue(clue.country, sector, clue.code, clue.text, "body")
        for s, e in self.person_ents:
            if s <= token.i < e:
                return None
        return None

    def in_location_pp(self, token: Token) -> bool:
        """Whether ``token`` is the object of a locative preposition ("in Washington")."""
        if token.dep_ != "pobj":
            return False
        prep = token.head
        if prep.lower_ not in _LOCATIVE_PREPS:
            return False
        if prep.lower_ in ("to", "toward", "towards"):
            gov = prep.head
            if gov.pos_ == "VERB" and gov.lemma_.lower() not in _MOTION_VERBS:
                return False
        if prep.lower_ in ("from", "at", "on", "over") and prep.head.pos_ == "VERB":
            return prep.head.lemma_.lower() in _MOTION_VERBS or prep.lower_ == "at"
        return True

    def is_dateline(self, match: _Match) -> bool:
        doc = self.doc
        first = match.start == 0 or doc[match.start - 1].text.endswith("\n") or (
            "\n" in doc[match.start - 1].whitespace_ or doc[match.start - 1].is_space
        )
        nxt = doc[match.end] if match.end < len(doc) else None
        return first and nxt is not None and nxt.text in (":", "—", "–", "-", "(", ",")

    # ---- candidates -------------------------------------------------------------------

    def add(self, cand: _Cand) -> None:
        self.cands.append(cand)
        self.claimed.update(range(cand.start, cand.end))

    def run(self) -> list[_Cand]:
        self.find_vessels()
        self.find_people()
        self.find_surnames()
        doc = self.doc
        org_starts = {ent.start: ent for ent in doc.ents if ent.label_ in ("ORG", "FAC")}
        for token in doc:
            if token.i in self.claimed:
                continue
            ent = org_starts.get(token.i)
            if ent is not None and self.unknown_org(ent):
                self.org_entity(token)
            elif token.i in self.nouns:
                self.generic(token)
            elif token.i in self.matches:
                match = self.matches[token.i]
                if token.i == match.start:
                    self.named(match)
        for token in doc:
            if token.lower_ in _PRONOUNS and token.pos_ == "PRON" and token.i not in self.claimed:
                self.add(_Cand(token.i, token.i + 1, token.i, "coref.pronoun", "", "person",
                               None, None))
        self.owner_from_verb()
        self.domestic_context()
        self.group_coref()
        return sorted(self.cands, key=lambda c: c.start)

    def ship_country(self, token: Token) -> tuple[str, str, str] | None:
        """(country, 'flag'|'owner', text) said by a modifier of a ship: "Norwegian",
        "Liberian-flagged", "U.S.-owned"."""
        doc = self.doc
        text = token.text
        if "-" in text and text.rsplit("-", 1)[1].lower() in _FLAG_WORDS | _OWNER_WORDS:
            prefix, word = text.rsplit("-", 1)
            for entry in self.lex.lookup(prefix, prefix):
                if entry.type in ("country", "adjective") and entry.country:
                    kind = "owner" if word.lower() in _OWNER_WORDS else "flag"
                    return entry.country, kind, text
            return None
        match = self.matches.get(token.i)
        if match is None or match.entry.type not in ("country", "adjective"):
            return None
        country = match.entry.country
        if not country or country in ("IGO", "NGO"):
            return None
        after = match.end
        if after + 1 < len(doc) and doc[after].text == "-":
            word = doc[after + 1].lower_
            if word in _OWNER_WORDS:
                return country, "owner", doc[match.start : after + 2].text
            if word in _FLAG_WORDS:
                return country, "flag", doc[match.start : after + 2].text
        return country, "flag", doc[match.start : match.end].text

    def find_vessels(self) -> None:
        """Ships as actors (rule "org.vessel"): "a Norwegian tanker", "the Liberian-flagged
        container ship", "a tanker owned by a Greek firm", "the merchant vessel Coral Star".

        Warships are MIL, other ships BUS. The owner's country wins over the flag's (the
        reason says which). A ship with neither a country nor a name is not an actor.
        """
        doc = self.doc
        for tok in doc:
            if tok.pos_ != "NOUN" or tok.i in self.claimed:
                continue
            lemma = tok.lemma_.lower()
            left = {c.lower_ for c in tok.lefts if c.dep_ in _MODIFIER_DEPS | {"amod"}}
            if lemma in _WARSHIP_NOUNS:
                sector = "MIL"
            elif lemma in _SHIP_NOUNS:
                if lemma in ("carrier", "boat") and not left & _SHIP_CARRIER_WORDS:
                    continue
                sector = "MIL" if left & (_WARSHIP_WORDS | {"patrol"}) else "BUS"
            else:
                continue
            # a name right after the noun: "the tanker Coral Star"
            end = tok.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and end not in self.matches:
                end += 1
            named = end > tok.i + 1
            if tok.dep_ == "compound" and not named:
                continue  # "tanker traffic", "ship owners"
            start = self.np_start(tok)
            if named:
                start = min(start, self.np_start(doc[end - 1]))
            found: dict[str, tuple[str, str]] = {}
            for j in range(start, tok.i):
                got = self.ship_country(doc[j])
                if got is not None:
                    found.setdefault(got[1], (got[0], got[2]))
            # "flagged in Panama", "owned by a Greek company"
            parts = [c for c in tok.rights if c.dep_ in ("acl", "relcl")]
            for child in parts + [j for c in parts for j in c.conjuncts]:
                word = child.lower_
                if word not in _FLAG_WORDS | _OWNER_WORDS:
                    continue
                for prep in child.children:
                    if prep.dep_ not in ("prep", "agent"):
                        continue
                    for obj in prep.children:
                        clue = self.clue_of_head(obj) if obj.dep_ == "pobj" else None
                        if clue and clue.country and clue.country not in ("IGO", "NGO"):
                            kind = "owner" if word in _OWNER_WORDS else "flag"
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
            name = doc[tok.i + 1 : end].text if named else _strip_det(span)
            self.add(_Cand(start, end, tok.i, "org.vessel", reason, "organization", country,
                           sector, name=name, phrase=name))

    def group_people(self, tok: Token) -> list[int]:
        """Indices of the person candidates that "the group" at ``tok`` describes:
        "NAME, a member of the group's bureau", "a spokesman for the group, NAME"."""
        doc = self.doc
        by_head: dict[int, list[int]] = {}
        for k, cand in enumerate(self.cands):
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
        for k, cand in enumerate(self.cands):
            head = doc[cand.head]
            if cand.kind == "person" and head.dep_ == "appos" and head.head.i in heads:
                found.append(k)
        names = {self.cands[k].person for k in found if self.cands[k].appositive}
        for k, cand in enumerate(self.cands):
            if cand.kind == "person" and not cand.appositive and cand.person in names:
                found.append(k)
        return sorted(set(found))

    def group_coref(self) -> None:
        """"The group" after a named group ("coref.group"): "NAME, a member of the group's
        political bureau" and "a spokesman for the group" are of the most recent group,
        movement or organisation named before it (this or the previous two sentences) and
        take its country and sector, over a country guessed from context."""
        doc = self.doc
        quoted = [
            next((t.text for t in sent if not t.is_space), "") in ('"', "\u201c")
            for sent in doc.sents
        ]
        for tok in doc:
            if tok.lemma_.lower() not in _GROUP_ANAPHORS or tok.tag_ != "NN":
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
                continue
            if not (tok.dep_ == "poss" or (
                tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of", "from", "with")
            )):
                continue
            people = self.group_people(tok)
            if not people:
                continue
            here = self.sent_ids[tok.i]
            ante = None
            for cand in self.cands:
                if cand.start >= tok.i or cand.start <= tok.i < cand.end:
                    continue
                there = self.sent_ids[cand.start]
                # sentences that open with a quotation do not count towards the distance
                between = sum(1 for k in range(there + 1, here) if not quoted[k])
                if (there < here and between > 1) or cand.rule == "org.vessel":
                    continue
                generic = cand.rule.endswith(".noun") or cand.rule == "group.count"
                if generic and (cand.sector not in ("REB", "OPP")
                                or doc[cand.head].tag_ != "NN"):
                    continue  # "companies", "protesters": not a group "the group" names
                groupish = cand.kind in _GROUP_ANTECEDENT_KINDS or (
                    cand.kind == "group" and cand.sector in ("REB", "OPP")
                )
                if groupish and (ante is None or cand.start > ante.start):
                    ante = cand
            if ante is None:
                continue
            ante_name = ante.name or doc[ante.start : ante.end].text
            for k in people:
                cand = self.cands[k]
                if cand.country is not None and not cand.context:
                    continue  # "a Lebanese member of the group": said outright
                self.cands[k] = replace(
                    cand, country=ante.country, sector=ante.sector, code=ante.code,
                    context=False, key=(),
                    reason=cand.reason + f"; coref.group: 'the {tok.text}' -> '{ante_name}'",
                )

    def context(self) -> _Context:
        """Free place mentions per sentence and the document's dominant country.

        A place is free unless it is a destination ("to Germany") or says whose another
        person or group is ("Japanese Prime Minister X", "their Korean counterparts").
        """
        doc = self.doc
        owned: set[int] = set()
        for cand in self.cands:
            if cand.kind in ("person", "group") and cand.country and not cand.context:
                owned.update(range(cand.start, cand.end))
        sent_index = {s.start: k for k, s in enumerate(doc.sents)}
        by_sent: dict[int, list[tuple[int, str, str]]] = {}
        counts: dict[str, int] = {}
        first: dict[str, tuple[int, str]] = {}
        for match in sorted(set(self.matches.values()), key=lambda m: m.start):
            entry = match.entry
            if entry.type not in _PLACE_TYPES or entry.country in (None, "IGO", "NGO"):
                continue
            country = entry.country
            assert country is not None
            text = doc[match.start : match.end].text
            weight = 1
            if self.is_destination(match.start) or match.start in owned:
                weight = 0
            if match.end < len(doc) and doc[match.end].text == "-":
                weight = 0  # "US-built", "Saudi-owned": a maker, not where the sentence is
            counts[country] = counts.get(country, 0) + weight
            first.setdefault(country, (match.start, text))
            if not weight:
                continue
            head = doc[match.start : match.end].root
            if head.dep_ == "dobj" and head.head.lemma_.lower() == "visit":
                continue
            sent = sent_index[doc[match.start].sent.start]
            by_sent.setdefault(sent, []).append((match.start, country, text))
        dominant = None
        if counts:
            best = max(counts, key=lambda c: (counts[c], -first[c][0]))
            dominant = (best, first[best][1])
        return _Context(by_sent, dominant)

    def unknown_org(self, ent: Span) -> bool:
        """An organisation name the lexicon does not know, containing a place or country."""
        if len(ent) < 2:
            return False
        for j in range(ent.start, ent.end):
            match = self.matches.get(j)
            if j in self.nouns or (match and match.entry.type in _NAMED | {"leader"}):
                return False
            if match and match.end > ent.end:
                return False
        plain = [
            t for t in ent
            if t.i not in self.matches and t.is_alpha and t.lower_ != "the" and not t.is_stop
        ]
        return bool(plain) and any(
            (m := self.matches.get(j)) is not None and m.entry.country
            for j in range(ent.start, ent.end)
        )

    def owner_from_verb(self) -> None:
        """Troops a state deploys or sends are its troops: "X deployed thousands of soldiers"."""
        by_head = {c.head: c for c in self.cands}
        for k, cand in enumerate(self.cands):
            if cand.country is not None or cand.sector != "MIL" or cand.kind == "state":
                continue
            tok = self.doc[cand.head]
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj":
                tok = tok.head.head
            if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _OWNER_VERBS:
                continue
            for subj in tok.head.children:
                owner = by_head.get(subj.i) if subj.dep_ == "nsubj" else None
                if owner is not None and owner.country and owner.country not in ("IGO", "NGO"):
                    self.cands[k] = replace(
                        cand, country=owner.country, key=(),
                        reason=cand.reason + f"; {tok.head.lemma_}ed by '{subj.text}'",
                    )

    def is_destination(self, start: int) -> bool:
        """Whether the name at ``start`` is the object of "to"/"into" ("Ambassador to X")."""
        j = start - 1
        while j >= 0 and self.doc[j].lower_ == "the":
            j -= 1
        return j >= 0 and self.doc[j].lower_ in _DESTINATION_PREPS

    def title_noun_of(self, start: int) -> _NounSpan | None:
        """The role noun in the title right before a name at ``start``, if any."""
        found = None
        for j in range(self.title_prefix(start), start):
            noun = self.nouns.get(j)
            if noun and noun.noun.kind == "person":
                found = noun
        return found

    def listed_under(self, token: Token) -> Token | None:
        """The organisation noun heading a list the token is in ("firms including A, B")."""
        tok = token
        for _ in range(8):
            if tok.dep_ in ("compound", "conj"):
                tok = tok.head
            else:
                break
        if tok.dep_ == "pobj" and tok.head.lower_ in _LIST_PREPS:
            head = tok.head.head
        elif token.dep_ == "conj" and any(
            c.dep_ == "prep" and c.lower_ in _LIST_PREPS and c.i < token.i for c in tok.children
        ):
            head = tok
        else:
            return None
        noun = self.nouns.get(head.i)
        if noun is None or noun.noun.kind == "person" or head.tag_ not in ("NNS", "NNPS"):
            return None
        return head

    def find_people(self) -> None:
        doc = self.doc
        for start, end in self.person_ents:
            if start in self.claimed:
                continue  # a ship's name ("the tanker Coral Star")
            name_span = doc[start:end]
            root = name_span.root
            if self.listed_under(root) is not None:
                continue  # a company in "firms including A, B": an organisation
            if start > 0 and self.org_name_head(doc[start - 1]) is not None:
                continue  # "airline Foo Air": the name of an organisation
            title_start = self.title_prefix(start)
            clues: list[_Clue] = []
            title_noun: _NounSpan | None = None
            body_sector: str | None = None
            for j in range(title_start, start):
                noun = self.nouns.get(j)
                if noun:
                    if noun.noun.kind == "person":
                        title_noun = noun
                    elif noun.noun.sector:
                        body_sector = noun.noun.sector
            seen: set[int] = set()
            for j in range(title_start, start):
                match = self.matches.get(j)
                if match and id(match) not in seen:
                    seen.add(id(match))
                    if self.is_destination(match.start):
                        continue  # "Ambassador to Germany": not whose she is
                    clue = self.clue_of_match(match)
                    if clue:
                        clues.append(clue)
                        if clue.kind in ("body", "seat") and clue.sector in _GROUP_SECTORS:
                            body_sector = body_sector or clue.sector
            if title_noun is None and root.dep_ == "conj":
                # "Presidents A of X and B of Y": B shares A's plural title
                first = root.head
                if first.dep_ == "pobj" and first.head.lower_ == "of":
                    first = first.head.head  # "A of X and B": B hangs off X in the parse
                for s2, e2 in self.person_ents:
                    if s2 <= first.i < e2:
                        shared = self.title_noun_of(s2)
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
            if root.dep_ == "appos" and root.head.i < start and root.head.i in self.nouns:
                appos.append(root.head)
            # "NAME, who was the envoy to X,": the predicate of a relative clause on the name
            for rel in root.children:
                if rel.dep_ != "relcl" or rel.lemma_ != "be" or rel.i < end:
                    continue
                if any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in rel.children):
                    appos += [c for c in rel.children if c.dep_ == "attr" and c.i in self.nouns]
            for app in appos:
                noun = self.nouns.get(app.i)
                if noun is None or noun.noun.kind != "person":
                    continue
                app_start = self.np_start(app)
                app_clues = self.affiliation(app, app_start, set())
                if not title_noun:
                    title_noun, title = noun, noun.text
                    sector = noun.noun.sector
                clues.extend(app_clues)
                for clue in app_clues:
                    if clue.sector and clue.kind in ("body", "seat", "igo"):
                        body_sector = body_sector or clue.sector
                rule = "person.apposition"
                reason = f"apposition '{doc[app_start : app.i + 1].text}'"
                if app.i not in self.claimed:
                    self.add(_Cand(app_start, noun.end if noun.root == app.i else app.i + 1,
                                   app.i, "person.apposition", reason, "person", None, None,
                                   person=name_span.text, appositive=True))
            # "NAME of Nigeria", "NAME of the provincial council": whose the person is
            for child in root.rights:
                if child.dep_ != "prep" or child.lower_ not in ("of", "from"):
                    continue
                for obj in child.children:
                    clue = self.clue_of_head(obj) if obj.dep_ == "pobj" else None
                    if clue and clue.country:
                        clues.append(clue)
                        if clue.kind in ("body", "seat") and clue.sector:
                            body_sector = body_sector or clue.sector
                    body = self.nouns.get(obj.i) if obj.dep_ == "pobj" else None
                    if body is not None and body.noun.kind != "person" and body.noun.sector:
                        body_sector = body_sector or body.noun.sector
            country, code, clue_text = _first_country(clues)
            if title_noun and body_sector and title_noun.noun.sector in ("GOV", None):
                sector = body_sector
            if title_noun is None and sector is None and body_sector:
                sector = body_sector  # "NAME, of the provincial council": a member of it
            if clue_text:
                reason += f" + '{clue_text}'"
            leader = self.leader_for(name_span)
            if leader is not None:
                if country is None and not clues:
                    country, code = leader.country, leader.code
                    reason += f"; known person ({leader.name})"
                sector = sector or leader.sector
                title = title or leader.title
            if title_noun is None and not clues and leader is None:
                rule = "person.name"
            cand = _Cand(mention_start, end, root.i, rule, reason, "person", country, sector,
                         code, name=name_span.text, title=_title_case(title),
                         context=bool(title_noun) and country is None and not clues,
                         person=name_span.text)
            self.add(cand)

    def find_surnames(self) -> None:
        """Bare surnames the NER missed ("Ward said…") after a full name was seen."""
        doc = self.doc
        first_seen: dict[str, int] = {}
        for start, end in self.person_ents:
            if end - start > 1 and self.listed_under(doc[start:end].root) is None and not (
                start > 0 and self.org_name_head(doc[start - 1]) is not None
            ):
                first_seen.setdefault(doc[end - 1].text, start)
        for token in doc:
            seen_at = first_seen.get(token.text)
            if (
                seen_at is None
                or seen_at >= token.i
                or token.i in self.claimed
                or token.pos_ != "PROPN"
                or token.dep_ == "compound"
            ):
                continue
            self.add(_Cand(token.i, token.i + 1, token.i, "coref.surname", "surname", "person",
                           None, None, name=token.text, person=token.text))

    def leader_for(self, name: Span) -> Entry | None:
        words = normalize(name.text).split()
        tries = [" ".join(words)]
        swap = {"el": "al", "al": "el"}
        tries.append(" ".join(swap.get(w, w) for w in words))
        # "Abdel Fattah el-Sisi": the part from the particle on is a known short form
        at = next((k for k, w in enumerate(words) if k and w in _NAME_PARTICLES), None)
        if at is not None:
            tries += [" ".join(words[at:]), " ".join(swap.get(w, w) for w in words[at:])]
        for key in tries:
            for entry in self.lex.proper.get(key, ()):
                if entry.type == "leader":
                    return entry
        return None

    def title_prefix(self, start: int) -> int:
        """Leftmost token of the title words right before a name ("U.S. Secretary of State")."""
        doc = self.doc
        j = start - 1
        first = start
        gave = False
        sent_start = doc[start].sent.start
        while j >= sent_start:
            tok = doc[j]
            match = self.matches.get(j)
            if match and match.entry.type in _GIVERS | {"ethnic"}:
                j = match.start - 1
                first = match.start
                gave = True
                continue
            if (tok.lemma_.lower() in _FOLLOWER_NOUNS or tok.lower_ in _FOLLOWER_NOUNS) or (
                tok.tag_ in ("NNS", "NNPS") and doc[j + 1].lower_ == "of"
            ):
                break  # "supporters of X", "members of X": not a title of X
            if self.lex.noun(tok.text) is not None or j in self.noun_tokens:
                first = j
                j -= 1
                continue
            if tok.lower_ in _TITLE_MODIFIERS:
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
                    and j - 1 not in self.noun_tokens
                    and self.lex.noun(doc[j - 1].text) is None
                ))
            ):
                j -= 1  # "trade and industry commissioner": the portfolio stays in the title
                continue
            if tok.lower_ in ("of", "for", "the", "-") or tok.tag_ == "POS":
                j -= 1
                continue
            if (
                tok.lower_ in _DESTINATION_PREPS
                and j - 1 >= sent_start
                and self.lex.noun(doc[j - 1].text) is not None
            ):
                j -= 1  # "Ambassador to Germany": the destination stays in the title
                continue
            break
        while first < start and (
            doc[first].lower_ in ("of", "for", "the", "-") or doc[first].tag_ == "POS"
        ):
            first += 1
        return first

    def generic(self, token: Token) -> None:
        """A role or body noun: "two senior Kenyan diplomats", "the Chinese Embassy"."""
        doc = self.doc
        span = self.nouns[token.i]
        noun = span.noun
        if token.pos_ == "ADJ" and token.dep_ == "amod":
            return
        if noun.kind == "organization" and self.named_org(token, span):
            return
        if token.dep_ in ("compound", "amod", "nmod") and self.is_actor_head(token.head):
            return
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
            return
        start = min(self.np_start(token), span.start)
        clues = self.affiliation(token, start, set())
        end = max(span.end, token.i + 1)
        # "X of Y" complements that gave the country belong to the mention
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and (m := self.matches.get(obj.i)) and (
                        m.entry.type in ("country", "capital", "people")
                    ):
                        end = max(end, m.end)
        country, code, clue_text = _first_country(clues)
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
            noun.sector in ("CVL", "OPP", "REB", "COP", "REF", None)
            or (noun.kind == "organization" and noun.sector in ("MED", "BUS", "NGO", "EDU"))
        ):
            loc = self.location_country(token)
            if loc:
                country, where = loc
                reason += f"; located in '{where}'"
        if country is None and not ethnic and noun.phrase in _FOLLOWER_NOUNS:
            owner = self.person_owner(token)
            if owner:
                country, who = owner
                reason += f"; follows '{who}'"
        if country is None and ethnic:
            reason += f"; ethnic/religious group '{ethnic}' (no country)"
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "its") for c in token.children)
        context = country is None and noun.kind != "person" and definite and not ethnic
        # "the Brookings Institution", "the Refugee Council": a named non-governmental body
        named = token.text[:1].isupper() and not token.is_sent_start and (
            any(c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") for c in token.lefts)
            or self.named_of(token)
        )
        if noun.phrase in _NAMED_ONLY_NOUNS and not named and country is None:
            return  # "both parties", "the union of two firms": no organisation named
        if named and noun.phrase in _INSTITUTION_NOUNS:
            context = False
            sector = "NGO"
        elif named and noun.phrase in _COUNCIL_NOUNS and not any(
            c.lower_ in _GOVERNMENT_COUNCIL_WORDS
            for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")
        ) and any(
            c.dep_ == "compound" and c.i not in self.matches and (
                c.i not in self.nouns
                or self.nouns[c.i].noun.sector not in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")
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
            kind = "group" if plural or noun.phrase in ("police", "people", "public", "crowd",
                                                         "delegation", "population", "artillery",
                                                         "side") else "person"
        domestic = (
            country is None and kind == "group" and not ethnic and not context and not clues
            and noun.sector in _DOMESTIC_SECTORS and noun.phrase not in _RELATIONAL_NOUNS
        )
        if country is None and noun.weak and not ethnic and not context and not domestic and not (
            named and sector == "NGO"
        ):
            return
        count = None
        for child in token.children:
            if child.dep_ == "nummod":
                count = _number(child)
        rule = "group.count" if count else f"{kind}.noun"
        if kind == "state":
            rule = "state.body"
        if named and sector == "NGO" and country is None and not ethnic:
            country = "NGO"  # a named non-governmental body of no country
            reason += "; non-governmental, no country"
        if country == "IGO" or country == "NGO":
            code = code or country
        if named and self.named_of(token):
            last = token.right_edge.i
            while last > token.i and doc[last].is_punct:
                last -= 1
            end = max(end, last + 1)
        name = _strip_det(doc[start:end])
        cand = _Cand(start, end, token.i, rule, reason, kind, country,
                     sector if kind != "state" else noun.sector, code, name=name,
                     title=_title_case(span.text) if kind == "person" else None,
                     count=count, context=context, phrase=_lemma_key(span, doc),
                     weak=noun.weak, domestic=domestic)
        self.add(cand)
        if kind != "person":
            self.list_members(token, cand)

    def named_of(self, token: Token) -> bool:
        """ "Association of Jurists": a capitalised body noun named by an "of" phrase whose
        words are all capitalised (no place or known actor among them)."""
        if not token.text[:1].isupper() or token.is_sent_start:
            return False
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                words = [t for t in child.subtree if t.i != child.i]
                return bool(words) and all(
                    (t.text[:1].isupper() or t.pos_ in ("DET", "CCONJ", "ADP"))
                    and t.i not in self.matches for t in words
                ) and any(t.text[:1].isupper() for t in words)
        return False

    def person_owner(self, token: Token) -> tuple[str, str] | None:
        """Country of the person a follower noun follows: "supporters of X", "X's loyalists"."""
        owners = [c for c in token.lefts if c.dep_ in ("poss", "compound")]
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                owners += [o for o in child.children if o.dep_ == "pobj"]
        for owner in owners:
            for cand in self.cands:
                if (
                    cand.start <= owner.i < cand.end
                    and cand.kind == "person"
                    and cand.country not in (None, "IGO", "NGO")
                ):
                    assert cand.country is not None
                    return cand.country, cand.name or owner.text
        return None

    def domestic_context(self) -> None:
        """A group with no country in a sentence whose actors and places all share one
        country takes that country ("Protesters clashed with Bolivian police")."""
        doc = self.doc
        sent_of = self.sent_ids
        keep: list[_Cand] = []
        for cand in self.cands:
            if cand.domestic and cand.country is None:
                here = sent_of[cand.head]
                seen: dict[str, str] = {}
                abroad: set[int] = set()
                for other in self.cands:
                    if other is cand or sent_of[other.head] != here:
                        continue
                    words = set(normalize(doc[other.start : other.end].text).split())
                    if words & _ABROAD_WORDS:
                        abroad.update(range(other.start, other.end))
                        continue
                    if other.country in (None, "IGO", "NGO") or other.context:
                        continue
                    assert other.country is not None
                    seen.setdefault(other.country, doc[other.start : other.end].text)
                for match in set(self.matches.values()):
                    entry = match.entry
                    if (
                        sent_of[match.start] == here
                        and match.start not in abroad
                        and entry.type in _PLACE_TYPES
                        and entry.country not in (None, "IGO", "NGO")
                        and not self.is_destination(match.start)
                    ):
                        assert entry.country is not None
                        seen.setdefault(entry.country, doc[match.start : match.end].text)
                if len(seen) == 1:
                    country, text = next(iter(seen.items()))
                    cand = replace(
                        cand, country=country,
                        reason=cand.reason + f"; context.domestic: the sentence is about '{text}'",
                    )
                elif cand.weak:
                    continue
            keep.append(cand)
        self.cands = keep

    def named_org(self, token: Token, span: _NounSpan) -> bool:
        """"Iranian airline Foo Air", "the German carmaker Bar": the name is the organisation,
        of the noun's sector and the modifier's country."""
        doc = self.doc
        name_head = self.org_name_head(token)
        if name_head is None:
            return False
        name_start = token.i + 1
        if any(doc[j].pos_ != "PROPN" or j in self.claimed for j in range(name_start,
                                                                           name_head.i + 1)):
            return False
        start = min(self.np_start(token), span.start)
        clues = self.affiliation(token, start, set())
        country, code, clue_text = _first_country(clues)
        name = doc[name_start : name_head.i + 1].text
        reason = f"'{name}' named as a '{span.text}'"
        if clue_text:
            reason += f" + '{clue_text}'"
        self.add(_Cand(start, name_head.i + 1, name_head.i, "org.sector_noun", reason,
                       "organization", country, span.noun.sector, code, name=name,
                       key=("org", normalize(name))))
        return True

    def org_name_head(self, token: Token) -> Token | None:
        """The head of a name right after an organisation noun: "airline [Foo Air]"."""
        noun = self.nouns.get(token.i)
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
        if head.pos_ != "PROPN" or head.i in self.matches or head.i in self.nouns:
            return None
        return head

    def list_members(self, token: Token, cand: _Cand) -> None:
        """Names listed after an organisation noun: "German firms including A, B and C"."""
        doc = self.doc
        items: list[Token] = []
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _LIST_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        items += [obj, *obj.conjuncts]
                items += [c for c in token.children if c.dep_ == "conj" and c.i > child.i]
        for item in sorted(set(items), key=lambda t: t.i):
            if item.pos_ != "PROPN" or item.i in self.claimed or item.i in self.matches:
                continue
            start = item.i
            while start - 1 > token.i and doc[start - 1].dep_ == "compound" and (
                doc[start - 1].pos_ == "PROPN"
            ) and doc[start - 1].i not in self.claimed:
                start -= 1
            name = doc[start : item.i + 1].text
            self.add(_Cand(start, item.i + 1, item.i, "org.listed",
                           f"'{name}' listed among '{doc[cand.start : cand.end].text}'",
                           "organization", cand.country, cand.sector, None, name=name,
                           key=("org", normalize(name))))

    def modifier_country(self, token: Token) -> tuple[str, str] | None:
        """Country of a nationality or country word modifying ``token`` ("Iraqi Kurds")."""
        for child in token.lefts:
            match = self.matches.get(child.i)
            if child.dep_ in _MODIFIER_DEPS and match and match.entry.type in (
                "adjective", "country"
            ) and match.entry.country and match.end <= token.i:
                return match.entry.country, self.doc[match.start : match.end].text
        return None

    def location_country(self, token: Token) -> tuple[str, str] | None:
        """Country of an "in X" place attached to the noun, or to its verb."""
        places = list(token.rights)
        # "a group based in X", "fighters stationed in X": the place hangs off a participle
        for child in token.rights:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                places += list(child.rights)
        anchor = token
        for _ in range(3):  # "hundreds of thousands of people": the quantity is the subject
            if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and (
                anchor.head.head.like_num or anchor.head.head.lemma_.lower() in _QUANTITY_NOUNS
            ):
                anchor = anchor.head.head
        if anchor.dep_ in ("dobj", "nsubj", "nsubjpass") and anchor.head.pos_ == "VERB":
            places += [c for c in anchor.head.rights if c.i > token.i]
        for child in places:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "inside", "throughout"):
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    # "in Mosul", but also "in the northern city of Mosul"
                    for inner in sorted(obj.subtree, key=lambda t: abs(t.i - obj.i)):
                        match = self.matches.get(inner.i)
                        if match and match.entry.country and match.entry.type in (
                            "country", "capital", "city", "us_state", "province"
                        ):
                            return match.entry.country, inner.text
        return None

    def named(self, match: _Match) -> None:
        """A lexicon name: a state, capital, seat, body, IGO or people."""
        doc = self.doc
        entry = match.entry
        span = doc[match.start : match.end]
        head = span.root
        modifier = head.dep_ in _MODIFIER_DEPS and head.head.i not in range(match.start, match.end)
        if entry.type == "ethnic" and not modifier and head.tag_ in ("NNS", "NNPS") and (
            head.pos_ in ("PROPN", "NOUN")
        ):
            # "the Kurds": an ethnic group as an actor, with no country of its own;
            # "Iraqi Kurds": the group of that country
            loc = self.modifier_country(head) or self.location_country(head)
            start = min(self.np_start(head), match.start)
            count = next((_number(c) for c in head.children if c.dep_ == "nummod"), None)
            name = _strip_det(doc[start : match.end])
            self.add(_Cand(start, match.end, head.i, "group.ethnic",
                           f"ethnic/religious group '{span.text}'", "nonstate",
                           loc[0] if loc else None, None, name=name, count=count,
                           key=("generic", "nonstate", loc[0] if loc else None, None,
                                normalize(entry.name))))
            return
        if entry.type in ("city", "us_state", "province", "region", "ethnic"):
            return
        governor = head.head
        if head.dep_ == "conj" and entry.type in ("adjective", "country"):
            first = head.head
            while first.dep_ == "conj":
                first = first.head
            if first.dep_ in _MODIFIER_DEPS and first.head.i in self.nouns:
                self.coordinated(match, self.nouns[first.head.i])
                return
        if modifier and self.is_actor_head(governor) and governor.i not in self.claimed:
            return  # absorbed: the country of the noun it modifies
        if modifier and governor.i in self.claimed and governor.i in self.nouns:
            return
        if entry.type in _NAMED:
            kind = entry.kind or "organization"
            start = match.start
            if start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].head.i == head.i:
                start -= 1
            if entry.type == "seat" and kind == "state":
                key: tuple[object, ...] = ("state", entry.country, entry.sector)
                name = self.state_name(entry.country, entry.sector)
                rule = "seat.metonym"
            elif entry.type == "igo":
                key = ("igo", entry.code)
                name = entry.name
                rule = "igo.name"
            else:
                key = ("org", entry.name)
                name = entry.name
                rule = f"{entry.type}.name"
            code = entry.code
            self.add(_Cand(start, match.end, head.i, rule, f"lexicon {entry.type} '{span.text}'",
                           kind, entry.country, entry.sector, code, name=name, key=key))
            return
        if entry.type == "leader":
            return  # handled with people
        if entry.type == "capital":
            if self.in_location_pp(head) or self.is_dateline(match):
                return
            if head.dep_ == "compound" and not self.is_actor_head(governor):
                return
            if head.dep_ == "dobj" and governor.lemma_.lower() in _MOTION_VERBS:
                return
            if any(ent.label_ in ("ORG", "PERSON", "FAC") and len(ent) > len(span)
                   and ent.start <= match.start and match.end <= ent.end for ent in doc.ents):
                return
            nxt = doc[match.end] if match.end < len(doc) else None
            if nxt is not None and nxt.text == "," and match.end + 1 < len(doc):
                after = self.matches.get(match.end + 1)
                if after and after.entry.type in ("country", "us_state"):
                    return
            self.add(_Cand(match.start, match.end, head.i, "seat.metonym",
                           f"capital '{span.text}' used for its government", "state",
                           entry.country, "GOV", name=self.state_name(entry.country, "GOV"),
                           key=("state", entry.country, "GOV")))
            return
        if entry.type == "people":
            count = None
            for child in head.children:
                if child.dep_ == "nummod":
                    count = _number(child)
            start = self.np_start(head)
            # "Bosnian Serbs": the people of the modifier's country
            where = self.modifier_country(head)
            country = where[0] if where else entry.country
            reason = f"demonym '{span.text}'" + (f" in '{where[1]}'" if where else "")
            self.add(_Cand(start, match.end, head.i, "group.demonym", reason, "group", country,
                           None, name=_strip_det(doc[start : match.end]), count=count,
                           key=("generic", "group", country, None, normalize(span.text))))
            return
        rule = "state.adjective" if entry.type == "adjective" else "state.name"
        if match.fuzzy:
            rule = "state.name.fuzzy"
        if (
            entry.type == "adjective"
            and modifier
            and head.dep_ == "amod"
            and governor.pos_ == "NOUN"
            and not self.is_actor_head(governor)
            and governor.lemma_.lower() in _ACT_NOUNS
        ):
            rule = "state.adjective.act"  # "a Russian proposal": an act of that state
        if entry.type == "adjective" and not modifier and head.pos_ not in ("PROPN", "NOUN"):
            return
        if entry.type == "adjective" and any(
            ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW") and len(ent) > len(span)
            and ent.start <= match.start and match.end <= ent.end
            and not self.is_actor_head(ent.root) for ent in doc.ents
        ):
            return
        self.add(_Cand(match.start, match.end, head.i, rule, f"{entry.type} '{span.text}'",
                       "state", entry.country, None, name=self.state_name(entry.country, None),
                       key=("state", entry.country, None)))

    def coordinated(self, match: _Match, noun: _NounSpan) -> None:
        """The second of "Hungarian and Romanian officials": its own group of that noun."""
        doc = self.doc
        entry = match.entry
        root = doc[noun.root]
        kind = "group" if root.tag_ in ("NNS", "NNPS") or noun.noun.kind != "person" else "person"
        if noun.noun.kind not in ("person", "group"):
            kind = noun.noun.kind
        text = doc[match.start : match.end].text
        name = f"{text} {root.text}"
        self.add(_Cand(match.start, match.end, match.end - 1, "group.coordinated",
                       f"'{text}' coordinated with the modifier of '{noun.text}'", kind,
                       entry.country, noun.noun.sector, name=name,
                       phrase=_lemma_key(noun, doc)))

    def org_entity(self, token: Token) -> None:
        """An NER organisation not in the lexicon: country from a name inside it."""
        doc = self.doc
        ent = next((e for e in doc.ents if e.start == token.i), None)
        if ent is None or any(j in self.claimed for j in range(ent.start, ent.end)):
            return
        clues = []
        for j in range(ent.start, ent.end):
            match = self.matches.get(j)
            if match:
                clue = self.clue_of_match(match)
                if clue:
                    clues.append(clue)
        country, code, clue_text = _first_country(clues)
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
        self.add(_Cand(start, end, span.root.i, "org.ner", f"organisation named with '{clue_text}'",
                       "organization", country, None, code, name=span.text,
                       key=("org", normalize(span.text))))

    def state_name(self, country: str | None, sector: str | None) -> str:
        name = self.lex.country_name(country) or (country or "unknown")
        if sector == "GOV":
            adjective = self.lex.country_adjective(country)
            return f"{adjective} government" if adjective else f"Government of {name}"
        if sector:
            return f"{name} ({sector})"
        return name


def _first_country(clues: list[_Clue]) -> tuple[str | None, str | None, str | None]:
    for clue in clues:
        if clue.country:
            return clue.country, clue.code, clue.text
    return None, None, None


def _strip_det(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].dep_ in ("det", "nummod", "quantmod", "predet")
                      or tokens[0].like_num or tokens[0].lower_ in ("around", "about", "some")):
        tokens = tokens[1:]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def _lemma_key(span: _NounSpan, doc: Doc) -> str:
    return " ".join(t.lemma_.lower() for t in doc[span.start : span.end])


def _title_case(title: str | None) -> str | None:
    if not title:
        return None
    small = {"of", "the", "for", "and"}
    words = title.split()
    return " ".join(w if w.lower() in small or any(c.isupper() for c in w) else w.capitalize()
                    for w in words)


# ---- merging and coreference ------------------------------------------------------------


def _code(country: str | None, sector: str | None, code: str | None) -> str | None:
    if code:
        return code
    if not country:
        return sector and None
    return country + (sector or "")


def _resolve_people(doc: Doc, cands: list[_Cand], ctx: _Context) -> list[_Cand]:
    """Link surnames and he/she pronouns to people; fill a title's country from context."""
    people: dict[str, _Cand] = {}  # person key -> representative candidate
    surname: dict[str, str] = {}
    out: list[_Cand] = []
    last_person: str | None = None
    subject_by_sent: dict[int, str] = {}
    quote_of = _quote_ids(doc)
    recent: list[str] = []  # person keys, most recent last
    quotes_of: dict[str, set[int]] = {}  # person key -> quotes (0: outside) it is named in
    person_at: dict[int, str] = {}  # token -> person key of the mention covering it

    def seen(key: str, c: _Cand) -> None:
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
            cand = _context_country(doc, cand, ctx, sent_of)
            if cand.country is None and cand.weak:
                continue
        if cand.rule == "coref.pronoun":
            target = _pronoun_target(doc, cand, subject_by_sent, last_person, sent_of)
            banned = _coarguments(doc[cand.head], person_at)
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
            if doc[cand.head].dep_ in ("nsubj", "nsubjpass"):
                subject_by_sent.setdefault(sent_of(cand.start), target)
            out.append(cand)
            continue
        if cand.kind == "person" and cand.person and not cand.appositive:
            name = cand.person
            key = normalize(name)
            words = key.split()
            bare = " ".join(w for w in words if w not in _NAME_PARTICLES)
            if key not in surname and key not in people and bare in surname:
                key = bare  # "el-Sisi" after "Abdel Fattah el-Sisi"
            if key in surname and key not in people:
                cand = replace(cand, person=surname[key], rule="coref.surname",
                               reason=f"surname of {people[surname[key]].name}")
                key = surname[key]
            else:
                cand = replace(cand, person=key)
                if cand.context and cand.country is None:
                    cand = _context_country(doc, cand, ctx, sent_of, before=out)
                if key in people:
                    prior = people[key]
                    people[key] = _merge_person(prior, cand)
                else:
                    people[key] = cand
                # "Sisi", "el-Sisi", "Tayyip Erdogan": shorter forms of this name
                for k in range(1, len(words)):
                    surname[" ".join(words[k:])] = key
            last_person = key
            seen(key, cand)
            if doc[cand.head].dep_ in ("nsubj", "nsubjpass"):
                subject_by_sent.setdefault(sent_of(cand.start), key)
        elif cand.appositive and cand.person:
            cand = replace(cand, person=normalize(cand.person))
        out.append(cand)
    # give every person mention the resolved attributes of its person
    final: list[_Cand] = []
    for cand in out:
        if cand.person and cand.person in people:
            rep = people[cand.person]
            cand = replace(cand, kind="person", country=rep.country, sector=rep.sector,
                           code=rep.code, name=rep.name, title=rep.title,
                           key=("person", cand.person))
        final.append(cand)
    return final


def _merge_person(prior: _Cand, new: _Cand) -> _Cand:
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


def _quote_ids(doc: Doc) -> list[int]:
    """For each token, the number of the quotation it is inside (0: outside any).

    Straight quotes toggle; curly quotes open and close; a paragraph break ends a quote.
    """
    out = [0] * len(doc)
    current = 0
    count = 0
    for tok in doc:
        text = tok.text
        if text in ("\u201c",) or (text == '"' and not current):
            count += 1
            current = count
            out[tok.i] = current
            continue
        if text in ("\u201d",) or (text == '"' and current):
            out[tok.i] = current
            current = 0
            continue
        out[tok.i] = current
        if "\n\n" in tok.whitespace_ or (tok.is_space and "\n\n" in tok.text):
            current = 0
    return out


def _coarguments(token: Token, person_at: dict[int, str]) -> set[str]:
    """Persons a non-reflexive object pronoun cannot be: the subject of its own clause
    ("Smith praised him": him is not Smith)."""
    if token.lower_ not in ("him", "her") or token.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return {person_at[s.i] for s in subjects if s.i in person_at}


def _pronoun_target(doc: Doc, cand: _Cand, subjects: dict[int, str], last: str | None,
                    sent_of: object) -> str | None:
    assert callable(sent_of)
    here = sent_of(cand.start)
    if here in subjects:
        return subjects[here]
    if here - 1 in subjects:
        return subjects[here - 1]
    if last is None:
        return None
    return last


def _context_country(doc: Doc, cand: _Cand, ctx: _Context, sent_of: object,
                     before: list[_Cand] | None = None) -> _Cand:
    """Country for a title or body without one (reason "context"): the first free place
    named before it in the same sentence; for a person, else the nearest titled person
    with an explicit country in this or the previous sentence ("X was accompanied by
    Trade Minister Y"); else the document's dominant country."""
    assert callable(sent_of)
    here = sent_of(cand.start)
    own = range(cand.start, cand.end)
    title = (cand.title or "").lower().split()
    if cand.kind == "person" and title and title[-1] in _NATIONAL_LEGISLATORS:
        # "Senator X" sits in their own country's legislature: a foreign place nearby says
        # less than whose politicians the document is about, or its dominant country
        counts: dict[str, int] = {}
        for prior in before or []:
            if (prior.kind == "person" and prior.title and prior.country
                    and prior.country not in ("IGO", "NGO") and not prior.context):
                counts[prior.country] = counts.get(prior.country, 0) + 1
        if counts:
            best = max(counts, key=lambda c: counts[c])
            if list(counts.values()).count(counts[best]) == 1:
                return replace(cand, country=best, reason=cand.reason
                               + f"; context: country of the document's titled people ({best})")
        if ctx.dominant is not None:
            country, text = ctx.dominant
            return replace(cand, country=country, reason=cand.reason
                           + f"; context: document's dominant country '{text}'")
    # a person is not of the state the sentence presents as a target ("against X")
    opponents = _opponents(doc, ctx, here) if cand.kind == "person" else set()
    for token, country, text in ctx.by_sent.get(here, []):
        if token in own or token > cand.start or country in opponents:
            continue
        return replace(cand, country=country,
                       reason=cand.reason + f"; context: country from '{text}' in the sentence")
    if cand.kind == "person":
        for prior in reversed(before or []):
            if sent_of(prior.start) < here - 1:
                break
            if (prior.kind == "person" and (prior.title or prior.rule == "coref.pronoun")
                    and prior.country and prior.country not in opponents
                    and prior.country not in ("IGO", "NGO") and not prior.context):
                return replace(cand, country=prior.country,
                               reason=cand.reason + f"; context: country of '{prior.name}'")
    if ctx.dominant is not None and ctx.dominant[0] not in opponents:
        country, text = ctx.dominant
        return replace(cand, country=country,
                       reason=cand.reason + f"; context: document's dominant country '{text}'")
    return cand


def _opponents(doc: Doc, ctx: _Context, sent: int) -> set[str]:
    """Countries a sentence presents as a target or opponent: the object of "against",
    of "bound for", or of a verb of attack ("targeting X", "invaded X")."""
    out: set[str] = set()
    for token, country, _text in ctx.by_sent.get(sent, []):
        tok = doc[token]
        while tok.dep_ == "compound" and tok.head.i != tok.i:
            tok = tok.head
        head = tok.head
        against = tok.dep_ == "pobj" and (
            head.lower_ == "against"
            or (head.lower_ == "for" and head.head.lower_ == "bound")
        )
        if against or (tok.dep_ == "dobj" and head.lemma_.lower() in _TARGET_VERBS):
            out.add(country)
        elif token + 2 < len(doc) and doc[token + 1].text == "-" and doc[token + 2].lower_ in (
            "bound", "targeted"
        ):
            out.add(country)  # "Israel-bound ships"
    return out


def find_actors(doc: Doc, lexicon: Lexicon | None = None) -> ActorIndex:
    """Find, resolve and merge every actor mentioned in a parsed document.

    Args:
        doc: a spaCy ``Doc`` with tagger, parser and NER annotations.
        lexicon: the lexicon to use (default: the packaged one).

    Returns:
        The document's actors (ids ``A1``… in order of first mention) and mentions.
    """
    lex = lexicon or load_lexicon()
    finder = _Finder(doc, lex)
    found = finder.run()
    cands = _resolve_people(doc, found, finder.context())
    # pronoun mentions that point at a person whose country came from context
    actors: dict[tuple[object, ...], dict[str, object]] = {}
    order: list[tuple[object, ...]] = []
    mentions: list[tuple[tuple[object, ...], _Cand]] = []
    for cand in sorted(cands, key=lambda c: c.start):
        if not cand.key and cand.kind == "state" and cand.country:
            cand = replace(cand, key=("state", cand.country, cand.sector),
                           name=finder.state_name(cand.country, cand.sector))
        key = cand.key or ("generic", cand.kind, cand.country, cand.sector,
                           cand.phrase or cand.name)
        if key not in actors:
            actors[key] = {"first": cand, "title": cand.title, "count": cand.count}
            order.append(key)
        else:
            data = actors[key]
            data["title"] = data["title"] or cand.title
            data["count"] = data["count"] or cand.count
        mentions.append((key, cand))
    ids = {key: f"A{k + 1}" for k, key in enumerate(order)}
    spans: dict[tuple[object, ...], list[TextSpan]] = {key: [] for key in order}
    out_mentions: list[ActorMention] = []
    for key, cand in mentions:
        span = doc[cand.start : cand.end]
        spans[key].append(TextSpan(span.start_char, span.end_char, span.text))
        out_mentions.append(ActorMention(ids[key], cand.start, cand.end, span.start_char,
                                         span.end_char, span.text, cand.head, cand.rule))
    result: list[Actor] = []
    for key in order:
        data = actors[key]
        first = data["first"]
        assert isinstance(first, _Cand)
        kind = first.kind if first.kind in ("person", "state", "organization", "group", "igo",
                                             "nonstate") else "group"
        name = first.name or doc[first.start : first.end].text
        count = data["count"]
        title = data["title"]
        result.append(Actor(
            id=ids[key], name=name, kind=kind,  # type: ignore[arg-type]
            country=first.country, sector=first.sector,
            code=_code(first.country, first.sector, first.code),
            title=title if isinstance(title, str) else None,
            count=count if isinstance(count, int) else None,
            mentions=tuple(spans[key]), rule=first.rule, reason=first.reason,
            lexicon=lex.version,
        ))
    by_token: dict[int, tuple[int, str]] = {}
    for mention in out_mentions:
        size = mention.end - mention.start
        for i in range(mention.start, mention.end):
            if i not in by_token or size < by_token[i][0]:
                by_token[i] = (size, mention.actor_id)
    return ActorIndex(
        actors=tuple(result),
        mentions=tuple(out_mentions),
        _by_token={i: actor_id for i, (_, actor_id) in by_token.items()},
    )
