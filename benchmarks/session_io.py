"""Time saving and loading a large session file: a 1 MB article with 20,000 highlights.

The article is the seed article's sentences shuffled and given fresh numbers until
it reaches the size; highlights are word spans (some overlapping) with every origin
and status, notes and figure overrides. Prints the median of several runs.

    python benchmarks/session_io.py [--runs 5] [--chars 1000000] [--highlights 20000]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.article import Article  # noqa: E402
from desktop.core.highlight import ORIGINS, STATUSES, Highlight  # noqa: E402
from desktop.core.highlight_set import HighlightSet  # noqa: E402
from desktop.core.labels import default_labels  # noqa: E402
from desktop.core.session import Session  # noqa: E402
from desktop.formats.session_file import load_session, save_session  # noqa: E402

SEED = next((REPO / "seeds").glob("*.txt"))
TARGET_SECONDS = 0.5
NOTES = ("", "", "", "check the source", "figure looks off 🤔", "same as paragraph 2")


def news_text(chars: int, rng: random.Random) -> str:
    """Seed sentences in random order, with their numbers replaced, up to ``chars``."""
    sentences = re.split(r"(?<=[.!?”])\s+", SEED.read_text(encoding="utf-8"))
    paragraphs, size = [], 0
    while size < chars:
        picked = rng.sample(sentences, 4)
        paragraph = re.sub(r"\d+", lambda _: str(rng.randint(2, 980)), " ".join(picked))
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)[:chars]


def many_highlights(text: str, count: int, rng: random.Random) -> list[Highlight]:
    """``count`` spans of one to four words, of every label, origin and status."""
    words = [match.span() for match in re.finditer(r"\w+", text)]
    labels = [label.name for label in default_labels()]
    highlights = []
    for first in sorted(rng.sample(range(len(words) - 4), count)):
        start, end = words[first][0], words[first + rng.randint(0, 3)][1]
        highlights.append(Highlight(
            start, end, rng.choice(labels), origin=rng.choice(ORIGINS),
            status=rng.choice(STATUSES), note=rng.choice(NOTES),
            created=f"2024-06-{rng.randint(10, 28)}T10:{rng.randint(10, 59)}:00+00:00",
        ))
    return highlights


def big_session(chars: int, count: int) -> Session:
    rng = random.Random(20240622)
    text = news_text(chars, rng)
    highlights = many_highlights(text, count, rng)
    overrides = {h.id: {"value": rng.random() * 1e6, "unit": "USD"} for h in highlights[::40]}
    return Session(Article(text, title="Benchmark article"), HighlightSet(highlights),
                   figure_overrides=overrides, hidden_labels={"ORDINAL"})


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--highlights", type=int, default=20_000)
    args = parser.parse_args()

    session = big_session(args.chars, args.highlights)
    view_state = {"scroll": 0.42, "selected": next(iter(session.highlights)).id,
                  "splitter": [640, 380], "hidden_labels": ["ORDINAL"]}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "benchmark.alens"
        save = median_seconds(lambda: save_session(session, path, view_state), args.runs)
        load = median_seconds(lambda: load_session(path), args.runs)
        size = path.stat().st_size / 1e6

    print(f"{'text':>9} {'highlights':>10} {'file':>8} {'save':>8} {'load':>8} {'target':>8}")
    print(f"{args.chars / 1e6:>7.1f}MB {args.highlights:>10,} {size:>6.1f}MB "
          f"{save:>7.3f}s {load:>7.3f}s {TARGET_SECONDS:>7.1f}s")
    for name, seconds in (("save", save), ("load", load)):
        if seconds > TARGET_SECONDS:
            print(f"{name} is slower than the {TARGET_SECONDS} s target")


if __name__ == "__main__":
    main()
