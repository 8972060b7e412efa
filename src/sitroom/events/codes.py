"""The records of the event codebook: a CAMEO code and a verb-lexicon entry.

Both are built, validated, by :mod:`sitroom.events.codebook_files` from the lexicon
files; :mod:`sitroom.events.codebook` holds them together.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.errors import LexiconError


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its weights and PLOVER equivalent.

    Attributes:
        code: the code as a string, leading zero kept ("042").
        name: the CAMEO description.
        goldstein: the Goldstein conflict-cooperation weight, -10 to 10.
        quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
            4 material conflict (from the root).
        plover: the PLOVER 0.8 type, or None for codes without one (statements).
        plover_mode: the PLOVER mode, or None.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit root ("04" for "042")."""
        return self.code[:2]


@dataclass(frozen=True)
class VerbEntry:
    """One way a word triggers an event.

    Attributes:
        id: unique id in the lexicon ("impose.sanctions").
        lemma: the verb or noun lemma, lower case.
        pos: "VERB" or "NOUN".
        cameo: the CAMEO code it gives.
        target: slots tried in order for the target ("dobj", "iobj", "dative",
            "poss", "agent", "prep:<word>").
        particle: a required verb particle ("shoot down").
        prep: a required preposition child ("call for").
        objects: required object lemmas (word classes expanded), empty for none.
        plover: a PLOVER type that overrides the crosswalk, or None.
        plover_mode: a PLOVER mode that overrides the crosswalk's, or None.
        complement: the modality given to a clause it governs ("requested" for
            "urged China to curb"), or None.
        statement: a plain statement verb ("say"), coded 011 when negated.
        object_classes: the classes its object list names ("@MILITARY" → "MILITARY"),
            which WordNet may also fill (:mod:`~sitroom.events.classes`).
    """

    id: str
    lemma: str
    pos: str
    cameo: str
    target: tuple[str, ...] = ("dobj",)
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    plover: str | None = None
    plover_mode: str | None = None
    complement: str | None = None
    statement: bool = False
    object_classes: frozenset[str] = frozenset()


def quad_class(code: str) -> int:
    """The quad class of a CAMEO code, from its root.

    Args:
        code: a CAMEO code such as "0211" or "19".

    Returns:
        1 (roots 01-05), 2 (06-08), 3 (09-13) or 4 (14-20).

    Raises:
        LexiconError: the root is not 01-20.
    """
    try:
        root = int(code[:2])
    except ValueError as exc:
        raise LexiconError(f"not a CAMEO code: {code!r}") from exc
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    raise LexiconError(f"CAMEO root out of range: {code!r}")

