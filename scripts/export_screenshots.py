"""The screenshots of docs/annotation-formats.md: the Export dialog (docs/export_dialog.png)
and an exported HTML report as a browser shows it (docs/export_report.png), both of the
Harbor Foods article (docs/over_time_quarterly.txt) with two notes.

    .venv/bin/python scripts/export_screenshots.py dialog   # the dialog, offscreen; writes the report too
    PYTHON_WITH_WEBENGINE report                           # the report in Chromium (QtWebEngine)

QtWebEngine is not one of the app's packages (PySide6-Essentials has none): render the
report from a separate venv that has it, e.g. ``python -m venv /tmp/we &&
/tmp/we/bin/pip install PySide6-Essentials==6.11.3 PySide6-Addons==6.11.3``, then
``QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox /tmp/we/bin/python scripts/export_screenshots.py
report`` (run as root, Chromium needs --no-sandbox). The page is 1280 pixels wide,
full height (with an 8-bit palette when it would pass 290 KB).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = Path(os.environ.get("EXPORT_SCREENSHOTS_DIR", "/tmp/article-lens-export-screenshots"))
ARTICLE = REPO / "docs" / "over_time_quarterly.txt"
#: The most bytes a screenshot in docs/ may have.
MAX_BYTES = 290_000
NOTES = {"$312 million": "Checked against the company's release: matches.",
         "$1.25 billion": "A forecast, not a result."}


def make_session() -> Path:
    """The Harbor Foods article, analysed, as a session with two notes; and its report."""
    sys.path.insert(0, str(REPO))
    from desktop.cli import main
    from desktop.formats.session_file import load_session, save_session

    WORK.mkdir(parents=True, exist_ok=True)
    article = WORK / "harbor.txt"
    article.write_bytes(ARTICLE.read_bytes())
    session_path = WORK / "harbor.alens"
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        assert main(["extract", str(article), "--what", "figures", "--session", str(session_path)]) == 0
    session = load_session(session_path).session
    for highlight in list(session.highlights):
        note = NOTES.get(highlight.surface(session.article.text))
        if note:
            session.highlights.replace(highlight.edited(note=note))
    save_session(session, session_path)
    assert main(["export", str(session_path), "--format", "html", "--output", str(WORK / "harbor.html")]) == 0
    return session_path


def dialog() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    session_path = make_session()
    import time

    from PySide6.QtWidgets import QApplication

    from desktop.ui.export_dialog import open_export_dialog
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()

    def wait(condition, seconds=120):
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    wait(lambda: window.fully_built)
    window.open_path(session_path)
    wait(lambda: not window.model.analysing)
    export = open_export_dialog(window)
    export.select_format("html")
    wait(lambda: export.preview_ready("html"))
    for _ in range(20):
        app.processEvents()
    export.grab().save(str(REPO / "docs" / "export_dialog.png"))
    print("wrote docs/export_dialog.png")
    window.model.undo_stack.setClean()
    window.close()


def report() -> None:
    from PySide6.QtCore import Qt, QTimer, QUrl
    from PySide6.QtGui import QImage
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    source = WORK / "harbor.html"
    if not source.exists():
        sys.exit(f"{source} is missing: run `scripts/export_screenshots.py dialog` first")
    app = QApplication([])
    view = QWebEngineView()
    view.resize(1280, 900)

    def grab() -> None:
        target = REPO / "docs" / "export_report.png"
        image = view.grab().toImage()
        image.save(str(target))
        if target.stat().st_size > MAX_BYTES:  # an 8-bit palette instead (faint grid lines may go)
            flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
            image.convertToFormat(QImage.Format.Format_Indexed8, flags).save(str(target))
        print("wrote docs/export_report.png", image.width(), image.height())
        app.quit()

    def measured(height) -> None:
        view.resize(1280, int(height) + 10)
        QTimer.singleShot(1500, grab)

    view.loadFinished.connect(lambda ok: QTimer.singleShot(
        500, lambda: view.page().runJavaScript("document.documentElement.scrollHeight", 0, measured)))
    view.load(QUrl.fromLocalFile(str(source)))
    view.show()
    QTimer.singleShot(60_000, app.quit)
    app.exec()


if __name__ == "__main__":
    {"dialog": dialog, "report": report}[sys.argv[1] if len(sys.argv) > 1 else "dialog"]()
