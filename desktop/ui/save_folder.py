"""Where a Save dialog starts: beside the article, never inside the installation.

The seed article lives in the app's own files (the repository's ``seeds/`` folder, or
the installed package): a session saved there would be lost with the next update, or
cannot be written at all. Such a name moves to the user's Documents folder (else home).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def installation_folders() -> list[Path]:
    """The folders that belong to the app's installation."""
    import desktop
    import desktop.resources
    import desktop.seeds

    source = Path(desktop.__file__).parent
    folders = [source, source.parent / "seeds", Path(desktop.seeds.__file__).parent,
               Path(desktop.resources.__file__).parent, Path(sys.prefix), Path(sys.base_prefix)]
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle's folder
    if bundle:
        folders.append(Path(bundle))
    if getattr(sys, "frozen", False):
        folders.append(Path(sys.executable).parent)
    return [folder.resolve() for folder in folders]


def is_inside_installation(path: Path) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder) for folder in installation_folders())


def documents_folder() -> Path:
    """The user's Documents folder when it exists, else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def save_start_path(suggested: Path) -> Path:
    """``suggested`` (a session's name and folder), moved to the Documents folder when its
    folder is part of the installation or cannot be written."""
    folder = suggested.parent
    if folder.is_dir() and os.access(folder, os.W_OK) and not is_inside_installation(folder):
        return suggested
    return documents_folder() / suggested.name
