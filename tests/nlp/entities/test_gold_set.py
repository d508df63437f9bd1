"""The entity gold set is well formed: every offset points at its text, spans sit on
word boundaries, do not overlap, and carry OntoNotes labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[2] / "data" / "entities_gold" / "gold.jsonl"
ONTONOTES_LABELS = {
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
    "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
}


def records() -> list[dict]:
    with GOLD.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def test_the_set_is_large_enough_and_split_in_halves():
    splits = [r["split"] for r in records()]
    assert len(splits) >= 30
    assert set(splits) == {"dev", "heldout"}
    assert abs(splits.count("dev") - splits.count("heldout")) <= 1
    assert len({r["id"] for r in records()}) == len(splits)


@pytest.mark.parametrize("record", records(), ids=lambda r: r["id"])
def test_every_entity_points_at_its_words(record):
    text, previous_end = record["text"], 0
    for entity in sorted(record["entities"], key=lambda e: e["start"]):
        start, end = entity["start"], entity["end"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == entity["text"]
        assert entity["label"] in ONTONOTES_LABELS
        assert entity["text"] == entity["text"].strip()
        assert start == 0 or not text[start - 1].isalnum(), entity
        assert end == len(text) or not text[end].isalnum(), entity
        assert start >= previous_end, f"{entity} overlaps the entity before it"
        previous_end = end
