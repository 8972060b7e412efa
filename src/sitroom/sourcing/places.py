"""Where an event happened: a locative phrase attached to the trigger, with its country."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

import pycountry
from spacy.tokens import Span, Token

from sitroom.actors.lexicon import load_lexicon
from sitroom.actors.model import ActorIndex
from sitroom.lexicons.files import on_clear
from sitroom.parsed.cache import doc_ents
from sitroom.record import Location
from sitroom.sourcing import gazetteer
from sitroom.sourcing.common import lexicon
from sitroom.sourcing.lexicon import place_suffixes

PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _fold(text: str) -> str:
    """Lower case without diacritics (``Baghdād`` → ``baghdad``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, frozenset[str]]:
    """Folded subdivision names (and their names without a generic suffix) → alpha-2 codes."""
    table: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        name = _fold(sub.name)
        names = {name}
        for suffix in place_suffixes():
            if name.endswith(suffix):
                names.add(name.removesuffix(suffix))
        for key in names:
            table.setdefault(key, set()).add(sub.country_code)
    return {k: frozenset(v) for k, v in table.items()}


def _lexicon_country(name: str) -> str | None:
    """The one country the actor lexicon gives a name or adjective (not IGO/NGO/MNC)."""
    countries = {
        e.country
        for e in load_lexicon().lookup(name)
        if e.country and e.country not in {"IGO", "NGO", "MNC"}
    }
    return countries.pop() if len(countries) == 1 else None


@lru_cache(maxsize=4096)
def country_of_place(text: str) -> str | None:
    """ISO alpha-3 country of a place name or adjective, or None when unknown.

    Tries the actor stage's lexicon first (country names, aliases and adjectives), then
    pycountry (countries by exact name, then first-level subdivisions such as capitals
    and provinces), then the capitalised parts of a longer name.
    """
    name = text.strip().removesuffix("\u2019s").removesuffix("'s").strip()
    if not name:
        return None
    if gazetteer.fold(name) in gazetteer.water_regions():
        return None  # a sea or region lies in no one country (Red Sea is not Sudan)
    found = _lexicon_country(name)
    if found:
        return found
    low = name.lower().removeprefix("the ")
    try:
        found_country: Any = pycountry.countries.lookup(name)
        return str(found_country.alpha_3)
    except LookupError:
        pass
    for country in pycountry.countries:
        if low in {getattr(country, "common_name", "").lower(), country.name.lower()}:
            return str(country.alpha_3)
    matches = _subdivisions().get(_fold(low), frozenset())
    if len(matches) == 1:
        match: Any = pycountry.countries.get(alpha_2=next(iter(matches)))
        return str(match.alpha_3) if match is not None else None
    words = name.split()
    if len(words) > 1:
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start : start + size])
                if part[:1].isupper():
                    found = country_of_place(part)
                    if found:
                        return found
    return None


on_clear(_subdivisions.cache_clear)
on_clear(country_of_place.cache_clear)


def _place_in(tokens: Span) -> Span | None:
    for ent in doc_ents(tokens.doc):
        if ent.label_ in PLACE_LABELS and ent.start >= tokens.start and ent.end <= tokens.end:
            return ent
    for ent in doc_ents(tokens.doc):
        if ent.label_ == "NORP" and ent.start >= tokens.start and ent.end <= tokens.end:
            return ent
    return None


def _country(ent: Span, actors: ActorIndex | None) -> str | None:
    if actors is not None:
        for i in range(ent.start, ent.end):
            actor_id = actors.at_token(i)
            actor = actors.actor(actor_id) if actor_id else None
            if actor is not None and actor.kind == "state" and actor.country:
                return actor.country
    return country_of_place(ent.text)


def _locative_preps(token: Token) -> list[Token]:
    preps = set(lexicon()["places"]["prepositions"])
    return [c for c in token.children if c.dep_ == "prep" and c.lower_ in preps]


def location_for(trigger: Token, actors: ActorIndex | None = None) -> Location | None:
    """Where the event of ``trigger`` happened, or None.

    Looks at locative prepositions (in, at, near, off, outside…) attached to the
    trigger, then to its object or its governing verb, whose object holds a place entity.
    """
    doc = trigger.doc
    candidates = [trigger]
    candidates += [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    if trigger.dep_ in {"xcomp", "conj", "dobj", "pobj"} and trigger.pos_ != "VERB":
        candidates.append(trigger.head)
    for head in candidates:
        preps = _locative_preps(head)
        found: list[tuple[Token, Span]] = []
        for prep in preps:
            phrase = doc[prep.i : prep.right_edge.i + 1]
            place = _place_in(phrase)
            if place is None and not found:
                continue
            found.append((prep, phrase))
        if not found:
            continue
        first_prep, first_phrase = found[0]
        end = first_phrase.end
        for _prep, phrase in found[1:]:
            gap = doc[end : phrase.start]
            if all(t.is_punct and t.text == "," for t in gap) and len(gap) <= 1:
                end = phrase.end
            else:
                break
        span = doc[first_prep.i : end]
        while len(span) > 1 and span[-1].is_punct:
            span = span[: len(span) - 1]
        place = _place_in(span)
        country = _country(place, actors) if place is not None else None
        resolved = gazetteer.resolve(place.text, country) if place is not None else None
        if resolved is not None and resolved.feature not in {"country", "city"}:
            country = None
        elif resolved is not None and country is not None and resolved.country != country:
            resolved = None  # the gazetteer and the actors disagree: keep the country only
        if resolved is None:
            return Location(span.text, country, span.start_char, span.end_char)
        return Location(span.text, country or resolved.country, span.start_char, span.end_char,
                        name=resolved.name, feature=resolved.feature, lat=resolved.lat,
                        lon=resolved.lon,
                        geonames_id=resolved.geonames_id)
    return None
