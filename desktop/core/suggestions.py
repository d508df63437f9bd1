"""Turning the model's entity spans into suggestions without undoing a person's work."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet


def new_suggestions(
    existing: HighlightSet, spans: Iterable[tuple[int, int, str]]
) -> list[Highlight]:
    """Suggested highlights for the spans that are not already decided.

    A span is skipped when a highlight with the same span and label exists in any
    state (so a rejected suggestion stays rejected and an accepted one is not
    doubled), and when a hand-made highlight covers exactly the same span (the
    person's label wins over the model's).
    """
    suggestions = []
    seen: set[tuple[int, int, str]] = set()
    for start, end, label in spans:
        key = (start, end, label)
        if key in seen:
            continue
        seen.add(key)
        same_span = [h for h in existing.overlapping(start, end) if (h.start, h.end) == (start, end)]
        if any(h.label == label or h.origin == "manual" for h in same_span):
            continue
        suggestions.append(Highlight(start, end, label, origin="model", status="suggested"))
    return suggestions
