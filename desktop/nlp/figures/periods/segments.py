"""A sentence cut into clauses for the attaching of periods (:func:`_segments`): at
semicolons and colons, at commas and words that join clauses ("while", "which",
"when", "following"), at dashes, with brackets and pairs of dashes as clauses of their
own; and the brackets that only convert the amount before them ("£75m ($141m)")."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from desktop.nlp.figures.periods.expressions import Period

_HARD = re.compile(r"[;:](?=\s)")
_COMMA = re.compile(r",\s+")
_WORD_JOINERS = re.compile(
    r"\s+(?P<coord>while|whereas|although|though|but)\s+"
    r"|\s+(?P<and>and)\s+(?=(?:its|the|their|his|her|our|we|they|it|he|she|that|these|those|is|are|was|were"
    r"|has|have|had|will|would|could|should|may|might|can|did|does|now|then|so)\b)"
    r"|\s+(?P<when>when)\s+"
    r"|\s+(?P<event>following|after|before|despite)\s+(?!(?:a|an|the)?\s*(?:year|month|quarter)\b)",
    re.IGNORECASE,
)
_DASH = re.compile(r"\s[-–—]\s|\s?--\s?|\s—|—\s")
_AFTER_COMMA = re.compile(
    r"(?P<coord>(?:and|but|while|whereas|although|though|yet)\b)"
    r"|(?P<rel>(?:which|who|whom|whose|where|according\s+to)\b)"
    r"|(?P<when>when\b)"
    r"|(?P<result>(?:up|down|helped|boosted|driven|fuelled|fueled|led|hit|hurt)\b|\w+ing\b)",
    re.IGNORECASE,
)
_FIGURE_NEXT = re.compile(r"(?:or|to|and)?\s*\(?$|(?:or|to)\s", re.IGNORECASE)


@dataclass
class _Segment:
    """A clause: how it is joined to the one before ("start", "comma", "coord", "rel",
    "when", "result", "event", "dash", "hard", or "paren" for a parenthesis), its
    figures and periods (indices), and the period it takes from earlier clauses."""

    joiner: str
    parent: int = -1  # for a parenthesis: the clause it stands in
    open_at: int = -1  # for a parenthesis: where it opens
    conversion: int = -1  # for brackets right after a figure: that figure's index
    figures: list[int] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    carry: Period | None = None  # from the clauses before
    leading: Period | None = None  # its own, stated before its first figure


_BRACKET = re.compile(r"[()\[\]]")


def _segments(text, first, last, figures, mentions):
    """Clauses of the sentence: top-level ones split at clause marks, and parentheses
    (brackets, or a pair of dashes) as clauses of their own."""
    blocked = [(m.start, m.end) for m in mentions] + list(figures)

    def free(position: int) -> bool:
        return not any(s <= position < e for s, e in blocked)

    parens: list[tuple[int, int]] = []  # (open end, close start) of parentheses
    depth, opened = 0, 0
    for bracket in _BRACKET.finditer(text, first, last):
        position, char = bracket.start(), bracket.group()
        if char in "([":
            if depth == 0:
                opened = position
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
            if depth == 0:
                parens.append((opened, position + 1))
    if depth:  # an unclosed bracket runs to the end of the sentence
        parens.append((opened, last))

    def in_paren(position: int) -> bool:
        return any(s <= position < e for s, e in parens)

    dashes = [m for m in _DASH.finditer(text, first, last) if not in_paren(m.start()) and free(m.start())]
    for open_dash, close_dash in zip(dashes[::2], dashes[1::2]):
        if len(dashes) >= 2:
            parens.append((open_dash.start(), close_dash.end()))
    unpaired = dashes[len(dashes) - len(dashes) % 2:] if len(dashes) % 2 else []
    parens.sort()

    cuts: list[tuple[int, str]] = []  # (position, joiner) at top level
    for match in _HARD.finditer(text, first, last):
        if not in_paren(match.start()) and free(match.start()):
            cuts.append((match.end(), "hard"))
    for match in _COMMA.finditer(text, first, last):
        if in_paren(match.start()) or not free(match.start()):
            continue
        after = text[match.end():min(last, match.end() + 40)]
        if any(s >= match.end() and _FIGURE_NEXT.match(text, match.end(), s) for s, _ in figures
               if s - match.end() < 6):
            continue  # ", or 0.2%", ", £4.5bn higher": the same movement goes on
        kind = _AFTER_COMMA.match(after)
        cuts.append((match.end(), kind.lastgroup if kind else "comma"))
    for match in _WORD_JOINERS.finditer(text, first, last):
        if in_paren(match.start()) or not free(match.start() + 1):
            continue
        joiner = match.lastgroup
        cuts.append((match.end(), "coord" if joiner == "and" else joiner))
    for match in unpaired:
        cuts.append((match.end(), "dash"))
    cuts.sort()

    segments = [_Segment("start")]
    starts = [first]
    for position, joiner in cuts:
        if position > starts[-1]:
            segments.append(_Segment(joiner))
            starts.append(position)
        else:
            segments[-1].joiner = joiner
    top = len(segments)
    paren_segments = []
    for open_at, close_at in parens:
        parent = bisect_right(starts, open_at) - 1
        segments.append(_Segment("paren", parent=parent, open_at=open_at))
        paren_segments.append((open_at, close_at, len(segments) - 1))

    def where(position: int) -> int:
        for open_at, close_at, index in reversed(paren_segments):
            if open_at <= position < close_at:
                return index
        return max(0, min(top - 1, bisect_right(starts, position) - 1))

    return segments, where


def _conversions(text: str, segments: list[_Segment], figures: list[tuple[int, int]]) -> None:
    """Brackets opened right after a figure that hold only figures: "£75m ($141m)"."""
    for seg in segments:
        if seg.joiner != "paren" or not seg.figures:
            continue
        open_at = seg.open_at
        if open_at < 0 or text[open_at] not in "([":
            continue
        before = [i for i in range(len(figures)) if figures[i][1] <= open_at]
        if before and not text[figures[before[-1]][1]:open_at].strip():
            seg.conversion = before[-1]
