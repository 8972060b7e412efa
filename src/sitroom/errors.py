"""sitroom's one error catalogue: every error class, its stable code, and the exit policy.

Every error sitroom raises on purpose is a :class:`SitroomError` subclass defined here,
with a stable code (``E101``…) documented in the README. Per-document failures that do
not stop a run (a :class:`~sitroom.documents.model.ReadFailure`) carry the code of the
class named here (``InputError.code``, ``RecordError.code``, ``AnalysisError.code``).

Exit policy of every command (:func:`exit_code` is the one mapping):

* ``0`` success;
* ``1`` bad data or a failure: a document could not be read or analysed, the store,
  the model, a lexicon or the engine failed;
* ``2`` a usage error: options that do not fit together or a value a command cannot
  use (Click's own option errors exit 2 as well), and a query command given a store
  path where no store exists (querying a store that is not there is a mistake in the
  command, not in the data; ``ingest`` and ``serve`` create the store instead).
"""

from __future__ import annotations

#: The command succeeded.
EXIT_OK = 0
#: Bad data or a failure (documents quarantined or unreadable, store/model/lexicon error).
EXIT_FAILURE = 1
#: The command was used wrongly (bad option value or combination, no store to query).
EXIT_USAGE = 2


class SitroomError(Exception):
    """Base of every error sitroom raises on purpose.

    Attributes:
        code: a stable error code such as ``E101``, documented in the README.
        exit_status: the command's exit status when this error stops it.
    """

    code = "E000"
    exit_status = EXIT_FAILURE

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {where}{self.message}"


class UsageError(SitroomError):
    """A command was given options that do not fit together or a value it cannot use."""

    code = "E001"
    exit_status = EXIT_USAGE


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
    """The store cannot be opened, migrated, read or written."""

    code = "E301"


class NoStoreError(UsageError, StoreError):
    """A query command (or a read-only open) was pointed at a store file that does not
    exist (also a ``StoreError``, for code that catches those)."""

    code = "E002"


class FilterError(UsageError, StoreError):
    """A query filter the store cannot hold (``quad_class=7``, ``plover="ATTACK"``,
    ``country="Yemen"``): a usage error, and a store error for code that catches those."""

    code = "E003"


class StoreLockedError(StoreError):
    """The store is locked by another process (a running dashboard or ingest)."""

    code = "E302"


class StoreIOError(StoreError):
    """The store file could not be read or written: disk full, I/O error, corruption."""

    code = "E303"


class EngineError(SitroomError):
    """The Dask engine cannot run (extra not installed, scheduler unreachable, task failed)."""

    code = "E401"


class AnalysisError(SitroomError):
    """One document failed inside the pipeline (the other documents go on)."""

    code = "E501"


class TimeBudgetError(AnalysisError):
    """One document ran over its time budget and was stopped (the others go on)."""

    code = "E502"

    def __init__(self, message: str = "over the time budget", *, path: str | None = None
                 ) -> None:
        super().__init__(message, path=path)


#: Every error class, in code order (the README's "Errors" table lists the same).
CATALOGUE: tuple[type[SitroomError], ...] = (
    SitroomError, UsageError, NoStoreError, FilterError, InputError, RecordError, ModelError,
    LexiconError, StoreError, StoreLockedError, StoreIOError, EngineError, AnalysisError,
    TimeBudgetError,
)


def exit_code(error: BaseException) -> int:
    """The exit status of a command stopped by ``error`` (the one exit-code policy).

    A :class:`SitroomError` gives its class's ``exit_status`` (2 for usage errors, 1
    otherwise); anything else that reaches a command is a failure (1).
    """
    if isinstance(error, SitroomError):
        return error.exit_status
    return EXIT_FAILURE
