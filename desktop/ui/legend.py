"""LabelLegend: one checkbox per label, with its colour and count; unchecking hides it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QWidget

from desktop.model.session_model import SessionModel
from desktop.ui.colour_scheme import SCHEME, on_scheme_change
from desktop.ui.flow_layout import FlowLayout, expanding_width_policy
from desktop.ui.plain_text import tooltip_text


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A square icon filled with ``colour``, with a thin darker edge; drawn at 1×, 2× and
    3× the size, so that it stays sharp on a screen scaled to 200% or 300%."""
    icon = QIcon()
    fill = QColor(colour)
    edge = fill.darker(150) if fill.lightness() > 60 else fill.lighter(180)
    for scale in (1, 2, 3):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.fill(fill)
        painter = QPainter(pixmap)
        painter.setPen(edge)
        painter.drawRect(0, 0, size * scale - 1, size * scale - 1)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class LabelLegend(QWidget):
    """Labels in use, each a checkbox "■ LABEL 12"; checked means shown."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._boxes: dict[str, QCheckBox] = {}
        self.setObjectName("labelLegend")
        self.setSizePolicy(expanding_width_policy())
        self._layout = FlowLayout(self)
        self.hide()  # until there is a label to show (an empty legend takes no room)
        model.sigSessionReset.connect(self.refresh)
        model.sigChanged.connect(self._on_change)
        on_scheme_change(self, lambda _dark: self._recolour())

    def box(self, label: str) -> QCheckBox | None:
        """The checkbox of ``label``, if the legend shows it."""
        return self._boxes.get(label)

    def _on_change(self, change) -> None:
        if change.highlights_changed or change.labels is not None or change.hidden is not None:
            self.refresh()

    def refresh(self, *_args) -> None:
        counts = self._model.label_counts()
        hidden = self._model.hidden_labels
        names = [n for n in self._model.session.label_names() if n in counts or n in hidden]
        if names != list(self._boxes):
            self._rebuild(names)
            self.setVisible(bool(names))
        for name, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(name not in hidden)
            box.setText(f"{name}  {counts.get(name, 0)}")
            box.blockSignals(False)

    def _rebuild(self, names: list[str]) -> None:
        """Lay out a box per name in order, keeping the boxes of names already shown
        (making and polishing a checkbox is the costly part)."""
        kept = self._boxes
        for name, box in kept.items():
            self._layout.removeWidget(box)
            if name not in names:
                box.deleteLater()
        self._boxes = {name: kept.get(name) or self._make_box(name) for name in names}
        self._recolour()
        for name, box in self._boxes.items():
            label = self._model.session.label(name)
            box.setToolTip(tooltip_text(f"{label.description or name}: show or hide these highlights"))
            self._layout.addWidget(box)
        self.updateGeometry()

    def _recolour(self) -> None:
        """Each box's swatch in the colour its highlights have in the current scheme."""
        for name, box in self._boxes.items():
            box.setIcon(colour_icon(SCHEME.label_colour(self._model.session.label(name))))

    def _make_box(self, name: str) -> QCheckBox:
        box = QCheckBox(name, self)
        box.setObjectName(f"legend_{name}")
        box.toggled.connect(lambda checked, n=name: self._model.set_label_hidden(n, not checked))
        return box
