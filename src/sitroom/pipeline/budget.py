"""A time budget per document: a pathological input becomes a failure entry, not a hang.

A :class:`TimeBudget` gives each document ``seconds`` plus ``per_100k`` seconds per
100,000 characters (both generous: ten times what a normal document needs). When a
document runs over, a watchdog timer raises :class:`~sitroom.errors.TimeBudgetError`
inside the thread that analyses it (``PyThreadState_SetAsyncExc``: the exception is
raised at the next Python instruction of that thread, so a long call into compiled code
finishes first); the caller quarantines the document and goes on with the next.
``SITROOM_TIME_BUDGET`` sets ``seconds`` and ``per_100k`` (``0`` turns the budget off).
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from dataclasses import dataclass
from types import TracebackType

from sitroom.errors import TimeBudgetError

#: Environment variable: seconds per document (and per 100,000 characters); 0 = no budget.
ENV_VAR = "SITROOM_TIME_BUDGET"
#: Default seconds per document, and per 100,000 characters on top.
DEFAULT_SECONDS = 120.0


def _raise_in(thread_id: int, error: type[BaseException] | None) -> None:
    """Raise ``error`` asynchronously in a thread (``None`` cancels a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(error) if error else None)


@dataclass(frozen=True)
class TimeBudget:
    """How long one document may take.

    Attributes:
        seconds: every document's allowance (``0`` or less: no budget).
        per_100k: added per 100,000 characters of the document.
    """

    seconds: float = DEFAULT_SECONDS
    per_100k: float = DEFAULT_SECONDS

    @classmethod
    def from_env(cls) -> TimeBudget:
        """The budget ``SITROOM_TIME_BUDGET`` sets (seconds), else the default (a value
        that is not a number is ignored)."""
        value = os.environ.get(ENV_VAR, "").strip()
        try:
            seconds = float(value) if value else DEFAULT_SECONDS
        except ValueError:
            seconds = DEFAULT_SECONDS
        return cls(seconds, seconds)

    def limit(self, chars: int, count: int = 1) -> float | None:
        """Seconds allowed for ``count`` documents of ``chars`` characters in all."""
        if self.seconds <= 0:
            return None
        return count * self.seconds + max(self.per_100k, 0.0) * chars / 100_000

    def deadline(self, chars: int, where: str, count: int = 1) -> Deadline:
        """A ``with`` block that raises :class:`TimeBudgetError` when over the limit."""
        return Deadline(self.limit(chars, count), where)

    @staticmethod
    def check() -> None:
        """Raise :class:`TimeBudgetError` if this thread's current deadline has passed
        (a cheap check for loops between steps)."""
        active = getattr(_LOCAL, "deadline", None)
        if active is not None and active.expired():
            active.fired = True
            raise TimeBudgetError(active.message())


_LOCAL = threading.local()


class Deadline:
    """The running time limit of one ``with`` block in one thread."""

    def __init__(self, seconds: float | None, where: str) -> None:
        self.seconds = seconds
        self.where = where
        self.fired = False
        self._lock = threading.Lock()
        self._done = False
        self._timer: threading.Timer | None = None
        self._ends = float("inf")
        self._outer: Deadline | None = None
        self._thread = 0

    def expired(self) -> bool:
        """Whether the limit has passed."""
        return time.monotonic() > self._ends

    def message(self) -> str:
        """The failure's reason."""
        return (f"analysis stopped after {self.seconds:.0f} s: over the time budget "
                f"(set {ENV_VAR} to change it)")

    def _fire(self, thread_id: int) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            _raise_in(thread_id, TimeBudgetError)

    def stop(self) -> None:
        """Stop the block now, as if its time were up (from another thread)."""
        if self._thread:
            self._fire(self._thread)

    def __enter__(self) -> Deadline:
        self._outer = getattr(_LOCAL, "deadline", None)
        _LOCAL.deadline = self
        self._thread = threading.get_ident()
        if self.seconds is not None:
            self._ends = time.monotonic() + self.seconds
            self._timer = threading.Timer(self.seconds, self._fire, [threading.get_ident()])
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        with self._lock:
            self._done = True
            fired = self.fired
        if self._timer is not None:
            self._timer.cancel()
        _LOCAL.deadline = self._outer
        if fired:
            _raise_in(threading.get_ident(), None)  # cancel one still pending
            if exc_type is None or issubclass(exc_type, TimeBudgetError):
                raise TimeBudgetError(self.message(), path=self.where) from None
