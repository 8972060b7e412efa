"""The shared state of one pass over one document, and the records it holds.

Every finder module (:mod:`~sitroom.actors.people`, :mod:`~sitroom.actors.nouns`,
:mod:`~sitroom.actors.bodies`, …) is a set of functions over a :class:`Scan`: they read its
lexicon matches, noun spans and person names, and add :class:`Cand` mention candidates to
it. :func:`sitroom.actors.mentions.scan_document` builds a scan; ``find_actors`` runs the
finders in a fixed order and merges the candidates into actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitroom.actors.lexicon import Entry, Lexicon, Noun
from sitroom.lexicons import table, words

#: Values of English number words (shared table ``number_words``).
_VALUES = {word: int(value) for word, value in table("number_words").items()}
#: The largest value a lone number word gives as a group's count: "a thousand soldiers"
#: counts, "a million people" is a rough size and gives none (nor does "zero").
MAX_WORD_COUNT = 1000
#: Number words that count a group by themselves ("two" -> 2, "dozen" -> 12).
NUMBER_WORDS = {word: value for word, value in _VALUES.items() if 1 <= value <= MAX_WORD_COUNT}
#: Number words that multiply a digit before them ("3 million").
SCALES = {word: _VALUES[word] for word in words("actors_number_scales")}
#: Words before a count that a mention's name drops ("around 200 soldiers").
APPROXIMATORS = words("actors_approximators")
#: Words a title keeps in lower case ("Minister of Defence").
TITLE_SMALL_WORDS = words("actors_title_small_words")
#: Dependency labels of the words a mention's name drops at its start.
_DROPPED_DEPS = ("det", "nummod", "quantmod", "predet")


@dataclass(frozen=True)
class Match:
    """A lexicon match over tokens ``[start, end)``."""

    start: int
    end: int
    entry: Entry
    fuzzy: bool = False


@dataclass(frozen=True)
class NounSpan:
    """A generic actor noun over tokens ``[start, end)`` with its syntactic root."""

    start: int
    end: int
    root: int
    noun: Noun
    text: str


@dataclass(frozen=True)
class Clue:
    """What says whose an actor is: country, sector, code and the words that say it."""

    country: str | None
    sector: str | None
    code: str | None
    text: str
    kind: str


@dataclass(frozen=True)
class Context:
    """Where a document is: free place mentions per sentence and its dominant country."""

    by_sent: dict[int, list[tuple[int, str, str]]]  # sentence -> [(token, country, text)]
    dominant: tuple[str, str] | None  # (country, text of its first mention)
    sole: tuple[str, str] | None = None  # the dominant country when the document is about it alone
    #: sentence -> every country it names (quoted, owned or free): another reading
    named: dict[int, frozenset[str]] = field(default_factory=dict)
    #: sentence -> countries of the armed groups or movements it names
    armed: dict[int, frozenset[str]] = field(default_factory=dict)
    #: country -> free mentions in the document (the dominant one has the most)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Cand:
    """A mention candidate before merging (``rule`` and ``reason`` say who found it, why)."""

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
    sole: bool = False  # may take the country of a document about one country alone


@dataclass
class Scan:
    """One pass over one document: what was matched, and the candidates found so far.

    Attributes:
        doc: the parsed document.
        lex: the actor lexicon.
        matches: lexicon matches, indexed by every token they cover.
        nouns: generic actor nouns, indexed by their root token.
        noun_tokens: every token inside a generic actor noun.
        person_ents: person names as ``(start, end)`` token ranges.
        sent_ids: the sentence number of every token.
        claimed: tokens inside a candidate already found.
        cands: the candidates found so far, in the order found.
    """

    doc: Doc
    lex: Lexicon
    matches: dict[int, Match]
    nouns: dict[int, NounSpan]
    person_ents: list[tuple[int, int]]
    noun_tokens: set[int] = field(default_factory=set)
    sent_ids: list[int] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)
    cands: list[Cand] = field(default_factory=list)

    def add(self, cand: Cand) -> None:
        """Keep a candidate and claim its tokens."""
        self.cands.append(cand)
        self.claimed.update(range(cand.start, cand.end))

    def state_name(self, country: str | None, sector: str | None) -> str:
        """The display name of a state actor ("Kenyan government", "Kenya (MIL)")."""
        name = self.lex.country_name(country) or (country or "unknown")
        if sector == "GOV":
            adjective = self.lex.country_adjective(country)
            return f"{adjective} government" if adjective else f"Government of {name}"
        if sector:
            return f"{name} ({sector})"
        return name


def number(token: Token) -> int | None:
    """The integer a number token says, or None ("thousands" has none)."""
    text = token.text.lower().replace(",", "")
    if re.fullmatch(r"\d+", text):
        value = int(text)
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in SCALES and nxt.head == token:
            value *= SCALES[nxt.lower_]
        return value
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return int(float(text))
    return None


def first_country(clues: list[Clue]) -> tuple[str | None, str | None, str | None]:
    """Country, code and text of the first clue that names a country."""
    for clue in clues:
        if clue.country:
            return clue.country, clue.code, clue.text
    return None, None, None


def strip_det(span: Span) -> str:
    """A mention's text without its determiner, count or approximator ("the two" …)."""
    tokens = list(span)
    while tokens and (tokens[0].dep_ in _DROPPED_DEPS
                      or tokens[0].like_num or tokens[0].lower_ in APPROXIMATORS):
        tokens = tokens[1:]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def lemma_key(span: NounSpan, doc: Doc) -> str:
    """The lower-case lemmas of a noun span (what "the same noun" means when merging)."""
    return " ".join(t.lemma_.lower() for t in doc[span.start : span.end])


def title_case(title: str | None) -> str | None:
    """A title in title case, small words and words with capitals kept as written."""
    if not title:
        return None
    return " ".join(w if w.lower() in TITLE_SMALL_WORDS or any(c.isupper() for c in w)
                    else w.capitalize() for w in title.split())


_QUOTE_IDS = "sitroom.actors.quote_ids"


def quote_ids(doc: Doc) -> list[int]:
    """For each token, the number of the quotation it is inside (0: outside any).

    Straight quotes toggle; curly quotes open and close; a paragraph break ends a quote.
    Built once per document (kept in ``doc.user_data``); callers must not change it.
    """
    cached = doc.user_data.get(_QUOTE_IDS)
    if cached is not None and len(cached) == len(doc):
        return cached  # type: ignore[no-any-return]
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
    doc.user_data[_QUOTE_IDS] = out
    return out
