"""Sourcing: who says so and how surely.

Pure functions over a parsed spaCy ``Doc`` (and the actor stage's ``ActorIndex``):
quotes and speakers, sources and attribution, certainty and hedges, quantities,
places, dates and standing relations between actors.
"""

from sitroom.sourcing.certainty import certainty_of, hedges_of
from sitroom.sourcing.dates import date_for, resolve_date_text
from sitroom.sourcing.lexicon import lexicon_version
from sitroom.sourcing.places import country_of_place, location_for
from sitroom.sourcing.quantities import QuantityFinding, find_quantities, quantities_for
from sitroom.sourcing.quotes import find_quotes
from sitroom.sourcing.relations import find_relations
from sitroom.sourcing.sources import (
    SourceFinding,
    attribution_for,
    distinct_sources,
    find_sources,
)

__all__ = [
    "QuantityFinding",
    "SourceFinding",
    "attribution_for",
    "certainty_of",
    "country_of_place",
    "date_for",
    "distinct_sources",
    "find_quantities",
    "find_quotes",
    "find_relations",
    "find_sources",
    "hedges_of",
    "lexicon_version",
    "location_for",
    "quantities_for",
    "resolve_date_text",
]
