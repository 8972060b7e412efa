"""The actor network: actors as nodes, directed source → target ties as weighted edges.

Computed in DuckDB over the events table alone (each event keeps its actors and their
countries per role, :mod:`sitroom.store.sides`), one query for the edges and one for
the nodes, and cached per store version (:mod:`sitroom.analysis.cache`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from sitroom.analysis.cache import cached
from sitroom.analysis.series import event_source
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

    def compute() -> Network:
        return _network(store, level, since, until, include_all, min_count)

    found = cached(store, ("network", level, str(since), str(until), include_all, min_count),
                   compute)
    return Network(nodes=found.nodes.copy(), edges=found.edges.copy())


def _network(store: Database, level: str, since: str | dt.date | None,
             until: str | dt.date | None, include_all: bool, min_count: int) -> Network:
    where, params = where_clause(store, EventFilter(since=since, until=until,
                                                    include_all=include_all))
    # The side columns hold each event's distinct actors and countries per role
    # (sitroom.store.sides): one scan of events, no join.
    side = "ids" if level == "actor" else "countries"
    node = "CAST({} AS VARCHAR)" if level == "actor" else "{}"
    sel = (f"sel AS (SELECT e.quad_class, e.goldstein, e.src_{side} AS srcs, "
           f"e.tgt_{side} AS tgts FROM {event_source(where)} WHERE {where})")
    edges_sql = f"""
    WITH {sel},
    one AS (SELECT quad_class, goldstein, unnest(srcs) AS source, tgts FROM sel),
    pairs AS (
        SELECT quad_class, goldstein, {node.format("source")} AS source,
               {node.format("unnest(tgts)")} AS target
        FROM one
    )
    SELECT source, target, count(*) AS count, sum(goldstein) AS goldstein,
           avg(CASE WHEN quad_class IN (1, 2) THEN 1.0 ELSE 0.0 END) AS coop_share,
           avg(CASE WHEN quad_class IN (3, 4) THEN 1.0 ELSE 0.0 END) AS conflict_share
    FROM pairs WHERE source <> target
    GROUP BY source, target HAVING count(*) >= ?
    ORDER BY count DESC, source, target
    """
    edges = store.conn.execute(edges_sql, [*params, min_count]).df()
    # An event counts once for each node: its sources, and its targets that are not
    # also among its sources.
    part = """
        part AS (SELECT unnest(srcs) AS node FROM sel UNION ALL
                 SELECT unnest(list_filter(tgts, lambda t: NOT list_contains(srcs, t)))
                 FROM sel),
        counted AS (SELECT node, count(*) AS events FROM part GROUP BY node)"""
    if level == "actor":
        nodes_sql = f"""
        WITH {sel},{part}
        SELECT CAST(a.actor_id AS VARCHAR) AS node, a.name, a.kind, a.country,
               counted.events
        FROM counted JOIN actors a ON a.actor_id = counted.node
        ORDER BY events DESC, a.name, node
        """
    else:
        nodes_sql = f"""
        WITH {sel},{part}
        SELECT node, node AS name, 'country' AS kind, node AS country, events
        FROM counted ORDER BY events DESC, node
        """
    nodes = store.conn.execute(nodes_sql, params).df()
    return Network(nodes=nodes, edges=edges)
