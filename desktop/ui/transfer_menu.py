"""The File menu's Export… and Import…, and the charts' export actions (issue 21)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui.window_menus import action

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from desktop.ui.main_window import MainWindow


def add_transfer_actions(window: MainWindow, file_menu: QMenu) -> None:
    """File › Export… (Ctrl+E) and Import… (Ctrl+Shift+I); the charts get their
    export actions once the side panes are built and shown."""
    from desktop.ui.import_action import ImportAction

    def export() -> None:
        from desktop.ui.export_dialog import open_export_dialog

        open_export_dialog(window)

    window.importer = ImportAction(window)
    window.export_action = action(window, "&Export…", "Ctrl+E", export)
    window.import_action = action(window, "&Import…", "Ctrl+Shift+I", window.importer.run)
    file_menu.addActions([window.export_action, window.import_action])

    def charts() -> None:
        from desktop.ui.chart_export import install_chart_exports

        install_chart_exports(window)

    window.when_settled(charts)
