"""An export made away from the window: a snapshot of the session the window may go on
editing, the export's files and their preview made from it (in a background thread),
and the files written (no Qt here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from desktop.core.session import Session
    from desktop.core.session_view import SessionView
    from desktop.model.export_preview import ExportPreview
    from desktop.model.export_targets import ExportTarget


def snapshot(session: SessionView, created: str | None = None) -> Session:
    """A copy of the model's ``session`` a background thread may read while the window
    edits the original (highlights are immutable: the sets are copied, not the
    highlights). ``created``: when the session was first saved, if its file has not
    said (see SessionDocument.created); the copy carries it, as its facts show."""
    copy = session.copy()
    if created is not None:
        copy.extra.setdefault("created", created)
    return copy


def make_export(session: Session, fmt: str, figures: pd.DataFrame, name: str
                ) -> tuple[dict[str, bytes], ExportPreview]:
    """The files of ``session`` exported as ``fmt`` and their preview, made at a lower
    priority than the window's thread."""
    from desktop.model.background import lower_priority
    from desktop.model.export_preview import export_preview

    lower_priority()
    from desktop.model.exports import export_session

    files = export_session(session, fmt, figures, name)
    return files, export_preview(fmt, files)


def write_export(target: ExportTarget, files: dict[str, bytes]) -> list[Path]:
    """Write an export's ``files`` where ``target`` says, atomically; the paths written."""
    from desktop.model.export_targets import write_files

    return write_files(target.paths(files), make_folder=target.file is None)


def failed_preview(error: BaseException) -> ExportPreview:
    """The preview of an export that failed: what went wrong."""
    from desktop.model.export_preview import ExportPreview

    return ExportPreview("This export failed.", text=f"{type(error).__name__}: {error}")
