"""The public NER development splits in ``../shared/eval/ner/`` as plain texts with
gold entities at character offsets (used by ``benchmarks/entities_accuracy.py``).

Each document becomes one text, one sentence a line, its tokens written as a news
text writes them ("Bank's", "(Reuters)", "$75", "savings-and-loan", quotes hugging
their words, one full stop after "U.S." at a sentence end), since the app reads
articles, not token lists. A gold entity is the
stretch from its first token's first character to its last token's last one; a
prediction counts only when its start, end and label all match one exactly (as
conlleval counts).

CoNLL-2003 has four labels; OntoNotes' are mapped to them as :data:`CONLL_MAP` says
(its README suggests this mapping), numbers, dates and times dropped, and a leading
"the" is left out of a name as CoNLL's annotation does (:func:`to_conll`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "ner"
CONLL_FILE = EVAL_DIR / "conll2003_dev" / "eng.testa"
ONTONOTES_DIR = EVAL_DIR / "ontonotes5_dev_nw"
#: Sub-folders of the OntoNotes split whose entity column is empty (see its README).
UNANNOTATED = ("p2.5_c2e", "dev_09_c2e")

#: OntoNotes label -> CoNLL-2003 label; labels not here are not scored on CoNLL.
CONLL_MAP = {
    "PERSON": "PER",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}

Entity = tuple[int, int, str]

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_NO_SPACE_BEFORE = frozenset(", . ; : ! ? % ) ] } 's 'S 're 'RE 'll 'LL 've 'VE 'd 'D 'm 'M n't N'T".split())
_NO_SPACE_AFTER = frozenset("( [ { $ # US$ C$ A$ HK$ NZ$ S$".split())


@dataclass
class Document:
    """One document: its text and its gold entities (character offsets)."""

    name: str
    text: str
    entities: set[Entity]


@dataclass
class Token:
    word: str
    pos: str = ""


def _written(tokens: list[Token]) -> tuple[str, list[tuple[int, int]]]:
    """One sentence's tokens as text, with each token's character extent."""
    parts: list[str] = []
    extents = []
    length = 0
    quote_open = False
    glue_next = False
    for index, token in enumerate(tokens):
        word = _BRACKETS.get(token.word, token.word)
        if token.pos:  # OntoNotes marks opening and closing quotes by their tags
            opening, closing = token.pos == "``", token.pos == "''"
        else:  # CoNLL-2003: straight quotes, taken to open and close in turn
            opening, closing = word == '"' and not quote_open, word == '"' and quote_open
        if opening or closing:
            word = '"' if word in ('"', "``", "''") else "'"
            quote_open = opening
        if word == "." and index == len(tokens) - 1 and parts and parts[-1].endswith("."):
            extents.append((length, length))  # "U.S." ending a sentence: one full stop,
            continue                          # which the treebank wrote twice
        hyphen = token.pos == "HYPH"
        space = (
            index > 0
            and not glue_next
            and not closing
            and not hyphen
            and word not in _NO_SPACE_BEFORE
            and not (word == "'" and token.pos == "POS")
        )
        if space:
            parts.append(" ")
            length += 1
        extents.append((length, length + len(word)))
        parts.append(word)
        length += len(word)
        glue_next = opening or hyphen or word in _NO_SPACE_AFTER
    return "".join(parts), extents


def _document(name: str, sentences: list[tuple[list[Token], list[tuple[int, int, str]]]]) -> Document:
    """A document from its sentences, each with its entities as token ranges
    ``(first, last + 1, label)``."""
    lines = []
    entities: set[Entity] = set()
    offset = 0
    for tokens, spans in sentences:
        line, extents = _written(tokens)
        for first, end, label in spans:
            entities.add((offset + extents[first][0], offset + extents[end - 1][1], label))
        lines.append(line)
        offset += len(line) + 1
    return Document(name, "\n".join(lines), entities)


def conll2003(path: Path = CONLL_FILE) -> list[Document]:
    """The CoNLL-2003 documents of ``path`` (IOB1 tags)."""
    documents: list[Document] = []
    sentences: list = []
    tokens: list[Token] = []
    tags: list[str] = []

    def end_sentence() -> None:
        if tokens:
            sentences.append((list(tokens), _iob1_spans(tags)))
            tokens.clear()
            tags.clear()

    def end_document() -> None:
        end_sentence()
        if sentences:
            documents.append(_document(f"conll-{len(documents):03d}", list(sentences)))
            sentences.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            end_document()
        elif not line.strip():
            end_sentence()
        else:
            word, *_, tag = line.split(" ")
            tokens.append(Token(word))
            tags.append(tag)
    end_document()
    return documents


def _iob1_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    start, label = None, ""
    for index, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else ""
        begins = tag.startswith("B-") or kind != label
        if start is not None and (tag == "O" or begins):
            spans.append((start, index, label))
            start, label = None, ""
        if tag != "O" and start is None:
            start, label = index, kind
    return spans


def ontonotes(folder: Path = ONTONOTES_DIR) -> list[Document]:
    """The annotated OntoNotes newswire documents under ``folder``."""
    documents = []
    for path in sorted(folder.rglob("*.gold_conll")):
        if any(part in UNANNOTATED for part in path.parts):
            continue
        documents.append(_document(str(path.relative_to(folder)), list(_ontonotes_sentences(path))))
    return documents


_OPEN = re.compile(r"\(([A-Z_]+)")


def _ontonotes_sentences(path: Path) -> Iterator[tuple[list[Token], list[tuple[int, int, str]]]]:
    tokens: list[Token] = []
    spans: list[tuple[int, int, str]] = []
    open_at: tuple[int, str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        columns = line.split()
        if not columns:
            if tokens:
                yield tokens, spans
            tokens, spans, open_at = [], [], None
            continue
        word, pos, bracket = columns[3], columns[4], columns[10]
        index = len(tokens)
        tokens.append(Token(word, pos))
        opened = _OPEN.match(bracket)
        if opened:
            open_at = (index, opened.group(1))
        if bracket.endswith(")") and open_at is not None:
            spans.append((open_at[0], index + 1, open_at[1]))
            open_at = None
    if tokens:
        yield tokens, spans


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

    def f1(self, labels: Iterable[str] | None = None) -> float:
        return self.scores(self.gold.keys() | self.predicted.keys() if labels is None else labels)[3]


def to_conll(entities: Iterable[Entity], text: str | None = None) -> set[Entity]:
    """OntoNotes-labelled entities in CoNLL's labels (unmapped labels dropped); with
    the ``text``, a leading article left out too: CoNLL-2003 never takes "the" into a
    name, OntoNotes often does ("the Federal Reserve", "the United States")."""
    mapped = {(s, e, CONLL_MAP[label]) for s, e, label in entities if label in CONLL_MAP}
    if text is None:
        return mapped
    return {(s + 4 if text[s : s + 4] in ("the ", "The ") and e > s + 4 else s, e, label)
            for s, e, label in mapped}
