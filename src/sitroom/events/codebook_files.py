"""Read and check the codebook's three JSON files: every defect names its file and line.

* ``cameo.json``: every CAMEO code with its name and Goldstein weight; how CAMEO codes
  a framed act (``frames``, ``frame_roots``, ``mirrors``, ``frame_defaults``) and the
  groups of roots and codes that event rules test (``groups``).
* ``plover.json``: PLOVER types, the modes each allows, the codes with no PLOVER type
  (``null``) and the crosswalk from each CAMEO code to a type and mode.
* ``verbs.json``: word classes and the lexicon entries that turn a verb or event noun
  (with a particle, preposition or object class) into a code.

Each check raises :class:`LexiconError` through :meth:`JsonFile.error`, so a bad edit
fails at start-up with ``verbs.json: line 212: entry 'x': unknown CAMEO code '999'``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from sitroom.errors import LexiconError
from sitroom.events.codes import CameoCode, VerbEntry, quad_class
from sitroom.events.vocabulary import SIBILANT_ENDINGS
from sitroom.lexicons import JsonFile

#: Slots an entry may name for its target ("prep:<word>" besides these).
PLAIN_SLOTS = frozenset({"dobj", "iobj", "dative", "poss", "agent"})
#: Parts of speech an entry may have.
POS_VALUES = frozenset({"VERB", "NOUN"})
#: Modalities an entry may give to the clause it governs.
COMPLEMENTS = frozenset({"requested", "hypothetical", "future"})
#: Keys a lexicon entry may have: the fields of ``VerbEntry``, with "object" (a word or a
#: class, expanded into ``objects``) and "note" (a free comment).
ENTRY_KEYS = frozenset({f.name for f in fields(VerbEntry)} - {"objects", "object_classes"}
                       | {"object", "note"})
#: The frames of ``cameo.json``: promised, threatened, asked for, demanded, refused.
FRAME_NAMES = ("intent", "threat", "appeal", "demand", "refusal")
#: The code groups event rules test (``cameo.json`` "groups").
GROUP_NAMES = ("cooperation_roots", "refusable_roots", "conflict_roots", "violent_roots",
               "material_roots", "authority_codes", "movement_codes")
_PREP_SLOT = re.compile(r"^prep:[a-z][a-z_-]*$")
_WORD = re.compile(r"^[^\W_](?:[\w'. -]*[^\W_])?$")
_CODE = re.compile(r"^\d{2,4}$")
_ROOT = re.compile(r"^\d{2}$")


def is_word(value: object) -> bool:
    """A lower-case word or phrase ("sanction", "f-16", "martial law")."""
    return isinstance(value, str) and value == value.lower() and bool(_WORD.match(value))


def top_object(file: JsonFile) -> Mapping[str, Any]:
    """The file's top-level JSON object (a list or scalar is an error)."""
    if not isinstance(file.data, dict):
        raise file.error(file.data, f"{file.name} must hold a JSON object")
    return file.data


# -- cameo.json and plover.json -----------------------------------------------------------

def load_codes(cameo: JsonFile, plover: JsonFile) -> dict[str, CameoCode]:
    """Every CAMEO code with its weights and PLOVER type, checked against the crosswalk."""
    table, walk_file = top_object(cameo), top_object(plover)
    raw_codes = table.get("codes")
    if not isinstance(raw_codes, dict) or not raw_codes:
        raise cameo.error(table, "'codes' must be a non-empty object")
    types = walk_file.get("types")
    modes = walk_file.get("modes")
    nulls = walk_file.get("null", {})
    crosswalk = walk_file.get("crosswalk")
    if not isinstance(types, list) or not isinstance(modes, dict):
        raise plover.error(walk_file, "'types' must be a list and 'modes' an object")
    if not isinstance(crosswalk, dict) or not isinstance(nulls, dict):
        raise plover.error(walk_file, "'crosswalk' and 'null' must be objects")
    for kind in types:
        if not isinstance(modes.get(kind), list):
            raise plover.error(modes, f"type {kind!r} has no mode list")
    codes: dict[str, CameoCode] = {}
    for code, info in raw_codes.items():
        if not _CODE.match(code) or not isinstance(info, dict):
            raise cameo.error(info if isinstance(info, dict) else raw_codes,
                              f"malformed code entry {code!r}")
        codes[code] = _code(code, info, raw_codes, cameo)
        codes[code] = _crosswalked(codes[code], crosswalk, nulls, types, modes, plover)
    extra = set(crosswalk) - set(codes)
    if extra:
        raise plover.error(crosswalk, f"crosswalk has unknown CAMEO codes: {sorted(extra)}")
    return codes


def _code(code: str, info: Mapping[str, Any], raw_codes: Mapping[str, Any],
          cameo: JsonFile) -> CameoCode:
    """One checked code of ``cameo.json`` (its PLOVER type is added from the crosswalk)."""
    name = info.get("name")
    goldstein = info.get("goldstein")
    if not isinstance(name, str) or not name:
        raise cameo.error(info, f"code {code} has no name")
    if isinstance(goldstein, bool) or not isinstance(goldstein, int | float):
        raise cameo.error(info, f"code {code} has no numeric goldstein")
    if not -10.0 <= float(goldstein) <= 10.0:
        raise cameo.error(info, f"code {code}: goldstein {goldstein} outside [-10, 10]")
    if len(code) > 2 and code[:2] not in raw_codes:
        raise cameo.error(info, f"code {code} has no root {code[:2]}")
    try:
        quad = quad_class(code)
    except LexiconError as exc:
        raise cameo.error(info, exc.message) from exc
    return CameoCode(code, name, float(goldstein), quad, None, None)


def _crosswalked(code: CameoCode, crosswalk: Mapping[str, Any], nulls: Mapping[str, Any],
                 types: list[Any], modes: Mapping[str, Any], plover: JsonFile) -> CameoCode:
    """The code with its PLOVER type and mode from the checked crosswalk row."""
    walk = crosswalk.get(code.code)
    if not isinstance(walk, dict):
        raise plover.error(crosswalk, f"CAMEO code {code.code} is missing from the crosswalk")
    kind, mode = walk.get("plover"), walk.get("mode")
    if kind is None:
        if code.code not in nulls:
            raise plover.error(walk, f"code {code.code} maps to no type but is not in 'null'")
        if mode is not None:
            raise plover.error(walk, f"code {code.code} has a mode but no type")
    elif kind not in types:
        raise plover.error(walk, f"code {code.code}: unknown PLOVER type {kind!r}")
    elif mode is not None and mode not in modes[kind]:
        raise plover.error(walk, f"code {code.code}: mode {mode!r} not allowed for {kind}")
    return CameoCode(code.code, code.name, code.goldstein, code.quad_class, kind, mode)


@dataclass(frozen=True)
class Framing:
    """How CAMEO codes framed acts, and the code groups rules test (from ``cameo.json``).

    Attributes:
        frames: per frame, the framed code of an act's code or code prefix.
        roots: each frame's own root ("intent" → "03").
        mirrors: (frame, root) → the root whose sub-codes it parallels.
        defaults: the code of a framing statement whose act has no framed code.
        groups: named sets of roots and codes ("violent_roots").
    """

    frames: dict[str, dict[str, str]]
    roots: dict[str, str]
    mirrors: dict[tuple[str, str], str]
    defaults: dict[str, str]
    groups: dict[str, frozenset[str]]


def _code_map(cameo: JsonFile, raw: Any, label: str, keys: re.Pattern[str],
              codes: Mapping[str, CameoCode], owner: Any) -> dict[str, str]:
    """A checked object of code (or root) → existing CAMEO code."""
    if not isinstance(raw, dict) or not raw:
        raise cameo.error(owner, f"{label!r} must be a non-empty object")
    for key, value in raw.items():
        if not keys.match(key):
            raise cameo.error(raw, f"{label}: bad key {key!r}")
        if not isinstance(value, str) or value not in codes:
            raise cameo.error(raw, f"{label}: unknown CAMEO code {value!r}")
    return dict(raw)


def load_framing(cameo: JsonFile, codes: Mapping[str, CameoCode]) -> Framing:
    """The frame tables and code groups of ``cameo.json``, checked against its codes."""
    table = top_object(cameo)
    raw_frames = table.get("frames")
    if not isinstance(raw_frames, dict) or set(raw_frames) != set(FRAME_NAMES):
        raise cameo.error(raw_frames if isinstance(raw_frames, dict) else table,
                          f"'frames' must have exactly the frames {list(FRAME_NAMES)}")
    frames = {}
    for frame, raw in raw_frames.items():
        missing = sorted(c for c in raw.values() if c not in codes) if isinstance(
            raw, dict) else []
        if missing:
            raise cameo.error(raw, f"codes of the {frame!r} frame are missing: {missing}")
        frames[frame] = _code_map(cameo, raw, f"frames.{frame}", _CODE, codes, raw_frames)
    roots = _code_map(cameo, table.get("frame_roots"), "frame_roots", re.compile(r"^[a-z]+$"),
                      codes, table)
    if set(roots) != set(FRAME_NAMES) or not all(_ROOT.match(r) for r in roots.values()):
        raise cameo.error(table["frame_roots"], "'frame_roots' must give each frame a root")
    defaults = _code_map(cameo, table.get("frame_defaults"), "frame_defaults",
                         re.compile(r"^[a-z]+$"), codes, table)
    if not set(defaults) <= set(FRAME_NAMES):
        raise cameo.error(table["frame_defaults"], "'frame_defaults' names an unknown frame")
    return Framing(frames, roots, _mirrors(cameo, table, codes), defaults,
                   _groups(cameo, table, codes))


def _mirrors(cameo: JsonFile, table: Mapping[str, Any],
             codes: Mapping[str, CameoCode]) -> dict[tuple[str, str], str]:
    """The checked ``mirrors`` of ``cameo.json``: (frame, root) → parallel root."""
    raw = table.get("mirrors")
    if not isinstance(raw, list):
        raise cameo.error(table, "'mirrors' must be a list")
    mirrors: dict[tuple[str, str], str] = {}
    for item in raw:
        frame = cameo.require(item, "frame", str)
        root = cameo.require(item, "root", str)
        target = cameo.require(item, "to", str)
        if frame not in FRAME_NAMES:
            raise cameo.error(item, f"mirror of unknown frame {frame!r}")
        if root not in codes or target not in codes or not (
                _ROOT.match(root) and _ROOT.match(target)):
            raise cameo.error(item, f"mirror {root!r} → {target!r} must join two CAMEO roots")
        mirrors[(frame, root)] = target
    return mirrors


def _groups(cameo: JsonFile, table: Mapping[str, Any],
            codes: Mapping[str, CameoCode]) -> dict[str, frozenset[str]]:
    """The checked code ``groups`` of ``cameo.json``; every group rules use must be there."""
    raw = table.get("groups")
    if not isinstance(raw, dict):
        raise cameo.error(table, "'groups' must be an object")
    missing = [name for name in GROUP_NAMES if name not in raw]
    if missing:
        raise cameo.error(raw, f"'groups' lacks {missing}")
    groups: dict[str, frozenset[str]] = {}
    for name, members in raw.items():
        if not isinstance(members, list) or not members or not all(
                isinstance(c, str) and c in codes for c in members):
            raise cameo.error(raw, f"group {name!r} must be a non-empty list of CAMEO codes")
        groups[name] = frozenset(members)
    return groups


# -- verbs.json ----------------------------------------------------------------------------

def load_classes(verbs: JsonFile) -> dict[str, frozenset[str]]:
    """The word classes ("SANCTION" → lemmas) that entries name as "@SANCTION"."""
    table = top_object(verbs)
    raw = table.get("classes", {})
    if not isinstance(raw, dict):
        raise verbs.error(table, "'classes' must be an object")
    classes: dict[str, frozenset[str]] = {}
    for name, words in raw.items():
        if not re.match(r"^[A-Z][A-Z_]*$", name):
            raise verbs.error(raw, f"class name {name!r} must be upper case")
        if not isinstance(words, list) or not words or not all(is_word(w) for w in words):
            raise verbs.error(raw, f"class {name} must be a non-empty list of lower-case words")
        classes[name] = frozenset(words)
    return classes


def _plurals(word: str) -> set[str]:
    """Plural spellings of a noun lemma ("embargo" → "embargos", "embargoes")."""
    if " " in word:
        return set()
    if word.endswith(SIBILANT_ENDINGS):
        return {word + "es"}
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return {word[:-1] + "ies"}
    if word.endswith("o"):
        return {word + "s", word + "es"}
    return {word + "s"}


def _objects(raw: Any, classes: Mapping[str, frozenset[str]], label: str, verbs: JsonFile,
             entry: Any) -> frozenset[str]:
    """The object words an entry asks for, classes expanded, plurals added."""
    if raw is None:
        return frozenset()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise verbs.error(entry, f"{label}: 'object' must be a non-empty list")
    found: set[str] = set()
    for item in raw:
        if not isinstance(item, str):
            raise verbs.error(entry, f"{label}: object {item!r} is not a string")
        if item.startswith("@"):
            if item[1:] not in classes:
                raise verbs.error(entry, f"{label}: unknown class {item}")
            words = classes[item[1:]]
        elif is_word(item):
            words = frozenset({item})
        else:
            raise verbs.error(entry, f"{label}: bad object word {item!r}")
        found |= words
    # The lemmatizer leaves some plurals alone ("talks", "arms"): accept both forms.
    return frozenset(found.union(*(_plurals(w) for w in found)))


def _object_classes(raw: Any) -> frozenset[str]:
    """The class names an entry's (already checked) object list names ("@AID" → "AID")."""
    items = [raw] if isinstance(raw, str) else raw or []
    return frozenset(i[1:] for i in items if isinstance(i, str) and i.startswith("@"))


def _optional_word(raw: Mapping[str, Any], key: str, label: str,
                   verbs: JsonFile) -> str | None:
    """An optional lower-case word field of an entry ("particle", "prep")."""
    value = raw.get(key)
    if value is None:
        return None
    if not is_word(value):
        raise verbs.error(raw, f"{label}: '{key}' must be a lower-case word")
    return str(value)


def load_entry(raw: Any, number: int, codes: Mapping[str, CameoCode],
               classes: Mapping[str, frozenset[str]], plover: Mapping[str, Any],
               verbs: JsonFile) -> VerbEntry:
    """One checked lexicon entry (``number`` counts from 0, for entries with no id)."""
    if not isinstance(raw, dict):
        raise verbs.error(verbs.data, f"entry #{number} is not an object")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id:
        raise verbs.error(raw, f"entry #{number} has no id")
    label = f"entry {entry_id!r}"
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise verbs.error(raw, f"{label}: unknown keys {sorted(unknown)}")
    for key in ("lemma", "cameo"):
        if key not in raw:
            raise verbs.error(raw, f"{label}: missing field {key!r}")
    lemma = raw.get("lemma")
    if not is_word(lemma):
        raise verbs.error(raw, f"{label}: 'lemma' must be a lower-case word")
    pos = raw.get("pos", "VERB")
    if pos not in POS_VALUES:
        raise verbs.error(raw, f"{label}: pos {pos!r} is not VERB or NOUN")
    cameo = raw.get("cameo")
    if not isinstance(cameo, str) or cameo not in codes:
        raise verbs.error(raw, f"{label}: unknown CAMEO code {cameo!r}")
    target = raw.get("target", ["dobj"])
    if not isinstance(target, list):
        raise verbs.error(raw, f"{label}: 'target' must be a list of slots")
    for slot in target:
        if not isinstance(slot, str) or not (slot in PLAIN_SLOTS or _PREP_SLOT.match(slot)):
            raise verbs.error(raw, f"{label}: bad slot {slot!r}")
    kind = raw.get("plover")
    mode = raw.get("plover_mode")
    if kind is not None and kind not in plover.get("types", []):
        raise verbs.error(raw, f"{label}: unknown PLOVER type {kind!r}")
    if mode is not None:
        effective = kind or codes[cameo].plover
        if effective is None or mode not in plover.get("modes", {}).get(effective, []):
            raise verbs.error(raw, f"{label}: mode {mode!r} not allowed for {effective}")
    complement = raw.get("complement")
    if complement is not None and complement not in COMPLEMENTS:
        raise verbs.error(raw, f"{label}: bad complement {complement!r}")
    statement = raw.get("statement", False)
    if not isinstance(statement, bool):
        raise verbs.error(raw, f"{label}: 'statement' must be true or false")
    return VerbEntry(
        id=entry_id,
        lemma=str(lemma),
        pos=pos,
        cameo=cameo,
        target=tuple(target),
        particle=_optional_word(raw, "particle", label, verbs),
        prep=_optional_word(raw, "prep", label, verbs),
        objects=_objects(raw.get("object"), classes, label, verbs, raw),
        object_classes=_object_classes(raw.get("object")),
        plover=kind,
        plover_mode=mode,
        complement=complement,
        statement=statement,
    )


def load_entries(verbs: JsonFile, codes: Mapping[str, CameoCode],
                 classes: Mapping[str, frozenset[str]],
                 plover: Mapping[str, Any]) -> tuple[VerbEntry, ...]:
    """Every lexicon entry of ``verbs.json``, in file order, ids unique."""
    table = top_object(verbs)
    version = table.get("version")
    if not isinstance(version, str) or not version:
        raise verbs.error(table, "'version' must be a non-empty string")
    raw_entries = table.get("entries")
    if not isinstance(raw_entries, list):
        raise verbs.error(table, "'entries' must be a list")
    entries: list[VerbEntry] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_entries):
        entry = load_entry(raw, number, codes, classes, plover, verbs)
        if entry.id in seen:
            raise verbs.error(raw, f"duplicate entry id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)
    return tuple(entries)
