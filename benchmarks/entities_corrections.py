"""The user-corrections stage measured on its own, on documents the corrections did
not come from (used by ``benchmarks/entities_accuracy.py --corrections``).

A user is simulated from one half of a split (the documents with an even index, or
those with an odd one): reading the app's entities there, they accept each name the
app missed or mislabelled under the label the gold gives that name most often in the
half, and reject each name and label the app gave where the gold has no name of that
label. Edges are not corrected: a highlight a word too long or short ("the" more or
less) is neither rejected nor accepted anew.
A name is what a reader would take for one: capitalised, of two letters or more, and
no function word (the gold of OntoNotes has "I" as a product, of "Apple I").
Numbers, dates and times are not corrected (the lexicon holds names). The lexicon is
then applied (``harmonise(..., lexicon)``) to the *other* half, and the app with it is
scored against the app without it there; both ways round, so each half is once the
user's and once the test.

On CoNLL-2003 the gold labels are mapped back to the app's: PER -> PERSON, ORG -> ORG,
LOC -> GPE, MISC -> NORP (each maps to the same CoNLL label again when scored).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import NamedTuple

from ner_dev_data import Counts

from desktop.nlp.entities.words import NAME_LABELS

FROM_CONLL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "NORP"}


class Entry(NamedTuple):
    surface: str
    label: str
    decision: str


class SimulatedLexicon:
    """What ``desktop.nlp.entities`` asks of a lexicon: ``entries()``."""

    def __init__(self, entries: list[Entry]) -> None:
        self._entries = entries

    def entries(self) -> list[Entry]:
        return self._entries


def corrections_from(split, indices: list[int]) -> SimulatedLexicon:
    """The corrections a user makes reading the app's entities of these documents."""
    gold_labels: dict[str, Counter[str]] = defaultdict(Counter)
    missed: set[str] = set()
    wrong: set[tuple[str, str]] = set()
    for index in indices:
        doc, predicted = split.documents[index], split.predictions["app"][index]
        text = doc.text
        mapped = split.mapped(predicted, text)
        for start, end, label in doc.entities:
            label = FROM_CONLL.get(label, label) if split.conll else label
            if label in NAME_LABELS:
                gold_labels[text[start:end]][label] += 1
        for start, end, label in doc.entities - mapped:
            same_label_near = any(s < end and start < e and lab == label for s, e, lab in mapped)
            if (FROM_CONLL.get(label, label) if split.conll else label) in NAME_LABELS and not same_label_near:
                missed.add(text[start:end])
        for entity in predicted:
            start, end, label = entity
            [(s, e, mapped_label)] = split.mapped({entity}, text) or [(start, end, "")]
            if label in NAME_LABELS and not any(
                    gs < e and s < ge and glabel == mapped_label for gs, ge, glabel in doc.entities):
                wrong.add((text[start:end], label))
    accepted = [Entry(surface, gold_labels[surface].most_common(1)[0][0], "accepted")
                for surface in sorted(missed) if _is_a_name(surface)]
    kept = {(e.surface, e.label) for e in accepted}
    rejected = [Entry(surface, label, "rejected") for surface, label in sorted(wrong)
                if (surface, label) not in kept and not _ever_gold(gold_labels, surface, label, split.conll)]
    return SimulatedLexicon(accepted + rejected)


def _is_a_name(surface: str) -> bool:
    """What a user would take for a name to accept: capitalised, two letters or more,
    on one line, and not a function word ("I", "The")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return (surface[:1].isupper() and sum(c.isalpha() for c in surface) >= 2 and "\n" not in surface
            and surface.lower() not in STOP_WORDS)


def _ever_gold(gold_labels, surface: str, label: str, conll: bool) -> bool:
    if not conll:
        return gold_labels[surface][label] > 0
    from ner_dev_data import CONLL_MAP

    return any(CONLL_MAP.get(g) == CONLL_MAP.get(label) for g in gold_labels[surface])


def run_corrections(splits, stage_entities, nlp) -> None:
    """Each split's app with and without the simulated lexicon, per label, on the
    half the corrections did not come from."""
    print("\nThe user's corrections on their own (lexicon from one half, scored on the other; "
          "see benchmarks/entities_corrections.py)")
    for split in splits:
        halves = [[i for i in range(len(split.documents)) if i % 2 == h] for h in (0, 1)]
        rows = []
        for test in (0, 1):
            lexicon = corrections_from(split, halves[1 - test])
            without, with_lexicon = Counts(), Counts()
            for index in halves[test]:
                doc = split.documents[index]
                without.add(doc.entities, split.mapped(split.predictions["app"][index], doc.text))
                corrected = stage_entities(doc.text, nlp, lexicon)
                with_lexicon.add(doc.entities, split.mapped(corrected, doc.text))
            decisions = Counter(e.decision for e in lexicon.entries())
            rows.append((test, decisions, without, with_lexicon))
        labels = split.labels()
        print(f"\n{split.name}: F1 without -> with the lexicon, on the half the lexicon did not come from")
        print(f"{'label':<12}" + "".join(
            f"{'even' if t == 0 else 'odd':>22}" for t, *_ in rows))
        for name, group in [*((x, [x]) for x in labels), ("all", labels)]:
            cells = []
            for _, _, without, with_lexicon in rows:
                a, b = without.f1(group) * 100, with_lexicon.f1(group) * 100
                cells.append(f"{a:>8.1f} -> {b:>5.1f}{b - a:>+6.1f}")
            print(f"{name:<12}" + "".join(f"{c:>22}" for c in cells))
        for test, decisions, *_ in rows:
            print(f"  lexicon for the {'even' if test == 0 else 'odd'} half (from the other): "
                  f"{decisions['accepted']} accepted, {decisions['rejected']} rejected")
