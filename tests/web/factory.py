"""Synthetic, fully-sourced documents for the dashboard tests.

Each document is real text written to a file; its record's offsets are computed from
that text (so the evidence view can show and highlight the sentence) and its sha256 is
the text's content hash (so the dashboard trusts the file). Tests do not depend on the
extraction pipeline's quality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sitroom.documents.model import Document, content_hash
from sitroom.record import (
    Actor,
    AnalysisRecord,
    DocumentInfo,
    Event,
    Quote,
    SentenceRef,
    Source,
    Span,
)

HOSTILE = (
    'Officials in Sanaa said <script>window.__pwned=1</script> the Houthis attacked a '
    'tanker <img src=x onerror="window.__pwned=1"> near Mokha.'
)

#: local id → (name, kind, country, sector, code)
ACTORS: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "HOU": ("Houthis", "group", "YEM", "REB", "YEMREB"),
    "USA": ("United States", "state", "USA", None, "USA"),
    "IRN": ("Iran", "state", "IRN", None, "IRN"),
    "ISR": ("Israel", "state", "ISR", None, "ISR"),
    "GBR": ("Britain", "state", "GBR", None, "GBR"),
}


@dataclass
class Ev:
    """An event written in sentence ``sentence`` of a synthetic document."""

    sentence: int
    source: list[str]
    target: list[str]
    trigger: str
    plover: str
    cameo: str
    goldstein: float
    quad: int
    cues: list[str] = field(default_factory=list)
    certainty: str = "confirmed"
    modality: str = "actual"
    source_text: str | None = None
    source_kind: str = "official"
    anonymous: bool = False


@dataclass
class Doc:
    """A synthetic document."""

    doc_id: str
    published: str
    title: str
    sentences: list[str]
    events: list[Ev]
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (quoted text, speaker local)


def _find(text: str, needle: str, start: int = 0, end: int | None = None) -> Span:
    at = text.find(needle, start, end if end is not None else len(text))
    if at < 0:
        raise ValueError(f"{needle!r} not in text")
    return Span(at, at + len(needle), needle)


def build(doc: Doc, folder: Path) -> AnalysisRecord:
    """Write the document's text to ``folder`` and return its record."""
    text = "\n".join(doc.sentences) + "\n"
    starts = []
    pos = 0
    for sentence in doc.sentences:
        starts.append(pos)
        pos += len(sentence) + 1
    path = folder / f"{doc.doc_id}.txt"
    path.write_text(text, encoding="utf-8", newline="")
    used = {a for ev in doc.events for a in ev.source + ev.target}
    used |= {speaker for _, speaker in doc.quotes}
    actors = []
    for local in sorted(used):
        name, kind, country, sector, code = ACTORS[local]
        mentions = tuple(
            Span(m.start(), m.end(), m.group())
            for m in re.finditer(re.escape(name), text)
        )
        actors.append(Actor(
            id=local, name=name, kind=kind,  # type: ignore[arg-type]
            country=country, sector=sector, code=code, count=len(mentions),
            mentions=mentions, rule="test",
        ))
    events = []
    sources = []
    for i, ev in enumerate(doc.events, start=1):
        s_start = starts[ev.sentence]
        s_end = s_start + len(doc.sentences[ev.sentence])
        attribution = None
        if ev.source_text:
            span = _find(text, ev.source_text, s_start, s_end)
            attribution = f"S{i}"
            sources.append(Source(
                id=attribution, text=span.text, actor=None, anonymous=ev.anonymous,
                kind=ev.source_kind,  # type: ignore[arg-type]
                cue="said", start=span.start, end=span.end, rule="test",
            ))
        events.append(Event(
            id=f"E{i}", source=tuple(ev.source), target=tuple(ev.target), plover=ev.plover,
            plover_mode=None, cameo=ev.cameo, goldstein=ev.goldstein, quad_class=ev.quad,
            trigger=_find(text, ev.trigger, s_start, s_end),
            sentence=SentenceRef(ev.sentence, s_start, s_end),
            modality=ev.modality,  # type: ignore[arg-type]
            certainty=ev.certainty,  # type: ignore[arg-type]
            attribution=attribution,
            cues=tuple(_find(text, c, s_start, s_end) for c in ev.cues),
            date=doc.published, rule="test",
        ))
    quotes = []
    for i, (quoted, speaker) in enumerate(doc.quotes, start=1):
        span = _find(text, quoted)
        quotes.append(Quote(
            id=f"Q{i}", text=quoted, start=span.start, end=span.end, speaker=speaker,
            speaker_text=ACTORS[speaker][0], cue="said", rule="test",
        ))
    return AnalysisRecord(
        document=DocumentInfo(
            id=doc.doc_id, path=str(path), title=doc.title, published=doc.published,
            sha256=content_hash(text), length=len(text),
        ),
        actors=tuple(actors), events=tuple(events), quotes=tuple(quotes),
        sources=tuple(sources),
    )


def corpus() -> list[Doc]:
    """A small crisis: Houthi attacks on shipping, a US response, Iranian denials."""
    return [
        Doc("syn-01", "2025-02-27", "Houthis threaten shipping",
            ["The Houthis threatened Israel on Tuesday, officials said.",
             "The United States urged Iran to restrain the group.",
             '"Every ship is a target," a spokesman for the Houthis said.'],
            [Ev(0, ["HOU"], ["ISR"], "threatened", "THREATEN", "138", -7.0, 3,
                source_text="officials"),
             Ev(1, ["USA"], ["IRN"], "urged", "REQUEST", "020", 3.0, 1)],
            quotes=[("Every ship is a target", "HOU")]),
        Doc("syn-02", "2025-03-04", "Consultations in the Gulf",
            ["The United States met Britain to discuss naval escorts.",
             "Britain agreed with the United States on a joint patrol."],
            [Ev(0, ["USA"], ["GBR"], "met", "CONSULT", "040", 1.0, 1),
             Ev(1, ["GBR"], ["USA"], "agreed", "AGREE", "057", 8.0, 1)]),
        Doc("syn-03", "2025-03-09", "Missiles hit ships; US strikes back",
            ["The Houthis reportedly attacked a United States destroyer, "
             "a senior intelligence official said.",
             "The United States struck the Houthis near Hodeidah.",
             "The United States also bombed the Houthis at Sanaa airport.",
             '"We will not be deterred," the Houthis said.'],
            [Ev(0, ["HOU"], ["USA"], "attacked", "ASSAULT", "190", -10.0, 4,
                cues=["reportedly"], certainty="reported",
                source_text="a senior intelligence official", source_kind="intelligence",
                anonymous=True),
             Ev(1, ["USA"], ["HOU"], "struck", "ASSAULT", "190", -10.0, 4),
             Ev(2, ["USA"], ["HOU"], "bombed", "ASSAULT", "195", -10.0, 4)],
            quotes=[("We will not be deterred,", "HOU")]),
        Doc("syn-04", "2025-03-10", "Iran denies arming the Houthis",
            ["Iran denied arming the Houthis, according to people familiar with the matter.",
             "The United States accused Iran of supplying drones."],
            [Ev(0, ["IRN"], ["HOU"], "denied", "REJECT", "120", -4.0, 3,
                source_text="people familiar with the matter", source_kind="unnamed",
                anonymous=True),
             Ev(1, ["USA"], ["IRN"], "accused", "ACCUSE", "112", -2.0, 3,
                cues=["accused"], certainty="alleged")]),
        Doc("syn-05", "2025-03-12", "Hostile markup <b>test</b>",
            [HOSTILE],
            [Ev(0, ["HOU"], ["USA"], "attacked", "ASSAULT", "190", -10.0, 4,
                source_text="Officials in Sanaa")]),
    ]


def records(folder: Path) -> list[AnalysisRecord]:
    """Every synthetic record, texts written under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [build(doc, folder) for doc in corpus()]


_VERBS = {
    "attacked": ("ASSAULT", "190", -10.0, 4),
    "threatened": ("THREATEN", "138", -7.0, 3),
    "met": ("CONSULT", "040", 1.0, 1),
    "praised": ("APPEAL", "051", 3.4, 1),
}


def fake_analyzer(document: Document) -> AnalysisRecord:
    """A deterministic stand-in for the pipeline, for upload tests: finds the known
    actors by name and, in each line naming two of them, an event for a known verb."""
    from sitroom.pipeline.analyze import document_info

    text = document.text
    found: dict[str, list[Span]] = {}
    for local, (name, *_rest) in ACTORS.items():
        spans = [Span(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(name), text)]
        if spans:
            found[local] = spans
    actors = []
    for local, spans in found.items():
        name, kind, country, sector, code = ACTORS[local]
        actors.append(Actor(id=local, name=name, kind=kind,  # type: ignore[arg-type]
                            country=country, sector=sector, code=code, count=len(spans),
                            mentions=tuple(spans), rule="fake"))
    events: list[Event] = []
    start = 0
    for index, line in enumerate(text.split("\n")):
        end = start + len(line)
        inside = sorted(
            (span.start, local) for local, spans in found.items() for span in spans
            if start <= span.start < end
        )
        for verb, (plover, cameo, goldstein, quad) in _VERBS.items():
            at = line.find(f" {verb} ")
            if at >= 0 and len(inside) >= 2:
                trigger = Span(start + at + 1, start + at + 1 + len(verb), verb)
                events.append(Event(
                    id=f"E{len(events) + 1}", source=(inside[0][1],), target=(inside[-1][1],),
                    plover=plover, plover_mode=None, cameo=cameo, goldstein=goldstein,
                    quad_class=quad, trigger=trigger, sentence=SentenceRef(index, start, end),
                    date=document.published, rule="fake",
                ))
        start = end + 1
    return AnalysisRecord(document=document_info(document), actors=tuple(actors),
                          events=tuple(events))
