"""The entity stages that need only one chunk, run as the chunks stream in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.nlp.entities import landforms, organisations
from desktop.nlp.entities.boundaries import (
    drop_pronoun_one,
    split_at_dashes,
    trim_numeric_edges,
    trim_punctuation,
    trim_sentence_stop,
    trim_trailing_numbers,
)
from desktop.nlp.entities.casing import CaseEvidence, RereadPlan, apply_reread, plan_reread
from desktop.nlp.entities.context import apply_context
from desktop.nlp.entities.gazetteer import load_gazetteer
from desktop.nlp.entities.places import apply_gazetteer
from desktop.nlp.results import EntitySpan

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def read_chunks(
    nlp: Language, texts: Sequence[str], evidence: CaseEvidence, batch_size: int = 32
) -> list[tuple[Doc, list[EntitySpan]]]:
    """Each text's Doc and its revised entities (offsets into the text).

    The texts go through ``nlp.pipe`` together with the re-cased windows of their
    all-caps stretches, so a re-read costs its few tokens and no call of its own.
    ``evidence`` is :meth:`CaseEvidence.of` the whole text.
    """
    plans = [plan_reread(text, evidence) for text in texts]
    windows = [window for plan in plans for (_, _, window) in plan.windows]
    docs = list(nlp.pipe([*texts, *windows], batch_size=batch_size))
    window_docs = iter(docs[len(texts) :])
    return [
        (doc, revise_chunk(doc, plan, [next(window_docs) for _ in plan.windows], text))
        for doc, plan, text in zip(docs, plans, texts)
    ]


def revise_chunk(
    doc: Doc, plan: RereadPlan, window_docs: list[Doc], text: str | None = None
) -> list[EntitySpan]:
    """The entities of one chunk's ``doc``: its all-caps stretches taken from the
    re-read ``window_docs``, stray punctuation and a sentence's full stop trimmed, gazetteer labels given, and
    names relabelled by the words around them (:mod:`.context`, :mod:`.landforms`, :mod:`.organisations`).
    ``text`` is the doc's text when the caller has it (``Doc.text`` joins every token)."""
    text = doc.text if text is None else text
    spans = apply_reread(model_spans(doc), plan, window_docs)
    spans = trim_trailing_numbers(trim_punctuation(spans, text), text)
    spans = drop_pronoun_one(trim_numeric_edges(trim_sentence_stop(spans, text), text), text)
    spans = split_at_dashes(spans, text, _is_place)
    return name_cues(apply_context(apply_gazetteer(spans, text), text), text)


#: Labels of the names that :func:`name_cues` reads.
_CUE_LABELS = frozenset({"ORG", "FAC", "EVENT", "GPE", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART"})


def name_cues(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` with the per-span rules of :mod:`.landforms` and :mod:`.organisations`
    applied in one pass (landforms, divisions, structures, legal forms, "the" before a
    part, people with roles; each rule is a stage of its own in the benchmarks)."""
    rules = (landforms.landform_name, landforms.division_name, landforms.facility_name,
             organisations.legal_form_name, organisations.part_after_the, organisations.person_with_role)
    revised = []
    for span in spans:
        if span.label in _CUE_LABELS:
            for rule in rules:
                span = rule(span, text)
        revised.append(span)
    return revised


def model_spans(doc: Doc) -> list[EntitySpan]:
    """The recogniser's entities of ``doc``, kept as it labelled them."""
    return [
        EntitySpan(ent.start_char, ent.end_char, ent.label_, model_label=ent.label_)
        for ent in doc.ents
    ]


def _is_place(surface: str) -> bool:
    gazetteer = load_gazetteer()
    return gazetteer.lookup(surface) is not None or gazetteer.lookup(surface.title()) is not None
