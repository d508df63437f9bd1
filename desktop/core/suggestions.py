"""Turning the model's entity spans into suggestions without undoing a person's work."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet

#: The reason of a suggestion that comes from the user's own earlier corrections
#: (the same words as ``desktop.nlp.entities.reasons.FROM_CORRECTIONS``).
FROM_CORRECTIONS = "from your corrections"

#: ``(start, end, label)`` or ``(start, end, label, reason)``.
SpanTuple = tuple[int, int, str] | tuple[int, int, str, str]


class LabelledSpan(Protocol):
    """A span the analysis labelled, such as ``desktop.nlp.entity_merge.EntitySpan``."""

    start: int
    end: int
    label: str
    reason: str


def new_suggestions(existing: HighlightSet, spans: Iterable[SpanTuple]) -> list[Highlight]:
    """Suggested highlights for the spans that are not already decided.

    A span is skipped when a highlight with the same span and label exists in any
    state (so a rejected suggestion stays rejected and an accepted one is not
    doubled), and when a hand-made highlight covers exactly the same span (the
    person's label wins over the model's). A span from the user's corrections is
    also skipped when it overlaps any hand-made highlight: the lexicon never
    overrides what the person did in this article. A span's optional fourth item is
    the suggestion's ``reason``.
    """
    suggestions = []
    seen: set[tuple[int, int, str]] = set()
    for span in spans:
        start, end, label = span[0], span[1], span[2]
        key = (start, end, label)
        if key in seen:
            continue
        seen.add(key)
        reason = span[3] if len(span) > 3 else ""  # type: ignore[misc]
        if _decided(existing, start, end, label, reason):
            continue
        suggestions.append(
            Highlight(start, end, label, origin="model", status="suggested", reason=reason)
        )
    return suggestions


def revised_suggestions(
    existing: HighlightSet, withdrawn: Sequence[LabelledSpan], added: Sequence[LabelledSpan]
) -> tuple[list[Highlight], list[Highlight]]:
    """The highlights to take out and to put in when a later pass (the document-level
    entity stages) withdrew the spans ``withdrawn`` and added ``added``.

    Only undecided suggestions of the model change: a withdrawn span's suggestion
    goes, or, when the pass gave its span another label, is relabelled in place
    (same id, so a selection on it stays). Hand-made, accepted and rejected
    highlights are never touched; an added span is not suggested where a person
    decided on the same span (any label, any state with the same label) or, for a
    span from the user's corrections, anywhere a hand-made highlight overlaps it.
    Returns ``(removed, added)`` in the shape ``SessionModel`` applies.
    """
    replacements = {(s.start, s.end): s for s in added}
    used: set[tuple[int, int]] = set()
    taken: set[str] = set()
    removed: list[Highlight] = []
    put: list[Highlight] = []
    for span in withdrawn:
        for highlight in existing.overlapping(span.start, span.end):
            if ((highlight.start, highlight.end, highlight.label) != (span.start, span.end, span.label)
                    or highlight.origin != "model" or highlight.status != "suggested"
                    or highlight.id in taken):
                continue
            taken.add(highlight.id)
            removed.append(highlight)
            extent = (span.start, span.end)
            new = replacements.get(extent)
            if new is not None and extent not in used and not _decided(
                existing, new.start, new.end, new.label, new.reason, strict=True
            ):
                put.append(replace(highlight, label=new.label, reason=new.reason))
                used.add(extent)
    fresh = [s for s in added if (s.start, s.end) not in used
             and not _decided(existing, s.start, s.end, s.label, s.reason, strict=True)]
    put.extend(new_suggestions(existing, ((s.start, s.end, s.label, s.reason) for s in fresh)))
    return removed, put


def _decided(
    existing: HighlightSet, start: int, end: int, label: str, reason: str, strict: bool = False
) -> bool:
    """True when a suggestion of ``label`` on ``[start, end)`` would go against what is
    there: the same span and label in any state, a hand-made highlight on the same
    span, (``strict``) an accepted one on the same span, or, for a suggestion from
    the user's corrections, a hand-made highlight overlapping it."""
    overlapping = existing.overlapping(start, end)
    for h in overlapping:
        if (h.start, h.end) == (start, end) and (
            h.label == label or h.origin == "manual" or (strict and h.status == "accepted")
        ):
            return True
    return reason == FROM_CORRECTIONS and any(
        h.origin == "manual" and h.visible for h in overlapping
    )


def revision_slices(text: str, changes, size: int) -> Iterator[tuple[list, list]]:
    """The spans the document pass withdrew and added (``changes``: EntityChanges),
    a run of whole paragraphs at a time holding about ``size`` of them, in text order
    (a span and what it overlaps always share a paragraph)."""
    paragraphs: dict[int, tuple[list, list]] = {}
    for side, spans in enumerate((changes.removed, changes.added)):
        for span in spans:
            paragraphs.setdefault(text.rfind("\n", 0, span.start), ([], []))[side].append(span)
    withdrawn, added = [], []
    for paragraph in sorted(paragraphs):
        withdrawn += paragraphs[paragraph][0]
        added += paragraphs[paragraph][1]
        if len(withdrawn) + len(added) >= size:
            yield withdrawn, added
            withdrawn, added = [], []
    if withdrawn or added:
        yield withdrawn, added
