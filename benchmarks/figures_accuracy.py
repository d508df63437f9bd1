"""Accuracy of extract_figures on the figure test cases (*.jsonl, one case a line).

Usage: python benchmarks/figures_accuracy.py [EVAL_DIR] [--errors]

A predicted figure matches an expected one when their spans share a character and
their values agree within 1e-6 relative (any of ``alt_values`` also counts); each
figure matches at most once. Predictions over an ``optional`` figure count neither
way. Span-F1 counts exact (start, end) matches. Unit accuracy compares our
``unit_code`` with ``unit_norm`` over matched pairs whose expected figure has a unit,
after spelling both the same way (hour = h, minute = min, ...).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from desktop.nlp.figures.scanner import extract_figures  # noqa: E402

DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval" / "figures"
# The same unit spelled two ways by the two conventions.
_UNIT_SPELLINGS = {"hour": "h", "hr": "h", "minute": "min", "second": "s", "d": "day", "wk": "week", "yr": "year"}


@dataclass
class Score:
    """Counts over a set of cases."""

    cases: int = 0
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    exact_spans: int = 0
    with_unit: int = 0
    right_unit: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("cases", "expected", "predicted", "matched", "exact_spans", "with_unit", "right_unit"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        precision = _ratio(self.matched, self.predicted)
        recall = _ratio(self.matched, self.expected)
        span_f1 = _f1(_ratio(self.exact_spans, self.predicted), _ratio(self.exact_spans, self.expected))
        return (f"{name:<22}{self.cases:>6}{self.expected:>9}{self.predicted:>10}{self.matched:>8}"
                f"{precision:>8.3f}{recall:>8.3f}{_f1(precision, recall):>8.3f}{span_f1:>9.3f}"
                f"{_ratio(self.right_unit, self.with_unit):>9.3f}")


HEADER = (f"{'file':<22}{'cases':>6}{'expected':>9}{'predicted':>10}{'matched':>8}"
          f"{'P':>8}{'R':>8}{'F1':>8}{'span-F1':>9}{'unit-acc':>9}")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _value_matches(value: float, expected: dict) -> bool:
    return any(math.isclose(value, wanted, rel_tol=1e-6, abs_tol=1e-12)
               for wanted in [expected["value"], *expected.get("alt_values", [])])


def _unit_spelling(code: str) -> str:
    return "/".join(_UNIT_SPELLINGS.get(part, part) for part in code.split("/"))


def score_case(case: dict) -> Score:
    """Score the figures found in one case against its expected figures."""
    predicted = extract_figures(case["text"]).to_dict("records")
    required = [figure for figure in case["expected"] if not figure.get("optional")]
    optional = [figure for figure in case["expected"] if figure.get("optional")]
    score = Score(cases=1, expected=len(required))
    used: set[int] = set()
    for wanted in required:
        for index, found in enumerate(predicted):
            if index not in used and _overlaps(found["start"], found["end"], wanted["start"], wanted["end"]) \
                    and _value_matches(found["value"], wanted):
                used.add(index)
                score.matched += 1
                if wanted.get("unit_norm"):
                    score.with_unit += 1
                    right = _unit_spelling(found["unit_code"]) == _unit_spelling(wanted["unit_norm"])
                    score.right_unit += right
                    if not right:
                        score.errors.append(f"  unit {found['surface']!r}: {found['unit_code']!r} != {wanted['unit_norm']!r}")
                break
        else:
            score.errors.append(f"  missed {wanted['surface']!r} = {wanted['value']}")
    counted = []
    for index, found in enumerate(predicted):
        if index not in used and any(_overlaps(found["start"], found["end"], o["start"], o["end"]) for o in optional):
            continue
        counted.append(found)
        if index not in used:
            score.errors.append(f"  extra  {found['surface']!r} = {found['value']} ({found['kind']})")
    score.predicted = len(counted)
    spans = {(figure["start"], figure["end"]) for figure in required}
    score.exact_spans = sum((found["start"], found["end"]) in spans for found in counted)
    return score


def score_file(path: Path, show_errors: bool) -> Score:
    """Score every case of one .jsonl file."""
    total = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        score = score_case(case)
        total.add(score)
        if show_errors and score.errors:
            print(f"{case['id']}: {case['text']!r}")
            print("\n".join(score.errors))
    return total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and wrong unit")
    args = parser.parse_args(argv)
    files = sorted(args.eval_dir.glob("*.jsonl"))
    if not files:
        sys.exit(f"no *.jsonl in {args.eval_dir}")
    scores = {path.name: score_file(path, args.errors) for path in files}
    total = Score()
    print(HEADER)
    for name, score in scores.items():
        total.add(score)
        print(score.row(name))
    if len(scores) > 1:
        print(total.row("all"))


if __name__ == "__main__":
    main()
