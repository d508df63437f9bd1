import pytest

from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.suggestions import new_suggestions


def test_lookup_by_position_returns_innermost_first():
    outer = Highlight(0, 40, "DATE")
    inner = Highlight(10, 21, "DATE")
    other = Highlight(50, 60, "GPE")
    highlights = HighlightSet([outer, other, inner])
    assert highlights.at(12) == [inner, outer]
    assert highlights.at(45) == []
    assert [h.id for h in highlights] == [outer.id, inner.id, other.id]
    assert highlights.overlapping(39, 55) == [outer, other]


def test_replace_moves_a_highlight_in_the_index():
    h = Highlight(0, 5, "ORG")
    highlights = HighlightSet([h])
    highlights.replace(h.edited(start=10, end=15, label="GPE"))
    assert highlights.at(2) == []
    assert highlights.at(12)[0].label == "GPE"
    assert highlights[h.id].modified


def test_rejected_highlights_are_kept_but_not_counted():
    kept = Highlight(0, 5, "ORG", status="rejected")
    highlights = HighlightSet([kept, Highlight(6, 9, "ORG")])
    assert len(highlights) == 2
    assert highlights.label_counts()["ORG"] == 1


def test_bad_spans_and_duplicate_ids_are_refused():
    with pytest.raises(ValueError):
        Highlight(5, 5, "ORG")
    with pytest.raises(ValueError):
        Highlight(0, 3, "ORG", origin="robot")
    h = Highlight(0, 3, "ORG")
    with pytest.raises(KeyError):
        HighlightSet([h, h])


def test_a_batch_with_a_taken_id_adds_nothing():
    first = Highlight(0, 3, "ORG")
    highlights = HighlightSet([first])
    taken = [Highlight(4, 6, "GPE"), first]
    twice = [Highlight(4, 6, "GPE", id="x"), Highlight(7, 9, "GPE", id="x")]
    for batch in (taken, twice):
        with pytest.raises(KeyError, match="duplicate highlight id"):
            highlights.extend(batch)
        assert len(highlights) == 1
        assert highlights.label_counts() == {"ORG": 1}
        assert [h.id for h in highlights.overlapping(0, 20)] == [first.id]


def test_a_batch_counts_every_label_and_only_visible_ones_as_shown():
    highlights = HighlightSet()
    highlights.extend([Highlight(0, 3, "ORG"), Highlight(4, 6, "ORG", status="rejected"),
                       Highlight(7, 9, "GPE", status="accepted")])
    assert highlights.label_counts() == {"ORG": 1, "GPE": 1}
    assert highlights.used_labels() == {"ORG", "GPE"}


def test_suggestions_never_bring_back_rejected_or_override_manual_ones():
    rejected = Highlight(0, 6, "PERSON", status="rejected")
    manual = Highlight(10, 16, "GPE", origin="manual", status="accepted")
    existing = HighlightSet([rejected, manual])
    spans = [(0, 6, "PERSON"), (10, 16, "ORG"), (20, 25, "DATE"), (20, 25, "DATE"), (0, 6, "NORP")]
    added = new_suggestions(existing, spans)
    assert [(h.start, h.end, h.label) for h in added] == [(20, 25, "DATE"), (0, 6, "NORP")]
    assert all(h.origin == "model" and h.status == "suggested" for h in added)
