"""Actor resolution reads the named entities once per document, not once per name.

``doc.ents`` is rebuilt on every read; the clean-up of lexicon matches once read it per
match, which made country-dense text quadratic (issue 12, item 3). The index of
entities by token is built once per document however many names it holds; the figures of
``bench_scan`` (run as a script) show the time growing linearly.
"""

from __future__ import annotations

import sys
import time

import pytest
from tests.actors.actor_helpers import nlp

from sitroom.actors import mentions
from sitroom.actors.resolve import find_actors

SENTENCE = (
    "Officials from Kenya, Ethiopia, Nigeria, Ghana and Peru met envoys of Chile and "
    "Norway, while Sweden and Brazil sent a note to Egypt. "
)


@pytest.mark.parametrize("repeats", [1, 5, 25])
def test_entity_index_built_once_per_document(monkeypatch, repeats):
    built = []
    real = mentions.build_token_ents

    def counting(doc):
        built.append(len(doc))
        return real(doc)

    monkeypatch.setattr(mentions, "build_token_ents", counting)
    doc = nlp()(SENTENCE * repeats)
    index = find_actors(doc)
    assert len(built) == 1
    assert {"KEN", "PER", "EGY"} <= {a.country for a in index.actors}


def test_index_maps_each_token_to_its_entity():
    doc = nlp()("Defence Minister Jane Roe visited Ghana on Monday.")
    index = mentions.token_ents(doc)
    assert len(index) == len(doc)
    for ent in doc.ents:
        covered = range(ent.start, ent.end)
        assert all(index[j] is not None and index[j].start == ent.start for j in covered)
    outside = [j for j in range(len(doc)) if not any(e.start <= j < e.end for e in doc.ents)]
    assert outside and all(index[j] is None for j in outside)


def bench_scan(sizes=(25_000, 50_000, 100_000)) -> None:
    """Print seconds of the actor stage on country-dense text (not a test: figures only)."""
    for size in sizes:
        text = SENTENCE * (size // len(SENTENCE))
        doc = nlp()(text)
        began = time.perf_counter()
        find_actors(doc)
        print(f"{size / 1000:>6.0f} KB  {time.perf_counter() - began:6.2f} s", file=sys.stdout)


if __name__ == "__main__":
    bench_scan()
