"""News-style long texts for the benchmarks, assembled from the project's own articles.

Paragraphs come from the seed article, the test articles and the entity gold set;
every number in a copied paragraph is replaced by a random one of the same length,
so no two paragraphs are the same text (no cache can make repetition look fast).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_DIGITS = re.compile(r"\d+")


def source_paragraphs() -> list[str]:
    """The news paragraphs the long texts are built from."""
    paragraphs = []
    for path in [*sorted((REPO / "seeds").glob("*.txt")), *sorted((REPO / "tests/data").glob("*.txt"))]:
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    gold = REPO / "tests/data/entities_gold/gold.jsonl"
    if gold.exists():
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                paragraphs.append(json.loads(line)["text"])
    return paragraphs


def news_text(size: int, seed: int = 1) -> str:
    """About ``size`` characters of news paragraphs separated by blank lines."""
    rng = random.Random(seed)
    pool = source_paragraphs()
    parts, total = [], 0
    while total < size:
        paragraph = _DIGITS.sub(lambda m: _random_digits(rng, len(m.group())), rng.choice(pool))
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)


def _random_digits(rng: random.Random, length: int) -> str:
    first = str(rng.randint(1, 9)) if length > 1 else str(rng.randint(0, 9))
    return first + "".join(str(rng.randint(0, 9)) for _ in range(length - 1))
