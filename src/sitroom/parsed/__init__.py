"""The parsed document: per-Doc memos and extensions shared by every stage (below all stages)."""
