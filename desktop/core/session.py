"""A session: an article, its highlights and everything the reader decided about them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.article import Article
from desktop.core.highlight_set import HighlightSet
from desktop.core.labels import Label, default_labels, fallback_colour


@dataclass
class Session:
    """Everything a saved session file holds.

    ``figure_overrides`` maps a highlight id to the figure cells a person corrected
    by hand (column -> value). ``extra`` keeps fields a newer version wrote that this
    one does not know, so a re-save does not drop them.
    """

    article: Article
    highlights: HighlightSet = field(default_factory=HighlightSet)
    labels: list[Label] = field(default_factory=lambda: list(default_labels()))
    figure_overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    hidden_labels: set[str] = field(default_factory=set)
    extra: dict[str, Any] = field(default_factory=dict)

    def label(self, name: str) -> Label:
        """The label called ``name``; an unknown name gets a stable fallback colour."""
        for label in self.labels:
            if label.name == name:
                return label
        return Label(name, fallback_colour(name))

    def label_names(self) -> list[str]:
        """Label names in label-bar order, then any used label that is not listed."""
        names = [label.name for label in self.labels]
        used = sorted(self.highlights.used_labels() - set(names))
        return names + used
