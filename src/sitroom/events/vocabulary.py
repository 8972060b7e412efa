"""The event stage's word lists, loaded once from ``lexicons/data/words/events_*``.

Each constant is one data file (see ``docs/lexicons.md``); the comment above it says
what a rule does with it. The CAMEO knowledge (codes, frames, code groups) is in
``cameo.json`` and read through :mod:`sitroom.events.codebook`.
"""

from __future__ import annotations

from sitroom.lexicons import ordered, rows, words

#: The word files this module reads (their content versions are part of the event
#: lexicon's version, see :func:`sitroom.events.codebook.load_codebook`).
FILES = (
    "words/negators.txt", "words/events_object_synsets.tsv",
    "words/events_accepting_verbs.txt", "words/events_accompanying_preps.txt",
    "words/events_adopting_verbs.txt", "words/events_agent_nouns.txt",
    "words/events_agentive_suffixes.txt", "words/events_announcing_verbs.txt",
    "words/events_attack_nouns.txt", "words/events_condemnation_words.txt",
    "words/events_condition_marks.txt", "words/events_consider_verbs.txt",
    "words/events_control_preps.txt", "words/events_count_words.txt",
    "words/events_deontic_modals.txt", "words/events_first_person.txt",
    "words/events_future_modals.txt", "words/events_goal_nouns.txt",
    "words/events_hedging_adjectives.txt", "words/events_helping_verbs.txt",
    "words/events_hypothetical_modals.txt", "words/events_instrument_nouns.txt",
    "words/events_intent_nouns.txt", "words/events_it_pronouns.txt",
    "words/events_joining_verbs.txt", "words/events_measure_nouns.txt",
    "words/events_media_words.txt", "words/events_mediation_nouns.txt",
    "words/events_member_preps.txt", "words/events_naming_verbs.txt",
    "words/events_negating_verbs.tsv", "words/events_noun_doer_preps.txt",
    "words/events_own_pronouns.txt", "words/events_participating_verbs.txt",
    "words/events_participation_preps.txt", "words/events_place_preps.txt",
    "words/events_plan_verbs.txt", "words/events_promise_cues.txt",
    "words/events_protest_nouns.txt", "words/events_purpose_nouns.txt",
    "words/events_quantity_nouns.txt", "words/events_refusing_verbs.txt",
    "words/events_scheduled_adjectives.txt", "words/events_security_sectors.txt",
    "words/events_sibilant_endings.txt", "words/events_other_sense_particles.txt",
    "words/events_speaker_pronouns.txt", "words/events_speech_media.txt",
    "words/events_statement_nouns.txt",
    "words/events_statement_venue_preps.txt", "words/events_target_preps.txt",
    "words/events_threat_condition_marks.txt", "words/events_until_marks.txt",
    "words/events_verdict_verbs.txt", "words/events_vow_verbs.txt",
    "words/events_where_preps.txt",
)

# -- modality and polarity -------------------------------------------------------------
#: Negation words on a trigger or on the noun phrase it sits in.
NEGATIONS = words("negators")
FUTURE_MODALS = words("events_future_modals")
HYPOTHETICAL_MODALS = words("events_hypothetical_modals")
#: Verbs whose clausal complement is expected, not done: "plans to visit".
FUTURE_GOVERNORS = words("events_plan_verbs")
#: Marks of a clause that ends the act it modifies ("will fight until X withdraws").
UNTIL_MARKS = words("events_until_marks")
#: Governors of a promise or threat whose "until" clause is still open.
UNTIL_GOVERNORS = words("events_vow_verbs")
#: Verbs whose complement is only possible: "considering sanctions", "could choose to".
HYPOTHETICAL_GOVERNORS = words("events_consider_verbs")
#: Adjectives that make an event noun hypothetical or future.
HYPOTHETICAL_ADJECTIVES = words("events_hedging_adjectives")
FUTURE_ADJECTIVES = words("events_scheduled_adjectives")
CONDITION_MARKS = words("events_condition_marks")
#: Subjects of a copula whose complement is an aim, not a deed ("the goal is to …").
GOAL_NOUNS = words("events_goal_nouns")


def _negating_verbs() -> tuple[dict[str, str | None], frozenset[str]]:
    """``events_negating_verbs.tsv``: verb → linking word, and the silent ones."""
    table: dict[str, str | None] = {}
    silent: set[str] = set()
    for verb, link, kind in rows("events_negating_verbs", 3):
        table[verb] = None if link == "-" else link
        if kind == "silent":
            silent.add(verb)
    return table, frozenset(silent)


#: Verbs that negate the clause they govern, with the word that links it (None: bare),
#: and those of them that are not events themselves ("declined to comment").
NEGATORS, SILENT_NEGATORS = _negating_verbs()

# -- the verb lexicon -----------------------------------------------------------------
#: Noun endings after which the plural adds -es ("taxes"), for object words.
SIBILANT_ENDINGS = tuple(ordered("events_sibilant_endings"))

# -- triggers --------------------------------------------------------------------------
#: "verb particle" pairs that leave the verb's coded sense ("sworn in").
OTHER_SENSE_PARTICLES = words("events_other_sense_particles")
#: Verbs that put a label on their object ("called X a Y", "described X as Y").
NAMING_VERBS = words("events_naming_verbs")
#: Labels and their modifiers that make naming an act of criticism.
DEROGATORY = words("events_condemnation_words")
#: Verbs of finding that report their "that" clause like a statement ("ruled that").
VERDICT_VERBS = words("events_verdict_verbs")
#: Nouns that measure their "of" phrase ("tons of aid", "$5 million worth of goods").
MEASURE_NOUNS = words("events_measure_nouns")

# -- arguments -------------------------------------------------------------------------
#: Prepositions whose object is a place, never a target.
PLACE_PREPS = words("events_place_preps")
#: Prepositions tried for a target when the entry's own slots find none (in order).
FALLBACK_PREPS = ordered("events_target_preps")
#: Prepositions after a statement verb that say where it was said ("said on TV").
STATEMENT_VENUE_PREPS = words("events_statement_venue_preps")
#: Prepositions whose state object is where a material act happened.
WHERE_PREPS = words("events_where_preps")
#: Event nouns whose "between" parties are the targets, not the doers.
THIRD_PARTY_NOUNS = words("events_mediation_nouns")
#: Prepositions whose object is the doer of an event noun ("the attack by X").
NOUN_DOER_PREPS = words("events_noun_doer_preps")
#: Nouns that count or group their "of" phrase ("scores of refugees").
QUANTITY_NOUNS = words("events_quantity_nouns")
#: Words of large counts in a casualty count ("killed dozens").
COUNT_WORDS = words("events_count_words")
#: Endings of plural nouns of people who act ("supporters", "activists").
AGENTIVE_SUFFIXES = tuple(ordered("events_agentive_suffixes"))
#: Nouns of the means of an attack, which as a subject stand for the attack itself
#: ("the car bomb killed twelve", "the shelling wounded five").
ATTACK_MEANS = words("events_attack_nouns")
#: Nouns of people who stand for their country ("the leaders of China").
AGENT_NOUNS = words("events_agent_nouns")
#: Prepositions of "the leaders of China", "officials from both countries".
MEMBER_PREPS = words("events_member_preps")
#: Words that with "with" coordinate actors ("X along with Y").
ACCOMPANYING_PREPS = words("events_accompanying_preps")
#: Verbs whose event-noun object is the subject's own act ("announced a withdrawal").
ANNOUNCING = words("events_announcing_verbs")
#: Nouns of instruments whose clause is their adopter's act ("passed a law banning …").
INSTRUMENT_NOUNS = words("events_instrument_nouns")
#: Verbs of adopting an instrument (not of reacting to one: "condemned a law banning …").
ADOPTING = words("events_adopting_verbs")
#: Sectors of those who police a protest rather than hold it.
SECURITY_SECTORS = words("events_security_sectors")
#: Event nouns of collective protest ("during demonstrations against X").
PROTEST_NOUNS = words("events_protest_nouns")
#: Verbs whose subject takes part in the event noun they lead to ("arrived for talks").
PARTICIPATING = words("events_participating_verbs")
#: Prepositions by which such a verb leads to the event noun ("for talks").
PARTICIPATION_PREPS = words("events_participation_preps")
#: Prepositions whose gerund's doer is the governing verb's object.
CONTROL_PREPS = words("events_control_preps")
#: Verbs whose object does not control their infinitive ("helped X to").
HELPING_VERBS = words("events_helping_verbs")
#: Verbs whose passive subject acts with the agent ("X was joined by Y").
JOINING_VERBS = words("events_joining_verbs")
#: Verbs of a mutual act: coordinated doers with no receiver are each other's receivers.
RECIPROCAL_VERBS = words("events_reciprocal_verbs")
#: Pronouns that, inside a quotation, mean its speaker.
FIRST_PERSON = words("events_first_person")
#: Pronoun subjects of reported speech that mean its speaker when nothing else resolves.
SPEAKER_PRONOUNS = words("events_speaker_pronouns")
#: Possessives that make an object noun the subject's own ("reiterated its demand").
OWN_PRONOUNS = words("events_own_pronouns")
#: Nouns of documents and messages whose content clause is their issuer's act.
MESSAGE_NOUNS = words("events_statement_nouns")
#: Media and venues: a prepositional object that is one of these is never a target.
MEDIA_WORDS = words("events_media_words")
#: Nouns whose infinitive is their owner's act ("has no plans to", "made a bid to").
INTENT_NOUNS = words("events_intent_nouns")
#: Event nouns that, after "in", say why their clause's subject acts ("in protest").
PURPOSE_NOUNS = words("events_purpose_nouns")
#: Pronouns that refer to a state or body, resolved to the last such actor.
IT_PRONOUNS = words("events_it_pronouns")
#: Marks of the conditions a threat or promise hangs on ("if", "until").
THREAT_CONDITION_MARKS = words("events_threat_condition_marks")

# -- framing ---------------------------------------------------------------------------
#: Modals that make a reported clause a demand ("Sudan must return the helicopter").
DEONTIC = words("events_deontic_modals")
#: Words that mark a promise or plan rather than a guess.
FUTURE_WORDS = words("events_promise_cues")
#: Acts whose negation is a refusal ("will not sign the accord").
ACCEPTING = words("events_accepting_verbs")
REFUSING = words("events_refusing_verbs")

#: Media and forms of speech through which an act is only said ("attacked X on Twitter").
SPEECH_MEDIA = words("events_speech_media")
