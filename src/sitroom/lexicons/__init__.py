"""sitroom's linguistic knowledge as data: word lists, tables and structured lexicons.

Stages never hold word lists in Python; they ask this package::

    from sitroom.lexicons import words, table

    NEGATORS = words("negators")            # data/words/negators.txt -> frozenset
    NUMBERS = table("number_words")         # data/words/number_words.tsv -> dict

Formats, validation and versions: ``docs/lexicons.md`` and ``lexicons/files.py``.
"""

from __future__ import annotations

import hashlib
from functools import cache

from sitroom.lexicons.files import (
    JsonFile,
    LineFile,
    clear_cache,
    json_file,
    line_file,
    locate,
    on_clear,
    override_dir,
    versions,
)

__all__ = [
    "JsonFile",
    "LineFile",
    "clear_cache",
    "combined_version",
    "json_file",
    "line_file",
    "locate",
    "ordered",
    "override_dir",
    "rows",
    "table",
    "versions",
    "words",
]


# The lists are derived once per file as located (the location is part of each key, so
# a file that appears in ``SITROOM_LEXICON_DIR`` is read as before); without an override
# folder, once per name. Stages call ``words()`` inside their loops; every result here
# is immutable.


@cache
def _ordered(name: str, where: str) -> tuple[str, ...]:
    return tuple(line.cells[0] for line in line_file(name).lines)


@cache
def _words(name: str, where: str) -> frozenset[str]:
    return frozenset(_ordered(name, where))


@cache
def _rows(name: str, where: str, columns: int) -> tuple[tuple[str, ...], ...]:
    return tuple(line.cells for line in line_file(name, columns).lines)


_PACKAGED_WORDS: dict[str, frozenset[str]] = {}


def _clear_derived() -> None:
    for cached in (_ordered, _words, _rows):
        cached.cache_clear()
    _PACKAGED_WORDS.clear()


on_clear(_clear_derived)


def ordered(name: str) -> tuple[str, ...]:
    """The entries of ``words/NAME.txt`` in file order (for lists where order means something)."""
    file = f"words/{name}.txt"
    return _ordered(file, str(locate(file)))


def words(name: str) -> frozenset[str]:
    """The entries of ``words/NAME.txt`` as a set."""
    found = _PACKAGED_WORDS.get(name)
    if found is not None:
        return found
    file = f"words/{name}.txt"
    found = _words(file, str(locate(file)))
    if override_dir() is None:
        _PACKAGED_WORDS[name] = found
    return found


def rows(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The rows of ``words/NAME.tsv``, each with exactly ``columns`` cells."""
    file = f"words/{name}.tsv"
    return _rows(file, str(locate(file)), columns)


def table(name: str) -> dict[str, str]:
    """A two-column ``words/NAME.tsv`` as a mapping from the first cell to the second."""
    return {key: value for key, value in rows(name, 2)}  # a fresh dict: callers may keep it


def combined_version() -> str:
    """One version for all lexicon files together (12 hex digits)."""
    digest = hashlib.sha256()
    for name, version in versions().items():
        digest.update(f"{name}={version}\n".encode())
    return digest.hexdigest()[:12]
