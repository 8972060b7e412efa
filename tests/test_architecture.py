"""The house rules that keep the code readable: small modules, knowledge as data.

The layer contract itself (each layer imports only the layers below it, no cycles) is
checked by ``lint-imports`` in ``make lint``; see ``[tool.importlinter]`` in
pyproject.toml and ``docs/architecture.md``.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from sitroom import record

SRC = Path(__file__).resolve().parents[1] / "src" / "sitroom"
#: A module a newcomer can read in one sitting.
MAX_LINES = 650
#: Stage packages: they hold rules, and their linguistic knowledge lives in lexicons/.
STAGES = ("documents", "parsed", "actors", "sourcing", "events", "pipeline", "analysis")
#: Five English words in one literal is a word list.
MAX_WORDS = 5

_WORD = re.compile(r"^[a-z][a-z'\u2019.-]*(?: [a-z'\u2019.-]+)*$")
#: Parser labels (dependency, part of speech, entity) are the parser's scheme, not words.
_LABELS = {label.lower() for label in GLOSSARY}
#: Our own record's field and enum names are identifiers, not words.
_FIELDS = {
    f.name
    for cls in vars(record).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls)
    for f in dataclasses.fields(cls)
}


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "static" not in p.parts)


def _words_in(node: ast.AST) -> list[str]:
    elts: list[ast.expr | None]
    if isinstance(node, ast.Dict):
        elts = list(node.keys)
    elif isinstance(node, ast.Set | ast.List | ast.Tuple):
        elts = list(node.elts)
    else:
        return []
    return [
        e.value
        for e in elts
        if isinstance(e, ast.Constant)
        and isinstance(e.value, str)
        and _WORD.match(e.value)
        and e.value not in _LABELS
        and e.value not in _FIELDS
    ]


def word_lists(path: Path) -> list[tuple[int, list[str]]]:
    """Literal collections in a module that hold more than ``MAX_WORDS`` English words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        words = _words_in(node)
        if len(words) > MAX_WORDS:
            found.append((node.lineno, words))
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_module_is_small_enough_to_read(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines; split it by what it does"


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if p.relative_to(SRC).parts[0] in STAGES],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_stage_module_holds_no_word_list(path: Path) -> None:
    found = word_lists(path)
    assert not found, f"word lists belong in sitroom/lexicons/data: {found}"


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ('NOUNS = {"attack", "strike", "raid", "bombing", "assault", "ambush"}', True),
        ('VERBS = ("say", "tell", "state", "note", "claim", "warn")', True),
        ('DEPS = {"nsubj", "dobj", "pobj", "prep", "agent", "nsubjpass", "attr"}', False),
        ('CODES = {"GOV", "MIL", "LEG", "JUD", "COP", "REB", "OPP"}', False),
        ('SMALL = {"in", "at", "on"}', False),
        ('FIELDS = ("source", "target", "trigger", "modality", "polarity", "certainty")', False),
    ],
)
def test_the_scan_flags_word_lists_and_nothing_else(
    tmp_path: Path, source: str, flagged: bool
) -> None:
    module = tmp_path / "m.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert bool(word_lists(module)) is flagged


def test_our_gold_keeps_no_article_text() -> None:
    """The check set's notes are our own words: no six words in a row from an article."""
    import importlib.util

    script = SRC.parents[1] / "scripts" / "check_gold_text.py"
    spec = importlib.util.spec_from_file_location("check_gold_text", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not module.ARTICLES.is_file():
        pytest.skip("../shared is absent: the articles to compare against are not here")
    assert module.overlaps(SRC.parents[1] / "eval" / "gold") == {}
