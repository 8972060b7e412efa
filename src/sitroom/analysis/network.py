"""The actor network: actors as nodes, directed source → target ties as weighted edges."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from sitroom.store.db import Database
from sitroom.store.query import EventFilter, where_clause


@dataclass(frozen=True)
class Network:
    """Nodes and edges of the actor network.

    Attributes:
        nodes: ``node, name, kind, country, events`` (events the node takes part in).
        edges: ``source, target, count, goldstein, coop_share, conflict_share``
            (shares of quad 1–2 and 3–4 events among the edge's events).
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame


def network(
    store: Database,
    *,
    level: str = "actor",
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    include_all: bool = False,
    min_count: int = 1,
) -> Network:
    """The weighted network of who acts on whom.

    Args:
        store: an open store.
        level: ``actor`` (global actors) or ``country`` (actors' countries).
        since, until: event date range.
        include_all: include non-actual and negated events.
        min_count: drop edges with fewer events.
    """
    if level not in ("actor", "country"):
        raise ValueError("level is 'actor' or 'country'")
    where, params = where_clause(store, EventFilter(since=since, until=until,
                                                    include_all=include_all))
    node = "CAST(x.actor_id AS VARCHAR)" if level == "actor" else "x.country"
    sel = f"""
    sel AS (
        SELECT e.gid, e.quad_class, e.goldstein FROM events e
        LEFT JOIN sources s ON s.doc_id = e.doc_id AND s.source_id = e.attribution
        WHERE {where}
    )"""
    edges_sql = f"""
    WITH {sel},
    pairs AS (
        SELECT DISTINCT sel.gid, sel.quad_class, sel.goldstein,
               {node.replace("x.", "sa.")} AS source, {node.replace("x.", "ta.")} AS target
        FROM sel
        JOIN event_actors sa ON sa.gid = sel.gid AND sa.role = 'source'
        JOIN event_actors ta ON ta.gid = sel.gid AND ta.role = 'target'
    )
    SELECT source, target, count(*) AS count, sum(goldstein) AS goldstein,
           avg(CASE WHEN quad_class IN (1, 2) THEN 1.0 ELSE 0.0 END) AS coop_share,
           avg(CASE WHEN quad_class IN (3, 4) THEN 1.0 ELSE 0.0 END) AS conflict_share
    FROM pairs WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
    GROUP BY source, target HAVING count(*) >= ?
    ORDER BY count DESC, source, target
    """
    edges = store.conn.execute(edges_sql, [*params, min_count]).df()
    if level == "actor":
        nodes_sql = f"""
        WITH {sel},
        part AS (SELECT DISTINCT ea.gid, ea.actor_id FROM event_actors ea
                 JOIN sel ON sel.gid = ea.gid WHERE ea.actor_id IS NOT NULL)
        SELECT CAST(a.actor_id AS VARCHAR) AS node, a.name, a.kind, a.country,
               count(*) AS events
        FROM part JOIN actors a ON a.actor_id = part.actor_id
        GROUP BY a.actor_id, a.name, a.kind, a.country
        ORDER BY events DESC, a.name, node
        """
    else:
        nodes_sql = f"""
        WITH {sel},
        part AS (SELECT DISTINCT ea.gid, ea.country FROM event_actors ea
                 JOIN sel ON sel.gid = ea.gid WHERE ea.country IS NOT NULL)
        SELECT country AS node, country AS name, 'country' AS kind, country,
               count(*) AS events
        FROM part GROUP BY country ORDER BY events DESC, node
        """
    nodes = store.conn.execute(nodes_sql, params).df()
    return Network(nodes=nodes, edges=edges)
