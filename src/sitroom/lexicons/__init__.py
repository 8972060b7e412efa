"""sitroom's linguistic knowledge as data: word lists, tables and structured lexicons.

Stages never hold word lists in Python; they ask this package::

    from sitroom.lexicons import words, table

    NEGATORS = words("negators")            # data/words/negators.txt -> frozenset
    NUMBERS = table("number_words")         # data/words/number_words.tsv -> dict

Formats, validation and versions: ``docs/lexicons.md`` and ``lexicons/files.py``.
"""

from __future__ import annotations

import hashlib

from sitroom.lexicons.files import (
    JsonFile,
    LineFile,
    clear_cache,
    json_file,
    line_file,
    locate,
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


def ordered(name: str) -> tuple[str, ...]:
    """The entries of ``words/NAME.txt`` in file order (for lists where order means something)."""
    return tuple(line.cells[0] for line in line_file(f"words/{name}.txt").lines)


def words(name: str) -> frozenset[str]:
    """The entries of ``words/NAME.txt`` as a set."""
    return frozenset(ordered(name))


def rows(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The rows of ``words/NAME.tsv``, each with exactly ``columns`` cells."""
    return tuple(line.cells for line in line_file(f"words/{name}.tsv", columns).lines)


def table(name: str) -> dict[str, str]:
    """A two-column ``words/NAME.tsv`` as a mapping from the first cell to the second."""
    return {key: value for key, value in rows(name, 2)}


def combined_version() -> str:
    """One version for all lexicon files together (12 hex digits)."""
    digest = hashlib.sha256()
    for name, version in versions().items():
        digest.update(f"{name}={version}\n".encode())
    return digest.hexdigest()[:12]
