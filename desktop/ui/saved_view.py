"""What a session file keeps of the window: where the article was scrolled, the selected
highlight, the panes' sizes, the figures filter and the side tab. Read at each save;
put back when a session opens (the side panes' part once they are built)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class SavedView:
    """The view state of one window, as a session file holds it."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._pending: dict[str, Any] = {}  # for the side panes, not built yet
        self._side_built = False

    def read(self) -> dict[str, Any]:
        """What a session file keeps of the window: scroll, selection, pane sizes."""
        window = self._window
        return {
            "first_visible_char": window.article_view.first_visible_position(),
            "selection": window.model.selected_id,
            "splitters": {"main": window.main_splitter.sizes(), "right": window.right_splitter.sizes()},
            "figure_filter": window.figures_view.filter_box.text(),
            "side_tab": window.charts_view.currentIndex(),
        }

    def apply(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`read` saved (unknown or bad entries are skipped)."""
        window = self._window
        splitters = state.get("splitters") or {}
        sizes = splitters.get("main")
        if _sizes(sizes):
            window.main_splitter.setSizes(sizes)
        if self._side_built:
            self._apply_side(state)
        else:
            self._pending = state
        position = state.get("first_visible_char")
        selection = state.get("selection")

        def restore_position() -> None:
            if isinstance(position, int):
                window.article_view.scroll_to_position(position)
            if isinstance(selection, str):
                window.model.select(selection)

        QTimer.singleShot(0, restore_position)

    def side_panes_built(self) -> None:
        """The side panes exist now: give them what a session opened before asked."""
        self._side_built = True
        if self._pending:
            self._apply_side(self._pending)

    def _apply_side(self, state: dict[str, Any]) -> None:
        window = self._window
        self._pending = {}
        sizes = (state.get("splitters") or {}).get("right")
        if _sizes(sizes):
            window.right_splitter.setSizes(sizes)
        if isinstance(state.get("figure_filter"), str):
            window.figures_view.filter_box.setText(state["figure_filter"])
        if isinstance(state.get("side_tab"), int):
            window.charts_view.setCurrentIndex(state["side_tab"])


def _sizes(sizes: Any) -> bool:
    return isinstance(sizes, list) and all(isinstance(s, int) and s >= 0 for s in sizes)
