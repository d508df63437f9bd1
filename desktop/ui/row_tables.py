"""The look shared by the app's tables of rows (figures, entities)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView


def style_row_table(table: QTableView) -> None:
    """One selectable row at a time, striped, unwrapped, compact, no row numbers."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
