"""Roles: what each figure does in its sentence (a level, a change, an earlier
value, a share or a forecast), which way a movement goes, and the figure it is
tied to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.nlp.figure_changes import change_of
from desktop.nlp.figure_periods import base_after

if TYPE_CHECKING:
    from desktop.nlp.figure_sentences import FigureContext


@dataclass(frozen=True, slots=True)
class Role:
    """The role of one figure and the change it states (see FIGURE_COLUMNS)."""

    role: str = ""
    direction: str = ""
    moved: str = ""
    link: int = -1
    change: str = ""


def roles_of(context: FigureContext) -> list[Role]:
    """The role of each figure of ``context``."""
    roles = []
    for index, reading in enumerate(context.readings):
        inside = context.sentence_mentions(index)
        roles.append(Role(change=change_of(context.text, reading, base_after(inside, reading.end))))
    return roles
