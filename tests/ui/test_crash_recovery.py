"""A real app process is killed mid-work; the next start gets the work back."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop.ui.main_window import APP_NAME

REPO = Path(__file__).resolve().parents[2]
EDIT_THEN_WAIT = """
import sys
from PySide6.QtCore import QTimer
from desktop.ui.main_window import MainWindow, application

app = application()
window = MainWindow()
window.show()
window.open_path(sys.argv[1])

def edit():
    if window.model.analysing:
        QTimer.singleShot(50, edit)
        return
    text = window.model.text
    start = text.index("Middle Corridor")
    made = window.model.add_highlight(start, start + len("Middle Corridor"), "LOC")
    window.model.set_note(made.id, "written before the crash")

window.document.recovery.sigWritten.connect(lambda path: print("RECOVERY", path, flush=True))
QTimer.singleShot(0, edit)
app.exec()
"""


@pytest.fixture
def app_names():
    """The names the real app runs under (they decide its data folder)."""
    old = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("ArticleLens")
    QCoreApplication.setApplicationName(APP_NAME)
    yield
    QCoreApplication.setOrganizationName(old[0])
    QCoreApplication.setApplicationName(old[1])


def test_work_killed_with_sigkill_is_offered_back_on_the_next_start(app_names, make_window, dialogs, seed_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([sys.executable, "-c", EDIT_THEN_WAIT, str(seed_path)], cwd=REPO,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = ""
        while not line.startswith("RECOVERY"):
            line = process.stdout.readline()
            assert line, "the app ended before writing a recovery copy"
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()

    window = make_window()
    dialogs.answer(QMessageBox.StandardButton.Yes)
    assert window.files.offer_recovery()
    assert "closed before your work" in dialogs.shown[-1][1]
    text = window.model.text
    noted = [h for h in window.model.session.highlights if h.note]
    assert [(h.surface(text), h.label, h.note) for h in noted] == [
        ("Middle Corridor", "LOC", "written before the crash")]
    assert window.isWindowModified()
