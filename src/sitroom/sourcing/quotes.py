"""Direct and partial quotations with their speakers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitroom.actors.model import ActorIndex
from sitroom.lexicons import words
from sitroom.parsed.cache import doc_text
from sitroom.record import Quote
from sitroom.sourcing.common import (
    actor_of,
    is_reporting,
    lexicon,
    name_text,
    subject_of,
)

OPENERS = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb"}
CLOSERS = {"\u201d", "\u00bb"}
STRAIGHT = '"'
#: Verbs of naming whose subject speaks the quoted words ("X called the move a \"…\"").
NAMING_VERBS = words("sourcing_naming_verbs")


@dataclass(frozen=True)
class QuoteSpan:
    """Characters inside a pair of quote marks; ``closed`` False when cut at paragraph end."""

    start: int
    end: int
    closed: bool = True


def _straight_role(text: str, i: int, depth: int) -> str:
    """Whether a straight double quote at ``i`` opens or closes, from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([{\u2014-/"
    space_after = after.isspace() or after in ".,;:!?)]}\u2014-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "close" if depth else "open"


def quote_spans(text: str) -> list[QuoteSpan]:
    """Outermost quotations of a text; a quote never runs past its paragraph.

    An unclosed quote is cut at the paragraph end (``closed`` False), so a stray
    mark cannot swallow the rest of the document.
    """
    spans: list[QuoteSpan] = []
    pos = 0
    for paragraph in text.split("\n"):
        stack: list[int] = []
        for j, char in enumerate(paragraph):
            if char in OPENERS:
                stack.append(j)
            elif char in CLOSERS:
                if stack:
                    start = stack.pop()
                    if not stack:
                        spans.append(QuoteSpan(pos + start + 1, pos + j))
            elif char == STRAIGHT:
                if _straight_role(paragraph, j, len(stack)) == "open":
                    stack.append(j)
                elif stack:
                    start = stack.pop()
                    if not stack:
                        spans.append(QuoteSpan(pos + start + 1, pos + j))
        if stack:
            start = stack[0]
            end = len(paragraph.rstrip())
            if end > start + 1:
                spans.append(QuoteSpan(pos + start + 1, pos + end, closed=False))
        pos += len(paragraph) + 1
    return [s for s in spans if s.end > s.start and text[s.start : s.end].strip()]


def _tokens_inside(doc: Doc, span: QuoteSpan) -> list[Token]:
    inside = doc.char_span(span.start, span.end, alignment_mode="contract")
    if inside is None:
        return []
    return [t for t in inside if t.idx >= span.start and t.idx + len(t.text) <= span.end]


def _words(text: str) -> int:
    return len([w for w in text.split() if any(c.isalnum() for c in w)])


def _governing_verb(inside: list[Token]) -> Token | None:
    """A reporting verb outside the quote that governs one of its tokens.

    A verb of naming ("X called the move a \"…\"") governs its quoted words too: the
    nearest such verb above the quote, when no reporting verb is nearer.
    """
    inside_ids = {t.i for t in inside}
    for token in inside:
        for ancestor in token.ancestors:
            if ancestor.i in inside_ids:
                continue
            if _is_cue(ancestor) or (
                ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in NAMING_VERBS
            ):
                return ancestor
    return None


def _adjacent_verb(doc: Doc, inside: list[Token], span: QuoteSpan) -> Token | None:
    """A reporting verb in the clause just before or just after the quote marks."""
    first, last = inside[0], inside[-1]
    para_start = doc_text(doc).rfind("\n", 0, span.start) + 1
    para_end = doc_text(doc).find("\n", span.end)
    para_end = len(doc_text(doc)) if para_end < 0 else para_end
    # after: “…,” he said / “…,” said X / …", Graham continued.
    for i in range(last.i + 1, min(len(doc), last.i + 8)):
        tok = doc[i]
        if tok.idx >= para_end or (tok.text in {'"', "\u201c"} and i > last.i + 1):
            break
        if tok.is_sent_start and tok.text not in {'"', "\u201d", ",", "."} and i > last.i + 2:
            break
        if _is_cue(tok):
            return tok
        if tok.text in {".", "!", "?"} and i > last.i + 1:
            break
    # before: X remarked, “…” / X said: "…"
    for i in range(first.i - 1, max(-1, first.i - 25), -1):
        tok = doc[i]
        if tok.idx < para_start or tok.text in {".", "!", "?", "\u201d"}:
            break
        if tok.text == '"' and i < first.i - 1:
            break
        if _is_cue(tok) and tok.i >= first.i - 12:
            return tok
    return None


def _document_subject(verb: Token) -> Token | None:
    """The document that ``verb`` (``read``) gives the words of, or None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words("sourcing_document_verbs"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in {"which", "that"} and verb.dep_ == "relcl":
        subj = verb.head
    nouns = words("sourcing_document_nouns")
    if subj is None or (subj.lemma_.lower() not in nouns and subj.lower_ not in nouns):
        return None
    return subj


def _is_cue(token: Token) -> bool:
    """A reporting verb, or a verb of reading whose subject is a document."""
    return is_reporting(token) or _document_subject(token) is not None


def _document_owner(document: Token, actors: ActorIndex) -> Token | None:
    """Who issued a document: its possessor, its ``by`` agent, or the subject that released it."""
    for child in document.children:
        if child.dep_ == "poss" and actor_of(child, actors):
            return child
    for sub in document.subtree:
        if sub.lower_ == "by" and sub.dep_ in {"agent", "prep"} and sub.head.i != document.head.i:
            obj = next((g for g in sub.children if g.dep_ == "pobj"), None)
            if obj is not None and actor_of(obj, actors):
                return obj
    if document.dep_ in {"dobj", "nsubjpass"}:
        subj = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and actor_of(subj, actors):
            return subj
    return None


def _speaker_token(verb: Token, actors: ActorIndex) -> Token | None:
    """The subject of the reporting verb; a subjectless participle (``further saying``)
    climbs to the nearest clause whose subject names an actor; a document that is read
    gives the words of whoever issued it."""
    document = _document_subject(verb)
    if document is not None:
        return _document_owner(document, actors)
    own = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    quoted = verb.lemma_.lower() in words("sourcing_passive_speaker_verbs")
    if own is not None and own.dep_ == "nsubjpass" and not quoted:
        # "he was told by the minister of …": the agent speaks, the subject listens
        by = _passive_agent(verb)
        if by is not None:
            return by
        if _unspoken_passive(verb):
            return None  # "she was described as \"…\"": the one talked about
    if own is not None:
        return own
    inverted = _inverted_subject(verb, actors)
    if inverted is not None:
        return inverted
    first = subject_of(verb)
    current = verb
    for _ in range(5):
        if current.head is current:
            break
        current = current.head
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and actor_of(subject, actors):
            return subject
    return first


def _passive_agent(verb: Token) -> Token | None:
    """The ``by`` object of a passive reporting verb, also when the parser hung ``by``
    under a word of the verb's clause (``described as "…" by the police``)."""
    for sub in verb.subtree:
        if sub.lower_ != "by" or sub.dep_ not in {"agent", "prep"}:
            continue
        clause = next((a for a in sub.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if clause is not None and clause.i == verb.i:
            obj = next((g for g in sub.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _unspoken_passive(verb: Token) -> bool:
    """A passive reporting verb with no agent whose subject did not speak: ``he was
    described as "…"``, ``she was told "…"`` (not ``he was quoted as "…"``)."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children) or _passive_agent(verb) is not None:
        return False
    return verb.lemma_.lower() not in words("sourcing_passive_speaker_verbs")


def _inverted_subject(verb: Token, actors: ActorIndex) -> Token | None:
    """``"…," wrote X on Twitter``: a name right after a reporting verb that follows the
    closing quote is its subject, even when the parser took it for an object.

    Verbs whose object is the one spoken to ("told X", "asked X") are left out.
    """
    if verb.i == 0 or verb.lemma_.lower() in words("sourcing_addressee_verbs"):
        return None
    before = verb.doc[verb.i - 1]
    after_quote = before.is_quote or (
        before.text == "," and verb.i > 1 and verb.doc[verb.i - 2].is_quote
    )
    if not after_quote:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.left_edge.i == verb.i + 1 and actor_of(child, actors):
            return child
    return None


def _name_after(verb: Token, inside: list[Token], actors: ActorIndex) -> Token | None:
    """``"…" tweeted Mayor NAME``, however parsed: the actor mention that starts right after a
    reporting verb that right follows the quotation (not after ``told``, whose object listens)."""
    doc = verb.doc
    gap = [t for t in doc[inside[-1].i + 1 : verb.i] if not (t.is_punct or t.is_space)]
    if gap or verb.i <= inside[-1].i or verb.i + 1 >= len(doc):
        return None
    if verb.lemma_.lower() in words("sourcing_addressee_verbs"):
        return None
    mention = actors.mention_at(verb.i + 1)
    if mention is None or mention.start != verb.i + 1:
        return None
    return doc[mention.head] if mention.start <= mention.head < mention.end else doc[verb.i + 1]


def _intro_clause(doc: Doc, inside: list[Token], span: QuoteSpan) -> Token | None:
    """``X defended his decision, "…"``: the verb of the clause a comma or colon joins."""
    before = doc_text(doc)[: span.start - 1].rstrip()
    if not before or before[-1] not in ",:":
        return None
    i = inside[0].i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    return None


def _according_to(doc: Doc, inside: list[Token]) -> Token | None:
    """The object of an ``according to`` phrase right before or after the quote, or
    anywhere earlier in the quote's own sentence (``According to X, the plan … "…"``)."""
    first, last = inside[0], inside[-1]
    start = min(max(0, first.i - 20), max(first.sent.start, first.i - 40))
    window = list(range(start, first.i)) + list(
        range(last.i + 1, min(len(doc), last.i + 6))
    )
    for i in window:
        tok = doc[i]
        if tok.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            for child in doc[i + 1].children:
                if child.dep_ == "pobj":
                    return child
    return None


def _agent(token: Token) -> Token:
    """``a statement by X`` / ``a tweet released by X``: the X, else the token.

    Only a common noun (a statement, a tweet) has an author by ``by``, and only a ``by``
    of its own phrase: in ``according to Smith, the letter written by the suspect …``
    the suspect is not the one quoted.
    """
    if token.pos_ != "NOUN":
        return token
    near = [token] + [c for c in token.children if c.dep_ in {"acl", "prep"}]
    for head in near:
        for sub in head.children:
            if sub.lower_ == "by" and sub.dep_ in {"agent", "prep"}:
                for child in sub.children:
                    if child.dep_ == "pobj":
                        return child
    return token


def _previous_speaker(doc: Doc, inside: list[Token], actors: ActorIndex) -> Token | None:
    """For a quote standing alone as sentence(s): the subject of the sentence before."""
    first = inside[0]
    sent = first.sent
    before = [t for t in sent if t.i < first.i and not t.is_punct and not t.is_space]
    if before:
        return None
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    subject = subject_of(previous.root)
    if subject is not None and actor_of(subject, actors):
        return subject
    return None


def _continued(
    doc: Doc, inside: list[Token], span: QuoteSpan, last: tuple[str | None, str | None, int] | None
) -> tuple[str | None, str | None] | None:
    """A quote standing alone right after an attributed quote continues that speaker.

    ``"…," Smith said. "…"``: the quote opens its sentence, and the sentence just before
    it (in the same paragraph, or ending the paragraph before) closes with the last
    attributed quote. Anything else between them breaks the chain.
    """
    if last is None or last[0] is None:
        return None
    first = inside[0]
    sent = first.sent
    if any(t.i < first.i and not (t.is_punct or t.is_space) for t in sent):
        return None
    start = sent.start
    while start > 0 and doc[start - 1].is_space:
        start -= 1
    if start == 0:
        return None
    previous = doc[start - 1].sent
    if not previous.start_char <= last[2] <= previous.end_char:
        return None
    between = doc_text(doc)[last[2] : span.start - 1]
    if between.count("\n") and not _ends_paragraph(between):
        return None
    return last[0], last[1]


def _ends_paragraph(between: str) -> bool:
    """The text between two quotes is the attribution closing one paragraph, then a break."""
    head, _, _ = between.partition("\n")
    return "\"" not in head and "\u201c" not in head


def _kind(doc: Doc, span: QuoteSpan, inside: list[Token]) -> str:
    """``direct`` when the quote is a clause of its own, ``partial`` when it is embedded."""
    before = doc_text(doc)[: span.start - 1].rstrip()
    prev = before[-1] if before else "\n"
    text = doc_text(doc)[span.start : span.end].lstrip("[ ")
    if prev in ",:\n.!?" or not before:
        return "direct"
    if text[:1].isupper() and _words(text) >= 4 and any(t.pos_ in {"VERB", "AUX"} for t in inside):
        return "direct"
    return "partial"


def find_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    """Quotations of the document with speakers resolved to actors.

    Args:
        doc: the parsed document.
        actors: the actor stage's index (pronouns come resolved from it).

    Returns:
        Quotes in text order, ids ``Q1``…; scare quotes and titles without a
        reporting verb are left out.
    """
    return [quote for quote, _, _ in quotes_with_tokens(doc, actors)]


def quotes_with_tokens(doc: Doc, actors: ActorIndex) -> list[tuple[Quote, int | None, int | None]]:
    """Like ``find_quotes``, with the speaker's and the cue's token index for each quote."""
    quotes: list[Quote] = []
    found: list[tuple[Quote, int | None, int | None]] = []
    short_limit: int = lexicon()["scare_quote_max_words"]
    last_speaker: tuple[str | None, str | None, int] | None = None
    for span in quote_spans(doc_text(doc)):
        inside = _tokens_inside(doc, span)
        inside = [t for t in inside if not t.is_space]
        if not inside:
            continue
        text = doc_text(doc)[span.start : span.end]
        short = _words(text) <= short_limit
        rule = "quote.governed"
        verb = _governing_verb(inside)
        if verb is None and not short:
            verb = _adjacent_verb(doc, inside, span)
            rule = "quote.adjacent"
        speaker_tok: Token | None = _speaker_token(verb, actors) if verb is not None else None
        within = speaker_tok is not None and inside[0].i <= speaker_tok.i <= inside[-1].i
        if verb is not None and within:
            # a subject found inside the quotation is the quote's own words, never its speaker
            speaker_tok = _name_after(verb, inside, actors)
        cue_text = verb.text if verb is not None else None
        cue_i = verb.i if verb is not None else None
        if speaker_tok is None:
            according = _according_to(doc, inside)
            if according is not None and short and according.sent.start != inside[0].sent.start:
                according = None  # a short phrase is a quote only when its own sentence credits it
            if according is not None:
                speaker_tok = _agent(according)
                rule = "quote.according_to"
                cue_text = "according to"
                cue_i = according.head.i
        if speaker_tok is None and verb is None and not short:
            intro = _intro_clause(doc, inside, span)
            subject = subject_of(intro) if intro is not None else None
            if intro is not None and subject is not None and actor_of(subject, actors):
                speaker_tok, cue_text, rule = subject, intro.text, "quote.intro_clause"
                cue_i = intro.i
        continued = None
        if speaker_tok is None and verb is None and not short and span.closed:
            continued = _continued(doc, inside, span, last_speaker)
        if continued is not None:
            rule = "quote.continued"
        elif speaker_tok is None and verb is None and not short:
            speaker_tok = _previous_speaker(doc, inside, actors)
            rule = "quote.previous_sentence"
        if verb is None and speaker_tok is None and continued is None:
            if short or not span.closed:
                continue
            quotes.append(
                Quote(
                    id=f"Q{len(quotes) + 1}",
                    text=text,
                    start=span.start,
                    end=span.end,
                    speaker=None,
                    speaker_text=None,
                    cue=None,
                    kind="direct" if _kind(doc, span, inside) == "direct" else "partial",
                    rule="quote.unattributed",
                )
            )
            found.append((quotes[-1], None, None))
            continue
        if not span.closed and speaker_tok is None:
            continue
        speaker: str | None = None
        speaker_text: str | None = None
        if speaker_tok is not None:
            stop = {t.i for t in inside} | ({verb.i} if verb is not None else set())
            speaker = actor_of(speaker_tok, actors)
            speaker_text = name_text(speaker_tok, actors, speaker, stop)
        elif continued is not None:
            speaker, speaker_text = continued
        elif last_speaker is not None and (
            verb is None or (_document_subject(verb) is None and not _unspoken_passive(verb))
        ):
            speaker, speaker_text, _ = last_speaker
        kind = "partial" if short else _kind(doc, span, inside)
        quotes.append(
            Quote(
                id=f"Q{len(quotes) + 1}",
                text=text,
                start=span.start,
                end=span.end,
                speaker=speaker,
                speaker_text=speaker_text,
                cue=cue_text,
                kind="direct" if kind == "direct" else "partial",
                rule=rule,
            )
        )
        last_speaker = (speaker, speaker_text, span.end)
        found.append((quotes[-1], speaker_tok.i if speaker_tok is not None else None, cue_i))
    return found
