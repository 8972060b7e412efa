"""Small named exceptions with stable codes, turned into clean CLI errors."""

from __future__ import annotations


class SitroomError(Exception):
    """Base of every error sitroom raises on purpose.

    Attributes:
        code: a stable error code such as ``E101``, documented in the README.
    """

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(SitroomError):
    """A document could not be read: missing, unreadable, empty, binary, bad encoding."""

    code = "E101"


class RecordError(SitroomError):
    """A JSONL line is malformed or lacks the fields a document needs."""

    code = "E102"


class ModelError(SitroomError):
    """The spaCy model cannot be loaded."""

    code = "E201"


class LexiconError(SitroomError):
    """A lexicon or code table is missing or malformed."""

    code = "E202"


class StoreError(SitroomError):
    """The store cannot be opened, migrated or written."""

    code = "E301"
