"""Speed of extract_figures, in cases per second over all figure test cases,
beside quantulum3's parser when it is installed (it is not an app dependency).

Usage: python benchmarks/figures_speed.py [EVAL_DIR] [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from desktop.nlp.figures import extract_figures  # noqa: E402

DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval" / "figures"


def load_texts(eval_dir: Path) -> list[str]:
    """The text of every case in every .jsonl file of ``eval_dir``."""
    texts = []
    for path in sorted(eval_dir.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def cases_per_second(parse: Callable[[str], object], texts: list[str], repeats: int) -> float:
    """Median over ``repeats`` runs of the number of texts parsed per second."""
    for text in texts:  # warm-up: lazy loading and caches
        parse(text)
    rates = []
    for _ in range(repeats):
        started = time.perf_counter()
        for text in texts:
            parse(text)
        rates.append(len(texts) / (time.perf_counter() - started))
    return statistics.median(rates)


def _quantulum_parser() -> Callable[[str], object] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    return parser.parse


def main(argv: list[str] | None = None) -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("eval_dir", nargs="?", type=Path, default=DEFAULT_EVAL_DIR)
    arguments.add_argument("--repeats", type=int, default=5)
    args = arguments.parse_args(argv)
    texts = load_texts(args.eval_dir)
    if not texts:
        sys.exit(f"no cases in {args.eval_dir}")
    ours = cases_per_second(extract_figures, texts, args.repeats)
    print(f"{'engine':<34}{'cases':>7}{'cases/s':>12}")
    print(f"{'extract_figures':<34}{len(texts):>7}{ours:>12.0f}")
    quantulum = _quantulum_parser()
    if quantulum is None:
        print("quantulum3 not installed: no comparison")
        return
    theirs = cases_per_second(quantulum, texts, args.repeats)
    print(f"{'quantulum3.parser.parse':<34}{len(texts):>7}{theirs:>12.0f}")
    print(f"{'ratio (ours / quantulum3)':<34}{'':>7}{ours / theirs:>11.1f}x")


if __name__ == "__main__":
    main()
