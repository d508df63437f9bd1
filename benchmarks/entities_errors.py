"""Where the app's entities differ from the gold of the public NER development splits,
by kind of error, on two halves of each split (for tuning the entity stages).

Usage: python benchmarks/entities_errors.py [--splits conll,ontonotes] [--show N]
       [--label LABEL] [--kind KIND] [--base model|app] [--cache DIR]

The recogniser's Docs and the figures of every paragraph are kept in ``--cache``
(default: a folder in the system's temporary directory), so a second run reads the
model's output from disk and only the stages run again: seconds, not minutes. The
cache is keyed by the paragraph's text; delete the folder after changing the model.

Per label and half (documents with an even and an odd index), model and app F1;
then the app's errors against the gold, each one of:

- ``boundary``: a predicted span of the right label overlaps the gold one, with
  other edges (a "the", a title, a possessive more or less);
- ``label``: the same span with another label;
- ``both``: an overlapping span with another label and other edges;
- ``missed``: nothing predicted overlaps the gold entity;
- ``spurious``: a predicted entity that overlaps no gold entity.

``--show N`` prints N examples of each kind (``--label`` and ``--kind`` narrow them).
The examples are for reading, not for copying into code, tests or documents.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

import entities_accuracy as accuracy  # noqa: E402
from ner_dev_data import Counts, Document, Entity, conll2003, ontonotes  # noqa: E402

from desktop.nlp.pipeline import load_pipeline  # noqa: E402

KINDS = ("boundary", "label", "both", "missed", "spurious")


class DiskCachedNlp(accuracy.CachedNlp):
    """:class:`entities_accuracy.CachedNlp` whose Docs outlive the process."""

    def __init__(self, nlp, folder: Path) -> None:
        super().__init__(nlp)
        from spacy.tokens import DocBin

        self.path = folder / "docs.spacy"
        self.stored = 0
        if self.path.exists():
            docs = DocBin().from_bytes(self.path.read_bytes()).get_docs(nlp.vocab)
            self.docs = {doc.text: doc for doc in docs}
            self.stored = len(self.docs)

    def save(self) -> None:
        from spacy.tokens import DocBin

        if len(self.docs) != self.stored:
            self.path.write_bytes(DocBin(docs=self.docs.values(), store_user_data=False).to_bytes())
            self.stored = len(self.docs)


def load_figures(folder: Path) -> None:
    path = folder / "figures.pickle"
    if path.exists():
        accuracy._figures.update(pickle.loads(path.read_bytes()))


def save_figures(folder: Path) -> None:
    (folder / "figures.pickle").write_bytes(pickle.dumps(accuracy._figures))


def classify(gold: set[Entity], predicted: set[Entity]) -> list[tuple[str, Entity, Entity | None]]:
    """Each error as (kind, the gold or predicted entity, the other side's entity)."""
    errors = []
    for entity in gold - predicted:
        start, end, label = entity
        near = [p for p in predicted if p[0] < end and start < p[1]]
        same = [p for p in near if p[2] == label]
        exact = [p for p in near if (p[0], p[1]) == (start, end)]
        if same:
            errors.append(("boundary", entity, same[0]))
        elif exact:
            errors.append(("label", entity, exact[0]))
        elif near:
            errors.append(("both", entity, near[0]))
        else:
            errors.append(("missed", entity, None))
    for entity in predicted - gold:
        start, end, _ = entity
        if not any(g[0] < end and start < g[1] for g in gold):
            errors.append(("spurious", entity, None))
    return errors


def halves(split: accuracy.Split, system: str) -> list[Counts]:
    counts = [Counts(), Counts()]
    for index, (doc, predicted) in enumerate(zip(split.documents, split.predictions[system])):
        counts[index % 2].add(doc.entities, split.mapped(predicted, doc.text))
    return counts


def print_halves(split: accuracy.Split, base: str) -> None:
    model, app = halves(split, base), halves(split, "app")
    labels = split.labels()
    print(f"\n{split.name}: {base} -> app F1 per half (even / odd documents)")
    print(f"{'label':<12}{'gold':>6}  {'even':>17}{'Δ':>6}  {'odd':>17}{'Δ':>6}")
    for name, group in [*((x, [x]) for x in labels), ("all", labels)]:
        gold = sum(model[0].gold[x] + model[1].gold[x] for x in group)
        cells = []
        for half in (0, 1):
            m, a = model[half].f1(group) * 100, app[half].f1(group) * 100
            cells.append(f"{m:>8.1f} -> {a:>5.1f}{a - m:>+6.1f}")
        print(f"{name:<12}{gold:>6}  " + "  ".join(cells))


def print_errors(split: accuracy.Split, show: int, label: str, kind: str) -> None:
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc, predicted in zip(split.documents, split.predictions["app"]):
        for what, entity, other in classify(doc.entities, split.mapped(predicted, doc.text)):
            tally[entity[2]][what] += 1
            if show and (not label or entity[2] == label) and (not kind or what == kind):
                bucket = examples[(entity[2], what)]
                if len(bucket) < show:
                    bucket.append(_example(doc, entity, other))
    print(f"\nErrors of the app on {split.name} (gold label; spurious: predicted label)")
    print(f"{'label':<12}" + "".join(f"{k:>10}" for k in KINDS))
    for name in sorted(tally, key=lambda x: -sum(tally[x].values())):
        print(f"{name:<12}" + "".join(f"{tally[name][k]:>10}" for k in KINDS))
    for (name, what), lines in sorted(examples.items()):
        print(f"\n{name} {what}:")
        print("\n".join(lines))


def _example(doc: Document, entity: Entity, other: Entity | None) -> str:
    start, end, label = entity
    line_start = max(doc.text.rfind("\n", 0, start) + 1, start - 70)
    line_end = doc.text.find("\n", end)
    line_end = min(line_end if line_end >= 0 else len(doc.text), end + 50)
    shown = f"{doc.text[start:end]!r} {label}"
    if other is not None:
        shown += f"  vs {doc.text[other[0]:other[1]]!r} {other[2]}"
    return f"  {shown:<60} | {doc.text[line_start:line_end]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="conll,ontonotes")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--label", default="")
    parser.add_argument("--kind", default="")
    parser.add_argument("--base", default="model", help="model, or a stage switched off")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "article-lens-ner-cache")
    options = parser.parse_args(argv)
    options.cache.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    nlp = DiskCachedNlp(load_pipeline(), options.cache)
    load_figures(options.cache)
    print(f"model and {nlp.stored} cached Docs loaded in {time.perf_counter() - began:.1f} s")
    for key in options.splits.split(","):
        documents = conll2003() if key == "conll" else ontonotes()
        split = accuracy.Split("CoNLL-2003 dev" if key == "conll" else "OntoNotes dev nw", documents,
                               conll=key == "conll")
        began = time.perf_counter()
        split.predictions["model"] = [accuracy.model_entities(d.text, nlp) for d in documents]
        if options.base != "model":
            with accuracy.stages_off([options.base]):
                split.predictions[options.base] = [accuracy.stage_entities(d.text, nlp) for d in documents]
        split.predictions["app"] = [accuracy.stage_entities(d.text, nlp) for d in documents]
        print(f"{split.name}: {time.perf_counter() - began:.1f} s")
        nlp.save()
        save_figures(options.cache)
        print_halves(split, options.base)
        print_errors(split, options.show, options.label, options.kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
