"""Entity accuracy of ``analyze(text).entities`` beside the raw spaCy model on the
public NER development splits, what each entity stage contributes, and what the
stages cost beside entity recognition.

Usage: python benchmarks/entities_accuracy.py [--splits conll,ontonotes] [--limit N]
       [--stages off|on|none] [--errors SPLIT:LABEL] [--changes SPLIT:LABEL]
       [--project-gold] [--corrections] [--repeat N]

The splits are ``../shared/eval/ner/`` (see ``benchmarks/ner_dev_data.py`` for how
their tokens become texts and how entities are matched: start, end and label exactly).
``model`` is spaCy's recogniser alone on the same paragraphs the analysis reads;
``app`` is ``desktop.nlp.analyze``. On CoNLL-2003 both are mapped to its four labels
(the mapping is printed).

``--stages off`` (the default) runs the analysis once with each stage switched off
in turn, so each row is what that stage adds (app minus app-without-it); ``--stages
on`` runs the model with one stage at a time. A stage that lowers a label's F1 on
OntoNotes by more than 0.3 points is marked ``!``. These runs reuse the recogniser's
Docs, so they take seconds; a check compares the stages' path with ``analyze``.

``--errors ontonotes:MONEY`` lists the app's misses (-) and false alarms (+) of a label;
``--changes ontonotes:MONEY`` where the app and the model differ on it; ``--project-gold``
also scores the project's own paragraphs (written here, so they cannot judge it);
``--corrections`` the user's corrections on their own (``entities_corrections.py``).
Timing (best of ``--repeat``, ``entities_timing.py``): recognition against the stages.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from ner_dev_data import CONLL_MAP, Counts, Document, Entity, conll2003, ontonotes, to_conll  # noqa: E402

from desktop.nlp import analyze, entity_merge  # noqa: E402
from desktop.nlp.chunks import paragraph_chunks  # noqa: E402
from desktop.nlp.entities import chunk as chunk_stages  # noqa: E402
from desktop.nlp.entities import consistency, document, landforms, organisations  # noqa: E402
from desktop.nlp.entities.casing import CaseEvidence  # noqa: E402
from desktop.nlp.entities.chunk import read_chunks  # noqa: E402
from desktop.nlp.entities.document import harmonise  # noqa: E402
from desktop.nlp.entities.gazetteer import load_gazetteer  # noqa: E402
from desktop.nlp.entities.user_lexicon import apply_lexicon  # noqa: E402
from desktop.nlp.entities.words import NAME_LABELS  # noqa: E402
from desktop.nlp.figures.scanner import find_figures  # noqa: E402
from desktop.nlp.pipeline import load_pipeline  # noqa: E402
from desktop.process_settings import configure_command_line  # noqa: E402

DEFAULT_GOLD = REPO_ROOT / "tests" / "data" / "entities_gold" / "gold.jsonl"
SEED = next((REPO_ROOT / "seeds").glob("*.txt"))
NUMERIC_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")
#: A stage may lower no label's F1 on OntoNotes by more than this many points.
MAX_LOSS = 0.3


def _identity(spans, *_args, **_kwargs):
    return spans


def _passes_through(target, name: str) -> Callable[[], object]:
    return lambda: mock.patch.object(target, name, _identity)


#: Each stage and how to switch it off: (module, function) pairs replaced by the
#: identity while it is off. "figures" leaves the model's numeric entities as they are.
STAGES: dict[str, list[tuple[object, str]]] = {
    "all-caps re-read": [(chunk_stages, "apply_reread")],
    "punctuation trim": [(chunk_stages, "trim_punctuation")],
    "trailing numbers": [(chunk_stages, "trim_trailing_numbers")],
    "sentence full stop": [(chunk_stages, "trim_sentence_stop")],
    "numbers' edges": [(chunk_stages, "trim_numeric_edges")],
    "'one of'": [(chunk_stages, "drop_pronoun_one")],
    "spaced dashes": [(chunk_stages, "split_at_dashes")],
    "gazetteer": [(chunk_stages, "apply_gazetteer")],
    "figures": [(entity_merge, "merge_entities")],
    "abbreviations": [(document, "link_abbreviations")],
    "full names": [(consistency, "inherit_from_full_names")],
    "company short names": [(consistency, "inherit_from_companies")],
    "one label a name": [(consistency, "vote_by_surface")],
    "unmarked mentions": [(consistency, "label_unmarked_mentions")],
    "names in context": [(chunk_stages, "apply_context")],
    "landforms": [(landforms, "landform_name")],
    "divisions": [(landforms, "division_name")],
    "facilities": [(landforms, "facility_name")],
    "organisation cues": [(organisations, a) for a in ("legal_form_name", "part_after_the", "person_with_role")],
    "legal forms": [(organisations, "legal_form_name")],
    "'the' before a part": [(organisations, "part_after_the")],
    "people with roles": [(organisations, "person_with_role")],
}


@contextmanager
def stages_off(names: Iterable[str]) -> Iterator[None]:
    with ExitStack() as stack:
        for name in names:
            for target, attr in STAGES[name]:
                stack.enter_context(mock.patch.object(target, attr, _identity))
        yield


class CachedNlp:
    """The pipeline with each text's Doc kept: the stage runs read every text again."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.docs: dict[str, object] = {}

    def pipe(self, texts: Iterable[str], batch_size: int = 128):
        texts = list(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in self.docs]
        self.docs.update(zip(missing, self.nlp.pipe(missing, batch_size=batch_size)))
        return (self.docs[t] for t in texts)


_figures: dict[str, list] = {}


def _figures_of(text: str) -> list:
    if text not in _figures:
        _figures[text] = find_figures(text)
    return _figures[text]


def stage_entities(text: str, nlp: CachedNlp, lexicon=None) -> set[Entity]:
    """The entities ``analyze`` gives, by the same stages, with cached Docs and figures
    (what :func:`desktop.nlp.analysis.analyse_chunks` does for entities, minus the
    figures' subjects and periods, which never change a span or a label)."""
    chunks = list(paragraph_chunks(text))
    texts = [c.text for c in chunks]
    read = read_chunks(nlp, texts, CaseEvidence.of(text))
    spans = []
    for chunk, (_, found) in zip(chunks, read):
        merged = entity_merge.merge_entities(found, _figures_of(chunk.text))
        if lexicon is not None:  # as analysis._analyse_chunk does
            merged = apply_lexicon(merged, chunk.text, lexicon)
        spans += [s.shifted(chunk.offset) for s in merged]
    return {(s.start, s.end, s.label) for s in harmonise(spans, text, lexicon)}


def model_entities(text: str, nlp: CachedNlp) -> set[Entity]:
    """spaCy's entities of the paragraphs ``analyze`` reads."""
    chunks = list(paragraph_chunks(text))
    return {
        (c.offset + e.start_char, c.offset + e.end_char, e.label_)
        for c, doc in zip(chunks, nlp.pipe(c.text for c in chunks))
        for e in doc.ents
    }


def app_entities(text: str) -> set[Entity]:
    table = analyze(text).entities
    return set(zip(table["start"].tolist(), table["end"].tolist(), table["label"].tolist()))


class Split:
    """One split's documents and each system's predictions on it."""

    def __init__(self, name: str, documents: list[Document], conll: bool) -> None:
        self.name, self.documents, self.conll = name, documents, conll
        self.predictions: dict[str, list[set[Entity]]] = {}

    articles = True

    def mapped(self, entities: set[Entity], text: str = "") -> set[Entity]:
        if not self.conll:
            return entities
        return to_conll(entities, text if self.articles else None)

    def counts(self, system: str) -> Counts:
        counts = Counts()
        for doc, predicted in zip(self.documents, self.predictions[system]):
            counts.add(doc.entities, self.mapped(predicted, doc.text))
        return counts

    def labels(self) -> list[str]:
        if self.conll:
            return ["PER", "LOC", "ORG", "MISC"]
        gold = self.counts("model").gold
        return sorted(gold, key=lambda label: -gold[label])


def print_table(split: Split) -> None:
    model, app = split.counts("model"), split.counts("app")
    print(f"\n{split.name}: {len(split.documents)} documents, "
          f"{sum(model.gold.values())} gold entities")
    print(f"{'label':<12}{'gold':>6}   {'model P':>7}{'R':>6}{'F1':>6}   "
          f"{'app P':>7}{'R':>6}{'F1':>6}   {'ΔF1':>6}")
    labels = split.labels()
    rows = [(label, [label]) for label in labels]
    if not split.conll:
        rows += [("names", [x for x in labels if x in NAME_LABELS]),
                 ("numbers", [x for x in labels if x in NUMERIC_LABELS])]
    rows.append(("all", labels))
    for name, group in rows:
        gold, *m = model.scores(group)
        _, *a = app.scores(group)
        if name == "names" or (name == "all" and split.conll):
            print("-" * 74)
        print(f"{name:<12}{gold:>6}   {m[0]:>7.1%}{m[1]:>6.1%}{m[2]*100:>6.1f}   "
              f"{a[0]:>7.1%}{a[1]:>6.1%}{a[2]*100:>6.1f}   {(a[2]-m[2])*100:>+6.1f}")
    if split.conll:
        split.articles = False
        plain_model, plain_app = split.counts("model").f1(labels), split.counts("app").f1(labels)
        split.articles = True
        print(f"{'all, a leading the scored as part of the name':<48}model {plain_model * 100:.1f}   "
              f"app {plain_app * 100:.1f}   {(plain_app - plain_model) * 100:+.1f}")


def print_mapping() -> None:
    by_target: dict[str, list[str]] = {}
    for source, target in CONLL_MAP.items():
        by_target.setdefault(target, []).append(source)
    dropped = ", ".join(NUMERIC_LABELS)
    print("\nCoNLL-2003 label mapping (model and app alike): "
          + "; ".join(f"{' '.join(s)} -> {t}" for t, s in by_target.items())
          + f"; not scored: {dropped}; a leading 'the' left out of a name, as CoNLL "
          "annotates (OntoNotes often takes it in)")


def run_stage_table(splits: list[Split], nlp: CachedNlp, mode: str) -> None:
    """Each stage's contribution per label, in F1 points."""
    configs: list[tuple[str, list[str]]] = [("app", [])]
    if mode == "off":
        configs += [(name, [name]) for name in STAGES]
    else:
        configs += [("model", list(STAGES))]
        configs += [(name, [n for n in STAGES if n != name]) for name in STAGES]
    results: dict[str, dict[str, Counts]] = {}
    began = time.perf_counter()
    for config, off in configs:
        with stages_off(off):
            for split in splits:
                split.predictions[config] = [stage_entities(d.text, nlp) for d in split.documents]
        results[config] = {split.name: split.counts(config) for split in splits}
    for split in splits:
        same = sum(a == b for a, b in zip(split.predictions["app"], split.predictions["app:analyze"]))
        print(f"\ncheck: the stages' path gives analyze's entities on {same} of "
              f"{len(split.documents)} {split.name} documents")
    what = "app minus app without the stage" if mode == "off" else "the stage alone on the model"
    print(f"\nEach stage's contribution, F1 points ({what}; {time.perf_counter() - began:.0f} s); "
          f"! marks a loss over {MAX_LOSS} on OntoNotes")
    base = "app" if mode == "off" else "model"
    for split in splits:
        labels = [*split.labels(), "all"]
        width = 7
        print(f"\n{split.name}")
        print(f"{'stage':<20}" + "".join(f"{label[:width - 1]:>{width}}" for label in labels))
        reference = results[base][split.name]
        for config, _ in configs[1:] if mode == "off" else configs[2:]:
            counts = results[config][split.name]
            cells = []
            for label in labels:
                group = split.labels() if label == "all" else [label]
                after, before = reference.f1(group), counts.f1(group)
                delta = (after - before) * 100 if mode == "off" else (before - after) * 100
                mark = "!" if not split.conll and delta < -MAX_LOSS - 1e-9 else " "
                cells.append(f"{delta:>+{width - 1}.1f}{mark}" if abs(delta) >= 0.05 else " " * width)
            print(f"{config:<20}" + "".join(cells))


def print_errors(split: Split, label: str) -> None:
    print(f"\nErrors of the app on {split.name}, {label} (- missed, + false alarm):")
    for doc, predicted in zip(split.documents, split.predictions["app"]):
        gold = {e for e in doc.entities if e[2] == label}
        ours = {e for e in split.mapped(predicted, doc.text) if e[2] == label}
        for sign, entities in (("-", gold - ours), ("+", ours - gold)):
            for start, end, _ in sorted(entities):
                line_start = doc.text.rfind("\n", 0, start) + 1
                line_end = doc.text.find("\n", end)
                line = doc.text[line_start : line_end if line_end >= 0 else None]
                got = sorted((doc.text[s:e], lab) for s, e, lab in split.mapped(predicted, doc.text)
                             if s < end and start < e)
                print(f"  {sign} {doc.text[start:end]!r}  app: {got}\n      {line[:160]}")


def print_changes(split: Split, label: str, base: str = "model", limit: int = 0) -> None:
    """Where the app and ``base`` (the model, or the app without a stage) differ on
    ``label`` ("" for every label): what the app gained (+: right where ``base`` was
    wrong, or removed a false alarm) and lost (-)."""
    print(f"\nWhere the app differs from {base} on {split.name}, {label or 'all labels'} "
          "(+ gained, - lost; [gold] / [wrong] says which side is right):")
    tally = {"+": 0, "-": 0}
    for doc, model, app in zip(split.documents, split.predictions[base], split.predictions["app"]):
        model = {e for e in split.mapped(model, doc.text) if e[2] == label or not label}
        app = {e for e in split.mapped(app, doc.text) if e[2] == label or not label}
        for entity in sorted(model ^ app):
            in_gold = entity in doc.entities
            gained = (entity in app) == in_gold
            sign = "+" if gained else "-"
            tally[sign] += 1
            start, end, _ = entity
            line_start = doc.text.rfind("\n", 0, start) + 1
            side = "app" if entity in app else "base"
            if not limit or tally["+"] + tally["-"] <= limit:
                print(f"  {sign} {side:<5} {entity[2]:<8} {doc.text[start:end]!r} "
                      f"[{'gold' if in_gold else 'wrong'}]  "
                      f"| {doc.text[max(line_start, start - 60):end + 40]!r}")
    print(f"  {tally['+']} gained, {tally['-']} lost")


def project_gold(path: Path) -> None:
    """The project's own paragraphs: shown, not trusted (written here)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = CachedNlp(load_pipeline())
    split = Split("Project paragraphs (written here: not a judge)",
                  [Document(r["id"], r["text"], {(e["start"], e["end"], e["label"]) for e in r["entities"]})
                   for r in records], conll=False)
    split.predictions["model"] = [model_entities(d.text, nlp) for d in split.documents]
    split.predictions["app"] = [app_entities(d.text) for d in split.documents]
    print_table(split)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="conll,ontonotes")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of each split")
    parser.add_argument("--stages", choices=("off", "on", "none"), default="off")
    parser.add_argument("--errors", action="append", default=[], metavar="SPLIT:LABEL")
    parser.add_argument("--changes", action="append", default=[], metavar="SPLIT:LABEL",
                        help="list where the app and the model differ on a label")
    parser.add_argument("--explain", action="append", default=[], metavar="STAGE",
                        help="list what a stage changes (with --stages off)")
    parser.add_argument("--project-gold", action="store_true")
    parser.add_argument("--corrections", action="store_true",
                        help="measure the user's corrections on their own (benchmarks/entities_corrections.py)")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (the best is shown)")
    options = parser.parse_args(argv)
    configure_command_line()  # the app's inference settings: recognition timed as it runs there
    began = time.perf_counter()
    load_gazetteer()
    nlp = CachedNlp(load_pipeline())
    print(f"model and gazetteer loaded in {time.perf_counter() - began:.1f} s")
    splits = []
    for key in options.splits.split(","):
        documents = conll2003() if key == "conll" else ontonotes()
        if options.limit:
            documents = documents[: options.limit]
        title = ("CoNLL-2003 English dev (testa)" if key == "conll"
                 else "OntoNotes 5 dev, newswire (annotated part)")
        split = Split(title, documents, conll=key == "conll")
        split.key = key
        began = time.perf_counter()
        split.predictions["model"] = [model_entities(d.text, nlp) for d in documents]
        model_s = time.perf_counter() - began
        began = time.perf_counter()
        split.predictions["app"] = split.predictions["app:analyze"] = [app_entities(d.text) for d in documents]
        print(f"{split.name}: model {model_s:.0f} s, analyze {time.perf_counter() - began:.0f} s")
        splits.append(split)
    print_mapping()
    for split in splits:
        print_table(split)
    if options.stages != "none":
        run_stage_table(splits, nlp, options.stages)
        for stage in options.explain:
            for split in splits:
                print_changes(split, "", stage, limit=400)
        for split in splits:
            split.predictions["app"] = split.predictions["app:analyze"]
    if options.corrections:
        from entities_corrections import run_corrections

        run_corrections(splits, stage_entities, nlp)
    for request in options.errors:
        key, label = request.split(":")
        for split in splits:
            if split.key == key:
                print_errors(split, label)
    for request in options.changes:
        key, label = request.split(":")
        for split in splits:
            if split.key == key:
                print_changes(split, label)
    if options.project_gold:
        project_gold(DEFAULT_GOLD)
    from entities_timing import print_timing

    print_timing("the seed article", [SEED.read_text(encoding="utf-8")], options.repeat)
    onto = next((s for s in splits if not s.conll), None)
    if onto is not None:
        print_timing("the first 40 OntoNotes documents", [d.text for d in onto.documents[:40]],
                     options.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
