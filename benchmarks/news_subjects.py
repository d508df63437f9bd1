"""Subject errors of the real news set (``benchmarks/news_figures.py``) counted by class,
over all articles and over each half (odd and even positions of the sorted article
names), so that a change can be checked on both halves before it is kept.

Usage: python benchmarks/news_subjects.py [--eval-dir DIR]

Prints classes and counts only, never the articles' texts or subjects. The classes of a
wrong subject (gold and ours compared by the content words of the scoring rule):

- ``empty``: we give none;
- ``short``: all our words are gold words, too few of them (the gold phrase is fuller);
- ``long``: we share enough of the gold words but too few of ours (ours is too wordy);
- ``partial``: some words shared, neither of the above;
- ``disjoint``: no word shared (the wrong noun or a wrong place in the text).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import news_figures as nf  # noqa: E402

CLASSES = ("empty", "short", "long", "partial", "disjoint")


def error_class(ours: str, gold: str) -> str:
    """The class of a wrong subject ``ours`` against ``gold`` (see the module doc)."""
    mine, theirs = nf.subject_words(ours), nf.subject_words(gold)
    if not ours.strip() or not mine:
        return "empty"
    shared = len(mine & theirs)
    if not shared:
        return "disjoint"
    if shared == len(mine):
        return "short"
    if shared >= 0.5 * len(theirs):
        return "long"
    return "partial"


def classes_of(eval_dir: Path, docs: list[str]) -> tuple[Counter, int, int]:
    """Counts of each class over ``docs``, the right subjects and the subjects scored."""
    from desktop.nlp import analyze

    gold = nf.load_gold(eval_dir)
    counts: Counter = Counter()
    right = scored = 0
    for name in docs:
        text = (eval_dir / "texts" / f"{name}.txt").read_bytes().decode("utf-8")
        predictions = nf.predictions_from_frame(analyze(text).figures, "auto")
        golds = gold[name]
        for p_index, g_index in nf.match(predictions, golds).pairs:
            found, wanted = predictions[p_index], golds[g_index]
            if not wanted.subject:
                continue
            scored += 1
            if nf.subject_correct(found.subject, wanted.subject):
                right += 1
            else:
                counts[error_class(found.subject or "", wanted.subject)] += 1
    return counts, right, scored


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=nf.DEFAULT_EVAL_DIR)
    args = parser.parse_args(argv)
    names = sorted(nf.load_gold(args.eval_dir))
    halves = {"all": names, "even": names[0::2], "odd": names[1::2]}
    print(f"{'':<10}" + "".join(f"{c:>10}" for c in (*CLASSES, "right", "subject")))
    for label, docs in halves.items():
        counts, right, scored = classes_of(args.eval_dir, docs)
        cells = [counts[c] for c in CLASSES] + [f"{right}/{scored}", f"{right / max(scored, 1):.3f}"]
        print(f"{label:<10}" + "".join(f"{c:>10}" for c in cells))


if __name__ == "__main__":
    main()
