"""What a person's edits mean, as pure functions from a session to a :class:`Change`.

Each rule reads the session and returns the change that makes the edit (an empty
change when there is nothing to do); it never writes. The window's model pushes the
change on its undo stack; the command line applies it with ``apply_change``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from desktop.core.change import Change, OverrideEdit
from desktop.core.figure import FIGURE_ROLES
from desktop.core.highlight import Highlight
from desktop.core.labels import Label

if TYPE_CHECKING:
    from desktop.core.session import Session

#: The reason a highlight a person relabelled carries.
RELABELLED = "relabelled by hand"
#: How much of a highlight's text an undo step's name quotes.
QUOTE_LIMIT = 30

NO_CHANGE = Change()


def add_highlight(session: Session, start: int, end: int, label: str) -> tuple[Change, str]:
    """Label ``[start, end)`` by hand: the change and the id of the highlight that
    carries the label afterwards.

    A suggestion on exactly that span is accepted when it has the same label and
    rejected (superseded by the person's label) when it has another. ValueError when
    the span is outside the text.
    """
    if not 0 <= start < end <= len(session.article.text):
        raise ValueError(f"span [{start}, {end}) is outside the text")
    same_span = [h for h in session.highlights.overlapping(start, end)
                 if (h.start, h.end) == (start, end) and h.visible]
    for highlight in same_span:
        if highlight.label == label:
            return accept(session, [highlight.id]), highlight.id
    superseded = tuple(h for h in same_span if h.status == "suggested")
    highlight = Highlight(start, end, label, origin="manual", status="accepted")
    change = Change(
        removed=superseded,
        added=(*(h.edited(status="rejected") for h in superseded), highlight),
        text=f"Add {label} “{quote(session, highlight)}”",
        teaches=(("accepted", (highlight,)),),
    )
    return change, highlight.id


def label_spans(session: Session, spans: Iterable[tuple[int, int]], label: str) -> Change:
    """Label by hand every span that does not already carry ``label``."""
    added = tuple(
        Highlight(start, end, label, origin="manual", status="accepted")
        for start, end in spans
        if not any((h.start, h.end, h.label) == (start, end, label)
                   for h in session.highlights.overlapping(start, end))
    )
    if not added:
        return NO_CHANGE
    return Change(added=added, text=f"Label {len(added)} occurrences as {label}",
                  teaches=(("accepted", added[:1]),))


def remove_highlights(session: Session, highlight_ids: Iterable[str]) -> Change:
    """Delete highlights: hand-made ones go, the model's are kept as rejected so that
    analysing the article again does not bring them back."""
    chosen = [session.highlights[i] for i in highlight_ids]
    manual = tuple(h for h in chosen if h.origin == "manual")
    model = tuple(h for h in chosen if h.origin == "model" and h.status != "rejected")
    if not (manual or model):
        return NO_CHANGE
    text = (f"Delete “{quote(session, chosen[0])}”" if len(chosen) == 1
            else f"Delete {len(chosen)} highlights")
    return Change(removed=manual + model, added=tuple(h.edited(status="rejected") for h in model),
                  text=text, teaches=(("rejected", model),))


def relabel(session: Session, highlight_id: str, label: str) -> Change:
    """Give a highlight another label; it becomes the person's decision."""
    highlight = session.highlights[highlight_id]
    why = {} if highlight.label == label else {"reason": RELABELLED}
    change = edit(session, [highlight_id], f"Label as {label}", label=label, status="accepted", **why)
    return _teaching(change, "accepted", change.added or (highlight,))


def resize(session: Session, highlight_id: str, start: int, end: int) -> Change:
    """Move a highlight's ends (no change when the span would be empty or outside)."""
    if not 0 <= start < end <= len(session.article.text):
        return NO_CHANGE
    return edit(session, [highlight_id], "Resize highlight", start=start, end=end, status="accepted")


def set_note(session: Session, highlight_id: str, note: str) -> Change:
    return edit(session, [highlight_id], "Edit note", note=note.strip())


def accept(session: Session, highlight_ids: Iterable[str]) -> Change:
    """Accept suggestions (hand-made highlights are accepted already)."""
    ids = [i for i in highlight_ids if session.highlights[i].status != "accepted"]
    text = "Accept suggestion" if len(ids) == 1 else f"Accept {len(ids)} suggestions"
    change = edit(session, ids, text, status="accepted")
    return _teaching(change, "accepted", change.added)


def accept_all(session: Session, label: str) -> Change:
    """Accept every suggestion of ``label``."""
    ids = [h.id for h in session.highlights if h.label == label and h.status == "suggested"]
    return edit(session, ids, f"Accept all {label}", status="accepted")


def set_labels(session: Session, labels: list[Label]) -> Change:
    """Replace the label list (names, colours, keys)."""
    if list(labels) == list(session.labels):
        return NO_CHANGE
    return Change(labels=(tuple(session.labels), tuple(labels)), text="Edit labels")


def set_label_hidden(session: Session, label: str, hidden: bool) -> Change:
    """Hide or show every highlight of ``label`` in the article."""
    before = frozenset(session.hidden_labels)
    if hidden == (label in before):
        return NO_CHANGE
    after = before | {label} if hidden else before - {label}
    return Change(hidden=(before, after), text=f"{'Hide' if hidden else 'Show'} {label}")


def set_figure_override(session: Session, highlight_id: str, column: str, value: Any) -> Change:
    """Correct one cell of a figure row by hand (``None`` removes the correction); a
    role must be one of FIGURE_ROLES (ValueError otherwise)."""
    if column == "role" and value is not None and value not in FIGURE_ROLES:
        raise ValueError(f"{value!r} is not a figure role ({', '.join(FIGURE_ROLES)})")
    before = session.figure_overrides.get(highlight_id, {}).get(column)
    if before == value:
        return NO_CHANGE
    text = f"Correct {column}" if value is not None else f"Restore {column}"
    return Change(overrides=(OverrideEdit(highlight_id, column, before, value),), text=text)


def edit(session: Session, highlight_ids: list[str], text: str, **changes: Any) -> Change:
    """Replace the highlights ``highlight_ids`` by copies with ``changes`` (those that
    already have them stay out of the change)."""
    before = tuple(h for h in (session.highlights[i] for i in highlight_ids)
                   if any(getattr(h, k) != v for k, v in changes.items()))
    if not before:
        return NO_CHANGE
    return Change(removed=before, added=tuple(h.edited(**changes) for h in before), text=text)


def quote(session: Session, highlight: Highlight, limit: int = QUOTE_LIMIT) -> str:
    """The highlight's text, cut to ``limit`` characters for an undo step's name."""
    surface = highlight.surface(session.article.text)
    return surface if len(surface) <= limit else surface[: limit - 1] + "…"


def _teaching(change: Change, decision: str, highlights: tuple[Highlight, ...]) -> Change:
    return replace(change, teaches=((decision, tuple(highlights)),)) if highlights else change
