"""The File menu's Export… and Import…, and the charts' export actions (issue 21)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.ui.window_menus import action

if TYPE_CHECKING:
    from desktop.ui.chart_export import ChartExport
    from desktop.ui.export_dialog import ExportDialog
    from desktop.ui.main_window import MainWindow


class Transfers(QObject):
    """File › Export… (Ctrl+E) and Import… (Ctrl+Shift+I) of one window, and the export
    actions the charts get once the side panes are built and shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        from desktop.ui.import_action import ImportAction

        self._window = window
        self.importer = ImportAction(window)
        self.export_action = action(window, "&Export…", "Ctrl+E", self.open_export)
        self.import_action = action(window, "&Import…", "Ctrl+Shift+I", self.importer.run)
        #: the Export dialog opened last (it deletes itself when closed)
        self.export_dialog: ExportDialog | None = None
        #: each chart's Export as PNG… / SVG… (once the charts are built)
        self.chart_exports: list[ChartExport] = []
        window.when_settled(self._add_chart_exports)

    def open_export(self) -> ExportDialog:
        from desktop.ui.export_dialog import open_export_dialog

        self.export_dialog = open_export_dialog(self._window)
        return self.export_dialog

    def _add_chart_exports(self) -> None:
        from desktop.ui.chart_export import install_chart_exports

        self.chart_exports = install_chart_exports(self._window)
