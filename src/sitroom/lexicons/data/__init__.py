"""Data files of the lexicons (not code)."""
