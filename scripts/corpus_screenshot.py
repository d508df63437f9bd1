"""docs/corpus_view.png: the corpus view on tests/data/corpus_articles (ten business
news articles written for the tests) and two files it skips, once analysed.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/corpus_screenshot.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="corpus-shot-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")  # a first open: everything analysed
    folder = work / "Halvorsen Line"
    shutil.copytree(REPO / "tests" / "data" / "corpus_articles", folder)
    (folder / "notes-empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 4)
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    from desktop.ui.corpus_window import show_corpus

    window = show_corpus(str(folder), lambda path: None)
    window.resize(1280, 780)
    window.move(0, 0)
    started = time.monotonic()
    while not window.run.finished and time.monotonic() - started < 180:
        app.processEvents()
        time.sleep(0.01)
    window._refresh_views()
    window.filters.subject.setText("revenue")
    for _ in range(100):
        app.processEvents()
        time.sleep(0.01)
    out = REPO / "docs" / "corpus_view.png"
    window.grab().save(str(out))
    print(out, window.status.text())
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
