"""The demo database shared by the dashboard tests (imported by their conftest)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sitroom.store import IngestResult


@dataclass(frozen=True)
class DemoDb:
    """The session's demo database (never opened by tests: they use copies).

    Attributes:
        path: the DuckDB file.
        demo: what ingesting the demo corpus with the real pipeline did.
        demo_error: why the demo corpus could not be analysed at all, if it could not.
    """

    path: Path
    demo: IngestResult | None
    demo_error: str | None



def copy_db(demo_db: DemoDb, folder: Path) -> Path:
    """A private copy of the demo database in ``folder``."""
    target = folder / "copy.duckdb"
    shutil.copyfile(demo_db.path, target)
    return target
