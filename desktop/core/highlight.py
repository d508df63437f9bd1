"""Highlights: labelled spans of the article text."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

ORIGINS = ("model", "manual")
STATUSES = ("suggested", "accepted", "rejected")


_iso_second: list = [None, ""]  # the last whole second asked for, and its text


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string (seconds). Made once a second: an
    analysis stamps tens of thousands of suggestions within a few."""
    second = int(time.time())
    if second != _iso_second[0]:
        from datetime import UTC, datetime  # imported on first use: start-up time

        _iso_second[:] = [second, datetime.fromtimestamp(second, UTC).isoformat()]
    return _iso_second[1]


def new_id() -> str:
    """A fresh stable highlight id: 128 random bits in hex (like a uuid4's hex, at a
    quarter of its cost)."""
    import secrets

    return secrets.token_hex(16)


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
