"""Warm-up: every lazily loaded resource is loaded before the first document."""

from __future__ import annotations

import pytest

from sitroom.lexicons import clear_cache
from sitroom.lexicons.compact import Groups, StringIndex
from sitroom.pipeline import warm


def test_load_knowledge_loads_the_lazy_resources() -> None:
    from sitroom.actors.lexicon import load_lexicon
    from sitroom.events import classes, codebook
    from sitroom.sourcing import gazetteer, places

    clear_cache()
    loaders = (load_lexicon, codebook.load_codebook, classes.wordnet, classes.anchors,
               gazetteer._cities, gazetteer.water_regions, places._subdivisions)
    assert all(loader.cache_info().currsize == 0 for loader in loaders)
    assert warm.load_knowledge() > len(loaders)
    assert all(loader.cache_info().currsize == 1 for loader in loaders)


def test_loaders_are_the_cached_functions_without_arguments() -> None:
    from sitroom.sourcing import gazetteer

    found = {loader.__name__ for loader in warm._loaders(gazetteer)}
    assert {"_cities", "countries", "water_regions"} <= found
    assert "lookup" not in found  # takes a name: never called by the warm-up


def test_warm_up_never_calls_the_model_loaders() -> None:
    # load_base_nlp takes no arguments and is cached: in a stage package it would be
    # called, loading a second model into every worker
    names = {m.__name__ for m in warm.stage_modules()}
    assert "sitroom.sourcing.gazetteer" in names
    assert not {n for n in names if n.startswith("sitroom.pipeline")}


STRING_ROWS = [
    # (keys, key looked up, found?)
    (["baghdad", "aden", "zarqa"], "aden", True),
    (["baghdad", "aden", "zarqa"], "baghdad", True),
    (["baghdad", "aden", "zarqa"], "zarqa", True),
    (["baghdad", "aden", "zarqa"], "bagh", False),       # a prefix is not a key
    (["baghdad", "aden", "zarqa"], "baghdads", False),   # nor a longer word
    (["baghdad", "aden", "zarqa"], "", False),
    ([], "aden", False),
    (["são tomé", "sao tome"], "são tomé", True),         # non-ASCII keys
]


@pytest.mark.parametrize(("keys", "key", "found"), STRING_ROWS)
def test_string_index_finds_exactly_its_keys(keys: list[str], key: str, found: bool) -> None:
    index = StringIndex(keys)
    position = index.find(key)
    assert (position >= 0) is found
    if found:
        assert index[position] == key
    assert sorted(index[i] for i in range(len(index))) == sorted(set(keys))


def test_groups_keep_each_run_in_order() -> None:
    groups = Groups([[3, 1, 2], [], [7]])
    assert len(groups) == 3
    assert groups[0] == (3, 1, 2)
    assert groups[1] == ()
    assert groups[2] == (7,)
