"""``import spacy`` at the least cost on the way to the first results: without
its command line or langcodes, and with the installed packages' entry points looked
up by group (:func:`import_spacy`)."""

from __future__ import annotations

import threading
import types


def import_spacy():
    """``import spacy``, without importing its command line or langcodes first.

    ``spacy/__init__`` imports ``spacy.cli`` (typer, click, requests, jinja2,
    langcodes data: ~120 ms, a quarter of spaCy's import, on the way to the first
    results) only to re-export ``spacy.info``, which the app never calls. The
    package is imported with a stand-in for ``spacy.cli.info``, which is then taken
    away again: ``import spacy.cli`` still imports the real one, and ``spacy.info``
    imports it when called. ``spacy.util`` imports langcodes (~30 ms: its language
    tables) to guess a language it has no module for, never for English: it gets a
    module that imports langcodes on first use of one of its names. Then catalogue
    finds entry points by group (:func:`index_entry_points`)."""
    import sys

    with _spacy_import_lock:  # one thread puts the stand-ins in; another waits for its import
        if "spacy" in sys.modules:
            import spacy  # (complete: an import under way in another thread is waited for)
        else:
            spacy = _import_spacy_without_cli()
        index_entry_points()
        return spacy


_spacy_import_lock = threading.Lock()


def _import_spacy_without_cli():
    import sys
    import types

    def info(*args, **kwargs):
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    cli, cli_info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []  # a package, for the import system
    cli_info.info = info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    if "langcodes" not in sys.modules:
        stand_ins["langcodes"] = _ImportedOnUse("langcodes")
    if any(name in sys.modules for name in stand_ins):
        import spacy

        return spacy
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        package = sys.modules.get("spacy")
        if package is not None and getattr(package, "cli", None) is cli:
            del package.cli
    return spacy


class _ImportedOnUse(types.ModuleType):
    """Stands for a module until one of its names is used, then imports it (once
    this stand-in is out of ``sys.modules``) and hands the name on."""

    def __getattr__(self, name: str):
        import importlib
        import sys

        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def index_entry_points() -> None:
    """Have catalogue (spaCy's, thinc's and srsly's registries) find the installed
    packages' entry points by group in a dict, not by scanning all of them.

    catalogue reads the entry points once, at its import, and then filters all of them
    (~700 in a full install) on every lookup; srsly looks up its msgpack decoders that
    way for each file it reads, 91 times as the model loads: ~40 ms of the load. The
    groups hold the same entry points in the same order."""
    import catalogue

    available = catalogue.AVAILABLE_ENTRY_POINTS
    if isinstance(available, EntryPointsByGroup) or not hasattr(available, "select"):
        return
    catalogue.AVAILABLE_ENTRY_POINTS = EntryPointsByGroup(available)


class EntryPointsByGroup:
    """``importlib.metadata.EntryPoints`` with ``select(group=...)`` answered from a
    dict of the groups; any other question goes to the entry points themselves."""

    def __init__(self, entry_points) -> None:
        from importlib.metadata import EntryPoints

        groups: dict[str, list] = {}
        if isinstance(entry_points, dict):  # Python 3.11's SelectableGroups: by group already
            groups = {group: list(members) for group, members in dict.items(entry_points)}
        else:
            for entry_point in entry_points:
                groups.setdefault(entry_point.group, []).append(entry_point)
        self._all = entry_points
        self._groups = {group: EntryPoints(members) for group, members in groups.items()}
        self._none = EntryPoints(())

    def select(self, **params):
        if params.keys() == {"group"}:
            return self._groups.get(params["group"], self._none)
        return self._all.select(**params)

    def __getattr__(self, name: str):
        return getattr(self._all, name)

    def __iter__(self):
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)
