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


def merged_conf(existing: str, ours: str) -> str:
    """``existing`` (an annotation.conf or visual.conf already in a brat collection
    folder, for other documents) with the lines of ``ours`` whose type it lacks added
    to their section: the folder's documents keep their types, names and colours, and
    the new document's are declared too."""
    lines = existing.splitlines()
    section_of: dict[str, tuple[int, set[str]]] = {}  # section -> (index of its last line, keys)
    section = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip().lower()
            section_of.setdefault(section, (index, set()))
        elif stripped and not stripped.startswith("#") and section:
            _, keys = section_of[section]
            keys.add(_conf_key(stripped))
            section_of[section] = (index, keys)
    additions: dict[str, list[str]] = {}
    heading: dict[str, str] = {}
    section = ""
    for line in ours.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip().lower()
            heading[section] = stripped
        elif stripped and not stripped.startswith("#") and section:
            known = section_of.get(section, (0, set()))[1]
            if _conf_key(stripped) not in known:
                additions.setdefault(section, []).append(line)
    for name, (last, _) in sorted(((n, v) for n, v in section_of.items() if n in additions),
                                  key=lambda item: -item[1][0]):
        lines[last + 1:last + 1] = additions.pop(name)
    for name, added in additions.items():  # sections the file did not have
        lines += ["", heading[name], *added]
    return "\n".join(lines) + "\n"


def _conf_key(line: str) -> str:
    """The type a configuration line is about: its first word (before "|" in [labels])."""
    return re.split(r"[\s|]", line.strip(), maxsplit=1)[0]
