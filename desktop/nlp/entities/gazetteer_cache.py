"""The gazetteer kept in the user's cache folder between runs.

Its file is named for what it is built from: this app's version, Python's, the
gazetteer's own code and the data of countryinfo and babel (their files' sizes and
times; langcodes' language registry, when there is one), or, in a bundle, its
executable. Anything else there is ignored; anything unreadable, or not a gazetteer
with every field of this code's, is built again. The file is written whole or not at
all, and a cache that cannot be written only costs the build.
"""

from __future__ import annotations

import pickle
import sys
import zlib
from collections.abc import Callable
from dataclasses import fields
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.cache_files import mark_used, write_whole
from desktop.core.user_folders import cache_folder

if TYPE_CHECKING:
    from desktop.nlp.entities.gazetteer import Gazetteer

#: The names of the cache's files start with this.
FAMILY = "gazetteer-"


def cached(build: Callable[[], Gazetteer]) -> Gazetteer:
    """The cached gazetteer, or ``build()``'s, then cached."""
    from desktop.nlp.entities.gazetteer import Gazetteer

    path = cache_path()
    if path is not None:
        try:
            kept = pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, unreadable, or from other code: built again
            kept = None
        if isinstance(kept, Gazetteer) and all(hasattr(kept, f.name) for f in fields(Gazetteer)):
            mark_used(path)
            return kept  # (a process running older code may have written it under this name)
    gazetteer = build()
    if path is not None:
        write_whole(path, pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL), FAMILY)
    return gazetteer


def cache_path() -> Path | None:
    """The file for the installed sources, or None when they cannot be found."""
    from desktop.nlp.entities.gazetteer import registry_path

    key = f"{__version__} {sys.version_info[:2]}"
    if getattr(sys, "frozen", False):  # a bundle: its code and data are its executable's
        stamp = _stamp(Path(sys.executable))
        return cache_folder("gazetteer") / f"{FAMILY}{zlib.crc32((key + stamp).encode()):08x}.pickle" \
            if stamp else None
    sources = [Path(__file__).with_name("gazetteer.py")]
    for package, data in (("countryinfo", "data"), ("babel", "global.dat")):
        spec = find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            return None
        sources.append(Path(next(iter(spec.submodule_search_locations))) / data)
    for source in sources:
        stamp = _stamp(source)
        if stamp is None:
            return None
        key += stamp
    registry = registry_path()  # optional: without it, no language families
    key += (registry and _stamp(registry)) or " no registry"
    return cache_folder("gazetteer") / f"{FAMILY}{zlib.crc32(key.encode()):08x}.pickle"


def _stamp(source: Path) -> str | None:
    try:
        info = source.stat()
    except OSError:
        return None
    return f" {source} {info.st_size} {info.st_mtime_ns}"
