"""Where an export's files go, what they must never replace, and writing them
(atomically, one file at a time). Qt-free: the window and the command line share it.

- A one-file format (csv, xlsx, html, doccano, prodigy, w3c) is written to the path
  given; when that path is an existing folder, to ``NAME.EXT`` inside it.
- brat writes a document of four files (``NAME.txt``, ``NAME.ann``,
  ``annotation.conf``, ``visual.conf``), as brat keeps documents in a collection
  folder: given a path ending in ``.ann`` they go beside it and NAME is its stem;
  given any other path, that is the folder (made when missing; its parent must
  exist) and NAME is the session's name. An annotation.conf or visual.conf already
  there (other documents of the collection) is merged with the new one, not replaced.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop.model.exports import EXPORT_FORMATS

BRAT_SUFFIX = ".ann"
#: brat's configuration files, shared by the documents of a collection folder.
BRAT_CONF_FILES = ("annotation.conf", "visual.conf")


@dataclass(frozen=True)
class ExportTarget:
    """Where the files of one export go: ``folder``, the document ``name`` brat's
    files are named after, and ``file`` for a one-file format (None for brat)."""

    fmt: str
    folder: Path
    name: str
    file: Path | None = None

    def paths(self, files: dict[str, bytes]) -> dict[Path, bytes]:
        """The files of ``export_session`` by the path each is written to (brat's
        NAME.txt and NAME.ann named after ``self.name``). brat's annotation.conf and visual.conf are merged with those the
        folder already has (its other documents keep their types and colours)."""
        if self.file is not None:
            (data,) = files.values()
            return {self.file: data}
        planned = {self.folder / _named(name, self.name): data for name, data in files.items()}
        for name in BRAT_CONF_FILES:
            path = self.folder / name
            if path in planned and path.is_file():
                planned[path] = _merged(path, planned[path])
        return planned

    def planned_names(self) -> list[Path]:
        """The paths this export will write (before it is made)."""
        if self.file is not None:
            return [self.file]
        return [self.folder / f"{self.name}.txt", self.folder / f"{self.name}.ann",
                self.folder / "annotation.conf", self.folder / "visual.conf"]


def _named(file_name: str, name: str) -> str:
    """A brat document's file called after ``name`` (the export may have been made
    under another one: the window makes it before the person names it)."""
    if file_name in BRAT_CONF_FILES:
        return file_name
    return f"{name}{Path(file_name).suffix}"


def _merged(path: Path, ours: bytes) -> bytes:
    from desktop.formats.annotations.brat_conf import merged_conf

    try:
        existing = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):  # unreadable: replaced by ours
        return ours
    return merged_conf(existing, ours.decode("utf-8")).encode("utf-8")


def export_target(fmt: str, output: str | Path, default_name: str) -> ExportTarget:
    """Where ``fmt`` goes for the output path ``output`` (see the module's docstring);
    ``default_name`` names the document when the path does not (the session's stem)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    output = Path(output)
    name = safe_name(default_name)
    if fmt == "brat":
        if output.suffix.lower() == BRAT_SUFFIX and not output.is_dir():
            return ExportTarget(fmt, output.parent, output.stem)
        return ExportTarget(fmt, output, name)
    if output.is_dir():
        return ExportTarget(fmt, output, name, output / f"{name}.{EXPORT_FORMATS[fmt]}")
    return ExportTarget(fmt, output.parent, output.stem, output)


def safe_name(name: str) -> str:
    """``name`` usable as a file name's stem: no folder separators or control
    characters, not empty, at most 100 characters."""
    cleaned = "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name).strip(" .")
    return cleaned[:100] or "article"


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name one file (hard links and symlinks too)."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one does not exist (yet)
        return os.path.abspath(first) == os.path.abspath(second)


def overwrite_problem(paths: list[Path], protected: dict[str, str | Path | None]) -> str:
    """Why writing ``paths`` would replace a file that must stay (``protected``:
    what each is, e.g. ``{"the session": path}``), or ""."""
    for path in paths:
        for what, kept in protected.items():
            if kept and same_file(path, kept):
                return f"{path} is {what}: an export never replaces it; choose another name."
    return ""


def write_files(planned: dict[Path, bytes], make_folder: bool = False) -> list[Path]:
    """Write each file atomically (the old one stays whole until the new one is
    complete); ``make_folder`` creates their folder when missing (not its parents).
    Raises OSError naming the file that failed."""
    from desktop.formats.atomic_write import atomic_write

    written = []
    for path, data in planned.items():
        if make_folder and not path.parent.is_dir():
            path.parent.mkdir()
        try:
            atomic_write(path, data)
        except OSError as error:  # named after the file, not its temporary copy
            raise OSError(error.errno, error.strerror or str(error), str(path)) from error
        written.append(path)
    return written
