"""One real-world event across reports: *situation events* (cross-document coreference).

Every stored event that reports an act (modality ``actual``, not a plain statement, not
negated unless it is a *denied* act) is a *mention*; mentions of the same real-world
event in different documents are linked into one situation event. Linking is greedy,
in ingest order, and conservative; a mention joins a situation only when

* it has the same **type family** (PLOVER type, else the CAMEO root),
* its date is within ``WINDOW_DAYS`` of the situation's first and last dates (undated
  mentions are never linked),
* it **conflicts with no mention** of the situation: a side (source or target) whose
  actors are known on both mentions but share neither an actor nor a country is a
  conflict, and so are places in different countries or places that share no name,
* it **agrees with one mention** on at least two of: source, target, place; and
* a mention of the same document is joined only with a shared place name (a report
  that tells two strikes on one day tells two events).

The reason of every link is stored (``situation_mentions.reason``). A situation keeps
its mentions, documents, independent sources, who claims it, who denies it and a
status:

* ``contested``: someone claims it and someone denies it;
* ``denied``: it is only reported as denied;
* ``corroborated``: two or more independent sources carry it;
* ``single-source``: one source.

Independent sources are the distinct *origins* of the mentions that claim the event:
the source a mention is credited to (a resolved actor; a named source by its words;
all anonymous sources of one kind count as one), else the outlet that reports it in
its own voice (the host of the document's URL, else the document). Four outlets that
all quote one ministry are one source.

The fact rule (:func:`fact_sql`, :func:`is_fact`): an event counts as fact in counts,
dyad counts, series, networks and the brief's main developments when it is counted
(actual, positive polarity), its own status is not ``denied``, and its situation is
neither contested nor denied.

An event's status (``events.status``) is the record's own when it has one other than
the default ``asserted``; otherwise (and for records made before it existed) it is
derived (:func:`derive_status`): a negated act under a
denial (PLOVER REJECT, CAMEO 016 or 12x) is ``denied``, certainty ``alleged`` is
``alleged``, ``uncertain`` is ``unverified``, ``reported`` or a credited source is
``claimed``, else ``asserted``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from sitroom.lexicons import table, words
from sitroom.store.outlets import outlet, outlet_name
from sitroom.store.sides import sync_situation_status

#: Days between the dates of two mentions of one event, at most.
WINDOW_DAYS = 2
#: Evidence (agreeing source, target, place) a link needs.
MIN_EVIDENCE = 2
#: Situation statuses.
STATUSES = ("corroborated", "single-source", "contested", "denied")
#: Event statuses (the record's ``status``).
EVENT_STATUSES = ("asserted", "claimed", "alleged", "denied", "unverified")
#: What marks a denial event (the parent of a denied act).
DENIAL_PLOVER = "REJECT"
DENIAL_CAMEO = ("016", "12")
#: CAMEO code of a plain statement: not a mention of an act.
STATEMENT = "010"

_PLACE_SMALL = (words("actors_place_preps") | words("actors_locative_preps")
                | words("actors_definite_determiners") | words("weekdays")
                | frozenset(table("months")))
_NAME_RUN = re.compile(r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*")


# -- event status --------------------------------------------------------------------
def is_denial(plover: str | None, cameo: str | None) -> bool:
    """Whether an event is a denial (its nested act is the denied one)."""
    return (plover or "").upper() == DENIAL_PLOVER or (cameo or "").startswith(DENIAL_CAMEO)


def derive_status(polarity: str, certainty: str, attribution: str | None,
                  denial_parent: bool) -> str:
    """The status of an event whose record has none (see the module doc)."""
    if polarity == "negative" and denial_parent:
        return "denied"
    if certainty == "alleged":
        return "alleged"
    if certainty == "uncertain":
        return "unverified"
    if certainty == "reported" or attribution is not None:
        return "claimed"
    return "asserted"


def event_status(event: Any, events_by_id: dict[str, Any]) -> list[Any]:
    """``[status, denied_by]`` of a record's event: its own fields when present, else
    derived; ``denied_by`` (local actor ids) defaults to the denial parent's sources."""
    parent = events_by_id.get(event.parent) if event.parent else None
    denial_parent = parent is not None and is_denial(parent.plover, parent.cameo)
    derived = derive_status(event.polarity, event.certainty, event.attribution, denial_parent)
    own = getattr(event, "status", None)
    # "asserted" is also the record's default: a record that did not decide keeps what
    # its polarity, certainty, source and parent say.
    status = own if own and own != "asserted" else derived
    denied_by = list(getattr(event, "denied_by", None) or ())
    if status == "denied" and not denied_by and parent is not None:
        denied_by = list(parent.source)
    return [status, denied_by]


def backfill_status(conn: duckdb.DuckDBPyConnection) -> None:
    """Derive ``status`` and ``denied_by`` of stored events that have none."""
    conn.execute(f"""
        UPDATE events SET
          status = CASE
            WHEN polarity = 'negative' AND p.denial THEN 'denied'
            WHEN certainty = 'alleged' THEN 'alleged'
            WHEN certainty = 'uncertain' THEN 'unverified'
            WHEN certainty = 'reported' OR attribution IS NOT NULL THEN 'claimed'
            ELSE 'asserted' END,
          denied_by = CASE WHEN polarity = 'negative' AND p.denial THEN p.source_locals
                           ELSE []::VARCHAR[] END
        FROM (SELECT c.gid, coalesce(upper(par.plover) = '{DENIAL_PLOVER}'
                     OR starts_with(par.cameo, '{DENIAL_CAMEO[0]}')
                     OR starts_with(par.cameo, '{DENIAL_CAMEO[1]}'), FALSE) AS denial,
                     par.source_locals
              FROM events c LEFT JOIN events par
                ON par.doc_id = c.doc_id AND par.event_id = c.parent) p
        WHERE p.gid = events.gid AND events.status IS NULL
    """)


# -- the fact rule -------------------------------------------------------------------
def fact_sql(alias: str = "e") -> str:
    """SQL condition over an events alias: the event counts as fact (module doc)."""
    # events.situation_status is the linked situation's status (sitroom.store.sides).
    return (
        f"({alias}.counted AND coalesce({alias}.status, 'asserted') <> 'denied' "
        f"AND coalesce({alias}.situation_status, '') NOT IN ('contested', 'denied'))"
    )


def is_fact(counted: bool, status: str | None, situation_status: str | None) -> bool:
    """The fact rule in Python, for rows already read."""
    return (bool(counted) and (status or "asserted") != "denied"
            and situation_status not in ("contested", "denied"))


# -- mentions --------------------------------------------------------------------------
@dataclass
class Mention:
    """What linking knows of one stored event."""

    gid: int
    doc_id: str
    family: str
    plover: str | None
    cameo: str | None
    goldstein: float
    quad_class: int | None
    date: dt.date
    place: str | None
    place_country: str | None
    source_ids: frozenset[int]
    source_countries: frozenset[str]
    target_ids: frozenset[int]
    target_countries: frozenset[str]
    stance: str  # "claims" or "denies"
    origin: str
    origin_label: str
    outlet: str
    deniers: tuple[str, ...] = ()
    runs: frozenset[str] = field(default_factory=frozenset)


def family(plover: str | None, cameo: str | None) -> str:
    """The type family used for linking: the PLOVER type, else the CAMEO root."""
    return plover.upper() if plover else f"CAMEO:{(cameo or '')[:2]}"


def place_names(text: str | None) -> frozenset[str]:
    """The proper-name runs of a place phrase ('near the port of Hodeidah' → hodeidah)."""
    if not text:
        return frozenset()
    out = set()
    for run in _NAME_RUN.findall(text):
        kept = [w for w in run.split() if w.lower() not in _PLACE_SMALL]
        if kept:
            out.add(" ".join(kept).lower())
    return frozenset(out)


_MENTION_SQL = """
WITH sel AS (SELECT e.* FROM events e WHERE {where}),
sides AS (
    SELECT ea.gid,
           list(ea.actor_id ORDER BY ea.pos) FILTER (WHERE ea.role = 'source') AS src_ids,
           list(ea.country ORDER BY ea.pos) FILTER (WHERE ea.role = 'source') AS src_countries,
           list(ea.actor_id ORDER BY ea.pos) FILTER (WHERE ea.role = 'target') AS tgt_ids,
           list(ea.country ORDER BY ea.pos) FILTER (WHERE ea.role = 'target') AS tgt_countries
    FROM event_actors ea WHERE ea.gid IN (SELECT gid FROM sel) GROUP BY ea.gid
)
SELECT e.gid, e.doc_id, e.plover, e.cameo, e.goldstein, e.quad_class, e.event_date,
       e.location_text, e.location_country, e.status, e.denied_by,
       s.text AS source_text, s.actor_id AS source_actor, s.anonymous, s.kind,
       sa.name AS source_actor_name, d.url,
       sides.src_ids, sides.src_countries, sides.tgt_ids, sides.tgt_countries
FROM sel e
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN sources s ON s.doc_id = e.doc_id AND s.source_id = e.attribution
LEFT JOIN actors sa ON sa.actor_id = s.actor_id
LEFT JOIN sides ON sides.gid = e.gid
ORDER BY e.gid
"""

#: Events that are mentions of an act (see the module doc).
LINKABLE = ("e.modality = 'actual' AND coalesce(e.cameo, '') <> '" + STATEMENT + "' "
            "AND e.event_date IS NOT NULL "
            "AND (e.polarity = 'positive' OR coalesce(e.status, '') = 'denied')")


def _names(conn: duckdb.DuckDBPyConnection, doc_id: str, locals_: Sequence[str]) -> list[str]:
    if not locals_:
        return []
    marks = ", ".join("?" * len(locals_))
    rows = conn.execute(
        f"SELECT da.local_id, coalesce(a.name, da.name) FROM doc_actors da "
        f"LEFT JOIN actors a ON a.actor_id = da.actor_id "
        f"WHERE da.doc_id = ? AND da.local_id IN ({marks})", [doc_id, *locals_]
    ).fetchall()
    found = {r[0]: r[1] for r in rows}
    return [str(found.get(local) or local) for local in locals_]


def _mentions(conn: duckdb.DuckDBPyConnection, where: str,
              params: Sequence[Any]) -> list[Mention]:
    cur = conn.execute(_MENTION_SQL.format(where=f"({LINKABLE}) AND ({where})"), list(params))
    names = [d[0] for d in cur.description]
    out = []
    for raw in cur.fetchall():
        r = dict(zip(names, raw, strict=True))
        denied = (r["status"] or "") == "denied"
        shop = outlet(r["url"], r["doc_id"])
        if r["source_text"] is None:
            origin, label = f"outlet:{shop}", outlet_name(r["url"])
        elif r["source_actor"] is not None:
            origin = f"actor:{r['source_actor']}"
            label = str(r["source_actor_name"] or r["source_text"])
        elif r["anonymous"]:
            origin = f"anonymous:{r['kind'] or 'source'}"
            label = f"{r['source_text']} (anonymous)"
        else:
            origin, label = f"named:{str(r['source_text']).lower()}", str(r["source_text"])
        deniers: tuple[str, ...] = ()
        if denied:
            deniers = tuple(_names(conn, r["doc_id"], list(r["denied_by"] or ())))
            origin = "denial:" + "|".join(deniers or (shop,))
        out.append(Mention(
            gid=int(r["gid"]), doc_id=r["doc_id"], family=family(r["plover"], r["cameo"]),
            plover=r["plover"], cameo=r["cameo"], goldstein=float(r["goldstein"] or 0.0),
            quad_class=r["quad_class"], date=r["event_date"], place=r["location_text"],
            place_country=r["location_country"],
            source_ids=frozenset(int(i) for i in r["src_ids"] or () if i is not None),
            source_countries=frozenset(c for c in r["src_countries"] or () if c),
            target_ids=frozenset(int(i) for i in r["tgt_ids"] or () if i is not None),
            target_countries=frozenset(c for c in r["tgt_countries"] or () if c),
            stance="denies" if denied else "claims", origin=origin, origin_label=label,
            outlet=outlet_name(r["url"]), deniers=deniers, runs=place_names(r["location_text"]),
        ))
    return out


# -- matching --------------------------------------------------------------------------
@dataclass(frozen=True)
class Match:
    """How two mentions compare: a conflict (why not), else the agreeing parts."""

    conflict: str | None
    agree: tuple[str, ...]
    same_place: bool

    @property
    def evidence(self) -> int:
        return len(self.agree)


def _side(a_ids: frozenset[int], a_cc: frozenset[str], b_ids: frozenset[int],
          b_cc: frozenset[str]) -> tuple[bool, bool, str]:
    """(agree, conflict, what agrees) for one side of two mentions."""
    known = (a_ids or a_cc) and (b_ids or b_cc)
    if a_cc & b_cc:
        return True, False, ",".join(sorted(a_cc & b_cc))
    if a_ids & b_ids:
        return True, False, "actor " + ",".join(str(i) for i in sorted(a_ids & b_ids))
    return False, bool(known), ""


def compare(a: Mention, b: Mention) -> Match:
    """Compare two mentions (same family assumed) on sides and place."""
    agree: list[str] = []
    for role, a_ids, a_cc, b_ids, b_cc in (
        ("source", a.source_ids, a.source_countries, b.source_ids, b.source_countries),
        ("target", a.target_ids, a.target_countries, b.target_ids, b.target_countries),
    ):
        ok, clash, what = _side(a_ids, a_cc, b_ids, b_cc)
        if clash:
            return Match(f"different {role}", (), False)
        if ok:
            agree.append(f"same {role} {what}")
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return Match("places in different countries", (), False)
    shared = a.runs & b.runs
    if a.runs and b.runs and not shared:
        return Match("different places", (), False)
    if shared:
        agree.append("same place " + ", ".join(sorted(shared)))
    return Match(None, tuple(agree), bool(shared))


def _shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held within the calendar (0001-01-01 to 9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def link_reason(m: Mention, members: Sequence[Mention]) -> str | None:
    """Why ``m`` joins the situation of ``members``, or None when it must not."""
    if any(x.family != m.family for x in members):
        return None
    first = min(x.date for x in members)
    last = max(x.date for x in members)
    if m.date < _shift(last, -WINDOW_DAYS) or m.date > _shift(first, WINDOW_DAYS):
        return None
    best: tuple[int, Mention, Match] | None = None
    for x in members:
        match = compare(m, x)
        if match.conflict is not None:
            return None
        if x.doc_id == m.doc_id and not match.same_place:
            return None
        if best is None or match.evidence > best[0]:
            best = (match.evidence, x, match)
    if best is None or best[0] < MIN_EVIDENCE:
        return None
    _, x, match = best
    return (f"{m.family}; {m.date} and {x.date} within {WINDOW_DAYS} days; "
            f"{'; '.join(match.agree)} (as event {x.gid} of {x.doc_id})")


# -- linking ---------------------------------------------------------------------------
def _members(conn: duckdb.DuckDBPyConnection, situation_ids: Iterable[int]
             ) -> dict[int, list[Mention]]:
    ids = sorted(set(situation_ids))
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    owner = dict(conn.execute(
        f"SELECT gid, situation_id FROM situation_mentions WHERE situation_id IN ({marks})",
        ids).fetchall())
    found: dict[int, list[Mention]] = {i: [] for i in ids}
    if owner:
        gids = sorted(owner)
        for m in _mentions(conn, f"e.gid IN ({', '.join('?' * len(gids))})", gids):
            found[int(owner[m.gid])].append(m)
    return found


def _candidates(conn: duckdb.DuckDBPyConnection, new: Sequence[Mention]
                ) -> dict[int, str]:
    """Stored situations (id → family) that any of ``new`` could join, by family and
    date window."""
    families = sorted({m.family for m in new})
    rows = conn.execute(
        f"SELECT situation_id, family FROM situations WHERE family IN "
        f"({', '.join('?' * len(families))}) AND first_date <= ? AND last_date >= ? "
        f"ORDER BY situation_id",
        [*families, _shift(max(m.date for m in new), WINDOW_DAYS),
         _shift(min(m.date for m in new), -WINDOW_DAYS)],
    ).fetchall()
    return {int(r[0]): str(r[1]) for r in rows}


#: The situations table's columns, in the schema's order, with their Arrow types.
_SITUATION_SCHEMA = pa.schema([
    ("situation_id", pa.int64()), ("family", pa.string()), ("plover", pa.string()),
    ("cameo", pa.string()), ("goldstein", pa.float64()), ("quad_class", pa.int8()),
    ("first_date", pa.date32()), ("last_date", pa.date32()), ("place", pa.string()),
    ("place_country", pa.string()), ("source_ids", pa.list_(pa.int64())),
    ("target_ids", pa.list_(pa.int64())), ("source_countries", pa.list_(pa.string())),
    ("target_countries", pa.list_(pa.string())), ("mentions", pa.int32()),
    ("documents", pa.int32()), ("sources", pa.int32()), ("claimed_by", pa.list_(pa.string())),
    ("denied_by", pa.list_(pa.string())), ("outlets", pa.list_(pa.string())),
    ("status", pa.string()),
])
_SITUATION_COLUMNS = tuple(_SITUATION_SCHEMA.names)
#: The situation_mentions table's columns, in the schema's order.
_LINK_SCHEMA = pa.schema([
    ("gid", pa.int64()), ("situation_id", pa.int64()), ("doc_id", pa.string()),
    ("stance", pa.string()), ("origin", pa.string()), ("origin_label", pa.string()),
    ("reason", pa.string()),
])
_LINK_COLUMNS = tuple(_LINK_SCHEMA.names)


def _save(conn: duckdb.DuckDBPyConnection, groups: dict[int, list[Mention]]) -> None:
    """Write the situations of ``groups`` (id → mentions) afresh."""
    ids = sorted(groups)
    if not ids:
        return
    conn.register("_sitroom_ids", pa.table({"id": pa.array(ids, pa.int64())}))
    try:
        conn.execute("DELETE FROM situations WHERE situation_id IN "
                     "(SELECT id FROM _sitroom_ids)")
    finally:
        conn.unregister("_sitroom_ids")
    rows: dict[str, list[Any]] = {c: [] for c in _SITUATION_COLUMNS}
    for sid in ids:
        if not groups[sid]:
            continue
        values = {"situation_id": sid, "family": groups[sid][0].family,
                  **summarise(groups[sid])}
        for column in _SITUATION_COLUMNS:
            rows[column].append(values[column])
    if rows["situation_id"]:
        conn.from_arrow(pa.table(rows, schema=_SITUATION_SCHEMA)).insert_into("situations")
    sync_situation_status(conn, ids)


def _keys(m: Mention) -> set[tuple[str, Any]]:
    return ({("s", c) for c in m.source_countries} | {("s", i) for i in m.source_ids}
            | {("t", c) for c in m.target_countries} | {("t", i) for i in m.target_ids})


def _link(conn: duckdb.DuckDBPyConnection, new: Sequence[Mention]) -> list[int]:
    """Link mentions (in order) into stored or new situations; returns the situations
    created or changed."""
    if not new:
        return []
    family_of = _candidates(conn, new)
    groups = _members(conn, family_of)
    rows = conn.execute("SELECT coalesce(max(situation_id), 0) + 1 FROM situations").fetchall()
    next_id = int(rows[0][0])
    # A mention joins only with MIN_EVIDENCE (2) agreements with one member, so with a
    # source or target actor or country in common (a place alone is one): situations
    # are indexed by those, and only the ones sharing one are tried, in id order.
    near: dict[tuple[str, Any], set[int]] = {}
    for sid, members in groups.items():
        for x in members:
            for key in _keys(x):
                near.setdefault(key, set()).add(sid)
    touched: dict[int, None] = {}
    links: dict[str, list[Any]] = {c: [] for c in _LINK_COLUMNS}
    for m in new:
        chosen: tuple[int, str] | None = None
        keys = _keys(m)
        tried = (set().union(*(near.get(k, ()) for k in keys)) if MIN_EVIDENCE >= 2
                 else set(family_of))
        for sid in sorted(i for i in tried if family_of[i] == m.family):
            members = groups[sid]
            if members and abs((members[-1].date - m.date).days) <= 2 * WINDOW_DAYS + 1:
                reason = link_reason(m, members)
                if reason is not None:
                    chosen = (sid, reason)
                    break
        if chosen is None:
            chosen = (next_id, "first report")
            family_of[next_id] = m.family
            groups[next_id] = []
            next_id += 1
        sid, reason = chosen
        groups[sid].append(m)
        for key in keys:
            near.setdefault(key, set()).add(sid)
        for column, value in zip(_LINK_COLUMNS, (m.gid, sid, m.doc_id, m.stance, m.origin,
                                                 m.origin_label, reason), strict=True):
            links[column].append(value)
        touched[sid] = None
    conn.from_arrow(pa.table(links, schema=_LINK_SCHEMA)).insert_into("situation_mentions")
    _save(conn, {sid: groups[sid] for sid in touched})
    return list(touched)


def link_document(conn: duckdb.DuckDBPyConnection, doc_id: str) -> list[int]:
    """Link the mentions of one stored document that are not linked yet (inside the
    caller's transaction); returns the situations it created or changed."""
    return _link(conn, _mentions(
        conn, "e.doc_id = ? AND e.gid NOT IN (SELECT gid FROM situation_mentions)", [doc_id]))


def link_pending(conn: duckdb.DuckDBPyConnection, chunk: int = 5000) -> int:
    """Link every stored mention that is not linked yet, in ingest (gid) order, a chunk
    of mentions at a time (inside the caller's transaction); returns how many.

    Ingest calls it once at its end, so a run that stopped before linking is linked by
    the next one."""
    pending = [int(r[0]) for r in conn.execute(
        f"SELECT e.gid FROM events e WHERE {LINKABLE} "
        "AND e.gid NOT IN (SELECT gid FROM situation_mentions) ORDER BY e.gid").fetchall()]
    for at in range(0, len(pending), chunk):
        part = pending[at:at + chunk]
        _link(conn, _mentions(
            conn, "e.gid BETWEEN ? AND ? AND e.gid NOT IN (SELECT gid FROM situation_mentions)",
            [part[0], part[-1]]))
    return len(pending)


def _most(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


def summarise(members: Sequence[Mention]) -> dict[str, Any]:
    """The situation's aggregates and status from its mentions."""
    claims = [m for m in members if m.stance == "claims"]
    denials = [m for m in members if m.stance == "denies"]
    origins = {m.origin: m.origin_label for m in sorted(claims, key=lambda m: m.gid)}
    deniers = list(dict.fromkeys(d for m in denials for d in (m.deniers or (m.outlet,))))
    if claims and denials:
        status = "contested"
    elif denials:
        status = "denied"
    elif len(origins) >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    lead = claims or list(members)
    strongest = max(lead, key=lambda m: (abs(m.goldstein), -m.gid))
    return {
        "plover": _most(m.plover for m in lead), "cameo": _most(m.cameo for m in lead),
        "goldstein": strongest.goldstein, "quad_class": strongest.quad_class,
        "first_date": min(m.date for m in members), "last_date": max(m.date for m in members),
        "place": _most(m.place for m in members),
        "place_country": _most(m.place_country for m in members),
        "source_ids": sorted(set().union(*(m.source_ids for m in members))),
        "target_ids": sorted(set().union(*(m.target_ids for m in members))),
        "source_countries": sorted(set().union(*(m.source_countries for m in members))),
        "target_countries": sorted(set().union(*(m.target_countries for m in members))),
        "mentions": len(members), "documents": len({m.doc_id for m in members}),
        "sources": len(origins), "claimed_by": list(origins.values()), "denied_by": deniers,
        "outlets": sorted({m.outlet for m in members}), "status": status,
    }


def refresh(conn: duckdb.DuckDBPyConnection, situation_ids: Iterable[int]) -> None:
    """Recompute the aggregates and status of situations from their mentions (a
    situation left without mentions is removed)."""
    _save(conn, _members(conn, situation_ids))


def relink(conn: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every situation from the stored events, in ingest order (inside the
    caller's transaction)."""
    conn.execute("DELETE FROM situation_mentions")
    conn.execute("DELETE FROM situations")
    sync_situation_status(conn)
    link_pending(conn)


# -- reading -----------------------------------------------------------------------------
def situation_rows(conn: duckdb.DuckDBPyConnection, *, since: dt.date | str | None = None,
                   status: str | None = None, limit: int | None = None
                   ) -> list[dict[str, Any]]:
    """Situations (newest first) with their mentions' gids and reasons."""
    conds, params = ["TRUE"], []
    if since is not None:
        conds.append("st.last_date >= ?::DATE")
        params.append(str(since))
    if status is not None:
        conds.append("st.status = ?")
        params.append(status)
    limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
    cur = conn.execute(f"""
        SELECT st.*, list(sm.gid ORDER BY sm.gid) AS gids,
               list(sm.reason ORDER BY sm.gid) AS reasons
        FROM situations st JOIN situation_mentions sm ON sm.situation_id = st.situation_id
        WHERE {' AND '.join(conds)}
        GROUP BY ALL
        ORDER BY st.last_date DESC, st.situation_id DESC{limit_sql}
    """, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def by_gid(conn: duckdb.DuckDBPyConnection, gids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The situation of each event gid (events that are no mention are absent), with the
    event's own status and deniers."""
    if not gids:
        return {}
    found: dict[int, dict[str, Any]] = {}
    chunk = 2000
    for at in range(0, len(gids), chunk):
        part = [int(g) for g in gids[at:at + chunk]]
        cur = conn.execute(f"""
            SELECT e.gid, e.status AS event_status, sm.situation_id, sm.stance, sm.reason,
                   st.status, st.mentions, st.documents, st.sources, st.claimed_by,
                   st.denied_by, st.outlets, st.first_date, st.last_date
            FROM events e
            LEFT JOIN situation_mentions sm ON sm.gid = e.gid
            LEFT JOIN situations st ON st.situation_id = sm.situation_id
            WHERE e.gid IN ({', '.join('?' * len(part))})
        """, part)
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            item = dict(zip(names, row, strict=True))
            found[int(item["gid"])] = item
    return found


def annotate(conn: duckdb.DuckDBPyConnection, table: pa.Table) -> pa.Table:
    """An events table with its situation columns added: ``situation_id``,
    ``situation_status``, ``num_mentions``, ``num_sources``, ``num_articles`` (an event
    that is no mention counts as one mention, source and article)."""
    if "gid" not in table.column_names or "num_mentions" in table.column_names:
        return table
    info = by_gid(conn, [int(g) for g in table.column("gid").to_pylist()])
    gids = table.column("gid").to_pylist()

    def col(key: str, default: Any) -> list[Any]:
        out = []
        for g in gids:
            value = info.get(int(g), {}).get(key)
            if isinstance(default, int):
                value = max(default, int(value or 0))
            out.append(default if value is None else value)
        return out

    return (table
            .append_column("situation_id", pa.array(col("situation_id", None), pa.int64()))
            .append_column("situation_status", pa.array(col("status", None), pa.string()))
            .append_column("num_mentions", pa.array(col("mentions", 1), pa.int64()))
            .append_column("num_sources", pa.array(col("sources", 1), pa.int64()))
            .append_column("num_articles", pa.array(col("documents", 1), pa.int64())))
