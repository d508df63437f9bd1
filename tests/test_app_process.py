"""The GUI process's settings (desktop.app.configure_process)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CONFIGURED = """
import builtins, sys
import desktop.app as app
assert builtins.__import__.__name__ == "__feature_import__"  # PySide6's, reading each module's source
app.configure_process()
assert builtins.__import__.__name__ == "__import__" and abs(sys.getswitchinterval() - app.GIL_SWITCH_SECONDS) < 1e-6
from PySide6.QtWidgets import QApplication, QLabel
import pandas  # imports still work, Qt too
qt = QApplication([])
label = QLabel("figures")
label.show()
assert label.isVisible() and label.text() == "figures"
print("ok")
"""


def test_the_gui_process_imports_with_pythons_own_import_and_a_short_switch_interval():
    done = subprocess.run([sys.executable, "-c", _CONFIGURED], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "ok", done.stderr
