"""Chunks read in one batch with their re-cased windows: entities with exact offsets."""

from __future__ import annotations

from desktop.nlp.entities.casing import CaseEvidence
from desktop.nlp.entities.chunk import read_chunks


def test_each_chunk_gets_its_doc_and_revised_entities(nlp):
    texts = ["BAKU, Azerbaijan, June 22. Kazakh companies have grown.",
             "Ships sail to Baku and Aktau.", "No names here."]
    read = read_chunks(nlp, texts, CaseEvidence.of("\n".join(texts)))
    assert [doc.text for doc, _ in read] == texts
    first = {(texts[0][s.start : s.end], s.label) for s in read[0][1]}
    assert {("BAKU", "GPE"), ("Azerbaijan", "GPE"), ("Kazakh", "NORP")} <= first
    assert {(texts[1][s.start : s.end], s.label) for s in read[1][1]} >= {("Baku", "GPE")}
    assert read[2][1] == []
