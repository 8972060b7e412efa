"""Claims and denials: who stands behind each event, one English construction per row.

Each construction has positive rows and at least one NEGATIVE row (a sentence where the
rule must not fire). Sentences are written by us; names are generic states. The
documents are published on Monday 2024-03-04.

A row is ``(construction, sentence, trigger, want)``; ``want`` holds any of:

- ``status``, ``polarity``, ``certainty``, ``modality``, ``date``: the event's value;
- ``not_status``: a status the event must not have;
- ``fact``: whether the event is stated as plain fact (actual, positive, confirmed);
- ``parent``: the trigger text of its parent event;
- ``denied_by``: the countries of the actors who deny it;
- ``cameo`` (a prefix), ``plover``: the event's codes;
- ``denial``: whether the event was coded as a denial (its rule);
- ``no_fact``: no event of this trigger may be stated as fact (also met by no event).
"""

from __future__ import annotations

import pytest

PUBLISHED = "2024-03-04"  # a Monday

ROWS = [
    # -- denial of an act --------------------------------------------------------------
    ("deny-act", "Chile denied attacking the Peruvian border post.", "attacking",
     dict(status="denied", polarity="negative", parent="denied", denied_by={"CHL"},
          fact=False)),
    ("deny-act-denial", "Chile denied attacking the Peruvian border post.", "denied",
     dict(plover="REJECT", cameo="016", status="asserted", denial=True)),
    ("deny-act-neg", "Chile attacked the Peruvian border post.", "attacked",
     dict(status="asserted", fact=True)),
    ("deny-act-negated-neg", "Chile did not deny attacking the Peruvian border post.",
     "attacking", dict(not_status="denied")),
    ("deny-act-present", "Iran denies arming the rebels in Yemen.", "arming",
     dict(status="denied", polarity="negative", parent="denies", fact=False)),
    ("deny-act-access-neg", "Chile denied Peru access to the port.", "denied",
     dict(cameo="124", denial=False)),
    # -- "deny that" ----------------------------------------------------------------
    ("deny-that", "Chile denied that Peruvian troops had attacked Bolivia.", "attacked",
     dict(status="denied", polarity="negative", parent="denied", denied_by={"CHL"},
          fact=False)),
    ("deny-that-other", "Chile denied that Peruvian troops had attacked Bolivia.", "denied",
     dict(plover="REJECT", cameo="120", denial=True)),
    ("deny-that-neg", "Chile said that Peruvian troops had attacked Bolivia.", "attacked",
     dict(status="claimed", certainty="reported", polarity="positive", fact=False)),
    # -- denial of an intention -----------------------------------------------------------
    ("deny-intent", "Chile denied plans to invade Peru.", "invade",
     dict(status="denied", polarity="negative", modality="future", parent="denied",
          fact=False)),
    ("deny-intent-denial", "Chile denied plans to invade Peru.", "denied",
     dict(plover="REJECT", cameo="016", denial=True)),
    ("deny-intent-neg", "Chile announced plans to invade Peru.", "invade",
     dict(not_status="denied", polarity="positive", modality="future")),
    # -- denial of reports and claims ---------------------------------------------------
    ("deny-report", "Chile dismissed reports that it had shelled the Peruvian port.",
     "shelled", dict(status="denied", polarity="negative", certainty="reported",
                     parent="dismissed", fact=False)),
    ("deny-report-denial", "Chile dismissed reports that it had shelled the Peruvian port.",
     "dismissed", dict(plover="REJECT", cameo="016", denial=True)),
    ("deny-report-neg", "Chile dismissed the Peruvian ambassador.", "dismissed",
     dict(denial=False)),
    ("deny-claims", "Chile rejected claims that it had supplied weapons to Bolivia.",
     "supplied", dict(status="denied", polarity="negative", denied_by={"CHL"}, fact=False)),
    ("deny-claims-neg", "Chile rejected the Peruvian proposal for talks.", "rejected",
     dict(denial=False, cameo="12")),
    ("deny-claims-of", "Chile denied reports of an attack on Peru.", "attack",
     dict(no_fact=True)),
    ("deny-back", "The ministry said Chilean jets had bombed the Peruvian port. Chile "
     "denied it.", "bombed", dict(status="denied", polarity="negative", parent="denied",
                                  denied_by={"CHL"}, fact=False)),
    ("deny-back-neg", "Chilean jets bombed the Peruvian port. Chile denied it.", "bombed",
     dict(not_status="denied", polarity="positive")),
    ("deny-role", "Rebels seized the Peruvian port. Chile denied any role.", "denied",
     dict(plover="REJECT", cameo="016", denial=True)),
    ("deny-role-neg", "Rebels seized the Peruvian port. Chile denied any role.", "seized",
     dict(status="asserted", fact=True)),
    ("deny-accusations", "Chile rejected accusations by Peru that it was arming rebels.",
     "arming", dict(status="denied", certainty="alleged", fact=False)),
    ("deny-scope", "Chile denied attacking Peru, and Bolivia condemned the shelling.",
     "condemned", dict(status="asserted", not_status="denied", fact=True)),
    # -- claimed: the content of a verb of saying -----------------------------------------
    ("claim-said", "Activists said that Peruvian troops had killed twelve civilians.",
     "killed", dict(status="claimed", certainty="reported", fact=False)),
    ("claim-reported", "Activists reported that Peruvian troops had killed twelve civilians.",
     "killed", dict(status="claimed", certainty="reported", fact=False)),
    ("claim-reported-tag", "Activists reported that Peruvian troops had killed twelve civilians.",
     "reported", dict(status="asserted")),
    ("claim-after", "Peruvian troops killed twelve civilians, activists said.", "killed",
     dict(status="claimed", certainty="reported", fact=False)),
    ("claim-neg", "Peruvian troops killed twelve civilians on Monday.", "killed",
     dict(status="asserted", certainty="confirmed", fact=True)),
    ("claim-factive-neg", "Chile confirmed that Peruvian troops had killed twelve civilians.",
     "killed", dict(status="asserted")),
    ("claim-own-material", "The Chilean army said it had killed ten Peruvian rebels.",
     "killed", dict(status="claimed", fact=False)),
    ("claim-scope-neg", "Officials said the talks were useful, and Chile expelled the "
     "Peruvian ambassador.", "expelled", dict(status="asserted", fact=True)),
    # -- alleged ----------------------------------------------------------------------
    ("alleged-accuse", "Chile accused Peru of shelling the port.", "shelling",
     dict(status="alleged", certainty="alleged", fact=False)),
    ("alleged-accuse-neg", "Chile accused Peru of shelling the port.", "accused",
     dict(status="asserted")),
    ("alleged-claims", "Chile claims that Peru shelled the port.", "shelled",
     dict(status="alleged", fact=False)),
    ("alleged-ascribed", "The attack, blamed on Peruvian rebels, killed five Chilean soldiers.",
     "killed", dict(status="alleged", fact=False)),
    ("alleged-ascribed-neg", "Peruvian rebels killed five Chilean soldiers, and Chile "
     "blamed Peru.", "killed", dict(status="asserted", fact=True)),
    # -- unverified ----------------------------------------------------------------------
    ("unverified-next", "Rebels said they shot down a Peruvian jet. The claim could not be "
     "independently verified.", "shot", dict(status="unverified", certainty="uncertain")),
    ("unverified-next-neg", "Rebels said they shot down a Peruvian jet. The claim was "
     "verified by inspectors.", "shot", dict(status="claimed")),
    ("unverified-outlet", "Peru said Chilean jets had bombed the port. Reuters could not "
     "independently confirm the report.", "bombed", dict(status="unverified")),
    ("unverified-outlet-neg", "Peru said Chilean jets had bombed the port. Reuters "
     "confirmed the report.", "bombed", dict(status="claimed")),
    ("unverified-same", "Peruvian troops killed twelve civilians, a claim that could not be "
     "independently verified.", "killed", dict(status="unverified", fact=False)),
    ("unverified-scope-neg", "Peruvian troops killed twelve civilians. Chile recalled its "
     "ambassador, which could not be verified.", "killed", dict(status="asserted")),
    # -- evidence and hedges ------------------------------------------------------------
    ("satellite-show", "Satellite images show Russian troops massing near the Ukrainian "
     "border.", "massing", dict(status="claimed", certainty="reported", fact=False)),
    ("satellite-appear", "Satellite images appear to show Russian troops massing near the "
     "Ukrainian border.", "massing", dict(status="unverified", fact=False)),
    ("satellite-according", "Russian troops are massing near the Ukrainian border, according "
     "to satellite images.", "massing", dict(certainty="reported", fact=False)),
    ("satellite-neg", "Russian troops are massing near the Ukrainian border.", "massing",
     dict(status="asserted", fact=True)),
    ("hedge-believed", "Russia is believed to have sent troops to Syria.", "sent",
     dict(certainty="reported", fact=False)),
    ("hedge-appear", "Russian troops appear to have attacked the Ukrainian port.", "attacked",
     dict(status="unverified", fact=False)),
    ("hedge-may", "Russia may attack Ukraine.", "attack",
     dict(modality="hypothetical", certainty="uncertain")),
    ("hedge-scope-neg", "Russia may attack Ukraine, and Belarus sent troops to Poland.",
     "sent", dict(status="asserted", fact=True)),
    ("hedge-reportedly-neg", "Norway sent two ships to Chile, and Peru reportedly protested.",
     "sent", dict(status="asserted", fact=True)),
    # -- future and hypothetical content, with forward dates ---------------------------
    ("future-date", "Chile and Peru will meet again on Friday.", "meet",
     dict(modality="future", date="2024-03-08")),
    ("future-date-neg", "Chile and Peru met on Friday.", "met",
     dict(modality="actual", date="2024-03-01")),
    ("future-continue", "Officials said the Chinese exercises would continue through Friday.",
     "exercises", dict(modality="future", date="2024-03-08", fact=False)),
    ("future-continue-neg", "The Chinese exercises continued through Friday.", "exercises",
     dict(modality="actual", date="2024-03-01")),
    ("future-topic", "Chile has been holding talks with rebels on ending the war in Peru.",
     "ending", dict(modality="hypothetical", fact=False)),
    ("future-topic-neg", "Chile ended the war in Peru.", "ended",
     dict(modality="actual", fact=True)),
    ("future-time", "It is time for Chile to withdraw its troops from Peru.", "withdraw",
     dict(modality="requested", fact=False)),
    ("future-time-aside", "It is time now, after years of delay, for Chile to withdraw its "
     "troops from Peru.", "withdraw", dict(modality="requested", fact=False)),
    ("future-time-neg", "At that time Chile withdrew its troops from Peru.", "withdrew",
     dict(modality="actual", fact=True)),
    ("future-rehearse", "Russian forces may rehearse an assault on the port on Friday.",
     "rehearse", dict(modality="hypothetical", date="2024-03-08", fact=False)),
    # -- an infinitive that completes a noun names a possible act ------------------------
    ("irrealis-noun", "Chile turned down the Peruvian minister's offer to resign.", "resign",
     dict(modality="hypothetical", fact=False)),
    ("irrealis-noun-of", "Chile welcomed the willingness of Peru to accept the plan.",
     "accept", dict(modality="hypothetical", fact=False)),
    ("irrealis-noun-object", "Peru praised Chilean efforts to complete the withdrawal of"
     " its troops.", "withdrawal", dict(fact=False)),
    ("irrealis-noun-neg", "The Peruvian minister resigned after Chile turned down his"
     " offer.", "resigned", dict(modality="actual", fact=True)),
    # -- "was to" + verb: arranged, not done ------------------------------------------
    ("irrealis-be-to", "The Bolivian cabinet was to meet on Tuesday.", "meet",
     dict(modality="future", fact=False)),
    ("irrealis-be-to-purpose", "The Bolivian army was to cross the border on Tuesday to"
     " attack Chile.", "attack", dict(modality="future", fact=False)),
    ("irrealis-be-to-neg", "The Bolivian cabinet met on Tuesday to discuss the treaty with"
     " Chile.", "met", dict(modality="actual", fact=True)),
    # -- "for X to" + verb: only entertained -------------------------------------------
    ("irrealis-for-to", "It is usual for a new Chilean cabinet to expel foreign envoys.",
     "expel", dict(modality="hypothetical", fact=False)),
    ("irrealis-for-to-neg", "A new Chilean cabinet expelled two Peruvian envoys.", "expelled",
     dict(modality="actual", fact=True)),
    # -- "unable to", "arranged to" -------------------------------------------------------
    ("irrealis-unable", "The Chilean premier was unable to negotiate a deal with Peru.",
     "negotiate", dict(polarity="negative", fact=False)),
    ("irrealis-unable-neg", "The Chilean premier was able to negotiate a deal with Peru.",
     "negotiate", dict(polarity="positive")),
    # -- negated "could" with no condition: inability, the act not done -------------------
    ("irrealis-could-not", "The Chilean premier could not negotiate a deal with Peru.",
     "negotiate", dict(modality="actual", polarity="negative", fact=False)),
    ("irrealis-could-not-neg", "The Chilean premier could not negotiate a deal with Peru if"
     " Bolivia objected.", "negotiate", dict(modality="hypothetical", fact=False)),
    ("irrealis-arrange", "Chile arranged to provide fuel to Peru.", "provide",
     dict(modality="future", fact=False)),
    ("irrealis-arrange-neg", "Chile provided fuel to Peru.", "provided",
     dict(modality="actual", fact=True)),
]


def _is_fact(event) -> bool:
    return (event.modality == "actual" and event.polarity == "positive"
            and event.certainty == "confirmed")


@pytest.mark.parametrize(("construction", "sentence", "trigger", "want"), ROWS,
                         ids=[f"{n}-{r[0]}" for n, r in enumerate(ROWS)])
def test_claim(analyze, construction, sentence, trigger, want):
    record = analyze(sentence, published=PUBLISHED)
    countries = {a.id: a.country for a in record.actors}
    by_id = {e.id: e for e in record.events}
    found = [e for e in record.events if e.trigger.text == trigger]
    if want.get("no_fact"):
        assert not any(_is_fact(e) for e in found), f"{construction}: {found}"
        return
    assert found, f"{construction}: no event for {trigger!r} in {record.events}"
    event = found[0]
    for field in ("status", "polarity", "certainty", "modality", "date", "plover"):
        if field in want:
            assert getattr(event, field) == want[field], f"{construction}: {field} {event}"
    if "not_status" in want:
        assert event.status != want["not_status"], f"{construction}: {event}"
    if "fact" in want:
        assert _is_fact(event) == want["fact"], f"{construction}: {event}"
    if "parent" in want:
        parent = by_id.get(event.parent or "")
        assert parent is not None and parent.trigger.text == want["parent"], construction
    if "denied_by" in want:
        assert {countries.get(a) for a in event.denied_by} == want["denied_by"], construction
    if "cameo" in want:
        assert event.cameo.startswith(want["cameo"]), f"{construction}: {event.cameo}"
    if "denial" in want:
        assert ("claims:denial" in (event.rule or "")) == want["denial"], construction


def test_status_follows_certainty(analyze):
    """Every event has a status, and it never contradicts its certainty or polarity."""
    record = analyze("Chile denied attacking Peru. Activists said Peruvian troops had killed "
                     "twelve civilians. Russia may attack Ukraine.", published=PUBLISHED)
    pairs = {"confirmed": "asserted", "reported": "claimed", "alleged": "alleged",
             "uncertain": "unverified"}
    for event in record.events:
        if event.status == "denied":
            assert event.polarity == "negative" and event.denied_by
        else:
            assert pairs[event.certainty] == event.status, event


def test_table_size():
    """At least 40 rows, and every construction family has a negative row."""
    assert len(ROWS) >= 40
    families = {r[0].split("-")[0] for r in ROWS}
    negative = {r[0].split("-")[0] for r in ROWS if r[0].endswith("-neg")}
    assert families <= negative, families - negative
