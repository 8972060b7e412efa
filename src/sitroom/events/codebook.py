"""The event codebook: CAMEO codes, the CAMEO→PLOVER crosswalk and the verb lexicon.

Three JSON files in ``sitroom/lexicons/data`` make it up:

* ``cameo.json``: every CAMEO 1.1b3 code with its name and Goldstein weight.
* ``plover.json``: PLOVER 0.8 types, the modes each allows, the codes with no
  PLOVER type (``null``) and the crosswalk from each CAMEO code to a type and mode.
* ``verbs.json``: word classes, negating verbs and the lexicon entries that turn a
  verb or event noun (with a particle, preposition or object class) into a code.

Every file is checked when loaded; any defect raises :class:`LexiconError` naming
the file, so a bad edit fails at start-up, not halfway through a corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sitroom.errors import LexiconError

#: Slots an entry may name for its target ("prep:<word>" besides these).
PLAIN_SLOTS = frozenset({"dobj", "iobj", "dative", "poss", "agent"})
#: Parts of speech an entry may have.
POS_VALUES = frozenset({"VERB", "NOUN"})
#: Modalities an entry may give to the clause it governs.
COMPLEMENTS = frozenset({"requested", "hypothetical", "future"})
#: Keys a lexicon entry may have ("note" is a free comment).
ENTRY_KEYS = frozenset({"id", "lemma", "pos", "cameo", "target", "particle", "prep", "object",
                        "plover", "plover_mode", "complement", "statement", "note"})
_PREP_SLOT = re.compile(r"^prep:[a-z][a-z_-]*$")
_WORD = re.compile(r"^[^\W_](?:[\w'. -]*[^\W_])?$")
_CODE = re.compile(r"^\d{2,4}$")

#: How CAMEO codes an act that is only promised, threatened, asked for, demanded or
#: refused: the code of "will <act>", "threatened to <act>", "urged X to <act>" etc.
#: Keys are codes or code prefixes (the longest one that matches wins); an act with
#: no key in a frame has no framed code (see :meth:`Codebook.reframe`).
FRAMES: dict[str, dict[str, str]] = {
    "intent": {
        "04": "036", "045": "039", "046": "036",
        "05": "032", "057": "030",
        "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
        "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
        "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341",
        "0832": "0342", "0833": "0343", "0834": "0344", "084": "0353", "085": "0354",
        "086": "0355", "087": "0356",
    },
    "threat": {
        "14": "133", "15": "138",
        "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
        "165": "135", "166": "136",
        "17": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
        "175": "137", "176": "130",
        "18": "1383", "19": "1384", "191": "1381", "192": "1382",
        "20": "1383", "204": "1385",
    },
    "appeal": {
        "04": "026", "045": "028", "046": "026",
        "05": "022", "057": "027",
        "06": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
        "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
        "08": "025", "081": "0251", "082": "0252", "083": "024", "0831": "0241",
        "0832": "0242", "0833": "0243", "0834": "0244", "084": "0253", "085": "0254",
        "086": "0255", "087": "0256", "039": "028",
    },
    "demand": {
        "04": "106", "045": "108", "046": "106",
        "05": "102", "057": "107",
        "06": "101", "061": "1011", "062": "1012", "063": "1013", "064": "1014",
        "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
        "08": "105", "081": "1051", "082": "1052", "083": "104", "0831": "1041",
        "0832": "1042", "0833": "1043", "0834": "1044", "084": "1053", "085": "1054",
        "086": "1055", "087": "1056", "039": "108",
    },
    "refusal": {
        "03": "120", "031": "121", "0311": "1211", "0312": "1212", "033": "122",
        "0331": "1221", "0332": "1222", "0333": "1223", "0334": "1224", "034": "123",
        "0341": "1231", "0342": "1232", "0343": "1233", "0344": "1234", "035": "124",
        "0351": "1241", "0352": "1242", "0353": "1243", "0354": "1244", "0355": "1245",
        "0356": "1246", "036": "125", "037": "127", "038": "126", "039": "126",
        "04": "125", "045": "126", "046": "125",
        "05": "120", "057": "127",
        "06": "121", "061": "1211", "062": "1212",
        "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
        "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231",
        "0832": "1232", "0833": "1233", "0834": "1234", "084": "1243", "085": "1244",
        "086": "1245", "087": "1246",
    },
}
#: Roots whose sub-codes parallel another root's, by frame ("demand" of 02x is 10x).
MIRRORS = {("demand", "02"): "10", ("demand", "03"): "10", ("appeal", "10"): "02",
           ("appeal", "03"): "02"}
#: The root of each frame's own codes: an act already in it is left as it is.
FRAME_ROOTS = {"intent": "03", "threat": "13", "appeal": "02", "demand": "10",
               "refusal": "12"}


def _is_word(value: object) -> bool:
    """A lower-case word or phrase ("sanction", "f-16", "martial law")."""
    return isinstance(value, str) and value == value.lower() and bool(_WORD.match(value))


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its weights and PLOVER equivalent.

    Attributes:
        code: the code as a string, leading zero kept ("042").
        name: the CAMEO description.
        goldstein: the Goldstein conflict-cooperation weight, -10 to 10.
        quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
            4 material conflict (from the root).
        plover: the PLOVER 0.8 type, or None for codes without one (statements).
        plover_mode: the PLOVER mode, or None.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit root ("04" for "042")."""
        return self.code[:2]


@dataclass(frozen=True)
class VerbEntry:
    """One way a word triggers an event.

    Attributes:
        id: unique id in the lexicon ("impose.sanctions").
        lemma: the verb or noun lemma, lower case.
        pos: "VERB" or "NOUN".
        cameo: the CAMEO code it gives.
        target: slots tried in order for the target ("dobj", "iobj", "dative",
            "poss", "agent", "prep:<word>").
        particle: a required verb particle ("shoot down").
        prep: a required preposition child ("call for").
        objects: required object lemmas (word classes expanded), empty for none.
        plover: a PLOVER type that overrides the crosswalk, or None.
        plover_mode: a PLOVER mode that overrides the crosswalk's, or None.
        complement: the modality given to a clause it governs ("requested" for
            "urged China to curb"), or None.
        statement: a plain statement verb ("say"), coded 011 when negated.
    """

    id: str
    lemma: str
    pos: str
    cameo: str
    target: tuple[str, ...] = ("dobj",)
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    plover: str | None = None
    plover_mode: str | None = None
    complement: str | None = None
    statement: bool = False


def quad_class(code: str) -> int:
    """The quad class of a CAMEO code, from its root.

    Args:
        code: a CAMEO code such as "0211" or "19".

    Returns:
        1 (roots 01-05), 2 (06-08), 3 (09-13) or 4 (14-20).

    Raises:
        LexiconError: the root is not 01-20.
    """
    try:
        root = int(code[:2])
    except ValueError as exc:
        raise LexiconError(f"not a CAMEO code: {code!r}") from exc
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    raise LexiconError(f"CAMEO root out of range: {code!r}")


@dataclass(frozen=True)
class Codebook:
    """CAMEO codes, the PLOVER crosswalk and the verb lexicon, validated.

    Attributes:
        version: the verb lexicon's version ("2026.11.1").
        classes: word classes ("SANCTION" → lemmas) that entries name as "@SANCTION".
        negators: verbs that negate the clause they govern, with the word that
            links it ("refrain" → "from"; None for a bare complement).
        entries: every lexicon entry, in file order.
        cameo_version: the code table's version.
        plover_version: the crosswalk's version.
    """

    version: str
    classes: dict[str, frozenset[str]]
    negators: dict[str, str | None]
    entries: tuple[VerbEntry, ...] = ()
    cameo_version: str = ""
    plover_version: str = ""
    _codes: dict[str, CameoCode] = field(default_factory=dict, repr=False)
    _index: dict[tuple[str, str], tuple[VerbEntry, ...]] = field(default_factory=dict,
                                                                  repr=False)

    def code(self, cameo: str) -> CameoCode:
        """The CAMEO code record for ``cameo``.

        Raises:
            LexiconError: the code is not in the table.
        """
        found = self._codes.get(str(cameo))
        if found is None:
            raise LexiconError(f"unknown CAMEO code {cameo!r}")
        return found

    def has_code(self, cameo: str) -> bool:
        """Whether ``cameo`` is a known CAMEO code."""
        return str(cameo) in self._codes

    def codes(self) -> Iterator[CameoCode]:
        """Every CAMEO code, in table order."""
        return iter(self._codes.values())

    def reframe(self, cameo: str, frame: str) -> str | None:
        """The CAMEO code of an act that is promised, threatened, asked for or refused.

        CAMEO codes "said it will send aid" as 033 (intent to provide aid), "threatened
        to impose sanctions" as 1312, "urged Iran to free the sailors" as 0253, "must
        release" as 1053 and "refused to lift the sanctions" as 1244.

        Args:
            cameo: the code of the act itself ("073", "163").
            frame: "intent", "threat", "appeal", "demand" or "refusal".

        Returns:
            The framed code, or None when CAMEO has none for this act (a threat to
            cooperate, a promise to attack): keep the governing verb's own code then.

        Raises:
            LexiconError: the frame or the code is unknown.
        """
        table = FRAMES.get(frame)
        if table is None:
            raise LexiconError(f"unknown frame {frame!r}")
        self.code(cameo)
        if cameo[:2] == FRAME_ROOTS[frame]:
            return cameo
        # Intents (03), appeals (02) and demands (10) share their sub-codes:
        # 0353 (intent to release) <-> 0253 (appeal for release) <-> 1053 (demand).
        mirror = MIRRORS.get((frame, cameo[:2]))
        if mirror is not None and mirror + cameo[2:] in self._codes:
            return mirror + cameo[2:]
        for size in (4, 3, 2):
            found = table.get(cameo[:size]) if len(cameo) >= size else None
            if found is not None:
                return found
        return None

    def verbs(self, lemma: str, pos: str = "VERB") -> tuple[VerbEntry, ...]:
        """The lexicon entries of a lemma and part of speech, in file order."""
        return self._index.get((lemma.lower(), pos), ())

    def entry(self, entry_id: str) -> VerbEntry:
        """The lexicon entry with this id.

        Raises:
            LexiconError: no entry has it.
        """
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise LexiconError(f"unknown lexicon entry {entry_id!r}")

    def lemmas(self, pos: str | None = None) -> frozenset[str]:
        """Every lemma with an entry (of one part of speech when given)."""
        return frozenset(lemma for lemma, p in self._index if pos is None or p == pos)


# -- loading ------------------------------------------------------------------------------

def _read(path: Path | resources.abc.Traversable, name: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError("file not found", path=str(path)) from exc
    except OSError as exc:
        raise LexiconError(f"cannot read: {exc}", path=str(path)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"bad JSON in {name}: {exc}", path=str(path)) from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{name} must hold a JSON object", path=str(path))
    return data


def _fail(where: str, message: str) -> LexiconError:
    return LexiconError(message, path=where)


def _load_codes(cameo: Mapping[str, Any], plover: Mapping[str, Any],
                cameo_path: str, plover_path: str) -> dict[str, CameoCode]:
    raw_codes = cameo.get("codes")
    if not isinstance(raw_codes, dict) or not raw_codes:
        raise _fail(cameo_path, "'codes' must be a non-empty object")
    types = plover.get("types")
    modes = plover.get("modes")
    nulls = plover.get("null", {})
    crosswalk = plover.get("crosswalk")
    if not isinstance(types, list) or not isinstance(modes, dict):
        raise _fail(plover_path, "'types' must be a list and 'modes' an object")
    if not isinstance(crosswalk, dict) or not isinstance(nulls, dict):
        raise _fail(plover_path, "'crosswalk' and 'null' must be objects")
    for kind in types:
        if not isinstance(modes.get(kind), list):
            raise _fail(plover_path, f"type {kind!r} has no mode list")
    codes: dict[str, CameoCode] = {}
    for code, info in raw_codes.items():
        if not _CODE.match(code) or not isinstance(info, dict):
            raise _fail(cameo_path, f"malformed code entry {code!r}")
        name = info.get("name")
        goldstein = info.get("goldstein")
        if not isinstance(name, str) or not name:
            raise _fail(cameo_path, f"code {code} has no name")
        if isinstance(goldstein, bool) or not isinstance(goldstein, int | float):
            raise _fail(cameo_path, f"code {code} has no numeric goldstein")
        if not -10.0 <= float(goldstein) <= 10.0:
            raise _fail(cameo_path, f"code {code}: goldstein {goldstein} outside [-10, 10]")
        if len(code) > 2 and code[:2] not in raw_codes:
            raise _fail(cameo_path, f"code {code} has no root {code[:2]}")
        try:
            quad = quad_class(code)
        except LexiconError as exc:
            raise _fail(cameo_path, exc.message) from exc
        walk = crosswalk.get(code)
        if not isinstance(walk, dict):
            raise _fail(plover_path, f"CAMEO code {code} is missing from the crosswalk")
        kind, mode = walk.get("plover"), walk.get("mode")
        if kind is None:
            if code not in nulls:
                raise _fail(plover_path, f"code {code} maps to no type but is not in 'null'")
            if mode is not None:
                raise _fail(plover_path, f"code {code} has a mode but no type")
        elif kind not in types:
            raise _fail(plover_path, f"code {code}: unknown PLOVER type {kind!r}")
        elif mode is not None and mode not in modes[kind]:
            raise _fail(plover_path, f"code {code}: mode {mode!r} not allowed for {kind}")
        codes[code] = CameoCode(code, name, float(goldstein), quad, kind, mode)
    extra = set(crosswalk) - set(codes)
    if extra:
        raise _fail(plover_path, f"crosswalk has unknown CAMEO codes: {sorted(extra)}")
    for frame, table in FRAMES.items():
        missing = sorted(c for c in table.values() if c not in codes)
        if missing:
            raise _fail(cameo_path, f"codes of the {frame!r} frame are missing: {missing}")
    return codes


def _load_classes(raw: Any, where: str) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict):
        raise _fail(where, "'classes' must be an object")
    classes: dict[str, frozenset[str]] = {}
    for name, words in raw.items():
        if not re.match(r"^[A-Z][A-Z_]*$", name):
            raise _fail(where, f"class name {name!r} must be upper case")
        if not isinstance(words, list) or not words or not all(
                _is_word(w) for w in words):
            raise _fail(where, f"class {name} must be a non-empty list of lower-case words")
        classes[name] = frozenset(words)
    return classes


def _load_negators(raw: Any, where: str) -> dict[str, str | None]:
    if not isinstance(raw, dict):
        raise _fail(where, "'negators' must be an object")
    for verb, link in raw.items():
        if not isinstance(verb, str) or not (link is None or isinstance(link, str)):
            raise _fail(where, f"negator {verb!r} must map to a word or null")
    return dict(raw)


def _plurals(word: str) -> set[str]:
    """Plural spellings of a noun lemma ("embargo" → "embargos", "embargoes")."""
    if " " in word:
        return set()
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word + "es"}
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return {word[:-1] + "ies"}
    if word.endswith("o"):
        return {word + "s", word + "es"}
    return {word + "s"}


def _objects(raw: Any, classes: Mapping[str, frozenset[str]], label: str,
             where: str) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise _fail(where, f"{label}: 'object' must be a non-empty list")
    found: set[str] = set()
    for item in raw:
        if not isinstance(item, str):
            raise _fail(where, f"{label}: object {item!r} is not a string")
        if item.startswith("@"):
            if item[1:] not in classes:
                raise _fail(where, f"{label}: unknown class {item}")
            words = classes[item[1:]]
        elif _is_word(item):
            words = frozenset({item})
        else:
            raise _fail(where, f"{label}: bad object word {item!r}")
        found |= words
    # The lemmatizer leaves some plurals alone ("talks", "arms"): accept both forms.
    return frozenset(found.union(*(_plurals(w) for w in found)))


def _optional_word(entry: Mapping[str, Any], key: str, label: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not _is_word(value):
        raise _fail(where, f"{label}: '{key}' must be a lower-case word")
    return value


def _load_entry(raw: Any, number: int, codes: Mapping[str, CameoCode],
                classes: Mapping[str, frozenset[str]], plover: Mapping[str, Any],
                where: str) -> VerbEntry:
    if not isinstance(raw, dict):
        raise _fail(where, f"entry #{number} is not an object")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id:
        raise _fail(where, f"entry #{number} has no id")
    label = f"entry {entry_id!r}"
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise _fail(where, f"{label}: unknown keys {sorted(unknown)}")
    lemma = raw.get("lemma")
    if not _is_word(lemma):
        raise _fail(where, f"{label}: 'lemma' must be a lower-case word")
    pos = raw.get("pos", "VERB")
    if pos not in POS_VALUES:
        raise _fail(where, f"{label}: pos {pos!r} is not VERB or NOUN")
    cameo = raw.get("cameo")
    if not isinstance(cameo, str) or cameo not in codes:
        raise _fail(where, f"{label}: unknown CAMEO code {cameo!r}")
    target = raw.get("target", ["dobj"])
    if not isinstance(target, list):
        raise _fail(where, f"{label}: 'target' must be a list of slots")
    for slot in target:
        if not isinstance(slot, str) or not (slot in PLAIN_SLOTS or _PREP_SLOT.match(slot)):
            raise _fail(where, f"{label}: bad slot {slot!r}")
    kind = raw.get("plover")
    mode = raw.get("plover_mode")
    types = plover.get("types", [])
    modes = plover.get("modes", {})
    if kind is not None and kind not in types:
        raise _fail(where, f"{label}: unknown PLOVER type {kind!r}")
    if mode is not None:
        effective = kind or codes[cameo].plover
        if effective is None or mode not in modes.get(effective, []):
            raise _fail(where, f"{label}: mode {mode!r} not allowed for {effective}")
    complement = raw.get("complement")
    if complement is not None and complement not in COMPLEMENTS:
        raise _fail(where, f"{label}: bad complement {complement!r}")
    statement = raw.get("statement", False)
    if not isinstance(statement, bool):
        raise _fail(where, f"{label}: 'statement' must be true or false")
    return VerbEntry(
        id=entry_id,
        lemma=str(lemma),
        pos=pos,
        cameo=cameo,
        target=tuple(target),
        particle=_optional_word(raw, "particle", label, where),
        prep=_optional_word(raw, "prep", label, where),
        objects=_objects(raw.get("object"), classes, label, where),
        plover=kind,
        plover_mode=mode,
        complement=complement,
        statement=statement,
    )


def build_codebook(cameo: Mapping[str, Any], plover: Mapping[str, Any],
                   verbs: Mapping[str, Any], *, paths: tuple[str, str, str] = (
                       "cameo.json", "plover.json", "verbs.json")) -> Codebook:
    """Validate the three tables and build a codebook from them.

    Args:
        cameo: the parsed ``cameo.json``.
        plover: the parsed ``plover.json``.
        verbs: the parsed ``verbs.json``.
        paths: names used in error messages for the three files.

    Raises:
        LexiconError: any table is malformed; the message names the file.
    """
    cameo_path, plover_path, verbs_path = paths
    codes = _load_codes(cameo, plover, cameo_path, plover_path)
    version = verbs.get("version")
    if not isinstance(version, str) or not version:
        raise _fail(verbs_path, "'version' must be a non-empty string")
    classes = _load_classes(verbs.get("classes", {}), verbs_path)
    negators = _load_negators(verbs.get("negators", {}), verbs_path)
    raw_entries = verbs.get("entries")
    if not isinstance(raw_entries, list):
        raise _fail(verbs_path, "'entries' must be a list")
    entries: list[VerbEntry] = []
    seen: set[str] = set()
    index: dict[tuple[str, str], list[VerbEntry]] = {}
    for number, raw in enumerate(raw_entries):
        entry = _load_entry(raw, number, codes, classes, plover, verbs_path)
        if entry.id in seen:
            raise _fail(verbs_path, f"duplicate entry id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)
        index.setdefault((entry.lemma, entry.pos), []).append(entry)
    return Codebook(
        version=version,
        classes=classes,
        negators=negators,
        entries=tuple(entries),
        cameo_version=str(cameo.get("version", "")),
        plover_version=str(plover.get("version", "")),
        _codes=codes,
        _index={key: tuple(value) for key, value in index.items()},
    )


def _load(directory: Path | resources.abc.Traversable) -> Codebook:
    names = ("cameo.json", "plover.json", "verbs.json")
    files = [directory / name for name in names]
    data = [_read(path, name) for path, name in zip(files, names, strict=True)]
    paths = (str(files[0]), str(files[1]), str(files[2]))
    return build_codebook(data[0], data[1], data[2], paths=paths)


@lru_cache(maxsize=1)
def _default_codebook() -> Codebook:
    return _load(resources.files("sitroom.lexicons.data"))


def load_codebook(directory: Path | None = None) -> Codebook:
    """Load and validate the codebook.

    Args:
        directory: a folder holding ``cameo.json``, ``plover.json`` and
            ``verbs.json``; the package's own data (loaded once, cached) when None.

    Raises:
        LexiconError: a file is missing or malformed; the message names it.
    """
    if directory is None:
        return _default_codebook()
    return _load(Path(directory))
