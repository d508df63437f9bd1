"""Speed of the figure engine, in one run:

1. extract_figures in cases per second over all figure test cases, beside quantulum3's
   parser when it is installed (it is not an app dependency; target ≥ 10×);
2. the full ``desktop.nlp.analyze`` (entities, and figures with subjects, periods and
   derived rows) on the seed article and on a ~100 KB news text, beside spaCy's entity
   recogniser alone (the ``ner`` component, nothing else; target ≤ 1.5× its time).

Usage: python benchmarks/figures_speed.py [EVAL_DIR] [--repeats N] [--analysis-repeats N]
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

from benchmarks.long_text import news_text  # noqa: E402
from desktop.nlp.figures.scanner import extract_figures, find_figures  # noqa: E402

DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval" / "figures"
SEED = next((REPO_ROOT / "seeds").glob("*.txt"))
LONG_TEXT_CHARS = 100_000


def load_texts(eval_dir: Path) -> list[str]:
    """The text of every case in every .jsonl file of ``eval_dir``."""
    texts = []
    for path in sorted(eval_dir.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _rate(parse: Callable[[str], object], texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        parse(text)
    return len(texts) / (time.perf_counter() - started)


def cases_per_second(parsers: dict[str, Callable[[str], object]], texts: list[str], repeats: int) -> dict[str, float]:
    """Median cases per second of each parser over ``repeats`` runs, the parsers taking turns
    within each run so that a busy machine slows them alike."""
    for parse in parsers.values():  # warm-up: lazy loading and caches
        for text in texts:
            parse(text)
    rates: dict[str, list[float]] = {name: [] for name in parsers}
    for _ in range(repeats):
        for name, parse in parsers.items():
            rates[name].append(_rate(parse, texts))
    return {name: statistics.median(values) for name, values in rates.items()}


def _quantulum_parser() -> Callable[[str], object] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    return parser.parse


def _ner_alone() -> Callable[[str], object]:
    """spaCy's entity recogniser with every other component left out."""
    import spacy

    from desktop.nlp.pipeline import MODEL_PACKAGES

    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name, enable=["ner"])
        except OSError:
            continue
    sys.exit("no English spaCy model installed")


def analysis_times(texts: dict[str, str], repeats: int) -> dict[str, tuple[float, float]]:
    """Best seconds of ``analyze`` and of the entity recogniser alone on each text,
    the two taking turns so that a busy machine slows them alike."""
    from desktop.nlp import analyze

    ner = _ner_alone()
    times = {}
    for name, text in texts.items():
        analyze(text)  # warm-up: the pipeline, the gazetteer, caches
        ner(text)
        best_analyze = best_ner = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            analyze(text)
            best_analyze = min(best_analyze, time.perf_counter() - started)
            started = time.perf_counter()
            ner(text)
            best_ner = min(best_ner, time.perf_counter() - started)
        times[name] = (best_analyze, best_ner)
    return times


def print_analysis_table(texts: dict[str, str], repeats: int) -> None:
    times = analysis_times(texts, repeats)
    print(f"\n{'text':<20}{'chars':>9}{'analyze ms':>12}{'ner ms':>10}{'ratio':>8}  target ≤ 1.5x")
    for name, (analysed, ner) in times.items():
        print(f"{name:<20}{len(texts[name]):>9}{analysed * 1000:>12.1f}{ner * 1000:>10.1f}{analysed / ner:>7.2f}x")


def main(argv: list[str] | None = None) -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("eval_dir", nargs="?", type=Path, default=DEFAULT_EVAL_DIR)
    arguments.add_argument("--repeats", type=int, default=7)
    arguments.add_argument("--analysis-repeats", type=int, default=7)
    args = arguments.parse_args(argv)
    texts = load_texts(args.eval_dir)
    if not texts:
        sys.exit(f"no cases in {args.eval_dir}")
    parsers = {"extract_figures": extract_figures, "find_figures (no DataFrame)": find_figures}
    quantulum = _quantulum_parser()
    if quantulum is not None:
        parsers["quantulum3.parser.parse"] = quantulum
    rates = cases_per_second(parsers, texts, args.repeats)
    print(f"{'engine':<34}{'cases':>7}{'cases/s':>12}")
    for name, rate in rates.items():
        print(f"{name:<34}{len(texts):>7}{rate:>12.0f}")
    if quantulum is None:
        print("quantulum3 not installed: no comparison")
    else:
        ratio = rates["extract_figures"] / rates["quantulum3.parser.parse"]
        print(f"{'ratio extract_figures / quantulum3':<34}{'':>7}{ratio:>11.1f}x  target ≥ 10x")
    texts = {"seed article": SEED.read_text(encoding="utf-8"), "news text ~100 KB": news_text(LONG_TEXT_CHARS)}
    print_analysis_table(texts, args.analysis_repeats)


if __name__ == "__main__":
    main()
