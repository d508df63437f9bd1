"""The window's fixtures (see tests/window_fixtures.py)."""

from window_fixtures import dialogs, make_window, wait_for_analysis, window  # noqa: F401  (fixtures)
