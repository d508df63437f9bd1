"""Suggestions from the analysis, and their revision by the document-level pass."""

from dataclasses import dataclass

from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.suggestions import FROM_CORRECTIONS, new_suggestions, revised_suggestions


@dataclass
class Span:
    start: int
    end: int
    label: str
    reason: str = "model"


def suggestion(start, end, label, reason="model"):
    return Highlight(start, end, label, origin="model", status="suggested", reason=reason)


def test_new_suggestions_carry_their_reason_and_skip_what_a_person_decided():
    existing = HighlightSet([
        Highlight(0, 5, "ORG", origin="manual", status="accepted"),
        Highlight(10, 15, "GPE", status="rejected"),
    ])
    made = new_suggestions(existing, [
        (0, 5, "GPE", "model"), (10, 15, "GPE", "model"), (20, 25, "NORP", "gazetteer: demonym"),
        (30, 35, "PERSON"),
    ])
    assert [(h.start, h.label, h.reason) for h in made] == [(20, "NORP", "gazetteer: demonym"),
                                                            (30, "PERSON", "")]


def test_a_suggestion_from_your_corrections_never_overlaps_a_hand_made_highlight():
    existing = HighlightSet([Highlight(0, 11, "ORG", origin="manual", status="accepted")])
    made = new_suggestions(existing, [(0, 5, "PRODUCT", FROM_CORRECTIONS), (0, 5, "PERSON", "model")])
    assert [(h.label, h.reason) for h in made] == [("PERSON", "model")]


def test_a_relabelled_span_keeps_its_suggestion_id_and_a_withdrawn_one_goes():
    gpe, org = suggestion(10, 21, "GPE"), suggestion(30, 33, "ORG")
    existing = HighlightSet([gpe, org])
    removed, added = revised_suggestions(
        existing,
        withdrawn=[Span(10, 21, "GPE"), Span(30, 33, "ORG")],
        added=[Span(10, 21, "PERSON", "document consistency: same as 'Aliya Mussabekova'"),
               Span(40, 51, "PERSON", "document consistency: same as 'Aliya Mussabekova'")],
    )
    assert removed == [gpe, org]
    relabelled, new = added
    assert (relabelled.id, relabelled.label, relabelled.status) == (gpe.id, "PERSON", "suggested")
    assert relabelled.reason.startswith("document consistency")
    assert (new.start, new.label, new.origin) == (40, "PERSON", "model")


def test_decided_highlights_are_never_touched_nor_a_rejected_label_brought_back():
    accepted = Highlight(0, 5, "GPE", status="accepted")
    manual = Highlight(10, 15, "ORG", origin="manual", status="accepted")
    rejected = Highlight(20, 25, "PERSON", status="rejected")
    gpe = suggestion(20, 25, "GPE")
    existing = HighlightSet([accepted, manual, rejected, gpe])
    removed, added = revised_suggestions(
        existing,
        withdrawn=[Span(0, 5, "GPE"), Span(10, 15, "ORG"), Span(20, 25, "GPE")],
        added=[Span(0, 5, "PERSON"), Span(10, 15, "PERSON"), Span(20, 25, "PERSON")],
    )
    assert removed == [gpe]
    assert added == []


def test_nothing_changes_when_the_pass_changed_nothing():
    existing = HighlightSet([suggestion(0, 5, "GPE")])
    assert revised_suggestions(existing, [], []) == ([], [])
