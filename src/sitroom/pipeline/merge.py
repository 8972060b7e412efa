"""Merge the records of a long document's chunks into one record."""

from __future__ import annotations

from dataclasses import replace

from sitroom.record import Actor, AnalysisRecord, Event, Quote, Relation, Source


def _key(actor: Actor) -> tuple[str, str, str | None, str | None]:
    return (actor.name.lower(), actor.kind, actor.country, actor.sector)


def merge_records(records: list[AnalysisRecord]) -> AnalysisRecord:
    """One record from several records of the same document (chunks in order).

    Actors with the same name, kind, country and sector become one; all ids are
    renumbered (``A``, ``E``, ``Q``, ``S``) and references rewritten.
    """
    if len(records) == 1:
        return records[0]
    actors: dict[tuple[str, str, str | None, str | None], Actor] = {}
    events: list[Event] = []
    quotes: list[Quote] = []
    sources: list[Source] = []
    relations: list[Relation] = []
    for record in records:
        amap: dict[str, str] = {}
        for actor in record.actors:
            key = _key(actor)
            if key in actors:
                kept = actors[key]
                actors[key] = replace(kept, mentions=kept.mentions + actor.mentions)
            else:
                actors[key] = replace(actor, id=f"A{len(actors) + 1}")
            amap[actor.id] = actors[key].id
        smap = {s.id: f"S{len(sources) + n + 1}" for n, s in enumerate(record.sources)}
        sources += [replace(s, id=smap[s.id], actor=amap.get(s.actor or ""))
                    for s in record.sources]
        emap = {e.id: f"E{len(events) + n + 1}" for n, e in enumerate(record.events)}
        for event in record.events:
            events.append(replace(
                event,
                id=emap[event.id],
                source=tuple(amap[a] for a in event.source if a in amap),
                target=tuple(amap[a] for a in event.target if a in amap),
                attribution=smap.get(event.attribution or ""),
                parent=emap.get(event.parent or ""),
                denied_by=tuple(amap[a] for a in event.denied_by if a in amap),
            ))
        quotes += [replace(q, id=f"Q{len(quotes) + n + 1}",
                           speaker=amap.get(q.speaker or "")) for n, q in enumerate(record.quotes)]
        relations += [replace(r, a=amap.get(r.a, r.a), b=amap.get(r.b, r.b))
                      for r in record.relations]
    return AnalysisRecord(
        document=records[0].document,
        actors=tuple(actors.values()),
        events=tuple(events),
        quotes=tuple(quotes),
        sources=tuple(sources),
        relations=tuple(relations),
        quantities=tuple(q for record in records for q in record.quantities),
        mentions=tuple(m for record in records for m in record.mentions),
        provenance=records[0].provenance,
    )
