"""Time to the first shown seed text and to the finished analysis, in a real process.

Starts the app N times (`python -m desktop.cli` with ARTICLE_LENS_TRACE=1) and
timestamps its trace lines; also starts a bare PySide6 window (a QMainWindow with
one QTextEdit holding the same text) as the baseline. Prints medians and ratios.

    python benchmarks/first_window.py [--runs 5] [--platform offscreen|xcb] [FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = next((REPO / "seeds").glob("*.txt"))

BARE_WINDOW = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit
app = QApplication(sys.argv)

class Editor(QTextEdit):
    # marked at the first paint with the text, as Article Lens marks its own
    def paintEvent(self, event):
        super().paintEvent(event)
        print("article-lens-trace text-shown", file=sys.stderr, flush=True)
        app.quit()

window = QMainWindow()
editor = Editor()
editor.setPlainText(open(sys.argv[1], encoding="utf-8").read())
window.setCentralWidget(editor)
window.resize(1280, 800)
window.show()
app.exec()
"""


def timed_run(command: list[str], env: dict, events: tuple[str, ...]) -> dict[str, float]:
    """Seconds from process start to each trace event."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True, cwd=REPO)
    seen: dict[str, float] = {}
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("article-lens-trace "):
            seen[line.split()[1]] = time.perf_counter() - started
            if all(e in seen for e in events):
                break
    process.wait(timeout=120)
    missing = [e for e in events if e not in seen]
    if missing:
        raise RuntimeError(f"{command[:3]} never reported {missing}")
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(SEED))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    options = parser.parse_args()

    env = dict(os.environ, ARTICLE_LENS_TRACE="1", ARTICLE_LENS_QUIT_AFTER="analysis-finished",
               QT_QPA_PLATFORM=options.platform, QT_LOGGING_RULES="qt.qpa.*=false")
    app_command = [sys.executable, "-m", "desktop.cli", options.file]
    bare_command = [sys.executable, "-c", BARE_WINDOW, options.file]

    timed_run(app_command, env, ("text-shown", "analysis-finished"))  # warm the disk cache
    app_runs = [timed_run(app_command, env, ("text-shown", "analysis-finished"))
                for _ in range(options.runs)]
    bare_runs = [timed_run(bare_command, env, ("text-shown",)) for _ in range(options.runs)]

    bare = statistics.median(r["text-shown"] for r in bare_runs)
    shown = statistics.median(r["text-shown"] for r in app_runs)
    analysed = statistics.median(r["analysis-finished"] for r in app_runs)
    print(f"article: {Path(options.file).name} ({Path(options.file).stat().st_size:,} bytes), "
          f"platform {options.platform}, median of {options.runs} warm runs\n")
    print(f"{'measure':<44}{'seconds':>9}{'× bare':>9}")
    print(f"{'bare PySide6 window with the text shown':<44}{bare:>9.2f}{1:>9.2f}")
    print(f"{'Article Lens: seed text shown':<44}{shown:>9.2f}{shown / bare:>9.2f}")
    print(f"{'Article Lens: analysis finished':<44}{analysed:>9.2f}{analysed / bare:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
