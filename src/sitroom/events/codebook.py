"""The event codebook: CAMEO codes, the CAMEO→PLOVER crosswalk and the verb lexicon.

Three JSON files in ``sitroom/lexicons/data`` make it up (their formats and checks:
:mod:`sitroom.events.codebook_files`):

* ``cameo.json``: every CAMEO 1.1b3 code with its name and Goldstein weight, how CAMEO
  codes promised, threatened, requested, demanded and refused acts, and code groups.
* ``plover.json``: PLOVER 0.8 types, their modes and the crosswalk from CAMEO.
* ``verbs.json``: word classes and the lexicon entries that turn a verb or event noun
  (with a particle, preposition or object class) into a code.

They are read through :func:`sitroom.lexicons.json_file` (so ``SITROOM_LEXICON_DIR``
overrides them) and checked when loaded; any defect raises :class:`LexiconError`
naming the file and line, so a bad edit fails at start-up, not halfway through a corpus.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from sitroom.errors import LexiconError
from sitroom.events import codebook_files as check
from sitroom.events.classes import wordnet_version
from sitroom.events.codebook_files import Framing
from sitroom.events.codes import CameoCode, VerbEntry, quad_class
from sitroom.events.vocabulary import FILES as WORD_FILES
from sitroom.lexicons import JsonFile, json_file, locate
from sitroom.lexicons.files import on_clear, version_of

__all__ = ["CameoCode", "Codebook", "VerbEntry", "build_codebook", "load_codebook",
           "quad_class"]

@dataclass(frozen=True)
class Codebook:
    """CAMEO codes, the PLOVER crosswalk and the verb lexicon, validated.

    Attributes:
        version: the content version of the event stage's knowledge: the three JSON
            files and the stage's word files together (12 hex digits; each event
            records it as its ``lexicon``).
        classes: word classes ("SANCTION" → lemmas) that entries name as "@SANCTION".
        entries: every lexicon entry, in file order.
        framing: the frame tables and code groups of ``cameo.json``.
        files: the content version of each file that makes up ``version``.
        cameo_version: ``cameo.json``'s content version.
        plover_version: ``plover.json``'s content version.
    """

    version: str
    classes: dict[str, frozenset[str]]
    entries: tuple[VerbEntry, ...] = ()
    framing: Framing = field(default_factory=lambda: Framing({}, {}, {}, {}, {}), repr=False)
    files: dict[str, str] = field(default_factory=dict, repr=False)
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
        table = self.framing.frames.get(frame)
        if table is None:
            raise LexiconError(f"unknown frame {frame!r}")
        self.code(cameo)
        if cameo[:2] == self.framing.roots[frame]:
            return cameo
        # Intents (03), appeals (02) and demands (10) share their sub-codes:
        # 0353 (intent to release) <-> 0253 (appeal for release) <-> 1053 (demand).
        mirror = self.framing.mirrors.get((frame, cameo[:2]))
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

    def group(self, name: str) -> frozenset[str]:
        """A named group of CAMEO roots or codes from ``cameo.json`` ("violent_roots").

        Raises:
            LexiconError: no group has this name.
        """
        found = self.framing.groups.get(name)
        if found is None:
            raise LexiconError(f"unknown CAMEO code group {name!r}")
        return found

    def frame_of_root(self, root: str) -> str | None:
        """The frame whose own codes have this root ("02" → "appeal"), if any."""
        for frame, own in self.framing.roots.items():
            if own == root:
                return frame
        return None


# -- loading ------------------------------------------------------------------------------

def _combined(files: dict[str, str]) -> str:
    """One 12-digit version for several files' content versions."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}={files[name]}\n".encode())
    return digest.hexdigest()[:12]


def build_codebook(cameo: JsonFile, plover: JsonFile, verbs: JsonFile) -> Codebook:
    """Check the three files and build a codebook from them.

    Args:
        cameo: the loaded ``cameo.json``.
        plover: the loaded ``plover.json``.
        verbs: the loaded ``verbs.json``.

    Raises:
        LexiconError: a file is malformed; the message names it and the line.
    """
    codes = check.load_codes(cameo, plover)
    framing = check.load_framing(cameo, codes)
    classes = check.load_classes(verbs)
    entries = check.load_entries(verbs, codes, classes, check.top_object(plover))
    index: dict[tuple[str, str], list[VerbEntry]] = {}
    for entry in entries:
        index.setdefault((entry.lemma, entry.pos), []).append(entry)
    files = {file.name: file.version for file in (cameo, plover, verbs)}
    files.update({name: version_of(locate(name).read_bytes()) for name in WORD_FILES})
    files["wordnet"] = wordnet_version()  # the object classes read it when installed
    return Codebook(
        version=_combined(files),
        classes=classes,
        entries=entries,
        framing=framing,
        files=files,
        cameo_version=cameo.version,
        plover_version=plover.version,
        _codes=codes,
        _index={key: tuple(value) for key, value in index.items()},
    )


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """Load and check the codebook (once; ``sitroom.lexicons.clear_cache()`` forgets it).

    The files come from ``sitroom/lexicons/data``, or from ``SITROOM_LEXICON_DIR``
    where it holds a file of the same name.

    Raises:
        LexiconError: a file is missing or malformed; the message names it and the line.
    """
    return build_codebook(json_file("cameo.json"), json_file("plover.json"),
                          json_file("verbs.json"))


on_clear(load_codebook.cache_clear)
