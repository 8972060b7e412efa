"""sitroom: news about international affairs turned into a sourced, queryable picture."""

__version__ = "0.1.0"
