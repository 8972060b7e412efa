"""A readable terminal view of an analysis record (Rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from sitroom.record import AnalysisRecord

console = Console(highlight=False)


def _names(record: AnalysisRecord, ids: tuple[str, ...]) -> str:
    names = {a.id: a.name for a in record.actors}
    return ", ".join(names.get(i, i) for i in ids) or "—"


def print_record(record: AnalysisRecord, out: Console | None = None) -> None:
    """Print actors, events, quotes and sources of one record as tables."""
    out = out or console
    doc = record.document
    out.rule(f"[bold]{doc.title or doc.path or doc.id}[/] "
             f"{doc.published or ''} {('· ' + doc.dateline) if doc.dateline else ''}")
    actors = Table("id", "name", "kind", "country", "sector", "title", "count", "mentions",
                   title="Actors", title_justify="left")
    for a in record.actors:
        actors.add_row(a.id, a.name, a.kind, a.country or "—", a.sector or "—", a.title or "",
                       "" if a.count is None else str(a.count), str(len(a.mentions)))
    out.print(actors)
    events = Table("id", "source", "trigger", "target", "CAMEO", "PLOVER", "Goldstein",
                   "how", "source of claim", title="Events", title_justify="left")
    sources = {s.id: s.text for s in record.sources}
    for e in record.events:
        how = e.modality + ("" if e.polarity == "positive" else ", negated")
        if e.certainty != "confirmed":
            how += f", {e.certainty}"
        if e.parent:
            how += f", in {e.parent}"
        events.add_row(e.id, _names(record, e.source), e.trigger.text, _names(record, e.target),
                       e.cameo, e.plover or "—", f"{e.goldstein:+.1f}", how,
                       sources.get(e.attribution or "", "—"))
    out.print(events)
    if record.quotes:
        quotes = Table("id", "speaker", "quote", title="Quotes", title_justify="left")
        for q in record.quotes:
            quotes.add_row(q.id, _names(record, (q.speaker,)) if q.speaker else "?",
                           q.text[:120] + ("…" if len(q.text) > 120 else ""))
        out.print(quotes)
    if record.sources:
        table = Table("id", "source", "kind", "anonymous", "cue", title="Sources",
                      title_justify="left")
        for s in record.sources:
            table.add_row(s.id, s.text, s.kind, "yes" if s.anonymous else "no", s.cue or "")
        out.print(table)
    if record.relations:
        rel = Table("a", "relation", "b", "evidence", title="Relations", title_justify="left")
        for r in record.relations:
            rel.add_row(_names(record, (r.a,)), r.type, _names(record, (r.b,)), r.text)
        out.print(rel)
