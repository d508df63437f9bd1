"""Which label keys a window binds: never a key of one of its commands (Ctrl+S, Ctrl+Z,
N…), nor one an earlier label has. A session may name any key for a label; one that
clashed made that key ambiguous, and Qt then runs neither command."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QAction, QKeySequence

from desktop.core.labels import Label

_NO_MATCH = QKeySequence.SequenceMatch.NoMatch


def command_keys(actions: Iterable[QAction]) -> list[QKeySequence]:
    """Every key of ``actions`` (an action may have several, like Redo)."""
    return [key for action in actions for key in action.shortcuts() if not key.isEmpty()]


def clashes(key: QKeySequence, taken: Iterable[QKeySequence]) -> bool:
    """Whether ``key`` is one of ``taken``, or begins one, or begins with one."""
    return any(key.matches(other) != _NO_MATCH or other.matches(key) != _NO_MATCH for other in taken)


def bindable_keys(labels: Sequence[Label], taken: Iterable[QKeySequence]
                  ) -> tuple[list[QKeySequence], list[Label]]:
    """Each label's key (empty where it has none, or where it clashes with ``taken``
    or an earlier label's key), and the labels whose keys are left unbound."""
    taken = list(taken)
    keys, refused = [], []
    for label in labels:
        key = QKeySequence(label.key) if label.key else QKeySequence()
        if not key.isEmpty() and clashes(key, taken):
            refused.append(label)
            key = QKeySequence()
        if not key.isEmpty():
            taken.append(key)
        keys.append(key)
    return keys, refused


def unbound_message(refused: Sequence[Label]) -> str:
    """What to tell the person about labels whose keys were left unbound."""
    lines = "\n".join(f"{label.name}: {label.key}" for label in refused)
    return ("These labels' keys are already used by other commands (or by another "
            f"label), so they do nothing:\n{lines}\n\nGive them other keys in Edit ▸ Labels…")
