"""One loader for every lexicon file: validated, versioned by content, overridable.

Every piece of linguistic knowledge sitroom uses lives in a data file under
``sitroom/lexicons/data`` (see ``docs/lexicons.md``). Three formats, one loader style:

- ``words/NAME.txt``: a word list, one entry a line (order kept);
- ``words/NAME.tsv``: a table, one row a line, columns separated by a tab;
- ``NAME.json``: structured lexicons (countries, actors, verbs, CAMEO, PLOVER…).

In all three, a problem is reported as ``LexiconError`` naming the file, the line and the
reason. Each file's version is the first 12 hex digits of the SHA-256 of its bytes, so a
record can say exactly which knowledge produced it. Setting ``SITROOM_LEXICON_DIR`` to a
folder makes any file found there (same relative name) replace the packaged one.
"""

from __future__ import annotations

import hashlib
import json
import json.decoder
import json.scanner
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sitroom.errors import LexiconError

PACKAGED = Path(__file__).resolve().parent / "data"
OVERRIDE_ENV = "SITROOM_LEXICON_DIR"


def override_dir() -> Path | None:
    """The folder named by ``SITROOM_LEXICON_DIR``, if set.

    Read once and kept until :func:`clear_cache` (which tests call after changing the
    variable): stages look lexicons up inside their loops, and reading the environment
    each time costs more than the lookup itself.
    """
    if not _OVERRIDE:
        value = os.environ.get(OVERRIDE_ENV)
        _OVERRIDE.append(Path(value) if value else None)
    return _OVERRIDE[0]


_OVERRIDE: list[Path | None] = []


def locate(name: str) -> Path:
    """The file a lexicon name refers to: the override if one exists, else the packaged one.

    Args:
        name: a path relative to the data folder, e.g. ``"verbs.json"`` or
            ``"words/negators.txt"``.
    """
    extra = override_dir()
    if extra is None:
        return _packaged(name)
    if (extra / name).is_file():
        return extra / name
    return _packaged(name)


@cache
def _packaged(name: str) -> Path:
    """The packaged file of a lexicon name (found once: stages ask for their lists in
    inner loops, and the packaged folder does not change while sitroom runs)."""
    path = PACKAGED / name
    if not path.is_file():
        raise LexiconError(f"lexicon file not found: {name}", path=str(path))
    return path


def version_of(content: bytes) -> str:
    """A file's version: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(content).hexdigest()[:12]


class _Located(dict):  # type: ignore[type-arg]
    """A JSON object that remembers where it starts in its file."""

    __slots__ = ("offset",)
    offset: int


def _decoder() -> json.JSONDecoder:
    """A JSON decoder whose objects remember their character offset."""
    decoder = json.JSONDecoder()
    plain = json.decoder.JSONObject  # type: ignore[attr-defined]

    def parse_object(s_and_end: tuple[str, int], strict: bool, scan_once: Any,
                     object_hook: Any, object_pairs_hook: Any, memo: Any = None) -> Any:
        pairs, end = plain(s_and_end, strict, scan_once, None, list, memo)
        obj = _Located(pairs)
        obj.offset = s_and_end[1] - 1
        return obj, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder


@dataclass(frozen=True)
class JsonFile:
    """A parsed JSON lexicon with its path, version and a way to name a line in errors."""

    name: str
    path: Path
    version: str
    data: Any
    text: str

    def line_of(self, obj: object) -> int:
        """The 1-based line on which a JSON object of this file starts (1 if unknown)."""
        offset = getattr(obj, "offset", None)
        if offset is None:
            return 1
        return self.text.count("\n", 0, offset) + 1

    def error(self, obj: object, reason: str) -> LexiconError:
        """A ``LexiconError`` naming this file, the line of ``obj`` and the reason."""
        return LexiconError(f"line {self.line_of(obj)}: {reason}", path=str(self.path))

    def require(self, obj: object, key: str, kind: type | tuple[type, ...]) -> Any:
        """``obj[key]``, checked to exist and be of ``kind``; else a located error."""
        if not isinstance(obj, dict) or key not in obj:
            raise self.error(obj, f"missing field {key!r}")
        value = obj[key]
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.error(obj, f"field {key!r} must be {names}, not {type(value).__name__}")
        return value


@cache
def _json_file(name: str, where: str) -> JsonFile:
    path = Path(where)
    raw = _read_bytes(path)
    text = _decode(raw, path)
    try:
        data = _decoder().decode(text)
    except json.JSONDecodeError as exc:
        reason = f"line {exc.lineno}: not valid JSON: {exc.msg}"
        raise LexiconError(reason, path=str(path)) from None
    return JsonFile(name=name, path=path, version=version_of(raw), data=data, text=text)


def json_file(name: str) -> JsonFile:
    """Load a JSON lexicon (cached per file).

    Raises:
        LexiconError: the file is missing, unreadable or not JSON (with its line).
    """
    return _json_file(name, str(locate(name)))


@dataclass(frozen=True)
class Line:
    """One entry line of a word list or table: its number and its cells."""

    number: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class LineFile:
    """A parsed word list or table with its path and version."""

    name: str
    path: Path
    version: str
    lines: tuple[Line, ...]

    def error(self, line: Line, reason: str) -> LexiconError:
        """A ``LexiconError`` naming this file, the line and the reason."""
        return LexiconError(f"line {line.number}: {reason}", path=str(self.path))


@cache
def _line_file(name: str, where: str, columns: int) -> LineFile:
    path = Path(where)
    raw = _read_bytes(path)
    text = _decode(raw, path)
    lines: list[Line] = []
    seen: dict[str, int] = {}
    for number, content in enumerate(text.splitlines(), start=1):
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in content.split("\t"))
        if len(cells) != columns:
            raise LexiconError(
                f"line {number}: expected {columns} tab-separated column(s), found {len(cells)}",
                path=str(path),
            )
        if any(not cell for cell in cells):
            raise LexiconError(f"line {number}: empty cell", path=str(path))
        if cells[0] in seen:
            raise LexiconError(
                f"line {number}: duplicate entry {cells[0]!r} (first on line {seen[cells[0]]})",
                path=str(path),
            )
        seen[cells[0]] = number
        lines.append(Line(number, cells))
    return LineFile(name=name, path=path, version=version_of(raw), lines=tuple(lines))


def line_file(name: str, columns: int = 1) -> LineFile:
    """Load a word list (``columns=1``) or a table (cached per file).

    Raises:
        LexiconError: missing or unreadable file, a wrong column count, an empty cell or
            a duplicate first cell, each with its line.
    """
    return _line_file(name, str(locate(name)), columns)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon file: {exc.strerror}", path=str(path)) from None


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LexiconError(f"line {line}: not UTF-8", path=str(path)) from None


def all_names() -> list[str]:
    """Every lexicon file name, packaged or overriding, relative to the data folder."""
    names = {
        p.relative_to(PACKAGED).as_posix()
        for p in PACKAGED.rglob("*")
        if p.is_file() and p.suffix in {".json", ".txt", ".tsv"}
    }
    extra = override_dir()
    if extra is not None and extra.is_dir():
        names |= {
            p.relative_to(extra).as_posix()
            for p in extra.rglob("*")
            if p.is_file() and p.suffix in {".json", ".txt", ".tsv"}
        }
    return sorted(names)


def versions() -> dict[str, str]:
    """The content version of every lexicon file, by name (files read, not parsed)."""
    return {name: version_of(_read_bytes(locate(name))) for name in all_names()}


def clear_cache() -> None:
    """Forget loaded files (after changing ``SITROOM_LEXICON_DIR`` in tests)."""
    _OVERRIDE.clear()
    _packaged.cache_clear()
    _json_file.cache_clear()
    _line_file.cache_clear()
    for hook in _CLEAR_HOOKS:
        hook()


_CLEAR_HOOKS: list[Callable[[], None]] = []


def on_clear(hook: Callable[[], None]) -> Callable[[], None]:
    """Register a cache of derived data to be cleared with the files (a decorator's helper)."""
    _CLEAR_HOOKS.append(hook)
    return hook
