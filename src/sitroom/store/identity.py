"""Actor identity across documents: the key that makes two mentions one actor.

Keys:
    person: ``person|<normalised name>|<country>``
    state: ``state|<country>|<sector>`` (``state||<name>`` without a country)
    igo: ``igo|<code>`` for a specific code (longer than three letters), else
        ``igo|<normalised name>``
    organization, group, nonstate: ``<kind>|<country>|<sector>|<normalised name>``

A person found without a country is matched against stored persons by full name, or
by surname when a one-word name matches exactly one stored person's surname (see
``sitroom.store.write``); that is how "Varga" learned with her title in one report is
known in the next.
"""

from __future__ import annotations

import re
import unicodedata

from sitroom.record import Actor

_NON_WORD = re.compile(r"[^\w]+")


def normalise_name(name: str) -> str:
    """Lower-case, accent-free, punctuation-free, single-spaced form of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", plain.lower()).split())


def surname(norm: str) -> str:
    """The last word of a normalised name ('' for an empty name)."""
    parts = norm.split()
    return parts[-1] if parts else ""


def actor_key(actor: Actor) -> str:
    """The global identity key of a document-local actor."""
    norm = normalise_name(actor.name)
    country = actor.country or ""
    sector = actor.sector or ""
    if actor.kind == "person":
        return f"person|{norm}|{country}"
    if actor.kind == "state":
        return f"state|{country}|{sector}" if country else f"state||{norm}"
    if actor.kind == "igo":
        code = (actor.code or "").upper()
        return f"igo|{code}" if len(code) > 3 else f"igo|{norm}"
    return f"{actor.kind}|{country}|{sector}|{norm}"
