"""The shipped verb lexicon: its shape, and which entry a verb phrase selects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from sitroom.events.codebook import Codebook, VerbEntry, load_codebook
from sitroom.events.extract import choose_entry
from sitroom.events.vocabulary import NEGATORS, SILENT_NEGATORS
from sitroom.lexicons import json_file


@pytest.fixture(scope="module")
def book() -> Codebook:
    return load_codebook()


@dataclass
class _Tok:
    """The few token attributes entry selection reads (no parse needed)."""

    lemma_: str
    dep_: str = "ROOT"
    pos_: str = "VERB"
    children: list[_Tok] = field(default_factory=list)

    @property
    def lower_(self) -> str:
        return self.lemma_


def _phrase(lemma: str, *, pos: str = "VERB", particle: str | None = None,
            prep: str | None = None, obj: str | None = None) -> _Tok:
    children = []
    if particle:
        children.append(_Tok(particle, "prt", "ADP"))
    if prep:
        children.append(_Tok(prep, "prep", "ADP", [_Tok("them", "pobj", "PRON")]))
    if obj:
        children.append(_Tok(obj, "dobj", "NOUN"))
    return _Tok(lemma, "ROOT", pos, children)


def _select(book: Codebook, lemma: str, **kw: str) -> VerbEntry | None:
    token = _phrase(lemma, **kw)
    return choose_entry(book.verbs(lemma, token.pos_), token)  # type: ignore[arg-type]


# (lemma, conditions, expected CAMEO code prefix, expected PLOVER type or None)
TABLE = [
    ("meet", {"prep": "with"}, "04", "CONSULT"),
    ("hold", {"obj": "talk"}, "04", "CONSULT"),
    ("hold", {"obj": "talks"}, "04", "CONSULT"),
    ("visit", {}, "042", "CONSULT"),
    ("call", {}, "010", None),
    ("speak", {"prep": "by"}, "041", "CONSULT"),
    ("call", {"prep": "on"}, "02", "REQUEST"),
    ("call", {"prep": "for"}, "02", "REQUEST"),
    ("call", {"particle": "off"}, "164", "SANCTION"),
    ("urge", {}, "02", "REQUEST"),
    ("express", {"obj": "concern"}, "012", None),
    ("express", {"obj": "condolence"}, "018", "SUPPORT"),
    ("say", {}, "010", None),
    ("release", {"obj": "statement"}, "010", None),
    ("release", {"obj": "prisoner"}, "084", "RETREAT"),
    ("pledge", {}, "03", "AGREE"),
    ("sign", {"obj": "agreement"}, "057", "SUPPORT"),
    ("strike", {"obj": "deal"}, "057", "SUPPORT"),
    ("strike", {}, "19", "ASSAULT"),
    ("praise", {}, "051", "SUPPORT"),
    ("criticise", {}, "11", "ACCUSE"),
    ("accuse", {}, "11", "ACCUSE"),
    ("trade", {"obj": "accusation"}, "11", "ACCUSE"),
    ("investigate", {}, "09", "ACCUSE"),
    ("launch", {"obj": "investigation"}, "09", "ACCUSE"),
    ("launch", {"obj": "airstrike"}, "19", "ASSAULT"),
    ("launch", {"obj": "missile"}, "19", "ASSAULT"),
    ("launch", {"obj": "talk"}, "04", "CONSULT"),
    ("demand", {}, "10", "REQUEST"),
    ("provide", {"obj": "aid"}, "07", "AID"),
    ("send", {"obj": "weapon"}, "072", "AID"),
    ("send", {"obj": "troop"}, "15", "MOBILIZE"),
    ("send", {"obj": "envoy"}, "042", "CONSULT"),
    ("deploy", {"obj": "peacekeeper"}, "074", "AID"),
    ("share", {"obj": "intelligence"}, "064", "COOPERATE"),
    ("withdraw", {"obj": "troop"}, "08", "RETREAT"),
    ("withdraw", {"obj": "ambassador"}, "161", "SANCTION"),
    ("lift", {"obj": "sanction"}, "085", "CONCEDE"),
    ("meet", {"obj": "demand"}, "08", "CONCEDE"),
    ("reject", {}, "12", "REJECT"),
    ("veto", {}, "129", "REJECT"),
    ("block", {"obj": "resolution"}, "12", "REJECT"),
    ("block", {"obj": "road"}, "144", "PROTEST"),
    ("threaten", {}, "13", "THREATEN"),
    ("threaten", {"obj": "sanction"}, "1312", "THREATEN"),
    ("protest", {}, "14", "PROTEST"),
    ("conduct", {"obj": "drill"}, "15", "MOBILIZE"),
    ("conduct", {"obj": "drill", "prep": "with"}, "062", "COOPERATE"),
    ("impose", {"obj": "sanction"}, "163", "SANCTION"),
    ("impose", {"obj": "curfew"}, "1723", "COERCE"),
    ("sever", {"obj": "tie"}, "161", "SANCTION"),
    ("cut", {"particle": "off"}, "16", "SANCTION"),
    ("expel", {"obj": "diplomat"}, "161", "SANCTION"),
    ("expel", {}, "174", "COERCE"),
    ("arrest", {}, "173", "COERCE"),
    ("crack", {"particle": "down"}, "175", "COERCE"),
    ("seize", {}, "171", "COERCE"),
    ("seize", {"obj": "town"}, "192", "ASSAULT"),
    ("kidnap", {}, "181", "ASSAULT"),
    ("kill", {}, "18", "ASSAULT"),
    ("shoot", {"particle": "down"}, "19", "ASSAULT"),
    ("invade", {}, "19", "ASSAULT"),
    ("massacre", {}, "20", "ASSAULT"),
]


@pytest.mark.parametrize(("lemma", "conditions", "code", "plover"), TABLE,
                         ids=[f"{t[0]}-{'-'.join(map(str, t[1].values()))}" for t in TABLE])
def test_phrase_selects_the_expected_code(book, lemma, conditions, code, plover):
    entry = _select(book, lemma, **conditions)
    assert entry is not None, (lemma, conditions)
    assert entry.cameo.startswith(code), entry
    assert (entry.plover or book.code(entry.cameo).plover) == plover, entry


NOUNS = [
    ("meeting", "04"), ("talk", "04"), ("visit", "042"), ("summit", "04"),
    ("negotiation", "046"), ("deployment", "154"), ("invasion", "19"), ("attack", "19"),
    ("airstrike", "195"), ("bombing", "18"), ("sanction", "163"), ("aggression", "19"),
    ("protest", "14"), ("demonstration", "14"), ("clash", "19"), ("offensive", "19"),
    ("assault", "19"), ("ceasefire", "0871"), ("agreement", "057"), ("aid", "07"),
    ("threat", "13"), ("accusation", "11"), ("condemnation", "11"), ("arrest", "173"),
    ("massacre", "20"), ("withdrawal", "08"), ("blockade", "191"), ("embargo", "163"),
]


@pytest.mark.parametrize(("lemma", "code"), NOUNS)
def test_event_nouns(book, lemma, code):
    entry = _select(book, lemma, pos="NOUN")
    assert entry is not None and entry.pos == "NOUN"
    assert entry.cameo.startswith(code), entry


def test_the_lexicon_is_large_and_versioned(book):
    # The version is the content version of the files that make up the event lexicon.
    assert re.fullmatch(r"[0-9a-f]{12}", book.version)
    assert {"verbs.json", "cameo.json", "plover.json",
            "words/events_negating_verbs.tsv"} <= set(book.files)
    assert book.files["verbs.json"] == json_file("verbs.json").version
    assert len(book.entries) >= 400
    assert len(book.lemmas("VERB")) >= 300
    assert len(book.lemmas("NOUN")) >= 80


def test_every_root_and_plover_type_has_entries(book):
    roots = {e.cameo[:2] for e in book.entries}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    types = {e.plover or book.code(e.cameo).plover for e in book.entries}
    assert {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
            "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
            "COERCE", "ASSAULT"} <= types


def test_flags_fit_their_codes(book):
    for entry in book.entries:
        if entry.statement:
            assert entry.cameo.startswith("01"), entry
        if entry.complement == "requested":
            assert entry.cameo[:2] in {"02", "10"}, entry
        elif entry.complement == "hypothetical":
            assert entry.cameo[:2] == "13", entry
        elif entry.complement == "future":
            assert entry.cameo[:2] == "03", entry


def test_complements(book):
    assert _select(book, "urge").complement == "requested"  # type: ignore[union-attr]
    assert _select(book, "demand").complement == "requested"  # type: ignore[union-attr]
    assert _select(book, "threaten").complement == "hypothetical"  # type: ignore[union-attr]
    assert _select(book, "pledge").complement == "future"  # type: ignore[union-attr]


def test_every_class_is_used(book):
    # EQUIPMENT and PARTY are read by rules (predicates.equipment_party, syntax.human)
    used: set[str] = {"EQUIPMENT", "PARTY"}
    for entry in book.entries:
        for name, words in book.classes.items():
            if words <= entry.objects:
                used.add(name)
    assert used == set(book.classes)


@pytest.mark.parametrize("lemma", ["have", "make", "take", "give", "hold", "get", "put",
                                   "set", "go", "come", "use", "do", "be", "open", "launch",
                                   "conduct", "carry", "issue", "stage", "reach"])
def test_light_verbs_need_a_condition(book, lemma):
    assert all(e.objects or e.particle or e.prep for e in book.verbs(lemma)), lemma


@pytest.mark.parametrize("lemma", ["meet", "visit", "urge", "threaten", "attack", "kill",
                                   "arrest", "condemn", "reject", "release", "withdraw",
                                   "deploy", "expel", "suspend", "seize", "sanction",
                                   "negotiate", "mediate", "support", "protest"])
def test_event_verbs_have_a_bare_entry(book, lemma):
    assert any(not (e.objects or e.particle or e.prep) for e in book.verbs(lemma)), lemma


@pytest.mark.parametrize(("british", "american"), [
    ("criticise", "criticize"), ("recognise", "recognize"), ("mobilise", "mobilize"),
    ("apologise", "apologize"), ("sympathise", "sympathize"), ("emphasise", "emphasize"),
    ("demobilise", "demobilize"), ("normalise", "normalize"), ("scrutinise", "scrutinize"),
])
def test_british_and_american_spellings(book, british, american):
    assert book.verbs(british) and book.verbs(american)
    assert book.verbs(british)[0].cameo == book.verbs(american)[0].cameo


def test_negators():
    # One copy: words/events_negating_verbs.tsv ("-" is no linking word).
    assert NEGATORS["refrain"] == "from"
    assert NEGATORS["decline"] == "to"
    assert NEGATORS["yet"] is None
    assert set(NEGATORS.values()) <= {"from", "to", None}
    assert "refuse" in NEGATORS and "refuse" not in SILENT_NEGATORS
    assert set(NEGATORS) > SILENT_NEGATORS
