#!/usr/bin/env python3
"""Measure how well the verb lexicon covers the event words of a PLOVER gold set.

Not a test: prints figures for development. For each record of a JSONL file with
``text``, ``markup`` (event words marked ``(EVT: ...)``) and ``event`` (the gold
PLOVER type), the text is parsed and each marked token is looked up in the
lexicon. A record is covered when some marked token has an entry whose CAMEO code
crosswalks to the gold type (older PLOVER types are folded: DEMAND→REQUEST,
DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT). "chosen" is stricter: the entry
the extractor would pick for that token (conditions checked on the parse) gives
the type. "framed" also applies CAMEO's framing of an act that is only promised,
threatened or demanded (``Codebook.reframe``): "will send aid" is an intent (AGREE),
"would impose sanctions" a threat, "must withdraw" a demand. That needs a rule in
the extractor (a modal on the trigger), so it is reported apart.

Usage: ``python scripts/lexicon_coverage.py [PATH] [--misses]``
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, Token

from sitroom.events.codebook import Codebook, VerbEntry, load_codebook
from sitroom.events.extract import choose_entry
from sitroom.pipeline.loader import load_base_nlp

DEFAULT = Path("/work/shared/data/plover_gsr/dev.jsonl")
#: PLOVER types of the gold set that PLOVER 0.8 folds into others.
FOLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
        "FIGHT": "ASSAULT"}
_MARK = re.compile(r"\(EVT: ([^)]*)\)")
#: Modals that make an act a promise or threat, and those that make it a demand.
PROMISE_MODALS = {"will", "shall", "would", "'ll", "wo"}
DEMAND_MODALS = {"must", "should", "ought"}
#: Adjectives that make the clause they govern a promise ("ready to withdraw").
PROMISE_ADJECTIVES = {"willing", "prepared", "ready"}


def entry_type(codebook: Codebook, entry: VerbEntry) -> str | None:
    """The PLOVER type an entry gives (its own override, else the crosswalk's)."""
    return entry.plover or codebook.code(entry.cameo).plover


def marked_tokens(doc: Doc, markup: str) -> list[Token]:
    """Tokens of ``doc`` inside the spans marked ``(EVT: ...)`` in ``markup``."""
    text = doc.text
    found: list[Token] = []
    cursor = 0
    for phrase in _MARK.findall(markup):
        phrase = phrase.strip()
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        if start < 0:
            continue
        end = start + len(phrase)
        cursor = end
        found += [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    return found


def candidates(codebook: Codebook, token: Token) -> Iterable[VerbEntry]:
    """Every entry that could match a token (as verb or noun, by lemma or form)."""
    for pos in ("VERB", "NOUN"):
        for form in {token.lemma_.lower(), token.lower_}:
            yield from codebook.verbs(form, pos)


def chosen(codebook: Codebook, token: Token) -> VerbEntry | None:
    """The entry the extractor would choose for a token, by its own part of speech."""
    pos = "NOUN" if token.pos_ == "NOUN" else "VERB"
    entries = codebook.verbs(token.lemma_.lower(), pos) or codebook.verbs(token.lower_, pos)
    return choose_entry(entries, token) if entries else None


def framed(codebook: Codebook, token: Token, entry: VerbEntry) -> str | None:
    """The code of a trigger's act once framed by a modal or a governing adjective."""
    words = {c.lower_ for c in token.children if c.dep_ == "aux"}
    negated = any(c.dep_ == "neg" for c in token.children)
    if token.dep_ == "xcomp" and token.head.lower_ in PROMISE_ADJECTIVES:
        words.add("will")
    if words & DEMAND_MODALS:
        frame = "demand"
    elif words & PROMISE_MODALS:
        quad = codebook.code(entry.cameo).quad_class
        frame = "refusal" if negated else ("intent" if quad <= 2 else "threat")
    else:
        return None
    return codebook.reframe(entry.cameo, frame)


def framed_type(codebook: Codebook, token: Token) -> str | None:
    """The PLOVER type of a token's chosen entry, framed where a modal applies."""
    entry = chosen(codebook, token)
    if entry is None:
        return None
    code = framed(codebook, token, entry)
    return codebook.code(code).plover if code else entry_type(codebook, entry)


def main() -> None:
    """Print coverage figures (and the misses, when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list uncovered event words")
    args = parser.parse_args()
    if not args.path.is_file():
        raise SystemExit(f"no such file: {args.path}")
    codebook = load_codebook()
    nlp = load_base_nlp()
    records = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    picked: Counter[str] = Counter()
    framing: Counter[str] = Counter()
    misses: list[str] = []
    for record in records:
        gold = FOLD.get(record["event"], record["event"])
        doc = nlp(record["text"])
        tokens = marked_tokens(doc, record["markup"])
        totals[gold] += 1
        if any(entry_type(codebook, e) == gold for t in tokens for e in candidates(codebook, t)):
            hits[gold] += 1
        else:
            words = ", ".join(f"{t.text}/{t.lemma_}/{t.pos_}" for t in tokens)
            misses.append(f"{gold:<10} {words}")
        if any((e := chosen(codebook, t)) is not None and entry_type(codebook, e) == gold
               for t in tokens):
            picked[gold] += 1
        if any(framed_type(codebook, t) == gold for t in tokens) or any(
                entry_type(codebook, e) == gold for t in tokens for e in candidates(codebook, t)):
            framing[gold] += 1
    total = sum(totals.values())
    print(f"lexicon {codebook.version}: {len(codebook.entries)} entries")
    print(f"{'type':<10} {'n':>4} {'any':>6} {'chosen':>7} {'framed':>7}")
    for kind in sorted(totals):
        n = totals[kind]
        print(f"{kind:<10} {n:>4} {hits[kind] / n:>6.0%} {picked[kind] / n:>7.0%} "
              f"{framing[kind] / n:>7.0%}")
    print(f"{'all':<10} {total:>4} {sum(hits.values()) / total:>6.1%} "
          f"{sum(picked.values()) / total:>7.1%} {sum(framing.values()) / total:>7.1%}")
    if args.misses:
        print("\nmisses (gold type, marked tokens as text/lemma/pos):")
        for line in misses:
            print("  " + line)


if __name__ == "__main__":
    main()
