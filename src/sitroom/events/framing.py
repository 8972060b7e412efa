"""CAMEO framing: promises, threats, appeals, demands and refusals, and event nesting.

CAMEO codes an act that is only promised, threatened, asked for, demanded or refused
with the framing verb's own code for that act ("urged Iran to free the sailors" is
0253, "threatened to impose sanctions" 1312). These functions make a governed clause
a child event (``parent``), give the governing event the framed code
(``+frame:<frame>`` on its rule) and recode acts that frame themselves ("will not
sign"). The tables are ``cameo.json``'s ``frames`` (see :mod:`sitroom.events.codebook`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from sitroom.errors import LexiconError
from sitroom.events.context import Context, Draft
from sitroom.events.modality import complement_modality
from sitroom.events.syntax import children, subject_tokens, unless
from sitroom.events.vocabulary import (
    ACCEPTING,
    DEONTIC,
    FUTURE_WORDS,
    GOAL_NOUNS,
    INTENT_NOUNS,
    REFUSING,
)

#: Dependency labels of clauses that a governing verb makes the content of.
CLAUSAL = {"xcomp", "ccomp"}
#: Dependency labels under a governing verb that make a clause its content.
GOVERNED = {"xcomp", "ccomp", "pcomp", "pobj", "dobj"}


def one_statement_per_speaker(drafts: list[Draft]) -> list[Draft]:
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


def _governor(token: Token, by_token: dict[int, int], drafts: list[Draft]) -> int | None:
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


def reframe(ctx: Context, drafts: list[Draft]) -> None:
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
        governor = _governor(draft.trigger, by_token, drafts)
        if governor is not None:
            _nest(ctx, draft, governor, drafts)
        else:
            _recode_alone(ctx, draft)
    nested = {d.parent for d in drafts if d.parent is not None}
    for number, draft in enumerate(drafts):
        if number not in nested and draft.entry.statement and draft.cameo == "010":
            _uncoded_demand(ctx, draft)


def _uncoded_demand(ctx: Context, draft: Draft) -> None:
    """A statement that another party *must* or *should* act is a demand on it.

    "said Pakistan should do more": the reported act has no code of its own, but the
    statement is still a demand (100) aimed at the clause's subject.
    """
    for clause in children(draft.trigger, "ccomp"):
        if not any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in clause.children):
            continue
        if any(c.dep_ == "neg" for c in clause.children):
            continue
        subjects, _ = subject_tokens(clause)
        found = [a for t in subjects for a in ctx.resolve.at(t) if a not in draft.source]
        if found:
            draft.cameo = ctx.codebook.framing.defaults["demand"]
            draft.target = list(dict.fromkeys(found))
            draft.rule += "+frame:demand"
            return


def _frame(ctx: Context, code: str, frame: str) -> str | None:
    """The framed code of an act, or None (no framed code, or no such frame)."""
    try:
        return ctx.codebook.reframe(code, frame)
    except LexiconError:
        return None


def _nest(ctx: Context, draft: Draft, governor: int, drafts: list[Draft]) -> None:
    """Make ``draft`` the content of its governor, and frame both.

    Under a statement, a clause that *must* happen is demanded, one its speaker will
    not do is refused, one its speaker *will* do is an intent (a threat when violent
    or held over a condition). Under an appeal, demand, threat, promise or refusal,
    the governor takes the framed code of the act.
    """
    parent = drafts[governor]
    deontic = [c for c in draft.judgement.cues if c.lower_ in DEONTIC]
    if parent.entry.statement:
        refused = (draft.judgement.polarity == "negative"
                   and draft.cameo[:2] in ctx.codebook.group("refusable_roots")
                   and set(draft.source) & set(parent.source))
        if deontic:
            frame, modality = "demand", "requested"
        elif refused:
            frame, modality = "refusal", draft.judgement.modality
        elif draft.judgement.modality == "future" and set(draft.source) & set(parent.source):
            threat = (draft.cameo[:2] in ctx.codebook.group("conflict_roots")
                      or unless(draft.trigger))
            frame, modality = ("threat" if threat else "intent"), "future"
        else:
            _recode_alone(ctx, draft)
            return
        framed: str | None = _frame(ctx, draft.cameo, frame) or ctx.codebook.framing.defaults[frame]
    else:
        modality = complement_modality(parent.entry) or draft.judgement.modality
        frame = ctx.codebook.frame_of_root(parent.cameo[:2]) or ""
        if frame == "intent" and draft.cameo[:2] in ctx.codebook.group("conflict_roots"):
            frame = "threat"  # a promise of violence is a threat ("vowed to fight")
        framed = _frame(ctx, draft.cameo, frame) if frame else None
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


def _recode_alone(ctx: Context, draft: Draft) -> None:
    """Frame an act with no governor: a refused cooperative act, a promised one."""
    root = draft.cameo[:2]
    judgement = draft.judgement
    if judgement.polarity == "negative" and root in ctx.codebook.group("refusable_roots") and (
        judgement.modality == "future" or draft.trigger.lemma_.lower() in ACCEPTING
        or any(c.lemma_.lower() in REFUSING for c in judgement.cues)
    ):
        framed = _frame(ctx, draft.cameo, "refusal")
        if framed:
            draft.cameo = framed
            draft.rule += "+frame:refusal"
            draft.judgement = replace(judgement, polarity="positive")
        return
    named = draft.trigger.pos_ == "NOUN" and draft.trigger.dep_ in {"nsubj", "nsubjpass"}
    if named:
        return  # "the exercises would continue": a report of the act, not a promise of it
    if judgement.modality == "future" and judgement.polarity == "positive" and any(
        c.lower_ in FUTURE_WORDS for c in judgement.cues
    ):
        frame = ("threat" if root in ctx.codebook.group("conflict_roots") or unless(draft.trigger)
                 else "intent" if root in ctx.codebook.group("cooperation_roots") else "")
        framed = _frame(ctx, draft.cameo, frame) if frame else None
        if framed:
            draft.cameo = framed
            draft.rule += f"+frame:{frame}"

