"""brat's configuration files for the labels of an export: annotation.conf (the
entity types used) and visual.conf (each type's name as shown and its colour)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.labels import Label

_NOT_TYPE = re.compile(r"[^A-Za-z0-9_-]+")


def brat_types(labels: Iterable[str]) -> dict[str, str]:
    """A brat entity type for each label: the label itself when brat allows it
    (letters, digits, ``_`` and ``-``), else a cleaned form, unique among them."""
    types: dict[str, str] = {}
    used: set[str] = set()
    for label in labels:
        base = _NOT_TYPE.sub("_", label).strip("_") or "LABEL"
        name, count = base, 1
        while name in used:
            count += 1
            name = f"{base}_{count}"
        types[label] = name
        used.add(name)
    return types


def annotation_conf(types: Iterable[str]) -> str:
    """annotation.conf declaring ``types`` as entities (and no relations, events or
    attributes)."""
    entities = "".join(f"{name}\n" for name in types)
    return f"[entities]\n{entities}\n[relations]\n\n[events]\n\n[attributes]\n"


def visual_conf(labels: Iterable[Label], types: dict[str, str]) -> str:
    """visual.conf giving each type its label's name and background colour."""
    labels = list(labels)
    shown = "".join(f"{types[label.name]} | {label.name}\n" for label in labels)
    drawing = "".join(f"{types[label.name]}\tbgColor:{label.colour[:7]}\n" for label in labels)
    return f"[labels]\n{shown}\n[drawing]\n{drawing}"


def read_visual_conf(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """From a visual.conf: type -> the first name shown for it, and type -> colour."""
    names: dict[str, str] = {}
    colours: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
        elif section == "labels" and "|" in line:
            parts = [part.strip() for part in line.split("|")]
            if parts[0] and len(parts) > 1 and parts[1]:
                names[parts[0]] = parts[1]
        elif section == "drawing":
            kind, _, settings = line.replace("\t", " ").partition(" ")
            found = re.search(r"bgColor:(#[0-9A-Fa-f]{6})\b", settings)
            if found:
                colours[kind] = found.group(1).lower()
    return names, colours
