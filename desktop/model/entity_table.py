"""EntityTable: the session's named entities, each with its mentions, for the
Entities pane and the chart of the most mentioned entities.

Computed from the current highlights (accepted and suggested, not rejected) with
the canonical-entity stage of the analysis (``desktop.nlp.entities``): one row per
canonical name and label, a people's mention ("Kazakh") counted under its country.
The table is recomputed lazily: a change of highlights only marks it stale and,
after a short quiet time, emits ``sigChanged``; whoever shows it asks for ``rows()``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core.highlight import Highlight
from desktop.core.suggestions import FROM_CORRECTIONS

if TYPE_CHECKING:
    from desktop.core.change import Change
    from desktop.model.session_model import SessionModel

#: Quiet time after the last highlight change before views are told to refresh.
REFRESH_DELAY_MS = 150

_REASON_TEXT = {
    "model": "the spaCy model",
    "all-caps re-read": "the spaCy model, reading the capitals in normal case",
    "relabelled by hand": "you relabelled it",
}


def reason_text(reason: str) -> str:
    """``reason`` as a person reads it in a tooltip ("" stays "")."""
    return _REASON_TEXT.get(reason, reason)


@dataclass
class EntityRow:
    """One entity: its canonical name and label, and its mentions' highlight ids in
    text order. ``linked`` counts the surfaces of mentions of another label that
    count towards it (the NORP "Kazakh" under the country Kazakhstan)."""

    canonical: str
    label: str
    mentions: list[str]
    linked: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return len(self.mentions)

    def next_mention(self, selected_id: str) -> str:
        """The mention after ``selected_id`` (round to the first), or the first
        mention when ``selected_id`` is not one of this entity's."""
        following = self.mentions.index(selected_id) + 1 if selected_id in self.mentions else 0
        return self.mentions[following % len(self.mentions)]


class EntityTable(QObject):
    """The entities of ``model``'s session (the model's ``entity_table``), kept up to
    date from the model's Changes."""

    sigChanged = Signal()

    def __init__(self, model: SessionModel) -> None:
        super().__init__(model)
        self._model = model
        self._rows: list[EntityRow] | None = None
        self._row_of: dict[str, int] = {}
        model.sigSessionReset.connect(self._went_stale)
        model.sigChanged.connect(self._on_change)

    def rows(self) -> list[EntityRow]:
        """The entities in the order of their first mention (computed when stale)."""
        if self._rows is None:
            self._rows = entity_rows(self._model.text, list(self._model.session.highlights.visible()))
            self._row_of = {i: n for n, row in enumerate(self._rows) for i in row.mentions}
        return self._rows

    def row_of(self, highlight_id: str) -> int:
        """The row of the entity ``highlight_id`` mentions, or -1."""
        self.rows()
        return self._row_of.get(highlight_id, -1)

    def _on_change(self, change: Change) -> None:
        if change.highlights_changed:
            self._went_stale()

    def _went_stale(self) -> None:
        self._rows = None
        self._model.scheduler.after_quiet("entity table", REFRESH_DELAY_MS, self.sigChanged.emit)


def entity_rows(text: str, highlights: list[Highlight]) -> list[EntityRow]:
    """The named entities ``highlights`` (visible ones, in text order) mention."""
    import pandas as pd

    from desktop.nlp.entities import canonical_entities
    from desktop.nlp.entities.mentions import canonical_names
    from desktop.nlp.entities.words import NAME_LABELS
    from desktop.nlp.results import EntitySpan

    names = [h for h in highlights if h.label in NAME_LABELS]
    if not names:
        return []
    spans = [EntitySpan(h.start, h.end, h.label, _stage_reason(h)) for h in names]
    frame = pd.DataFrame({
        "start": pd.Series([h.start for h in names], dtype="int64"),
        "label": pd.Series([h.label for h in names], dtype="object"),
        "canonical": pd.Series(canonical_names(spans, text), dtype="object"),
    })
    table = canonical_entities(frame)
    rows = [EntityRow(c, label, []) for c, label in zip(table["canonical"], table["label"])]
    index = {(row.canonical, row.label): n for n, row in enumerate(rows)}
    for highlight, canonical in zip(names, frame["canonical"]):
        n = index.get((canonical, highlight.label))
        if n is None:  # a people's mention counted under its country
            n = index.get((canonical, "GPE"))
            if n is None:
                continue
            rows[n].linked[highlight.surface(text)] += 1
        rows[n].mentions.append(highlight.id)
    return rows


def _stage_reason(highlight: Highlight) -> str:
    """The reason the entity stages see: a person's label is fixed like a correction."""
    if highlight.origin == "manual" or highlight.status == "accepted":
        return FROM_CORRECTIONS
    return highlight.reason or "model"
