"""The columns an event keeps for the analyses (schema v5), and keeping them true.

An event's actors live in ``event_actors`` (one row per role and position); the
analyses filter and group by them for every event, so each event also keeps, in its own
row: ``src_ids``/``tgt_ids`` (the distinct stored actor ids of its sources and
targets, sorted), ``src_countries``/``tgt_countries`` (their distinct countries as
``event_actors`` holds them, sorted, no NULL) and ``situation_status`` (the status of
the situation event it is linked to, NULL when it is not linked). With them, the fact
rule, the network, the escalation grid and the dyad filters read one table.

The writer fills the side columns as it writes an event (:func:`sides`); when a stored
actor later learns its country, :func:`sync_sides` recomputes them from
``event_actors`` for that actor's events. Situation linking sets ``situation_status``
(:func:`sync_situation_status`). The migration to v5 fills all of them for existing
events with the same SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import duckdb
import pyarrow as pa

#: The v5 side columns of ``events``, in the schema's order.
SIDE_COLUMNS = ("src_ids", "tgt_ids", "src_countries", "tgt_countries")


def sides(rows: Iterable[tuple[str, int | None, str | None]]) -> list[list[Any]]:
    """``[src_ids, tgt_ids, src_countries, tgt_countries]`` of one event from its
    ``(role, actor_id, country)`` rows, as :func:`sync_sides` computes them in SQL."""
    ids: dict[str, set[int]] = {"source": set(), "target": set()}
    countries: dict[str, set[str]] = {"source": set(), "target": set()}
    for role, actor_id, country in rows:
        if actor_id is not None:
            ids[role].add(actor_id)
        if country is not None:
            countries[role].add(country)
    return [sorted(ids["source"]), sorted(ids["target"]),
            sorted(countries["source"]), sorted(countries["target"])]


def _sides_sql(where: str) -> str:
    def agg(column: str, role: str, kind: str) -> str:
        return (f"coalesce(list_sort(list_distinct(list({column}) FILTER "
                f"(WHERE role = '{role}'))), []::{kind}[])")

    return f"""
    UPDATE events SET src_ids = x.si, tgt_ids = x.ti, src_countries = x.sc,
                      tgt_countries = x.tc
    FROM (SELECT gid, {agg('actor_id', 'source', 'BIGINT')} AS si,
                 {agg('actor_id', 'target', 'BIGINT')} AS ti,
                 {agg('country', 'source', 'VARCHAR')} AS sc,
                 {agg('country', 'target', 'VARCHAR')} AS tc
          FROM event_actors WHERE {where} GROUP BY gid) x
    WHERE events.gid = x.gid"""


def sync_sides(conn: duckdb.DuckDBPyConnection, actor_id: int | None = None) -> None:
    """Recompute the side columns from ``event_actors``: of the events of one stored
    actor, or (``None``) of every event (events without actor rows get empty lists)."""
    if actor_id is None:
        conn.execute(_sides_sql("TRUE"))
        conn.execute("UPDATE events SET src_ids = [], tgt_ids = [], src_countries = [], "
                     "tgt_countries = [] WHERE src_ids IS NULL")
        return
    conn.execute(_sides_sql("gid IN (SELECT gid FROM event_actors WHERE actor_id = ?)"),
                 [actor_id])


def has_v5(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``events`` has the v5 columns (a store migrating from an older version
    links situations before it has them)."""
    rows = conn.execute(
        "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'events' "
        "AND column_name = 'situation_status' AND database_name = current_database()"
    ).fetchall()
    return bool(rows and rows[0][0])


def sync_situation_status(conn: duckdb.DuckDBPyConnection,
                          situation_ids: Iterable[int] | None = None) -> None:
    """Copy the status of situations (these, or all) to their events'
    ``situation_status``; with all, events not linked get NULL."""
    if not has_v5(conn):
        return
    if situation_ids is None:
        conn.execute("UPDATE events SET situation_status = NULL "
                     "WHERE situation_status IS NOT NULL")
        conn.execute("""
            UPDATE events SET situation_status = s.status
            FROM situation_mentions m JOIN situations s ON s.situation_id = m.situation_id
            WHERE m.gid = events.gid""")
        return
    ids = sorted(set(situation_ids))
    if not ids:
        return
    conn.register("_sitroom_sync", pa.table({"id": pa.array(ids, pa.int64())}))
    try:
        conn.execute("""
            UPDATE events SET situation_status = s.status
            FROM situation_mentions m JOIN situations s ON s.situation_id = m.situation_id
            WHERE m.gid = events.gid AND m.situation_id IN (SELECT id FROM _sitroom_sync)""")
    finally:
        conn.unregister("_sitroom_sync")
