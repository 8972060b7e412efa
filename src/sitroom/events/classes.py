"""Object classes from a real lexical resource: WordNet 3.0 noun hypernyms.

A lexicon entry may ask for an object of a class ("deploy @MILITARY", "seize
@PLACE"). The hand-written class words in ``verbs.json`` always count; in addition,
when WordNet 3.0 is installed, a noun belongs to a class when one of its senses lies
under one of the class's anchor synsets (``words/events_object_synsets.tsv``), so
"howitzer", "gunboat" or "checkpoint" need no hand entry.

Which senses count: WordNet orders a word's senses by frequency, and its index says
how many of them were seen in its tagged corpus. The senses that were seen (at most
:data:`MAX_SENSES`), or the first sense when none was, are the word's ordinary senses;
rare senses do not make a class ("a tank of water" is not a weapon because "tank"
also names a vehicle — that is its first sense, and such objects are rare in news
of international affairs; see docs/events.md).

Where WordNet comes from: Debian's ``wordnet-base`` package (``make install`` installs
it when it can), read from ``$SITROOM_WORDNET`` or ``/usr/share/wordnet`` in the
WordNet database format (``wndb(5WN)``: ``index.noun`` and ``data.noun``, whose
synset offsets are byte offsets). Nothing is fetched at run time. When the folder is
absent or unreadable, the classes fall back to the hand-written words alone — the
behaviour before WordNet, documented and tested.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from sitroom.lexicons import rows
from sitroom.lexicons.compact import Groups, StringIndex
from sitroom.lexicons.files import on_clear, version_of

#: The environment variable naming a WordNet 3.0 database folder.
WORDNET_ENV = "SITROOM_WORDNET"

#: Where Debian's ``wordnet-base`` puts the database.
DEFAULT_FOLDER = Path("/usr/share/wordnet")

#: At most this many of a word's most frequent senses count.
MAX_SENSES = 1

#: Pointer symbols of hypernyms (class and instance) in ``data.noun``.
HYPERNYM_POINTERS = frozenset({"@", "@i"})


class WordNet:
    """The noun hierarchy of a WordNet 3.0 database folder (read lazily, cached).

    The index is kept compact (:mod:`sitroom.lexicons.compact`): the nouns in one sorted
    block, their synset offsets in one array (about 4 MB, where a dict took 26 MB in every
    worker); ``data.noun`` is read line by line with ``os.pread`` at the offsets asked for
    (one open file, no seeks).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        index: dict[str, tuple[tuple[int, ...], int]] = {}
        with (folder / "index.noun").open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue  # the licence header
                cells = line.split()
                lemma, synset_count, pointer_count = cells[0], int(cells[2]), int(cells[3])
                tagged = int(cells[5 + pointer_count])
                offsets = tuple(int(c) for c in cells[6 + pointer_count:])
                if len(offsets) != synset_count:
                    raise ValueError(f"{folder / 'index.noun'}: malformed line for {lemma!r}")
                index[lemma] = (offsets, tagged)
        self._lemmas = StringIndex(index)
        ordered = sorted(index)
        self._offsets = Groups((index[lemma][0] for lemma in ordered), "l")
        self._tagged = array("l", (index[lemma][1] for lemma in ordered))
        self._parents: dict[int, tuple[int, ...]] = {}
        self._ancestors: dict[int, frozenset[int]] = {}
        self._data: int | None = None

    def _entry(self, lemma: str) -> tuple[tuple[int, ...], int] | None:
        """A lemma's synset offsets and tagged-sense count, or None."""
        position = self._lemmas.find(lemma)
        if position < 0:
            return None
        return self._offsets[position], self._tagged[position]

    def senses(self, word: str) -> tuple[int, ...]:
        """The synset offsets of a noun's ordinary senses, most frequent first."""
        found = self._entry(word.lower().replace(" ", "_"))
        if found is None:
            return ()
        offsets, tagged = found
        return offsets[:max(1, min(tagged, MAX_SENSES))]

    def synset(self, name: str) -> int | None:
        """The offset of a synset named like ``military_unit.n.01``, or None."""
        lemma, pos, number = name.rsplit(".", 2)
        found = self._entry(lemma)
        if pos != "n" or found is None or not 0 < int(number) <= len(found[0]):
            return None
        return found[0][int(number) - 1]

    def __del__(self, _close: Callable[[int], None] = os.close) -> None:
        # os.close is bound early: at interpreter exit the os module may be gone
        if getattr(self, "_data", None) is not None:
            _close(self._data)  # type: ignore[arg-type]

    def _line(self, offset: int) -> bytes:
        """The line of ``data.noun`` that starts at byte ``offset``."""
        if self._data is None:
            self._data = os.open(self.folder / "data.noun", os.O_RDONLY)
        chunks: list[bytes] = []
        while True:
            chunk = os.pread(self._data, 4096, offset)
            end = chunk.find(b"\n")
            if end >= 0 or not chunk:
                chunks.append(chunk if end < 0 else chunk[:end + 1])
                return b"".join(chunks)
            chunks.append(chunk)
            offset += len(chunk)

    def parents(self, offset: int) -> tuple[int, ...]:
        """The hypernyms of a synset (its data line is at that byte offset)."""
        cached = self._parents.get(offset)
        if cached is not None:
            return cached
        cells = self._line(offset).decode("utf-8").split()
        words = int(cells[3], 16)
        at = 4 + 2 * words
        pointers = int(cells[at])
        found = tuple(int(cells[at + 2 + 4 * n]) for n in range(pointers)
                      if cells[at + 1 + 4 * n] in HYPERNYM_POINTERS)
        self._parents[offset] = found
        return found

    def ancestors(self, offset: int) -> frozenset[int]:
        """A synset and every synset above it."""
        cached = self._ancestors.get(offset)
        if cached is not None:
            return cached
        seen = {offset}
        stack = [offset]
        while stack:
            for parent in self.parents(stack.pop()):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        result = frozenset(seen)
        self._ancestors[offset] = result
        return result


def wordnet_folder() -> Path:
    """The WordNet folder to read: ``$SITROOM_WORDNET``, else Debian's."""
    configured = os.environ.get(WORDNET_ENV)
    return Path(configured) if configured else DEFAULT_FOLDER


@lru_cache(maxsize=1)
def wordnet() -> WordNet | None:
    """The installed WordNet 3.0, or None when it is absent (the hand classes serve)."""
    folder = wordnet_folder()
    if not (folder / "index.noun").is_file() or not (folder / "data.noun").is_file():
        return None
    try:
        return WordNet(folder)
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None


def wordnet_version() -> str:
    """The content version of the WordNet in use (of its ``index.noun``), or "absent".

    Part of the event stage's lexicon version: the object classes depend on it.
    """
    net = wordnet()
    if net is None:
        return "absent"
    return version_of((net.folder / "index.noun").read_bytes())


@lru_cache(maxsize=1)
def anchors() -> dict[str, frozenset[int]]:
    """Each object class's anchor synsets, as offsets in the installed WordNet."""
    net = wordnet()
    if net is None:
        return {}
    found: dict[str, frozenset[int]] = {}
    for name, synsets in rows("events_object_synsets", 2):
        offsets = {net.synset(s) for s in synsets.split()}
        found[name] = frozenset(o for o in offsets if o is not None)
    return found


@lru_cache(maxsize=8192)
def wordnet_classes(word: str) -> frozenset[str]:
    """The object classes a noun belongs to by WordNet (empty without WordNet)."""
    net = wordnet()
    table = anchors()
    if net is None or not table:
        return frozenset()
    above: set[int] = set()
    for sense in net.senses(word):
        above |= net.ancestors(sense)
    return frozenset(name for name, offsets in table.items() if offsets & above)


def _clear() -> None:
    wordnet.cache_clear()
    anchors.cache_clear()
    wordnet_classes.cache_clear()


on_clear(_clear)
