"""AnalysisStatus: progress of the background analysis in the status bar, with Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from desktop.model.session_model import SessionModel
from desktop.ui.plain_text import plain_label


class AnalysisStatus(QWidget):
    """A stage message, a progress bar and a Cancel button, shown while analysing."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self.message = plain_label(parent=self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("analysisProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop the analysis; what was found so far stays (Esc)")
        self.cancel_button.clicked.connect(model.cancel_analysis)
        analysis = model.analysis
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        self.hide()
        analysis.sigStarted.connect(self._on_started)
        analysis.sigStage.connect(self.message.setText)
        analysis.sigProgress.connect(self._on_progress)
        analysis.sigFinished.connect(lambda _cancelled: self.hide())
        analysis.sigFailed.connect(lambda _message: self.hide())

    def _on_started(self) -> None:
        self.message.setText("Starting analysis…")
        self.progress.setRange(0, 0)
        self.show()

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress.maximum() != 1000:
            self.progress.setRange(0, 1000)
        # QProgressBar.setValue repaints at once (the whole window, offscreen); with
        # updates off it only schedules a paint with the rest of the event loop's.
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(int(1000 * done / total) if total else 1000)
        self.progress.setFormat(f"{100 * done / total:.0f} %" if total else "")
        self.progress.setUpdatesEnabled(True)
