"""Builders of synthetic analysis records for the store and analysis tests."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sitroom.record import (
    Actor,
    AnalysisRecord,
    DocumentInfo,
    Event,
    Location,
    Quantity,
    Quote,
    Relation,
    SentenceRef,
    Source,
    Span,
)

COUNTRY_NAMES = {
    "USA": "United States", "CHN": "China", "RUS": "Russia", "UKR": "Ukraine",
    "IRN": "Iran", "ISR": "Israel", "FRA": "France", "DEU": "Germany",
}

CAMEO = {
    # plover: (cameo, goldstein, quad)
    "CONSULT": ("040", 1.0, 1),
    "AGREE": ("057", 8.0, 1),
    "REQUEST": ("020", 3.0, 1),
    "AID": ("070", 7.0, 2),
    "ACCUSE": ("112", -2.0, 3),
    "THREATEN": ("138", -7.0, 3),
    "SANCTION": ("163", -8.0, 4),
    "COERCE": ("170", -7.0, 4),
    "ASSAULT": ("190", -10.0, 4),
}


def state(local_id: str, country: str, sector: str | None = None, name: str | None = None) -> Actor:
    """A state actor (government when ``sector='GOV'``)."""
    label = name or COUNTRY_NAMES.get(country, country)
    return Actor(
        id=local_id, name=label, kind="state", country=country, sector=sector,
        code=country + (sector or ""), mentions=(Span(0, len(label), label),),
    )


def person(
    local_id: str, name: str, country: str | None, sector: str | None = None,
    title: str | None = None,
) -> Actor:
    """A person actor."""
    return Actor(
        id=local_id, name=name, kind="person", country=country, sector=sector,
        code=(country or "") + (sector or "") or None, title=title,
        mentions=(Span(10, 10 + len(name), name),),
    )


def event(
    local_id: str,
    source: Sequence[str],
    target: Sequence[str],
    plover: str = "REQUEST",
    *,
    cameo: str | None = None,
    goldstein: float | None = None,
    quad: int | None = None,
    sentence: int = 0,
    modality: str = "actual",
    polarity: str = "positive",
    certainty: str = "confirmed",
    attribution: str | None = None,
    date: str | None = None,
    location: Location | None = None,
    parent: str | None = None,
    trigger: str = "urged",
) -> Event:
    """An event with CAMEO/Goldstein/quad defaults taken from its PLOVER type."""
    c, g, q = CAMEO[plover]
    start = 100 * sentence + 5
    return Event(
        id=local_id, source=tuple(source), target=tuple(target), plover=plover,
        plover_mode=None, cameo=cameo or c, goldstein=g if goldstein is None else goldstein,
        quad_class=q if quad is None else quad,
        trigger=Span(start, start + len(trigger), trigger),
        sentence=SentenceRef(sentence, 100 * sentence, 100 * sentence + 90),
        polarity=polarity,  # type: ignore[arg-type]
        modality=modality,  # type: ignore[arg-type]
        certainty=certainty,  # type: ignore[arg-type]
        attribution=attribution, date=date, location=location, parent=parent,
        quantities=(Quantity(8000, True, "soldiers", "around 8,000"),) if plover == "ASSAULT"
        else (),
        rule="test",
    )


def record(
    doc_id: str,
    actors: Sequence[Actor] = (),
    events: Sequence[Event] = (),
    *,
    published: str | None = "2024-11-01",
    quotes: Sequence[Quote] = (),
    sources: Sequence[Source] = (),
    relations: Sequence[Relation] = (),
    title: str | None = None,
    url: str | None = None,
    content: str | None = None,
) -> AnalysisRecord:
    """A record whose sha256 is the hash of ``content`` (default: the doc id)."""
    sha = hashlib.sha256((content or doc_id).encode()).hexdigest()
    return AnalysisRecord(
        document=DocumentInfo(
            id=doc_id, path=f"corpus/{doc_id}.txt", title=title or f"Report {doc_id}",
            published=published, url=url or f"https://news.example/{doc_id}", sha256=sha,
            length=1000,
        ),
        actors=tuple(actors), events=tuple(events), quotes=tuple(quotes),
        sources=tuple(sources), relations=tuple(relations),
    )


def dyad_record(
    doc_id: str, day: str, a: str, b: str, plover: str = "REQUEST", n: int = 1, **kw: object
) -> AnalysisRecord:
    """A record with ``n`` events of type ``plover`` from state ``a`` to state ``b``."""
    actors = [state("A1", a, "GOV"), state("A2", b, "GOV")]
    events = [
        event(f"E{i + 1}", ["A1"], ["A2"], plover, sentence=i, **kw)  # type: ignore[arg-type]
        for i in range(n)
    ]
    return record(doc_id, actors, events, published=day)


def scenario() -> list[AnalysisRecord]:
    """Three reports: U.S.–China pressure, Russia–Ukraine fighting, Iran–Israel fears.

    d1 names Helena Varga with her country; d2 calls her only "Varga" (no country).
    """
    d1 = record(
        "d1",
        [state("A1", "USA", "GOV", "Washington"), state("A2", "CHN", "GOV", "Beijing"),
         person("A3", "Helena Varga", "USA", "GOV", "Secretary of State")],
        [
            event("E1", ["A3"], ["A2"], "REQUEST", cameo="0211", sentence=1),
            event("E2", ["A2"], [], "AGREE", modality="requested", parent="E1", sentence=1,
                  trigger="curb"),
            event("E3", ["A1"], ["A2"], "ACCUSE", certainty="reported", attribution="S1",
                  sentence=2, trigger="accused"),
        ],
        published="2024-11-01",
        sources=[Source("S1", "a State Department official", "A1", True, "official",
                        "speaking on condition of anonymity", 210, 237)],
        quotes=[Quote("Q1", "We will not stand by", 120, 140, "A3", "he", "said")],
        title="Varga presses Beijing",
    )
    d2 = record(
        "d2",
        [person("A1", "Varga", None), state("A2", "RUS", "MIL", "Russian forces"),
         state("A3", "UKR", None, "Ukraine"), state("A4", "USA", None, "United States")],
        [
            event("E1", ["A1"], ["A2"], "ACCUSE", sentence=0, trigger="condemned"),
            event("E2", ["A2"], ["A3"], "ASSAULT", sentence=1, date="2024-11-04",
                  certainty="alleged", attribution="S1", trigger="shelled",
                  location=Location("near Kharkiv", "UKR", 150, 162)),
            event("E3", ["A2"], ["A3"], "THREATEN", sentence=2, modality="future",
                  trigger="will strike"),
            event("E4", ["A2"], ["A4"], "CONSULT", sentence=3, polarity="negative",
                  trigger="has yet to meet"),
        ],
        published="2024-11-05",
        sources=[Source("S1", "U.S. intelligence officials", None, True, "intelligence",
                        "according to", 180, 207)],
        relations=[Relation("A2", "A3", "conflict", "at war with", 300, 311)],
        title="Russian forces shell Kharkiv",
        url="https://news.example/kharkiv\twith-tab",
    )
    d3 = record(
        "d3",
        [state("A1", "IRN", "GOV", "Tehran"), state("A2", "ISR", "GOV", "Israel")],
        [
            event("E1", ["A1"], ["A2"], "THREATEN", sentence=0, modality="hypothetical",
                  trigger="could retaliate"),
            event("E2", ["A2"], ["A1"], "ASSAULT", cameo="195", goldstein=-9.5, sentence=1,
                  trigger="struck"),
        ],
        published=None,
        title="Israel strikes Iran",
    )
    return [d1, d2, d3]
