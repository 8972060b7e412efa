"""No doer, no typed event: an act nobody can be named as doing is kept as a mention.

Sentences are ours; names are generic states.
"""

from __future__ import annotations

from sitroom.documents.readers import build_document
from sitroom.pipeline.analyze import analyze_long
from sitroom.record import from_dict, to_dict


def test_an_act_without_doer_is_a_mention_not_an_event(analyze):
    text = "Three Nepali workers were killed near the border."
    record = analyze(text)
    assert not [e for e in record.events if e.trigger.text == "killed"]
    [mention] = [m for m in record.mentions if m.trigger.text == "killed"]
    assert mention.reason == "no-source"
    assert mention.plover == "ASSAULT" and (mention.cameo or "").startswith("18")
    assert text[mention.trigger.start:mention.trigger.end] == "killed"
    assert mention.sentence.index == 0 and mention.rule


def test_an_event_noun_without_doer_is_a_mention(analyze):
    record = analyze("Chile criticized Peru. The invasion was widely condemned.")
    reasons = {m.trigger.text: m for m in record.mentions}
    assert reasons["invasion"].reason == "no-source"
    assert reasons["invasion"].sentence.index == 1
    assert reasons["condemned"].reason == "no-source"


def test_a_coded_event_is_not_a_mention(analyze):
    # negative: the act has its doer, so it is an event and not kept twice
    record = analyze("Chile criticized Peru on Monday.")
    assert [e.trigger.text for e in record.events] == ["criticized"]
    assert not record.mentions


def test_a_thing_as_doer_is_a_mention(analyze):
    record = analyze("The report criticized Greece.")
    assert not record.events
    assert [m.reason for m in record.mentions] == ["thing-as-doer"]


def test_a_plain_statement_without_speaker_is_no_mention(analyze):
    # negative: "it was said" names no act worth keeping
    record = analyze("It was said on Monday that the talks would resume.")
    assert not [m for m in record.mentions if m.trigger.text == "said"]


def test_mentions_survive_the_json_record(analyze):
    record = analyze("Three Nepali workers were killed near the border.")
    again = from_dict(to_dict(record))
    assert again.mentions == record.mentions


def test_chunked_mentions_keep_document_offsets_and_sentence_numbers(nlp, monkeypatch):
    import sitroom.pipeline.analyze as analyze

    monkeypatch.setattr(analyze, "CHUNK_CHARS", 200)
    paragraph = "Two Kenyan soldiers were killed near the border on Monday.\n"
    text = paragraph * 10
    record = analyze_long(build_document(text, doc_id="chunked"), nlp)
    triggers = [m.trigger for m in record.mentions]
    assert len(triggers) >= 8
    assert all(text[t.start:t.end] == t.text == "killed" for t in triggers)
    assert max(t.start for t in triggers) > 400
    indexes = [m.sentence.index for m in record.mentions]
    assert indexes == sorted(indexes) and len(set(indexes)) == len(indexes)
    assert all(text[m.sentence.start:m.sentence.end].startswith("Two")
               for m in record.mentions)
