"""The process-wide settings (desktop.process_settings), as each kind of process makes them."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CONFIGURED = """
import builtins, gc, sys
import desktop.app_windows
from desktop import process_settings
assert builtins.__import__.__name__ == "__feature_import__"  # PySide6's, reading each module's source
process_settings.configure_gui()
assert builtins.__import__.__name__ == "__import__"
assert abs(sys.getswitchinterval() - process_settings.GIL_SWITCH_SECONDS) < 1e-6
assert not gc.isenabled()  # the window's thread runs them (collect_young_objects)
from PySide6.QtWidgets import QApplication, QLabel
import pandas  # imports still work, Qt too
qt = QApplication([])
label = QLabel("figures")
label.show()
assert label.isVisible() and label.text() == "figures"
print("ok")
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "ok", done.stderr
    return done.stdout


def test_the_gui_process_imports_with_pythons_own_import_and_a_short_switch_interval():
    _run(_CONFIGURED)


def test_a_window_collects_only_on_its_own_thread_and_only_what_is_due():
    _run("""
import gc
from desktop import process_settings
process_settings.configure_gui()
class Cycle:
    pass
def cycles(n):
    for _ in range(n):
        a = Cycle(); a.me = a
cycles(5 * gc.get_threshold()[0])  # never collected by itself now
assert gc.get_count()[0] > gc.get_threshold()[0]
process_settings.collect_young_objects()
assert gc.get_count()[0] < gc.get_threshold()[0]
print("ok")
""")


def test_the_app_sets_no_process_wide_setting_outside_process_settings():
    """sys.setswitchinterval, gc.freeze/disable and os.nice appear in one module."""
    settings = REPO / "desktop" / "process_settings.py"
    found = []
    for path in (REPO / "desktop").rglob("*.py"):
        if path == settings:
            continue
        text = path.read_text(encoding="utf-8")
        for call in ("setswitchinterval(", "gc.freeze(", "gc.disable(", "gc.unfreeze(", "os.nice(",
                     "builtins.__import__ ="):
            if call in text:
                found.append(f"{path.relative_to(REPO)}: {call}")
    assert found == []


def test_a_worker_started_by_a_window_runs_nicer_with_the_inference_settings():
    _run("""
import os
from desktop import process_settings
from desktop.nlp import pipeline
before = os.nice(0)
process_settings.configure_worker(nicer=True)
assert os.nice(0) == min(19, before + process_settings.WORKER_NICENESS)
assert pipeline.use_matmul_ops in pipeline._when_loaded
print("ok")
""")


def test_the_inference_settings_reach_a_pipeline_loaded_before_them():
    _run("""
from desktop.nlp import pipeline
from desktop.nlp.matmul_ops import MatmulOps
nlp = pipeline.load_pipeline()
assert not any(isinstance(node.ops, MatmulOps) for node in nlp.get_pipe("ner").model.walk())
from desktop import process_settings
process_settings.configure_command_line()
process_settings.configure_command_line()  # once is enough; twice changes nothing
assert pipeline._when_loaded == [pipeline.use_matmul_ops]
assert all(isinstance(node.ops, MatmulOps) for node in nlp.get_pipe("ner").model.walk())
print("ok")
""")


def test_a_worker_where_there_is_no_os_nice_runs_at_its_normal_priority(monkeypatch):
    """Windows has no os.nice: the first article's process and the pool's workers died
    on it at start (AttributeError), and the window analysed everything itself."""
    import os

    from desktop import process_settings

    monkeypatch.delattr(os, "nice", raising=False)
    process_settings.configure_worker(nicer=True)  # raises nothing


def test_numpy_starts_one_blas_thread_unless_the_user_set_how_many():
    """OpenBLAS's threads spin as NumPy is imported, on the core the other process at
    launch needs; every process the app starts inherits the setting."""
    code = """
import os, sys
from desktop import process_settings
process_settings.one_blas_thread_from_start()
assert os.environ["OPENBLAS_NUM_THREADS"] == sys.argv[1], os.environ["OPENBLAS_NUM_THREADS"]
import numpy
if sys.argv[1] == "1" and sys.platform.startswith("linux"):
    assert len(os.listdir("/proc/self/task")) == 1, "NumPy started threads"
print("ok")
"""
    import os

    for user_setting, expected in ((None, "1"), ("3", "3")):
        env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
        if user_setting:
            env["OPENBLAS_NUM_THREADS"] = user_setting
        done = subprocess.run([sys.executable, "-c", code, expected], cwd=REPO, capture_output=True,
                              text=True, timeout=120, env=env)
        assert done.stdout.strip() == "ok", done.stderr


def test_the_app_sets_one_blas_thread_before_anything_else():
    """desktop.app.run sets it first thing, even when it hands its files to a running app."""
    import os

    code = """
import os
from desktop import app, instance
instance.hand_over = lambda paths: True  # as when an app runs already
assert app.run([]) == 0
print(os.environ.get("OPENBLAS_NUM_THREADS"))
"""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**env, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "1", done.stderr
