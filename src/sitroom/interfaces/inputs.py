"""Checks of the command line's input paths before any work starts."""

from __future__ import annotations

from pathlib import Path

from sitroom.errors import UsageError

#: Suffixes of structured files that are not documents (read as text they would be
#: analysed as prose full of braces and keys).
STRUCTURED_SUFFIXES = frozenset({".json", ".csv", ".tsv", ".parquet", ".duckdb"})


def check_inputs(paths: list[str]) -> None:
    """Refuse a structured data file given as a document (a usage error, exit 2).

    A ``.json`` file is a common slip for JSON Lines: the message says how to turn it
    into one. Folders are not checked (their readers pick documents by suffix).
    """
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw)
        suffix = path.suffix.lower()
        if suffix not in STRUCTURED_SUFFIXES or path.is_dir():
            continue
        if suffix == ".json":
            raise UsageError(
                "a .json file is not read as a document; give JSON Lines instead "
                "(.jsonl: one {\"id\", \"text\", \"title\"?, \"published\"?} object a line, "
                "e.g. jq -c '.[]' file.json > file.jsonl)", path=raw)
        raise UsageError(f"a {suffix} file is not a document (text, Markdown, HTML or "
                         ".jsonl)", path=raw)
