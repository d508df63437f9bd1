"""The recent-files list: written to the settings a moment after a change."""

from PySide6.QtCore import QSettings

from desktop.ui.recent_files import WRITE_DELAY_MS, RecentFiles


def test_a_change_is_seen_at_once_and_written_soon_after(qtbot, tmp_path):
    recent = RecentFiles()
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    recent.add(first)
    recent.add(second)
    assert recent.paths() == [str(second.resolve()), str(first.resolve())]
    qtbot.waitUntil(lambda: QSettings().value("recentFiles") is not None,
                    timeout=WRITE_DELAY_MS + 2000)
    assert RecentFiles().paths() == recent.paths()
    recent.remove(str(second.resolve()))
    recent.write()  # at once (as on closing the window or quitting)
    assert RecentFiles().paths() == [str(first.resolve())]
