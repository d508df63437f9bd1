"""The corrections list can be turned off and cleared from its dialog (Annotate > Your
Corrections…), as the guide says."""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from desktop.core.highlight import Highlight
from desktop.ui.lexicon_dialog import LexiconDialog


def test_corrections_turned_off_are_kept_but_unused_and_delete_all_forgets_them(qtbot, window, dialogs):
    store = window.model.lexicon
    store.record("Trend Azerbaijan", [Highlight(0, 5, "ORG", origin="manual", status="accepted")], "accepted")
    assert store.snapshot() is not None
    window.menu_actions.lexicon.trigger()
    dialog = window.findChild(LexiconDialog, "lexiconDialog")
    qtbot.waitExposed(dialog)
    assert dialog.use_box.isChecked()

    dialog.use_box.setChecked(False)  # new analyses go without them
    assert QSettings().value("corrections/use", type=bool) is False
    assert store.snapshot() is None and len(store.entries()) == 1
    dialog.use_box.setChecked(True)
    assert store.snapshot() is not None

    dialogs.answer(QMessageBox.StandardButton.Yes)
    dialog.clear_button.click()
    assert dialogs.shown[-1][0] == "question" and "Forget all 1 corrections" in dialogs.shown[-1][1]
    assert store.entries() == [] and dialog.table.rowCount() == 0
    assert not dialog.clear_button.isEnabled()
    dialog.close()
