"""Entity accuracy of ``analyze(text).entities`` against the raw spaCy model, and the
time the entity stages add to entity recognition.

Usage: python benchmarks/entities_accuracy.py [GOLD.jsonl] [--errors] [--repeat N]

The gold set (tests/data/entities_gold/, see its README) holds news paragraphs with
OntoNotes labels, split into a development half and a held-out half. A predicted
entity counts only when its start, end and label all match a gold entity exactly.
The table gives precision, recall and F1 per label for the raw model (``nlp(text).ents``)
and for the whole analysis (model, entity stages and the figure engine). ``--errors``
lists the analysis's misses and false alarms on the development half only, so the
held-out half stays unseen while developing.

Timing, on the seed article, best of ``--repeat`` runs: entity recognition alone
(spaCy's tokenizer, tok2vec and ner over the paragraph chunks) against the entity
stages: the re-cased all-caps windows read on their own (an upper bound: in the
analysis they ride in the chunks' batch), and the stages' own work (case evidence,
re-read planning and merging, punctuation, gazetteer, the document pass).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from desktop.nlp import analyze  # noqa: E402
from desktop.nlp.chunks import paragraph_chunks  # noqa: E402
from desktop.nlp.entities.casing import CaseEvidence, plan_reread  # noqa: E402
from desktop.nlp.entities.chunk import revise_chunk  # noqa: E402
from desktop.nlp.entities.document import harmonise  # noqa: E402
from desktop.nlp.entities.gazetteer import load_gazetteer  # noqa: E402
from desktop.nlp.entities.words import NAME_LABELS  # noqa: E402
from desktop.nlp.pipeline import load_pipeline  # noqa: E402

DEFAULT_GOLD = REPO_ROOT / "tests" / "data" / "entities_gold" / "gold.jsonl"
SEED = next((REPO_ROOT / "seeds").glob("*.txt"))
#: The components spaCy's entity recognition needs.
NER_COMPONENTS = ("tok2vec", "ner")
Entity = tuple[int, int, str]


@dataclass
class Counts:
    """Exact-match counts per label."""

    gold: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)

    def add(self, gold: set[Entity], predicted: set[Entity]) -> None:
        for entities, counter in ((gold, self.gold), (predicted, self.predicted),
                                  (gold & predicted, self.correct)):
            counter.update(label for _, _, label in entities)

    def scores(self, labels: Iterable[str]) -> tuple[int, float, float, float]:
        labels = list(labels)
        gold = sum(self.gold[x] for x in labels)
        predicted = sum(self.predicted[x] for x in labels)
        correct = sum(self.correct[x] for x in labels)
        precision = correct / predicted if predicted else 0.0
        recall = correct / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return gold, precision, recall, f1


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def raw_entities(text: str) -> set[Entity]:
    return {(e.start_char, e.end_char, e.label_) for e in load_pipeline()(text).ents}


def our_entities(text: str) -> set[Entity]:
    table = analyze(text).entities
    return set(zip(table["start"], table["end"], table["label"]))


def gold_entities(record: dict) -> set[Entity]:
    return {(e["start"], e["end"], e["label"]) for e in record["entities"]}


def score(records: list[dict], predictions: dict[str, dict[str, set[Entity]]]) -> dict[str, Counts]:
    counts = {"raw": Counts(), "ours": Counts()}
    for record in records:
        for system, count in counts.items():
            count.add(gold_entities(record), predictions[system][record["id"]])
    return counts


def print_table(title: str, counts: dict[str, Counts]) -> None:
    labels = sorted(set().union(counts["raw"].gold, counts["raw"].predicted, counts["ours"].predicted))
    print(f"\n{title}")
    print(f"{'label':<13}{'gold':>6}  {'raw P':>6}{'R':>6}{'F1':>6}   "
          f"{'ours P':>6}{'R':>6}{'F1':>6}  {'ΔF1':>6}")
    rows = [(label, [label]) for label in labels]
    rows += [("names", sorted(NAME_LABELS)), ("all", labels)]
    for name, group in rows:
        gold, *raw = counts["raw"].scores(group)
        _, *ours = counts["ours"].scores(group)
        if name in ("names", "all"):
            print("-" * 70)
        print(f"{name:<13}{gold:>6}  {raw[0]:>6.3f}{raw[1]:>6.3f}{raw[2]:>6.3f}   "
              f"{ours[0]:>6.3f}{ours[1]:>6.3f}{ours[2]:>6.3f}  {ours[2] - raw[2]:>+6.3f}")


def print_errors(records: list[dict], predictions: dict[str, dict[str, set[Entity]]]) -> None:
    print("\nErrors of the analysis on the development half (- missed, + false alarm):")
    for record in records:
        if record["split"] != "dev":
            continue
        text, gold, ours = record["text"], gold_entities(record), predictions["ours"][record["id"]]
        for sign, entities in (("-", gold - ours), ("+", ours - gold)):
            for start, end, label in sorted(entities):
                print(f"  {record['id']} {sign} {label:<9} {text[start:end]!r}")


def best_ms(action: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs: the least disturbed by other work on the machine."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times) * 1000


def print_timing(repeat: int, gazetteer_ms: float) -> None:
    text = SEED.read_text(encoding="utf-8")
    nlp = load_pipeline()
    chunks = list(paragraph_chunks(text))
    texts = [c.text for c in chunks]
    docs = list(nlp.pipe(texts))
    windows = [w for t in texts for (_, _, w) in plan_reread(t, CaseEvidence.of(text)).windows]
    window_docs = list(nlp.pipe(windows))

    def recognition() -> None:
        with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in NER_COMPONENTS]):
            list(nlp.pipe(texts))

    def reread_windows() -> None:
        list(nlp.pipe(windows))

    def stage_work() -> None:
        evidence = CaseEvidence.of(text)
        pending = iter(window_docs)
        spans = []
        for chunk, doc in zip(chunks, docs):
            plan = plan_reread(chunk.text, evidence)
            revised = revise_chunk(doc, plan, [next(pending) for _ in plan.windows])
            spans += [s.shifted(chunk.offset) for s in revised]
        harmonise(spans, text)

    ner_ms = best_ms(recognition, repeat)
    windows_ms = best_ms(reread_windows, repeat)
    work_ms = best_ms(stage_work, repeat)
    print(f"\nTiming on the seed article ({len(text)} characters, best of {repeat} runs):")
    rows = [
        (f"entity recognition (tokenizer, {', '.join(NER_COMPONENTS)})", ner_ms, ""),
        (f"re-read of {len(windows)} all-caps window(s), on their own", windows_ms, ""),
        ("the stages' own work", work_ms, ""),
        ("entity stages in all", windows_ms + work_ms,
         f" = {(windows_ms + work_ms) / ner_ms:.1%} of entity recognition"),
        ("gazetteer build, once per process", gazetteer_ms, ""),
    ]
    for name, ms, note in rows:
        print(f"  {name:<52}{ms:7.1f} ms{note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--errors", action="store_true", help="list errors on the development half")
    parser.add_argument("--repeat", type=int, default=25, help="timing runs (the best is shown)")
    options = parser.parse_args(argv)
    began = time.perf_counter()
    load_gazetteer()
    gazetteer_ms = (time.perf_counter() - began) * 1000
    records = load_gold(options.gold)
    predictions = {
        "raw": {r["id"]: raw_entities(r["text"]) for r in records},
        "ours": {r["id"]: our_entities(r["text"]) for r in records},
    }
    for title, part in (
        (f"All {len(records)} paragraphs", records),
        ("Development half", [r for r in records if r["split"] == "dev"]),
        ("Held-out half", [r for r in records if r["split"] == "heldout"]),
    ):
        print_table(title, score(part, predictions))
    if options.errors:
        print_errors(records, predictions)
    print_timing(options.repeat, gazetteer_ms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
