"""Attacks made in words: a verb of violence done through a medium of speech is criticism.

Sentences are ours; names are generic states.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("sentence", "cameo"), [
    ("The Chilean president attacked the Peruvian mayor on Twitter.", "111"),
    ("The Chilean president attacked Peru in a speech on Monday.", "111"),
    ("The Chilean minister attacked Peru at a news conference.", "111"),
    # negative rows: a time or a place keeps the violence
    ("Chilean troops attacked Peruvian positions at the border.", "19"),
    ("Chilean jets attacked Peruvian positions on Monday.", "19"),
    ("Chilean rebels said they attacked Peruvian positions, in a statement on Monday.", "19"),
])
def test_attack_in_words(analyze, sentence, cameo):
    [event] = [e for e in analyze(sentence).events if e.trigger.text == "attacked"]
    assert event.cameo.startswith(cameo), event
    if cameo == "111":
        assert event.plover == "ACCUSE" and event.rule.startswith("verb:attack.in-words")
