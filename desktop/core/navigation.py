"""Moving from one highlight to the next in text order."""

from __future__ import annotations

from desktop.core.highlight_set import HighlightSet


def neighbour(highlights: HighlightSet, highlight_id: str, step: int, suggestions_only: bool = False) -> str:
    """The id of the next (step 1) or previous (-1) visible highlight in text order
    after ``highlight_id`` (or from the start/end when it is none); "" at the end."""
    shown = [h for h in highlights.visible() if not suggestions_only or h.status == "suggested"]
    if not shown:
        return ""
    current = highlights.get(highlight_id)
    if current is None:
        return shown[0 if step > 0 else -1].id
    key = (current.start, current.end, current.id)
    if step > 0:
        return next((h.id for h in shown if (h.start, h.end, h.id) > key), "")
    return next((h.id for h in reversed(shown) if (h.start, h.end, h.id) < key), "")
