"""Find the events actors do to each other in a parsed document.

The extractor reads each story sentence's dependency parse. A verb (or an event
noun) whose lemma has an entry in the verb lexicon is a trigger; the entry whose
conditions (particle, preposition, object class) hold best gives the CAMEO code.
Source and target come from the parse: subject, object, prepositional objects,
passive agents and coordination, never from word order. How the text says it
(modality, polarity) comes from auxiliaries, negation and governing verbs; a
verb of appeal or threat makes the clause it governs a child event (``parent``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from sitroom.actors.model import ActorIndex
from sitroom.errors import LexiconError
from sitroom.events.codebook import Codebook, VerbEntry, load_codebook
from sitroom.events.modality import GOAL_NOUNS, Judgement, complement_modality, judge
from sitroom.parsed.cache import doc_sents
from sitroom.record import Event, SentenceRef
from sitroom.record import Span as Evidence

#: Dependency labels of clauses that a governing verb makes the content of.
CLAUSAL = {"xcomp", "ccomp"}
#: Prepositions whose object is a place, never a target.
PLACE_PREPS = {"in", "near", "inside", "outside", "across", "throughout", "within", "off",
               "along", "around", "during", "since", "until", "after", "before"}
#: Prepositions tried for a target when the entry's own slots find none.
FALLBACK_PREPS = ("with", "against", "to", "on", "toward", "towards", "at", "over",
                  "from", "for", "into")
#: Dependency labels under a governing verb that make a clause its content.
GOVERNED = {"xcomp", "ccomp", "pcomp", "pobj", "dobj"}
#: Modals that make a reported clause a demand ("Sudan must return the helicopter").
DEONTIC = {"must", "should", "ought"}
#: Words that mark a promise or plan rather than a guess.
FUTURE_WORDS = {"will", "shall", "'ll", "wo", "would"} | {
    "plan", "intend", "promise", "pledge", "vow", "offer", "agree", "prepare", "set",
    "willing", "ready", "prepared", "committed", "determined", "eager", "poised"}
COOPERATION_ROOTS = {"04", "05", "06", "07", "08"}
#: Roots of acts done somewhere, whose place may name their target.
MATERIAL_ROOTS = {"08", "14", "15", "16", "17", "18", "19", "20"}
#: Event nouns whose "between" parties are the targets, not the doers.
THIRD_PARTY_NOUNS = {"mediation", "arbitration", "effort", "initiative", "brokering",
                     "facilitation", "shuttle"}
#: Nouns that measure their "of" phrase ("tons of aid", "$5 million worth of goods").
MEASURE_NOUNS = {"kg", "kilogram", "ton", "tonne", "tons", "pound", "litre", "liter", "barrel",
                 "worth", "shipment", "consignment", "load", "convoy", "batch", "package",
                 "amount", "quantity", "lot", "dollar", "million", "billion", "truckload"}
#: Nouns that count or group their "of" phrase ("scores of refugees").
QUANTITY_NOUNS = {"group", "number", "score", "dozen", "hundred", "thousand", "million",
                  "couple", "handful", "member", "part", "delegation", "team", "band",
                  "contingent", "unit", "wave", "batch"}
CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
#: Roots of violent acts, whose event-noun subjects co-refer with an earlier attack.
VIOLENT_ROOTS = {"18", "19", "20"}
#: Nouns of the means of an attack, which as a subject stand for the attack itself
#: ("the car bomb killed twelve", "the shelling wounded five").
ATTACK_MEANS = {"bomb", "bombing", "blast", "explosion", "explosive", "missile", "rocket",
                "drone", "shelling", "shell", "mortar", "grenade", "airstrike", "strike",
                "raid", "attack", "assault", "ambush", "bombardment", "barrage", "gunfire",
                "shooting", "ied", "detonation"}
#: How many story sentences back an attack noun may find its doer.
COREFERENCE_WINDOW = 5
#: Acts whose negation is a refusal ("will not sign the accord").
ACCEPTING = {"accept", "agree", "allow", "approve", "endorse", "recognize", "recognise",
             "support", "back", "permit", "sign", "ratify", "join", "resign", "release"}
REFUSING = {"decline", "refuse", "fail"}
#: The frame a governing event's CAMEO root puts its content in.
FRAME_OF_ROOT = {"02": "appeal", "10": "demand", "13": "threat", "03": "intent",
                 "12": "refusal"}
#: Codes when a statement frames an act CAMEO has no framed code for.
FRAME_DEFAULT = {"demand": "100", "intent": "030", "threat": "130"}
#: Nouns of people who stand for their country ("the leaders of China").
AGENT_NOUNS = {"leader", "official", "head", "minister", "government", "representative",
               "member", "delegation", "spokesperson", "spokesman", "spokeswoman", "envoy",
               "army", "force", "troop", "president", "people", "citizen", "authority",
               "diplomat", "negotiator", "ambassador", "military", "navy", "police",
               "soldier", "rebel", "militant", "delegate", "administration", "regime"}
#: Verbs whose event-noun object is the subject's own act ("announced a withdrawal").
ANNOUNCING = {"announce", "order", "declare", "unveil", "launch", "begin", "start",
              "complete", "finish", "authorize", "approve", "carry", "conduct", "mount",
              # verbs of managing one's own act's pace ("sped up the withdrawal"); not
              # verbs of reacting to another's ("condemned the attack")
              "speed", "accelerate", "hasten", "expedite", "step", "intensify", "escalate",
              "finalize", "finalise", "undertake", "stage", "organize", "organise"}
#: Nouns of instruments whose clause is their adopter's act ("passed a law banning …").
INSTRUMENT_NOUNS = {"law", "bill", "legislation", "measure", "act", "treaty", "agreement",
                    "accord", "deal", "amendment", "charter", "protocol", "pact", "convention",
                    "regulation", "directive", "ordinance", "edict"}
#: Verbs of adopting an instrument (not of reacting to one: "condemned a law banning …").
ADOPTING = {"approve", "pass", "adopt", "sign", "enact", "ratify", "issue", "introduce",
            "draft", "propose", "endorse", "conclude", "unveil", "announce", "table"}
#: Sectors of those who police a protest rather than hold it.
SECURITY_SECTORS = {"COP", "MIL", "SPY"}
#: Coercive acts done by the authorities of the state where they happen: a passive
#: with no agent ("a journalist was arrested in Iran") makes that state the doer.
AUTHORITY_CODES = {"172", "1721", "1722", "1723", "1724", "173", "174", "175"}
#: Moves of forces whose passive subject's owner is the mover ("peacekeepers were
#: pulled out of X", "troops were withdrawn from Y"), like force posture (15x).
MOVEMENT_CODES = {"0874", "1661", "074"}
#: Event nouns of collective protest ("during demonstrations against X").
PROTEST_NOUNS = {"demonstration", "protest", "rally", "march", "strike", "riot", "sit-in",
                 "boycott", "uprising", "intifada"}
#: Verbs whose subject takes part in the event noun they lead to ("arrived for talks").
PARTICIPATING = {"return", "travel", "arrive", "go", "come", "fly", "head", "gather",
                 "meet", "attend", "join", "participate", "engage", "take", "sit",
                 "convene", "assemble", "resume", "continue", "begin", "start"}
#: Prepositions whose gerund's doer is the governing verb's object.
CONTROL_PREPS = {"of", "against", "from", "for", "into"}
#: Pronouns that, inside a quotation, mean its speaker.
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
#: Pronoun subjects of reported speech that mean its speaker when nothing else resolves.
SPEAKER_PRONOUNS = {"he", "she", "they", "we", "it"}
#: Possessives that make an object noun the subject's own ("reiterated its demand").
OWN_PRONOUNS = {"its", "their", "his", "her", "our"}
#: Nouns of documents and messages whose content clause is their issuer's act.
MESSAGE_NOUNS = {"statement", "declaration", "communique", "communiqué", "letter", "note",
                 "resolution", "appeal", "message", "ultimatum", "memo", "memorandum",
                 "report", "press", "release", "decree", "order", "motion", "petition"}
#: Media and venues: a prepositional object that is one of these is never a target.
MEDIA_WORDS = {"twitter", "x", "facebook", "telegram", "instagram", "youtube", "tiktok",
               "weibo", "tv", "television", "radio", "website", "blog", "podcast", "broadcast",
               "interview", "programme", "program", "show", "channel", "newspaper", "media",
               "platform", "press", "camera", "think", "tank", "forum", "panel", "event",
               "briefing", "conference", "rally", "ceremony", "university", "institute",
               "institution"}
#: Nouns whose infinitive is their owner's act ("has no plans to", "made a bid to").
INTENT_NOUNS = {"decision", "bid", "attempt", "effort", "promise", "pledge", "offer",
                "proposal", "willingness", "readiness", "commitment", "intent", "vow"}
#: Verbs that put a label on their object ("called X a Y", "described X as Y").
NAMING_VERBS = {"call", "label", "dub", "term", "describe"}
#: Labels and their modifiers that make naming an act of criticism.
DEROGATORY = {
    "coward", "cowardly", "barbaric", "barbarian", "heinous", "despicable", "shameful",
    "disgraceful", "disgrace", "criminal", "crime", "terrorist", "terror", "terrorism",
    "murderer", "murderous", "butcher", "thug", "liar", "lie", "dictator", "tyrant",
    "aggressor", "aggression", "provocation", "provocative", "reckless", "irresponsible",
    "unacceptable", "outrageous", "outrage", "illegal", "illegitimate", "brutal",
    "atrocity", "massacre", "genocide", "genocidal", "betrayal", "treacherous", "traitor",
    "hostile", "threat", "menace", "danger", "dangerous", "insult", "puppet", "rogue",
    "racist", "fascist", "nazi", "hypocrite", "hypocritical", "hypocrisy", "absurd",
    "ridiculous", "shame", "scandal", "scandalous", "violation", "abuse", "vile",
    "evil", "savage", "inhumane", "stab", "mistake", "blunder", "failure", "farce",
    "sham", "cynical", "propaganda", "occupier", "invader", "occupation"}
#: Verbs of finding that report their "that" clause like a statement ("ruled that").
VERDICT_VERBS = {"conclude", "find", "rule"}
#: Event nouns that, after "in", say why their clause's subject acts ("in protest").
PURPOSE_NOUNS = {"protest", "retaliation", "reprisal", "solidarity", "defiance"}
#: Pronouns that refer to a state or body, resolved to the last such actor.
IT_PRONOUNS = {"it", "its", "itself"}


@dataclass(frozen=True)
class EventSettings:
    """Settings of the event stage (from the pipeline config).

    Attributes:
        nominal: code event nouns ("the deployment", "Russia's aggression").
        statements: keep plain statements (CAMEO 010) as events.
    """

    nominal: bool = True
    statements: bool = True


@dataclass
class _Draft:
    trigger: Token
    entry: VerbEntry
    cameo: str
    source: list[str]
    target: list[str]
    judgement: Judgement
    parent: int | None = None  # index of the parent draft
    rule: str = ""
    extra_cues: list[Token] = field(default_factory=list)


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sent.start: n for n, sent in enumerate(doc_sents(doc))}


class _Resolver:
    """Maps parse tokens to actor ids, with coordination and ``it`` resolution."""

    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc = doc
        self.actors = actors
        self.kinds = {a.id: a.kind for a in actors.actors}
        self.quotes = tuple(doc._.quotes) if Doc.has_extension("quotes") else ()

    def it_antecedent(self, token: Token) -> str | None:
        """The state or body ``it`` refers to (same or previous sentence).

        A subject ``it`` prefers the latest subject; an object ``it`` the latest actor
        that is not a subject (a pronoun object rarely means its clause's subject).
        """
        prev_sents = [s for s in doc_sents(self.doc) if s.end <= token.sent.start]
        floor = prev_sents[-1].start if prev_sents else 0
        earlier = [m for m in self.actors.mentions
                   if floor <= m.start and m.end <= token.i
                   and self.kinds.get(m.actor_id) not in {"person", None}]
        if not earlier:
            return None
        subject_deps = {"nsubj", "nsubjpass"}
        is_subject = token.dep_ in subject_deps

        def role_ok(m: object) -> bool:
            head = self.doc[m.head]  # type: ignore[attr-defined]
            while head.dep_ == "conj":
                head = head.head
            return (head.dep_ in subject_deps) == is_subject

        preferred = [m for m in earlier if role_ok(m)]
        chosen = max(preferred or earlier, key=lambda m: m.end)
        return chosen.actor_id

    def at(self, token: Token) -> list[str]:
        """Actors named by the phrase headed by ``token`` (with its conjuncts)."""
        found: list[str] = []
        for head in self._coordinated(token):
            actor = self._one(head)
            if actor and actor not in found:
                found.append(actor)
            # "U.S. and Russian negotiators": coordinated modifiers name several actors.
            for child in head.children:
                if child.dep_ in {"amod", "compound", "nmod"}:
                    for conj in child.children:
                        other = self.actors.at_token(conj.i) if conj.dep_ == "conj" else None
                        if other and other not in found:
                            found.append(other)
        return found

    def _one(self, token: Token) -> str | None:
        actor = self.actors.at_token(token.i)
        if actor:
            return actor
        if token.lower_ in IT_PRONOUNS:
            return self.it_antecedent(token)
        if token.lower_ in FIRST_PERSON:
            return self.quote_speaker(token)
        # "the leaders of China", "officials from both countries": look inside.
        for child in token.children:
            if (child.dep_ == "prep" and child.lower_ in {"of", "from"}
                    and token.lemma_.lower() in AGENT_NOUNS | QUANTITY_NOUNS):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = self.actors.at_token(pobj.i)
                        if inner:
                            return inner
            if child.dep_ in {"compound", "amod", "nmod"} or (
                    child.dep_ == "poss" and token.lemma_.lower() in AGENT_NOUNS):
                # "Iranian officials", "China's government" — but "his associates"
                # are not him.
                inner = self.actors.at_token(child.i)
                if inner:
                    return inner
        return None

    def quote_speaker(self, token: Token) -> str | None:
        """Inside a quotation, "I" and "we" are its speaker."""
        for quote in self.quotes:
            if quote.start <= token.idx < quote.end:
                return quote.speaker
        return None

    def inside(self, token: Token, after: bool = False) -> list[str]:
        """Actors named anywhere in a noun phrase, outside its clauses, nearest first.

        Args:
            token: the phrase's head.
            after: only tokens after the head (for an event noun's own arguments).
        """
        blocked = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc"}
        found: list[str] = []
        stack = [c for c in token.children if c.dep_ not in blocked]
        tokens: list[Token] = []
        while stack:
            node = stack.pop()
            tokens.append(node)
            stack.extend(c for c in node.children if c.dep_ not in blocked)
        for node in sorted(tokens, key=lambda t: abs(t.i - token.i)):
            if after and node.i < token.i:
                continue
            actor = self.actors.at_token(node.i)
            if actor and actor not in found:
                found.append(actor)
        return found

    @staticmethod
    def _coordinated(token: Token) -> Iterable[Token]:
        yield token
        for child in token.children:
            if child.dep_ == "conj":
                yield from _Resolver._coordinated(child)
            elif child.dep_ == "prep" and child.lower_ in {"along", "together"}:
                for inner in child.children:
                    if inner.dep_ == "prep" and inner.lower_ == "with":
                        for pobj in inner.children:
                            if pobj.dep_ == "pobj":
                                yield from _Resolver._coordinated(pobj)
            elif child.dep_ == "prep" and child.lower_ == "alongside":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        yield from _Resolver._coordinated(pobj)


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, prep: str) -> list[Token]:
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
            found += [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if prep == "out":
                # "pulled out of X": the parser hangs "of X" under "out"
                found += _prep_objects(child, "of")
    return found


def _counted_object(token: Token) -> bool:
    """Whether a verb's object counts people ("killed twelve", "wounded dozens")."""
    for obj in _children(token, "dobj", "obj"):
        for t in obj.subtree:
            if t.like_num or t.lemma_.lower() in {"dozen", "score", "hundred", "thousand"}:
                return True
    return False


def _object(token: Token) -> Token | None:
    objects = _children(token, "dobj", "obj")
    if objects:
        return objects[0]
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobjs = _children(child, "pobj")
                if pobjs:
                    return pobjs[0]
    passive = _children(token, "nsubjpass")
    return passive[0] if passive else None


def _own_pronoun(token: Token) -> bool:
    """Whether an object noun is owned by a possessive pronoun ("its demand")."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in token.children)


def _one_statement_per_speaker(drafts: list[_Draft]) -> list[_Draft]:
    """Drop a statement that only frames another by the same speaker.

    "Speaking to reporters, he said …": the participle and the verb of saying are one
    statement; the one that governs the content is kept.
    """
    statements = {d.trigger.i: d for d in drafts if d.entry.statement}
    dropped: set[int] = set()
    for draft in statements.values():
        trigger = draft.trigger
        if trigger.dep_ != "advcl" or trigger.head.i not in statements:
            continue
        other = statements[trigger.head.i]
        if not set(draft.source) & set(other.source):
            continue
        if not any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in trigger.children):
            dropped.add(trigger.i)  # "Speaking to reporters, …": says nothing itself
    return [d for d in drafts if d.trigger.i not in dropped]


def _misparsed_verb(token: Token) -> Token | None:
    """The subject of a finite verb the parser made a modifier of its object, if any.

    "X on Monday hosted Y …" is at times parsed with "hosted" as an adjective on Y and
    X as the sentence's root: a finite past or present form cannot be attributive, so
    the root noun before it is its subject and the noun it modifies its object.
    """
    if token.dep_ != "amod" or token.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    root = token.sent.root
    if root.pos_ in {"NOUN", "PROPN"} and root.i < token.i < token.head.i:
        return root
    return None


def _active(token: Token) -> bool:
    """Whether a verb without its own subject is active ("… and will resign").

    A bare past participle ("was arrested and jailed") shares its head's passive voice.
    """
    if any(c.dep_ == "auxpass" for c in token.children):
        return False
    return token.tag_ in {"VB", "VBD", "VBZ", "VBP", "VBG"} or any(
        c.dep_ == "aux" for c in token.children)


def _human(token: Token) -> bool:
    """Whether a noun phrase with no actor still names people who can act.

    "About 200 supporters", "hundreds of people", "Muslim hackers", "members of X":
    counted plurals, role nouns of the actor lexicon, and nouns in ``-er``/``-ist``.
    """
    from sitroom.actors.lexicon import load_lexicon

    lemma = token.lemma_.lower()
    if token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or lemma in QUANTITY_NOUNS:
        return True
    if any(c.dep_ == "nummod" for c in token.children) and token.tag_ == "NNS":
        return True
    if load_lexicon().noun(lemma) is not None:
        return True
    return token.tag_ == "NNS" and lemma.endswith(("er", "ist", "ant", "ent", "an", "or"))


def _unless(token: Token) -> bool:
    """Whether an act is promised only on a condition ("will withdraw unless X …").

    A promise held over another party's conduct is a threat, not an intent.
    """
    return any(
        child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                      for m in child.children)
        for child in token.children
    )


def _derogatory_label(token: Token) -> bool:
    """Whether a naming verb's label is an insult ("called X a cowardly act").

    The label is the object predicate ("oprd"), an "as" phrase ("described X as
    barbaric"), or a second object the parser mislabels; its head or a modifier must be
    a word of condemnation.
    """
    labels = _children(token, "oprd", "acomp")
    # "as" phrases: "as a threat" (pobj), "as provocative" (an adjective under "as")
    labels += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
               for g in c.children if g.dep_ in {"pobj", "pcomp", "amod", "acomp"}]
    objects = _children(token, "dobj", "obj")
    if len(objects) > 1:
        labels += objects[1:]
    for obj in objects:
        labels += [c for c in obj.children if c.dep_ in {"appos", "oprd"}]
        labels += _prep_objects(obj, "as")
    for label in labels:
        words = {label.lemma_.lower()} | {c.lemma_.lower() for c in label.children
                                         if c.dep_ in {"amod", "compound", "advmod"}}
        if words & DEROGATORY:
            return True
    return False


def _is_condition(clause: Token) -> bool:
    # "will fight until Ethiopia withdraws": the ending is the condition, too.
    return clause.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in {"if", "unless", "until", "till"}
        for m in clause.children)


def _conditions(token: Token) -> list[Token]:
    """The "if"/"unless" clauses a threat or promise hangs on, nearest first.

    The condition may attach to any verb of the promised act ("threatened to stop the
    talks to cut arms if X deploys": on "cut"), or to a verb above the trigger ("will
    strike, the minister said, if …"); not inside another statement's content.
    """
    found: list[Token] = []
    stack = [c for c in token.children if c.dep_ in {"xcomp", "ccomp", "advcl", "dobj"}]
    while stack:
        node = stack.pop()
        if _is_condition(node):
            found.append(node)
            continue
        if node.dep_ in {"xcomp", "ccomp", "dobj", "acl", "conj", "advcl"}:
            stack.extend(c for c in node.children
                         if c.dep_ in {"xcomp", "ccomp", "advcl", "dobj", "acl"})
    node = token
    for _ in range(4):
        if node.dep_ not in {"xcomp", "ccomp", "conj"} or node.head is node:
            break
        node = node.head
        found += [c for c in node.children if _is_condition(c)]
    return sorted(found, key=lambda c: abs(c.i - token.i))


def _object_words(obj: Token) -> set[str]:
    """Words an object condition may match: the head, compound + head, conjuncts."""
    # conjuncts, and appositions ("signed the Free Trade Area (AfCFTA) agreement")
    heads = [obj] + [c for c in obj.children if c.dep_ in {"conj", "appos"}]
    if obj.lemma_.lower() in MEASURE_NOUNS or any(c.dep_ == "nummod" for c in obj.children):
        # "700 kg of medicine", "tons of food aid": the measured thing is the object.
        heads += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
    words: set[str] = set()
    for head in heads:
        lemma = head.lemma_.lower()
        words |= {lemma, head.lower_}
        for child in head.children:
            if child.dep_ in {"compound", "amod"} and child.i == head.i - 1:
                words.add(f"{child.lower_} {lemma}")
                words.add(f"{child.lower_} {head.lower_}")
    return words


def _entry_score(entry: VerbEntry, token: Token) -> int | None:
    """How well an entry's conditions hold for a trigger (None: they don't)."""
    score = 0
    if entry.particle:
        if not any(c.dep_ == "prt" and c.lower_ == entry.particle for c in token.children):
            return None
        score += 2
    if entry.prep:
        if not any(c.dep_ in {"prep", "agent", "dative"} and c.lower_ == entry.prep
                   for c in token.children):
            return None
        score += 1
    if entry.objects:
        found = _object(token)
        objects = [found] if found is not None else []
        if entry.prep:
            # "preparing for military action": or on the preposition's object.
            objects += [o for c in token.children if c.dep_ == "prep" and c.lower_ == entry.prep
                        for o in _children(c, "pobj")]
        if not any(_object_words(obj) & entry.objects for obj in objects):
            return None
        score += 3
    return score


def choose_entry(entries: Sequence[VerbEntry], token: Token) -> VerbEntry | None:
    """The lexicon entry whose conditions hold best for this trigger, or None."""
    best: tuple[int, int] | None = None
    chosen: VerbEntry | None = None
    for order, entry in enumerate(entries):
        score = _entry_score(entry, token)
        if score is None:
            continue
        key = (score, -order)
        if best is None or key > best:
            best, chosen = key, entry
    return chosen


def _subject_tokens(token: Token) -> tuple[list[Token], bool]:
    """Subject phrase heads of a verb and whether it is passive."""
    subjects = _children(token, "nsubj", "csubj")
    if subjects:
        return subjects, False
    passive = _children(token, "nsubjpass")
    if passive:
        return passive, True
    return [], False


class _Extractor:
    def __init__(self, doc: Doc, actors: ActorIndex, codebook: Codebook,
                 settings: EventSettings) -> None:
        self.doc = doc
        self.actors = actors
        self.codebook = codebook
        self.settings = settings
        self.resolve = _Resolver(doc, actors)
        self.sectors = {a.id: a.sector for a in actors.actors}
        #: The doers of acts coded in earlier sentences, by CAMEO root (latest wins).
        self.doers: dict[tuple[str, str], list[str]] = {}
        #: Rule marks of doers found by an inference rule, by trigger index.
        self.marks: dict[int, str] = {}
        #: Story sentences read so far, and the violent acts coded in them:
        #: (sentence number, CAMEO root, doers), latest last.
        self.sentence_no = 0
        self.violent: list[tuple[int, str, list[str]]] = []
        #: Triggers whose subject is an attack noun with no doer (kept when they count).
        self.attack_subjects: set[int] = set()

    # -- arguments -----------------------------------------------------------------
    def sources(self, token: Token) -> list[str]:
        """The doer of a verb: its subject, a passive agent, or its controller."""
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"ROOT"}:
            found = self._nominal_sources(token)
            if not found and token.dep_ == "compound" and token.head.pos_ == "NOUN":
                # "launched a mediation effort": the event noun modifies the object.
                token = token.head
                found = self._nominal_sources(token)
            if not found and token.dep_ == "dobj" and (
                    self._announces(token.head) or _own_pronoun(token)):
                # "Trump announced a withdrawal": the announcer does it; so is the
                # owner of "reiterated its demand", "renewed their call".
                found = self.sources(token.head)
            if not found and token.dep_ == "pobj" and token.head.dep_ == "prep":
                verb = token.head.head
                if verb.lemma_.lower() in PARTICIPATING and token.head.lower_ in {
                        "for", "in", "at", "to", "into"}:
                    # "negotiators returned to Geneva for talks": they hold the talks.
                    found = self.sources(verb)
                elif (token.head.lower_ == "during" and token.lemma_.lower() in PROTEST_NOUNS
                      and not self._nominal_sources(token)):
                    # "youths threw stones during demonstrations against X": the
                    # clause's doers are the demonstrators.
                    while verb.dep_ in {"pcomp", "xcomp", "conj"} and verb.pos_ == "VERB":
                        verb = verb.head.head if verb.head.dep_ == "prep" else verb.head
                    if verb.pos_ in {"VERB", "AUX"} and _children(verb, "nsubj"):
                        found = self.sources(verb)
                        if any(self.sectors.get(a) in SECURITY_SECTORS for a in found):
                            found = []  # "police fired tear gas during protests"
                        else:
                            self.marks[token.i] = "+doer:during"
                elif (token.head.lower_ == "in" and token.lemma_.lower() in PURPOSE_NOUNS
                      and not _children(token, "poss")):
                    # "staged a hunger strike in protest against X", "organized a strike
                    # in protest of …": the protest is the doer's, through an object noun.
                    for _ in range(3):
                        if verb.pos_ == "NOUN" and verb.dep_ in {"dobj", "obj", "oprd"}:
                            verb = verb.head  # "organized a strike in protest"
                        elif verb.dep_ == "relcl" and any(
                                s.tag_ in {"WDT", "WP"} for s in _children(verb, "nsubj")):
                            verb = verb.head  # "a strike that shut the city in protest"
                        else:
                            break
                    if verb.pos_ in {"VERB", "AUX"} and _children(verb, "nsubj"):
                        found = self.sources(verb)
            return found
        subject = _misparsed_verb(token)
        if subject is not None:
            self.marks[token.i] = "+parse:amod-verb"
            return self.resolve.at(subject)
        subjects, passive = _subject_tokens(token)
        if passive:
            agents = _prep_objects(token, "by")
            found = [a for t in agents for a in self.resolve.at(t)]
            if not found and self._posture(token):
                # "8,000 soldiers are stationed in X": the forces' owner is the doer;
                # so is it of moved forces ("peacekeepers were pulled out of X").
                found = [a for t in subjects for a in self.resolve.at(t)]
            if not found:
                found = self._authority(token)
            return found
        if subjects:
            found = [a for t in subjects for a in self.resolve.at(t)]
            if not found and all(t.lower_ in SPEAKER_PRONOUNS for t in subjects):
                found = self._speaker(token)
            if not found:
                found = self._attack_doer(token, subjects)
            return found
        return self._inherited_sources(token)

    def _attack_noun(self, token: Token) -> bool:
        """Whether a noun names an attack or its means ("the raid", "a car bomb")."""
        lemma = token.lemma_.lower()
        if lemma in ATTACK_MEANS or token.lower_ in ATTACK_MEANS:
            return True
        entry = self.entry_for(token) if token.pos_ == "NOUN" else None
        return entry is not None and entry.cameo[:2] in VIOLENT_ROOTS

    def _attack_doer(self, token: Token, subjects: list[Token]) -> list[str]:
        """The doer of a violent act whose subject is an attack noun ("the attack killed").

        The attack's own doer ("the bombing by X", "the rebels' raid", "the attack,
        carried out by X") comes first; else the doer of the latest violent act (CAMEO
        18-20, the same root preferred) coded within a few story sentences before:
        the noun names that act again. With neither, the act has no doer.
        """
        if token.pos_ != "VERB" or not subjects:
            return []
        entry = self.entry_for(token)
        if entry is None or entry.cameo[:2] not in VIOLENT_ROOTS:
            return []
        nouns = [s for s in subjects if s.pos_ == "NOUN" and self._attack_noun(s)]
        if not nouns:
            return []
        self.attack_subjects.add(token.i)
        found = [a for s in nouns for a in self._nominal_sources(s)
                 if not any(c.dep_ in {"compound", "amod", "nmod"} and a in self.resolve.at(c)
                            for c in s.children)]
        if found:
            return list(dict.fromkeys(found))
        recent = [(root, doers) for number, root, doers in self.violent
                  if self.sentence_no - number <= COREFERENCE_WINDOW]
        if not recent:
            return []
        same = [doers for root, doers in recent if root == entry.cameo[:2]]
        self.marks[token.i] = "+doer:earlier-event"
        return list(same[-1] if same else recent[-1][1])

    def _speaker(self, token: Token) -> list[str]:
        """Who a pronoun subject of reported speech is: the speaker ("X said they would").

        Only a clause a statement verb reports, directly or as a conjunct of one.
        """
        node = token
        while node.dep_ == "conj" and node.head is not node:
            node = node.head
        if node.dep_ != "ccomp":
            return []
        head = node.head
        entries = self.codebook.verbs(head.lemma_.lower(), "VERB")
        if not any(e.statement or e.complement for e in entries):
            return []
        return self.sources(head)

    def _venue(self, token: Token) -> bool:
        """Whether a prepositional object is a medium or venue ("on Twitter", "on TV")."""
        if token.lemma_.lower() in MEDIA_WORDS or token.lower_ in MEDIA_WORDS:
            return True
        actor = self.actors.at_token(token.i)
        return actor is not None and self.sectors.get(actor) == "MED"

    def _other_doer(self, token: Token, entry: VerbEntry) -> bool:
        """The verb's subject is a thing, not an actor ("the evidence supported …").

        Only attacks keep an instrument as subject ("a car bomb killed twelve").
        """
        if token.pos_ != "VERB" or entry.cameo[:2] in {"18", "19", "20"}:
            return False
        subjects = _children(token, "nsubj")
        return any(s.pos_ in {"NOUN", "PROPN"} and not _human(s) for s in subjects)

    def _announces(self, verb: Token) -> bool:
        entries = self.codebook.verbs(verb.lemma_.lower(), "VERB")
        return verb.lemma_.lower() in ANNOUNCING or any(
            e.complement == "future" for e in entries)

    def _posture(self, token: Token) -> bool:
        """Whether a passive verb's subject is the moved or posted forces, not a target."""
        entry = self.entry_for(token)
        if entry is None:
            return False
        if entry.cameo[:2] == "15":
            return True
        if entry.cameo not in MOVEMENT_CODES:
            return False
        forces = self.codebook.classes.get("MILITARY", frozenset()) | self.codebook.classes.get(
            "PEACEKEEPER", frozenset())
        return any(s.lemma_.lower() in forces or s.lower_ in forces
                   or any(self.sectors.get(a) == "MIL" for a in self.resolve.at(s))
                   for s in _children(token, "nsubjpass"))

    def _authority(self, token: Token) -> list[str]:
        """The state whose authorities did an agentless coercive passive there.

        "A journalist was arrested in Iran": arrests, expulsions and bans are acts of
        the authorities of the state where they happen (a state in an "in" phrase).
        """
        entry = self.entry_for(token)
        if entry is None or entry.cameo not in AUTHORITY_CODES:
            return []
        for pobj in _prep_objects(token, "in"):
            found = [a for a in self.resolve.at(pobj) if self.resolve.kinds.get(a) == "state"]
            if found:
                self.marks[token.i] = "+doer:authority"
                return found[:1]
        return []

    def _inherited_sources(self, token: Token) -> list[str]:
        head = token.head
        if head is token:
            return []
        if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in CONTROL_PREPS:
            # Object control through a preposition: "accused Azerbaijan of violating",
            # "warned Washington against arming", "stopped Iran from enriching".
            objects = _children(head.head, "dobj")
            found = [a for t in objects for a in self.resolve.at(t)]
            if found:
                return found
        if token.dep_ == "xcomp":
            # Object control: "urged China to curb" → China curbs.
            objects = _children(head, "dobj")
            if objects and head.lemma_.lower() not in {"help"}:
                found = [a for t in objects for a in self.resolve.at(t)]
                if found:
                    return found
            found = self.sources(head)
            if not found and head.lemma_ == "be":
                # "the goal of the Turkish mission is to repatriate": whose goal it is
                for subject in _children(head, "nsubj"):
                    if subject.lemma_.lower() in GOAL_NOUNS:
                        found = self.resolve.inside(subject)[:1]
            return found
        if token.dep_ in {"acomp", "attr"}:
            # "he is prepared to lift the ban": the copula's subject.
            return self.sources(head)
        if token.dep_ in {"conj", "advcl", "relcl", "acl", "pcomp"} or token.dep_ == "prep":
            if token.dep_ == "relcl":
                return self.resolve.at(head)
            if token.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
                found = self.resolve.at(head)
                if not found and head.dep_ == "dobj" and (
                        head.lemma_.lower() in MESSAGE_NOUNS | GOAL_NOUNS | INTENT_NOUNS
                        or (head.lemma_.lower() in INSTRUMENT_NOUNS
                            and head.head.lemma_.lower() in ADOPTING)):
                    # "issued a statement demanding …": the issuer demands; "approved a
                    # law recognizing X": the adopter recognizes.
                    found = self.sources(head.head)
                return found
            subjects, passive = _subject_tokens(head)
            if passive and token.dep_ == "conj" and _active(token):
                # "X has been indicted and will resign": the shared subject is the
                # passive one, not the first verb's agent.
                return [a for t in subjects for a in self.resolve.at(t)]
            found = self.sources(head)
            if passive and head.lemma_.lower() in {"join", "accompany"}:
                found += [a for t in subjects for a in self.resolve.at(t)]
                found += [a for t in _prep_objects(head, "by") for a in self.resolve.at(t)]
            return list(dict.fromkeys(found))
        if token.dep_ == "pcomp" or (head.dep_ == "prep" and head.head is not head):
            return self.sources(head.head)
        return []

    def _nominal_sources(self, token: Token) -> list[str]:
        found: list[str] = []
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ in {"compound", "amod", "nmod"}
                                        and self.actors.at_token(child.i)
                                        and self.actors.at_token(child.i)
                                        != self.actors.at_token(token.i)):
                found += self.resolve.at(child)
            elif child.dep_ == "prep" and child.lower_ in {"by", "between", "among"}:
                if child.lower_ != "by" and token.lemma_.lower() in THIRD_PARTY_NOUNS:
                    continue  # "mediation between X and Y": X and Y are mediated, not mediators
                for pobj in _children(child, "pobj"):
                    found += self.resolve.at(pobj)
            elif child.dep_ == "acl":
                # "the attack, reportedly carried out by the rebels"
                for agent in _prep_objects(child, "by"):
                    found += self.resolve.at(agent)
        return list(dict.fromkeys(found))

    def targets(self, token: Token, entry: VerbEntry, sources: list[str]) -> list[str]:
        """The receiver of an event, by the entry's slots, then by fallbacks."""
        for slot in entry.target:
            heads: list[Token] = []
            if slot == "dobj":
                heads = _children(token, "dobj", "obj")
                if not heads and _misparsed_verb(token) is not None:
                    heads = [token.head]
                if not heads and token.pos_ == "VERB":
                    subjects, passive = _subject_tokens(token)
                    if passive and not self._posture(token):
                        heads = subjects
            elif slot in {"iobj", "dative"}:
                heads = _children(token, "dative", "iobj")
            elif slot == "poss":
                heads = _children(token, "poss")
            elif slot == "agent":
                heads = _prep_objects(token, "by")
            elif slot.startswith("prep:"):
                heads = _prep_objects(token, slot[5:])
                if not heads:
                    obj = _object(token)
                    if obj is not None:
                        heads = _prep_objects(obj, slot[5:])
            found = [a for t in heads for a in self.resolve.at(t) if a not in sources]
            if found:
                return list(dict.fromkeys(found))
        phrase = token
        if token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "NOUN":
            phrase = token.head  # "a mediation effort between X and Y"
        preps = FALLBACK_PREPS + (("between",) if token.lemma_.lower() in THIRD_PARTY_NOUNS
                                  else ())
        if entry.statement:
            # "said on TV", "spoke at the think tank": where it was said is no target.
            preps = tuple(p for p in preps if p not in {"on", "at", "in", "from"})
        for prep in preps:
            heads = [t for t in _prep_objects(phrase, prep) if not self._venue(t)]
            found = [a for t in heads for a in self.resolve.at(t) if a not in sources]
            if found:
                return list(dict.fromkeys(found))
        # "preparing for military action against X": the target hangs off the object.
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ not in PLACE_PREPS:
                for pobj in _children(child, "pobj"):
                    heads = _prep_objects(pobj, "against")
                    found = [a for t in heads for a in self.resolve.at(t) if a not in sources]
                    if found:
                        return list(dict.fromkeys(found))
        # The object is an act with its own doer: "blocked the march organized by
        # students", "opposed Russia's withdrawal", or one coded earlier in the story.
        for head in _children(token, "dobj", "obj"):
            noun_entry = self.entry_for(head) if head.pos_ == "NOUN" else None
            if noun_entry is None or entry.statement or entry.objects:
                continue  # "held talks", "announced a withdrawal": the doer's own act
            found = [a for a in self._nominal_sources(head) if a not in sources]
            if not found:
                key = (noun_entry.cameo[:2], head.lemma_.lower()[:5])
                found = [a for a in self.doers.get(key, []) if a not in sources]
            if found:
                return found
        # The object phrase names its owner or beneficiary: "the homes of Kurdish
        # villagers", "a training scheme for Malian soldiers"; so does a passive subject
        # ("a convoy for Sudanese refugees was attacked").
        passive_subjects = [t for t in _children(token, "nsubjpass") if token.pos_ == "VERB"
                            and not self._posture(token)]
        for head in _children(token, "dobj", "obj", "dative") + passive_subjects + [
            p for c in token.children if c.dep_ == "prep" and c.lower_ not in PLACE_PREPS
            for p in _children(c, "pobj") if not self._venue(p)
        ]:
            found = [a for a in self.resolve.inside(head) if a not in sources]
            if found:
                return found[:1]
        if token.pos_ == "NOUN":
            found = [a for a in self.resolve.inside(token, after=True) if a not in sources]
            if found:
                return found[:1]
        if entry.cameo[:2] == "13" or entry.complement in {"hypothetical", "future"}:
            # "threatened to end the talks if the United States deploys missiles":
            # a conditional threat (or promise: "vowed to fight until Kenya withdraws")
            # is aimed at the party whose act is the condition.
            for condition in _conditions(token):
                subjects, _ = _subject_tokens(condition)
                found = [a for t in subjects for a in self.resolve.at(t)
                         if a not in sources]
                if found:
                    return list(dict.fromkeys(found))
        if entry.complement == "requested":
            # "demanded that Israel ease the blockade", "its demand that Israel ease":
            # the clause's subject.
            clauses = _children(token, "ccomp", "xcomp", "acl")
            if token.pos_ == "NOUN" and token.dep_ in {"dobj", "obj"}:
                # "repeated its demand on Friday that Chile free …": the parser hangs
                # the noun's "that" clause on the verb.
                clauses += [c for c in _children(token.head, "ccomp") if c.i > token.i
                            and any(m.dep_ == "mark" and m.lower_ == "that"
                                    for m in c.children)]
            for clause in clauses:
                subjects, _ = _subject_tokens(clause)
                found = [a for t in subjects for a in self.resolve.at(t) if a not in sources]
                if found:
                    return list(dict.fromkeys(found))
        if entry.cameo[:2] in MATERIAL_ROOTS:
            # "lifted the state of emergency in Ecuador": a state where it happened; so
            # is the place of what was hit ("fired rockets at positions in Syria").
            holders = [token] + _children(token, "dobj", "obj") + [
                p for c in token.children if c.dep_ == "prep" and c.lower_ not in PLACE_PREPS
                for p in _children(c, "pobj")]
            for holder in holders:
                for child in holder.children:
                    if child.dep_ != "prep" or child.lower_ not in {"in", "across",
                                                                     "throughout"}:
                        continue
                    for pobj in _children(child, "pobj"):
                        found = [a for a in self.resolve.at(pobj) if a not in sources
                                 and self.resolve.kinds.get(a) == "state"]
                        if found:
                            return found[:1]
        return []

    # -- triggers ------------------------------------------------------------------
    def entry_for(self, token: Token) -> VerbEntry | None:
        if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
            pos = "VERB"
        elif token.pos_ == "NOUN" and self.settings.nominal:
            pos = "NOUN"
        else:
            return None
        entries = self.codebook.verbs(token.lemma_.lower(), pos)
        if not entries and pos == "VERB" and token.tag_ in {"VBN", "VBD"}:
            entries = self.codebook.verbs(token.lower_, pos)
            if not entries and token.lower_.endswith("ed"):
                # a lemmatiser slip ("staged" → "stag"): the -e stem, then the -ed stem
                entries = (self.codebook.verbs(token.lower_[:-1], pos)
                           or self.codebook.verbs(token.lower_[:-2], pos))
        # "the court ruled that …", "the forum concluded that …" report a finding;
        # "police found weapons", "concluded the talks" are other senses.
        if pos == "VERB" and token.lemma_.lower() in VERDICT_VERBS and not any(
                c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                          for m in c.children)
                for c in token.children):
            entries = tuple(e for e in entries if not e.statement)
        if pos == "VERB" and token.lemma_.lower() in NAMING_VERBS:
            # "called the attack a cowardly act", "described Iran as a threat": a
            # derogatory label criticises; any other label is a plain statement.
            insult = [e for e in entries if e.cameo[:2] == "11"]
            if insult and _derogatory_label(token):
                entries = tuple(insult)
            elif len(insult) < len(entries):
                entries = tuple(e for e in entries if e not in insult)
        entry = choose_entry(entries, token) if entries else None
        if entry is not None and entry.cameo == "042" and entry.prep and _children(
                token, "dobj", "obj"):
            # "flew to Moscow" is a visit; "flies passengers to Paris" carries a load.
            return None
        if entry is not None and entry.statement and not self.settings.statements:
            return None
        return entry

    def drafts(self, sent: Span) -> list[_Draft]:
        drafts: list[_Draft] = []
        by_token: dict[int, int] = {}
        light_objects: set[int] = set()
        for token in sent:
            entry = self.entry_for(token)
            if entry is None or token.i in light_objects:
                continue
            if entry.pos == "NOUN" and token.head.i in by_token and not (
                    drafts[by_token[token.head.i]].entry.statement and token.dep_ == "dobj"):
                # An event noun under a coded verb is that verb's object ("condemned
                # the attack"); only a statement's object is an event of its own
                # ("announced the withdrawal of troops").
                continue
            if entry.objects:
                obj = _object(token)
                if obj is not None:
                    light_objects.add(obj.i)
            judgement = judge(token, self.codebook)
            if judgement.suppress:
                continue
            source = self.sources(token)
            target = self.targets(token, entry, source)
            if not source and not target and not (
                    token.i in self.attack_subjects and _counted_object(token)):
                # (a casualty count with no doer is still worth an analyst's notice:
                # "the blast killed twelve")
                continue
            if not source and self._other_doer(token, entry):
                continue
            if entry.statement and source and all(
                    self.sectors.get(a) == "MED" for a in source):
                continue  # "Reuters reported …": an outlet reporting is a source, not an event
            drafts.append(_Draft(token, entry, judgement.cameo or entry.cameo, source, target,
                                 judgement,
                                 rule=f"verb:{entry.id}" + self.marks.pop(token.i, "")))
            by_token[token.i] = len(drafts) - 1
        drafts = _one_statement_per_speaker(drafts)
        self.reframe(drafts)
        self.sentence_no += 1
        for draft in drafts:
            if draft.source and not draft.entry.statement:
                # keyed by the word's stem: "withdrew" → "the withdrawal"
                key = (draft.entry.cameo[:2], draft.trigger.lemma_.lower()[:5])
                self.doers[key] = draft.source
                if draft.cameo[:2] in VIOLENT_ROOTS and draft.judgement.modality == "actual" \
                        and draft.judgement.polarity == "positive":
                    self.violent.append((self.sentence_no, draft.cameo[:2], draft.source))
        return drafts

    @staticmethod
    def _governor(token: Token, by_token: dict[int, int], drafts: list[_Draft]) -> int | None:
        """The event whose clause ``token`` is the content of ("urged China *to curb*")."""
        node = token
        for _ in range(4):
            if node.dep_ not in CLAUSAL | {"pcomp", "pobj", "advcl", "conj", "prep", "dobj",
                                           "acl"}:
                return None
            child, node = node, node.head
            index = by_token.get(node.i)
            if index is None:
                if child.dep_ == "acl" and node.lemma_.lower() not in GOAL_NOUNS | INTENT_NOUNS:
                    return None  # "announced plans to withdraw": the plan is the content
                continue
            governor = drafts[index]
            # "its demand that Israel lift the blockade": an event noun's content clause.
            governed = child.dep_ in GOVERNED or (child.dep_ == "acl" and node.pos_ == "NOUN")
            if governed and (governor.entry.complement or governor.entry.statement):
                return index
            if child.dep_ != "conj":
                return None
        return None

    def reframe(self, drafts: list[_Draft]) -> None:
        """Nest, frame and recode drafts, as CAMEO codes promises, appeals and refusals.

        A clause governed by an appeal, demand, threat or promise becomes a child event
        (``parent``) with modality requested, hypothetical or future, and the governing
        event takes the framed code of the act ("urged Iran to free" → 0253). A statement
        whose clause says the act *must* happen is a demand; one that says the speaker
        *will* do it is an intent. An act that stands alone with "will" is coded as an
        intent (cooperation) or threat (conflict); a refused or declined cooperative act
        is a rejection.
        """
        by_token = {d.trigger.i: n for n, d in enumerate(drafts)}
        for draft in drafts:
            governor = self._governor(draft.trigger, by_token, drafts)
            if governor is not None:
                self._nest(draft, governor, drafts)
            else:
                self._recode_alone(draft)
        nested = {d.parent for d in drafts if d.parent is not None}
        for number, draft in enumerate(drafts):
            if number not in nested and draft.entry.statement and draft.cameo == "010":
                self._uncoded_demand(draft)

    def _uncoded_demand(self, draft: _Draft) -> None:
        """A statement that another party *must* or *should* act is a demand on it.

        "said Pakistan should do more": the reported act has no code of its own, but the
        statement is still a demand (100) aimed at the clause's subject.
        """
        for clause in _children(draft.trigger, "ccomp"):
            if not any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in clause.children):
                continue
            if any(c.dep_ == "neg" for c in clause.children):
                continue
            subjects, _ = _subject_tokens(clause)
            found = [a for t in subjects for a in self.resolve.at(t) if a not in draft.source]
            if found:
                draft.cameo = FRAME_DEFAULT["demand"]
                draft.target = list(dict.fromkeys(found))
                draft.rule += "+frame:demand"
                return

    def _frame(self, code: str, frame: str) -> str | None:
        try:
            return self.codebook.reframe(code, frame)
        except LexiconError:
            return None

    def _nest(self, draft: _Draft, governor: int, drafts: list[_Draft]) -> None:
        parent = drafts[governor]
        deontic = [c for c in draft.judgement.cues if c.lower_ in DEONTIC]
        if parent.entry.statement:
            refused = (draft.judgement.polarity == "negative"
                       and draft.cameo[:2] in COOPERATION_ROOTS | {"03"}
                       and set(draft.source) & set(parent.source))
            if deontic:
                frame, modality = "demand", "requested"
            elif refused:
                frame, modality = "refusal", draft.judgement.modality
            elif draft.judgement.modality == "future" and set(draft.source) & set(parent.source):
                threat = draft.cameo[:2] in CONFLICT_ROOTS or _unless(draft.trigger)
                frame, modality = ("threat" if threat else "intent"), "future"
            else:
                self._recode_alone(draft)
                return
            framed: str | None = self._frame(draft.cameo, frame) or FRAME_DEFAULT[frame]
        else:
            modality = complement_modality(parent.entry) or draft.judgement.modality
            frame = FRAME_OF_ROOT.get(parent.cameo[:2], "")
            if frame == "intent" and draft.cameo[:2] in CONFLICT_ROOTS:
                frame = "threat"  # a promise of violence is a threat ("vowed to fight")
            framed = self._frame(draft.cameo, frame) if frame else None
            if frame == "refusal":
                draft.judgement = replace(draft.judgement, polarity="negative")
        draft.parent = governor
        if draft.judgement.modality == "actual" or deontic or parent.entry.statement:
            draft.judgement = replace(draft.judgement, modality=modality)  # type: ignore[arg-type]
        if framed and (framed[:2] != parent.cameo[:2] or len(framed) > len(parent.cameo)):
            parent.cameo = framed
            parent.rule += f"+frame:{frame}"
        if not parent.target:
            same_doer = set(draft.source) <= set(parent.source)
            pool = draft.target if same_doer else draft.source
            parent.target = [a for a in pool if a not in parent.source]

    def _recode_alone(self, draft: _Draft) -> None:
        root = draft.cameo[:2]
        judgement = draft.judgement
        if judgement.polarity == "negative" and root in COOPERATION_ROOTS | {"03"} and (
            judgement.modality == "future" or draft.trigger.lemma_.lower() in ACCEPTING
            or any(c.lemma_.lower() in REFUSING for c in judgement.cues)
        ):
            framed = self._frame(draft.cameo, "refusal")
            if framed:
                draft.cameo = framed
                draft.rule += "+frame:refusal"
                draft.judgement = replace(judgement, polarity="positive")
            return
        if judgement.modality == "future" and judgement.polarity == "positive" and any(
            c.lower_ in FUTURE_WORDS for c in judgement.cues
        ):
            frame = ("threat" if root in CONFLICT_ROOTS or _unless(draft.trigger)
                     else "intent" if root in COOPERATION_ROOTS else "")
            framed = self._frame(draft.cameo, frame) if frame else None
            if framed:
                draft.cameo = framed
                draft.rule += f"+frame:{frame}"


def find_events(
    doc: Doc,
    actors: ActorIndex,
    sources: Sequence[object] = (),
    settings: EventSettings | None = None,
    codebook: Codebook | None = None,
) -> list[Event]:
    """Every event in the story sentences of a parsed document.

    Args:
        doc: a Doc parsed by the sitroom pipeline (sentences, parse, entities).
        actors: the actor stage's output.
        sources: the sourcing stage's source findings (for attribution).
        settings: stage settings.
        codebook: CAMEO/PLOVER tables and verb lexicon (loaded when omitted).
    """
    settings = settings or EventSettings()
    codebook = codebook or load_codebook()
    extractor = _Extractor(doc, actors, codebook, settings)
    published = _published(doc)
    events: list[Event] = []
    known: set[tuple[frozenset[str], frozenset[str], str]] = set()
    for index, sent in enumerate(doc_sents(doc)):
        if Span.has_extension("is_story") and not sent._.is_story:
            continue
        drafts = extractor.drafts(sent)
        # An event noun that names an act already coded ("the killing", "the ban") is a
        # repeat mention of it, not a new event.
        kept = []
        for draft in drafts:
            key = (frozenset(draft.source), frozenset(draft.target), draft.cameo[:2])
            repeat = key in known or (not draft.target and any(
                k[0] == key[0] and k[2] == key[2] for k in known))
            if draft.trigger.pos_ == "NOUN" and repeat and draft.parent is None:
                continue
            known.add(key)
            kept.append(draft)
        if len(kept) != len(drafts):
            keep = {id(d) for d in kept}
            index_of = {id(d): n for n, d in enumerate(drafts)}
            for draft in kept:
                if draft.parent is not None and id(drafts[draft.parent]) not in keep:
                    draft.parent = None
                elif draft.parent is not None:
                    draft.parent = [index_of[id(d)] for d in kept].index(draft.parent)
            drafts = kept
        ids: dict[int, str] = {}
        seen: set[tuple[tuple[str, ...], tuple[str, ...], str, int | None]] = set()
        for number, draft in enumerate(drafts):
            same = (tuple(draft.source), tuple(draft.target), draft.cameo[:3], draft.parent)
            if same in seen:
                continue
            seen.add(same)
            event_id = f"E{len(events) + 1}"
            ids[number] = event_id
            events.append(_finish(draft, event_id, ids, index, sent, codebook, sources,
                                  actors, published))
    return events


def _published(doc: Doc) -> object:
    import datetime as dt

    document = doc._.document if Doc.has_extension("document") else None
    value = getattr(document, "published", None)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _finish(draft: _Draft, event_id: str, ids: dict[int, str], sentence_index: int,
            sent: Span, codebook: Codebook, sources: Sequence[object], actors: ActorIndex,
            published: object) -> Event:
    code = codebook.code(draft.cameo)
    plover = draft.entry.plover or code.plover
    mode = draft.entry.plover_mode if draft.entry.plover else code.plover_mode
    if draft.entry.plover_mode and not draft.entry.plover:
        mode = draft.entry.plover_mode
    trigger = draft.trigger
    event = Event(
        id=event_id,
        source=tuple(draft.source),
        target=tuple(draft.target),
        plover=plover,
        plover_mode=mode,
        cameo=code.code,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        trigger=Evidence(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
        sentence=SentenceRef(sentence_index, sent.start_char, sent.end_char),
        polarity=draft.judgement.polarity,
        modality=draft.judgement.modality,
        parent=ids.get(draft.parent) if draft.parent is not None else None,
        rule=draft.rule + (f"+{draft.judgement.rule}" if draft.judgement.rule else ""),
        lexicon=codebook.version,
        cues=tuple(Evidence(t.idx, t.idx + len(t.text), t.text)
                   for t in draft.judgement.cues),
    )
    return _with_sourcing(event, trigger, sources, actors, published)


def _with_sourcing(event: Event, trigger: Token, sources: Sequence[object],
                   actors: ActorIndex, published: object) -> Event:
    """Certainty, attribution, quantities, place and date from the sourcing stage."""
    try:
        from sitroom.sourcing.certainty import certainty_of
        from sitroom.sourcing.dates import date_for
        from sitroom.sourcing.places import location_for
        from sitroom.sourcing.quantities import quantities_for
        from sitroom.sourcing.sources import attribution_for
    except ImportError:  # the sourcing stage is optional for the event stage
        return event
    certainty, cues = certainty_of(trigger)
    argument_tokens = _argument_tokens(trigger)
    return replace(
        event,
        certainty=certainty,
        cues=event.cues + tuple(cues),
        attribution=attribution_for(event.sentence.index, trigger.i, list(sources)),  # type: ignore[arg-type]
        quantities=tuple(quantities_for(argument_tokens)),
        location=location_for(trigger, actors),
        date=date_for(trigger, published),  # type: ignore[arg-type]
    )


def _argument_tokens(trigger: Token) -> list[Token]:
    tokens: list[Token] = []
    for child in trigger.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "agent", "dative"}:
            tokens += list(child.subtree)
    if trigger.pos_ == "NOUN":
        tokens += [t for t in trigger.subtree if t.i < trigger.i]
    return tokens
