"""The corpus view's filter bar over its figures table: subject and period words,
unit, role and document choices (``sigChanged(FigureFilter)`` as they change)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.model.corpus_filter import FigureFilter

_ALL = {"unit": "All units", "role": "All roles", "document": "All articles"}


class CorpusFilters(QWidget):
    sigChanged = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.subject = QLineEdit(self)
        self.subject.setObjectName("corpusFilterSubject")
        self.subject.setPlaceholderText("Subject contains…")
        self.subject.setClearButtonEnabled(True)
        self.period = QLineEdit(self)
        self.period.setObjectName("corpusFilterPeriod")
        self.period.setPlaceholderText("Period contains…")
        self.period.setClearButtonEnabled(True)
        self.boxes: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Filter:", self))
        layout.addWidget(self.subject, 3)
        for name in ("unit", "role"):
            layout.addWidget(self._box(name), 1)
        layout.addWidget(self.period, 2)
        layout.addWidget(self._box("document"), 3)
        self.subject.textChanged.connect(self._changed)
        self.period.textChanged.connect(self._changed)

    def _box(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(f"corpusFilter{name.title()}")
        box.addItem(_ALL[name], "")
        box.currentIndexChanged.connect(self._changed)
        box.setMinimumContentsLength(8)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.boxes[name] = box
        return box

    def set_choices(self, name: str, values: list[tuple[str, str]]) -> None:
        """The choices of box ``name``: (text shown, value) pairs; the current one stays."""
        box = self.boxes[name]
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(_ALL[name], "")
        for text, value in values:
            box.addItem(text, value)
            box.setItemData(box.count() - 1, value, 3)  # its tooltip: the value itself
        at = box.findData(current)
        box.setCurrentIndex(max(at, 0))
        box.blockSignals(False)
        if at < 0 and current:
            self._changed()

    def choose(self, name: str, value: str) -> bool:
        """Select ``value`` in box ``name`` (False when it is not offered)."""
        at = self.boxes[name].findData(value)
        if at >= 0:
            self.boxes[name].setCurrentIndex(at)
        return at >= 0

    def current(self) -> FigureFilter:
        return FigureFilter(subject=self.subject.text(), unit=self.boxes["unit"].currentData() or "",
                            role=self.boxes["role"].currentData() or "", period=self.period.text(),
                            document=self.boxes["document"].currentData() or "")

    def _changed(self, *_args) -> None:
        self.sigChanged.emit(self.current())
