"""LabelsDialog: add, rename, recolour and re-key the labels of a session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.labels import Label, fallback_colour
from desktop.ui import plain_text
from desktop.ui.legend import colour_icon

_NAME, _COLOUR, _KEY, _DESCRIPTION = range(4)


class LabelsDialog(QDialog):
    """A table of labels: name, colour (double-click to pick), key, description."""

    def __init__(self, labels: list[Label], used: set[str], reserved: set[str] = frozenset(),
                 parent=None) -> None:
        """``used``: label names highlights still carry; ``reserved``: keys other
        actions already have."""
        super().__init__(parent)
        self.setWindowTitle("Labels")
        self.resize(560, 480)
        self._used = used
        self._reserved = {QKeySequence(k).toString() for k in reserved}
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["Name", "Colour", "Key", "Description"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(self._on_double_click)
        for label in labels:
            self._append(label)
        add = QPushButton("&Add Label", self)
        add.clicked.connect(self._add)
        remove = QPushButton("&Remove Label", self)
        remove.clicked.connect(self._remove)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def labels(self) -> list[Label]:
        """The labels as edited."""
        result = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, _NAME).text().strip().upper()
            colour = self.table.item(row, _COLOUR).data(Qt.ItemDataRole.UserRole)
            key = self.table.item(row, _KEY).text().strip()
            description = self.table.item(row, _DESCRIPTION).text().strip()
            result.append(Label(name, colour, description, key))
        return result

    def problems(self) -> list[str]:
        """What keeps the edited labels from being used, in plain words."""
        labels = self.labels()
        names = [label.name for label in labels]
        keys = [label.key for label in labels if label.key]
        found = []
        if any(not name for name in names):
            found.append("Every label needs a name.")
        found += [f"{n} is used twice." for n in sorted({n for n in names if names.count(n) > 1})]
        found += [f"Key {k} is given to two labels." for k in sorted({k for k in keys if keys.count(k) > 1})]
        found += [f"“{label.key}” is not a key." for label in labels
                  if label.key and QKeySequence(label.key).isEmpty()]
        found += [f"Key {label.key} is already used by another command." for label in labels
                  if label.key and QKeySequence(label.key).toString() in self._reserved]
        missing = sorted(self._used - set(names))
        if missing:
            found.append(f"Highlights still use {', '.join(missing)}: relabel them before removing it.")
        return found

    def _append(self, label: Label) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, _NAME, QTableWidgetItem(label.name))
        colour = QTableWidgetItem(colour_icon(label.colour), label.colour)
        colour.setData(Qt.ItemDataRole.UserRole, label.colour)
        colour.setFlags(colour.flags() & ~Qt.ItemFlag.ItemIsEditable)
        colour.setToolTip("Double-click to choose a colour")
        self.table.setItem(row, _COLOUR, colour)
        self.table.setItem(row, _KEY, QTableWidgetItem(label.key))
        self.table.setItem(row, _DESCRIPTION, QTableWidgetItem(label.description))

    def _add(self) -> None:
        name = f"LABEL{self.table.rowCount() + 1}"
        self._append(Label(name, fallback_colour(name)))
        self.table.setCurrentCell(self.table.rowCount() - 1, _NAME)
        self.table.editItem(self.table.currentItem())

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _on_double_click(self, row: int, column: int) -> None:
        if column != _COLOUR:
            return
        item = self.table.item(row, _COLOUR)
        colour = QColorDialog.getColor(QColor(item.data(Qt.ItemDataRole.UserRole)), self, "Label colour")
        if colour.isValid():
            self.set_colour(row, colour.name())

    def set_colour(self, row: int, colour: str) -> None:
        item = self.table.item(row, _COLOUR)
        item.setData(Qt.ItemDataRole.UserRole, colour)
        item.setText(colour)
        item.setIcon(colour_icon(colour))

    def _accept_if_valid(self) -> None:
        problems = self.problems()
        if problems:
            plain_text.warning(self, "Labels", "\n".join(problems))
            return
        self.accept()
