"""The main window's menus and label toolbar."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar, QWidget

from desktop.ui.plain_text import tooltip_text

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.transfer_menu import Transfers

SHORTCUTS_HELP = """In the article:
1–9  label the selected text (or relabel the selected highlight)
Shift+arrows  select text from the keyboard
N / P  next / previous highlight;  S  next suggestion
Enter  accept the suggestion;  Backspace  reject it
Del  delete the highlight;  F2  edit its note
Alt+Right / Alt+Left  grow / shrink its end by a word
Alt+Shift+Left / Alt+Shift+Right  grow / shrink its start
Ctrl+L  label all occurrences of the selection
Esc  clear the selection

Anywhere: Ctrl+O open, Ctrl+Shift+O open a web address, Ctrl+Alt+O open a folder,
Ctrl+Shift+V paste as a new article, Ctrl+S save, Ctrl+Shift+S save as,
Ctrl+Z / Ctrl+Shift+Z undo / redo, Ctrl+F filter figures,
Ctrl+1 / Ctrl+2 article / figures table, F5 analyse again,
Ctrl+W close this window, Ctrl+Q quit (every window)."""


def action(parent: QWidget, text: str, shortcut, slot) -> QAction:
    """A QAction with an optional shortcut, calling ``slot()`` when triggered."""
    made = QAction(text, parent)
    if shortcut is not None:
        made.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
    made.triggered.connect(lambda _=False: slot())
    return made


@dataclass
class WindowActions:
    """The window's menu actions that other code reaches, made by :func:`build_menus`
    and kept by the window (``window.menu_actions``)."""

    open: QAction
    open_url: QAction
    save: QAction
    save_as: QAction
    transfers: Transfers  # Export…, Import… and the charts' exports
    reanalyse: QAction
    cancel_analysis: QAction
    paste_article: QAction
    lexicon: QAction
    colours: dict[str, QAction]  # View › Colours: "system", "light", "dark"


def build_menus(window: MainWindow) -> WindowActions:
    """File, Edit, Annotate, View and Help menus; their actions, for the window to keep."""
    model, annotation = window.model, window.annotation
    files = window.files
    file_menu = window.menuBar().addMenu("&File")
    open_action = action(window, "&Open…", QKeySequence.StandardKey.Open, files.open_dialog)
    open_url = action(window, "Open &URL…", "Ctrl+Shift+O", files.ask_for_url)
    file_menu.addActions([open_action, open_url])
    file_menu.addAction(action(window, "Open &Folder…", "Ctrl+Alt+O", lambda: _open_folder(window)))
    recent_menu = file_menu.addMenu("Open &Recent")
    recent_menu.aboutToShow.connect(lambda: _fill_recent_menu(recent_menu, files))
    file_menu.addSeparator()
    save = action(window, "&Save", QKeySequence.StandardKey.Save, files.save)
    save_as = action(window, "Save &As…", "Ctrl+Shift+S", files.save_as)
    file_menu.addActions([save, save_as])
    from desktop.ui.transfer_menu import Transfers

    transfers = Transfers(window)  # Export…, Import… and the charts' exports
    file_menu.addActions([transfers.export_action, transfers.import_action])
    file_menu.addSeparator()
    reanalyse = action(window, "&Analyse Again", "F5", model.start_analysis)
    cancel_analysis = action(window, "&Cancel Analysis", None, model.cancel_analysis)
    file_menu.addActions([reanalyse, cancel_analysis])
    file_menu.addSeparator()
    file_menu.addAction(action(window, "&Close Window", QKeySequence.StandardKey.Close, window.close))
    file_menu.addAction(action(window, "&Quit", QKeySequence.StandardKey.Quit, lambda: quit_app(window)))

    edit_menu = window.menuBar().addMenu("&Edit")
    undo = model.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = model.undo_stack.createRedoAction(window, "&Redo")
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    redo.setShortcuts(redo_keys + [QKeySequence(k) for k in ("Ctrl+Shift+Z", "Ctrl+Y")
                                   if QKeySequence(k) not in redo_keys])
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    paste_article = action(window, "Paste as New &Article", "Ctrl+Shift+V", lambda: _paste_as_new_article(window))
    edit_menu.addAction(paste_article)
    edit_menu.addSeparator()
    edit_menu.addAction(action(window, "&Filter Figures", QKeySequence.StandardKey.Find, window.focus_filter))
    edit_menu.addAction(action(window, "&Labels…", None, window.edit_labels))

    annotate = window.menuBar().addMenu("&Annotate")
    label_menu = annotate.addMenu("&Label As")
    annotation.sigLabelActionsChanged.connect(
        lambda: (label_menu.clear(), label_menu.addActions(annotation.label_actions)))
    label_menu.addActions(annotation.label_actions)
    annotate.addAction(annotation.occurrences_action)
    annotate.addSeparator()
    annotate.addActions([annotation.accept_action, annotation.reject_action])
    annotate.addMenu(annotation.accept_all_menu)
    annotate.addActions([annotation.delete_action, annotation.note_action])
    annotate.addSeparator()
    annotate.addActions([annotation.next_action, annotation.previous_action,
                         annotation.next_suggestion_action])
    resize = annotate.addMenu("&Resize")
    resize.addActions([annotation.grow_end_action, annotation.shrink_end_action,
                       annotation.grow_start_action, annotation.shrink_start_action])
    annotate.addSeparator()
    annotate.addAction(annotation.snap_action)
    annotate.addSeparator()
    lexicon = action(window, "Your &Corrections…", None, lambda: _show_lexicon(window))
    annotate.addAction(lexicon)

    view_menu = window.menuBar().addMenu("&View")
    view_menu.addAction(window.label_toolbar.toggleViewAction())
    view_menu.addAction(action(window, "&Article", "Ctrl+1", window.article_view.setFocus))
    view_menu.addAction(action(window, "&Figures Table", "Ctrl+2", lambda: window.figures_view.table.setFocus()))
    view_menu.addAction(action(window, "C&harts", "Ctrl+3", lambda: window.charts_view.setFocus()))
    colours = _add_colours_menu(view_menu.addMenu("&Colours"))

    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(action(window, "&Guide", None, lambda: _open_guide(window)))
    help_menu.addAction(action(window, "&Keyboard Shortcuts", "F1", window.show_shortcuts))
    help_menu.addAction(action(window, "&About Article Lens", None, window.about))
    annotation.bind_label_keys()  # now that the menus' keys exist, labels may not take them
    return WindowActions(open_action, open_url, save, save_as, transfers, reanalyse, cancel_analysis,
                         paste_article, lexicon, colours)


def _open_folder(window: MainWindow) -> None:
    """File › Open Folder…: the corpus view of a folder of articles, in a window of its own."""
    from desktop.ui.corpus_window import ask_and_show

    ask_and_show(window)


def _paste_as_new_article(window: MainWindow) -> None:
    from desktop.ui.paste_article import paste_as_new_article

    paste_as_new_article(window)


def _add_colours_menu(menu) -> dict[str, QAction]:
    """System / Light / Dark: the system's colour scheme by default, saved in settings."""
    from PySide6.QtGui import QActionGroup

    from desktop.ui.colour_scheme import SCHEME

    group = QActionGroup(menu)
    actions: dict[str, QAction] = {}
    for choice, text in (("system", "As the &System"), ("light", "&Light"), ("dark", "&Dark")):
        item = group.addAction(text)
        item.setCheckable(True)
        item.setChecked(SCHEME.preference() == choice)
        item.triggered.connect(lambda _=False, c=choice: SCHEME.set_preference(c))
        actions[choice] = item
    menu.addActions(group.actions())
    return actions


def guide_path() -> Path | None:
    """docs/guide.md of the source tree the app runs from, if it is there."""
    import desktop

    guide = Path(desktop.__file__).resolve().parent.parent / "docs" / "guide.md"
    return guide if guide.is_file() else None


def _open_guide(window: MainWindow) -> None:
    """The guide in a window of its own (Markdown, with its pictures)."""
    from desktop.ui.guide_window import show_guide

    show_guide(window, guide_path())


def _show_lexicon(window: MainWindow) -> None:
    from desktop.ui.lexicon_dialog import show_lexicon_dialog

    show_lexicon_dialog(window, window.model.lexicon)


def _fill_recent_menu(menu, files) -> None:
    menu.clear()
    paths = files.recent.paths()
    for number, path in enumerate(paths, start=1):
        item = menu.addAction(f"&{number % 10} {Path(path).name}")
        item.setToolTip(tooltip_text(path))
        item.setStatusTip(path)
        item.triggered.connect(lambda _=False, p=path: files.open_recent(p))
    if paths:
        menu.addSeparator()
        menu.addAction("Clear the List", files.recent.clear)
    else:
        menu.addAction("No recent files").setEnabled(False)


def build_label_toolbar(window: MainWindow) -> QToolBar:
    """A toolbar with one button per label ("1 PERSON" …), following label edits."""
    toolbar = QToolBar("Labels", window)
    toolbar.setObjectName("labelToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def refill() -> None:
        from desktop.ui.colour_scheme import SCHEME
        from desktop.ui.legend import colour_icon

        toolbar.clear()
        session = window.model.session
        for item in window.annotation.label_actions:  # each in its highlights' colour
            item.setIcon(colour_icon(SCHEME.label_colour(session.label(item.text()))))
        toolbar.addActions(window.annotation.label_actions)

    from desktop.ui.colour_scheme import on_scheme_change

    window.annotation.sigLabelActionsChanged.connect(refill)
    on_scheme_change(toolbar, lambda _dark: refill())
    refill()
    return toolbar


def quit_app(window: QWidget) -> None:
    """File › Quit: close every window of the app, this one first, each asking about
    its unsaved edits; a Cancel in any of them stops the quit there."""
    app = QApplication.instance()
    others = [w for w in app.topLevelWidgets()
              if isinstance(w, QMainWindow) and w.isVisible() and w is not window]
    for each in (window, *others):
        if not each.close():
            return
    app.closeAllWindows()  # the guide, the corpus view and any other window left
