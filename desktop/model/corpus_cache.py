"""What the corpus view computed for a folder, kept between runs (no Qt here).

One folder of the user's cache per folder analysed (its absolute path's hash names
it), in the user's cache folder (``$XDG_CACHE_HOME/article-lens/corpus`` or
``~/.cache/article-lens/corpus``; ``%LOCALAPPDATA%`` on Windows, ``~/Library/Caches``
on macOS), holding two tables:

- ``documents.parquet``: a row per file found (its path relative to the folder, its
  size and modification time, the sha256 of its text, title, date, counts of
  entities and figures, or the error that made it skipped);
- ``figures.parquet``: the figure rows of every analysed file, as ``article-lens
  extract`` gives them, with ``document`` (the relative path) and ``sha256`` in front;
  ``pandas.read_parquet`` opens them.

A file whose size and time are those cached is not read again; one whose text's
sha256 is still the cached one is not analysed again (as ``extract --resume``).
Without pyarrow the tables are pickled instead (``.pkl``).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd

from desktop.core import user_folders

#: The columns of the documents table, in order.
DOCUMENT_COLUMNS = ("document", "size", "mtime_ns", "sha256", "title", "date", "entities", "figures",
                    "error")
#: Bump when what the tables hold changes: an older cache is then ignored.
VERSION = 1


def cache_root() -> Path:
    """Where every folder's cache goes."""
    return user_folders.cache_folder("corpus")


def cache_folder(folder: str | os.PathLike) -> Path:
    """The cache of ``folder`` (its absolute, resolved path names it)."""
    key = str(Path(folder).resolve())
    return cache_root() / hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _parquet() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _path(where: Path, name: str) -> Path:
    return where / f"{name}.{'parquet' if _parquet() else 'pkl'}"


def empty_documents() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="int64" if name in ("size", "mtime_ns", "entities", "figures")
                                         else object) for name in DOCUMENT_COLUMNS})


class CorpusCache:
    """The cached tables of one folder: ``documents`` by relative path, and each
    analysed document's figures (by sha256 of its text)."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.where = cache_folder(folder)
        self.documents: dict[str, dict] = {}
        self.figures: dict[str, pd.DataFrame] = {}  # sha256 -> that text's figure rows

    def load(self) -> CorpusCache:
        """Read what is cached (nothing when absent, of another version, or damaged)."""
        try:
            if (self.where / "version").read_text().strip() != str(VERSION):
                return self
            documents = _read(_path(self.where, "documents"))
            figures = _read(_path(self.where, "figures"))
        except (OSError, ValueError, ImportError, KeyError, EOFError):
            return self
        except Exception:  # noqa: BLE001 - a damaged cache is a cache to rebuild, never a failure
            return self
        documents = documents.fillna({name: "" for name in ("sha256", "title", "date", "error")})
        self.documents = {row["document"]: row for row in documents.to_dict("records")}
        if len(figures):
            for sha256, rows in figures.groupby("sha256", sort=False):
                self.figures[sha256] = rows.drop(columns="document").reset_index(drop=True)
        return self

    def lookup(self, document: str, size: int, mtime_ns: int) -> dict | None:
        """The cached row of ``document`` when its size and time are unchanged."""
        row = self.documents.get(document)
        if row is None or int(row["size"]) != size or int(row["mtime_ns"]) != mtime_ns:
            return None
        return row

    def known_sha256(self, document: str) -> str:
        """The sha256 of ``document``'s text when last analysed ("" if never)."""
        row = self.documents.get(document)
        return row["sha256"] if row is not None and isinstance(row["sha256"], str) else ""

    def save(self, documents: list[dict], figures: dict[str, pd.DataFrame]) -> Path:
        """Keep ``documents`` (rows of DOCUMENT_COLUMNS) and the figures of their
        texts (sha256 -> rows), replacing what was cached; each file is written
        whole, then renamed."""
        self.where.mkdir(parents=True, exist_ok=True)
        # column by column in Python (a thread doing this lets the window's thread in)
        table = pd.DataFrame({name: [row[name] for row in documents] for name in DOCUMENT_COLUMNS}) \
            if documents else empty_documents()
        by_document = {row["sha256"]: row["document"] for row in documents if row.get("sha256")}
        frames = [rows.assign(document=by_document[sha], sha256=sha) for sha, rows in figures.items()
                  if sha in by_document and len(rows)]
        rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({"document": [], "sha256": []})
        front = ["document", "sha256"]
        rows = rows[front + [c for c in rows.columns if c not in front]]
        _write(_objects_as_text(table), _path(self.where, "documents"))
        _write(_objects_as_text(rows), _path(self.where, "figures"))
        (self.where / "folder.txt").write_text(str(self.folder.resolve()) + "\n", encoding="utf-8")
        (self.where / "version").write_text(str(VERSION))
        self.documents = {row["document"]: row for row in documents}
        self.figures = dict(figures)
        return self.where


def _objects_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns of mixed Python values as text (None kept), so that Parquet takes them."""
    frame = frame.copy()
    for name in frame.columns:
        if frame[name].dtype == object:
            frame[name] = frame[name].map(lambda v: v if v is None or isinstance(v, str)
                                          or (isinstance(v, float) and v != v) else str(v))
    return frame


def _read(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_pickle(path)


def _write(frame: pd.DataFrame, path: Path) -> None:
    temporary = path.with_name(path.name + ".tmp")
    if path.suffix == ".parquet":
        frame.to_parquet(temporary, index=False)
    else:
        frame.to_pickle(temporary)
    os.replace(temporary, path)
