"""Highlights: labelled spans of the article text."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

ORIGINS = ("model", "manual")
STATUSES = ("suggested", "accepted", "rejected")


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string (seconds)."""
    from datetime import datetime, timezone  # imported on first use: start-up time

    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_id() -> str:
    """A fresh stable highlight id."""
    import uuid  # imported on first use (with platform): start-up time

    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Highlight:
    """A labelled span ``[start, end)`` of the article text, in code points.

    ``origin`` says who made it (the model or a person); ``status`` says whether a
    model suggestion was accepted or rejected (rejected ones are kept so a new
    analysis does not bring them back). ``reason`` says why the model gave the label
    ("model", "gazetteer: country", "from your corrections", ...; "" for one made by
    hand or saved before reasons were kept). Highlights are immutable: an edit makes
    a new one with the same ``id`` via :meth:`edited`.
    """

    start: int
    end: int
    label: str
    origin: str = "model"
    status: str = "suggested"
    note: str = ""
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    modified: str = ""
    reason: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad highlight span [{self.start}, {self.end})")
        if self.origin not in ORIGINS:
            raise ValueError(f"unknown highlight origin {self.origin!r}")
        if self.status not in STATUSES:
            raise ValueError(f"unknown highlight status {self.status!r}")

    @property
    def visible(self) -> bool:
        """Rejected suggestions are kept but not shown."""
        return self.status != "rejected"

    def edited(self, **changes: object) -> Highlight:
        """A copy with ``changes`` applied and ``modified`` stamped."""
        return replace(self, modified=now_iso(), **changes)

    def surface(self, text: str) -> str:
        """The text this highlight covers."""
        return text[self.start : self.end]
