"""Shared fixtures of the hostile-input tests."""

import pytest
from PySide6.QtCore import QCoreApplication
from window_fixtures import dialogs, make_window, wait_for_analysis, window  # noqa: F401  (fixtures)


@pytest.fixture
def started_windows(monkeypatch):
    """The windows ``desktop.app.run`` makes, recorded in a list, with the event loop
    not entered (``run`` returns at once); the application's names are put back after."""
    from desktop.ui import main_window

    made = []

    class Recorded(main_window.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    monkeypatch.setattr(main_window, "MainWindow", Recorded)
    monkeypatch.setattr(type(QCoreApplication.instance()), "exec", lambda *args: 0)
    yield made
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])
