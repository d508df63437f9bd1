"""Figure extraction of ``desktop.nlp.analyze`` scored on the hand-annotated real news set.

Usage: python benchmarks/news_figures.py [--eval-dir DIR] [--docs a,b] [--errors]
                                         [--json PATH] [--compare PATH]

The set (``../shared/eval/news/``: 30 BBC articles, ``texts/`` and ``gold.jsonl``) and its
scoring rules are described in its README, "How to score against this set". In short:

- Matching: a prediction (a figure row of ``analyze(text).figures`` with ``derived`` False)
  and a required gold figure can pair up when their spans share a character; pairs are made
  one to one, greedily, preferring pairs whose value matches, then larger overlap. Unmatched
  predictions that overlap an optional gold entry, or lie inside an already matched gold
  range, are ignored; the others are false positives.
- Span P/R/F1 over those pairs; value P/R/F1 counts a pair only when its value is right
  (0.5 % relative, ``alt_values``, range ends, units mapped to the gold codes, pence/pounds
  and cents/dollars converted, a gold ``count`` accepting no unit or a thing counted).
- Over matched pairs: unit and kind accuracy, subject (content-word overlap), period
  (normalised, where gold has one) and the spurious-period rate (where it has none), role,
  change direction and what moved (``moved`` against gold ``change.of``); change precision
  is the share of predicted directions that land on gold figures with a ``change``.

The columns ``role``, ``direction`` and ``moved`` are optional: when absent or empty they
count as no prediction, and without ``direction`` the direction is read from the ``change``
string ("+…" up, "-…" down, "×f" up when f > 1, down when f < 1).

``--errors`` lists every error by class, ``--json`` saves the scores, ``--compare`` prints
them beside the scores of an earlier ``--json`` file, ``--docs`` keeps only some articles,
``--direction-from change`` reads directions from ``change`` even when ``direction`` exists.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.machine import cpu_name  # noqa: E402

DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval" / "news"
SECTIONS = ("business", "tech", "politics", "sport", "entertainment")
ROLES = ("level", "change", "previous", "share", "forecast")
VALUE_TOLERANCE = 0.005  # relative, against the gold value
CONTEXT_CHARS = 40

# --- units ------------------------------------------------------------------------------

# Spellings of our unit codes (and of units as written) mapped to the gold codes.
_UNIT_CODES = {
    "$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD",
    "£": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "sterling": "GBP",
    "a$": "AUD", "aud": "AUD", "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "rupee": "INR", "rupees": "INR", "rs": "INR",
    "rupiah": "IDR", "baht": "THB", "¥": "JPY", "yen": "JPY",
    "p": "penny", "pence": "penny", "pennies": "penny", "cents": "cent", "c": "cent", "¢": "cent",
    "per cent": "%", "percent": "%", "pct": "%",
    "percentage point": "pp", "percentage points": "pp", "point": "point", "points": "point",
    "pts": "point", "×": "x", "times": "x", "years": "year", "yr": "year", "yrs": "year",
    "months": "month", "mo": "month", "weeks": "week", "wk": "week", "days": "day", "d": "day",
    "quarters": "quarter", "t": "tonne", "tonnes": "tonne", "tons": "tonne", "ton": "tonne",
    "bbl": "barrel", "barrels": "barrel", "ft3": "cubic foot", "cu ft": "cubic foot",
    "cubic feet": "cubic foot", "people": "count", "persons": "count",
}
# Codes that measure something (so a gold ``count`` does not take them as a thing counted).
_MEASURE_CODES = {
    "%", "pp", "x", "penny", "cent", "point", "year", "month", "week", "day", "quarter", "tonne",
    "barrel", "cubic foot", "h", "min", "s", "ms", "km", "m", "cm", "mm", "mi", "kg", "g", "lb",
    "oz", "l", "ml", "gal", "kw", "mw", "gw", "kwh", "mwh", "w", "°c", "°f", "ha", "acre",
}
_CENT_CURRENCIES = {"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "EUR"}
_SUBUNITS = {("penny", "GBP")} | {("cent", code) for code in _CENT_CURRENCIES}


def map_unit(code: str | None) -> str:
    """A unit code (ours or gold's) in the gold convention: "USD/bbl" → "USD", "bbl" → "barrel",
    "" stays "" (no unit). A per-unit price keeps its currency, as in the gold."""
    code = (code or "").strip()
    if not code:
        return ""
    head = code.split("/")[0].strip() or code
    if re.fullmatch(r"[A-Z]{3}", head):
        return head
    return _UNIT_CODES.get(head.lower(), head.lower())


def _is_thing_counted(code: str) -> bool:
    """Whether a mapped unit names the thing counted ("jobs", "shares") rather than a measure."""
    return (bool(code) and code not in _MEASURE_CODES and code != "count"
            and not re.fullmatch(r"[A-Z]{3}", code) and any(ch.isalpha() for ch in code))


def unit_factor(predicted_unit: str | None, gold_unit: str | None) -> float | None:
    """Factor turning a predicted value into the gold unit, or None when the units disagree.

    Both units are mapped first. Pence and pounds, cents and dollars convert (×0.01 or ×100);
    a gold ``count`` accepts no unit or one that names the thing counted."""
    predicted, gold = map_unit(predicted_unit), map_unit(gold_unit)
    if predicted == gold:
        return 1.0
    if gold == "count" and (not predicted or _is_thing_counted(predicted)):
        return 1.0
    if (predicted, gold) in _SUBUNITS:
        return 0.01
    if (gold, predicted) in _SUBUNITS:
        return 100.0
    return None


def units_agree(predicted_unit: str | None, gold_unit: str | None) -> bool:
    return unit_factor(predicted_unit, gold_unit) is not None


def kind_correct(predicted_kind: str | None, gold_kind: str | None) -> bool:
    """Kinds equal, with age = duration and a gold ``other`` accepting count or quantity."""
    predicted, gold = (predicted_kind or "").lower(), (gold_kind or "").lower()
    same = {"age": "duration"}
    if same.get(predicted, predicted) == same.get(gold, gold):
        return True
    return gold == "other" and predicted in ("count", "quantity")


# --- figures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """One figure row of the extractor, with the fields that are scored."""

    start: int
    end: int
    surface: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""  # our unit_code
    kind: str = ""
    subject: str = ""
    period: str = ""
    role: str = ""
    direction: str = ""  # "up", "down" or ""
    moved: str = ""  # "amount", "rate" or ""
    change: str = ""


@dataclass(frozen=True)
class Gold:
    """One annotated figure of gold.jsonl."""

    start: int
    end: int
    surface: str = ""
    value: float | None = None
    unit: str = ""
    kind: str = ""
    subject: str | None = None
    period: str | None = None
    role: str | None = None
    direction: str | None = None  # change.direction
    moved: str | None = None  # change.of: "level" or "rate"
    alt_values: tuple[float, ...] = ()
    optional: bool = False

    @classmethod
    def from_json(cls, record: dict) -> Gold:
        change = record.get("change") or {}
        return cls(start=record["start"], end=record["end"], surface=record["surface"],
                   value=record.get("value"), unit=record.get("unit") or "", kind=record.get("kind") or "",
                   subject=record.get("subject"), period=record.get("period"), role=record.get("role"),
                   direction=change.get("direction"), moved=change.get("of"),
                   alt_values=tuple(record.get("alt_values") or ()), optional=bool(record.get("optional")))

    @property
    def is_range(self) -> bool:
        """A range lists its low end, high end and midpoint in ``alt_values``."""
        return len(self.alt_values) >= 2


def _clean(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def direction_of_change(change: str | None) -> str:
    """Direction read from our ``change`` string: "+…" up, "-…"/"−…" down, "×f" by f vs 1."""
    change = _clean(change)
    if change.startswith("+"):
        return "up"
    if change.startswith(("-", "−")):
        return "down"
    factor = re.match(r"[×x]\s*([0-9]*\.?[0-9]+)", change)
    if factor:
        value = float(factor.group(1))
        return "up" if value > 1 else "down" if value < 1 else ""
    return ""


def predictions_from_frame(frame, direction_from: str = "auto") -> list[Prediction]:
    """The non-derived rows of ``analyze(text).figures``. Missing or empty ``role``/``direction``/
    ``moved`` mean no prediction. The direction comes from the ``direction`` column, or from
    ``change`` when that column is missing (``direction_from`` "auto"), or always from one of
    them ("column", "change")."""
    if "derived" in frame.columns:
        frame = frame[~frame["derived"].fillna(False).astype(bool)]
    has_direction = direction_from == "column" or (direction_from == "auto" and "direction" in frame.columns)
    predictions = []
    for row in frame.to_dict("records"):
        direction = (_clean(row.get("direction")).lower() if has_direction
                     else direction_of_change(row.get("change")))
        predictions.append(Prediction(
            start=int(row["start"]), end=int(row["end"]), surface=_clean(row.get("surface")),
            value=_number(row.get("value")), low=_number(row.get("low")), high=_number(row.get("high")),
            unit=_clean(row.get("unit_code")), kind=_clean(row.get("kind")), subject=_clean(row.get("subject")),
            period=_clean(row.get("period")), role=_clean(row.get("role")).lower(),
            direction=direction if direction in ("up", "down") else "", moved=_clean(row.get("moved")).lower(),
            change=_clean(row.get("change"))))
    return predictions


# --- value ------------------------------------------------------------------------------


def _close(predicted: float | None, gold: float | None) -> bool:
    if predicted is None or gold is None:
        return False
    if gold == 0:
        return abs(predicted) < 1e-12
    return abs(predicted - gold) <= VALUE_TOLERANCE * abs(gold)


def value_correct(prediction: Prediction, gold: Gold) -> bool:
    """Value within 0.5 % of the gold value or an ``alt_values`` entry (for a range, a predicted
    low or high equal to an end also counts), units agreeing after mapping and conversion."""
    factor = unit_factor(prediction.unit, gold.unit)
    if factor is None:
        return False

    def scaled(value: float | None) -> float | None:
        return None if value is None else value * factor

    targets = [gold.value, *gold.alt_values]
    if any(_close(scaled(prediction.value), target) for target in targets):
        return True
    if gold.is_range:
        ends = gold.alt_values[:2]
        return any(_close(scaled(bound), end) for bound in (prediction.low, prediction.high) for end in ends)
    return False


# --- matching ---------------------------------------------------------------------------


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters two spans share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


@dataclass
class Matching:
    """Outcome of matching one article: index pairs (prediction, gold) and what was left."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    false_positives: list[int] = field(default_factory=list)  # prediction indices
    ignored: list[int] = field(default_factory=list)  # prediction indices, counted neither way
    missed: list[int] = field(default_factory=list)  # required gold indices


def match(predictions: list[Prediction], golds: list[Gold]) -> Matching:
    """Pair predictions with required gold figures one to one, greedily: first pairs whose value
    matches, then larger overlap (then nearer start, then order). Unmatched predictions that
    overlap an optional gold entry, or lie inside a matched gold range, are ignored."""
    candidates = []
    for p_index, prediction in enumerate(predictions):
        for g_index, gold in enumerate(golds):
            if gold.optional:
                continue
            shared = overlap(prediction.start, prediction.end, gold.start, gold.end)
            if shared:
                candidates.append((not value_correct(prediction, gold), -shared,
                                   abs(prediction.start - gold.start), p_index, g_index))
    result = Matching()
    used_predictions: set[int] = set()
    used_golds: set[int] = set()
    for *_, p_index, g_index in sorted(candidates):
        if p_index not in used_predictions and g_index not in used_golds:
            used_predictions.add(p_index)
            used_golds.add(g_index)
            result.pairs.append((p_index, g_index))
    result.pairs.sort(key=lambda pair: golds[pair[1]].start)
    matched_ranges = [golds[g] for g in used_golds if golds[g].is_range]
    for p_index, prediction in enumerate(predictions):
        if p_index in used_predictions:
            continue
        on_optional = any(gold.optional and overlap(prediction.start, prediction.end, gold.start, gold.end)
                          for gold in golds)
        in_range = any(gold.start <= prediction.start and prediction.end <= gold.end for gold in matched_ranges)
        (result.ignored if on_optional or in_range else result.false_positives).append(p_index)
    result.missed = [g for g, gold in enumerate(golds) if not gold.optional and g not in used_golds]
    return result


# --- subject and period -----------------------------------------------------------------

STOP_WORDS = frozenset(
    "a an the of in on at to for from by with into onto as per and or nor but than its it it's their "
    "his her our your my they them he she we you i who whom which what whose is are was were be been "
    "being has have had do does did".split())
GENERIC_WORDS = frozenset(
    "rise fall up down increase decrease decline drop gain growth change share proportion percentage "
    "percent cent number total amount value figure rate level sum".split())


def _stem(word: str) -> str:
    """Light stemming: "-ies" → "-y", "-sses" → "-ss", else a final "-s" dropped (not "-ss",
    "-us", "-is")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def subject_words(phrase: str | None) -> set[str]:
    """Content words of a phrase: lowercased, possessive "'s" dropped, stop and generic words
    removed, lightly stemmed."""
    text = (phrase or "").lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=s)'(?!\w)", "", text)
    words = set()
    for word in re.split(r"[^\w]+", text):
        if not word or word in STOP_WORDS or word in GENERIC_WORDS:
            continue
        stem = _stem(word)
        if stem not in STOP_WORDS and stem not in GENERIC_WORDS:
            words.add(stem)
    return words


def words_overlap(predicted: set[str], gold: set[str]) -> bool:
    """The overlap test: shared words cover at least half of the gold words and a quarter of the
    predicted words."""
    shared = len(predicted & gold)
    return shared >= 0.5 * len(gold) and shared >= 0.25 * len(predicted)


def subject_correct(predicted: str | None, gold: str | None) -> bool:
    if not (predicted or "").strip():
        return False
    return words_overlap(subject_words(predicted), subject_words(gold))


_QUARTER_NAMES = [
    (r"\bq\s*([1-4])\b", r"q\1"),
    (r"\b(?:first|1st)\s+quarter\b", "q1"),
    (r"\b(?:second|2nd)\s+quarter\b", "q2"),
    (r"\b(?:third|3rd)\s+quarter\b", "q3"),
    (r"\b(?:fourth|4th|final|last)\s+quarter\b", "q4"),
    (r"\b(?:last|final)\s+three\s+months\s+of\b", "q4"),
    (r"\bfirst\s+three\s+months\s+of\b", "q1"),
]
_ARTICLES = {"a", "an", "the"}


def normalise_period(period: str | None) -> str:
    """Lowercased, quarter names as q1–q4 ("final quarter", "last three months of" → q4),
    punctuation and articles dropped: "The final quarter of 2004." → "q4 of 2004"."""
    text = (period or "").lower().replace("’", "'")
    for pattern, replacement in _QUARTER_NAMES:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"[^\w\s]+", " ", text)
    return " ".join(word for word in text.split() if word not in _ARTICLES)


def _years(text: str) -> set[str]:
    return set(re.findall(r"\b(?:1[89]|20)\d\d\b", text))


def _quarters(text: str) -> set[str]:
    return set(re.findall(r"\bq[1-4]\b", text))


def period_correct(predicted: str | None, gold: str | None) -> bool:
    """Normalised periods pass the word-overlap test, and any years (and any quarters) that
    both sides name are the same."""
    if not (predicted or "").strip():
        return False
    ours, theirs = normalise_period(predicted), normalise_period(gold)
    for extract in (_years, _quarters):
        a, b = extract(ours), extract(theirs)
        if a and b and a != b:
            return False
    return words_overlap(subject_words(ours), subject_words(theirs))


def moved_of(gold_of: str | None) -> str:
    """Gold ``change.of`` in our ``moved`` vocabulary: level → amount, rate → rate."""
    return {"level": "amount", "rate": "rate"}.get(gold_of or "", "")


# --- scores -----------------------------------------------------------------------------


@dataclass
class Counts:
    """Counts over a set of articles; every score is a ratio of two of them."""

    docs: int = 0
    gold: int = 0  # required gold figures
    predicted: int = 0  # predictions counted (matched or false positive)
    matched: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    kind_ok: int = 0
    subject_n: int = 0
    subject_ok: int = 0
    period_n: int = 0
    period_ok: int = 0
    null_period_n: int = 0
    spurious_period: int = 0
    role_n: int = 0
    role_ok: int = 0
    direction_n: int = 0
    direction_ok: int = 0
    moved_ok: int = 0
    predicted_directions: int = 0
    directions_on_change: int = 0

    def add(self, other: Counts) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    def scores(self) -> dict[str, dict[str, float | int | None]]:
        """Every score as {"score", "hits", "n"} (score None when n is 0)."""
        def ratio(hits: int, n: int) -> dict:
            return {"score": hits / n if n else None, "hits": hits, "n": n}

        def f1(precision: dict, recall: dict, hits: int) -> dict:
            p, r = precision["score"], recall["score"]
            score = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
            return {"score": score, "hits": hits, "n": None}

        span_p, span_r = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        value_p, value_r = ratio(self.value_ok, self.predicted), ratio(self.value_ok, self.gold)
        return {
            "span P": span_p, "span R": span_r, "span F1": f1(span_p, span_r, self.matched),
            "value P": value_p, "value R": value_r, "value F1": f1(value_p, value_r, self.value_ok),
            "unit acc": ratio(self.unit_ok, self.matched),
            "kind acc": ratio(self.kind_ok, self.matched),
            "subject acc": ratio(self.subject_ok, self.subject_n),
            "period acc": ratio(self.period_ok, self.period_n),
            "spurious period": ratio(self.spurious_period, self.null_period_n),
            "role acc": ratio(self.role_ok, self.role_n),
            "direction acc": ratio(self.direction_ok, self.direction_n),
            "change-of acc": ratio(self.moved_ok, self.direction_n),
            "change P": ratio(self.directions_on_change, self.predicted_directions),
        }


ERROR_CLASSES = ("missed", "false positive", "wrong value/unit", "wrong subject", "wrong period",
                 "spurious period", "wrong role", "wrong direction")


@dataclass
class DocResult:
    """Counts, role confusion and error lines of one article."""

    doc: str
    counts: Counts
    roles: Counter = field(default_factory=Counter)  # (gold role, predicted role) → pairs
    errors: dict[str, list[str]] = field(default_factory=dict)


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    return " ".join(f"…{before}[{text[start:end]}]{after}…".split())


def _show_value(value: float | None, unit: str) -> str:
    shown = "None" if value is None else f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return f"{shown} {unit or '-'}"


def score_document(doc: str, text: str, predictions: list[Prediction], golds: list[Gold]) -> DocResult:
    """Match one article's predictions with its gold figures and count every score."""
    matching = match(predictions, golds)
    counts = Counts(docs=1, gold=sum(not gold.optional for gold in golds),
                    predicted=len(predictions) - len(matching.ignored), matched=len(matching.pairs))
    result = DocResult(doc, counts, errors={name: [] for name in ERROR_CLASSES})

    def log(kind: str, start: int, end: int, surface: str, detail: str = "") -> None:
        detail = f"  {detail}" if detail else ""
        result.errors[kind].append(f"{doc} {start}-{end} {surface!r}{detail}\n      {_context(text, start, end)}")

    for g_index in matching.missed:
        gold = golds[g_index]
        log("missed", gold.start, gold.end, gold.surface, f"= {_show_value(gold.value, gold.unit)} ({gold.kind})")
    for p_index in matching.false_positives:
        found = predictions[p_index]
        log("false positive", found.start, found.end, found.surface,
            f"= {_show_value(found.value, found.unit)} ({found.kind})")
    on_change = set()
    for p_index, g_index in matching.pairs:
        found, gold = predictions[p_index], golds[g_index]
        where = (gold.start, gold.end, gold.surface)
        if value_correct(found, gold):
            counts.value_ok += 1
        else:
            log("wrong value/unit", *where, f"gold {_show_value(gold.value, gold.unit)} | ours "
                f"{_show_value(found.value, found.unit)} {found.surface!r}")
        counts.unit_ok += units_agree(found.unit, gold.unit)
        counts.kind_ok += kind_correct(found.kind, gold.kind)
        if gold.subject:
            counts.subject_n += 1
            if subject_correct(found.subject, gold.subject):
                counts.subject_ok += 1
            else:
                log("wrong subject", *where, f"gold {gold.subject!r} | ours {found.subject!r}")
        if gold.period:
            counts.period_n += 1
            if period_correct(found.period, gold.period):
                counts.period_ok += 1
            else:
                log("wrong period", *where, f"gold {gold.period!r} | ours {found.period!r}")
        else:
            counts.null_period_n += 1
            if found.period:
                counts.spurious_period += 1
                log("spurious period", *where, f"ours {found.period!r}")
        if gold.role:
            counts.role_n += 1
            result.roles[(gold.role, found.role)] += 1
            if found.role == gold.role:
                counts.role_ok += 1
            else:
                log("wrong role", *where, f"gold {gold.role} | ours {found.role or '-'}")
        if gold.direction:
            counts.direction_n += 1
            counts.moved_ok += bool(found.moved) and found.moved == moved_of(gold.moved)
            if found.direction == gold.direction:
                counts.direction_ok += 1
            else:
                log("wrong direction", *where, f"gold {gold.direction} ({gold.moved}) | ours "
                    f"{found.direction or '-'} (change {found.change!r}, moved {found.moved or '-'})")
            if found.direction:
                on_change.add(p_index)
    counted = {p for p, _ in matching.pairs} | set(matching.false_positives)
    counts.predicted_directions = sum(bool(predictions[p].direction) for p in counted)
    counts.directions_on_change = len(on_change)
    return result


# --- loading and running ----------------------------------------------------------------


def load_gold(eval_dir: Path) -> dict[str, list[Gold]]:
    """Gold figures by doc, in file order."""
    gold = {}
    for line in (eval_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["doc"]] = [Gold.from_json(figure) for figure in record["figures"]]
    return gold


def section_of(doc: str) -> str:
    return doc.split("_")[0]




@dataclass
class Run:
    """Results of one run over the set."""

    results: list[DocResult]
    analysis_seconds: float

    def scopes(self) -> dict[str, Counts]:
        """Counts over all docs, each section present, and the non-business docs."""
        scopes = {"all": Counts()}
        for section in SECTIONS:
            if any(section_of(result.doc) == section for result in self.results):
                scopes[section] = Counts()
        if any(section_of(result.doc) != "business" for result in self.results):
            scopes["non-business"] = Counts()
        for result in self.results:
            section = section_of(result.doc)
            for name in ("all", section, "non-business" if section != "business" else None):
                if name in scopes:
                    scopes[name].add(result.counts)
        return scopes

    def roles(self) -> Counter:
        total: Counter = Counter()
        for result in self.results:
            total.update(result.roles)
        return total


def run(eval_dir: Path, docs: list[str] | None, direction_from: str = "auto") -> Run:
    from desktop.nlp import analyze

    gold = load_gold(eval_dir)
    names = docs or sorted(gold)
    unknown = [name for name in names if name not in gold]
    if unknown:
        sys.exit(f"unknown docs: {', '.join(unknown)} (known: {', '.join(sorted(gold))})")
    results, seconds = [], 0.0
    for name in names:
        text = (eval_dir / "texts" / f"{name}.txt").read_bytes().decode("utf-8")
        for figure in gold[name]:
            if text[figure.start:figure.end] != figure.surface:
                print(f"warning: {name} {figure.start}-{figure.end}: {figure.surface!r} is not in the text")
        started = time.perf_counter()
        figures = analyze(text).figures
        seconds += time.perf_counter() - started
        results.append(score_document(name, text, predictions_from_frame(figures, direction_from), gold[name]))
    return Run(results, seconds)


# --- printing ---------------------------------------------------------------------------


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def print_overall(counts: Counts) -> None:
    print(f"\n{'overall':<18}{'score':>7}{'hits':>7}{'n':>7}")
    for name, score in counts.scores().items():
        n = "" if score["n"] is None else score["n"]
        print(f"{name:<18}{_score(score['score']):>7}{score['hits']:>7}{n:>7}")


def print_sections(scopes: dict[str, Counts]) -> None:
    names = list(scopes)
    print(f"\n{'by section':<18}" + "".join(f"{name:>15}" for name in names))
    print(f"{'  docs / gold':<18}" + "".join(f"{f'{c.docs} / {c.gold}':>15}" for c in scopes.values()))
    table = {name: counts.scores() for name, counts in scopes.items()}
    for metric in table["all"]:
        cells = []
        for name in names:
            score = table[name][metric]
            n = score["hits"] if score["n"] is None else score["n"]
            cells.append(f"{_score(score['score']):>9} {n:>5}")
        print(f"{metric:<18}" + "".join(cells))
    print("(n: the denominator; for F1 the pairs counted right)")


def print_roles(roles: Counter) -> None:
    predicted = [*ROLES, ""] + sorted({p for _, p in roles} - {*ROLES, ""})
    print("\nrole confusion (rows gold, columns ours; - = none)")
    print(f"{'':<12}" + "".join(f"{p or '-':>10}" for p in predicted) + f"{'total':>8}")
    for gold in ROLES:
        row = [roles[(gold, p)] for p in predicted]
        print(f"{gold:<12}" + "".join(f"{v:>10}" for v in row) + f"{sum(row):>8}")


def print_errors(results: list[DocResult]) -> None:
    for kind in ERROR_CLASSES:
        lines = [line for result in results for line in result.errors[kind]]
        print(f"\n=== {kind} ({len(lines)})")
        for line in lines:
            print(f"  {line}")


def scores_json(scopes: dict[str, Counts]) -> dict[str, dict]:
    return {name: counts.scores() for name, counts in scopes.items()}


def print_compare(before: dict[str, dict], after: dict[str, dict]) -> None:
    for scope in [*after, *(name for name in before if name not in after)]:
        old, new = before.get(scope, {}), after.get(scope, {})
        print(f"\n{scope:<18}{'before':>8}{'after':>8}{'delta':>8}{'n before':>10}{'n after':>9}")
        for metric in [*new, *(name for name in old if name not in new)]:
            a = old.get(metric, {}).get("score")
            b = new.get(metric, {}).get("score")
            delta = "–" if a is None or b is None else f"{b - a:+.3f}"
            n_a, n_b = old.get(metric, {}).get("n"), new.get(metric, {}).get("n")
            print(f"{metric:<18}{_score(a):>8}{_score(b):>8}{delta:>8}{n_a if n_a is not None else '':>10}"
                  f"{n_b if n_b is not None else '':>9}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--docs", help="comma-separated doc names (default: all)")
    parser.add_argument("--errors", action="store_true", help="list the errors by class")
    parser.add_argument("--json", type=Path, help="write the overall and per-section scores here")
    parser.add_argument("--compare", type=Path, help="a file from --json to print before/after")
    parser.add_argument("--direction-from", choices=("auto", "column", "change"), default="auto",
                        help="where predicted directions come from (auto: the direction column when "
                             "the figures have one, else the change string)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    docs = [name.strip() for name in args.docs.split(",") if name.strip()] if args.docs else None
    result = run(args.eval_dir, docs, args.direction_from)
    scopes = result.scopes()
    elapsed = time.perf_counter() - began
    print(f"news figures: {args.eval_dir}")
    print(f"CPU: {cpu_name()}")
    print(f"directions from: {args.direction_from}")
    print(f"{len(result.results)} docs, elapsed {elapsed:.1f} s (analyze {result.analysis_seconds:.1f} s, "
          f"spaCy model load included)")
    print_overall(scopes["all"])
    print_sections(scopes)
    print_roles(result.roles())
    if args.errors:
        print_errors(result.results)
    scores = scores_json(scopes)
    if args.json:
        payload = {"eval_dir": str(args.eval_dir), "docs": [r.doc for r in result.results],
                   "elapsed_seconds": round(elapsed, 2), "scores": scores}
        args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        print(f"\nbefore: {args.compare}")
        print_compare(before.get("scores", before), scores)


if __name__ == "__main__":
    main()
