"""brat standoff: the article as ``NAME.txt``, its highlights as ``NAME.ann``, and
``annotation.conf`` / ``visual.conf`` for the labels (https://brat.nlplab.org/standoff.html).

- ``T1\tMONEY 100 112\t$460 million``: one text-bound annotation per highlight.
  Offsets count characters of the .txt as brat reads it, with universal newlines
  (a CRLF is one character); the .txt keeps the article's own line ends, so a
  session with CRLF comes back exactly. A highlight crossing a line break or a tab
  is written as brat writes one: fragments ``0 5;6 12`` whose texts are joined by a
  space; on import the fragments become one highlight again.
- ``#1\tAnnotatorNotes T1\tnote``: the highlight's note, one line per line of it.
- ``#2\tFigure T1\t460000000 USD (money)``: a figure's normalised value (for
  reading in brat; figures are derived again on import).
- ``#3\tExactOffsets T1\t12 40``: only for a highlight the fragments cannot give back
  (one that starts or ends with a line break, or inside a CRLF): its Python string
  offsets into the .txt.

Import refuses a line that brat would refuse, offsets outside the text and a text
field that is not the text at the offsets; relations, events, attributes and
normalisations are left out with a warning.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.session import Session
from desktop.formats.annotations.brat_conf import annotation_conf, brat_types, read_visual_conf, visual_conf
from desktop.formats.annotations.brat_text import BratText
from desktop.formats.annotations.common import (
    AnnotationFormatError,
    Imported,
    Span,
    build_session,
    decoded,
    exported_highlights,
    quoted,
)
from desktop.formats.plain_numbers import plain_number

if TYPE_CHECKING:
    import pandas as pd

NOTE_TYPE = "AnnotatorNotes"
FIGURE_TYPE = "Figure"
EXACT_TYPE = "ExactOffsets"


def export_brat(session: Session, figures: pd.DataFrame | None = None, name: str = "article"
                ) -> dict[str, bytes]:
    """The files of a brat document: ``{name}.txt``, ``{name}.ann``,
    ``annotation.conf`` and ``visual.conf``, as UTF-8 bytes."""
    text = BratText(session.article.text)
    highlights = exported_highlights(session)
    used = list(dict.fromkeys(h.label for h in highlights))
    types = brat_types(used)
    values = _figure_values(figures)
    lines: list[str] = []
    comments = 0
    for number, h in enumerate(highlights, 1):
        fragments = text.fragments(h.start, h.end) or [(text.to_brat(h.start),) * 2]
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        lines.append(f"T{number}\t{types[h.label]} {offsets}\t{text.quote(fragments)}")
        extra = [(NOTE_TYPE, line) for line in h.note.splitlines()] if h.note else []
        if h.id in values:
            extra.append((FIGURE_TYPE, values[h.id]))
        if not text.exact(h.start, h.end, fragments):
            extra.append((EXACT_TYPE, f"{h.start} {h.end}"))
        for kind, value in extra:
            comments += 1
            lines.append(f"#{comments}\t{kind} T{number}\t{value}")
    labels = [session.label(name) for name in used]
    return {
        f"{name}.txt": session.article.text.encode("utf-8"),
        f"{name}.ann": "".join(f"{line}\n" for line in lines).encode("utf-8"),
        "annotation.conf": annotation_conf(types.values()).encode("utf-8"),
        "visual.conf": visual_conf(labels, types).encode("utf-8"),
    }


def import_brat(txt: bytes | str, ann: bytes | str, visual: bytes | str | None = None,
                title: str = "", source: str = "") -> Imported:
    """A session from a brat .txt and .ann (and the visual.conf of its folder, which
    names and colours the labels); AnnotationFormatError names the line and field."""
    text = BratText(decoded(txt, "the .txt file", keep_bom=True))
    names, colours = read_visual_conf(decoded(visual, "visual.conf")) if visual is not None else ({}, {})
    reader = _AnnReader(text)
    for number, line in enumerate(decoded(ann, "the .ann file", keep_bom=False).splitlines(), 1):
        if line.strip():
            reader.read(line, number)
    spans = reader.spans(names)
    label_colours = {names.get(kind, kind): colour for kind, colour in colours.items()}
    session = build_session(text.raw, spans, title=title, source=source, colours=label_colours)
    return Imported(session, reader.warnings)


def read_brat(path: str | Path) -> Imported:
    """:func:`import_brat` on the files of a brat document: ``path`` is its .ann or
    .txt; the other one and visual.conf are looked for beside it."""
    path = Path(path)
    txt, ann = path.with_suffix(".txt"), path.with_suffix(".ann")
    visual = path.parent / "visual.conf"
    try:
        data = txt.read_bytes(), ann.read_bytes()
        conf = visual.read_bytes() if visual.is_file() else None
    except OSError as error:
        raise AnnotationFormatError(f"{Path(error.filename).name} could not be read: "
                                    f"{error.strerror}.") from None
    return import_brat(*data, visual=conf, title=path.stem, source=str(txt))


class _AnnReader:
    """The lines of a .ann file, read one by one."""

    def __init__(self, text: BratText) -> None:
        self.text = text
        self.bound: dict[str, tuple[int, int, str, int]] = {}  # id -> brat start, end, type, line
        self.notes: dict[str, list[str]] = {}
        self.exact: dict[str, tuple[int, int, int]] = {}
        self.targets: dict[str, int] = {}  # T id -> the first comment line on it
        self.ids: set[str] = set()
        self.left_out = 0
        self.warnings: list[str] = []

    def read(self, line: str, number: int) -> None:
        ident, tab, rest = line.partition("\t")
        if not tab or not ident:
            raise AnnotationFormatError("should start with an annotation id and a tab, "
                                        f"as in T1<tab>ORG 0 4<tab>Sony, not {quoted(line)}", "id", number)
        if ident in self.ids and ident != "*":
            raise AnnotationFormatError(f"{quoted(ident)} is already used by an earlier line", "id", number)
        self.ids.add(ident)
        kind = ident[0]
        if kind == "T":
            self._text_bound(ident, rest, number)
        elif kind == "#":
            self._comment(rest, number)
        elif kind in "RE*AMN":
            self.left_out += 1
        else:
            raise AnnotationFormatError(f"{quoted(ident)} is not a brat annotation id "
                                        "(T, R, E, A, M, N, * or #, then a number)", "id", number)

    def _text_bound(self, ident: str, rest: str, number: int) -> None:
        data, has_text, quote = rest.partition("\t")
        kind, _, offsets = data.partition(" ")
        if not kind or not offsets:
            raise AnnotationFormatError(f"should be TYPE START END, not {quoted(data)}", "type", number)
        fragments = [_fragment(part, number) for part in offsets.split(";")]
        length = len(self.text.text)
        for start, end in fragments:
            if end > length:
                raise AnnotationFormatError(f"{end} is past the end of the text ({length} characters "
                                            "as brat counts them)", "offsets", number)
            if start > end:
                raise AnnotationFormatError(f"the start ({start}) is after the end ({end})", "offsets", number)
        fragments.sort()
        for (_, end), (start, _) in zip(fragments, fragments[1:]):
            if start <= end:
                raise AnnotationFormatError("the fragments overlap or touch", "offsets", number)
        expected = self.text.quote(fragments)
        if has_text and not (quote.startswith(expected) and quote[len(expected):len(expected) + 1] in ("", " ")):
            raise AnnotationFormatError(f"{quoted(quote)} is not the text at {offsets}, which is "
                                        f"{quoted(expected)}", "text", number)
        first, last = fragments[0][0], fragments[-1][1]
        if any(not self.text.only_breaks(e, s) for (_, e), (s, _) in zip(fragments, fragments[1:])):
            self.warnings.append(f"line {number} ({ident}): the discontinuous annotation {quoted(expected)} "
                                 "became one highlight over the text from its first to its last part.")
        self.bound[ident] = (first, last, kind, number)

    def _comment(self, rest: str, number: int) -> None:
        data, _, value = rest.partition("\t")
        kind, _, target = data.partition(" ")
        target = target.strip()
        if not kind or not target:
            raise AnnotationFormatError(f"should be TYPE TARGET, not {quoted(data)}", "type", number)
        if kind not in (NOTE_TYPE, EXACT_TYPE):
            return  # a figure value, or a comment of another tool
        if not target.startswith("T"):
            self.left_out += 1  # a note on a relation or an event
            return
        self.targets.setdefault(target, number)
        if kind == NOTE_TYPE:
            self.notes.setdefault(target, []).append(value)
            return
        parts = value.split()
        if len(parts) != 2 or not all(part.isdigit() for part in parts):
            raise AnnotationFormatError(f"should be two offsets, START END, not {quoted(value)}",
                                        "offsets", number)
        self.exact[target] = (int(parts[0]), int(parts[1]), number)

    def spans(self, names: Mapping[str, str]) -> list[Span]:
        for target, number in self.targets.items():
            if target not in self.bound:
                raise AnnotationFormatError(f"{quoted(target)} is not a text-bound annotation of this file",
                                            "target", number)
        if self.left_out:
            self.warnings.append(f"{self.left_out} relations, events, attributes, normalisations or notes "
                                 "on them were left out: Article Lens keeps labelled spans and their notes.")
        spans = []
        for ident, (first, last, kind, number) in self.bound.items():
            start, end = self._raw_span(ident, first, last)
            if start >= end:
                raise AnnotationFormatError("the annotation covers no text", "offsets", number)
            spans.append(Span(start, end, names.get(kind, kind), "\n".join(self.notes.get(ident, ()))))
        return spans

    def _raw_span(self, ident: str, first: int, last: int) -> tuple[int, int]:
        """The highlight's offsets in the raw text: the exact ones when they agree
        with the fragments (a break more at either end), else the fragments'."""
        start, end = self.text.to_raw(first), self.text.to_raw(last)
        if ident in self.exact:
            exact_start, exact_end, number = self.exact[ident]
            brat_start, brat_end = self.text.to_brat(exact_start), self.text.to_brat(exact_end)
            if (exact_start < exact_end <= len(self.text.raw) and exact_start <= start and end <= exact_end
                    and self.text.only_breaks(brat_start, first) and self.text.only_breaks(last, brat_end)):
                return exact_start, exact_end
            self.warnings.append(f"line {number}: the exact offsets of {ident} no longer fit its "
                                 "annotation; its fragments were used.")
        return start, end


def _fragment(part: str, number: int) -> tuple[int, int]:
    pieces = part.split(" ")
    if len(pieces) != 2 or not all(piece.isdigit() for piece in pieces):
        raise AnnotationFormatError(f"{quoted(part)} should be two whole numbers, START END",
                                    "offsets", number)
    return int(pieces[0]), int(pieces[1])


def _figure_values(figures: pd.DataFrame | None) -> dict[str, str]:
    """Highlight id -> its figure's normalised value, as "460000000 USD (money)"."""
    if figures is None or not len(figures):
        return {}
    stated = figures[~figures["derived"].astype(bool)] if "derived" in figures else figures
    values = {}
    for hid, value, unit, kind in zip(stated["highlight_id"], stated["value"],
                                      stated["unit_code"], stated["kind"]):
        if isinstance(value, (int, float)) and math.isfinite(value):
            number = plain_number(float(value))
            values[hid] = " ".join(part for part in (number, str(unit or ""), f"({kind})" if kind else "") if part)
    return values
