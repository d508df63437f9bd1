"""The user's folders that Article Lens keeps data in without asking (no Qt: the
analysis's processes use them too)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_folder(name: str) -> Path:
    """The folder of the cache ``name`` ("corpus", "gazetteer"): data the app can make
    again, in the platform's place for caches (not created here)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~/AppData/Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "article-lens" / name
