"""SQL views in the store file, for R/DBI, DuckDB CLI and other SQL users.

The tables keep ids (actors by number, events by document-local id); these views join
them into readable rows, so ``tbl(con, "v_dyads")`` in R shows names and countries, not
raw ids. They are (re)created whenever the store is opened writable; a read-only open
uses those already in the file.

* ``v_events``: one row per event with its document's title, URL and date, and the
  text and kind of the source it is attributed to;
* ``v_event_actors``: one row per event–actor with the actor's name, kind, country,
  sector and code, and its role (``source``/``target``);
* ``v_dyads``: one row per event–dyad (source × target; an event with no target gives
  rows with an empty target), the flat frame of event-data analysis.
"""

from __future__ import annotations

import duckdb

#: name → SELECT of every view.
VIEWS: dict[str, str] = {
    "v_events": """
        SELECT e.gid, e.doc_id, e.event_id, coalesce(e.event_date, d.published_date) AS date,
               e.plover, e.plover_mode, e.cameo, e.quad_class, e.goldstein,
               e.modality, e.polarity, e.certainty, e.counted,
               e.trigger_text, e.sentence_index, e.location_text, e.location_country,
               s.text AS source_text, s.kind AS source_kind, s.anonymous AS source_anonymous,
               d.title, d.url, d.published_date AS published
        FROM events e
        JOIN documents d ON d.doc_id = e.doc_id
        LEFT JOIN sources s ON s.doc_id = e.doc_id AND s.source_id = e.attribution""",
    "v_event_actors": """
        SELECT ea.gid, ea.doc_id, ea.role, ea.pos, ea.actor_id, a.name, a.kind,
               coalesce(ea.country, a.country) AS country,
               coalesce(da.sector, a.sector) AS sector, coalesce(da.code, a.code) AS code
        FROM event_actors ea
        LEFT JOIN actors a ON a.actor_id = ea.actor_id
        LEFT JOIN doc_actors da ON da.doc_id = ea.doc_id AND da.local_id = ea.local_id""",
    "v_dyads": """
        SELECT e.*, src.actor_id AS source_id, src.name AS source_name,
               src.country AS source_country, src.code AS source_code,
               src.sector AS source_sector, tgt.actor_id AS target_id,
               tgt.name AS target_name, tgt.country AS target_country,
               tgt.code AS target_code, tgt.sector AS target_sector
        FROM v_events e
        LEFT JOIN v_event_actors src ON src.gid = e.gid AND src.role = 'source'
        LEFT JOIN v_event_actors tgt ON tgt.gid = e.gid AND tgt.role = 'target'""",
}


def create_views(conn: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every view (in declaration order: later views use earlier)."""
    for name, select in VIEWS.items():
        conn.execute(f"CREATE OR REPLACE VIEW {name} AS {select}")
