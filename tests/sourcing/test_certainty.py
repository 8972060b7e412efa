"""Certainty cues in scope of the event, and modal hedges."""

from __future__ import annotations

import pytest

from sitroom.sourcing.certainty import certainty_of, governors, hedges_of

CASES = [
    # (text, trigger word, certainty, cue text or None)
    ("Norway sent two ships to the strait.", "sent", "confirmed", None),
    ("Norway has reportedly sent two ships to the strait.", "sent", "reported", "reportedly"),
    ("According to officials, Norway sent two ships.", "sent", "reported", "According to"),
    ("Norway is said to have sent two ships.", "sent", "reported", "said"),
    ("Norway is believed to have sent two ships.", "sent", "reported", "believed"),
    ("Sources say Norway sent two ships.", "sent", "reported", "say"),
    ("Chile claims Norway sent two ships.", "sent", "alleged", "claims"),
    ("Chile alleges that Norway sent two ships.", "sent", "alleged", "alleges"),
    ("Norway allegedly sent two ships.", "sent", "alleged", "allegedly"),
    ("Chile accused Norway of sending two ships.", "sending", "alleged", "accused"),
    ("Norway possibly sent two ships.", "sent", "uncertain", "possibly"),
    ("It is unclear whether Norway sent the ships.", "sent", "uncertain", "unclear"),
    ("Norway perhaps sent two ships.", "sent", "uncertain", "perhaps"),
    # out of scope: the cue belongs to another clause
    ("Norway sent two ships, and Chile reportedly protested.", "sent", "confirmed", None),
    ("Norway sent two ships in May after Chile allegedly fired shots.", "sent", "confirmed", None),
    # the accusation itself is stated flatly
    ("Chile accused Norway of espionage.", "accused", "confirmed", None),
    # a hedge on the verb that reports the clause reaches the clause
    ("Officials reportedly believe that Norway sent two ships.", "sent", "reported",
     "reportedly"),
    ("Chile allegedly claims that Norway sent two ships.", "sent", "alleged", "allegedly"),
    # but not the verb of reporting itself, nor a clause it does not report
    ("Officials reportedly believe that Norway sent two ships.", "believe", "reported",
     "reportedly"),
    ("Officials reportedly met after Norway sent two ships.", "sent", "confirmed", None),
    # hedges that govern the clause: modals, appearance verbs, "consistent with", evidence
    ("Norway may send two ships.", "send", "uncertain", "may"),
    ("Norway could not send two ships.", "send", "confirmed", None),
    ("Norway appears to have sent two ships.", "sent", "uncertain", "appears"),
    ("It seems that Norway sent two ships.", "sent", "uncertain", "seems"),
    ("Satellite images show Norwegian ships sailing to the strait.", "sailing", "reported",
     "show"),
    ("Satellite images suggest that Norway sent two ships.", "sent", "uncertain", "suggest"),
    ("Officials suggest that Norway sent two ships.", "sent", "confirmed", None),
    ("The buildup is consistent with preparations for an invasion.", "invasion", "uncertain",
     "consistent"),
    ("Inspectors could not verify that Norway sent two ships.", "sent", "uncertain",
     "verify"),
    ("Inspectors verified that Norway sent two ships.", "sent", "confirmed", None),
    # but a hedge in one clause does not reach the next
    ("Chile may protest, and Norway sent two ships.", "sent", "confirmed", None),
    ("Norway appears calm, and it sent two ships.", "sent", "confirmed", None),
]


@pytest.mark.parametrize(("text", "word", "certainty", "cue"), CASES)
def test_certainty(parse, text, word, certainty, cue):  # type: ignore[no-untyped-def]
    doc = parse(text)
    trigger = next(t for t in doc if t.text == word)
    level, cues = certainty_of(trigger)
    assert level == certainty
    if cue is None:
        assert cues == ()
    else:
        assert any(c.text == cue for c in cues), cues
        assert all(doc.text[c.start : c.end] == c.text for c in cues)


HEDGES = [
    ("Norway may send two ships.", "send", ["may"]),
    ("Norway could send two ships.", "send", ["could"]),
    ("Norway is likely to send two ships.", "send", ["likely"]),
    ("Norway sent two ships in May.", "sent", []),
    ("Norway sent two ships, but Chile might protest.", "sent", []),
]


@pytest.mark.parametrize(("text", "word", "expected"), HEDGES)
def test_hedges(parse, text, word, expected):  # type: ignore[no-untyped-def]
    doc = parse(text)
    trigger = next(t for t in doc if t.text == word)
    assert [s.text for s in hedges_of(trigger)] == expected


GOVERNORS = [
    # (text, trigger, [(governing verb, kind, speaker?)])
    ("Activists said that troops had killed ten people.", "killed",
     [("said", "reported", True)]),
    ("Troops killed ten people, activists said.", "killed", [("said", "reported", True)]),
    ("Chile claims that Norway sent two ships.", "sent", [("claims", "alleged", True)]),
    ("Officials did not say that Norway sent two ships.", "sent", []),
    ("Officials said the talks failed, and Norway sent two ships.", "sent", []),
    ("Norway sent two ships.", "sent", []),
]


@pytest.mark.parametrize(("text", "word", "expected"), GOVERNORS)
def test_governors(parse, text, word, expected):  # type: ignore[no-untyped-def]
    doc = parse(text)
    trigger = next(t for t in doc if t.text == word)
    got = [(g.verb.text, g.kind, g.speaker) for g in governors(trigger)]
    assert got == expected
