"""A deterministic Markdown brief of the situation in the store (no language model).

Every statement cites its document and sentence as ``[doc-id §n]``, where ``n`` is the
sentence index of the analysis record (``event.sentence.index``); quotes outside any
event sentence cite a character offset, ``[doc-id @1234]``. The brief ends with the
list of cited documents (title, date, URL or path).

Facts: an event is stated as fact only under the store's fact rule
(:func:`sitroom.store.situations.is_fact`: counted, not denied, its situation event
neither contested nor denied); only facts enter main developments, pairs and pressure.
All text that comes from documents (names, triggers, places, quotes, titles) is made
inert (:func:`inert`: no HTML, links or code), and only http(s) URLs are printed.

Sections:

* **Main developments**: situation events (one real-world event across reports, see
  :mod:`sitroom.store.situations`) that are corroborated (two or more independent
  sources) or told in a report's own voice, plain statements (CAMEO 010) left out,
  ranked by importance: |Goldstein| × corroboration (1 + 0.5 per further independent
  source, at most 3) × recency (halved every ``HALF_LIFE_DAYS`` before the newest
  event) × resolution (1 when source and target are resolved actors, 0.75 when only the
  source is, else 0.5). Each line reads "date — source verb target place (PLOVER, CAMEO, Goldstein,
  reports) — corroborated by / single source: who carries it"; the verb is the trigger
  when it reads as a past-tense verb, else a phrase for the PLOVER type with the trigger
  quoted. Then the most active pairs of resolved actors.
* **Who is pressing whom**: REQUEST, ACCUSE, THREATEN, COERCE and SANCTION between
  resolved actors; pressure with no resolved target is summed up on one line.
* **Contested and unverified**: situation events claimed by some and denied by others
  (contested) or only denied, with who claims and who denies them; then attributed or
  less than confirmed events that are not corroborated, the anonymous and intelligence
  sources and the reported, alleged or uncertain ones flagged in bold.
* **Quotes**: speaker — “text”, full quotes with a known speaker first.
* **Escalation signals**: see :mod:`sitroom.analysis.escalation`.
* **What is expected or feared**: future, hypothetical and requested events.
* **Documents**: every cited document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from sitroom.analysis.escalation import escalation_signals
from sitroom.lexicons import table, words
from sitroom.store.db import Database
from sitroom.store.query import EventFilter, actor_ids, events_arrow
from sitroom.store.situations import by_gid, is_fact, outlet_name

PRESSURE = ("REQUEST", "ACCUSE", "THREATEN", "COERCE", "SANCTION")
EXPECTED = {"future": "expected", "hypothetical": "possible or feared", "requested": "demanded"}
#: CAMEO code of a plain statement ("make statement"), left out of developments and claims.
STATEMENT = "010"
#: How a PLOVER type reads as a past-tense verb phrase (when the trigger does not).
PAST = table("analysis_plover_past")
#: Irregular past-tense forms that read as verbs in "source verb target".
_IRREGULAR_PAST = words("analysis_irregular_past")
#: Past-tense triggers that need more than a direct object ("imposed [sanctions on] X").
_NOT_TRANSITIVE = words("analysis_not_transitive")
_PLACE_PREPOSITIONS = ("in ", "at ", "off ", "near ", "outside ", "inside ", "across ")
_MINUS = "\u2212"
#: Characters of document text that could become markup in the brief, escaped.
_INERT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]",
                        "`": "\\`", "\n": " ", "\r": " ", "\t": " "})
#: Recency half-life of the importance ranking (days before the newest event).
HALF_LIFE_DAYS = 7.0


def inert(value: Any) -> str:
    """Document text made inert in Markdown: no HTML, links, code or line breaks."""
    return str(value).translate(_INERT)


def safe_url(url: Any) -> str | None:
    """An http(s) URL, escaped; any other link (javascript:, data:, …) is dropped."""
    text = str(url or "").strip()
    if not text.lower().startswith(("http://", "https://")) or any(
            c.isspace() or c in '<>"\'' or ord(c) < 32 for c in text):
        return None
    return inert(text).replace("(", "%28").replace(")", "%29")


# -- wording ---------------------------------------------------------------------------
def _list(value: Any) -> list[Any]:
    return list(value) if value is not None else []


def _label(name: Any, country: Any, kind: Any, sector: Any) -> str:
    """An actor's name, with its country code unless the name is the country itself."""
    label = inert(name) if name else "unnamed actor"
    if not country or country in label or (kind == "state" and not sector):
        return label
    return f"{label} ({country})"


def _joined(labels: Sequence[str]) -> str:
    if len(labels) <= 1:
        return labels[0] if labels else ""
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _side(row: dict[str, Any], role: str) -> str | None:
    """The named actors of one side of an event, or None when there is none."""
    names = _list(row[f"{role}_names"])
    if not names:
        return None
    countries = _list(row[f"{role}_countries"])
    kinds = _list(row[f"{role}_kinds"])
    sectors = _list(row[f"{role}_sectors"])

    def at(values: list[Any], i: int) -> Any:
        return values[i] if i < len(values) else None

    labels = [_label(n, at(countries, i), at(kinds, i), at(sectors, i))
              for i, n in enumerate(names) if n]
    return _joined(labels) if labels else None


def _resolved(row: dict[str, Any], role: str) -> bool:
    """Whether every actor on this side is a stored (resolved) actor, and there is one."""
    ids = _list(row[f"{role}_ids"])
    return bool(ids) and all(i is not None for i in ids)


def _both_resolved(row: dict[str, Any]) -> bool:
    return _resolved(row, "source") and _resolved(row, "target")


def _day(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return "undated"
    return pd.Timestamp(value).date().isoformat()


def _goldstein(value: float) -> str:
    return "0" if value == 0 else f"{value:+g}".replace("-", _MINUS)


def _cameo(codes: Iterable[str | None]) -> str:
    """One CAMEO code, or the codes' common prefix with 'x' ('190', '193' → '19x')."""
    found = sorted({c for c in codes if c})
    if len(found) <= 1:
        return found[0] if found else "?"
    prefix = ""
    for chars in zip(*found, strict=False):
        if len(set(chars)) > 1:
            break
        prefix += chars[0]
    return f"{prefix}x" if prefix else "/".join(found)


def _reads_as_past(trigger: str) -> bool:
    words = trigger.lower().split()
    if not words:
        return False
    last = words[-1]
    if len(words) > 1 or last in _NOT_TRANSITIVE:
        return False
    return last.endswith("ed") or last in _IRREGULAR_PAST


def _place(row: dict[str, Any]) -> str:
    """The event's place when it is a short place phrase ('in Yemen'), else ''."""
    text = inert(row.get("location_text") or "").strip()
    if not text or len(text.split()) > 5:
        return ""
    if text.lower().startswith(_PLACE_PREPOSITIONS):
        return f" {text}"
    return ""


def _what(row: dict[str, Any], *, narrate: bool) -> str:
    """What happened: 'A struck B in Yemen' (narrate) or 'A → B: “trigger”'."""
    src = _side(row, "source") or "unnamed actor"
    tgt = _side(row, "target")
    trigger = inert(row["trigger_text"] or "").strip()
    plover = (row["plover"] or "").upper()
    if narrate and row["polarity"] != "negative":
        quoted = ""
        if _reads_as_past(trigger):
            verb = trigger
        else:
            verb = PAST.get(plover, "acted on" if tgt else "acted")
            quoted = f" (“{trigger}”)" if trigger and trigger.lower() != verb else ""
        if tgt is None and verb.endswith((" with", " on", " from", " against", " to")):
            verb = verb.rsplit(" ", 1)[0]
        return f"{src} {verb}{' ' + tgt if tgt else ''}{_place(row)}{quoted}"
    neg = "not " if row["polarity"] == "negative" else ""
    arrow = f" → {tgt}" if tgt else ""
    return f"{src}{arrow}: {neg}“{trigger}”{_place(row)}"


def _tags(rows: Sequence[dict[str, Any]]) -> str:
    """'(ASSAULT, 19x, Goldstein −10)' for one event or a group of like events."""
    plover = rows[0]["plover"] or "no PLOVER type"
    strongest = max(rows, key=lambda r: (abs(r["goldstein"]), -r["gid"]))["goldstein"]
    return f"({plover}, {_cameo(r['cameo'] for r in rows)}, Goldstein {_goldstein(strongest)})"


def _order(row: dict[str, Any]) -> tuple[str, str, int, int]:
    return (_day(row["date"]), row["doc_id"], row["sentence_index"] or 0, row["gid"])


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [dict(r) for r in frame.to_dict("records")]


def _actors_key(row: dict[str, Any], role: str) -> tuple[Any, ...]:
    ids = _list(row[f"{role}_ids"])
    names = _list(row[f"{role}_names"])
    return tuple(i if i is not None else f"?{n}" for i, n in zip(ids, names, strict=False))


class _Brief:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.docs: list[str] = []

    def cite(self, rows: Iterable[dict[str, Any]], limit: int = 4, *, more: bool = True) -> str:
        """Citations of the first ``limit`` distinct sentences (and how many more)."""
        cites: list[str] = []
        extra = 0
        for row in rows:
            cite = f"[{inert(row['doc_id'])} §{row['sentence_index']}]"
            if cite in cites:
                continue
            if len(cites) >= limit:
                extra += 1
                continue
            if row["doc_id"] not in self.docs:
                self.docs.append(row["doc_id"])
            cites.append(cite)
        return " ".join(cites) + (f" (+{extra} more)" if extra and more else "")

    def cite_doc(self, doc_id: str, where: str) -> str:
        if doc_id not in self.docs:
            self.docs.append(doc_id)
        return f"[{inert(doc_id)} {where}]"

    def section(self, title: str, items: list[str]) -> None:
        self.lines += ["", f"## {title}", ""]
        self.lines += items or ["_Nothing in the store for this scope._"]


# -- sections -----------------------------------------------------------------------------
def _carriers(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Who carries an event: the situation's claimants, else each row's source or outlet."""
    found: list[str] = []
    for r in rows:
        sit = r.get("_sit") or {}
        names = list(sit.get("claimed_by") or ())
        if not names:
            names = [inert(r["source_text"]) if r["source_text"] is not None
                     else outlet_name(r.get("url"))]
        for name in names:
            if inert(name) not in found:
                found.append(inert(name))
    return found


def _sources_note(rows: Sequence[dict[str, Any]]) -> str:
    carriers = _carriers(rows)
    sit = rows[0].get("_sit") or {}
    status = sit.get("status") or ("corroborated" if len(carriers) > 1 else "single-source")
    label = "corroborated by" if status == "corroborated" else "single source:"
    return f"{label} {', '.join(carriers[:4])}" + (
        f" (+{len(carriers) - 4} more)" if len(carriers) > 4 else "")


def _report_voice(rows: Sequence[dict[str, Any]]) -> bool:
    return all((r.get("_status") or "asserted") == "asserted" for r in rows)


def _importance(rows: Sequence[dict[str, Any]], newest: dt.date | None) -> float:
    """|Goldstein| × corroboration × recency of a group of mentions of one event."""
    strongest = max(abs(r["goldstein"]) for r in rows)
    sources = max(1, len(_carriers(rows)))
    corroboration = 1.0 + 0.5 * min(sources - 1, 4)
    day = _day(rows[0]["date"])
    if newest is None or day == "undated":
        recency = 0.25
    else:
        age = (newest - dt.date.fromisoformat(day)).days
        recency = 0.5 ** (max(age, 0) / HALF_LIFE_DAYS)
    resolved = 1.0 if _both_resolved(rows[0]) else 0.75 if _resolved(rows[0], "source") else 0.5
    return strongest * corroboration * recency * resolved


def _groups(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Mentions grouped by situation event (an event that is no mention stands alone)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for e in events:
        sid = (e.get("_sit") or {}).get("situation_id")
        key = ("s", sid) if sid is not None else ("g", e["gid"])
        groups.setdefault(key, []).append(e)
    return [sorted(rows, key=_order) for rows in groups.values()]


def _newest(events: list[dict[str, Any]]) -> dt.date | None:
    days = [_day(e["date"]) for e in events if _day(e["date"]) != "undated"]
    return dt.date.fromisoformat(max(days)) if days else None


def _developments(b: _Brief, events: list[dict[str, Any]], top: int) -> list[str]:
    """Facts that are corroborated or told in a report's own voice, most important first."""
    newest = _newest(events)
    chosen = []
    for rows in _groups([e for e in events if e["cameo"] != STATEMENT]):
        status = (rows[0].get("_sit") or {}).get("status")
        if status != "corroborated" and not _report_voice(rows):
            continue
        chosen.append(rows)
    chosen.sort(key=lambda rows: (-_importance(rows, newest), not _both_resolved(rows[0]),
                                  min(_order(r) for r in rows)))
    items = []
    for rows in chosen[:top]:
        triggers = [str(r["trigger_text"] or "").lower() for r in rows]
        lead = min(rows, key=lambda r: (-triggers.count(str(r["trigger_text"] or "").lower()),
                                        _order(r)))
        reports = len({r["doc_id"] for r in rows})
        tags = _tags(rows)
        if reports > 1:
            tags = tags[:-1] + f", {reports} reports)"
        items.append(f"- {_day(lead['date'])} — {_what(lead, narrate=True)} {tags} — "
                     f"{_sources_note(rows)} {b.cite(rows)}")
    return items


def _pairs(b: _Brief, events: list[dict[str, Any]]) -> list[str]:
    pairs: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for e in events:
        if _both_resolved(e) and e["cameo"] != STATEMENT:
            pairs.setdefault((_actors_key(e, "source"), _actors_key(e, "target")), []).append(e)
    busiest = sorted(pairs.values(),
                     key=lambda rows: (-len(rows), _side(rows[0], "source") or "",
                                       _side(rows[0], "target") or ""))[:5]
    items = []
    for rows in busiest:
        rows = sorted(rows, key=_order)
        total = sum(r["goldstein"] for r in rows)
        kinds = sorted({(r["plover"] or "no type") for r in rows})
        items.append(
            f"- {_side(rows[0], 'source')} → {_side(rows[0], 'target')}: "
            f"{_n(len(rows), 'event')} ({', '.join(kinds)}), Goldstein sum "
            f"{_goldstein(round(total, 1))} {b.cite(rows, limit=3)}"
        )
    return items


def _pressing(b: _Brief, events: list[dict[str, Any]], top: int) -> list[str]:
    named: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    untargeted: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in events:
        verb = (e["plover"] or "").upper()
        if verb not in PRESSURE or not _resolved(e, "source"):
            continue
        src = _side(e, "source") or ""
        if _resolved(e, "target"):
            named.setdefault((src, verb, _side(e, "target") or ""), []).append(e)
        else:
            untargeted.setdefault((src, verb), []).append(e)
    ranked = sorted(named.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    items = [f"- {src} {verb} {tgt} ({len(rows)}×) {b.cite(sorted(rows, key=_order), limit=3)}"
             for (src, verb, tgt), rows in ranked[:top]]
    if untargeted:
        loose = sorted(untargeted.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        parts = [f"{src} {verb} {len(rows)}× {b.cite(sorted(rows, key=_order), 1, more=False)}"
                 for (src, verb), rows in loose[:5]]
        rest = sum(len(rows) for _, rows in loose[5:])
        items.append("- No named target: " + "; ".join(parts)
                     + (f"; {rest} more" if rest else ""))
    return items


def _flags(e: dict[str, Any]) -> list[str]:
    flags = []
    if e["certainty"] in ("reported", "alleged", "uncertain"):
        flags.append(f"**{e['certainty']}**")
    if e["source_anonymous"] is True:
        flags.append("**anonymous**")
    if e["source_kind"] == "intelligence":
        flags.append("**intelligence source**")
    return flags


def _disputed(b: _Brief, everything: list[dict[str, Any]], top: int) -> list[str]:
    """Situation events that someone claims and someone denies, or that are only denied."""
    rows = [e for e in everything
            if (e.get("_sit") or {}).get("status") in ("contested", "denied")]
    newest = _newest(rows)
    groups = sorted(_groups(rows), key=lambda g: (-_importance(g, newest),
                                                  min(_order(r) for r in g)))
    items = []
    for group in groups[:top]:
        sit = group[0]["_sit"]
        claims = [r for r in group if (r.get("_sit") or {}).get("stance") == "claims"]
        lead = (claims or group)[0]
        what = _what(lead, narrate=bool(claims))
        deniers = ", ".join(inert(d) for d in sit.get("denied_by") or ()) or "a party"
        if sit["status"] == "contested":
            note = (f"**contested**: claimed by {', '.join(_carriers(claims)) or 'a report'}; "
                    f"denied by {deniers}")
        else:
            note = f"**denied** by {deniers}; no report claims it"
        reports = len({r["doc_id"] for r in group})
        items.append(f"- {_day(lead['date'])} — {what} {_tags([lead])}: {note} "
                     f"({_n(reports, 'report')}) {b.cite(group)}")
    return items


def _claims(b: _Brief, everything: list[dict[str, Any]], top: int) -> list[str]:
    claims = [e for e in everything
              if e["modality"] == "actual" and e["cameo"] != STATEMENT
              and e["polarity"] == "positive"
              and (e.get("_sit") or {}).get("status") not in ("corroborated", "contested",
                                                               "denied")
              and (e["attribution"] is not None or e["certainty"] != "confirmed")]
    chosen = sorted(claims, key=lambda e: (-len(_flags(e)), -abs(e["goldstein"]), _order(e)))
    items = []
    for e in sorted(chosen[: 2 * top], key=_order):
        flags = _flags(e)
        if e["source_text"] is not None:
            kind = e["source_kind"] or "source of unknown kind"
            extra = [f for f in flags if not f.startswith(("**reported", "**alleged", "**unc"))]
            who = f"according to {inert(e['source_text'])} ({', '.join([kind, *extra])})"
        else:
            who = "as the outlet reports it"
        certainty = next((f for f in flags if f.startswith(("**reported", "**alleged", "**unc"))),
                         e["certainty"])
        items.append(f"- {_day(e['date'])} — {_what(e, narrate=True)} {_tags([e])}: "
                     f"{certainty}, {who} {b.cite([e])}")
    return items


def _expected(b: _Brief, everything: list[dict[str, Any]], top: int) -> list[str]:
    ahead = [e for e in everything if e["modality"] in EXPECTED and e["cameo"] != STATEMENT]
    chosen = sorted(ahead, key=lambda e: (not _resolved(e, "source"), not _resolved(e, "target"),
                                          -abs(e["goldstein"]), _order(e)))
    return [
        f"- {EXPECTED[e['modality']]}, {_day(e['date'])} — {_what(e, narrate=False)} "
        f"{_tags([e])} {b.cite([e])}"
        for e in sorted(chosen[: 2 * top], key=_order)
    ]


def _signals(b: _Brief, store: Database, since: str | dt.date | None, actor: str | None,
             top: int) -> list[str]:
    signals = escalation_signals(store, since=since)
    if actor is not None and not signals.empty:
        ids = actor_ids(store, actor)
        countries = set()
        if ids:
            marks = ", ".join("?" * len(ids))
            countries = {r[0] for r in store.conn.execute(
                f"SELECT DISTINCT country FROM actors WHERE actor_id IN ({marks})", ids
            ).fetchall() if r[0]}
        countries.add(actor.upper())
        signals = signals[signals["a"].isin(countries) | signals["b"].isin(countries)]
    items = []
    for s in _records(signals.head(top)):
        day = pd.Timestamp(s["date"]).date()
        rows = events_arrow(store, EventFilter(
            dyad=(s["a"], s["b"]), either_direction=True, since=day, until=day)).to_pylist()
        if not rows:
            continue
        rows.sort(key=lambda e: (e["goldstein"], e["gid"]))
        items.append(
            f"- {day} — {s['a']}–{s['b']}: conflict score {s['score']:g} against a "
            f"14-day baseline of {s['baseline']:.1f} (threshold {s['threshold']:.1f}); "
            f"strongest: {_what(rows[0], narrate=True)} {_tags(rows[:1])} {b.cite(rows[:3])}"
        )
    return items


def brief(
    store: Database,
    since: str | dt.date | None = None,
    actor: str | None = None,
    *,
    top: int = 10,
) -> str:
    """A Markdown brief of the store, optionally limited to events since a date or
    involving an actor (id, code or name)."""
    b = _Brief()
    everything = events_arrow(
        store, EventFilter(since=since, actor=actor, include_all=True)
    ).to_pylist()
    situations = by_gid(store.conn, [e["gid"] for e in everything])
    for e in everything:
        found = situations.get(e["gid"]) or {}
        e["_status"] = found.get("event_status")
        e["_sit"] = found if found.get("situation_id") is not None else None
    # The fact rule (sitroom.store.situations): counted, not denied, not contested.
    events = [e for e in everything
              if is_fact(e["counted"], e["_status"], (e["_sit"] or {}).get("status"))]
    scope = []
    if since is not None:
        scope.append(f"since {since}")
    if actor is not None:
        scope.append(f"involving {actor}")
    b.lines.append("# Situation brief")
    b.lines.append("")
    docs_seen = len({e["doc_id"] for e in everything})
    b.lines.append(
        f"Scope: {', '.join(scope) or 'everything stored'}. {len(events)} events stated as "
        f"fact ({len(everything) - len(events)} more contested, denied, expected, "
        f"hypothetical, requested or negated) from {_n(docs_seen, 'document')}."
    )

    items = _developments(b, events, top)
    pairs = _pairs(b, events)
    if pairs:
        items += ["", "Most active pairs:", "", *pairs]
    b.section("Main developments", items)
    b.section("Who is pressing whom", _pressing(b, events, top))
    b.section("Contested and unverified",
              _disputed(b, everything, top) + _claims(b, everything, top))
    b.section("Quotes", _quotes(store, b, since, actor, top))
    b.section("Escalation signals", _signals(b, store, since, actor, top))
    b.section("What is expected or feared", _expected(b, everything, top))

    items = []
    if b.docs:
        marks = ", ".join("?" * len(b.docs))
        docs = store.conn.execute(
            f"SELECT doc_id, title, published, url, path FROM documents "
            f"WHERE doc_id IN ({marks}) ORDER BY published_date NULLS LAST, doc_id", b.docs
        ).fetchall()
        for doc_id, title, published, url, path in docs:
            items.append(
                f"- [{inert(doc_id)}] {inert(title or 'untitled')} "
                f"({inert(published or 'undated')}) — "
                f"{safe_url(url) or inert(path or 'no location')}"
            )
    b.section("Documents", items)
    return "\n".join(b.lines) + "\n"


def _quotes(
    store: Database, b: _Brief, since: str | dt.date | None, actor: str | None, top: int
) -> list[str]:
    conds: list[str] = ["TRUE"]
    params: list[Any] = []
    if since is not None:
        conds.append("d.published_date >= ?::DATE")
        params.append(str(since))
    if actor is not None:
        ids = actor_ids(store, actor)
        if not ids:
            return []
        conds.append(f"q.speaker_id IN ({', '.join('?' * len(ids))})")
        params += ids
    rows = store.conn.execute(
        f"""
        SELECT q.doc_id, q.ord, q.text, q.start_char, q.kind, q.speaker_text,
               a.name, a.country, a.kind, a.sector, d.published_date,
               (SELECT min(e.sentence_index) FROM events e WHERE e.doc_id = q.doc_id
                AND e.sentence_start <= q.start_char AND q.start_char < e.sentence_end) AS sent
        FROM quotes q JOIN documents d ON d.doc_id = q.doc_id
        LEFT JOIN actors a ON a.actor_id = q.speaker_id
        WHERE {" AND ".join(conds)}
        ORDER BY d.published_date NULLS LAST, q.doc_id, q.ord
        """,
        params,
    ).fetchall()

    def rank(row: tuple[Any, ...]) -> tuple[bool, bool, bool]:
        words = len(str(row[2]).split())
        return (row[6] is None and row[5] is None, row[4] != "direct", words < 4)

    # Best quotes first (known speaker, full, not a fragment), one per document per round.
    keys: dict[tuple[Any, ...], int] = {}
    order = []
    for i, row in enumerate(rows):
        quality = rank(row)
        nth = keys.get((row[0], *quality), 0)
        keys[(row[0], *quality)] = nth + 1
        order.append(((*quality, nth, i), i))
    chosen = [(i, rows[i]) for _, i in sorted(order)[: 2 * top]]
    items = []
    for _, (doc_id, _o, text, start, _k, speaker_text, name, country, kind, sector, _p,
            sent) in sorted(chosen):
        speaker = _label(name, country, kind, sector) if name else (
            inert(speaker_text) if speaker_text else "unattributed speaker")
        quote = inert(text).strip().rstrip(",;: ")
        where = f"§{sent}" if sent is not None else f"@{start}"
        items.append(f"- {speaker} — “{quote}” {b.cite_doc(doc_id, where)}")
    return items
