"""Which period of a sentence belongs to which figure: the sentence is cut into clauses,
and a period attaches to the figures of its own clause.

For each figure, the first that applies:

1. a figure inside a period ("three months" in "the three months to December") has none;
   an amount converted in brackets ("£75m ($141m)") has its main amount's period;
2. a possessive or adjective right before it ("March's €2.1bn", "an annual profit of
   $9.2bn", "third-quarter dividend by 12%");
3. the first period after it in its clause, with no other figure between them (the
   figures of one movement, "rose 2% to $4.2bn (£2.3bn) in 2004", share it);
4. for a figure that is not a comparison base: the nearest period before it in its
   clause, then a period stated before the first figure of an earlier clause of the
   sentence ("For the full year, ... while revenues grew 6.4%").

A comparison base ("from $3.9bn", "compared with £90m a year earlier", "down from
March's €2.1bn") takes only a period written right by it. Periods that are themselves
bases ("than in 2003", "up 10% on 2003") or dates of other events ("bought in 2000",
"said on Friday") attach to no figure; dates such as "last week" or "on Tuesday" attach
only right after a figure; a period in a relative clause ("..., which ...") or after
"following"/"after" stays in it.
"""

from __future__ import annotations

import re

from desktop.nlp.figures.periods.expressions import Period
from desktop.nlp.figures.periods.segments import _conversions, _segments

_CHAIN_GAP = re.compile(
    r"^[\s(\[;,)\]]*(?:(?:to\s+(?:close|end|finish|stand)\s+at|and|from|a\s+share|a\s+barrel|each|at)\s*"
    r"|(?:[a-z]+[\s,]+)?(?:to|or)\b\s*)?[\s(\[;)\]]*$",
    re.IGNORECASE,
)
_TRAILING_PREPOSITION = re.compile(r"\b(?:in|on|at|during|for|by|over)\s*$", re.IGNORECASE)
_BASE_FIGURE = re.compile(
    r"(?:\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)"
    r"|\b(?:up|down|higher|lower|rise|rose|fall|fell|increase|decrease|gain|drop)\w*(?:\s+\w+)?\s+on)"
    r"\s+(?:[^\s\d$£€¥]+\s+){0,3}$",
    re.IGNORECASE,
)
#: A word that makes a "current" period of a figure without one written.
CURRENT_WORD = re.compile(r"(?=[cn])\b(?:current|currently|now)\b", re.IGNORECASE)  # first letters looked ahead: faster
_CURRENT = re.compile(r"\b(current|currently|now)\s+(?:at\s+|of\s+|some\s+|about\s+|around\s+)?$", re.IGNORECASE)
_WEAK_GAP = re.compile(r"(?:\s+|\s*\b(?:in|on|at|during|of|the|a|for)\b|\s*\b[A-Z][\w'’.-]*)*\s*$")
_WORDS = re.compile(r"[\w'’$£€%.-]+")
#: Kinds of period that describe the noun they stand before ("annual profit", "2005
#: revenue", "fourth-quarter dividend", "October's").
_ADJECTIVES = ("annual", "quarter", "half", "full_year", "year", "date", "weekend", "holiday")
#: Words that end the noun phrase a period stands before: "next year and 3%" is no "2005 revenue of $4bn".
_NOT_ADJECTIVE_GAP = re.compile(r"[,;:]|\b(?:and|or|but|than|while|as|to|from|compared|against|versus)\b",
                                re.IGNORECASE)


def sentence_periods(text: str, first: int, last: int, figures: list[tuple[int, int]],
                     mentions: list[Period]) -> list[Period | None]:
    """The period (one of ``mentions``, or a "current" made here) of each figure
    ``[start, end)`` of the sentence ``text[first:last]``, None when it has none.
    ``figures`` and ``mentions`` are sorted and lie in the sentence."""
    if not figures:
        return []
    if not mentions and not CURRENT_WORD.search(text, first, last):
        return [None] * len(figures)  # no period written, and no "current" to make one of
    segments, where = _segments(text, first, last, figures, mentions)
    seg_of_figure = [where(start) for start, _ in figures]
    seg_of_mention = [where(m.start) for m in mentions]
    for index, seg in enumerate(seg_of_figure):
        if not any(m.start <= figures[index][0] and figures[index][1] <= m.end for m in mentions):
            segments[seg].figures.append(index)  # not the figures of a period ("three months")
    for index, seg in enumerate(seg_of_mention):
        segments[seg].mentions.append(index)
    _conversions(text, segments, figures)
    base = [bool(_BASE_FIGURE.search(text, max(first, start - 40), start)) for start, _ in figures]
    chosen: list[Period | None] = [None] * len(figures)
    done = [False] * len(figures)
    exclusive: set[int] = set()

    def inside(index: int) -> bool:
        start, end = figures[index]
        return any(m.start <= start and end <= m.end for m in mentions)

    # comparison bases first: the period right after one is theirs alone
    for index in range(len(figures)):
        if inside(index):
            done[index] = True
        elif base[index] and segments[seg_of_figure[index]].conversion < 0:
            chosen[index], mention = _own_base(text, index, figures, mentions, segments[seg_of_figure[index]])
            done[index] = True
            if mention is not None:
                exclusive.add(mention)
    _carry(segments, figures, mentions, exclusive)
    order = [i for i, s in enumerate(seg_of_figure) if segments[s].parent < 0] + [
        i for i, s in enumerate(seg_of_figure) if segments[s].parent >= 0]
    for index in order:
        if done[index]:
            continue
        seg = segments[seg_of_figure[index]]
        if seg.conversion >= 0:
            chosen[index] = chosen[seg.conversion]
            done[index] = True
            continue
        chosen[index] = _own(text, index, figures, mentions, seg, segments, base, exclusive, chosen)
        done[index] = True
    return chosen


def _gap_words(text: str, start: int, end: int) -> int:
    return len(_WORDS.findall(text, start, end)) if end > start else 0


def _between(figures, among, start: int, end: int, skip=frozenset()) -> list[int]:
    """The figures of ``among`` (indices) that start in ``[start, end)``."""
    return [i for i in among if start <= figures[i][0] < end and i not in skip]


def _without(text: str, start: int, end: int, mentions: list[Period]) -> str:
    """``text[start:end]`` with the periods written in it left out."""
    parts, position = [], start
    for mention in mentions:
        if mention.end <= start or mention.start >= end:
            continue
        parts.append(_TRAILING_PREPOSITION.sub("", text[position:max(position, mention.start)]))
        position = max(position, mention.end)
    parts.append(text[position:end] if position < end else "")
    return " ".join(parts)


def _usable(mention: Period) -> bool:
    return not mention.base and not mention.event and mention.kind != "null"


def _own_base(text, index, figures, mentions, seg) -> tuple[Period | None, int | None]:
    """A comparison base's own period: a possessive or "current" right before it, or a
    period right after it."""
    start, end = figures[index]
    current = _current(text, figures, index)
    if current is not None:
        return current, None
    for m in reversed(seg.mentions):
        mention = mentions[m]
        if mention.end <= start:
            if mention.possessive and not mention.event and _gap_words(text, mention.end, start) <= 3 \
                    and not _between(figures, seg.figures, mention.end, start):
                return mention, m
            break
    for m in seg.mentions:
        mention = mentions[m]
        if mention.end <= end or mention.start < start:
            continue
        if _between(figures, seg.figures, end, mention.start) or _gap_words(text, end, mention.start) > 3:
            break
        if mention.base or mention.event or mention.kind in ("annual", "null", "since"):
            break
        if mention.weak and not _WEAK_GAP.match(text, end, mention.start):
            break
        return mention, m
    return None, None


def _current(text, figures, index) -> Period | None:
    """ "their current 4.75%", "currently at 5%", right before the figure."""
    start = figures[index][0]
    match = _CURRENT.search(text, max(0, start - 30), start)
    if match is None:
        return None
    word = match[1].lower()
    return Period(match.start(1), match.end(1), "now", word)


def _carry(segments, figures, mentions, exclusive) -> None:
    """The period each clause takes from the clauses before it when it states none: one
    stated before the first figure of an earlier clause (a frame: "For the full year,"),
    or one stated anywhere in the clause just before a "when" clause, a result ("...,
    taking the total to") or a "while" clause."""
    carry: Period | None = None
    trailing: Period | None = None
    for number, seg in enumerate(segments):
        if seg.parent >= 0:
            continue
        if seg.joiner == "hard":
            carry = trailing = None
        receives = seg.joiner not in ("rel", "event")
        incoming = carry
        if seg.joiner in ("when", "result") and trailing is not None:
            incoming = trailing
        seg.carry = incoming if receives else None
        first_figure = min((figures[i][0] for i in seg.figures), default=None)
        leading, after = [], []
        for m in seg.mentions:
            mention = mentions[m]
            if mention.kind == "null":
                carry = trailing = None
                leading, after = [], []
                continue
            if not _usable(mention) or m in exclusive or mention.kind in ("annual", "anchor"):
                continue
            if mention.kind == "since" and number > 0:
                continue
            if mention.weak:
                continue  # "In a statement on Monday, the company said ...": a date, not a period
            if first_figure is None or mention.end <= first_figure:
                leading.append(mention)
            else:
                after.append(mention)
        if leading:
            seg.leading = leading[-1]
        if receives or number == 0:
            if leading:
                carry = leading[-1]
        trailing = (after or leading or [None])[-1]


def _own(text, index, figures, mentions, seg, segments, base, exclusive, chosen) -> Period | None:
    start, end = figures[index]
    current = _current(text, figures, index)
    if current is not None:
        return current
    seg_mentions = [m for m in seg.mentions if m not in exclusive]
    # a possessive or adjective right before the figure
    for m in reversed(seg_mentions):
        mention = mentions[m]
        if mention.end > start:
            continue
        if (_usable(mention) and (mention.possessive or mention.kind in _ADJECTIVES) and not mention.weak
                and not _NOT_ADJECTIVE_GAP.search(text, mention.end, start)
                and mention.kind != "since" and _gap_words(text, mention.end, start) <= 3
                and not _between(figures, seg.figures, mention.end, start)
                and not re.search(r"\b(?:in|during|for|on|at|by)\s*$", text[max(0, mention.start - 8):mention.start])):
            return mention
        break
    # the first period after it in its clause: the figures of one movement share it
    chain_end, skip = end, set()
    for other in seg.figures:
        if other <= index:
            continue
        o_start, o_end = figures[other]
        gap = _without(text, chain_end, o_start, mentions)
        if base[other] or not _CHAIN_GAP.match(gap):
            break
        chain_end, skip = o_end, skip | {other}
    for m in seg_mentions:
        mention = mentions[m]
        if mention.end <= end or mention.start < start:
            continue
        if _between(figures, seg.figures, end, mention.start, skip):
            break
        if mention.kind == "null":
            break
        if not _usable(mention):
            continue
        if mention.kind == "annual" and re.match(r"\s*of\b", text[end:mention.start]):
            continue
        if mention.kind == "since" and _between(figures, seg.figures, end, mention.start):
            continue
        gap_from = max([end] + [figures[o][1] for o in skip if figures[o][1] <= mention.start])
        if mention.weak and not (_WEAK_GAP.match(text, gap_from, mention.start)
                                 and _gap_words(text, gap_from, mention.start) <= 4):
            continue
        return mention
    if base[index]:
        return None
    # the figure before it in the same movement ("fell $3.10 on Monday to end at $88.40")
    earlier = [o for o in seg.figures if o < index]
    if earlier and not base[earlier[-1]] and chosen[earlier[-1]] is not None \
            and chosen[earlier[-1]].kind != "since" and _CHAIN_GAP.match(
            _without(text, figures[earlier[-1]][1], start, mentions)):
        return chosen[earlier[-1]]
    # the nearest period before it in its clause, a named one before "now"
    nearest_now = None
    for m in reversed(seg_mentions):
        mention = mentions[m]
        if mention.end > start:
            continue
        if mention.kind == "null":
            break
        if mention.base or mention.event == "report" or mention.kind in ("since", "anchor") or mention.weak:
            continue  # a date of another event holds in its own clause: "bought in 2001 for £120,000"
        if mention.specific or mention.kind == "link":
            return mention
        nearest_now = nearest_now or mention
    if nearest_now is not None:
        return nearest_now
    if seg.parent >= 0:  # a parenthesis: the period of the figure before it, else its clause's
        parent = segments[seg.parent]
        before = [i for i in parent.figures if figures[i][1] <= seg.open_at and not base[i]]
        if before and chosen[before[-1]] is not None and chosen[before[-1]].kind != "anchor":
            return chosen[before[-1]]
        source = parent.leading or parent.carry
        return source if source is not None and source.kind != "annual" else None
    return seg.carry
